"""The report's arguments, checked all at once before anything is drawn."""

from __future__ import annotations

from collections.abc import Sequence

from laeringsnettverk._checks import Checker
from laeringsnettverk._numbers import check_lang
from laeringsnettverk.measurement import (
    Series,
)
from laeringsnettverk.network import (
    LearningNetwork,
)
from laeringsnettverk.stakeholders import (
    StakeholderMap,
)
from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm

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
