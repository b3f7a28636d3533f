"""The library's exceptions and warning.

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
laeringsnettverk.errors.ValidationError: scores["Sove"]: 5.5 must be a whole number (int)

```

Free text that a person typed (activity names, notes, comments) may be health
data; it is never echoed as a *value* in a message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

__all__ = [
    "Key",
    "LaeringsnettverkError",
    "LaeringsnettverkWarning",
    "PathSegment",
    "Problem",
    "ValidationError",
]


class Key(str):
    """A path segment that is a mapping key (``scores["Sove"]``), not an attribute name."""

    __slots__ = ()


PathSegment = str | int
"""One step of a field path: an attribute name (``str``), a mapping key (:class:`Key`) or a
list index (``int``)."""

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_NO_VALUE = object()
_MAX_SHOWN = 60
MAX_PROBLEMS = 100
"""The most problems one error lists (the library's choice); the rest are only counted, so a
huge bad document costs bounded time and memory to report."""


class LaeringsnettverkError(Exception):
    """Base class of every exception raised by this library."""


class LaeringsnettverkWarning(UserWarning):
    """Warns of a risky but legal operation.

    For example, a benefit between conversations that scored different activities.
    Silence it with ``warnings.filterwarnings("ignore", category=LaeringsnettverkWarning)``.
    """


def _show_value(value: object, *, text: bool) -> str:
    """Render a value for an error message, withholding free text."""
    if text and isinstance(value, str):
        return f"<free text, {len(value)} characters>"
    try:
        shown = repr(value)
    except (ValueError, RecursionError):  # an int beyond str()'s digit limit; deep nesting
        return f"<{type(value).__name__} too large to show>"
    if len(shown) > _MAX_SHOWN:
        shown = shown[: _MAX_SHOWN - 3] + "..."
    return shown


@attrs.frozen(kw_only=True)
class Problem:
    """One broken rule: where (``path``), what (``shown``, the rendered value) and why (``rule``).

    Build it with :meth:`Problem.of`, which renders the value safely.
    """

    path: tuple[PathSegment, ...]
    """Where the bad value sits, from the object (or document) being validated."""
    rule: str
    """The rule it broke, phrased to follow the value: ``"is above the scale's max 10"``."""
    shown: str | None = None
    """The value as shown in messages (free text withheld), or ``None`` when there is none."""

    @classmethod
    def of(
        cls,
        path: Sequence[PathSegment],
        rule: str,
        value: object = _NO_VALUE,
        *,
        text: bool = False,
    ) -> Problem:
        """Make a problem; ``text=True`` marks the value as free text that must not be echoed."""
        shown = None if value is _NO_VALUE else _show_value(value, text=text)
        return cls(path=tuple(path), rule=rule, shown=shown)

    def prefixed(self, prefix: Sequence[PathSegment]) -> Problem:
        """The same problem, seen from an enclosing object at ``prefix``."""
        return attrs.evolve(self, path=(*prefix, *self.path))

    def python_path(self) -> str:
        """The path in Python terms: ``conversations[1].scores["Sove"]``."""
        out = ""
        for seg in self.path:
            if isinstance(seg, int):
                out += f"[{seg}]"
            elif isinstance(seg, Key) or not _IDENTIFIER.match(seg):
                out += '["' + seg.replace('"', '\\"') + '"]'
            else:
                out += f".{seg}" if out else seg
        return out or "<root>"

    def json_path(self) -> str:
        """The path in JSONPath terms: ``$.conversations[1].scores.Sove``."""
        out = "$"
        for seg in self.path:
            if isinstance(seg, int):
                out += f"[{seg}]"
            elif _IDENTIFIER.match(seg):
                out += f".{seg}"
            else:
                out += "['" + seg.replace("'", "\\'") + "']"
        return out

    def render(self, style: Literal["python", "json"] = "python") -> str:
        """The problem as one line of an error message."""
        path = self.json_path() if style == "json" else self.python_path()
        if self.shown is None:
            return f"{path}: {self.rule}"
        return f"{path}: {self.shown} {self.rule}"

    def to_dict(self) -> dict[str, str | None]:
        """The problem for a machine: JSON path, shown value and rule."""
        return {"path": self.json_path(), "value": self.shown, "rule": self.rule}


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
    ) -> ValidationError:
        """An error with a single problem (see :meth:`Problem.of`)."""
        return cls([Problem.of(path, rule, value, text=text)])

    def prefixed(self, prefix: Sequence[PathSegment]) -> ValidationError:
        """The same error with every path seen from an enclosing object at ``prefix``."""
        return ValidationError(
            [p.prefixed(prefix) for p in self.problems], style=self.style, omitted=self.omitted
        )

    def as_json(self) -> ValidationError:
        """The same error with paths in JSONPath terms, as for a loaded document."""
        return ValidationError(self.problems, style="json", omitted=self.omitted)

    def to_dicts(self) -> list[dict[str, str | None]]:
        """Every problem as ``{"path", "value", "rule"}``, ready for a service's response."""
        return [p.to_dict() for p in self.problems]

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.problems, self.style, self.omitted))


def _rebuild(
    problems: tuple[Problem, ...], style: Literal["python", "json"], omitted: int = 0
) -> ValidationError:
    return ValidationError(problems, style=style, omitted=omitted)
