"""Measurement over time: periods, series, the builders and a network's results per period."""

from __future__ import annotations

import datetime
import importlib.util
import itertools
import math
import sys
from importlib import resources
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import laeringsnettverk as ln
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.examples import load_example
from laeringsnettverk.goals import Indicator, IndicatorKind, SmartGoal, goal_progress
from laeringsnettverk.goals import Observation as GoalObservation
from laeringsnettverk.measurement import (
    BENEFIT_INDICATOR,
    ChangeNote,
    MeasurementPeriod,
    Observation,
    PeriodUnit,
    Series,
    action_periods,
    benefit_series,
    fidelity_series,
    goal_series,
    important_change_series,
    network_periods,
    network_results,
    paired_series,
    periods_between,
)
from laeringsnettverk.serialization import load_jsonl
from laeringsnettverk.toolkit import (
    Activity,
    CollaborationChecklist,
    Conversation,
    ItemStatus,
    WhatMattersForm,
    form_benefit,
)
from strategies.measurement import series
from strategies.toolkit import forms

ROOT = Path(__file__).resolve().parent.parent
d = datetime.date


def period(code: str, start: datetime.date, end: datetime.date | None = None) -> MeasurementPeriod:
    return MeasurementPeriod(code=code, start=start, end=end or start)


def form(
    team: str | None,
    first: datetime.date,
    second: datetime.date | None,
    before: list[int],
    after: list[int],
) -> WhatMattersForm:
    names = [f"Aktivitet {i}" for i in range(len(before))]
    convs = [Conversation(date=first, scores=dict(zip(names, before, strict=True)))]
    if second is not None:
        convs.append(Conversation(date=second, scores=dict(zip(names, after, strict=True))))
    return WhatMattersForm(
        activities=[Activity(name=n) for n in names], conversations=convs, team=team
    )


def _network_documents() -> tuple[object, list[WhatMattersForm], list[CollaborationChecklist]]:
    data = resources.files("laeringsnettverk").joinpath("data")
    forms_ = load_jsonl(data.joinpath("example_network_forms.jsonl").read_text("utf-8"))
    checklists = load_jsonl(data.joinpath("example_network_checklists.jsonl").read_text("utf-8"))
    return load_example("network"), list(forms_.documents), list(checklists.documents)


# -- periods --------------------------------------------------------------------------------


def test_months_cover_every_month_across_a_new_year() -> None:
    got = periods_between(PeriodUnit.MONTH, d(2015, 11, 30), d(2016, 2, 1))
    assert [(p.code, p.start, p.end) for p in got] == [
        ("2015-11", d(2015, 11, 1), d(2015, 11, 30)),
        ("2015-12", d(2015, 12, 1), d(2015, 12, 31)),
        ("2016-01", d(2016, 1, 1), d(2016, 1, 31)),
        ("2016-02", d(2016, 2, 1), d(2016, 2, 29)),
    ]


def test_quarters_cover_every_quarter() -> None:
    got = periods_between(PeriodUnit.QUARTER, d(2015, 12, 31), d(2016, 4, 1))
    assert [(p.code, p.start, p.end) for p in got] == [
        ("2015-k4", d(2015, 10, 1), d(2015, 12, 31)),
        ("2016-k1", d(2016, 1, 1), d(2016, 3, 31)),
        ("2016-k2", d(2016, 4, 1), d(2016, 6, 30)),
    ]


@given(
    st.dates(min_value=d(1900, 1, 1), max_value=d(2200, 1, 1)),
    st.integers(0, 800),
    st.sampled_from([PeriodUnit.MONTH, PeriodUnit.QUARTER]),
)
def test_calendar_periods_tile_the_days(first: datetime.date, days: int, unit: PeriodUnit) -> None:
    last = first + datetime.timedelta(days=days)
    got = periods_between(unit, first, last)
    assert got[0].contains(first) and got[-1].contains(last)
    for a, b in itertools.pairwise(got):
        assert b.start == a.end + datetime.timedelta(days=1)
    assert len({p.code for p in got}) == len(got)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((PeriodUnit.ACTION_PERIOD, d(2015, 1, 1), d(2015, 2, 1)), "action periods come from"),
        ((PeriodUnit.MONTH, d(2015, 2, 1), d(2015, 1, 1)), "last: .* must not be before first"),
        (("uke", d(2015, 1, 1), d(2015, 1, 1)), "is not a known PeriodUnit code"),
        ((PeriodUnit.MONTH, "2015-01-01", d(2015, 1, 1)), "first: .* must be a date"),
    ],
)
def test_periods_between_refuses_bad_input(args: tuple[object, ...], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        periods_between(*args)  # type: ignore[arg-type]


def test_action_periods_run_from_one_gathering_to_the_next() -> None:
    got = action_periods(
        [
            (d(2015, 1, 20), d(2015, 1, 21)),
            (d(2015, 5, 5), d(2015, 5, 6)),
            (d(2015, 9, 1), d(2015, 9, 1)),
        ]
    )
    assert got == (
        period("handlingsperiode-1", d(2015, 1, 22), d(2015, 5, 5)),
        period("handlingsperiode-2", d(2015, 5, 7), d(2015, 9, 1)),
    )


@pytest.mark.parametrize(
    ("gatherings", "match"),
    [
        ([(d(2015, 1, 20), d(2015, 1, 21))], "needs at least two gatherings"),
        (
            [(d(2015, 1, 20), d(2015, 1, 19)), (d(2015, 5, 5), d(2015, 5, 6))],
            r"gatherings\[0\]\.last: .* must not be before its first day",
        ),
        (
            [(d(2015, 1, 20), d(2015, 1, 21)), (d(2015, 1, 21), d(2015, 1, 22))],
            r"gatherings\[1\]\.first: .* must be after the previous gathering",
        ),
        (
            [(d(2015, 1, 20), "x"), (d(2015, 5, 5), d(2015, 5, 6))],
            r"gatherings\[0\]\.last: 'x' must be a date",
        ),
    ],
)
def test_action_periods_refuse_bad_gatherings(gatherings: list[object], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        action_periods(gatherings)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"code": "2015 01"}, "code: '2015 01' must be lower-case ASCII"),
        ({"code": ""}, "code: '' must be a non-empty string"),
        ({"end": d(2014, 12, 31)}, "end: .* must not be before start 2015-01-01"),
        ({"start": "2015-01-01"}, "start: '2015-01-01' must be a date"),
    ],
)
def test_period_refuses_bad_fields(kwargs: dict[str, object], match: str) -> None:
    fields: dict[str, object] = {"code": "2015-01", "start": d(2015, 1, 1), "end": d(2015, 1, 31)}
    with pytest.raises(ValidationError, match=match):
        MeasurementPeriod(**{**fields, **kwargs})  # type: ignore[arg-type]


# -- observations and series ----------------------------------------------------------------

P1 = period("2015-01", d(2015, 1, 1), d(2015, 1, 31))
P2 = period("2015-02", d(2015, 2, 1), d(2015, 2, 28))
P3 = period("2015-03", d(2015, 3, 1), d(2015, 3, 31))


def test_observation_kinds() -> None:
    value = Observation(period=P1, value=2.5, n=4)
    prop = Observation(period=P1, numerator=3, denominator=4)
    gap = Observation(period=P1, n=0)
    assert (value.missing, value.proportion, value.chart_value) == (False, False, 2.5)
    assert (prop.missing, prop.proportion, prop.chart_value) == (False, True, 0.75)
    assert (gap.missing, gap.proportion, gap.chart_value) == (True, False, None)
    assert type(Observation(period=P1, value=3).chart_value) is float


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"period": "2015-01"}, "period: 'str' must be a MeasurementPeriod"),
        ({"value": math.nan}, "value: nan must be a finite number"),
        ({"numerator": 1}, "denominator: is required with numerator"),
        ({"denominator": 1}, "numerator: is required with denominator"),
        ({"numerator": 5, "denominator": 4}, "numerator: 5 must not be above the denominator 4"),
        ({"numerator": -1, "denominator": 4}, "numerator: -1 must be >= 0"),
        ({"numerator": 0, "denominator": 0}, "denominator: 0 must be >= 1"),
        ({"value": 1.0, "numerator": 1, "denominator": 2}, "value: must be left out"),
        ({"n": -1}, "n: -1 must be >= 0"),
        ({"excluded": 1}, "excluded: 1 must be true or false"),
        ({"reason": 3}, "reason: 3 must be text"),
    ],
)
def test_observation_refuses_bad_fields(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        Observation(**{"period": P1, **kwargs})  # type: ignore[arg-type]


def test_change_note_refuses_blank_text_without_echoing_it() -> None:
    with pytest.raises(ValidationError, match="text: must not be empty"):
        ChangeNote(date=d(2015, 1, 1), text="  ")
    with pytest.raises(ValidationError, match="date: 'i går' must be a date"):
        ChangeNote(date="i går", text="Ny rutine")  # type: ignore[arg-type]


def make_series(**kwargs: object) -> Series:
    fields: dict[str, object] = {
        "indicator": Indicator.for_kind(IndicatorKind.FORM_MEAN),
        "observations": [
            Observation(period=P1, value=2.0, n=3),
            Observation(period=P2, n=0),
            Observation(period=P3, value=5.0, n=2, excluded=True, reason="Ferie"),
        ],
        "changes": [
            ChangeNote(date=d(2015, 2, 10), text="Ny rutine"),
            ChangeNote(date=d(2015, 6, 1), text="Etter siste måned"),
        ],
    }
    return Series(**{**fields, **kwargs})  # type: ignore[arg-type]


def test_series_views_for_charts_and_goals() -> None:
    s = make_series()
    assert s.values() == (2.0, None, 5.0)
    assert s.excluded_positions() == (2,)
    assert s.annotation_positions() == ((1, "Ny rutine"),)  # the June change is after the data
    assert s.title == "Snittskåre i «Hva er viktig for meg»-skjemaet"
    assert not s.proportion
    assert s.goal_observations() == (GoalObservation(date=d(2015, 1, 31), value=2.0),)
    data = s.to_chart_data()
    assert data.values == (2.0, None, 5.0)
    assert (data.numerators, data.denominators) == (None, None)
    assert data.excluded == (2,)
    assert data.labels == ("2015-01", "2015-02", "2015-03")
    assert data.annotations == ((1, "Ny rutine"),)
    assert data.title == s.title


def test_proportion_series_gives_numerators_and_denominators_to_charts() -> None:
    s = Series(
        indicator_ref="programoppfyllelse",
        observations=[Observation(period=P1, numerator=8, denominator=10), Observation(period=P2)],
    )
    assert s.proportion and s.title == "programoppfyllelse"
    data = s.to_chart_data()
    assert data.numerators == (8, None) and data.denominators == (10, None)
    assert data.values == (0.8, None)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"indicator": None}, "indicator: is required when indicator_ref is not given"),
        ({"indicator": "snitt"}, "indicator: 'str' must be an Indicator"),
        ({"indicator_ref": ""}, "indicator_ref: '' must be a non-empty string"),
        ({"team": "Team A"}, "team: 'Team A' must be lower-case ASCII"),
        ({"network": 5}, "network: 5 must be text"),
        ({"unit": "uke"}, "unit: 'uke' is not a known PeriodUnit code"),
        ({"identifier": 5}, "identifier: 5 must be text"),
        (
            {"observations": [Observation(period=P2, n=0), Observation(period=P1, n=0)]},
            r"observations\[1\]\.period\.start: .* must be after the previous observation",
        ),
        (
            {
                "observations": [
                    Observation(period=P1, value=1.0),
                    Observation(period=P2, numerator=1, denominator=2),
                ]
            },
            r"observations\[1\]: mixes values with numerators",
        ),
        (
            {"observations": [Observation(period=P1, value=0.5)]},
            r"observations\[0\]\.value: 0\.5 is below the indicator's min 1",
        ),
        (
            {"observations": [Observation(period=P1, value=11)]},
            r"observations\[0\]\.value: 11 is above the indicator's max 10",
        ),
        ({"observations": ["x"]}, r"observations\[0\]: 'str' must be an Observation"),
        (
            {
                "changes": [
                    ChangeNote(date=d(2015, 2, 1), text="b"),
                    ChangeNote(date=d(2015, 1, 1), text="a"),
                ]
            },
            r"changes\[1\]\.date: must not be before the previous change",
        ),
        ({"changes": ["x"]}, r"changes\[0\]: 'str' must be a ChangeNote"),
    ],
)
def test_series_refuses_bad_fields(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        make_series(**kwargs)


def test_series_problems_are_reported_together_without_free_text() -> None:
    with pytest.raises(ValidationError) as info:
        make_series(
            indicator=None,
            team="Team Hemmelig",
            changes=[
                ChangeNote(date=d(2015, 2, 1), text="HEMMELIG B"),
                ChangeNote(date=d(2015, 1, 1), text="HEMMELIG A"),
            ],
        )
    assert len(info.value.problems) == 3
    assert "HEMMELIG" not in str(info.value).replace("Team Hemmelig", "")


@given(series())
def test_series_json_round_trip(s: Series) -> None:
    assert ln.loads(ln.dumps(s)) == s
    assert ln.loads(ln.dumps(s, indent=None)) == s


def test_a_gap_stays_missing_on_the_round_trip() -> None:
    s = make_series()
    back = ln.loads(ln.dumps(s))
    assert back.observations[1].missing and back.observations[1].n == 0


# -- builders -------------------------------------------------------------------------------


def test_benefit_series_of_the_source_example() -> None:
    s = benefit_series([load_example("form")])
    assert s.indicator == BENEFIT_INDICATOR and s.unit is PeriodUnit.MONTH
    assert [(o.period.code, o.value, o.n) for o in s.observations] == [("2015-05", 3.0, 1)]


FORMS = [
    form("a", d(2015, 1, 5), d(2015, 3, 2), [1, 4, 1, 2], [4, 6, 5, 5]),  # 3.0, March
    form("a", d(2015, 1, 9), d(2015, 3, 20), [2, 2], [3, 4]),  # 1.5, March
    form("b", d(2015, 2, 1), d(2015, 5, 2), [5], [4]),  # -1.0, May
    form("a", d(2015, 2, 1), None, [5], []),  # one conversation: no benefit
    form(None, d(2015, 2, 1), d(2015, 3, 3), [1], [9]),  # no team
]


def test_benefit_series_by_month_keeps_empty_months_missing() -> None:
    s = benefit_series(FORMS)
    got = [(o.period.code, o.value, o.n) for o in s.observations]
    assert got == [
        ("2015-03", pytest.approx((3.0 + 1.5 + 8.0) / 3), 3),
        ("2015-04", None, 0),
        ("2015-05", -1.0, 1),
    ]
    team_a = benefit_series(FORMS, team="a", unit=PeriodUnit.QUARTER, network="Nord")
    assert [(o.period.code, o.value, o.n) for o in team_a.observations] == [("2015-k1", 2.25, 2)]
    assert (team_a.team, team_a.network, team_a.unit) == ("a", "Nord", PeriodUnit.QUARTER)


def test_important_change_and_paired_series() -> None:
    s = important_change_series(FORMS)
    assert [(o.numerator, o.denominator, o.n) for o in s.observations] == [
        (2, 3, 3),
        (None, None, 0),
        (0, 1, 1),
    ]
    assert (
        important_change_series(FORMS, minimal_important_change=1.5).observations[0].numerator == 3
    )
    paired = paired_series(FORMS, team="a")
    assert [(o.period.code, o.value) for o in paired.observations] == [("2015-03", 2)]


def test_given_periods_are_used_and_documents_outside_them_are_left_out() -> None:
    only_march = [P3]
    s = benefit_series(FORMS, periods=only_march)
    assert s.unit is None
    assert [(o.period.code, o.n) for o in s.observations] == [("2015-03", 3)]
    assert benefit_series([], periods=[]).observations == ()
    assert benefit_series([]).observations == ()
    with pytest.raises(ValidationError, match=r"periods\[1\]\.start: .* must be after"):
        benefit_series(FORMS, periods=[P2, P1])
    with pytest.raises(ValidationError, match=r"periods\[0\]: 'str' must be a MeasurementPeriod"):
        benefit_series(FORMS, periods=["2015-03"])  # type: ignore[list-item]


def test_a_form_without_paired_activities_counts_as_paired_but_has_no_benefit() -> None:
    unpaired = WhatMattersForm(
        activities=[Activity(name="Sove"), Activity(name="Spise")],
        conversations=[
            Conversation(date=d(2015, 1, 1), scores={"Sove": 2}),
            Conversation(date=d(2015, 2, 1), scores={"Spise": 4}),
        ],
    )
    assert benefit_series([unpaired]).observations[0].missing
    assert paired_series([unpaired]).observations[0].value == 1


def test_fidelity_series_pools_points_over_items() -> None:
    def checklist(
        team: str, day: datetime.date | None, done: int, items: int
    ) -> CollaborationChecklist:
        default = CollaborationChecklist.default(date=day)
        chosen = [
            attrs.evolve(item, status=ItemStatus.DONE if i < done else ItemStatus.NOT_DONE)
            for i, item in enumerate(default.items[:items])
        ]
        return attrs.evolve(default, items=chosen, team=team)

    lists = [
        checklist("a", d(2015, 1, 10), 8, 10),
        checklist("b", d(2015, 1, 20), 1, 5),
        checklist("a", d(2015, 3, 1), 5, 10),
        checklist("a", None, 10, 10),
    ]
    s = fidelity_series(lists)
    assert [(o.numerator, o.denominator, o.n) for o in s.observations] == [
        (9, 15, 2),
        (None, None, 0),
        (5, 10, 1),
    ]
    assert s.indicator is not None and s.indicator.kind is IndicatorKind.PROGRAM_FIDELITY
    team_a = fidelity_series(lists, team="a")
    assert [o.chart_value for o in team_a.observations] == [0.8, None, 0.5]


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: benefit_series(["x"]), r"forms\[0\]: 'str' must be a WhatMattersForm"),  # type: ignore[list-item]
        (lambda: benefit_series([], team=""), "team: '' must be a non-empty string"),
        (lambda: benefit_series([], unit="uke"), "unit: 'uke' is not a known"),  # type: ignore[arg-type]
        (lambda: benefit_series([], minimal_important_change=0), "must be > 0"),
        (lambda: important_change_series([], minimal_important_change="2"), "must be a number"),  # type: ignore[arg-type]
        (lambda: fidelity_series([1]), r"checklists\[0\]: 'int' must be a CollaborationChecklist"),  # type: ignore[list-item]
        (lambda: goal_series("mål", []), "goal: 'str' must be a SmartGoal"),  # type: ignore[arg-type]
    ],
)
def test_builders_refuse_bad_input(call: object, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        call()  # type: ignore[operator]


@given(st.lists(forms(), max_size=8))
def test_benefit_series_agrees_with_form_benefit(items: list[WhatMattersForm]) -> None:
    s = benefit_series(items)
    values = [form_benefit(f).value for f in items if len(f.conversations) >= 2]
    counted = [v for v in values if v is not None]
    assert sum(o.n or 0 for o in s.observations) == len(counted)
    total = math.fsum((o.value or 0.0) * (o.n or 0) for o in s.observations)
    assert total == pytest.approx(math.fsum(counted), rel=1e-9, abs=1e-9)
    share = important_change_series(items)
    assert sum(o.denominator or 0 for o in share.observations) == len(counted)
    assert sum(o.numerator or 0 for o in share.observations) == sum(v >= 2.0 for v in counted)


def test_goal_series_feeds_goal_progress() -> None:
    goal = load_example("goal")
    measured = [
        GoalObservation(date=d(2016, 9, 1), value=5.0),
        GoalObservation(date=d(2016, 3, 1), value=3.5),
    ]
    s = goal_series(goal, measured, team="team-bodoe")
    assert [o.period.code for o in s.observations] == ["2016-03-01", "2016-09-01"]
    assert s.indicator == goal.indicator and s.indicator_ref == goal.identifier
    progress = goal_progress(goal, s.goal_observations())
    assert [p.value for p in progress.points] == [3.5, 5.0]
    bare = SmartGoal(statement="Flere brukere får en plan")
    assert goal_series(bare, []).indicator == Indicator(name="Flere brukere får en plan")
    with pytest.raises(ValidationError, match=r"observations\[0\]: 'float' must be a goals"):
        goal_series(goal, [5.0])  # type: ignore[list-item]


# -- a network's results per period ---------------------------------------------------------


def test_network_results_by_action_period() -> None:
    network, forms_, checklists = _network_documents()
    res = network_results(network, forms_, checklists)  # type: ignore[arg-type]
    assert [p.code for p in res.periods] == [p.code for p in network_periods(network)]  # type: ignore[arg-type]
    teams = [t.identifier for t in network.teams]  # type: ignore[attr-defined]
    assert len(res.rows) == len(res.periods) * (len(teams) + 1)
    total = res.row("handlingsperiode-2")
    assert total.team is None and total.forms == 5
    assert total.benefit is not None and total.benefit.lower is not None
    assert total.improved.n == 5 and total.important.n == 5
    assert total.checklists == 6 and total.fidelity == pytest.approx(0.7)
    per_team = [res.row("handlingsperiode-2", t) for t in teams]
    assert sum(r.forms for r in per_team) == total.forms
    assert (
        res.row("handlingsperiode-1").forms == 0 and res.row("handlingsperiode-1").benefit is None
    )
    table = str(res)
    assert table.splitlines()[0].startswith("Periode (period)")
    assert "nettverket" in table and "Ikke med" not in table
    with pytest.raises(ValidationError, match="period: 'x' has no row"):
        res.row("x")


def test_forms_outside_the_network_are_reported_not_dropped() -> None:
    network, forms_, checklists = _network_documents()
    team = network.teams[0].identifier  # type: ignore[attr-defined]
    extra = [
        attrs.evolve(forms_[0], team="ukjent-team"),
        attrs.evolve(forms_[0], team=None),
        attrs.evolve(forms_[0], team=team, conversations=forms_[0].conversations[:1]),
        attrs.evolve(
            forms_[0],
            team=team,
            conversations=[
                forms_[0].conversations[0],
                attrs.evolve(forms_[0].conversations[1], date=d(2040, 1, 1)),
            ],
        ),
        attrs.evolve(
            forms_[0],
            team=team,
            conversations=[  # nothing paired: no benefit
                forms_[0].conversations[0],
                attrs.evolve(forms_[0].conversations[1], scores={}),
            ],
        ),
    ]
    odd_checklists = [
        attrs.evolve(checklists[0], team="ukjent-team"),
        attrs.evolve(checklists[0], date=None),
        attrs.evolve(checklists[0], date=d(1990, 1, 1)),
    ]
    res = network_results(network, [*forms_, *extra], [*checklists, *odd_checklists])  # type: ignore[arg-type]
    n = len(forms_)
    assert res.forms_not_in_network == (n, n + 1)
    assert res.forms_outside_periods == (n + 3,)  # n + 2 has one conversation: not scored
    m = len(checklists)
    assert res.checklists_not_in_network == (m,)
    assert res.checklists_not_placed == (m + 1, m + 2)
    assert "Ikke med (left out): 2 skjema" in str(res)


def test_network_results_by_calendar_unit() -> None:
    network, forms_, checklists = _network_documents()
    res = network_results(network, forms_, checklists, unit=PeriodUnit.QUARTER)  # type: ignore[arg-type]
    assert [p.code for p in res.periods] == ["2025-k1"]
    assert res.row("2025-k1").forms == 5
    empty = network_results(network, [], unit=PeriodUnit.MONTH)  # type: ignore[arg-type]
    assert empty.periods == () and empty.rows == ()


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda n: network_results("nett", []), "network: 'str' must be a LearningNetwork"),
        (lambda n: network_results(n, [], unit="uke"), "unit: 'uke' is not a known"),
        (lambda n: network_results(n, [], minimal_important_change=-1), "must be > 0"),
        (lambda n: network_results(n, ["x"]), r"forms\[0\]: 'str' must be a WhatMattersForm"),
        (lambda n: network_results(n, [], [None]), r"checklists\[0\]: 'NoneType' must be a"),
        (lambda n: network_periods("nett"), "network: 'str' must be a LearningNetwork"),
    ],
)
def test_network_results_refuse_bad_input(call: object, match: str) -> None:
    network = load_example("network")
    with pytest.raises(ValidationError, match=match):
        call(network)  # type: ignore[operator]


# -- the shipped example ---------------------------------------------------------------------


def test_shipped_example_series_is_what_the_tool_writes() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_example_series", ROOT / "tools" / "make_example_series.py"
    )
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    sys.modules["make_example_series"] = tool
    spec.loader.exec_module(tool)
    data = resources.files("laeringsnettverk").joinpath("data")
    assert ln.loads(data.joinpath("example_series.json").read_text("utf-8")) == tool.series()
    lines = data.joinpath("example_team_forms.jsonl").read_text("utf-8").splitlines()
    assert [ln.loads(line) for line in lines] == tool.forms()
    example = load_example("series")
    assert example.changes and example.team == "team-bodoe"
    assert benefit_series(tool.forms(), team="team-bodoe").observations == example.observations
