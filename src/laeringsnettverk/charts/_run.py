"""Run charts: values around the median of the baseline, with the run-chart rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from laeringsnettverk.charts._core import compute
from laeringsnettverk.charts._input import (
    ChartData,
    RuleSet,
    SupportsChartData,
    check_options,
    resolve,
)
from laeringsnettverk.charts._results import ChartKind, ControlChart, RunChart

__all__ = ["build", "run_chart"]


def build(
    kind: ChartKind,
    data: ChartData,
    *,
    freeze: Any = None,
    exclude: Any = (),
    parts: Any = (),
    rules: Any = ("anhoej",),
    screened: bool | None = None,
    use_numpy: bool | None = None,
) -> RunChart | ControlChart:
    """Check the options and compute (``use_numpy``: ``None`` = by size; tests force it)."""
    opts = check_options(data, freeze, exclude, parts, rules)
    return compute(kind, data, opts, screened=screened, use_numpy=use_numpy)


def run_chart(
    values: Sequence[float | None] | SupportsChartData | ChartData,
    *,
    freeze: int | None = None,
    exclude: Iterable[int] = (),
    parts: Sequence[int] = (),
    rules: Iterable[RuleSet] = ("anhoej",),
) -> RunChart:
    """A run chart: the centre line is the median of the baseline.

    For each part the result counts the useful observations (not missing, not excluded, not
    on the median), the longest run on one side of the median and the crossings, and applies
    the Anhøj rules: a signal when the longest run exceeds ``round(log2(n_useful)) + 3`` or
    there are fewer crossings than ``qbinom(0.05, n_useful - 1, 0.5)``. Points on the median
    neither break nor extend a run. ``rules=("anhoej", "ihi")`` adds the IHI shift (6 or more
    points on one side) and trend (5 or more points going up or going down) rules.

    Args:
        values: The values (``None`` for a missing one), :class:`ChartData`, or any object
            with ``to_chart_data()``.
        freeze: The first ``freeze`` points form the baseline (qicharts2's ``freeze``).
            Ignored when ``parts`` are given, as in qicharts2.
        exclude: 0-based positions left out of the median and the run analysis (still
            plotted); merged with the data's own ``excluded``.
        parts: A new part, with its own median and analysis, starts after the first ``k``
            points, for each ``k`` (qicharts2's ``part``); increasing.
        rules: The rule sets to apply: ``"anhoej"`` and/or ``"ihi"``.

    Returns:
        The chart, with a summary per part and the signals found.

    Raises:
        ValidationError: Bad values or options (every problem at once).

    ```pycon
    >>> chart = run_chart([3, 4, 3, 5, 4, 3, 6, 7, 8, 7, 8, 9, 8], parts=[6])
    >>> [p.centre for p in chart.parts]
    [3.5, 8.0]

    ```
    """
    data = resolve(values)
    result = build("run", data, freeze=freeze, exclude=exclude, parts=parts, rules=rules)
    assert isinstance(result, RunChart)
    return result
