"""Plots of run and control charts with matplotlib (the ``plot`` extra, imported on first use).

The figures are built with :class:`matplotlib.figure.Figure` directly, not with ``pyplot``:
nothing is shown, no window opens, and the caller saves or embeds the figure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal

from laeringsnettverk._checks import Checker
from laeringsnettverk.charts._results import ControlChart, RunChart

__all__ = ["plot_chart", "plot_small_multiples"]

Lang = Literal["nb", "en"]

POINT = "#1f4e79"
"""Colour of points and lines."""
SIGNAL = "#c00000"
"""Colour of points outside the limits and of a centre line with a run signal."""
LINE = "#7f7f7f"
"""Colour of limits and dividers."""

_TEXT: dict[str, dict[str, str]] = {
    "nb": {
        "run": "Seriediagram",
        "i": "I-diagram",
        "mr": "MR-diagram",
        "p": "P-diagram",
        "x": "Måling",
        "y_run": "Verdi",
        "y_i": "Verdi",
        "y_mr": "Glidende variasjonsbredde",
        "y_p": "Andel",
        "centre_run": "Median",
        "centre_i": "Gjennomsnitt",
        "centre_mr": "Gjennomsnittlig variasjonsbredde",
        "centre_p": "Gjennomsnittlig andel",
        "limits": "Kontrollgrenser",
        "signal": "Signal",
        "excluded": "Utelatt",
        "baseline": "Slutt på grunnlinje",
    },
    "en": {
        "run": "Run chart",
        "i": "I chart",
        "mr": "MR chart",
        "p": "P chart",
        "x": "Subgroup",
        "y_run": "Value",
        "y_i": "Value",
        "y_mr": "Moving range",
        "y_p": "Proportion",
        "centre_run": "Median",
        "centre_i": "Mean",
        "centre_mr": "Mean moving range",
        "centre_p": "Mean proportion",
        "limits": "Control limits",
        "signal": "Signal",
        "excluded": "Excluded",
        "baseline": "End of baseline",
    },
}
_MAX_TICKS = 12


def _check_lang(c: Checker, lang: object) -> None:
    if lang not in _TEXT:
        c.add(("lang",), 'must be "nb" (Norwegian) or "en" (English)', lang)


def _nan(values: Any) -> list[float]:
    return [math.nan if v is None else v for v in values]


def plot_chart(
    result: RunChart | ControlChart,
    *,
    lang: Lang = "nb",
    ax: Any = None,
    title: str | None = None,
) -> Any:
    """Draw a run or control chart and return its matplotlib ``Figure``.

    Drawn: the values (a gap at a missing one), the centre line of each part (dashed and red
    when a run rule fired in that part, as qicharts2 shows it), the 3-sigma limits of a
    control chart, points outside them in red, excluded points hollow, the end of a frozen
    baseline and the boundaries of parts as vertical lines, and the data's annotations
    (changes tried) at their points. Labels are Norwegian unless ``lang="en"``.

    Args:
        result: A chart from :func:`run_chart`, :func:`i_chart`, :func:`mr_chart` or
            :func:`p_chart`.
        lang: ``"nb"`` (Norwegian, the default) or ``"en"`` (English).
        ax: A matplotlib ``Axes`` to draw on; by default a new figure is made.
        title: The title; by default the data's title, else the chart type.

    Returns:
        The ``matplotlib.figure.Figure`` (never shown; save it or embed it).

    Raises:
        ValidationError: An unknown ``lang``.
    """
    c = Checker()
    _check_lang(c, lang)
    c.done()
    if ax is None:
        from matplotlib.figure import Figure

        fig = Figure(figsize=(8, 4), layout="constrained")
        ax = fig.add_subplot()
    _draw(ax, result, _TEXT[lang], title)
    return ax.figure


def _draw(ax: Any, chart: RunChart | ControlChart, text: dict[str, str], title: str | None) -> None:
    n = len(chart)
    x = list(range(n))
    y = _nan(chart.values)
    ax.plot(x, y, color=POINT, linewidth=1, zorder=2, label="_values")
    excluded = set(chart.options.exclude)
    outside = list(chart.outside) if isinstance(chart, ControlChart) else [False] * n
    plain = [i for i in x if i not in excluded and not outside[i]]
    ax.scatter(plain, [y[i] for i in plain], color=POINT, s=18, zorder=3)
    red = [i for i in x if outside[i] and i not in excluded]
    if red:
        ax.scatter(red, [y[i] for i in red], color=SIGNAL, s=22, zorder=4, label=text["signal"])
    hollow = sorted(excluded)
    if hollow:
        ax.scatter(
            hollow,
            [y[i] for i in hollow],
            facecolors="white",
            edgecolors=SIGNAL if any(outside[i] for i in hollow) else POINT,
            s=22,
            zorder=5,
            label=text["excluded"],
        )
    for part in chart.parts:
        span = [part.start - 0.5, part.stop - 0.5]
        if part.centre is not None:
            fired = part.runs_signal or part.shift_signal or part.trend_signal
            ax.plot(
                span,
                [part.centre, part.centre],
                color=SIGNAL if fired else POINT,
                linestyle="--" if fired else "-",
                linewidth=1.2,
                zorder=1,
                label=text["centre_" + chart.kind] if part.index == 0 else None,
            )
        if part.index:
            ax.axvline(part.start - 0.5, color=LINE, linestyle=":", linewidth=1)
    if isinstance(chart, ControlChart):
        for line, label in ((chart.upper, text["limits"]), (chart.lower, None)):
            ax.plot(
                x,
                _nan(line),
                color=LINE,
                linewidth=1,
                drawstyle="steps-mid",
                zorder=1,
                label=label,
            )
    freeze = chart.options.freeze
    if freeze is not None and not chart.options.parts and freeze < n:
        ax.axvline(freeze - 0.5, color=LINE, linestyle="--", linewidth=1, label=text["baseline"])
    for position, note in chart.annotations:
        value = y[position]
        ax.annotate(
            note,
            xy=(position, 0 if math.isnan(value) else value),
            xytext=(0, 24),
            textcoords="offset points",
            ha="center",
            fontsize=8,
            arrowprops={"arrowstyle": "->", "color": LINE},
        )
    if chart.labels:
        step = max(1, math.ceil(n / _MAX_TICKS))
        ticks = x[::step]
        ax.set_xticks(ticks, [chart.labels[i] for i in ticks], rotation=45, ha="right")
    if chart.kind == "p":
        from matplotlib.ticker import PercentFormatter

        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_title(title or chart.title or text[chart.kind])
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y_" + chart.kind])
    if any(not artist.get_label().startswith("_") for artist in ax.lines + ax.collections):
        ax.legend(fontsize=7, loc="best")


def plot_small_multiples(
    results: Mapping[str, RunChart | ControlChart],
    *,
    lang: Lang = "nb",
    ncols: int = 3,
    title: str | None = None,
) -> Any:
    """Draw one small chart per team (or unit) in a grid and return the ``Figure``.

    Args:
        results: Charts by name, e.g. one per improvement team; the names become the
            facet titles, in the mapping's order.
        lang: ``"nb"`` (Norwegian, the default) or ``"en"`` (English).
        ncols: Facets per row.
        title: A title over the whole figure, or ``None``.

    Returns:
        The ``matplotlib.figure.Figure`` (never shown).

    Raises:
        ValidationError: No charts, a bad ``ncols`` or an unknown ``lang``.
    """
    c = Checker()
    _check_lang(c, lang)
    c.integer(("ncols",), ncols, 1)
    if not results:
        c.add(("results",), "must hold at least one chart")
    c.done()
    from matplotlib.figure import Figure

    ncols = min(ncols, len(results))
    nrows = math.ceil(len(results) / ncols)
    fig = Figure(figsize=(4 * ncols, 3 * nrows), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for ax, (name, chart) in zip(axes, results.items(), strict=False):
        _draw(ax, chart, _TEXT[lang], name)
    for ax in axes[len(results) :]:
        ax.set_visible(False)
    if title is not None:
        fig.suptitle(title)
    return fig
