"""Small reusable checks that collect :class:`~laeringsnettverk.errors.Problem` s.

Models validate in one pass (``__attrs_post_init__``) with a :class:`Checker`, so a
bad object reports every problem at once and construction stays cheap.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import NoReturn

import attrs

from laeringsnettverk._codegen import encodable
from laeringsnettverk.errors import (
    MAX_PROBLEMS,
    JsonScalar,
    PathSegment,
    Problem,
    TypeName,
    ValidationError,
)

__all__ = ["NUMBERS", "Checker", "check_unicode", "expect", "has_lone_surrogate", "isfinite"]

Path = Sequence[PathSegment]

LONE_SURROGATE = "contains a lone surrogate (not Unicode text; cannot be written as UTF-8)"
"""The rule a text with a lone surrogate breaks."""

NUMBERS = (int, float)
"""The types :meth:`Checker.number` accepts (exactly: not bool, not a subclass)."""


def isfinite(value: float) -> bool:
    """``math.isfinite``, but False (not OverflowError) for an int too large for a float.

    The models' quick valid-case passes call it; a False sends them to the full checks,
    which report the number as too large.
    """
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def has_lone_surrogate(text: str) -> bool:
    """Whether a string holds a lone surrogate (U+D800..U+DFFF): not Unicode text.

    Such a string cannot be written as UTF-8 (nothing else stops it), so the library
    refuses it as text.
    """
    return not (text.isascii() or encodable(text))


def check_unicode(obj: object) -> None:
    """Raise a ValidationError for every text in a model object that holds a lone surrogate.

    The models check the text they are given on their full checks only; writers that
    encode text as UTF-8 (``dumps``, the FHIR mappings) call this first. A mapping's keys
    may be free text (activity names), so a bad key or a value under one is reported at
    the mapping.
    """
    c = Checker()
    stack: list[tuple[object, tuple[PathSegment, ...]]] = [(obj, ())]
    while stack:
        value, path = stack.pop()
        if type(value) is str:
            if has_lone_surrogate(value):
                c.add(path, LONE_SURROGATE, code="lone_surrogate")
        elif isinstance(value, tuple | list):
            stack.extend((v, (*path, i)) for i, v in enumerate(value))
        elif isinstance(value, Mapping):
            for k, v in value.items():
                if isinstance(k, str) and has_lone_surrogate(k):
                    c.add(path, "has a key that " + LONE_SURROGATE, code="lone_surrogate")
                stack.append((v, path))
        elif attrs.has(type(value)):
            names = [f.name for f in attrs.fields(type(value))]  # type: ignore[arg-type]
            stack.extend((getattr(value, name), (*path, name)) for name in names)
    c.problems.sort(key=lambda p: p.python_path())
    c.done()


class Checker:
    """Collects problems; :meth:`done` raises them together as one ValidationError."""

    __slots__ = ("omitted", "problems")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.omitted = 0
        """Problems beyond ``MAX_PROBLEMS``: counted, not kept."""

    def add(
        self,
        path: Path,
        rule: str,
        value: object = ...,
        *,
        text: bool = False,
        code: str = "value_error",
        ctx: Mapping[str, JsonScalar] | None = None,
    ) -> None:
        """Record a problem (``value=...`` means there is no value to show).

        ``code`` is the problem's stable error code (one of
        :data:`~laeringsnettverk.errors.ERROR_CODES`), ``ctx`` the values its rule
        mentions (``{"le": 10}``), for the Norwegian message.
        """
        if len(self.problems) >= MAX_PROBLEMS:
            self.omitted += 1
        elif value is ...:
            self.problems.append(Problem.of(path, rule, code=code, ctx=ctx))
        else:
            self.problems.append(Problem.of(path, rule, value, text=text, code=code, ctx=ctx))

    def wrong_type(self, path: Path, rule: str, value: object, expected: str) -> None:
        """Record a value of the wrong type, named by its type only (code ``model_type``).

        The value is never shown: it may be free text about a person.
        """
        name = TypeName(type(value).__name__)
        self.add(path, rule, name, code="model_type", ctx={"expected": expected})

    def extend(self, error: ValidationError, prefix: Path) -> None:
        """Record every problem of a nested error, seen from ``prefix``."""
        room = max(MAX_PROBLEMS - len(self.problems), 0)
        self.problems.extend(p.prefixed(prefix) for p in error.problems[:room])
        self.omitted += error.count - min(room, len(error.problems))

    def done(self) -> None:
        """Raise the collected problems, if any."""
        if self.problems:
            raise ValidationError(self.problems, omitted=self.omitted)

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
            self.add(path, "must be a whole number (int)", value, code="int_type")
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
            self.add(path, "must be a number", value, code="number_type")
            return False
        assert isinstance(value, int | float)
        if type(value) is int and not isfinite(value):
            self.add(
                path, "is too large for a number (beyond ±1.8e308)", value, code="number_too_large"
            )
            return False
        if not math.isfinite(value):
            self.add(path, "must be a finite number", value, code="finite_number")
            return False
        return self._bounds(path, value, lo, hi, what)

    def _bounds(
        self, path: Path, value: float, lo: float | None, hi: float | None, what: str
    ) -> bool:
        if lo is not None and value < lo:
            rule = f"is below {what}min {lo:g}" if what else f"must be >= {lo:g}"
            self.add(path, rule, value, code="greater_than_equal", ctx={"ge": lo})
            return False
        if hi is not None and value > hi:
            rule = f"is above {what}max {hi:g}" if what else f"must be <= {hi:g}"
            self.add(path, rule, value, code="less_than_equal", ctx={"le": hi})
            return False
        return True

    def text(self, path: Path, value: object, *, required: bool = True) -> bool:
        """A string; when ``required``, not empty or blank. Free text is never echoed.

        A list or an object given instead is not shown either: it is in a free-text field,
        so it may hold free text (``["HEMMELIG"]``); a number, a bool or ``None`` is.
        """
        if not isinstance(value, str):
            if value is None or isinstance(value, int | float):  # never free text
                self.add(path, "must be text (str)", value, code="string_type")
            else:
                self.add(path, "must be text (str)", code="string_type")
            return False
        if required and not value.strip():
            self.add(path, "must not be empty", code="string_blank")
            return False
        if has_lone_surrogate(value):
            self.add(path, LONE_SURROGATE, code="lone_surrogate")
            return False
        return True

    def optional_text(self, path: Path, value: object) -> bool:
        """``None`` or a string (may be empty)."""
        return value is None or self.text(path, value, required=False)

    def code(self, path: Path, value: object) -> bool:
        """A non-empty technical code or identifier (shown in messages)."""
        if not isinstance(value, str) or not value.strip():
            self.add(path, "must be a non-empty string", value, code="code_type")
            return False
        return True

    def date(self, path: Path, value: object) -> bool:
        """A ``datetime.date`` (not a datetime)."""
        if type(value) is not datetime.date:
            self.add(path, "must be a date (datetime.date)", value, code="date_type")
            return False
        return True

    def boolean(self, path: Path, value: object) -> bool:
        """A ``bool``."""
        if type(value) is not bool:
            self.add(path, "must be true or false (bool)", value, code="bool_type")
            return False
        return True

    def member(self, path: Path, value: object, enum: type[Enum]) -> bool:
        """A member of ``enum`` (its code is accepted too)."""
        if isinstance(value, enum):
            return True
        codes = ", ".join(repr(m.value) for m in enum)
        self.add(
            path,
            f"is not a known {enum.__name__} code; expected one of {codes}",
            value,
            code="enum",
            ctx={"enum": enum.__name__, "expected": codes},
        )
        return False

    def instances(self, path: Path, values: tuple[object, ...], cls: type) -> bool:
        """Every element of a tuple is a ``cls``."""
        ok = True
        article = "an" if cls.__name__[0] in "AEIOU" else "a"
        for i, v in enumerate(values):
            if not isinstance(v, cls):
                self.add(
                    (*path, i),
                    f"must be {article} {cls.__name__}",
                    TypeName(type(v).__name__),
                    code="model_type",
                    ctx={"expected": cls.__name__},
                )
                ok = False
        return ok


def expect(value: object, cls: type, name: str, hint: str = "") -> None:
    """Raise a ValidationError (not AttributeError later) unless ``value`` is a ``cls``.

    For functions that take a model object: the error names the argument, the type
    given and the type expected, with ``hint`` (such as which function to use instead).
    """
    if not isinstance(value, cls):
        article = "an" if cls.__name__[0] in "AEIOU" else "a"
        rule = f"must be {article} {cls.__name__}" + (f" ({hint})" if hint else "")
        checker = Checker()
        checker.add(
            (name,),
            rule,
            TypeName(type(value).__name__),
            code="model_type",
            ctx={"expected": cls.__name__},
        )
        checker.done()


def fail(
    path: Path,
    rule: str,
    value: object = ...,
    *,
    code: str = "value_error",
    ctx: Mapping[str, JsonScalar] | None = None,
) -> NoReturn:
    """Raise a single-problem ValidationError (``code`` and ``ctx`` as :meth:`Checker.add`)."""
    checker = Checker()
    checker.add(path, rule, value, code=code, ctx=ctx)
    checker.done()
    raise AssertionError  # pragma: no cover
