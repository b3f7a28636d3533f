"""Learning networks: properties that must hold for every network, schedule and gathering.

The networks come from ``strategies.network``: valid by construction (references resolve,
gathering numbers unique and in time order), so each property is an invariant of the
models, the schedule, the review or the status, not of hand-picked examples.
"""

from __future__ import annotations

import datetime
import itertools
from fractions import Fraction

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given
from hypothesis import strategies as st

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.network import (
    LearningNetwork,
    MemberRole,
    PeriodKind,
    ProgrammeItem,
    ProgrammeItemKind,
    PublicHoliday,
    TimeSplit,
    is_working_day,
    network_status,
    norwegian_public_holidays,
    plan_schedule,
    review_network,
)
from laeringsnettverk.network._team import COUNTIES_2024, PROGRESS_SCORES
from laeringsnettverk.serialization import dumps, loads
from strategies import WHOLE_NETWORKS
from strategies import network as sn

d = datetime.date
ONE = datetime.timedelta(days=1)
years = st.integers(1583, 4099)
any_day = st.dates(d(1583, 1, 1), d(4099, 12, 31))
today = st.dates(d(2005, 1, 1), d(2045, 1, 1))

EASTER_WEEKDAYS = {
    PublicHoliday.MAUNDY_THURSDAY: 3,
    PublicHoliday.GOOD_FRIDAY: 4,
    PublicHoliday.EASTER_SUNDAY: 6,
    PublicHoliday.EASTER_MONDAY: 0,
    PublicHoliday.ASCENSION_DAY: 3,
    PublicHoliday.WHIT_SUNDAY: 6,
    PublicHoliday.WHIT_MONDAY: 0,
}


# -- holidays and working days ----------------------------------------------------------------


@given(years)
def test_holidays_are_twelve_in_date_order_within_the_year(year: int) -> None:
    holidays = norwegian_public_holidays(year)
    assert set(holidays) == set(PublicHoliday)
    assert list(holidays.values()) == sorted(holidays.values())
    assert all(day.year == year for day in holidays.values())
    for holiday, weekday in EASTER_WEEKDAYS.items():
        assert holidays[holiday].weekday() == weekday, holiday
    easter = holidays[PublicHoliday.EASTER_SUNDAY]
    assert d(year, 3, 22) <= easter <= d(year, 4, 25)  # the bounds of Western Easter
    assert holidays[PublicHoliday.WHIT_SUNDAY] - easter == datetime.timedelta(days=49)


@given(years)
def test_holidays_are_a_fresh_copy_each_call(year: int) -> None:
    first = norwegian_public_holidays(year)
    first.clear()  # the caller's dict is the caller's: the cache is untouched
    assert len(norwegian_public_holidays(year)) == 12


@given(any_day)
def test_a_working_day_is_a_weekday_that_is_no_holiday(day: datetime.date) -> None:
    expected = day.weekday() < 5 and day not in norwegian_public_holidays(day.year).values()
    assert is_working_day(day) is expected


# -- schedules --------------------------------------------------------------------------------


@given(sn.schedules())
def test_schedule_periods_cover_the_network_without_gaps(schedule) -> None:
    first, last = schedule.gatherings[0].first_day, schedule.gatherings[-1].last_day
    prep = schedule.period(PeriodKind.PREPARATION)
    execution = schedule.period(PeriodKind.EXECUTION)
    continuation = schedule.period(PeriodKind.CONTINUATION)
    assert execution is not None and (execution.start, execution.end) == (first, last)
    assert continuation is not None and (continuation.start, continuation.end) == (last + ONE, None)
    if schedule.start < first:
        assert prep is not None and (prep.start, prep.end) == (schedule.start, first - ONE)
    else:
        assert prep is None and schedule.start == first
    assert schedule.duration == relativedelta(last, schedule.start)
    # a network accepts the periods as they are: in order and without overlap
    assert LearningNetwork(name="n", theme="t", target_group="g", periods=schedule.periods)


@given(sn.schedules(), sn.texts)
def test_a_schedule_gives_the_gatherings_of_a_valid_network(schedule, place: str) -> None:
    gatherings = schedule.to_gatherings(place)
    assert [g.number for g in gatherings] == list(range(1, len(schedule.gatherings) + 1))
    assert [g.days for g in gatherings] == [s.days for s in schedule.gatherings]
    assert all(g.place == place and g.programme == () for g in gatherings)
    network = LearningNetwork(
        name="n", theme="t", target_group="g", gatherings=gatherings, periods=schedule.periods
    )
    assert network.gatherings_in_order == gatherings


@given(
    st.dates(d(2000, 1, 1), d(2080, 1, 1)),
    st.integers(3, 4),
    st.integers(0, 6),
    st.integers(1, 12),
    st.integers(1, 3),
)
def test_one_spacing_is_the_same_spacing_for_every_gap(
    start: datetime.date, count: int, prep: int, gap: int, days: int
) -> None:
    one = plan_schedule(start, count, preparation=prep, spacing=gap, days=days)
    each = plan_schedule(start, count, preparation=prep, spacing=[gap] * (count - 1), days=days)
    deltas = plan_schedule(
        start,
        count,
        preparation=relativedelta(months=prep),
        spacing=relativedelta(months=gap),
        days=days,
    )
    assert one == each == deltas
    assert [g.number for g in one.gatherings] == list(range(1, count + 1))
    assert all(len(g.days) == days for g in one.gatherings)


@given(st.dates(d(2000, 1, 1), d(2080, 1, 1)), st.integers(0, 60))
def test_a_preparation_in_days_aims_the_first_gathering_that_many_days_on(
    start: datetime.date, n: int
) -> None:
    schedule = plan_schedule(start, 3, preparation=relativedelta(days=n), spacing=1, days=1)
    first = schedule.gatherings[0]
    assert first.target == start + datetime.timedelta(days=n)
    # the first working day on or after the target: every day before it is not one
    day = first.target
    while day < first.first_day:
        assert not is_working_day(day)
        day += ONE
    assert is_working_day(first.first_day)


@given(st.integers(-100, -1) | st.sampled_from(["3", 1.5, None]))
def test_a_bad_preparation_is_refused(preparation: object) -> None:
    with pytest.raises(ValidationError, match=r"preparation: "):
        plan_schedule(d(2024, 1, 1), preparation=preparation)  # type: ignore[arg-type]


# -- programme items and time split -----------------------------------------------------------


@given(sn.programme_items())
def test_a_programme_item_ends_minutes_after_it_starts(item: ProgrammeItem) -> None:
    assert item.end_minute - item.start_minute == item.minutes
    assert f"{item.start_minute // 60:02d}:{item.start_minute % 60:02d}" == item.start
    hours, minutes = item.end.split(":")
    assert int(hours) * 60 + int(minutes) == item.end_minute <= 24 * 60


@given(sn.time_splits)
def test_time_split_hours_are_its_minutes_exactly(split: TimeSplit) -> None:
    for kind in ProgrammeItemKind:
        assert split.hours(kind) == Fraction(split.minutes(kind), 60)
        assert split.minutes(kind.value) == split.minutes(kind)  # type: ignore[arg-type]
    assert split.total_hours == sum(split.hours(k) for k in ProgrammeItemKind)
    assert (
        split.organiser_lecture_hours + split.external_lecture_hours + split.group_work_hours
        == split.total_hours
    )
    share = split.group_work_share
    if split.total_minutes == 0:
        assert share is None
    else:
        assert share is not None
        assert share * split.total_minutes == split.group_work + split.plenary


@given(sn.gatherings(), st.randoms(use_true_random=False))
def test_time_split_does_not_depend_on_the_programme_order(gathering, random) -> None:
    items = list(gathering.programme)
    random.shuffle(items)
    shuffled = attrs.evolve(gathering, programme=items)
    assert shuffled.time_split() == gathering.time_split()
    # and it adds up item by item
    for kind in ProgrammeItemKind:
        assert gathering.time_split().minutes(kind) == sum(
            i.minutes for i in gathering.programme if i.kind is kind
        )


@given(sn.gatherings(), st.data())
def test_an_item_that_starts_inside_another_is_refused(gathering, data: st.DataObject) -> None:
    assume(gathering.programme)
    other = data.draw(st.sampled_from(gathering.programme))
    start = data.draw(st.integers(other.start_minute, other.end_minute - 1))
    clash = attrs.evolve(
        other, start=f"{start // 60:02d}:{start % 60:02d}", minutes=1, title="overlap"
    )
    with pytest.raises(ValidationError, match=r"programme\[\d+\]\.start: '\d\d:\d\d' overlaps"):
        attrs.evolve(gathering, programme=[*gathering.programme, clash])


@given(sn.gatherings())
def test_an_item_past_the_last_day_is_refused(gathering) -> None:
    late = ProgrammeItem(
        title="t",
        kind=ProgrammeItemKind.PLENARY,
        start="08:00",
        minutes=1,
        day=len(gathering.days) + 1,
    )
    with pytest.raises(ValidationError, match=r"is past the gathering's last day"):
        attrs.evolve(gathering, programme=[*gathering.programme, late])


# -- preparation packages ---------------------------------------------------------------------


@given(sn.preparation_packages(), sn.codes, st.dates(d(2010, 1, 1), d(2036, 1, 1)))
def test_done_by_lists_the_completed_tasks_in_task_order(
    package, team: str, before: datetime.date
) -> None:
    codes = [t.code for t in package.tasks]
    done = package.done_by(team)
    assert list(done) == [c for c in codes if package.completion(team, c) is not None]
    earlier = package.done_by(team, before=before)
    assert set(earlier) <= set(done)
    assert all(package.completion(team, c).date < before for c in earlier)  # type: ignore[union-attr]


@given(sn.preparation_packages(), sn.codes, st.data())
def test_complete_records_a_task_once(package, team: str, data: st.DataObject) -> None:
    task = data.draw(st.sampled_from(package.tasks)).code
    day = data.draw(sn.days)
    if package.completion(team, task) is not None:
        with pytest.raises(ValidationError, match="repeats a completion"):
            package.complete(team, task, day)
        return
    after = package.complete(team, task, day)
    assert task in after.done_by(team)
    assert after.completion(team, task).date == day  # type: ignore[union-attr]
    assert len(after.completions) == len(package.completions) + 1
    assert package.completion(team, task) is None  # the original is unchanged


# -- the network as a whole -------------------------------------------------------------------


@WHOLE_NETWORKS
@given(sn.networks())
def test_navigation_finds_every_team_gathering_and_period(network: LearningNetwork) -> None:
    for team in network.teams:
        assert network.team(team.identifier) is team
    for gathering in network.gatherings:
        assert network.gathering(gathering.number) is gathering
    ordered = network.gatherings_in_order
    assert [g.number for g in ordered] == sorted(g.number for g in network.gatherings)
    assert all(a.last_day < b.first_day for a, b in itertools.pairwise(ordered))
    for kind in PeriodKind:
        found = network.period(kind)
        assert found == next((p for p in network.periods if p.kind is kind), None)


@WHOLE_NETWORKS
@given(sn.networks())
def test_contacts_with_sorts_each_teams_contacts_by_date(network: LearningNetwork) -> None:
    total = 0
    for team in network.teams:
        contacts = network.contacts_with(team.identifier)
        assert all(x.team == team.identifier for x in contacts)
        assert [x.date for x in contacts] == sorted(x.date for x in contacts)
        total += len(contacts)
    assert total == len(network.contacts)  # every contact is with a team of the network


@WHOLE_NETWORKS
@given(sn.networks())
def test_network_survives_a_json_document_round_trip(network: LearningNetwork) -> None:
    text = dumps(network)
    assert loads(text) == network
    assert loads(text, LearningNetwork) == network
    assert dumps(loads(text)) == text  # the output is deterministic


@WHOLE_NETWORKS
@given(sn.networks())
def test_a_team_given_twice_is_refused(network: LearningNetwork) -> None:
    assume(network.teams)
    with pytest.raises(ValidationError, match=r"teams\[\d+\]\.identifier: '.*' is given twice"):
        attrs.evolve(network, teams=[*network.teams, network.teams[0]])


@WHOLE_NETWORKS
@given(sn.networks())
def test_a_contact_or_completion_needs_a_team_of_the_network(network: LearningNetwork) -> None:
    # dropping every team leaves any contact and completion pointing nowhere
    dangling = bool(network.contacts) or any(p.completions for p in network.packages)
    if dangling:
        with pytest.raises(ValidationError, match=r"is not a team of the network"):
            attrs.evolve(network, teams=())
    else:
        assert attrs.evolve(network, teams=()).teams == ()


@given(sn.organisations())
def test_an_organisation_has_a_county_exactly_when_it_has_a_number(org) -> None:
    if org.kind.has_municipality_number:
        assert org.municipality_number is not None
        assert org.county == COUNTIES_2024[org.municipality_number[:2]]
    else:
        assert org.municipality_number is None and org.county is None


@given(sn.teams())
def test_team_roles_numbers_and_progress(team) -> None:
    for role in MemberRole:
        assert team.has_role(role) == any(role in m.roles for m in team.members)
    numbers = team.municipality_numbers
    assert len(set(numbers)) == len(numbers)
    assert set(numbers) == {o.municipality_number for o in team.organisations} - {None}
    assert team.latest_progress == (team.progress[-1] if team.progress else None)
    for report in team.progress:
        assert report.label == "{} ({})".format(*PROGRESS_SCORES[report.score])


@given(sn.periods(), st.dates(d(2009, 1, 1), d(2037, 1, 1)))
def test_a_day_falls_in_at_most_one_period(periods, day: datetime.date) -> None:
    inside = [p for p in periods if p.contains(day)]
    assert len(inside) <= 1
    for p in periods:
        assert p.contains(day) == (p.start <= day and (p.end is None or day <= p.end))


@given(sn.network_goals)
def test_a_network_goal_states_its_text_or_its_smart_goal(goal) -> None:
    assert goal.statement == (goal.text if goal.goal is None else goal.goal.statement)


# -- review -----------------------------------------------------------------------------------


def _keys(findings) -> set[tuple[str, str | None]]:
    return {(f.code, f.concerns) for f in findings}


@WHOLE_NETWORKS
@given(sn.networks(), today, today)
def test_later_review_finds_at_least_what_an_earlier_one_found(
    network: LearningNetwork, a: datetime.date, b: datetime.date
) -> None:
    early, late = sorted((a, b))
    assert _keys(review_network(network, today=early)) <= _keys(review_network(network, today=late))


@WHOLE_NETWORKS
@given(sn.networks(), today, st.fractions(0, 1), st.fractions(0, 1))
def test_a_higher_group_work_target_finds_at_least_as_much(
    network: LearningNetwork, day: datetime.date, x: Fraction, y: Fraction
) -> None:
    low, high = sorted((x, y))
    found_low = _keys(review_network(network, today=day, group_work_target=low))
    found_high = _keys(review_network(network, today=day, group_work_target=high))
    assert found_low <= found_high
    none = review_network(network, today=day, group_work_target=0)
    assert all(f.code != "low_group_work" for f in none)  # no share is below 0


@WHOLE_NETWORKS
@given(sn.networks(), today, st.integers(0, 8), st.integers(0, 8))
def test_review_names_only_the_networks_teams_and_gatherings(
    network: LearningNetwork, day: datetime.date, x: int, y: int
) -> None:
    lo, hi = sorted((x, y))
    teams = {t.identifier for t in network.teams}
    numbers = {g.number for g in network.gatherings}
    findings = review_network(network, today=day, team_size=(lo, hi))
    for f in findings:
        assert f.concerns is not None
        kind, _, rest = f.concerns.partition(":")
        if kind == "team":
            assert rest.split("/")[0] in teams
        else:
            assert kind == "gathering" and int(rest) in numbers
    sized = {f.concerns for f in findings if f.code == "team_size"}
    assert sized == {
        f"team:{t.identifier}" for t in network.teams if not lo <= len(t.members) <= hi
    }


@WHOLE_NETWORKS
@given(sn.networks(), today)
def test_review_before_the_first_gathering_is_only_about_teams_and_programmes(
    network: LearningNetwork, day: datetime.date
) -> None:
    assume(network.gatherings)
    before = min(g.first_day for g in network.gatherings) - ONE
    codes = {f.code for f in review_network(network, today=min(day, before))}
    assert not codes & {"preparation_not_done", "no_follow_up"}


# -- status -----------------------------------------------------------------------------------


@WHOLE_NETWORKS
@given(sn.networks())
def test_status_counts_tasks_contacts_and_progress_per_team(network: LearningNetwork) -> None:
    status = network_status(network)
    total = sum(len(p.tasks) for p in network.packages)
    for team, row in zip(network.teams, status.teams, strict=True):
        assert status.team(team.identifier) is row
        assert (row.team, row.name) == (team.identifier, team.name)
        assert row.tasks_total == total
        assert row.tasks_done == sum(len(p.done_by(team.identifier)) for p in network.packages)
        assert row.preparation == (row.tasks_done / total if total else None)
        assert row.contacts == len(network.contacts_with(team.identifier))
        assert row.progress == team.progress
        assert row.progress_score == (team.progress[-1].score if team.progress else None)
        assert row.phases == tuple(p.current_phase for p in team.projects)
        assert 0 <= row.smart_goals <= row.goals
        assert (row.forms_scored, row.mean_benefit, row.mean_fidelity) == (0, None, None)
    assert sum(row.contacts for row in status.teams) == len(network.contacts)


@WHOLE_NETWORKS
@given(sn.networks())
def test_status_table_has_a_line_per_team(network: LearningNetwork) -> None:
    status = network_status(network)
    lines = str(status).split("\n")
    assert lines[0] == network.name
    assert len(lines) == 2 + len(network.teams)  # the name, the heading, one line per team
    for team, line in zip(network.teams, lines[2:], strict=True):
        assert line.startswith(team.identifier)
    with pytest.raises(ValidationError, match=r"team: '-' is not a team"):
        status.team("-")  # never an identifier: it must start with a letter or digit
