"""The report as one self-contained HTML file: inline CSS, inline SVG, no script."""

from __future__ import annotations

import datetime
import html
import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from fractions import Fraction

from laeringsnettverk._checks import Checker
from laeringsnettverk._numbers import DASH, Lang, check_lang, fmt_number, fmt_percent
from laeringsnettverk._version import __version__
from laeringsnettverk.charts import RunChart, Signal, run_chart
from laeringsnettverk.findings import Finding
from laeringsnettverk.goals import SmartGoal, assess_smart
from laeringsnettverk.measurement import (
    GroupResult,
    NetworkResults,
    PeriodUnit,
    Series,
    benefit_series,
    network_results,
)
from laeringsnettverk.network import (
    ImprovementTeam,
    LearningNetwork,
    network_status,
    review_network,
)
from laeringsnettverk.report._svg import chart_svg
from laeringsnettverk.report._text import label, tr
from laeringsnettverk.stakeholders import (
    PowerInterestQuadrant,
    Stakeholder,
    StakeholderCategory,
    StakeholderMap,
    by_quadrant,
)
from laeringsnettverk.stats import Share
from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm

__all__ = ["MIN_CHART_POINTS", "render_report"]

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


def _signal_text(signal: Signal, chart: RunChart, lang: Lang) -> str:
    part = chart.parts[signal.part]
    if signal.rule == "longest_run":
        return tr("rule_longest_run", lang).format(part.longest_run, part.longest_run_max)
    # the report's charts apply Anhøj's rules only: too long a run, or too few crossings
    return tr("rule_crossings", lang).format(part.n_crossings, part.n_crossings_min)


def _figure(series: Series, heading: str, lang: Lang) -> str:
    title = f"{heading}: {series.title or tr('monthly_benefit', lang)}"
    present = [v for v in series.values() if v is not None]
    if not present:
        return f'<p class="note"><strong>{_e(title)}</strong>: {tr("no_data", lang)}</p>'
    if len(present) < MIN_CHART_POINTS:
        values = ", ".join(fmt_number(v, 1, lang) for v in present)
        text = tr("too_few", lang).format(len(present), values)
        return f'<p class="note"><strong>{_e(title)}</strong>: {text}</p>'
    chart = run_chart(series)
    centres = ", ".join(fmt_number(p.centre, 2, lang) for p in chart.parts)
    if chart.signals:
        found = "; ".join(_signal_text(s, chart, lang) for s in chart.signals)
        verdict = f'<span class="no">{tr("signal", lang)}</span>: {_e(found)}'
    else:
        verdict = tr("no_signal", lang)
    caption = (
        f"<strong>{_e(title)}</strong><br>n = {len(present)}, "
        f"{tr('median', lang)} {centres}. {verdict}."
    )
    if chart.annotations:
        notes = "".join(
            f"<li>{c.date.isoformat()}: {_e(c.text)}</li>"
            for c, _ in zip(series.changes, chart.annotations, strict=False)
        )
        caption += f"<br>{tr('changes', lang)}:<ol>{notes}</ol>"
    svg = chart_svg(chart, lang=lang, title=title)
    return f"<figure>{svg}<figcaption>{caption}</figcaption></figure>"


def _charts(
    network: LearningNetwork,
    *,
    teams: Sequence[ImprovementTeam],
    forms: Sequence[WhatMattersForm],
    series: Sequence[Series],
    lang: Lang,
    whole: bool,
) -> str:
    out = _note(tr("charts_note", lang))
    known = {t.identifier for t in network.teams}
    for team in teams:
        out += f"<h3>{_e(team.name)}</h3>"
        out += _figure(benefit_series(forms, team=team.identifier), team.name, lang)
        for s in series:
            if s.team == team.identifier:
                out += _figure(s, team.name, lang)
    if whole:
        out += f"<h3>{tr('network', lang)}</h3>"
        own = [f for f in forms if f.team in known]
        out += _figure(benefit_series(own, unit=PeriodUnit.MONTH), tr("network", lang), lang)
        for s in series:
            if s.team not in known:
                out += _figure(s, tr("network", lang), lang)
    return out


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


# -- the whole --------------------------------------------------------------------------------


def _concerns_team(concerns: str, team: str) -> bool:
    """Whether a finding belongs in one team's report: the team's own, or the network's."""
    if not concerns.startswith("team:"):
        return True
    return concerns == f"team:{team}" or concerns.startswith(f"team:{team}/")


def _check(
    network: object,
    *,
    forms: Sequence[object],
    checklists: Sequence[object],
    maps: Sequence[object],
    series: Sequence[object],
    today: object,
    lang: object,
    team: object,
    title: object,
) -> None:
    c = Checker()
    if not isinstance(network, LearningNetwork):
        c.add(("network",), "must be a LearningNetwork", type(network).__name__)
    c.instances(("forms",), tuple(forms), WhatMattersForm)
    c.instances(("checklists",), tuple(checklists), CollaborationChecklist)
    c.instances(("stakeholder_maps",), tuple(maps), StakeholderMap)
    c.instances(("series",), tuple(series), Series)
    c.date(("today",), today)
    check_lang(c, lang)
    if title is not None:
        c.text(("title",), title)
    known = {t.identifier for t in network.teams} if isinstance(network, LearningNetwork) else None
    if team is not None and known is not None and team not in known:
        c.add(("team",), "is not a team of the network", team)
    c.done()


def render_report(
    network: LearningNetwork,
    forms: Iterable[WhatMattersForm] = (),
    checklists: Iterable[CollaborationChecklist] = (),
    *,
    today: datetime.date,
    lang: Lang = "nb",
    team: str | None = None,
    stakeholder_maps: Iterable[StakeholderMap] = (),
    series: Iterable[Series] = (),
    title: str | None = None,
) -> str:
    """The report of a learning network (or of one team) as one self-contained HTML file.

    See :mod:`laeringsnettverk.report` for what it shows and what it leaves out.

    Args:
        network: The learning network.
        forms: The teams' «Hva er viktig for meg»-forms (each names its team).
        checklists: The teams' collaboration checklists.
        today: The report's date: the review's ``today`` and the current period.
        lang: ``"nb"`` (Norwegian, the default) or ``"en"`` (English).
        team: A team's identifier: the report for that team alone (the network's own
            sections and rows stay, for comparison).
        stakeholder_maps: Stakeholder maps to show as Mendelow quadrants.
        series: More series to chart (e.g. a team's own monthly series), under their team
            or, without one of the network's teams, under the network (left out of one
            team's report).
        title: The report's title; the network's name by default.

    Returns:
        The HTML document as text (write it as UTF-8).

    Raises:
        ValidationError: bad arguments (every problem at once): not a network, documents
            of the wrong type, a ``today`` that is not a date, an unknown ``lang``, or a
            ``team`` that is not a team of the network.
    """
    form_list, checklist_list = list(forms), list(checklists)
    maps, series_list = list(stakeholder_maps), list(series)
    _check(
        network,
        forms=form_list,
        checklists=checklist_list,
        maps=maps,
        series=series_list,
        today=today,
        lang=lang,
        team=team,
        title=title,
    )
    teams = [t for t in network.teams if team is None or t.identifier == team]
    findings = review_network(network, today=today)
    if team is not None:
        findings = tuple(f for f in findings if _concerns_team(f.concerns or "", team))
    heading = _e(title if title is not None else network.name)
    sub = _e(network.theme)
    if team is not None:
        sub = f"{tr('team_report', lang)} {_e(teams[0].name)}. {sub}"
    sections = [
        (
            "overview",
            _overview(
                network,
                teams=teams,
                forms=form_list,
                checklists=checklist_list,
                today=today,
                lang=lang,
            ),
        ),
        ("gatherings", _gatherings(network, lang)),
        (
            "teams",
            _teams(network, teams=teams, forms=form_list, checklists=checklist_list, lang=lang),
        ),
        ("goals", _goals(network, teams, lang)),
        (
            "results",
            _results(network, teams=teams, forms=form_list, checklists=checklist_list, lang=lang),
        ),
        (
            "charts",
            _charts(
                network,
                teams=teams,
                forms=form_list,
                series=series_list,
                lang=lang,
                whole=team is None,
            ),
        ),
    ]
    if maps:
        sections.append(("stakeholders", _stakeholders(maps, lang)))
    sections.append(("findings", _findings(findings, today, lang)))
    toc = "".join(f'<li><a href="#{k}">{tr(k, lang)}</a></li>' for k, _ in sections)
    body = "".join(_section(k, lang, b) for k, b in sections)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="laeringsnettverk {_e(__version__)}">\n'
        f"<title>{heading}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{heading}</h1><p class="sub">{sub}</p>'
        f'<p class="sub">{tr("as_of", lang)} {today.isoformat()}</p></header>\n'
        f'<main><nav aria-label="{tr("contents", lang)}"><ol>{toc}</ol></nav>\n{body}</main>\n'
        f"<footer><p>{tr('footer', lang).format(_e(__version__))}</p></footer>\n"
        "</body>\n</html>\n"
    )
