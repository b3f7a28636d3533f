"""The dated events of an improvement project's history.

Each event class has a ``date`` and at least one required field no other event class has
(``phase``, ``activity``, ``goal``, ``tool``, ``measurement_plan``, ``description``,
``change_idea``, ``sufficient``, ``text``): the library's JSON converter tells the events of
a history apart by those fields.
"""

from __future__ import annotations

import datetime

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._codes import CodedEnum
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


def _start(c: Checker, date: object, note: object) -> None:
    c.date(("date",), date)
    c.optional_text(("note",), note)


@attrs.frozen(kw_only=True)
class PhaseEntered:
    """The project entered a phase (forward, or back to an earlier one)."""

    date: datetime.date
    """The day the phase began."""
    phase: Phase
    """The phase entered."""
    note: str | None = None
    """Why, e.g. why the team went back (free text)."""

    def __attrs_post_init__(self) -> None:
        note = self.note
        if (
            type(self.date) is datetime.date
            and (note is None or type(note) is str)
            and isinstance(self.phase, Phase)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        _start(c, self.date, self.note)
        c.member(("phase",), self.phase, Phase)
        c.done()


@attrs.frozen(kw_only=True)
class ActivityCompleted:
    """One of the model's activities was completed."""

    date: datetime.date
    """The day it was completed."""
    activity: PhaseActivity
    """The activity."""
    note: str | None = None
    """What was done, in the team's words (free text)."""

    def __attrs_post_init__(self) -> None:
        note = self.note
        if (
            type(self.date) is datetime.date
            and (note is None or type(note) is str)
            and isinstance(self.activity, PhaseActivity)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        _start(c, self.date, self.note)
        c.member(("activity",), self.activity, PhaseActivity)
        c.done()


@attrs.frozen(kw_only=True)
class GoalSet:
    """A goal was set, or revised: a goal with the ``identifier`` of an earlier one replaces it."""

    date: datetime.date
    """The day the goal was set or revised."""
    goal: SmartGoal
    """The goal (a new version, when revising)."""
    note: str | None = None
    """Why it was set or revised (free text)."""

    def __attrs_post_init__(self) -> None:
        note = self.note
        if (
            type(self.date) is datetime.date
            and (note is None or type(note) is str)
            and type(self.goal) is SmartGoal
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        _start(c, self.date, self.note)
        if not isinstance(self.goal, SmartGoal):
            c.add(("goal",), "must be a SmartGoal", type(self.goal).__name__)
        c.done()


@attrs.frozen(kw_only=True)
class MeasurementToolChosen:
    """A measurement tool was chosen (the form, the checklist, KOR, a count, …)."""

    date: datetime.date
    """The day it was chosen."""
    tool: IndicatorKind
    """The tool, as the kind of number it produces."""
    note: str | None = None
    """Why this tool (free text)."""

    def __attrs_post_init__(self) -> None:
        note = self.note
        if (
            type(self.date) is datetime.date
            and (note is None or type(note) is str)
            and isinstance(self.tool, IndicatorKind)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        _start(c, self.date, self.note)
        c.member(("tool",), self.tool, IndicatorKind)
        c.done()


@attrs.frozen(kw_only=True)
class MeasurementPlanSet:
    """The project's measurement plan (family of measures) was set or replaced."""

    date: datetime.date
    """The day the plan was agreed."""
    measurement_plan: MeasurementPlan
    """The plan; it replaces any earlier one."""
    note: str | None = None
    """A note (free text)."""

    def __attrs_post_init__(self) -> None:
        note = self.note
        if (
            type(self.date) is datetime.date
            and (note is None or type(note) is str)
            and type(self.measurement_plan) is MeasurementPlan
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        _start(c, self.date, self.note)
        if not isinstance(self.measurement_plan, MeasurementPlan):
            c.add(
                ("measurement_plan",),
                "must be a MeasurementPlan",
                type(self.measurement_plan).__name__,
            )
        c.done()


@attrs.frozen(kw_only=True)
class ImprovementMeasureChosen:
    """An improvement measure (forbedringstiltak) was chosen.

    It may name a measure of a toolkit action plan by repeating its description.
    """

    date: datetime.date
    """The day it was chosen."""
    description: str
    """What will be done (free text)."""
    note: str | None = None
    """Why this measure (free text)."""

    def __attrs_post_init__(self) -> None:
        note = self.note
        if (
            type(self.date) is datetime.date
            and (note is None or type(note) is str)
            and type(self.description) is str
            and self.description.strip()
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        _start(c, self.date, self.note)
        c.text(("description",), self.description)
        c.done()


class PdsaDecision(CodedEnum):
    """What a PDSA cycle's *act* decided about the change."""

    ADOPT = ("innfoere", "Innføre", "adopt")
    """Keep the change: it worked."""
    ADAPT = ("justere", "Justere", "adapt")
    """Change it and test again."""
    ABANDON = ("forkaste", "Forkaste", "abandon")
    """Drop it."""


@attrs.frozen(kw_only=True)
class PdsaCycle:
    """A PDSA cycle (plan, do, study, act) that tested a change idea.

    ``date`` is the day the cycle was recorded (usually when it ended); ``started`` when it
    began. A cycle is *completed* when its ``decision`` is made.

    PDSA is the library's addition: none of the sources names it (their utføre phase says
    only «prøve ut og tilrettelegge ny praksis»). The library offers it as one way to
    record that trying out, since the sources leave the how open.
    """

    date: datetime.date
    """The day the cycle was recorded (its end, if completed)."""
    change_idea: str
    """The change being tested (free text)."""
    plan: str
    """Plan: what will be done, by whom, and the prediction (free text)."""
    do: str | None = None
    """Do: what happened (free text)."""
    study: str | None = None
    """Study: the results against the prediction (free text)."""
    act: str | None = None
    """Act: what the team will do next (free text)."""
    decision: PdsaDecision | None = None
    """The decision: adopt, adapt or abandon; ``None`` while the cycle runs."""
    started: datetime.date | None = None
    """The day the cycle began (on or before ``date``)."""
    judged_by: str | None = None
    """The indicator the change is judged by, by its name in the measurement plan."""

    def __attrs_post_init__(self) -> None:
        date, change_idea, plan, decision, started = (
            self.date,
            self.change_idea,
            self.plan,
            self.decision,
            self.started,
        )
        if (
            type(date) is datetime.date
            and type(change_idea) is str
            and change_idea.strip()
            and type(plan) is str
            and plan.strip()
            and (self.do is None or type(self.do) is str)
            and (self.study is None or type(self.study) is str)
            and (self.act is None or type(self.act) is str)
            and (self.judged_by is None or type(self.judged_by) is str)
            and (decision is None or isinstance(decision, PdsaDecision))
            and (started is None or (type(started) is datetime.date and started <= date))
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.date(("date",), self.date)
        c.text(("change_idea",), self.change_idea)
        c.text(("plan",), self.plan)
        for name in ("do", "study", "act", "judged_by"):
            c.optional_text((name,), getattr(self, name))
        if self.decision is not None:
            c.member(("decision",), self.decision, PdsaDecision)
        if (
            c.optional_date(("started",), self.started)
            and self.started is not None
            and type(self.date) is datetime.date
            and self.started > self.date
        ):
            c.add(
                ("started",),
                f"must not be after the cycle's date {self.date.isoformat()}",
                self.started.isoformat(),
            )
        c.done()

    @property
    def completed(self) -> bool:
        """True when the cycle's decision (adopt, adapt or abandon) is made."""
        return self.decision is not None


@attrs.frozen(kw_only=True)
class SufficiencyJudged:
    """The team judged whether the improvement is sufficient (evaluere)."""

    date: datetime.date
    """The day of the judgement."""
    sufficient: bool
    """True when the improvement is judged sufficient; False means adjust."""
    note: str | None = None
    """The reasoning (free text)."""

    def __attrs_post_init__(self) -> None:
        note = self.note
        if (
            type(self.date) is datetime.date
            and (note is None or type(note) is str)
            and type(self.sufficient) is bool
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        _start(c, self.date, self.note)
        c.boolean(("sufficient",), self.sufficient)
        c.done()


@attrs.frozen(kw_only=True)
class NoteAdded:
    """A free note in the project's log."""

    date: datetime.date
    """The day of the note."""
    text: str
    """The note (free text)."""

    def __attrs_post_init__(self) -> None:
        text = self.text
        if type(self.date) is datetime.date and type(text) is str and text.strip():
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.date(("date",), self.date)
        c.text(("text",), self.text)
        c.done()


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
