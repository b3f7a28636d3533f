"""The improvement model: phases, projects and their history, readiness and review, bad input."""

from __future__ import annotations

import datetime
import json
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.findings import Finding, Severity, highest_severity
from laeringsnettverk.goals import (
    Frequency,
    Indicator,
    IndicatorKind,
    IndicatorRole,
    Observation,
    Party,
    SmartGoal,
)
from laeringsnettverk.improvement import (
    EVENT_TYPES,
    ActivityCompleted,
    GoalSet,
    ImprovementMeasureChosen,
    ImprovementProject,
    MeasurementPlan,
    MeasurementPlanSet,
    MeasurementToolChosen,
    NoteAdded,
    PdsaCycle,
    PdsaDecision,
    Phase,
    PhaseActivity,
    PhaseEntered,
    PhaseTime,
    SufficiencyJudged,
    readiness,
    review,
)
from laeringsnettverk.serialization import from_dict, to_dict
from strategies.improvement import (
    event_after,
    findings,
    measurement_plans,
    pdsa_cycles,
    phase_stays,
    phase_times,
    phases,
    projects,
)

d = datetime.date
START = d(2014, 9, 1)


def new(phase: Phase = Phase.PREPARE) -> ImprovementProject:
    return ImprovementProject.begin(
        title="Gode pasientforløp", team="team-1", area="Psykisk helse og rus", start=START,
        phase=phase,
    )  # fmt: skip


GOAL = SmartGoal(
    statement="Brukerne opplever at tjenestene hjelper",
    population="Brukere med ROP-lidelser",
    indicator=Indicator.for_kind(IndicatorKind.FORM_MEAN),
    baseline=Observation(date=d(2014, 11, 1), value=2.0),
    target=5.0,
    deadline=d(2015, 12, 31),
    agreed_by=[Party(name="Teamet", user_representative=True)],
    identifier="maal-1",
)


def codes(found: tuple[Finding, ...]) -> list[str]:
    return [f.code for f in found]


# -- phases ----------------------------------------------------------------------------------


def test_phases_are_the_model_in_order() -> None:
    assert [(p.number, p.code) for p in Phase] == [
        (1, "forberede"), (2, "planlegge"), (3, "utfoere"), (4, "evaluere"), (5, "foelge_opp"),
    ]  # fmt: skip
    assert [p.label_nb for p in Phase] == [
        "Forberede", "Planlegge", "Utføre", "Evaluere", "Følge opp",
    ]  # fmt: skip
    assert [p.label_en for p in Phase] == ["prepare", "plan", "do", "evaluate", "follow up"]
    assert sorted(Phase, reverse=True)[0] is Phase.FOLLOW_UP
    assert Phase.EVALUATE > Phase.DO >= Phase.DO > Phase.PLAN
    assert Phase.PREPARE < Phase.FOLLOW_UP <= Phase.FOLLOW_UP
    assert Phase.PLAN.next is Phase.DO and Phase.FOLLOW_UP.next is None
    assert Phase.PLAN.previous is Phase.PREPARE and Phase.PREPARE.previous is None
    assert Phase.from_number(4) is Phase.EVALUATE
    assert Phase("utfoere") is Phase.DO


def test_phase_activities_are_the_slides_word_for_word() -> None:
    assert {p: [a.label_nb for a in p.activities] for p in Phase} == {
        Phase.PREPARE: [
            "Felles erkjennelse av behovet for forbedring",
            "Forankre og organisere forbedringsarbeidet",
            "Klargjøre kunnskapsgrunnlaget - forskning, erfaring og brukerkunnskap",
        ],
        Phase.PLAN: [
            "Kartlegge behov og dagens praksis",
            "Sette mål",
            "Velge måleverktøy",
            "Finne / utvikle forbedringstiltak",
        ],
        Phase.DO: ["Prøve ut og tilrettelegge ny praksis"],
        Phase.EVALUATE: [
            "Måle og reflektere over resultater",
            "Vurdere om forbedringen er tilstrekkelig og eventuelt justere",
        ],
        Phase.FOLLOW_UP: [
            "Implementere ny praksis",
            "Sikre videreføring",
            "Dele erfaringene med forbedringene",
        ],
    }
    assert all(a.label_en and a.phase.activities.count(a) == 1 for a in PhaseActivity)


def test_phase_comparison_with_other_types_is_refused() -> None:
    with pytest.raises(TypeError, match="cannot order a Phase and int 3"):
        assert Phase.PLAN < 3
    with pytest.raises(TypeError, match="cannot order a Phase and str 'planlegging'"):
        assert Phase.PLAN >= "planlegging"
    # against a code, by the model's order (alphabetically "evaluere" < "utfoere")
    assert Phase.EVALUATE > "utfoere" and Phase.DO <= "evaluere"
    with pytest.raises(ValidationError, match=r"number: 6 is not a phase number"):
        Phase.from_number(6)


# -- projects ---------------------------------------------------------------------------------


def test_operations_return_new_objects() -> None:
    p0 = new()
    p1 = p0.enter(Phase.PLAN, d(2014, 10, 1))
    assert p0.history == (PhaseEntered(date=START, phase=Phase.PREPARE),)
    assert p1.current_phase is Phase.PLAN and p0.current_phase is Phase.PREPARE
    assert len(p1.history) == 2
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p1.title = "x"  # type: ignore[misc]


def test_a_full_path_with_every_kind_of_event() -> None:
    plan = MeasurementPlan(indicators=[attrs.evolve(GOAL.indicator, role=IndicatorRole.OUTCOME)])
    p = (
        new()
        .complete(PhaseActivity.ANCHOR_AND_ORGANISE, d(2014, 9, 20), note="Ledermøte")
        .enter(Phase.PLAN, d(2014, 10, 1))
        .set_goal(SmartGoal(statement="Bedre samhandling", identifier="maal-1"), d(2014, 10, 2))
        .set_goal(GOAL, d(2014, 11, 1), note="Gjort målbart")
        .set_goal(SmartGoal(statement="Et annet mål"), d(2014, 11, 1))
        .choose_tool(IndicatorKind.PROGRAM_FIDELITY, d(2014, 11, 2))
        .set_measurement_plan(plan, d(2014, 11, 3))
        .choose_measure("Koordinator til alle", d(2014, 11, 4))
        .enter(Phase.DO, d(2014, 12, 1))
        .record(PdsaCycle(date=d(2015, 1, 31), started=d(2014, 12, 1), change_idea="Skjema",
                          plan="Prøve med tre brukere", decision=PdsaDecision.ADOPT))
        .enter(Phase.EVALUATE, d(2015, 2, 1))
        .judge_sufficiency(False, d(2015, 2, 15))
        .add_note("Tilbake til utføre", d(2015, 2, 15))
    )  # fmt: skip
    assert p.goals == (GOAL, SmartGoal(statement="Et annet mål"))
    assert p.goal_revisions == 1
    assert p.tools == (IndicatorKind.PROGRAM_FIDELITY, IndicatorKind.FORM_MEAN)
    assert p.measures == ("Koordinator til alle",)
    assert p.measurement_plan == plan
    assert [c.completed for c in p.pdsa_cycles] == [True]
    assert p.path == (Phase.PREPARE, Phase.PLAN, Phase.DO, Phase.EVALUATE)
    assert set(p.completed_activities) == {
        PhaseActivity.ANCHOR_AND_ORGANISE, PhaseActivity.SET_GOALS, PhaseActivity.CHOOSE_TOOLS,
        PhaseActivity.FIND_MEASURES, PhaseActivity.TRY_OUT, PhaseActivity.JUDGE_SUFFICIENCY,
    }  # fmt: skip
    assert codes(readiness(p)) == ["missing_activity", "judged_insufficient"]
    assert {type(e) for e in p.history} == set(EVENT_TYPES)
    assert from_dict(to_dict(p), ImprovementProject) == p


def test_time_in_phases_with_dateutil() -> None:
    p = (
        new()
        .enter(Phase.PLAN, d(2014, 11, 1))
        .enter(Phase.DO, d(2015, 1, 15))
        .enter(Phase.PLAN, d(2015, 2, 1), note="Tilbake")
    )
    stays = p.stays(today=d(2015, 3, 1))
    assert [(s.phase, s.days, s.left) for s in stays] == [
        (Phase.PREPARE, 61, d(2014, 11, 1)),
        (Phase.PLAN, 75, d(2015, 1, 15)),
        (Phase.DO, 17, d(2015, 2, 1)),
        (Phase.PLAN, 28, None),
    ]
    duration = stays[1].duration
    assert (duration.years, duration.months, duration.days) == (0, 2, 14)
    assert str(stays[1]) == "Planlegge: 2 måneder og 14 dager (plan: 2 months and 14 days)"
    assert str(stays[0]) == "Forberede: 2 måneder (prepare: 2 months)"
    assert p.time_in_phases(d(2015, 3, 1)) == (
        PhaseTime(phase=Phase.PREPARE, days=61, stays=1),
        PhaseTime(phase=Phase.PLAN, days=103, stays=2),
        PhaseTime(phase=Phase.DO, days=17, stays=1),
    )
    with pytest.raises(ValidationError, match=r"today: '2015-01-31' must not be before"):
        p.stays(d(2015, 1, 31))


@given(projects())
def test_current_phase_is_always_the_last_entered(project: ImprovementProject) -> None:
    entered = [e.phase for e in project.history if isinstance(e, PhaseEntered)]
    assert project.current_phase is (entered[-1] if entered else None)
    assert project.path == tuple(entered)


@given(projects(), st.data())
def test_recording_an_event_keeps_the_current_phase_the_last_entered(
    project: ImprovementProject, data: st.DataObject
) -> None:
    day = project.history[-1].date if project.history else project.start
    event = data.draw(event_after(day, project.current_phase))
    if not project.history and not isinstance(event, PhaseEntered):
        with pytest.raises(ValidationError, match=r"history\[0\]: .* must be a PhaseEntered"):
            project.record(event)  # type: ignore[arg-type]
        return
    after = project.record(event)  # type: ignore[arg-type]
    assert after.history[:-1] == project.history
    expected = event.phase if isinstance(event, PhaseEntered) else project.current_phase
    assert after.current_phase is expected


@given(projects(), st.integers(0, 100))
def test_time_in_phases_adds_up(project: ImprovementProject, extra: int) -> None:
    if not project.history:
        assert project.time_in_phases(project.start) == ()
        return
    today = project.history[-1].date + datetime.timedelta(days=extra)
    total = sum(t.days for t in project.time_in_phases(today))
    assert total == (today - project.history[0].date).days
    assert sum(t.stays for t in project.time_in_phases(today)) == len(project.path)


@given(projects(), st.none() | phases)
def test_readiness_and_review_never_raise(project: ImprovementProject, phase: Phase | None) -> None:
    for finding in (*readiness(project, phase), *review(project)):
        assert isinstance(finding, Finding)
        assert finding.message_nb and finding.message_en


# -- readiness and review ----------------------------------------------------------------------


def test_readiness_to_leave_plan() -> None:
    p = new(Phase.PLAN)
    assert codes(readiness(p)) == [
        "missing_activity", "missing_goal", "missing_tool", "missing_measure",
    ]  # fmt: skip
    bare = p.set_goal(SmartGoal(statement="Bedre samhandling"), d(2014, 9, 2))
    (finding,) = [f for f in readiness(bare) if f.code == "goal_not_smart"]
    assert finding.severity is Severity.WARNING
    assert finding.message_en == "Goal 1 meets 0 of the 6 SMARTE criteria (not S, M, A, R, T, E)."
    assert finding.concerns == "goals[0]"
    ready = (
        p.complete(PhaseActivity.MAP_NEEDS, d(2014, 9, 5))
        .set_goal(GOAL, d(2014, 11, 1))
        .choose_tool(IndicatorKind.FORM_MEAN, d(2014, 11, 1))
        .choose_measure("Koordinator", d(2014, 11, 2))
    )
    assert readiness(ready) == ()


def test_readiness_includes_the_measurement_plans_advice() -> None:
    plan = MeasurementPlan(indicators=[
        Indicator(name="Snitt", role=IndicatorRole.OUTCOME, definition="x", data_source="y",
                  frequency=Frequency.MONTHLY),
        Indicator(name="Antall", role=IndicatorRole.PROCESS),
    ])  # fmt: skip
    p = new(Phase.PLAN).set_measurement_plan(plan, d(2014, 9, 2))
    found = {f.code: f for f in readiness(p)}
    assert "missing_tool" not in found  # the plan's indicators are tools
    assert found["missing_balancing_indicator"].severity is Severity.INFO
    assert found["missing_data_source"].concerns == "measurement_plan.indicators[1].data_source"


def test_readiness_to_leave_do_needs_a_completed_pdsa_cycle_since_entering() -> None:
    p = new(Phase.DO)
    assert codes(readiness(p)) == ["missing_pdsa"]
    running = p.record(PdsaCycle(date=d(2014, 9, 10), change_idea="x", plan="y"))
    assert codes(readiness(running)) == ["pdsa_not_completed"]
    done = running.record(PdsaCycle(date=d(2014, 9, 30), change_idea="x", plan="y",
                                    decision=PdsaDecision.ABANDON))  # fmt: skip
    assert readiness(done) == ()
    # back in utføre later: the earlier cycle no longer counts
    again = done.enter(Phase.EVALUATE, d(2014, 10, 1)).enter(Phase.DO, d(2014, 10, 2))
    assert codes(readiness(again)) == ["missing_pdsa"]
    assert codes(readiness(again, Phase.DO)) == ["missing_pdsa"]


def test_readiness_to_leave_evaluate_needs_a_judgement() -> None:
    p = new(Phase.EVALUATE).complete(PhaseActivity.MEASURE_AND_REFLECT, d(2014, 9, 2))
    (finding,) = readiness(p)
    assert finding.code == "missing_sufficiency_judgement"
    assert finding.message_nb == "Teamet har ikke vurdert om forbedringen er tilstrekkelig."
    assert codes(readiness(p.judge_sufficiency(False, d(2014, 9, 3)))) == ["judged_insufficient"]
    assert readiness(p.judge_sufficiency(True, d(2014, 9, 3))) == ()


def test_readiness_to_leave_prepare_and_follow_up_lists_the_activities() -> None:
    found = readiness(new())
    assert [(f.severity, f.concerns) for f in found] == [
        (Severity.INFO, "activity:felles_erkjennelse"),
        (Severity.WARNING, "activity:forankre_og_organisere"),
        (Severity.INFO, "activity:klargjoere_kunnskapsgrunnlaget"),
    ]
    assert len(readiness(new(Phase.FOLLOW_UP))) == 3


def test_readiness_without_a_phase() -> None:
    empty = ImprovementProject(title="x", team="t", area="a", start=START)
    assert codes(readiness(empty)) == ["no_phase"]
    assert review(empty) == ()
    assert empty.current_phase is None


def test_review_flags_skipping_and_records_going_back() -> None:
    p = new(Phase.PLAN).enter(Phase.EVALUATE, d(2014, 10, 1)).enter(Phase.DO, d(2014, 11, 1))
    found = review(p)
    skipped = [f for f in found if f.code == "skipped_phase"]
    assert [(f.concerns, f.message_en) for f in skipped] == [
        ("history[0]", "The project skipped prepare."),
        ("history[1]", "The project skipped do."),
    ]
    assert [(f.code, f.concerns) for f in found if f.severity is Severity.INFO][-1] == (
        "went_back", "history[2]",
    )  # fmt: skip
    # leaving planlegge at history[1], the readiness findings of that moment
    assert {"missing_goal", "missing_tool", "missing_measure"} <= {
        f.code for f in found if f.concerns == "history[1]"
    }
    assert highest_severity(found) is Severity.WARNING


def test_findings() -> None:
    f = Finding(severity=Severity.INFO, code="went_back", message_nb="a", message_en="b")
    assert str(f) == "Informasjon (information) [went_back] a / b"
    assert [s.rank for s in Severity] == [0, 1, 2]
    assert highest_severity([f, attrs.evolve(f, severity=Severity.ERROR)]) is Severity.ERROR
    assert highest_severity([]) is None


# -- example data -------------------------------------------------------------------------------


def test_the_example_project() -> None:
    text = resources.files("laeringsnettverk").joinpath(
        "data", "example_project.json").read_text("utf-8")  # fmt: skip
    doc = json.loads(text)
    assert text == json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    assert (doc.pop("kind"), doc.pop("schema_version")) == ("project", 1)
    project = from_dict(doc, ImprovementProject)
    assert to_dict(project) == doc
    assert project.current_phase is Phase.FOLLOW_UP
    assert project.path == (Phase.PREPARE, Phase.PLAN, Phase.DO, Phase.PLAN, Phase.DO,
                            Phase.EVALUATE, Phase.FOLLOW_UP)  # fmt: skip
    assert project.goal_revisions == 1
    # the team left planlegge the first time with a bare goal, then went back to fix it
    assert [(f.code, f.concerns) for f in review(project)] == [
        ("goal_not_smart", "history[9]"),
        ("went_back", "history[11]"),
    ]


# -- round trip and bad input ---------------------------------------------------------------------

MODELS: dict[str, st.SearchStrategy[Any]] = {
    "ImprovementProject": projects(),
    "MeasurementPlan": measurement_plans(),
    "PdsaCycle": pdsa_cycles(),
    "Finding": findings,
    "PhaseStay": phase_stays,
    "PhaseTime": phase_times,
}


@pytest.mark.parametrize("name", MODELS)
@given(data=st.data())
def test_json_round_trip(name: str, data: st.DataObject) -> None:
    obj = data.draw(MODELS[name])
    assert from_dict(json.loads(json.dumps(to_dict(obj))), type(obj)) == obj


@given(st.data())
def test_every_event_round_trips_inside_a_history(data: st.DataObject) -> None:
    project = data.draw(projects(max_events=12))
    assert from_dict(to_dict(project), ImprovementProject) == project
    for event in project.history:
        assert from_dict(to_dict(event), type(event)) == event


def test_the_history_tells_events_apart_by_their_fields() -> None:
    assert [sorted(to_dict(e)) for e in new().add_note("x", START).history] == [
        ["date", "phase"], ["date", "text"],
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("build", "match"),
    [
        # the first event is entering a phase
        (lambda: ImprovementProject(title="x", team="t", area="a", start=START,
                                    history=[NoteAdded(date=START, text="x")]),
         r"history\[0\]: 'NoteAdded' must be a PhaseEntered"),
        # no event before the start
        (lambda: ImprovementProject(title="x", team="t", area="a", start=START,
                                    history=[PhaseEntered(date=d(2014, 8, 1), phase=Phase.PLAN)]),
         r"history\[0\]\.date: '2014-08-01' must not be before the project's start"),
        # events in date order
        (lambda: new().add_note("x", d(2014, 10, 1)).add_note("y", d(2014, 9, 30)),
         r"history\[2\]\.date: '2014-09-30' must not be before the previous event's date"),
        # entering the phase the project is in
        (lambda: new().enter(Phase.PREPARE, d(2014, 10, 1)),
         r"history\[1\]\.phase: 'forberede' is already the current phase"),
        # not an event
        (lambda: new().record("planlegge"), r"event: 'str' must be a project event"),  # type: ignore[arg-type]
        # a phase by a wrong code
        (lambda: PhaseEntered(date=START, phase="utfore"), r"phase: 'utfore' is not a known Phase"),
        # a PDSA cycle cannot start after it was recorded
        (lambda: PdsaCycle(date=START, started=d(2014, 9, 2), change_idea="x", plan="y"),
         r"started: '2014-09-02' must not be after the cycle's date 2014-09-01"),
        # a PDSA cycle's change idea is free text, never echoed
        (lambda: PdsaCycle(date=START, change_idea=" ", plan="y"),
         r"^change_idea: must not be empty$"),
        # a decision is a PdsaDecision
        (lambda: PdsaCycle(date=START, change_idea="x", plan="y", decision="adopt"),
         r"decision: 'adopt' is not a known PdsaDecision"),
        # a tool is an IndicatorKind
        (lambda: MeasurementToolChosen(date=START, tool="kor"),
         r"tool: 'kor' is not a known IndicatorKind"),
        # a measurement plan's members need a role
        (lambda: MeasurementPlan(indicators=[Indicator(name="x")]),
         r"indicators\[0\]\.role: is required in a measurement plan"),
        # names are unique in a measurement plan, compared case-insensitively (never echoed)
        (lambda: MeasurementPlan(indicators=[
            Indicator(name="Snitt", role=IndicatorRole.OUTCOME),
            Indicator(name="snitt ", role=IndicatorRole.PROCESS)]),
         r"indicators\[1\]\.name: <free text, 6 characters> duplicates indicators\[0\]\.name"),
        # the goal of GoalSet is a SmartGoal
        (lambda: GoalSet(date=START, goal="Bedre samhandling"), r"goal: 'str' must be a SmartGoal"),
        # a judgement is true or false
        (lambda: SufficiencyJudged(date=START, sufficient="ja"),
         r"sufficient: 'ja' must be true or false"),
        # a measure needs a description
        (lambda: ImprovementMeasureChosen(date=START, description=""),
         r"description: must not be empty"),
        # an activity by its code
        (lambda: ActivityCompleted(date=START, activity="sette mål"),
         r"activity: 'sette mål' is not a known PhaseActivity"),
        # the plan of MeasurementPlanSet is a MeasurementPlan
        (lambda: MeasurementPlanSet(date=START, measurement_plan=[]),
         r"measurement_plan: 'list' must be a MeasurementPlan"),
        # a finding's severity
        (lambda: Finding(severity="høy", code="x", message_nb="a", message_en="b"),
         r"severity: 'høy' is not a known Severity"),
        # a project needs a title
        (lambda: ImprovementProject(title="", team="t", area="a", start=START),
         r"title: must not be empty"),
    ],
)  # fmt: skip
def test_bad_input(build: Any, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        build()


@pytest.mark.parametrize(
    ("data", "match"),
    [
        # an event no class has the fields of
        ({"title": "x", "team": "t", "area": "a", "start": "2014-09-01",
          "history": [{"date": "2014-09-01"}]}, r"\$\.history\[0\]: must be a"),
        # an unknown phase code
        ({"title": "x", "team": "t", "area": "a", "start": "2014-09-01",
          "history": [{"date": "2014-09-01", "phase": "gjennomfoere"}]},
         r"\$\.history\[0\]\.phase: 'gjennomfoere' is not a known Phase code"),
        # the start date is required
        ({"title": "x", "team": "t", "area": "a"}, r"\$\.start: is required"),
        # validation of the whole object runs on loading too
        ({"title": "x", "team": "t", "area": "a", "start": "2014-09-01",
          "history": [{"date": "2014-09-01", "text": "notat"}]}, r"must be a PhaseEntered"),
    ],
)  # fmt: skip
def test_bad_documents(data: dict[str, Any], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        from_dict(data, ImprovementProject)
