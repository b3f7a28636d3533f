"""HTML for a «Hva er viktig for meg» form and its benefit."""

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

if TYPE_CHECKING:
    from laeringsnettverk.toolkit import (
        Benefit,
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
    from laeringsnettverk.toolkit._benefit import form_benefit

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
