"""What a chart function returns: frozen results with per-point columns and part summaries."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal

import attrs

__all__ = [
    "ChartKind",
    "ChartOptions",
    "ChartPoint",
    "ControlChart",
    "PartSummary",
    "RunChart",
    "Signal",
]

ChartKind = Literal["run", "i", "mr", "p"]
"""The chart types: run chart, I (individuals), MR (moving range) and P (proportion) chart."""


def _fmt(x: float | None) -> str:
    return "None" if x is None else f"{x:.6g}"


@attrs.frozen(kw_only=True)
class ChartOptions:
    """The options a chart was computed with (positions 0-based, counts as in qicharts2)."""

    freeze: int | None
    """The first ``freeze`` points form the baseline (``None``: all points; ignored when the
    chart has parts, as in qicharts2)."""
    exclude: tuple[int, ...]
    """0-based positions left out of centre, limits and run analysis (argument and data merged,
    sorted)."""
    parts: tuple[int, ...]
    """A new part starts after the first ``k`` points, for each ``k``."""
    rules: tuple[str, ...]
    """The rule sets applied: ``"anhoej"`` and/or ``"ihi"``."""
    screened: bool | None = None
    """I charts: whether large moving ranges were screened out of the average; else ``None``."""


@attrs.frozen(kw_only=True)
class Signal:
    """One rule that fired in one part of a chart."""

    rule_set: str
    """``"anhoej"``, ``"ihi"`` or ``"limits"`` (points outside the 3-sigma limits)."""
    rule: str
    """``"longest_run"``, ``"crossings"`` (Anhøj), ``"shift"``, ``"trend"`` (IHI) or
    ``"outside"`` (limits)."""
    part: int
    """0-based index of the chart part."""
    positions: tuple[int, ...] = ()
    """For ``"outside"``: the 0-based positions of the points outside the limits."""


@attrs.frozen(kw_only=True)
class PartSummary:
    """The centre line and run analysis of one chart part.

    Run statistics are ``None`` when the part has no useful observation.
    """

    index: int
    """0-based index of the part."""
    start: int
    """0-based position of its first point."""
    stop: int
    """Position after its last point."""
    n_obs: int
    """Included points (missing ones count, excluded ones do not)."""
    n_useful: int
    """Included points that are not missing and not on the centre line."""
    centre: float | None
    """Centre line: median (run chart), mean (I chart), mean moving range (MR chart) or
    p̄ (P chart) of the baseline; ``None`` when the baseline has no value."""
    longest_run: int | None
    """Longest run of useful points on one side of the centre line."""
    longest_run_max: int | None
    """Anhøj: the longest run expected by chance, ``round(log2(n_useful)) + 3``."""
    n_crossings: int | None
    """How often the line connecting useful points crosses the centre line."""
    n_crossings_min: int | None
    """Anhøj: the fewest crossings expected, ``qbinom(0.05, n_useful - 1, 0.5)``."""
    runs_signal: bool
    """Anhøj: the longest run is too long or there are too few crossings (only when the
    ``"anhoej"`` rule set is applied; never for MR charts, as in qicharts2)."""
    longest_trend: int | None = None
    """IHI: the most points in a row all going up or all going down (like values skipped);
    ``None`` unless the ``"ihi"`` rule set is applied."""
    shift_signal: bool = False
    """IHI: 6 or more points in a row on one side of the centre line."""
    trend_signal: bool = False
    """IHI: 5 or more points in a row all going up or all going down."""

    def __repr__(self) -> str:
        return (
            f"PartSummary(index={self.index}, points={self.start}..{self.stop - 1}, "
            f"centre={_fmt(self.centre)}, n_useful={self.n_useful}, "
            f"longest_run={self.longest_run}/{self.longest_run_max}, "
            f"crossings={self.n_crossings}/{self.n_crossings_min}, "
            f"runs_signal={self.runs_signal})"
        )


@attrs.frozen(kw_only=True)
class ChartPoint:
    """One point of a chart, gathered from the chart's columns (for plots and reports)."""

    position: int
    """0-based position."""
    value: float | None
    """The plotted value (``None`` when missing)."""
    centre: float | None
    """Centre line at this point."""
    lower: float | None = None
    """Lower 3-sigma limit (control charts)."""
    upper: float | None = None
    """Upper 3-sigma limit (control charts)."""
    lower_2sigma: float | None = None
    """Lower 2-sigma limit (control charts)."""
    upper_2sigma: float | None = None
    """Upper 2-sigma limit (control charts)."""
    outside: bool = False
    """Strictly outside the 3-sigma limits."""
    excluded: bool
    """Left out of the calculations (still shown)."""
    baseline: bool
    """Part of the baseline the centre line (and limits) come from."""
    part: int
    """0-based index of the chart part."""
    label: str | None = None
    """The x-axis label, when the data has labels."""


@attrs.frozen(kw_only=True, repr=False)
class _Chart:
    kind: ChartKind
    """The chart type."""
    values: Sequence[float | None]
    """The plotted value of each point (MR chart: moving ranges; P chart: proportions)."""
    centre: Sequence[float | None]
    """The centre line at each point."""
    parts: tuple[PartSummary, ...]
    """One summary per part."""
    signals: tuple[Signal, ...]
    """Every rule that fired, part by part."""
    options: ChartOptions
    """The options used."""
    labels: tuple[str, ...] = ()
    """x-axis labels (from :class:`ChartData`), or empty."""
    annotations: tuple[tuple[int, str], ...] = ()
    """``(position, text)`` of changes tried (from :class:`ChartData`)."""
    title: str | None = None
    """Plot title (from :class:`ChartData`)."""

    @property
    def signal(self) -> bool:
        """Whether any rule fired (a run rule or a point outside the limits)."""
        return bool(self.signals)

    @property
    def fired(self) -> tuple[str, ...]:
        """The rule sets that fired, in the order ``anhoej``, ``ihi``, ``limits``."""
        sets = {s.rule_set for s in self.signals}
        return tuple(r for r in ("anhoej", "ihi", "limits") if r in sets)

    def __len__(self) -> int:
        return len(self.values)

    def _column(self, name: str, i: int) -> float | None:
        return None

    def _outside(self, i: int) -> bool:
        return False

    def point(self, position: int) -> ChartPoint:
        """The point at a 0-based position (negative positions count from the end)."""
        n = len(self.values)
        if not -n <= position < n:
            from laeringsnettverk._checks import fail

            fail(("position",), f"must be within 0..{n - 1}", position)
        i = position % n
        opts = self.options
        part = next(p for p in self.parts if p.start <= i < p.stop)
        baseline = bool(opts.parts) or opts.freeze is None or i < opts.freeze
        return ChartPoint(
            position=i,
            value=self.values[i],
            centre=self.centre[i],
            lower=self._column("lower", i),
            upper=self._column("upper", i),
            lower_2sigma=self._column("lower_2sigma", i),
            upper_2sigma=self._column("upper_2sigma", i),
            outside=self._outside(i),
            excluded=i in opts.exclude,
            baseline=baseline,
            part=part.index,
            label=self.labels[i] if self.labels else None,
        )

    def points(self) -> Iterator[ChartPoint]:
        """Every point, in order (built on demand: a chart may have millions)."""
        return (self.point(i) for i in range(len(self.values)))

    def __repr__(self) -> str:
        centres = ", ".join(_fmt(p.centre) for p in self.parts[:3])
        more = ", ..." if len(self.parts) > 3 else ""
        return (
            f"{type(self).__name__}(kind={self.kind!r}, n={len(self.values)}, "
            f"parts={len(self.parts)}, centre=[{centres}{more}], signal={self.signal}, "
            f"fired={list(self.fired)})"
        )

    def _repr_html_(self) -> str:
        from laeringsnettverk import _display

        return _display.chart(self)


@attrs.frozen(kw_only=True, repr=False)
class RunChart(_Chart):
    """A run chart: the values around the median, with the run-chart rules per part.

    ```pycon
    >>> from laeringsnettverk.charts import run_chart
    >>> run_chart([1.16, -0.63, 0.49, 0.25, 1.62, 0.14, -0.96, 1.46])
    RunChart(kind='run', n=8, parts=1, centre=[0.37], signal=False, fired=[])

    ```
    """


@attrs.frozen(kw_only=True, repr=False)
class ControlChart(_Chart):
    """A control chart (I, MR or P): centre line, 3- and 2-sigma limits and signals.

    ```pycon
    >>> from laeringsnettverk.charts import i_chart
    >>> chart = i_chart([5, 6, 5, 7, 6, 5, 6, 20])
    >>> chart.parts[0].centre, chart.outside[-1]
    (7.5, True)

    ```
    """

    lower: Sequence[float | None]
    """Lower 3-sigma limit at each point (``None`` where there is none)."""
    upper: Sequence[float | None]
    """Upper 3-sigma limit at each point."""
    lower_2sigma: Sequence[float | None]
    """Lower 2-sigma limit at each point."""
    upper_2sigma: Sequence[float | None]
    """Upper 2-sigma limit at each point."""
    outside: Sequence[bool]
    """Whether each point lies strictly outside its 3-sigma limits (excluded points too)."""
    numerators: tuple[int | None, ...] | None = None
    """P charts: the event counts."""
    denominators: tuple[int | None, ...] | None = None
    """P charts: the denominators."""

    def _column(self, name: str, i: int) -> float | None:
        col: Sequence[float | None] = getattr(self, name)
        return col[i]

    def _outside(self, i: int) -> bool:
        return self.outside[i]
