"""Measurement over time: run charts and control charts with their rules.

- :func:`run_chart`: values around the median, with the Anhøj rules (longest run, number of
  crossings; Anhøj 2014, as in R's qicharts2) and optionally the IHI shift and trend rules.
- :func:`i_chart`, :func:`mr_chart`, :func:`p_chart`: control charts (individuals, moving
  ranges, proportions) with 3- and 2-sigma limits, points outside the limits, and the same run
  rules around their own centre line.
- :func:`plot_chart`, :func:`plot_small_multiples`: matplotlib figures (the ``plot`` extra).

Positions are 0-based; ``freeze=k`` and ``parts=[k]`` count points, so they are the same
numbers as in qicharts2 (``exclude`` is qicharts2's minus 1).

```pycon
>>> from laeringsnettverk.charts import run_chart
>>> chart = run_chart([12, 14, 11, 13, 15, 12, 18, 19, 20, 19, 21, 22])
>>> chart.parts[0].centre, chart.parts[0].n_crossings, chart.parts[0].n_crossings_min
(16.5, 1, 3)
>>> chart.fired, [s.rule for s in chart.signals]
(('anhoej',), ['crossings'])

```
"""

from laeringsnettverk.charts._control import i_chart, mr_chart, p_chart
from laeringsnettverk.charts._input import ChartData, RuleSet, SupportsChartData
from laeringsnettverk.charts._plot import plot_chart, plot_small_multiples
from laeringsnettverk.charts._results import (
    ChartKind,
    ChartOptions,
    ChartPoint,
    ControlChart,
    PartSummary,
    RunChart,
    Signal,
)
from laeringsnettverk.charts._run import run_chart

__all__ = [
    "ChartData",
    "ChartKind",
    "ChartOptions",
    "ChartPoint",
    "ControlChart",
    "PartSummary",
    "RuleSet",
    "RunChart",
    "Signal",
    "SupportsChartData",
    "i_chart",
    "mr_chart",
    "p_chart",
    "plot_chart",
    "plot_small_multiples",
    "run_chart",
]
