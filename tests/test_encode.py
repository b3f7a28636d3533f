"""Writing: the generated unstructure functions give the strict converter's data and text."""

from __future__ import annotations

import datetime
import enum
import json
from collections.abc import Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import laeringsnettverk as ln
from laeringsnettverk._codes import CodedEnum
from laeringsnettverk.serialization import _accel, _encode, _json, dumps_jsonl, make_converter
from laeringsnettverk.serialization._encode import Unstructurer, Unsupported
from laeringsnettverk.serialization._fast import FastStructurer
from laeringsnettverk.toolkit import Activity, Conversation, WhatMattersForm
from strategies import WHOLE_NETWORKS
from strategies.kinds import DOCUMENTS
from strategies.toolkit import forms, scales


def reference_dumps(obj: object, indent: int | None) -> str:
    """``dumps`` as it was written before: the converter's data through ``json.dumps``."""
    kind = _json.kind_of(obj)
    document = {"kind": kind, "schema_version": 1, **make_converter().unstructure(obj)}
    return json.dumps(document, ensure_ascii=False, indent=indent, allow_nan=False)


@pytest.fixture(autouse=True)
def _restore_mode() -> Any:
    yield
    _accel._from_environment()


def _few_for_networks(kind: str) -> Any:
    return WHOLE_NETWORKS if kind == "network" else (lambda test: test)


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_a_document_is_written_as_the_converter_wrote_it(kind: str) -> None:
    conv = make_converter()

    @_few_for_networks(kind)
    @given(DOCUMENTS[kind])
    def check(obj: object) -> None:
        expected = [reference_dumps(obj, indent) for indent in (None, 2)]
        compact = json.dumps(
            json.loads(expected[0]), ensure_ascii=False, separators=(",", ":"), allow_nan=False
        )
        for mode in ("off", "on"):  # the pure path, the accelerator
            _accel.use(mode)
            assert _json.to_dict(obj) == conv.unstructure(obj)
            assert [ln.dumps(obj, indent=indent) for indent in (None, 2)] == expected
            assert dumps_jsonl([obj]) == compact + "\n"

    check()


# -- shapes the shipped models lack ----------------------------------------------------------


class Colour(enum.Enum):
    """A plain enum: the converter writes its value."""

    RED = 1


class Size(CodedEnum):
    """A coded enum: written as its code."""

    SMALL = "s", "liten", "small"


@attrs.frozen(kw_only=True)
class A:
    a: int


@attrs.frozen(kw_only=True)
class B:
    b: str
    f: float = 0.5


@attrs.frozen(kw_only=True)
class Node:
    name: str
    children: tuple[Node, ...] = ()
    parent: Node | None = None


def _twice(values: Any) -> tuple[Any, ...]:
    return tuple(values) * 2


@attrs.frozen(kw_only=True)
class Shapes:
    one: A | B
    many: tuple[A | B, ...] = ()
    maybe: A | None = None
    maybe_day: datetime.date | None = None
    days: tuple[datetime.date, ...] = ()
    floats: tuple[float, ...] = ()
    weights: Mapping[str, float] = attrs.field(factory=dict)
    models: Mapping[str, A] = attrs.field(factory=dict)
    sizes: tuple[Size, ...] = ()
    size: Size = Size.SMALL
    colour: Colour = Colour.RED
    by_number: Mapping[int, str] = attrs.field(factory=dict)
    tags: frozenset[str] = frozenset()
    doubled: tuple[int, ...] = attrs.field(default=(1,), converter=_twice)
    made: tuple[int, ...] = attrs.field(factory=lambda: [2], converter=tuple)
    listed: tuple[int, ...] = attrs.field(factory=lambda: (3,))


@attrs.frozen(kw_only=True)
class NoInit:
    x: int
    y: int = attrs.field(init=False, default=3)


@attrs.frozen(kw_only=True)
class SelfFactory:
    x: int
    y: int = attrs.field(default=attrs.Factory(lambda self: self.x + 1, takes_self=True))


@attrs.frozen(kw_only=True)
class TakesSelf:
    x: int = attrs.field(default=1, converter=attrs.Converter(lambda v, _self: v, takes_self=True))


@attrs.frozen(kw_only=True)
class Maybe:
    """Optional fields written even when ``None`` (no default, or another default)."""

    x: str | None
    y: int | None = 3
    day: datetime.date = datetime.date(2020, 1, 1)
    flag: bool = False


@attrs.frozen(kw_only=True)
class Envelope:
    kind: str
    value: int = 0


@attrs.frozen(kw_only=True)
class Holder:
    nodes: tuple[Node, ...] = ()
    odd: tuple[NoInit, ...] = ()
    made: SelfFactory | None = None


SHAPES = [
    Shapes(one=A(a=1)),
    Shapes(
        one=B(b="x", f=2.5),
        many=(A(a=2), B(b="y")),
        maybe=A(a=3),
        maybe_day=datetime.date(2020, 1, 2),
        days=(datetime.date(2020, 1, 3),),
        floats=(1.5, 2),
        weights={"b": 0.25, "a": 1e16},
        models={"z": A(a=1), "y": A(a=2)},
        sizes=(Size.SMALL,),
        colour=Colour.RED,
        by_number={2: "b", 1: "a"},
        tags=frozenset({"t"}),
        doubled=(5,),
        made=(7,),
    ),
    Node(name="root", children=(Node(name="leaf"),), parent=Node(name="up")),
    NoInit(x=1),
    SelfFactory(x=1),
    SelfFactory(x=1, y=5),
    TakesSelf(x=2),
    Envelope(kind="k", value=2),
    Maybe(x=None, y=None),
    Maybe(x="x", y=True, day=datetime.date(1, 2, 3), flag=True),  # a bool where an int goes
    Holder(nodes=(Node(name="a"),), odd=(NoInit(x=1),), made=SelfFactory(x=1)),
]


@pytest.mark.parametrize("obj", SHAPES, ids=lambda o: type(o).__name__)
def test_every_shape_is_unstructured_as_the_converter_does(obj: object) -> None:
    conv = make_converter()
    un = Unstructurer(conv)
    expected = conv.unstructure(obj)
    assert un.unstructure(obj) == expected
    assert un.unstructure(obj) == expected  # the cached function, the same data
    assert un.document(obj, "k", 3) == {"kind": "k", "schema_version": 3, **expected}
    # the text built from the fields: the document's data as json writes it (or json's error)
    text = Unstructurer(conv, write=_json._write).text_function(type(obj))
    document = un.document(obj, "k", 3)
    assert _outcome(text, obj, "k", 3) == _outcome(json.dumps, document, ensure_ascii=False)


def _outcome(fn: Any, *args: Any, **kwargs: Any) -> tuple[str, object]:
    """What ``fn`` returns, or the type of what it raises."""
    try:
        return "returns", fn(*args, **kwargs)
    except Exception as exc:  # compared with what the reference raises
        return "raises", type(exc)


READ = [
    ({"name": "r", "children": [{"name": "c", "children": [{"name": "g"}]}]}, Node),
    ({"name": "r", "parent": {"name": "p", "parent": {"name": "q"}}}, Node),
    ({"nodes": [{"name": "a", "children": [{"name": "b"}]}], "odd": [{"x": 1}]}, Holder),
    ({"made": {"x": 1}}, Holder),
]


@pytest.mark.parametrize(("data", "cls"), READ)
def test_the_fast_path_reads_models_inside_themselves_and_hooked_ones(
    data: dict[str, Any], cls: type
) -> None:
    conv = make_converter()
    fast = FastStructurer(conv)
    expected = conv.structure(data, cls)
    assert fast.counting(cls)(data, [0]) == expected  # raises if the fast path gave up


@pytest.mark.parametrize("value", [datetime.date(2020, 1, 2), 5, "x", Size.SMALL, [1, 2]])
def test_a_value_that_is_not_a_model_is_unstructured_as_the_converter_does(value: object) -> None:
    conv = make_converter()
    assert Unstructurer(lambda: conv).unstructure(value) == conv.unstructure(value)


def test_the_accelerators_variant_writes_floats_as_json_does() -> None:
    accelerator = _accel.use("on")
    assert accelerator is not None
    un = Unstructurer(make_converter, float_hook=accelerator.float_hook())
    conv = make_converter()
    obj = Shapes(one=B(b="x", f=1e-05), floats=(1e16, 3), weights={"w": 0.1})
    written = accelerator.dumps(un.unstructure(obj), 2)
    assert written == json.dumps(conv.unstructure(obj), indent=2)
    with pytest.raises(Unsupported):  # a value the converter's hooks write: the pure path
        un.unstructure(SHAPES[1])


def test_a_forms_scores_follow_its_activities_then_the_rest_sorted() -> None:
    # a stand-in (no checks): a score for an activity the form does not have
    form: Any = object.__new__(WhatMattersForm)
    scores = {"z": 1, "Handle": 2, "a": 3, "Sove": 4}
    fields = {
        "activities": (Activity(name="Sove"), Activity(name="Handle")),
        "conversations": (
            Conversation(date=datetime.date(2020, 1, 1)),
            object.__new__(Conversation),
        ),
    }
    object.__setattr__(fields["conversations"][1], "date", datetime.date(2020, 2, 1))
    object.__setattr__(fields["conversations"][1], "scores", scores)
    for field in attrs.fields(WhatMattersForm):  # the other fields at their defaults
        object.__setattr__(form, field.name, fields.get(field.name, field.default))
    conv = make_converter()
    data = Unstructurer(conv).unstructure(form)
    assert data == conv.unstructure(form)
    assert list(data["conversations"][1]["scores"]) == ["Sove", "Handle", "a", "z"]


@given(st.sampled_from([None, 2, 0, 4]))
def test_indents_the_accelerator_does_not_write_take_the_pure_path(indent: int | None) -> None:
    form = ln.WhatMattersForm.from_scores(["Sove"], (datetime.date(2020, 1, 1), [3]))
    _accel.use("on")
    assert ln.dumps(form, indent=indent) == reference_dumps(form, indent)


class _NothingInlined(Unstructurer):
    """No model inlined: each by its own function (its data; its text by json from that)."""

    def _inline(self, cls: type, x: str, ns: dict[str, Any], ordered: bool | str) -> None:
        return None

    def _text_inline(self, cls: type, x: str, ns: dict[str, Any], order: str | None) -> None:
        return None


@st.composite
def _forms_scored_in_any_order(draw: st.DrawFn) -> WhatMattersForm:
    """A form whose conversations hold their scores in any order (the model keeps it)."""
    form = draw(forms(scale=scales()))
    conversations = [
        attrs.evolve(c, scores=dict(draw(st.permutations(list(c.scores.items())))))
        for c in form.conversations
    ]
    return attrs.evolve(form, conversations=conversations)


@given(_forms_scored_in_any_order())
def test_a_forms_text_is_its_data_as_json_writes_it(form: WhatMattersForm) -> None:
    conv = make_converter()
    expected = reference_dumps(form, None)
    for cls in (Unstructurer, _NothingInlined):
        un = cls(conv, write=_json._write)
        assert json.dumps(un.unstructure(form)) == json.dumps(conv.unstructure(form))  # in order
        assert un.text_function(WhatMattersForm)(form, "form", 1) == expected
    for mode in ("off", "on"):
        _accel.use(mode)
        assert ln.dumps(form, indent=None) == expected


def test_a_value_not_of_its_type_is_written_from_the_data() -> None:
    # a stand-in (no checks): an activity named by a number, which the text writer refuses
    form = ln.WhatMattersForm.from_scores(["Sove"], (datetime.date(2020, 1, 1), [3]))
    object.__setattr__(form.activities[0], "name", 5)
    _accel.use("off")
    assert ln.dumps(form, indent=None) == reference_dumps(form, None)
    assert '"activities": [{"name": 5}]' in ln.dumps(form, indent=None)


@attrs.frozen(kw_only=True)
class Day:
    days: Mapping[str, datetime.date] = attrs.field(factory=dict)
    counts: Mapping[str, int] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Diary:
    order: tuple[str, ...]
    entries: tuple[Day, ...] = ()


def test_an_ordering_puts_the_mappings_of_its_items_in_its_keys_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the form's rule, given to a model of other shapes: mappings whose values are made
    # (dates), and items not inlined (two fields with a default)
    def ordering(cls: type) -> _encode._Ordering | None:
        return _encode._Ordering(frozenset({"entries"}), "list(o.order)") if cls is Diary else None

    monkeypatch.setattr(_encode, "_ordering", ordering)
    d = datetime.date(2020, 1, 1)
    diary = Diary(
        order=("b", "a"),
        entries=(Day(days={"a": d, "c": d, "b": d, "0": d}, counts={"x": 1, "a": 2}), Day()),
    )
    iso = d.isoformat()
    data = {
        "order": ["b", "a"],
        "entries": [
            {"days": {"b": iso, "a": iso, "0": iso, "c": iso}, "counts": {"a": 2, "x": 1}},
            {},
        ],
    }
    for cls in (Unstructurer, _NothingInlined):
        un = cls(make_converter(), write=_json._write)
        assert json.dumps(un.unstructure(diary)) == json.dumps(data)
        document = {"kind": "k", "schema_version": 1, **data}
        assert un.text_function(Diary)(diary, "k", 1) == json.dumps(document)
