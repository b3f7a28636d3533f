"""Hypothesis strategies for SMART(E) goals: one per public model."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from laeringsnettverk.goals import (
    CriterionResult,
    Frequency,
    GoalProgress,
    Indicator,
    IndicatorKind,
    IndicatorRole,
    MunicipalGoal,
    Observation,
    Party,
    ProgressPoint,
    ProgressStatus,
    SmartAssessment,
    SmartCriterion,
    SmartGoal,
)
from strategies.toolkit import dates, texts

__all__ = [
    "GOAL_FIELDS",
    "assessments",
    "complete_goals",
    "criterion_results",
    "goal_progresses",
    "goals",
    "indicators",
    "municipal_goals",
    "observations",
    "on_scale",
    "parties",
    "progress_points",
    "values",
]

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False) | (
    st.integers(min_value=-1000, max_value=1000)
)
optional_texts = st.none() | texts


@st.composite
def indicators(draw: st.DrawFn, *, role: bool | None = None) -> Indicator:
    """Any valid indicator; ``role=True`` always has one, ``False`` never, ``None`` either."""
    lo = draw(st.none() | values)
    hi = draw(st.none() | values)
    if lo is not None and hi is not None:
        lo, hi = min(lo, hi), max(lo, hi)
        if lo == hi:
            hi = lo + 1
    roles = st.sampled_from(IndicatorRole)
    return Indicator(
        name=draw(texts),
        kind=draw(st.sampled_from(IndicatorKind)),
        unit=draw(st.none() | st.sampled_from(["%", "poeng", "innleggelser"])),
        minimum=lo,
        maximum=hi,
        higher_is_better=draw(st.booleans()),
        role=draw(roles if role else st.none() if role is False else st.none() | roles),
        definition=draw(optional_texts),
        data_source=draw(optional_texts),
        frequency=draw(st.none() | st.sampled_from(Frequency)),
    )


def on_scale(indicator: Indicator) -> st.SearchStrategy[float]:
    """Values on the indicator's scale (within +-1e6 where the scale is open)."""
    lo = -1e6 if indicator.minimum is None else indicator.minimum
    hi = 1e6 if indicator.maximum is None else indicator.maximum
    return st.floats(min_value=lo, max_value=hi, allow_nan=False, allow_infinity=False)


observations = st.builds(Observation, date=dates, value=values)
parties = st.builds(Party, name=texts, user_representative=st.booleans())


@st.composite
def complete_goals(draw: st.DrawFn) -> SmartGoal:
    """A goal with every field filled in (it may still fail criteria: a target may be worse
    than the baseline, off the scale, or the deadline early)."""
    indicator = draw(indicators())
    base_date = draw(dates)
    return SmartGoal(
        statement=draw(texts),
        population=draw(texts),
        setting=draw(texts),
        indicator=indicator,
        baseline=Observation(date=base_date, value=draw(on_scale(indicator))),
        target=draw(values),
        deadline=draw(dates),
        owner=draw(texts),
        agreed_by=draw(st.lists(parties, min_size=1, max_size=3)),
        rationale=draw(texts),
        identifier=draw(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)),
    )


GOAL_FIELDS = (
    "population",
    "setting",
    "indicator",
    "baseline",
    "target",
    "deadline",
    "owner",
    "agreed_by",
    "rationale",
    "identifier",
)
"""The fields of a goal besides its statement, which may each be left out."""


@st.composite
def goals(draw: st.DrawFn) -> SmartGoal:
    """Any valid goal: a complete one with some fields left out (possibly all: a bare one)."""
    goal = draw(complete_goals())
    drop = draw(st.sets(st.sampled_from(GOAL_FIELDS)))
    changes = {f: () if f == "agreed_by" else None for f in drop}
    return attrs.evolve(goal, **changes)


criterion_results = st.builds(
    CriterionResult,
    criterion=st.sampled_from(SmartCriterion),
    passed=st.booleans(),
    reason_nb=texts,
    reason_en=texts,
)


@st.composite
def assessments(draw: st.DrawFn) -> SmartAssessment:
    """Any valid assessment: six results in the order S, M, A, R, T, E."""
    return SmartAssessment(
        results=[
            CriterionResult(
                criterion=c,
                passed=draw(st.booleans()),
                reason_nb=draw(texts),
                reason_en=draw(texts),
            )
            for c in SmartCriterion
        ]
    )


progress_points = st.builds(
    ProgressPoint,
    date=dates,
    value=values,
    share=values,
    status=st.sampled_from(ProgressStatus),
    time_elapsed=st.none() | values,
)
goal_progresses = st.builds(
    GoalProgress,
    points=st.lists(progress_points, max_size=4),
    status=st.sampled_from(ProgressStatus),
)
municipal_goals = st.builds(
    MunicipalGoal,
    goal=st.builds(SmartGoal, statement=texts),
    municipalities=st.integers(min_value=1, max_value=400),
)
