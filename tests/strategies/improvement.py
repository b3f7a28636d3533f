"""Hypothesis strategies for the improvement model and projects: one per public model."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from laeringsnettverk.findings import Finding, Severity
from laeringsnettverk.goals import IndicatorKind
from laeringsnettverk.improvement import (
    ActivityCompleted,
    GoalSet,
    ImprovementMeasureChosen,
    ImprovementProject,
    MeasurementPlan,
    MeasurementPlanSet,
    MeasurementToolChosen,
    NoteAdded,
    PdsaCycle,
    PdsaDecision,
    Phase,
    PhaseActivity,
    PhaseEntered,
    PhaseStay,
    PhaseTime,
    SufficiencyJudged,
)
from strategies.goals import goals, indicators
from strategies.toolkit import dates, texts

__all__ = [
    "event_after",
    "findings",
    "measurement_plans",
    "pdsa_cycles",
    "phase_stays",
    "phase_times",
    "phases",
    "projects",
]

phases = st.sampled_from(Phase)
optional_texts = st.none() | texts
findings = st.builds(
    Finding,
    severity=st.sampled_from(Severity),
    code=st.from_regex(r"[a-z][a-z_]{0,20}", fullmatch=True),
    message_nb=texts,
    message_en=texts,
    concerns=optional_texts,
)


@st.composite
def measurement_plans(draw: st.DrawFn) -> MeasurementPlan:
    """A plan whose indicators all have a role and distinct names."""
    members = draw(
        st.lists(
            indicators(role=True),
            max_size=4,
            unique_by=lambda i: i.name.strip().casefold(),
        )
    )
    return MeasurementPlan(indicators=members)


@st.composite
def pdsa_cycles(draw: st.DrawFn, date: datetime.date | None = None) -> PdsaCycle:
    """A PDSA cycle recorded on ``date`` (any date if not given)."""
    day = draw(dates) if date is None else date
    started = draw(
        st.none() | st.dates(min_value=day - datetime.timedelta(days=120), max_value=day)
    )
    return PdsaCycle(
        date=day,
        change_idea=draw(texts),
        plan=draw(texts),
        do=draw(optional_texts),
        study=draw(optional_texts),
        act=draw(optional_texts),
        decision=draw(st.none() | st.sampled_from(PdsaDecision)),
        started=started,
        judged_by=draw(optional_texts),
    )


@st.composite
def event_after(draw: st.DrawFn, day: datetime.date, current: Phase | None) -> object:
    """One event dated ``day``: any kind, but never entering the ``current`` phase again."""
    note = draw(optional_texts)
    other_phases = [p for p in Phase if p is not current]
    options = [
        st.builds(PhaseEntered, date=st.just(day), phase=st.sampled_from(other_phases), note=st.just(note)),
        st.builds(ActivityCompleted, date=st.just(day), activity=st.sampled_from(PhaseActivity), note=st.just(note)),
        st.builds(GoalSet, date=st.just(day), goal=goals(), note=st.just(note)),
        st.builds(MeasurementToolChosen, date=st.just(day), tool=st.sampled_from(IndicatorKind), note=st.just(note)),
        st.builds(MeasurementPlanSet, date=st.just(day), measurement_plan=measurement_plans(), note=st.just(note)),
        st.builds(ImprovementMeasureChosen, date=st.just(day), description=texts, note=st.just(note)),
        pdsa_cycles(day),
        st.builds(SufficiencyJudged, date=st.just(day), sufficient=st.booleans(), note=st.just(note)),
        st.builds(NoteAdded, date=st.just(day), text=texts),
    ]  # fmt: skip
    return draw(st.one_of(options))


@st.composite
def projects(draw: st.DrawFn, max_events: int = 8) -> ImprovementProject:
    """A valid project: a first phase, then any events in date order."""
    start = draw(st.dates(min_value=datetime.date(2010, 1, 1), max_value=datetime.date(2030, 1, 1)))
    history: list[object] = []
    day = start + datetime.timedelta(days=draw(st.integers(0, 30)))
    if draw(st.integers(0, 9)) > 0:  # mostly non-empty
        current: Phase | None = draw(phases)
        history.append(PhaseEntered(date=day, phase=current))
        for _ in range(draw(st.integers(0, max_events))):
            day += datetime.timedelta(days=draw(st.integers(0, 60)))
            event = draw(event_after(day, current))
            if isinstance(event, PhaseEntered):
                current = event.phase
            history.append(event)
    return ImprovementProject(
        title=draw(texts),
        team=draw(texts),
        area=draw(texts),
        start=start,
        history=history,
        identifier=draw(st.none() | st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)),
    )


phase_stays = st.builds(
    lambda phase, entered, days, open_: PhaseStay(
        phase=phase,
        entered=entered,
        left=None if open_ else entered + datetime.timedelta(days=days),
        until=entered + datetime.timedelta(days=days),
    ),
    phases,
    dates,
    st.integers(0, 400),
    st.booleans(),
)
phase_times = st.builds(PhaseTime, phase=phases, days=st.integers(0, 2000), stays=st.integers(1, 5))
