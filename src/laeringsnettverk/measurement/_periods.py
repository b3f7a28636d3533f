"""Periods that observations are grouped by: months, quarters, action periods."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._codes import CodedEnum
from laeringsnettverk._rules import Custom, Date, checked, rule

__all__ = ["MeasurementPeriod", "PeriodUnit", "action_periods", "periods_between"]

CODE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
"""A period's code: lower-case ASCII letters, digits, ``_`` and ``-``."""
_NOT_CODE = "must be lower-case ASCII letters, digits, '_' or '-'"


def _check_code(c: Checker, path: tuple[Any, ...], value: object) -> bool:
    if not c.code(path, value):
        return False
    if not CODE.fullmatch(cast(str, value)):
        c.add(path, _NOT_CODE, value)
        return False
    return True


def _is_code(value: object) -> bool:
    return type(value) is str and CODE.fullmatch(value) is not None


CODE_RULE = Custom(check_with=_check_code, quick_with=_is_code, keywords={"pattern": CODE.pattern})
"""The rule of a code: a non-empty string that matches :data:`CODE` (a period's code, a
series' team)."""


class PeriodUnit(CodedEnum):
    """How a series divides time into periods."""

    MONTH = ("maaned", "Måned", "month")
    """Calendar months, coded ``"2015-02"``."""
    QUARTER = ("kvartal", "Kvartal", "quarter")
    """Calendar quarters, coded ``"2015-k1"`` (k for *kvartal*)."""
    ACTION_PERIOD = (
        "handlingsperiode",
        "Handlingsperiode (mellom samlinger)",
        "action period (between gatherings)",
    )
    """The action periods between a network's gatherings, coded ``"handlingsperiode-1"``
    for the period after gathering 1. The source report calls the time between the
    gatherings *handlingsperioder*."""


@attrs.frozen(kw_only=True)
@checked
class MeasurementPeriod:
    """A stretch of days, ``start`` to ``end`` (both included), with a code for data."""

    code: str = attrs.field(metadata=rule(CODE_RULE))
    """The period's code, e.g. ``"2015-02"``, ``"2015-k1"``, ``"handlingsperiode-1"``."""
    start: datetime.date = attrs.field(metadata=rule(Date()))
    """The first day."""
    end: datetime.date = attrs.field(metadata=rule(Date()))
    """The last day (equal to ``start`` for a single day)."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if ok["start"] and ok["end"] and self.end < self.start:
            c.add(("end",), f"must not be before start {self.start.isoformat()}", self.end)

    def contains(self, day: datetime.date) -> bool:
        """True when ``day`` falls in the period."""
        return self.start <= day <= self.end


def _month(day: datetime.date) -> MeasurementPeriod:
    start = day.replace(day=1)
    following = (start + datetime.timedelta(days=32)).replace(day=1)
    return MeasurementPeriod(
        code=f"{day.year:04d}-{day.month:02d}",
        start=start,
        end=following - datetime.timedelta(days=1),
    )


def _quarter(day: datetime.date) -> MeasurementPeriod:
    q = (day.month - 1) // 3
    start = datetime.date(day.year, 3 * q + 1, 1)
    following = (start + datetime.timedelta(days=93)).replace(day=1)
    return MeasurementPeriod(
        code=f"{day.year:04d}-k{q + 1}", start=start, end=following - datetime.timedelta(days=1)
    )


def periods_between(
    unit: PeriodUnit, first: datetime.date, last: datetime.date
) -> tuple[MeasurementPeriod, ...]:
    """Every calendar month or quarter from ``first``'s to ``last``'s, empty ones included.

    Empty periods stay in, so a month without data shows as missing, not as absent.

    ```pycon
    >>> import datetime
    >>> [p.code for p in periods_between(
    ...     PeriodUnit.QUARTER, datetime.date(2015, 2, 5), datetime.date(2015, 8, 1))]
    ['2015-k1', '2015-k2', '2015-k3']

    ```

    Raises:
        ValidationError: ``unit`` is not a calendar unit (action periods come from
            :func:`action_periods`), or ``last`` is before ``first``.
    """
    c = Checker()
    if c.member(("unit",), unit, PeriodUnit) and unit is PeriodUnit.ACTION_PERIOD:
        c.add(("unit",), "action periods come from a network's gatherings (action_periods)")
    if c.date(("first",), first) & c.date(("last",), last) and last < first:
        c.add(("last",), f"must not be before first {first.isoformat()}", last)
    c.done()
    step = _month if unit is PeriodUnit.MONTH else _quarter
    out = [step(first)]
    while out[-1].end < last:
        out.append(step(out[-1].end + datetime.timedelta(days=1)))
    return tuple(out)


def action_periods(
    gatherings: Iterable[tuple[datetime.date, datetime.date]],
) -> tuple[MeasurementPeriod, ...]:
    """The action periods between gatherings, given each gathering's first and last day.

    Period *k* runs from the day after gathering *k*'s last day to gathering *k + 1*'s
    first day (included: what is measured on the day of a gathering belongs to the
    period it closes). Use :func:`laeringsnettverk.measurement.network_periods` to get
    them from a :class:`~laeringsnettverk.network.LearningNetwork`.

    ```pycon
    >>> import datetime
    >>> d = datetime.date
    >>> [(p.code, p.start.isoformat(), p.end.isoformat()) for p in action_periods(
    ...     [(d(2015, 1, 20), d(2015, 1, 21)), (d(2015, 5, 5), d(2015, 5, 6))])]
    [('handlingsperiode-1', '2015-01-22', '2015-05-05')]

    ```

    Raises:
        ValidationError: fewer than two gatherings, or gatherings that overlap or are
            out of date order.
    """
    days: Sequence[tuple[datetime.date, datetime.date]] = list(gatherings)
    c = Checker()
    if len(days) < 2:
        c.add(("gatherings",), "needs at least two gatherings to have an action period", len(days))
    for i, (first, last) in enumerate(days):
        if c.date(("gatherings", i, "first"), first) & c.date(("gatherings", i, "last"), last):
            if last < first:
                c.add(("gatherings", i, "last"), "must not be before its first day", last)
            elif i and type(days[i - 1][1]) is datetime.date and first <= days[i - 1][1]:
                c.add(("gatherings", i, "first"), "must be after the previous gathering", first)
    c.done()
    return tuple(
        MeasurementPeriod(
            code=f"handlingsperiode-{k + 1}",
            start=days[k][1] + datetime.timedelta(days=1),
            end=days[k + 1][0],
        )
        for k in range(len(days) - 1)
    )


def check_periods(periods: Sequence[MeasurementPeriod]) -> None:
    """Raise unless the periods are in date order without overlap."""
    c = Checker()
    for i, p in enumerate(periods):
        if not isinstance(p, MeasurementPeriod):
            c.add(("periods", i), "must be a MeasurementPeriod", type(p).__name__)
        elif i and isinstance(periods[i - 1], MeasurementPeriod) and p.start <= periods[i - 1].end:
            c.add(("periods", i, "start"), "must be after the previous period's end", p.start)
    c.done()
