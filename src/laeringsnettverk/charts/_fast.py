"""The numpy back end of the chart engine (imported only when numpy is used).

Each method does the same floating-point operations as its counterpart in
:class:`laeringsnettverk.charts._core.Pure`; sums go through ``math.fsum`` on the same
numbers, medians pick the same elements, so results are identical.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["Fast"]


class Fast:
    """The numpy back end."""

    def __init__(self, n: int, excluded: Sequence[int]) -> None:
        self.include = np.ones(n, dtype=bool)
        self.include[list(excluded)] = False

    def column(self, values: Sequence[float | None]) -> Any:
        return np.array(values, dtype=float)

    def ratio(self, num: Sequence[int | None], den: Sequence[int | None]) -> Any:
        k = np.array(num, dtype=float)
        d = np.array(den, dtype=float)
        return k / d  # exact counts (< 2**53), one correctly rounded division, NaN if missing

    def counts(self, counts: Sequence[int | None]) -> Any:
        return np.array(counts, dtype=float)

    def moving_ranges(self, col: Any, cuts: Sequence[int]) -> Any:
        out = np.empty_like(col)
        if len(col):
            out[1:] = np.abs(np.diff(col))
            out[list(cuts[:-1])] = np.nan
        return out

    def count_sums(
        self, num: Any, den: Any, col: Any, start: int, stop: int
    ) -> tuple[float, float]:
        mask = self.include[start:stop] & ~np.isnan(col[start:stop])
        return (
            math.fsum(num[start:stop][mask].tolist()),
            math.fsum(den[start:stop][mask].tolist()),
        )

    def kept(self, col: Any, start: int, stop: int) -> Any:
        return col[start:stop][self.include[start:stop]]

    def finite(self, seq: Any) -> list[float]:
        out: list[float] = seq[~np.isnan(seq)].tolist()
        return out

    def median(self, seq: Any) -> float | None:
        from laeringsnettverk.charts._core import _middle

        vals = seq[~np.isnan(seq)]
        n = len(vals)
        if n == 0:
            return None
        h = n // 2
        part = np.partition(vals, [h - 1, h] if n % 2 == 0 else [h])
        return _middle(part, n)  # type: ignore[arg-type]  # only the middle one or two elements are read

    def diffs(self, seq: Any) -> Any:
        return np.abs(np.diff(seq))

    def below(self, vals: list[float], limit: float) -> list[float]:
        arr = np.array(vals)
        out: list[float] = arr[arr < limit].tolist()
        return out

    def runs(self, seq: Any, cl: float) -> tuple[int, int, int]:
        side = np.zeros(len(seq), dtype=np.int8)
        side[seq > cl] = 1
        side[seq < cl] = -1
        side = side[side != 0]
        useful = len(side)
        if useful == 0:
            return 0, 0, 0
        change = np.flatnonzero(side[1:] != side[:-1])
        bounds = np.concatenate(([0], change + 1, [useful]))
        return useful, int(np.diff(bounds).max()), len(change)

    def trend(self, seq: Any) -> int:
        vals = seq[~np.isnan(seq)]
        if len(vals) == 0:
            return 0
        step = np.sign(np.diff(vals))
        step = step[step != 0]
        if len(step) == 0:
            return 1
        change = np.flatnonzero(step[1:] != step[:-1])
        bounds = np.concatenate(([0], change + 1, [len(step)]))
        return int(np.diff(bounds).max()) + 1

    def outside(self, col: Any, start: int, stop: int, lo: float, hi: float) -> list[bool]:
        seg = col[start:stop]
        out: list[bool] = ((seg > hi) | (seg < lo)).tolist()
        return out

    def p_limits(
        self, den: Any, start: int, stop: int, cl: float, col: Any
    ) -> tuple[
        list[float | None], list[float | None], list[float | None], list[float | None], list[bool]
    ]:
        d = den[start:stop]
        sd = np.sqrt(cl * (1 - cl) / d)
        lcl = np.maximum(cl - 3 * sd, 0.0)
        ucl = np.minimum(cl + 3 * sd, 1.0)
        seg = col[start:stop]
        out: list[bool] = ((seg > ucl) | (seg < lcl)).tolist()
        return (
            self.to_list(lcl),
            self.to_list(ucl),
            self.to_list(np.maximum(cl - 2 * sd, 0.0)),
            self.to_list(np.minimum(cl + 2 * sd, 1.0)),
            out,
        )

    def to_list(self, col: Any) -> list[float | None]:
        out: list[float | None] = col.tolist()
        if np.isnan(col).any():
            out = [None if v != v else v for v in out]  # noqa: PLR0124
        return out

    def to_tuple(self, col: Any) -> tuple[float | None, ...]:
        return tuple(self.to_list(col))
