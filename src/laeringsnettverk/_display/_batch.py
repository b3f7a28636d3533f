"""HTML and ``repr`` for a JSON Lines batch (duck-typed: counts and numbers, no free text)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from laeringsnettverk._display._html import (
    BATCH_LINE_NUMBERS,
    BATCH_ROWS,
    DASH,
    capped,
    caption,
    num,
    para,
    table,
    wrap,
)

# -- batches -----------------------------------------------------------------------------------


def _document_summary(doc: object) -> str:
    """One line of numbers for a loaded document (no free text about a person)."""
    from laeringsnettverk.toolkit import CollaborationChecklist, KorRatings, WhatMattersForm
    from laeringsnettverk.toolkit._benefit import form_benefit

    if isinstance(doc, WhatMattersForm):
        text = "gj.snitt (means) " + " → ".join(num(m) for m in doc.means())
        if len(doc.conversations) >= 2:
            text += f"; nytte (benefit) {num(form_benefit(doc).value)}"
        return text
    if isinstance(doc, CollaborationChecklist):
        return f"programoppfyllelse (fidelity) {num(doc.percent())} %"
    if isinstance(doc, KorRatings):
        return "ORS " + " → ".join(num(t) for t in doc.ors_totals())
    return ""


def _kind(doc: object) -> str:
    from laeringsnettverk.kinds import kind_of

    kind = kind_of(doc)
    return type(doc).__name__ if kind is None else kind.code


class Batch(Protocol):
    """What the display reads of a batch (:class:`~laeringsnettverk.serialization.BatchResult`).

    Duck-typed, so this module needs nothing from the loader's layer.
    """

    @property
    def loaded(self) -> Sequence[tuple[int, object]]:
        """``(line number, document)`` of each line that loaded."""

    @property
    def errors(self) -> Sequence[Any]:
        """Each bad line: ``.line``, ``.problems`` (each with ``.render``) and ``.omitted``."""


def batch(result: Batch) -> str:
    """A JSON Lines batch: how many loaded, the bad lines' numbers, and the first rows of each.

    Bounded whatever the batch's size: :data:`BATCH_ROWS` documents and bad lines, and the
    numbers of the first :data:`BATCH_LINE_NUMBERS` bad lines.
    """
    n_ok, n_bad = len(result.loaded), len(result.errors)
    numbers = [str(e.line) for e in result.errors[:BATCH_LINE_NUMBERS]]
    if n_bad > BATCH_LINE_NUMBERS:
        numbers.append(f"… (og {n_bad - BATCH_LINE_NUMBERS} flere (and more))")
    parts = [
        caption(
            f"JSON Lines: {n_ok} dokumenter lastet (documents loaded), "
            f"{n_bad} feil linjer (bad lines)"
        )
    ]
    if numbers:
        parts.append(para("Feil på linje (bad lines): " + ", ".join(numbers)))
    if n_ok:
        rows = [
            [
                str(line),
                _kind(doc),
                getattr(doc, "identifier", None) or DASH,
                getattr(doc, "team", None) or DASH,
                _document_summary(doc),
            ]
            for line, doc in result.loaded[:BATCH_ROWS]
        ]
        head = ["Linje (line)", "Type (kind)", "Id", "Team", "Tall (numbers)"]
        parts += [table(head, rows), capped(n_ok, BATCH_ROWS)]
    if n_bad:
        rows = [
            [
                str(e.line),
                str(len(e.problems) + e.omitted),
                e.problems[0].render("json") if e.problems else DASH,
            ]
            for e in result.errors[:BATCH_ROWS]
        ]
        head = ["Linje (line)", "Problemer (problems)", "Første problem (first problem)"]
        parts += [table(head, rows), capped(n_bad, BATCH_ROWS)]
    return wrap(*parts)


def batch_repr(result: Batch) -> str:
    """``BatchResult(loaded=4998, errors=2, bad_lines=[3, 17])``: counts, never the documents."""
    lines = ", ".join(str(e.line) for e in result.errors[:5])
    more = ", ..." if len(result.errors) > 5 else ""
    return (
        f"BatchResult(loaded={len(result.loaded)}, errors={len(result.errors)}, "
        f"bad_lines=[{lines}{more}])"
    )
