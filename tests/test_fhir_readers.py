"""FHIR readers and writers refuse what they cannot map, each with the library's error, and
skip what is not theirs: one row per rule, each naming the element at fault."""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.examples import load_example
from laeringsnettverk.fhir import (
    Subject,
    TeamIdentifiers,
    bundle,
    bundle_from_fhir,
    checklist_from_fhir,
    checklist_to_fhir,
    form_from_fhir,
    form_to_fhir,
    goal_from_fhir,
    goal_to_fhir,
    kor_from_fhir,
    kor_to_fhir,
    plan_from_fhir,
    plan_to_fhir,
    ucum_code,
)
from laeringsnettverk.fhir._common import (
    DEFAULT_BASE_URL,
    Reader,
    decode_text,
    each_resource,
    extension_url,
)
from laeringsnettverk.toolkit import Activity, Conversation, WhatMattersForm

PATIENT = Subject(reference="Patient/123")
Data = dict[str, Any]


def form_data() -> Data:
    made = form_to_fhir(load_example("form"), subject=PATIENT)
    return copy.deepcopy({"q": made.questionnaire, "r": list(made.responses)})


def read_form(d: Data) -> object:
    return form_from_fhir(d["q"], d["r"])


def checklist_data() -> Data:
    own = attrs.evolve(load_example("checklist"), item_set="bodoe", item_set_version="1")
    return copy.deepcopy(checklist_to_fhir(own, subject=PATIENT).response)


def kor_data() -> list[Data]:
    return copy.deepcopy(list(kor_to_fhir(load_example("kor"), subject=PATIENT).responses))


def plan_data() -> Data:
    return copy.deepcopy(plan_to_fhir(load_example("plan"), subject=PATIENT))


def goal_data() -> Data:
    made = goal_to_fhir(load_example("goal"), subject=PATIENT)
    return copy.deepcopy({"g": made.goal, "b": made.baseline})


def read_goal(d: Data) -> object:
    return goal_from_fhir(d["g"], d["b"])


def bundle_data() -> Data:
    ex = {k: load_example(k) for k in ("form", "checklist", "kor", "plan")}
    return copy.deepcopy(bundle(PATIENT, goals=[load_example("goal")], **ex))


def entry_of(d: Data, kind: str) -> Data:
    return next(e for e in d["entry"] if e["resource"]["resourceType"] == kind)


def _goal_score(d: Data) -> Data:
    return d["g"]["extension"][2]  # the indicator extension


Case = tuple[Callable[[], Any], Callable[[Any], object], Callable[[Any], None], str]

REFUSED: dict[str, Case] = {
    # the form
    "form-response-type": (
        form_data,
        read_form,
        lambda d: d["r"][0].update(resourceType="Observation"),
        r"\$\[0\]\.resourceType: 'Observation' must be 'QuestionnaireResponse'",
    ),
    "form-no-score-item": (
        form_data,
        read_form,
        lambda d: d["q"]["item"][0]["item"].pop(2),
        r"\$\.item: needs the group 'aktivitet' with the item 'aktivitet.skaar'",
    ),
    "form-group-without-name": (
        form_data,
        read_form,
        lambda d: d["r"][0]["item"][0]["item"].pop(0),
        r"item\[0\]\.item: needs the item 'aktivitet.navn'",
    ),
    "form-activity-scored-twice": (
        form_data,
        read_form,
        lambda d: d["r"][0]["item"].append(copy.deepcopy(d["r"][0]["item"][0])),
        r"item\[4\]: scores an activity twice",
    ),
    "form-responses-not-a-list": (
        form_data,
        lambda d: form_from_fhir(d["q"], d["r"][0]),
        lambda d: None,
        r"responses: 'dict' must be a list of resources",
    ),
    # the checklist
    "checklist-type": (
        checklist_data,
        checklist_from_fhir,
        lambda d: d.update(resourceType="Observation"),
        r"must be 'QuestionnaireResponse'",
    ),
    "checklist-two-answers": (
        checklist_data,
        checklist_from_fhir,
        lambda d: d["item"][0]["answer"].append(d["item"][0]["answer"][0]),
        r"item\[0\]\.answer: must hold exactly one answer",
    ),
    "checklist-status-system": (
        checklist_data,
        checklist_from_fhir,
        lambda d: d["item"][0]["answer"][0]["valueCoding"].update(system="urn:x"),
        r"valueCoding\.system: 'urn:x' must be https://",
    ),
    "checklist-sub-answers": (
        checklist_data,
        checklist_from_fhir,
        lambda d: d["item"][0]["answer"][0]["item"][0].update(answer=[]),
        r"answer\[0\]\.item\[0\]\.answer: must hold exactly one answer",
    ),
    "checklist-repeated-extension": (
        checklist_data,
        checklist_from_fhir,
        lambda d: d["extension"].append(d["extension"][0]),
        r"repeats the extension",
    ),
    # KOR
    "kor-type": (
        kor_data,
        kor_from_fhir,
        lambda d: d[0].update(resourceType="Observation"),
        r"\$\[0\]\.resourceType: 'Observation' must be 'QuestionnaireResponse'",
    ),
    "kor-unknown-item": (
        kor_data,
        kor_from_fhir,
        lambda d: d[0]["item"][0]["item"][0].update(linkId="ors.annet"),
        r"linkId: 'ors.annet' is not an item of ors",
    ),
    "kor-two-answers": (
        kor_data,
        kor_from_fhir,
        lambda d: d[0]["item"][0]["item"][0]["answer"].append({"valueDecimal": 1}),
        r"must hold exactly one answer",
    ),
    "kor-rating-not-a-number": (
        kor_data,
        kor_from_fhir,
        lambda d: d[0]["item"][0]["item"][0]["answer"][0].update(valueDecimal="4"),
        r"valueDecimal: '4' must be a number",
    ),
    "kor-rating-not-finite": (
        kor_data,
        kor_from_fhir,
        lambda d: d[0]["item"][0]["item"][0]["answer"][0].update(valueDecimal=10**400),
        r"must be a finite number",
    ),
    # the plan
    "plan-type": (
        plan_data,
        plan_from_fhir,
        lambda d: d.update(resourceType="Goal"),
        r"must be 'CarePlan'",
    ),
    "plan-two-performers": (
        plan_data,
        plan_from_fhir,
        lambda d: d["activity"][0]["detail"]["performer"].append({"display": "x"}),
        r"performer: must hold exactly one performer",
    ),
    "plan-responsible-without-role": (
        plan_data,
        plan_from_fhir,
        lambda d: d["activity"][0]["detail"]["performer"][0]["extension"][0].update(
            extension=[{"url": "name", "valueString": "Kari"}]
        ),
        r"needs a 'role' part",
    ),
    "plan-status-not-a-string": (
        plan_data,
        plan_from_fhir,
        lambda d: d["activity"][0]["detail"].update(status=3),
        r"status: 3 must be a string",
    ),
    "plan-description-not-a-string": (
        plan_data,
        plan_from_fhir,
        lambda d: d["activity"][0]["detail"].update(description=["HEMMELIG"]),
        r"description: 'list' must be a string",
    ),
    "plan-lone-surrogate-code": (
        plan_data,
        plan_from_fhir,
        lambda d: d["activity"][0]["detail"].update(status="\ud800"),
        r"lone surrogate",
    ),
    "plan-lone-surrogate-text": (
        plan_data,
        plan_from_fhir,
        lambda d: d["activity"][0]["detail"].update(description="\ud800"),
        r"lone surrogate",
    ),
    "plan-created-week-date": (
        plan_data,
        plan_from_fhir,
        lambda d: d.update(created="2015-W06-4"),
        r"created: '2015-W06-4' must be a date",
    ),
    # goals
    "goal-type": (goal_data, read_goal, lambda d: d["g"].update(resourceType="X"), r"'Goal'"),
    "goal-baseline-type": (
        goal_data,
        read_goal,
        lambda d: d["b"].update(resourceType="Goal"),
        r"baseline\.resourceType: 'Goal' must be 'Observation'",
    ),
    "goal-two-targets": (
        goal_data,
        read_goal,
        lambda d: d["g"]["target"].append(d["g"]["target"][0]),
        r"target: must hold at most one target",
    ),
    "goal-indicator-without-target": (
        goal_data,
        read_goal,
        lambda d: d["g"].pop("target"),
        r"target: is required with the indicator extension",
    ),
    "goal-acceptance-without-individual": (
        goal_data,
        read_goal,
        lambda d: d["g"]["extension"][3].update(extension=[{"url": "status", "valueCode": "x"}]),
        r"needs an 'individual' part",
    ),
    "goal-measure-of-another-system": (
        goal_data,
        read_goal,
        lambda d: d["g"]["target"][0]["measure"]["coding"][0].update(system="urn:x"),
        r"measure\.coding: needs a coding from",
    ),
    "goal-unknown-kind": (
        goal_data,
        read_goal,
        lambda d: d["g"]["target"][0]["measure"]["coding"][0].update(code="x"),
        r"'x' is not an indicator-kind code",
    ),
    "goal-unknown-role": (
        goal_data,
        read_goal,
        lambda d: next(p for p in _goal_score(d)["extension"] if p["url"] == "role").update(
            valueCode="x"
        ),
        r"'x' is not a role code",
    ),
    "goal-flag-not-a-boolean": (
        goal_data,
        read_goal,
        lambda d: next(
            p for p in _goal_score(d)["extension"] if p["url"] == "higher-is-better"
        ).update(valueBoolean="ja"),
        r"valueBoolean: 'ja' must be true or false",
    ),
    "goal-scale-beyond-32-bits": (
        form_data,
        read_form,
        lambda d: d["q"]["item"][0]["item"][2]["extension"][1].update(valueInteger=2**31),
        r"beyond FHIR's integer range",
    ),
    # the Bundle
    "bundle-type": (
        bundle_data,
        bundle_from_fhir,
        lambda d: d.update(resourceType="Parameters"),
        r"\$\.resourceType: 'Parameters' must be 'Bundle'",
    ),
    "bundle-unknown-questionnaire": (
        bundle_data,
        bundle_from_fhir,
        lambda d: entry_of(d, "QuestionnaireResponse")["resource"].update(
            questionnaire="https://example.org/Questionnaire/x"
        ),
        r"questionnaire: 'https://example.org/Questionnaire/x' is not an instrument",
    ),
    "bundle-two-checklists": (
        bundle_data,
        bundle_from_fhir,
        lambda d: d["entry"].append(
            copy.deepcopy(
                next(
                    e
                    for e in d["entry"]
                    if "sjekkliste" in str(e["resource"].get("questionnaire", ""))
                )
            )
        ),
        r"is a second checklist: one per Bundle",
    ),
    "bundle-two-plans": (
        bundle_data,
        bundle_from_fhir,
        lambda d: d["entry"].append(copy.deepcopy(entry_of(d, "CarePlan"))),
        r"is a second CarePlan: one plan per Bundle",
    ),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_readers_refuse_what_they_cannot_map(name: str) -> None:
    make, read, spoil, rule = REFUSED[name]
    data = make()
    spoil(data)
    with pytest.raises(ValidationError, match=rule) as info:
        read(data)
    assert "HEMMELIG" not in str(info.value)


SKIPPED: dict[str, tuple[Callable[[], Any], Callable[[Any], object], Callable[[Any], None]]] = {
    "form-other-group": (
        form_data,
        read_form,
        lambda d: d["r"][0]["item"].append({"linkId": "annet", "item": [{"linkId": "x"}]}),
    ),
    "checklist-other-sub-item": (
        checklist_data,
        checklist_from_fhir,
        lambda d: (
            d["item"][0]["answer"][0]
            .setdefault("item", [])
            .append({"linkId": "punkt-1.annet", "answer": [{"valueString": "x"}]})
        ),
    ),
    "checklist-other-item-set-part": (
        checklist_data,
        checklist_from_fhir,
        lambda d: d["extension"][-1]["extension"].append({"url": "annet", "valueString": "x"}),
    ),
    "kor-other-group": (
        kor_data,
        kor_from_fhir,
        lambda d: d[0]["item"].append({"linkId": "annet", "item": [{"linkId": "x"}]}),
    ),
    "plan-other-identifier": (
        plan_data,
        plan_from_fhir,
        lambda d: d.setdefault("identifier", []).insert(0, {"system": "urn:x", "value": "1"}),
    ),
    "plan-other-responsible-part": (
        plan_data,
        plan_from_fhir,
        lambda d: d["activity"][0]["detail"]["performer"][0]["extension"][0]["extension"].append(
            {"url": "annet", "valueString": "x"}
        ),
    ),
    "goal-other-identifier-and-note": (
        goal_data,
        read_goal,
        lambda d: (
            d["g"].setdefault("identifier", []).insert(0, {"system": "urn:x", "value": "1"}),
            d["g"].setdefault("note", []).insert(0, {"text": "En annen merknad"}),
        ),
    ),
    "goal-other-measure-coding-and-indicator-part": (
        goal_data,
        read_goal,
        lambda d: (
            d["g"]["target"][0]["measure"]["coding"].insert(
                0, {"system": "http://loinc.org", "code": "1-8"}
            ),
            _goal_score(d)["extension"].append({"url": "annet", "valueString": "x"}),
        ),
    ),
}


@pytest.mark.parametrize("name", list(SKIPPED))
def test_readers_skip_what_is_not_theirs(name: str) -> None:
    make, read, spoil = SKIPPED[name]
    data = make()
    before = read(copy.deepcopy(data))
    spoil(data)
    assert read(data) == before


def test_writers_refuse_the_wrong_types() -> None:
    for call, rule in (
        (lambda: form_to_fhir("x", subject=PATIENT), "must be a WhatMattersForm"),  # type: ignore[arg-type]
        (lambda: checklist_to_fhir("x", subject=PATIENT), "must be a CollaborationChecklist"),  # type: ignore[arg-type]
        (lambda: kor_to_fhir("x", subject=PATIENT), "must be KorRatings"),  # type: ignore[arg-type]
        (lambda: plan_to_fhir("x", subject=PATIENT), "must be an ActionPlan"),  # type: ignore[arg-type]
        (lambda: goal_to_fhir("x", subject=PATIENT), "must be a SmartGoal"),  # type: ignore[arg-type]
        (lambda: bundle(PATIENT, form="x"), r"form: 'str' must be a WhatMattersForm or None"),  # type: ignore[arg-type]
        (
            lambda: plan_to_fhir(load_example("plan"), subject=PATIENT, goals=["Goal/a b"]),
            r"goals\[0\]: 'Goal/a b' must be a reference without spaces",
        ),
    ):
        with pytest.raises(ValidationError, match=rule):
            call()


def test_a_benefit_needs_an_activity_scored_at_both_conversations() -> None:
    day = datetime.date(2020, 1, 1)
    form = WhatMattersForm(
        activities=[Activity(name="A"), Activity(name="B")],
        conversations=[
            Conversation(date=day, scores={"A": 1}),
            Conversation(date=day + datetime.timedelta(days=30), scores={"B": 2}),
        ],
    )
    made = form_to_fhir(form, subject=PATIENT)
    assert made.observation is not None
    codes = [c["code"]["coding"][0]["code"] for c in made.observation["component"]]
    assert codes == ["snittskaare", "snittskaare"]  # no opplevd_nytte: nothing paired


def test_a_performer_without_the_extension_is_a_role() -> None:
    care_plan = plan_data()
    care_plan["activity"][0]["detail"]["performer"] = [{"display": "fastlegen"}]
    assert plan_from_fhir(care_plan).measures[0].responsible.role == "fastlegen"


def test_helpers() -> None:
    with pytest.raises(KeyError):
        extension_url(DEFAULT_BASE_URL, "no-such-extension")  # a bug in the library
    assert decode_text('"a"b"') == '"a"b"'  # quotes at both ends, but no JSON literal
    assert decode_text('"Sove\\udc00"') == "Sove\udc00"  # a literal of no text: refused later
    moment = datetime.datetime(2020, 1, 2, 3, 4, tzinfo=datetime.UTC)
    assert Reader({"d": moment}).date("d") == datetime.date(2020, 1, 2)
    with pytest.raises(ValidationError, match="must be a list of resources"):
        each_resource("abc", "responses")
    assert ucum_code("k\ng") is None  # a line break: no UCUM component
    assert ucum_code("a}b") is None  # a closing brace first
    assert TeamIdentifiers(resh_id="1").identifiers() == [
        {"system": "urn:oid:2.16.578.1.12.4.1.4.102", "value": "1"}
    ]
    assert TeamIdentifiers(organisation_number="974760673").identifiers() == [
        {"system": "urn:oid:2.16.578.1.12.4.1.4.101", "value": "974760673"}
    ]
