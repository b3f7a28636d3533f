"""The action plan as a CarePlan."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from laeringsnettverk._checks import Checker, check_unicode
from laeringsnettverk.fhir._common import (
    DEFAULT_BASE_URL,
    Reader,
    check_base_url,
    check_id_key,
    code_system_url,
    coding,
    extension_url,
    finish,
    put_text,
    resource_id,
)
from laeringsnettverk.fhir._norway import HPR_SYSTEM, check_hpr_numbers
from laeringsnettverk.fhir._subject import Subject, as_subject
from laeringsnettverk.toolkit import ActionPlan, Measure, MeasureStatus, Responsible

__all__ = ["MEASURE_STATUS_TO_FHIR", "plan_from_fhir", "plan_to_fhir"]

MEASURE_STATUS_TO_FHIR: Mapping[MeasureStatus, str] = MappingProxyType(
    {
        MeasureStatus.PLANNED: "not-started",
        MeasureStatus.IN_PROGRESS: "in-progress",
        MeasureStatus.DONE: "completed",
        MeasureStatus.CANCELLED: "cancelled",
    }
)
"""A measure's status as ``CarePlan.activity.detail.status`` (one to one, so it reads back)."""

_FROM_FHIR = {fhir: status for status, fhir in MEASURE_STATUS_TO_FHIR.items()}
INDIVIDUAL_PLAN = ("individuell_plan", "Individuell plan (IP)")


def plan_to_fhir(
    plan: ActionPlan,
    *,
    subject: Subject | str,
    goals: Sequence[str] = (),
    base_url: str = DEFAULT_BASE_URL,
    id_key: bytes | None = None,
    hpr_numbers: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Map an action plan to a CarePlan (``intent`` ``plan``).

    Each measure is an ``activity.detail``: ``status`` (see :data:`MEASURE_STATUS_TO_FHIR`),
    ``description``, ``performer`` for the responsible person (its ``display``, with the
    role and name in the library's ``responsible`` extension), ``scheduledPeriod.end`` for
    the due date, ``reasonCode`` texts for the activities it serves, and the user's
    comments as ``progress`` annotations. An individual plan (IP) has the category
    ``individuell_plan`` of ``{base}/CodeSystem/plan-type``; the plan's date is
    ``created``. The CarePlan's ``status`` is ``completed`` when every measure is done or
    cancelled, else ``active``.

    ``goals`` are references to Goal resources (``"Goal/<id>"``) the plan serves: they
    go into ``CarePlan.goal`` and every activity's ``detail.goal``. They are not part of
    the plan, so :func:`plan_from_fhir` does not read them.

    ``hpr_numbers`` maps a responsible person's name to their HPR number (the Norwegian
    health personnel register's number, where you know it): that performer becomes a
    logical reference to a Practitioner with the identifier
    ``urn:oid:2.16.578.1.12.4.1.4.4``. A measure without a name, or a name not in the
    mapping, keeps its ``display`` only.

    Raises:
        ValidationError: for a bad ``goals`` list, an HPR number that is not 1 to 9 digits,
            a bad ``base_url`` or ``id_key``.
    """
    base = check_base_url(base_url)
    key = check_id_key(id_key)
    hpr = check_hpr_numbers(hpr_numbers)
    c = Checker()
    if not isinstance(plan, ActionPlan):
        c.add(("plan",), "must be an ActionPlan", type(plan).__name__)
    if isinstance(goals, str):
        c.add(("goals",), "must be a sequence of references, not one string", goals)
    else:
        for i, goal in enumerate(goals):
            if not isinstance(goal, str) or not goal or any(ch.isspace() for ch in goal):
                c.add(("goals", i), "must be a reference without spaces", goal)
    c.done()
    check_unicode(plan)  # a lone surrogate cannot be written as UTF-8
    goal_refs = [{"reference": goal} for goal in goals]
    ref = as_subject(subject).to_reference()
    care_plan: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": resource_id(base, "plan", plan, "careplan", subject=ref, id_key=key),
    }
    if plan.identifier is not None:
        ident: dict[str, Any] = {"system": f"{base}/identifier/plan"}
        put_text(ident, "value", plan.identifier, base)
        care_plan["identifier"] = [ident]
    closed = (MeasureStatus.DONE, MeasureStatus.CANCELLED)
    finished = bool(plan.measures) and all(m.status in closed for m in plan.measures)
    care_plan["status"] = "completed" if finished else "active"
    care_plan["intent"] = "plan"
    if plan.individual_plan:
        care_plan["category"] = [
            {
                "coding": [coding(code_system_url(base, "plan-type"), *INDIVIDUAL_PLAN)],
                "text": INDIVIDUAL_PLAN[1],
            }
        ]
    care_plan["title"] = "Individuell plan" if plan.individual_plan else "Plan"
    care_plan["subject"] = ref
    if plan.date is not None:
        care_plan["created"] = plan.date.isoformat()
    if goal_refs:
        care_plan["goal"] = [dict(g) for g in goal_refs]
    activities = [_activity(m, base, goal_refs, hpr) for m in plan.measures]
    if activities:
        care_plan["activity"] = activities
    kind = "Individuell plan" if plan.individual_plan else "Plan"
    return finish(care_plan, f"{kind} med {len(plan.measures)} tiltak.")


def _activity(
    measure: Measure, base: str, goal_refs: list[dict[str, str]], hpr: Mapping[str, str]
) -> dict[str, Any]:
    detail: dict[str, Any] = {}
    if measure.serves:
        reasons = []
        for name in measure.serves:
            reason: dict[str, Any] = {}
            put_text(reason, "text", name, base)
            reasons.append(reason)
        detail["reasonCode"] = reasons
    if goal_refs:
        detail["goal"] = [dict(g) for g in goal_refs]
    detail["status"] = MEASURE_STATUS_TO_FHIR[measure.status]
    if measure.due is not None:
        detail["scheduledPeriod"] = {"end": measure.due.isoformat()}
    detail["performer"] = [_performer(measure.responsible, base, hpr)]
    put_text(detail, "description", measure.description, base)
    activity: dict[str, Any] = {}
    if measure.comments:
        progress = []
        for comment in measure.comments:
            note: dict[str, Any] = {}
            put_text(note, "text", comment, base)
            progress.append(note)
        activity["progress"] = progress
    activity["detail"] = detail
    return activity


def _performer(responsible: Responsible, base: str, hpr: Mapping[str, str]) -> dict[str, Any]:
    role: dict[str, Any] = {"url": "role"}
    put_text(role, "valueString", responsible.role, base)
    parts = [role]
    if responsible.name is not None:
        name: dict[str, Any] = {"url": "name"}
        put_text(name, "valueString", responsible.name, base)
        parts.append(name)
    performer: dict[str, Any] = {
        "extension": [{"url": extension_url(base, "responsible"), "extension": parts}]
    }
    number = None if responsible.name is None else hpr.get(responsible.name)
    if number is not None:
        performer["type"] = "Practitioner"
        performer["identifier"] = {"system": HPR_SYSTEM, "value": number}
    shown = (
        responsible.role
        if responsible.name is None
        else (f"{responsible.name} ({responsible.role})")
    )
    put_text(performer, "display", shown, base)
    return performer


def plan_from_fhir(care_plan: Mapping[str, Any], *, base_url: str = DEFAULT_BASE_URL) -> ActionPlan:
    """Read an action plan back from its CarePlan (the inverse of :func:`plan_to_fhir`).

    Raises:
        ValidationError: for a CarePlan that does not have the shape :func:`plan_to_fhir`
            makes (JSON paths).
    """
    base = check_base_url(base_url)
    r = Reader(care_plan)
    if r.data.get("resourceType") != "CarePlan":
        raise r.fail("resourceType", "must be 'CarePlan'", r.data.get("resourceType"))
    identifier = None
    for ident in r.objs("identifier"):
        if ident.data.get("system") == f"{base}/identifier/plan":
            identifier = ident.text("value", base)
    plan_type = code_system_url(base, "plan-type")
    individual = any(
        code.data.get("system") == plan_type and code.data.get("code") == INDIVIDUAL_PLAN[0]
        for category in r.objs("category")
        for code in category.objs("coding")
    )
    measures = []
    for activity in r.objs("activity"):
        detail = activity.obj("detail")
        status_code = detail.string("status")
        status = _FROM_FHIR.get(status_code)
        if status is None:
            raise detail.fail(
                "status",
                "must be not-started, in-progress, completed or cancelled",
                status_code,
            )
        performers = detail.objs("performer")
        if len(performers) != 1:
            raise detail.fail("performer", "must hold exactly one performer")
        period = detail.opt_obj("scheduledPeriod")
        measures.append(
            Measure(
                description=detail.text("description", base),
                responsible=_read_responsible(performers[0], base),
                serves=[reason.text("text", base) for reason in detail.objs("reasonCode")],
                due=None if period is None else period.date("end"),
                status=status,
                comments=[note.text("text", base) for note in activity.objs("progress")],
            )
        )
    return ActionPlan(
        measures=measures,
        individual_plan=individual,
        date=r.opt_date("created"),
        identifier=identifier,
    )


def _read_responsible(performer: Reader, base: str) -> Responsible:
    ext = performer.extension(extension_url(base, "responsible"))
    if ext is None:
        return Responsible(role=performer.text("display", base))
    role = name = None
    for part in ext.objs("extension"):
        if part.data.get("url") == "role":
            role = part.text("valueString", base)
        elif part.data.get("url") == "name":
            name = part.text("valueString", base)
    if role is None:
        raise ext.fail("extension", "needs a 'role' part")
    return Responsible(role=role, name=name)
