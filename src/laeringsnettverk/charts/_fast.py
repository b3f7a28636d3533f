"""The numpy back end of the chart engine (imported only when numpy is used).

Each method does the same floating-point operations as its counterpart in
:class:`laeringsnettverk.charts._core.Pure`. Sums are exact before their one rounding
(:func:`exact_sum` equals ``math.fsum``), medians pick the same elements, so results are
identical.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from laeringsnettverk.charts._core import D2, D4, _middle
from laeringsnettverk.charts._input import ChartData

__all__ = ["Fast", "exact_sum"]

_MAX_LEVELS = 40
_MIN_EXPONENT = -960  # below this the extraction could meet subnormal numbers


def _count_sum(arr: Any) -> float:
    """The exact sum of counts (whole numbers >= 0 as floats).

    While ``max * n < 2**53`` every partial sum is a whole number below 2**53, so numpy's
    sum, in any order, is exact (and equals ``math.fsum``); otherwise :func:`exact_sum`.
    """
    if len(arr) and float(np.max(arr)) * len(arr) < 2.0**53:
        return float(np.sum(arr))
    return exact_sum(arr)


def exact_sum(arr: Any) -> float:
    """``math.fsum(arr.tolist())`` (the correctly rounded sum), computed with numpy.

    Error-free extraction (Rump, Ogita & Oishi 2008, "Accurate floating-point summation
    part I", algorithm ExtractVector): with ``sigma = 2**(M + e)``, ``2**M >= n + 2`` and
    ``|x| < 2**e``, each ``q = (sigma + x) - sigma`` is exact, ``x - q`` is exact, and the
    sum of the ``q`` has no rounding error in any order. Repeating on the remainders splits
    the sum into a few exactly known partial sums, which ``math.fsum`` then rounds once.
    """
    n = len(arr)
    if n == 0:
        return 0.0
    m = math.ceil(math.log2(n + 2))
    levels: list[float] = []
    rest = arr
    for _ in range(_MAX_LEVELS):
        top = float(np.max(np.abs(rest)))
        if top == 0.0:
            return math.fsum(levels)
        e = math.frexp(top)[1]
        if e < _MIN_EXPONENT:
            break
        sigma = math.ldexp(1.0, e + m)
        q = (sigma + rest) - sigma
        levels.append(float(np.sum(q)))
        rest = rest - q
    return math.fsum(levels + rest.tolist())


class Fast:
    """The numpy back end."""

    def __init__(self, n: int, excluded: Sequence[int]) -> None:
        self.include = np.ones(n, dtype=bool)
        self.include[list(excluded)] = False

    def column(self, data: ChartData, name: str) -> Any:
        cached = data._arrays.get(name)
        if cached is not None:
            return cached
        return np.array(getattr(data, name), dtype=float)  # None becomes NaN

    def ratio(self, num: Any, den: Any) -> Any:
        return num / den  # exact counts (< 2**53): one correctly rounded division

    def moving_ranges(self, col: Any, cuts: Sequence[int]) -> Any:
        out = np.empty_like(col)
        if len(col):
            out[1:] = np.abs(np.diff(col))
            out[list(cuts[:-1])] = np.nan
        return out

    def kept(self, col: Any, start: int, stop: int) -> Any:
        return col[start:stop][self.include[start:stop]]

    def mean(self, seq: Any) -> float | None:
        vals = seq[~np.isnan(seq)]
        return exact_sum(vals) / len(vals) if len(vals) else None

    def median(self, seq: Any) -> float | None:
        vals = seq[~np.isnan(seq)]
        n = len(vals)
        if n == 0:
            return None
        h = n // 2
        part = np.partition(vals, [h - 1, h] if n % 2 == 0 else [h])
        return _middle(part, n)  # only the middle one or two elements are read

    def sigma(self, seq: Any, screened: bool) -> float | None:
        ranges = np.abs(np.diff(seq))
        ranges = ranges[~np.isnan(ranges)]
        if len(ranges) == 0:
            return None
        amr = exact_sum(ranges) / len(ranges)
        if screened and amr > 0:
            kept = ranges[ranges < D4 * amr]
            amr = exact_sum(kept) / len(kept)
        return amr / D2

    def count_sums(
        self, num: Any, den: Any, col: Any, start: int, stop: int
    ) -> tuple[float, float]:
        mask = self.include[start:stop] & ~np.isnan(col[start:stop])
        return _count_sum(num[start:stop][mask]), _count_sum(den[start:stop][mask])

    def runs(self, seq: Any, cl: float) -> tuple[int, int, int]:
        above = seq[(seq > cl) | (seq < cl)] > cl
        useful = len(above)
        if useful == 0:
            return 0, 0, 0
        change = np.flatnonzero(above[1:] != above[:-1])
        bounds = np.concatenate(([0], change + 1, [useful]))
        return useful, int(np.diff(bounds).max()), len(change)

    def trend(self, seq: Any) -> int:
        vals = seq[~np.isnan(seq)]
        if len(vals) == 0:
            return 0
        step = np.diff(vals)
        up = step[step != 0] > 0
        if len(up) == 0:
            return 1
        change = np.flatnonzero(up[1:] != up[:-1])
        bounds = np.concatenate(([0], change + 1, [len(up)]))
        return int(np.diff(bounds).max()) + 1

    def outside(self, col: Any, start: int, stop: int, lo: float, hi: float) -> Any:
        seg = col[start:stop]
        return (seg > hi) | (seg < lo)

    def p_limits(self, den: Any, start: int, stop: int, cl: float, col: Any) -> tuple[Any, ...]:
        seg = col[start:stop]
        sd = np.sqrt(cl * (1 - cl) / den[start:stop])
        sd[np.isnan(seg)] = np.nan  # either count missing: no limits, as in qicharts2
        lcl = np.maximum(cl - 3 * sd, 0.0)
        ucl = np.minimum(cl + 3 * sd, 1.0)
        out = (seg > ucl) | (seg < lcl)
        return lcl, ucl, np.maximum(cl - 2 * sd, 0.0), np.minimum(cl + 2 * sd, 1.0), out

    def positions(self, flags: Any, offset: int) -> list[int]:
        out: list[int] = (np.flatnonzero(flags) + offset).tolist()
        return out

    def full(self, size: int, value: float | bool | None) -> Any:
        return np.full(size, np.nan if value is None else value)

    def join(self, chunks: list[Any]) -> Any:
        return chunks[0] if len(chunks) == 1 else np.concatenate(chunks)
