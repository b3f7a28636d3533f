"""Rules of the models that the other test modules do not reach: wrong types, rare cases.

Each test names the rule it checks; together they cover every line and branch of the
goals, improvement, network, stakeholders and toolkit models.
"""

from __future__ import annotations

import datetime

import attrs
import pytest

import laeringsnettverk
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.goals import (
    Indicator,
    MunicipalGoal,
    Observation,
    SmartAssessment,
    SmartGoal,
    goal_progress,
)
from laeringsnettverk.improvement import MeasurementPlan, Phase, PhaseStay
from laeringsnettverk.network import (
    DEFAULT_PREPARATION_PACKAGES,
    Gathering,
    GroupKind,
    LearningNetwork,
    OrganisationKind,
    OrganiserGroup,
    Period,
    PeriodKind,
    PreparationPackage,
    PreparationTask,
    ProgrammeItemKind,
    ProgressReport,
    ScheduledGathering,
    TaskCompletion,
    TeamMember,
    load_example_network,
    network_status,
)
from laeringsnettverk.stakeholders import (
    MapDiff,
    RelationStrength,
    SituationalBehaviour,
    SituationalCell,
    SituationalLevel,
    StakeholderChange,
    StakeholderGap,
    apply_diff,
    by_quadrant,
    diff_maps,
    example_stakeholder_map,
    plot_power_interest,
    stakeholder_mermaid,
)
from laeringsnettverk.toolkit import KorRatings, Scale, WhatMattersForm, form_benefit

d = datetime.date
NET = load_example_network().network
MAP = example_stakeholder_map()


def test_subpackages_load_on_first_use_from_the_top_level() -> None:
    assert laeringsnettverk.network is laeringsnettverk.network  # a module, the same each time
    assert laeringsnettverk.network.LearningNetwork is LearningNetwork


# -- goals ------------------------------------------------------------------------------------


def test_an_assessment_holds_criterion_results_only() -> None:
    with pytest.raises(ValidationError, match=r"results\[0\]: .*CriterionResult"):
        SmartAssessment(results=["S"])  # type: ignore[list-item]


def test_a_goal_baseline_must_be_an_observation() -> None:
    with pytest.raises(ValidationError, match=r"baseline: 'float' must be an Observation"):
        SmartGoal(statement="Mål", baseline=2.0)  # type: ignore[arg-type]


def test_a_municipal_goal_holds_a_smart_goal() -> None:
    with pytest.raises(ValidationError, match=r"goal: 'str' must be a SmartGoal"):
        MunicipalGoal(goal="Mål", municipalities=1)  # type: ignore[arg-type]


def test_goal_progress_needs_a_smart_goal() -> None:
    with pytest.raises(ValidationError, match=r"goal: 'str' must be a SmartGoal"):
        goal_progress("Mål", [])  # type: ignore[arg-type]


def _far_goal(baseline: float, target: float) -> SmartGoal:
    return SmartGoal(
        statement="Mål",
        indicator=Indicator(name="Antall"),
        baseline=Observation(date=d(2020, 1, 1), value=baseline),
        target=target,
        deadline=d(2021, 1, 1),
    )


def test_goal_progress_refuses_distances_a_float_cannot_hold() -> None:
    with pytest.raises(ValidationError, match=r"goal\.target: .* is too far from the baseline"):
        goal_progress(_far_goal(-1e308, 1e308), [])
    reachable = _far_goal(-1e308, 0.0)
    seen = [Observation(date=d(2020, 6, 1), value=1e308)]
    with pytest.raises(
        ValidationError, match=r"observations\[0\]\.value: .* is too far from the baseline"
    ):
        goal_progress(reachable, seen)


# -- improvement ------------------------------------------------------------------------------


def _indicator(name: str, role: str) -> Indicator:
    from laeringsnettverk.goals import IndicatorRole

    return Indicator(name=name, role=IndicatorRole(role))


def test_a_measurement_plan_sorts_its_family_by_role() -> None:
    process = _indicator("Andel samtaler", "prosess")
    balancing = _indicator("Ventetid", "balanse")
    plan = MeasurementPlan(indicators=[process, balancing])
    assert plan.process == (process,)
    assert plan.balancing == (balancing,)
    assert plan.outcome == ()
    codes = [f.code for f in plan.findings()]
    assert "missing_outcome_indicator" in codes
    assert "missing_process_indicator" not in codes


def test_a_stay_of_no_time_reads_zero_days() -> None:
    day = d(2024, 1, 1)
    stay = PhaseStay(phase=Phase.PREPARE, entered=day, left=None, until=day)
    assert stay.days == 0
    assert str(stay).endswith(": 0 dager (" + Phase.PREPARE.label_en + ": 0 days)")


# -- network ----------------------------------------------------------------------------------


def test_enum_helpers() -> None:
    units = {k for k in OrganisationKind if k.is_health_trust_unit}
    assert units == {
        OrganisationKind.DPS,
        OrganisationKind.SUBSTANCE_CLINIC,
        OrganisationKind.HOSPITAL,
    }
    assert {k for k in ProgrammeItemKind if k.is_group_work} == {
        ProgrammeItemKind.GROUP_WORK,
        ProgrammeItemKind.PLENARY,
    }


def test_a_package_refuses_a_task_twice_and_a_completion_twice() -> None:
    task = PreparationTask(code="a", title="A")
    with pytest.raises(ValidationError, match=r"tasks\[1\]\.code: 'a' is given twice"):
        PreparationPackage(number=1, gathering=1, tasks=[task, task])
    done = TaskCompletion(team="t", task="a", date=d(2024, 1, 1))
    with pytest.raises(
        ValidationError,
        match=r"completions\[1\]: 't/a' repeats a completion of the same task by the same team",
    ):
        PreparationPackage(number=1, gathering=1, tasks=[task], completions=[done, done])


def test_a_programme_holds_programme_items_only() -> None:
    with pytest.raises(ValidationError, match=r"programme\[0\]"):
        Gathering(number=1, days=[d(2024, 1, 2)], place="Bodø", programme=["item"])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("field", "path"),
    [
        ("groups", r"groups\[0\]"),
        ("teams", r"teams\[0\]"),
        ("gatherings", r"gatherings\[0\]"),
        ("packages", r"packages\[0\]"),
        ("periods", r"periods\[0\]"),
    ],
)
def test_a_network_list_holds_its_own_models_only(field: str, path: str) -> None:
    # a list of strings: nothing the network could check further, and a clear error
    with pytest.raises(ValidationError, match=path):
        LearningNetwork(name="n", theme="t", target_group="g", **{field: ["x"]})


def test_a_network_keeps_groups_of_a_kind_once_except_reference_groups() -> None:
    steering = OrganiserGroup(kind=GroupKind.STEERING_GROUP)
    reference = OrganiserGroup(kind=GroupKind.REFERENCE_GROUP)
    ok = LearningNetwork(name="n", theme="t", target_group="g", groups=[reference, reference])
    assert len(ok.groups) == 2
    with pytest.raises(
        ValidationError, match=r"groups\[1\]\.kind: 'styringsgruppe' is given twice"
    ):
        attrs.evolve(ok, groups=[steering, steering])


@pytest.mark.parametrize(
    ("periods", "match"),
    [
        # execution before preparation
        (
            [Period(kind=PeriodKind.EXECUTION, start=d(2024, 1, 1), end=d(2024, 6, 1)),
             Period(kind=PeriodKind.PREPARATION, start=d(2024, 7, 1))],
            r"periods\[1\]\.kind: 'forberedelse' must come after 'gjennomfoering'",
        ),
        # a period after an open-ended one
        (
            [Period(kind=PeriodKind.PREPARATION, start=d(2024, 1, 1)),
             Period(kind=PeriodKind.EXECUTION, start=d(2024, 7, 1))],
            r"periods\[1\]\.start: '2024-07-01' must be after the previous period's end",
        ),
        # overlapping periods
        (
            [Period(kind=PeriodKind.PREPARATION, start=d(2024, 1, 1), end=d(2024, 6, 1)),
             Period(kind=PeriodKind.EXECUTION, start=d(2024, 6, 1))],
            r"periods\[1\]\.start: '2024-06-01' must be after the previous period's end",
        ),
    ],
)  # fmt: skip
def test_periods_come_in_order_without_overlap(periods: list[Period], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        LearningNetwork(name="n", theme="t", target_group="g", periods=periods)


def test_network_status_needs_a_network() -> None:
    with pytest.raises(ValidationError, match=r"network: 'str' must be a LearningNetwork"):
        network_status("network")  # type: ignore[arg-type]


TEAM = NET.teams[0]


@pytest.mark.parametrize(
    ("changes", "match"),
    [
        ({"progress": ["3.5"]}, r"progress\[0\]"),  # not a ProgressReport
        ({"organisations": ["Bodø kommune"]}, r"organisations\[0\]"),  # not an Organisation
        ({"projects": ["prosjekt"]}, r"projects\[0\]"),  # not an ImprovementProject
        ({"forms": [" "]}, r"forms\[0\]"),  # a blank reference
    ],
)
def test_a_team_checks_the_types_in_its_lists(changes: dict[str, object], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        attrs.evolve(TEAM, **changes)


def test_a_progress_report_after_a_non_report_is_not_compared() -> None:
    report = ProgressReport(date=d(2025, 1, 1), score=1.0)
    with pytest.raises(ValidationError) as info:
        attrs.evolve(TEAM, progress=[report, "x"])
    assert [p.path for p in info.value.problems] == [("progress", 1)]


# -- stakeholders -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [by_quadrant, stakeholder_mermaid, plot_power_interest],
    ids=["by_quadrant", "stakeholder_mermaid", "plot_power_interest"],
)
def test_map_functions_need_a_map(call) -> None:
    with pytest.raises(ValidationError, match=r"stakeholder_map: 'str' must be a StakeholderMap"):
        call("map")


def test_a_gap_needs_a_stakeholder() -> None:
    with pytest.raises(ValidationError, match=r"stakeholder: 'str' must be a Stakeholder"):
        StakeholderGap(stakeholder="x", influential=True, salient=True)  # type: ignore[arg-type]


def test_a_situational_cell_gives_one_or_two_types() -> None:
    with pytest.raises(ValidationError, match=r"types: 0 must hold one or two types of public"):
        SituationalCell(
            behaviour=SituationalBehaviour.PROBLEM_FACING,
            involvement=SituationalLevel.HIGH,
            types=(),
        )
    with pytest.raises(ValidationError, match=r"types\[0\]"):
        SituationalCell(
            behaviour=SituationalBehaviour.PROBLEM_FACING,
            involvement=SituationalLevel.HIGH,
            types=["aktiv"],  # a code, not the enum member
        )


def test_relation_strength_ranks_in_order() -> None:
    assert [s.rank for s in RelationStrength] == list(range(len(RelationStrength)))


def test_get_of_an_unknown_actor_is_none() -> None:
    assert MAP.get("ingen slik aktør") is None
    assert MAP.get(3) is None  # type: ignore[arg-type]


def test_a_change_and_a_diff_check_their_types() -> None:
    with pytest.raises(ValidationError, match=r"before: 'str' must be a Stakeholder"):
        StakeholderChange(before="x", after=MAP.stakeholders[0])  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"owner: 'str' must be a MapOwner"):
        MapDiff(owner="x", from_date=d(2024, 1, 1), to_date=d(2024, 2, 1))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"order\[1\]: duplicates an earlier name in order"):
        MapDiff(owner=MAP.owner, from_date=d(2024, 1, 1), to_date=d(2024, 2, 1), order=["A", "a "])


def test_diff_and_apply_need_maps_and_a_diff() -> None:
    with pytest.raises(ValidationError, match=r"earlier: 'str' must be a StakeholderMap"):
        diff_maps("a", MAP)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as info:
        apply_diff("a", "b")  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == [("earlier",), ("diff",)]


def test_apply_diff_refuses_a_diff_made_from_another_map() -> None:
    later = attrs.evolve(
        MAP,
        stakeholders=[attrs.evolve(MAP.stakeholders[0], note="endret"), *MAP.stakeholders[1:]],
    )
    diff = diff_maps(MAP, later)
    assert diff.changed
    other_owner = attrs.evolve(MAP, owner=attrs.evolve(MAP.owner, name="Et annet team"))
    with pytest.raises(ValidationError, match=r"diff\.owner: must be the earlier map's owner"):
        apply_diff(other_owner, diff)
    other_notes = attrs.evolve(MAP, notes="andre notater")
    with pytest.raises(ValidationError, match=r"diff\.notes_from: must be the earlier map's notes"):
        apply_diff(other_notes, diff)
    moved = attrs.evolve(
        MAP,
        stakeholders=[attrs.evolve(MAP.stakeholders[0], note="noe annet"), *MAP.stakeholders[1:]],
    )
    with pytest.raises(
        ValidationError, match=r"diff\.changed\[0\]\.before: is not on the earlier map as recorded"
    ):
        apply_diff(moved, diff)


def test_the_grid_has_no_unplaced_note_when_every_actor_is_placed() -> None:
    placed = attrs.evolve(
        MAP,
        stakeholders=[
            s for s in MAP.stakeholders if s.influence is not None and s.interest is not None
        ],
    )
    figure = plot_power_interest(placed)
    labels = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert not any("Ikke plassert" in label for label in labels)


# -- toolkit ----------------------------------------------------------------------------------


def test_scale_span() -> None:
    assert Scale().span == Scale().maximum - Scale().minimum


def test_a_form_checks_its_scale_and_conversations() -> None:
    with pytest.raises(ValidationError, match=r"scale: 'str' must be a Scale"):
        WhatMattersForm(activities=(), scale="1-10")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"conversations\[0\]"):
        WhatMattersForm(activities=(), conversations=["samtale"])  # type: ignore[list-item]


def test_from_scores_needs_one_score_per_activity() -> None:
    with pytest.raises(
        ValidationError, match=r"conversations\[0\]\.scores: 1 must give one score .* 2 expected"
    ):
        WhatMattersForm.from_scores(["Sove", "Handle"], (d(2024, 1, 1), [3]))


def test_form_benefit_needs_a_positive_minimal_important_change() -> None:
    form = WhatMattersForm.from_scores(["Sove"], (d(2024, 1, 1), [3]), (d(2024, 2, 1), [5]))
    assert form_benefit(form).value == 2
    for bad in (0, -1, float("inf"), "1"):
        with pytest.raises(ValidationError, match=r"minimal_important_change"):
            form_benefit(form, minimal_important_change=bad)  # type: ignore[arg-type]


def test_ors_change_names_a_session_that_does_not_exist() -> None:
    from laeringsnettverk.examples import load_example

    kor = load_example("kor")
    assert isinstance(kor, KorRatings)
    n = len(kor.sessions)
    with pytest.raises(
        ValidationError, match=rf"to: {n + 1} is not a session .* \(there are {n}\)"
    ):
        kor.ors_change(1, n + 1)
    with pytest.raises(ValidationError, match=r"from_: 0 is not a session"):
        kor.ors_change(0)


def test_every_default_package_is_its_gatherings() -> None:
    assert [(p.number, p.gathering) for p in DEFAULT_PREPARATION_PACKAGES] == [
        (1, 1),
        (2, 2),
        (3, 3),
    ]


# -- checks that stop early on a wrong type, and rare rules -------------------------------------


@pytest.mark.parametrize(
    ("make", "match"),
    [
        # a day that is not a date: the order of the days is not compared
        (lambda: Gathering(number=1, days=["2024-01-02"], place="Bodø"), r"days\[0\]"),
        # tasks or completions that are not the models
        (lambda: PreparationPackage(number=1, gathering=1, tasks=["a"]), r"tasks\[0\]"),
        (
            lambda: PreparationPackage(
                number=1, gathering=1, tasks=[PreparationTask(code="a", title="A")], completions=["a"]
            ),
            r"completions\[0\]",
        ),
        # a period's start that is not a date; an end before the start
        (lambda: Period(kind=PeriodKind.EXECUTION, start="2024-01-01"), r"start: '2024-01-01'"),
        (
            lambda: Period(kind=PeriodKind.EXECUTION, start=d(2024, 2, 1), end=d(2024, 1, 1)),
            r"end: .* must not be before start 2024-02-01",
        ),
        # contacts that are not contacts; two packages with one number
        (lambda: attrs.evolve(NET, contacts=["x"]), r"contacts\[0\]"),
        (
            lambda: attrs.evolve(NET, packages=[NET.packages[0], NET.packages[0]]),
            r"packages\[1\]\.number: 1 is given twice",
        ),
        # a role given as its code, not the member; an application that is not one
        (lambda: TeamMember(name="Kari", roles=["leder"]), r"roles\[0\]"),
        (lambda: attrs.evolve(TEAM, application="søknad"), r"application: 'str' must be an Application"),
        # a diff listing something that is not an actor; a blank name in its order
        (
            lambda: MapDiff(owner=MAP.owner, from_date=d(2024, 1, 1), to_date=d(2024, 2, 1), added=["x"]),
            r"added\[0\]",
        ),
        (
            lambda: MapDiff(owner=MAP.owner, from_date=d(2024, 1, 1), to_date=d(2024, 2, 1), order=[" "]),
            r"order\[0\]",
        ),
    ],
)  # fmt: skip
def test_wrong_types_stop_the_checks_that_depend_on_them(make, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        make()


def test_readiness_for_a_phase_never_entered_looks_at_the_whole_history() -> None:
    from laeringsnettverk.improvement import ImprovementProject, readiness

    project = ImprovementProject.begin(
        title="Bedre overganger",
        team="team-1",
        area="Psykisk helse",
        start=d(2024, 1, 8),
        phase=Phase.PLAN,
    )
    assert "missing_pdsa" in {f.code for f in readiness(project, Phase.DO)}
    assert "missing_sufficiency_judgement" in {f.code for f in readiness(project, Phase.EVALUATE)}


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: SmartGoal(statement="Mål", indicator="antall"), r"indicator: 'str' must be an Indicator"),
        (lambda: Gathering(number=1, days=[], place="Bodø"), r"days: needs at least one day"),
        (lambda: PreparationPackage(number=1, gathering=1, tasks=[]), r"tasks: needs at least one task"),
        (lambda: ScheduledGathering(number=1, target=d(2024, 1, 2), days=[]), r"days: needs at least one day"),
        (lambda: attrs.evolve(TEAM, organisations=[]), r"organisations: needs at least one organisation"),
        (lambda: attrs.evolve(TEAM, forms=["skjema-1", "skjema-1"]), r"forms\[1\]: 'skjema-1' duplicates forms\[0\]"),
        (lambda: WhatMattersForm(activities=["Sove"]), r"activities\[0\]"),
    ],
)  # fmt: skip
def test_required_lists_and_types(make, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        make()


def test_perceived_benefit_of_fractional_scores_is_their_mean_difference() -> None:
    from laeringsnettverk.scoring import perceived_benefit

    # not whole numbers: the float path (math.fsum), not the exact integer sum
    assert perceived_benefit([1.5, 2.5], [2.0, 3.5]) == 0.75
    assert perceived_benefit([1.5, 2.5], [2.0, 3.5], higher_is_better=False) == -0.75
