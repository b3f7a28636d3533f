"""The report's charts section: a run chart per series, as inline SVG."""

from __future__ import annotations

from collections.abc import Sequence

from laeringsnettverk._numbers import Lang, fmt_number
from laeringsnettverk.charts import RunChart, Signal, run_chart
from laeringsnettverk.measurement import (
    PeriodUnit,
    Series,
    benefit_series,
)
from laeringsnettverk.network import (
    ImprovementTeam,
    LearningNetwork,
)
from laeringsnettverk.report._page import MIN_CHART_POINTS, _e, _note
from laeringsnettverk.report._svg import chart_svg
from laeringsnettverk.report._text import tr
from laeringsnettverk.toolkit import WhatMattersForm


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
