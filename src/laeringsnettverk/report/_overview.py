"""The report's overview and gatherings sections."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from laeringsnettverk._numbers import Lang, fmt_percent
from laeringsnettverk.network import (
    ImprovementTeam,
    LearningNetwork,
)
from laeringsnettverk.report._page import _days, _e, _hours, _note, _table, _width
from laeringsnettverk.report._text import label, tr
from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm

# -- sections -------------------------------------------------------------------------------


def _overview(
    network: LearningNetwork,
    *,
    teams: Sequence[ImprovementTeam],
    forms: Sequence[WhatMattersForm],
    checklists: Sequence[CollaborationChecklist],
    today: datetime.date,
    lang: Lang,
) -> str:
    facts = [("theme", network.theme), ("target_group", network.target_group)]
    if network.vision:
        facts.append(("vision", network.vision))
    items = "".join(f"<dt>{tr(k, lang)}</dt><dd>{_e(v)}</dd>" for k, v in facts)
    counts = (
        ("teams_n", len(teams)),
        ("gatherings_n", len(network.gatherings)),
        ("forms_n", len(forms)),
        ("checklists_n", len(checklists)),
    )
    items += "".join(f"<dt>{tr(k, lang)}</dt><dd>{n}</dd>" for k, n in counts)
    out = f"<dl>{items}</dl>"
    if network.goals:
        goals = "".join(f"<li>{_e(g.statement)}</li>" for g in network.goals)
        out += f"<h3>{tr('network_goals', lang)}</h3><ul>{goals}</ul>"
    out += f"<h3>{tr('periods', lang)}</h3>"
    if not network.periods:
        return out + _note(tr("no_periods", lang))
    rows = [
        (
            "total" if p.contains(today) else "",
            [
                _e(label(p.kind, lang)),
                p.start.isoformat(),
                p.end.isoformat() if p.end else tr("open", lang),
                tr("current", lang) if p.contains(today) else "",
            ],
        )
        for p in network.periods
    ]
    heads = [tr(k, lang) for k in ("period", "from", "to", "now")]
    return out + _table(heads, rows, num=[False] * 4)


def _gatherings(network: LearningNetwork, lang: Lang) -> str:
    if not network.gatherings:
        return _note(tr("no_gatherings", lang))
    heads = [
        tr(k, lang)
        for k in (
            "number",
            "days",
            "place",
            "title",
            "organiser_lecture",
            "external_lecture",
            "group_work",
            "total",
            "group_share",
            "split",
        )
    ]
    rows = []
    for g in network.gatherings_in_order:
        split = g.time_split()
        total = split.total_minutes
        bar = ""
        if total:
            parts = (
                split.organiser_lecture,
                split.external_lecture,
                split.group_work + split.plenary,
            )
            bar = (
                '<div class="bar">'
                + "".join(
                    f'<span class="b{k}" style="width:{_width(m, total)}%"></span>'
                    for k, m in enumerate(parts, 1)
                )
                + "</div>"
            )
        rows.append(
            (
                "",
                [
                    str(g.number),
                    _days(g.first_day, g.last_day),
                    _e(g.place),
                    _e(g.title) if g.title else "",
                    _hours(split.organiser_lecture_hours, lang),
                    _hours(split.external_lecture_hours, lang),
                    _hours(split.group_work_hours, lang),
                    _hours(split.total_hours, lang),
                    fmt_percent(split.group_work_share, lang),
                    bar,
                ],
            )
        )
    num = [True, False, False, False, True, True, True, True, True, False]
    key = "".join(
        f'<span class="b{k}"></span>{tr(w, lang)}'
        for k, w in enumerate(("organiser_lecture", "external_lecture", "group_work"), 1)
    )
    return (
        _note(tr("gatherings_note", lang))
        + _table(heads, rows, num=num)
        + f'<p class="note key">{key}</p>'
    )
