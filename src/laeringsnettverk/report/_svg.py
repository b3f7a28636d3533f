"""A small SVG writer for run and control charts: inline in the report, no matplotlib.

Drawn as :func:`~laeringsnettverk.charts.plot_chart` draws a chart: the values as a line with
points (a gap at a missing one), the centre line of each part (dashed and red when a run
rule fired in that part, as qicharts2 shows it), the 3-sigma limits of a control chart,
points outside them in red, excluded points hollow, the boundaries of parts as dotted
vertical lines, and each change tried as a numbered dashed vertical line (the caption lists
them). Coordinates are written with one decimal, so the same chart gives the same bytes.
The scale (ticks, range) comes from ``_scale``.
"""

from __future__ import annotations

import html
import math

from laeringsnettverk._numbers import Lang, fmt_number
from laeringsnettverk.charts import ControlChart, RunChart
from laeringsnettverk.charts._plot import LINE, POINT, SIGNAL
from laeringsnettverk.report._scale import _f, _range, _runs, ticks

__all__ = ["WIDTH", "chart_svg", "ticks"]


WIDTH = 720
"""The drawing's width in SVG units (it scales to the page)."""
_HEIGHT = 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 16, 24, 72
_MAX_LABELS = 12
_GRID = "#d9d9d9"


def chart_svg(chart: RunChart | ControlChart, *, lang: Lang, title: str) -> str:
    """The chart as one ``<svg>`` element (at least one value must be present).

    ``title`` becomes the drawing's accessible name (escaped here).
    """
    n = len(chart.values)
    lo, hi = _range(chart)
    plot_w = WIDTH - _LEFT - _RIGHT
    plot_h = _HEIGHT - _TOP - _BOTTOM

    def x(i: float) -> float:
        return _LEFT + (i + 0.5) * plot_w / n

    def y(v: float) -> float:
        return _TOP + (hi - v) / (hi - lo) * plot_h

    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {_HEIGHT}" role="img" '
        f'font-family="sans-serif" font-size="11">',
        f"<title>{html.escape(title)}</title>",
        f'<rect x="{_LEFT}" y="{_TOP}" width="{plot_w}" height="{plot_h}" fill="#fbfbfb" '
        f'stroke="{_GRID}"/>',
    ]
    step, marks = ticks(lo, hi)
    decimals = max(0, -math.floor(math.log10(step)))
    for t in marks:
        out.append(
            f'<line x1="{_LEFT}" y1="{_f(y(t))}" x2="{WIDTH - _RIGHT}" y2="{_f(y(t))}" '
            f'stroke="{_GRID}" stroke-width="0.6"/>'
        )
        out.append(
            f'<text x="{_LEFT - 6}" y="{_f(y(t) + 4)}" text-anchor="end">'
            f"{fmt_number(t, decimals, lang)}</text>"
        )
    if chart.labels:
        every = max(1, math.ceil(n / _MAX_LABELS))
        base = _HEIGHT - _BOTTOM + 14
        for i in range(0, n, every):
            out.append(
                f'<text x="{_f(x(i))}" y="{base}" text-anchor="end" '
                f'transform="rotate(-45 {_f(x(i))} {base})">{html.escape(chart.labels[i])}</text>'
            )
    for part in chart.parts:
        if part.index:
            edge = _f(x(part.start - 0.5))
            out.append(
                f'<line x1="{edge}" y1="{_TOP}" x2="{edge}" y2="{_HEIGHT - _BOTTOM}" '
                f'stroke="{LINE}" stroke-dasharray="2 3"/>'
            )
        if part.centre is not None:
            fired = part.runs_signal or part.shift_signal or part.trend_signal
            style = f'stroke="{SIGNAL}" stroke-dasharray="6 4"' if fired else f'stroke="{POINT}"'
            out.append(
                f'<line class="{"centre signal" if fired else "centre"}" '
                f'x1="{_f(x(part.start - 0.5))}" y1="{_f(y(part.centre))}" '
                f'x2="{_f(x(part.stop - 0.5))}" y2="{_f(y(part.centre))}" {style} '
                'stroke-width="1.4"/>'
            )
    if isinstance(chart, ControlChart):
        for limit in (chart.upper, chart.lower):
            for stretch in _runs(limit):
                steps = " ".join(
                    f"{_f(x(i - 0.5))},{_f(y(v))} {_f(x(i + 0.5))},{_f(y(v))}" for i, v in stretch
                )
                out.append(
                    f'<polyline class="limit" points="{steps}" fill="none" stroke="{LINE}"/>'
                )
    stretches = _runs(chart.values)
    for stretch in stretches:
        if len(stretch) > 1:
            points = " ".join(f"{_f(x(i))},{_f(y(v))}" for i, v in stretch)
            out.append(f'<polyline points="{points}" fill="none" stroke="{POINT}"/>')
    for stretch in stretches:
        for i, v in stretch:
            point = chart.point(i)
            colour = SIGNAL if point.outside else POINT
            fill = "#ffffff" if point.excluded else colour
            kind = "point outside" if point.outside else "point"
            out.append(
                f'<circle class="{kind}" cx="{_f(x(i))}" cy="{_f(y(v))}" r="3.2" '
                f'fill="{fill}" stroke="{colour}"/>'
            )
    for number, (position, _) in enumerate(chart.annotations, 1):
        at = _f(x(position))
        out.append(
            f'<line class="change" x1="{at}" y1="{_TOP}" x2="{at}" y2="{_HEIGHT - _BOTTOM}" '
            f'stroke="{LINE}" stroke-dasharray="3 3"/>'
        )
        out.append(
            f'<text x="{at}" y="{_TOP - 8}" text-anchor="middle" font-weight="bold">{number}</text>'
        )
    out.append("</svg>")
    return "".join(out)
