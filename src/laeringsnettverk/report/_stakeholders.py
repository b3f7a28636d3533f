"""The report's stakeholder-map and findings sections."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence

from laeringsnettverk._numbers import Lang
from laeringsnettverk.findings import Finding
from laeringsnettverk.report._page import _e, _note, _table
from laeringsnettverk.report._text import label, tr
from laeringsnettverk.stakeholders import (
    PowerInterestQuadrant,
    Stakeholder,
    StakeholderCategory,
    StakeholderMap,
    by_quadrant,
)

_GRID = (
    ("high_influence", PowerInterestQuadrant.KEEP_SATISFIED, PowerInterestQuadrant.MANAGE_CLOSELY),
    ("low_influence", PowerInterestQuadrant.MONITOR, PowerInterestQuadrant.KEEP_INFORMED),
)


def _quadrant_cell(q: PowerInterestQuadrant, actors: Sequence[Stakeholder], lang: Lang) -> str:
    kinds = Counter(a.category for a in actors)
    order = list(StakeholderCategory)
    listed = ", ".join(f"{_e(label(c, lang))} ({kinds[c]})" for c in sorted(kinds, key=order.index))
    return (
        f'<td class="q-{q.code}"><strong>{_e(label(q, lang))}</strong>: {len(actors)} '
        f"{tr('actors', lang)}<br>{listed}</td>"
    )


def _stakeholders(maps: Sequence[StakeholderMap], lang: Lang) -> str:
    out = _note(tr("stakeholders_note", lang))
    heads = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("", tr("low_interest", lang), tr("high_interest", lang))
    )
    for number, m in enumerate(maps, 1):
        groups = by_quadrant(m)
        out += (
            f"<h3>{tr('map', lang)} {number}: {_e(label(m.owner.kind, lang))}, "
            f"{m.date.isoformat()}</h3>"
        )
        rows = "".join(
            f'<tr><th scope="row">{tr(side, lang)}</th>'
            + "".join(_quadrant_cell(q, groups.get(q, ()), lang) for q in quadrants)
            + "</tr>"
            for side, *quadrants in _GRID
        )
        out += f'<table class="grid"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>'
        missing = len(groups.get(None, ()))
        if missing:
            out += _note(tr("not_placed", lang).format(missing))
    return out


def _findings(findings: Sequence[Finding], today: datetime.date, lang: Lang) -> str:
    out = _note(tr("findings_note", lang).format(today.isoformat()))
    if not findings:
        return out + _note(tr("no_findings", lang))
    heads = [tr(k, lang) for k in ("severity", "code", "finding", "concerns")]
    rows = [
        (
            "",
            [
                f'<span class="sev-{f.severity.code}">{_e(label(f.severity, lang))}</span>',
                f"<code>{_e(f.code)}</code>",
                _e(f.message_nb if lang == "nb" else f.message_en),
                _e(f.concerns or ""),
            ],
        )
        for f in findings
    ]
    return out + _table(heads, rows, num=[False] * 4)
