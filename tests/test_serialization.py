"""The one converter and versioned JSON: round trips, strictness, paths, golden files."""

from __future__ import annotations

import datetime
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import laeringsnettverk as ln
from laeringsnettverk import ValidationError, WhatMattersForm
from laeringsnettverk.serialization import (
    DOCUMENT_KINDS,
    from_dict,
    from_document,
    kind_of,
    make_converter,
    to_dict,
)
from strategies.goals import goals
from strategies.improvement import projects
from strategies.toolkit import action_plans, checklists, conversation_wheels, forms, kor_ratings

GOLDEN = Path(__file__).parent / "golden" / "v1"
any_document = st.one_of(
    forms(scale=st.just(ln.Scale())),
    kor_ratings(),
    checklists(),
    action_plans(),
    conversation_wheels(),
    goals(),
    projects(),
)


@given(any_document)
def test_structure_unstructure_round_trip(obj: object) -> None:
    assert from_dict(to_dict(obj), type(obj)) == obj


@given(any_document)
def test_json_round_trip_loses_nothing(obj: object) -> None:
    text = ln.dumps(obj)
    again = ln.loads(text)
    assert again == obj
    assert type(again) is type(obj)
    assert ln.dumps(again) == text  # deterministic


@given(forms(scale=st.just(ln.Scale())))
def test_loads_with_a_class_is_typed(form: WhatMattersForm) -> None:
    assert ln.loads(ln.dumps(form), WhatMattersForm) == form


def test_dump_and_load_files() -> None:
    form = ln.loads((GOLDEN / "form.json").read_text(encoding="utf-8"))
    buffer = io.StringIO()
    ln.dump(form, buffer)
    buffer.seek(0)
    assert ln.load(buffer) == form


def test_documents_carry_kind_and_version_first() -> None:
    data = json.loads(ln.dumps(ln.CollaborationChecklist.default()))
    assert list(data)[:2] == ["kind", "schema_version"]
    assert (data["kind"], data["schema_version"]) == ("checklist", 1)


def test_output_keeps_norwegian_letters_and_integers() -> None:
    form = WhatMattersForm.from_scores(["Gå på butikken"], (datetime.date(2015, 2, 5), [3]))
    text = ln.dumps(form, indent=None)
    assert "Gå på butikken" in text and "\\u" not in text
    assert '"Gå på butikken": 3}' in text
    assert '"date": "2015-02-05"' in text


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_golden_v1_documents_still_load(kind: str) -> None:
    text = (GOLDEN / f"{kind}.json").read_text(encoding="utf-8")
    obj = ln.loads(text)
    assert kind_of(obj) == kind
    assert ln.dumps(obj) + "\n" == text


def test_golden_form_loads_to_the_same_object() -> None:
    expected = WhatMattersForm(
        identifier="eksempel-skjema-1",
        team="team-bodoe",
        activities=[
            ln.Activity(name="Sove godt om natta", area="Søvn og helse"),
            ln.Activity(name="Handle mat selv", area="Hverdagen"),
            ln.Activity(name="Komme meg på jobb", area="Arbeid"),
            ln.Activity(name="Treffe venner", area="Venner og nettverk"),
        ],
        conversations=[
            ln.Conversation(
                date=datetime.date(2015, 2, 5),
                scores={
                    "Sove godt om natta": 1,
                    "Handle mat selv": 4,
                    "Komme meg på jobb": 1,
                    "Treffe venner": 2,
                },
            ),
            ln.Conversation(
                date=datetime.date(2015, 5, 7),
                scores={
                    "Sove godt om natta": 4,
                    "Handle mat selv": 6,
                    "Komme meg på jobb": 5,
                    "Treffe venner": 5,
                },
            ),
        ],
    )
    assert ln.loads((GOLDEN / "form.json").read_text(encoding="utf-8")) == expected


def _form_doc(**changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "kind": "form",
        "schema_version": 1,
        "activities": [{"name": "Sove"}, {"name": "Spise"}],
        "conversations": [
            {"date": "2015-02-05", "scores": {"Sove": 1, "Spise": 4}},
            {"date": "2015-05-07", "scores": {"Sove": 4, "Spise": 6}},
        ],
    }
    doc.update(changes)
    return doc


def _conv(date: str = "2015-05-07", **scores: Any) -> dict[str, Any]:
    return {"date": date, "scores": scores}


BAD_DOCUMENTS = [
    # a score above the scale
    (
        _form_doc(conversations=[_conv(Sove=11)]),
        r"\$.conversations\[0\].scores\[key 0\]: 11 is above the scale's max 10",
    ),
    # a float is not coerced to an int
    (
        _form_doc(conversations=[_conv(Sove=5.5)]),
        r"\$.conversations\[0\].scores\[key 0\]: 5.5 must be a whole number",
    ),
    # a string is not coerced to an int
    (
        _form_doc(conversations=[_conv(Sove="5")]),
        r"\$.conversations\[0\].scores\[key 0\]: '5' must be a whole number",
    ),
    # a bool is not coerced to an int
    (
        _form_doc(conversations=[_conv(Sove=True)]),
        r"\$.conversations\[0\].scores\[key 0\]: True must be a whole number",
    ),
    # a score for an unknown activity
    (
        _form_doc(conversations=[_conv(Sove=3, Danse=4)]),
        r"\$.conversations\[0\].scores\[key 1\]: 4 is a score for an activity the form does not have",
    ),
    # dates out of order
    (
        _form_doc(conversations=[_conv("2015-05-07"), _conv("2015-02-05")]),
        r"\$.conversations\[1\].date: '2015-02-05' must be after",
    ),
    # not an ISO date
    (
        _form_doc(conversations=[_conv("05.02.2015")]),
        r"\$.conversations\[0\].date: '05.02.2015' must be an ISO 8601 date",
    ),
    # not a real date
    (
        _form_doc(conversations=[_conv("2015-02-30")]),
        r"\$.conversations\[0\].date: '2015-02-30' is not a real calendar date",
    ),
    # an unknown field is rejected, not dropped
    (_form_doc(notes="x"), r"\$.notes: is not a field of WhatMattersForm"),
    # an unknown nested field
    (
        _form_doc(activities=[{"name": "Sove", "colour": "red"}]),
        r"\$.activities\[0\].colour: is not a field of Activity",
    ),
    # a missing required field
    (_form_doc(activities=[{"area": "x"}]), r"\$.activities\[0\].name: is required"),
    # a list where an object belongs
    (_form_doc(scale=[1, 10]), r"\$.scale: must be an object \(Scale\)"),
    # duplicate activity names; the name is not echoed
    (
        _form_doc(activities=[{"name": "Sove"}, {"name": "Sove"}], conversations=[]),
        r"\$.activities\[1\].name: <free text, 4 characters> duplicates",
    ),
    # an unknown kind
    ({"kind": "skjema", "schema_version": 1}, r"\$.kind: 'skjema' is not a known document kind"),
    # no kind
    ({"schema_version": 1}, r"\$.kind: is required"),
    # a future schema version
    (_form_doc(schema_version=99), r"\$.schema_version: 99 is not a supported schema version"),
    # a checklist status that does not exist
    (
        {"kind": "checklist", "schema_version": 1, "items": [{"text": "x", "status": "done"}]},
        r"\$.items\[0\].status: 'done' is not a known ItemStatus code",
    ),
    # not a document at all
    ([1, 2], r"\$: 'list' must be a JSON object"),
]


@pytest.mark.parametrize(("doc", "message"), BAD_DOCUMENTS)
def test_bad_documents_name_json_path_value_and_rule(doc: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ln.loads(json.dumps(doc))


def test_every_problem_is_listed_for_a_service() -> None:
    doc = _form_doc(conversations=[_conv(Sove=5.5, Spise="4")], extra=1)
    with pytest.raises(ValidationError) as info:
        from_document(doc)
    problems = info.value.to_dicts()
    assert {p["path"] for p in problems} == {
        "$.conversations[0].scores[key 0]",
        "$.conversations[0].scores[key 1]",
        "$.extra",
    }
    assert all(p["rule"] for p in problems)


def test_free_text_is_never_echoed_in_errors() -> None:
    secret = "Slutte å ruse meg"
    doc = _form_doc(activities=[{"name": secret}, {"name": secret}], conversations=[])
    with pytest.raises(ValidationError) as info:
        from_document(doc)
    assert secret not in str(info.value)


def test_malformed_json() -> None:
    with pytest.raises(ValidationError, match=r"\$: 'str' is not valid JSON"):
        ln.loads("{not json")


def test_loads_with_the_wrong_class() -> None:
    with pytest.raises(ValidationError, match=r"\$.kind: 'form' must be the kind of"):
        ln.loads(json.dumps(_form_doc()), ln.KorRatings)


def test_kind_of_rejects_non_documents() -> None:
    with pytest.raises(ValidationError, match="is not a document kind"):
        kind_of(ln.Activity(name="x"))


def test_make_converter_returns_a_fresh_strict_converter() -> None:
    a, b = make_converter(), make_converter()
    assert a is not b
    with pytest.raises(Exception):  # noqa: B017, PT011  (cattrs' own grouped error)
        a.structure("5", int)


def test_importing_the_package_does_not_import_cattrs() -> None:
    import subprocess

    code = (
        "import sys, laeringsnettverk; "
        "bad = [m for m in ('cattrs', 'pandas', 'numpy', 'matplotlib') if m in sys.modules];"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_every_example_pickles_and_copies(kind: str) -> None:
    # notebooks and multiprocessing pickle models; deepcopy goes the same way
    import copy
    import pickle

    from laeringsnettverk.examples import load_example

    obj = load_example(kind)
    assert pickle.loads(pickle.dumps(obj)) == obj
    assert copy.deepcopy(obj) == obj
    assert copy.copy(obj) == obj


@given(forms())
def test_forms_pickle_to_equal_forms(form: WhatMattersForm) -> None:
    import pickle

    back = pickle.loads(pickle.dumps(form))
    assert back == form
    assert [dict(c.scores) for c in back.conversations] == [
        dict(c.scores) for c in form.conversations
    ]
