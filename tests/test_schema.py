"""JSON Schemas of the document kinds: generated, shipped, and in agreement with the loader."""

from __future__ import annotations

import collections.abc
import copy
import datetime
import enum
import itertools
import json
import typing
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from jsonschema import Draft202012Validator

import laeringsnettverk as ln
from laeringsnettverk import ValidationError
from laeringsnettverk.examples import EXAMPLE_KINDS, example_text
from laeringsnettverk.serialization import (
    SCHEMA_DIALECT,
    SCHEMA_VERSION,
    dumps,
    from_document,
    json_schema,
    schema_id,
    to_dict,
    write_schemas,
)
from laeringsnettverk.serialization._json import _kinds
from laeringsnettverk.serialization._schema import _Builder
from strategies.kinds import DOCUMENTS

TOOLKIT_KINDS = ("form", "kor", "checklist", "plan", "wheel")
ALL_KINDS = tuple(_kinds())  # whatever is registered when the tests run, new kinds included
SHIPPED = resources.files("laeringsnettverk").joinpath("data", "schema")
REGENERATE = (
    'regenerate with: .venv/bin/python -c "from laeringsnettverk.serialization '
    "import write_schemas; write_schemas('src/laeringsnettverk/data/schema')\""
)


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(
        json_schema(kind), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def schema_errors(kind: str, document: object) -> list[str]:
    return [e.message for e in validator(kind).iter_errors(document)]


def example(kind: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(example_text(kind))
    return data


# -- the schemas themselves ---------------------------------------------------------------


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_schema_is_a_valid_draft_2020_12_schema(kind: str) -> None:
    schema = json_schema(kind)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == SCHEMA_DIALECT
    assert schema["$id"] == schema_id(kind) == f"https://laeringsnettverk.no/schema/{kind}-1.json"
    assert schema["properties"]["kind"] == {"const": kind, "description": "The document kind."}
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert schema["required"][:2] == ["kind", "schema_version"]
    assert schema["title"] and schema["additionalProperties"] is False


def _reachable(cls: type) -> list[type]:
    seen: list[type] = []

    def visit(tp: Any) -> None:
        if isinstance(tp, type) and attrs.has(tp):
            if tp in seen:
                return
            seen.append(tp)
            for t in typing.get_type_hints(tp).values():
                visit(t)
        for arg in typing.get_args(tp):
            visit(arg)

    visit(cls)
    return seen


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_object_lists_exactly_the_models_fields(kind: str) -> None:
    # Generated, not written by hand: each model reachable from the kind has an object
    # schema with its init fields, the ones without a default required, nothing else allowed.
    schema = json_schema(kind)
    root, *nested = _reachable(_kinds()[kind])
    objects = {name: d for name, d in schema.get("$defs", {}).items() if d.get("type") == "object"}
    assert len(objects) == len(nested)
    for cls, obj in [(root, schema), *zip(nested, objects.values(), strict=True)]:
        fields = [f for f in attrs.fields(cls) if f.init]
        names = [f.name for f in fields]
        required = [f.name for f in fields if f.default is attrs.NOTHING]
        envelope = ("kind", "schema_version") if obj is schema else ()
        own = [p for p in obj["properties"] if p not in envelope]
        assert own == names, cls
        assert [r for r in obj.get("required", []) if r not in envelope] == required
        assert obj["additionalProperties"] is False


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_shipped_schema_file_equals_the_generated_one(kind: str) -> None:
    shipped = SHIPPED.joinpath(f"{kind}.schema.json")
    assert shipped.is_file(), f"no shipped schema for {kind!r}; {REGENERATE}"
    assert json.loads(shipped.read_text(encoding="utf-8")) == json_schema(kind), REGENERATE


def test_no_stale_schema_file_is_shipped() -> None:
    files = sorted(p.name for p in SHIPPED.iterdir() if p.name.endswith(".schema.json"))
    expected = sorted([*(f"{kind}.schema.json" for kind in ALL_KINDS), "error.schema.json"])
    assert files == expected, REGENERATE


def test_write_schemas_writes_every_kind_byte_for_byte(tmp_path: Path) -> None:
    paths = write_schemas(tmp_path / "out")
    expected = [*(f"{kind}.schema.json" for kind in ALL_KINDS), "error.schema.json"]
    assert [p.name for p in paths] == expected
    for path in paths:
        shipped = SHIPPED.joinpath(path.name).read_text(encoding="utf-8")
        assert path.read_text(encoding="utf-8") == shipped, REGENERATE


def test_json_schema_returns_a_fresh_dict_each_time() -> None:
    first = json_schema("form")
    first["properties"].clear()
    assert json_schema("form")["properties"]["activities"]["type"] == "array"


def test_unknown_kind_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match=r"kind: 'skjema' is not a known document kind"):
        json_schema("skjema")


def test_form_schema_in_detail() -> None:
    schema = json_schema("form")
    defs = schema["$defs"]
    assert schema["required"] == ["kind", "schema_version", "activities"]
    assert schema["properties"]["activities"]["items"] == {"$ref": "#/$defs/Activity"}
    # ``X | None``: the converter reads null as None, so the schema allows it
    assert schema["properties"]["identifier"]["type"] == ["string", "null"]
    # the model rejects a blank activity name: the schema says so too
    assert defs["Activity"]["properties"]["name"] | {"description": ""} == {
        "type": "string",
        "minLength": 1,
        "pattern": r"\S",
        "description": "",
    }
    # ...but the optional area may be empty
    assert defs["Activity"]["properties"]["area"]["type"] == ["string", "null"]
    conversation = defs["Conversation"]
    assert conversation["required"] == ["date"]
    assert conversation["properties"]["date"]["format"] == "date"
    assert conversation["properties"]["scores"]["additionalProperties"] == {"type": "integer"}
    assert defs["Scale"]["properties"]["minimum"]["default"] == 1
    assert schema["properties"]["scale"]["default"] == {
        "minimum": 1,
        "maximum": 10,
        "higher_is_better": True,
    }
    assert schema["title"].startswith("The «Hva er viktig for meg»-form")
    assert "```" not in json.dumps(schema)  # docstring examples are left out


def test_coded_enums_are_their_codes() -> None:
    defs = json_schema("checklist")["$defs"]
    assert defs["ItemStatus"]["enum"] == ["gjennomfoert", "ikke_aktuelt", "ikke_gjennomfoert"]
    item = defs["ChecklistItem"]["properties"]
    assert item["status"]["$ref"] == "#/$defs/ItemStatus"
    assert item["status"]["default"] == "ikke_gjennomfoert"
    plan = json_schema("plan")["$defs"]["Measure"]["properties"]
    assert plan["serves"]["items"]["pattern"] == r"\S"  # names: not blank
    assert plan["comments"]["items"] == {"type": "string"}  # comments may be empty


def test_union_of_models_is_any_of_refs() -> None:
    items = json_schema("project")["properties"]["history"]["items"]
    assert [branch["$ref"] for branch in items["anyOf"]][:2] == [
        "#/$defs/PhaseEntered",
        "#/$defs/ActivityCompleted",
    ]


# -- generic generation on models made up here --------------------------------------------


@attrs.frozen(kw_only=True)
class _Leaf:
    """A leaf.

    More about the leaf.
    """

    code: str
    """A code."""
    values: tuple[int, ...] = ()
    pair: tuple[int, str] = (1, "a")


@attrs.frozen(kw_only=True)
class _Tree:
    """A tree that refers to itself."""

    leaf: _Leaf | None = None
    children: tuple[_Tree, ...] = ()
    tags: typing.Mapping[ln.toolkit.ItemStatus, float] = attrs.field(factory=dict)
    either: int | str = 0
    anything: typing.Literal["a", "b"] = "a"


def test_builder_handles_any_attrs_model() -> None:
    builder = _Builder()
    tree = builder.object_schema(_Tree)
    assert tree["title"] == "A tree that refers to itself."
    assert tree["properties"]["children"]["items"] == {"$ref": "#/$defs/_Tree"}
    assert tree["properties"]["leaf"]["anyOf"] == [{"$ref": "#/$defs/_Leaf"}, {"type": "null"}]
    assert tree["properties"]["tags"]["propertyNames"] == {
        "enum": list(ln.toolkit.ItemStatus.codes())
    }
    assert tree["properties"]["either"]["type"] == ["integer", "string"]
    assert tree["properties"]["anything"]["enum"] == ["a", "b"]
    leaf = builder.defs["_Leaf"]
    assert leaf["description"] == "More about the leaf."
    assert leaf["properties"]["code"] == {"type": "string", "description": "A code."}
    assert leaf["properties"]["pair"]["prefixItems"] == [{"type": "integer"}, {"type": "string"}]
    assert leaf["properties"]["pair"]["default"] == [1, "a"]


def test_unsupported_type_fails_loudly() -> None:
    @attrs.frozen
    class Odd:
        x: complex

    with pytest.raises(TypeError, match="no JSON Schema for the type"):
        _Builder().object_schema(Odd)


# -- fixed limits: the keywords each field's rule puts in the schema agree with the model --


def test_fixed_limits_in_detail() -> None:
    ors = json_schema("kor")["$defs"]["OrsRatings"]["properties"]["overall"]
    assert {k: v for k, v in ors.items() if k != "description"} == {
        "type": "number",
        "minimum": 0,
        "maximum": 10,
    }
    stakeholder = json_schema("stakeholder_map")["$defs"]["Stakeholder"]["properties"]
    assert stakeholder["influence"]["type"] == ["integer", "null"]  # null: not yet rated
    assert (stakeholder["influence"]["minimum"], stakeholder["influence"]["maximum"]) == (
        ln.stakeholders.RATING_MIN,
        ln.stakeholders.RATING_MAX,
    )
    defs = json_schema("network")["$defs"]
    assert defs["ProgressReport"]["properties"]["score"]["enum"] == sorted(
        ln.network.PROGRESS_SCORES
    )
    team = defs["ImprovementTeam"]["properties"]
    # a fixed pattern replaces the not-blank rule (it needs a character that is not a space)
    assert "minLength" not in team["identifier"]
    assert team["identifier"]["pattern"] == "^[a-z0-9][a-z0-9_-]*$"
    assert team["forms"]["items"]["pattern"] == r"\S" and team["forms"]["uniqueItems"] is True
    number = defs["Organisation"]["properties"]["municipality_number"]
    assert number["type"] == ["string", "null"] and number["pattern"].startswith("^(01|02|03|")


def _placeholder(tp: Any) -> object:
    """A plausible value of a type, for building a model around the field under test."""
    if tp is str:
        return "x"
    if tp in (int, float):
        return tp(0)
    if tp is bool:
        return False
    if tp is datetime.date:
        return datetime.date(2000, 1, 1)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return next(iter(tp))
    origin = typing.get_origin(tp)
    if origin in (tuple, list, collections.abc.Sequence, frozenset, set):
        return ()
    if origin in (dict, collections.abc.Mapping):
        return {}
    return None


_DATE = _Builder().type_schema(datetime.date)["pattern"]
_FIXED = ("minimum", "maximum", "enum", "pattern", "minItems", "uniqueItems")


def _fixed_rules() -> dict[tuple[type, str], dict[str, Any]]:
    """The fixed limits each field's rule puts in its schema, read back from the schemas.

    The not-blank pattern of plain text (``\\S``) is left out: every text field has it, and
    test_docs and the error tables cover it.
    """
    out: dict[tuple[type, str], dict[str, Any]] = {}
    for kind in ALL_KINDS:
        for cls in _reachable(_kinds()[kind]):
            props = _Builder().object_schema(cls)["properties"]
            for field in attrs.fields(cls):
                prop = props[field.name]
                fixed = {k: prop[k] for k in _FIXED if k in prop}
                if fixed.get("pattern") in (r"\S", _DATE):  # plain text; a date's type
                    del fixed["pattern"]
                if fixed:
                    out[cls, field.name] = fixed
    return out


RULES = _fixed_rules()


# valid values for other fields, where a field's limit is checked only when they are valid:
# a programme item starting at midnight may last the whole day, and no longer
_CONTEXT: dict[type, dict[str, object]] = {ln.network.ProgrammeItem: {"start": "00:00"}}


def _model_rejects(cls: type, name: str, value: object) -> bool:
    """Whether the model reports a problem at ``name`` (or inside it) for ``value``.

    The other required fields get placeholders; problems elsewhere are not counted.
    """
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, object] = {**_CONTEXT.get(cls, {}), name: value}
    for field in attrs.fields(cls):
        if field.alias in kwargs:
            continue
        if field.init and field.default is attrs.NOTHING:
            kwargs[field.alias] = _placeholder(hints.get(field.name, field.type))
    try:
        cls(**kwargs)
    except ValidationError as exc:
        return any(p.path[:1] == (name,) for p in exc.problems)
    return False


def _field_validator(cls: type, name: str) -> Draft202012Validator:
    builder = _Builder()
    prop = builder.object_schema(cls)["properties"][name]
    return Draft202012Validator({**prop, "$defs": builder.defs})


def _json(value: object) -> object:
    if attrs.has(type(value)):
        return to_dict(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _agree(cls: type, name: str, value: object, *, valid: bool) -> None:
    data = value if not isinstance(value, list) else [_json(v) for v in value]
    schema_ok = _field_validator(cls, name).is_valid(data)
    model_ok = not _model_rejects(cls, name, tuple(value) if isinstance(value, list) else value)
    assert (schema_ok, model_ok) == (valid, valid), (cls.__name__, name, value)


def _numbers_around(rule: dict[str, Any], step: float) -> list[tuple[float, bool]]:
    """Values on and just outside the rule's limits, with whether they are valid."""
    cases: list[tuple[float, bool]] = []
    if "minimum" in rule:
        cases += [(rule["minimum"], True), (rule["minimum"] - step, False)]
    if "maximum" in rule:
        cases += [(rule["maximum"], True), (rule["maximum"] + step, False)]
    if "enum" in rule:
        values = rule["enum"]
        cases += [(v, True) for v in values]
        cases += [((a + b) / 2, False) for a, b in itertools.pairwise(values)]
        cases += [(values[0] - step, False), (values[-1] + step, False), (0, 0 in values)]
    return cases


NUMERIC_RULES = [
    pytest.param(cls, name, rule, id=f"{cls.__name__}.{name}")
    for (cls, name), rule in RULES.items()
    if {"minimum", "maximum", "enum"} & set(rule)
]


@pytest.mark.parametrize(("cls", "name", "rule"), NUMERIC_RULES)
def test_numeric_limits_agree_with_the_model(cls: type, name: str, rule: dict[str, Any]) -> None:
    # On each limit: accepted by both; one step outside: rejected by both.
    integer = typing.get_type_hints(cls)[name] in (int, int | None)
    for value, valid in _numbers_around(rule, 1 if integer else 0.1):
        _agree(cls, name, value, valid=valid)
        if not integer and float(value).is_integer():
            _agree(cls, name, int(value), valid=valid)  # 5 and 5.0 alike


def test_kor_ratings_accept_every_one_decimal_value() -> None:
    # No multipleOf in the schema: with jsonschema, {"multipleOf": 0.1} rejects 0.3.
    schema = json_schema("kor")["$defs"]["OrsRatings"]
    assert "multipleOf" not in json.dumps(schema)
    for tenths in range(101):
        _agree(ln.toolkit.OrsRatings, "overall", tenths / 10, valid=True)
    assert _model_rejects(ln.toolkit.OrsRatings, "overall", 0.25)  # the decimal is loader-only
    assert _field_validator(ln.toolkit.OrsRatings, "overall").is_valid(0.25)


_CLOCKS = [f"{h:02d}:{m:02d}" for h in range(30) for m in range(0, 70, 7)]
_STRINGS = [
    *(f"{n:04d}" for n in range(10_000)),  # every four-digit string: municipality numbers
    *_CLOCKS,
    *("0:00", "9:30", "12:5", "12.30", "1230", "12:30 ", " 12:30"),
    *("team-bodoe", "a", "0", "a_b-c", "9x", "-a", "_a", "A", "team bodø", "æ", "a.b", ""),
    *(" ", "123", "12345", "1804 ", "18O4", "0301"),
]


PATTERN_RULES = [
    pytest.param(cls, name, id=f"{cls.__name__}.{name}")
    for (cls, name), rule in RULES.items()
    if "pattern" in rule
]


@pytest.mark.parametrize(("cls", "name"), PATTERN_RULES)
def test_patterns_agree_with_the_model(cls: type, name: str) -> None:
    validator = _field_validator(cls, name)
    accepted = [v for v in _STRINGS if not _model_rejects(cls, name, v)]
    assert accepted, "no sample string is valid: add some to _STRINGS"
    assert [v for v in _STRINGS if validator.is_valid(v)] == accepted


# one valid element for each list with a fixed rule (a new rule needs one here)
_ELEMENT: dict[tuple[type, str], object] = {
    (ln.CollaborationChecklist, "items"): ln.toolkit.ChecklistItem(text="Kriseplan"),
    (ln.network.ImprovementTeam, "organisations"): ln.network.Organisation(
        name="Helse Nord", kind=ln.network.OrganisationKind.HEALTH_TRUST
    ),
    (ln.network.ImprovementTeam, "forms"): "skjema-1",
    (ln.network.ImprovementTeam, "checklists"): "sjekkliste-1",
    (ln.network.TeamMember, "roles"): ln.network.MemberRole.LEADER,
    (ln.network.Gathering, "days"): datetime.date(2024, 9, 3),
    (ln.network.PreparationPackage, "tasks"): ln.network.PreparationTask(code="a", title="A"),
}

ARRAY_RULES = [
    pytest.param(cls, name, rule, id=f"{cls.__name__}.{name}")
    for (cls, name), rule in RULES.items()
    if {"minItems", "uniqueItems"} & set(rule)
]


@pytest.mark.parametrize(("cls", "name", "rule"), ARRAY_RULES)
def test_list_limits_agree_with_the_model(cls: type, name: str, rule: dict[str, Any]) -> None:
    element = _ELEMENT[cls, name]
    _agree(cls, name, [element], valid=True)
    if "minItems" in rule:
        assert rule["minItems"] == 1
        _agree(cls, name, [], valid=False)
    if rule.get("uniqueItems"):
        _agree(cls, name, [element, element], valid=False)


def test_fields_without_a_rule_have_no_fixed_numeric_limit() -> None:
    # Every whole-number or number field the table leaves alone takes any value, however
    # large or small: a model that gains a fixed limit fails here until the table has it.
    cross_field = {(ln.Scale, "maximum")}  # must be above the scale's own minimum
    for kind in ALL_KINDS:
        for cls in _reachable(_kinds()[kind]):
            hints = typing.get_type_hints(cls)
            for field in attrs.fields(cls):
                tp = hints[field.name]
                if (cls, field.name) in RULES or (cls, field.name) in cross_field:
                    continue
                if tp in (int, float, int | None, float | None):
                    for value in (-(10**9), 0, 10**9):
                        assert not _model_rejects(cls, field.name, value), (cls, field.name)


# -- every valid document validates against its schema ---------------------------------


def _check_valid(kind: str, obj: object) -> None:
    document = json.loads(dumps(obj))
    assert schema_errors(kind, document) == []


def _property(kind: str) -> Callable[[], None]:
    @given(DOCUMENTS[kind])
    def prop(obj: object) -> None:
        _check_valid(kind, obj)

    return prop


@pytest.mark.parametrize("kind", [k for k in ALL_KINDS if k in DOCUMENTS])
def test_generated_documents_validate_against_their_schema(kind: str) -> None:
    _property(kind)()


@pytest.mark.parametrize("kind", [k for k in ALL_KINDS if k in EXAMPLE_KINDS])
def test_shipped_example_validates_against_its_schema(kind: str) -> None:
    assert schema_errors(kind, example(kind)) == []


def test_null_for_an_optional_field_is_accepted_by_both() -> None:
    doc = example("form")
    doc["identifier"] = None
    doc["activities"][0]["area"] = None
    assert schema_errors("form", doc) == []
    assert from_document(doc).identifier is None


# -- bad documents: rejected by the schema and by the loader ----------------------------

Edit = Callable[[dict[str, Any]], object]


def _set(path: str, value: object) -> Edit:
    """An edit setting ``a.b.0.c`` (dots; digits index lists) to ``value``."""

    def edit(doc: dict[str, Any]) -> object:
        *head, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = doc
        for step in head:
            target = target[step]
        target[last] = value
        return doc

    return edit


def _drop(path: str) -> Edit:
    def edit(doc: dict[str, Any]) -> object:
        *head, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = doc
        for step in head:
            target = target[step]
        del target[last]
        return doc

    return edit


def _replace(value: object) -> Edit:
    return lambda _doc: value


BAD = [
    # the envelope
    pytest.param("form", _drop("kind"), r"\$\.kind: is required", id="no-kind"),
    pytest.param(
        "form", _drop("schema_version"), r"\$\.schema_version: is required", id="no-version"
    ),
    pytest.param(
        "form", _set("schema_version", 2), r"2 is not a supported schema version", id="version-2"
    ),
    pytest.param(
        "form", _set("schema_version", "1"), r"'1' is not a supported schema", id="version-text"
    ),
    pytest.param("form", _replace([]), r"\$: 'list' must be a JSON object", id="array-not-object"),
    # required fields and unknown keys
    pytest.param("form", _drop("activities"), r"\$\.activities: is required", id="no-activities"),
    pytest.param(
        "form",
        _set("notes", "x"),
        r"\$\.notes: is not a field of WhatMattersForm",
        id="unknown-key",
    ),
    pytest.param(
        "form",
        _set("activities.0.colour", "x"),
        r"\$\.activities\[0\]\.colour: is not a field",
        id="unknown-nested-key",
    ),
    pytest.param("wheel", _drop("date"), r"\$\.date: is required", id="wheel-no-date"),
    pytest.param(
        "plan", _drop("measures.0.responsible"), r"responsible: is required", id="no-responsible"
    ),
    # types: never coerced
    pytest.param(
        "form",
        _set("conversations.1.scores.Treffe venner", "5"),
        r"scores\[key 3\]: '5' must be a whole number",
        id="score-text",
    ),
    pytest.param(
        "form",
        _set("conversations.1.scores.Treffe venner", 5.5),
        r"5\.5 must be a whole number",
        id="score-fraction",
    ),
    pytest.param(
        "form",
        _set("conversations.1.scores.Treffe venner", True),
        r"True must be a whole number",
        id="score-bool",
    ),
    pytest.param(
        "form",
        _set("conversations.0.scores", [1, 4]),
        r"scores: must be an object",
        id="scores-list",
    ),
    pytest.param(
        "form",
        _set("identifier", 17),
        r"\$\.identifier: 17 must be text \(str\)",
        id="identifier-number",
    ),
    pytest.param("form", _set("scale", None), r"\$\.scale: must be an object", id="scale-null"),
    pytest.param(
        "form",
        _set("scale", {"higher_is_better": "yes"}),
        r"'yes' must be true or false",
        id="bool-text",
    ),
    pytest.param(
        "kor",
        _set("sessions.0.ors.overall", "5.0"),
        r"overall: '5\.0' must be a number",
        id="rating-text",
    ),
    pytest.param(
        "form",
        _set("activities", "Sove"),
        r"\$\.activities: must be a list, not a string",
        id="activities-string",
    ),
    # dates: ISO 8601 strings of real days
    pytest.param(
        "form",
        _set("conversations.0.date", "05.02.2015"),
        r"'05\.02\.2015' must be an ISO 8601 date",
        id="date-norwegian",
    ),
    pytest.param(
        "form",
        _set("conversations.0.date", "2015-02-30"),
        r"'2015-02-30' is not a real calendar date",
        id="date-unreal",
    ),
    pytest.param(
        "form",
        _set("conversations.0.date", 20150205),
        r"20150205 must be an ISO 8601 date",
        id="date-number",
    ),
    pytest.param("wheel", _set("date", "2015-2-5"), r"must be an ISO 8601 date", id="date-short"),
    # codes
    pytest.param(
        "checklist",
        _set("items.0.status", "done"),
        r"'done' is not a known ItemStatus code",
        id="status-english",
    ),
    pytest.param(
        "checklist",
        _set("items.0.status", None),
        r"None is not a known ItemStatus code",
        id="status-null",
    ),
    pytest.param(
        "wheel",
        _set("areas.0.suggestion", "Bolig"),
        r"'Bolig' is not a known LifeArea code",
        id="label-not-code",
    ),
    # blank text where the model needs text
    pytest.param(
        "form",
        _set("activities.0.name", "  "),
        r"activities\[0\]\.name: must not be empty",
        id="blank-name",
    ),
    pytest.param(
        "plan", _set("measures.0.responsible.role", ""), r"role: must not be empty", id="empty-role"
    ),
    # sequences are JSON lists only (cattrs alone would iterate a string or an object)
    pytest.param("plan", _set("measures", {}), r"measures", id="measures-object"),
    pytest.param("plan", _set("measures.0.serves", "ab"), r"serves", id="serves-string"),
    # fixed limits of single fields (_schema._field_rules)
    pytest.param(
        "kor", _set("sessions.0.ors.overall", 10.5), r"10\.5 must be <= 10", id="rating-above"
    ),
    pytest.param(
        "kor", _set("sessions.0.srs.approach", -0.1), r"-0\.1 must be >= 0", id="rating-below"
    ),
    pytest.param(
        "stakeholder_map",
        _set("stakeholders.0.influence", 6),
        r"influence: 6 is above the rating scale's max 5",
        id="influence-above",
    ),
    pytest.param(
        "stakeholder_map",
        _set("stakeholders.0.interest", 0),
        r"interest: 0 is below the rating scale's min 1",
        id="interest-below",
    ),
    pytest.param(
        "checklist",
        _set("items.0.carries_mean_of", 0),
        r"carries_mean_of: 0 must be >= 1",
        id="carries-mean-of-0",
    ),
    pytest.param("checklist", _set("items", []), r"needs at least one item", id="no-items"),
    pytest.param(
        "network",
        _set("teams.0.progress.0.score", 5.5),
        r"score: 5\.5 must be <= 5",
        id="progress-above",
    ),
    pytest.param(
        "network",
        _set("teams.0.progress.0.score", 0),
        r"score: 0 must be >= 0\.5",
        id="progress-below",
    ),
    pytest.param(
        "network",
        _set("teams.0.progress.0.score", 2.25),
        r"score: 2\.25 must be a step of 0\.5",
        id="progress-not-a-step",
    ),
    pytest.param(
        "network",
        _set("teams.0.organisations.0.municipality_number", "180"),
        r"'180' must be a municipality number of four digits",
        id="municipality-three-digits",
    ),
    pytest.param(
        "network",
        _set("teams.0.organisations.0.municipality_number", 1804),
        r"municipality_number: 1804 must be text \(str\)",
        id="municipality-number-not-text",
    ),
    pytest.param(
        "network",
        _set("teams.0.organisations.0.municipality_number", "2104"),
        r"'2104' does not start with a county number",
        id="municipality-unknown-county",
    ),
    pytest.param(
        "network",
        _set("teams.0.organisations.0.municipality_number", "1800"),
        r"'1800' is a county, not a municipality",
        id="municipality-county",
    ),
    pytest.param(
        "network",
        _set("teams.0.identifier", "Team Bodø"),
        r"identifier: 'Team Bodø' must be lower-case ASCII",
        id="team-identifier",
    ),
    pytest.param(
        "network",
        _set("teams.0.organisations", []),
        r"needs at least one organisation",
        id="no-organisations",
    ),
    pytest.param(
        "network", _set("teams.0.members.0.roles", []), r"needs at least one role", id="no-roles"
    ),
    pytest.param(
        "network",
        _set("teams.0.members.0.roles", ["leder", "leder"]),
        r"roles\[1\]: 'leder' is given twice",
        id="role-twice",
    ),
    pytest.param(
        "network",
        _set("teams.0.forms", ["skjema-bodoe-1", "skjema-bodoe-1"]),
        r"forms\[1\]: 'skjema-bodoe-1' duplicates forms\[0\]",
        id="form-twice",
    ),
    pytest.param(
        "network", _set("gatherings.0.number", 0), r"number: 0 must be >= 1", id="gathering-0"
    ),
    pytest.param("network", _set("gatherings.0.days", []), r"needs at least one day", id="no-days"),
    pytest.param(
        "network",
        _set("gatherings.0.days", ["2024-09-03", "2024-09-03"]),
        r"days\[1\]: '2024-09-03' must be after the previous day",
        id="same-day-twice",
    ),
    pytest.param(
        "network",
        _set("gatherings.0.programme.0.start", "24:00"),
        r"start: '24:00' must be a clock time",
        id="clock-24",
    ),
    pytest.param(
        "network",
        _set("gatherings.0.programme.0.start", "9:00"),
        r"start: '9:00' must be a clock time",
        id="clock-one-digit",
    ),
    pytest.param(
        "network",
        _set("gatherings.0.programme.0.minutes", 0),
        r"minutes: 0 must be >= 1",
        id="minutes-0",
    ),
    pytest.param(
        "network",
        _set("gatherings.0.programme.0.minutes", 24 * 60 + 1),
        r"minutes: 1441 runs past midnight",
        id="minutes-over-a-day",
    ),
    pytest.param(
        "network", _set("gatherings.0.programme.0.day", 0), r"day: 0 must be >= 1", id="day-0"
    ),
    pytest.param(
        "network", _set("packages.0.number", 0), r"number: 0 must be >= 1", id="package-0"
    ),
    pytest.param(
        "network",
        _set("packages.0.gathering", 0),
        r"gathering: 0 must be >= 1",
        id="package-gathering-0",
    ),
    pytest.param(
        "network",
        _set("packages.0.tasks", []),
        r"packages\[0\]\.tasks: needs at least one task",
        id="no-tasks",
    ),
    pytest.param(
        "network",
        _set("packages.0.tasks.0.code", "Etablere team"),
        r"code: 'Etablere team' must be lower-case ASCII",
        id="task-code",
    ),
    pytest.param(
        "network",
        _set("packages.0.completions.0.team", "team_Bodø"),
        r"team: 'team_Bodø' must be lower-case ASCII",
        id="completion-team",
    ),
    pytest.param(
        "network",
        _set("contacts.0.team", "-bodoe"),
        r"team: '-bodoe' must be lower-case ASCII",
        id="contact-team",
    ),
]


@pytest.mark.parametrize(("kind", "edit", "match"), BAD)
def test_bad_document_is_rejected_by_schema_and_loader(kind: str, edit: Edit, match: str) -> None:
    document = edit(copy.deepcopy(example(kind)))
    assert schema_errors(kind, document), "the schema accepted it"
    with pytest.raises(ValidationError, match=match) as info:
        from_document(document)
    assert info.value.style == "json"


# -- loader only: what the schema cannot say -------------------------------------------

LOADER_ONLY = [
    # the issue's own example: a score outside the form's scale
    pytest.param(
        "form",
        _set("conversations.1.scores.Treffe venner", 11),
        r"^\$\.conversations\[1\]\.scores\[key 3\]: 11 is above the scale's max 10$",
        id="score-above-scale",
    ),
    pytest.param(
        "form",
        _set("conversations.0.scores.Ukjent", 3),
        r"is a score for an activity the form does not have",
        id="score-unknown-activity",
    ),
    pytest.param(
        "form",
        _set("activities.1.name", "sove godt om natta "),
        r"activities\[1\]\.name: <free text, 19 characters> duplicates activities\[0\]\.name",
        id="duplicate-name",
    ),
    pytest.param(
        "form",
        _set("conversations.1.date", "2015-01-01"),
        r"must be after the previous conversation's date",
        id="dates-not-increasing",
    ),
    pytest.param(
        "form",
        _set("conversations.0.scores.Sove godt om natta", 1.0),
        r"1\.0 must be a whole number",
        id="integer-written-as-float",
    ),
    pytest.param(
        "form",
        _set("schema_version", 1.0),
        r"1\.0 is not a supported schema version",
        id="version-written-as-float",
    ),
    # a KOR rating's single decimal: multipleOf 0.1 would reject 0.3 in common validators
    pytest.param(
        "kor",
        _set("sessions.0.ors.overall", 4.25),
        r"4\.25 must have at most one decimal",
        id="rating-two-decimals",
    ),
    pytest.param(
        "wheel", _set("areas.1.name", "SØVN OG HELSE"), r"duplicates", id="duplicate-area"
    ),
    # a package's tasks: codes unique (by value, not the whole task), completions resolve
    pytest.param(
        "network",
        _set("packages.0.completions.0.task", "ukjent"),
        r"is not a task of the package",
        id="completion-unknown-task",
    ),
    # a programme item's minutes: fixed at most 24 hours, but "not past midnight" needs start
    pytest.param(
        "network",
        _set("gatherings.0.programme.0.minutes", 1000),
        r"minutes: 1000 runs past midnight",
        id="minutes-past-midnight",
    ),
]


@pytest.mark.parametrize(("kind", "edit", "match"), LOADER_ONLY)
def test_loader_only_rules_pass_the_schema_but_not_the_loader(
    kind: str, edit: Edit, match: str
) -> None:
    document = edit(copy.deepcopy(example(kind)))
    assert schema_errors(kind, document) == []
    with pytest.raises(ValidationError, match=match):
        from_document(document)


def test_reference_page_shows_every_kinds_shipped_schema() -> None:
    # The page includes the shipped files (pymdownx.snippets), which the tests above keep
    # equal to the generated schemas: it cannot show a stale schema, nor miss a kind.
    page = (Path(__file__).parent.parent / "docs" / "reference" / "schemas.md").read_text(
        encoding="utf-8"
    )
    for kind in ALL_KINDS:
        snippet = f'```json\n--8<-- "src/laeringsnettverk/data/schema/{kind}.schema.json"\n```'
        assert snippet in page, f"docs/reference/schemas.md does not show the {kind!r} schema"
