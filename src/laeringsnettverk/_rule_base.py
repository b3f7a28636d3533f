"""The base of every field rule (:class:`Rule`), and of the library's own (:class:`Value`).

Apart from ``laeringsnettverk._rules`` (which declares the rules and makes the checks from
them) so that each module stays short; ``_rules`` re-exports :class:`Rule`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from laeringsnettverk._checks import Checker
    from laeringsnettverk._codegen import Names

__all__ = ["Path", "Rule", "Value", "bounds", "outside", "set_field"]

Path = tuple[Any, ...]
"""A field's path, as the checks take it."""

set_field = object.__setattr__
"""Sets a field of a new :class:`Value` (whose own ``__setattr__`` refuses every change)."""


class Rule:
    """A field's rule: a check, its quick form, and its JSON Schema keywords."""

    __slots__ = ()

    def check(self, c: Checker, path: Path, value: object) -> bool:
        """Report every problem of ``value`` at ``path``; True when there is none."""
        raise NotImplementedError

    def quick(self, v: str, names: Names) -> list[str]:
        """Statements that ``return False`` when the value in ``v`` may break the rule.

        They may be stricter than :meth:`check` (a doubt only sends the object to the
        detailed pass) but never more lenient.
        """
        raise NotImplementedError

    def quick_read(self, v: str, names: Names) -> list[str]:
        """:meth:`quick` for a value a strict reader has proven of the field's type.

        The accelerator's typed route reads each value as its field's annotated type, and
        ``loads`` checks the text for lone surrogates before it parses it, so text read by
        either is Unicode (no lone surrogate, escaped or not): a rule may leave out the
        tests that settles. The default leaves out nothing.
        """
        return self.quick(v, names)

    def schema(self, prop: dict[str, Any]) -> dict[str, Any]:
        """The field's schema ``prop`` (from its type) with this rule's keywords added."""
        return prop

    def holds_for(self, tp: Any) -> bool:
        """Whether every value of exactly the type ``tp`` keeps this rule.

        A generated loader that has proven a value's type (``int``, ``tuple[Activity,
        ...]``, ``Mapping[str, int]`` with ``str`` keys and ``int`` values) leaves the
        rule's quick test out when this holds. ``False`` unless the rule's quick test is
        only a test of the type: never more lenient.
        """
        return False


class Value(Rule):
    """A rule that is a value: frozen, equal, hashed and shown by its fields.

    The library's own rules are plain slotted classes on this base rather than attrs
    classes: attrs compiles four methods for each class it makes, which the cold start of a
    first document paid for twelve rule classes (about 9 ms on the 2-core machine of
    ``docs/explanation/performance.md``). A rule's fields are its ``__match_args__`` (as
    attrs sets them: its ``__init__``'s parameters, in order); it is frozen as an attrs
    frozen class is (the same error), weak-referenceable, and pickled and copied by its
    fields.
    """

    __slots__ = ("__weakref__",)  # weak references, as attrs' slotted classes allow
    __match_args__: tuple[str, ...] = ()

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__match_args__)

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Value)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash((self.__class__, self._fields()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
        return f"{type(self).__qualname__.rsplit('>.', 1)[-1]}({shown})"

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (type(self), self._fields())


def outside(v: str, ge: float | None, le: float | None) -> str:
    """The quick pass's test for a number outside ``[ge, le]`` (to join with ``or``)."""
    return (f" or {v} < {ge!r}" if ge is not None else "") + (
        f" or {v} > {le!r}" if le is not None else ""
    )


def bounds(prop: dict[str, Any], ge: float | None, le: float | None) -> dict[str, Any]:
    """The schema ``prop`` with ``[ge, le]`` as ``minimum`` and ``maximum``."""
    out = dict(prop)
    if ge is not None:
        out["minimum"] = ge
    if le is not None:
        out["maximum"] = le
    return out
