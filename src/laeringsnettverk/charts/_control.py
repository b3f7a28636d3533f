"""Control charts: I (individuals), MR (moving ranges) and P (proportions)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from laeringsnettverk._checks import Checker
from laeringsnettverk.charts._input import (
    ChartData,
    RuleSet,
    SupportsChartData,
    resolve,
    resolve_proportions,
)
from laeringsnettverk.charts._results import ControlChart
from laeringsnettverk.charts._run import build

__all__ = ["i_chart", "mr_chart", "p_chart"]


def i_chart(
    values: Sequence[float | None] | SupportsChartData | ChartData,
    *,
    freeze: int | None = None,
    exclude: Iterable[int] = (),
    parts: Sequence[int] = (),
    rules: Iterable[RuleSet] = ("anhoej",),
    screened: bool = True,
) -> ControlChart:
    """An I chart (individuals, X chart): mean ± 3 · MR̄ / 1.128.

    The centre line is the mean of the baseline; MR̄ is the mean of the moving ranges of
    consecutive baseline points. An excluded point is removed before the ranges are taken
    (the ranges bridge it); a missing point is not (both ranges next to it are missing). By
    default the ranges are screened as ``library(qicharts2)`` does: ranges at or above
    3.267 · MR̄ are left out of MR̄, once. The run rules are applied around the mean.

    Args:
        values: The values (``None`` for a missing one), :class:`ChartData`, or any object
            with ``to_chart_data()``.
        freeze: The first ``freeze`` points form the baseline (ignored with ``parts``).
        exclude: 0-based positions left out of the calculations (still judged against the
            limits).
        parts: A new part, with its own centre and limits, starts after the first ``k``
            points, for each ``k``.
        rules: The run-rule sets to apply: ``"anhoej"`` and/or ``"ihi"``.
        screened: Screen large moving ranges out of MR̄ (qicharts2's ``qic.screenedmr``).

    Returns:
        The chart, with limits per point and the signals found.

    Raises:
        ValidationError: Bad values or options (every problem at once).

    ```pycon
    >>> chart = i_chart([10, 12, 11, 13, 12, 11, 10, 12, 30, 11])
    >>> chart.outside.index(True), round(chart.upper[0], 3)
    (8, 16.999)

    ```
    """
    c = Checker()
    c.boolean(("screened",), screened)
    c.done()
    result = build(
        "i",
        resolve(values),
        freeze=freeze,
        exclude=exclude,
        parts=parts,
        rules=rules,
        screened=screened,
    )
    assert isinstance(result, ControlChart)
    return result


def mr_chart(
    values: Sequence[float | None] | SupportsChartData | ChartData,
    *,
    freeze: int | None = None,
    exclude: Iterable[int] = (),
    parts: Sequence[int] = (),
    rules: Iterable[RuleSet] = ("anhoej",),
) -> ControlChart:
    """An MR chart: the moving ranges ``|x[i] - x[i-1]|``, centre MR̄, upper limit 3.267 · MR̄.

    As in qicharts2, the ranges are those of neighbouring points in each part (the first
    point of a part has none), an excluded point's own range is left out of MR̄, and the run
    analysis is reported but never signals (moving ranges are not independent).

    Args:
        values: The values (``None`` for a missing one), :class:`ChartData`, or any object
            with ``to_chart_data()``.
        freeze: The first ``freeze`` points form the baseline (ignored with ``parts``).
        exclude: 0-based positions whose ranges are left out of MR̄.
        parts: A new part starts after the first ``k`` points, for each ``k``.
        rules: Accepted for symmetry; no run rule signals on an MR chart.

    Returns:
        The chart of moving ranges.

    Raises:
        ValidationError: Bad values or options (every problem at once).

    ```pycon
    >>> tuple(mr_chart([1, 3, 2, 6]).values)
    (None, 2.0, 1.0, 4.0)

    ```
    """
    result = build("mr", resolve(values), freeze=freeze, exclude=exclude, parts=parts, rules=rules)
    assert isinstance(result, ControlChart)
    return result


def p_chart(
    numerators: Sequence[int | None] | SupportsChartData | ChartData,
    denominators: Sequence[int | None] | None = None,
    *,
    freeze: int | None = None,
    exclude: Iterable[int] = (),
    parts: Sequence[int] = (),
    rules: Iterable[RuleSet] = ("anhoej",),
) -> ControlChart:
    """A P chart: proportions with p̄ ± 3 · √(p̄ (1 − p̄) / nᵢ), clipped to [0, 1].

    p̄ is the sum of the baseline's numerators over the sum of its denominators; a point
    whose numerator or denominator is missing is missing (as qicharts2 does).

    Args:
        numerators: Event counts (``None`` for missing), or :class:`ChartData` /
            :class:`SupportsChartData` with numerators and denominators.
        denominators: The denominators (> 0); omit with chart data.
        freeze: The first ``freeze`` points form the baseline (ignored with ``parts``).
        exclude: 0-based positions left out of p̄ and the run analysis.
        parts: A new part starts after the first ``k`` points, for each ``k``.
        rules: The run-rule sets to apply: ``"anhoej"`` and/or ``"ihi"``.

    Returns:
        The chart of proportions, with limits per point.

    Raises:
        ValidationError: Bad counts or options (every problem at once).

    ```pycon
    >>> chart = p_chart([5, 6, 4, 5], [20, 20, 20, 40])
    >>> chart.parts[0].centre, round(chart.upper[3], 4)
    (0.2, 0.3897)

    ```
    """
    result = build(
        "p",
        resolve_proportions(numerators, denominators),
        freeze=freeze,
        exclude=exclude,
        parts=parts,
        rules=rules,
    )
    assert isinstance(result, ControlChart)
    return result
