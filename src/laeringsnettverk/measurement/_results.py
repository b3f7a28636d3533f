"""A learning network's results per period: each team's and the network's numbers."""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.measurement._periods import (
    MeasurementPeriod,
    PeriodUnit,
    action_periods,
    periods_between,
)
from laeringsnettverk.network import LearningNetwork
from laeringsnettverk.scoring import MINIMAL_IMPORTANT_CHANGE, is_important_change, round_half_up
from laeringsnettverk.stats import MeanEstimate, Share, mean_estimate, share
from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm, form_benefit
from laeringsnettverk.toolkit._common import to_tuple

__all__ = ["GroupResult", "NetworkResults", "network_periods", "network_results"]


def network_periods(network: LearningNetwork) -> tuple[MeasurementPeriod, ...]:
    """The action periods between a network's gatherings, in date order.

    Raises:
        ValidationError: ``network`` is not a LearningNetwork, or it has fewer than two
            gatherings.
    """
    if not isinstance(network, LearningNetwork):
        c = Checker()
        c.add(("network",), "must be a LearningNetwork", type(network).__name__)
        c.done()
    return action_periods((g.first_day, g.last_day) for g in network.gatherings_in_order)


@attrs.frozen(kw_only=True)
class GroupResult:
    """One team's (or the whole network's) numbers in one period."""

    period: MeasurementPeriod
    """The period."""
    team: str | None
    """The team's identifier; ``None`` for the whole network."""
    forms: int
    """Forms with a perceived benefit whose 2nd conversation falls in the period."""
    benefit: MeanEstimate | None
    """Mean perceived benefit with its 95 % confidence interval; ``None`` without forms."""
    improved: Share
    """How many of the forms show a benefit above 0."""
    important: Share
    """How many of the forms reach the minimal important change."""
    checklists: int
    """Collaboration checklists dated in the period."""
    fidelity: float | None
    """Mean program fidelity (0..1) of those checklists; ``None`` without any."""


def _fmt(value: float | None, *, percent: bool = False) -> str:
    if value is None:
        return "-"
    if percent:
        return f"{round_half_up(value * 100):.1f} %"
    return f"{round_half_up(value):.1f}"


@attrs.frozen(kw_only=True)
class NetworkResults:
    """The result of :func:`network_results`: rows per period, team by team, then the network.

    The documents that could not be placed are listed by their position in the input:
    never silently dropped.
    """

    network: str
    """The network's name."""
    unit: PeriodUnit
    """How the periods were made."""
    periods: tuple[MeasurementPeriod, ...] = attrs.field(converter=to_tuple)
    """The periods, in order."""
    rows: tuple[GroupResult, ...] = attrs.field(converter=to_tuple)
    """For each period: one row per team in the network's order, then the network's row."""
    forms_not_in_network: tuple[int, ...] = attrs.field(converter=to_tuple)
    """Positions of forms whose team is not a team of the network (or is not given)."""
    forms_outside_periods: tuple[int, ...] = attrs.field(converter=to_tuple)
    """Positions of forms with a benefit whose 2nd conversation falls in no period."""
    checklists_not_in_network: tuple[int, ...] = attrs.field(converter=to_tuple)
    """Positions of checklists whose team is not a team of the network (or is not given)."""
    checklists_not_placed: tuple[int, ...] = attrs.field(converter=to_tuple)
    """Positions of checklists without a date, or dated in no period."""

    def row(self, period: str, team: str | None = None) -> GroupResult:
        """The row of one period (by its code) and team (``None``: the network).

        Raises:
            ValidationError: no such row.
        """
        for r in self.rows:
            if r.period.code == period and r.team == team:
                return r
        c = Checker()
        c.add(("period",), "has no row for this period and team", period)
        c.done()
        raise AssertionError  # pragma: no cover

    def __str__(self) -> str:
        head = (
            "Periode (period)",
            "Team",
            "n",
            "Nytte (benefit)",
            "95 % KI (CI)",
            "Bedre (improved)",
            "Viktig endring (important)",
            "Programoppfyllelse (fidelity)",
        )
        rows = [head]
        for r in self.rows:
            b = r.benefit
            ci = (
                "-"
                if b is None or b.lower is None or b.upper is None
                else f"{_fmt(b.lower)} til {_fmt(b.upper)}"
            )
            rows.append(
                (
                    r.period.code,
                    r.team or "nettverket",
                    str(r.forms),
                    _fmt(None if b is None else b.mean),
                    ci,
                    str(r.improved),
                    str(r.important),
                    _fmt(r.fidelity, percent=True),
                )
            )
        widths = [max(len(row[k]) for row in rows) for k in range(len(head))]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in rows
        ]
        lost = (
            len(self.forms_not_in_network),
            len(self.forms_outside_periods),
            len(self.checklists_not_in_network),
            len(self.checklists_not_placed),
        )
        if any(lost):
            lines.append(
                f"Ikke med (left out): {lost[0]} skjema utenfor nettverkets team (forms not of "
                f"the network's teams), {lost[1]} skjema utenfor periodene (forms outside the "
                f"periods), {lost[2]} sjekklister utenfor team (checklists not of its teams), "
                f"{lost[3]} sjekklister uten dato/periode (checklists without date or period)"
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        from laeringsnettverk import _display

        return _display.network_results_repr(self)

    def _repr_html_(self) -> str:
        from laeringsnettverk import _display

        return _display.network_results(self)


def _group(
    period: MeasurementPeriod,
    team: str | None,
    benefits: list[float],
    fidelities: list[float],
    mic: float,
) -> GroupResult:
    return GroupResult(
        period=period,
        team=team,
        forms=len(benefits),
        benefit=mean_estimate(benefits) if benefits else None,
        improved=share(v > 0 for v in benefits),
        important=share(is_important_change(v, mic) for v in benefits),
        checklists=len(fidelities),
        fidelity=math.fsum(fidelities) / len(fidelities) if fidelities else None,
    )


def _place(periods: tuple[MeasurementPeriod, ...], day: datetime.date) -> int | None:
    for k, period in enumerate(periods):
        if period.contains(day):
            return k
    return None


def _scored_forms(
    forms: list[WhatMattersForm], known: set[str], mic: float
) -> tuple[list[tuple[int, str, datetime.date, float]], list[int]]:
    """(position, team, date of the 2nd conversation, benefit), and forms of other teams."""
    scored: list[tuple[int, str, datetime.date, float]] = []
    not_in_network: list[int] = []
    for i, form in enumerate(forms):
        if form.team is None or form.team not in known:
            not_in_network.append(i)
        elif len(form.conversations) >= 2:
            value = form_benefit(form, minimal_important_change=mic).value
            if value is not None:
                scored.append((i, form.team, form.conversations[1].date, value))
    return scored, not_in_network


def _team_checklists(
    checklists: list[CollaborationChecklist], known: set[str]
) -> tuple[list[tuple[int, str, datetime.date | None, float]], list[int]]:
    """(position, team, date, fidelity), and checklists of other teams."""
    checks: list[tuple[int, str, datetime.date | None, float]] = []
    not_in_network: list[int] = []
    for i, checklist in enumerate(checklists):
        if checklist.team is None or checklist.team not in known:
            not_in_network.append(i)
        else:
            checks.append((i, checklist.team, checklist.date, checklist.fidelity()))
    return checks, not_in_network


def network_results(
    network: LearningNetwork,
    forms: Iterable[WhatMattersForm],
    checklists: Iterable[CollaborationChecklist] = (),
    *,
    unit: PeriodUnit = PeriodUnit.ACTION_PERIOD,
    minimal_important_change: float = MINIMAL_IMPORTANT_CHANGE,
) -> NetworkResults:
    """Each team's and the network's results per period.

    Per period and team: the forms with a perceived benefit whose 2nd conversation falls
    in the period, their mean benefit with a 95 % confidence interval (Student's t), the
    share improved (benefit above 0) and the share reaching the minimal important change;
    the checklists dated in the period and their mean program fidelity. Periods are the
    action periods between the gatherings (default), or every month or quarter from the
    first to the last dated document. Forms and checklists whose team is not in the network,
    or that fall in no period, are listed by position in :class:`NetworkResults`.
    """
    c = Checker()
    if not isinstance(network, LearningNetwork):
        c.add(("network",), "must be a LearningNetwork", type(network).__name__)
    c.member(("unit",), unit, PeriodUnit)
    if c.number(("minimal_important_change",), minimal_important_change) and not (
        minimal_important_change > 0
    ):
        c.add(("minimal_important_change",), "must be > 0", minimal_important_change)
    form_list, checklist_list = list(forms), list(checklists)
    c.instances(("forms",), tuple(form_list), WhatMattersForm)
    c.instances(("checklists",), tuple(checklist_list), CollaborationChecklist)
    c.done()
    teams = [t.identifier for t in network.teams]
    scored, not_in_network = _scored_forms(form_list, set(teams), minimal_important_change)
    checks, checks_not_in_network = _team_checklists(checklist_list, set(teams))
    if unit is PeriodUnit.ACTION_PERIOD:
        periods = network_periods(network)
    else:
        dates = [d for _, _, d, _ in scored] + [d for _, _, d, _ in checks if d is not None]
        periods = periods_between(unit, min(dates), max(dates)) if dates else ()

    benefit_bins: dict[tuple[int, str], list[float]] = {}
    fidelity_bins: dict[tuple[int, str], list[float]] = {}
    outside: list[int] = []
    for i, team, day, value in scored:
        k = _place(periods, day)
        if k is None:
            outside.append(i)
        else:
            benefit_bins.setdefault((k, team), []).append(value)
    not_placed: list[int] = []
    for i, team, maybe_day, fidelity in checks:
        k = None if maybe_day is None else _place(periods, maybe_day)
        if k is None:
            not_placed.append(i)
        else:
            fidelity_bins.setdefault((k, team), []).append(fidelity)

    rows: list[GroupResult] = []
    for k, period in enumerate(periods):
        all_benefits: list[float] = []
        all_fidelities: list[float] = []
        for team in teams:
            b = benefit_bins.get((k, team), [])
            f = fidelity_bins.get((k, team), [])
            all_benefits += b
            all_fidelities += f
            rows.append(_group(period, team, b, f, minimal_important_change))
        rows.append(_group(period, None, all_benefits, all_fidelities, minimal_important_change))
    return NetworkResults(
        network=network.name,
        unit=unit,
        periods=periods,
        rows=rows,
        forms_not_in_network=not_in_network,
        forms_outside_periods=outside,
        checklists_not_in_network=checks_not_in_network,
        checklists_not_placed=not_placed,
    )
