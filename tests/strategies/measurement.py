"""Hypothesis strategies for series (measurement over time): one per public model."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from laeringsnettverk.measurement import (
    ChangeNote,
    MeasurementPeriod,
    Observation,
    PeriodUnit,
    Series,
)
from strategies.goals import indicators
from strategies.toolkit import dates, texts

__all__ = ["change_notes", "observations", "periods", "series"]

codes = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,12}", fullmatch=True)


@st.composite
def periods(draw: st.DrawFn, after: datetime.date | None = None) -> MeasurementPeriod:
    """A valid period starting after ``after`` (if given)."""
    base = after or datetime.date(2010, 1, 1)
    start = base + datetime.timedelta(days=draw(st.integers(1, 120)))
    end = start + datetime.timedelta(days=draw(st.integers(0, 92)))
    return MeasurementPeriod(code=draw(codes), start=start, end=end)


@st.composite
def observations(
    draw: st.DrawFn, *, period: MeasurementPeriod | None = None, proportion: bool | None = None
) -> Observation:
    """A valid observation: a value, a proportion, or missing."""
    period = period or draw(periods())
    form = draw(
        st.sampled_from(
            [
                "missing",
                "value" if proportion is not True else "missing",
                "proportion" if proportion is not False else "missing",
            ]
        )
    )
    n = draw(st.none() | st.integers(0, 500))
    excluded = draw(st.booleans())
    reason = draw(st.none() | texts) if excluded else None
    if form == "value":
        value = draw(
            st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False) | st.integers(-50, 50)
        )
        return Observation(period=period, value=value, n=n, excluded=excluded, reason=reason)
    if form == "proportion":
        den = draw(st.integers(1, 500))
        num = draw(st.integers(0, den))
        return Observation(
            period=period, numerator=num, denominator=den, n=n, excluded=excluded, reason=reason
        )
    return Observation(period=period, n=n, excluded=excluded, reason=reason)


change_notes = st.builds(ChangeNote, date=dates, text=texts)


@st.composite
def series(draw: st.DrawFn) -> Series:
    """A valid series (indicator without bounds, so any value fits)."""
    indicator = draw(st.none() | indicators())
    if indicator is not None and (indicator.minimum is not None or indicator.maximum is not None):
        indicator = None
    ref = draw(codes) if indicator is None else draw(st.none() | codes)
    proportion = draw(st.booleans())
    obs: list[Observation] = []
    after = None
    for _ in range(draw(st.integers(0, 6))):
        period = draw(periods(after))
        obs.append(draw(observations(period=period, proportion=proportion)))
        after = period.end
    notes = sorted(draw(st.lists(change_notes, max_size=3)), key=lambda n: n.date)
    return Series(
        indicator=indicator,
        indicator_ref=ref,
        team=draw(st.none() | codes),
        network=draw(st.none() | texts),
        unit=draw(st.none() | st.sampled_from(PeriodUnit)),
        observations=obs,
        changes=notes,
        identifier=draw(st.none() | texts),
    )
