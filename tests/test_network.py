"""Learning networks: models, schedule, review, status and the shipped example."""

from __future__ import annotations

import datetime
import json
from fractions import Fraction

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.findings import Finding
from laeringsnettverk.goals import SmartGoal
from laeringsnettverk.improvement import ImprovementProject, Phase
from laeringsnettverk.network import (
    DEFAULT_PREPARATION_PACKAGES,
    Application,
    ContactChannel,
    FollowUpContact,
    Gathering,
    ImprovementTeam,
    Initiator,
    LearningNetwork,
    MemberRole,
    NetworkGoal,
    Organisation,
    OrganisationKind,
    PeriodKind,
    ProgrammeItem,
    ProgrammeItemKind,
    ProgressReport,
    PublicHoliday,
    TeamMember,
    TimeSplit,
    is_working_day,
    load_example_network,
    network_status,
    norwegian_public_holidays,
    plan_schedule,
    review_network,
)
from laeringsnettverk.serialization import from_dict, to_dict
from strategies import network as sn

d = datetime.date
EXAMPLE = load_example_network()
K = ProgrammeItemKind


# -- holidays ---------------------------------------------------------------------------------


def test_public_holidays_2024_and_2025() -> None:
    h = norwegian_public_holidays(2024)
    assert list(h.values()) == sorted(h.values())
    assert {p.code: v.isoformat() for p, v in h.items()} == {
        "nyttaarsdag": "2024-01-01",
        "skjaertorsdag": "2024-03-28",
        "langfredag": "2024-03-29",
        "foerste_paaskedag": "2024-03-31",
        "andre_paaskedag": "2024-04-01",
        "arbeidernes_dag": "2024-05-01",
        "kristi_himmelfartsdag": "2024-05-09",
        "grunnlovsdag": "2024-05-17",
        "foerste_pinsedag": "2024-05-19",
        "andre_pinsedag": "2024-05-20",
        "foerste_juledag": "2024-12-25",
        "andre_juledag": "2024-12-26",
    }
    assert norwegian_public_holidays(2025)[PublicHoliday.ASCENSION_DAY] == d(2025, 5, 29)


def test_two_holidays_on_one_day_are_both_kept() -> None:
    h = norwegian_public_holidays(2008)  # Ascension Day was 1 May
    assert h[PublicHoliday.ASCENSION_DAY] == h[PublicHoliday.LABOUR_DAY] == d(2008, 5, 1)
    assert len(h) == 12


@given(st.integers(1900, 2200))
def test_holidays_are_never_working_days(year: int) -> None:
    for day in norwegian_public_holidays(year).values():
        assert not is_working_day(day)
    assert not is_working_day(d(year, 12, 25))


def test_working_days() -> None:
    assert is_working_day(d(2024, 12, 24))  # Christmas Eve is not a public holiday
    assert not is_working_day(d(2024, 6, 1))  # a Saturday
    with pytest.raises(ValidationError, match=r"year: 99 must be >= 1583"):
        norwegian_public_holidays(99)


# -- schedule -----------------------------------------------------------------------------------


def test_default_schedule_3_months_preparation_and_figure_1_spacing() -> None:
    # The default spacing was six months for every gap, said to be FHI's; FHI gives only
    # "21 months including 3 months of preparation", and six months lies outside the ROP
    # report's figure 1 for the first gap (2.5-5.5). The default is now the middle of each
    # figure-1 range rounded half up (4, 6, 4): 3 + 14 = 17 months to the last gathering.
    schedule = plan_schedule(d(2017, 1, 2))
    months = schedule.duration.years * 12 + schedule.duration.months
    assert months == 17
    prep = schedule.period(PeriodKind.PREPARATION)
    assert prep is not None and prep.end is not None
    assert relativedelta(prep.end + datetime.timedelta(days=1), prep.start).months == 3
    continuation = schedule.period(PeriodKind.CONTINUATION)
    assert continuation is not None and continuation.end is None


def test_troendelag_four_gatherings() -> None:
    schedule = plan_schedule(d(2019, 6, 1), 4, spacing=[4, 4, 10])
    assert [(g.first_day.year, g.first_day.month) for g in schedule.gatherings] == [
        (2019, 9), (2020, 1), (2020, 5), (2021, 3),
    ]  # fmt: skip
    # 1 January 2020 and 1 May 2020 (a Friday, then the weekend) are moved on
    assert schedule.gatherings[1].days == (d(2020, 1, 2), d(2020, 1, 3))
    assert schedule.gatherings[2].days == (d(2020, 5, 4), d(2020, 5, 5))


def test_easter_is_avoided() -> None:
    schedule = plan_schedule(d(2023, 12, 27), 3, preparation=relativedelta(days=8), spacing=[3, 2])
    assert schedule.gatherings[1].target == d(2024, 4, 4)  # aimed at Easter week ...
    assert schedule.gatherings[1].days == (d(2024, 4, 4), d(2024, 4, 5))
    first = plan_schedule(d(2024, 3, 27), 3, preparation=0, spacing=1)
    assert first.gatherings[0].days == (d(2024, 4, 2), d(2024, 4, 3))  # after Easter Monday
    assert first.period(PeriodKind.PREPARATION) is not None
    at_once = plan_schedule(d(2024, 3, 4), 3, preparation=0, spacing=1)
    assert at_once.gatherings[0].first_day == d(2024, 3, 4)
    assert at_once.period(PeriodKind.PREPARATION) is None


@given(sn.schedules())
def test_planned_gatherings_fall_on_working_days_in_order_and_keep_the_spacing(schedule) -> None:
    previous = None
    for g in schedule.gatherings:
        assert all(is_working_day(x) for x in g.days)
        assert all((b - a).days == 1 for a, b in zip(g.days, g.days[1:], strict=False))
        # at most three weeks late (three days over Christmas and New Year)
        assert g.target <= g.first_day < g.target + datetime.timedelta(days=21)
        if previous is not None:
            assert previous.last_day < g.first_day
            assert g.target > previous.target
        previous = g
    kinds = [p.kind for p in schedule.periods]
    assert kinds[-2:] == [PeriodKind.EXECUTION, PeriodKind.CONTINUATION]


@given(
    st.integers(0, 6),
    st.lists(st.integers(1, 12), min_size=3, max_size=3),
    st.dates(d(2000, 1, 1), d(2080, 1, 1)),
)
def test_targets_are_start_plus_preparation_plus_spacing(
    prep: int, gaps: list[int], start: datetime.date
) -> None:
    schedule = plan_schedule(start, 4, preparation=prep, spacing=gaps)
    for k, g in enumerate(schedule.gatherings):
        assert g.target == start + relativedelta(months=prep + sum(gaps[:k]))


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"gatherings": 2}, r"gatherings: 2 must be >= 3"),  # the domain's 3-4
        ({"gatherings": 5}, r"gatherings: 5 must be <= 4"),
        ({"days": 0}, r"days: 0 must be >= 1"),
        ({"preparation": -1}, r"preparation: -1 must not be negative"),
        ({"spacing": [4, 4]}, r"spacing: 2 must give one spacing per gap"),  # 4 gatherings, 3 gaps
        ({"spacing": "6"}, r"spacing: '6' must be a whole number of months"),
        ({"spacing": relativedelta(months=-1)}, r"spacing: .* must not go back in time"),
    ],
)
def test_plan_schedule_rejects_bad_arguments(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        plan_schedule(d(2024, 1, 1), **kwargs)  # type: ignore[arg-type]


# -- gatherings and time split ----------------------------------------------------------------

FIGURE_2 = {
    1: (3, "15/4", "11/2"),
    2: (3, "5/2", "7/2"),
    3: ("5/2", "7/2", 3),
    4: ("7/4", "17/4", "5/4"),
}


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_example_programmes_give_figure_2_exactly(number: int) -> None:
    split = EXAMPLE.network.gathering(number).time_split()
    got = (split.organiser_lecture_hours, split.external_lecture_hours, split.group_work_hours)
    assert got == tuple(Fraction(x) for x in FIGURE_2[number])


def test_figure_2_entered_as_data() -> None:
    # gathering 1: 3 / 3 3/4 / 5 1/2 hours, as one item each
    items = [
        ProgrammeItem(title="a", kind=K.ORGANISER_LECTURE, start="09:00", minutes=180),
        ProgrammeItem(title="b", kind=K.EXTERNAL_LECTURE, start="12:00", minutes=225),
        ProgrammeItem(title="c", kind=K.GROUP_WORK, start="09:00", minutes=240, day=2),
        ProgrammeItem(title="d", kind=K.PLENARY, start="13:00", minutes=90, day=2),
    ]
    g = Gathering(number=1, days=[d(2014, 10, 20), d(2014, 10, 21)], place="Oslo", programme=items)
    split = g.time_split()
    assert split.group_work_hours == Fraction(11, 2)
    assert split.group_work_share == Fraction(330, 735)
    assert split.total_hours == Fraction(49, 4)
    assert TimeSplit().group_work_share is None


@given(sn.gatherings())
def test_time_split_sums_to_the_programme(g: Gathering) -> None:
    split = g.time_split()
    assert split.total_minutes == sum(i.minutes for i in g.programme)
    assert sum(split.minutes(k) for k in ProgrammeItemKind) == split.total_minutes
    if split.total_minutes:
        assert 0 <= split.group_work_share <= 1


# -- round trips ------------------------------------------------------------------------------

MODELS = {
    "network": sn.networks(),
    "team": sn.teams(),
    "organisation": sn.organisations(),
    "member": sn.team_members,
    "application": sn.applications,
    "progress": sn.progress_reports,
    "gathering": sn.gatherings(),
    "split": sn.time_splits,
    "package": sn.preparation_packages(),
    "task": sn.preparation_tasks,
    "completion": sn.task_completions,
    "contact": sn.follow_up_contacts(),
    "group": sn.organiser_groups,
    "group_member": sn.group_members,
    "goal": sn.network_goals,
    "period": sn.periods().filter(bool).map(lambda p: p[0]),
    "scheduled": sn.scheduled_gatherings,
    "schedule": sn.schedules(),
    "status": sn.network_statuses,
    "team_status": sn.team_statuses,
}


@pytest.mark.parametrize("name", MODELS)
@given(data=st.data())
def test_json_round_trip_loses_nothing(name: str, data: st.DataObject) -> None:
    obj = data.draw(MODELS[name])
    assert from_dict(to_dict(obj), type(obj)) == obj


def test_example_round_trips_through_json_text() -> None:
    network = EXAMPLE.network
    assert from_dict(json.loads(json.dumps(to_dict(network))), LearningNetwork) == network


def test_network_goal_is_text_or_smart_goal() -> None:
    goals = (NetworkGoal(text="Bedre forløp"), NetworkGoal(goal=SmartGoal(statement="Mål")))
    assert [to_dict(g) for g in goals] == [{"text": "Bedre forløp"}, {"goal": {"statement": "Mål"}}]
    assert [g.statement for g in goals] == ["Bedre forløp", "Mål"]
    with pytest.raises(ValidationError, match="exactly one of text and goal"):
        NetworkGoal()
    with pytest.raises(ValidationError, match="exactly one of text and goal"):
        NetworkGoal(text="a", goal=SmartGoal(statement="b"))


# -- bad input --------------------------------------------------------------------------------

BODOE = Organisation(
    name="Bodø kommune", kind=OrganisationKind.MUNICIPALITY, municipality_number="1804"
)
NET = EXAMPLE.network


def _contact(team: str) -> FollowUpContact:
    return FollowUpContact(
        date=d(2025, 1, 1),
        team=team,
        who="x",
        channel=ContactChannel.PHONE,
        initiated_by=Initiator.TEAM,
    )


def _item(start: str, minutes: int, day: int = 1) -> ProgrammeItem:
    return ProgrammeItem(title="t", kind=K.GROUP_WORK, start=start, minutes=minutes, day=day)


INVALID = [
    # a contact with a team the network does not have
    (lambda: attrs.evolve(NET, contacts=[_contact("team-tromsoe")]), r"contacts\[0\]\.team: 'team-tromsoe' is not a team of the network"),
    # two gatherings numbered 1
    (lambda: attrs.evolve(NET, gatherings=[NET.gatherings[0], attrs.evolve(NET.gatherings[1], number=1)]), r"gatherings\[1\]\.number: 1 is given twice"),
    # a package for a gathering the network does not have
    (lambda: attrs.evolve(NET, packages=[attrs.evolve(NET.packages[0], gathering=9)]), r"packages\[0\]\.gathering: 9 is not a gathering"),
    # a completion by an unknown team
    (lambda: attrs.evolve(NET, teams=NET.teams[1:]), r"packages\[0\]\.completions\[0\]\.team: 'team-bodoe' is not a team"),
    # two teams with one identifier
    (lambda: attrs.evolve(NET, teams=[NET.teams[0], NET.teams[0]], packages=(), contacts=()), r"teams\[1\]\.identifier: 'team-bodoe' is given twice"),
    # gathering 2 before gathering 1 has ended
    (lambda: attrs.evolve(NET, gatherings=[NET.gatherings[0], attrs.evolve(NET.gatherings[1], days=[d(2024, 9, 4)], programme=())], packages=()), r"gatherings\[1\]\.days\[0\]: '2024-09-04' must be after gathering 1's last day"),
    # programme items that overlap
    (lambda: Gathering(number=1, days=[d(2024, 9, 3)], place="Bodø", programme=[_item("10:00", 60), _item("10:30", 30)]), r"programme\[1\]\.start: '10:30' overlaps programme\[0\] \(until 11:00 on day 1\)"),
    # an item on a day the gathering does not have
    (lambda: Gathering(number=1, days=[d(2024, 9, 3)], place="Bodø", programme=[_item("10:00", 60, day=2)]), r"programme\[0\]\.day: 2 is past the gathering's last day"),
    # an item past midnight; a clock time that is not one
    (lambda: _item("23:30", 60), r"minutes: 60 runs past midnight"),
    (lambda: _item("9:00", 60), r"start: '9:00' must be a clock time"),
    # a gathering's days out of order
    (lambda: Gathering(number=1, days=[d(2024, 9, 4), d(2024, 9, 3)], place="Bodø"), r"days\[1\]: '2024-09-03' must be after the previous day"),
    # municipality numbers: too short, letters, an int, no county ever had 25, a county number
    (lambda: attrs.evolve(BODOE, municipality_number="301"), r"municipality_number: '301' must be a municipality number of four digits"),
    (lambda: attrs.evolve(BODOE, municipality_number="03O1"), r"'03O1' must be a municipality number of four digits"),
    (lambda: attrs.evolve(BODOE, municipality_number=301), r"301 must be a municipality number of four digits"),
    (lambda: attrs.evolve(BODOE, municipality_number="2501"), r"'2501' does not start with a county number \(of 2024 or earlier\)"),
    (lambda: attrs.evolve(BODOE, municipality_number="1800"), r"'1800' is a county, not a municipality"),
    # a municipality without a number; a health trust with one
    (lambda: attrs.evolve(BODOE, municipality_number=None), r"municipality_number: is required for a municipality"),
    (lambda: Organisation(name="Helse Nord", kind=OrganisationKind.HEALTH_TRUST, municipality_number="1804"), r"must be absent for a health trust"),
    # a progress score off the 0.5 steps or the scale
    (lambda: ProgressReport(date=d(2025, 1, 1), score=0.75), r"score: 0.75 must be a step of 0.5"),
    (lambda: ProgressReport(date=d(2025, 1, 1), score=5.5), r"score: 5.5 must be <= 5"),
    # a member without a role, or with one twice
    (lambda: TeamMember(name="Kari", roles=[]), r"roles: needs at least one role"),
    (lambda: TeamMember(name="Kari", roles=[MemberRole.GP, MemberRole.GP]), r"roles\[1\]: 'fastlege' is given twice"),
    # a team identifier that is not technical
    (lambda: attrs.evolve(NET.teams[0], identifier="Team Bodø"), r"identifier: 'Team Bodø' must be lower-case ASCII"),
    # progress reports out of order
    (lambda: attrs.evolve(NET.teams[0], progress=NET.teams[0].progress[::-1]), r"progress\[1\]\.date: '2025-04-01' must be after the previous report's date"),
    # a completion of a task the package does not have
    (lambda: DEFAULT_PREPARATION_PACKAGES[0].complete("team-bodoe", "no_such_task", d(2024, 8, 1)), r"completions\[0\]\.task: 'no_such_task' is not a task of the package"),
]  # fmt: skip


@pytest.mark.parametrize(("make", "match"), INVALID)
def test_bad_input_is_a_validation_error(make, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        make()


def test_free_text_is_never_echoed() -> None:
    project = ImprovementProject.begin(
        title="t", team="Kari Nordmann", area="a", start=d(2024, 1, 1)
    )
    with pytest.raises(ValidationError) as info:
        attrs.evolve(NET.teams[0], projects=[project], organisations=[BODOE, BODOE])
    message = str(info.value)
    assert "Kari" not in message and "Bodø kommune" not in message
    assert "projects[0].team: <free text, 13 characters> must be the team's identifier" in message


def test_bad_json_is_a_validation_error_with_a_json_path() -> None:
    data = to_dict(NET)
    data["teams"][0]["organisations"][0]["municipality_number"] = "9999"
    with pytest.raises(
        ValidationError, match=r"\$\.teams\[0\]\.organisations\[0\]\.municipality_number: '9999'"
    ):
        from_dict(data, LearningNetwork)


# -- review -----------------------------------------------------------------------------------


def _codes(findings: tuple[Finding, ...]) -> list[tuple[str, str | None]]:
    return [(f.code, f.concerns) for f in findings]


def test_review_of_the_example() -> None:
    found = _codes(review_network(NET, today=d(2025, 12, 1)))
    assert found == [
        ("team_size", "team:team-hamar"),
        ("no_user_representative", "team:team-hamar"),
        ("anchoring_not_described", "team:team-hamar/application"),
        ("preparation_not_done", "team:team-stavanger/package:2"),
        ("preparation_not_done", "team:team-hamar/package:3"),
        ("no_follow_up", "team:team-aarstad/action_period:2"),
        # no ("low_group_work", "gathering:1"): the default threshold is now the library's
        # 40 %, not a 50 % "target" the source never set; gathering 1 (45 %) is the one the
        # source calls closest to its aim, so it is not flagged
        ("low_group_work", "gathering:2"),
        ("low_group_work", "gathering:3"),
        ("low_group_work", "gathering:4"),
    ]


def test_review_depends_on_today_and_the_target() -> None:
    before = _codes(review_network(NET, today=d(2024, 6, 10), group_work_target=Fraction(1, 10)))
    assert [c for c, _ in before] == [
        "team_size",
        "no_user_representative",
        "anchoring_not_described",
    ]
    mid = {c for c, _ in _codes(review_network(NET, today=d(2025, 3, 1), group_work_target=0.4))}
    assert "no_follow_up" not in mid  # the 2nd action period has not ended yet
    assert "low_group_work" in mid


def test_review_finds_a_missing_leader_coordinator_and_application() -> None:
    team = attrs.evolve(
        NET.teams[0], members=[TeamMember(name="A", roles=[MemberRole.OTHER])] * 4, application=None
    )
    network = attrs.evolve(NET, teams=[team, *NET.teams[1:]])
    found = {
        c
        for c, w in _codes(review_network(network, today=d(2024, 6, 10)))
        if w and w.startswith("team:team-bodoe")
    }
    assert found == {"no_leader", "no_coordinator", "no_user_representative", "no_application"}
    strict = review_network(network, today=d(2024, 6, 10), team_size=(5, 6))
    assert ("team_size", "team:team-bodoe") in _codes(strict)  # 4 members, 5-6 asked for


@given(sn.networks(), st.dates(d(2005, 1, 1), d(2045, 1, 1)), st.fractions(0, 1))
def test_review_is_total(network: LearningNetwork, today: datetime.date, target: Fraction) -> None:
    findings = review_network(network, today=today, group_work_target=target)
    assert all(isinstance(f, Finding) for f in findings)


def test_review_rejects_bad_arguments() -> None:
    with pytest.raises(ValidationError, match=r"group_work_target: 2 must be <= 1"):
        review_network(NET, today=d(2025, 1, 1), group_work_target=2)
    with pytest.raises(ValidationError, match=r"today: '2025-01-01' must be a date"):
        review_network(NET, today="2025-01-01")  # type: ignore[arg-type]


# -- status -----------------------------------------------------------------------------------


def test_status_of_the_example() -> None:
    status = network_status(NET, EXAMPLE.forms, EXAMPLE.checklists)
    bodoe = status.team("team-bodoe")
    assert bodoe.phases == (Phase.EVALUATE,)
    assert (bodoe.goals, bodoe.smart_goals) == (1, 1)
    assert (bodoe.tasks_done, bodoe.tasks_total, bodoe.preparation) == (10, 10, 1.0)
    assert (bodoe.forms_scored, bodoe.mean_benefit) == (2, 2.75)
    assert bodoe.mean_fidelity == pytest.approx(0.85)
    assert [r.score for r in bodoe.progress] == [1.5, 2.0, 3.0, 3.5]
    assert bodoe.progress_score == 3.5
    hamar = status.team("team-hamar")
    assert (hamar.smart_goals, hamar.forms_scored, hamar.mean_benefit) == (0, 1, None)
    assert status.team("team-stavanger").tasks_done == 8
    table = str(status)
    assert "team-bodoe" in table and "Programoppfyllelse (fidelity)" in table
    with pytest.raises(ValidationError, match="'team-x' is not a team"):
        status.team("team-x")


def test_status_without_documents_and_matching_by_reference() -> None:
    bare = network_status(NET).team("team-trondheim")
    assert (bare.forms_scored, bare.mean_benefit, bare.mean_fidelity) == (0, None, None)
    # a form without a team field still belongs to the team that lists its identifier
    form = attrs.evolve(EXAMPLE.forms[2], team=None)
    assert network_status(NET, [form]).team("team-trondheim").forms_scored == 1


@given(sn.networks())
def test_status_has_one_row_per_team(network: LearningNetwork) -> None:
    status = network_status(network)
    assert [s.team for s in status.teams] == [t.identifier for t in network.teams]
    assert all(s.tasks_done <= s.tasks_total for s in status.teams)


# -- the example ------------------------------------------------------------------------------


# The shipped files and the tool that writes them: tests/test_examples.py.


def test_example_is_realistic() -> None:
    assert len(NET.teams) == 5 and len(NET.gatherings) == 4 and len(NET.packages) == 3
    numbers = {n for t in NET.teams for n in t.municipality_numbers}
    assert numbers == {"1804", "5001", "3403", "4601", "1103"}
    assert all(g.first_day.weekday() < 5 for g in NET.gatherings)
    for form in EXAMPLE.forms:
        assert form.identifier in NET.team(form.team or "").forms
    for checklist in EXAMPLE.checklists:
        assert checklist.identifier in NET.team(checklist.team or "").checklists
    assert isinstance(NET.teams[0].application, Application)
    assert NET.teams[0].organisations[0].county == "Nordland"


def test_navigation() -> None:
    assert NET.gathering(4).title == "Felles konferanse"
    with pytest.raises(ValidationError, match="9 is not a gathering"):
        NET.gathering(9)
    with pytest.raises(ValidationError, match="'x' is not a team"):
        NET.team("x")
    assert len(NET.contacts_with("team-hamar")) == 4
    execution = NET.period(PeriodKind.EXECUTION)
    assert execution is not None and execution.contains(d(2025, 1, 6))
    assert isinstance(NET.teams[0], ImprovementTeam)
    assert NET.teams[0].latest_progress == NET.teams[0].progress[-1]
    assert ProgressReport(date=d(2025, 1, 1), score=5).label == (
        "Fremragende varige resultater (outstanding sustainable results)"
    )


@pytest.mark.parametrize(
    ("number", "county"),
    [
        ("0403", "Hedmark"),  # Hamar until 2019 (the seeds' networks ran then)
        ("1601", "Sør-Trøndelag"),  # Trondheim until 2017
        ("5001", "Trøndelag"),  # Trondheim from 2018 (2020: 5001 kept)
        ("3005", "Viken"),  # Drammen 2020-2023
        ("5401", "Troms og Finnmark"),  # Tromsø 2020-2023
        ("3301", "Buskerud"),  # Drammen from 2024
    ],
)
def test_municipality_numbers_of_earlier_county_structures_are_accepted(
    number: str, county: str
) -> None:
    org = attrs.evolve(BODOE, municipality_number=number)
    assert org.county == county


@pytest.mark.parametrize("number", ["1804\n", "18040", " 1804"])
def test_a_municipality_number_with_anything_around_it_is_refused(number: str) -> None:
    with pytest.raises(ValidationError, match="municipality_number"):
        attrs.evolve(BODOE, municipality_number=number)
