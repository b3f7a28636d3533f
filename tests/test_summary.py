"""summarize(): the numbers of a scored document, and the Norwegian number format."""

from __future__ import annotations

import datetime
import json
import warnings
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk._numbers import DASH, MINUS, NBSP, fmt_number, fmt_percent
from laeringsnettverk.errors import LaeringsnettverkWarning, ValidationError
from laeringsnettverk.examples import load_example
from laeringsnettverk.goals import SmartGoal
from laeringsnettverk.scoring import round_half_up
from laeringsnettverk.summary import SUMMARY_KEYS, Summary, summarize
from laeringsnettverk.toolkit import (
    Activity,
    Conversation,
    KorRatings,
    KorSession,
    OrsRatings,
    SrsRatings,
    WhatMattersForm,
)
from strategies.toolkit import checklists, forms, kor_ratings

d = datetime.date


# -- the number format --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "trim", "expected"),
    [
        (2.0, 1, "nb", False, "2,0"),  # the source's worked example, Norwegian
        (2.0, 1, "en", False, "2.0"),
        (2.25, 1, "nb", False, "2,3"),  # half up, not banker's rounding
        (-2.25, 1, "nb", False, MINUS + "2,3"),  # U+2212, away from zero as round_half_up
        (-0.04, 1, "nb", False, "0,0"),  # no minus on a zero
        (1234.5, 1, "nb", False, "1234,5"),  # four digits stay together
        (12345.678, 2, "nb", False, f"12{NBSP}345,68"),  # grouped with a no-break space
        (12345.678, 2, "en", False, "12,345.68"),
        (-1234567.0, 0, "nb", False, f"{MINUS}1{NBSP}234{NBSP}567"),
        (123456, 0, "en", False, "123,456"),  # an int
        (3.5, 2, "nb", True, "3,5"),  # trailing zeros trimmed
        (3.0, 2, "en", True, "3"),  # and the mark with them
        (1e20, 0, "en", False, "100,000,000,000,000,000,000"),  # no float noise
        (None, 1, "nb", False, DASH),
    ],
)
def test_fmt_number(
    value: float | None, decimals: int, lang: str, trim: bool, expected: str
) -> None:
    assert fmt_number(value, decimals, lang, trim=trim) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fraction", "lang", "expected"),
    [
        (0.8, "nb", f"80{NBSP}%"),  # the source's 8 of 10
        (0.8, "en", f"80{NBSP}%"),
        (Fraction(23, 80), "nb", f"28,8{NBSP}%"),  # exactly 28.75 → 28.8
        (Fraction(23, 80), "en", f"28.8{NBSP}%"),
        (Fraction(2, 3), "nb", f"66,7{NBSP}%"),
        (1.0, "nb", f"100{NBSP}%"),
        (None, "nb", DASH),
    ],
)
def test_fmt_percent(fraction: float | Fraction | None, lang: str, expected: str) -> None:
    assert fmt_percent(fraction, lang) == expected  # type: ignore[arg-type]


_number: Any = fmt_number  # called with bad arguments on purpose
_percent: Any = fmt_percent


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: _number(1.0, lang="de"), r'lang: .de. must be "nb"'),  # unknown language
        (lambda: _number(1.0, -1), r"decimals: -1"),  # negative decimals
        (lambda: _number(1.0, 1.5), r"decimals: 1.5"),  # decimals not whole
        (lambda: _number(float("nan")), r"value: nan must be a finite number"),
        (lambda: _number("2"), r"value: '2' must be a number"),  # text is not a number
        (lambda: _percent(0.5, "sv"), r"lang: 'sv'"),  # unknown language
        (lambda: _percent(float("inf")), r"fraction: inf"),  # not finite
    ],
)
def test_format_refuses_bad_input(call: object, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        call()  # type: ignore[operator]


@given(st.floats(-1e6, 1e6), st.integers(0, 4), st.sampled_from(["nb", "en"]))
def test_fmt_number_reads_back_as_round_half_up(value: float, decimals: int, lang: str) -> None:
    text = fmt_number(value, decimals, lang)  # type: ignore[arg-type]
    plain = text.replace(NBSP, "").replace(MINUS, "-")
    plain = plain.replace(",", ".") if lang == "nb" else plain.replace(",", "")
    assert float(plain) == round_half_up(value, decimals) or float(plain) == 0.0


# -- summarize ----------------------------------------------------------------------------


def test_form_summary_is_the_cli_numbers() -> None:
    s = summarize(load_example("form"))
    assert (s.kind, s.means, s.benefit, s.paired, s.unpaired) == ("form", (2.0, 5.0), 3.0, 4, 0)
    assert (s.improved, s.important_change, s.minimal_important_change) == (True, True, 2.0)
    assert s.reason is None
    assert str(s).splitlines()[-2:] == [
        "Opplevd nytte (perceived benefit) 1.→2. samtale: 3,0 (4 parvise, paired)",
        "Minste viktige endring (minimal important change) 2,0: nådd (reached)",
    ]
    english = s.format("en")
    assert "Conversation 2" in english
    assert "Perceived benefit 1st → 2nd conversation: 3.0 (4 paired)" in english
    assert "Minimal important change 2.0: reached" in english


def test_form_with_one_conversation_is_a_normal_state() -> None:
    form = load_example("form")
    s = summarize(attrs.evolve(form, conversations=form.conversations[:1]))
    assert (s.benefit, s.paired, s.improved, s.important_change) == (None, 0, None, None)
    assert s.minimal_important_change is None  # as the CLI's score --json
    assert s.reason == "only_one_conversation"
    assert s.reason_en == "Only one conversation: the perceived benefit needs a 2nd conversation."
    assert "Bare én samtale" in str(s)
    assert f"Perceived benefit: {DASH} Only one conversation" in s.format("en")


def test_form_with_no_conversation() -> None:
    form = attrs.evolve(load_example("form"), conversations=())
    s = summarize(form)
    assert (s.means, s.benefit, s.reason) == ((), None, "no_conversation")
    assert "Samtale" not in str(s)  # no means table without a conversation


def test_form_without_paired_activity_and_with_unpaired_ones() -> None:
    acts = [Activity(name="Sove"), Activity(name="Handle")]
    convs = [
        Conversation(date=d(2020, 1, 1), scores={"Sove": 2}),
        Conversation(date=d(2020, 3, 1), scores={"Handle": 5}),
    ]
    s = summarize(WhatMattersForm(activities=acts, conversations=convs))
    assert (s.benefit, s.paired, s.unpaired, s.reason) == (None, 0, 2, "no_paired_activity")
    assert s.minimal_important_change == 2.0
    both = [*convs[:1], Conversation(date=d(2020, 3, 1), scores={"Sove": 3, "Handle": 5})]
    s = summarize(WhatMattersForm(activities=acts, conversations=both))
    assert (s.benefit, s.paired, s.unpaired, s.important_change) == (1.0, 1, 1, False)
    assert "ikke nådd (not reached)" in str(s)
    assert "Utelatt (left out): 1 scoret ved bare én av samtalene (scored at only" in str(s)
    assert "Left out: 1 scored at only one of the conversations" in s.format("en")


def test_checklist_summary() -> None:
    s = summarize(load_example("checklist"))
    assert (s.points, s.max_points, s.fidelity, s.percent) == (8, 10, 0.8, 80.0)
    assert str(s).endswith(f"8 av (of) 10 poeng (points) = 80{NBSP}%")
    assert s.format("en").endswith(f"Program fidelity: 8 of 10 points = 80{NBSP}%")


def test_kor_summary() -> None:
    s = summarize(load_example("kor"))
    assert s.ors_totals == (16.8, 20.6, 27.6)
    assert s.srs_totals == (34.7, 37.0, 37.7)
    assert s.ors_clinical == (True, True, False)
    assert s.srs_alliance_warning == (True, False, False)
    assert (s.ors_change, s.reliable_change, s.reason) == (10.8, True, None)
    text = str(s)
    assert "ORS < 25: klinisk område (clinical range); SRS < 36: sjekk alliansen" in text
    assert text.endswith("Endring i ORS (ORS change): +10,8: pålitelig (reliable)")
    assert s.format("en").endswith("ORS change: +10.8: reliable")


def _session(day: int, ors: float | None, srs: float | None) -> KorSession:
    return KorSession(
        date=d(2020, 1, day),
        ors=None if ors is None else OrsRatings(**dict.fromkeys(_ORS, ors / 4)),
        srs=None if srs is None else SrsRatings(**dict.fromkeys(_SRS, srs / 4)),
    )


_ORS = ("individually", "interpersonally", "socially", "overall")
_SRS = ("relationship", "goals_and_topics", "approach", "overall")


@pytest.mark.parametrize(
    ("sessions", "change", "reliable", "reason"),
    [
        ([], None, None, "no_session"),  # nothing recorded yet
        ([(1, 20.0, 36.0)], None, None, "only_one_session"),  # a change needs two
        ([(1, None, 36.0), (2, 24.0, 36.0)], None, None, "no_ors_at_both"),  # ORS missing first
        ([(1, 20.0, 36.0), (2, None, 36.0)], None, None, "no_ors_at_both"),  # and last
        ([(1, 30.0, 36.0), (2, 28.0, None)], -2.0, False, None),  # a fall, not reliable
    ],
)
def test_kor_summary_cases(
    sessions: list[tuple[int, float | None, float | None]],
    change: float | None,
    reliable: bool | None,
    reason: str | None,
) -> None:
    kor = KorRatings(sessions=[_session(*s) for s in sessions])
    s = summarize(kor)
    assert (s.ors_change, s.reliable_change, s.reason) == (change, reliable, reason)
    assert len(s.ors_totals or ()) == len(sessions)
    text = s.format("en")
    if reason is None:
        assert text.endswith(f"ORS change: {MINUS}2.0: not reliable")
        assert str(s).endswith("ikke pålitelig (not reliable)")
    else:
        assert f"ORS change: {DASH}" in text


def test_goal_summary() -> None:
    s = summarize(load_example("goal"))
    assert (s.met, s.letters) == (6, "SMARTE")
    assert s.criteria == dict.fromkeys("SMARTE", True)
    with pytest.raises(TypeError):  # read-only, as the summary is frozen
        s.criteria["S"] = False  # type: ignore[index]
    bare = summarize(SmartGoal(statement="Bli bedre på brukermedvirkning."))
    assert (bare.met, bare.letters) == (0, "------")
    assert "  M ✗ Målbar (measurable)" in str(bare)
    assert "  T ✗ time-bound, the library's addition" in bare.format("en")
    assert "SMARTE [------]: 0 of 6 met" in bare.format("en")


@pytest.mark.parametrize(
    ("document", "kind"),
    [
        (load_example("plan"), "'plan'"),  # a document kind that has no score
        (load_example("wheel"), "'wheel'"),
        (object(), "'object'"),  # not a document at all
        (None, "'NoneType'"),
    ],
)
def test_unknown_kind_is_a_validation_error(document: object, kind: str) -> None:
    with pytest.raises(ValidationError, match=rf"^kind: {kind} cannot be summarized; expected"):
        summarize(document)


@pytest.mark.parametrize("kind", ["form", "checklist", "kor", "goal"], ids=lambda k: f"example-{k}")
def test_to_dict_has_fixed_keys_and_is_json(kind: str) -> None:
    data = summarize(load_example(kind)).to_dict()
    assert tuple(data) == SUMMARY_KEYS
    assert json.loads(json.dumps(data)) == data
    assert data["kind"] == kind


def test_to_dict_keeps_the_cli_json_numbers() -> None:
    data = summarize(load_example("goal")).to_dict()
    assert data["criteria"] == dict.fromkeys("SMARTE", True)
    assert isinstance(data["criteria"], dict)
    assert summarize(load_example("form")).to_dict()["means"] == [2.0, 5.0]


@pytest.mark.parametrize(
    ("fields", "match"),
    [
        ({"kind": "plan"}, r"kind: 'plan' must be one of form, checklist, kor, goal"),
        (
            {"kind": "kor", "ors_totals": (1.0,), "srs_totals": ()},  # columns out of step
            r"ors_totals: and the other KOR columns must have one value per session",
        ),
    ],
)
def test_summary_refuses_bad_fields(fields: dict[str, object], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        Summary(**fields)  # type: ignore[arg-type]


def test_format_refuses_unknown_lang() -> None:
    with pytest.raises(ValidationError, match="lang"):
        summarize(load_example("form")).format("de")  # type: ignore[arg-type]


def test_summarize_never_warns() -> None:
    acts = [Activity(name="Sove"), Activity(name="Handle")]
    convs = [
        Conversation(date=d(2020, 1, 1), scores={"Sove": 2, "Handle": 3}),
        Conversation(date=d(2020, 3, 1), scores={"Sove": 5}),
    ]
    form = WhatMattersForm(activities=acts, conversations=convs)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = summarize(form)  # benefit() would warn here
    assert (s.benefit, s.unpaired) == (3.0, 1)


# -- properties ---------------------------------------------------------------------------


@given(forms(max_conversations=3))
def test_summary_numbers_equal_the_forms_benefit(form: WhatMattersForm) -> None:
    s = summarize(form)
    assert s.means == form.means()
    if len(form.conversations) < 2:
        assert s.benefit is None
        assert s.reason in ("no_conversation", "only_one_conversation")
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LaeringsnettverkWarning)
        b = form.benefit()
    assert (s.benefit, s.paired, s.unpaired) == (b.value, b.paired, len(b.unpaired))
    assert (s.improved, s.important_change) == (b.improved, b.important)
    assert s.minimal_important_change == b.minimal_important_change
    assert (s.reason is None) == (b.value is not None)


@given(st.one_of(forms(max_conversations=3), checklists(), kor_ratings()))
def test_every_summary_has_the_fixed_keys_and_a_table(document: object) -> None:
    s = summarize(document)
    assert tuple(s.to_dict()) == SUMMARY_KEYS
    json.dumps(s.to_dict())
    assert str(s) == s.format("nb")
    assert s.format("en")


@given(checklists())
def test_checklist_summary_equals_the_checklist(checklist: object) -> None:
    s = summarize(checklist)
    assert (s.points, s.max_points) == (checklist.points, checklist.max_points)  # type: ignore[attr-defined]
    assert s.fidelity == checklist.fidelity()  # type: ignore[attr-defined]
