"""The numbers of a scored document, as one frozen result: :func:`summarize`.

What ``laeringsnettverk score`` prints, for a program: a «Hva er viktig for meg»-form's
means and perceived benefit, a collaboration checklist's program fidelity, KOR's ORS and
SRS totals and ORS change, and a SMART goal's assessment. :meth:`Summary.to_dict` gives
the same keys whatever the document; ``str()`` a table in Norwegian with English beside it,
and :meth:`Summary.format` the table in English (``lang="en"``).

A form with fewer than two conversations is a normal state in a record system: its summary
has no benefit and says why (:attr:`Summary.reason`), it is not an error. Nothing here
warns: the benefit is :func:`~laeringsnettverk.toolkit.form_benefit`'s, and
:attr:`Summary.unpaired` counts the activities scored at only one of the two
conversations (the case :meth:`~laeringsnettverk.toolkit.WhatMattersForm.benefit` warns of),
so a caller can warn in its own way.

```pycon
>>> from laeringsnettverk.examples import load_example
>>> summary = summarize(load_example("form"))
>>> summary.means, summary.benefit, summary.important_change
((2.0, 5.0), 3.0, True)
>>> print(summary)
«Hva er viktig for meg»-skjema (what matters to me form): eksempel-skjema-1
Samtale (conversation)   Gjennomsnitt (mean)
1. samtale                               2,0
2. samtale                               5,0
Opplevd nytte (perceived benefit) 1.→2. samtale: 3,0 (4 parvise, paired)
Minste viktige endring (minimal important change) 2,0: nådd (reached)
>>> summarize(load_example("form").conversations[0]) # doctest: +ELLIPSIS
Traceback (most recent call last):
...
laeringsnettverk.errors.ValidationError: kind: 'Conversation' cannot be summarized; ...

```
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._numbers import DASH, Lang, check_lang, fmt_number, fmt_percent
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.kinds import kind_of
from laeringsnettverk.toolkit._common import freeze_map

__all__ = ["SUMMARY_KEYS", "Summary", "summarize"]

SUMMARY_KEYS: tuple[str, ...] = (
    "kind",
    "identifier",
    "means",
    "benefit",
    "paired",
    "unpaired",
    "improved",
    "important_change",
    "minimal_important_change",
    "points",
    "max_points",
    "fidelity",
    "percent",
    "ors_totals",
    "srs_totals",
    "ors_clinical",
    "srs_alliance_warning",
    "ors_change",
    "reliable_change",
    "met",
    "letters",
    "criteria",
    "reason",
    "reason_nb",
    "reason_en",
)
"""The keys of :meth:`Summary.to_dict`, in order: the same for every kind of document."""


_REASONS: dict[str, tuple[str, str]] = {
    "no_conversation": (
        "Skjemaet har ingen samtale ennå.",
        "The form has no conversation yet.",
    ),
    "only_one_conversation": (
        "Bare én samtale: opplevd nytte trenger en 2. samtale.",
        "Only one conversation: the perceived benefit needs a 2nd conversation.",
    ),
    "no_paired_activity": (
        "Ingen aktivitet er scoret ved både 1. og 2. samtale.",
        "No activity was scored at both the 1st and the 2nd conversation.",
    ),
    "no_session": ("Ingen økt er registrert.", "No session is recorded."),
    "only_one_session": (
        "Bare én økt: endring i ORS trenger to økter.",
        "Only one session: an ORS change needs two sessions.",
    ),
    "no_ors_at_both": (
        "ORS mangler ved første eller siste økt.",
        "ORS is missing at the first or the last session.",
    ),
}
"""Why a number is absent: code → (Norwegian, English). The codes are stable."""


def _read_only(value: Mapping[str, bool] | None) -> Mapping[str, bool] | None:
    return None if value is None else freeze_map(value)


@attrs.frozen(kw_only=True)
class Summary:
    """The numbers of one scored document (what ``laeringsnettverk score`` prints).

    Fields that do not apply to the document's kind are ``None``. Numbers keep full
    precision; the table rounds them for display, half up (see
    :func:`~laeringsnettverk.scoring.round_half_up`).
    """

    kind: str
    """The document kind: ``"form"``, ``"checklist"``, ``"kor"`` or ``"goal"``."""
    identifier: str | None = None
    """The document's identifier, if it has one."""
    means: tuple[float | None, ...] | None = None
    """Form: the mean score of each conversation (``None`` where nothing was scored)."""
    benefit: float | None = None
    """Form: perceived benefit, 1st → 2nd conversation, over the activities scored at both;
    ``None`` when there is none (see :attr:`reason`)."""
    paired: int | None = None
    """Form: activities scored at both the 1st and the 2nd conversation (0 before a 2nd)."""
    unpaired: int | None = None
    """Form: activities scored at only one of the 1st and the 2nd conversation (left out of
    the benefit; 0 before a 2nd conversation)."""
    improved: bool | None = None
    """Form: the benefit is above 0; ``None`` without a benefit."""
    important_change: bool | None = None
    """Form: the benefit reaches the minimal important change; ``None`` without a benefit."""
    minimal_important_change: float | None = None
    """Form: the threshold used (2.0 points), once the form has a 2nd conversation."""
    points: int | None = None
    """Checklist: points, one for each item done or not relevant."""
    max_points: int | None = None
    """Checklist: the highest possible sum, the number of items."""
    fidelity: float | None = None
    """Checklist: program fidelity, ``points / max_points`` (0..1)."""
    percent: float | None = None
    """Checklist: program fidelity in percent, rounded half up to one decimal."""
    ors_totals: tuple[float | None, ...] | None = None
    """KOR: the ORS total of each session (``None`` where ORS was not taken)."""
    srs_totals: tuple[float | None, ...] | None = None
    """KOR: the SRS total of each session (``None`` where SRS was not taken)."""
    ors_clinical: tuple[bool | None, ...] | None = None
    """KOR: per session, whether the ORS total is in the clinical range (below 25)."""
    srs_alliance_warning: tuple[bool | None, ...] | None = None
    """KOR: per session, whether the SRS total is below 36 (check the alliance)."""
    ors_change: float | None = None
    """KOR: ORS change from the first to the last session; ``None`` when there is none."""
    reliable_change: bool | None = None
    """KOR: the ORS change is reliable (5 points or more either way)."""
    met: int | None = None
    """Goal: how many of the six SMART(E) criteria it meets."""
    letters: str | None = None
    """Goal: the criteria met as letters, a dash for each not met (``"-M-R-E"``)."""
    criteria: Mapping[str, bool] | None = attrs.field(
        default=None, converter=_read_only, hash=False
    )
    """Goal: each criterion's letter → met, in the order S, M, A, R, T, E."""
    reason: str | None = None
    """Why the main number is absent (a stable code), e.g. ``"only_one_conversation"``;
    ``None`` when nothing is missing."""
    reason_nb: str | None = None
    """The reason in Norwegian."""
    reason_en: str | None = None
    """The reason in English."""

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data with the keys :data:`SUMMARY_KEYS`, always all.

        Tuples become lists; the criteria a plain dict.
        """
        out: dict[str, Any] = {}
        for key in SUMMARY_KEYS:
            value = getattr(self, key)
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Mapping):
                value = dict(value)
            out[key] = value
        return out

    def format(self, lang: Lang = "nb") -> str:
        """The summary as a table: Norwegian with English beside it (``"nb"``) or English.

        Raises:
            ValidationError: an unknown ``lang``.
        """
        c = Checker()
        check_lang(c, lang)
        c.done()
        return "\n".join(_TABLES[self.kind](self, lang))

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if self.kind not in _SUMMARIES:
            c.add(("kind",), "must be one of " + ", ".join(_SUMMARIES), self.kind)
        sessions = [len(v) for v in self._kor_columns() if v is not None]
        if len(set(sessions)) > 1:
            c.add(("ors_totals",), "and the other KOR columns must have one value per session")
        c.done()

    def _kor_columns(self) -> tuple[tuple[object, ...] | None, ...]:
        return (self.ors_totals, self.srs_totals, self.ors_clinical, self.srs_alliance_warning)

    def __str__(self) -> str:
        return self.format("nb")


def _t(lang: Lang, nb: str, en: str, *, cap: bool = True) -> str:
    """Norwegian with the English beside it, or the English alone (``cap``: capitalised)."""
    if lang == "nb":
        return f"{nb} ({en})"
    return en[0].upper() + en[1:] if cap else en


def _head(s: Summary, lang: Lang, nb: str, en: str) -> str:
    title = _t(lang, nb, en)
    return f"{title}: {s.identifier}" if s.identifier else title


def _reason(s: Summary, lang: Lang) -> str:
    return str(s.reason_nb if lang == "nb" else s.reason_en)


def _form_lines(s: Summary, lang: Lang) -> list[str]:
    lines = [
        _head(s, lang, "«Hva er viktig for meg»-skjema", "what matters to me form"),
    ]
    means = s.means or ()
    if means:
        left = _t(lang, "Samtale", "conversation")
        right = _t(lang, "Gjennomsnitt", "mean")
        lines.append(f"{left}   {right}")
        for i, mean in enumerate(means, 1):
            label = f"{i}. samtale" if lang == "nb" else f"Conversation {i}"
            lines.append(f"{label.ljust(len(left))}   {fmt_number(mean, 1, lang):>{len(right)}}")
    benefit = _t(lang, "Opplevd nytte", "perceived benefit")
    if s.benefit is None:
        lines.append(f"{benefit}: {DASH} {_reason(s, lang)}")
        return lines
    steps = "1.→2. samtale" if lang == "nb" else "1st → 2nd conversation"
    paired = f"{s.paired} parvise, paired" if lang == "nb" else f"{s.paired} paired"
    lines.append(f"{benefit} {steps}: {fmt_number(s.benefit, 1, lang)} ({paired})")
    if s.unpaired:
        left_out = _t(lang, "Utelatt", "left out")
        lines.append(
            f"{left_out}: {s.unpaired} "
            + _t(
                lang,
                "scoret ved bare én av samtalene",
                "scored at only one of the conversations",
                cap=False,
            )
        )
    if s.important_change:
        verdict = _t(lang, "nådd", "reached", cap=False)
    else:
        verdict = _t(lang, "ikke nådd", "not reached", cap=False)
    mic = fmt_number(s.minimal_important_change, 1, lang)
    lines.append(
        f"{_t(lang, 'Minste viktige endring', 'minimal important change')} {mic}: {verdict}"
    )
    return lines


def _checklist_lines(s: Summary, lang: Lang) -> list[str]:
    return [
        _head(s, lang, "Sjekkliste for samhandling", "collaboration checklist"),
        f"{_t(lang, 'Programoppfyllelse', 'program fidelity')}: {s.points} "
        f"{'av (of)' if lang == 'nb' else 'of'} {s.max_points} "
        f"{'poeng (points)' if lang == 'nb' else 'points'} = {fmt_percent(s.fidelity, lang)}",
    ]


def _kor_lines(s: Summary, lang: Lang) -> list[str]:
    lines = [_head(s, lang, "KOR", "ORS / SRS")]
    session = _t(lang, "Økt", "session")
    lines.append(f"{session:<16}{'ORS':>8}{'SRS':>8}")
    ors, srs = s.ors_totals or (), s.srs_totals or ()
    clinical, alliance = s.ors_clinical or (), s.srs_alliance_warning or ()
    for i, (o, r, low, weak) in enumerate(zip(ors, srs, clinical, alliance, strict=True), 1):
        flags = []
        if low:
            flags.append("ORS < 25: " + _t(lang, "klinisk område", "clinical range", cap=False))
        if weak:
            flags.append(
                "SRS < 36: " + _t(lang, "sjekk alliansen", "check the alliance", cap=False)
            )
        row = f"{i:<16}{fmt_number(o, 1, lang):>8}{fmt_number(r, 1, lang):>8}"
        lines.append(f"{row}  {'; '.join(flags)}".rstrip())
    change = _t(lang, "Endring i ORS", "ORS change")
    if s.ors_change is None:
        lines.append(f"{change}: {DASH} {_reason(s, lang)}")
    else:
        sign = "+" if s.ors_change > 0 else ""
        verdict = (
            _t(lang, "pålitelig", "reliable", cap=False)
            if s.reliable_change
            else _t(lang, "ikke pålitelig", "not reliable", cap=False)
        )
        lines.append(f"{change}: {sign}{fmt_number(s.ors_change, 1, lang)}: {verdict}")
    return lines


def _goal_lines(s: Summary, lang: Lang) -> list[str]:
    from laeringsnettverk.goals import SmartCriterion

    met = f"{s.met} av 6 oppfylt ({s.met} of 6 met)" if lang == "nb" else f"{s.met} of 6 met"
    lines = [_head(s, lang, "SMARTE-mål", "SMART goal"), f"SMARTE [{s.letters}]: {met}"]
    criteria = s.criteria or {}
    for criterion in SmartCriterion:
        label = criterion.label if lang == "nb" else criterion.label_en
        mark = "✓" if criteria.get(criterion.letter) else "✗"
        lines.append(f"  {criterion.letter} {mark} {label}")
    return lines


_TABLES = {
    "form": _form_lines,
    "checklist": _checklist_lines,
    "kor": _kor_lines,
    "goal": _goal_lines,
}


def _with_reason(summary: Summary, code: str | None) -> Summary:
    if code is None:
        return summary
    nb, en = _REASONS[code]
    return attrs.evolve(summary, reason=code, reason_nb=nb, reason_en=en)


def _form(doc: Any) -> Summary:
    from laeringsnettverk.toolkit import form_benefit

    n = len(doc.conversations)
    if n < 2:
        code = "no_conversation" if n == 0 else "only_one_conversation"
        summary = Summary(
            kind="form", identifier=doc.identifier, means=doc.means(), paired=0, unpaired=0
        )
        return _with_reason(summary, code)
    b = form_benefit(doc)
    summary = Summary(
        kind="form",
        identifier=doc.identifier,
        means=doc.means(),
        benefit=b.value,
        paired=b.paired,
        unpaired=len(b.unpaired),
        improved=b.improved,
        important_change=b.important,
        minimal_important_change=b.minimal_important_change,
    )
    return _with_reason(summary, None if b.value is not None else "no_paired_activity")


def _checklist(doc: Any) -> Summary:
    return Summary(
        kind="checklist",
        identifier=doc.identifier,
        points=doc.points,
        max_points=doc.max_points,
        fidelity=doc.fidelity(),
        percent=doc.percent(),
    )


def _kor(doc: Any) -> Summary:
    sessions = doc.sessions
    code: str | None = None
    if len(sessions) < 2:
        code = "no_session" if not sessions else "only_one_session"
    elif sessions[0].ors is None or sessions[-1].ors is None:
        code = "no_ors_at_both"
    change = None if code is not None else doc.ors_change()
    summary = Summary(
        kind="kor",
        identifier=doc.identifier,
        ors_totals=doc.ors_totals(),
        srs_totals=doc.srs_totals(),
        ors_clinical=tuple(s.ors.clinical if s.ors else None for s in sessions),
        srs_alliance_warning=tuple(s.srs.alliance_warning if s.srs else None for s in sessions),
        ors_change=None if change is None else change.change,
        reliable_change=None if change is None else change.reliable,
    )
    return _with_reason(summary, code)


def _goal(doc: Any) -> Summary:
    from laeringsnettverk.goals import assess_smart

    assessment = assess_smart(doc)
    return Summary(
        kind="goal",
        identifier=doc.identifier,
        met=assessment.met,
        letters=assessment.letters(),
        criteria={r.criterion.letter: r.passed for r in assessment.results},
    )


_SUMMARIES: dict[str, Callable[[Any], Summary]] = {
    "form": _form,
    "checklist": _checklist,
    "kor": _kor,
    "goal": _goal,
}
"""The kinds that have a summary, by code, and the function that makes it."""


def _kind(document: object) -> str:
    """The document's kind (or its type's name, for an object that is not a document)."""
    kind = kind_of(document)
    return type(document).__name__ if kind is None else kind.code


def summarize(document: object) -> Summary:
    """The numbers of a form, checklist, KOR ratings or SMART goal; never warns.

    The numbers are the ones ``laeringsnettverk score`` prints: for a form, each
    conversation's mean and the perceived benefit from the 1st to the 2nd conversation
    (:func:`~laeringsnettverk.toolkit.form_benefit`, over the activities scored at both);
    for a checklist, its points and program fidelity; for KOR ratings, the ORS and SRS
    totals and the ORS change from the first to the last session; for a goal, its
    SMART(E) assessment (:func:`~laeringsnettverk.goals.assess_smart`). A number that
    cannot be computed yet (a form with one conversation) is ``None`` and
    :attr:`Summary.reason` says why.

    ```pycon
    >>> from laeringsnettverk.examples import load_example
    >>> form = load_example("form")
    >>> one = summarize(attrs.evolve(form, conversations=form.conversations[:1]))
    >>> one.benefit, one.reason, one.reason_en
    (None, 'only_one_conversation', 'Only one conversation: the perceived benefit needs a 2nd conversation.')
    >>> summarize(load_example("checklist")).percent
    80.0

    ```

    Raises:
        ValidationError: for a document that cannot be summarized (another kind, or an
            object that is not a document); the message names its kind.
    """  # noqa: E501
    kind = kind_of(document)
    summary = _SUMMARIES.get(kind.code) if kind is not None else None
    if summary is not None:
        return summary(document)
    raise ValidationError.one(
        ("kind",),
        "cannot be summarized; expected a document of kind " + ", ".join(_SUMMARIES),
        _kind(document),
    )
