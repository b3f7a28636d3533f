"""The collaboration checklist as a QuestionnaireResponse and an Observation of program fidelity."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from typing import Any

import attrs

from laeringsnettverk._checks import Checker, check_unicode
from laeringsnettverk.fhir._common import (
    DEFAULT_BASE_URL,
    INT32_MAX,
    UCUM,
    Reader,
    check_base_url,
    code_system_url,
    coding,
    encode_text,
    extension_url,
    put_text,
    read_team,
    resource_id,
    team_reference,
)
from laeringsnettverk.fhir._form import survey_category
from laeringsnettverk.fhir._subject import Subject, as_subject
from laeringsnettverk.toolkit import ChecklistItem, CollaborationChecklist, ItemStatus

__all__ = ["ChecklistResources", "checklist_from_fhir", "checklist_to_fhir"]

CHECKLIST_CODE = ("sjekkliste_samhandling", "Sjekkliste for samhandling")
FIDELITY_CODE = ("programoppfyllelse", "Programoppfyllelse")
POINTS_CODE = ("poeng", "Poeng")
MAX_POINTS_CODE = ("maks_poeng", "Høyeste mulige poengsum")

NOTE, DATE, VALUE = "merknad", "dato", "verdi"
# Changes whenever the checklist Questionnaire's shape changes, so that its version does.
_SHAPE = "sjekkliste-samhandling/1"


def checklist_questionnaire_url(base: str) -> str:
    """The canonical URL of the checklist Questionnaires (one version per set of items)."""
    return f"{base}/Questionnaire/sjekkliste-samhandling"


@attrs.frozen(kw_only=True)
class ChecklistResources:
    """The FHIR R4 resources of one collaboration checklist (plain JSON dicts).

    Made by :func:`checklist_to_fhir`; read back with :func:`checklist_from_fhir`.
    """

    questionnaire: dict[str, Any] = attrs.field(hash=False)
    """The checklist's definition, built from its items' texts: ``url``
    ``{base}/Questionnaire/sjekkliste-samhandling`` and a ``version`` derived from the
    texts, so checklists with the same items share one Questionnaire."""
    response: dict[str, Any] = attrs.field(hash=False)
    """The checklist as a QuestionnaireResponse: one item per checklist item, answered
    with a code of the library's ``item-status`` code system."""
    observation: dict[str, Any] = attrs.field(hash=False)
    """Program fidelity in ``%``, with the points and the highest possible points as
    components, ``derivedFrom`` the response."""

    def resources(self) -> tuple[dict[str, Any], ...]:
        """Every resource: the Questionnaire, the response, then the Observation."""
        return (self.questionnaire, self.response, self.observation)


def item_link_id(number: int) -> str:
    """The linkId of the checklist's item ``number`` (1-based)."""
    return f"punkt-{number}"


def checklist_to_fhir(
    checklist: CollaborationChecklist, *, subject: Subject | str, base_url: str = DEFAULT_BASE_URL
) -> ChecklistResources:
    """Map a collaboration checklist to a QuestionnaireResponse and an Observation.

    Each checklist item is a response item (``punkt-<n>``) whose ``text`` is the item's
    text and whose answer is a ``valueCoding`` from ``{base}/CodeSystem/item-status``
    (``gjennomfoert`` / ``ikke_aktuelt`` / ``ikke_gjennomfoert``); the item's note, date
    and value are nested under the answer, and ``carries_mean_of`` is the library's
    ``carries-mean-of`` extension. The team is the response's ``author`` and the
    Observation's ``performer`` (an Organization by the identifier
    ``{base}/identifier/team``).

    Teams replace the items, so the Questionnaire is built from the checklist's items: a
    ``choice`` item per checklist item (its text; the three ``item-status`` codes as
    ``answerOption``) with the note (``text``), date and value (``decimal``) nested under
    it. Its ``url`` is ``{base}/Questionnaire/sjekkliste-samhandling`` and its ``version``
    a digest of the items' texts: the response's ``questionnaire`` is ``url|version``, and
    every checklist with the same items, of any user, has the same Questionnaire (and id).

    The Observation (category ``survey``) holds program fidelity as a ``valueQuantity``
    in ``%`` (rounded half up to one decimal, as :meth:`CollaborationChecklist.percent`),
    and the points and highest possible points as integer components.

    Raises:
        ValidationError: for a ``carries_mean_of`` beyond FHIR's 32-bit integers, or a bad
            ``base_url``.
    """
    base = check_base_url(base_url)
    c = Checker()
    if not isinstance(checklist, CollaborationChecklist):
        c.add(("checklist",), "must be a CollaborationChecklist", type(checklist).__name__)
    c.done()
    check_unicode(checklist)  # a lone surrogate cannot be written as UTF-8
    for i, item in enumerate(checklist.items):
        if item.carries_mean_of is not None and item.carries_mean_of > INT32_MAX:
            c.add(
                ("items", i, "carries_mean_of"),
                "is beyond FHIR's integer range (32 bits)",
                item.carries_mean_of,
            )
    c.done()
    ref = as_subject(subject).to_reference()
    items = [_item(item, n, base) for n, item in enumerate(checklist.items, 1)]
    questionnaire = _questionnaire(checklist, base)
    qr: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": resource_id(base, "checklist", checklist, "response", subject=ref),
    }
    if checklist.form is not None:
        ext: dict[str, Any] = {"url": extension_url(base, "form-identifier")}
        put_text(ext, "valueString", checklist.form, base)
        qr["extension"] = [ext]
    if checklist.identifier is not None:
        ident: dict[str, Any] = {"system": f"{base}/identifier/checklist"}
        put_text(ident, "value", checklist.identifier, base)
        qr["identifier"] = ident
    qr["questionnaire"] = f"{questionnaire['url']}|{questionnaire['version']}"
    qr["status"] = "completed"
    qr["subject"] = dict(ref)
    if checklist.date is not None:
        qr["authored"] = checklist.date.isoformat()
    if checklist.team is not None:
        qr["author"] = team_reference(base, checklist.team)
    qr["item"] = items

    score_system = code_system_url(base, "score")
    obs: dict[str, Any] = {
        "resourceType": "Observation",
        "id": resource_id(base, "checklist", checklist, "observation", subject=ref),
        "status": "final",
        "category": survey_category(),
        "code": {
            "coding": [coding(score_system, *FIDELITY_CODE)],
            "text": "Programoppfyllelse (sjekkliste for samhandling)",
        },
        "subject": dict(ref),
    }
    if checklist.date is not None:
        obs["effectiveDateTime"] = checklist.date.isoformat()
    if checklist.team is not None:
        obs["performer"] = [team_reference(base, checklist.team)]
    obs["valueQuantity"] = {
        "value": checklist.percent(),
        "unit": "%",
        "system": UCUM,
        "code": "%",
    }
    obs["derivedFrom"] = [{"reference": f"QuestionnaireResponse/{qr['id']}"}]
    obs["component"] = [
        {
            "code": {"coding": [coding(score_system, *POINTS_CODE)]},
            "valueInteger": checklist.points,
        },
        {
            "code": {"coding": [coding(score_system, *MAX_POINTS_CODE)]},
            "valueInteger": checklist.max_points,
        },
    ]
    return ChecklistResources(questionnaire=questionnaire, response=qr, observation=obs)


def _questionnaire(checklist: CollaborationChecklist, base: str) -> dict[str, Any]:
    texts = [encode_text(item.text) for item in checklist.items]
    digest = hashlib.sha256(json.dumps([_SHAPE, texts]).encode("utf-8")).hexdigest()
    version = digest[:16]
    url = checklist_questionnaire_url(base)
    status_system = code_system_url(base, "item-status")
    items = []
    for n, text in enumerate(texts, 1):
        link = item_link_id(n)
        items.append(
            {
                "linkId": link,
                "text": text,
                "type": "choice",
                "required": True,
                "answerOption": [
                    {"valueCoding": coding(status_system, s.code, s.label_nb)} for s in ItemStatus
                ],
                "item": [
                    {"linkId": f"{link}.{NOTE}", "text": "Merknad", "type": "text"},
                    {"linkId": f"{link}.{DATE}", "text": "Dato", "type": "date"},
                    {"linkId": f"{link}.{VALUE}", "text": "Verdi", "type": "decimal"},
                ],
            }
        )
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, base)
    return {
        "resourceType": "Questionnaire",
        "id": str(uuid.uuid5(namespace, f"questionnaire/{url}|{version}")),
        "url": url,
        "version": version,
        "name": "SjekklisteSamhandling",
        "title": CHECKLIST_CODE[1],
        "status": "active",
        "subjectType": ["Patient", "Group"],
        "code": [coding(code_system_url(base, "instrument"), *CHECKLIST_CODE)],
        "item": items,
    }


def _item(item: ChecklistItem, n: int, base: str) -> dict[str, Any]:
    status_system = code_system_url(base, "item-status")
    link = item_link_id(n)
    answer: dict[str, Any] = {
        "valueCoding": coding(status_system, item.status.code, item.status.label_nb)
    }
    nested = []
    if item.note is not None:
        note: dict[str, Any] = {}
        put_text(note, "valueString", item.note, base)
        nested.append({"linkId": f"{link}.{NOTE}", "text": "Merknad", "answer": [note]})
    if item.date is not None:
        nested.append(
            {
                "linkId": f"{link}.{DATE}",
                "text": "Dato",
                "answer": [{"valueDate": item.date.isoformat()}],
            }
        )
    if item.value is not None:
        nested.append(
            {
                "linkId": f"{link}.{VALUE}",
                "text": "Verdi",
                "answer": [{"valueDecimal": item.value}],
            }
        )
    if nested:
        answer["item"] = nested
    entry: dict[str, Any] = {}
    if item.carries_mean_of is not None:
        entry["extension"] = [
            {
                "url": extension_url(base, "carries-mean-of"),
                "valueInteger": item.carries_mean_of,
            }
        ]
    entry["linkId"] = link
    put_text(entry, "text", item.text, base)
    entry["answer"] = [answer]
    return entry


def checklist_from_fhir(
    response: Mapping[str, Any], *, base_url: str = DEFAULT_BASE_URL
) -> CollaborationChecklist:
    """Read a checklist back from its QuestionnaireResponse.

    The inverse of :func:`checklist_to_fhir`; the Questionnaire (built from the items) and
    the Observation (derived data) are not needed.

    Raises:
        ValidationError: for a response that does not have the shape
            :func:`checklist_to_fhir` makes (JSON paths), or an unknown status code.
    """
    base = check_base_url(base_url)
    r = Reader(response)
    if r.data.get("resourceType") != "QuestionnaireResponse":
        raise r.fail("resourceType", "must be 'QuestionnaireResponse'", r.data.get("resourceType"))
    status_system = code_system_url(base, "item-status")
    items = []
    for entry in r.objs("item"):
        answers = entry.objs("answer")
        if len(answers) != 1:
            raise entry.fail("answer", "must hold exactly one answer")
        answer = answers[0]
        code = answer.obj("valueCoding")
        if code.data.get("system") != status_system:
            raise code.fail("system", f"must be {status_system}", code.data.get("system"))
        status_code = code.string("code")
        try:
            status = ItemStatus(status_code)
        except ValueError:
            raise code.fail("code", "is not an item-status code", status_code) from None
        fields: dict[str, Any] = {}
        for sub in answer.objs("item"):
            link = sub.string("linkId").rpartition(".")[2]
            sub_answers = sub.objs("answer")
            if len(sub_answers) != 1:
                raise sub.fail("answer", "must hold exactly one answer")
            value = sub_answers[0]
            if link == NOTE:
                fields["note"] = value.text("valueString", base)
            elif link == DATE:
                fields["date"] = value.date("valueDate")
            elif link == VALUE:
                fields["value"] = value.number("valueDecimal")
        carries = entry.extension(extension_url(base, "carries-mean-of"))
        items.append(
            ChecklistItem(
                text=entry.text("text", base),
                status=status,
                carries_mean_of=None if carries is None else carries.integer("valueInteger"),
                **fields,
            )
        )
    form_ext = r.extension(extension_url(base, "form-identifier"))
    values = {
        "team": read_team(r, "author", base),
        "form": None if form_ext is None else form_ext.text("valueString", base),
    }
    ident = r.opt_obj("identifier")
    identifier = None
    if ident is not None and ident.data.get("system") == f"{base}/identifier/checklist":
        identifier = ident.text("value", base)
    return CollaborationChecklist(
        items=items,
        date=r.opt_date("authored"),
        identifier=identifier,
        **values,
    )
