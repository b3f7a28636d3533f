"""The collaboration checklist as a QuestionnaireResponse and an Observation of program fidelity."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.fhir._common import (
    DEFAULT_BASE_URL,
    INT32_MAX,
    UCUM,
    Reader,
    check_base_url,
    code_system_url,
    coding,
    extension_url,
    put_text,
    resource_id,
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


@attrs.frozen(kw_only=True)
class ChecklistResources:
    """The FHIR R4 resources of one collaboration checklist (plain JSON dicts).

    Made by :func:`checklist_to_fhir`; read back with :func:`checklist_from_fhir`.
    """

    response: dict[str, Any] = attrs.field(hash=False)
    """The checklist as a QuestionnaireResponse: one item per checklist item, answered
    with a code of the library's ``item-status`` code system."""
    observation: dict[str, Any] = attrs.field(hash=False)
    """Program fidelity in ``%``, with the points and the highest possible points as
    components, ``derivedFrom`` the response."""

    def resources(self) -> tuple[dict[str, Any], ...]:
        """Both resources: the response, then the Observation."""
        return (self.response, self.observation)


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
    ``carries-mean-of`` extension. The response's ``questionnaire`` is the instrument's
    canonical ``{base}/Questionnaire/sjekkliste-samhandling`` (no Questionnaire resource
    is made: teams replace the items).

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
    qr: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": resource_id(base, "checklist", checklist, "response", subject=ref),
    }
    extensions = []
    for name, value in (("team", checklist.team), ("form-identifier", checklist.form)):
        if value is not None:
            ext: dict[str, Any] = {"url": extension_url(base, name)}
            put_text(ext, "valueString", value, base)
            extensions.append(ext)
    if extensions:
        qr["extension"] = extensions
    if checklist.identifier is not None:
        ident: dict[str, Any] = {"system": f"{base}/identifier/checklist"}
        put_text(ident, "value", checklist.identifier, base)
        qr["identifier"] = ident
    qr["questionnaire"] = f"{base}/Questionnaire/sjekkliste-samhandling"
    qr["status"] = "completed"
    qr["subject"] = dict(ref)
    if checklist.date is not None:
        qr["authored"] = checklist.date.isoformat()
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
    return ChecklistResources(response=qr, observation=obs)


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

    The inverse of :func:`checklist_to_fhir`; the Observation is derived data and is not
    needed.

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
        try:
            status = ItemStatus(code.string("code"))
        except ValueError:
            raise code.fail("code", "is not an item-status code", code.data.get("code")) from None
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
    values: dict[str, str | None] = {}
    for name, url in (("team", "team"), ("form", "form-identifier")):
        ext = r.extension(extension_url(base, url))
        values[name] = None if ext is None else ext.text("valueString", base)
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
