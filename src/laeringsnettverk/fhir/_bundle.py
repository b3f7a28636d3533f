"""A transaction Bundle of all resources for one user, and reading it back."""

from __future__ import annotations

import re
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
    is_proposal,
)
from laeringsnettverk.fhir._common import (
    DEFAULT_BASE_URL,
    Reader,
    check_base_url,
    check_id_key,
    decode_text,
)
from laeringsnettverk.fhir._form import (
    FORM_VERSION,
    form_from_fhir,
    form_questionnaire,
    form_questionnaire_url,
    form_to_fhir,
    is_published_scale,
)
from laeringsnettverk.fhir._goal import goal_from_fhir, goal_to_fhir
from laeringsnettverk.fhir._kor import kor_from_fhir, kor_questionnaire_url, kor_to_fhir
from laeringsnettverk.fhir._norway import (
    TeamIdentifiers,
    check_hpr_numbers,
    check_teams,
    team_organization,
)
from laeringsnettverk.fhir._plan import plan_from_fhir, plan_to_fhir
from laeringsnettverk.fhir._subject import Subject, as_subject
from laeringsnettverk.goals import SmartGoal
from laeringsnettverk.toolkit import ActionPlan, CollaborationChecklist, KorRatings, WhatMattersForm
from laeringsnettverk.toolkit._common import to_tuple

__all__ = ["BundleContents", "bundle", "bundle_from_fhir"]

# A RESTful URL or relative reference: [base/]Type/id[/_history/version]
_RESTFUL = re.compile(
    r"^(?P<base>https?://\S+/)?(?P<type>[A-Z][A-Za-z]+)/(?P<id>[A-Za-z0-9\-.]{1,64})"
    r"(/_history/[A-Za-z0-9\-.]{1,64})?$"
)


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
    id_key: bytes | None = None,
    teams: Mapping[str, TeamIdentifiers] | None = None,
    hpr_numbers: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """A transaction Bundle of every resource for one user, with resolvable references.

    Each entry has a ``urn:uuid:`` ``fullUrl``; references between the entries
    (``derivedFrom``, ``addresses``, ``CarePlan.goal``) point to those ``fullUrl`` s.

    **The subject.** A subject given as a reference (``Patient/123``, the record system's
    own Patient) is used as it is; a ``urn:`` reference is refused (nothing in the Bundle
    would resolve it). A subject given by identity number is a logical reference
    (``type`` Patient and the ``identifier``) in every resource: the Bundle creates no
    Patient, since the record system already has the person, and puts the number in no
    URL (no ``ifNoneExist``, no conditional reference), where it would land in server
    logs.

    **Ids.** With ``method="POST"`` (the default) each entry is a create and the server
    assigns the ids. With ``method="PUT"`` each resource keeps the library's id
    (``PUT <type>/<id>``), so sending the same user's data again updates it instead of
    duplicating it. The ids are derived from each object's ``identifier`` (required with
    ``PUT``: unique in your system), or from its content, and from the subject: a
    reference as it is; an identity number only through ``id_key``, a secret of at least
    16 bytes that you keep (an HMAC-SHA-256 key). ``PUT`` for a subject given by identity
    number needs ``id_key``: without it two people whose documents share an identifier
    would get the same ids, and the second would overwrite the first.

    **Questionnaires.** The responses name their Questionnaire by canonical URL. Those the
    library publishes with its conformance resources (:func:`conformance_resources`: the
    form's for the toolkit's scale, the checklist's for the library's proposed items, and
    KOR's) are left out unless ``questionnaires=True``; any other (a form with another
    scale, a checklist with other items) is always in the Bundle, so that every canonical
    resolves. They come as conditional creates (``ifNoneExist`` on ``url`` and
    ``version``) with ``POST``, by their fixed ids with ``PUT``; they are the same for
    every user.

    **Norwegian identifiers.** ``teams`` maps a team's identifier to its
    :class:`TeamIdentifiers` (organisation number, RESH id): the Bundle then has an
    Organization for that team (no-basis-Organization, created only if none has the team's
    identifier), and the team's references point to it. ``hpr_numbers`` maps a responsible
    person's name to their HPR number (see :func:`plan_to_fhir`).

    Raises:
        ValidationError: for a wrong argument type, a ``urn:`` subject, two objects that
            give the same resources (the same goal twice, or two goals with the same
            identifier), an object without an identifier for ``method="PUT"``, ``PUT`` for
            an identity number without ``id_key``, or a checklist without a date.
    """
    base = check_base_url(base_url)
    key = check_id_key(id_key)
    team_ids = check_teams(teams)
    hpr = check_hpr_numbers(hpr_numbers)
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
        id_key=key,
    )
    c = Checker()
    resources, conditions = _toolkit_resources(
        subject,
        form=form,
        checklist=checklist,
        kor=kor,
        questionnaires=questionnaires,
        base=base,
        key=key,
    )
    goal_ids: list[str] = []
    for j, goal in enumerate(goal_list):
        made = goal_to_fhir(goal, subject=subject, base_url=base, id_key=key)
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
                plan,
                subject=subject,
                goals=[f"Goal/{g}" for g in goal_ids],
                base_url=base,
                id_key=key,
                hpr_numbers=hpr,
            )
        )
    organizations = _organizations(resources, team_ids, base, conditions)
    resources[:0] = organizations
    local = {f"{r['resourceType']}/{r['id']}": f"urn:uuid:{r['id']}" for r in resources}
    entries: list[dict[str, Any]] = []
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
    result: dict[str, Any] = {"resourceType": "Bundle", "language": "nb", "type": "transaction"}
    if entries:
        result["entry"] = entries
    return result


def _organizations(
    resources: list[dict[str, Any]],
    team_ids: Mapping[str, TeamIdentifiers],
    base: str,
    conditions: dict[int, str],
) -> list[dict[str, Any]]:
    """An Organization per team with known identifiers; the team's references point to it."""
    system = f"{base}/identifier/team"
    made: dict[str, dict[str, Any]] = {}
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, base)

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            ident = node.get("identifier")
            if (
                node.get("type") == "Organization"
                and isinstance(ident, dict)
                and ident.get("system") == system
            ):
                team = decode_text(ident["value"])
                if team in team_ids:
                    if team not in made:
                        rid = str(uuid.uuid5(namespace, f"organization/{team}"))
                        made[team] = team_organization(base, team, team_ids[team], rid)
                        query = urllib.parse.urlencode(
                            {"identifier": f"{system}|{ident['value']}"}, safe=":/|"
                        )
                        conditions[id(made[team])] = query
                    node["reference"] = f"Organization/{made[team]['id']}"
            for value in node.values():
                visit(value)

    visit(resources)
    return list(made.values())


def _toolkit_resources(
    subject: Subject,
    *,
    form: WhatMattersForm | None,
    checklist: CollaborationChecklist | None,
    kor: KorRatings | None,
    questionnaires: bool,
    base: str,
    key: bytes | None,
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
        made_form = form_to_fhir(form, subject=subject, base_url=base, id_key=key)
        if questionnaires or not is_published_scale(form.scale):
            shared(made_form.questionnaire)
        resources.extend(made_form.resources()[1:])
    if checklist is not None:
        made_checklist = checklist_to_fhir(checklist, subject=subject, base_url=base, id_key=key)
        if questionnaires or not is_proposal(checklist):
            shared(made_checklist.questionnaire)
        resources.extend((made_checklist.response, made_checklist.observation))
    if kor is not None:
        made_kor = kor_to_fhir(kor, subject=subject, base_url=base, id_key=key)
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
    questionnaires: object,
    id_key: bytes | None,
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
    checked = as_subject(subject)
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
        if checked.is_identifier and id_key is None:
            c.add(
                ("id_key",),
                "is required with method='PUT' for a subject given by identity number: "
                "without your secret key the ids cannot depend on the person, and two "
                "people's documents with the same identifier would overwrite each other",
            )
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


# -- reading -------------------------------------------------------------------------------


class _Entries:
    """The Bundle's resources by ``fullUrl``, resolving references as FHIR R4 specifies."""

    def __init__(self) -> None:
        self.by_url: dict[str, Reader] = {}
        self.by_local: dict[tuple[str, str], Reader] = {}

    def add(self, full_url: str | None, resource: Reader) -> None:
        kind, rid = resource.data.get("resourceType"), resource.data.get("id")
        if full_url is not None:
            self.by_url[full_url] = resource
            match = _RESTFUL.fullmatch(full_url)
            if match is not None:  # a RESTful fullUrl, possibly with a version
                plain = f"{match['base'] or ''}{match['type']}/{match['id']}"
                self.by_url.setdefault(plain, resource)
        if isinstance(kind, str) and isinstance(rid, str) and full_url is None:
            self.by_local.setdefault((kind, rid), resource)

    def resolve(self, reference: object, full_url: str | None) -> Reader | None:
        """The entry a reference in the entry at ``full_url`` points to, or None.

        R4 (Bundle, "Resolving references in Bundles"): an absolute reference (a URL or a
        ``urn:``) is looked up as it is; a relative one (``Observation/abc``) is made
        absolute with the base of the containing entry's RESTful ``fullUrl``, and, when
        that ``fullUrl`` is not RESTful (a ``urn:uuid:``) or absent, matched against the
        entries by type and id. A version (``/_history/2``) is ignored.
        """
        if not isinstance(reference, str):
            return None
        if reference in self.by_url:
            return self.by_url[reference]
        match = _RESTFUL.fullmatch(reference)
        if match is None:
            return None
        if match["base"] is not None:
            return self.by_url.get(f"{match['base']}{match['type']}/{match['id']}")
        container = None if full_url is None else _RESTFUL.fullmatch(full_url)
        if container is not None and container["base"] is not None:
            return self.by_url.get(f"{container['base']}{match['type']}/{match['id']}")
        return self.by_local.get((match["type"], match["id"]))


def bundle_from_fhir(
    data: Mapping[str, Any], *, base_url: str = DEFAULT_BASE_URL
) -> BundleContents:
    """Read the library's objects back from a Bundle made by :func:`bundle`, or from a server.

    The entries may have the ``urn:uuid:`` ``fullUrl`` s :func:`bundle` writes, or the
    absolute ones a server returns (``https://server/fhir/Observation/abc``) with relative
    references between them (``Observation/abc``), resolved against the entry's base as
    FHIR R4 specifies. Resources are told apart by type and by the QuestionnaireResponse's
    ``questionnaire``: ``{base}/Questionnaire/hva-er-viktig-for-meg``,
    ``{base}/Questionnaire/sjekkliste-samhandling`` or ``{base}/Questionnaire/kor`` (with
    or without ``|version``). The form's scale is read from its Questionnaire: the one in
    the Bundle, or the library's published one (version ``1``) when the Bundle has none.
    A Goal's baseline is found through ``addresses``. Observations other than baselines,
    Patients and Organizations are skipped; KOR ratings without sessions make no resources,
    so they read back as ``None``.

    Raises:
        ValidationError: for a Bundle that does not have that shape (JSON paths).
    """
    base = check_base_url(base_url)
    b = Reader(data)
    if b.data.get("resourceType") != "Bundle":
        raise b.fail("resourceType", "must be 'Bundle'", b.data.get("resourceType"))
    entries = _Entries()
    by_type: dict[str, list[tuple[Reader, str | None]]] = {}
    for entry in b.objs("entry"):
        resource = entry.obj("resource")
        kind = resource.string("resourceType")
        full_url = entry.opt_str("fullUrl")
        by_type.setdefault(kind, []).append((resource, full_url))
        entries.add(full_url, resource)
    form_url = form_questionnaire_url(base)
    instruments = (checklist_questionnaire_url(base), kor_questionnaire_url(base))
    forms: dict[str, Reader] = {}
    for q, _ in by_type.get("Questionnaire", []):
        url = q.data.get("url")
        if url == form_url:
            forms[f"{url}|{q.data.get('version')}"] = q
        elif url not in instruments:
            raise q.fail("url", "is not a Questionnaire of this library", url)
    groups: dict[str, list[Reader]] = {"form": [], "checklist": [], "kor": []}
    for response, _ in by_type.get("QuestionnaireResponse", []):
        canonical = response.data.get("questionnaire")
        unversioned = canonical.partition("|")[0] if isinstance(canonical, str) else canonical
        if unversioned == form_url:
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
        raise plans[1][0].fail(None, "is a second CarePlan: one plan per Bundle")
    goals = []
    for goal, full_url in by_type.get("Goal", []):
        baseline = None
        for address in goal.objs("addresses"):
            found = entries.resolve(address.data.get("reference"), full_url)
            if found is not None and found.data.get("resourceType") == "Observation":
                baseline = found.data
        goals.append(goal_from_fhir(goal.data, baseline, base_url=base))
    return BundleContents(
        form=_read_form(groups["form"], forms, base),
        checklist=checklist_from_fhir(groups["checklist"][0].data, base_url=base)
        if groups["checklist"]
        else None,
        kor=kor_from_fhir([r.data for r in groups["kor"]], base_url=base)
        if groups["kor"]
        else None,
        plan=plan_from_fhir(plans[0][0].data, base_url=base) if plans else None,
        goals=goals,
    )


def _read_form(
    responses: list[Reader], forms: Mapping[str, Reader], base: str
) -> WhatMattersForm | None:
    if not responses:
        return None
    canonical = responses[0].data.get("questionnaire")
    for response in responses[1:]:
        if response.data.get("questionnaire") != canonical:
            raise response.fail(
                "questionnaire", "names another form Questionnaire: one form per Bundle"
            )
    questionnaire = forms.get(str(canonical))
    if questionnaire is None:
        if canonical != f"{form_questionnaire_url(base)}|{FORM_VERSION}":
            raise responses[0].fail(
                "questionnaire",
                "names a form Questionnaire that is neither in the Bundle nor published by "
                "the library",
                canonical,
            )
        data = form_questionnaire(base_url=base)
    else:
        data = questionnaire.data
    return form_from_fhir(data, [r.data for r in responses], base_url=base)
