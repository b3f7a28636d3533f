"""A transaction Bundle of all resources for one user, and reading it back."""

from __future__ import annotations

import urllib.parse
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.fhir._checklist import (
    checklist_from_fhir,
    checklist_questionnaire_url,
    checklist_to_fhir,
)
from laeringsnettverk.fhir._common import DEFAULT_BASE_URL, Reader, check_base_url
from laeringsnettverk.fhir._form import form_from_fhir, form_to_fhir
from laeringsnettverk.fhir._goal import goal_from_fhir, goal_to_fhir
from laeringsnettverk.fhir._kor import kor_from_fhir, kor_questionnaire_url, kor_to_fhir
from laeringsnettverk.fhir._plan import plan_from_fhir, plan_to_fhir
from laeringsnettverk.fhir._subject import Subject, as_subject
from laeringsnettverk.goals import SmartGoal
from laeringsnettverk.toolkit import ActionPlan, CollaborationChecklist, KorRatings, WhatMattersForm
from laeringsnettverk.toolkit._common import to_tuple

__all__ = ["BundleContents", "bundle", "bundle_from_fhir"]


@attrs.frozen(kw_only=True)
class BundleContents:
    """What :func:`bundle_from_fhir` read from a Bundle: the library's objects for one user."""

    form: WhatMattersForm | None = None
    """The «Hva er viktig for meg»-form, if the Bundle has one."""
    checklist: CollaborationChecklist | None = None
    """The collaboration checklist, if any."""
    kor: KorRatings | None = None
    """The KOR ratings, if any."""
    plan: ActionPlan | None = None
    """The action plan, if any."""
    goals: tuple[SmartGoal, ...] = attrs.field(default=(), converter=to_tuple)
    """The SMART(E) goals, in the Bundle's order."""


def bundle(
    subject: Subject | str,
    *,
    form: WhatMattersForm | None = None,
    checklist: CollaborationChecklist | None = None,
    kor: KorRatings | None = None,
    plan: ActionPlan | None = None,
    goals: Iterable[SmartGoal] = (),
    method: Literal["POST", "PUT"] = "POST",
    questionnaires: bool = False,
    base_url: str = DEFAULT_BASE_URL,
) -> dict[str, Any]:
    """A transaction Bundle of every resource for one user, with resolvable references.

    Each entry has a ``urn:uuid:`` ``fullUrl``; references between the entries
    (``derivedFrom``, ``addresses``, ``CarePlan.goal``, ``subject``) point to those
    ``fullUrl`` s. When the subject is an identifier (a fødselsnummer or D-nummer), the
    Bundle starts with a Patient carrying it, created only if none exists
    (``ifNoneExist``), and every ``subject`` refers to that entry; a subject given as a
    reference is used as it is (a ``urn:`` reference is refused: nothing in the Bundle
    would resolve it). The plan's CarePlan refers to the goals.

    With ``method="POST"`` (the default) each entry is a create and the server assigns
    the ids. With ``method="PUT"`` each resource keeps the library's id
    (``PUT <type>/<id>``), so sending the same user's data again updates it instead of
    duplicating it; every object must then have an ``identifier`` (unique in your
    system), since the ids are derived from it.

    The form's Questionnaire is always in the Bundle (it is the user's form). With
    ``questionnaires=True`` the checklist's and the KOR Questionnaires that the responses'
    ``questionnaire`` names are in it too, so that every canonical reference resolves
    within the Bundle: with ``POST`` as conditional creates (``ifNoneExist`` on ``url``
    and ``version``), with ``PUT`` by their fixed ids; either way they are the same
    resource for every user. Leave it ``False`` when the server already has them, for
    example loaded once from :func:`conformance_resources` (KOR) or an earlier Bundle.

    Raises:
        ValidationError: for a wrong argument type, a ``urn:`` subject, two objects that
            give the same resources (the same goal twice, or two goals with the same
            identifier), or an object without an identifier for ``method="PUT"``.
    """
    base = check_base_url(base_url)
    goal_list = list(goals)
    subject = _check_arguments(
        subject,
        form=form,
        checklist=checklist,
        kor=kor,
        plan=plan,
        goals=goal_list,
        method=method,
        questionnaires=questionnaires,
    )
    c = Checker()
    patient = subject.to_patient()
    resources, conditions = _toolkit_resources(
        subject,
        form=form,
        checklist=checklist,
        kor=kor,
        questionnaires=questionnaires,
        base=base,
    )
    goal_ids: list[str] = []
    for j, goal in enumerate(goal_list):
        made = goal_to_fhir(goal, subject=subject, base_url=base)
        if made.goal["id"] in goal_ids:
            c.add(
                ("goals", j),
                f"duplicates goals[{goal_ids.index(made.goal['id'])}]: the same goal, or two "
                "with the same identifier (give only the latest version)",
            )
            continue
        goal_ids.append(made.goal["id"])
        resources.extend(made.resources())
    c.done()
    if plan is not None:
        resources.append(
            plan_to_fhir(
                plan, subject=subject, goals=[f"Goal/{g}" for g in goal_ids], base_url=base
            )
        )

    entries: list[dict[str, Any]] = []
    if patient is not None:
        # The Patient's fullUrl is local to the Bundle (the server finds or assigns the id):
        # derived from the other resources' ids, never from the identity number.
        namespace = uuid.uuid5(uuid.NAMESPACE_URL, base)
        patient_url = "urn:uuid:" + str(
            uuid.uuid5(namespace, "patient/" + "|".join(r["id"] for r in resources))
        )
        for resource in resources:
            if "subject" in resource:
                resource["subject"] = {"reference": patient_url}
        ident = patient["identifier"][0]
        entries.append(
            {
                "fullUrl": patient_url,
                "resource": patient,
                "request": {
                    "method": "POST",
                    "url": "Patient",
                    "ifNoneExist": f"identifier={ident['system']}|{ident['value']}",
                },
            }
        )
    local = {f"{r['resourceType']}/{r['id']}": f"urn:uuid:{r['id']}" for r in resources}
    for resource in resources:
        kind, rid = resource["resourceType"], resource["id"]
        if method == "PUT":
            body, request = dict(resource), {"method": "PUT", "url": f"{kind}/{rid}"}
        else:
            body = {k: v for k, v in resource.items() if k != "id"}
            request = {"method": "POST", "url": kind}
            if id(resource) in conditions:
                request["ifNoneExist"] = conditions[id(resource)]
        entries.append(
            {
                "fullUrl": local[f"{kind}/{rid}"],
                "resource": _relink(body, local),
                "request": request,
            }
        )
    result: dict[str, Any] = {"resourceType": "Bundle", "type": "transaction"}
    if entries:
        result["entry"] = entries
    return result


def _toolkit_resources(
    subject: Subject,
    *,
    form: WhatMattersForm | None,
    checklist: CollaborationChecklist | None,
    kor: KorRatings | None,
    questionnaires: bool,
    base: str,
) -> tuple[list[dict[str, Any]], dict[int, str]]:
    """The toolkit's resources, and ``id()`` of each shared Questionnaire → its ifNoneExist."""
    resources: list[dict[str, Any]] = []
    conditions: dict[int, str] = {}

    def shared(questionnaire: dict[str, Any]) -> None:
        query = {"url": questionnaire["url"]}
        if "version" in questionnaire:
            query["version"] = questionnaire["version"]
        conditions[id(questionnaire)] = urllib.parse.urlencode(query, safe=":/")
        resources.append(questionnaire)

    if form is not None:
        resources.extend(form_to_fhir(form, subject=subject, base_url=base).resources())
    if checklist is not None:
        made_checklist = checklist_to_fhir(checklist, subject=subject, base_url=base)
        if questionnaires:
            shared(made_checklist.questionnaire)
        resources.extend((made_checklist.response, made_checklist.observation))
    if kor is not None:
        made_kor = kor_to_fhir(kor, subject=subject, base_url=base)
        if questionnaires and made_kor.responses:
            shared(made_kor.questionnaire)
        resources.extend((*made_kor.responses, *made_kor.observations))
    return resources, conditions


def _check_arguments(
    subject: Subject | str,
    *,
    form: WhatMattersForm | None,
    checklist: CollaborationChecklist | None,
    kor: KorRatings | None,
    plan: ActionPlan | None,
    goals: list[SmartGoal],
    method: object,
    questionnaires: object = False,
) -> Subject:
    c = Checker()
    for name, value, cls in (
        ("form", form, WhatMattersForm),
        ("checklist", checklist, CollaborationChecklist),
        ("kor", kor, KorRatings),
        ("plan", plan, ActionPlan),
    ):
        if value is not None and not isinstance(value, cls):
            c.add((name,), f"must be a {cls.__name__} or None", type(value).__name__)
    c.instances(("goals",), tuple(goals), SmartGoal)
    if method not in ("POST", "PUT"):
        c.add(("method",), "must be 'POST' or 'PUT'", method)
    if type(questionnaires) is not bool:
        c.add(("questionnaires",), "must be True or False", questionnaires)
    c.done()
    if method == "PUT":
        named: list[tuple[tuple[str | int, ...], object]] = [
            ((name,), value)
            for name, value in (
                ("form", form),
                ("checklist", checklist),
                ("kor", kor),
                ("plan", plan),
            )
            if value is not None
        ]
        named.extend((("goals", i), goal) for i, goal in enumerate(goals))
        for path, obj in named:
            if getattr(obj, "identifier", None) is None:
                c.add(
                    (*path, "identifier"),
                    "is required with method='PUT': the ids that make a PUT an update are "
                    "derived from it",
                )
    checked = as_subject(subject)
    if checked.reference is not None and checked.reference.startswith("urn:"):
        c.add(
            ("subject",),
            "is a urn: reference, which a transaction Bundle cannot resolve unless its target "
            "is an entry; give Patient/<id>, an absolute URL, or an identity number",
            checked.reference,
        )
    c.done()
    return checked


def _relink(value: Any, local: Mapping[str, str]) -> Any:
    if isinstance(value, dict):
        return {
            k: local.get(v, v) if k == "reference" and isinstance(v, str) else _relink(v, local)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_relink(v, local) for v in value]
    return value


def bundle_from_fhir(
    data: Mapping[str, Any], *, base_url: str = DEFAULT_BASE_URL
) -> BundleContents:
    """Read the library's objects back from a Bundle made by :func:`bundle`.

    Resources are told apart by type and by the QuestionnaireResponse's ``questionnaire``:
    the form's Questionnaire ``url``, ``{base}/Questionnaire/sjekkliste-samhandling``
    (with or without ``|version``) or ``{base}/Questionnaire/kor``. The checklist's and
    the KOR Questionnaires are definitions built from the data, and are skipped. A Goal's
    baseline is found through ``addresses``. Observations other than baselines are derived
    data and are skipped. KOR ratings without sessions make no resources, so they read
    back as ``None``.

    Raises:
        ValidationError: for a Bundle that does not have that shape (JSON paths).
    """
    base = check_base_url(base_url)
    b = Reader(data)
    if b.data.get("resourceType") != "Bundle":
        raise b.fail("resourceType", "must be 'Bundle'", b.data.get("resourceType"))
    by_url: dict[str, Reader] = {}
    by_type: dict[str, list[Reader]] = {}
    for entry in b.objs("entry"):
        resource = entry.obj("resource")
        kind = resource.string("resourceType")
        by_type.setdefault(kind, []).append(resource)
        if "fullUrl" in entry.data:
            by_url[entry.string("fullUrl")] = resource
    instruments = (checklist_questionnaire_url(base), kor_questionnaire_url(base))
    questionnaires = [
        q for q in by_type.get("Questionnaire", []) if q.data.get("url") not in instruments
    ]
    if len(questionnaires) > 1:
        raise questionnaires[1].fail(None, "is a second Questionnaire: one form per Bundle")
    form_url = questionnaires[0].data.get("url") if questionnaires else None
    groups: dict[str, list[Reader]] = {"form": [], "checklist": [], "kor": []}
    for response in by_type.get("QuestionnaireResponse", []):
        canonical = response.data.get("questionnaire")
        unversioned = canonical.partition("|")[0] if isinstance(canonical, str) else canonical
        if form_url is not None and canonical == form_url:
            groups["form"].append(response)
        elif unversioned == instruments[0]:
            groups["checklist"].append(response)
        elif unversioned == instruments[1]:
            groups["kor"].append(response)
        else:
            raise response.fail("questionnaire", "is not an instrument of this library", canonical)
    if len(groups["checklist"]) > 1:
        raise groups["checklist"][1].fail(None, "is a second checklist: one per Bundle")
    plans = by_type.get("CarePlan", [])
    if len(plans) > 1:
        raise plans[1].fail(None, "is a second CarePlan: one plan per Bundle")
    goals = []
    for goal in by_type.get("Goal", []):
        baseline = None
        for address in goal.objs("addresses"):
            found = by_url.get(str(address.data.get("reference")))
            if found is not None and found.data.get("resourceType") == "Observation":
                baseline = found.data
        goals.append(goal_from_fhir(goal.data, baseline, base_url=base))
    return BundleContents(
        form=form_from_fhir(questionnaires[0].data, [r.data for r in groups["form"]], base_url=base)
        if questionnaires
        else None,
        checklist=checklist_from_fhir(groups["checklist"][0].data, base_url=base)
        if groups["checklist"]
        else None,
        kor=kor_from_fhir([r.data for r in groups["kor"]], base_url=base)
        if groups["kor"]
        else None,
        plan=plan_from_fhir(plans[0].data, base_url=base) if plans else None,
        goals=goals,
    )
