"""Small reusable checks that collect :class:`~laeringsnettverk.errors.Problem` s.

Models validate in one pass (``__attrs_post_init__``) with a :class:`Checker`, so a
bad object reports every problem at once and construction stays cheap.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from enum import Enum
from typing import NoReturn

from laeringsnettverk.errors import PathSegment, Problem, ValidationError

__all__ = ["NUMBERS", "Checker", "isfinite"]

Path = Sequence[PathSegment]

NUMBERS = (int, float)
"""The types :meth:`Checker.number` accepts (exactly: not bool, not a subclass)."""
isfinite = math.isfinite
"""``math.isfinite``, bound once for the models' quick valid-case passes."""


class Checker:
    """Collects problems; :meth:`done` raises them together as one ValidationError."""

    __slots__ = ("problems",)

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: Path, rule: str, value: object = ..., *, text: bool = False) -> None:
        """Record a problem (``value=...`` means there is no value to show)."""
        if value is ...:
            self.problems.append(Problem.of(path, rule))
        else:
            self.problems.append(Problem.of(path, rule, value, text=text))

    def extend(self, error: ValidationError, prefix: Path) -> None:
        """Record every problem of a nested error, seen from ``prefix``."""
        self.problems.extend(p.prefixed(prefix) for p in error.problems)

    def done(self) -> None:
        """Raise the collected problems, if any."""
        if self.problems:
            raise ValidationError(self.problems)

    # -- typed checks: each returns True when the value passed ---------------------------

    def integer(
        self,
        path: Path,
        value: object,
        lo: int | None = None,
        hi: int | None = None,
        what: str = "",
    ) -> bool:
        """A plain ``int`` (not bool), optionally within ``[lo, hi]``."""
        if type(value) is not int:
            self.add(path, "must be a whole number (int)", value)
            return False
        return self._bounds(path, value, lo, hi, what)

    def number(
        self,
        path: Path,
        value: object,
        lo: float | None = None,
        hi: float | None = None,
        what: str = "",
    ) -> bool:
        """A finite ``int`` or ``float`` (not bool, not NaN), optionally within ``[lo, hi]``."""
        if type(value) not in (int, float):
            self.add(path, "must be a number", value)
            return False
        assert isinstance(value, int | float)
        if not math.isfinite(value):
            self.add(path, "must be a finite number", value)
            return False
        return self._bounds(path, value, lo, hi, what)

    def _bounds(
        self, path: Path, value: float, lo: float | None, hi: float | None, what: str
    ) -> bool:
        if lo is not None and value < lo:
            self.add(path, f"is below {what}min {lo:g}" if what else f"must be >= {lo:g}", value)
            return False
        if hi is not None and value > hi:
            self.add(path, f"is above {what}max {hi:g}" if what else f"must be <= {hi:g}", value)
            return False
        return True

    def text(self, path: Path, value: object, *, required: bool = True) -> bool:
        """A string; when ``required``, not empty or blank. Free text is never echoed."""
        if not isinstance(value, str):
            self.add(path, "must be text (str)", value)
            return False
        if required and not value.strip():
            self.add(path, "must not be empty")
            return False
        return True

    def optional_text(self, path: Path, value: object) -> bool:
        """``None`` or a string (may be empty)."""
        return value is None or self.text(path, value, required=False)

    def code(self, path: Path, value: object) -> bool:
        """A non-empty technical code or identifier (shown in messages)."""
        if not isinstance(value, str) or not value.strip():
            self.add(path, "must be a non-empty string", value)
            return False
        return True

    def date(self, path: Path, value: object) -> bool:
        """A ``datetime.date`` (not a datetime)."""
        if type(value) is not datetime.date:
            self.add(path, "must be a date (datetime.date)", value)
            return False
        return True

    def optional_date(self, path: Path, value: object) -> bool:
        """``None`` or a ``datetime.date``."""
        return value is None or self.date(path, value)

    def boolean(self, path: Path, value: object) -> bool:
        """A ``bool``."""
        if type(value) is not bool:
            self.add(path, "must be true or false (bool)", value)
            return False
        return True

    def member(self, path: Path, value: object, enum: type[Enum]) -> bool:
        """A member of ``enum`` (its code is accepted too)."""
        if isinstance(value, enum):
            return True
        codes = ", ".join(repr(m.value) for m in enum)
        self.add(path, f"is not a known {enum.__name__} code; expected one of {codes}", value)
        return False

    def instances(self, path: Path, values: tuple[object, ...], cls: type) -> bool:
        """Every element of a tuple is a ``cls``."""
        ok = True
        for i, v in enumerate(values):
            if not isinstance(v, cls):
                self.add((*path, i), f"must be a {cls.__name__}", type(v).__name__)
                ok = False
        return ok


def fail(path: Path, rule: str, value: object = ...) -> NoReturn:
    """Raise a single-problem ValidationError."""
    checker = Checker()
    checker.add(path, rule, value)
    checker.done()
    raise AssertionError  # pragma: no cover
