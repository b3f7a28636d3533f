"""The report as one self-contained HTML file: inline CSS, inline SVG, no script.

Each section is built by its own module (``_overview``, ``_teams``, ``_goals``,
``_charts``, ``_stakeholders``) from the pieces in ``_page``, after ``_arguments``
has checked the arguments; this module puts the page together.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from laeringsnettverk._numbers import Lang
from laeringsnettverk._version import __version__
from laeringsnettverk.measurement import (
    Series,
)
from laeringsnettverk.network import (
    LearningNetwork,
    review_network,
)
from laeringsnettverk.report._arguments import _check, _concerns_team
from laeringsnettverk.report._charts import _charts
from laeringsnettverk.report._goals import _goals, _results
from laeringsnettverk.report._overview import _gatherings, _overview
from laeringsnettverk.report._page import _CSS, _e, _section
from laeringsnettverk.report._stakeholders import _findings, _stakeholders
from laeringsnettverk.report._teams import _teams
from laeringsnettverk.report._text import tr
from laeringsnettverk.stakeholders import (
    StakeholderMap,
)
from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm

__all__ = ["render_report"]


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
