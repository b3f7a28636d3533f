"""The report's teams and preparation sections."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from laeringsnettverk._numbers import DASH, Lang, fmt_number, fmt_percent
from laeringsnettverk.network import (
    ImprovementTeam,
    LearningNetwork,
    network_status,
)
from laeringsnettverk.report._page import _e, _note, _table
from laeringsnettverk.report._text import label, tr
from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm


def _teams(
    network: LearningNetwork,
    *,
    teams: Sequence[ImprovementTeam],
    forms: Sequence[WhatMattersForm],
    checklists: Sequence[CollaborationChecklist],
    lang: Lang,
) -> str:
    if not teams:
        return _note(tr("no_teams", lang))
    status = network_status(network, forms, checklists)
    heads = [
        tr(k, lang)
        for k in (
            "team",
            "phase",
            "smart_goals",
            "preparation",
            "forms_scored",
            "mean_benefit",
            "mean_fidelity",
            "contacts",
            "progress",
        )
    ]
    rows = []
    for team in teams:
        s = status.team(team.identifier)
        phases = ", ".join(label(p, lang) if p else DASH for p in s.phases) or DASH
        prep = f"{s.tasks_done}/{s.tasks_total}"
        latest = team.latest_progress
        progress = (
            DASH
            if latest is None
            else f"{fmt_number(latest.score, 1, lang)} "
            f"({_e(latest.label_nb if lang == 'nb' else latest.label_en)})"
        )
        rows.append(
            (
                "",
                [
                    _e(team.name),
                    _e(phases),
                    f"{s.smart_goals}/{s.goals}",
                    prep,
                    str(s.forms_scored),
                    fmt_number(s.mean_benefit, 1, lang),
                    fmt_percent(s.mean_fidelity, lang),
                    str(s.contacts),
                    progress,
                ],
            )
        )
    num = [False, False, True, True, True, True, True, True, False]
    return _table(heads, rows, num=num) + _preparation(network, teams, lang)


def _preparation(network: LearningNetwork, teams: Sequence[ImprovementTeam], lang: Lang) -> str:
    packages = sorted(network.packages, key=lambda p: p.number)
    order = network.gatherings_in_order
    heads = [tr("team", lang)]
    heads += [
        f"{tr('package', lang)} {p.number} ({tr('before_gathering', lang)} {p.gathering})"
        for p in packages
    ]
    heads += [
        f"{tr('between', lang)} {a.number} {tr('and', lang)} {b.number}"
        for a, b in itertools.pairwise(order)
    ]
    rows = []
    for team in teams:
        cells = [_e(team.name)]
        cells += [f"{len(p.done_by(team.identifier))}/{len(p.tasks)}" for p in packages]
        own = network.contacts_with(team.identifier)
        for a, b in itertools.pairwise(order):
            inside = [x for x in own if a.last_day < x.date < b.first_day]
            asked = sum(x.initiated_by.code == "teamet" for x in inside)
            cells.append(f"{len(inside)} ({asked})")
        rows.append(("", cells))
    num = [False] + [True] * (len(heads) - 1)
    return (
        f"<h3>{tr('prep_follow', lang)}</h3>"
        + _note(tr("prep_note", lang))
        + _table(heads, rows, num=num)
    )
