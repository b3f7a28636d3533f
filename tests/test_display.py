"""Notebook display: ``_repr_html_`` of the models and results, and the short ``__repr__`` s."""

from __future__ import annotations

import datetime
import html
import re
import subprocess
import sys
import warnings
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given

import laeringsnettverk as ln
from laeringsnettverk import _display
from laeringsnettverk.charts import i_chart, p_chart, run_chart
from laeringsnettverk.examples import load_example
from laeringsnettverk.goals import SmartGoal, assess_smart
from laeringsnettverk.measurement import (
    ChangeNote,
    MeasurementPeriod,
    Observation,
    Series,
    network_results,
)
from laeringsnettverk.network import TeamStatus, load_example_network, network_status
from laeringsnettverk.network._status import NetworkStatus
from laeringsnettverk.serialization import BatchResult, LineError, dumps_jsonl, load_jsonl
from laeringsnettverk.toolkit import (
    Activity,
    ChecklistItem,
    CollaborationChecklist,
    Conversation,
    ItemStatus,
    KorRatings,
    KorSession,
    OrsRatings,
    Scale,
    SrsRatings,
    WhatMattersForm,
)
from strategies.toolkit import checklists, forms, kor_ratings

d = datetime.date
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
VOID = {"br", "hr", "img", "input", "meta", "link", "col", "wbr"}


class _Balance(HTMLParser):
    """Checks that every tag opened is closed, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)  # <polyline .../>: opened and closed at once

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        opened = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"


def well_formed(markup: str) -> list[str]:
    """Parse ``markup``; assert it is one balanced <div>; return the tags met, in order."""
    parser = _Balance()
    parser.feed(markup)
    parser.close()
    assert parser.stack == [], f"left open: {parser.stack}"
    assert markup.startswith('<div class="laeringsnettverk">')
    assert markup.endswith("</div>")
    assert "script" not in parser.tags
    return parser.tags


def text_of(markup: str) -> str:
    """The text a reader sees (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def test_the_parser_catches_unbalanced_markup() -> None:
    with pytest.raises(AssertionError, match="closes"):
        well_formed('<div class="laeringsnettverk"><p></div>')
    with pytest.raises(AssertionError, match="left open"):
        well_formed('<div class="laeringsnettverk"><p>')


# -- helpers -----------------------------------------------------------------------------------


def test_numbers_are_rounded_half_up() -> None:
    assert _display.num(2.25) == "2.3"  # round() would give 2.2
    assert _display.num(0.125, 2) == "0.13"
    assert _display.num(None) == "–"
    assert _display.percent(0.8) == "80.0 %"
    assert _display.percent(None) == "–"
    assert (_display.yes_no(True), _display.yes_no(False)) == ("ja (yes)", "nei (no)")


def test_table_escapes_every_cell() -> None:
    markup = _display.wrap(_display.table([SCRIPT], [[SCRIPT, "a & b"]], foot=[SCRIPT]))
    assert markup.count(ESCAPED) == 3
    assert "a &amp; b" in markup
    assert well_formed(markup).count("td") == 2


def test_capped_says_how_many_rows_there_are() -> None:
    assert _display.capped(100) == ""
    assert "showing the first 100 of 101 rows" in _display.capped(101)


def _points(svg: str) -> int:
    return sum(len(p.split()) for p in re.findall(r'points="([^"]*)"', svg)) + svg.count("<circle")


def test_sparkline() -> None:
    assert _display.sparkline([]) == ""
    assert _display.sparkline([1.0]) == ""
    assert _display.sparkline([None, float("nan")]) == ""
    line = _display.sparkline([1.0, 2.0, 3.0])
    assert line.count("<polyline") == 1 and _points(line) == 3
    assert "3.0,37.0" in line and "197.0,3.0" in line  # lowest at the bottom, highest at the top
    flat = _display.sparkline([2.0, 2.0])
    assert "3.0,37.0 197.0,37.0" in flat  # a constant line does not divide by zero
    gaps = _display.sparkline([1.0, None, 2.0, 3.0, float("nan"), 4.0, 5.0])
    assert gaps.count("<circle") == 1 and gaps.count("<polyline") == 2 and _points(gaps) == 5
    leading = _display.sparkline([None, None, 1.0, 2.0])  # gaps first: no empty shape
    assert leading.count("<polyline") == 1 and "<circle" not in leading and _points(leading) == 2
    long = _display.sparkline([float(i % 7) for i in range(100_000)])
    assert _points(long) <= _display.SPARK_POINTS and len(long) < 5_000
    well_formed(_display.wrap(gaps))


# -- the toolkit -------------------------------------------------------------------------------

FORM = load_example("form")


def test_form_shows_scores_means_and_benefit() -> None:
    markup = FORM._repr_html_()
    well_formed(markup)
    text = text_of(markup)
    assert "«Hva er viktig for meg»-skjema (what matters to me form): eksempel-skjema-1" in text
    assert "Gjennomsnitt (mean)" in text
    assert re.search(r"Gjennomsnitt \(mean\)\s+2\.0\s+5\.0", text)
    assert "Opplevd nytte (perceived benefit) 1.→2. samtale: 3.0" in text
    assert "4 parede aktiviteter (paired activities)" in text
    assert "Minste viktige endring (minimal important change) 2.0: nådd (reached)" in text
    assert "Skala (scale) 1–10, høyere er bedre (higher is better)" in text
    for name in FORM.activity_names:  # the person's own form: the activities are shown
        assert name in text
    assert "2015-02-05" in text


def test_form_escapes_what_was_typed() -> None:
    form = WhatMattersForm.from_scores(
        [SCRIPT, "Sove & spise"], (d(2015, 2, 5), [1, 2]), (d(2015, 5, 7), [2, 2])
    )
    form = attrs.evolve(form, identifier='"><b>x</b>', team="<i>team</i>")
    markup = form._repr_html_()
    tags = well_formed(markup)
    assert ESCAPED in markup and SCRIPT not in markup
    assert "Sove &amp; spise" in markup
    assert "&quot;&gt;&lt;b&gt;x&lt;/b&gt;" in markup and "&lt;i&gt;team&lt;/i&gt;" in markup
    assert "b" not in tags and "i" not in tags
    assert "ikke nådd (not reached)" in text_of(markup)  # benefit 0.5 < 2.0


def test_form_before_a_second_conversation() -> None:
    one = WhatMattersForm.from_scores(["Sove"], (d(2015, 2, 5), [3]))
    text = text_of(well_formed_html(one))
    assert "trenger en 2. samtale (needs a 2nd conversation)" in text
    assert re.search(r"Gjennomsnitt \(mean\)\s+3\.0", text)
    none = WhatMattersForm(activities=[Activity(name="Sove")], scale=Scale(minimum=0))
    text = text_of(well_formed_html(none))
    assert "samtale (conversation)" not in text and "Skala (scale) 0–10" in text


def well_formed_html(obj: object) -> str:
    markup: str = obj._repr_html_()  # type: ignore[attr-defined]
    well_formed(markup)
    return markup


def test_form_with_unpaired_or_no_paired_activities_and_a_reversed_scale() -> None:
    scale = Scale(minimum=0, maximum=10, higher_is_better=False)
    form = WhatMattersForm(
        activities=[Activity(name="A"), Activity(name="B"), Activity(name="C")],
        conversations=[
            Conversation(date=d(2015, 2, 5), scores={"A": 8, "B": 5}),
            Conversation(date=d(2015, 5, 7), scores={"A": 2, "C": 4}),
        ],
        scale=scale,
    )
    text = text_of(well_formed_html(form))
    assert "lavere er bedre (lower is better)" in text
    assert "1.→2. samtale: 6.0 (1 parede" in text  # 8 → 2 on a lower-is-better scale
    assert "2 aktiviteter scoret i bare én av samtalene er utelatt" in text
    assert re.search(r"B\s+5\s+–", text)  # unscored: a dash
    none = attrs.evolve(
        form,
        conversations=[
            Conversation(date=d(2015, 2, 5), scores={"A": 8}),
            Conversation(date=d(2015, 5, 7), scores={"B": 2}),
        ],
    )
    text = text_of(well_formed_html(none))
    assert "ingen (none): ingen aktivitet er scoret i begge samtalene" in text
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # displaying never warns, unlike form.benefit()
        none._repr_html_()


def test_benefit_shows_each_change() -> None:
    markup = well_formed_html(FORM.benefit())
    text = text_of(markup)
    assert "Før (before)" in text and "Endring (change)" in text
    assert re.search(r"Sove godt om natta\s+1\s+4\s+3", text)
    assert re.search(r"Gjennomsnitt \(mean\)\s+2\.0\s+5\.0\s+3\.0", text)


@given(forms(max_conversations=3))
def test_any_form_displays_well_formed_with_its_activities_escaped(
    form: WhatMattersForm,
) -> None:
    markup = well_formed_html(form)
    for name in form.activity_names:
        assert html.escape(name) in markup


def test_checklist_shows_items_and_fidelity() -> None:
    checklist = load_example("checklist")
    text = text_of(well_formed_html(checklist))
    assert "Programoppfyllelse (program fidelity): 8 av (of) 10 poeng (points) = 80.0 %" in text
    assert "Ikke aktuelt (not relevant)" in text
    assert "Avtalt til neste møte" in text  # the note
    assert re.search(r"\b1\s+Gjennomført \(done\).*?\s2\.0\s+2015-02-05", text)
    bare = CollaborationChecklist(
        items=[ChecklistItem(text=SCRIPT, status=ItemStatus.DONE, note=SCRIPT)]
    )
    markup = well_formed_html(bare)
    assert markup.count(ESCAPED) == 2
    assert "100.0 %" in markup and "dato (date)" not in markup


@given(checklists())
def test_any_checklist_displays_well_formed(checklist: CollaborationChecklist) -> None:
    assert f"= {_display.num(checklist.percent())} %" in text_of(well_formed_html(checklist))


def test_kor_shows_totals_flags_and_the_change() -> None:
    text = text_of(well_formed_html(load_example("kor")))
    assert re.search(r"\b1\s+2015-02-05\s+16\.8\s+34\.7\s+ORS < 25", text)
    assert "SRS < 36: sjekk alliansen (check the alliance)" in text
    assert "Endring i ORS (ORS change) 1.→3. økt: +10.8: pålitelig (reliable)" in text


def test_kor_without_an_ors_change() -> None:
    ors = OrsRatings(individually=5, interpersonally=5, socially=5, overall=5)
    srs = SrsRatings(relationship=9, goals_and_topics=9, approach=9, overall=9)
    one = KorRatings(sessions=[KorSession(date=d(2015, 2, 5), ors=ors)])
    assert "Endring i ORS" not in text_of(well_formed_html(one))
    no_ors = KorRatings(
        sessions=[KorSession(date=d(2015, 2, 5), srs=srs), KorSession(date=d(2015, 3, 5), ors=ors)]
    )
    text = text_of(well_formed_html(no_ors))
    assert "Endring i ORS" not in text and re.search(r"2015-02-05\s+–\s+36\.0", text)
    small = KorRatings(
        sessions=[KorSession(date=d(2015, 2, 5), ors=ors), KorSession(date=d(2015, 3, 5), ors=ors)]
    )
    assert "+0.0: ikke pålitelig (not reliable)" in text_of(well_formed_html(small))


@given(kor_ratings())
def test_any_kor_displays_well_formed(kor: KorRatings) -> None:
    well_formed_html(kor)


def test_smart_assessment() -> None:
    text = text_of(well_formed_html(assess_smart(load_example("goal"))))
    assert "SMARTE [SMARTE]: 6 av 6 oppfylt (6 of 6 met)" in text
    assert "Tidsbestemt, bibliotekets tillegg (time-bound, the library's addition)" in text
    text = text_of(well_formed_html(assess_smart(SmartGoal(statement=SCRIPT))))
    assert "SMARTE [------]: 0 av 6 oppfylt" in text
    assert "✗" in text and "✓" not in text
    assert "The goal has no deadline." in text


# -- batches -----------------------------------------------------------------------------------


def _many_forms(n: int) -> list[WhatMattersForm]:
    return [
        WhatMattersForm.from_scores(
            [f"Aktivitet {i} {SCRIPT}", "Sove"],
            (d(2015, 2, 5), [1 + i % 10, 2]),
            (d(2015, 5, 7), [1 + (i * 3) % 10, 5]),
            scale=None,
        )
        for i in range(n)
    ]


def test_a_5000_form_batch_shows_a_few_kb() -> None:
    lines = [ln.dumps(f, indent=None) for f in _many_forms(5_000)]
    bad = [3, 700, 4_000]
    for number in bad:
        lines[number - 1] = '{"kind": "form", "schema_version": 1}'
    result = load_jsonl("\n".join(lines))
    assert len(result.loaded) == 4_997
    markup = well_formed_html(result)
    assert len(markup.encode()) < 8_000  # the whole batch as JSON is about 1 MB
    text = text_of(markup)
    assert (
        "JSON Lines: 4997 dokumenter lastet (documents loaded), 3 feil linjer (bad lines)" in text
    )
    assert "Feil på linje (bad lines): 3, 700, 4000" in text
    assert "showing the first 10 of 4997 rows" in text
    assert "$.activities: is required" in text
    assert "Aktivitet" not in text and "script" not in markup  # no free text about a person
    assert re.search(
        r"\b1\s+form\s+–\s+–\s+gj\.snitt \(means\) 1\.5 → 3\.0; nytte \(benefit\) 1\.5", text
    )
    assert repr(result) == "BatchResult(loaded=4997, errors=3, bad_lines=[3, 700, 4000])"


def test_a_batch_of_bad_lines_lists_the_first_numbers() -> None:
    result = load_jsonl("\n".join(["{"] * 60))
    markup = well_formed_html(result)
    text = text_of(markup)
    assert "0 dokumenter lastet (documents loaded), 60 feil linjer" in text
    assert "48, 49, 50, … (og 10 flere (and more))" in text
    assert "showing the first 10 of 60 rows" in text
    assert "Linje (line)" in text and "Type (kind)" not in text  # no table of documents
    assert repr(result) == "BatchResult(loaded=0, errors=60, bad_lines=[1, 2, 3, 4, 5, ...])"
    assert len(markup) < 8_000


def test_a_batch_of_every_summary() -> None:
    one = WhatMattersForm.from_scores(["Sove"], (d(2015, 2, 5), [3]))
    docs = [one, load_example("checklist"), load_example("kor"), load_example("wheel")]
    result = load_jsonl(dumps_jsonl(docs))
    text = text_of(well_formed_html(result))
    assert re.search(r"\b1\s+form\s+–\s+–\s+gj\.snitt \(means\) 3\.0\s+2", text)
    assert "programoppfyllelse (fidelity) 80.0 %" in text
    assert "ORS 16.8 → 20.6 → 27.6" in text
    assert re.search(r"\b4\s+wheel\s+\S+\s+\S+\s*$", text)  # no numbers for a wheel
    assert "Feil på linje" not in text and "showing" not in text


def test_a_batch_built_by_hand() -> None:
    result: BatchResult[object] = BatchResult(
        loaded=((1, object()),), errors=(LineError(line=2, problems=()),)
    )
    text = text_of(well_formed_html(result))
    assert re.search(r"\b1\s+object\s+–\s+–", text)  # not a document kind: its class
    assert re.search(r"\b2\s+0\s+–", text)
    empty = load_jsonl("")
    assert text_of(well_formed_html(empty)).strip() == (
        "JSON Lines: 0 dokumenter lastet (documents loaded), 0 feil linjer (bad lines)"
    )
    assert repr(empty) == "BatchResult(loaded=0, errors=0, bad_lines=[])"


# -- networks and measurement over time ------------------------------------------------------

EXAMPLE = load_example_network()


def test_network_status() -> None:
    status = network_status(EXAMPLE.network, EXAMPLE.forms, EXAMPLE.checklists)
    text = text_of(well_formed_html(status))
    assert "Læringsnettverk Gode pasientforløp (eksempel): status per team" in text
    assert re.search(r"team-bodoe\s+Bodø\s+Evaluere \(evaluate\)\s+1/1\s+10/10\s+2\s+2\.8", text)
    assert "85.0 %" in text
    assert re.search(
        r"team-hamar\s+Hamar\s+Planlegge \(plan\)\s+0/1\s+10/10\s+1\s+–\s+30\.0 %", text
    )  # no benefit: a dash
    lone = TeamStatus(
        team="t",
        name=SCRIPT,
        phases=[None],
        goals=0,
        smart_goals=0,
        tasks_done=0,
        tasks_total=0,
        forms_scored=0,
        mean_benefit=None,
        mean_fidelity=None,
        contacts=0,
        progress=(),
    )
    markup = well_formed_html(
        NetworkStatus(network="N", teams=[lone, attrs.evolve(lone, phases=())])
    )
    assert ESCAPED in markup
    assert re.search(r"\bt\s+\S+\s+–\s+0/0\s+0/0\s+0\s+–\s+–\s+0\s+–", text_of(markup))


def test_network_results() -> None:
    results = network_results(EXAMPLE.network, EXAMPLE.forms, EXAMPLE.checklists)
    markup = well_formed_html(results)
    text = text_of(markup)
    assert "resultater per periode (results per period)" in text
    assert "Perioder (periods): Handlingsperiode (mellom samlinger) (action period" in text
    assert re.search(
        r"handlingsperiode-2\s+team-bodoe\s+2\s+2\.8\s+-0\.4 til \(to\) 5\.9\s+2/2\s+2/2\s+2\s+85\.0 %",
        text,
    )
    assert re.search(r"handlingsperiode-2\s+team-trondheim\s+1\s+2\.0\s+–\s+1/1", text)
    assert "nettverket (the network)" in text and "Ikke med" not in text
    assert repr(results) == (
        "NetworkResults(network='Læringsnettverk Gode pasientforløp (eksempel)', "
        "unit=PeriodUnit.ACTION_PERIOD, periods=3, rows=18, left_out=0)"
    )
    stray = attrs.evolve(EXAMPLE.forms[0], team="elsewhere")
    left = network_results(EXAMPLE.network, [*EXAMPLE.forms, stray], EXAMPLE.checklists)
    assert "Ikke med (left out): 1 skjema utenfor nettverkets team" in text_of(
        well_formed_html(left)
    )
    assert repr(left).endswith("left_out=1)")
    big = attrs.evolve(results, rows=results.rows * 20)
    markup = well_formed_html(big)
    assert "showing the first 100 of 360 rows" in text_of(markup)
    assert markup.count("<tr>") == 101 and len(markup) < 30_000


def _period(i: int) -> MeasurementPeriod:
    day = d(2015, 1, 1) + datetime.timedelta(days=i)
    return MeasurementPeriod(code=f"p{i}", start=day, end=day)


def test_series_table_and_sparkline() -> None:
    series = load_example("series")
    markup = well_formed_html(series)
    text = text_of(markup)
    assert "Serie (series): Opplevd nytte (perceived benefit): eksempel-serie-nytte" in text
    assert "perioder (periods) Måned (month)" in text
    assert re.search(r"2024-01\s+2024-01-01\s+2024-01-31\s+1\.20\s+3", text)
    assert "Endring prøvd (change tried)" in text and "<svg" in markup
    assert repr(series) == (
        "Series(title='Opplevd nytte (perceived benefit)', team='team-bodoe', "
        "unit=PeriodUnit.MONTH, observations=18, missing=0, changes=1)"
    )


def test_a_short_series_keeps_the_attrs_repr() -> None:
    series = Series(
        indicator_ref="ref",
        observations=[Observation(period=_period(0), value=1.0)],
    )
    assert repr(series).startswith(
        "Series(indicator=None, indicator_ref='ref', team=None, network=None, unit=None, "
        "observations=(Observation(period=MeasurementPeriod(code='p0', "
    )
    assert repr(series).endswith("excluded=False, reason=None),), changes=(), identifier=None)")
    many = attrs.evolve(
        series,
        observations=[Observation(period=_period(i), n=0) for i in range(11)],
    )
    assert repr(many) == (
        "Series(title='ref', team=None, unit=None, observations=11, missing=11, changes=0)"
    )


def test_series_of_proportions_gaps_exclusions_and_many_points() -> None:
    series = Series(
        indicator_ref="andel",
        team="lindesnes",
        observations=[
            Observation(period=_period(0), numerator=3, denominator=4, n=4),
            Observation(period=_period(1)),
            Observation(period=_period(2), numerator=1, denominator=3, excluded=True),
            Observation(
                period=_period(3), numerator=1, denominator=2, excluded=True, reason=SCRIPT
            ),
        ],
        changes=[ChangeNote(date=d(2015, 1, 2), text=SCRIPT)],
    )
    markup = well_formed_html(series)
    text = text_of(markup)
    assert re.search(r"p0\s+2015-01-01\s+2015-01-01\s+3/4 \(75\.0 %\)\s+4", text)
    assert re.search(r"p1\s+\S+\s+\S+\s+–\s+–", text)  # a gap, n unknown
    assert re.search(r"1/3 \(33\.3 %\)\s+–\s+utelatt \(excluded\)\s", text)
    assert "utelatt (excluded): " + SCRIPT in text and markup.count(ESCAPED) == 2
    assert "team lindesnes" in text and "nettverk" not in text
    long = attrs.evolve(
        series,
        observations=[Observation(period=_period(i), value=float(i)) for i in range(500)],
        changes=[],
    )
    markup = well_formed_html(long)
    assert "showing the first 100 of 500 rows" in text_of(markup)
    assert "Endring prøvd" not in markup and len(markup) < 30_000


# -- charts ------------------------------------------------------------------------------------


def test_run_chart_parts_and_signals() -> None:
    chart = run_chart(load_example("series"))
    text = text_of(well_formed_html(chart))
    assert "Seriediagram (run chart): Opplevd nytte (perceived benefit)" in text
    assert "Punkter (points): 18; deler (parts): 1; signal: ja (yes)" in text
    assert re.search(r"\b0\s+0\.\.17\s+2\.27\s+18\s+9 / 7\s+1 / 5\s+ja \(yes\)", text)
    assert "Signaler (signals)" in text
    assert "For lang serie (longest run too long)" in text
    assert "For få kryss (too few crossings)" in text
    assert "Skift (shift)" not in text  # IHI columns only when the IHI rules are applied


def test_control_charts() -> None:
    chart = i_chart([5, 6, 5, 7, 6, 5, 6, 20], rules=["anhoej", "ihi"])
    text = text_of(well_formed_html(chart))
    assert "I-diagram (I chart)" in text and "Seriediagram" not in text
    assert re.search(
        r"0\.\.7\s+7\.50\s+8\s+7 / 6\s+1 / 1\s+ja \(yes\)\s+3\s+ja \(yes\)\s+nei", text
    )
    assert re.search(
        r"limits\s+Utenfor kontrollgrensene \(outside the control limits\)\s+0\s+7", text
    )
    quiet = text_of(well_formed_html(run_chart([1.0, None, 3.0])))
    assert "signal: nei (no)" in quiet and "Signaler" not in quiet
    assert re.search(r"\b0\s+0\.\.2\s+2\.00\s+2\s+1 / 4\s+1 / 0\s+nei \(no\)", quiet)
    p = p_chart([1, 2, 1, 3, 2, 1, 30], [10, 10, 10, 10, 10, 10, 30], parts=[3])
    text = text_of(well_formed_html(p))
    assert "P-diagram (P chart)" in text and re.search(r"\b0\s+0\.\.2\s+13\.3 %", text)
    assert re.search(r"\b1\s+3\.\.6\s+\d+\.\d %", text)


def test_chart_signal_positions_are_capped() -> None:
    values = [0.0] * 30 + [100.0] * 30 + [0.0] * 30
    chart = i_chart(values, freeze=30)
    text = text_of(well_formed_html(chart))
    outside = next(s for s in chart.signals if s.rule == "outside")
    assert len(outside.positions) == 30
    assert "30, 31, 32" in text and f", … ({len(outside.positions)})" in text


# -- import cost -------------------------------------------------------------------------------


def test_import_does_not_load_the_display_module() -> None:
    code = "import sys, laeringsnettverk; print('laeringsnettverk._display' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
