"""The small pieces every display is made of: numbers, tables, captions, sparklines."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from html import escape

from laeringsnettverk._rounding import round_half_up

MAX_ROWS = 100
"""The most rows a table shows (the library's choice); the rest are counted, not shown."""
BATCH_ROWS = 10
"""The documents and bad lines a batch shows (the library's choice)."""
BATCH_LINE_NUMBERS = 50
"""The bad lines' numbers a batch lists (the library's choice)."""
SERIES_REPR_LIMIT = 10
"""A series with more observations than this gets a short ``repr`` (counts only)."""
SPARK_POINTS = 200
"""The most points a sparkline draws (longer charts are sampled evenly)."""
_SPARK_WIDTH, _SPARK_HEIGHT, _SPARK_PAD = 200, 40, 3
DASH = "–"
"""What a missing number shows as (as in the command line)."""
_YES, _NO = "ja (yes)", "nei (no)"


# -- the pieces --------------------------------------------------------------------


def num(value: float | None, decimals: int = 1) -> str:
    """A number rounded half up to ``decimals`` places; :data:`DASH` for ``None``."""
    if value is None:
        return DASH
    return f"{round_half_up(value, decimals):.{decimals}f}"


def percent(fraction: float | None) -> str:
    """A fraction (0..1) as a percent with one decimal, ``"80.0 %"``; :data:`DASH` for None."""
    return DASH if fraction is None else f"{num(fraction * 100)} %"


def yes_no(flag: bool) -> str:
    """``"ja (yes)"`` or ``"nei (no)"``."""
    return _YES if flag else _NO


def caption(text: str) -> str:
    """A bold heading line (plain text, escaped)."""
    return f"<p><strong>{escape(text)}</strong></p>"


def para(text: str) -> str:
    """A paragraph (plain text, escaped)."""
    return f"<p>{escape(text)}</p>"


def table(
    head: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    foot: Sequence[str] | None = None,
) -> str:
    """A table of plain-text cells (every cell escaped): a header row, rows and a footer row."""
    out = ["<table>", "<thead><tr>"]
    out += [f"<th>{escape(h)}</th>" for h in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>")
    out.append("</tbody>")
    if foot is not None:
        out.append(
            "<tfoot><tr>" + "".join(f"<th>{escape(cell)}</th>" for cell in foot) + "</tr></tfoot>"
        )
    out.append("</table>")
    return "".join(out)


def capped(total: int, limit: int = MAX_ROWS) -> str:
    """The line under a table cut to its first ``limit`` rows; empty when nothing was cut."""
    if total <= limit:
        return ""
    return para(
        f"Viser de første {limit} av {total} radene (showing the first {limit} of {total} rows)."
    )


def wrap(*parts: str) -> str:
    """The parts in one ``<div>``, the block a notebook shows."""
    return '<div class="laeringsnettverk">' + "".join(parts) + "</div>"


def titled(title: str, identifier: str | None, *more: tuple[str, str | None]) -> str:
    """A heading: ``title`` with the identifier and other ``(label, value)`` pairs given."""
    bits = [f"{label} {value}" for label, value in more if value is not None]
    head = title + (f": {identifier}" if identifier is not None else "")
    return caption(" · ".join([head, *bits]))


def sparkline(values: Sequence[float | None]) -> str:
    """A small inline SVG line of ``values`` (gaps where a value is missing); empty if none.

    At most :data:`SPARK_POINTS` points are drawn: a longer sequence is sampled evenly.
    """
    n = len(values)
    if n < 2:
        return ""
    step = math.ceil(n / SPARK_POINTS)
    sample = [(i, values[i]) for i in range(0, n, step)]
    finite = [v for _, v in sample if v is not None and math.isfinite(v)]
    if not finite:
        return ""
    lo, hi = min(finite), max(finite)
    span = (hi - lo) or 1.0
    inner_w, inner_h = _SPARK_WIDTH - 2 * _SPARK_PAD, _SPARK_HEIGHT - 2 * _SPARK_PAD
    segments: list[list[tuple[str, str]]] = [[]]
    for i, v in sample:
        if v is None or not math.isfinite(v):
            segments.append([])
            continue
        x = _SPARK_PAD + inner_w * i / (n - 1)
        y = _SPARK_PAD + inner_h * (1 - (v - lo) / span)
        segments[-1].append((f"{x:.1f}", f"{y:.1f}"))
    shapes = []
    for seg in segments:
        if len(seg) > 1:
            points = " ".join(f"{x},{y}" for x, y in seg)
            shapes.append(f'<polyline fill="none" stroke="#1f4e79" points="{points}"/>')
        elif seg:
            cx, cy = seg[0]
            shapes.append(f'<circle cx="{cx}" cy="{cy}" r="1.5" fill="#1f4e79"/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_SPARK_WIDTH}" '
        f'height="{_SPARK_HEIGHT}" role="img" aria-label="sparkline">' + "".join(shapes) + "</svg>"
    )
