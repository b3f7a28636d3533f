"""A SMART(E) goal as a Goal, with its baseline as an Observation."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

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
from laeringsnettverk.fhir._subject import Subject, as_subject
from laeringsnettverk.fhir._units import quantity
from laeringsnettverk.goals import (
    Frequency,
    Indicator,
    IndicatorKind,
    IndicatorRole,
    Observation,
    Party,
    ProgressStatus,
    SmartGoal,
)

__all__ = [
    "GOAL_ACCEPTANCE",
    "GOAL_LIFECYCLE_STATUSES",
    "PROGRESS_TO_ACHIEVEMENT",
    "GoalResources",
    "goal_from_fhir",
    "goal_to_fhir",
]

GOAL_ACCEPTANCE = "http://hl7.org/fhir/StructureDefinition/goal-acceptance"
"""The core extension that records a party's agreement to a goal."""

GOAL_LIFECYCLE_STATUSES: tuple[str, ...] = (
    "proposed",
    "planned",
    "accepted",
    "active",
    "on-hold",
    "completed",
    "cancelled",
    "entered-in-error",
    "rejected",
)
"""The codes R4 allows for ``Goal.lifecycleStatus``."""

PROGRESS_TO_ACHIEVEMENT: Mapping[ProgressStatus, tuple[str, str]] = MappingProxyType(
    {
        ProgressStatus.NOT_STARTED: ("no-progress", "No Progress"),
        ProgressStatus.ON_TRACK: ("improving", "Improving"),
        ProgressStatus.REACHED: ("achieved", "Achieved"),
        ProgressStatus.DEADLINE_PASSED: ("not-achieved", "Not Achieved"),
    }
)
"""A :class:`~laeringsnettverk.goals.ProgressStatus` as a code and display of
``http://terminology.hl7.org/CodeSystem/goal-achievement`` for ``Goal.achievementStatus``."""

ACHIEVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/goal-achievement"
NO_INDICATOR = "Målverdi (ingen indikator angitt)"
NO_INDICATOR_BASELINE = "Utgangsverdi (ingen indikator angitt)"


@attrs.frozen(kw_only=True)
class GoalResources:
    """The FHIR R4 resources of one SMART(E) goal (plain JSON dicts).

    Made by :func:`goal_to_fhir`; read back with :func:`goal_from_fhir`.
    """

    goal: dict[str, Any] = attrs.field(hash=False)
    """The Goal."""
    baseline: dict[str, Any] | None = attrs.field(hash=False)
    """The baseline as an Observation the Goal refers to in ``addresses``, or ``None``."""

    def resources(self) -> tuple[dict[str, Any], ...]:
        """Every resource: the Goal, then the baseline Observation if there is one."""
        return (self.goal,) if self.baseline is None else (self.goal, self.baseline)


def _measure(indicator: Indicator | None, base: str, fallback: str) -> dict[str, Any]:
    if indicator is None:
        return {"text": fallback}
    concept: dict[str, Any] = {
        "coding": [
            coding(
                code_system_url(base, "indicator-kind"),
                indicator.kind.code,
                indicator.kind.label_nb,
            )
        ]
    }
    put_text(concept, "text", indicator.name, base)
    return concept


# The library's codes of what an indicator of a kind measures, where the toolkit has one:
# a baseline's Observation.code is the measure's own code, as on the Observations it is
# compared with (the form's means, the checklist's program fidelity).
_MEASURE_CODES: Mapping[IndicatorKind, tuple[str, str]] = MappingProxyType(
    {
        IndicatorKind.FORM_MEAN: ("snittskaare", "Snittskåre"),
        IndicatorKind.PROGRAM_FIDELITY: ("programoppfyllelse", "Programoppfyllelse"),
    }
)


def _observation_code(indicator: Indicator | None, base: str) -> dict[str, Any]:
    """The baseline's code: what the indicator measures, never merely the kind of number."""
    if indicator is None:
        return {"text": NO_INDICATOR_BASELINE}
    concept: dict[str, Any] = {}
    measure = _MEASURE_CODES.get(indicator.kind)
    if measure is not None:
        concept["coding"] = [coding(code_system_url(base, "score"), *measure)]
    put_text(concept, "text", indicator.name, base)
    return concept


def _quantity(value: float, indicator: Indicator | None) -> dict[str, Any]:
    return quantity(value, None if indicator is None else indicator.unit)


def _indicator_extension(indicator: Indicator, base: str) -> dict[str, Any]:
    parts: list[dict[str, Any]] = []
    for name, value in (
        ("unit", indicator.unit),
        ("definition", indicator.definition),
        ("data-source", indicator.data_source),
    ):
        if value is not None:
            part: dict[str, Any] = {"url": name}
            put_text(part, "valueString", value, base)
            parts.append(part)
    for name, number in (("minimum", indicator.minimum), ("maximum", indicator.maximum)):
        if number is not None:
            parts.append({"url": name, "valueDecimal": number})
    parts.append({"url": "higher-is-better", "valueBoolean": indicator.higher_is_better})
    if indicator.role is not None:
        parts.append({"url": "role", "valueCode": indicator.role.code})
    if indicator.frequency is not None:
        parts.append({"url": "frequency", "valueCode": indicator.frequency.code})
    return {"url": extension_url(base, "indicator"), "extension": parts}


def _goal_extensions(goal: SmartGoal, base: str) -> list[dict[str, Any]]:
    extensions: list[dict[str, Any]] = []
    for name, value in (("population", goal.population), ("setting", goal.setting)):
        if value is not None:
            ext: dict[str, Any] = {"url": extension_url(base, name)}
            put_text(ext, "valueString", value, base)
            extensions.append(ext)
    if goal.indicator is not None:
        extensions.append(_indicator_extension(goal.indicator, base))
    for party in goal.agreed_by:
        individual: dict[str, Any] = {}
        if party.user_representative:
            individual["extension"] = [
                {"url": extension_url(base, "user-representative"), "valueBoolean": True}
            ]
        put_text(individual, "display", party.name, base)
        extensions.append(
            {
                "url": GOAL_ACCEPTANCE,
                "extension": [
                    {"url": "individual", "valueReference": individual},
                    {"url": "status", "valueCode": "agree"},
                ],
            }
        )

    return extensions


def _target(goal: SmartGoal, base: str) -> dict[str, Any]:
    target: dict[str, Any] = {}
    if goal.indicator is not None or goal.target is not None:
        target["measure"] = _measure(goal.indicator, base, NO_INDICATOR)
    if goal.target is not None:
        amount = _quantity(goal.target, goal.indicator)
        if goal.indicator is None:
            target["detailQuantity"] = amount  # no better direction known: the value itself
        else:
            # "at least" the target when higher is better, else "at most" (R4: a Range
            # without a high value is met at or above its low value, and vice versa)
            end = "low" if goal.indicator.higher_is_better else "high"
            target["detailRange"] = {end: amount}
    if goal.deadline is not None:
        target["dueDate"] = goal.deadline.isoformat()
    return target


def goal_to_fhir(
    goal: SmartGoal,
    *,
    subject: Subject | str,
    lifecycle_status: str = "active",
    achievement: ProgressStatus | None = None,
    base_url: str = DEFAULT_BASE_URL,
    id_key: bytes | None = None,
) -> GoalResources:
    """Map a SMART(E) goal to a Goal and its baseline to an Observation.

    - ``description.text`` is the statement; ``lifecycleStatus`` is ``lifecycle_status``
      (the goal model has no status); ``achievementStatus`` is ``achievement`` (e.g.
      :func:`~laeringsnettverk.goals.goal_progress`'s status; see
      :data:`PROGRESS_TO_ACHIEVEMENT`), left out when ``None``.
    - ``target.measure`` names the indicator (its kind from ``{base}/CodeSystem/
      indicator-kind`` and its name as text). The target is ``target.detailRange``: its
      ``low`` ("at least") when the indicator's higher values are better, else its ``high``
      ("at most"), which is how R4 says a goal is met at or beyond a value; without an
      indicator the direction is unknown and the target is ``target.detailQuantity``. The
      Quantity's ``unit`` is the indicator's unit as written, with the UCUM system and code
      when it is a UCUM unit (see :func:`ucum_code`). ``target.dueDate`` is the deadline.
      The rest of the indicator (unit, bounds, better direction, role, definition, data
      source, frequency) is the library's ``indicator`` extension.
    - The baseline is an Observation (``valueQuantity``, ``effectiveDateTime``) that the
      Goal refers to in ``addresses``; ``startDate`` is the baseline's date. Its ``code``
      is what the indicator measures: the indicator's name as ``text`` and, where the
      toolkit has a code for the measure (``snittskaare`` for a form mean,
      ``programoppfyllelse`` for program fidelity, in ``{base}/CodeSystem/score``), that
      coding; never the indicator's kind, which many indicators share.
    - Each party that agreed is a core ``goal-acceptance`` extension (status ``agree``,
      the party's name as ``individual.display``; a user representative is marked with the
      library's ``user-representative`` extension on the reference).
    - ``expressedBy.display`` is the owner; the rationale is a ``note`` marked with the
      library's ``rationale`` extension; population and setting are the library's
      ``population`` and ``setting`` extensions.

    Raises:
        ValidationError: for an unknown ``lifecycle_status`` or ``achievement``, a bad
            ``base_url`` or ``id_key``.
    """
    base = check_base_url(base_url)
    key = check_id_key(id_key)
    c = Checker()
    if not isinstance(goal, SmartGoal):
        c.add(("goal",), "must be a SmartGoal", type(goal).__name__)
    if lifecycle_status not in GOAL_LIFECYCLE_STATUSES:
        c.add(
            ("lifecycle_status",),
            "is not an R4 Goal.lifecycleStatus; expected one of "
            + ", ".join(GOAL_LIFECYCLE_STATUSES),
            lifecycle_status,
        )
    if achievement is not None:
        c.member(("achievement",), achievement, ProgressStatus)
    c.done()
    check_unicode(goal)  # a lone surrogate cannot be written as UTF-8
    ref = as_subject(subject).to_reference()
    gid = resource_id(base, "goal", goal, "goal", subject=ref, id_key=key)
    baseline = None
    if goal.baseline is not None:
        baseline = finish(
            {
                "resourceType": "Observation",
                "id": resource_id(base, "goal", goal, "baseline", subject=ref, id_key=key),
                "status": "final",
                "code": _observation_code(goal.indicator, base),
                "subject": dict(ref),
                "effectiveDateTime": goal.baseline.date.isoformat(),
                "valueQuantity": _quantity(goal.baseline.value, goal.indicator),
            },
            f"Utgangsverdi for et SMART-mål, målt {goal.baseline.date.isoformat()}.",
        )

    extensions = _goal_extensions(goal, base)
    resource: dict[str, Any] = {"resourceType": "Goal", "id": gid}
    if extensions:
        resource["extension"] = extensions
    if goal.identifier is not None:
        ident: dict[str, Any] = {"system": f"{base}/identifier/goal"}
        put_text(ident, "value", goal.identifier, base)
        resource["identifier"] = [ident]
    resource["lifecycleStatus"] = lifecycle_status
    if achievement is not None:
        code, display = PROGRESS_TO_ACHIEVEMENT[achievement]
        resource["achievementStatus"] = {
            "coding": [coding(ACHIEVEMENT_SYSTEM, code, display)],
            "text": achievement.label_nb,
        }
    description: dict[str, Any] = {}
    put_text(description, "text", goal.statement, base)
    resource["description"] = description
    resource["subject"] = dict(ref)
    if goal.baseline is not None:
        resource["startDate"] = goal.baseline.date.isoformat()
    target = _target(goal, base)
    if target:
        resource["target"] = [target]
    if goal.owner is not None:
        owner: dict[str, Any] = {}
        put_text(owner, "display", goal.owner, base)
        resource["expressedBy"] = owner
    if baseline is not None:
        resource["addresses"] = [{"reference": f"Observation/{baseline['id']}"}]
    if goal.rationale is not None:
        note: dict[str, Any] = {
            "extension": [{"url": extension_url(base, "rationale"), "valueBoolean": True}]
        }
        put_text(note, "text", goal.rationale, base)
        resource["note"] = [note]
    deadline = "" if goal.deadline is None else f", frist {goal.deadline.isoformat()}"
    return GoalResources(goal=finish(resource, f"SMART-mål{deadline}."), baseline=baseline)


def goal_from_fhir(
    goal: Mapping[str, Any],
    baseline: Mapping[str, Any] | None = None,
    *,
    base_url: str = DEFAULT_BASE_URL,
) -> SmartGoal:
    """Read a SMART(E) goal back from its Goal and baseline Observation.

    The inverse of :func:`goal_to_fhir`.

    Raises:
        ValidationError: for resources that do not have the shape :func:`goal_to_fhir`
            makes, or a Goal that refers to a baseline Observation not given.
    """
    base = check_base_url(base_url)
    g = Reader(goal)
    if g.data.get("resourceType") != "Goal":
        raise g.fail("resourceType", "must be 'Goal'", g.data.get("resourceType"))
    refers = any(
        str(a.data.get("reference", "")).startswith(("Observation/", "urn:uuid:"))
        or "/Observation/" in str(a.data.get("reference", ""))
        for a in g.objs("addresses")
    )
    base_obs = None
    if baseline is not None:
        b = Reader(baseline, ("baseline",))
        if b.data.get("resourceType") != "Observation":
            raise b.fail("resourceType", "must be 'Observation'", b.data.get("resourceType"))
        base_obs = Observation(
            date=b.date("effectiveDateTime"), value=b.obj("valueQuantity").number("value")
        )
    elif refers:
        raise g.fail("addresses", "refers to a baseline Observation: pass it as baseline")

    fields: dict[str, Any] = {}
    for name in ("population", "setting"):
        ext = g.extension(extension_url(base, name))
        fields[name] = None if ext is None else ext.text("valueString", base)
    targets = g.objs("target")
    if len(targets) > 1:
        raise g.fail("target", "must hold at most one target")
    target = targets[0] if targets else None
    indicator_ext = g.extension(extension_url(base, "indicator"))
    if indicator_ext is not None:
        if target is None:
            raise g.fail("target", "is required with the indicator extension")
        fields["indicator"] = _read_indicator(indicator_ext, target.obj("measure"), base)
    if target is not None:
        fields["target"] = _read_target(target)
        fields["deadline"] = target.opt_date("dueDate")
    agreed = []
    for ext in g.objs("extension"):
        if ext.data.get("url") != GOAL_ACCEPTANCE:
            continue
        individual = None
        for part in ext.objs("extension"):
            if part.data.get("url") == "individual":
                individual = part.obj("valueReference")
        if individual is None:
            raise ext.fail("extension", "needs an 'individual' part")
        flag = individual.extension(extension_url(base, "user-representative"))
        agreed.append(
            Party(
                name=individual.text("display", base),
                user_representative=False if flag is None else flag.boolean("valueBoolean"),
            )
        )
    identifier = None
    for ident in g.objs("identifier"):
        if ident.data.get("system") == f"{base}/identifier/goal":
            identifier = ident.text("value", base)
    owner = g.opt_obj("expressedBy")
    rationale = None
    for note in g.objs("note"):
        if note.extension(extension_url(base, "rationale")) is not None:
            rationale = note.text("text", base)
    return SmartGoal(
        statement=g.obj("description").text("text", base),
        baseline=base_obs,
        owner=None if owner is None else owner.text("display", base),
        agreed_by=agreed,
        rationale=rationale,
        identifier=identifier,
        **fields,
    )


def _read_target(target: Reader) -> float | None:
    detail = target.opt_obj("detailQuantity")
    if detail is not None:
        return detail.number("value")
    span = target.opt_obj("detailRange")
    if span is None:
        return None
    ends = [span.obj(end) for end in ("low", "high") if end in span.data]
    if len(ends) != 1:
        raise span.fail(None, "must hold exactly one of low and high (the target)")
    return ends[0].number("value")


def _read_indicator(ext: Reader, measure: Reader, base: str) -> Indicator:
    kind_system = code_system_url(base, "indicator-kind")
    kind = None
    for code in measure.objs("coding"):
        if code.data.get("system") == kind_system:
            value = code.string("code")
            try:
                kind = IndicatorKind(value)
            except ValueError:
                raise code.fail("code", "is not an indicator-kind code", value) from None
    if kind is None:
        raise measure.fail("coding", f"needs a coding from {kind_system}")
    fields: dict[str, Any] = {}
    for part in ext.objs("extension"):
        url = part.data.get("url")
        if url in ("unit", "definition", "data-source"):
            fields[str(url).replace("-", "_")] = part.text("valueString", base)
        elif url in ("minimum", "maximum"):
            fields[str(url)] = part.number("valueDecimal")
        elif url == "higher-is-better":
            fields["higher_is_better"] = part.boolean("valueBoolean")
        elif url in ("role", "frequency"):
            enum: type[IndicatorRole] | type[Frequency] = (
                IndicatorRole if url == "role" else Frequency
            )
            value = part.string("valueCode")
            try:
                fields[str(url)] = enum(value)
            except ValueError:
                raise part.fail("valueCode", f"is not a {url} code", value) from None
    return Indicator(name=measure.text("text", base), kind=kind, **fields)
