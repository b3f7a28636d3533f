"""The chart engine: centre lines, limits and run analysis, part by part.

Two interchangeable back ends do the per-point work: :class:`Pure` (plain Python) and
``_fast.Fast`` (numpy, used for long series when numpy is installed). Every floating-point
operation is the same in both, in the same order, and every sum is the correctly rounded sum
of the same numbers (``math.fsum``, or an exact equivalent in numpy), so the two give
identical results (a Hypothesis test checks this).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise
from typing import Any, Protocol

from laeringsnettverk.charts._binom import crossings_min, longest_run_max
from laeringsnettverk.charts._columns import Column, pieces
from laeringsnettverk.charts._input import ChartData, Options, numpy_or_none
from laeringsnettverk.charts._results import (
    ChartKind,
    ChartOptions,
    ControlChart,
    PartSummary,
    RunChart,
    Signal,
)

__all__ = ["D2", "D4", "FAST_MIN_POINTS", "Backend", "Pure", "compute"]


NAN = math.nan
D2 = 1.128
"""d2 for moving ranges of two points: sigma = MR̄ / 1.128 (Montgomery; qicharts2 divides by
1.128 and multiplies by 3, it does not use the rounded 2.66)."""
D4 = 3.267
"""D4 for moving ranges of two points: the upper limit of an MR chart is 3.267 · MR̄, and
qicharts2 screens out moving ranges at or above it (Nelson 1982)."""
FAST_MIN_POINTS = 2000
"""Series at least this long use the numpy back end when numpy is installed."""
SHIFT_MIN = 6
"""IHI shift: 6 or more points in a row on one side of the centre line."""
TREND_MIN = 5
"""IHI trend: 5 or more points in a row all going up or all going down."""


class Backend(Protocol):
    """Per-point operations on a column: a list (pure) or an array (numpy), NaN = missing."""

    def column(self, data: ChartData, name: str) -> Any: ...
    def ratio(self, num: Any, den: Any) -> Any: ...
    def moving_ranges(self, col: Any, cuts: Sequence[int]) -> Any: ...
    def kept(self, col: Any, start: int, stop: int) -> Any: ...
    def mean(self, seq: Any) -> float | None: ...
    def median(self, seq: Any) -> float | None: ...
    def sigma(self, seq: Any, screened: bool) -> float | None: ...
    def count_sums(
        self, num: Any, den: Any, col: Any, start: int, stop: int
    ) -> tuple[float, float]: ...
    def runs(self, seq: Any, cl: float) -> tuple[int, int, int]: ...
    def trend(self, seq: Any) -> int: ...
    def outside(self, col: Any, start: int, stop: int, lo: float, hi: float) -> Any: ...
    def p_limits(self, den: Any, start: int, stop: int, cl: float, col: Any) -> tuple[Any, ...]: ...
    def positions(self, flags: Any, offset: int) -> list[int]: ...
    def full(self, size: int, value: float | bool | None) -> Any: ...
    def join(self, chunks: list[Any]) -> Any: ...


class Pure:
    """The plain-Python back end."""

    def __init__(self, excluded: Sequence[int]) -> None:
        self.excluded = frozenset(excluded)

    def column(self, data: ChartData, name: str) -> list[float]:
        values: Sequence[float | None] = getattr(data, name)
        return [NAN if v is None else float(v) for v in values]

    def ratio(self, num: list[float], den: list[float]) -> list[float]:
        return [k / d for k, d in zip(num, den, strict=True)]  # NaN when either is missing

    def moving_ranges(self, col: list[float], cuts: Sequence[int]) -> list[float]:
        out = [NAN] * len(col)
        for start, stop in pairwise(cuts):
            for i in range(start + 1, stop):
                out[i] = abs(col[i] - col[i - 1])
        return out

    def kept(self, col: list[float], start: int, stop: int) -> list[float]:
        ex = self.excluded
        return [col[i] for i in range(start, stop) if i not in ex]

    def mean(self, seq: list[float]) -> float | None:
        vals = [v for v in seq if v == v]  # noqa: PLR0124 (NaN is not equal to itself)
        return math.fsum(vals) / len(vals) if vals else None

    def median(self, seq: list[float]) -> float | None:
        vals = sorted(v for v in seq if v == v)  # noqa: PLR0124
        return _middle(vals, len(vals))

    def sigma(self, seq: list[float], screened: bool) -> float | None:
        ranges = [abs(b - a) for a, b in pairwise(seq)]
        ranges = [r for r in ranges if r == r]  # noqa: PLR0124
        if not ranges:
            return None
        amr = math.fsum(ranges) / len(ranges)
        if screened and amr > 0:
            limit = D4 * amr
            kept = [r for r in ranges if r < limit]
            amr = math.fsum(kept) / len(kept)
        return amr / D2

    def count_sums(
        self, num: list[float], den: list[float], col: list[float], start: int, stop: int
    ) -> tuple[float, float]:
        ex = self.excluded
        idx = [i for i in range(start, stop) if i not in ex and col[i] == col[i]]
        return math.fsum([num[i] for i in idx]), math.fsum([den[i] for i in idx])

    def runs(self, seq: list[float], cl: float) -> tuple[int, int, int]:
        prev = 0
        run = longest = crossings = useful = 0
        for v in seq:
            if v > cl:
                side = 1
            elif v < cl:
                side = -1
            else:  # on the centre line or missing: neither breaks nor extends a run
                continue
            useful += 1
            if side == prev:
                run += 1
            else:
                crossings += prev != 0
                prev = side
                run = 1
            longest = max(longest, run)
        return useful, longest, crossings

    def trend(self, seq: list[float]) -> int:
        longest = length = direction = 0
        prev = NAN
        for v in seq:
            if v != v or v == prev:  # noqa: PLR0124 - missing, or a like value: skipped
                continue
            if prev != prev:  # noqa: PLR0124 (the first point)
                longest = length = 1
            else:
                step = 1 if v > prev else -1
                length = length + 1 if step == direction else 2
                direction = step
                longest = max(longest, length)
            prev = v
        return longest

    def outside(self, col: list[float], start: int, stop: int, lo: float, hi: float) -> list[bool]:
        return [v > hi or v < lo for v in col[start:stop]]

    def p_limits(
        self, den: list[float], start: int, stop: int, cl: float, col: list[float]
    ) -> tuple[list[float | None], ...]:
        var = cl * (1 - cl)
        # a point with either count missing has no value and, as in qicharts2, no limits
        sds = [
            math.sqrt(var / d) if v == v else None  # noqa: PLR0124
            for d, v in zip(den[start:stop], col[start:stop], strict=True)
        ]
        lo3 = [None if sd is None else max(cl - 3 * sd, 0.0) for sd in sds]
        hi3 = [None if sd is None else min(cl + 3 * sd, 1.0) for sd in sds]
        lo2 = [None if sd is None else max(cl - 2 * sd, 0.0) for sd in sds]
        hi2 = [None if sd is None else min(cl + 2 * sd, 1.0) for sd in sds]
        out: list[Any] = [
            lo is not None and (v > hi or v < lo)  # type: ignore[operator]
            for v, lo, hi in zip(col[start:stop], lo3, hi3, strict=True)
        ]
        return lo3, hi3, lo2, hi2, out

    def positions(self, flags: list[bool], offset: int) -> list[int]:
        return [i + offset for i, flag in enumerate(flags) if flag]

    def full(self, size: int, value: float | bool | None) -> list[Any]:
        return [value] * size

    def join(self, chunks: list[Any]) -> list[Any]:
        out: list[Any] = []
        for chunk in chunks:
            out.extend(None if type(v) is float and v != v else v for v in chunk)  # noqa: PLR0124
        return out


def _middle(vals: Any, n: int) -> float | None:
    """The median of sorted values (or of values whose middle one or two are in place)."""
    if n == 0:
        return None
    h = n // 2
    if n % 2:
        return float(vals[h])
    return (float(vals[h - 1]) + float(vals[h])) / 2


def _backend(n: int, excluded: Sequence[int], use_numpy: bool | None) -> Backend:
    if use_numpy is None:
        use_numpy = n >= FAST_MIN_POINTS and numpy_or_none() is not None
    if use_numpy:
        from laeringsnettverk.charts._fast import Fast

        return Fast(n, excluded)
    return Pure(excluded)


Chunk = Any
"""Part of a column: ``(size, value)`` for a constant run, else a list or array."""


def _centre(
    be: Backend, kind: ChartKind, col: Any, counts: tuple[Any, Any], span: tuple[int, int]
) -> float | None:
    """The centre line from the baseline points ``start..stop`` (excluded ones left out)."""
    start, stop = span
    if kind == "run":
        return be.median(be.kept(col, start, stop))
    if kind == "p":
        # a point counts when both its counts are there (its value is not missing)
        nums, dens = be.count_sums(counts[0], counts[1], col, start, stop)
        return nums / dens if dens else None
    return be.mean(be.kept(col, start, stop))


def _limits(
    be: Backend,
    kind: ChartKind,
    col: Any,
    den: Any,
    span: tuple[int, int, int],
    *,
    cl: float | None,
    screened: bool,
) -> list[Chunk]:
    """Lower and upper 3- and 2-sigma limits and 'outside' of one part ``start..stop``."""
    start, stop, base_stop = span
    size = stop - start
    if kind == "p":
        if cl is None:
            return [(size, None)] * 4 + [(size, False)]
        return list(be.p_limits(den, start, stop, cl, col))
    if kind == "mr":
        if cl is None:
            return [(size, 0.0), (size, None), (size, 0.0), (size, None), (size, False)]
        ucl = D4 * cl
        lines = (0.0, ucl, 0.0, D4 / 3 * 2 * cl)
        return [(size, v) for v in lines] + [be.outside(col, start, stop, 0.0, ucl)]
    sd = None if cl is None else be.sigma(be.kept(col, start, base_stop), screened)
    if cl is None or sd is None:
        return [(size, None)] * 4 + [(size, False)]
    lines = (cl - 3 * sd, cl + 3 * sd, cl - 2 * sd, cl + 2 * sd)
    return [(size, v) for v in lines] + [be.outside(col, start, stop, lines[0], lines[1])]


def _column(be: Backend, chunks: list[Chunk]) -> Column[Any]:
    """One column from its parts; constant runs stay compact until the column is read."""
    if all(type(c) is tuple for c in chunks):
        return Column(pieces(chunks))
    return Column(be.join([be.full(*c) if type(c) is tuple else c for c in chunks]))


def compute(
    kind: ChartKind,
    data: ChartData,
    opts: Options,
    *,
    screened: bool | None = None,
    use_numpy: bool | None = None,
) -> RunChart | ControlChart:
    """Compute a chart of ``kind``; ``use_numpy=None`` chooses the back end by size."""
    n = len(data.values)
    be = _backend(n, opts.exclude, use_numpy)
    cuts = (0, *opts.parts, n)
    fr = n if (opts.parts or opts.freeze is None) else opts.freeze
    counts: tuple[Any, Any] = (None, None)
    if kind == "p":
        counts = (be.column(data, "numerators"), be.column(data, "denominators"))
        col = be.ratio(*counts)
    else:
        col = be.column(data, "values")
        if kind == "mr":
            col = be.moving_ranges(col, cuts)
    centre: list[Chunk] = []
    columns: tuple[list[Chunk], ...] = ([], [], [], [], [])
    summaries: list[PartSummary] = []
    signals: list[Signal] = []
    for index, (start, stop) in enumerate(pairwise(cuts)):
        base_stop = max(start, min(stop, fr))
        cl = _centre(be, kind, col, counts, (start, base_stop))
        centre.append((stop - start, cl))
        summary = _analyse(be, kind, opts.rules, (index, start, stop), col=col, cl=cl)
        summaries.append(summary)
        signals.extend(_run_signals(summary))
        if kind != "run":
            span = (start, stop, base_stop)
            limits = _limits(be, kind, col, counts[1], span, cl=cl, screened=bool(screened))
            for column, chunk in zip(columns, limits, strict=True):
                column.append(chunk)
            out = limits[4]
            if type(out) is not tuple:
                hits = tuple(be.positions(out, start))
                if hits:
                    signals.append(
                        Signal(rule_set="limits", rule="outside", part=index, positions=hits)
                    )
    options = ChartOptions(
        freeze=opts.freeze,
        exclude=opts.exclude,
        parts=opts.parts,
        rules=opts.rules,
        screened=bool(screened) if kind == "i" else None,
    )
    common: dict[str, Any] = {
        "kind": kind,
        "centre": Column(pieces(centre)),
        "parts": tuple(summaries),
        "signals": tuple(signals),
        "options": options,
        "labels": data.labels,
        "annotations": data.annotations,
        "title": data.title,
    }
    if kind == "run":
        return RunChart(values=data.values, **common)
    return ControlChart(
        values=Column(be.join([col])) if kind == "mr" else data.values,
        lower=_column(be, columns[0]),
        upper=_column(be, columns[1]),
        lower_2sigma=_column(be, columns[2]),
        upper_2sigma=_column(be, columns[3]),
        outside=_column(be, columns[4]),
        numerators=data.numerators if kind == "p" else None,
        denominators=data.denominators if kind == "p" else None,
        **common,
    )


def _analyse(
    be: Backend,
    kind: ChartKind,
    rules: tuple[str, ...],
    where: tuple[int, int, int],
    *,
    col: Any,
    cl: float | None,
) -> PartSummary:
    """Run analysis of the included points of one part around its centre line."""
    index, start, stop = where
    seq = be.kept(col, start, stop)
    n_obs = len(seq)
    ihi = "ihi" in rules
    trend = be.trend(seq) if ihi else None
    if cl is None:
        useful = 0
    else:
        useful, longest, crossings = be.runs(seq, cl)
    if useful == 0:
        return PartSummary(
            index=index,
            start=start,
            stop=stop,
            n_obs=n_obs,
            n_useful=0,
            centre=cl,
            longest_run=None,
            longest_run_max=None,
            n_crossings=None,
            n_crossings_min=None,
            runs_signal=False,
            longest_trend=trend,
        )
    run_max = longest_run_max(useful)
    cross_min = crossings_min(useful)
    judged = kind != "mr"  # qicharts2 never signals runs on an MR chart
    return PartSummary(
        index=index,
        start=start,
        stop=stop,
        n_obs=n_obs,
        n_useful=useful,
        centre=cl,
        longest_run=longest,
        longest_run_max=run_max,
        n_crossings=crossings,
        n_crossings_min=cross_min,
        runs_signal=judged and "anhoej" in rules and (longest > run_max or crossings < cross_min),
        longest_trend=trend,
        shift_signal=judged and ihi and longest >= SHIFT_MIN,
        trend_signal=judged and ihi and trend is not None and trend >= TREND_MIN,
    )


def _run_signals(p: PartSummary) -> list[Signal]:
    out: list[Signal] = []
    if p.runs_signal:
        # runs_signal is only set when there are useful points, so the statistics are there
        if p.longest_run > p.longest_run_max:  # type: ignore[operator]
            out.append(Signal(rule_set="anhoej", rule="longest_run", part=p.index))
        if p.n_crossings < p.n_crossings_min:  # type: ignore[operator]
            out.append(Signal(rule_set="anhoej", rule="crossings", part=p.index))
    if p.shift_signal:
        out.append(Signal(rule_set="ihi", rule="shift", part=p.index))
    if p.trend_signal:
        out.append(Signal(rule_set="ihi", rule="trend", part=p.index))
    return out
