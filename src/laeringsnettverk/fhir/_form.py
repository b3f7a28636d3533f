"""The «Hva er viktig for meg»-form as a shared Questionnaire, responses and an Observation."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from laeringsnettverk._checks import Checker, check_unicode
from laeringsnettverk.fhir._common import (
    DEFAULT_BASE_URL,
    INT32_MAX,
    INT32_MIN,
    UCUM,
    Reader,
    check_base_url,
    check_id_key,
    code_system_url,
    coding,
    decode_text,
    each_resource,
    encode_text,
    extension_url,
    finish,
    put_text,
    read_team,
    resource_id,
    team_reference,
)
from laeringsnettverk.fhir._subject import Subject, as_subject
from laeringsnettverk.scoring import mean_score, perceived_benefit
from laeringsnettverk.toolkit import Activity, Conversation, Scale, WhatMattersForm

__all__ = ["FormResources", "form_from_fhir", "form_questionnaire", "form_to_fhir"]

MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
PUBLISHER = "laeringsnettverk (Python-biblioteket)"

GROUP = "aktivitet"
NAME = "aktivitet.navn"
AREA = "aktivitet.omraade"
SCORE = "aktivitet.skaar"

FORM_CODE = ("hva_er_viktig_for_meg", "«Hva er viktig for meg»-skjema")
MEAN_CODE = ("snittskaare", "Snittskåre")
BENEFIT_CODE = ("opplevd_nytte", "Opplevd nytte")
# The version of the Questionnaire's shape: changes whenever its items change.
FORM_VERSION = "1"


def form_questionnaire_url(base: str) -> str:
    """The canonical URL of the form's shared Questionnaires (one version per scale)."""
    return f"{base}/Questionnaire/hva-er-viktig-for-meg"


def form_version(scale: Scale) -> str:
    """The Questionnaire version of a scale: ``1`` for the toolkit's, a digest for others."""
    if scale == Scale():
        return FORM_VERSION
    shape = [FORM_VERSION, scale.minimum, scale.maximum, scale.higher_is_better]
    return f"{FORM_VERSION}-{hashlib.sha256(json.dumps(shape).encode()).hexdigest()[:16]}"


def is_published_scale(scale: Scale) -> bool:
    """True when the form's Questionnaire for ``scale`` is among the conformance resources."""
    return scale == Scale()


@attrs.frozen(kw_only=True)
class FormResources:
    """The FHIR R4 resources of one «Hva er viktig for meg»-form (plain JSON dicts).

    Made by :func:`form_to_fhir`; read back with :func:`form_from_fhir`.
    """

    questionnaire: dict[str, Any] = attrs.field(hash=False)
    """The shared definition of the form for its scale (:func:`form_questionnaire`): the
    same resource for every user, with nothing of the user's in it."""
    responses: tuple[dict[str, Any], ...] = attrs.field(hash=False)
    """One QuestionnaireResponse per conversation, in the form's order; for a form with no
    conversation yet, one response (``in-progress``, no ``authored``) with its activities."""
    observation: dict[str, Any] | None = attrs.field(hash=False)
    """The means and the perceived benefit (category ``survey``), derived from the
    responses; ``None`` when no conversation scored anything."""

    def resources(self) -> tuple[dict[str, Any], ...]:
        """Every resource: the Questionnaire, the responses, then the Observation."""
        obs = () if self.observation is None else (self.observation,)
        return (self.questionnaire, *self.responses, *obs)


def survey_category() -> list[dict[str, Any]]:
    """Observation.category ``survey``."""
    return [{"coding": [coding(OBSERVATION_CATEGORY, "survey", "Survey")]}]


def score_quantity(value: float) -> dict[str, Any]:
    """A score as a Quantity in UCUM ``{score}``."""
    return {"value": value, "unit": "{score}", "system": UCUM, "code": "{score}"}


def form_questionnaire(
    scale: Scale | None = None, *, base_url: str = DEFAULT_BASE_URL
) -> dict[str, Any]:
    """The shared Questionnaire of the «Hva er viktig for meg»-form for a scale.

    One canonical resource per form version, the same for every user: ``url``
    ``{base_url}/Questionnaire/hva-er-viktig-for-meg``, ``version`` ``1`` for the toolkit's
    scale (1 to 10, 10 the easiest; the default) and ``1-<digest>`` for another scale. A
    repeating group ``aktivitet`` with the activity's name (string), its conversation-wheel
    area (string) and its score (integer, bounded by the core ``minValue``/``maxValue``
    extensions; the library's ``higher-is-better`` extension says which end is the
    easiest). No user's activities, team or identifier are in it: Questionnaire is outside
    FHIR's Patient compartment, so access control by patient would not cover them. They
    are answers in the user's QuestionnaireResponses.

    ```pycon
    >>> q = form_questionnaire()
    >>> q["url"]
    'https://laeringsnettverk.no/fhir/Questionnaire/hva-er-viktig-for-meg'
    >>> q["version"], q["subjectType"]
    ('1', ['Patient', 'Group'])

    ```

    Raises:
        ValidationError: for a scale beyond FHIR's 32-bit integers, or a bad ``base_url``.
    """
    base = check_base_url(base_url)
    scale = Scale() if scale is None else scale
    c = Checker()
    if not isinstance(scale, Scale):
        c.add(("scale",), "must be a Scale", type(scale).__name__)
    c.done()
    for name in ("minimum", "maximum"):
        value = getattr(scale, name)
        if not INT32_MIN <= value <= INT32_MAX:
            c.add(("scale", name), "is beyond FHIR's integer range (32 bits)", value)
    c.done()
    url, version = form_questionnaire_url(base), form_version(scale)
    easiest, hardest = (
        (scale.maximum, scale.minimum) if scale.higher_is_better else (scale.minimum, scale.maximum)
    )
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, base)
    q: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": str(uuid.uuid5(namespace, f"questionnaire/{url}|{version}")),
        "url": url,
        "version": version,
        "name": "HvaErViktigForMeg",
        "title": FORM_CODE[1],
        "status": "active",
        "subjectType": ["Patient", "Group"],
        "publisher": PUBLISHER,
        "description": (
            "«Hva er viktig for meg»-skjemaet fra verktøykassen «Hva er viktig for deg?»: "
            "aktiviteter brukeren vil ha hjelp med, hver skåret etter hvor vanskelig den er. "
            "Skjemaet er kildens; dette Questionnaire-et er bibliotekets gjengivelse av det."
        ),
        "code": [coding(code_system_url(base, "instrument"), *FORM_CODE)],
        "item": [
            {
                "linkId": GROUP,
                "text": "Aktiviteter brukeren vil ha hjelp med",
                "type": "group",
                "repeats": True,
                "item": [
                    {"linkId": NAME, "text": "Aktivitet", "type": "string", "required": True},
                    {"linkId": AREA, "text": "Område i samtalehjulet", "type": "string"},
                    {
                        "extension": [
                            {"url": MIN_VALUE, "valueInteger": scale.minimum},
                            {"url": MAX_VALUE, "valueInteger": scale.maximum},
                            {
                                "url": extension_url(base, "higher-is-better"),
                                "valueBoolean": scale.higher_is_better,
                            },
                        ],
                        "linkId": SCORE,
                        "text": (
                            f"Skår fra {scale.minimum} til {scale.maximum}: "
                            f"{easiest} er lettest, {hardest} er vanskeligst"
                        ),
                        "type": "integer",
                    },
                ],
            }
        ],
    }
    return finish(
        q,
        f"Skjemaet «Hva er viktig for meg» (versjon {version}): aktiviteter brukeren vil ha "
        f"hjelp med, skåret fra {scale.minimum} til {scale.maximum}, {easiest} er lettest.",
    )


def form_to_fhir(
    form: WhatMattersForm,
    *,
    subject: Subject | str,
    base_url: str = DEFAULT_BASE_URL,
    id_key: bytes | None = None,
) -> FormResources:
    """Map a form to its shared Questionnaire, a response per conversation and an Observation.

    The Questionnaire is :func:`form_questionnaire` for the form's scale: the same for
    every user. Everything of the user's is in the QuestionnaireResponses (in FHIR's
    Patient compartment): each repeats the group ``aktivitet`` once per activity, in the
    form's order, with the activity's name and area and, when the conversation scored it,
    its score (an activity left unscored has no score item). ``authored`` is the
    conversation's date; ``status`` is ``completed`` when the conversation scored at least
    one activity, else ``in-progress``. A form with no conversation yet has one response
    with its activities, ``in-progress`` and without ``authored``. The form's team is each
    response's ``author`` and the Observation's ``performer`` (an Organization by the
    identifier ``{base}/identifier/team``); the form's municipality number is each
    response's extension ``municipality`` (``valueCode``); the form's identifier is each response's
    ``identifier`` (system ``{base}/identifier/form``, value ``<identifier>#<n>``, the
    conversation's number, 0 for the response of a form without conversations).

    The Observation of the means and the perceived benefit has a component per
    conversation mean (``snittskaare``) and per benefit from the 1st to each later
    conversation (``opplevd_nytte``), each a ``valueQuantity`` in ``{score}``, and
    ``derivedFrom`` the responses.

    Ids are derived as :func:`~laeringsnettverk.fhir.bundle` describes; ``id_key`` (bytes,
    at least 16) is the caller's secret that mixes an identity-number subject into them.

    Raises:
        ValidationError: for a scale beyond FHIR's 32-bit integers, a bad ``base_url`` or
            ``id_key``.
    """
    base = check_base_url(base_url)
    key = check_id_key(id_key)
    c = Checker()
    if not isinstance(form, WhatMattersForm):
        c.add(("form",), "must be a WhatMattersForm", type(form).__name__)
    c.done()
    check_unicode(form)  # a lone surrogate cannot be written as UTF-8
    questionnaire = form_questionnaire(form.scale, base_url=base)
    ref = as_subject(subject).to_reference()
    canonical = f"{questionnaire['url']}|{questionnaire['version']}"
    responses: tuple[dict[str, Any], ...]
    if form.conversations:
        responses = tuple(
            _response(form, conv, number=n, base=base, canonical=canonical, ref=ref, key=key)
            for n, conv in enumerate(form.conversations, 1)
        )
    else:
        responses = (
            _response(form, None, number=0, base=base, canonical=canonical, ref=ref, key=key),
        )
    observation = _observation(form, responses, base, ref, key)
    return FormResources(questionnaire=questionnaire, responses=responses, observation=observation)


def _response(
    form: WhatMattersForm,
    conv: Conversation | None,
    *,
    number: int,
    base: str,
    canonical: str,
    ref: dict[str, Any],
    key: bytes | None,
) -> dict[str, Any]:
    scores: Mapping[str, int] = {} if conv is None else conv.scores
    groups = []
    for activity in form.activities:
        name: dict[str, Any] = {}
        put_text(name, "valueString", activity.name, base)
        children: list[dict[str, Any]] = [{"linkId": NAME, "answer": [name]}]
        if activity.area is not None:
            area: dict[str, Any] = {}
            put_text(area, "valueString", activity.area, base)
            children.append({"linkId": AREA, "answer": [area]})
        score = scores.get(activity.name)
        if score is not None:
            children.append({"linkId": SCORE, "answer": [{"valueInteger": score}]})
        groups.append({"linkId": GROUP, "item": children})
    qr: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": resource_id(base, "form", form, f"response/{number}", subject=ref, id_key=key),
    }
    if form.municipality is not None:
        qr["extension"] = [
            {"url": extension_url(base, "municipality"), "valueCode": form.municipality}
        ]
    if form.identifier is not None:
        qr["identifier"] = {
            "system": f"{base}/identifier/form",
            "value": encode_text(f"{form.identifier}#{number}"),
        }
    qr["questionnaire"] = canonical
    # R4: "completed" is a response filled out with answers; with no score given, only
    # the activities' names (copied from the form) are there: it is still "in-progress"
    qr["status"] = "completed" if scores else "in-progress"
    qr["subject"] = dict(ref)
    if conv is not None:
        qr["authored"] = conv.date.isoformat()
    if form.team is not None:
        qr["author"] = team_reference(base, form.team)
    if groups:
        qr["item"] = groups
    if conv is None:
        summary = (
            f"«Hva er viktig for meg»-skjema uten samtaler ennå: {len(form.activities)} "
            "aktiviteter."
        )
    else:
        summary = (
            f"«Hva er viktig for meg»-skjema, {number}. samtale {conv.date.isoformat()}: "
            f"{len(scores)} av {len(form.activities)} aktiviteter skåret."
        )
    return finish(qr, summary)


def _observation(
    form: WhatMattersForm,
    responses: tuple[dict[str, Any], ...],
    base: str,
    ref: dict[str, Any],
    key: bytes | None,
) -> dict[str, Any] | None:
    if not form.conversations:
        return None
    score_system = code_system_url(base, "score")
    number_url = extension_url(base, "conversation")
    components: list[dict[str, Any]] = []
    for n, conv in enumerate(form.conversations, 1):
        if conv.scores:
            components.append(
                {
                    "extension": [{"url": number_url, "valueInteger": n}],
                    "code": {
                        "coding": [coding(score_system, *MEAN_CODE)],
                        "text": f"Snittskåre, {n}. samtale",
                    },
                    "valueQuantity": score_quantity(mean_score(conv.scores.values())),
                }
            )
    first = form.conversations[0]
    for k, conv in enumerate(form.conversations[1:], 2):
        value = _benefit(form, first.scores, conv.scores)
        if value is not None:
            components.append(
                {
                    "extension": [
                        {"url": extension_url(base, "from-conversation"), "valueInteger": 1},
                        {"url": extension_url(base, "to-conversation"), "valueInteger": k},
                    ],
                    "code": {
                        "coding": [coding(score_system, *BENEFIT_CODE)],
                        "text": f"Opplevd nytte fra 1. til {k}. samtale",
                    },
                    "valueQuantity": score_quantity(value),
                }
            )
    if not components:
        return None
    obs: dict[str, Any] = {
        "resourceType": "Observation",
        "id": resource_id(base, "form", form, "observation", subject=ref, id_key=key),
        "status": "final",
        "category": survey_category(),
        "code": {
            "coding": [coding(code_system_url(base, "instrument"), *FORM_CODE)],
            "text": FORM_CODE[1],
        },
        "subject": dict(ref),
    }
    last = form.conversations[-1]
    if len(form.conversations) == 1:
        obs["effectiveDateTime"] = first.date.isoformat()
    else:
        obs["effectivePeriod"] = {"start": first.date.isoformat(), "end": last.date.isoformat()}
    if form.team is not None:
        obs["performer"] = [team_reference(base, form.team)]
    obs["derivedFrom"] = [{"reference": f"QuestionnaireResponse/{r['id']}"} for r in responses]
    obs["component"] = components
    return finish(
        obs,
        f"Snittskåre per samtale og opplevd nytte fra «Hva er viktig for meg»-skjemaet "
        f"({len(form.conversations)} samtaler).",
    )


def _benefit(
    form: WhatMattersForm, before: Mapping[str, int], after: Mapping[str, int]
) -> float | None:
    pairs = [
        (before[name], after[name])
        for name in form.activity_names
        if name in before and name in after
    ]
    if not pairs:
        return None
    return perceived_benefit(
        [a for a, _ in pairs], [b for _, b in pairs], higher_is_better=form.scale.higher_is_better
    )


# -- reading -------------------------------------------------------------------------------


def form_from_fhir(
    questionnaire: Mapping[str, Any],
    responses: Iterable[Mapping[str, Any]] = (),
    *,
    base_url: str = DEFAULT_BASE_URL,
) -> WhatMattersForm:
    """Read a form back from its Questionnaire and QuestionnaireResponses.

    The inverse of :func:`form_to_fhir`: ``form_from_fhir(r.questionnaire, r.responses)``
    equals the form. The Questionnaire gives the scale; the responses give the activities,
    the team, the identifier and the conversations. Responses may come in any order (they
    are sorted by ``authored``); the Observation is derived data and is not needed.

    Raises:
        ValidationError: for resources that do not have the shape :func:`form_to_fhir`
            makes (JSON paths), responses that disagree on the activities, the team or the
            identifier, or that make an invalid form (model paths).
    """
    base = check_base_url(base_url)
    q = Reader(questionnaire)
    if q.data.get("resourceType") != "Questionnaire":
        raise q.fail("resourceType", "must be 'Questionnaire'", q.data.get("resourceType"))
    scale = _read_scale(q, base)
    url = q.opt_str("url")
    version = q.opt_str("version")
    canonical = None if url is None else url if version is None else f"{url}|{version}"
    shared: dict[str, object] = {}
    conversations = []
    activities: list[Activity] = []
    without_date = []
    for i, data in enumerate(each_resource(responses, "responses")):
        r = Reader(data, (i,))
        if r.data.get("resourceType") != "QuestionnaireResponse":
            raise r.fail(
                "resourceType", "must be 'QuestionnaireResponse'", r.data.get("resourceType")
            )
        if canonical is not None and r.data.get("questionnaire", canonical) != canonical:
            raise r.fail("questionnaire", f"must be the questionnaire's canonical {canonical}")
        listed, scores = _read_response(r, base)
        for name, key, value in (
            ("identifier", "identifier", _read_identifier(r, base)),
            ("team", "author", read_team(r, "author", base)),
            ("municipality", "extension", _read_municipality(r, base)),
            ("activities", "item", listed),
        ):
            if name in shared and shared[name] != value:
                raise r.fail(key, f"has other {name} than the first response")
            shared[name] = value
        activities = listed
        if "authored" in r.data:
            conversations.append(Conversation(date=r.date("authored"), scores=scores))
        else:
            without_date.append(r)
    if without_date and (conversations or len(without_date) > 1):
        raise without_date[0].fail(
            "authored",
            "is required: only the one response of a form without conversations has none",
        )
    conversations.sort(key=lambda conv: conv.date)
    identifier, team = shared.get("identifier"), shared.get("team")
    municipality = shared.get("municipality")
    return WhatMattersForm(
        activities=activities,
        conversations=conversations,
        scale=scale,
        identifier=identifier if isinstance(identifier, str) else None,
        team=team if isinstance(team, str) else None,
        municipality=municipality if isinstance(municipality, str) else None,
    )


def _read_municipality(r: Reader, base: str) -> str | None:
    """The form's municipality number from a response's extension, or None."""
    ext = r.extension(extension_url(base, "municipality"))
    return None if ext is None else ext.string("valueCode")


def _read_identifier(r: Reader, base: str) -> str | None:
    """The form's identifier from a response's ``<identifier>#<n>``, or None."""
    ident = r.opt_obj("identifier")
    if ident is None or ident.data.get("system") != f"{base}/identifier/form":
        return None
    document, mark, number = decode_text(ident.string("value")).rpartition("#")
    if not mark or not number.isdigit():
        raise ident.fail("value", "must be <identifier>#<conversation number>")
    return document


def _item(parent: Reader, link_id: str) -> Reader | None:
    for item in parent.objs("item"):
        if item.data.get("linkId") == link_id:
            return item
    return None


def _read_scale(q: Reader, base: str) -> Scale:
    group = _item(q, GROUP)
    score = None if group is None else _item(group, SCORE)
    if score is None:
        raise q.fail("item", f"needs the group '{GROUP}' with the item '{SCORE}'")
    lo, hi = score.extension(MIN_VALUE), score.extension(MAX_VALUE)
    better = score.extension(extension_url(base, "higher-is-better"))
    if lo is None or hi is None:
        raise score.fail("extension", "needs the minValue and maxValue extensions")
    return Scale(
        minimum=lo.integer("valueInteger"),
        maximum=hi.integer("valueInteger"),
        higher_is_better=True if better is None else better.boolean("valueBoolean"),
    )


def _answer(item: Reader) -> Reader:
    answers = item.objs("answer")
    if len(answers) != 1:
        raise item.fail("answer", "must hold exactly one answer")
    return answers[0]


def _read_response(r: Reader, base: str) -> tuple[list[Activity], dict[str, int]]:
    """The activities a response lists, in order, and the scores it gives."""
    activities: list[Activity] = []
    scores: dict[str, int] = {}
    for group in r.objs("item"):
        if group.data.get("linkId") != GROUP:
            continue
        name_item = _item(group, NAME)
        if name_item is None:
            raise group.fail("item", f"needs the item '{NAME}'")
        name = _answer(name_item).text("valueString", base)
        area_item = _item(group, AREA)
        area = None if area_item is None else _answer(area_item).text("valueString", base)
        activities.append(Activity(name=name, area=area))
        score_item = _item(group, SCORE)
        if score_item is not None:
            if name in scores:
                raise group.fail(None, "scores an activity twice")
            scores[name] = _answer(score_item).integer("valueInteger")
    return activities, scores
