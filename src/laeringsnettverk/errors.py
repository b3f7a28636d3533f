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

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, TypeAlias

import attrs

from laeringsnettverk import _error_values
from laeringsnettverk._error_codes import ERROR_CODES, MAX_PROBLEMS, ErrorCode, error_code_table
from laeringsnettverk._error_show import _Ctx, _freeze_ctx, _input_of, _safe_path, _show_value
from laeringsnettverk._error_values import WITHHELD, Key, PathSegment, Position, TypeName, _Withheld
from laeringsnettverk._model_repr import model_repr

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

# Used across the library, not public: defined here as well as in _error_values.
JsonScalar: TypeAlias = _error_values.JsonScalar
MAX_SHOWN = _error_values.MAX_SHOWN


def _identifier(seg: str) -> bool:
    """Whether a path segment reads as a name (``.name``): an ASCII identifier, nothing more."""
    return seg.isascii() and seg.isidentifier()


_NO_VALUE = object()


class LaeringsnettverkError(Exception):
    """Base class of every exception raised by this library."""


class LaeringsnettverkWarning(UserWarning):
    """Warns of a risky but legal operation.

    For example, a benefit between conversations that scored different activities.
    Silence it with ``warnings.filterwarnings("ignore", category=LaeringsnettverkWarning)``.
    """


@attrs.frozen(kw_only=True)
class Problem:
    """One broken rule: where (``path``), what (``shown``, the rendered value), why (``rule``).

    Build it with :meth:`Problem.of`, which renders the value safely. ``code`` is its
    stable error code (a key of :data:`ERROR_CODES`), ``input`` the value as JSON data
    when it is safe to show (else :data:`WITHHELD`), ``ctx`` the numbers and codes the
    rule mentions (``{"le": 10}``), for the Norwegian message and for machines.
    """

    __repr__ = model_repr  # attrs' text, from one shared function (the cold start)

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
            raise KeyError(f"unknown error code {code!r}: add it to _error_codes._CODES")
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
            elif isinstance(seg, Key) or not _identifier(seg):
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
            elif _identifier(seg):
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
