"""HTML for notebooks: what the models' ``_repr_html_`` and the big results' ``__repr__`` show.

Pure functions that build strings; every model method that shows itself in a notebook is one
line calling a function here, imported when first shown (so ``import laeringsnettverk`` does not
pay for it). Labels are Norwegian with English beside them, as the command line prints them;
numbers are rounded half up (:func:`~laeringsnettverk.scoring.round_half_up`).

Every text that reaches the HTML goes through :func:`html.escape`: cells of :func:`_table`,
captions and paragraphs are plain text, never markup. Free text typed about a person (an
activity's name, a note) is shown only where the person's own document is displayed (a form, a
checklist, a benefit), never in the display of a batch. Long results are cut to their first
rows (:data:`MAX_ROWS`), with a line saying how many there are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from laeringsnettverk.scoring import round_half_up

if TYPE_CHECKING:
    from laeringsnettverk.charts._results import _Chart
    from laeringsnettverk.goals import SmartAssessment
    from laeringsnettverk.measurement import NetworkResults, Series
    from laeringsnettverk.network import NetworkStatus
    from laeringsnettverk.serialization import BatchResult
    from laeringsnettverk.toolkit import (
        Benefit,
        CollaborationChecklist,
        KorRatings,
        WhatMattersForm,
    )

__all__ = [
    "MAX_ROWS",
    "batch",
    "batch_repr",
    "benefit",
    "chart",
    "checklist",
    "form",
    "kor",
    "network_results",
    "network_results_repr",
    "network_status",
    "series",
    "series_repr",
    "smart_assessment",
]

MAX_ROWS = 100
"""The most rows a table shows (the library's choice); the rest are counted, not shown."""
BATCH_ROWS = 10
"""The documents and bad lines a batch shows (the library's choice)."""
BATCH_LINE_NUMBERS = 50
"""The bad lines' numbers a batch lists (the library's choice)."""
SERIES_REPR_LIMIT = 10
"""A series with more observations than this gets a short ``repr`` (counts only)."""
SPARK_POINTS = 200
"""The most points a sparkline draws (longer charts are sampled evenly)."""
_SPARK_WIDTH, _SPARK_HEIGHT, _SPARK_PAD = 200, 40, 3
DASH = "–"
"""What a missing number shows as (as in the command line)."""
_YES, _NO = "ja (yes)", "nei (no)"


# -- small shared helpers --------------------------------------------------------------------


def num(value: float | None, decimals: int = 1) -> str:
    """A number rounded half up to ``decimals`` places; :data:`DASH` for ``None``."""
    if value is None:
        return DASH
    return f"{round_half_up(value, decimals):.{decimals}f}"


def percent(fraction: float | None) -> str:
    """A fraction (0..1) as a percent with one decimal, ``"80.0 %"``; :data:`DASH` for None."""
    return DASH if fraction is None else f"{num(fraction * 100)} %"


def yes_no(flag: bool) -> str:
    """``"ja (yes)"`` or ``"nei (no)"``."""
    return _YES if flag else _NO


def caption(text: str) -> str:
    """A bold heading line (plain text, escaped)."""
    return f"<p><strong>{escape(text)}</strong></p>"


def para(text: str) -> str:
    """A paragraph (plain text, escaped)."""
    return f"<p>{escape(text)}</p>"


def table(
    head: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    foot: Sequence[str] | None = None,
) -> str:
    """A table of plain-text cells (every cell escaped): a header row, rows and a footer row."""
    out = ["<table>", "<thead><tr>"]
    out += [f"<th>{escape(h)}</th>" for h in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>")
    out.append("</tbody>")
    if foot is not None:
        out.append(
            "<tfoot><tr>" + "".join(f"<th>{escape(cell)}</th>" for cell in foot) + "</tr></tfoot>"
        )
    out.append("</table>")
    return "".join(out)


def capped(total: int, limit: int = MAX_ROWS) -> str:
    """The line under a table cut to its first ``limit`` rows; empty when nothing was cut."""
    if total <= limit:
        return ""
    return para(
        f"Viser de første {limit} av {total} radene (showing the first {limit} of {total} rows)."
    )


def wrap(*parts: str) -> str:
    """The parts in one ``<div>``, the block a notebook shows."""
    return '<div class="laeringsnettverk">' + "".join(parts) + "</div>"


def titled(title: str, identifier: str | None, *more: tuple[str, str | None]) -> str:
    """A heading: ``title`` with the identifier and other ``(label, value)`` pairs given."""
    bits = [f"{label} {value}" for label, value in more if value is not None]
    head = title + (f": {identifier}" if identifier is not None else "")
    return caption(" · ".join([head, *bits]))


def sparkline(values: Sequence[float | None]) -> str:
    """A small inline SVG line of ``values`` (gaps where a value is missing); empty if none.

    At most :data:`SPARK_POINTS` points are drawn: a longer sequence is sampled evenly.
    """
    n = len(values)
    if n < 2:
        return ""
    step = math.ceil(n / SPARK_POINTS)
    sample = [(i, values[i]) for i in range(0, n, step)]
    finite = [v for _, v in sample if v is not None and math.isfinite(v)]
    if not finite:
        return ""
    lo, hi = min(finite), max(finite)
    span = (hi - lo) or 1.0
    inner_w, inner_h = _SPARK_WIDTH - 2 * _SPARK_PAD, _SPARK_HEIGHT - 2 * _SPARK_PAD
    segments: list[list[tuple[str, str]]] = [[]]
    for i, v in sample:
        if v is None or not math.isfinite(v):
            segments.append([])
            continue
        x = _SPARK_PAD + inner_w * i / (n - 1)
        y = _SPARK_PAD + inner_h * (1 - (v - lo) / span)
        segments[-1].append((f"{x:.1f}", f"{y:.1f}"))
    shapes = []
    for seg in segments:
        if len(seg) > 1:
            points = " ".join(f"{x},{y}" for x, y in seg)
            shapes.append(f'<polyline fill="none" stroke="#1f4e79" points="{points}"/>')
        elif seg:
            cx, cy = seg[0]
            shapes.append(f'<circle cx="{cx}" cy="{cy}" r="1.5" fill="#1f4e79"/>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_SPARK_WIDTH}" '
        f'height="{_SPARK_HEIGHT}" role="img" aria-label="sparkline">' + "".join(shapes) + "</svg>"
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


# -- batches -----------------------------------------------------------------------------------


def _document_summary(doc: object) -> str:
    """One line of numbers for a loaded document (no free text about a person)."""
    from laeringsnettverk.toolkit import CollaborationChecklist, KorRatings, WhatMattersForm
    from laeringsnettverk.toolkit._form import form_benefit

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
    from laeringsnettverk.errors import ValidationError
    from laeringsnettverk.serialization import kind_of

    try:
        return kind_of(doc)
    except ValidationError:
        return type(doc).__name__


def batch(result: BatchResult[Any]) -> str:
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


def batch_repr(result: BatchResult[Any]) -> str:
    """``BatchResult(loaded=4998, errors=2, bad_lines=[3, 17])``: counts, never the documents."""
    lines = ", ".join(str(e.line) for e in result.errors[:5])
    more = ", ..." if len(result.errors) > 5 else ""
    return (
        f"BatchResult(loaded={len(result.loaded)}, errors={len(result.errors)}, "
        f"bad_lines=[{lines}{more}])"
    )


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


def _observation_value(obs: Any) -> str:
    if obs.numerator is not None:
        return f"{obs.numerator}/{obs.denominator} ({percent(obs.chart_value)})"
    return num(obs.value, 2)


def series(s: Series) -> str:
    """A series: a table of periods, values and n (first rows only), and a sparkline."""
    rows = [
        [
            obs.period.code,
            obs.period.start.isoformat(),
            obs.period.end.isoformat(),
            _observation_value(obs),
            DASH if obs.n is None else str(obs.n),
            ("utelatt (excluded)" + (f": {obs.reason}" if obs.reason else ""))
            if obs.excluded
            else "",
        ]
        for obs in s.observations[:MAX_ROWS]
    ]
    head = ["Periode (period)", "Fra (from)", "Til (to)", "Verdi (value)", "n", "Merknad (note)"]
    parts = [
        titled(
            f"Serie (series): {s.title}",
            s.identifier,
            ("team", s.team),
            ("nettverk (network)", s.network),
            ("perioder (periods)", None if s.unit is None else s.unit.label),
        ),
        sparkline(s.values()),
        table(head, rows),
        capped(len(s.observations)),
    ]
    if s.changes:
        changes = [[c.date.isoformat(), c.text] for c in s.changes[:MAX_ROWS]]
        parts += [
            table(["Dato (date)", "Endring prøvd (change tried)"], changes),
            capped(len(s.changes)),
        ]
    return wrap(*parts)


def series_repr(s: Series) -> str:
    """The attrs ``repr`` for a short series; counts only for a long one."""
    import attrs

    if len(s.observations) <= SERIES_REPR_LIMIT:
        fields = ", ".join(f"{a.name}={getattr(s, a.name)!r}" for a in attrs.fields(type(s)))
        return f"{type(s).__name__}({fields})"
    missing = sum(obs.missing for obs in s.observations)
    return (
        f"{type(s).__name__}(title={s.title!r}, team={s.team!r}, unit={s.unit!r}, "
        f"observations={len(s.observations)}, missing={missing}, changes={len(s.changes)})"
    )


# -- charts ------------------------------------------------------------------------------------

_CHART_KINDS = {
    "run": "Seriediagram (run chart)",
    "i": "I-diagram (I chart)",
    "mr": "MR-diagram (MR chart)",
    "p": "P-diagram (P chart)",
}
_RULES = {
    "longest_run": "For lang serie (longest run too long)",
    "crossings": "For få kryss (too few crossings)",
    "shift": "Skift (shift)",
    "trend": "Trend (trend)",
    "outside": "Utenfor kontrollgrensene (outside the control limits)",
}
_POSITIONS_SHOWN = 20


def _ratio(value: int | None, bound: int | None) -> str:
    return DASH if value is None else f"{value} / {DASH if bound is None else bound}"


def chart(c: _Chart) -> str:
    """A chart result: the part summaries and the signals (no per-point table), a sparkline."""

    def centre(x: float | None) -> str:
        return percent(x) if c.kind == "p" else num(x, 2)

    ihi = "ihi" in c.options.rules
    head = [
        "Del (part)",
        "Posisjoner (positions)",
        "Senterlinje (centre)",
        "Brukbare (useful)",
        "Lengste serie (longest run)",
        "Kryss (crossings)",
        "Seriesignal (runs signal)",
    ]
    if ihi:
        head += ["Lengste trend (longest trend)", "Skift (shift)", "Trend (trend)"]
    rows = []
    for p in c.parts[:MAX_ROWS]:
        row = [
            str(p.index),
            f"{p.start}..{p.stop - 1}",
            centre(p.centre),
            str(p.n_useful),
            _ratio(p.longest_run, p.longest_run_max),
            _ratio(p.n_crossings, p.n_crossings_min),
            yes_no(p.runs_signal),
        ]
        if ihi:
            row += [
                DASH if p.longest_trend is None else str(p.longest_trend),
                yes_no(p.shift_signal),
                yes_no(p.trend_signal),
            ]
        rows.append(row)
    parts = [
        titled(_CHART_KINDS[c.kind], c.title),
        para(
            f"Punkter (points): {len(c)}; deler (parts): {len(c.parts)}; signal: {yes_no(c.signal)}"
        ),
        sparkline(c.values),
        table(head, rows),
        capped(len(c.parts)),
    ]
    if c.signals:
        signal_rows = []
        for s in c.signals[:MAX_ROWS]:
            shown = ", ".join(str(i) for i in s.positions[:_POSITIONS_SHOWN])
            if len(s.positions) > _POSITIONS_SHOWN:
                shown += f", … ({len(s.positions)})"
            signal_rows.append([s.rule_set, _RULES[s.rule], str(s.part), shown])
        parts += [
            caption("Signaler (signals)"),
            table(
                ["Regelsett (rule set)", "Regel (rule)", "Del (part)", "Posisjoner (positions)"],
                signal_rows,
            ),
            capped(len(c.signals)),
        ]
    return wrap(*parts)
