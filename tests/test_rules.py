"""Field rules declared once (``laeringsnettverk._rules``): checks, quick pass and schema agree.

Each rule is stated once, in a field's metadata. These tests show that the three things made
from it cannot drift apart: the quick pass never accepts what the full checks reject (a
property over drawn values), the schema writer takes its keywords from the same rule object,
and no model states a field's own rule a second time in its cross-field method.
"""

from __future__ import annotations

import ast
import copy
import datetime
import enum
import importlib
import inspect
import math
import pickle
import pkgutil
import textwrap
import typing
import weakref
from collections.abc import Iterator, Mapping
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import laeringsnettverk
from laeringsnettverk import _rules
from laeringsnettverk._checks import Checker
from laeringsnettverk._codegen import Names
from laeringsnettverk._rule_base import Value
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
    quick_source,
    rule,
    rule_of,
    to_tuple,
)
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.serialization._schema import _Builder


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@attrs.frozen(kw_only=True)
@checked
class Leaf:
    code: str = attrs.field(metadata=rule(Code()))


def _even(c: Checker, path: Any, value: object) -> bool:
    if type(value) is int and value % 2 == 0:
        return True
    c.add(path, "must be an even number", value)
    return False


EVEN = Custom(
    check_with=_even, quick_with=lambda v: type(v) is int and v % 2 == 0, keywords={"multipleOf": 2}
)


@attrs.frozen(kw_only=True)
@checked
class Everything:
    text: str = attrs.field(metadata=rule(Text()))
    note: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    code: str = attrs.field(default="a", metadata=rule(Code()))
    count: int = attrs.field(default=1, metadata=rule(Integer(ge=1, le=5)))
    share: float = attrs.field(default=0.5, metadata=rule(Number(ge=0, le=1)))
    flag: bool = attrs.field(default=False, metadata=rule(Boolean()))
    day: datetime.date | None = attrs.field(default=None, metadata=rule(Optional(Date())))
    colour: Colour = attrs.field(default=Colour.RED, metadata=rule(Member(Colour)))
    leaf: Leaf | None = attrs.field(default=None, metadata=rule(Optional(Instance(Leaf))))
    colours: tuple[Colour, ...] = attrs.field(
        default=(Colour.RED,),
        converter=to_tuple,
        metadata=rule(Items(Member(Colour), min_items=1, unique="is given twice")),
    )
    leaves: tuple[Leaf, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(Leaf)))
    )
    scores: Mapping[str, int] = attrs.field(
        factory=dict, converter=_rules.freeze_map, metadata=rule(Map(Integer(ge=0)))
    )
    even: int = attrs.field(default=2, metadata=rule(EVEN))
    low: int = attrs.field(default=0, metadata=rule(Optional(Integer(le=0))))
    ratio: float = attrs.field(default=0.0, metadata=rule(Number()))
    tags: tuple[str, ...] | None = attrs.field(default=None, metadata=rule(Optional(Items(Code()))))

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if ok["count"] and ok["colours"] and self.count < len(self.colours):
            c.add(("count",), "must be at least the number of colours", self.count)
        if ok["text"] and self.text == "whole":
            c.add((), "is refused as a whole")


VALUES: dict[str, list[object]] = {
    "text": ["x", "Sove", "", " ", "\u2003", 1, None, ["x"], "\ud800"],
    "note": [None, "", "x", 1, ["x"]],
    "code": ["a", "", " ", 1, None],
    "count": [1, 5, 0, 6, 2, True, 1.0, "1", 10**400],
    "share": [0, 0.5, 1, 1.5, -0.1, math.nan, math.inf, True, "0.5", 10**400],
    "flag": [True, False, 0, 1, None],
    "day": [None, datetime.date(2015, 2, 5), datetime.datetime(2015, 2, 5), "2015-02-05"],
    "colour": [Colour.RED, Colour.BLUE, "red", None],
    "leaf": [None, Leaf(code="a"), "a", 1],
    "colours": [
        (Colour.RED,),
        (),
        (Colour.RED, Colour.BLUE),
        (Colour.RED, Colour.RED),
        ("red",),
        (Colour.BLUE, None),
    ],
    "leaves": [(), (Leaf(code="a"),), (Leaf(code="a"), "b"), (1,)],
    "scores": [{}, {"Sove": 3}, {"Sove": -1}, {1: 3}, {"Sove": "3"}, {"Sove": True}],
    "even": [2, 0, 3, "2", None],
    "low": [0, None, -3, 1, "0"],
    "ratio": [0.0, -1e300, 7, math.nan, "1", None],
    "tags": [None, (), ("a",), ("a", ""), ("a", 1)],
}


def _outcome(make: Any) -> tuple[object, ...]:
    try:
        make()
    except ValidationError as exc:
        return ("raised", str(exc), exc.problems)
    return ("built",)


@given(st.fixed_dictionaries({name: st.sampled_from(values) for name, values in VALUES.items()}))
def test_quick_pass_never_accepts_what_the_full_checks_reject(kwargs: dict[str, object]) -> None:
    quick = _outcome(lambda: Everything(**kwargs))
    with mock.patch.object(Everything, "__attrs_post_init__", _rules._full_check):
        full = _outcome(lambda: Everything(**kwargs))
    assert quick == full


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"text": " "}, "text: must not be empty"),
        ({"text": 1}, "text: 1 must be text (str)"),
        ({"code": ""}, "code: '' must be a non-empty string"),
        ({"count": 6}, "count: 6 must be <= 5"),
        ({"share": math.nan}, "share: nan must be a finite number"),
        ({"flag": 1}, "flag: 1 must be true or false (bool)"),
        ({"day": "2015-02-05"}, "day: '2015-02-05' must be a date (datetime.date)"),
        ({"colour": "red"}, "colour: 'red' is not a known Colour code"),
        ({"leaf": "a"}, "leaf: 'str' must be a Leaf"),
        ({"colours": ()}, "colours: needs at least 1 items"),
        ({"colours": (Colour.RED, Colour.RED)}, "colours[1]: 'red' is given twice"),
        ({"leaves": (1,)}, "leaves[0]: 'int' must be a Leaf"),
        ({"scores": {"Sove": -1}}, "scores[key 0]: -1 must be >= 0"),
        ({"scores": {1: 3}}, "scores[key 0]: must be text (str)"),
        ({"even": 3}, "even: 3 must be an even number"),
        ({"low": 1}, "low: 1 must be <= 0"),
        ({"ratio": math.inf}, "ratio: inf must be a finite number"),
        ({"tags": ("a", "")}, "tags[1]: '' must be a non-empty string"),
        ({"count": 1, "colours": (Colour.RED, Colour.BLUE)}, "count: 1 must be at least"),
        ({"text": "whole"}, "is refused as a whole"),
    ],
)
def test_each_rule_reports_its_problem(changes: dict[str, object], expected: str) -> None:
    kwargs: dict[str, Any] = {"text": "x", **changes}
    with pytest.raises(ValidationError) as info:
        Everything(**kwargs)
    assert len(info.value.problems) == 1
    assert expected in str(info.value)


def test_every_problem_is_reported_in_field_order() -> None:
    with pytest.raises(ValidationError) as info:
        Everything(text="whole", count=0, flag=None, even=1)  # type: ignore[arg-type]
    paths = [p.path for p in info.value.problems]
    # the problem of the whole object first, then each field's in the fields' order
    assert paths == [(), ("count",), ("flag",), ("even",)]


def test_an_instance_of_an_article_class_reads_an() -> None:
    @attrs.frozen(kw_only=True)
    @checked
    class Holder:
        item: Everything = attrs.field(metadata=rule(Instance(Everything)))

    with pytest.raises(ValidationError, match=r"item: 'int' must be an Everything"):
        Holder(item=1)  # type: ignore[arg-type]


def test_a_subclass_instance_passes_the_full_checks() -> None:
    # the quick pass asks for the exact class; a subclass goes to the full checks, which
    # accept it (isinstance)
    class Twig(Leaf):
        pass

    twig = Twig(code="a")
    assert Everything(text="x", leaf=twig, leaves=[twig]).leaf is twig


def test_checked_refuses_hand_written_checks() -> None:
    for name in ("__attrs_post_init__", "_full_check", "_valid"):
        body = {name: lambda self: None}
        with pytest.raises(TypeError, match="the checks come from the field rules"):
            checked(type("Bad", (), body))


def test_a_field_without_a_rule_is_refused_when_first_used() -> None:
    @attrs.frozen(kw_only=True)
    @checked
    class Ruleless:
        name: str

    with pytest.raises(TypeError, match=r"Ruleless.name is declared without a rule"):
        Ruleless(name="x")


def test_the_quick_pass_is_readable_code() -> None:
    source = quick_source(Everything)
    assert source.startswith("def quick(self):")
    assert "self._check_across(_STOP, _OK)" in source
    assert "_check_across" not in quick_source(Leaf)


def test_the_base_rule_states_nothing() -> None:
    base = Rule()
    with pytest.raises(NotImplementedError):
        base.check(Checker(), ("x",), 1)
    with pytest.raises(NotImplementedError):
        base.quick("v", Names())
    assert base.schema({"type": "string"}) == {"type": "string"}


def _passes(c: Checker, path: tuple[Any, ...], value: object) -> bool:
    return True


_EVERY_RULE: list[Rule] = [
    Text(),
    Text(blank=True),
    Code(),
    Integer(ge=1, le=5),
    Number(le=2.5),
    Boolean(),
    Date(),
    Member(Colour),
    Instance(int),
    Optional(Text()),
    Items(Integer(), 1, "needs one", "duplicates {first}"),
    Map(Integer(), key_rule="must be a key"),
    Custom(_passes, bool, {"pattern": "x"}),
    Custom(_passes, bool),
]


@pytest.mark.parametrize("declared", _EVERY_RULE, ids=lambda r: type(r).__name__)
def test_a_rule_is_a_frozen_value(declared: Rule) -> None:
    """The library's rules are plain classes (not attrs: the cold start) that act as values."""
    assert not attrs.has(type(declared))
    assert isinstance(declared, Value)
    fields = tuple(getattr(declared, name) for name in declared.__match_args__)
    again = type(declared)(*fields)
    assert again == declared
    assert again.__ne__(declared) is False
    assert repr(again) == repr(declared)
    assert repr(declared).startswith(f"{type(declared).__name__}(")
    assert copy.deepcopy(declared) == declared
    assert pickle.loads(pickle.dumps(declared)) == declared
    assert declared.__eq__(Rule()) is NotImplemented
    assert weakref.ref(declared)() is declared
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        declared.x = 1
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del declared.x  # type: ignore[attr-defined]
    assert not hasattr(declared, "__dict__")
    if type(declared) is not Custom:  # a mapping of keywords: not hashable, as under attrs
        assert hash(again) == hash(declared)


def _rule_classes(cls: type = Value) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _rule_classes(sub)


def test_every_rule_class_names_all_its_fields_in_init_order() -> None:
    # eq, hash, repr and pickling read __match_args__: a field left out would be ignored
    importlib.import_module("laeringsnettverk.toolkit._kor")  # _Rating, a Number
    classes = list(_rule_classes())
    assert {Text, Items, Custom} <= set(classes) and len(classes) >= 13
    for cls in classes:
        params = list(inspect.signature(cls).parameters)
        slots = [s for c in cls.__mro__ for s in c.__dict__.get("__slots__", ())]
        assert list(cls.__match_args__) == params, cls
        assert set(slots) - {"__weakref__"} == set(params), cls


def test_a_rules_fields_make_its_value() -> None:
    assert Integer(ge=1, le=5) != Integer(ge=1, le=6)
    assert Integer(ge=1) != Number(ge=1)
    assert Text() == Text(blank=False) != Text(blank=True)
    assert repr(Items(Code())) == "Items(rule=Code(), min_items=0, too_few='', unique='')"
    assert Custom(_passes, bool).keywords == {}
    assert repr(Custom(_passes, bool)).endswith(", keywords={})")
    assert len({Integer(ge=1), Integer(ge=1), Integer(ge=2)}) == 2
    match Integer(ge=1, le=5):
        case Integer(low, high):
            assert (low, high) == (1, 5)


def test_freeze_map_keeps_a_frozen_map() -> None:
    frozen = _rules.freeze_map({"a": 1})
    assert _rules.freeze_map(frozen) is frozen
    assert dict(frozen) == {"a": 1}


def test_rule_of_reads_the_metadata() -> None:
    fields = attrs.fields_dict(Everything)
    assert rule_of(fields["count"]) == Integer(ge=1, le=5)
    plain = attrs.fields(attrs.make_class("Plain", ["x"]))[0]
    assert rule_of(plain) is None


# -- the schema comes from the same rule ------------------------------------------------------


def test_the_schema_keywords_come_from_the_rules() -> None:
    props = _Builder().object_schema(Everything)["properties"]
    assert props["text"] == {"type": "string", "minLength": 1, "pattern": r"\S"}
    assert props["note"]["type"] == ["string", "null"]
    assert "minLength" not in props["note"]
    assert props["code"]["minLength"] == 1
    assert (props["count"]["minimum"], props["count"]["maximum"]) == (1, 5)
    assert (props["share"]["minimum"], props["share"]["maximum"]) == (0, 1)
    assert props["colours"]["minItems"] == 1
    assert props["colours"]["uniqueItems"] is True
    assert props["scores"]["additionalProperties"] == {"type": "integer", "minimum": 0}
    assert props["even"]["multipleOf"] == 2
    assert props["low"] == {"type": "integer", "maximum": 0, "default": 0}


@pytest.mark.parametrize(
    ("declared", "prop", "expected"),
    [
        # an optional text that must not be blank: the rule applies to the string branch
        (
            Optional(Text()),
            {"type": ["string", "null"]},
            {"anyOf": [{"type": "string", "minLength": 1, "pattern": r"\S"}, {"type": "null"}]},
        ),
        # an optional code list: the keywords sit beside the two types
        (
            Optional(Items(Code(), min_items=1)),
            {"type": ["array", "null"], "items": {"type": "string"}},
            {
                "type": ["array", "null"],
                "items": {"type": "string", "minLength": 1, "pattern": r"\S"},
                "minItems": 1,
            },
        ),
        # an optional number limited by an enum: null joins the enum
        (
            Optional(Custom(check_with=_even, quick_with=bool, keywords={"enum": [2, 4]})),
            {"type": ["integer", "null"]},
            {"type": ["integer", "null"], "enum": [2, 4, None]},
        ),
        # an optional value of two other types
        (
            Optional(Integer(ge=0)),
            {"type": ["integer", "number", "null"]},
            {"type": ["integer", "number", "null"], "minimum": 0},
        ),
        # a $ref: the rule adds nothing
        (Optional(Instance(Leaf)), {"$ref": "#/$defs/Leaf"}, {"$ref": "#/$defs/Leaf"}),
        (Items(Text()), {"type": "array"}, {"type": "array"}),
        (Map(Integer(ge=0)), {"type": "object"}, {"type": "object"}),
    ],
)
def test_rule_schemas(declared: Rule, prop: dict[str, Any], expected: dict[str, Any]) -> None:
    assert declared.schema(prop) == expected


def test_the_schema_writer_reads_the_rule_and_nothing_else() -> None:
    # hand the writer another rule for one field: its schema follows, and nothing else does
    from laeringsnettverk.serialization import _schema

    def other_rule(field: Any) -> Rule | None:
        return Integer(ge=2, le=3) if field.name == "count" else rule_of(field)

    before = _Builder().object_schema(Everything)["properties"]
    with mock.patch.object(_schema, "rule_of", other_rule):
        after = _Builder().object_schema(Everything)["properties"]
    assert (before["count"]["minimum"], before["count"]["maximum"]) == (1, 5)
    assert (after["count"]["minimum"], after["count"]["maximum"]) == (2, 3)
    assert {k: v for k, v in after.items() if k != "count"} == {
        k: v for k, v in before.items() if k != "count"
    }


# -- the library's own models: each rule stated once ------------------------------------------

_FIELD_CHECKS = {
    "text",
    "optional_text",
    "code",
    "date",
    "optional_date",
    "boolean",
    "member",
    "integer",
    "number",
    "instances",
}


def _checked_models() -> Iterator[type]:
    seen: set[type] = set()
    for info in pkgutil.walk_packages(laeringsnettverk.__path__, "laeringsnettverk."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if isinstance(obj, type) and "_ln_quick" in vars(obj) and obj not in seen:
                seen.add(obj)
                yield obj


CHECKED = sorted(_checked_models(), key=lambda cls: cls.__qualname__)


def test_the_library_has_models_checked_by_rules() -> None:
    names = {cls.__name__ for cls in CHECKED}
    assert {"WhatMattersForm", "Activity", "Conversation", "Scale"} <= names


@pytest.mark.parametrize("cls", CHECKED, ids=lambda cls: cls.__qualname__)
def test_every_field_has_exactly_one_rule(cls: type) -> None:
    for f in attrs.fields(cls):
        assert isinstance(rule_of(f), Rule), f"{cls.__name__}.{f.name} has no rule"
        assert f.validator is None, f"{cls.__name__}.{f.name} has an attrs validator as well"


@pytest.mark.parametrize("cls", CHECKED, ids=lambda cls: cls.__qualname__)
def test_no_cross_field_method_restates_a_field_rule(cls: type) -> None:
    """``c.text(("name",), ...)`` in ``_check_across`` would state ``name``'s rule twice."""
    method = vars(cls).get("_check_across")
    if method is None:
        return
    tree = ast.parse(textwrap.dedent(inspect.getsource(method)))
    fields = {f.name for f in attrs.fields(cls)}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _FIELD_CHECKS
            and node.args
            and isinstance(node.args[0], ast.Tuple)
            and len(node.args[0].elts) == 1
            and isinstance(node.args[0].elts[0], ast.Constant)
        ):
            assert node.args[0].elts[0].value not in fields, (
                f"{cls.__name__}._check_across checks the field "
                f"{node.args[0].elts[0].value!r} again: its rule belongs in its metadata"
            )


def test_every_model_of_every_document_kind_is_checked_by_rules() -> None:
    # the schema writer takes each field's keywords from its rule: a document's model without
    # rules would have a schema that says less than the model checks
    from laeringsnettverk.kinds import KINDS, document_kind

    seen: set[type] = set()

    def visit(tp: Any) -> None:
        for arg in typing.get_args(tp):
            visit(arg)
        if isinstance(tp, type) and attrs.has(tp) and tp not in seen:
            seen.add(tp)
            for hint in typing.get_type_hints(tp).values():
                visit(hint)

    for kind in KINDS:
        visit(document_kind(kind.code).model)
    assert len(seen) > 40
    assert sorted(cls.__qualname__ for cls in seen if "_ln_quick" not in vars(cls)) == []
