"""Hypothesis strategies for learning networks: one per public model."""

from __future__ import annotations

import datetime

import attrs
from hypothesis import strategies as st

from laeringsnettverk.network import (
    Application,
    ContactChannel,
    FollowUpContact,
    Gathering,
    GroupKind,
    GroupMember,
    ImprovementTeam,
    Initiator,
    LearningNetwork,
    MemberRole,
    NetworkGoal,
    NetworkStatus,
    Organisation,
    OrganisationKind,
    OrganiserGroup,
    Period,
    PeriodKind,
    PreparationPackage,
    PreparationTask,
    ProgrammeItem,
    ProgrammeItemKind,
    ProgressReport,
    Schedule,
    ScheduledGathering,
    TaskCompletion,
    TeamMember,
    TeamStatus,
    TimeSplit,
    network_status,
    plan_schedule,
)
from laeringsnettverk.network._team import COUNTIES_2024
from strategies.goals import goals
from strategies.improvement import projects
from strategies.toolkit import texts

__all__ = [
    "applications",
    "codes",
    "follow_up_contacts",
    "gatherings",
    "group_members",
    "municipality_numbers",
    "network_goals",
    "network_statuses",
    "networks",
    "organisations",
    "organiser_groups",
    "periods",
    "preparation_packages",
    "preparation_tasks",
    "programme_items",
    "progress_reports",
    "scheduled_gatherings",
    "schedules",
    "task_completions",
    "team_members",
    "team_statuses",
    "teams",
    "time_splits",
]

optional_texts = st.none() | texts
codes = st.from_regex(r"[a-z][a-z0-9_-]{0,12}", fullmatch=True)
days = st.dates(min_value=datetime.date(2010, 1, 1), max_value=datetime.date(2035, 12, 31))
municipality_numbers = st.builds(
    lambda county, n: f"{county}{n:02d}", st.sampled_from(sorted(COUNTIES_2024)), st.integers(1, 99)
)


@st.composite
def organisations(draw: st.DrawFn) -> Organisation:
    """Any organisation: a municipality number exactly when its kind has one."""
    kind = draw(st.sampled_from(OrganisationKind))
    number = draw(municipality_numbers) if kind.has_municipality_number else None
    return Organisation(
        name=draw(texts), kind=kind, municipality_number=number, part_of=draw(optional_texts)
    )


team_members = st.builds(
    TeamMember,
    name=texts,
    roles=st.lists(st.sampled_from(MemberRole), min_size=1, max_size=3, unique=True),
    unit=optional_texts,
    organisation=optional_texts,
    email=optional_texts,
    phone=optional_texts,
    other=optional_texts,
)
applications = st.builds(
    Application,
    municipality=texts,
    **{
        f.name: optional_texts
        for f in attrs.fields(Application)
        if f.name not in ("municipality", "submitted")
    },
    submitted=st.none() | days,
)
progress_reports = st.builds(
    ProgressReport,
    date=days,
    score=st.integers(1, 10).map(lambda n: n / 2),
    narrative=optional_texts,
)


# built once (not per draw): Hypothesis validates a strategy the first time it is drawn from
_organisation_lists = st.lists(
    organisations(), min_size=1, max_size=3, unique_by=lambda o: o.name.strip().casefold()
)
_report_lists = st.lists(progress_reports, max_size=4, unique_by=lambda r: r.date)
_member_lists = st.lists(team_members, max_size=7)
_optional_applications = st.none() | applications
_project_lists = st.lists(projects(max_events=3), max_size=2)
_code_lists = st.lists(codes, max_size=3, unique=True)


@st.composite
def teams(draw: st.DrawFn, identifier: str | None = None) -> ImprovementTeam:
    """A valid team; its projects name it."""
    ident = draw(codes) if identifier is None else identifier
    orgs = draw(_organisation_lists)
    reports = sorted(draw(_report_lists), key=lambda r: r.date)
    return ImprovementTeam(
        identifier=ident,
        name=draw(texts),
        organisations=orgs,
        members=draw(_member_lists),
        application=draw(_optional_applications),
        projects=[attrs.evolve(p, team=ident) for p in draw(_project_lists)],
        progress=reports,
        forms=draw(_code_lists),
        checklists=draw(_code_lists),
    )


group_members = st.builds(GroupMember, role=texts, name=optional_texts, organisation=optional_texts)
organiser_groups = st.builds(
    OrganiserGroup,
    kind=st.sampled_from(GroupKind),
    members=st.lists(group_members, max_size=3),
    name=optional_texts,
)
network_goals = st.one_of(st.builds(NetworkGoal, text=texts), st.builds(NetworkGoal, goal=goals()))


@st.composite
def periods(draw: st.DrawFn) -> tuple[Period, ...]:
    """A valid sequence of periods: some of the three kinds, in order, without overlap."""
    kinds = [k for k in PeriodKind if draw(st.booleans())]
    day = draw(days)
    out = []
    for i, kind in enumerate(kinds):
        last = i == len(kinds) - 1
        end = (
            None
            if last and draw(st.booleans())
            else day + datetime.timedelta(days=draw(st.integers(0, 400)))
        )
        out.append(Period(kind=kind, start=day, end=end))
        if end is not None:
            day = end + datetime.timedelta(days=draw(st.integers(1, 30)))
    return tuple(out)


@st.composite
def programme_items(draw: st.DrawFn, day: int = 1, after: int = 0) -> ProgrammeItem:
    """An item on ``day`` starting at or after minute ``after`` (which must leave room)."""
    start = draw(st.integers(after, 23 * 60))
    minutes = draw(st.integers(1, min(240, 24 * 60 - start)))
    return ProgrammeItem(
        title=draw(texts),
        kind=draw(st.sampled_from(ProgrammeItemKind)),
        start=f"{start // 60:02d}:{start % 60:02d}",
        minutes=minutes,
        day=day,
    )


@st.composite
def gatherings(
    draw: st.DrawFn, number: int | None = None, first: datetime.date | None = None
) -> Gathering:
    """A gathering of one to three consecutive days and a programme without overlaps."""
    start = draw(days) if first is None else first
    count = draw(st.integers(1, 3))
    items = []
    for day in range(1, count + 1):
        minute = 0
        for _ in range(draw(st.integers(0, 4))):
            if minute > 23 * 60:
                break
            item = draw(programme_items(day, minute))
            items.append(item)
            minute = item.end_minute
    return Gathering(
        number=draw(st.integers(1, 10)) if number is None else number,
        days=[start + datetime.timedelta(days=k) for k in range(count)],
        place=draw(texts),
        programme=draw(st.permutations(items)),
        title=draw(optional_texts),
    )


time_splits = st.builds(
    TimeSplit,
    organiser_lecture=st.integers(0, 2000),
    external_lecture=st.integers(0, 2000),
    group_work=st.integers(0, 2000),
    plenary=st.integers(0, 2000),
)
preparation_tasks = st.builds(PreparationTask, code=codes, title=texts, description=optional_texts)
task_completions = st.builds(TaskCompletion, team=codes, task=codes, date=days)


@st.composite
def preparation_packages(
    draw: st.DrawFn,
    number: int | None = None,
    gathering: int | None = None,
    team_ids: tuple[str, ...] | None = None,
    min_completions: int = 0,
) -> PreparationPackage:
    """A package with unique task codes and completions of its own tasks by ``team_ids``.

    At least ``min_completions`` completions when ``team_ids`` has a team.
    """
    tasks = draw(st.lists(preparation_tasks, min_size=1, max_size=4, unique_by=lambda t: t.code))
    ids = draw(st.lists(codes, max_size=3, unique=True)) if team_ids is None else list(team_ids)
    pairs = [(t, k.code) for t in ids for k in tasks]
    chosen = (
        draw(
            st.lists(
                st.sampled_from(pairs),
                unique=True,
                min_size=min(min_completions, len(pairs)),
                max_size=8,
            )
        )
        if pairs
        else []
    )
    return PreparationPackage(
        number=draw(st.integers(1, 5)) if number is None else number,
        gathering=draw(st.integers(1, 5)) if gathering is None else gathering,
        tasks=tasks,
        completions=[TaskCompletion(team=t, task=k, date=draw(days)) for t, k in chosen],
    )


def follow_up_contacts(
    team_ids: st.SearchStrategy[str] = codes,
) -> st.SearchStrategy[FollowUpContact]:
    """A contact with one of ``team_ids``."""
    return st.builds(
        FollowUpContact,
        date=days,
        team=team_ids,
        who=texts,
        channel=st.sampled_from(ContactChannel),
        initiated_by=st.sampled_from(Initiator),
        topic=optional_texts,
    )


@st.composite
def networks(draw: st.DrawFn, *, full: bool = False) -> LearningNetwork:
    """A valid network: references resolve, gathering numbers unique, gatherings in order.

    ``full``: at least one team, gathering, package, completion and contact, so that every
    model of a network is in it (for tests that pick one model out of a network).
    """
    ids = draw(st.lists(codes, min_size=int(full), max_size=4, unique=True))
    team_list = [draw(teams(identifier=i)) for i in ids]
    count = draw(st.integers(int(full), 4))
    day = draw(days)
    gathering_list = []
    for number in range(1, count + 1):
        g = draw(gatherings(number=number, first=day))
        gathering_list.append(g)
        day = g.last_day + datetime.timedelta(days=draw(st.integers(1, 200)))
    packages = [
        draw(
            preparation_packages(
                number=n, gathering=n, team_ids=tuple(ids), min_completions=int(full)
            )
        )
        for n in range(1, count + 1)
        if (full and n == 1) or draw(st.booleans())
    ]
    contacts = (
        draw(st.lists(follow_up_contacts(st.sampled_from(ids)), min_size=int(full), max_size=6))
        if ids
        else []
    )
    return LearningNetwork(
        name=draw(texts),
        theme=draw(texts),
        target_group=draw(texts),
        vision=draw(optional_texts),
        goals=draw(st.lists(network_goals, max_size=2)),
        groups=draw(
            st.lists(
                organiser_groups,
                max_size=4,
                unique_by=lambda g: (
                    (g.kind, id(g)) if g.kind is GroupKind.REFERENCE_GROUP else g.kind
                ),
            )
        ),
        teams=team_list,
        gatherings=draw(st.permutations(gathering_list)),
        packages=packages,
        contacts=contacts,
        periods=draw(periods()),
        identifier=draw(optional_texts),
    )


scheduled_gatherings = st.builds(
    lambda number, target, n: ScheduledGathering(
        number=number, target=target, days=[target + datetime.timedelta(days=k) for k in range(n)]
    ),
    st.integers(1, 4),
    days,
    st.integers(1, 3),
)


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    """A schedule from :func:`plan_schedule` with any valid arguments."""
    count = draw(st.integers(3, 4))
    return plan_schedule(
        draw(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2090, 1, 1))),
        count,
        preparation=draw(st.integers(0, 6)),
        spacing=draw(
            st.integers(1, 8) | st.lists(st.integers(1, 12), min_size=count - 1, max_size=count - 1)
        ),
        days=draw(st.integers(1, 3)),
    )


network_statuses: st.SearchStrategy[NetworkStatus] = networks().map(network_status)
team_statuses: st.SearchStrategy[TeamStatus] = (
    networks(full=True).map(network_status).map(lambda s: s.teams[0])  # a full one has a team
)
