"""The collaboration checklist as a QuestionnaireResponse and an Observation of program fidelity."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from typing import Any

import attrs

from laeringsnettverk._checks import Checker, check_unicode
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.fhir._common import (
    DEFAULT_BASE_URL,
    INT32_MAX,
    UCUM,
    Reader,
    check_base_url,
    check_id_key,
    code_system_url,
    coding,
    encode_text,
    extension_url,
    finish,
    put_text,
    read_team,
    resource_id,
    team_reference,
)
from laeringsnettverk.fhir._form import PUBLISHER, survey_category
from laeringsnettverk.fhir._subject import Subject, as_subject
from laeringsnettverk.toolkit import (
    DEFAULT_CHECKLIST_ITEMS,
    ChecklistItem,
    CollaborationChecklist,
    ItemStatus,
)
from laeringsnettverk.toolkit._checklist import PROPOSAL_ITEM_SET, PROPOSAL_ITEM_SET_VERSION

__all__ = [
    "ChecklistResources",
    "checklist_from_fhir",
    "checklist_questionnaire",
    "checklist_to_fhir",
]

CHECKLIST_CODE = ("sjekkliste_samhandling", "Sjekkliste for samhandling")
FIDELITY_CODE = ("programoppfyllelse", "Programoppfyllelse")
POINTS_CODE = ("poeng", "Poeng")
MAX_POINTS_CODE = ("maks_poeng", "Høyeste mulige poengsum")

NOTE, DATE, VALUE = "merknad", "dato", "verdi"
# Changes whenever the checklist Questionnaire's shape changes, so that its version does.
_SHAPE = "sjekkliste-samhandling/2"
PROPOSAL_VERSION = f"{PROPOSAL_ITEM_SET}-{PROPOSAL_ITEM_SET_VERSION}"
_PROPOSAL_TEXTS = tuple(item.text for item in DEFAULT_CHECKLIST_ITEMS)


def checklist_questionnaire_url(base: str) -> str:
    """The canonical URL of the checklist Questionnaires (one version per set of items)."""
    return f"{base}/Questionnaire/sjekkliste-samhandling"


@attrs.frozen(kw_only=True)
class ChecklistResources:
    """The FHIR R4 resources of one collaboration checklist (plain JSON dicts).

    Made by :func:`checklist_to_fhir`; read back with :func:`checklist_from_fhir`.
    """

    questionnaire: dict[str, Any] = attrs.field(hash=False)
    """The checklist's definition (:func:`checklist_questionnaire`): ``url``
    ``{base}/Questionnaire/sjekkliste-samhandling``, ``version``
    ``laeringsnettverk-forslag-1`` for the library's proposed items, else one derived from
    the item set and the items' texts, so checklists with the same items share one."""
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


def is_proposal(checklist: CollaborationChecklist) -> bool:
    """True when the checklist uses the library's proposed items (and says nothing else).

    Its items' texts are those of :data:`~laeringsnettverk.toolkit.DEFAULT_CHECKLIST_ITEMS`
    and its item set is unstated or ``laeringsnettverk-forslag`` version 1.
    """
    stated = (checklist.item_set, checklist.item_set_version)
    return tuple(item.text for item in checklist.items) == _PROPOSAL_TEXTS and stated in (
        (None, None),
        (PROPOSAL_ITEM_SET, PROPOSAL_ITEM_SET_VERSION),
    )


def checklist_to_fhir(
    checklist: CollaborationChecklist,
    *,
    subject: Subject | str,
    base_url: str = DEFAULT_BASE_URL,
    id_key: bytes | None = None,
) -> ChecklistResources:
    """Map a collaboration checklist to a QuestionnaireResponse and an Observation.

    Each checklist item is a response item (``punkt-<n>``) whose ``text`` is the item's
    text and whose answer is a ``valueCoding`` from ``{base}/CodeSystem/item-status``
    (``gjennomfoert`` / ``ikke_aktuelt`` / ``ikke_gjennomfoert``); the item's note, date
    and value are nested under the answer, and ``carries_mean_of`` is the library's
    ``carries-mean-of`` extension. The team is the response's ``author`` and the
    Observation's ``performer`` (an Organization by the identifier
    ``{base}/identifier/team``); the checklist's ``item_set`` and ``item_set_version``
    are the response's ``item-set`` extension.

    The checklist's date is the response's ``authored`` and the Observation's
    ``effectiveDateTime``: FHIR export needs it (the library's choice: a record system
    files results by date, and any date the library made up would be wrong).

    The response's ``questionnaire`` is :func:`checklist_questionnaire` of the checklist,
    ``{base}/Questionnaire/sjekkliste-samhandling|<version>``: for the library's proposed
    items, version ``laeringsnettverk-forslag-1``, published with the conformance
    resources, so the canonical resolves on a server that has them; for any other items, a
    version derived from the item set and the items' texts (that Questionnaire comes along
    in :func:`~laeringsnettverk.fhir.bundle`).

    The Observation (category ``survey``) holds program fidelity as a ``valueQuantity``
    in ``%`` (rounded half up to one decimal, as :meth:`CollaborationChecklist.percent`),
    and the points and highest possible points as integer components.

    Raises:
        ValidationError: for a checklist without a date, a ``carries_mean_of`` beyond
            FHIR's 32-bit integers, a bad ``base_url`` or ``id_key``.
    """
    base = check_base_url(base_url)
    key = check_id_key(id_key)
    c = Checker()
    if not isinstance(checklist, CollaborationChecklist):
        c.add(("checklist",), "must be a CollaborationChecklist", type(checklist).__name__)
    c.done()
    check_unicode(checklist)  # a lone surrogate cannot be written as UTF-8
    if checklist.date is None:
        c.add(
            ("date",),
            "is required for FHIR: it is the response's authored and the Observation's "
            "effective date",
        )
    for i, item in enumerate(checklist.items):
        if item.carries_mean_of is not None and item.carries_mean_of > INT32_MAX:
            c.add(
                ("items", i, "carries_mean_of"),
                "is beyond FHIR's integer range (32 bits)",
                item.carries_mean_of,
            )
    c.done()
    assert checklist.date is not None  # checked above
    date = checklist.date.isoformat()
    ref = as_subject(subject).to_reference()
    items = [_item(item, n, base) for n, item in enumerate(checklist.items, 1)]
    questionnaire = checklist_questionnaire(checklist, base_url=base)
    qr: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": resource_id(base, "checklist", checklist, "response", subject=ref, id_key=key),
    }
    extensions = []
    if checklist.form is not None:
        ext: dict[str, Any] = {"url": extension_url(base, "form-identifier")}
        put_text(ext, "valueString", checklist.form, base)
        extensions.append(ext)
    if checklist.item_set is not None:
        parts: list[dict[str, Any]] = [{"url": "code", "valueCode": checklist.item_set}]
        if checklist.item_set_version is not None:
            parts.append({"url": "version", "valueString": checklist.item_set_version})
        extensions.append({"url": extension_url(base, "item-set"), "extension": parts})
    if extensions:
        qr["extension"] = extensions
    if checklist.identifier is not None:
        ident: dict[str, Any] = {"system": f"{base}/identifier/checklist"}
        put_text(ident, "value", checklist.identifier, base)
        qr["identifier"] = ident
    qr["questionnaire"] = f"{questionnaire['url']}|{questionnaire['version']}"
    qr["status"] = "completed"
    qr["subject"] = dict(ref)
    qr["authored"] = date
    if checklist.team is not None:
        qr["author"] = team_reference(base, checklist.team)
    qr["item"] = items
    qr = finish(
        qr,
        f"Sjekkliste for samhandling {date}: {checklist.points} av {checklist.max_points} poeng.",
    )

    obs = _observation(checklist, qr["id"], base, ref, key)
    return ChecklistResources(questionnaire=questionnaire, response=qr, observation=obs)


def _observation(
    checklist: CollaborationChecklist,
    response_id: str,
    base: str,
    ref: dict[str, Any],
    key: bytes | None,
) -> dict[str, Any]:
    assert checklist.date is not None  # checked by the caller
    date = checklist.date.isoformat()
    score_system = code_system_url(base, "score")
    obs: dict[str, Any] = {
        "resourceType": "Observation",
        "id": resource_id(base, "checklist", checklist, "observation", subject=ref, id_key=key),
        "status": "final",
        "category": survey_category(),
        "code": {
            "coding": [coding(score_system, *FIDELITY_CODE)],
            "text": "Programoppfyllelse (sjekkliste for samhandling)",
        },
        "subject": dict(ref),
        "effectiveDateTime": date,
    }
    if checklist.team is not None:
        obs["performer"] = [team_reference(base, checklist.team)]
    obs["valueQuantity"] = {
        "value": checklist.percent(),
        "unit": "%",
        "system": UCUM,
        "code": "%",
    }
    obs["derivedFrom"] = [{"reference": f"QuestionnaireResponse/{response_id}"}]
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
    obs = finish(
        obs,
        f"Programoppfyllelse {date}: {checklist.points} av {checklist.max_points} poeng "
        "(sjekkliste for samhandling).",
    )
    return obs


def _origin(checklist: CollaborationChecklist) -> tuple[str, str | None]:
    """The Questionnaire's description and publisher for the checklist's item set."""
    if is_proposal(checklist):
        return (
            "Bibliotekets forslag til ti punkter (punktsett «laeringsnettverk-forslag», "
            "versjon 1), bygd på temaene i kildedokumentet. Kildens egne ti punkter er tapt: "
            "dette er ikke rapportens sjekkliste. Punkt 1 og 9 bærer snittskåren fra 1. og 2. "
            "samtale, slik kilden sier.",
            PUBLISHER,
        )
    if checklist.item_set is not None:
        version = (
            "" if checklist.item_set_version is None else f", versjon {checklist.item_set_version}"
        )
        return (
            f"Punktsett «{checklist.item_set}»{version}, valgt av teamet eller "
            "organisasjonen som bruker det; ikke rapportens sjekkliste.",
            None,
        )
    return (
        "Punkter valgt av teamet (punktsettet er ikke oppgitt); ikke rapportens sjekkliste.",
        None,
    )


def checklist_questionnaire(
    checklist: CollaborationChecklist | None = None, *, base_url: str = DEFAULT_BASE_URL
) -> dict[str, Any]:
    """The Questionnaire of a checklist's items; without one, of the library's proposal.

    The ``url`` is ``{base_url}/Questionnaire/sjekkliste-samhandling`` for every item set.
    The ``version`` is ``laeringsnettverk-forslag-1`` for the library's proposed ten items
    (:data:`~laeringsnettverk.toolkit.DEFAULT_CHECKLIST_ITEMS`, with the item set unstated
    or ``laeringsnettverk-forslag`` 1): that one is among the conformance resources. Any
    other items get a version derived from the item set and the items' texts, so
    checklists with the same items, of any user, share one Questionnaire (and id).

    The items are a ``choice`` item per checklist item (its text; the three
    ``item-status`` codes as ``answerOption``) with the note (``text``), date and value
    (``decimal``) nested under it. The ``status`` is ``draft``: the items are a proposal
    (the library's or a team's), not a form an organisation has published. The
    ``description`` says whose items they are and that they are not the source report's
    checklist; the ``publisher`` is the library for its proposal and absent otherwise (an
    organisation that adopts an item set publishes its own Questionnaire, ``active``, under
    its own base URL).

    ```pycon
    >>> q = checklist_questionnaire()
    >>> q["version"], q["status"], q["publisher"]
    ('laeringsnettverk-forslag-1', 'draft', 'laeringsnettverk (Python-biblioteket)')

    ```
    """
    base = check_base_url(base_url)
    if checklist is None:
        checklist = CollaborationChecklist(items=DEFAULT_CHECKLIST_ITEMS)
    elif not isinstance(checklist, CollaborationChecklist):
        raise ValidationError.one(
            ("checklist",), "must be a CollaborationChecklist", type(checklist).__name__
        )
    texts = [encode_text(item.text) for item in checklist.items]
    if is_proposal(checklist):
        version = PROPOSAL_VERSION
    else:
        shape = [_SHAPE, checklist.item_set, checklist.item_set_version, texts]
        version = hashlib.sha256(json.dumps(shape).encode("utf-8")).hexdigest()[:16]
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
    description, publisher = _origin(checklist)
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, base)
    q: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": str(uuid.uuid5(namespace, f"questionnaire/{url}|{version}")),
        "url": url,
        "version": version,
        "name": "SjekklisteSamhandling",
        "title": CHECKLIST_CODE[1],
        "status": "draft",
        "subjectType": ["Patient", "Group"],
    }
    if publisher is not None:
        q["publisher"] = publisher
    q["description"] = description
    q["code"] = [coding(code_system_url(base, "instrument"), *CHECKLIST_CODE)]
    q["item"] = items
    return finish(q, f"Sjekkliste for samhandling med {len(items)} punkter. {description}")


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
    the Observation (derived data) are not needed. The item set comes from the response's
    ``item-set`` extension (absent: unstated).

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
        **_read_item_set(r, base),
    }
    ident = r.opt_obj("identifier")
    identifier = None
    if ident is not None and ident.data.get("system") == f"{base}/identifier/checklist":
        identifier = ident.text("value", base)
    return CollaborationChecklist(
        items=items,
        date=r.date("authored"),
        identifier=identifier,
        **values,
    )


def _read_item_set(r: Reader, base: str) -> dict[str, str | None]:
    ext = r.extension(extension_url(base, "item-set"))
    if ext is None:
        return {}
    found: dict[str, str | None] = {"item_set": None, "item_set_version": None}
    for part in ext.objs("extension"):
        if part.data.get("url") == "code":
            found["item_set"] = part.string("valueCode")
        elif part.data.get("url") == "version":
            found["item_set_version"] = part.string("valueString")
    if found["item_set"] is None:
        raise ext.fail("extension", "needs a 'code' part")
    return found
