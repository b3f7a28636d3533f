"""Making a checked model inside generated code (``laeringsnettverk._rules_build``).

The fast loader makes each model in place, from the rules next to its fields, instead of
calling the class. These tests show that the statements make the same object the class
makes, refuse what the class refuses, and are not used for a class whose ``__init__`` does
more than set its fields and run :func:`~laeringsnettverk._rules.checked`'s checks.
"""

from __future__ import annotations

import datetime
import enum
import pickle
import typing
import weakref
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk import _rules, _rules_build
from laeringsnettverk._checks import Checker
from laeringsnettverk._codegen import Names
from laeringsnettverk._rules import (
    Boolean,
    Code,
    Custom,
    Date,
    Instance,
    Integer,
    Items,
    Map,
    Member,
    Number,
    Optional,
    Rule,
    Text,
    checked,
    freeze_map,
    items_kept,
    rule,
    to_tuple,
)
from laeringsnettverk._rules_build import build_lines
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.toolkit import WhatMattersForm, _form
from laeringsnettverk.toolkit._form import Activity, Conversation, Scale


class _DoubtError(Exception):
    pass


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


def _upper(value: str) -> str:
    return value.upper()


@attrs.frozen(kw_only=True)
@checked
class Sample:
    name: str = attrs.field(converter=_upper, metadata=rule(Text()))
    counts: tuple[int, ...] = attrs.field(
        converter=to_tuple, metadata=rule(Items(Integer(ge=0), min_items=1))
    )
    scores: Mapping[str, int] = attrs.field(
        converter=freeze_map, metadata=rule(Map(Integer(ge=1, le=10)))
    )
    colour: Colour | None = attrs.field(default=None, metadata=rule(Optional(Member(Colour))))

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if ok["counts"] and ok["scores"] and len(self.scores) > len(self.counts):
            c.add(("scores",), "must have no more scores than counts")


def _maker(cls: type) -> Callable[..., Any]:
    """A function made from :func:`build_lines`: the field values in, the object out."""
    names = Names(prefix="b")
    values = [f"a{i}" for i in range(len(attrs.fields(cls)))]
    built = build_lines(cls, values, names, "raise _Doubt")
    assert built is not None
    lines, obj = built
    source = "\n".join(
        [f"def make({', '.join(values)}):", *("  " + x for x in lines), f"  return {obj}"]
    )
    ns = {**names.ns, "_Doubt": _DoubtError}
    exec(compile(source, "<test>", "exec"), ns)
    make: Callable[..., Any] = ns["make"]
    return make


_SAMPLE = _maker(Sample)
_FIELDS = [f.name for f in attrs.fields(Sample)]


@given(
    name=st.one_of(st.text(max_size=5), st.integers()),
    counts=st.one_of(st.lists(st.integers(-2, 3), max_size=3), st.tuples(st.integers(0, 3))),
    scores=st.dictionaries(st.one_of(st.text(max_size=2), st.integers()), st.integers(0, 11)),
    colour=st.one_of(st.none(), st.sampled_from(Colour), st.just("red")),
)
def test_the_statements_make_what_the_class_makes_and_refuse_what_it_refuses(
    name: Any, counts: Any, scores: Any, colour: Any
) -> None:
    """Valid values: an equal object, every field set; invalid: a doubt, never an object."""
    try:
        expected = Sample(name=name, counts=counts, scores=scores, colour=colour)
    except (ValidationError, AttributeError):  # _upper of a number: the class fails too
        # a field's doubt, the cross-field rules' own stop, or _upper's failure
        with pytest.raises((_DoubtError, _rules._InvalidError, AttributeError)):
            _SAMPLE(name, counts, scores, colour)
        return
    got = _SAMPLE(name, counts, scores, colour)
    assert type(got) is Sample
    assert got == expected
    assert [type(getattr(got, f)) for f in _FIELDS] == [type(getattr(expected, f)) for f in _FIELDS]


def test_a_cross_field_doubt_stops_the_statements() -> None:
    with pytest.raises(ValidationError):
        Sample(name="a", counts=[1], scores={"x": 1, "y": 2})
    with pytest.raises(_rules._InvalidError):  # the cross-field rules' own stop
        _SAMPLE("a", [1], {"x": 1, "y": 2}, None)


@pytest.mark.parametrize("cls", [Activity, Conversation, Scale, WhatMattersForm])
def test_the_forms_models_are_made_in_place(cls: type) -> None:
    assert build_lines(cls, [f"a{i}" for i in range(len(attrs.fields(cls)))], Names(), "x")


def test_a_form_made_in_place_equals_one_made_by_the_classes() -> None:
    make = _maker(Activity)
    assert make("Gå tur", None) == Activity(name="Gå tur")
    with pytest.raises(_DoubtError):
        make("  ", None)


def test_an_object_made_in_place_is_exactly_its_class_and_as_frozen() -> None:
    # made as a private builder subclass, then given its class: nothing of the builder stays
    made = _maker(Activity)("Gå tur", "Helse")
    assert type(made) is Activity
    assert made.__class__ is Activity
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.name = "Sykle"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del made.area
    assert weakref.ref(made)() is made
    assert pickle.loads(pickle.dumps(made)) == made
    assert hash(made) == hash(Activity(name="Gå tur", area="Helse"))


def test_each_class_has_one_builder_that_adds_no_slot() -> None:
    builder = _rules_build._builder(Activity)
    assert builder is not None
    assert _rules_build._builder(Activity) is builder  # made once
    assert builder.__mro__[1] is Activity
    assert builder.__basicsize__ == Activity.__basicsize__
    assert builder.__setattr__ is object.__setattr__  # type: ignore[comparison-overlap]


# -- classes whose __init__ does more: the caller calls the class ----------------------------


@attrs.frozen(kw_only=True)
class Unchecked:
    x: int = attrs.field(metadata=rule(Integer()))


@attrs.frozen(kw_only=True)
@checked
class Validated:
    x: int = attrs.field(validator=attrs.validators.instance_of(int), metadata=rule(Integer()))


@attrs.frozen(kw_only=True)
@checked
class PreInit:
    x: int = attrs.field(metadata=rule(Integer()))

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.frozen(kw_only=True, cache_hash=True)
@checked
class ExtraSlot:
    x: int = attrs.field(metadata=rule(Integer()))


@attrs.frozen(kw_only=True)
@checked
class SelfConverter:
    x: int = attrs.field(
        converter=attrs.Converter(lambda v, _self: v, takes_self=True),  # type: ignore[misc]
        metadata=rule(Integer()),
    )


@attrs.frozen(kw_only=True, slots=False)
@checked
class NoSlots:
    x: int = attrs.field(metadata=rule(Integer()))


@attrs.frozen(kw_only=True)
@checked
class NoRule:
    x: int


class _Returning(Rule):
    def quick(self, v: str, names: Names) -> list[str]:
        return [f"if {v}:", "  return False if True else None"]


@attrs.frozen(kw_only=True)
@checked
class OddQuick:
    x: int = attrs.field(metadata=rule(_Returning()))


@attrs.frozen(kw_only=True)
@checked
class CustomRule:
    x: int = attrs.field(metadata=rule(Custom(lambda c, p, v: True, lambda v: v == 1)))


@pytest.mark.parametrize(
    "cls", [Unchecked, Validated, PreInit, ExtraSlot, SelfConverter, NoSlots, NoRule, OddQuick]
)
def test_a_class_whose_init_does_more_is_not_made_in_place(cls: type) -> None:
    assert build_lines(cls, ["a0"], Names(), "raise _Doubt") is None


def test_a_custom_rule_is_made_in_place() -> None:
    make = _maker(CustomRule)
    assert make(1) == CustomRule(x=1)
    with pytest.raises(_DoubtError):
        make(2)


# -- classes made by more than attrs' own __init__: found by the reviewer of this module ------


@attrs.frozen(kw_only=True, init=False)
@checked
class OwnInit:
    x: int = attrs.field(metadata=rule(Integer()))

    def __init__(self, x: int) -> None:
        self.__attrs_init__(x=x + 1)


@attrs.frozen(kw_only=True)
@checked
class DetectedInit:  # attrs sees the class's own __init__ and writes none
    x: int = attrs.field(metadata=rule(Integer()))

    def __init__(self, x: int) -> None:
        object.__setattr__(self, "x", x + 1)
        self.__attrs_post_init__()


@attrs.frozen(kw_only=True)
@checked
class OwnNew:
    x: int = attrs.field(metadata=rule(Integer()))

    def __new__(cls, **kwargs: Any) -> OwnNew:
        raise RuntimeError


@attrs.frozen(kw_only=True)
@checked
class InitSubclass:  # a subclass, the builder, would run this
    x: int = attrs.field(metadata=rule(Integer()))

    def __init_subclass__(cls) -> None:
        raise RuntimeError


class _Meta(type):
    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError


@attrs.frozen(kw_only=True)
@checked
class MetaCall(metaclass=_Meta):
    x: int = attrs.field(metadata=rule(Integer()))


class PlainSubclass(Activity):  # inherits the slots and attrs' __init__ of its base
    __slots__ = ()

    def __init__(self, **kwargs: Any) -> None:
        raise RuntimeError


@pytest.mark.parametrize("cls", [OwnInit, DetectedInit, OwnNew, MetaCall, InitSubclass])
def test_a_class_made_by_more_than_attrs_init_is_not_made_in_place(cls: type) -> None:
    assert build_lines(cls, ["a0"], Names(), "raise _Doubt") is None


def test_a_plain_subclass_of_a_model_is_not_made_in_place() -> None:
    assert build_lines(PlainSubclass, ["a0", "a1"], Names(), "raise _Doubt") is None
    assert build_lines(Activity, ["a0", "a1"], Names(), "raise _Doubt") is not None


def test_every_checked_model_of_the_library_is_made_in_place() -> None:
    # a model the fast loader would build by calling its class (slower) shows up here
    import importlib
    import pkgutil

    import laeringsnettverk

    models = set()
    for info in pkgutil.walk_packages(laeringsnettverk.__path__, "laeringsnettverk."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # a module of an extra that is not installed
            continue
        models |= {
            v
            for v in vars(module).values()
            if isinstance(v, type)
            and attrs.has(v)
            and getattr(v, "__attrs_post_init__", None) is _rules._post_init
        }
    assert len(models) > 50
    refused = sorted(
        cls.__qualname__
        for cls in models
        if build_lines(cls, [f"a{i}" for i in range(len(attrs.fields(cls)))], Names(), "x") is None
    )
    assert refused == []


# -- a proven type: the rule's quick test left out --------------------------------------------


@pytest.mark.parametrize(
    ("declared", "tp"),
    [
        (Integer(), int),
        (Boolean(), bool),
        (Date(), datetime.date),
        (Member(Colour), Colour),
        (Instance(Activity), Activity),
        (Optional(Integer()), int | None),
        (Optional(Integer()), typing.Optional[int]),  # noqa: UP045 - the other spelling
        (Optional(Integer()), int),
        (Items(Instance(Activity)), tuple[Activity, ...]),
        (Map(Integer()), Mapping[str, int]),
        (Map(Integer()), dict[str, int]),
    ],
)
def test_a_rule_that_only_tests_the_type_holds_for_it(declared: Rule, tp: Any) -> None:
    assert declared.holds_for(tp)


@pytest.mark.parametrize(
    ("declared", "tp"),
    [
        (Text(), str),  # blank text and lone surrogates are still refused
        (Text(blank=True), str),
        (Code(), str),
        (Number(), float),
        (Custom(lambda c, p, v: True, bool), int),
        (Integer(ge=0), int),
        (Integer(le=9), int),
        (Integer(), bool),
        (Boolean(), int),
        (Date(), str),
        (Member(Colour), str),
        (Instance(Activity), Conversation),
        (Optional(Integer()), int | str | None),
        (Optional(Text()), str | None),
        (Items(Instance(Activity), min_items=1), tuple[Activity, ...]),
        (Items(Instance(Activity), unique="again"), tuple[Activity, ...]),
        (Items(Instance(Activity)), tuple[Activity, Activity]),
        (Items(Instance(Activity)), list[Activity]),
        (Items(Text()), tuple[str, ...]),
        (Map(Integer()), Mapping[int, int]),
        (Map(Integer()), Mapping[str, str]),
        (Map(Integer()), tuple[str, ...]),
        (Map(Integer()), int),
    ],
)
def test_a_rule_that_tests_more_than_the_type_does_not_hold_for_it(declared: Rule, tp: Any) -> None:
    assert not declared.holds_for(tp)


def test_converters_that_keep_the_items_are_declared() -> None:
    assert items_kept(None)
    assert items_kept(to_tuple)
    assert items_kept(freeze_map)
    assert items_kept(_form._scores)
    assert not items_kept(_upper)


@attrs.frozen(kw_only=True)
@checked
class Proven:
    counts: tuple[int, ...] = attrs.field(converter=to_tuple, metadata=rule(Items(Integer())))
    upper: str = attrs.field(converter=_upper, metadata=rule(Code()))
    flag: bool = attrs.field(metadata=rule(Boolean()))
    limited: int = attrs.field(metadata=rule(Integer(ge=0)))


def _lines(cls: type, proven: set[int], *, read: bool = False) -> str:
    values = [f"a{i}" for i in range(len(attrs.fields(cls)))]
    built = build_lines(cls, values, Names(prefix="b"), "raise _Doubt", proven, read=read)
    assert built is not None
    return "\n".join(built[0])


def test_a_proven_fields_quick_test_is_left_out_only_where_it_holds() -> None:
    everything = _lines(Proven, set())
    proven = _lines(Proven, {0, 1, 2, 3})
    assert "for " in everything and "type(a2) is not bool" in everything
    # the tuple of ints and the bool: left out; text after a converter and a bounded int: kept
    assert "for " not in proven and "type(a2)" not in proven
    assert "a1.strip()" in proven and "a3 < 0" in proven


@attrs.frozen(kw_only=True)
@checked
class Defaults:
    empty: Mapping[str, int] = attrs.field(
        factory=dict, converter=freeze_map, metadata=rule(Map(Integer()))
    )
    made: tuple[int, ...] = attrs.field(
        factory=lambda: (1,), converter=to_tuple, metadata=rule(Items(Integer()))
    )
    negative: int = attrs.field(default=-1, metadata=rule(Integer()))
    unruled: int = attrs.field(default=1)
    right: int = attrs.field(default=1, metadata=rule(Integer()))


def test_a_default_is_proven_only_when_it_keeps_the_rule() -> None:
    from laeringsnettverk.serialization._fast import _default_keeps_rule

    fields = attrs.fields(Defaults)
    assert _default_keeps_rule(fields.empty)  # an empty container, checked
    assert not _default_keeps_rule(fields.made)  # a factory that may make anything
    assert _default_keeps_rule(fields.right)
    assert _default_keeps_rule(fields.negative)  # an int: Integer() holds
    assert not _default_keeps_rule(attrs.fields(_Breaks).value)
    assert not _default_keeps_rule(fields.unruled)  # no rule: nothing proven


@attrs.frozen(kw_only=True)
@checked
class _Breaks:
    value: int = attrs.field(default=0, metadata=rule(Integer(ge=1)))


@given(
    counts=st.one_of(st.lists(st.integers(-2, 3), max_size=3), st.lists(st.booleans())),
    flag=st.one_of(st.booleans(), st.integers(0, 1)),
    value=st.one_of(st.none(), st.integers(-1, 2), st.text(max_size=1)),
)
def test_the_fast_loader_with_proven_types_makes_and_refuses_what_the_classes_do(
    counts: Any, flag: Any, value: Any
) -> None:
    """A document through the generated loader (types proven) and through the classes."""
    from laeringsnettverk.serialization._fast import FastStructurer

    fast = FastStructurer(None)
    data: dict[str, Any] = {"counts": counts, "upper": "x", "flag": flag, "limited": 1}
    try:
        expected: Any = Proven(**data)
    except ValidationError:
        expected = None
    if any(type(c) is not int for c in counts) or type(flag) is not bool:
        expected = None  # the loader refuses a value of another type (JSON is strict)
    assert fast.structure(data, Proven) == expected
    breaks: dict[str, Any] = {} if value is None else {"value": value}
    try:
        made: Any = _Breaks(**breaks)
    except ValidationError:
        made = None
    if value is not None and type(value) is not int:
        made = None
    assert fast.structure(breaks, _Breaks) == made


def _verdict(lines: list[str], names: Names, value: object) -> bool:
    """Whether statements of a rule's quick test pass ``value`` (False: they doubt it)."""
    source = "\n".join(["def ok(v):", *("  " + x for x in lines), "  return True"])
    exec(compile(source, "<test>", "exec"), names.ns)
    result: bool = names.ns["ok"](value)
    return result


READ_RULES = [Text(), Text(blank=True), Optional(Text()), Optional(Text(blank=True))]


@pytest.mark.parametrize("declared", READ_RULES, ids=repr)
@given(value=st.one_of(st.none(), st.text(max_size=6)))  # Unicode text, as a strict reader reads it
def test_a_rules_test_of_read_text_decides_as_its_full_test(declared: Rule, value: object) -> None:
    # for a value of the field's type whose text is Unicode (what the typed route proves),
    # the shorter test doubts exactly what the full one doubts
    if value is None and not isinstance(declared, Optional):
        return
    names = Names(prefix="q")
    assert _verdict(declared.quick_read("v", names), names, value) == _verdict(
        declared.quick("v", names), names, value
    )


def test_a_rules_test_of_read_text_leaves_out_the_type_and_surrogate_tests() -> None:
    names = Names(prefix="q")
    assert Text().quick_read("v", names) == ["if not v.strip(): return False"]
    assert Optional(Text(blank=True)).quick_read("v", names) == []
    assert Optional(Text()).quick_read("v", names) == [
        "if v is not None and (not v.strip()): return False"
    ]
    # a rule with nothing of its own for read text keeps its full test
    assert Integer(ge=0).quick_read("v", names) == Integer(ge=0).quick("v", names)
    assert "isascii" in Text().quick("v", names)[0]


@attrs.frozen(kw_only=True)
@checked
class ReadText:
    plain: str = attrs.field(metadata=rule(Text()))
    upper: str = attrs.field(converter=_upper, metadata=rule(Text()))
    items: tuple[int, ...] = attrs.field(converter=to_tuple, metadata=rule(Items(Integer(ge=0))))


def test_text_read_by_a_strict_reader_keeps_only_the_tests_its_reading_leaves_open() -> None:
    read = _lines(ReadText, {0, 1, 2}, read=True)
    # the plain text: only the blank test; text after a converter that may change it: every
    # test (its type is no longer proven); the proven tuple: not made a tuple again
    assert "if not a0.strip(): raise _Doubt" in read and "type(a0)" not in read
    assert "type(a1) is not str" in read and "a1.isascii()" in read
    assert "tuple(a2)" not in read and "b2 < 0" in read  # each item still tested
    unread = _lines(ReadText, {0, 1, 2})
    assert "type(a0) is not str" in unread and "tuple(a2)" in unread
