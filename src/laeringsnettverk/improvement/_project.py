"""An improvement project (forbedringsarbeid): a team's path through the five phases."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from laeringsnettverk._checks import Checker, fail
from laeringsnettverk._rules import Custom, Date, Items, Optional, Text, checked, rule, to_tuple
from laeringsnettverk.goals import IndicatorKind, SmartGoal
from laeringsnettverk.improvement._events import (
    EVENT_TYPES,
    ActivityCompleted,
    GoalSet,
    ImprovementMeasureChosen,
    MeasurementPlanSet,
    MeasurementToolChosen,
    NoteAdded,
    PdsaCycle,
    PhaseEntered,
    ProjectEvent,
    SufficiencyJudged,
)
from laeringsnettverk.improvement._phases import Phase, PhaseActivity
from laeringsnettverk.improvement._plan import MeasurementPlan

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

__all__ = ["ImprovementProject", "PhaseStay", "PhaseTime"]

E = TypeVar("E")

_EVENT_TYPES = frozenset(EVENT_TYPES)


def _check_event(c: Checker, path: tuple[Any, ...], value: object) -> bool:
    if isinstance(value, EVENT_TYPES):
        return True
    c.add(path, "must be a project event", type(value).__name__)
    return False


EVENT_RULE = Custom(check_with=_check_event, quick_with=lambda v: type(v) in _EVENT_TYPES)
"""The rule of a history's element: an event of one of :data:`EVENT_TYPES`."""


def _describe(rd: relativedelta) -> tuple[str, str]:
    parts = (
        (rd.years, "år", "år", "year", "years"),
        (rd.months, "måned", "måneder", "month", "months"),
        (rd.days, "dag", "dager", "day", "days"),
    )
    nb = [f"{n} {one if n == 1 else many}" for n, one, many, _, _ in parts if n]
    en = [f"{n} {one if n == 1 else many}" for n, _, _, one, many in parts if n]
    if not nb:
        return "0 dager", "0 days"

    def join(words: list[str], conj: str) -> str:
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {conj} " + words[-1]

    return join(nb, "og"), join(en, "and")


@attrs.frozen(kw_only=True)
class PhaseStay:
    """One stay in a phase: from the day it was entered to the day the next phase was."""

    phase: Phase
    """The phase."""
    entered: datetime.date
    """The day the phase was entered."""
    left: datetime.date | None
    """The day the next phase was entered, or ``None`` for the current phase."""
    until: datetime.date
    """The end of the stay as counted: ``left``, or ``today`` for the current phase."""

    @property
    def days(self) -> int:
        """Days in the phase (``until - entered``)."""
        return (self.until - self.entered).days

    @property
    def duration(self) -> relativedelta:
        """The stay as calendar years, months and days (``dateutil.relativedelta``)."""
        from dateutil.relativedelta import relativedelta

        return relativedelta(self.until, self.entered)

    def __str__(self) -> str:
        nb, en = _describe(self.duration)
        return f"{self.phase.label_nb}: {nb} ({self.phase.label_en}: {en})"


@attrs.frozen(kw_only=True)
class PhaseTime:
    """The total time a project has spent in one phase, over all its stays."""

    phase: Phase
    """The phase."""
    days: int
    """Days spent in the phase, over all stays."""
    stays: int
    """How many times the phase was entered."""


@attrs.frozen(kw_only=True)
@checked
class ImprovementProject:
    """An improvement project (forbedringsarbeid) and its append-only history of dated events.

    The history records the phases entered, the activities completed, the goals set or
    revised, the measurement tools and plan, the improvement measures chosen, the PDSA
    cycles, the judgements of sufficiency and free notes, in date order. Operations return
    a new project; the current phase and the time spent in each phase derive from the
    history. Going back to an earlier phase is allowed and recorded; skipping phases is
    allowed too, and :func:`~laeringsnettverk.improvement.review` flags it.

    ```pycon
    >>> import datetime
    >>> d = datetime.date
    >>> project = ImprovementProject.begin(
    ...     title="Gode pasientforløp for brukere med ROP-lidelser",
    ...     team="bodoe", area="Psykisk helse og rus", start=d(2014, 9, 1))
    >>> project = project.enter(Phase.PLAN, d(2014, 11, 1)).enter(Phase.DO, d(2015, 1, 15))
    >>> project = project.enter(Phase.PLAN, d(2015, 2, 1), note="Målet var ikke målbart")
    >>> project.current_phase, project.path
    (Phase.PLAN, (Phase.PREPARE, Phase.PLAN, Phase.DO, Phase.PLAN))
    >>> [(t.phase.code, t.days, t.stays) for t in project.time_in_phases(today=d(2015, 3, 1))]
    [('forberede', 61, 1), ('planlegge', 103, 2), ('utfoere', 17, 1)]

    ```
    """

    title: str = attrs.field(metadata=rule(Text()))
    """The project's title."""
    team: str = attrs.field(metadata=rule(Text()))
    """The improvement team, by its identifier."""
    area: str = attrs.field(metadata=rule(Text()))
    """The improvement area (forbedringsområde) the team chose."""
    start: datetime.date = attrs.field(metadata=rule(Date()))
    """The day the project started; no event is earlier."""
    history: tuple[ProjectEvent, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(EVENT_RULE))
    )
    """The events, in date order (same-day events keep their order). If not empty, the first
    is a :class:`PhaseEntered`."""
    identifier: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """An identifier in the caller's system."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if ok["history"] and ok["start"]:
            self._check_history(c)

    def _check_history(self, c: Checker) -> None:
        previous = self.start
        current: Phase | None = None
        for i, event in enumerate(self.history):
            if event.date < previous:
                what = "the project's start" if i == 0 else "the previous event's date"
                c.add(
                    ("history", i, "date"),
                    f"must not be before {what} {previous.isoformat()}",
                    event.date.isoformat(),
                )
            previous = max(previous, event.date)
            if i == 0 and not isinstance(event, PhaseEntered):
                c.add(
                    ("history", 0),
                    "must be a PhaseEntered (a project begins by entering a phase)",
                    type(event).__name__,
                )
            if isinstance(event, PhaseEntered):
                if event.phase is current:
                    c.add(
                        ("history", i, "phase"), "is already the current phase", event.phase.value
                    )
                current = event.phase

    # -- building -----------------------------------------------------------------------------

    @classmethod
    def begin(
        cls,
        *,
        title: str,
        team: str,
        area: str,
        start: datetime.date,
        phase: Phase = Phase.PREPARE,
        identifier: str | None = None,
    ) -> ImprovementProject:
        """A new project that enters ``phase`` (default forberede) on its ``start`` day."""
        return cls(
            title=title,
            team=team,
            area=area,
            start=start,
            identifier=identifier,
            history=(PhaseEntered(date=start, phase=phase),),
        )

    def record(self, event: ProjectEvent) -> ImprovementProject:
        """A new project with ``event`` appended to the history.

        Raises:
            ValidationError: when the event is dated before the last one, or enters the
                phase the project is already in.
        """
        if not isinstance(event, EVENT_TYPES):
            fail(("event",), "must be a project event", type(event).__name__)
        return attrs.evolve(self, history=(*self.history, event))

    def enter(
        self, phase: Phase, date: datetime.date, *, note: str | None = None
    ) -> ImprovementProject:
        """Enter ``phase`` (forward, back, or skipping phases)."""
        return self.record(PhaseEntered(date=date, phase=phase, note=note))

    def complete(
        self, activity: PhaseActivity, date: datetime.date, *, note: str | None = None
    ) -> ImprovementProject:
        """Record that one of the model's activities was completed."""
        return self.record(ActivityCompleted(date=date, activity=activity, note=note))

    def set_goal(
        self, goal: SmartGoal, date: datetime.date, *, note: str | None = None
    ) -> ImprovementProject:
        """Set a goal, or revise one (same ``identifier`` as an earlier goal)."""
        return self.record(GoalSet(date=date, goal=goal, note=note))

    def choose_tool(
        self, tool: IndicatorKind, date: datetime.date, *, note: str | None = None
    ) -> ImprovementProject:
        """Record the choice of a measurement tool."""
        return self.record(MeasurementToolChosen(date=date, tool=tool, note=note))

    def set_measurement_plan(
        self, plan: MeasurementPlan, date: datetime.date, *, note: str | None = None
    ) -> ImprovementProject:
        """Set (or replace) the measurement plan."""
        return self.record(MeasurementPlanSet(date=date, measurement_plan=plan, note=note))

    def choose_measure(
        self, description: str, date: datetime.date, *, note: str | None = None
    ) -> ImprovementProject:
        """Record the choice of an improvement measure (forbedringstiltak)."""
        return self.record(ImprovementMeasureChosen(date=date, description=description, note=note))

    def judge_sufficiency(
        self, sufficient: bool, date: datetime.date, *, note: str | None = None
    ) -> ImprovementProject:
        """Record whether the improvement is judged sufficient."""
        return self.record(SufficiencyJudged(date=date, sufficient=sufficient, note=note))

    def add_note(self, text: str, date: datetime.date) -> ImprovementProject:
        """Add a free note."""
        return self.record(NoteAdded(date=date, text=text))

    # -- reading ------------------------------------------------------------------------------

    def events(self, kind: type[E]) -> tuple[E, ...]:
        """The events of one class, in order: ``project.events(PdsaCycle)``."""
        return tuple(e for e in self.history if isinstance(e, kind))

    @property
    def current_phase(self) -> Phase | None:
        """The phase last entered, or ``None`` before any."""
        entries = self.events(PhaseEntered)
        return entries[-1].phase if entries else None

    @property
    def path(self) -> tuple[Phase, ...]:
        """The phases entered, in order (a phase returned to appears again)."""
        return tuple(e.phase for e in self.events(PhaseEntered))

    @property
    def goals(self) -> tuple[SmartGoal, ...]:
        """The current goals: the latest version of each (by ``identifier``), in order set.

        A goal without an identifier is never replaced.
        """
        latest: dict[object, SmartGoal] = {}
        for i, e in enumerate(self.events(GoalSet)):
            key: object = e.goal.identifier if e.goal.identifier is not None else i
            latest[key] = e.goal
        return tuple(latest.values())

    @property
    def goal_revisions(self) -> int:
        """How many times a goal was revised (set again with an identifier already used)."""
        ids = [e.goal.identifier for e in self.events(GoalSet) if e.goal.identifier]
        return len(ids) - len(set(ids))

    @property
    def measurement_plan(self) -> MeasurementPlan | None:
        """The latest measurement plan, or ``None``."""
        plans = self.events(MeasurementPlanSet)
        return plans[-1].measurement_plan if plans else None

    @property
    def tools(self) -> tuple[IndicatorKind, ...]:
        """The measurement tools chosen, directly or through the measurement plan, once each."""
        chosen = [e.tool for e in self.events(MeasurementToolChosen)]
        plan = self.measurement_plan
        if plan is not None:
            chosen.extend(plan.tools)
        return tuple(dict.fromkeys(chosen))

    @property
    def measures(self) -> tuple[str, ...]:
        """The improvement measures chosen, by description, in order."""
        return tuple(e.description for e in self.events(ImprovementMeasureChosen))

    @property
    def pdsa_cycles(self) -> tuple[PdsaCycle, ...]:
        """The PDSA cycles recorded, in order."""
        return self.events(PdsaCycle)

    @property
    def completed_activities(self) -> tuple[PhaseActivity, ...]:
        """The activities done, once each, in the order first done.

        Besides :class:`ActivityCompleted`, some events imply an activity: a goal set (sette
        mål), a tool or measurement plan chosen (velge måleverktøy), an improvement measure
        chosen (finne tiltak), a PDSA cycle (prøve ut; PDSA is the library's way to record
        it, not the sources') and a judgement of sufficiency.
        """
        implied = {
            GoalSet: PhaseActivity.SET_GOALS,
            MeasurementToolChosen: PhaseActivity.CHOOSE_TOOLS,
            MeasurementPlanSet: PhaseActivity.CHOOSE_TOOLS,
            ImprovementMeasureChosen: PhaseActivity.FIND_MEASURES,
            PdsaCycle: PhaseActivity.TRY_OUT,
            SufficiencyJudged: PhaseActivity.JUDGE_SUFFICIENCY,
        }
        done: list[PhaseActivity] = []
        for e in self.history:
            if isinstance(e, ActivityCompleted):
                done.append(e.activity)
            elif type(e) in implied:
                done.append(implied[type(e)])
        return tuple(dict.fromkeys(done))

    def _check_today(self, today: datetime.date) -> None:
        c = Checker()
        if c.date(("today",), today) and self.history and today < self.history[-1].date:
            c.add(
                ("today",),
                f"must not be before the last event's date {self.history[-1].date.isoformat()}",
                today.isoformat(),
            )
        c.done()

    def stays(self, today: datetime.date) -> tuple[PhaseStay, ...]:
        """Every stay in a phase, in order; the current one runs until ``today``."""
        self._check_today(today)
        entries = self.events(PhaseEntered)
        out = []
        for k, e in enumerate(entries):
            left = entries[k + 1].date if k + 1 < len(entries) else None
            out.append(
                PhaseStay(
                    phase=e.phase,
                    entered=e.date,
                    left=left,
                    until=left if left is not None else today,
                )
            )
        return tuple(out)

    def time_in_phases(self, today: datetime.date) -> tuple[PhaseTime, ...]:
        """Days spent in each phase entered so far, over all stays, in the model's order."""
        totals: dict[Phase, list[int]] = {}
        for stay in self.stays(today):
            entry = totals.setdefault(stay.phase, [0, 0])
            entry[0] += stay.days
            entry[1] += 1
        return tuple(
            PhaseTime(phase=p, days=totals[p][0], stays=totals[p][1]) for p in Phase if p in totals
        )
