"""The report's page: its CSS and the small pieces every section is made of."""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterable, Sequence
from fractions import Fraction

from laeringsnettverk._numbers import DASH, Lang, fmt_number
from laeringsnettverk.report._text import tr
from laeringsnettverk.stats import Share

__all__ = ["MIN_CHART_POINTS"]


MIN_CHART_POINTS = 2
"""The fewest values a series needs for a chart in the report (the library's choice: a line
needs two points); a series with fewer is shown as a sentence with its value."""

_CSS = """
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:#1a1a1a;background:#fff;margin:0;line-height:1.45}
main,header,footer{max-width:1100px;margin:0 auto;padding:0 24px}
header{border-bottom:3px solid #1f4e79;padding-top:24px;padding-bottom:12px}
h1{font-size:1.8rem;margin:0 0 4px;color:#1f4e79}
h2{font-size:1.35rem;margin:32px 0 8px;color:#1f4e79;border-bottom:1px solid #d9d9d9;
padding-bottom:4px}
h3{font-size:1.1rem;margin:20px 0 6px}
.sub{margin:0;color:#444}
.note{color:#555;font-size:.9rem;margin:4px 0 10px}
nav ol{columns:2;margin:8px 0}
table{border-collapse:collapse;margin:8px 0 16px;font-size:.85rem;width:100%}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid #d9d9d9;padding:4px 8px;vertical-align:top;text-align:left}
thead th{background:#eef3f8}
tbody th{font-weight:600;background:#fafafa}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.num,.nw{white-space:nowrap}
tr.total td,tr.total th{font-weight:700;background:#f3f6f9}
tr.period th{background:#e4ecf4;text-align:left}
dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:8px 0}
dt{font-weight:600}
dd{margin:0}
.bar{display:flex;height:12px;min-width:120px;border:1px solid #bbb;background:#fff}
.bar span{display:block;height:100%}
.b1{background:#1f4e79}.b2{background:#7fa7cf}.b3{background:#e39b2d}
.key span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}
.ok{color:#276b2d;font-weight:700}.no{color:#c00000;font-weight:700}
.sev-advarsel,.sev-feil{color:#c00000;font-weight:600}
figure{margin:12px 0 24px;border:1px solid #d9d9d9;padding:8px}
figcaption{font-size:.9rem}
svg.chart{width:100%;height:auto;max-width:720px;display:block}
.grid td{width:50%;height:70px}
.grid .q-involver_tett{background:#fde9e7}.grid .q-hold_tilfreds{background:#fff4de}
.grid .q-hold_informert{background:#e8f1fb}.grid .q-overvaak{background:#f3f3f3}
footer{border-top:1px solid #d9d9d9;margin-top:40px;padding-top:8px;padding-bottom:24px;
color:#555;font-size:.85rem}
@media print{h2{break-after:avoid}figure,table{break-inside:avoid}nav{display:none}}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cells(values: Sequence[str], *, num: Sequence[bool]) -> str:
    return "".join(
        f'<td class="num">{v}</td>' if flag else f"<td>{v}</td>"
        for v, flag in zip(values, num, strict=True)
    )


def _table(
    heads: Sequence[str],
    rows: Iterable[tuple[str, Sequence[str]]],
    *,
    num: Sequence[bool],
) -> str:
    """A table; each row is ``(css class, cells)``; cells are HTML already escaped."""
    head = "".join(
        f'<th scope="col" class="num">{h}</th>' if flag else f'<th scope="col">{h}</th>'
        for h, flag in zip(heads, num, strict=True)
    )
    body = "".join(
        (f'<tr class="{cls}">' if cls else "<tr>") + _cells(cells, num=num) + "</tr>"
        for cls, cells in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _section(key: str, lang: Lang, body: str) -> str:
    return f'<section id="{key}"><h2>{tr(key, lang)}</h2>{body}</section>'


def _note(text: str) -> str:
    return f'<p class="note">{text}</p>'


def _hours(hours: Fraction, lang: Lang) -> str:
    return fmt_number(float(hours), 2, lang, trim=True)


def _share(share: Share, lang: Lang) -> str:
    return DASH if share.n == 0 else f"{share.count} {tr('of', lang)} {share.n}"


def _width(part: int, total: int) -> str:
    """A share as a CSS width in percent, with a decimal point whatever the language."""
    return fmt_number(100 * part / total, 1, "en")


def _days(first: datetime.date, last: datetime.date) -> str:
    start = f'<span class="nw">{first.isoformat()}</span>'
    if first == last:
        return start
    return f'{start} – <span class="nw">{last.isoformat()}</span>'
