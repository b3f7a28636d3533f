"""The scale of a chart in the report: round tick steps, the value range, the unbroken stretches."""

from __future__ import annotations

import math
from collections.abc import Sequence

from laeringsnettverk.charts import ControlChart, RunChart

__all__ = ["ticks"]


def ticks(lo: float, hi: float, count: int = 5) -> tuple[float, list[float]]:
    """About ``count`` round tick values (steps of 1, 2 or 5 times a power of ten) in lo..hi.

    Returns the step and the ticks; ``lo < hi`` and both finite.

    ```pycon
    >>> ticks(0.4, 3.9)
    (1.0, [1.0, 2.0, 3.0])

    ```
    """
    raw = (hi - lo) / count
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first = math.ceil(lo / step)
    out: list[float] = []
    k = first
    while k * step <= hi:
        out.append(k * step)
        k += 1
    return step, out


def _f(value: float) -> str:
    return f"{value:.1f}"


def _range(chart: RunChart | ControlChart) -> tuple[float, float]:
    seen = [v for v in chart.values if v is not None]
    seen += [v for v in chart.centre if v is not None]
    if isinstance(chart, ControlChart):
        seen += [v for v in (*chart.lower, *chart.upper) if v is not None]
    lo, hi = min(seen), max(seen)
    if hi - lo < 1e-9 * max(1.0, abs(hi)):
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.08
    return lo - pad, hi + pad


def _runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """The stretches of ``(position, value)`` without a missing value."""
    out: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for i, v in enumerate(values):
        if v is None:
            if current:
                out.append(current)
            current = []
        else:
            current.append((i, v))
    if current:
        out.append(current)
    return out
