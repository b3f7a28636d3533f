"""The dated events of an improvement project's history.

Each event class has a ``date`` and at least one required field no other event class has
(``phase``, ``activity``, ``goal``, ``tool``, ``measurement_plan``, ``description``,
``change_idea``, ``sufficient``, ``text``): the library's JSON converter tells the events of
a history apart by those fields.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._codes import CodedEnum
from laeringsnettverk._rules import Boolean, Date, Instance, Member, Optional, Text, checked, rule
from laeringsnettverk.goals import IndicatorKind, SmartGoal
from laeringsnettverk.improvement._phases import Phase, PhaseActivity
from laeringsnettverk.improvement._plan import MeasurementPlan

__all__ = [
    "EVENT_TYPES",
    "ActivityCompleted",
    "GoalSet",
    "ImprovementMeasureChosen",
    "MeasurementPlanSet",
    "MeasurementToolChosen",
    "NoteAdded",
    "PdsaCycle",
    "PdsaDecision",
    "PhaseEntered",
    "ProjectEvent",
    "SufficiencyJudged",
]


@attrs.frozen(kw_only=True)
@checked
class PhaseEntered:
    """The project entered a phase (forward, or back to an earlier one)."""

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day the phase began."""
    phase: Phase = attrs.field(metadata=rule(Member(Phase)))
    """The phase entered."""
    note: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Why, e.g. why the team went back (free text)."""


@attrs.frozen(kw_only=True)
@checked
class ActivityCompleted:
    """One of the model's activities was completed."""

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day it was completed."""
    activity: PhaseActivity = attrs.field(metadata=rule(Member(PhaseActivity)))
    """The activity."""
    note: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """What was done, in the team's words (free text)."""


@attrs.frozen(kw_only=True)
@checked
class GoalSet:
    """A goal was set, or revised: a goal with the ``identifier`` of an earlier one replaces it."""

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day the goal was set or revised."""
    goal: SmartGoal = attrs.field(metadata=rule(Instance(SmartGoal)))
    """The goal (a new version, when revising)."""
    note: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Why it was set or revised (free text)."""


@attrs.frozen(kw_only=True)
@checked
class MeasurementToolChosen:
    """A measurement tool was chosen (the form, the checklist, KOR, a count, …)."""

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day it was chosen."""
    tool: IndicatorKind = attrs.field(metadata=rule(Member(IndicatorKind)))
    """The tool, as the kind of number it produces."""
    note: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Why this tool (free text)."""


@attrs.frozen(kw_only=True)
@checked
class MeasurementPlanSet:
    """The project's measurement plan (family of measures) was set or replaced."""

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day the plan was agreed."""
    measurement_plan: MeasurementPlan = attrs.field(metadata=rule(Instance(MeasurementPlan)))
    """The plan; it replaces any earlier one."""
    note: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """A note (free text)."""


@attrs.frozen(kw_only=True)
@checked
class ImprovementMeasureChosen:
    """An improvement measure (forbedringstiltak) was chosen.

    It may name a measure of a toolkit action plan by repeating its description.
    """

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day it was chosen."""
    description: str = attrs.field(metadata=rule(Text()))
    """What will be done (free text)."""
    note: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Why this measure (free text)."""


class PdsaDecision(CodedEnum):
    """What a PDSA cycle's *act* decided about the change."""

    ADOPT = ("innfoere", "Innføre", "adopt")
    """Keep the change: it worked."""
    ADAPT = ("justere", "Justere", "adapt")
    """Change it and test again."""
    ABANDON = ("forkaste", "Forkaste", "abandon")
    """Drop it."""


@attrs.frozen(kw_only=True)
@checked
class PdsaCycle:
    """A PDSA cycle (plan, do, study, act) that tested a change idea.

    ``date`` is the day the cycle was recorded (usually when it ended); ``started`` when it
    began. A cycle is *completed* when its ``decision`` is made.

    PDSA is the library's addition: none of the sources names it (their utføre phase says
    only «prøve ut og tilrettelegge ny praksis»). The library offers it as one way to
    record that trying out, since the sources leave the how open.
    """

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day the cycle was recorded (its end, if completed)."""
    change_idea: str = attrs.field(metadata=rule(Text()))
    """The change being tested (free text)."""
    plan: str = attrs.field(metadata=rule(Text()))
    """Plan: what will be done, by whom, and the prediction (free text)."""
    do: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Do: what happened (free text)."""
    study: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Study: the results against the prediction (free text)."""
    act: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Act: what the team will do next (free text)."""
    decision: PdsaDecision | None = attrs.field(
        default=None, metadata=rule(Optional(Member(PdsaDecision)))
    )
    """The decision: adopt, adapt or abandon; ``None`` while the cycle runs."""
    started: datetime.date | None = attrs.field(default=None, metadata=rule(Optional(Date())))
    """The day the cycle began (on or before ``date``)."""
    judged_by: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The indicator the change is judged by, by its name in the measurement plan."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        started = self.started
        if ok["started"] and ok["date"] and started is not None and started > self.date:
            c.add(
                ("started",),
                f"must not be after the cycle's date {self.date.isoformat()}",
                started.isoformat(),
            )

    @property
    def completed(self) -> bool:
        """True when the cycle's decision (adopt, adapt or abandon) is made."""
        return self.decision is not None


@attrs.frozen(kw_only=True)
@checked
class SufficiencyJudged:
    """The team judged whether the improvement is sufficient (evaluere)."""

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day of the judgement."""
    sufficient: bool = attrs.field(metadata=rule(Boolean()))
    """True when the improvement is judged sufficient; False means adjust."""
    note: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The reasoning (free text)."""


@attrs.frozen(kw_only=True)
@checked
class NoteAdded:
    """A free note in the project's log."""

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day of the note."""
    text: str = attrs.field(metadata=rule(Text()))
    """The note (free text)."""


ProjectEvent = (
    PhaseEntered
    | ActivityCompleted
    | GoalSet
    | MeasurementToolChosen
    | MeasurementPlanSet
    | ImprovementMeasureChosen
    | PdsaCycle
    | SufficiencyJudged
    | NoteAdded
)
"""Any event of a project's history."""

EVENT_TYPES: tuple[type[ProjectEvent], ...] = (
    PhaseEntered,
    ActivityCompleted,
    GoalSet,
    MeasurementToolChosen,
    MeasurementPlanSet,
    ImprovementMeasureChosen,
    PdsaCycle,
    SufficiencyJudged,
    NoteAdded,
)
"""Every event class, in the order of :data:`ProjectEvent`."""
