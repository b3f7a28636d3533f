"""The «Hva er viktig for meg»-form as a Questionnaire, responses and an Observation."""

from __future__ import annotations

import re
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
    code_system_url,
    coding,
    each_resource,
    extension_url,
    put_text,
    resource_id,
    team_reference,
)
from laeringsnettverk.fhir._subject import Subject, as_subject
from laeringsnettverk.scoring import mean_score, perceived_benefit
from laeringsnettverk.toolkit import Activity, Conversation, Scale, WhatMattersForm

__all__ = ["FormResources", "form_from_fhir", "form_to_fhir"]

MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"

GROUP = "aktivitet"
NAME = "aktivitet.navn"
AREA = "aktivitet.omraade"
SCORE = "aktivitet.skaar"

FORM_CODE = ("hva_er_viktig_for_meg", "«Hva er viktig for meg»-skjema")
MEAN_CODE = ("snittskaare", "Snittskåre")
BENEFIT_CODE = ("opplevd_nytte", "Opplevd nytte")


@attrs.frozen(kw_only=True)
class FormResources:
    """The FHIR R4 resources of one «Hva er viktig for meg»-form (plain JSON dicts).

    Made by :func:`form_to_fhir`; read back with :func:`form_from_fhir`.
    """

    questionnaire: dict[str, Any] = attrs.field(hash=False)
    """The form's definition: its activities, the scale (``minValue``/``maxValue``) and
    which end is better."""
    responses: tuple[dict[str, Any], ...] = attrs.field(hash=False)
    """One QuestionnaireResponse per conversation, in the form's order."""
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


def form_to_fhir(
    form: WhatMattersForm, *, subject: Subject | str, base_url: str = DEFAULT_BASE_URL
) -> FormResources:
    """Map a form to a Questionnaire, a response per conversation and an Observation.

    The Questionnaire is the form's definition: a repeating group ``aktivitet`` with the
    activity's name (string), its conversation-wheel area (string) and its score (integer,
    bounded by the core ``minValue``/``maxValue`` extensions for the form's scale). The
    user's activities, in order, sit in the library's ``activity`` extension, so a form
    with no conversation yet survives too; its ``subjectType`` is ``Group`` for a subject
    given as a Group reference, else ``Patient``. The form's team is the Questionnaire's
    ``publisher``, and each response's ``author`` and the Observation's ``performer`` (a
    logical reference to an Organization with the identifier ``{base}/identifier/team``).
    Each response repeats the group once per activity; an activity left unscored has no
    score item. A response is ``completed`` when the conversation scored at least one
    activity, else ``in-progress`` (nothing but the activities' names is filled in).

    The Observation of the means and the perceived benefit has a component per
    conversation mean (``snittskaare``) and per benefit from the 1st to each later
    conversation (``opplevd_nytte``), each a ``valueQuantity`` in ``{score}``, and
    ``derivedFrom`` the responses.

    Raises:
        ValidationError: for a scale beyond FHIR's 32-bit integers, or a bad ``base_url``.
    """
    base = check_base_url(base_url)
    c = Checker()
    if not isinstance(form, WhatMattersForm):
        c.add(("form",), "must be a WhatMattersForm", type(form).__name__)
    c.done()
    check_unicode(form)  # a lone surrogate cannot be written as UTF-8
    for name in ("minimum", "maximum"):
        value = getattr(form.scale, name)
        if not INT32_MIN <= value <= INT32_MAX:
            c.add(("scale", name), "is beyond FHIR's integer range (32 bits)", value)
    c.done()
    ref = as_subject(subject).to_reference()
    qid = resource_id(base, "form", form, "questionnaire", subject=ref)
    url = f"{base}/Questionnaire/{qid}"
    questionnaire = _questionnaire(form, base, qid, url)
    if re.search(r"(^|/)Group/", str(ref.get("reference", ""))):
        questionnaire["subjectType"] = ["Group"]  # answered for a group (rare, but allowed)
    responses = tuple(
        _response(form=form, conv=conv, number=n, base=base, url=url, ref=ref)
        for n, conv in enumerate(form.conversations, 1)
    )
    observation = _observation(form, responses, base, ref)
    return FormResources(questionnaire=questionnaire, responses=responses, observation=observation)


def _questionnaire(form: WhatMattersForm, base: str, qid: str, url: str) -> dict[str, Any]:
    extensions: list[dict[str, Any]] = []
    for activity in form.activities:
        parts: list[dict[str, Any]] = [{"url": "name"}]
        put_text(parts[0], "valueString", activity.name, base)
        if activity.area is not None:
            area: dict[str, Any] = {"url": "area"}
            put_text(area, "valueString", activity.area, base)
            parts.append(area)
        extensions.append({"url": extension_url(base, "activity"), "extension": parts})
    scale = form.scale
    easiest, hardest = (
        (scale.maximum, scale.minimum) if scale.higher_is_better else (scale.minimum, scale.maximum)
    )
    q: dict[str, Any] = {"resourceType": "Questionnaire", "id": qid}
    if extensions:
        q["extension"] = extensions
    q["url"] = url
    if form.identifier is not None:
        ident: dict[str, Any] = {"system": f"{base}/identifier/form"}
        put_text(ident, "value", form.identifier, base)
        q["identifier"] = [ident]
    q.update(
        {
            "name": "HvaErViktigForMeg",
            "title": "«Hva er viktig for meg»-skjema",
            "status": "active",
            "subjectType": ["Patient"],
        }
    )
    if form.team is not None:
        put_text(q, "publisher", form.team, base)  # the team that made the form for the user
    q.update(
        {
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
    )
    return q


def _response(
    *,
    form: WhatMattersForm,
    conv: Conversation,
    number: int,
    base: str,
    url: str,
    ref: dict[str, Any],
) -> dict[str, Any]:
    groups = []
    for activity in form.activities:
        name: dict[str, Any] = {}
        put_text(name, "valueString", activity.name, base)
        children: list[dict[str, Any]] = [{"linkId": NAME, "answer": [name]}]
        if activity.area is not None:
            area: dict[str, Any] = {}
            put_text(area, "valueString", activity.area, base)
            children.append({"linkId": AREA, "answer": [area]})
        score = conv.scores.get(activity.name)
        if score is not None:
            children.append({"linkId": SCORE, "answer": [{"valueInteger": score}]})
        groups.append({"linkId": GROUP, "item": children})
    qr: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": resource_id(base, "form", form, f"response/{number}", subject=ref),
        "questionnaire": url,
        # R4: "completed" is a response filled out with answers; with no score given, only
        # the activities' names (copied from the form) are there: it is still "in-progress"
        "status": "completed" if conv.scores else "in-progress",
        "subject": dict(ref),
        "authored": conv.date.isoformat(),
    }
    if form.team is not None:
        qr["author"] = team_reference(base, form.team)
    if groups:
        qr["item"] = groups
    return qr


def _observation(
    form: WhatMattersForm,
    responses: tuple[dict[str, Any], ...],
    base: str,
    ref: dict[str, Any],
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
        "id": resource_id(base, "form", form, "observation", subject=ref),
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
    return obs


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
    value = perceived_benefit(
        [a for a, _ in pairs], [b for _, b in pairs], higher_is_better=form.scale.higher_is_better
    )
    return value


# -- reading -------------------------------------------------------------------------------


def form_from_fhir(
    questionnaire: Mapping[str, Any],
    responses: Iterable[Mapping[str, Any]] = (),
    *,
    base_url: str = DEFAULT_BASE_URL,
) -> WhatMattersForm:
    """Read a form back from its Questionnaire and QuestionnaireResponses.

    The inverse of :func:`form_to_fhir`: ``form_from_fhir(r.questionnaire, r.responses)``
    equals the form. Responses may come in any order (they are sorted by ``authored``);
    the Observation is derived data and is not needed.

    Raises:
        ValidationError: for resources that do not have the shape :func:`form_to_fhir`
            makes (JSON paths), or that make an invalid form (model paths).
    """
    base = check_base_url(base_url)
    q = Reader(questionnaire)
    if q.data.get("resourceType") != "Questionnaire":
        raise q.fail("resourceType", "must be 'Questionnaire'", q.data.get("resourceType"))
    activities: list[Activity] = []
    for ext in q.objs("extension"):
        if ext.data.get("url") != extension_url(base, "activity"):
            continue
        name = area = None
        for part in ext.objs("extension"):
            if part.data.get("url") == "name":
                name = part.text("valueString", base)
            elif part.data.get("url") == "area":
                area = part.text("valueString", base)
        if name is None:
            raise ext.fail("extension", "needs a 'name' part")
        activities.append(Activity(name=name, area=area))
    team = q.opt_text("publisher", base)
    identifier = None
    for ident in q.objs("identifier"):
        if ident.data.get("system") == f"{base}/identifier/form":
            identifier = ident.text("value", base)
    scale = _read_scale(q, base)
    url = q.opt_str("url")
    conversations = []
    for i, data in enumerate(each_resource(responses, "responses")):
        r = Reader(data, (i,))
        if r.data.get("resourceType") != "QuestionnaireResponse":
            raise r.fail(
                "resourceType", "must be 'QuestionnaireResponse'", r.data.get("resourceType")
            )
        if url is not None and r.data.get("questionnaire", url) != url:
            raise r.fail("questionnaire", f"must be the questionnaire's url {url}")
        conversations.append(_read_conversation(r, base))
    conversations.sort(key=lambda conv: conv.date)
    return WhatMattersForm(
        activities=activities,
        conversations=conversations,
        scale=scale,
        identifier=identifier,
        team=team,
    )


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


def _read_conversation(r: Reader, base: str) -> Conversation:
    date = r.date("authored")
    scores: dict[str, int] = {}
    for group in r.objs("item"):
        if group.data.get("linkId") != GROUP:
            continue
        name_item = _item(group, NAME)
        if name_item is None:
            raise group.fail("item", f"needs the item '{NAME}'")
        name = _answer(name_item).text("valueString", base)
        score_item = _item(group, SCORE)
        if score_item is not None:
            if name in scores:
                raise group.fail(None, "scores an activity twice")
            scores[name] = _answer(score_item).integer("valueInteger")
    return Conversation(date=date, scores=scores)
