"""Draw the figures shown in the docs, with the same calls as the pages' code.

    python tools/make_docs_figures.py

writes ``docs/tutorials/run-chart.png`` (the run-chart tutorial's figure).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from laeringsnettverk.charts import plot_chart, run_chart
from laeringsnettverk.examples import load_example

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> None:
    """Write every figure."""
    chart = run_chart(load_example("series"))
    fig = plot_chart(chart)
    fig.savefig(DOCS / "tutorials" / "run-chart.png", dpi=100)


if __name__ == "__main__":
    main()
