"""The library's exceptions and warning, and its error codes.

Every error the library raises for bad input is a :class:`ValidationError`: a
subclass of both :class:`LaeringsnettverkError` (catch everything from this
library) and :class:`ValueError` (catch it like the builtin). Its message names,
for each problem, the **path** of the field, the offending **value** and the
**rule** it broke:

```pycon
>>> from laeringsnettverk import Conversation
>>> import datetime
>>> Conversation(date=datetime.date(2015, 2, 5), scores={"Sove": 5.5})
Traceback (most recent call last):
...
laeringsnettverk.errors.ValidationError: scores[key 0]: 5.5 must be a whole number (int)

```

For a machine, :meth:`ValidationError.errors` gives each problem as data: its location
(``loc``), a stable code (``type``, one of :data:`ERROR_CODES`), the message in English
and Norwegian, and the offending value (``input``) when it is safe to show:

```pycon
>>> try:
...     Conversation(date=datetime.date(2015, 2, 5), scores={"Sove": 5.5})
... except ValidationError as error:
...     for key, value in error.errors()[0].items():
...         print(f"{key}: {value!r}")
loc: ['scores', {'key': 0}]
type: 'int_type'
msg: '5.5 must be a whole number (int)'
msg_nb: '5.5 må være et heltall (int)'
input: 5.5

```

Free text that a person typed (activity names, notes, comments) may be health
data; it is never echoed, as a value or in a path: a mapping key that may be free text
(an activity's name in ``scores``) is addressed by its position (``scores[key 0]``, the
first key of that ``scores`` object, in the order given).
"""

from __future__ import annotations

import datetime
import enum
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TypeAlias

import attrs

__all__ = [
    "ERROR_CODES",
    "MAX_PROBLEMS",
    "WITHHELD",
    "ErrorCode",
    "Key",
    "LaeringsnettverkError",
    "LaeringsnettverkWarning",
    "PathSegment",
    "Position",
    "Problem",
    "TypeName",
    "ValidationError",
    "error_code_table",
]


class Key(str):
    """A path segment that is a mapping key known not to be free text (``["a b"]``).

    Keys that may be free text are never put in a path: see :class:`Position`.
    """

    __slots__ = ()


@attrs.frozen
class Position:
    """A path segment for a mapping key that may be free text, by its position.

    ``Position(3)`` is the fourth key (counting from 0) of the mapping, in the order the
    keys were given (the document's order). It renders as ``[key 3]`` and appears in
    :meth:`Problem.loc` as ``{"key": 3}``: a developer maps it back to the key with the
    document in hand, and the key itself (an activity's name) is never echoed.
    """

    index: int
    """The key's position among the mapping's keys, counting from 0."""


PathSegment: TypeAlias = str | int | Position
"""One step of a field path: an attribute name (``str``), a mapping key (:class:`Key`), a
list index (``int``) or a free-text key by its position (:class:`Position`)."""


class TypeName(str):
    """A value shown in a message that names the *type* given, not the value.

    Rendered like a string (``'str' must be a Scale``) but never reported as the
    problem's ``input``, which would otherwise look like the string ``"str"`` was given.
    """

    __slots__ = ()


class _Withheld(enum.Enum):
    WITHHELD = "withheld"

    def __repr__(self) -> str:
        return "WITHHELD"


WITHHELD = _Withheld.WITHHELD
"""The ``input`` of a problem whose value is not shown: free text, a list or object, a
value too long to show, or no value at all."""

JsonScalar: TypeAlias = str | int | float | bool | None

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_NO_VALUE = object()
MAX_SHOWN = 80
"""The most characters of a value or a key shown in a message (the library's choice); a
longer one is cut and ends with ``…``."""
_INT_BITS = 256  # ints shown as input: up to 2**256 (77 digits), a JSON number every reader takes
MAX_PROBLEMS = 100
"""The most problems one error lists (the library's choice); the rest are only counted, so a
huge bad document costs bounded time and memory to report."""
# characters that would end a line (str.splitlines) or are not text: escaped in paths
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class LaeringsnettverkError(Exception):
    """Base class of every exception raised by this library."""


class LaeringsnettverkWarning(UserWarning):
    """Warns of a risky but legal operation.

    For example, a benefit between conversations that scored different activities.
    Silence it with ``warnings.filterwarnings("ignore", category=LaeringsnettverkWarning)``.
    """


# -- the error codes ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ErrorCode:
    """One stable error code: what it means, and its Norwegian message.

    The code is the ``type`` of a problem in :meth:`ValidationError.errors`; codes are
    never renamed or reused within a major version (see the versioning policy).
    """

    code: str
    """The code, lower-case ASCII with underscores (``"int_type"``)."""
    meaning: str
    """What the code means, in English (the reference table's text)."""
    nb: str
    """The Norwegian rule, phrased to follow the value; ``{name}`` fields come from the
    problem's ``ctx`` (``"er over øvre grense {le}"``)."""


_CODES: tuple[tuple[str, str, str], ...] = (
    # (code, meaning, Norwegian rule)
    (
        "value_error",
        "A rule of the model that has no code of its own (the English message tells it).",
        "bryter en regel: {rule}",
    ),
    ("missing", "A required field is absent.", "mangler (feltet er påkrevd)"),
    (
        "extra_forbidden",
        "A key that is not a field of the object (unknown keys are rejected, not dropped).",
        "er ikke et felt i {model}: ukjente nøkler avvises",
    ),
    (
        "int_type",
        'Not a whole number (a JSON integer; not 5.5, not "5", not true).',
        "må være et heltall (int)",
    ),
    ("number_type", "Not a number.", "må være et tall"),
    ("finite_number", "Not a finite number (NaN or infinity).", "må være et endelig tall"),
    (
        "number_too_large",
        "An integer too large to be a floating-point number (beyond ±1.8e308).",
        "er for stort til å være et tall (over ±1.8e308)",
    ),
    ("bool_type", "Not true or false.", "må være true eller false"),
    ("string_type", "Not text (a JSON string).", "må være tekst (str)"),
    ("string_blank", "Text that must not be empty or blank.", "kan ikke være tom"),
    (
        "code_type",
        "Not a non-empty technical code or identifier.",
        "må være en kode som ikke er tom",
    ),
    ("date_type", "Not a date (a `datetime.date`, in Python).", "må være en dato (datetime.date)"),
    (
        "date_format",
        "Not an ISO 8601 date string `YYYY-MM-DD`.",
        "må være en dato på formen ÅÅÅÅ-MM-DD (ISO 8601)",
    ),
    ("date_invalid", "A date that does not exist (30 February).", "er ikke en dato som finnes"),
    (
        "enum",
        "Not one of the codes of a coded enumeration; `ctx.expected` lists them.",
        "er ikke en kjent kode for {enum}; gyldige koder er {expected}",
    ),
    ("list_type", "Not a list (a JSON array).", "må være en liste"),
    ("object_type", "Not an object (a JSON object).", "må være et objekt"),
    (
        "model_type",
        "Not an object of the model class the field needs (in Python).",
        "må være av typen {expected}",
    ),
    ("key_type", "A mapping key that is not text.", "har nøkler som ikke er tekst"),
    (
        "greater_than_equal",
        "Below the lowest value allowed; `ctx.ge` is that value.",
        "er under nedre grense {ge}",
    ),
    (
        "less_than_equal",
        "Above the highest value allowed; `ctx.le` is that value.",
        "er over øvre grense {le}",
    ),
    (
        "duplicate",
        "A name, identifier or value given twice where each must be unique.",
        "er gitt to ganger",
    ),
    (
        "order",
        "Out of order: a date or a limit that must come after another.",
        "kommer i feil rekkefølge",
    ),
    (
        "reference",
        "Refers to something the document does not have (a score for an unknown activity).",
        "viser til noe dokumentet ikke har",
    ),
    (
        "lone_surrogate",
        "Text holding a lone surrogate (U+D800..U+DFFF): not Unicode, cannot be written as UTF-8.",
        "inneholder et enslig surrogattegn (ikke Unicode-tekst; kan ikke skrives som UTF-8)",
    ),
    (
        "repeated_key",
        "A key that appears more than once in one JSON object.",
        "står mer enn én gang i objektet: nøkler må være unike",
    ),
    ("json_invalid", "Text that is not JSON.", "er ikke gyldig JSON"),
    (
        "encoding",
        "Bytes that are not valid UTF-8 (or UTF-16/32 where those are read).",
        "er ikke gyldig tekst i tegnkodingen {encoding}",
    ),
    ("too_deep", "JSON nested too deeply to read.", "er nøstet for dypt til å leses"),
    (
        "too_many_digits",
        "A number of more than 4300 digits (Python's limit for reading one).",
        "har et tall med for mange sifre til å leses",
    ),
    ("document_type", "Not a JSON object (a document).", "må være et JSON-objekt (et dokument)"),
    (
        "kind",
        "`kind` is not a known document kind; `ctx.expected` lists them.",
        "er ikke en kjent dokumenttype; gyldige er {expected}",
    ),
    (
        "kind_mismatch",
        "The document is of another kind than the one required.",
        "må være dokumenttypen for {expected}",
    ),
    (
        "schema_version",
        "A schema version this version of the library cannot read.",
        "er ikke en støttet skjemaversjon ({supported})",
    ),
    (
        "migration",
        "A document of an older schema version that its registered migration could not read.",
        "kunne ikke oppgraderes fra en eldre skjemaversjon",
    ),
    (
        "too_many_problems",
        f"More problems than are listed (at most {MAX_PROBLEMS}); `ctx.omitted` counts the rest.",
        "… og {omitted} problemer til",
    ),
)

ERROR_CODES: Mapping[str, ErrorCode] = {
    code: ErrorCode(code=code, meaning=meaning, nb=nb) for code, meaning, nb in _CODES
}
"""Every error code, in the reference table's order (``docs/reference/errors.md``)."""


def error_code_table() -> str:
    """The error codes as a Markdown table (the one in ``docs/reference/errors.md``)."""
    rows = ["| `type` | Meaning | Norwegian message (`msg_nb`) |", "| --- | --- | --- |"]
    for c in ERROR_CODES.values():
        rows.append(f"| `{c.code}` | {c.meaning} | {c.nb.replace('|', '/')} |")
    return "\n".join(rows) + "\n"


# -- showing values and paths safely -----------------------------------------------------------


def _cut(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def _show_value(value: object, *, text: bool) -> str:
    """Render a value for an error message: free text, lists and objects only described."""
    if text and isinstance(value, str):
        return f"<free text, {len(value)} characters>"
    if isinstance(value, TypeName):
        return repr(str(value))
    if isinstance(value, bool | float | str | datetime.date | enum.Enum) or value is None:
        return _cut(repr(value.value if isinstance(value, enum.Enum) else value))
    if isinstance(value, int):
        if value.bit_length() > 4 * MAX_SHOWN:  # beyond any 80 digits; str() may refuse it
            return "<int too large to show>"
        return _cut(repr(value))
    # a list, an object, a model: only its type, since it may hold free text
    if isinstance(value, list | tuple):
        return "<list>"
    if isinstance(value, Mapping):
        return "<object>"
    return f"<{type(value).__name__}>"


def _input_of(value: object, *, text: bool) -> JsonScalar | _Withheld:
    """The value as a JSON value for :meth:`Problem.errors`, or ``WITHHELD``."""
    if text or isinstance(value, TypeName):
        return WITHHELD
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value) if value.bit_length() <= _INT_BITS else WITHHELD
    if isinstance(value, float):
        return value if math.isfinite(value) else WITHHELD
    if isinstance(value, enum.Enum):
        value = value.value
        return value if isinstance(value, str | int) and not isinstance(value, bool) else WITHHELD
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and len(value) <= MAX_SHOWN and not _UNSAFE.search(value):
        return str(value)
    return WITHHELD


def _escape(text: str) -> str:
    r"""A key as one safe line: cut at 80 characters, line breaks and the like as ``\uXXXX``."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", _cut(text))


def _safe_segment(seg: PathSegment) -> PathSegment:
    if isinstance(seg, str) and (len(seg) > MAX_SHOWN or _UNSAFE.search(seg)):
        return Key(_escape(seg)) if isinstance(seg, Key) else _escape(seg)
    return seg


def _safe_path(path: Iterable[PathSegment]) -> tuple[PathSegment, ...]:
    """A path whose keys are bounded and cannot break a line (see :data:`MAX_SHOWN`)."""
    return tuple(_safe_segment(seg) for seg in path)


def _freeze_ctx(
    ctx: Mapping[str, JsonScalar] | Iterable[tuple[str, JsonScalar]],
) -> tuple[tuple[str, JsonScalar], ...]:
    items = ctx.items() if isinstance(ctx, Mapping) else ctx
    return tuple(items)


class _Ctx(dict[str, Any]):
    """A problem's ctx for a Norwegian rule: a name it lacks shows as ``…``."""

    def __missing__(self, key: str) -> str:
        return "…"


@attrs.frozen(kw_only=True)
class Problem:
    """One broken rule: where (``path``), what (``shown``, the rendered value), why (``rule``).

    Build it with :meth:`Problem.of`, which renders the value safely. ``code`` is its
    stable error code (a key of :data:`ERROR_CODES`), ``input`` the value as JSON data
    when it is safe to show (else :data:`WITHHELD`), ``ctx`` the numbers and codes the
    rule mentions (``{"le": 10}``), for the Norwegian message and for machines.
    """

    path: tuple[PathSegment, ...] = attrs.field(converter=_safe_path)
    """Where the bad value sits, from the object (or document) being validated."""
    rule: str
    """The rule it broke, phrased to follow the value: ``"is above the scale's max 10"``."""
    shown: str | None = None
    """The value as shown in messages (free text withheld), or ``None`` when there is none."""
    code: str = "value_error"
    """The stable error code: one of :data:`ERROR_CODES`."""
    input: JsonScalar | _Withheld = WITHHELD
    """The offending value as JSON data: a number, true/false, null, a code or an ISO date;
    :data:`WITHHELD` for free text, lists and objects, or when there is no value."""
    ctx: tuple[tuple[str, JsonScalar], ...] = attrs.field(default=(), converter=_freeze_ctx)
    """Values the rule mentions, as ``(name, value)`` pairs (``(("le", 10),)``)."""

    @classmethod
    def of(
        cls,
        path: Sequence[PathSegment],
        rule: str,
        value: object = _NO_VALUE,
        *,
        text: bool = False,
        code: str = "value_error",
        ctx: Mapping[str, JsonScalar] | None = None,
    ) -> Problem:
        """Make a problem; ``text=True`` marks the value as free text that must not be echoed.

        Raises:
            KeyError: ``code`` is not one of :data:`ERROR_CODES` (a mistake in the library).
        """
        if code not in ERROR_CODES:
            raise KeyError(f"unknown error code {code!r}: add it to errors._CODES")
        given: JsonScalar | _Withheld = WITHHELD
        if value is _NO_VALUE:
            shown = None
        else:
            shown, given = _show_value(value, text=text), _input_of(value, text=text)
        return cls(path=path, rule=rule, shown=shown, code=code, input=given, ctx=ctx or ())

    def prefixed(self, prefix: Sequence[PathSegment]) -> Problem:
        """The same problem, seen from an enclosing object at ``prefix``."""
        return attrs.evolve(self, path=(*prefix, *self.path))

    def python_path(self) -> str:
        """The path in Python terms: ``conversations[1].scores[key 0]``."""
        out = ""
        for seg in self.path:
            if isinstance(seg, Position):
                out += f"[key {seg.index}]"
            elif isinstance(seg, int):
                out += f"[{seg}]"
            elif isinstance(seg, Key) or not _IDENTIFIER.match(seg):
                out += '["' + seg.replace('"', '\\"') + '"]'
            else:
                out += f".{seg}" if out else seg
        return out or "<root>"

    def json_path(self) -> str:
        """The path in JSONPath terms: ``$.conversations[1].scores[key 0]``.

        A free-text key by position reads ``[key 0]`` (not JSONPath: see :class:`Position`).
        """
        out = "$"
        for seg in self.path:
            if isinstance(seg, Position):
                out += f"[key {seg.index}]"
            elif isinstance(seg, int):
                out += f"[{seg}]"
            elif _IDENTIFIER.match(seg):
                out += f".{seg}"
            else:
                out += "['" + seg.replace("'", "\\'") + "']"
        return out

    def render(self, style: Literal["python", "json"] = "python") -> str:
        """The problem as one line of an error message."""
        path = self.json_path() if style == "json" else self.python_path()
        return f"{path}: {self.message()}"

    def message(self) -> str:
        """The message without the path, in English: ``"11 is above the scale's max 10"``."""
        return self.rule if self.shown is None else f"{self.shown} {self.rule}"

    def message_nb(self) -> str:
        """The message without the path, in Norwegian (bokmål), from the code's rule."""
        rule = ERROR_CODES[self.code].nb.format_map(_Ctx(self.ctx, rule=self.rule))
        shown = self.shown
        if shown is None:
            return rule
        match = re.fullmatch(r"<free text, (\d+) characters>", shown)
        if match:
            shown = f"<fritekst, {match.group(1)} tegn>"
        elif shown.startswith("<int too large"):
            shown = "<heltall for stort til å vises>"
        return f"{shown} {rule}"

    def loc(self) -> list[str | int | dict[str, int]]:
        """The path as JSON data: keys, indexes, and ``{"key": n}`` for a key by position."""
        return [{"key": seg.index} if isinstance(seg, Position) else seg for seg in self.path]

    def error(self) -> dict[str, Any]:
        """The problem as pydantic-style data: ``loc``, ``type``, ``msg``, ``msg_nb``, ...

        ``input`` is present only when the value is safe to show, ``ctx`` only when the
        rule mentions values.
        """
        out: dict[str, Any] = {
            "loc": self.loc(),
            "type": self.code,
            "msg": self.message(),
            "msg_nb": self.message_nb(),
        }
        if self.input is not WITHHELD:
            out["input"] = self.input
        if self.ctx:
            out["ctx"] = dict(self.ctx)
        return out

    def to_dict(self) -> dict[str, Any]:
        """The problem for a machine: :meth:`error`'s keys, and ``path``, ``value``, ``rule``.

        ``path`` is the JSON path as text, ``value`` the value as shown in the message (or
        ``None``), ``rule`` the English rule: the keys of earlier versions.
        """
        return {"path": self.json_path(), "value": self.shown, "rule": self.rule, **self.error()}


class ValidationError(LaeringsnettverkError, ValueError):
    """Bad input: one or more :class:`Problem` s, each with path, value and rule.

    ``style`` chooses how paths read: ``"python"`` for objects built in code,
    ``"json"`` (``$.a[0].b``) for documents being loaded.

    At most ``MAX_PROBLEMS`` (100) problems are listed in ``problems``; ``omitted`` counts
    the rest, and the message ends ``… and N more problems``.
    """

    problems: tuple[Problem, ...]
    style: Literal["python", "json"]
    omitted: int

    def __init__(
        self,
        problems: Iterable[Problem],
        *,
        style: Literal["python", "json"] = "python",
        omitted: int = 0,
    ) -> None:
        rest = iter(problems)
        self.problems = tuple(itertools.islice(rest, MAX_PROBLEMS))
        self.omitted = omitted + sum(1 for _ in rest)
        self.style = style
        super().__init__(self._message())

    @property
    def count(self) -> int:
        """How many problems there are, listed in ``problems`` or only counted."""
        return len(self.problems) + self.omitted

    def _message(self) -> str:
        lines = [p.render(self.style) for p in self.problems]
        if self.omitted:
            lines.append(f"… and {self.omitted} more problems")
        elif len(lines) == 1:
            return lines[0]
        return f"{self.count} problems:\n" + "\n".join(f"  {line}" for line in lines)

    @classmethod
    def one(
        cls,
        path: Sequence[PathSegment],
        rule: str,
        value: object = _NO_VALUE,
        *,
        text: bool = False,
        code: str = "value_error",
        ctx: Mapping[str, JsonScalar] | None = None,
    ) -> ValidationError:
        """An error with a single problem (see :meth:`Problem.of`)."""
        return cls([Problem.of(path, rule, value, text=text, code=code, ctx=ctx)])

    def prefixed(self, prefix: Sequence[PathSegment]) -> ValidationError:
        """The same error with every path seen from an enclosing object at ``prefix``."""
        return ValidationError(
            [p.prefixed(prefix) for p in self.problems], style=self.style, omitted=self.omitted
        )

    def as_json(self) -> ValidationError:
        """The same error with paths in JSONPath terms, as for a loaded document."""
        return ValidationError(self.problems, style="json", omitted=self.omitted)

    def errors(self) -> list[dict[str, Any]]:
        """Every problem as data, like pydantic's ``errors()`` (see :meth:`Problem.error`).

        When problems were omitted, a last entry of type ``too_many_problems`` (at ``loc``
        ``[]``, ``ctx.omitted`` the count) says how many.
        """
        out = [p.error() for p in self.problems]
        if self.omitted:
            out.append(_too_many(self.omitted).error())
        return out

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every listed problem as :meth:`Problem.to_dict`, ready for a service's response.

        Problems beyond ``MAX_PROBLEMS`` are only counted, in ``omitted``.
        """
        return [p.to_dict() for p in self.problems]

    def to_dict(self) -> dict[str, Any]:
        """The error as one JSON object: ``{"error", "count", "omitted", "problems"}``.

        ``problems`` is :meth:`to_dicts` (the listed problems), ``omitted`` how many more
        were only counted, ``count`` both together; the object follows the published schema
        :func:`laeringsnettverk.serialization.error_schema`.
        """
        return {
            "error": "validation_error",
            "count": self.count,
            "omitted": self.omitted,
            "problems": self.to_dicts(),
        }

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.problems, self.style, self.omitted))


def _too_many(omitted: int) -> Problem:
    return Problem.of(
        (), f"… and {omitted} more problems", code="too_many_problems", ctx={"omitted": omitted}
    )


def _rebuild(
    problems: tuple[Problem, ...], style: Literal["python", "json"], omitted: int = 0
) -> ValidationError:
    return ValidationError(problems, style=style, omitted=omitted)
