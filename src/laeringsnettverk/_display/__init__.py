"""HTML for notebooks: what the models' ``_repr_html_`` and the big results' ``__repr__`` show.

Pure functions that build strings; every model method that shows itself in a notebook is one
line calling a function here, imported when first shown (so ``import laeringsnettverk`` does not
pay for it). Labels are Norwegian with English beside them, as the command line prints them;
numbers are rounded half up (:func:`~laeringsnettverk.scoring.round_half_up`).

Every text that reaches the HTML goes through :func:`html.escape`: cells of :func:`table`,
captions and paragraphs are plain text, never markup. Free text typed about a person (an
activity's name, a note) is shown only where the person's own document is displayed (a form, a
checklist, a benefit), never in the display of a batch. Long results are cut to their first
rows (:data:`MAX_ROWS`), with a line saying how many there are.

A capability-layer package (see the layers in ``docs/explanation/design.md``): it formats the
capabilities' objects and imports nothing above them; a batch of loaded documents is read by
its attributes (duck-typed), not by importing the loader. One module per area: the pieces
(``_html``), forms, the other toolkit documents, batches, networks, series, charts.
"""

from __future__ import annotations

from laeringsnettverk._display._batch import batch, batch_repr
from laeringsnettverk._display._charts import chart
from laeringsnettverk._display._form import benefit, form
from laeringsnettverk._display._html import (
    BATCH_LINE_NUMBERS,
    BATCH_ROWS,
    DASH,
    MAX_ROWS,
    SERIES_REPR_LIMIT,
    SPARK_POINTS,
    capped,
    caption,
    num,
    para,
    percent,
    sparkline,
    table,
    titled,
    wrap,
    yes_no,
)
from laeringsnettverk._display._network import (
    network_results,
    network_results_repr,
    network_status,
)
from laeringsnettverk._display._series import series, series_repr
from laeringsnettverk._display._toolkit import checklist, kor, smart_assessment

__all__ = [
    "BATCH_LINE_NUMBERS",
    "BATCH_ROWS",
    "DASH",
    "MAX_ROWS",
    "SERIES_REPR_LIMIT",
    "SPARK_POINTS",
    "batch",
    "batch_repr",
    "benefit",
    "capped",
    "caption",
    "chart",
    "checklist",
    "form",
    "kor",
    "network_results",
    "network_results_repr",
    "network_status",
    "num",
    "para",
    "percent",
    "series",
    "series_repr",
    "smart_assessment",
    "sparkline",
    "table",
    "titled",
    "wrap",
    "yes_no",
]
