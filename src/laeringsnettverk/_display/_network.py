"""HTML and ``repr`` for a network's status and its results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from laeringsnettverk._display._html import (
    DASH,
    MAX_ROWS,
    capped,
    caption,
    num,
    para,
    percent,
    table,
    wrap,
)

if TYPE_CHECKING:
    from laeringsnettverk.measurement import NetworkResults
    from laeringsnettverk.network import NetworkStatus


# -- networks and measurement over time ------------------------------------------------------


def network_status(status: NetworkStatus) -> str:
    """Where each team of a network stands, one row per team (as ``str()`` prints it)."""
    rows = [
        [
            s.team,
            s.name,
            ", ".join(p.label if p else DASH for p in s.phases) or DASH,
            f"{s.smart_goals}/{s.goals}",
            f"{s.tasks_done}/{s.tasks_total}",
            str(s.forms_scored),
            num(s.mean_benefit),
            percent(s.mean_fidelity),
            str(s.contacts),
            num(s.progress_score),
        ]
        for s in status.teams[:MAX_ROWS]
    ]
    head = [
        "Team",
        "Navn (name)",
        "Fase (phase)",
        "SMART",
        "Forberedelse (preparation)",
        "Skjema (forms)",
        "Nytte (benefit)",
        "Programoppfyllelse (fidelity)",
        "Kontakter (contacts)",
        "Fremdrift (progress)",
    ]
    return wrap(
        caption(f"{status.network}: status per team"),
        table(head, rows),
        capped(len(status.teams)),
    )


def network_results(results: NetworkResults) -> str:
    """A network's results per period, team by team then the network (first rows only)."""
    rows = []
    for r in results.rows[:MAX_ROWS]:
        b = r.benefit
        ci = (
            DASH
            if b is None or b.lower is None or b.upper is None
            else f"{num(b.lower)} til (to) {num(b.upper)}"
        )
        rows.append(
            [
                r.period.code,
                r.team or "nettverket (the network)",
                str(r.forms),
                num(None if b is None else b.mean),
                ci,
                str(r.improved),
                str(r.important),
                str(r.checklists),
                percent(r.fidelity),
            ]
        )
    head = [
        "Periode (period)",
        "Team",
        "n",
        "Nytte (benefit)",
        "95 % KI (CI)",
        "Bedre (improved)",
        "Viktig endring (important)",
        "Sjekklister (checklists)",
        "Programoppfyllelse (fidelity)",
    ]
    parts = [
        caption(f"{results.network}: resultater per periode (results per period)"),
        para(f"Perioder (periods): {results.unit.label}, {len(results.periods)}"),
        table(head, rows),
        capped(len(results.rows)),
    ]
    lost = (
        len(results.forms_not_in_network),
        len(results.forms_outside_periods),
        len(results.checklists_not_in_network),
        len(results.checklists_not_placed),
    )
    if any(lost):
        parts.append(
            para(
                f"Ikke med (left out): {lost[0]} skjema utenfor nettverkets team (forms not of "
                f"the network's teams), {lost[1]} skjema utenfor periodene (forms outside the "
                f"periods), {lost[2]} sjekklister utenfor team (checklists not of its teams), "
                f"{lost[3]} sjekklister uten dato/periode (checklists without date or period)"
            )
        )
    return wrap(*parts)


def network_results_repr(results: NetworkResults) -> str:
    """``NetworkResults(network=..., unit=..., periods=3, rows=18, left_out=0)``."""
    left_out = (
        len(results.forms_not_in_network)
        + len(results.forms_outside_periods)
        + len(results.checklists_not_in_network)
        + len(results.checklists_not_placed)
    )
    return (
        f"NetworkResults(network={results.network!r}, unit={results.unit!r}, "
        f"periods={len(results.periods)}, rows={len(results.rows)}, left_out={left_out})"
    )
