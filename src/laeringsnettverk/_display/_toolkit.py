"""HTML for a collaboration checklist, KOR ratings and a SMART goal's assessment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from laeringsnettverk._display._html import (
    DASH,
    caption,
    num,
    table,
    titled,
    wrap,
)
from laeringsnettverk._rounding import round_half_up

if TYPE_CHECKING:
    from laeringsnettverk.goals import SmartAssessment
    from laeringsnettverk.toolkit import (
        CollaborationChecklist,
        KorRatings,
    )


def checklist(doc: CollaborationChecklist) -> str:
    """A collaboration checklist: each item's status, value, date and note; program fidelity."""
    rows = [
        [
            str(i),
            item.status.label,
            item.text,
            num(item.value),
            DASH if item.date is None else item.date.isoformat(),
            item.note or "",
        ]
        for i, item in enumerate(doc.items, 1)
    ]
    head = [
        "Nr. (no.)",
        "Status",
        "Tiltak (item)",
        "Verdi (value)",
        "Dato (date)",
        "Merknad (note)",
    ]
    return wrap(
        titled(
            "Sjekkliste for samhandling (collaboration checklist)",
            doc.identifier,
            ("dato (date)", None if doc.date is None else doc.date.isoformat()),
            ("team", doc.team),
        ),
        table(head, rows),
        caption(
            f"Programoppfyllelse (program fidelity): {doc.points} av (of) {doc.max_points} "
            f"poeng (points) = {num(doc.percent())} %"
        ),
    )


def kor(doc: KorRatings) -> str:
    """KOR ratings: ORS and SRS totals per session, the flags, and the ORS change."""
    rows = []
    for i, s in enumerate(doc.sessions, 1):
        flags = []
        if s.ors is not None and s.ors.clinical:
            flags.append("ORS < 25: klinisk område (clinical range)")
        if s.srs is not None and s.srs.alliance_warning:
            flags.append("SRS < 36: sjekk alliansen (check the alliance)")
        rows.append(
            [
                str(i),
                s.date.isoformat(),
                DASH if s.ors is None else num(s.ors.total),
                DASH if s.srs is None else num(s.srs.total),
                "; ".join(flags),
            ]
        )
    parts = [
        titled("KOR (ORS / SRS)", doc.identifier, ("team", doc.team)),
        table(["Økt (session)", "Dato (date)", "ORS", "SRS", "Merknad (note)"], rows),
    ]
    ends = (doc.sessions[0], doc.sessions[-1]) if len(doc.sessions) >= 2 else ()
    if ends and all(s.ors is not None for s in ends):
        change = doc.ors_change()
        verdict = "pålitelig (reliable)" if change.reliable else "ikke pålitelig (not reliable)"
        parts.append(
            caption(
                f"Endring i ORS (ORS change) {change.from_session}.→{change.to_session}. økt: "
                f"{round_half_up(change.change):+.1f}: {verdict}"
            )
        )
    return wrap(*parts)


def smart_assessment(a: SmartAssessment) -> str:
    """A SMART(E) assessment: each criterion met or not, with its reason in both languages."""
    rows = [
        [r.criterion.label, "✓" if r.passed else "✗", r.reason_nb, r.reason_en] for r in a.results
    ]
    return wrap(
        caption(f"SMARTE [{a.letters()}]: {a.met} av 6 oppfylt ({a.met} of 6 met)"),
        table(
            ["Kriterium (criterion)", "Oppfylt (met)", "Begrunnelse", "Reason"],
            rows,
        ),
    )
