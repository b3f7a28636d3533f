"""FHIR R4 for Norwegian record systems: server Bundles, shared Questionnaires, plain text,
item sets, Norwegian profiles and identifiers, a FHIR package, keyed ids and determinism."""

from __future__ import annotations

import copy
import datetime
import json
import re
import tarfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from fhir.resources.R4B.structuredefinition import StructureDefinition
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.examples import load_example
from laeringsnettverk.fhir import (
    DEFAULT_BASE_URL,
    FOEDSELSNUMMER_SYSTEM,
    HPR_SYSTEM,
    NO_BASIS_ORGANIZATION,
    NO_BASIS_PATIENT,
    ORGANISASJONSNUMMER_SYSTEM,
    RESH_SYSTEM,
    BundleContents,
    Subject,
    TeamIdentifiers,
    bundle,
    bundle_from_fhir,
    checklist_from_fhir,
    checklist_questionnaire,
    checklist_to_fhir,
    conformance_resources,
    form_from_fhir,
    form_questionnaire,
    form_to_fhir,
    goal_to_fhir,
    kor_to_fhir,
    package_manifest,
    plan_from_fhir,
    plan_to_fhir,
    structure_definitions,
    value_sets,
    write_package,
)
from laeringsnettverk.fhir._common import decode_text, encode_text
from laeringsnettverk.goals import Indicator, IndicatorKind, Observation, SmartGoal
from laeringsnettverk.toolkit import (
    DEFAULT_CHECKLIST_ITEMS,
    Activity,
    ChecklistItem,
    CollaborationChecklist,
    Conversation,
    Scale,
    WhatMattersForm,
)
from test_fhir import check_against, validate, validate_all

PATIENT = Subject(reference="Patient/123")
FNR = "15828912302"  # synthetic (month + 80)
DNR = "55828912487"  # synthetic D-nummer
KEY = b"a secret the caller keeps, 32 b."
DAY = datetime.date(2020, 1, 1)
SERVER = "https://ehr.example.no/fhir"


def examples() -> dict[str, Any]:
    return {k: load_example(k) for k in ("form", "checklist", "kor", "plan")}


def every_example(**kwargs: Any) -> dict[str, Any]:
    return bundle(PATIENT, goals=[load_example("goal")], **examples(), **kwargs)


def expected_contents() -> BundleContents:
    return BundleContents(goals=[load_example("goal")], **examples())


# -- 1. Bundles as a server returns them --------------------------------------------------------


def as_server_returns(made: dict[str, Any], *, history: bool = False) -> dict[str, Any]:
    """The Bundle as a server's search returns it: RESTful fullUrls, relative references."""
    server = copy.deepcopy(made)
    names = {}
    for n, entry in enumerate(server["entry"]):
        kind = entry["resource"]["resourceType"]
        rid = f"srv-{n}"
        names[entry["fullUrl"]] = f"{kind}/{rid}" + ("/_history/3" if history else "")
        entry["resource"]["id"] = rid
        entry["fullUrl"] = f"{SERVER}/{kind}/{rid}"
        del entry["request"]
        entry["search"] = {"mode": "match"}

    def relink(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: names.get(v, v) if k == "reference" else relink(v) for k, v in node.items()}
        if isinstance(node, list):
            return [relink(v) for v in node]
        return node

    server["entry"] = [relink(e) for e in server["entry"]]
    server["type"] = "searchset"
    return server


@pytest.mark.parametrize("history", [False, True])
def test_a_server_bundle_with_absolute_full_urls_and_relative_references_reads_back(
    history: bool,
) -> None:
    server = as_server_returns(every_example(), history=history)
    goal = next(e for e in server["entry"] if e["resource"]["resourceType"] == "Goal")
    assert goal["resource"]["addresses"][0]["reference"].startswith("Observation/srv-")
    assert goal["fullUrl"].startswith(SERVER + "/Goal/")
    assert bundle_from_fhir(server) == expected_contents()


def test_references_resolve_against_the_entrys_own_base() -> None:
    server = as_server_returns(every_example())
    by_kind = {e["resource"]["resourceType"]: e for e in server["entry"]}
    relative = by_kind["Goal"]["resource"]["addresses"][0]["reference"]
    baseline = next(e for e in server["entry"] if e["fullUrl"] == f"{SERVER}/{relative}")
    # An absolute reference to the entry resolves as it is.
    by_kind["Goal"]["resource"]["addresses"] = [{"reference": baseline["fullUrl"]}]
    assert bundle_from_fhir(server).goals == (load_example("goal"),)
    # A version in an absolute fullUrl is ignored too.
    baseline["fullUrl"] += "/_history/7"
    assert bundle_from_fhir(server).goals == (load_example("goal"),)
    # The same relative reference in a Goal at another server's base does not resolve to it.
    by_kind["Goal"]["fullUrl"] = by_kind["Goal"]["fullUrl"].replace("ehr.example.no", "other.no")
    by_kind["Goal"]["resource"]["addresses"] = [
        {"reference": baseline["fullUrl"].split("/fhir/")[1].split("/_history")[0]}
    ]
    with pytest.raises(ValidationError, match="pass it as baseline"):
        bundle_from_fhir(server)
    # An absolute reference to something not in the Bundle does not resolve either.
    by_kind["Goal"]["resource"]["addresses"] = [{"reference": f"{SERVER}/Observation/nope"}]
    with pytest.raises(ValidationError, match="pass it as baseline"):
        bundle_from_fhir(server)


def test_entries_without_full_url_resolve_by_type_and_id() -> None:
    server = as_server_returns(every_example())
    for entry in server["entry"]:
        del entry["fullUrl"]
    assert bundle_from_fhir(server) == expected_contents()
    # A reference that is no reference at all (a contained one, a number) resolves to nothing.
    goal = next(e for e in server["entry"] if e["resource"]["resourceType"] == "Goal")
    goal["resource"]["addresses"] = [{"reference": "#contained"}, {"display": "uten lenke"}]
    assert bundle_from_fhir(server).goals[0].baseline is None


def test_a_urn_full_url_with_a_relative_reference_matches_by_type_and_id() -> None:
    made = every_example(method="PUT")
    goal = next(e for e in made["entry"] if e["resource"]["resourceType"] == "Goal")
    target = goal["resource"]["addresses"][0]["reference"]  # urn:uuid:<id>
    goal["resource"]["addresses"] = [{"reference": "Observation/" + target.split(":")[-1]}]
    # A urn:uuid fullUrl is not RESTful: the server base is unknown, the type and id match.
    for entry in made["entry"]:
        if entry["fullUrl"] == target:
            del entry["fullUrl"]
    assert bundle_from_fhir(made).goals == (load_example("goal"),)


# -- 2. One shared Questionnaire per form version -------------------------------------------


def test_the_form_questionnaire_is_shared_and_holds_nothing_of_the_user() -> None:
    form = load_example("form")
    mine = form_to_fhir(form, subject=PATIENT)
    other_form = attrs.evolve(
        form, activities=[Activity(name="Noe annet")], conversations=(), team="x"
    )
    theirs = form_to_fhir(other_form, subject="Patient/9")
    assert mine.questionnaire == theirs.questionnaire == form_questionnaire()
    text = json.dumps(mine.questionnaire, ensure_ascii=False)
    for private in (*form.activity_names, form.team, form.identifier, "Patient/123"):
        assert str(private) not in text
    # every activity is an answer in the responses, which are in the Patient compartment
    for response in mine.responses:
        check_against(mine.questionnaire, response)
        names = [g["item"][0]["answer"][0]["valueString"] for g in response["item"]]
        assert names == list(form.activity_names)
        assert response["identifier"]["value"].startswith(f"{form.identifier}#")


def test_another_scale_has_its_own_version_and_travels_in_the_bundle() -> None:
    form = attrs.evolve(
        load_example("form"), scale=Scale(minimum=0, maximum=10, higher_is_better=True)
    )
    made = form_to_fhir(form, subject=PATIENT)
    assert made.questionnaire["version"].startswith("1-")
    assert made.questionnaire != form_questionnaire()
    assert form_from_fhir(made.questionnaire, made.responses) == form
    sent = bundle(PATIENT, form=form)  # questionnaires=False: not published, so sent
    assert sent["entry"][0]["resource"]["resourceType"] == "Questionnaire"
    assert sent["entry"][0]["request"]["ifNoneExist"].startswith("url=")
    validate(sent)
    assert bundle_from_fhir(sent).form == form
    del sent["entry"][0]
    with pytest.raises(ValidationError, match="neither in the Bundle nor published"):
        bundle_from_fhir(sent)


def test_a_bundle_without_the_published_form_questionnaire_reads_back() -> None:
    form = load_example("form")
    sent = bundle(PATIENT, form=form)
    assert "Questionnaire" not in [e["resource"]["resourceType"] for e in sent["entry"]]
    assert bundle_from_fhir(sent).form == form


def test_bad_form_bundles_and_responses() -> None:
    form = load_example("form")
    sent = bundle(PATIENT, form=form, questionnaires=True)
    spoilt = copy.deepcopy(sent)
    spoilt["entry"][0]["resource"]["url"] = "https://example.org/Questionnaire/x"
    with pytest.raises(ValidationError, match="not a Questionnaire of this library"):
        bundle_from_fhir(spoilt)
    spoilt = copy.deepcopy(sent)
    spoilt["entry"][2]["resource"]["questionnaire"] += "-x"
    with pytest.raises(ValidationError, match="another form Questionnaire"):
        bundle_from_fhir(spoilt)
    made = form_to_fhir(form, subject=PATIENT)
    responses = copy.deepcopy(list(made.responses))
    responses[1]["identifier"]["value"] = "uten-nummer"
    with pytest.raises(ValidationError, match=r"<identifier>#<conversation number>"):
        form_from_fhir(made.questionnaire, responses)
    responses = copy.deepcopy(list(made.responses))
    responses[1]["author"]["identifier"]["value"] = "et-annet-team"
    with pytest.raises(ValidationError, match=r"\$\[1\]\.author: has other team"):
        form_from_fhir(made.questionnaire, responses)
    responses = copy.deepcopy(list(made.responses))
    del responses[0]["authored"]
    with pytest.raises(ValidationError, match=r"authored: is required"):
        form_from_fhir(made.questionnaire, responses)
    # an identifier of another system is not the form's
    responses = copy.deepcopy(list(made.responses))
    for response in responses:
        response["identifier"]["system"] = "urn:oid:1.2.3"
    assert form_from_fhir(made.questionnaire, responses).identifier is None
    with pytest.raises(ValidationError, match="must be a Scale"):
        form_questionnaire("1..10")  # type: ignore[arg-type]


def test_a_form_with_nothing_yet_reads_back() -> None:
    form = WhatMattersForm(activities=[], team="team-x", identifier="skjema-x")
    made = form_to_fhir(form, subject=PATIENT)
    validate_all(made.resources())
    assert form_from_fhir(made.questionnaire, made.responses) == form
    assert form_from_fhir(made.questionnaire) == WhatMattersForm(activities=[])


# -- 3. Free text is written as the text itself ------------------------------------------------


@pytest.mark.parametrize(
    "text", ['"Sitat" fra bruker', "Sove\u00a0godt", "  Sove godt  ", '"quoted"', "Sove "]
)
def test_text_a_fhir_string_can_hold_is_written_as_it_is(text: str) -> None:
    form = WhatMattersForm(
        activities=[Activity(name=text)],
        conversations=[Conversation(date=DAY, scores={text: 3})],
        team=text,
    )
    made = form_to_fhir(form, subject=PATIENT)
    group = made.responses[0]["item"][0]
    assert group["item"][0]["answer"][0]["valueString"] == text
    assert made.responses[0]["author"]["display"] == text
    validate_all(made.resources())
    assert form_from_fhir(made.questionnaire, made.responses) == form
    goal = SmartGoal(statement=text)
    assert goal_to_fhir(goal, subject=PATIENT).goal["description"]["text"] == text


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("", '""'),  # FHIR has no empty string
        ("   ", '"   "'),  # only whitespace
        ("a\x00b", '"a\\u0000b"'),  # a control character
        ("\u00a0Sove", '"\u00a0Sove"'),  # begins with a no-break space
        ('""', '"\\"\\""'),  # would read as the literal of the empty text
    ],
)
def test_only_text_fhir_cannot_hold_is_written_as_a_literal(text: str, written: str) -> None:
    assert encode_text(text) == written
    assert decode_text(written) == text


@given(st.text())
def test_every_text_reads_back_and_holdable_text_is_written_as_it_is(text: str) -> None:
    written = encode_text(text)
    assert decode_text(written) == text
    plain = (
        text.strip()
        and not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]", text)
        and (text[0] in " \r\n\t" or not text[0].isspace())
        and not (text.startswith('"') and text.endswith('"'))
    )
    if plain:
        assert written == text


# -- 4. Checklist dates, published canonicals, baseline codes --------------------------------


def test_a_checklist_without_a_date_cannot_be_exported() -> None:
    checklist = attrs.evolve(load_example("checklist"), date=None)
    with pytest.raises(ValidationError, match=r"date: is required for FHIR"):
        checklist_to_fhir(checklist, subject=PATIENT)
    with pytest.raises(ValidationError, match=r"date: is required for FHIR"):
        bundle(PATIENT, checklist=checklist)
    made = checklist_to_fhir(load_example("checklist"), subject=PATIENT)
    response = copy.deepcopy(made.response)
    del response["authored"]
    with pytest.raises(ValidationError, match=r"authored: is required"):
        checklist_from_fhir(response)


def test_without_questionnaires_the_checklist_points_at_the_published_canonical() -> None:
    sent = bundle(PATIENT, checklist=load_example("checklist"))
    kinds = [e["resource"]["resourceType"] for e in sent["entry"]]
    assert "Questionnaire" not in kinds
    response = sent["entry"][0]["resource"]
    published = {
        f"{q['url']}|{q['version']}": q
        for q in conformance_resources()
        if q["resourceType"] == "Questionnaire" and "version" in q
    }
    assert response["questionnaire"] in published
    check_against(published[response["questionnaire"]], response)


def test_a_checklist_with_its_own_items_sends_its_questionnaire() -> None:
    checklist = CollaborationChecklist(items=[ChecklistItem(text="Eget punkt")], date=DAY)
    sent = bundle(PATIENT, checklist=checklist)
    questionnaire, response, _ = (e["resource"] for e in sent["entry"])
    assert questionnaire["resourceType"] == "Questionnaire"
    check_against(questionnaire, response)
    validate(sent)
    assert bundle_from_fhir(sent).checklist == checklist


def test_the_baseline_code_is_the_indicators_own() -> None:
    def baseline_code(indicator: Indicator) -> dict[str, Any]:
        goal = SmartGoal(
            statement="Mål", indicator=indicator, baseline=Observation(date=DAY, value=1)
        )
        made = goal_to_fhir(goal, subject=PATIENT)
        assert made.baseline is not None
        validate_all(made.resources())
        return made.baseline["code"]

    first = baseline_code(Indicator(name="Andel med kriseplan", kind=IndicatorKind.PROPORTION))
    second = baseline_code(Indicator(name="Andel med IP", kind=IndicatorKind.PROPORTION))
    assert first != second  # two indicators of one kind no longer share a code
    assert first == {"text": "Andel med kriseplan"}
    mean = baseline_code(Indicator.for_kind(IndicatorKind.FORM_MEAN))
    assert mean["coding"] == [
        {
            "system": f"{DEFAULT_BASE_URL}/CodeSystem/score",
            "code": "snittskaare",
            "display": "Snittskåre",
        }
    ]
    assert "indicator-kind" not in json.dumps(mean)


# -- 5. The collaboration checklist's item set -------------------------------------------------


def test_the_proposal_says_it_is_the_librarys_and_a_draft() -> None:
    stated = load_example("checklist")  # the example states its item set
    assert (stated.item_set, stated.item_set_version) == ("laeringsnettverk-forslag", "1")
    checklist = attrs.evolve(stated, item_set=None, item_set_version=None)
    # an older document without the item set: recognised by its texts
    made = checklist_to_fhir(checklist, subject=PATIENT)
    q = made.questionnaire
    assert q == checklist_questionnaire()
    assert q["version"] == "laeringsnettverk-forslag-1"
    assert q["status"] == "draft"
    assert q["publisher"] == "laeringsnettverk (Python-biblioteket)"
    assert "ikke rapportens sjekkliste" in q["description"]
    assert "laeringsnettverk-forslag" in q["description"]
    again = checklist_to_fhir(stated, subject=PATIENT)
    assert again.questionnaire == q
    ext = again.response["extension"][-1]
    assert ext["extension"] == [
        {"url": "code", "valueCode": "laeringsnettverk-forslag"},
        {"url": "version", "valueString": "1"},
    ]
    assert checklist_from_fhir(again.response) == stated
    assert checklist_from_fhir(made.response).item_set is None


def test_a_teams_own_item_set_is_named_and_not_published_by_the_library() -> None:
    base = CollaborationChecklist(items=DEFAULT_CHECKLIST_ITEMS, date=DAY)
    own = attrs.evolve(base, item_set="bodoe-kommune", item_set_version="2")
    q = checklist_to_fhir(own, subject=PATIENT).questionnaire
    assert q["status"] == "draft"
    assert "publisher" not in q
    assert "«bodoe-kommune», versjon 2" in q["description"]
    assert q["version"] != "laeringsnettverk-forslag-1"  # the same texts, another origin
    unversioned = attrs.evolve(own, item_set_version=None)
    q2 = checklist_to_fhir(unversioned, subject=PATIENT).questionnaire
    assert "versjon" not in q2["description"].split("»")[1].split(";")[0]
    assert checklist_from_fhir(checklist_to_fhir(unversioned, subject=PATIENT).response) == (
        unversioned
    )
    unknown = CollaborationChecklist(items=[ChecklistItem(text="Eget")], date=DAY)
    q3 = checklist_to_fhir(unknown, subject=PATIENT).questionnaire
    assert "ikke oppgitt" in q3["description"]
    validate_all((q, q2, q3))


def test_bad_item_set_extension_and_arguments() -> None:
    own = attrs.evolve(load_example("checklist"), item_set="bodoe")
    response = copy.deepcopy(checklist_to_fhir(own, subject=PATIENT).response)
    response["extension"][-1]["extension"] = [{"url": "version", "valueString": "1"}]
    with pytest.raises(ValidationError, match="needs a 'code' part"):
        checklist_from_fhir(response)
    with pytest.raises(ValidationError, match="must be a CollaborationChecklist"):
        checklist_questionnaire("sjekkliste")  # type: ignore[arg-type]


# -- 6. Norwegian profiles, identifiers, narrative, the package -------------------------------


def every_resource(made: dict[str, Any]) -> list[dict[str, Any]]:
    return [e["resource"] for e in made.get("entry", [])]


def test_every_resource_has_norwegian_language_and_a_generated_narrative() -> None:
    teams = {"team-bodoe": TeamIdentifiers(organisation_number="974760673", resh_id="123")}
    made = every_example(questionnaires=True, teams=teams)
    assert made["language"] == "nb"
    resources = [*every_resource(made), *conformance_resources()]
    kinds = {r["resourceType"] for r in resources}
    assert {"Questionnaire", "QuestionnaireResponse", "Observation", "Goal", "CarePlan"} <= kinds
    assert {"Organization", "StructureDefinition", "CodeSystem", "ValueSet"} <= kinds
    for resource in resources:
        assert resource["language"] == "nb", resource["resourceType"]
        assert resource["text"]["status"] == "generated"
        div = resource["text"]["div"]
        assert div.startswith('<div xmlns="http://www.w3.org/1999/xhtml"><p>')
        assert div.endswith("</p></div>")
    patient = Subject.from_identity_number(FNR, synthetic=True).to_patient()
    assert patient is not None
    assert patient["language"] == "nb" and FNR not in patient["text"]["div"]


def test_the_patient_declares_no_basis_and_the_bundle_refers_to_the_record_systems_own() -> None:
    subject = Subject.from_identity_number(FNR, synthetic=True)
    patient = subject.to_patient()
    assert patient is not None
    assert patient["meta"]["profile"] == [NO_BASIS_PATIENT]
    assert patient["identifier"] == [{"system": FOEDSELSNUMMER_SYSTEM, "value": FNR}]
    validate(patient)
    made = bundle(subject, form=load_example("form"))
    assert all(r["resourceType"] != "Patient" for r in every_resource(made))
    assert PATIENT.to_patient() is None
    made = bundle(PATIENT, form=load_example("form"))
    assert every_resource(made)[0]["subject"] == {"reference": "Patient/123"}


def test_teams_and_responsible_people_get_norwegian_identifiers() -> None:
    teams = {"team-bodoe": TeamIdentifiers(organisation_number="974760673", resh_id="4001031")}
    plan = load_example("plan")
    named = [m.responsible.name for m in plan.measures if m.responsible.name is not None]
    hpr = {named[0]: "9144889"}
    made = every_example(teams=teams, hpr_numbers=hpr)
    validate(made)
    org_entry = made["entry"][0]
    org = org_entry["resource"]
    assert org["resourceType"] == "Organization"
    assert org["meta"]["profile"] == [NO_BASIS_ORGANIZATION]
    assert org["identifier"] == [
        {"system": f"{DEFAULT_BASE_URL}/identifier/team", "value": "team-bodoe"},
        {"system": ORGANISASJONSNUMMER_SYSTEM, "value": "974760673"},
        {"system": RESH_SYSTEM, "value": "4001031"},
    ]
    assert org_entry["request"]["ifNoneExist"] == (
        f"identifier={DEFAULT_BASE_URL}/identifier/team|team-bodoe"
    )
    authors = [r["author"] for r in every_resource(made) if "author" in r]
    assert authors and all(a["reference"] == org_entry["fullUrl"] for a in authors)
    care_plan = next(r for r in every_resource(made) if r["resourceType"] == "CarePlan")
    performers = [a["detail"]["performer"][0] for a in care_plan["activity"]]
    with_hpr = [p for p in performers if "identifier" in p]
    assert with_hpr == [
        {
            **with_hpr[0],
            "type": "Practitioner",
            "identifier": {"system": HPR_SYSTEM, "value": "9144889"},
        }
    ]
    assert bundle_from_fhir(made) == expected_contents()  # the identifiers change nothing
    put = every_example(teams=teams, method="PUT")
    assert put["entry"][0]["request"]["url"].startswith("Organization/")
    care = plan_to_fhir(plan, subject=PATIENT, hpr_numbers=hpr)
    assert plan_from_fhir(care) == plan


@pytest.mark.parametrize(
    ("kwargs", "rule"),
    [
        ({}, "give an organisation number, a RESH id, or both"),
        ({"organisation_number": "97476067"}, "must be 9 digits"),
        ({"organisation_number": "974760674"}, "wrong check digit"),
        ({"organisation_number": "123456780"}, "wrong check digit"),  # remainder 10: none
        ({"resh_id": "12a"}, "1 to 9 digits"),
        ({"resh_id": 123}, "1 to 9 digits"),
    ],
)
def test_bad_team_identifiers(kwargs: dict[str, Any], rule: str) -> None:
    with pytest.raises(ValidationError, match=rule):
        TeamIdentifiers(**kwargs)


def test_bad_mappings_of_identifiers() -> None:
    form = load_example("form")
    with pytest.raises(ValidationError, match=r"teams: .*must be a mapping"):
        bundle(PATIENT, form=form, teams=["team-bodoe"])  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"teams\[0\]: must map"):
        bundle(PATIENT, form=form, teams={"team-bodoe": "974760673"})  # type: ignore[dict-item]
    plan = load_example("plan")
    with pytest.raises(ValidationError, match=r"hpr_numbers: .*must be a mapping"):
        plan_to_fhir(plan, subject=PATIENT, hpr_numbers=["1"])  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"hpr_numbers\[0\]: must be an HPR") as info:
        plan_to_fhir(plan, subject=PATIENT, hpr_numbers={"Kari Nordmann": "HPR-1"})
    assert "Kari" not in str(info.value)
    with pytest.raises(ValidationError, match=r"hpr_numbers\[0\]: must map"):
        plan_to_fhir(plan, subject=PATIENT, hpr_numbers={1: "1"})  # type: ignore[dict-item]


def test_structure_definitions_have_snapshots_that_cover_the_differential() -> None:
    for sd in structure_definitions():
        StructureDefinition.model_validate(sd)
        validate(sd)
        snapshot = {e["id"]: e for e in sd["snapshot"]["element"]}
        for element in sd["differential"]["element"]:
            assert element["id"] in snapshot, (sd["id"], element["id"])
            merged = snapshot[element["id"]]
            for key, value in element.items():
                if key != "slicing":
                    assert merged[key] == value, (sd["id"], element["id"], key)
        for element in sd["snapshot"]["element"]:
            assert {"id", "path", "min", "max", "base", "definition", "short"} <= set(element)
            assert element["path"].startswith("Extension")
        assert snapshot["Extension.url"]["fixedUri"] == sd["url"]


def test_value_sets_include_each_code_system() -> None:
    for vs in value_sets():
        validate(vs)
        (include,) = vs["compose"]["include"]
        assert include["system"] == vs["url"].replace("/ValueSet/", "/CodeSystem/")


def test_the_package_is_written_for_the_validator(tmp_path: Path) -> None:
    archive = write_package(tmp_path / "one")
    assert archive.name == "laeringsnettverk.fhir-0.1.0.tgz"
    folder = tmp_path / "one" / "package"
    manifest = json.loads((folder / "package.json").read_text("utf-8"))
    assert manifest["name"] == "laeringsnettverk.fhir"
    assert manifest["fhirVersions"] == ["4.0.1"]
    assert manifest["canonical"] == DEFAULT_BASE_URL
    assert manifest["dependencies"] == {
        "hl7.fhir.r4.core": "4.0.1",
        "hl7.fhir.no.basis": "2.2.0",
    }
    index = json.loads((folder / ".index.json").read_text("utf-8"))
    resources = conformance_resources()
    assert len(index["files"]) == len(resources)
    for entry, resource in zip(index["files"], resources, strict=True):
        on_disk = json.loads((folder / entry["filename"]).read_text("utf-8"))
        assert on_disk == resource
        assert entry["resourceType"] == resource["resourceType"]
        validate(on_disk)
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        assert names[0] == "package/package.json"
        assert set(names) == {f"package/{p.name}" for p in folder.iterdir()}
    # byte-identical output for equal input
    again = write_package(tmp_path / "two")
    assert again.read_bytes() == archive.read_bytes()
    other = write_package(
        tmp_path / "own",
        base_url="https://fhir.example.no/ln",
        name="no.example.ln",
        version="2.0.0",
    )
    assert other.name == "no.example.ln-2.0.0.tgz"


@pytest.mark.parametrize(
    ("kwargs", "rule"),
    [
        ({"name": "Laeringsnettverk"}, "FHIR package name"),
        ({"name": "nodots"}, "FHIR package name"),
        ({"version": "1.0"}, "semantic version"),
    ],
)
def test_bad_package_arguments(kwargs: dict[str, Any], rule: str, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=rule):
        package_manifest(**kwargs)
    with pytest.raises(ValidationError, match=rule):
        write_package(tmp_path, **kwargs)


# -- 7. Identity numbers and ids ------------------------------------------------------------


def test_put_for_an_identity_number_needs_the_callers_key() -> None:
    subject = Subject.from_identity_number(FNR, synthetic=True)
    with pytest.raises(ValidationError, match=r"id_key: is required with method='PUT'"):
        bundle(subject, form=load_example("form"), method="PUT")
    made = bundle(subject, form=load_example("form"), method="PUT", id_key=KEY)
    validate(made)


def test_two_people_with_the_same_identifiers_never_share_a_resource_id() -> None:
    documents = {**examples(), "goals": [load_example("goal")]}

    def ids(number: str, key: bytes = KEY) -> list[str]:
        subject = Subject.from_identity_number(number, synthetic=True)
        made = bundle(subject, method="PUT", id_key=key, **documents)
        return [
            e["request"]["url"]
            for e in made["entry"]
            if e["resource"]["resourceType"] != "Questionnaire"
        ]

    one, other = ids(FNR), ids(DNR)
    assert set(one).isdisjoint(other)
    assert ids(FNR) == one  # the same person again: the same ids, so a PUT updates
    assert ids(FNR, b"another secret of 32 bytes, too.") != one  # the key matters
    # a literal reference mixes in too, without a key
    a = bundle(PATIENT, method="PUT", **documents)
    b = bundle("Patient/456", method="PUT", **documents)
    urls = {e["request"]["url"] for e in a["entry"]} & {e["request"]["url"] for e in b["entry"]}
    assert all(url.startswith("Questionnaire/") for url in urls)  # only the shared ones


def test_no_identity_number_in_any_url() -> None:
    for number in (FNR, DNR):
        subject = Subject.from_identity_number(number, synthetic=True)
        for method in ("POST", "PUT"):
            made = bundle(
                subject,
                goals=[load_example("goal")],
                method=method,  # type: ignore[arg-type]
                id_key=KEY,
                questionnaires=True,
                **examples(),
            )
            for entry in made["entry"]:
                assert number not in json.dumps(entry["request"])
                assert number not in entry["fullUrl"]
                assert number not in entry["resource"].get("id", "")


@pytest.mark.parametrize("key", [b"short", "a string key of 32 characters.."])
def test_a_bad_key_is_refused(key: Any) -> None:
    with pytest.raises(ValidationError, match=r"id_key: .*at least 16"):
        form_to_fhir(load_example("form"), subject=PATIENT, id_key=key)


def test_equal_inputs_give_byte_identical_output() -> None:
    form = load_example("form")
    first = form.conversations[0]
    reordered = Conversation(date=first.date, scores=dict(reversed(list(first.scores.items()))))
    assert list(reordered.scores) != list(first.scores)
    other = attrs.evolve(form, conversations=(reordered, *form.conversations[1:]))
    assert other == form
    for identifier in (form.identifier, None):
        a = attrs.evolve(form, identifier=identifier)
        b = attrs.evolve(other, identifier=identifier)
        for subject in (PATIENT, Subject.from_identity_number(FNR, synthetic=True)):
            left = json.dumps(bundle(subject, form=a, id_key=KEY), ensure_ascii=False)
            right = json.dumps(bundle(subject, form=b, id_key=KEY), ensure_ascii=False)
            assert left == right
    # a different score gives a different id (content, not repr, but content all the same)
    changed = attrs.evolve(
        form,
        identifier=None,
        conversations=(
            Conversation(date=first.date, scores={**first.scores, form.activity_names[0]: 9}),
            *form.conversations[1:],
        ),
    )
    assert (
        form_to_fhir(changed, subject=PATIENT).responses[0]["id"]
        != form_to_fhir(attrs.evolve(form, identifier=None), subject=PATIENT).responses[0]["id"]
    )
    # an int and a float are written apart, and so get ids apart
    item = ChecklistItem(text="Punkt", value=2)
    whole = CollaborationChecklist(items=[item], date=DAY)
    decimal = CollaborationChecklist(items=[attrs.evolve(item, value=2.0)], date=DAY)
    assert (
        checklist_to_fhir(whole, subject=PATIENT).response["id"]
        != (checklist_to_fhir(decimal, subject=PATIENT).response["id"])
    )


def test_kor_and_goal_ids_take_the_key_too() -> None:
    subject = Subject.from_identity_number(FNR, synthetic=True)
    unkeyed = kor_to_fhir(load_example("kor"), subject=subject)
    keyed = kor_to_fhir(load_example("kor"), subject=subject, id_key=KEY)
    assert unkeyed.responses[0]["id"] != keyed.responses[0]["id"]
    goal = load_example("goal")
    assert (
        goal_to_fhir(goal, subject=subject).goal["id"]
        != goal_to_fhir(goal, subject=subject, id_key=KEY).goal["id"]
    )
