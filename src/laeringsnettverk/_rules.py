"""Field rules, declared once next to each field: the checks and the JSON Schema come from them.

A model declares each field's rule in the field's metadata, and :func:`checked` gives the
class the checks made from them::

    @attrs.frozen(kw_only=True)
    @checked
    class Activity:
        name: str = attrs.field(metadata=rule(Text()))
        area: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))

From the one declaration come:

- the quick pass for valid input (generated code, run by ``__attrs_post_init__``: loading
  is a hot path), which returns at the first doubt;
- the detailed pass, which reports every problem with its path (only run after a doubt);
- the field's JSON Schema keywords (:meth:`Rule.schema`), read by the schema writer.

Rules that span fields or values (dates in order, scores inside the form's scale,
references by name) are one plain method per model, ``_check_across(self, c, ok)``: it
reports through the :class:`~laeringsnettverk._checks.Checker` ``c`` and may rely on
each field whose ``ok[name]`` is true having passed its own rule. The quick pass calls
the same method with a checker that stops at the first problem, so a cross-field rule is
written once as well.
"""

from __future__ import annotations

import datetime
import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from laeringsnettverk._checks import Checker, isfinite
from laeringsnettverk._codegen import Names, encodable
from laeringsnettverk._converters import freeze_map, items_kept, keeps_items, to_tuple
from laeringsnettverk._model_repr import model_repr
from laeringsnettverk._rule_base import Path, Rule, Value, bounds, outside, set_field
from laeringsnettverk.errors import Position

__all__ = [
    "RULE",
    "Boolean",
    "Code",
    "Custom",
    "Date",
    "Instance",
    "Integer",
    "Items",
    "Map",
    "Member",
    "Number",
    "Optional",
    "Rule",
    "Text",
    "checked",
    "freeze_map",
    "items_kept",
    "keeps_items",
    "quick_source",
    "rule",
    "rule_of",
    "to_tuple",
]

RULE = "laeringsnettverk.rule"
"""The key of a field's rule in its ``attrs`` metadata."""

C = TypeVar("C", bound=type)


_NOT_BLANK: Mapping[str, Any] = MappingProxyType({"minLength": 1, "pattern": r"\S"})
"""The schema keywords of text that must not be empty or blank."""


class Text(Value):
    """Text (``str``); not empty or blank unless ``blank``. Free text is never echoed."""

    __slots__ = ("blank",)
    __match_args__ = ("blank",)

    blank: bool
    """Whether empty or blank text is allowed."""

    def __init__(self, blank: bool = False) -> None:
        set_field(self, "blank", blank)

    def check(self, c: Checker, path: Path, value: object) -> bool:
        return c.text(path, value, required=not self.blank)

    def quick(self, v: str, names: Names) -> list[str]:
        # text that is not ASCII is checked for a lone surrogate (not Unicode text)
        unicode = f"not ({v}.isascii() or {names.const(encodable)}({v}))"
        if self.blank:
            return [f"if type({v}) is not str or {unicode}: return False"]
        return [f"if type({v}) is not str or not {v}.strip() or {unicode}: return False"]

    def quick_read(self, v: str, names: Names) -> list[str]:
        # a str, and Unicode text: only blankness is left to test
        return [] if self.blank else [f"if not {v}.strip(): return False"]

    def schema(self, prop: dict[str, Any]) -> dict[str, Any]:
        return prop if self.blank else {**prop, **_NOT_BLANK}


class Code(Value):
    """A non-empty technical code or identifier (shown in messages)."""

    __slots__ = ()

    def check(self, c: Checker, path: Path, value: object) -> bool:
        return c.code(path, value)

    def quick(self, v: str, names: Names) -> list[str]:
        return [f"if type({v}) is not str or not {v}.strip(): return False"]

    def schema(self, prop: dict[str, Any]) -> dict[str, Any]:
        return {**prop, **_NOT_BLANK}


class Integer(Value):
    """A whole number (``int``, not ``bool``), optionally within ``[ge, le]``."""

    __slots__ = ("ge", "le")
    __match_args__ = ("ge", "le")

    ge: int | None
    """The smallest value allowed."""
    le: int | None
    """The largest value allowed."""

    def __init__(self, ge: int | None = None, le: int | None = None) -> None:
        set_field(self, "ge", ge)
        set_field(self, "le", le)

    def check(self, c: Checker, path: Path, value: object) -> bool:
        return c.integer(path, value, self.ge, self.le)

    def quick(self, v: str, names: Names) -> list[str]:
        return [f"if type({v}) is not int{outside(v, self.ge, self.le)}: return False"]

    def holds_for(self, tp: Any) -> bool:
        return tp is int and self.ge is None and self.le is None

    def schema(self, prop: dict[str, Any]) -> dict[str, Any]:
        return bounds(prop, self.ge, self.le)


class Number(Value):
    """A finite number (``int`` or ``float``, not ``bool``), optionally within ``[ge, le]``."""

    __slots__ = ("ge", "le")
    __match_args__ = ("ge", "le")

    ge: float | None
    """The smallest value allowed."""
    le: float | None
    """The largest value allowed."""

    def __init__(self, ge: float | None = None, le: float | None = None) -> None:
        set_field(self, "ge", ge)
        set_field(self, "le", le)

    def check(self, c: Checker, path: Path, value: object) -> bool:
        return c.number(path, value, self.ge, self.le)

    def quick(self, v: str, names: Names) -> list[str]:
        test = f"type({v}) not in {names.const((int, float))} or not {names.const(isfinite)}({v})"
        return [f"if {test}{outside(v, self.ge, self.le)}: return False"]

    def schema(self, prop: dict[str, Any]) -> dict[str, Any]:
        return bounds(prop, self.ge, self.le)


class Boolean(Value):
    """``True`` or ``False``."""

    __slots__ = ()

    def check(self, c: Checker, path: Path, value: object) -> bool:
        return c.boolean(path, value)

    def quick(self, v: str, names: Names) -> list[str]:
        return [f"if type({v}) is not bool: return False"]

    def holds_for(self, tp: Any) -> bool:
        return tp is bool


class Date(Value):
    """A ``datetime.date`` (not a datetime)."""

    __slots__ = ()

    def check(self, c: Checker, path: Path, value: object) -> bool:
        return c.date(path, value)

    def quick(self, v: str, names: Names) -> list[str]:
        return [f"if type({v}) is not {names.const(datetime.date)}: return False"]

    def holds_for(self, tp: Any) -> bool:
        return tp is datetime.date


class Member(Value):
    """A member of a coded enumeration (its code is refused: the loader converts it)."""

    __slots__ = ("enum",)
    __match_args__ = ("enum",)

    enum: type[Enum]
    """The enumeration."""

    def __init__(self, enum: type[Enum]) -> None:
        set_field(self, "enum", enum)

    def check(self, c: Checker, path: Path, value: object) -> bool:
        return c.member(path, value, self.enum)

    def quick(self, v: str, names: Names) -> list[str]:
        return [f"if type({v}) is not {names.const(self.enum)}: return False"]

    def holds_for(self, tp: Any) -> bool:
        return tp is self.enum


class Instance(Value):
    """An instance of a model class (its own checks ran when it was made)."""

    __slots__ = ("cls",)
    __match_args__ = ("cls",)

    cls: type
    """The model class."""

    def __init__(self, cls: type) -> None:
        set_field(self, "cls", cls)

    def check(self, c: Checker, path: Path, value: object) -> bool:
        if isinstance(value, self.cls):
            return True
        article = "an" if self.cls.__name__[0] in "AEIOU" else "a"
        c.wrong_type(path, f"must be {article} {self.cls.__name__}", value, self.cls.__name__)
        return False

    def quick(self, v: str, names: Names) -> list[str]:
        return [f"if type({v}) is not {names.const(self.cls)}: return False"]

    def holds_for(self, tp: Any) -> bool:
        return tp is self.cls


def _when_given(v: str, inner: list[str]) -> list[str]:
    """``inner``'s statements, run only when ``v`` is not ``None`` (none when it has none)."""
    if not inner:
        return []
    simple = [line for line in inner if not line.startswith((" ", "for "))]
    if len(inner) == 1 and simple:  # "if <test>: return False" → one line
        test = inner[0][3 : -len(": return False")]
        return [f"if {v} is not None and ({test}): return False"]
    return [f"if {v} is not None:", *("  " + line for line in inner)]


class Optional(Value):
    """``None``, or a value that keeps ``rule``."""

    __slots__ = ("rule",)
    __match_args__ = ("rule",)

    rule: Rule
    """The rule of a value that is given."""

    def __init__(self, rule: Rule) -> None:
        set_field(self, "rule", rule)

    def check(self, c: Checker, path: Path, value: object) -> bool:
        return value is None or self.rule.check(c, path, value)

    def quick(self, v: str, names: Names) -> list[str]:
        return _when_given(v, self.rule.quick(v, names))

    def quick_read(self, v: str, names: Names) -> list[str]:
        return _when_given(v, self.rule.quick_read(v, names))

    def holds_for(self, tp: Any) -> bool:
        union = typing.get_origin(tp) in (typing.Union, types.UnionType)
        given = [a for a in typing.get_args(tp) if a is not type(None)] if union else [tp]
        return len(given) == 1 and self.rule.holds_for(given[0])

    def schema(self, prop: dict[str, Any]) -> dict[str, Any]:
        kinds = prop.get("type")
        if isinstance(kinds, list) and "null" in kinds:
            rest = [k for k in kinds if k != "null"]
            inner = self.rule.schema({**prop, "type": rest[0] if len(rest) == 1 else rest})
            if inner == {**prop, "type": inner["type"]}:
                return prop  # the rule adds nothing
            if "enum" in inner and "enum" not in prop:
                return {**inner, "type": kinds, "enum": [*inner["enum"], None]}
            if "minLength" in inner and len(rest) == 1:  # text: a branch of its own
                return {"anyOf": [inner, {"type": "null"}]}
            return {**inner, "type": kinds}  # the keywords ignore null: beside the types
        return self.rule.schema(prop)


class Items(Value):
    """A tuple whose every element keeps ``rule``; optionally at least ``min_items``.

    ``unique`` is the rule for an element equal to an earlier one, as a message with
    ``{first}`` for the earlier one's index (``"duplicates forms[{first}]"``); the element
    is shown.
    """

    __slots__ = ("min_items", "rule", "too_few", "unique")
    __match_args__ = ("rule", "min_items", "too_few", "unique")

    rule: Rule
    """The rule of each element."""
    min_items: int
    """The fewest elements allowed."""
    too_few: str
    """The message when there are fewer than ``min_items`` (``"needs at least one role"``)."""
    unique: str
    """The message for a repeated element (``{first}``: the earlier index); empty: allowed."""

    def __init__(self, rule: Rule, min_items: int = 0, too_few: str = "", unique: str = "") -> None:
        set_field(self, "rule", rule)
        set_field(self, "min_items", min_items)
        set_field(self, "too_few", too_few)
        set_field(self, "unique", unique)

    def check(self, c: Checker, path: Path, value: object) -> bool:
        values: tuple[object, ...] = value if isinstance(value, tuple) else ()
        ok = len(values) >= self.min_items
        if not ok:
            c.add(path, self.too_few or f"needs at least {self.min_items} items")
        items_ok = True
        for i, item in enumerate(values):
            items_ok &= self.rule.check(c, (*path, i), item)
        if self.unique and items_ok:
            seen: dict[object, int] = {}
            for i, item in enumerate(values):
                if item in seen:
                    shown = item.value if isinstance(item, Enum) else item
                    c.add((*path, i), self.unique.format(first=seen[item]), shown)
                    items_ok = False
                else:
                    seen[item] = i
        return ok and items_ok

    def quick(self, v: str, names: Names) -> list[str]:
        lines = []
        if self.min_items:
            lines.append(f"if len({v}) < {self.min_items}: return False")
        x = names.var()
        inner = self.rule.quick(x, names)
        lines.append(f"for {x} in {v}:")
        lines.extend("  " + line for line in inner)
        if self.unique:
            lines.append(f"if len(set({v})) != len({v}): return False")
        return lines

    def holds_for(self, tp: Any) -> bool:
        args = typing.get_args(tp)
        shape = typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis
        return shape and not (self.min_items or self.unique) and self.rule.holds_for(args[0])

    def schema(self, prop: dict[str, Any]) -> dict[str, Any]:
        out = dict(prop)
        items = prop.get("items")
        if isinstance(items, dict):
            out["items"] = self.rule.schema(items)
        if self.min_items:
            out["minItems"] = self.min_items
        if self.unique:
            out["uniqueItems"] = True
        return out


class Map(Value):
    """A mapping from free-text keys (never echoed: named by position) to ``rule``'s values."""

    __slots__ = ("key_rule", "rule")
    __match_args__ = ("rule", "key_rule")

    rule: Rule
    """The rule of each value."""
    key_rule: str
    """The message for a key that is not a ``str``."""

    def __init__(self, rule: Rule, key_rule: str = "must be text (str)") -> None:
        set_field(self, "rule", rule)
        set_field(self, "key_rule", key_rule)

    def check(self, c: Checker, path: Path, value: object) -> bool:
        ok = True
        items = value.items() if isinstance(value, Mapping) else ()
        for index, (key, item) in enumerate(items):
            if not isinstance(key, str):
                c.add((*path, Position(index)), self.key_rule, code="key_type")
                ok = False
            else:
                ok &= self.rule.check(c, (*path, Position(index)), item)
        return ok

    def quick(self, v: str, names: Names) -> list[str]:
        k, x = names.var(), names.var()
        inner = self.rule.quick(x, names)
        return [
            f"for {k}, {x} in {v}.items():",
            f"  if type({k}) is not str: return False",
            *("  " + line for line in inner),
        ]

    def holds_for(self, tp: Any) -> bool:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        mapping = isinstance(origin, type) and issubclass(origin, Mapping) and len(args) == 2
        return mapping and args[0] is str and self.rule.holds_for(args[1])

    def schema(self, prop: dict[str, Any]) -> dict[str, Any]:
        values = prop.get("additionalProperties")
        if isinstance(values, dict):
            return {**prop, "additionalProperties": self.rule.schema(values)}
        return prop


class Custom(Value):
    """A rule made of a check function, its quick test and its schema keywords.

    For a rule shared by several fields (a municipality number, a technical identifier):
    declared once as a constant, then used by each field.
    """

    __slots__ = ("check_with", "keywords", "quick_with")
    __match_args__ = ("check_with", "quick_with", "keywords")

    check_with: Callable[[Checker, Path, Any], bool]
    """Reports the problems of a value; True when there is none."""
    quick_with: Callable[[Any], object]
    """Truthy when the value surely keeps the rule (may be stricter than the check)."""
    keywords: Mapping[str, Any]
    """The JSON Schema keywords the rule adds (``pattern``, ``enum``, …)."""

    def __init__(
        self,
        check_with: Callable[[Checker, Path, Any], bool],
        quick_with: Callable[[Any], object],
        keywords: Mapping[str, Any] | None = None,
    ) -> None:
        set_field(self, "check_with", check_with)
        set_field(self, "quick_with", quick_with)
        set_field(self, "keywords", {} if keywords is None else keywords)

    def check(self, c: Checker, path: Path, value: object) -> bool:
        return self.check_with(c, path, value)

    def quick(self, v: str, names: Names) -> list[str]:
        return [f"if not {names.const(self.quick_with)}({v}): return False"]

    def schema(self, prop: dict[str, Any]) -> dict[str, Any]:
        return {**prop, **self.keywords}


# -- declaring a field's rule, and the model decorator ----------------------------------------


def rule(declared: Rule) -> dict[str, Rule]:
    """A field's metadata holding its rule: ``attrs.field(metadata=rule(Text()))``.

    Plain ``attrs.field`` keeps every other option (defaults, converters) and the
    attrs plugin of mypy, which checks the models' constructors, sees the fields as usual.
    """
    return {RULE: declared}


def rule_of(attribute: attrs.Attribute[Any]) -> Rule | None:
    """The rule declared for a field, or ``None`` (a model that is not checked by rules)."""
    rule: Rule | None = attribute.metadata.get(RULE)
    return rule


class _InvalidError(Exception):
    """Raised by the quick pass's checker at the first problem."""


class _FirstProblem(Checker):
    """A checker that stops at the first problem: the quick pass of a cross-field rule."""

    __slots__ = ()

    def add(self, *args: Any, **kwargs: Any) -> None:
        raise _InvalidError


_STOP_AT_FIRST = _FirstProblem()


class _AllOk(dict[str, bool]):
    """Every field passed (the quick pass calls the cross-field rules after the fields')."""

    def __missing__(self, key: str) -> bool:
        return True


_ALL_OK: Mapping[str, bool] = _AllOk()
_RESERVED = ("__attrs_post_init__", "_full_check", "_valid")


def checked(cls: C) -> C:
    """Give a model class the checks made from its field rules.

    Put it under ``attrs.frozen``::

        @attrs.frozen(kw_only=True)
        @checked
        class Activity: ...

    The class may define ``_check_across(self, c, ok)`` for its cross-field rules; it must
    not define ``__attrs_post_init__`` (the checks are generated from the rules). Unless it
    writes its own ``__repr__``, it gets the shared :func:`model_repr` (attrs' text, not
    compiled again for each class).
    """
    for name in _RESERVED:
        if name in cls.__dict__:
            raise TypeError(f"{cls.__qualname__}.{name}: the checks come from the field rules")
    cls.__attrs_post_init__ = _post_init  # type: ignore[attr-defined]
    cls._ln_quick = _first_quick  # type: ignore[attr-defined]
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = model_repr  # type: ignore[assignment]
    return cls


def _post_init(self: Any) -> None:
    if not self._ln_quick():
        _full_check(self)


def _full_check(self: Any) -> None:
    """Every check, each problem reported with its path (after the quick pass doubted)."""
    c = Checker()
    ok: dict[str, bool] = {}
    for attribute in attrs.fields(type(self)):
        declared: Rule = attribute.metadata[RULE]
        ok[attribute.name] = declared.check(c, (attribute.name,), getattr(self, attribute.name))
    across = getattr(self, "_check_across", None)
    if across is not None:
        across(c, ok)
    order = {name: i for i, name in enumerate(ok)}
    c.problems.sort(key=lambda p: order.get(str(p.path[0]), len(order)) if p.path else -1)
    c.done()


def _first_quick(self: Any) -> bool:
    """Build the class's quick pass on first use, then run it."""
    cls = type(self)
    quick = _compile_quick(cls)
    cls._ln_quick = quick
    result: bool = quick(self)
    return result


def _compile_quick(cls: type) -> Callable[[Any], bool]:
    names = Names()
    lines = ["def quick(self):"]
    for attribute in attrs.fields(cls):
        declared = rule_of(attribute)
        if declared is None:
            raise TypeError(f"{cls.__qualname__}.{attribute.name} is declared without a rule")
        v = names.var()
        lines.append(f"  {v} = self.{attribute.name}")
        lines.extend("  " + line for line in declared.quick(v, names))
    if hasattr(cls, "_check_across"):
        names.ns.update(_STOP=_STOP_AT_FIRST, _OK=_ALL_OK, _Invalid=_InvalidError)
        lines += [
            "  try:",
            "    self._check_across(_STOP, _OK)",
            "  except _Invalid:",
            "    return False",
        ]
    lines.append("  return True")
    source = "\n".join(lines) + "\n"
    exec(compile(source, f"<quick pass of {cls.__qualname__}>", "exec"), names.ns)
    quick: Callable[[Any], bool] = names.ns["quick"]
    quick.__doc__ = source  # the generated code, for a reader with a debugger
    return quick


def quick_source(cls: type) -> str:
    """The generated quick pass of a model class, as Python source (for tests and readers)."""
    return _compile_quick(cls).__doc__ or ""
