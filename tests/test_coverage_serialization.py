"""The generic machinery of serialization on types the library's models do not use (yet).

The strict converter, the generated fast path and the JSON Schema builder handle any attrs
model, not only the shipped ones. These tests give them small models of their own with the
shapes the shipped models lack (unions, fields that are not in ``__init__``, self-referring
defaults, sets, non-text enumerations) and check that each does what its docstring says.
"""

from __future__ import annotations

import datetime
import enum
import json
from collections.abc import Mapping
from typing import Any

import attrs
import cattrs
import pytest
from cattrs.errors import IterableValidationError

from laeringsnettverk.errors import MAX_PROBLEMS, Problem, ValidationError
from laeringsnettverk.network import OrganisationKind
from laeringsnettverk.serialization import _json as json_module
from laeringsnettverk.serialization import _schema as schema_module
from laeringsnettverk.serialization import make_converter
from laeringsnettverk.serialization._converter import error_from
from laeringsnettverk.serialization._fast import FastStructurer
from laeringsnettverk.serialization._schema import (
    _Builder,
    _default_value,
    _field_docs,
    _plain,
    _schema_text,
)
from laeringsnettverk.toolkit import WhatMattersForm

# -- the strict converter ---------------------------------------------------------------------


def _lines(error: ValidationError) -> list[str]:
    """The message's lines, one per problem, as a person reads them."""
    text = str(error)
    if "\n" not in text:
        return [text]
    return [line.strip() for line in text.splitlines()[1:]]


def _problems(data: object, tp: Any) -> list[str]:
    conv = make_converter()
    with pytest.raises(Exception) as info:  # noqa: PT011 (cattrs' own or ours)
        conv.structure(data, tp)
    return _lines(error_from(info.value, tp))


def test_a_coded_enum_unstructures_to_text_that_is_its_code() -> None:
    # a CodedEnum is a str: cattrs passes it through, and JSON writes its code
    value = make_converter().unstructure(OrganisationKind.DPS)
    assert isinstance(value, str) and value == "dps"
    assert json.dumps(value) == '"dps"'


def test_a_wrong_json_type_is_named_by_its_json_name() -> None:
    assert _problems({"activities": 5}, WhatMattersForm) == [
        "$.activities: must be a list, not a number"
    ]
    assert _problems({"activities": {1}}, WhatMattersForm) == [
        "$.activities: must be a list, not a set"
    ]
    assert _problems({"activities": True}, WhatMattersForm) == [
        "$.activities: must be a list, not true or false"
    ]


def test_a_list_type_reports_each_bad_item_at_its_index() -> None:
    # list[int] has no hook of the library's: cattrs' own IterableValidationError is read
    assert _problems([1, "x", 2.5], list[int]) == [
        "$[1]: 'x' must be a whole number (int)",
        "$[2]: 2.5 must be a whole number (int)",
    ]
    assert _problems([[1], ["x"]], list[list[int]]) == ["$[1][0]: 'x' must be a whole number (int)"]


@pytest.mark.parametrize(
    ("expected", "says"),
    [
        (int, "a whole number"),
        (float, "a number"),
        (str, "a string"),
        (bool, "true or false"),
        (tuple[int, ...], "a list"),
        (list, "a list"),
        (dict[str, int], "an object"),
        (Mapping[str, int], "an object"),
        (WhatMattersForm, "an object (WhatMattersForm)"),
        (datetime.date, "a date"),
    ],
)
def test_an_unexplained_failure_says_what_was_expected(expected: Any, says: str) -> None:
    # an error without notes (not from a known hook) is reported against the expected type
    grouped = IterableValidationError("while structuring", [TypeError("no")], list)
    assert _lines(error_from(grouped, expected)) == [f"$: must be {says}"]


def test_problems_past_the_cap_are_counted() -> None:
    many = ValidationError([Problem.of(("x", i), "is wrong") for i in range(MAX_PROBLEMS + 5)])
    grouped = IterableValidationError("while structuring", [many, TypeError("no")], list)
    error = error_from(grouped, list[int])
    assert len(error.problems) == MAX_PROBLEMS
    assert error.omitted == 6


# -- the fast path ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class A:
    a: int


@attrs.frozen(kw_only=True)
class B:
    b: str


@attrs.frozen(kw_only=True)
class C:
    a: int
    c: int


@attrs.frozen(kw_only=True)
class NoInit:
    x: int
    y: int = attrs.field(init=False, default=1)


@attrs.frozen(kw_only=True)
class Doc:
    kind: str


@attrs.frozen(kw_only=True)
class SelfFactory:
    x: int
    y: int = attrs.field(default=attrs.Factory(lambda self: self.x + 1, takes_self=True))


@attrs.frozen(kw_only=True)
class Holder:
    one: A | B
    many: tuple[A | B, ...] = ()
    floats: tuple[float, ...] = ()
    maybe: tuple[int | None, ...] = ()
    either: A | C | None = None  # A has no required field of its own: no fast dispatch
    eithers: tuple[A | C, ...] = ()


CASES: list[tuple[object, type]] = [
    ({"x": 1}, NoInit),  # a field outside __init__: the detailed hook
    ({"kind": "k"}, Doc),  # a field named like the envelope: the detailed hook
    ({"x": 1}, SelfFactory),  # a default that needs the instance: the detailed hook
    ({"x": 1, "y": 5}, SelfFactory),
    ({"one": {"a": 1}, "many": [{"b": "s"}, {"a": 2}], "floats": [1, 2.5], "maybe": [1, None]}, Holder),
    ({"one": {"b": "x"}, "either": {"a": 1, "c": 2}, "eithers": [{"a": 1}, {"a": 1, "c": 0}]}, Holder),
]  # fmt: skip

BAD: list[tuple[object, type]] = [
    ({"one": 5}, Holder),  # not an object
    ({"one": {"c": 1}}, Holder),  # neither A nor B
    ({"one": {"a": 1}, "floats": [1e400]}, Holder),  # not finite (inf)
    ({"one": {"a": 1}, "maybe": ["1"]}, Holder),  # text in a list of numbers
    ({"x": "1"}, SelfFactory),
]


@pytest.mark.parametrize(("data", "cls"), CASES)
def test_the_fast_path_builds_what_the_detailed_converter_builds(data: object, cls: type) -> None:
    conv = make_converter()
    fast = FastStructurer(conv, envelope=("kind", "schema_version"))
    expected = conv.structure(data, cls)
    assert fast.structure(data, cls) == expected
    assert fast.structure(data, cls) == expected  # the cached function, the same result


@attrs.frozen(kw_only=True)
class Mixed:
    value: int | str


def test_a_union_the_detailed_converter_cannot_structure_fails_the_same_way() -> None:
    conv = make_converter()
    with pytest.raises(cattrs.errors.StructureHandlerNotFoundError):
        conv.structure({"value": 1}, Mixed)
    with pytest.raises(cattrs.errors.StructureHandlerNotFoundError):
        FastStructurer(conv).structure({"value": 1}, Mixed)


@pytest.mark.parametrize(("data", "cls"), BAD)
def test_the_fast_path_gives_up_where_the_detailed_converter_fails(data: object, cls: type) -> None:
    conv = make_converter()
    fast = FastStructurer(conv)
    with pytest.raises(Exception):  # noqa: B017, PT011 (cattrs' errors: the caller explains)
        conv.structure(data, cls)
    assert fast.structure(data, cls) is None


# -- the JSON Schema builder ------------------------------------------------------------------


class Colour(enum.Enum):
    """A colour, by number."""

    RED = 1
    GREEN = 2


class Size(enum.Enum):
    """A size."""

    SMALL = "s"
    LARGE = "l"


@attrs.frozen(kw_only=True)
class Shapes:
    """Shapes of fields the shipped models lack.

    A second paragraph.
    """

    anything: Any
    """Any value."""
    tags: frozenset[str] = frozenset()
    """Tags, each once."""
    by_size: dict[Size, int] = attrs.field(factory=dict)
    """A count per size."""
    by_number: dict[int, str] = attrs.field(factory=dict)
    """A name per number."""
    colour: Colour = Colour.RED
    """A colour."""
    day: datetime.date = datetime.date(2024, 1, 2)
    """A day."""
    derived: int = attrs.field(init=False, default=0)
    """Not in ``__init__``: not in the schema."""
    twice: int = attrs.field(default=attrs.Factory(lambda self: 2, takes_self=True))
    """A default that needs the instance: not shown."""
    size: Size = Size.SMALL
    odd: object = attrs.field(default=attrs.Factory(object))


def test_a_model_with_every_shape_gets_a_schema() -> None:
    builder = _Builder()
    schema = builder.object_schema(Shapes)
    assert schema["title"] == "Shapes of fields the shipped models lack."
    assert schema["description"] == "A second paragraph."
    props = schema["properties"]
    assert "derived" not in props
    assert props["anything"] == {"description": "Any value."}
    assert props["tags"] == {
        "type": "array",
        "items": {"type": "string"},
        "uniqueItems": True,
        "description": "Tags, each once.",
        "default": [],
    }
    assert props["by_size"]["propertyNames"] == {"enum": ["s", "l"]}
    assert props["by_size"]["default"] == {}
    assert props["by_number"]["propertyNames"] == {}  # keys are text in JSON anyway
    assert props["colour"]["default"] == 1
    assert props["day"]["default"] == "2024-01-02"
    assert "default" not in props["twice"]
    assert "default" not in props["odd"]  # an object has no JSON form
    assert props["odd"] == {}
    assert builder.defs["Colour"] == {
        "title": "A colour, by number.",
        "enum": [1, 2],
    }  # numbers: no "type": "string"
    assert builder.defs["Size"]["type"] == "string"
    assert schema["required"] == ["anything"]


def test_two_classes_of_one_name_get_two_definitions() -> None:
    first = attrs.make_class("Twin", {"x": attrs.field(type=int)}, frozen=True, kw_only=True)
    second = attrs.make_class("Twin", {"y": attrs.field(type=str)}, frozen=True, kw_only=True)
    both = attrs.make_class(
        "Both", {"one": attrs.field(type=first), "two": attrs.field(type=second)}, kw_only=True
    )

    builder = _Builder()
    props = builder.object_schema(both)["properties"]
    assert props["one"]["$ref"] == "#/$defs/Twin"
    assert props["two"]["$ref"] != "#/$defs/Twin"
    assert len(builder.defs) == 2


def test_a_type_the_builder_does_not_know_is_a_bug_it_names() -> None:
    with pytest.raises(TypeError, match="no JSON Schema for the type"):
        _Builder().type_schema(complex)


def test_a_kind_without_nested_models_has_no_defs(monkeypatch: pytest.MonkeyPatch) -> None:
    @attrs.frozen(kw_only=True)
    class Flat:
        """A flat document."""

        n: int

    monkeypatch.setattr(json_module, "_kinds", lambda: {"flat": Flat})
    text = _schema_text.__wrapped__("flat")  # not the cached function: no trace left behind
    assert '"$defs"' not in text and '"title": "A flat document."' in text


def test_a_class_without_source_has_no_field_docs(monkeypatch: pytest.MonkeyPatch) -> None:
    made = attrs.make_class("Made", {"x": attrs.field(type=int)})
    assert _field_docs(made) == {}  # no source file to read
    # source that holds no class body (not what inspect gives today, but guarded)
    monkeypatch.setattr(schema_module.inspect, "getsource", lambda _: "x = 1\n")
    assert _field_docs.__wrapped__(Shapes) == {}


def test_defaults_as_json_data() -> None:
    assert _default_value(attrs.Factory(lambda self: 1, takes_self=True)) is None
    assert _plain(datetime.date(2024, 5, 17)) == "2024-05-17"
    assert _plain({Size.SMALL: [1, (2,)]}) == {"Size.SMALL": [1, [2]]}
    assert _plain(object()) is None
    assert _plain(A(a=1)) == {"a": 1}


def test_the_batch_schema_and_validation_names_load_on_first_use() -> None:
    import subprocess
    import sys

    import laeringsnettverk.serialization as serialization

    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        _ = serialization.nope  # type: ignore[attr-defined]
    assert set(serialization.__all__) <= set(dir(serialization))
    assert serialization.json_schema is schema_module.json_schema
    # reading a form does not import the schema writer, the batch reader or the validator
    code = (
        "import sys, laeringsnettverk as ln\n"
        'ln.loads(\'{"kind": "form", "schema_version": 1, "activities": [{"name": "a"}]}\')\n'
        "print(sorted(m for m in sys.modules if m.split('.')[-1] in "
        "('_schema', '_jsonl', '_validate')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
