"""SMART(E) goals: the assessment's rules, progress, the municipal goals, bad input."""

from __future__ import annotations

import datetime
import json
import sys
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.goals import (
    CriterionResult,
    Indicator,
    IndicatorKind,
    IndicatorRole,
    MunicipalGoal,
    Observation,
    Party,
    ProgressStatus,
    SmartAssessment,
    SmartCriterion,
    SmartGoal,
    assess_smart,
    goal_progress,
    municipal_goals,
)
from laeringsnettverk.serialization import from_dict, to_dict
from strategies.goals import (
    GOAL_FIELDS,
    assessments,
    complete_goals,
    criterion_results,
    goal_progresses,
    goals,
    indicators,
    observations,
    on_scale,
    parties,
    progress_points,
)
from strategies.goals import municipal_goals as municipal_goal_models
from strategies.toolkit import dates

d = datetime.date
FORM = Indicator.for_kind(IndicatorKind.FORM_MEAN)
FULL = SmartGoal(
    statement="Brukerne opplever at tjenestene hjelper",
    population="Brukere med ROP-lidelser",
    setting="Psykisk helse- og rustjenesten",
    indicator=FORM,
    baseline=Observation(date=d(2015, 2, 5), value=2.0),
    target=5.0,
    deadline=d(2015, 12, 31),
    owner="Tjenesteleder",
    agreed_by=[Party(name="Forbedringsteamet"), Party(name="Bruker", user_representative=True)],
    rationale="Brukerne ble sjelden spurt",
)


def letters(goal: SmartGoal) -> str:
    return assess_smart(goal).letters()


def example_document(name: str) -> dict[str, Any]:
    text = resources.files("laeringsnettverk").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


# -- the rules, one by one ---------------------------------------------------------------------


def test_a_fully_specified_goal_meets_all_six() -> None:
    assessment = assess_smart(FULL)
    assert assessment.all_met
    assert assessment.met == 6
    assert assessment.letters() == "SMARTE"
    assert assessment.failed == ()
    assert "en brukerrepresentant er med" in assessment.result("E").reason_nb


def test_a_bare_statement_meets_none() -> None:
    assessment = assess_smart(SmartGoal(statement="Økt fysisk aktivitet."))
    assert assessment.met == 0
    assert assessment.failed == tuple(SmartCriterion)
    assert [r.criterion for r in assessment.results] == list(SmartCriterion)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # S: who or where is enough
        ({"population": None}, "SMARTE"),
        ({"setting": None}, "SMARTE"),
        ({"population": None, "setting": None}, "-MARTE"),
        # M needs indicator, baseline and target; A and R need them too
        ({"indicator": None}, "S---TE"),
        ({"baseline": None}, "S---TE"),
        ({"target": None}, "S---TE"),
        # A: the target must improve on the baseline, strictly
        ({"target": 2.0}, "SM-RTE"),
        ({"target": 1.5}, "SM-RTE"),
        # A with lower better: 5 is worse than 2
        ({"indicator": attrs.evolve(FORM, higher_is_better=False)}, "SM-RTE"),
        # R: target inside the bounds
        ({"target": 11.0}, "SMA-TE"),
        # R: deadline after the baseline's date (not on it)
        ({"deadline": d(2015, 2, 5)}, "SMA-TE"),
        ({"deadline": d(2015, 1, 1)}, "SMA-TE"),
        # R and T need a deadline
        ({"deadline": None}, "SMA--E"),
        # E needs at least one party; a user representative is not required
        ({"agreed_by": ()}, "SMART-"),
        ({"agreed_by": [Party(name="Teamet")]}, "SMARTE"),
        # owner and rationale are recorded but not criteria
        ({"owner": None, "rationale": None}, "SMARTE"),
        # an open upper bound passes R for any target above the baseline
        ({"indicator": Indicator(name="Antall", kind=IndicatorKind.COUNT, minimum=0)}, "SMARTE"),
    ],
)
def test_rules(changes: dict[str, Any], expected: str) -> None:
    assert letters(attrs.evolve(FULL, **changes)) == expected


def test_reasons_are_given_in_both_languages() -> None:
    for result in assess_smart(attrs.evolve(FULL, target=11.0, deadline=d(2015, 1, 1))).results:
        assert result.reason_nb.strip()
        assert result.reason_en.strip()
    r = assess_smart(attrs.evolve(FULL, target=11.0, deadline=d(2015, 1, 1))).result("R")
    assert r.reason_nb == (
        "Målverdien 11 ligger utenfor skalaen 1..10 og fristen 2015-01-01 er ikke etter "
        "utgangsverdiens dato 2015-02-05."
    )
    assert "outside the scale 1..10" in r.reason_en


def test_result_by_letter_code_or_member() -> None:
    a = assess_smart(FULL)
    assert a.result("M") is a.result("maalbar") is a.result(SmartCriterion.MEASURABLE)
    with pytest.raises(ValidationError, match="is not a SMARTE criterion"):
        a.result("X")


def test_criterion_letters_spell_smarte() -> None:
    assert "".join(c.letter for c in SmartCriterion) == "SMARTE"
    assert SmartCriterion.AGREED.label == "Enighet (agreed)"


# -- properties ------------------------------------------------------------------------------


@given(goals())
def test_assess_smart_is_total(goal: SmartGoal) -> None:
    assessment = assess_smart(goal)
    assert len(assessment.results) == 6
    assert assessment.met == sum(r.passed for r in assessment.results)
    assert 0 <= assessment.met <= 6
    assert str(assessment)


@given(complete_goals(), st.sets(st.sampled_from(GOAL_FIELDS)))
def test_adding_information_never_turns_a_pass_into_a_fail(
    goal: SmartGoal, dropped: set[str]
) -> None:
    partial = attrs.evolve(goal, **{f: () if f == "agreed_by" else None for f in dropped})
    before = {r.criterion for r in assess_smart(partial).results if r.passed}
    after = {r.criterion for r in assess_smart(goal).results if r.passed}
    assert before <= after


def test_only_a_contradiction_turns_a_pass_into_a_fail() -> None:
    # bounds that exclude the target contradict it: R passed without them, fails with them
    open_scale = attrs.evolve(FULL, indicator=Indicator(name="Antall", minimum=0))
    assert assess_smart(open_scale).result("R").passed
    closed = attrs.evolve(open_scale, indicator=Indicator(name="Antall", minimum=0, maximum=4))
    assert not assess_smart(closed).result("R").passed


# -- progress ---------------------------------------------------------------------------------


def test_progress_worked_example() -> None:
    progress = goal_progress(
        FULL,
        [
            Observation(date=d(2015, 5, 7), value=2.0),
            Observation(date=d(2015, 6, 7), value=3.5),
            Observation(date=d(2015, 9, 1), value=5.0),
        ],
    )
    assert [p.share for p in progress.points] == [0.0, 0.5, 1.0]
    assert [p.status for p in progress.points] == [
        ProgressStatus.NOT_STARTED,
        ProgressStatus.ON_TRACK,
        ProgressStatus.REACHED,
    ]
    assert progress.reached
    assert progress.latest is not None
    assert progress.latest.time_elapsed == pytest.approx(208 / 329)


def test_progress_deadline_passed_by_observation_date_or_today() -> None:
    late = goal_progress(FULL, [Observation(date=d(2016, 1, 10), value=4.0)])
    assert late.status is ProgressStatus.DEADLINE_PASSED
    assert late.points[0].share == pytest.approx(2 / 3)
    early = [Observation(date=d(2015, 6, 1), value=4.0)]
    assert goal_progress(FULL, early).status is ProgressStatus.ON_TRACK
    assert goal_progress(FULL, early, today=d(2015, 12, 31)).status is ProgressStatus.ON_TRACK
    passed = goal_progress(FULL, early, today=d(2016, 1, 1))
    assert passed.status is ProgressStatus.DEADLINE_PASSED
    assert goal_progress(FULL, [], today=d(2016, 1, 1)).status is ProgressStatus.DEADLINE_PASSED
    assert goal_progress(FULL, []).status is ProgressStatus.NOT_STARTED
    reached = [Observation(date=d(2015, 6, 1), value=6.0)]
    assert goal_progress(FULL, reached, today=d(2017, 1, 1)).status is ProgressStatus.REACHED


def test_progress_with_lower_is_better() -> None:
    admissions = Indicator(name="Innleggelser", kind=IndicatorKind.COUNT, minimum=0,
                           higher_is_better=False)  # fmt: skip
    goal = attrs.evolve(FULL, indicator=admissions, baseline=attrs.evolve(FULL.baseline, value=12),
                        target=6)  # fmt: skip
    shares = [p.share for p in goal_progress(goal, [
        Observation(date=d(2015, 3, 1), value=14),
        Observation(date=d(2015, 4, 1), value=9),
        Observation(date=d(2015, 5, 1), value=6),
    ]).points]  # fmt: skip
    assert shares == [-1 / 3, 0.5, 1.0]


@st.composite
def progress_goals(draw: st.DrawFn) -> SmartGoal:
    """A complete goal whose target is on the scale and better than its baseline."""
    goal = draw(complete_goals())
    assert goal.indicator is not None and goal.baseline is not None
    scale = on_scale(goal.indicator)
    a = draw(scale)
    b = draw(scale.filter(lambda x: x != a))
    worse, better = (a, b) if goal.indicator.better(b, a) else (b, a)
    goal = attrs.evolve(goal, baseline=attrs.evolve(goal.baseline, value=worse), target=better)
    assert assess_smart(goal).result("A").passed
    return goal


@given(progress_goals(), st.data())
def test_progress_is_monotone_in_the_better_direction(goal: SmartGoal, data: st.DataObject) -> None:
    assert goal.indicator is not None and goal.baseline is not None
    a, b = data.draw(on_scale(goal.indicator)), data.draw(on_scale(goal.indicator))
    worse, better = (a, b) if not goal.indicator.better(a, b) else (b, a)
    day = goal.baseline.date
    points = goal_progress(goal, [Observation(date=day, value=worse),
                                  Observation(date=day, value=better)]).points  # fmt: skip
    assert points[0].share <= points[1].share


@given(progress_goals())
def test_progress_is_exactly_one_at_the_target_and_zero_at_the_baseline(goal: SmartGoal) -> None:
    assert goal.baseline is not None and goal.target is not None and goal.indicator is not None
    day = goal.baseline.date
    points = goal_progress(goal, [Observation(date=day, value=goal.baseline.value),
                                  Observation(date=day, value=goal.target)]).points  # fmt: skip
    assert points[0].share == 0.0
    assert points[1].share == 1.0
    assert points[1].status is ProgressStatus.REACHED


@pytest.mark.parametrize(
    ("goal", "observations", "today", "match"),
    [
        # no baseline: nothing to measure progress from
        (attrs.evolve(FULL, baseline=None), [], None, r"goal\.baseline: is required"),
        # no indicator, no target
        (attrs.evolve(FULL, indicator=None, target=None), [], None,
         r"goal\.indicator: is required.*\n.*goal\.target: is required"),
        # the target is no improvement
        (attrs.evolve(FULL, target=1.0), [], None, r"goal\.target: 1\.0 must improve"),
        # an observation off the scale
        (FULL, [Observation(date=d(2015, 3, 1), value=11)], None,
         r"observations\[0\]\.value: 11 is outside the indicator's scale 1\.\.10"),
        # out of date order
        (FULL, [Observation(date=d(2015, 3, 1), value=3), Observation(date=d(2015, 2, 6), value=3)],
         None, r"observations\[1\]\.date: '2015-02-06' must not be before"),
        # an observation after today
        (FULL, [Observation(date=d(2015, 3, 1), value=3)], d(2015, 2, 28),
         r"observations\[0\]\.date: '2015-03-01' is after today"),
        # not observations at all
        (FULL, [(d(2015, 3, 1), 3)], None, r"observations\[0\]: 'tuple' must be an Observation"),
    ],
)  # fmt: skip
def test_progress_bad_input(
    goal: SmartGoal, observations: list[Any], today: datetime.date | None, match: str
) -> None:
    with pytest.raises(ValidationError, match=match):
        goal_progress(goal, observations, today=today)


# -- the municipal goals ----------------------------------------------------------------------


def test_municipal_goals_are_the_report_table() -> None:
    table = municipal_goals()
    assert len(table) == 28  # the seed's table has 28 rows
    assert sum(g.municipalities for g in table) == 91
    assert [g.municipalities for g in table[:9]] == [9, 9, 8, 8, 7, 7, 6, 5, 4]
    assert table[0].goal.statement.startswith("Bedre kommunikasjon og samhandling mellom 1. og 2.")
    assert table[-1].goal.statement == "Invitere inn frivillige organisasjoner til å bidra."
    assert all(g.goal.is_bare for g in table)
    counts = [g.municipalities for g in table]
    assert counts == sorted(counts, reverse=True)


def test_what_assess_smart_says_of_the_municipal_goals() -> None:
    # The report: few municipalities made their goals measurable. As bare statements, none
    # meets a single criterion; every one fails M (målbar), which is what made choosing
    # measurement tools hard.
    summary = {}
    for g in municipal_goals():
        assessment = assess_smart(g.goal)
        summary[assessment.letters()] = summary.get(assessment.letters(), 0) + 1
        assert not assessment.result("M").passed
        assert assessment.result("M").reason_en == (
            "The goal lacks an indicator, a baseline and a target."
        )
    assert summary == {"------": 28}


def test_the_example_goal_passes_all_six() -> None:
    doc = example_document("example_goal.json")
    assert (doc.pop("kind"), doc.pop("schema_version")) == ("goal", 1)
    goal = from_dict(doc, SmartGoal)
    assert assess_smart(goal).all_met
    assert goal.has_user_representative
    assert goal.indicator is not None and goal.indicator.role is IndicatorRole.OUTCOME


def test_the_data_files_are_written_as_documented() -> None:
    for name in ("example_goal.json", "municipal_goals.json"):
        text = resources.files("laeringsnettverk").joinpath("data", name).read_text("utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


# -- round trip and bad input ------------------------------------------------------------------

MODELS = {
    "Indicator": indicators(),
    "Observation": observations,
    "Party": parties,
    "SmartGoal": goals(),
    "CriterionResult": criterion_results,
    "SmartAssessment": assessments(),
    "ProgressPoint": progress_points,
    "GoalProgress": goal_progresses,
    "MunicipalGoal": municipal_goal_models,
}


@pytest.mark.parametrize("name", MODELS)
@given(data=st.data())
def test_json_round_trip(name: str, data: st.DataObject) -> None:
    obj = data.draw(MODELS[name])
    back = from_dict(json.loads(json.dumps(to_dict(obj))), type(obj))
    assert back == obj


@given(goals())
def test_assessment_round_trips(goal: SmartGoal) -> None:
    a = assess_smart(goal)
    assert from_dict(to_dict(a), SmartAssessment) == a


@pytest.mark.parametrize(
    ("build", "match"),
    [
        # a blank statement
        (lambda: SmartGoal(statement="  "), r"statement: must not be empty"),
        # a baseline off the indicator's scale is a contradiction in the data
        (lambda: attrs.evolve(FULL, baseline=Observation(date=d(2015, 1, 1), value=0)),
         r"baseline\.value: 0 is outside the indicator's scale 1\.\.10"),
        # the target must be a number
        (lambda: attrs.evolve(FULL, target="5"), r"target: '5' must be a number"),
        # NaN is not a target
        (lambda: attrs.evolve(FULL, target=float("nan")), r"target: nan must be a finite number"),
        # a datetime is not a deadline
        (lambda: attrs.evolve(FULL, deadline=datetime.datetime(2015, 1, 1)),
         r"deadline: .* must be a date"),
        # parties must be Party objects
        (lambda: attrs.evolve(FULL, agreed_by=["Teamet"]), r"agreed_by\[0\]: 'str' must be a Party"),
        # the scale's bounds must be in order
        (lambda: Indicator(name="x", minimum=10, maximum=1), r"maximum: 1 must be above minimum 10"),
        # a kind must be an IndicatorKind
        (lambda: Indicator(name="x", kind="snitt"), r"kind: 'snitt' is not a known IndicatorKind"),
        # a name is free text and never echoed
        (lambda: Indicator(name=""), r"^name: must not be empty$"),
        # bool is not a value
        (lambda: Observation(date=d(2015, 1, 1), value=True), r"value: True must be a number"),
        # a party needs a name
        (lambda: Party(name=" "), r"name: must not be empty"),
        # an assessment holds the six criteria in order
        (lambda: SmartAssessment(results=[]), r"results: '' must hold one result per criterion"),
        # a municipal goal was chosen by at least one municipality
        (lambda: MunicipalGoal(goal=SmartGoal(statement="x"), municipalities=0),
         r"municipalities: 0 must be >= 1"),
        # the result's reasons must be text
        (lambda: CriterionResult(criterion=SmartCriterion.SPECIFIC, passed=1, reason_nb="a",
                                 reason_en="b"), r"passed: 1 must be true or false"),
    ],
)  # fmt: skip
def test_bad_input(build: Any, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        build()


@pytest.mark.parametrize(
    ("data", "match"),
    [
        # the statement is required
        ({}, r"\$\.statement: is required"),
        # unknown keys are rejected
        ({"statement": "x", "measure": {}}, r"\$\.measure: is not a field of SmartGoal"),
        # a target is a number, not a string
        ({"statement": "x", "target": "5"}, r"\$\.target: '5' must be a number"),
        # a baseline's date is ISO 8601
        ({"statement": "x", "baseline": {"date": "5.2.2015", "value": 2}},
         r"\$\.baseline\.date: '5\.2\.2015' must be an ISO 8601 date"),
        # an unknown indicator kind
        ({"statement": "x", "indicator": {"name": "x", "kind": "snitt"}},
         r"\$\.indicator\.kind: 'snitt' is not a known IndicatorKind code"),
    ],
)  # fmt: skip
def test_bad_documents(data: dict[str, Any], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        from_dict(data, SmartGoal)


@given(dates)
def test_indicator_for_kind_defaults(day: datetime.date) -> None:
    fidelity = Indicator.for_kind(IndicatorKind.PROGRAM_FIDELITY)
    assert (fidelity.minimum, fidelity.maximum, fidelity.unit) == (0, 100, "%")
    kor = Indicator.for_kind(IndicatorKind.KOR_TOTAL, "ORS")
    assert (kor.name, kor.maximum) == ("ORS", 40)
    assert Indicator.for_kind(IndicatorKind.COUNT).maximum is None
    assert FORM.within(1) and FORM.within(10) and not FORM.within(0.5)
    assert Observation(date=day, value=1).date == day


def test_a_vanishing_span_clamps_the_share_instead_of_failing() -> None:
    # found by Hypothesis: a baseline one subnormal step from the target
    ind = attrs.evolve(FULL.indicator, minimum=None, maximum=None, higher_is_better=False)
    goal = attrs.evolve(
        FULL, indicator=ind, baseline=Observation(date=d(2015, 1, 1), value=5e-324), target=0.0
    )
    (point,) = goal_progress(goal, [Observation(date=d(2015, 1, 2), value=1e6)]).points
    assert point.share == -sys.float_info.max
    assert point.status is ProgressStatus.NOT_STARTED
