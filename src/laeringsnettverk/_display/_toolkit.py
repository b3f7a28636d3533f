"""HTML for the toolkit's documents and a SMART goal's assessment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from laeringsnettverk._display._html import (
    DASH,
    caption,
    num,
    para,
    table,
    titled,
    wrap,
)
from laeringsnettverk._numbers import round_half_up

if TYPE_CHECKING:
    from laeringsnettverk.goals import SmartAssessment
    from laeringsnettverk.toolkit import (
        Benefit,
        CollaborationChecklist,
        KorRatings,
        WhatMattersForm,
    )

# -- the toolkit -------------------------------------------------------------------------------


def _benefit_lines(b: Benefit) -> list[str]:
    head = f"Opplevd nytte (perceived benefit) {b.from_conversation}.→{b.to_conversation}. samtale"
    if b.value is None:
        return [
            para(
                f"{head}: ingen (none): ingen aktivitet er scoret i begge samtalene "
                "(no activity scored at both)"
            )
        ]
    verdict = "nådd (reached)" if b.important else "ikke nådd (not reached)"
    lines = [
        caption(f"{head}: {num(b.value)} ({b.paired} parede aktiviteter (paired activities))"),
        para(
            f"Minste viktige endring (minimal important change) "
            f"{num(b.minimal_important_change)}: {verdict}"
        ),
    ]
    if b.unpaired:
        lines.append(
            para(
                f"{len(b.unpaired)} aktiviteter scoret i bare én av samtalene er utelatt "
                f"({len(b.unpaired)} activities scored at only one of them are left out)"
            )
        )
    return lines


def form(doc: WhatMattersForm) -> str:
    """A «Hva er viktig for meg»-form: scores per activity and conversation, means, benefit.

    The activities' names are shown (escaped): this is the person's own form.
    """
    from laeringsnettverk.toolkit._form import form_benefit

    s = doc.scale
    better = (
        "høyere er bedre (higher is better)"
        if s.higher_is_better
        else ("lavere er bedre (lower is better)")
    )
    head = ["Aktivitet (activity)"] + [
        f"{i}. samtale (conversation), {c.date.isoformat()}"
        for i, c in enumerate(doc.conversations, 1)
    ]
    rows = [
        [name] + [str(c.scores[name]) if name in c.scores else DASH for c in doc.conversations]
        for name in doc.activity_names
    ]
    parts = [
        titled(
            "«Hva er viktig for meg»-skjema (what matters to me form)",
            doc.identifier,
            ("team", doc.team),
        ),
        para(f"Skala (scale) {s.minimum}–{s.maximum}, {better}"),
        table(head, rows, foot=["Gjennomsnitt (mean)", *(num(m) for m in doc.means())]),
    ]
    if len(doc.conversations) >= 2:
        parts += _benefit_lines(form_benefit(doc))
    else:
        parts.append(
            para(
                "Opplevd nytte (perceived benefit): trenger en 2. samtale "
                "(needs a 2nd conversation)"
            )
        )
    return wrap(*parts)


def benefit(b: Benefit) -> str:
    """A perceived benefit: each paired activity's change, the means and the verdict."""
    rows = [[ch.activity, str(ch.before), str(ch.after), str(ch.change)] for ch in b.changes]
    foot = ["Gjennomsnitt (mean)", num(b.mean_from), num(b.mean_to), num(b.value)]
    head = ["Aktivitet (activity)", "Før (before)", "Etter (after)", "Endring (change)"]
    return wrap(*_benefit_lines(b), table(head, rows, foot=foot))


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
