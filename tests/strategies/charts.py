"""Hypothesis strategies for run and control charts: series, counts and chart options."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from laeringsnettverk.charts import ChartData

__all__ = [
    "chart_data",
    "counts",
    "integer_series",
    "options",
    "proportion_data",
    "series",
]

# Values on a coarse grid (many ties, points on the centre line) or anywhere (large and small).
grid_values = st.integers(-20, 20).map(lambda k: k / 4)
wide_values = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


def series(
    min_size: int = 0, max_size: int = 40, missing: bool = True
) -> st.SearchStrategy[list[float | None]]:
    """Lists of chart values, sometimes with missing ones (``None``)."""
    value = st.one_of(grid_values, wide_values)
    element = st.one_of(value, st.none()) if missing else value
    return st.lists(element, min_size=min_size, max_size=max_size)


def integer_series(min_size: int = 1, max_size: int = 40) -> st.SearchStrategy[list[float]]:
    """Whole-number values as floats: shifts and reversals are exact."""
    return st.lists(st.integers(-50, 50).map(float), min_size=min_size, max_size=max_size)


@st.composite
def counts(draw: st.DrawFn, min_size: int = 1, max_size: int = 40) -> tuple[list[Any], list[Any]]:
    """Numerators and denominators for a P chart, sometimes with missing counts."""
    n = draw(st.integers(min_size, max_size))
    dens: list[int | None] = draw(st.lists(st.integers(1, 500), min_size=n, max_size=n))
    nums: list[int | None] = [draw(st.integers(0, d)) for d in dens if d is not None]
    for i in draw(st.lists(st.integers(0, n - 1), max_size=3)):
        if draw(st.booleans()):
            nums[i] = None
        else:
            dens[i] = None
    return nums, dens


@st.composite
def options(draw: st.DrawFn, n: int) -> dict[str, Any]:
    """Valid chart options for a series of ``n`` points."""
    out: dict[str, Any] = {}
    if n >= 1 and draw(st.booleans()):
        out["freeze"] = draw(st.integers(1, n))
    if n >= 1:
        out["exclude"] = draw(st.lists(st.integers(0, n - 1), max_size=3, unique=True))
    if n >= 2 and draw(st.booleans()):
        out["parts"] = sorted(draw(st.sets(st.integers(1, n - 1), max_size=2)))
    out["rules"] = draw(st.sampled_from([("anhoej",), ("ihi",), ("anhoej", "ihi"), ()]))
    return out


def chart_data(max_size: int = 40) -> st.SearchStrategy[ChartData]:
    """Chart data of plain values."""
    return series(max_size=max_size).map(lambda v: ChartData(values=v))


def proportion_data(max_size: int = 40) -> st.SearchStrategy[ChartData]:
    """Chart data of proportions."""
    return counts(max_size=max_size).map(lambda nd: ChartData.proportions(*nd))
