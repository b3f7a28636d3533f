"""The shareable report: one self-contained HTML file for a learning network or a team.

:func:`render_report` writes what a person at a municipality or in a research group needs
to read or share, with no Python: one HTML file with its CSS inline, its charts as inline
SVG, no script and no external asset, so it works offline and as an e-mail attachment.

It shows, for the network (or for one team with ``team=``):

- an overview and the network's periods (the current one marked);
- the gatherings with their time split (:meth:`~laeringsnettverk.network.Gathering.time_split`:
  lectures by the organisers, external lectures, group work and plenary);
- each team's status (:func:`~laeringsnettverk.network.network_status`), the preparation
  tasks done per package and the follow-up contacts between gatherings;
- the SMART(E) assessment of each goal (:func:`~laeringsnettverk.goals.assess_smart`);
- benefit and fidelity per action period with their n
  (:func:`~laeringsnettverk.measurement.network_results`);
- run charts of the perceived benefit per month, per team and for the network
  (:func:`~laeringsnettverk.charts.run_chart` of
  :func:`~laeringsnettverk.measurement.benefit_series`, and any ``series`` given), with the
  median, the signals and the changes tried;
- the stakeholder maps given, as Mendelow's quadrants (counts and categories);
- the review's findings with their advice (:func:`~laeringsnettverk.network.review_network`).

Norwegian by default, in the Norwegian number format (``2,0`` and ``80 %``); ``lang="en"``
for English. The same input gives the same bytes: the only date is ``today``, and nothing
is random. Everything taken from documents is HTML-escaped. Text typed about a person is
left out: activity names, notes, narratives, people's and actors' names (the report shows
numbers, teams, gatherings, goals' statements, the changes tried and the findings).

```pycon
>>> page = render_report_example(lang="en")
>>> page.startswith("<!DOCTYPE html>"), "<script" in page
(True, False)

```
"""

from __future__ import annotations

import datetime

from laeringsnettverk._numbers import Lang
from laeringsnettverk.report._html import render_report

__all__ = ["EXAMPLE_TODAY", "render_report", "render_report_example"]

EXAMPLE_TODAY = datetime.date(2025, 12, 1)
"""The date :func:`render_report_example` reports as of: after the example network's last
gathering (7 October 2025), so every review check applies; fixed, so the example's report
has the same bytes on every run."""


def render_report_example(*, lang: Lang = "nb", today: datetime.date = EXAMPLE_TODAY) -> str:
    """The report of the shipped example network (for ``laeringsnettverk report --example``).

    The example network with its forms and checklists
    (:func:`~laeringsnettverk.examples.load_example_network`), the example stakeholder map,
    and the example series (one team's perceived benefit over 18 months, with a change
    tried and a shift), as of :data:`EXAMPLE_TODAY` unless ``today`` is given.
    """
    from laeringsnettverk.examples import load_example, load_example_network

    example = load_example_network()
    return render_report(
        example.network,
        example.forms,
        example.checklists,
        today=today,
        lang=lang,
        stakeholder_maps=[load_example("stakeholder_map")],
        series=[load_example("series")],
    )
