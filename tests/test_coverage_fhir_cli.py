"""FHIR readers and writers, and the command line, on the cases the other tests leave out.

The FHIR readers take resources from other systems: each test changes one thing in a
resource the library wrote and checks that the reader refuses it with the rule, or (for
what FHIR allows and the library does not use) that it is ignored.
"""

from __future__ import annotations

import copy
import datetime
import io
import json
from pathlib import Path
from typing import Any

import pytest

import laeringsnettverk
from laeringsnettverk import fhir
from laeringsnettverk.cli import main
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.examples import example_text, load_example
from laeringsnettverk.fhir import _common
from laeringsnettverk.serialization import dumps
from laeringsnettverk.toolkit import (
    Conversation,
    KorRatings,
    KorSession,
    OrsRatings,
    SrsRatings,
    WhatMattersForm,
)

S = "Patient/1"
BASE = fhir.DEFAULT_BASE_URL
FORM = load_example("form")
CHECKLIST = load_example("checklist")
KOR = load_example("kor")
GOAL = load_example("goal")
PLAN = load_example("plan")


def test_the_top_level_lists_its_lazy_names() -> None:
    names = dir(laeringsnettverk)
    assert names == sorted(names)
    assert {"WhatMattersForm", "LearningNetwork", "__version__"} <= set(names)


def test_an_unknown_example_kind_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"kind: 'nope' has no shipped example"):
        example_text("nope")


# -- writers: arguments -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("write", "match"),
    [
        (fhir.form_to_fhir, r"form: 'str' must be a WhatMattersForm"),
        (fhir.checklist_to_fhir, r"checklist: 'str' must be a CollaborationChecklist"),
        (fhir.kor_to_fhir, r"ratings: 'str' must be KorRatings"),
        (fhir.goal_to_fhir, r"goal: 'str' must be a SmartGoal"),
        (fhir.plan_to_fhir, r"plan: 'str' must be an ActionPlan"),
    ],
)
def test_a_writer_needs_its_model(write, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        write("x", subject=S)


def test_a_plans_goal_references_have_no_spaces() -> None:
    with pytest.raises(ValidationError, match=r"goals\[1\]: 'Goal/a b' must be a reference"):
        fhir.plan_to_fhir(PLAN, subject=S, goals=["Goal/1", "Goal/a b"])


def test_a_bundle_refuses_a_model_of_the_wrong_kind() -> None:
    with pytest.raises(
        ValidationError, match=r"form: 'KorRatings' must be a WhatMattersForm or None"
    ):
        fhir.bundle(S, form=KOR)  # type: ignore[arg-type]


def test_an_unregistered_extension_is_a_bug_of_the_library() -> None:
    with pytest.raises(KeyError, match="not in the extension registry"):
        _common.extension_url(BASE, "no-such-extension")


def test_a_form_without_activities_round_trips() -> None:
    form = WhatMattersForm(
        activities=(), conversations=[Conversation(date=datetime.date(2024, 1, 2))]
    )
    res = fhir.form_to_fhir(form, subject=S)
    assert "extension" not in res.questionnaire and "item" not in res.responses[0]
    assert fhir.form_from_fhir(res.questionnaire, res.responses) == form


def test_a_subject_by_identifier() -> None:
    subject = fhir.Subject.from_identity_number("01019012480")  # made up, valid check digits
    assert subject.is_identifier
    assert not fhir.Subject(reference=S).is_identifier


@pytest.mark.parametrize("unit", ["kg\nm", "}kg", "kg{a"])
def test_a_malformed_unit_is_not_ucum(unit: str) -> None:
    assert fhir.ucum_code(unit) is None


# -- readers ----------------------------------------------------------------------------------


def _refused(read, resource: Any, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        read(resource)


def test_form_reader_rules() -> None:
    res = fhir.form_to_fhir(FORM, subject=S)
    q, responses = res.questionnaire, list(res.responses)

    other = copy.deepcopy(responses)
    other[0]["item"].append({"linkId": "merknad", "item": []})  # not an activity: ignored
    assert fhir.form_from_fhir(q, other) == FORM

    nameless = copy.deepcopy(responses)
    del nameless[0]["item"][0]["item"][0]  # the activity's name
    _refused(lambda r: fhir.form_from_fhir(q, r), nameless, r"needs the item 'aktivitet.navn'")

    twice = copy.deepcopy(responses)
    twice[0]["item"].append(copy.deepcopy(twice[0]["item"][0]))
    _refused(lambda r: fhir.form_from_fhir(q, r), twice, r"scores an activity twice")


def test_checklist_reader_rules() -> None:
    response = fhir.checklist_to_fhir(CHECKLIST, subject=S).response
    read = fhir.checklist_from_fhir

    extra = copy.deepcopy(response)
    extra["item"][0]["answer"][0]["item"].append(
        {"linkId": "punkt-1.annet", "answer": [{"valueString": "x"}]}
    )  # a sub-item the library does not write: ignored
    assert read(extra) == CHECKLIST

    as_datetime = copy.deepcopy(response)
    day = as_datetime["item"][0]["answer"][0]["item"][0]["answer"][0]
    day["valueDate"] = datetime.datetime.fromisoformat(day["valueDate"] + "T10:30:00")
    assert read(as_datetime) == CHECKLIST  # a Python caller's datetime counts as its date

    two = copy.deepcopy(response)
    two["item"][0]["answer"].append(copy.deepcopy(two["item"][0]["answer"][0]))
    _refused(read, two, r"item\[0\]\.answer: must hold exactly one answer")

    system = copy.deepcopy(response)
    system["item"][0]["answer"][0]["valueCoding"]["system"] = "urn:other"
    _refused(read, system, r"valueCoding\.system: 'urn:other' must be .*item-status")

    sub = copy.deepcopy(response)
    sub["item"][0]["answer"][0]["item"][0]["answer"] = []
    _refused(read, sub, r"must hold exactly one answer")

    team = copy.deepcopy(response)
    team["author"]["identifier"]["system"] = "urn:other"
    _refused(read, team, r"author\.identifier\.system: 'urn:other' must be .*/identifier/team")

    number = copy.deepcopy(response)
    number["item"][0]["answer"][0]["item"][1]["answer"][0]["valueDecimal"] = "2.0"
    _refused(read, number, r"valueDecimal: '2.0' must be a number")


def test_kor_reader_rules() -> None:
    responses = list(fhir.kor_to_fhir(KOR, subject=S).responses)
    read = fhir.kor_from_fhir

    other = copy.deepcopy(responses)
    other[0]["item"].append({"linkId": "kommentar", "item": []})  # not ORS or SRS: ignored
    assert read(other) == KOR

    unknown = copy.deepcopy(responses)
    unknown[0]["item"][0]["item"][0]["linkId"] = "ors.annet"
    _refused(read, unknown, r"linkId: 'ors.annet' is not an item of ors")

    two = copy.deepcopy(responses)
    two[0]["item"][0]["item"][0]["answer"].append({"valueDecimal": 1.0})
    _refused(read, two, r"must hold exactly one answer")


def _goal_resource() -> tuple[dict[str, Any], dict[str, Any]]:
    res = fhir.goal_to_fhir(GOAL, subject=S)
    return copy.deepcopy(res.goal), copy.deepcopy(res.baseline)


def test_goal_reader_rules() -> None:
    goal, baseline = _goal_resource()
    read = fhir.goal_from_fhir
    assert read(goal, baseline) == GOAL

    ignored = copy.deepcopy(goal)
    ignored["identifier"].insert(0, {"system": "urn:other", "value": "x"})
    ignored["note"].append({"text": "en merknad uten begrunnelse"})  # not the rationale
    ignored["target"][0]["measure"]["coding"].insert(0, {"system": "urn:other", "code": "x"})
    assert read(ignored, baseline) == GOAL

    two = copy.deepcopy(goal)
    two["target"].append(copy.deepcopy(two["target"][0]))
    _refused(lambda g: read(g, baseline), two, r"target: must hold at most one target")

    none = copy.deepcopy(goal)
    del none["target"]
    _refused(lambda g: read(g, baseline), none, r"target: is required with the indicator")

    kindless = copy.deepcopy(goal)
    kindless["target"][0]["measure"]["coding"] = [{"system": "urn:other", "code": "x"}]
    _refused(lambda g: read(g, baseline), kindless, r"coding: needs a coding from .*indicator-kind")

    acceptance = copy.deepcopy(goal)
    ext = next(e for e in acceptance["extension"] if e["url"].endswith("goal-acceptance"))
    ext["extension"] = [p for p in ext["extension"] if p["url"] != "individual"]
    _refused(lambda g: read(g, baseline), acceptance, r"needs an 'individual' part")

    repeated = copy.deepcopy(goal)
    repeated["extension"].append(copy.deepcopy(repeated["extension"][0]))
    _refused(lambda g: read(g, baseline), repeated, r"repeats the extension .*population")

    flag = copy.deepcopy(goal)
    indicator = next(e for e in flag["extension"] if e["url"].endswith("/indicator"))
    part = next(p for p in indicator["extension"] if p["url"] == "higher-is-better")
    part["valueBoolean"] = "yes"
    _refused(lambda g: read(g, baseline), flag, r"valueBoolean: 'yes' must be true or false")

    text = copy.deepcopy(goal)
    text["description"]["text"] = 5
    _refused(lambda g: read(g, baseline), text, r"description\.text: 'int' must be a string")


def test_plan_reader_rules() -> None:
    plan = fhir.plan_to_fhir(PLAN, subject=S)
    read = fhir.plan_from_fhir

    ignored = copy.deepcopy(plan)
    ignored["identifier"].insert(0, {"system": "urn:other", "value": "x"})
    responsible = ignored["activity"][0]["detail"]["performer"][0]["extension"][0]
    responsible["extension"].append({"url": "telefon", "valueString": "12345678"})
    assert read(ignored) == PLAN

    bare = copy.deepcopy(plan)
    performer = bare["activity"][0]["detail"]["performer"][0]
    del performer["extension"]  # another system's performer: its display is the role
    assert read(bare).measures[0].responsible.role == performer["display"]

    two = copy.deepcopy(plan)
    two["activity"][0]["detail"]["performer"].append({"display": "x"})
    _refused(read, two, r"performer: must hold exactly one performer")

    roleless = copy.deepcopy(plan)
    parts = roleless["activity"][1]["detail"]["performer"][0]["extension"][0]["extension"]
    parts[:] = [p for p in parts if p["url"] != "role"]
    _refused(read, roleless, r"needs a 'role' part")


def _bundle() -> dict[str, Any]:
    return fhir.bundle(
        S, form=FORM, checklist=CHECKLIST, kor=KOR, plan=PLAN, goals=[GOAL], questionnaires=True
    )


def _entries(data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e for e in data["entry"] if e["resource"]["resourceType"] == kind]


def test_bundle_reader_rules() -> None:
    read = fhir.bundle_from_fhir
    contents = read(_bundle())

    no_urls = _bundle()
    for entry in no_urls["entry"]:
        if entry["resource"]["resourceType"] != "Observation":
            del entry["fullUrl"]  # then a goal's baseline is not found: none is read
    without = read(no_urls)
    assert without.form == contents.form and without.plan == contents.plan

    two_forms = _bundle()
    second = copy.deepcopy(_entries(two_forms, "Questionnaire")[0])
    second["resource"]["url"] = "urn:other:form"
    del second["fullUrl"]
    two_forms["entry"].append(second)
    # refused: as a second form (one per Bundle), or as no Questionnaire of the library
    _refused(read, two_forms, r"is a second Questionnaire|is not a Questionnaire of this library")

    stranger = _bundle()
    response = copy.deepcopy(_entries(stranger, "QuestionnaireResponse")[0])
    response["resource"]["questionnaire"] = "urn:other:questionnaire"
    stranger["entry"].append(response)
    _refused(read, stranger, r"questionnaire: .* is not an instrument of this library")

    for kind, match in (
        ("CarePlan", r"is a second CarePlan: one plan per Bundle"),
        ("checklist", r"is a second checklist: one per Bundle"),
    ):
        data = _bundle()
        if kind == "checklist":
            entry = next(
                e
                for e in _entries(data, "QuestionnaireResponse")
                if "sjekkliste" in e["resource"]["questionnaire"]
            )
        else:
            entry = _entries(data, kind)[0]
        data["entry"].append(copy.deepcopy(entry))
        _refused(read, data, match)


def test_bundle_goal_address_must_be_its_baseline_observation() -> None:
    # what a goal addresses is looked up in the Bundle: only an Observation is a baseline
    data = _bundle()
    goal = _entries(data, "Goal")[0]["resource"]
    plan_url = _entries(data, "CarePlan")[0]["fullUrl"]
    goal["addresses"] = [{"reference": plan_url}, {"reference": "urn:uuid:missing"}]
    _refused(fhir.bundle_from_fhir, data, r"addresses: refers to a baseline Observation")


# -- the command line -------------------------------------------------------------------------


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err, stdin=io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def test_score_of_a_form_with_one_conversation(tmp_path: Path) -> None:
    one = WhatMattersForm.from_scores(["Sove"], (datetime.date(2024, 1, 2), [3]))
    path = tmp_path / "form.json"
    path.write_text(dumps(one), encoding="utf-8")
    code, out, err = run("score", str(path))
    assert code == 0, err
    assert "Opplevd nytte" in out and "nådd" not in out  # no benefit from one conversation
    code, out, err = run("score", str(path), "--json")
    assert code == 0, err
    assert json.loads(out)["benefit"] is None


def test_score_of_a_form_whose_conversations_share_no_activity(tmp_path: Path) -> None:
    form = WhatMattersForm.from_scores(
        ["Sove", "Handle"],
        (datetime.date(2024, 1, 2), [3, None]),
        (datetime.date(2024, 3, 1), [None, 5]),
    )
    path = tmp_path / "form.json"
    path.write_text(dumps(form), encoding="utf-8")
    code, out, err = run("score", str(path))
    assert code == 0, err
    assert "nådd" not in out  # no benefit, so no verdict on it


def test_score_of_kor_without_two_ors_ratings(tmp_path: Path) -> None:
    srs = SrsRatings(relationship=9, goals_and_topics=9, approach=9, overall=9)
    ors = OrsRatings(individually=4, interpersonally=4, socially=4, overall=4)
    kor = KorRatings(
        sessions=[
            KorSession(date=datetime.date(2024, 1, 2), ors=ors, srs=srs),
            KorSession(date=datetime.date(2024, 2, 2), srs=srs),
        ]
    )
    path = tmp_path / "kor.json"
    path.write_text(dumps(kor), encoding="utf-8")
    code, out, err = run("score", str(path), "--json")
    assert code == 0, err
    assert json.loads(out)["ors_change"] is None  # no ORS at the last session
    code, out, err = run("score", str(path))
    assert code == 0, err
    assert "nådd" not in out  # no change, so no verdict on it


def test_status_of_a_network_file_without_documents(tmp_path: Path) -> None:
    path = tmp_path / "network.json"
    path.write_text(example_text("network"), encoding="utf-8")
    code, out, err = run("status", str(path))
    assert code == 0, err
    assert "team-bodoe" in out


def test_review_of_a_network_without_findings(tmp_path: Path) -> None:
    from laeringsnettverk.network import LearningNetwork

    path = tmp_path / "network.json"
    path.write_text(dumps(LearningNetwork(name="n", theme="t", target_group="g")), encoding="utf-8")
    code, out, err = run("review", str(path), "--today", "2025-01-01")
    assert (code, out) == (0, "Ingen funn (no findings)\n"), err
