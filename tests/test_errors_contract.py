"""The error contract: problems as data, stable codes, every problem in one pass, validate()."""

from __future__ import annotations

import datetime
import enum
import json
import pickle
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

import laeringsnettverk as ln
from laeringsnettverk._checks import Checker, expect, fail
from laeringsnettverk.errors import (
    ERROR_CODES,
    MAX_PROBLEMS,
    WITHHELD,
    Key,
    Position,
    Problem,
    TypeName,
    ValidationError,
    error_code_table,
)
from laeringsnettverk.examples import example_text
from laeringsnettverk.serialization import (
    error_schema,
    from_dict,
    load_jsonl,
    make_converter,
    validate,
)
from laeringsnettverk.serialization._converter import error_from
from laeringsnettverk.serialization._parse import decode, parse
from laeringsnettverk.toolkit import Conversation, ItemStatus, WhatMattersForm

ROOT = Path(__file__).resolve().parents[1]
D1 = datetime.date(2015, 2, 5)


def _form(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(example_text("form"))
    doc.update(changes)
    return doc


def _problems(doc: object) -> list[Problem]:
    return validate(json.dumps(doc))


# -- errors as data ---------------------------------------------------------------------------


def test_errors_are_data_with_loc_type_messages_input_and_ctx() -> None:
    doc = _form()
    doc["conversations"][0]["scores"]["Sove godt om natta"] = 11
    with pytest.raises(ValidationError) as info:
        ln.loads(json.dumps(doc))
    assert info.value.errors() == [
        {
            "loc": ["conversations", 0, "scores", {"key": 0}],
            "type": "less_than_equal",
            "msg": "11 is above the scale's max 10",
            "msg_nb": "11 er over øvre grense 10",
            "input": 11,
            "ctx": {"le": 10},
        }
    ]
    (item,) = info.value.to_dicts()
    assert item["path"] == "$.conversations[0].scores[key 0]"
    assert (item["value"], item["rule"]) == ("11", "is above the scale's max 10")


def test_to_dict_follows_the_published_error_schema() -> None:
    doc = _form(colour="blue", scale={"minimum": 5, "maximum": 3})
    doc["activities"][0]["name"] = ""
    doc["conversations"][0]["date"] = "2015-02-30"
    with pytest.raises(ValidationError) as info:
        ln.loads(json.dumps(doc))
    payload = info.value.to_dict()
    assert payload["error"] == "validation_error"
    assert payload["count"] == len(payload["problems"]) == 4
    jsonschema.validate(payload, error_schema())
    for item in info.value.errors():
        jsonschema.validate(item, error_schema()["$defs"]["Problem"])


def test_the_payload_with_omitted_problems_follows_the_schema_too() -> None:
    error = ValidationError([Problem.of(("a", i), "is bad") for i in range(MAX_PROBLEMS + 5)])
    payload = error.to_dict()
    jsonschema.validate(payload, error_schema())
    assert (payload["count"], payload["omitted"]) == (105, 5)
    assert len(payload["problems"]) == len(error.to_dicts()) == MAX_PROBLEMS
    last = error.errors()[-1]
    assert (last["type"], last["loc"], last["ctx"]) == ("too_many_problems", [], {"omitted": 5})
    assert last["msg_nb"] == "… og 5 problemer til"
    assert len(error.errors()) == MAX_PROBLEMS + 1
    jsonschema.validate(last, error_schema()["$defs"]["Problem"])


def test_the_shipped_error_schema_is_the_generated_one() -> None:
    shipped = ROOT / "src" / "laeringsnettverk" / "data" / "schema" / "error.schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == error_schema()
    assert error_schema()["$defs"]["Problem"]["properties"]["type"]["enum"] == list(ERROR_CODES)
    first = error_schema()
    first["properties"].clear()
    assert error_schema()["properties"]  # a fresh dict each call


def test_the_reference_page_lists_every_code_from_the_one_table() -> None:
    page = (ROOT / "docs" / "reference" / "errors.md").read_text(encoding="utf-8")
    assert error_code_table() in page
    listed = re.findall(r"^\| `([a-z_]+)` \|", page, re.M)
    assert listed == ["type", *ERROR_CODES]


def test_every_code_has_a_norwegian_rule_that_formats() -> None:
    for code in ERROR_CODES.values():
        assert re.fullmatch(r"[a-z_]+", code.code)
        assert code.meaning and code.nb
        problem = Problem.of(("x",), "is bad", code=code.code)
        assert "{" not in problem.message_nb()  # a ctx name it lacks shows as …


def test_an_unknown_code_is_a_mistake_in_the_library() -> None:
    with pytest.raises(KeyError, match="unknown error code 'nope'"):
        Problem.of(("x",), "is bad", code="nope")


def test_an_error_survives_pickling_with_its_data() -> None:
    error = ValidationError(
        [Problem.of(("scores", Position(2)), "is bad", 3, code="int_type", ctx={"le": 1})],
        style="json",
        omitted=4,
    )
    again = pickle.loads(pickle.dumps(error))
    assert (again.problems, again.omitted, again.style) == (error.problems, 4, "json")
    assert again.errors() == error.errors()


class Colour(enum.Enum):
    RED = "roed"
    ONE = 1
    PAIR = (1, 2)


INPUTS = [
    # (value, text, shown, input)
    (11, False, "11", 11),
    (5.5, False, "5.5", 5.5),
    (float("nan"), False, "nan", WITHHELD),
    (True, False, "True", True),
    (None, False, "None", None),
    (10**90, False, repr(10**90)[:79] + "…", WITHHELD),
    (2**255, False, repr(2**255), 2**255),
    (10**5000, False, "<int too large to show>", WITHHELD),
    (D1, False, "datetime.date(2015, 2, 5)", "2015-02-05"),
    (Colour.RED, False, "'roed'", "roed"),
    (Colour.ONE, False, "1", 1),
    (Colour.PAIR, False, "(1, 2)", WITHHELD),
    ("gjennomfoert", False, "'gjennomfoert'", "gjennomfoert"),
    ("a\nb", False, "'a\\nb'", WITHHELD),
    ("x" * 81, False, "'" + "x" * 78 + "…", WITHHELD),
    ("Sove", True, "<free text, 4 characters>", WITHHELD),
    (TypeName("str"), False, "'str'", WITHHELD),
    (["HEMMELIG"], False, "<list>", WITHHELD),
    ({"HEMMELIG": 1}, False, "<object>", WITHHELD),
    (Conversation(date=D1), False, "<Conversation>", WITHHELD),
]


@pytest.mark.parametrize(
    ("value", "text", "shown", "given"), INPUTS, ids=[f"input{i}" for i in range(len(INPUTS))]
)
def test_values_are_shown_and_given_only_when_safe(
    value: object, text: bool, shown: str, given: object
) -> None:
    problem = Problem.of(("x",), "is bad", value, text=text)
    assert problem.shown == shown
    if given is WITHHELD:
        assert problem.input is WITHHELD
        assert "input" not in problem.error()
    else:
        assert problem.error()["input"] == given
        assert type(problem.error()["input"]) is type(given)


def test_the_norwegian_message_shows_the_value_in_norwegian() -> None:
    assert Problem.of(("x",), "dup", "Sove", text=True).message_nb() == (
        "<fritekst, 4 tegn> bryter en regel: dup"
    )
    assert Problem.of(("x",), "big", 10**5000, code="int_type").message_nb() == (
        "<heltall for stort til å vises> må være et heltall (int)"
    )
    assert Problem.of(("x",), "is required", code="missing").message_nb() == (
        "mangler (feltet er påkrevd)"
    )


PATHS = [
    # (path, python, json)
    ((), "<root>", "$"),
    (("a", 0, "b"), "a[0].b", "$.a[0].b"),
    (("scores", Position(3)), "scores[key 3]", "$.scores[key 3]"),
    (("a", Key("b")), 'a["b"]', "$.a.b"),
    (("a", 'x "y"'), 'a["x \\"y\\""]', "$.a['x \"y\"']"),
    (("a", "it's"), 'a["it\'s"]', "$.a['it\\'s']"),
    (("a\nb",), '["a\\u000ab"]', "$['a\\u000ab']"),
    (("_x1", "rød", "1a"), '_x1["rød"]["1a"]', "$._x1['rød']['1a']"),
    ((Key("x" * 100),), '["' + "x" * 79 + '…"]', None),
]


@pytest.mark.parametrize(("path", "python", "json_path"), PATHS)
def test_paths_render_in_python_and_json_terms(
    path: tuple[Any, ...], python: str, json_path: str | None
) -> None:
    problem = Problem.of(path, "is bad")
    assert problem.python_path() == python
    if json_path is not None:
        assert problem.json_path() == json_path
    assert "\n" not in problem.render("python") + problem.render("json")


def test_a_long_key_stays_a_key_and_loc_holds_positions() -> None:
    problem = Problem.of((Key("x" * 100), 2, Position(1)), "is bad")
    assert isinstance(problem.path[0], Key)
    assert problem.loc() == ["x" * 79 + "…", 2, {"key": 1}]
    assert Problem(path=("a",), rule="r", ctx=[("le", 3)]).ctx == (("le", 3),)


def test_one_makes_a_coded_problem() -> None:
    error = ValidationError.one(("a",), "must be >= 1", 0, code="greater_than_equal", ctx={"ge": 1})
    assert error.errors()[0]["msg_nb"] == "0 er under nedre grense 1"


# -- every built-in check has its code --------------------------------------------------------


def _code(check: Any) -> str:
    c = Checker()
    check(c)
    (problem,) = c.problems
    return problem.code


CHECKS = [
    (lambda c: c.integer(("x",), 1.5), "int_type"),
    (lambda c: c.integer(("x",), 0, 1), "greater_than_equal"),
    (lambda c: c.integer(("x",), 9, 1, 5), "less_than_equal"),
    (lambda c: c.number(("x",), "1"), "number_type"),
    (lambda c: c.number(("x",), 10**400), "number_too_large"),
    (lambda c: c.number(("x",), float("inf")), "finite_number"),
    (lambda c: c.text(("x",), 5), "string_type"),
    (lambda c: c.text(("x",), " "), "string_blank"),
    (lambda c: c.text(("x",), "a\ud800"), "lone_surrogate"),
    (lambda c: c.code(("x",), ""), "code_type"),
    (lambda c: c.date(("x",), "2015-02-05"), "date_type"),
    (lambda c: c.boolean(("x",), 1), "bool_type"),
    (lambda c: c.member(("x",), "ferdig", ItemStatus), "enum"),
    (lambda c: c.instances(("x",), ("a",), int), "model_type"),
    (lambda c: c.add(("x",), "is bad"), "value_error"),
]


@pytest.mark.parametrize(("check", "code"), CHECKS)
def test_every_built_in_check_reports_its_own_code(check: Any, code: str) -> None:
    assert _code(check) == code


def test_text_shows_a_number_but_never_a_list_given_for_free_text() -> None:
    c = Checker()
    c.text(("a",), 17)
    c.text(("b",), ["HEMMELIG"])
    assert [p.render() for p in c.problems] == ["a: 17 must be text (str)", "b: must be text (str)"]


def test_fail_and_expect_raise_coded_problems() -> None:
    with pytest.raises(ValidationError) as info:
        fail(("x",), "must be >= 1", 0, code="greater_than_equal", ctx={"ge": 1})
    assert info.value.errors()[0]["ctx"] == {"ge": 1}
    with pytest.raises(ValidationError, match=r"form: 'str' must be a WhatMattersForm") as info:
        expect("x", WhatMattersForm, "form")
    assert info.value.errors()[0]["type"] == "model_type"
    assert "input" not in info.value.errors()[0]


# -- the loader's codes ------------------------------------------------------------------------


def _codes(doc: object) -> list[str]:
    return [p.code for p in (validate(doc) if isinstance(doc, str) else _problems(doc))]


LOADER = [
    ("{", "json_invalid"),
    ("[" * 100_000, "too_deep"),
    ('{"a": 1' + "0" * 5000 + "}", "too_many_digits"),
    ("[1]", "document_type"),
    ('{"schema_version": 1}', "missing"),
    ('{"kind": [], "schema_version": 1}', "kind"),
    ('{"kind": "form"}', "missing"),
    ('{"kind": "form", "schema_version": 9}', "schema_version"),
    ('{"kind": "form", "kind": "form", "schema_version": 1, "activities": []}', "repeated_key"),
    (
        '{"kind": "form", "schema_version": 1, "activities": [], "team": "\\ud800"}',
        "lone_surrogate",
    ),
]


@pytest.mark.parametrize(("text", "code"), LOADER, ids=[code for _, code in LOADER])
def test_the_loader_codes_its_own_problems(text: str, code: str) -> None:
    assert _codes(text)[0] == code


def test_bytes_that_are_not_utf8_are_an_encoding_problem() -> None:
    (problem,) = validate(b'{"a": "\xff"}')
    assert (problem.code, problem.error()["ctx"]) == ("encoding", {"encoding": "UTF-8"})


FIELDS = [
    # (a change to the form example, code)
    ({"identifier": 17}, "string_type"),
    ({"scale": {"minimum": 1.5}}, "int_type"),
    ({"scale": {"higher_is_better": 1}}, "bool_type"),
    ({"scale": []}, "object_type"),
    ({"activities": {}}, "list_type"),
    ({"conversations": [{"date": "05.02.2015"}]}, "date_format"),
    ({"conversations": [{"date": "2015-02-30"}]}, "date_invalid"),
    ({"conversations": [{"date": "2015-02-05", "scores": []}]}, "object_type"),
    ({"colour": 1}, "extra_forbidden"),
]


@pytest.mark.parametrize(("change", "code"), FIELDS)
def test_the_converter_codes_its_problems(change: dict[str, Any], code: str) -> None:
    assert _codes(_form(**change)) == [code]


def test_enum_and_number_codes_of_other_kinds() -> None:
    checklist = json.loads(example_text("checklist"))
    checklist["items"][0]["status"] = "ferdig"
    (problem,) = _problems(checklist)
    assert problem.code == "enum"
    assert problem.error()["ctx"]["enum"] == "ItemStatus"
    kor = json.loads(example_text("kor"))
    kor["sessions"][0]["ors"]["overall"] = "9"
    assert _codes(kor) == ["number_type"]


def test_line_errors_of_a_batch_are_coded() -> None:
    text = b"\xff\n{\n" + b"[" * 100_000 + b"\n" + b'{"a": 1' + b"0" * 5000 + b"}\n"
    codes = [e.problems[0].code for e in load_jsonl(text).errors]
    assert codes == ["encoding", "json_invalid", "too_deep", "too_many_digits"]
    assert load_jsonl(text).errors[0].to_dict()["problems"][0]["ctx"] == {"encoding": "UTF-8"}


# -- every problem in one pass ----------------------------------------------------------------


def test_type_and_range_problems_of_one_form_are_reported_together() -> None:
    # the issue: scores 11 and 5.5 in one form reported only 5.5
    doc = _form()
    scores = doc["conversations"][0]["scores"]
    scores["Sove godt om natta"], scores["Handle mat selv"] = 11, 5.5
    scores["Komme meg på jobb"] = "5"
    doc["conversations"][1]["date"] = "2015-02-05"
    assert sorted(p.render("json") for p in _problems(doc)) == [
        "$.conversations[0].scores[key 0]: 11 is above the scale's max 10",
        "$.conversations[0].scores[key 1]: 5.5 must be a whole number (int)",
        "$.conversations[0].scores[key 2]: '5' must be a whole number (int)",
        "$.conversations[1].date: '2015-02-05' must be after the previous conversation's "
        "date 2015-02-05",
    ]


def test_an_unknown_key_and_two_bad_values_are_three_problems() -> None:
    doc = _form(colour="blue")
    doc["conversations"][0]["scores"]["Sove godt om natta"] = 11
    doc["conversations"][1]["date"] = "7 May"
    with pytest.raises(ValidationError) as info:
        ln.loads(json.dumps(doc))
    assert info.value.count == 3
    assert str(info.value).startswith("3 problems:")


def test_envelope_problems_are_reported_together() -> None:
    codes = _codes('{"kind": "skjema", "schema_version": "1"}')
    assert codes == ["kind", "schema_version"]


def test_a_repeated_key_comes_with_the_documents_other_problems() -> None:
    text = example_text("plan").replace('"identifier":', '"identifier": "x", "identifier":', 1)
    text = text.replace('"kind": "plan",', '"kind": "plan", "ukjent": 1,')
    assert _codes(text) == ["repeated_key", "extra_forbidden"]


def test_a_lone_surrogate_in_text_is_reported_once() -> None:
    doc = _form()
    doc["activities"][0]["area"] = "a\ud800"
    assert [p.render("json") for p in validate(doc)] == [
        "$.activities[0].area: contains a lone surrogate (not Unicode text; cannot be written "
        "as UTF-8)"
    ]


# best-effort checks of objects that did not structure, on small models of the test's own


@attrs.frozen(kw_only=True)
class Leaf:
    """A leaf whose check fails on a number outside 0..200."""

    n: int
    """A number."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.integer(("n",), self.n, 0, 200)
        c.done()


def _positive(values: tuple[int, ...]) -> tuple[int, ...]:
    if any(v < 0 for v in values):
        raise TypeError("negative")
    return tuple(values)


@attrs.frozen(kw_only=True)
class Tree:
    """A model with every kind of field the best-effort check handles."""

    leaves: tuple[Leaf, ...]
    """Leaves, each checked alone."""
    limit: int = 3
    """The most leaves."""
    tags: Mapping[str, int] = attrs.field(factory=dict)
    """Numbers by free-text key."""
    label: str | None = None
    """A label."""
    counts: tuple[int, ...] = attrs.field(default=(), converter=_positive)
    """Counts, a converter that refuses negatives."""
    size: int = attrs.field(default=attrs.Factory(lambda self: len(self.leaves), takes_self=True))
    """Defaults to the number of leaves."""
    either: int | str = 0
    """An int or a text."""
    choice: int | str | None = None
    """An int, a text or nothing."""
    total: int = attrs.field(init=False)
    """The number of leaves (set by the check)."""

    def __attrs_post_init__(self) -> None:
        if self.label == "boom":
            raise TypeError("a check that meets a value it cannot handle")
        object.__setattr__(self, "total", len(self.leaves))
        c = Checker()
        if len(self.leaves) > self.limit:
            c.add(("leaves",), f"has more than {self.limit}", len(self.leaves))
        for i, leaf in enumerate(self.leaves):
            if type(leaf.n) is int and leaf.n > 100:
                c.add(("leaves", i, "n"), "is above 100 (the tree's rule)", leaf.n)
        c.done()


def test_a_model_is_checked_although_a_field_failed() -> None:
    data = {"leaves": [{"n": "x"}, {"n": 1}, {"n": 1}, {"n": 1}], "tags": {"a": "x"}}
    with pytest.raises(ValidationError) as info:
        from_dict(data, Tree)
    assert [p.render("json") for p in info.value.problems] == [
        "$.leaves[0].n: 'x' must be a whole number (int)",
        "$.tags[key 0]: 'x' must be a whole number (int)",
        "$.leaves: 4 has more than 3",
    ]


def test_a_model_check_is_not_repeated_under_a_path_already_reported() -> None:
    data = {"leaves": [{"n": -1}, {"n": 101}], "label": None}
    with pytest.raises(ValidationError) as info:
        from_dict(data, Tree)
    # the tree's own rule on leaves[1] runs: its leaves built (leaves[0] unchecked)
    assert [p.render("json") for p in info.value.problems] == [
        "$.leaves[0].n: -1 must be >= 0",
        "$.leaves[1].n: 101 is above 100 (the tree's rule)",
    ]
    # leaves[1].n breaks the leaf's rule and the tree's: reported once, by the leaf
    with pytest.raises(ValidationError) as info:
        from_dict({"leaves": [{"n": "x"}, {"n": 300}]}, Tree)
    assert [(p.path, p.code) for p in info.value.problems] == [
        (("leaves", 0, "n"), "int_type"),
        (("leaves", 1, "n"), "less_than_equal"),
    ]


def test_a_model_holding_a_bad_value_directly_is_not_checked() -> None:
    # the limit: size is not a number, so the tree's own rules are not judged
    with pytest.raises(ValidationError) as info:
        from_dict({"leaves": [{"n": 101}], "size": "x"}, Tree)
    assert [p.path for p in info.value.problems] == [("size",)]


def test_missing_fields_unknown_keys_and_failing_checks_are_reported() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict({"label": "boom", "x": 1, "counts": [-1], "either": []}, Tree)
    # the tree's check raised TypeError on the stand-in: its problems are left out
    assert [(p.path, p.code) for p in info.value.problems] == [
        (("leaves",), "missing"),
        (("either",), "value_error"),
        (("x",), "extra_forbidden"),
    ]


def test_a_model_that_raises_something_else_is_reported_not_raised() -> None:
    with pytest.raises(ValidationError, match=r"^\$: must be an object \(Tree\)$"):
        from_dict({"leaves": [], "label": "boom"}, Tree)
    with pytest.raises(ValidationError, match=r"\$\.leaves\[0\]: must be an object \(Leaf\)"):
        from_dict({"leaves": [1]}, Tree)
    with pytest.raises(ValidationError, match=r"\$\.leaves: must be a list, not an object"):
        from_dict({"leaves": {}}, Tree)
    with pytest.raises(ValidationError, match=r"\$\.tags: must be an object, not a list"):
        from_dict({"leaves": [], "tags": []}, Tree)


def test_a_full_error_skips_the_best_effort_checks() -> None:
    data = {"leaves": [{"n": "x"}] * (MAX_PROBLEMS + 1)}
    with pytest.raises(ValidationError) as info:
        from_dict(data, Tree)
    assert (len(info.value.problems), info.value.omitted) == (MAX_PROBLEMS, 1)


def test_a_score_key_that_is_not_text_is_reported_at_its_position() -> None:
    with pytest.raises(ValidationError, match=r"^scores\[key 1\]: must be an activity name"):
        Conversation(date=D1, scores={"Sove": 1, 2: 3})  # type: ignore[dict-item]


# -- validate ---------------------------------------------------------------------------------


def test_validate_takes_text_bytes_and_parsed_documents() -> None:
    text = example_text("form")
    assert validate(text) == validate(text.encode()) == validate(json.loads(text)) == []
    assert validate(text, kind="form") == []
    (problem,) = validate(text, kind="wheel")
    assert problem.render("json") == "$.kind: 'form' must be the kind of ConversationWheel"
    assert problem.code == "kind_mismatch"
    assert [p.code for p in validate("not json")] == ["json_invalid"]
    assert [p.code for p in validate({"kind": "form", "schema_version": 1})] == ["missing"]


def test_validate_refuses_only_an_unknown_kind_argument() -> None:
    with pytest.raises(ValidationError, match=r"kind: 'skjema' is not a known document kind"):
        validate("{}", kind="skjema")


def test_validate_counts_the_problems_beyond_the_cap() -> None:
    doc = json.loads(example_text("checklist"))
    doc["items"] = [{**doc["items"][0], "status": "x"} for _ in range(150)]
    problems = validate(doc)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].code == "too_many_problems"
    assert problems[-1].ctx == (("omitted", 50),)


def test_validate_is_exported_from_the_package() -> None:
    assert ln.validate is validate


def test_a_union_of_several_types_is_structured_by_the_converter() -> None:
    assert from_dict({"leaves": [], "choice": None}, Tree).choice is None
    assert from_dict({"leaves": [{"n": 1}]}, Tree).total == 1
    with pytest.raises(ValidationError) as info:
        from_dict({"leaves": [], "choice": 1.5}, Tree)
    assert [(p.path, p.code) for p in info.value.problems] == [(("choice",), "value_error")]


def test_the_converter_alone_reports_with_positions_and_codes() -> None:
    conv = make_converter()
    with pytest.raises(ValidationError) as info:
        conv.structure({"Sove": "x", "Spise": 1}, dict[str, int])
    assert [(p.path, p.code) for p in info.value.problems] == [((Position(0),), "int_type")]
    assert conv.structure({"Sove": 2}, dict[str, int]) == {"Sove": 2}
    with pytest.raises(ValidationError, match=r"^<root>: must be an object, not a list$"):
        conv.structure([], dict[str, int])
    try:
        conv.structure({}, Leaf)
    except Exception as exc:
        error = error_from(exc, Leaf)
    assert [(p.path, p.code) for p in error.problems] == [(("n",), "missing")]
    full = ValidationError([Problem.of(("a", i), "is bad") for i in range(MAX_PROBLEMS)])
    extra = ForbiddenExtraKeysError("", Tree, {"x", "y"})
    error = error_from(ClassValidationError("", [full, extra], Tree), Tree)
    assert (len(error.problems), error.omitted) == (MAX_PROBLEMS, 2)


def test_parse_and_decode_refuse_repeated_keys() -> None:
    assert parse(b'{"team": 1}') == decode('{"team": 1}') == {"team": 1}
    with pytest.raises(ValidationError, match=r"\$\.team: appears more than once"):
        parse('{"team": 1, "team": 2}')
    with pytest.raises(ValidationError, match=r"\$\.kind: appears more than once"):
        decode('{"kind": 1, "kind": 2}')


# -- the guarantees page -----------------------------------------------------------------------


def test_every_test_the_guarantees_page_names_exists() -> None:
    import ast

    page = (ROOT / "docs" / "explanation" / "guarantees.md").read_text(encoding="utf-8")
    named = re.findall(r"`(tests/test_\w+\.py)::(test_\w+)`", page)
    assert len(named) > 50
    for path, name in named:
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        tests = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        assert name in tests, f"{path}::{name}"
