"""HTML for a run or control chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from laeringsnettverk._display._html import (
    DASH,
    MAX_ROWS,
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

if TYPE_CHECKING:
    from laeringsnettverk.charts._results import _Chart

# -- charts ------------------------------------------------------------------------------------

_CHART_KINDS = {
    "run": "Seriediagram (run chart)",
    "i": "I-diagram (I chart)",
    "mr": "MR-diagram (MR chart)",
    "p": "P-diagram (P chart)",
}
_RULES = {
    "longest_run": "For lang serie (longest run too long)",
    "crossings": "For få kryss (too few crossings)",
    "shift": "Skift (shift)",
    "trend": "Trend (trend)",
    "outside": "Utenfor kontrollgrensene (outside the control limits)",
}
_POSITIONS_SHOWN = 20


def _ratio(value: int | None, bound: int | None) -> str:
    return DASH if value is None else f"{value} / {DASH if bound is None else bound}"


def chart(c: _Chart) -> str:
    """A chart result: the part summaries and the signals (no per-point table), a sparkline."""

    def centre(x: float | None) -> str:
        return percent(x) if c.kind == "p" else num(x, 2)

    ihi = "ihi" in c.options.rules
    head = [
        "Del (part)",
        "Posisjoner (positions)",
        "Senterlinje (centre)",
        "Brukbare (useful)",
        "Lengste serie (longest run)",
        "Kryss (crossings)",
        "Seriesignal (runs signal)",
    ]
    if ihi:
        head += ["Lengste trend (longest trend)", "Skift (shift)", "Trend (trend)"]
    rows = []
    for p in c.parts[:MAX_ROWS]:
        row = [
            str(p.index),
            f"{p.start}..{p.stop - 1}",
            centre(p.centre),
            str(p.n_useful),
            _ratio(p.longest_run, p.longest_run_max),
            _ratio(p.n_crossings, p.n_crossings_min),
            yes_no(p.runs_signal),
        ]
        if ihi:
            row += [
                DASH if p.longest_trend is None else str(p.longest_trend),
                yes_no(p.shift_signal),
                yes_no(p.trend_signal),
            ]
        rows.append(row)
    parts = [
        titled(_CHART_KINDS[c.kind], c.title),
        para(
            f"Punkter (points): {len(c)}; deler (parts): {len(c.parts)}; signal: {yes_no(c.signal)}"
        ),
        sparkline(c.values),
        table(head, rows),
        capped(len(c.parts)),
    ]
    if c.signals:
        signal_rows = []
        for s in c.signals[:MAX_ROWS]:
            shown = ", ".join(str(i) for i in s.positions[:_POSITIONS_SHOWN])
            if len(s.positions) > _POSITIONS_SHOWN:
                shown += f", … ({len(s.positions)})"
            signal_rows.append([s.rule_set, _RULES[s.rule], str(s.part), shown])
        parts += [
            caption("Signaler (signals)"),
            table(
                ["Regelsett (rule set)", "Regel (rule)", "Del (part)", "Posisjoner (positions)"],
                signal_rows,
            ),
            capped(len(c.signals)),
        ]
    return wrap(*parts)
