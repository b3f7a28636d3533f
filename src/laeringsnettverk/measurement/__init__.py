"""Measurement over time: series of a team's or a network's measures, and results per period.

The toolkit exists to answer one question for a team and a network: *are the changes we
make improvements?* The source report asks for time series of the form's scores and the
checklist's fidelity (seed 001, appendix 2). A :class:`Series` (the document kind
``series``) holds one measure's observations in time order; the builders make series from
forms, checklists and goals per team or for a whole network, by month, quarter or action
period between gatherings; :func:`network_results` gives each team's numbers per period
with their n; the chart functions of :mod:`laeringsnettverk.charts` take a series as it is.

```pycon
>>> from laeringsnettverk.examples import load_example
>>> from laeringsnettverk.measurement import benefit_series
>>> series = benefit_series([load_example("form")])
>>> [(o.period.code, o.value, o.n) for o in series.observations]
[('2015-05', 3.0, 1)]

```
"""

from __future__ import annotations

from laeringsnettverk.measurement._builders import (
    BENEFIT_INDICATOR,
    IMPORTANT_CHANGE_INDICATOR,
    PAIRED_INDICATOR,
    benefit_series,
    fidelity_series,
    goal_series,
    important_change_series,
    paired_series,
)
from laeringsnettverk.measurement._periods import (
    MeasurementPeriod,
    PeriodUnit,
    action_periods,
    periods_between,
)
from laeringsnettverk.measurement._results import (
    GroupResult,
    NetworkResults,
    network_periods,
    network_results,
)
from laeringsnettverk.measurement._series import ChangeNote, Observation, Series

__all__ = [
    "BENEFIT_INDICATOR",
    "IMPORTANT_CHANGE_INDICATOR",
    "PAIRED_INDICATOR",
    "ChangeNote",
    "GroupResult",
    "MeasurementPeriod",
    "NetworkResults",
    "Observation",
    "PeriodUnit",
    "Series",
    "action_periods",
    "benefit_series",
    "fidelity_series",
    "goal_series",
    "important_change_series",
    "network_periods",
    "network_results",
    "paired_series",
    "periods_between",
]
