"""The report's goals and results sections."""

from __future__ import annotations

from collections.abc import Sequence

from laeringsnettverk._numbers import DASH, Lang, fmt_number, fmt_percent
from laeringsnettverk.goals import SmartGoal, assess_smart
from laeringsnettverk.measurement import (
    GroupResult,
    NetworkResults,
    network_results,
)
from laeringsnettverk.network import (
    ImprovementTeam,
    LearningNetwork,
)
from laeringsnettverk.report._page import _cells, _days, _e, _note, _share, _table
from laeringsnettverk.report._text import tr
from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm


def _goal_row(who: str, goal: SmartGoal | str, lang: Lang) -> tuple[list[str], str]:
    """The goal's table cells, and the reasons for the criteria it does not meet."""
    if not isinstance(goal, SmartGoal):
        return [who, _e(goal), *([""] * 6), tr("text_goal", lang)], ""
    assessment = assess_smart(goal)
    marks = [
        '<span class="ok">✓</span>' if r.passed else '<span class="no">✗</span>'
        for r in assessment.results
    ]
    reasons = " ".join(
        f"<strong>{r.criterion.letter}</strong>: {_e(r.reason_nb if lang == 'nb' else r.reason_en)}"
        for r in assessment.results
        if not r.passed
    )
    return [who, _e(goal.statement), *marks, f"{assessment.met} {tr('of_6', lang)}"], reasons


def _goals(network: LearningNetwork, teams: Sequence[ImprovementTeam], lang: Lang) -> str:
    goals: list[tuple[str, SmartGoal | str | None]] = [
        (tr("network", lang), g.goal if g.goal is not None else g.statement) for g in network.goals
    ]
    for team in teams:
        goals += [(_e(team.name), g) for p in team.projects for g in p.goals] or [
            (_e(team.name), None)
        ]
    if not goals:
        return _note(tr("no_goals", lang))
    rows, missing = [], []
    for who, goal in goals:
        if goal is None:
            rows.append(("", [who, tr("no_goals", lang), *[""] * 7]))
            continue
        cells, reasons = _goal_row(who, goal, lang)
        rows.append(("", cells))
        if reasons:
            missing.append(f"<li>{who}, «{cells[1]}»: {reasons}</li>")
    heads = [tr("team", lang), tr("goal", lang), *"SMARTE", tr("met", lang).capitalize()]
    out = _note(tr("goals_note", lang)) + _table(heads, rows, num=[False, False] + [True] * 7)
    if missing:
        out += f"<h3>{tr('not_met', lang)}</h3><ul>{''.join(missing)}</ul>"
    return out


def _results(
    network: LearningNetwork,
    *,
    teams: Sequence[ImprovementTeam],
    forms: Sequence[WhatMattersForm],
    checklists: Sequence[CollaborationChecklist],
    lang: Lang,
) -> str:
    if len(network.gatherings) < 2:
        return _note(tr("no_results", lang))
    results: NetworkResults = network_results(network, forms, checklists)
    names = {t.identifier: t.name for t in network.teams}
    shown = {t.identifier for t in teams}
    keys = ("team", "n_forms", "benefit", "ci", "improved", "important", "n_checklists", "fidelity")
    num = [False] + [True] * 7
    head = "".join(
        f'<th scope="col" class="num">{tr(k, lang)}</th>'
        if flag
        else f'<th scope="col">{tr(k, lang)}</th>'
        for k, flag in zip(keys, num, strict=True)
    )
    body = ""
    for period in results.periods:
        body += (
            f'<tr class="period"><th colspan="{len(keys)}" scope="rowgroup">{_e(period.code)}: '
            f"{_days(period.start, period.end)}</th></tr>"
        )
        for r in results.rows:
            if r.period == period and (r.team is None or r.team in shown):
                cls, cells = _result_row(r, names, lang)
                body += (
                    (f'<tr class="{cls}">' if cls else "<tr>") + _cells(cells, num=num) + "</tr>"
                )
    out = (
        _note(tr("results_note", lang))
        + f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
    lost = (
        len(results.forms_not_in_network),
        len(results.forms_outside_periods),
        len(results.checklists_not_in_network),
        len(results.checklists_not_placed),
    )
    if any(lost):
        out += _note(f"{tr('left_out', lang)}: " + tr("left_out_text", lang).format(*lost))
    return out


def _result_row(r: GroupResult, names: dict[str, str], lang: Lang) -> tuple[str, list[str]]:
    b = r.benefit
    ci = DASH
    if b is not None and b.lower is not None and b.upper is not None:
        lower, upper = fmt_number(b.lower, 1, lang), fmt_number(b.upper, 1, lang)
        ci = f"{lower} {tr('to', lang).lower()} {upper}"
    return (
        "total" if r.team is None else "",
        [
            tr("network", lang) if r.team is None else _e(names[r.team]),
            str(r.forms),
            fmt_number(None if b is None else b.mean, 1, lang),
            ci,
            _share(r.improved, lang),
            _share(r.important, lang),
            str(r.checklists),
            fmt_percent(r.fidelity, lang),
        ],
    )
