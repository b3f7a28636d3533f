"""A measure followed over time: the document kind ``series``."""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._rules import (
    Boolean,
    Code,
    Date,
    Instance,
    Integer,
    Items,
    Member,
    Number,
    Optional,
    Text,
    checked,
    rule,
    to_tuple,
)
from laeringsnettverk.goals import Indicator
from laeringsnettverk.goals import Observation as GoalObservation
from laeringsnettverk.measurement._periods import CODE_RULE, MeasurementPeriod, PeriodUnit

if TYPE_CHECKING:
    from laeringsnettverk.charts import ChartData

__all__ = ["ChangeNote", "Observation", "Series"]


@attrs.frozen(kw_only=True)
@checked
class Observation:
    """One point of a series: a period and its value, or its numerator and denominator.

    A proportion is given as ``numerator`` out of ``denominator`` (``value`` left out); any
    other measure as ``value``. With neither, the observation is *missing*: it stays in
    the series as a gap, never as a zero. ``n`` is how many units (forms, users,
    checklists) the value is over, so nobody reads a mean without its denominator.
    """

    period: MeasurementPeriod = attrs.field(metadata=rule(Instance(MeasurementPeriod)))
    """When: the period the value belongs to (a single day has ``start == end``)."""
    value: float | None = attrs.field(default=None, metadata=rule(Optional(Number())))
    """The measured value, or ``None`` for a proportion or a missing observation."""
    numerator: int | None = attrs.field(default=None, metadata=rule(Optional(Integer(ge=0))))
    """For a proportion: how many of ``denominator`` counted."""
    denominator: int | None = attrs.field(default=None, metadata=rule(Optional(Integer(ge=1))))
    """For a proportion: how many there were (at least 1)."""
    n: int | None = attrs.field(default=None, metadata=rule(Optional(Integer(ge=0))))
    """How many units the value is over (0 for an empty period), if known."""
    excluded: bool = attrs.field(default=False, metadata=rule(Boolean()))
    """True to leave the point out of the centre line and limits (it is still drawn)."""
    reason: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Why the point is excluded (free text; never shown in an error)."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        num, den = self.numerator, self.denominator
        if (num is None) != (den is None):
            missing = "denominator" if den is None else "numerator"
            c.add((missing,), "is required with " + ("numerator" if den is None else "denominator"))
        elif (
            num is not None
            and den is not None
            and ok["numerator"]
            and ok["denominator"]
            and num > den
        ):
            c.add(("numerator",), f"must not be above the denominator {den}", num)
        if self.value is not None and num is not None:
            c.add(("value",), "must be left out when numerator and denominator are given")

    @property
    def missing(self) -> bool:
        """True when the observation has no value (a gap in the series)."""
        return self.value is None and self.numerator is None

    @property
    def proportion(self) -> bool:
        """True when the observation is a numerator out of a denominator."""
        return self.numerator is not None

    @property
    def chart_value(self) -> float | None:
        """The value a chart shows: ``value``, or ``numerator / denominator``."""
        if self.numerator is not None and self.denominator is not None:
            return self.numerator / self.denominator
        return None if self.value is None else float(self.value)


@attrs.frozen(kw_only=True)
@checked
class ChangeNote:
    """A change tried (a PDSA test, a new routine), shown on charts as an annotation."""

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day the change was made."""
    text: str = attrs.field(metadata=rule(Text()))
    """What was changed (free text; never shown in an error)."""


@attrs.frozen(kw_only=True)
@checked
class Series:
    """A measure followed over time for a team or a network: the document kind ``series``.

    Observations are in time order, one per period, periods not overlapping. All
    observations that have data are of one form: values, or numerators and denominators
    (a proportion, for a P chart). The chart functions of :mod:`laeringsnettverk.charts`
    take a series directly.

    ```pycon
    >>> import datetime
    >>> from laeringsnettverk.goals import Indicator, IndicatorKind
    >>> d = datetime.date
    >>> series = Series(
    ...     indicator=Indicator.for_kind(IndicatorKind.FORM_MEAN),
    ...     team="lindesnes",
    ...     unit=PeriodUnit.MONTH,
    ...     observations=[
    ...         Observation(period=MeasurementPeriod(code="2015-02", start=d(2015, 2, 1),
    ...                                              end=d(2015, 2, 28)), value=2.0, n=4),
    ...         Observation(period=MeasurementPeriod(code="2015-03", start=d(2015, 3, 1),
    ...                                              end=d(2015, 3, 31)), n=0),
    ...     ],
    ... )
    >>> series.values()
    (2.0, None)

    ```
    """

    indicator: Indicator | None = attrs.field(
        default=None, metadata=rule(Optional(Instance(Indicator)))
    )
    """What is measured, inline (the goals' :class:`~laeringsnettverk.goals.Indicator`)."""
    indicator_ref: str | None = attrs.field(default=None, metadata=rule(Optional(Code())))
    """What is measured, by reference: a code or identifier in the caller's system, e.g.
    a SMART goal's identifier. At least one of ``indicator`` and ``indicator_ref``."""
    team: str | None = attrs.field(default=None, metadata=rule(Optional(CODE_RULE)))
    """The team the series is for, by its identifier; ``None`` for a whole network."""
    network: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The network's code or name, if any."""
    unit: PeriodUnit | None = attrs.field(default=None, metadata=rule(Optional(Member(PeriodUnit))))
    """How the periods were made (months, quarters, action periods), if by one unit."""
    observations: tuple[Observation, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(Observation)))
    )
    """The observations in time order."""
    changes: tuple[ChangeNote, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(ChangeNote)))
    )
    """Changes tried, in date order (annotations on charts)."""
    identifier: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """An identifier for the series in the caller's system."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if self.indicator is None and self.indicator_ref is None:
            c.add(("indicator",), "is required when indicator_ref is not given")
        if ok["observations"]:
            self._check_observations(c, self.indicator if ok["indicator"] else None)
        if ok["changes"]:
            changes = self.changes
            for i in range(1, len(changes)):
                if changes[i].date < changes[i - 1].date:
                    c.add(("changes", i, "date"), "must not be before the previous change")

    def _check_observations(self, c: Checker, indicator: Indicator | None) -> None:
        kinds: set[bool] = set()
        for i, obs in enumerate(self.observations):
            if i and obs.period.start <= self.observations[i - 1].period.end:
                c.add(
                    ("observations", i, "period", "start"),
                    "must be after the previous observation's period",
                    obs.period.start,
                )
            if not obs.missing:
                kinds.add(obs.proportion)
                if len(kinds) > 1:
                    c.add(
                        ("observations", i),
                        "mixes values with numerators and denominators in one series",
                    )
                    kinds = {obs.proportion}
            if indicator is not None and obs.value is not None:
                lo, hi = indicator.minimum, indicator.maximum
                if lo is not None and obs.value < lo:
                    c.add(
                        ("observations", i, "value"),
                        f"is below the indicator's min {lo:g}",
                        obs.value,
                    )
                if hi is not None and obs.value > hi:
                    c.add(
                        ("observations", i, "value"),
                        f"is above the indicator's max {hi:g}",
                        obs.value,
                    )

    @property
    def proportion(self) -> bool:
        """True when the series holds numerators and denominators (a P-chart series)."""
        return any(obs.proportion for obs in self.observations)

    @property
    def title(self) -> str | None:
        """The indicator's name, or the reference, for a chart's title."""
        return self.indicator.name if self.indicator is not None else self.indicator_ref

    def values(self) -> tuple[float | None, ...]:
        """Each observation's chart value (``None`` where missing), in order."""
        return tuple(obs.chart_value for obs in self.observations)

    def excluded_positions(self) -> tuple[int, ...]:
        """The 0-based positions of excluded observations."""
        return tuple(i for i, obs in enumerate(self.observations) if obs.excluded)

    def annotation_positions(self) -> tuple[tuple[int, str], ...]:
        """Each change tried, at the first observation whose period ends on or after its date.

        Changes after the last observation are left out.
        """
        out: list[tuple[int, str]] = []
        for change in self.changes:
            for i, obs in enumerate(self.observations):
                if obs.period.end >= change.date:
                    out.append((i, change.text))
                    break
        return tuple(out)

    def goal_observations(self) -> tuple[GoalObservation, ...]:
        """The series as a goal's observations, for :func:`~laeringsnettverk.goals.goal_progress`.

        Each is dated at its period's end; missing and excluded ones are left out.
        """
        return tuple(
            GoalObservation(date=obs.period.end, value=value)
            for obs in self.observations
            if not obs.excluded and (value := obs.chart_value) is not None and math.isfinite(value)
        )

    def to_chart_data(self) -> ChartData:
        """The series as the input of the chart functions (see :mod:`laeringsnettverk.charts`)."""
        from laeringsnettverk.charts import ChartData

        proportion = self.proportion
        return ChartData(
            values=self.values(),
            numerators=tuple(o.numerator for o in self.observations) if proportion else None,
            denominators=tuple(o.denominator for o in self.observations) if proportion else None,
            excluded=self.excluded_positions(),
            labels=tuple(o.period.code for o in self.observations),
            annotations=self.annotation_positions(),
            title=self.title,
        )

    def __repr__(self) -> str:
        from laeringsnettverk import _display

        return _display.series_repr(self)

    def _repr_html_(self) -> str:
        from laeringsnettverk import _display

        return _display.series(self)
