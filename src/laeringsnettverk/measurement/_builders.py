"""Series built from the library's documents: forms, checklists and goals."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from laeringsnettverk._checks import Checker
from laeringsnettverk.goals import Indicator, IndicatorKind, SmartGoal
from laeringsnettverk.goals import Observation as GoalObservation
from laeringsnettverk.measurement._periods import (
    MeasurementPeriod,
    PeriodUnit,
    check_periods,
    periods_between,
)
from laeringsnettverk.measurement._series import Observation, Series
from laeringsnettverk.scoring import MINIMAL_IMPORTANT_CHANGE, fidelity_points, is_important_change
from laeringsnettverk.stats import mean_estimate
from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm, form_benefit

__all__ = [
    "BENEFIT_INDICATOR",
    "IMPORTANT_CHANGE_INDICATOR",
    "PAIRED_INDICATOR",
    "benefit_series",
    "fidelity_series",
    "goal_series",
    "important_change_series",
    "paired_series",
]

T = TypeVar("T")

BENEFIT_INDICATOR = Indicator(
    name="Opplevd nytte (perceived benefit)",
    kind=IndicatorKind.OTHER,
    unit="poeng",
    definition=(
        "Mean perceived benefit (mean of the 2nd conversation minus mean of the 1st, over the "
        "activities scored at both) of the forms whose 2nd conversation falls in the period."
    ),
    data_source="«Hva er viktig for meg»-skjemaet",
)
"""The indicator of :func:`benefit_series`."""

IMPORTANT_CHANGE_INDICATOR = Indicator(
    name="Andel med viktig endring (share reaching the minimal important change)",
    kind=IndicatorKind.PROPORTION,
    unit="%",
    minimum=0,
    maximum=100,
    definition=(
        "Forms whose perceived benefit reaches the minimal important change, out of the forms "
        "with a benefit whose 2nd conversation falls in the period."
    ),
    data_source="«Hva er viktig for meg»-skjemaet",
)
"""The indicator of :func:`important_change_series`."""

PAIRED_INDICATOR = Indicator(
    name="Brukere med 1. og 2. samtale (users with a 1st and a 2nd conversation)",
    kind=IndicatorKind.COUNT,
    unit="brukere",
    minimum=0,
    definition="Forms whose 2nd conversation falls in the period.",
    data_source="«Hva er viktig for meg»-skjemaet",
)
"""The indicator of :func:`paired_series`."""


def _periods(
    unit: PeriodUnit,
    periods: Sequence[MeasurementPeriod] | None,
    dates: list[datetime.date],
) -> tuple[MeasurementPeriod, ...]:
    if periods is not None:
        chosen = tuple(periods)
        check_periods(chosen)
        return chosen
    if not dates:
        return ()
    return periods_between(unit, min(dates), max(dates))


def _bin(
    periods: Sequence[MeasurementPeriod], dated: Iterable[tuple[datetime.date, T]]
) -> list[list[T]]:
    """Each item in the period holding its date (items outside every period are left out)."""
    bins: list[list[T]] = [[] for _ in periods]
    for day, item in dated:
        for k, period in enumerate(periods):
            if period.contains(day):
                bins[k].append(item)
                break
    return bins


def _check_common(team: object, unit: object, mic: object) -> None:
    c = Checker()
    if team is not None:
        c.code(("team",), team)
    c.member(("unit",), unit, PeriodUnit)
    if c.number(("minimal_important_change",), mic) and not mic > 0:  # type: ignore[operator]
        c.add(("minimal_important_change",), "must be > 0", mic)
    c.done()


def _form_benefits(
    forms: Iterable[WhatMattersForm], team: str | None, mic: float
) -> list[tuple[datetime.date, float | None]]:
    """(date of the 2nd conversation, benefit or None when no activity is paired)."""
    out: list[tuple[datetime.date, float | None]] = []
    for i, form in enumerate(forms):
        if not isinstance(form, WhatMattersForm):
            c = Checker()
            c.add(("forms", i), "must be a WhatMattersForm", type(form).__name__)
            c.done()
        if (team is not None and form.team != team) or len(form.conversations) < 2:
            continue
        benefit = form_benefit(form, 1, 2, minimal_important_change=mic)
        out.append((form.conversations[1].date, benefit.value))
    return out


def _with_benefit(values: list[float | None]) -> list[float]:
    """The benefits of a period's forms that have one (some activity scored at both)."""
    return [v for v in values if v is not None]


def _build(
    indicator: Indicator,
    dated: list[tuple[datetime.date, T]],
    make: Callable[[MeasurementPeriod, list[T]], Observation],
    *,
    team: str | None,
    network: str | None,
    unit: PeriodUnit,
    periods: Sequence[MeasurementPeriod] | None,
) -> Series:
    """The series of ``make``'s observation for each period's items (by their dates).

    The periods are the ones given, or every ``unit`` from the first date to the last; the
    series names its unit only when it made the periods itself.
    """
    chosen = _periods(unit, periods, [d for d, _ in dated])
    bins = _bin(chosen, dated)
    return Series(
        indicator=indicator,
        team=team,
        network=network,
        unit=unit if periods is None else None,
        observations=[make(p, b) for p, b in zip(chosen, bins, strict=True)],
    )


def benefit_series(
    forms: Iterable[WhatMattersForm],
    *,
    team: str | None = None,
    network: str | None = None,
    unit: PeriodUnit = PeriodUnit.MONTH,
    periods: Sequence[MeasurementPeriod] | None = None,
    minimal_important_change: float = MINIMAL_IMPORTANT_CHANGE,
) -> Series:
    """Mean perceived benefit per period, of the forms whose 2nd conversation falls in it.

    ``team`` keeps the forms of one team (``None``: all forms, a whole network). Periods
    are every month (or quarter) from the first to the last 2nd conversation, empty ones
    kept as missing observations; or the ``periods`` given, e.g. the action periods of
    :func:`network_periods`. Each observation's ``n`` is the number of forms averaged;
    forms with no activity scored at both conversations have no benefit and are not
    counted. Forms dated outside every given period are in no observation.
    """
    _check_common(team, unit, minimal_important_change)
    data = _form_benefits(forms, team, minimal_important_change)

    def make(period: MeasurementPeriod, benefits: list[float | None]) -> Observation:
        values = _with_benefit(benefits)
        if not values:
            return Observation(period=period, n=0)
        return Observation(period=period, value=mean_estimate(values).mean, n=len(values))

    return _build(
        BENEFIT_INDICATOR, data, make, team=team, network=network, unit=unit, periods=periods
    )


def important_change_series(
    forms: Iterable[WhatMattersForm],
    *,
    team: str | None = None,
    network: str | None = None,
    unit: PeriodUnit = PeriodUnit.MONTH,
    periods: Sequence[MeasurementPeriod] | None = None,
    minimal_important_change: float = MINIMAL_IMPORTANT_CHANGE,
) -> Series:
    """The share of users reaching the minimal important change, per period (a proportion).

    Numerator: forms whose benefit reaches ``minimal_important_change`` (2.0 by default,
    see :data:`~laeringsnettverk.scoring.MINIMAL_IMPORTANT_CHANGE`); denominator: forms with
    a benefit whose 2nd conversation falls in the period. Periods as in
    :func:`benefit_series`; a period without forms is a missing observation.
    """
    _check_common(team, unit, minimal_important_change)
    data = _form_benefits(forms, team, minimal_important_change)

    def make(period: MeasurementPeriod, benefits: list[float | None]) -> Observation:
        values = _with_benefit(benefits)
        if not values:
            return Observation(period=period, n=0)
        hits = sum(is_important_change(v, minimal_important_change) for v in values)
        return Observation(period=period, numerator=hits, denominator=len(values), n=len(values))

    return _build(
        IMPORTANT_CHANGE_INDICATOR,
        data,
        make,
        team=team,
        network=network,
        unit=unit,
        periods=periods,
    )


def paired_series(
    forms: Iterable[WhatMattersForm],
    *,
    team: str | None = None,
    network: str | None = None,
    unit: PeriodUnit = PeriodUnit.MONTH,
    periods: Sequence[MeasurementPeriod] | None = None,
) -> Series:
    """The number of users with a 1st and a 2nd conversation, by the 2nd's period.

    A count: every period in range has a value (0 when no 2nd conversation fell in it).
    """
    _check_common(team, unit, MINIMAL_IMPORTANT_CHANGE)
    data = _form_benefits(forms, team, MINIMAL_IMPORTANT_CHANGE)

    def make(period: MeasurementPeriod, values: list[float | None]) -> Observation:
        return Observation(period=period, value=len(values), n=len(values))

    return _build(
        PAIRED_INDICATOR, data, make, team=team, network=network, unit=unit, periods=periods
    )


def fidelity_series(
    checklists: Iterable[CollaborationChecklist],
    *,
    team: str | None = None,
    network: str | None = None,
    unit: PeriodUnit = PeriodUnit.MONTH,
    periods: Sequence[MeasurementPeriod] | None = None,
) -> Series:
    """Program fidelity per period as a proportion: points over items, pooled.

    Numerator: the points of the checklists dated in the period; denominator: their
    items. Pooling points over items keeps teams with different item sets comparable and
    makes the series a P-chart series. ``n`` is the number of checklists. Checklists
    without a date cannot be placed in a period and are left out.
    """
    _check_common(team, unit, MINIMAL_IMPORTANT_CHANGE)
    dated: list[tuple[datetime.date, CollaborationChecklist]] = []
    for i, checklist in enumerate(checklists):
        if not isinstance(checklist, CollaborationChecklist):
            c = Checker()
            c.add(("checklists", i), "must be a CollaborationChecklist", type(checklist).__name__)
            c.done()
        if (team is None or checklist.team == team) and checklist.date is not None:
            dated.append((checklist.date, checklist))

    def make(period: MeasurementPeriod, group: list[CollaborationChecklist]) -> Observation:
        if not group:
            return Observation(period=period, n=0)
        points = sum(fidelity_points(item.status for item in ch.items) for ch in group)
        items = sum(len(ch.items) for ch in group)
        return Observation(period=period, numerator=points, denominator=items, n=len(group))

    indicator = Indicator.for_kind(IndicatorKind.PROGRAM_FIDELITY)
    return _build(indicator, dated, make, team=team, network=network, unit=unit, periods=periods)


def goal_series(
    goal: SmartGoal,
    observations: Iterable[GoalObservation],
    *,
    team: str | None = None,
    network: str | None = None,
) -> Series:
    """A SMART goal's measure as a series: one single-day observation per measurement.

    The indicator is the goal's (or, without one, an indicator named by the goal's
    statement); ``indicator_ref`` is the goal's identifier. Feed it back to
    :func:`~laeringsnettverk.goals.goal_progress` with :meth:`Series.goal_observations`.
    """
    c = Checker()
    if not isinstance(goal, SmartGoal):
        c.add(("goal",), "must be a SmartGoal", type(goal).__name__)
        c.done()
    points = list(observations)
    for i, obs in enumerate(points):
        if not isinstance(obs, GoalObservation):
            c.add(("observations", i), "must be a goals.Observation", type(obs).__name__)
    c.done()
    points.sort(key=lambda o: o.date)
    indicator = goal.indicator or Indicator(name=goal.statement)
    return Series(
        indicator=indicator,
        indicator_ref=goal.identifier,
        team=team,
        network=network,
        observations=[
            Observation(
                period=MeasurementPeriod(code=o.date.isoformat(), start=o.date, end=o.date),
                value=o.value,
                n=1,
            )
            for o in points
        ],
    )
