"""The status of a learning network: where each team stands."""

from __future__ import annotations

import math
from collections.abc import Iterable

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.goals import assess_smart
from laeringsnettverk.improvement import Phase
from laeringsnettverk.network._network import LearningNetwork
from laeringsnettverk.network._team import ImprovementTeam, ProgressReport
from laeringsnettverk.scoring import round_half_up
from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm, form_benefit
from laeringsnettverk.toolkit._common import to_tuple

__all__ = ["NetworkStatus", "TeamStatus", "network_status"]


@attrs.frozen(kw_only=True)
class TeamStatus:
    """Where one team stands: projects, goals, preparation, forms, checklists, progress."""

    team: str
    """The team's identifier."""
    name: str
    """The team's name."""
    phases: tuple[Phase | None, ...] = attrs.field(converter=to_tuple)
    """The current phase of each of the team's projects, in order (``None`` before any)."""
    goals: int
    """How many current goals the team's projects have."""
    smart_goals: int
    """How many of them meet all six SMART(E) criteria."""
    tasks_done: int
    """Preparation tasks the team has completed, over all packages."""
    tasks_total: int
    """Preparation tasks in all packages."""
    forms_scored: int
    """The team's «Hva er viktig for meg»-forms with at least one score."""
    mean_benefit: float | None
    """Mean perceived benefit (1st → 2nd conversation) over the forms that have one."""
    mean_fidelity: float | None
    """Mean program fidelity (0..1) over the team's collaboration checklists."""
    contacts: int
    """Follow-up contacts with the team."""
    progress: tuple[ProgressReport, ...] = attrs.field(converter=to_tuple)
    """The team's progress reports, in date order (the history)."""

    @property
    def progress_score(self) -> float | None:
        """The latest progress score, or ``None`` before any report."""
        return self.progress[-1].score if self.progress else None

    @property
    def preparation(self) -> float | None:
        """Preparation completion as a share (0..1), or ``None`` without tasks."""
        return self.tasks_done / self.tasks_total if self.tasks_total else None


@attrs.frozen(kw_only=True)
class NetworkStatus:
    """The result of :func:`network_status`: one :class:`TeamStatus` per team.

    ``str()`` gives a table for people, Norwegian headings with English beside them.
    """

    network: str
    """The network's name."""
    teams: tuple[TeamStatus, ...] = attrs.field(converter=to_tuple)
    """One status per team, in the network's order."""

    def team(self, identifier: str) -> TeamStatus:
        """The status of one team, by its identifier.

        Raises:
            ValidationError: when there is no such team.
        """
        for status in self.teams:
            if status.team == identifier:
                return status
        c = Checker()
        c.add(("team",), "is not a team of the network", identifier)
        c.done()
        raise AssertionError  # pragma: no cover

    def __str__(self) -> str:
        head = (
            "Team",
            "Fase (phase)",
            "SMART",
            "Forberedelse (preparation)",
            "Skjema (forms)",
            "Nytte (benefit)",
            "Programoppfyllelse (fidelity)",
            "Fremdrift (progress)",
        )
        rows = [head]
        for s in self.teams:
            phases = ", ".join(p.label_nb if p else "-" for p in s.phases) or "-"
            prep = f"{s.tasks_done}/{s.tasks_total}"
            benefit = "-" if s.mean_benefit is None else f"{round_half_up(s.mean_benefit):.1f}"
            fidelity = (
                "-" if s.mean_fidelity is None else f"{round_half_up(s.mean_fidelity * 100):.1f} %"
            )
            score = "-" if s.progress_score is None else f"{s.progress_score:.1f}"
            rows.append(
                (
                    s.team,
                    phases,
                    f"{s.smart_goals}/{s.goals}",
                    prep,
                    str(s.forms_scored),
                    benefit,
                    fidelity,
                    score,
                )
            )
        widths = [max(len(r[k]) for r in rows) for k in range(len(head))]
        lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
                 for r in rows]  # fmt: skip
        return "\n".join([self.network, *lines])

    def _repr_html_(self) -> str:
        from laeringsnettverk import _display

        return _display.network_status(self)


def _benefit(form: WhatMattersForm) -> float | None:
    """Benefit 1st → 2nd over the activities scored at both, without warning."""
    if len(form.conversations) < 2:
        return None
    return form_benefit(form).value


def _mean(values: list[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def _belongs(team: ImprovementTeam, doc: WhatMattersForm | CollaborationChecklist) -> bool:
    refs = team.forms if isinstance(doc, WhatMattersForm) else team.checklists
    return doc.team == team.identifier or (doc.identifier is not None and doc.identifier in refs)


def network_status(
    network: LearningNetwork,
    forms: Iterable[WhatMattersForm] = (),
    checklists: Iterable[CollaborationChecklist] = (),
) -> NetworkStatus:
    """Where each team of the network stands.

    Per team: the current phase of each project, how many of its goals are SMART (all six
    criteria of :func:`~laeringsnettverk.goals.assess_smart`), preparation tasks done, the
    number of its forms scored, the mean perceived benefit (1st → 2nd conversation, over
    the activities scored at both) and the mean program fidelity of its checklists, the
    number of follow-up contacts, and its progress reports. A form or checklist belongs to
    a team when its ``team`` field is the team's identifier, or when the team lists its
    ``identifier``.

    ```pycon
    >>> from laeringsnettverk.network import load_example_network
    >>> example = load_example_network()
    >>> status = network_status(example.network, example.forms, example.checklists)
    >>> bodoe = status.team("team-bodoe")
    >>> bodoe.forms_scored, bodoe.mean_benefit, bodoe.progress_score
    (2, 2.75, 3.5)

    ```
    """
    c = Checker()
    if not isinstance(network, LearningNetwork):
        c.add(("network",), "must be a LearningNetwork", type(network).__name__)
    form_list = list(forms)
    checklist_list = list(checklists)
    c.instances(("forms",), tuple(form_list), WhatMattersForm)
    c.instances(("checklists",), tuple(checklist_list), CollaborationChecklist)
    c.done()
    out = []
    for team in network.teams:
        goals = [g for p in team.projects for g in p.goals]
        own_forms = [f for f in form_list if _belongs(team, f)]
        own_checklists = [x for x in checklist_list if _belongs(team, x)]
        benefits = [b for f in own_forms if (b := _benefit(f)) is not None]
        out.append(
            TeamStatus(
                team=team.identifier,
                name=team.name,
                phases=[p.current_phase for p in team.projects],
                goals=len(goals),
                smart_goals=sum(assess_smart(g).all_met for g in goals),
                tasks_done=sum(len(pk.done_by(team.identifier)) for pk in network.packages),
                tasks_total=sum(len(pk.tasks) for pk in network.packages),
                forms_scored=sum(any(cv.scores for cv in f.conversations) for f in own_forms),
                mean_benefit=_mean(benefits),
                mean_fidelity=_mean([x.fidelity() for x in own_checklists]),
                contacts=sum(x.team == team.identifier for x in network.contacts),
                progress=team.progress,
            )
        )
    return NetworkStatus(network=network.name, teams=out)
