"""Proposing dates for a network's gatherings: working days only, with python-dateutil."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._rules import Date, Instance, Integer, Items, checked, rule, to_tuple
from laeringsnettverk.network._enums import PeriodKind
from laeringsnettverk.network._gathering import Gathering
from laeringsnettverk.network._holidays import is_working_day
from laeringsnettverk.network._network import Period

if TYPE_CHECKING:
    from dateutil.relativedelta import relativedelta

__all__ = ["Schedule", "ScheduledGathering", "plan_schedule"]

_MAX_SEARCH_DAYS = 60

FIGURE_1_PREPARATION_MONTHS: tuple[Fraction, Fraction] = (Fraction(3), Fraction(6))
"""The preparation period before gathering 1 in the ROP report's figure 1: 3-6 months."""

FIGURE_1_SPACING_MONTHS: tuple[tuple[Fraction, Fraction], ...] = (
    (Fraction(5, 2), Fraction(11, 2)),
    (Fraction(9, 2), Fraction(13, 2)),
    (Fraction(1), Fraction(6)),
)
"""The months between gatherings 1-2, 2-3 and 3-4 in the ROP report's figure 1
(«2,5-5,5 m», «4,5-6,5 m», «1-6 mnd»; KS / Kunnskapssenteret)."""

DEFAULT_PREPARATION = 3
"""The library's default preparation before gathering 1, in months: FHI's networks have
«tre måneders forberedelse», the low end of figure 1's 3-6 months."""

DEFAULT_SPACING: tuple[int, ...] = (4, 6, 4)
"""The library's default months between gatherings 1-2, 2-3 and 3-4: the middle of each of
figure 1's ranges (4, 5.5, 3.5), rounded half up to whole calendar months. Three gatherings
take the first two. Gathering 1 to 4 then spans 14 months (the ROP network's first one ran
from September 2014 to December 2015)."""


@attrs.frozen(kw_only=True)
@checked
class ScheduledGathering:
    """A proposed gathering: its number, the date aimed at, and the days found."""

    number: int = attrs.field(metadata=rule(Integer(ge=1)))
    """The gathering's number: 1 for the first."""
    target: datetime.date = attrs.field(metadata=rule(Date()))
    """The date aimed at: the start plus the preparation plus the spacing so far."""
    days: tuple[datetime.date, ...] = attrs.field(
        converter=to_tuple,
        metadata=rule(Items(Date(), min_items=1, too_few="needs at least one day")),
    )
    """Consecutive working days, the first on or after ``target``."""

    @property
    def first_day(self) -> datetime.date:
        """The gathering's first day."""
        return self.days[0]

    @property
    def last_day(self) -> datetime.date:
        """The gathering's last day."""
        return self.days[-1]


@attrs.frozen(kw_only=True)
@checked
class Schedule:
    """The result of :func:`plan_schedule`: the gatherings proposed and the three periods."""

    start: datetime.date = attrs.field(metadata=rule(Date()))
    """The day the network starts (its preparation period begins)."""
    gatherings: tuple[ScheduledGathering, ...] = attrs.field(
        converter=to_tuple, metadata=rule(Items(Instance(ScheduledGathering)))
    )
    """The gatherings, in order."""
    periods: tuple[Period, ...] = attrs.field(
        converter=to_tuple, metadata=rule(Items(Instance(Period)))
    )
    """Preparation (unless it is empty), execution and continuation (open-ended)."""

    def period(self, kind: PeriodKind) -> Period | None:
        """The period of ``kind``, or ``None`` when there is none."""
        for period in self.periods:
            if period.kind is kind:
                return period
        return None

    @property
    def duration(self) -> relativedelta:
        """From the start to the last gathering's last day, in calendar months and days."""
        from dateutil.relativedelta import relativedelta

        return relativedelta(self.gatherings[-1].last_day, self.start)

    def to_gatherings(self, place: str) -> tuple[Gathering, ...]:
        """The proposed gatherings as :class:`Gathering` s held at ``place``, no programme."""
        return tuple(Gathering(number=g.number, days=g.days, place=place) for g in self.gatherings)


def _delta(value: object, path: tuple[str | int, ...], c: Checker) -> relativedelta | None:
    from dateutil.relativedelta import relativedelta

    if type(value) is int:
        if value < 0:
            c.add(path, "must not be negative (months)", value)
            return None
        return relativedelta(months=value)
    if isinstance(value, relativedelta):
        probe = datetime.date(2001, 1, 1)
        if probe + value < probe:
            c.add(path, "must not go back in time", value)
            return None
        return value
    c.add(path, "must be a whole number of months (int) or a relativedelta", value)
    return None


def _window(target: datetime.date, days: int) -> tuple[datetime.date, ...]:
    one = datetime.timedelta(days=1)
    first = target
    for _ in range(_MAX_SEARCH_DAYS):
        window = tuple(first + one * k for k in range(days))
        if all(is_working_day(d) for d in window):
            return window
        first += one
    raise AssertionError("no window of working days found")  # pragma: no cover


def plan_schedule(
    start: datetime.date,
    gatherings: int = 4,
    *,
    preparation: int | relativedelta = DEFAULT_PREPARATION,
    spacing: int | relativedelta | Sequence[int | relativedelta] | None = None,
    days: int = 2,
) -> Schedule:
    """Propose dates for a network's gatherings, and the periods that result.

    Gathering 1 is aimed at ``start + preparation``; each later one at the previous one's
    aim plus ``spacing`` (one spacing for all, or one per gap), so shifts do not add up.
    Each gathering gets ``days`` consecutive days, all working days (never a Saturday, a
    Sunday or a Norwegian public holiday), the first on or after its aim. Months are
    calendar months (``dateutil.relativedelta``); pass a ``relativedelta`` for weeks or
    days.

    The defaults are the library's choices, each taken from a source where one exists:
    four gatherings of two days (the ROP network held four two-day gatherings; the
    Trøndelag invitation plans 3-4); 3 months of preparation (FHI's networks, and the low
    end of the ROP report's figure 1: 3-6 months); and a spacing of 4, 6 and 4 months
    (the middle of figure 1's ranges 2.5-5.5, 4.5-6.5 and 1-6 months, rounded half up to
    whole months; three gatherings take the first two). FHI's
    article gives only the length of its networks, «21 måneder inkludert tre måneders
    forberedelse», not the number of gatherings or their spacing.

    ```pycon
    >>> import datetime
    >>> default = plan_schedule(datetime.date(2025, 1, 6))
    >>> [g.target.isoformat() for g in default.gatherings]
    ['2025-04-06', '2025-08-06', '2026-02-06', '2026-06-06']

    ```

    Trøndelag's invitation planned September 2019, January 2020, May 2020 and March 2021:

    ```pycon
    >>> schedule = plan_schedule(datetime.date(2019, 6, 1), 4, spacing=[4, 4, 10])
    >>> [g.days for g in schedule.gatherings]  # doctest: +NORMALIZE_WHITESPACE
    [(datetime.date(2019, 9, 2), datetime.date(2019, 9, 3)),
     (datetime.date(2020, 1, 2), datetime.date(2020, 1, 3)),
     (datetime.date(2020, 5, 4), datetime.date(2020, 5, 5)),
     (datetime.date(2021, 3, 1), datetime.date(2021, 3, 2))]
    >>> [(p.kind.code, p.start.isoformat()) for p in schedule.periods]
    [('forberedelse', '2019-06-01'), ('gjennomfoering', '2019-09-02'), ('viderefoering', '2021-03-03')]

    ```

    Raises:
        ValidationError: for a start that is not a date, a number of gatherings outside
            3-4, days outside 1-3, or a negative preparation or spacing.
    """  # noqa: E501
    c = Checker()
    c.date(("start",), start)
    c.integer(("gatherings",), gatherings, 3, 4)
    c.integer(("days",), days, 1, 3)
    prep = _delta(preparation, ("preparation",), c)
    if spacing is None:
        # the library's default, one gap per pair of gatherings (none for a bad number)
        n = gatherings if type(gatherings) is int and 3 <= gatherings <= 4 else 1
        gaps = [_delta(s, ("spacing",), c) for s in DEFAULT_SPACING[: n - 1]]
    elif isinstance(spacing, Sequence) and not isinstance(spacing, str):
        gaps = [_delta(s, ("spacing", i), c) for i, s in enumerate(spacing)]
        if type(gatherings) is int and len(gaps) != gatherings - 1:
            c.add(
                ("spacing",),
                f"must give one spacing per gap between gatherings ({gatherings - 1})",
                len(gaps),
            )
    else:
        gap = _delta(spacing, ("spacing",), c)
        gaps = [gap] * (max(gatherings, 1) - 1 if type(gatherings) is int else 0)
    c.done()
    assert prep is not None
    planned: list[ScheduledGathering] = []
    offset = prep
    for number in range(1, gatherings + 1):
        if number > 1:
            gap = gaps[number - 2]
            assert gap is not None
            offset = offset + gap  # summed first: month ends do not drift
        aim = start + offset
        earliest = aim
        if planned:
            earliest = max(aim, planned[-1].last_day + datetime.timedelta(days=1))
        planned.append(ScheduledGathering(number=number, target=aim, days=_window(earliest, days)))
    first, last = planned[0].first_day, planned[-1].last_day
    periods = []
    if start < first:
        periods.append(
            Period(kind=PeriodKind.PREPARATION, start=start, end=first - datetime.timedelta(days=1))
        )
    periods.append(Period(kind=PeriodKind.EXECUTION, start=first, end=last))
    periods.append(Period(kind=PeriodKind.CONTINUATION, start=last + datetime.timedelta(days=1)))
    return Schedule(start=start, gatherings=planned, periods=periods)
