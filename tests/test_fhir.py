"""FHIR R4: every produced resource validates, the R4 invariants hold, and the round trips hold.

Validation uses fhir.resources' R4B models (which match R4 for these resources) plus the
required value sets and invariants that the models do not check, evaluated with fhirpathpy
against the R4 model.
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.goal import Goal
from fhir.resources.R4B.observation import Observation as FhirObservation
from fhir.resources.R4B.organization import Organization
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.structuredefinition import StructureDefinition
from fhir.resources.R4B.valueset import ValueSet
from fhirpathpy import evaluate
from fhirpathpy.models import models
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.examples import load_example
from laeringsnettverk.fhir import (
    DEFAULT_BASE_URL,
    DNUMMER_SYSTEM,
    FOEDSELSNUMMER_SYSTEM,
    GOAL_ACCEPTANCE,
    HNUMMER_SYSTEM,
    MEASURE_STATUS_TO_FHIR,
    NO_BASIS_PATIENT,
    PROGRESS_TO_ACHIEVEMENT,
    BundleContents,
    Subject,
    bundle,
    bundle_from_fhir,
    checklist_from_fhir,
    checklist_to_fhir,
    code_systems,
    conformance_resources,
    form_from_fhir,
    form_to_fhir,
    goal_from_fhir,
    goal_to_fhir,
    kor_from_fhir,
    kor_questionnaire,
    kor_to_fhir,
    plan_from_fhir,
    plan_to_fhir,
    structure_definitions,
    ucum_code,
    write_conformance_resources,
)
from laeringsnettverk.goals import Indicator, IndicatorKind, Observation, ProgressStatus, SmartGoal
from laeringsnettverk.toolkit import (
    ActionPlan,
    Activity,
    ChecklistItem,
    CollaborationChecklist,
    Conversation,
    ItemStatus,
    KorRatings,
    Measure,
    MeasureStatus,
    Responsible,
    Scale,
    WhatMattersForm,
)
from strategies.goals import goals
from strategies.toolkit import action_plans, forms, kor_ratings, scales
from strategies.toolkit import checklists as any_checklists


def checklists() -> st.SearchStrategy[CollaborationChecklist]:
    """Checklists with a date: FHIR export needs one."""
    return any_checklists().map(lambda c: c if c.date else attrs.evolve(c, date=DAY))


ROOT = Path(__file__).resolve().parent.parent
PATIENT = Subject(reference="Patient/123")
# Synthetic numbers (month + 80, as Test Norge's): valid check digits, nobody's real number.
FNR = "15828912302"
DNR = "55828912487"
KEY = b"a secret the caller keeps, 32 b."
DAY = datetime.date(2020, 1, 1)

# -- validation ----------------------------------------------------------------------------

MODELS = {
    "Questionnaire": Questionnaire,
    "QuestionnaireResponse": QuestionnaireResponse,
    "Observation": FhirObservation,
    "Goal": Goal,
    "CarePlan": CarePlan,
    "Bundle": Bundle,
    "Patient": Patient,
    "CodeSystem": CodeSystem,
    "StructureDefinition": StructureDefinition,
    "ValueSet": ValueSet,
    "Organization": Organization,
}

# Required value sets (R4 4.0.1), checked by hand: the models accept any code.
ITEM_TYPES = {
    "group",
    "display",
    "boolean",
    "decimal",
    "integer",
    "date",
    "dateTime",
    "time",
    "string",
    "text",
    "url",
    "choice",
    "open-choice",
    "attachment",
    "reference",
    "quantity",
}
VALUE_SETS: dict[str, list[tuple[str, set[str]]]] = {
    "Questionnaire": [
        ("Questionnaire.status", {"draft", "active", "retired", "unknown"}),
        ("Questionnaire.repeat(item).type", ITEM_TYPES),
        ("Questionnaire.subjectType", {"Patient", "Group"}),
    ],
    "QuestionnaireResponse": [
        (
            "QuestionnaireResponse.status",
            {"in-progress", "completed", "amended", "entered-in-error", "stopped"},
        ),
    ],
    "Observation": [
        (
            "Observation.status",
            {
                "registered",
                "preliminary",
                "final",
                "amended",
                "corrected",
                "cancelled",
                "entered-in-error",
                "unknown",
            },
        ),
    ],
    "Goal": [
        (
            "Goal.lifecycleStatus",
            {
                "proposed",
                "planned",
                "accepted",
                "active",
                "on-hold",
                "completed",
                "cancelled",
                "entered-in-error",
                "rejected",
            },
        ),
        (
            "Goal.extension.where(url='" + GOAL_ACCEPTANCE + "').extension"
            ".where(url='status').value",
            {"agree", "disagree", "pending"},
        ),
    ],
    "CarePlan": [
        (
            "CarePlan.status",
            {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"},
        ),
        ("CarePlan.intent", {"proposal", "plan", "order", "option"}),
        (
            "CarePlan.activity.detail.status",
            {
                "not-started",
                "scheduled",
                "in-progress",
                "on-hold",
                "completed",
                "cancelled",
                "stopped",
                "unknown",
                "entered-in-error",
            },
        ),
    ],
    "Bundle": [
        ("Bundle.type", {"transaction"}),
        ("Bundle.entry.request.method", {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"}),
    ],
    "ValueSet": [("ValueSet.status", {"draft", "active", "retired", "unknown"})],
    "CodeSystem": [
        ("CodeSystem.status", {"draft", "active", "retired", "unknown"}),
        ("CodeSystem.content", {"not-present", "example", "fragment", "complete", "supplement"}),
    ],
    "StructureDefinition": [
        ("StructureDefinition.status", {"draft", "active", "retired", "unknown"}),
        (
            "StructureDefinition.kind",
            {"primitive-type", "complex-type", "resource", "logical"},
        ),
        ("StructureDefinition.derivation", {"specialization", "constraint"}),
        ("StructureDefinition.context.type", {"fhirpath", "element", "extension"}),
        ("StructureDefinition.fhirVersion", {"4.0.1"}),
        (
            "StructureDefinition.differential.element.slicing.discriminator.type",
            {"value", "exists", "pattern", "type", "profile"},
        ),
        ("StructureDefinition.differential.element.slicing.rules", {"closed", "open", "openAtEnd"}),
    ],
}

# R4 invariants, as expressions that must all be true.
INVARIANTS: dict[str, list[tuple[str, str]]] = {
    "Questionnaire": [
        (
            "que-1",
            "Questionnaire.repeat(item).all((type = 'group' implies item.empty().not())"
            " and (type = 'display' implies item.empty()))",
        ),
        ("que-2", "Questionnaire.descendants().linkId.isDistinct()"),
        (
            "que-6",
            "Questionnaire.repeat(item).all(type != 'display'"
            " or (required.empty() and repeats.empty()))",
        ),
        (
            "que-8",
            "Questionnaire.repeat(item).all((type != 'group' and type != 'display')"
            " or initial.empty())",
        ),
        # R4 says count() > 2; later versions fixed it to > 1, the stricter reading.
        (
            "que-12",
            "Questionnaire.repeat(item).all(enableWhen.count() > 1 implies enableBehavior.exists())",
        ),
        ("que-0", "Questionnaire.name.matches('[A-Z]([A-Za-z0-9_]){0,254}')"),
        ("que-4", "Questionnaire.repeat(item).all(answerOption.empty() or answerValueSet.empty())"),
        (
            "que-5",
            "Questionnaire.repeat(item).all((type ='choice' or type = 'open-choice'"
            " or type = 'decimal' or type = 'integer' or type = 'date' or type = 'dateTime'"
            " or type = 'time' or type = 'string' or type = 'quantity')"
            " or (answerValueSet.empty() and answerOption.empty()))",
        ),
        ("que-9", "Questionnaire.repeat(item).all(type != 'display' or readOnly.empty())"),
        ("que-11", "Questionnaire.repeat(item).all(answerOption.empty() or initial.empty())"),
    ],
    "QuestionnaireResponse": [
        (
            "qrs-1",
            "QuestionnaireResponse.descendants().where(linkId.exists())"
            ".all((answer.exists() and item.exists()).not())",
        ),
        (
            "qrs-2",
            "repeat(answer | item).select(item.where(answer.value.exists()).linkId.isDistinct())"
            ".allTrue()",
        ),
    ],
    "Observation": [
        ("obs-6", "Observation.dataAbsentReason.empty() or Observation.value.empty()"),
        (
            "obs-7",
            "Observation.value.empty() or Observation.component.code"
            ".where(coding.intersect(%resource.code.coding).exists()).empty()",
        ),
    ],
    "Goal": [
        (
            "gol-1",
            "Goal.target.all((detail.exists() and measure.exists()) or detail.exists().not())",
        ),
    ],
    "CarePlan": [
        ("cpl-3", "CarePlan.activity.all(detail.empty() or reference.empty())"),
    ],
    "StructureDefinition": [
        ("sdf-0", "StructureDefinition.name.matches('[A-Z]([A-Za-z0-9_]){0,254}')"),
        (
            "sdf-5",
            "StructureDefinition.all(type != 'Extension' or derivation = 'specialization'"
            " or (context.exists()))",
        ),
        ("sdf-6", "StructureDefinition.all(snapshot.exists() or differential.exists())"),
        (
            "sdf-8a",
            "StructureDefinition.all((kind = 'logical') or"
            " (differential.element.first().path.startsWith(%resource.type) and"
            " differential.element.tail().all(path.startsWith(%resource.type&'.'))))",
        ),
        (
            "sdf-9",
            "StructureDefinition.all(children().element.where(path.contains('.').not())"
            ".label.empty() and children().element.where(path.contains('.').not()).code.empty()"
            " and children().element.where(path.contains('.').not()).requirements.empty())",
        ),
        ("sdf-14", "StructureDefinition.all(differential.element.all(id.exists()))"),
        (
            "sdf-15a",
            "StructureDefinition.all((kind!='logical' and"
            " differential.element.first().path.contains('.').not())"
            " implies differential.element.first().type.empty())",
        ),
        ("sdf-17", "StructureDefinition.all(differential.element.id.isDistinct())"),
        (
            "sdf-18",
            "StructureDefinition.all(contextInvariant.exists() implies type = 'Extension')",
        ),
        (
            "eld-2",
            "StructureDefinition.differential.element.all(min.empty() or max.empty()"
            " or (max = '*') or iif(max != '*', min <= max.toInteger()))",
        ),
        (
            "eld-16",
            "StructureDefinition.differential.element.all(sliceName.empty()"
            " or sliceName.matches('^[a-zA-Z0-9\\/\\-_\\[\\]\\@]+$'))",
        ),
        (
            "eld-1",
            "StructureDefinition.differential.element.slicing"
            ".all(discriminator.exists() or description.exists())",
        ),
    ],
    "Bundle": [
        ("bdl-7", "Bundle.entry.where(fullUrl.exists()).select(fullUrl).isDistinct()"),
        ("bdl-3", "Bundle.entry.all(request.exists())"),
    ],
}

# R4's string regex [ \r\n\t\S]+ read as Java (the HL7 validator): \S is all but the six
# ASCII whitespace characters, so a no-break space is a string's character
FHIR_STRING = re.compile(r"^[^\x0b\x0c]+$")
ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
VALUE_KEYS = re.compile(r"^value[A-Z]")


def fp(resource: dict[str, Any], expression: str) -> list[Any]:
    return list(evaluate(resource, expression, {"resource": resource}, models["r4"]))


def _walk(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _walk(sub, f"{path}.{key}")
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _walk(sub, f"{path}[{i}]")


def check_json(resource: dict[str, Any]) -> None:
    """FHIR JSON rules: no nulls or empty values, strings FHIR can hold, extensions well formed."""
    for path, value in _walk(resource, "$"):
        assert value is not None, path
        if isinstance(value, dict | list):
            assert value, f"{path} is empty"
        if isinstance(value, str):
            assert FHIR_STRING.match(value), f"{path}: not a FHIR string"
            # Validators reject all-whitespace strings; fhir.resources reads the regex as
            # Python, which refuses a string that begins with other Unicode whitespace.
            assert value.strip(), f"{path}: only whitespace"
            assert value[0] in " \r\n\t" or not value[0].isspace(), path
            assert "\ufeff" not in value, path
            assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", value), path
        if isinstance(value, float):
            assert value == value and abs(value) != float("inf"), path
        if isinstance(value, dict) and "url" in value and ".extension[" in path:
            values = [k for k in value if VALUE_KEYS.match(k)]
            nested = "extension" in value
            assert (len(values) == 1) != nested, f"{path}: ext-1 (value or extensions)"
        if isinstance(value, dict) and "resourceType" in value and "id" in value:
            assert ID.match(value["id"]), f"{path}.id"


def validate(resource: dict[str, Any]) -> None:
    """Validate one resource: the R4B model, JSON rules, required codes, R4 invariants."""
    kind = resource["resourceType"]
    MODELS[kind].model_validate(resource)
    check_json(resource)
    for expression, allowed in VALUE_SETS.get(kind, []):
        found = set(fp(resource, expression))
        assert found <= allowed, f"{kind} {expression}: {found - allowed}"
    for key, expression in INVARIANTS.get(kind, []):
        assert fp(resource, expression) in ([True], []), f"{kind} breaks {key}"
    for path, _ in _walk(resource, "$"):
        if path.endswith(".comparator"):
            raise AssertionError(f"{path}: the library never sets a comparator")
    if kind == "QuestionnaireResponse":
        _check_sibling_answers(resource)
    check_extensions(resource)
    if kind == "Bundle":
        check_references(resource)
        for entry in resource.get("entry", []):
            validate(entry["resource"])


CORE_EXTENSIONS = {
    # core R4 extensions the library uses: url → (value types, contexts)
    "http://hl7.org/fhir/StructureDefinition/minValue": (
        {"integer", "decimal"},
        "Questionnaire.item",
    ),
    "http://hl7.org/fhir/StructureDefinition/maxValue": (
        {"integer", "decimal"},
        "Questionnaire.item",
    ),
    "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces": ({"integer"}, "Questionnaire.item"),
    GOAL_ACCEPTANCE: (set(), "Goal"),
}
_DEFINITIONS: dict[str, dict[str, dict[str, Any]]] = {}

#: every extension URL seen by check_extensions, and where (for the coverage test)
SEEN_EXTENSIONS: dict[str, set[str]] = {}


def definitions(base: str) -> dict[str, dict[str, Any]]:
    if base not in _DEFINITIONS:
        _DEFINITIONS[base] = {sd["url"]: sd for sd in structure_definitions(base)}
    return _DEFINITIONS[base]


def value_type(extension: dict[str, Any]) -> str | None:
    keys = [k for k in extension if VALUE_KEYS.match(k)]
    if not keys:
        return None
    (key,) = keys
    name = key.removeprefix("value")
    # primitive types are lower camel case (valueString → string), complex ones not
    lower = name[0].lower() + name[1:]
    return (
        lower
        if lower in {"string", "integer", "decimal", "boolean", "code", "uri", "date"}
        else name
    )


def _element_path(kind: str, keys: list[str]) -> str:
    if keys and keys[-1] == "valueReference":
        return "Reference"
    path = ".".join([kind, *keys])
    while ".item.item" in path:  # Questionnaire(Response).item.item is item again
        path = path.replace(".item.item", ".item")
    return path.replace(".answer.item", ".item")


def check_extensions(resource: dict[str, Any]) -> None:
    """Every extension is a core one or has a StructureDefinition, and fits it."""
    kind = resource["resourceType"]
    if kind in ("Bundle", "StructureDefinition"):
        return  # the entries are checked one by one; definitions hold no extensions

    def visit(node: Any, keys: list[str]) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item, keys)
            return
        if not isinstance(node, dict):
            return
        for key, value in node.items():
            if key == "extension":
                context = _element_path(kind, keys)
                urls = [e["url"] for e in value]
                for extension in value:
                    check_extension(extension, context, urls.count(extension["url"]))
                    visit(extension, [*keys, key])
            else:
                visit(value, [*keys, key])

    visit(resource, [])


def check_extension(extension: dict[str, Any], context: str, count: int) -> None:
    url = extension["url"]
    SEEN_EXTENSIONS.setdefault(url, set()).add(context)
    if url in CORE_EXTENSIONS:
        types, where = CORE_EXTENSIONS[url]
        assert context == where, (url, context)
        assert value_type(extension) in types | {None}, (url, value_type(extension))
        return
    if ":" not in url:
        return  # a part of a complex extension (a relative url): checked with its extension
    base = url.split("/StructureDefinition/")[0]
    sd = definitions(base).get(url)
    assert sd is not None, f"{url}: no StructureDefinition"
    assert context in [c["expression"] for c in sd["context"]], (url, context)
    elements = {e["id"]: e for e in sd["differential"]["element"]}
    assert count <= 1 or elements["Extension"]["max"] == "*", f"{url} repeats"
    if "type" in elements["Extension.value[x]"]:
        allowed = [t["code"] for t in elements["Extension.value[x]"]["type"]]
        assert value_type(extension) in allowed, (url, value_type(extension), allowed)
        assert "extension" not in extension
        return
    assert value_type(extension) is None, url
    parts = extension["extension"]
    names = [p["url"] for p in parts]
    slices = {e["sliceName"] for e in elements.values() if "sliceName" in e}
    assert set(names) <= slices, (url, set(names) - slices)
    for name in slices:
        prefix = f"Extension.extension:{name}"
        assert names.count(name) <= int(elements[prefix]["max"]), (url, name)
        assert names.count(name) >= elements[prefix]["min"], (url, name, "missing")
    for part in parts:
        allowed = [
            t["code"] for t in elements[f"Extension.extension:{part['url']}.value[x]"]["type"]
        ]
        assert value_type(part) in allowed, (url, part["url"], value_type(part), allowed)


def _check_sibling_answers(node: dict[str, Any]) -> None:
    """qrs-2 for every level, including the top (the R4 expression misses it)."""
    answered = [i["linkId"] for i in node.get("item", []) if "answer" in i]
    assert len(answered) == len(set(answered)), f"repeated answered linkIds {answered}"
    for item in node.get("item", []):
        _check_sibling_answers(item)
        for answer in item.get("answer", []):
            _check_sibling_answers(answer)


def check_references(bundle_: dict[str, Any]) -> None:
    """Every urn:uuid reference resolves to an entry; a POST has no id, a PUT its own id."""
    full_urls = {e["fullUrl"] for e in bundle_.get("entry", [])}
    for entry in bundle_.get("entry", []):
        resource, request = entry["resource"], entry["request"]
        if request["method"] == "POST":
            assert "id" not in resource
            assert request["url"] == resource["resourceType"]
        else:
            assert request == {
                "method": "PUT",
                "url": f"{resource['resourceType']}/{resource['id']}",
            }
            assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
        for path, value in _walk(entry["resource"], "$"):
            if path.endswith(".reference"):
                assert not value.startswith(("QuestionnaireResponse/", "Observation/", "Goal/")), (
                    f"{path}: {value} left unresolved"
                )
                if value.startswith("urn:uuid:"):
                    assert value in full_urls, f"{path}: {value} does not resolve"


def validate_all(resources: tuple[dict[str, Any], ...]) -> None:
    for resource in resources:
        validate(resource)


ANSWER_TYPES = {
    "integer": "valueInteger",
    "string": "valueString",
    "text": "valueString",
    "decimal": "valueDecimal",
    "date": "valueDate",
    "choice": "valueCoding",
}


def check_against(questionnaire: dict[str, Any], response: dict[str, Any]) -> None:
    """A response fits its Questionnaire, as a validator that resolves it checks."""
    canonical = questionnaire["url"]
    if "version" in questionnaire:
        canonical += "|" + questionnaire["version"]
    assert response["questionnaire"] == canonical
    subject = response["subject"].get("reference", "Patient/")
    kind = "Group" if "Group/" in subject else "Patient"
    assert kind in questionnaire["subjectType"]

    def walk(definitions: list[dict[str, Any]], answers: list[dict[str, Any]]) -> None:
        by_link = {d["linkId"]: d for d in definitions}
        order = [d["linkId"] for d in definitions]
        links = [a["linkId"] for a in answers]
        assert all(link in by_link for link in links), links
        positions = [order.index(link) for link in links]
        assert positions == sorted(positions), "items out of the Questionnaire's order"
        for d in definitions:
            count = links.count(d["linkId"])
            if d.get("required"):
                assert count >= 1, f"{d['linkId']} is required"
            if not d.get("repeats"):
                assert count <= 1, f"{d['linkId']} does not repeat"
        for item in answers:
            d = by_link[item["linkId"]]
            assert item.get("text", d.get("text")) == d.get("text"), d["linkId"]
            if d["type"] == "group":
                assert "answer" not in item
                walk(d["item"], item.get("item", []))
                continue
            for answer in item["answer"]:
                (key,) = [k for k in answer if k.startswith("value")]
                assert key == ANSWER_TYPES[d["type"]], (d["linkId"], key)
                bounds = {e["url"].rsplit("/", 1)[1]: e for e in d.get("extension", [])}
                if "minValue" in bounds:
                    (low,) = [v for k, v in bounds["minValue"].items() if k != "url"]
                    assert answer[key] >= low
                if "maxValue" in bounds:
                    (high,) = [v for k, v in bounds["maxValue"].items() if k != "url"]
                    assert answer[key] <= high
                if "maxDecimalPlaces" in bounds:
                    places = bounds["maxDecimalPlaces"]["valueInteger"]
                    assert round(answer[key], places) == answer[key]
                if "answerOption" in d:
                    options = [
                        (o["valueCoding"]["system"], o["valueCoding"]["code"])
                        for o in d["answerOption"]
                    ]
                    assert (answer[key]["system"], answer[key]["code"]) in options
                walk(d.get("item", []), answer.get("item", []))

    walk(questionnaire["item"], response.get("item", []))


# -- examples ------------------------------------------------------------------------------


def test_form_example_maps_to_a_questionnaire_responses_and_an_observation() -> None:
    form = load_example("form")
    made = form_to_fhir(form, subject=PATIENT)
    validate_all(made.resources())
    q = made.questionnaire
    assert fp(q, "Questionnaire.item.where(linkId='aktivitet').repeats") == [True]
    score = "Questionnaire.item.item.where(linkId='aktivitet.skaar')"
    assert fp(q, f"{score}.type") == ["integer"]
    assert fp(q, f"{score}.extension.where(url.endsWith('/minValue')).value") == [1]
    assert fp(q, f"{score}.extension.where(url.endsWith('/maxValue')).value") == [10]
    assert fp(q, "Questionnaire.item.item.where(linkId='aktivitet.navn').type") == ["string"]
    assert len(made.responses) == 2
    first = made.responses[0]
    assert first["questionnaire"] == f"{q['url']}|{q['version']}"
    assert first["subject"] == {"reference": "Patient/123"}
    assert first["authored"] == "2015-02-05"
    assert fp(first, "QuestionnaireResponse.item.item.where(linkId='aktivitet.skaar').answer.value")
    scores = [g["item"][2]["answer"][0]["valueInteger"] for g in first["item"]]  # name, area, score
    assert scores == [1, 4, 1, 2]
    assert all(type(s) is int for s in scores)
    obs = made.observation
    assert obs is not None
    assert obs["category"][0]["coding"][0]["code"] == "survey"
    values = {
        (c["code"]["coding"][0]["code"], c["code"].get("text")): c["valueQuantity"]["value"]
        for c in obs["component"]
    }
    assert values == {
        ("snittskaare", "Snittskåre, 1. samtale"): 2.0,
        ("snittskaare", "Snittskåre, 2. samtale"): 5.0,
        ("opplevd_nytte", "Opplevd nytte fra 1. til 2. samtale"): 3.0,
    }
    assert {c["valueQuantity"]["unit"] for c in obs["component"]} == {"{score}"}
    assert obs["derivedFrom"] == [
        {"reference": f"QuestionnaireResponse/{r['id']}"} for r in made.responses
    ]
    assert "valueDecimal" not in json.dumps(obs)
    assert form_from_fhir(q, made.responses) == form
    assert form_from_fhir(q, reversed(made.responses)) == form


def test_checklist_example_maps_to_a_response_and_fidelity_in_percent() -> None:
    checklist = load_example("checklist")
    made = checklist_to_fhir(checklist, subject=PATIENT)
    validate_all(made.resources())
    codes = fp(made.response, "QuestionnaireResponse.item.answer.value.code")
    assert codes == [item.status.code for item in checklist.items]
    assert set(codes) == {"gjennomfoert", "ikke_aktuelt", "ikke_gjennomfoert"}
    systems = set(fp(made.response, "QuestionnaireResponse.item.answer.value.system"))
    assert systems == {f"{DEFAULT_BASE_URL}/CodeSystem/item-status"}
    assert made.observation["valueQuantity"] == {
        "value": 80.0,
        "unit": "%",
        "system": "http://unitsofmeasure.org",
        "code": "%",
    }
    assert [c["valueInteger"] for c in made.observation["component"]] == [8, 10]
    carries = fp(
        made.response, "QuestionnaireResponse.item.extension.where(url.endsWith('carries-mean-of'))"
    )
    assert [e["valueInteger"] for e in carries] == [1, 2]
    assert checklist_from_fhir(made.response) == checklist


def test_kor_example_maps_to_responses_and_totals() -> None:
    kor = load_example("kor")
    made = kor_to_fhir(kor, subject=PATIENT)
    validate_all(made.resources())
    assert len(made.responses) == 3
    assert len(made.observations) == 6
    totals = [o["valueQuantity"]["value"] for o in made.observations]
    pairs = [t for pair in zip(kor.ors_totals(), kor.srs_totals(), strict=True) for t in pair]
    assert totals == pairs
    ors = made.responses[0]["item"][0]
    assert [i["answer"][0]["valueDecimal"] for i in ors["item"]] == [4.1, 5.2, 3.0, 4.5]
    assert kor_from_fhir(made.responses) == kor
    assert kor_from_fhir(reversed(made.responses)) == kor


def test_plan_example_maps_to_a_care_plan() -> None:
    plan = load_example("plan")
    care_plan = plan_to_fhir(plan, subject=PATIENT, goals=["Goal/1"])
    validate(care_plan)
    assert care_plan["intent"] == "plan"
    assert care_plan["status"] == "active"
    detail = care_plan["activity"][1]["detail"]
    assert detail["status"] == "completed"
    assert detail["description"] == "Følge brukeren til butikken to ganger i uka"
    assert detail["performer"][0]["display"] == "Kari Nordmann (miljøterapeut)"
    assert detail["scheduledPeriod"] == {"end": "2015-04-01"}
    assert detail["goal"] == [{"reference": "Goal/1"}]
    assert care_plan["goal"] == [{"reference": "Goal/1"}]
    assert care_plan["activity"][1]["progress"] == [
        {"text": "Fint å ha med noen de første gangene"}
    ]
    assert care_plan["category"][0]["coding"][0]["code"] == "individuell_plan"
    assert plan_from_fhir(care_plan) == plan


def test_goal_example_maps_to_a_goal_with_its_baseline() -> None:
    goal = load_example("goal")
    made = goal_to_fhir(goal, subject=PATIENT, achievement=ProgressStatus.ON_TRACK)
    validate_all(made.resources())
    g = made.goal
    assert made.baseline is not None
    assert g["addresses"] == [{"reference": f"Observation/{made.baseline['id']}"}]
    assert g["description"] == {"text": goal.statement}
    assert g["lifecycleStatus"] == "active"
    assert g["achievementStatus"]["coding"][0]["code"] == "improving"
    assert g["startDate"] == "2015-02-05"
    target = g["target"][0]
    assert target["measure"]["coding"][0]["code"] == "skjema_snitt"
    score = {"unit": "poeng", "system": "http://unitsofmeasure.org", "code": "{score}"}
    # higher is better: the goal is met at 5 or above
    assert target["detailRange"] == {"low": {"value": 5.0, **score}}
    assert target["dueDate"] == "2015-12-31"
    acceptance = [e for e in g["extension"] if e["url"] == GOAL_ACCEPTANCE]
    assert len(acceptance) == 3
    assert all(e["extension"][1] == {"url": "status", "valueCode": "agree"} for e in acceptance)
    assert made.baseline["valueQuantity"] == {"value": 2.0, **score}
    assert made.baseline["effectiveDateTime"] == "2015-02-05"
    assert goal_from_fhir(g, made.baseline) == goal


def test_progress_statuses_map_to_r4_goal_achievement_codes() -> None:
    r4 = {
        "in-progress",
        "improving",
        "worsening",
        "no-change",
        "achieved",
        "sustaining",
        "not-achieved",
        "no-progress",
        "not-attainable",
    }
    assert set(PROGRESS_TO_ACHIEVEMENT) == set(ProgressStatus)
    assert {code for code, _ in PROGRESS_TO_ACHIEVEMENT.values()} <= r4
    assert set(MEASURE_STATUS_TO_FHIR) == set(MeasureStatus)
    assert len(set(MEASURE_STATUS_TO_FHIR.values())) == len(MeasureStatus)


def test_bundle_of_every_example_for_a_foedselsnummer() -> None:
    examples = {k: load_example(k) for k in ("form", "checklist", "kor", "plan", "goal")}
    made = bundle(
        Subject.from_identity_number(FNR, synthetic=True),
        form=examples["form"],
        checklist=examples["checklist"],
        kor=examples["kor"],
        plan=examples["plan"],
        goals=[examples["goal"]],
    )
    validate(made)
    Bundle.model_validate(made)
    # No Patient is created: the record system has the person; every subject is a logical
    # reference, and the number is in no URL (no ifNoneExist, no conditional reference).
    assert "Patient" not in [e["resource"]["resourceType"] for e in made["entry"]]
    subjects = {
        json.dumps(e["resource"]["subject"]) for e in made["entry"] if "subject" in e["resource"]
    }
    logical = {"type": "Patient", "identifier": {"system": FOEDSELSNUMMER_SYSTEM, "value": FNR}}
    assert subjects == {json.dumps(logical)}
    assert all(FNR not in json.dumps(e["request"]) for e in made["entry"])
    kinds = [e["resource"]["resourceType"] for e in made["entry"]]
    assert kinds.count("QuestionnaireResponse") == 2 + 1 + 3
    by_url = {e["fullUrl"]: e["resource"] for e in made["entry"]}
    (care_plan,) = (r for r in by_url.values() if r["resourceType"] == "CarePlan")
    (goal,) = (r for r in by_url.values() if r["resourceType"] == "Goal")
    assert by_url[care_plan["goal"][0]["reference"]] is goal
    assert by_url[goal["addresses"][0]["reference"]]["resourceType"] == "Observation"
    back = bundle_from_fhir(made)
    assert back == BundleContents(
        form=examples["form"],
        checklist=examples["checklist"],
        kor=examples["kor"],
        plan=examples["plan"],
        goals=[examples["goal"]],
    )
    assert FNR not in repr(back)


@pytest.mark.parametrize("mode", ["json", "python"])
def test_what_a_fhir_library_gives_back_reads_back(mode: str) -> None:
    """Resources that went through fhir.resources (floats, dates as objects) read back."""
    ex = {k: load_example(k) for k in ("form", "checklist", "kor", "plan")}
    goal = load_example("goal")
    made = bundle(Subject.from_identity_number(DNR, synthetic=True), goals=[goal], **ex)
    model = Bundle.model_validate(made)
    dumped = json.loads(model.model_dump_json()) if mode == "json" else model.model_dump()
    if mode == "json":
        assert dumped == made
    assert bundle_from_fhir(dumped) == BundleContents(goals=[goal], **ex)


def test_bundle_for_a_reference_has_no_patient_and_keeps_the_reference() -> None:
    made = bundle(PATIENT, form=load_example("form"))
    validate(made)
    kinds = [e["resource"]["resourceType"] for e in made["entry"]]
    assert "Patient" not in kinds
    assert "Questionnaire" not in kinds  # the toolkit's scale: the published one
    assert made["entry"][0]["resource"]["subject"] == {"reference": "Patient/123"}
    assert bundle_from_fhir(made).form == load_example("form")


def test_an_empty_bundle_is_valid() -> None:
    made = bundle(PATIENT)
    assert made == {"resourceType": "Bundle", "language": "nb", "type": "transaction"}
    validate(made)
    assert bundle_from_fhir(made) == BundleContents()


def test_bundle_rejects_the_same_goal_twice() -> None:
    goal = load_example("goal")
    with pytest.raises(ValidationError, match=r"goals\[1\]: duplicates goals\[0\]"):
        bundle(PATIENT, goals=[goal, goal])
    # Two versions of a goal (same identifier) cannot both be sent: they would be one Goal.
    revised = attrs.evolve(goal, identifier="mål-1", target=6)
    with pytest.raises(ValidationError, match="two with the same identifier"):
        bundle(PATIENT, goals=[attrs.evolve(goal, identifier="mål-1"), revised])


def test_bundle_refuses_a_urn_subject_it_cannot_resolve() -> None:
    subject = Subject(reference="urn:uuid:0b4e8a0e-1c32-4b8e-9d4a-2f1c9d0e7a11")
    with pytest.raises(ValidationError, match="cannot resolve"):
        bundle(subject, form=load_example("form"))
    # A single resource may still refer to it: the caller sends it with its target.
    made = form_to_fhir(load_example("form"), subject=subject)
    assert made.responses[0]["subject"] == {"reference": subject.reference}


def test_ids_are_stable_per_identifier_and_never_shared_between_subjects() -> None:
    form = load_example("form")
    assert form.identifier is not None
    one = form_to_fhir(form, subject=PATIENT)
    other = form_to_fhir(form, subject="Patient/456")
    ids = {r["id"] for r in one.resources()}
    assert len(ids) == len(one.resources())
    # only the shared Questionnaire is the same resource for both
    assert ids & {r["id"] for r in other.resources()} == {one.questionnaire["id"]}
    # A later conversation keeps the ids of what was there (so a PUT updates it).
    later = Conversation(date=datetime.date(2015, 9, 1), scores={form.activities[0].name: 7})
    grown = form_to_fhir(
        attrs.evolve(form, conversations=(*form.conversations, later)), subject=PATIENT
    )
    assert grown.questionnaire["id"] == one.questionnaire["id"]
    assert [r["id"] for r in grown.responses[:2]] == [r["id"] for r in one.responses]
    # Without an identifier the id follows the content (the Questionnaire is shared).
    bare = form_to_fhir(attrs.evolve(form, identifier=None), subject=PATIENT)
    assert bare.questionnaire == one.questionnaire
    assert bare.responses[0]["id"] != one.responses[0]["id"]
    # An identity number never feeds an id unkeyed: it could be found by trying them all.
    fnr = form_to_fhir(form, subject=Subject.from_identity_number(FNR, synthetic=True))
    dnr = form_to_fhir(form, subject=Subject.from_identity_number(DNR, synthetic=True))
    assert [r["id"] for r in fnr.resources()] == [r["id"] for r in dnr.resources()]


def test_a_put_bundle_keeps_the_ids_and_sends_the_same_ids_again() -> None:
    ex = {k: load_example(k) for k in ("form", "checklist", "kor", "plan", "goal")}
    subject = Subject.from_identity_number(FNR, synthetic=True)
    made = bundle(subject, method="PUT", goals=[ex.pop("goal")], id_key=KEY, **ex)
    validate(made)
    rest = made["entry"]
    for entry in rest:
        resource = entry["resource"]
        assert entry["request"] == {
            "method": "PUT",
            "url": f"{resource['resourceType']}/{resource['id']}",
        }
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
    assert bundle_from_fhir(made).form == ex["form"]
    # A later conversation: the same ids again, plus one response more.
    form = ex["form"]
    later = Conversation(date=datetime.date(2015, 9, 1), scores={form.activities[0].name: 7})
    ex["form"] = attrs.evolve(form, conversations=(*form.conversations, later))
    again = bundle(subject, method="PUT", goals=[load_example("goal")], id_key=KEY, **ex)
    before = {e["request"]["url"] for e in rest}
    after = {e["request"]["url"] for e in again["entry"]}
    assert before < after
    assert len(after - before) == 1


@pytest.mark.parametrize(
    ("kwargs", "rule"),
    [
        # Without an identifier the ids follow the content: a PUT could not update.
        ({"form": WhatMattersForm(activities=[Activity(name="Sove")])}, r"form\.identifier"),
        ({"goals": [SmartGoal(statement="Mål")]}, r"goals\[0\]\.identifier"),
        ({"method": "PATCH"}, "must be 'POST' or 'PUT'"),  # not a method the library makes
    ],
)
def test_bad_put_bundles(kwargs: dict[str, Any], rule: str) -> None:
    with pytest.raises(ValidationError, match=rule):
        bundle(PATIENT, **{"method": "PUT", **kwargs})


def test_resources_are_deterministic_and_follow_the_base_url() -> None:
    form = load_example("form")
    assert form_to_fhir(form, subject=PATIENT) == form_to_fhir(form, subject=PATIENT)
    base = "https://fhir.example.kommune.no/laering"
    made = form_to_fhir(form, subject=PATIENT, base_url=base + "/")
    text = json.dumps(made.resources())
    assert DEFAULT_BASE_URL not in text
    assert f"{base}/CodeSystem/instrument" in text
    assert form_from_fhir(made.questionnaire, made.responses, base_url=base) == form
    # Read with the wrong base URL, the library's extensions are not recognised.
    with pytest.raises(ValidationError):
        form_from_fhir(made.questionnaire, made.responses)


def test_code_systems_validate_and_cover_every_code_used() -> None:
    systems = code_systems()
    for cs in systems:
        validate(cs)
    defined = {(cs["url"], c["code"]) for cs in systems for c in cs["concept"]}
    ex = {k: load_example(k) for k in ("form", "checklist", "kor", "plan", "goal")}
    made = bundle(
        PATIENT,
        form=ex["form"],
        checklist=ex["checklist"],
        kor=ex["kor"],
        plan=ex["plan"],
        goals=[ex["goal"]],
    )
    used = {
        (value["system"], value["code"])
        for _, value in _walk(made, "$")
        if isinstance(value, dict)
        and str(value.get("system", "")).startswith(DEFAULT_BASE_URL + "/CodeSystem/")
    }
    assert used
    assert used <= defined


def test_no_fhir_library_is_imported_at_run_time() -> None:
    code = (
        "import sys, laeringsnettverk.fhir as f\n"
        "from laeringsnettverk.examples import load_example as L\n"
        "f.bundle(f.Subject(reference='Patient/1'), form=L('form'), checklist=L('checklist'),"
        " kor=L('kor'), plan=L('plan'), goals=[L('goal')])\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in"
        " ('fhir', 'fhirpathpy', 'pydantic', 'fhir_core')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- properties ----------------------------------------------------------------------------


@given(forms(scale=scales()), st.sampled_from([PATIENT, Subject(reference="Group/rop")]))
def test_form_round_trip_and_validity(form: WhatMattersForm, subject: Subject) -> None:
    made = form_to_fhir(form, subject=subject)
    validate_all(made.resources())
    for response in made.responses:
        check_against(made.questionnaire, response)
    assert form_from_fhir(made.questionnaire, made.responses) == form


@given(checklists())
def test_checklist_round_trip_and_validity(checklist: CollaborationChecklist) -> None:
    made = checklist_to_fhir(checklist, subject=PATIENT)
    validate_all(made.resources())
    back = checklist_from_fhir(made.response)
    assert back == checklist
    assert [type(i.value) for i in back.items] == [type(i.value) for i in checklist.items]


@given(kor_ratings())
def test_kor_round_trip_and_validity(ratings: KorRatings) -> None:
    made = kor_to_fhir(ratings, subject=PATIENT)
    validate_all(made.resources())
    assert kor_from_fhir(made.responses) == ratings


@given(action_plans())
def test_plan_round_trip_and_validity(plan: ActionPlan) -> None:
    care_plan = plan_to_fhir(plan, subject=PATIENT)
    validate(care_plan)
    assert plan_from_fhir(care_plan) == plan


@given(goals())
def test_goal_round_trip_and_validity(goal: SmartGoal) -> None:
    made = goal_to_fhir(goal, subject=PATIENT)
    validate_all(made.resources())
    back = goal_from_fhir(made.goal, made.baseline)
    assert back == goal
    if goal.target is not None:
        assert type(back.target) is type(goal.target)


@given(
    st.one_of(st.none(), forms(scale=scales())),
    st.one_of(st.none(), checklists()),
    st.one_of(st.none(), kor_ratings()),
    st.one_of(st.none(), action_plans()),
    st.lists(goals(), max_size=3, unique_by=lambda g: g.identifier or repr(g)),
    st.sampled_from([FNR, DNR, None]),
)
def test_bundle_round_trip_and_validity(
    form: WhatMattersForm | None,
    checklist: CollaborationChecklist | None,
    kor: KorRatings | None,
    plan: ActionPlan | None,
    goal_list: list[SmartGoal],
    number: str | None,
) -> None:
    subject = PATIENT if number is None else Subject.from_identity_number(number, synthetic=True)
    made = bundle(subject, form=form, checklist=checklist, kor=kor, plan=plan, goals=goal_list)
    validate(made)
    # A FHIR library gives the same JSON back: no number changes type or value.
    assert json.loads(Bundle.model_validate(made).model_dump_json()) == made
    assert bundle_from_fhir(made) == BundleContents(
        form=form, checklist=checklist, kor=kor, plan=plan, goals=goal_list
    )


# Text that FHIR strings cannot hold (empty, other whitespace, controls) still round-trips.
awkward = st.sampled_from(
    ["", " ", "a\u00a0b", "\u2028", "x\x00y", "\ufeff", '"\\', '"quoted"', "  Sove  ", "\x85"]
)


@given(awkward, awkward, st.text(), st.text())
def test_text_fhir_cannot_hold_survives_and_stays_valid(a: str, b: str, c: str, d: str) -> None:
    names = ("x" + a, "y" + b, "z" + c)
    form = WhatMattersForm(
        activities=[Activity(name=n, area=area) for n, area in zip(names, (b, c, d), strict=True)],
        conversations=[Conversation(date=datetime.date(2020, 1, 1), scores={"x" + a: 3})],
        identifier=b,
        team=c,
    )
    made = form_to_fhir(form, subject=PATIENT)
    validate_all(made.resources())
    assert form_from_fhir(made.questionnaire, made.responses) == form
    item = ChecklistItem(text="t" + a, note=b)
    checklist = CollaborationChecklist(items=[item], identifier=c, team=d, form=a, date=DAY)
    resp = checklist_to_fhir(checklist, subject=PATIENT)
    validate_all(resp.resources())
    assert checklist_from_fhir(resp.response) == checklist
    measure = Measure(
        description="m" + a,
        responsible=Responsible(role="r" + b, name=c),
        serves=["s" + d],
        comments=[a, b, c],
    )
    plan = ActionPlan(measures=[measure], identifier=d)
    care_plan = plan_to_fhir(plan, subject=PATIENT)
    validate(care_plan)
    assert plan_from_fhir(care_plan) == plan
    goal = SmartGoal(statement="g" + a, population=b, owner=c, rationale=d, identifier=a)
    g = goal_to_fhir(goal, subject=PATIENT)
    validate_all(g.resources())
    assert goal_from_fhir(g.goal, g.baseline) == goal


def test_a_form_without_conversations_keeps_its_activities() -> None:
    form = WhatMattersForm(
        activities=[Activity(name="Sove"), Activity(name="Handle", area="Hverdag")],
        scale=Scale(minimum=0, maximum=10, higher_is_better=False),
    )
    made = form_to_fhir(form, subject=PATIENT)
    (response,) = made.responses  # the activities, in a response without a date
    assert response["status"] == "in-progress"
    assert "authored" not in response
    assert made.observation is None
    validate_all(made.resources())
    check_against(made.questionnaire, response)
    assert form_from_fhir(made.questionnaire, made.responses) == form


def test_a_goal_with_a_target_but_no_indicator_still_meets_gol_1() -> None:
    goal = SmartGoal(
        statement="Færre innleggelser",
        baseline=Observation(date=datetime.date(2020, 1, 1), value=12),
        target=6,
    )
    made = goal_to_fhir(goal, subject=PATIENT, lifecycle_status="proposed")
    validate_all(made.resources())
    assert "measure" in made.goal["target"][0]
    back = goal_from_fhir(made.goal, made.baseline)
    assert back == goal
    assert back.indicator is None
    assert type(back.target) is int


def test_an_indicator_without_a_target_keeps_its_measure() -> None:
    indicator = Indicator.for_kind(IndicatorKind.PROGRAM_FIDELITY)
    goal = SmartGoal(statement="Høy programoppfyllelse", indicator=indicator)
    made = goal_to_fhir(goal, subject=PATIENT)
    validate(made.goal)
    assert made.goal["target"] == [
        {
            "measure": {
                "coding": [
                    {
                        "system": f"{DEFAULT_BASE_URL}/CodeSystem/indicator-kind",
                        "code": "programoppfyllelse",
                        "display": IndicatorKind.PROGRAM_FIDELITY.label_nb,
                    }
                ],
                "text": indicator.name,
            }
        }
    ]
    assert goal_from_fhir(made.goal) == goal


def test_every_item_status_reads_back() -> None:
    items = [ChecklistItem(text=s.label_nb, status=s) for s in ItemStatus]
    checklist = CollaborationChecklist(items=items, date=DAY)
    made = checklist_to_fhir(checklist, subject=PATIENT)
    displays = fp(made.response, "QuestionnaireResponse.item.answer.value.display")
    assert displays == ["Gjennomført", "Ikke aktuelt", "Ikke gjennomført"]
    assert checklist_from_fhir(made.response) == checklist


# -- subjects -------------------------------------------------------------------------------


def _with_check_digits(nine: str) -> str | None:
    def digit(digits: str, weights: tuple[int, ...]) -> int | None:
        k = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
        return 0 if k == 11 else None if k == 10 else k

    k1 = digit(nine, (3, 7, 6, 1, 8, 9, 4, 5, 2))
    k2 = None if k1 is None else digit(nine + str(k1), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
    return None if k1 is None or k2 is None else f"{nine}{k1}{k2}"


@given(
    st.dates(datetime.date(1900, 1, 1), datetime.date(1999, 12, 31)),
    st.sampled_from(["foedselsnummer", "dnummer", "hnummer"]),
    st.integers(0, 499),
)
def test_identity_numbers_pick_the_system(born: datetime.date, kind: str, individual: int) -> None:
    day = born.day + 40 * (kind == "dnummer")
    month = born.month + 40 * (kind == "hnummer")
    number = _with_check_digits(f"{day:02d}{month:02d}{born.year % 100:02d}{individual:03d}")
    if number is None:
        return
    subject = Subject.from_identity_number(number)
    systems = {
        "foedselsnummer": FOEDSELSNUMMER_SYSTEM,
        "dnummer": DNUMMER_SYSTEM,
        "hnummer": HNUMMER_SYSTEM,
    }
    assert subject.identifier_system == systems[kind]
    assert subject.to_reference()["identifier"]["value"] == number
    assert number not in repr(subject)


@pytest.mark.parametrize(
    ("number", "rule"),
    [
        ("1582891230", "must be 11 digits"),  # ten digits
        ("158289123021", "must be 11 digits"),  # twelve digits
        ("1582891230x", "must be 11 digits"),  # a letter
        ("１５８２８９１２３０２", "must be 11 digits"),  # full-width digits
        ("15828912303", "wrong check digits"),  # k2 off by one
        ("15828912312", "wrong check digits"),  # k1 off by one
        ("00828912302", "no valid day"),  # day 00
        ("32828912302", "no valid day"),  # day 32: neither kind
        ("72828912302", "no valid day"),  # day 72: beyond a D-nummer
        ("15828912302", "synthetic test number"),  # month + 80: only when asked for
        ("01138912345", "no valid month"),  # month 13
        ("30028912345", "no valid birth date"),  # 30 February
    ],
)
def test_bad_identity_numbers_are_rejected_without_echoing_them(number: str, rule: str) -> None:
    with pytest.raises(ValidationError, match=rule) as info:
        Subject.from_identity_number(number)
    assert number not in str(info.value)
    assert number[:6] not in str(info.value)


def test_a_hand_built_subject_is_checked_too() -> None:
    with pytest.raises(ValidationError, match="does not fit the number") as info:
        Subject(identifier_system=FOEDSELSNUMMER_SYSTEM, identifier_value=DNR, synthetic=True)
    assert DNR not in str(info.value)
    with pytest.raises(ValidationError, match="synthetic test number") as info:
        Subject(identifier_system=DNUMMER_SYSTEM, identifier_value=DNR)
    assert DNR not in str(info.value)
    with pytest.raises(ValidationError, match="wrong check digits") as info:
        Subject(identifier_system=DNUMMER_SYSTEM, identifier_value="55828912488")
    assert "55828912488" not in str(info.value)
    other = Subject(identifier_system="urn:oid:1.2.3", identifier_value="A-1")
    patient = other.to_patient()
    assert patient is not None
    assert patient["meta"] == {"profile": [NO_BASIS_PATIENT]}
    assert patient["identifier"] == [{"system": "urn:oid:1.2.3", "value": "A-1"}]
    validate(patient)


@pytest.mark.parametrize(
    ("kwargs", "rule"),
    [
        ({}, "needs a reference or an identifier"),  # nothing given
        ({"reference": "Practitioner/1"}, "must be Patient/<id>"),  # not a Patient or Group
        ({"reference": "Patient/a b"}, "must be Patient/<id>"),  # a space in the id
        ({"reference": ""}, "must be Patient/<id>"),  # empty
        (
            {"reference": "Patient/1", "identifier_system": "urn:oid:1.2", "identifier_value": "1"},
            "not both",
        ),  # both given
        ({"identifier_system": "x", "identifier_value": "1"}, "absolute URI"),  # relative system
        ({"identifier_system": "urn:oid:1.2"}, "non-empty string"),  # no value
        ({"reference": "Patient/1", "synthetic": "yes"}, "True or False"),  # not a bool
    ],
)
def test_bad_subjects(kwargs: dict[str, Any], rule: str) -> None:
    with pytest.raises(ValidationError, match=rule):
        Subject(**kwargs)


def test_good_references() -> None:
    for ref in (
        "Patient/123",
        "Group/rop-brukere",
        "https://ehr.example.no/fhir/Patient/a.1",
        "Patient/1/_history/2",
        "urn:uuid:0b4e8a0e-1c32-4b8e-9d4a-2f1c9d0e7a11",
    ):
        assert Subject(reference=ref).to_reference() == {"reference": ref}
        assert Subject(reference=ref).to_patient() is None


# -- bad input -------------------------------------------------------------------------------


def _form_resources() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    made = form_to_fhir(load_example("form"), subject=PATIENT)
    return json.loads(json.dumps(made.questionnaire)), json.loads(json.dumps(made.responses))


def _bad_type(q: dict[str, Any], r: list[dict[str, Any]]) -> None:
    q["resourceType"] = "Observation"


def _no_scale(q: dict[str, Any], r: list[dict[str, Any]]) -> None:
    del q["item"][0]["item"][2]["extension"][:2]


def _string_score(q: dict[str, Any], r: list[dict[str, Any]]) -> None:
    r[0]["item"][0]["item"][2]["answer"][0]["valueInteger"] = "1"


def _no_date(q: dict[str, Any], r: list[dict[str, Any]]) -> None:
    del r[0]["authored"]


def _bad_date(q: dict[str, Any], r: list[dict[str, Any]]) -> None:
    r[0]["authored"] = "2015-13-40"


def _other_questionnaire(q: dict[str, Any], r: list[dict[str, Any]]) -> None:
    r[1]["questionnaire"] = "https://example.org/Questionnaire/x"


def _two_answers(q: dict[str, Any], r: list[dict[str, Any]]) -> None:
    answers = r[0]["item"][0]["item"][2]["answer"]
    answers.append(answers[0])


def _score_above_scale(q: dict[str, Any], r: list[dict[str, Any]]) -> None:
    r[0]["item"][0]["item"][2]["answer"][0]["valueInteger"] = 11


def _items_not_a_list(q: dict[str, Any], r: list[dict[str, Any]]) -> None:
    r[0]["item"] = {"linkId": "aktivitet"}


def _other_activities(q: dict[str, Any], r: list[dict[str, Any]]) -> None:
    del r[1]["item"][0]  # the 2nd conversation lists an activity fewer


@pytest.mark.parametrize(
    ("spoil", "rule"),
    [
        (_bad_type, r"\$\.resourceType: 'Observation' must be 'Questionnaire'"),
        (_no_scale, "needs the minValue and maxValue extensions"),
        (_string_score, r"valueInteger: '1' must be an integer"),
        (_no_date, r"\$\[0\]\.authored: is required"),
        (_bad_date, "must be a date"),
        (_other_questionnaire, "must be the questionnaire's canonical"),
        (_two_answers, "exactly one answer"),
        (_score_above_scale, "above the scale's max 10"),
        (_items_not_a_list, "must be an array"),
        (_other_activities, r"\$\[1\]\.item: has other activities than the first response"),
    ],
)
def test_bad_form_resources(spoil: Any, rule: str) -> None:
    q, r = _form_resources()
    spoil(q, r)
    with pytest.raises(ValidationError, match=rule):
        form_from_fhir(q, r)


def test_bad_checklist_kor_plan_goal_resources() -> None:
    made = checklist_to_fhir(load_example("checklist"), subject=PATIENT)
    response = json.loads(json.dumps(made.response))
    response["item"][0]["answer"][0]["valueCoding"]["code"] = "done"
    with pytest.raises(ValidationError, match="'done' is not an item-status code"):
        checklist_from_fhir(response)
    kor = json.loads(json.dumps(kor_to_fhir(load_example("kor"), subject=PATIENT).responses))
    del kor[0]["item"][0]["item"][3]
    with pytest.raises(ValidationError, match="needs all four ors ratings"):
        kor_from_fhir(kor)
    care_plan = plan_to_fhir(load_example("plan"), subject=PATIENT)
    care_plan["activity"][0]["detail"]["status"] = "on-hold"
    with pytest.raises(ValidationError, match="'on-hold' must be not-started"):
        plan_from_fhir(care_plan)
    g = goal_to_fhir(load_example("goal"), subject=PATIENT)
    with pytest.raises(ValidationError, match="pass it as baseline"):
        goal_from_fhir(g.goal)
    with pytest.raises(ValidationError, match="must be a JSON object"):
        goal_from_fhir([])  # type: ignore[arg-type]


def test_bad_arguments() -> None:
    form = load_example("form")
    with pytest.raises(ValidationError, match="absolute http"):
        form_to_fhir(form, subject=PATIENT, base_url="laeringsnettverk.no")
    with pytest.raises(ValidationError, match="must be a Subject or a reference string"):
        form_to_fhir(form, subject=123)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="must be Patient/<id>"):
        form_to_fhir(form, subject="Practitioner/1")
    assert form_to_fhir(form, subject="Patient/123") == form_to_fhir(form, subject=PATIENT)
    assert bundle("Patient/123", form=form) == bundle(
        Subject.from_reference("Patient/123"), form=form
    )
    with pytest.raises(ValidationError, match=r"not an R4 Goal\.lifecycleStatus"):
        goal_to_fhir(load_example("goal"), subject=PATIENT, lifecycle_status="done")
    with pytest.raises(ValidationError, match="not one string"):
        plan_to_fhir(load_example("plan"), subject=PATIENT, goals="Goal/1")
    with pytest.raises(ValidationError, match="integer range"):
        form_to_fhir(
            attrs.evolve(form, scale=Scale(minimum=1, maximum=2**31), conversations=()),
            subject=PATIENT,
        )
    far = CollaborationChecklist(items=[ChecklistItem(text="t", carries_mean_of=2**31)])
    with pytest.raises(ValidationError, match=r"items\[0\]\.carries_mean_of: .* integer range"):
        checklist_to_fhir(far, subject=PATIENT)
    with pytest.raises(ValidationError, match="identifier or a team"):
        kor_to_fhir(KorRatings(sessions=[], identifier="k"), subject=PATIENT)


# -- the how-to page ---------------------------------------------------------------------------

EXAMPLE_BLOCK = re.compile(r"<!-- fhir-example: (\S+) -->\s*```json\n(.*?)^```", re.S | re.M)


def page_examples() -> dict[str, Any]:
    ex = {k: load_example(k) for k in ("form", "checklist", "kor", "plan", "goal")}
    form = form_to_fhir(ex["form"], subject=PATIENT)
    checklist = checklist_to_fhir(ex["checklist"], subject=PATIENT)
    kor = kor_to_fhir(ex["kor"], subject=PATIENT)
    goal = goal_to_fhir(ex["goal"], subject=PATIENT)
    assert goal.baseline is not None
    return {
        "form.questionnaire": form.questionnaire,
        "form.response": form.responses[0],
        "form.observation": form.observation,
        "checklist.observation": checklist.observation,
        "kor.observation": kor.observations[0],
        "goal.goal": goal.goal,
        "goal.baseline": goal.baseline,
        "plan.careplan": plan_to_fhir(
            ex["plan"], subject=PATIENT, goals=[f"Goal/{goal.goal['id']}"]
        ),
    }


def test_the_how_to_shows_what_the_code_makes() -> None:
    page = (ROOT / "docs" / "how-to" / "fhir.md").read_text(encoding="utf-8")
    shown = {name: json.loads(text) for name, text in EXAMPLE_BLOCK.findall(page)}
    expected = page_examples()
    assert set(shown) == set(expected)
    for name, resource in expected.items():
        assert shown[name] == resource, name


# -- conformance resources: extensions, Questionnaires, units ---------------------------------


def _every_example_bundle(**kwargs: Any) -> dict[str, Any]:
    ex = {k: load_example(k) for k in ("form", "checklist", "kor", "plan")}
    return bundle(PATIENT, goals=[load_example("goal")], questionnaires=True, **ex, **kwargs)


def _our_extension_urls(resource: Any, base: str = DEFAULT_BASE_URL) -> dict[str, set[str]]:
    """Every extension URL of the library in a resource → the value types it has there."""
    found: dict[str, set[str]] = {}
    for path, value in _walk(resource, "$"):
        if (
            isinstance(value, dict)
            and ".extension[" in path
            and str(value.get("url", "")).startswith(f"{base}/StructureDefinition/")
        ):
            found.setdefault(value["url"], set()).add(str(value_type(value)))
    return found


def test_structure_definitions_validate_and_fix_the_urls_the_output_uses() -> None:
    for base in (DEFAULT_BASE_URL, "https://fhir.example-kommune.no/laering"):
        sds = structure_definitions(base + "/")
        assert len({sd["url"] for sd in sds}) == len(sds)
        for sd in sds:
            validate(sd)
            StructureDefinition.model_validate(sd)
            assert sd["url"] == f"{base}/StructureDefinition/{sd['id']}"
            assert {k: sd[k] for k in ("fhirVersion", "kind", "abstract", "type")} == {
                "fhirVersion": "4.0.1",
                "kind": "complex-type",
                "abstract": False,
                "type": "Extension",
            }
            assert sd["baseDefinition"] == "http://hl7.org/fhir/StructureDefinition/Extension"
            assert sd["derivation"] == "constraint"
            assert sd["context"] and all(c["type"] == "element" for c in sd["context"])
            elements = {e["id"]: e for e in sd["differential"]["element"]}
            assert elements["Extension.url"]["fixedUri"] == sd["url"]
            value = elements["Extension.value[x]"]
            if "type" in value:  # a simple extension: a value, no parts
                assert value["min"] == 1 and elements["Extension.extension"]["max"] == "0"
            else:  # a complex extension: parts, no value
                assert value["max"] == "0"
                slices = [e for e in elements.values() if "sliceName" in e]
                assert slices
                for part in slices:
                    name = part["sliceName"]
                    assert elements[f"Extension.extension:{name}.url"]["fixedUri"] == name
                    assert elements[f"Extension.extension:{name}.value[x]"]["type"]
            for element in sd["differential"]["element"]:
                assert re.fullmatch(r"Extension(\.(extension|url|value\[x\]))*", element["path"])


def test_every_extension_in_the_examples_is_defined_and_every_definition_is_used() -> None:
    ex = {k: load_example(k) for k in ("form", "checklist", "kor", "plan")}
    ex["checklist"] = attrs.evolve(ex["checklist"], item_set="bodoe", item_set_version="2")
    ex["form"] = attrs.evolve(ex["form"], municipality="1804")
    made = bundle(PATIENT, goals=[load_example("goal")], questionnaires=True, **ex)
    validate(made)  # checks each extension against its definition (check_extensions)
    used = _our_extension_urls(made)
    defined = {sd["url"]: sd for sd in structure_definitions()}
    assert set(used) == set(defined)
    for url, types in used.items():
        value = {e["id"]: e for e in defined[url]["differential"]["element"]}["Extension.value[x]"]
        expected = {t["code"] for t in value.get("type", [])} or {"None"}
        assert types <= expected, url
    # what a reviewer asked to move to core elements is no longer an extension
    for name in ("team", "document-identifier"):
        assert f"{DEFAULT_BASE_URL}/StructureDefinition/{name}" not in json.dumps(made)


@given(
    st.one_of(st.none(), forms(scale=scales())),
    st.one_of(st.none(), checklists()),
    st.one_of(st.none(), kor_ratings()),
    st.one_of(st.none(), action_plans()),
    st.lists(goals(), max_size=2, unique_by=lambda g: g.identifier or repr(g)),
)
def test_every_extension_generated_output_uses_is_defined(
    form: WhatMattersForm | None,
    checklist: CollaborationChecklist | None,
    kor: KorRatings | None,
    plan: ActionPlan | None,
    goal_list: list[SmartGoal],
) -> None:
    base = "https://fhir.example.no/ln"
    made = bundle(
        PATIENT,
        form=form,
        checklist=checklist,
        kor=kor,
        plan=plan,
        goals=goal_list,
        questionnaires=True,
        base_url=base,
    )
    defined = {sd["url"]: sd for sd in structure_definitions(base)}
    for url in _our_extension_urls(made, base):
        assert url in defined, url
    for entry in made.get("entry", []):
        check_extensions(entry["resource"])  # value types, parts, contexts, repeats


def test_conformance_resources_are_written_for_a_validator(tmp_path: Path) -> None:
    resources = conformance_resources()
    kinds = [r["resourceType"] for r in resources]
    assert kinds.count("StructureDefinition") == len(structure_definitions())
    assert kinds.count("CodeSystem") == len(code_systems())
    assert kinds.count("ValueSet") == len(code_systems())
    assert kinds.count("Questionnaire") == 3  # the form's, the checklist proposal's, KOR's
    for resource in resources:
        validate(resource)
    paths = write_conformance_resources(tmp_path / "ig")
    assert [json.loads(p.read_text("utf-8")) for p in paths] == list(resources)
    assert all(
        p.name == f"{r['resourceType']}-{r['id']}.json"
        for p, r in zip(paths, resources, strict=True)
    )
    assert len({p.name for p in paths}) == len(paths)


def test_the_checklist_questionnaire_is_built_from_its_items() -> None:
    checklist = load_example("checklist")
    made = checklist_to_fhir(checklist, subject=PATIENT)
    validate_all(made.resources())
    q = made.questionnaire
    assert q["url"] == f"{DEFAULT_BASE_URL}/Questionnaire/sjekkliste-samhandling"
    assert made.response["questionnaire"] == f"{q['url']}|{q['version']}"
    assert [i["text"] for i in q["item"]] == [i.text for i in checklist.items]
    assert {i["type"] for i in q["item"]} == {"choice"}
    codes = [o["valueCoding"]["code"] for o in q["item"][0]["answerOption"]]
    assert codes == [s.code for s in ItemStatus]
    check_against(q, made.response)
    # The same items for another user and another date: the same Questionnaire.
    other = checklist_to_fhir(attrs.evolve(checklist, date=DAY), subject="Patient/9")
    assert other.questionnaire == q
    # Other items: another version (and id) of the same canonical URL.
    fewer = checklist_to_fhir(attrs.evolve(checklist, items=checklist.items[:3]), subject=PATIENT)
    assert fewer.questionnaire["url"] == q["url"]
    assert fewer.questionnaire["version"] != q["version"]
    assert fewer.questionnaire["id"] != q["id"]


def test_the_kor_questionnaire_has_the_fixed_ors_and_srs_items() -> None:
    kor = load_example("kor")
    made = kor_to_fhir(kor, subject=PATIENT)
    validate_all(made.resources())
    q = made.questionnaire
    assert q == kor_questionnaire()
    assert made.resources()[0] is q
    items = fp(q, "Questionnaire.item.item")
    assert len(items) == 8
    assert {i["type"] for i in items} == {"decimal"}
    bounds = fp(q, "Questionnaire.item.item.extension.where(url.endsWith('Value')).value")
    assert set(bounds) == {0, 10}
    for response in made.responses:
        check_against(q, response)


@given(checklists())
def test_checklist_responses_fit_their_questionnaire(checklist: CollaborationChecklist) -> None:
    made = checklist_to_fhir(checklist, subject=PATIENT)
    validate(made.questionnaire)
    check_against(made.questionnaire, made.response)


@given(kor_ratings())
def test_kor_responses_fit_the_questionnaire(ratings: KorRatings) -> None:
    made = kor_to_fhir(ratings, subject=PATIENT)
    for response in made.responses:
        check_against(made.questionnaire, response)


@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_a_bundle_with_questionnaires_resolves_every_canonical(method: Any) -> None:
    made = _every_example_bundle(method=method)
    validate(made)
    entries = made["entry"]
    canonicals = {}
    for entry in entries:
        resource = entry["resource"]
        if resource["resourceType"] == "Questionnaire":
            version = resource.get("version")
            canonicals[resource["url"] + (f"|{version}" if version else "")] = resource
            if method == "POST" and "version" in resource:
                assert entry["request"]["ifNoneExist"] == (
                    f"url={resource['url']}&version={version}"
                )
    for entry in entries:
        resource = entry["resource"]
        if resource["resourceType"] == "QuestionnaireResponse":
            check_against(canonicals[resource["questionnaire"]], resource)
    ex = {k: load_example(k) for k in ("form", "checklist", "kor", "plan", "goal")}
    assert bundle_from_fhir(made) == BundleContents(
        form=ex["form"],
        checklist=ex["checklist"],
        kor=ex["kor"],
        plan=ex["plan"],
        goals=[ex["goal"]],
    )
    # KOR ratings without sessions have no responses: no Questionnaire is sent for them.
    empty = bundle(PATIENT, kor=KorRatings(sessions=[]), questionnaires=True)
    assert empty == {"resourceType": "Bundle", "language": "nb", "type": "transaction"}
    with pytest.raises(ValidationError, match="must be True or False"):
        bundle(PATIENT, questionnaires="yes")  # type: ignore[arg-type]


def test_the_team_is_a_reference_and_the_kor_identifier_an_identifier() -> None:
    kor = load_example("kor")
    assert kor.identifier is not None and kor.team is not None
    made = kor_to_fhir(kor, subject=PATIENT)
    team = {
        "type": "Organization",
        "identifier": {"system": f"{DEFAULT_BASE_URL}/identifier/team", "value": kor.team},
        "display": kor.team,
    }
    for n, response in enumerate(made.responses, 1):
        assert response["author"] == team
        assert response["identifier"] == {
            "system": f"{DEFAULT_BASE_URL}/identifier/kor",
            "value": f"{kor.identifier}#{n}",
        }
    assert all(o["performer"] == [team] for o in made.observations)
    spoilt = json.loads(json.dumps(made.responses))
    spoilt[1]["identifier"]["value"] = "annen#2"
    with pytest.raises(ValidationError, match="different identifier"):
        kor_from_fhir(spoilt)
    spoilt[1]["identifier"]["value"] = "uten-nummer"
    with pytest.raises(ValidationError, match="<identifier>#<session number>"):
        kor_from_fhir(spoilt)
    odd = attrs.evolve(kor, identifier="kor#1 ", team=" lag")
    assert kor_from_fhir(kor_to_fhir(odd, subject=PATIENT).responses) == odd


def test_a_conversation_without_scores_is_in_progress() -> None:
    form = WhatMattersForm(
        activities=[Activity(name="Sove")],
        conversations=[
            Conversation(date=datetime.date(2020, 1, 1), scores={"Sove": 3}),
            Conversation(date=datetime.date(2020, 2, 1)),
        ],
    )
    made = form_to_fhir(form, subject=PATIENT)
    assert [r["status"] for r in made.responses] == ["completed", "in-progress"]
    validate_all(made.resources())
    assert form_from_fhir(made.questionnaire, made.responses) == form


@pytest.mark.parametrize(
    ("higher_is_better", "end"),
    [(True, "low"), (False, "high")],  # at least the target / at most the target
)
def test_a_goal_target_is_a_range_open_on_the_better_side(higher_is_better: bool, end: str) -> None:
    indicator = Indicator(
        name="Innleggelser", unit="innleggelser", higher_is_better=higher_is_better
    )
    goal = SmartGoal(statement="Mål", indicator=indicator, target=4)
    made = goal_to_fhir(goal, subject=PATIENT)
    validate(made.goal)
    # not a UCUM unit: the unit text alone
    assert made.goal["target"][0]["detailRange"] == {end: {"value": 4, "unit": "innleggelser"}}
    assert goal_from_fhir(made.goal) == goal
    spoilt = json.loads(json.dumps(made.goal))
    spoilt["target"][0]["detailRange"] = {"low": {"value": 1}, "high": {"value": 5}}
    with pytest.raises(ValidationError, match="exactly one of low and high"):
        goal_from_fhir(spoilt)


@pytest.mark.parametrize(
    ("unit", "code"),
    [
        ("%", "%"),
        ("min", "min"),
        ("h", "h"),
        ("d", "d"),
        ("wk", "wk"),
        ("mo", "mo"),
        ("a", "a"),
        ("kg", "kg"),
        ("{score}", "{score}"),
        ("{innleggelser}", "{innleggelser}"),
        ("kg/m2", "kg/m2"),
        ("/wk", "/wk"),
        ("mmol/L", "mmol/L"),
        ("10*3/uL", "10*3/uL"),
        ("mm[Hg]", "mm[Hg]"),
        ("poeng", "{score}"),  # the library's word for a score
        ("prosent", "%"),
        ("uker", "wk"),
        ("år", "a"),
        ("innleggelser", None),  # a Norwegian word, not UCUM
        ("samtaler per uke", None),
        ("{}", None),  # an empty annotation
        ("{a b}", None),  # a space in an annotation
        ("{score", None),  # unbalanced
        ("kg/", None),
        ("Kg", None),  # UCUM is case-sensitive
        ("ha", None),  # not in the library's table: no claim
    ],
)
def test_units_get_ucum_codes_only_when_they_are_ucum(unit: str, code: str | None) -> None:
    assert ucum_code(unit) == code
    goal = SmartGoal(
        statement="Mål",
        indicator=Indicator(name="I", unit=unit),
        baseline=Observation(date=datetime.date(2020, 1, 1), value=1),
    )
    made = goal_to_fhir(goal, subject=PATIENT)
    assert made.baseline is not None
    quantity = made.baseline["valueQuantity"]
    expected = {"value": 1, "unit": unit}
    if code is not None:
        expected.update({"system": "http://unitsofmeasure.org", "code": code})
    assert quantity == expected
    validate_all(made.resources())
    assert goal_from_fhir(made.goal, made.baseline) == goal
