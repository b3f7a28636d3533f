"""The network capability's field rules: each stated once; quick pass, check and schema agree.

The network models declare each field's rule once (``laeringsnettverk._rules``). Rules that
several fields share (a technical identifier, a municipality number, a clock time, a
progress score, a programme item's minutes) are one constant each. These properties show,
on drawn values, that

- each rule's quick pass never accepts what its check rejects (for the shared rules: the
  two agree exactly), and the check says True exactly when it reports nothing;
- the generated JSON Schema takes each shared rule's keywords from that one constant, and
  the keywords accept and reject what the check does (where a schema can say it);
- the schema accepts the shipped network example, and rejects it again with a value that a
  rule rejects, as the loader does;
- the rules that span fields (a municipality number for a municipality, items that run
  past midnight, days and periods in order, references) hold on drawn models.
"""

from __future__ import annotations

import copy
import datetime
import itertools
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from laeringsnettverk import _rules
from laeringsnettverk._checks import Checker
from laeringsnettverk._codegen import Names
from laeringsnettverk._municipality import COUNTIES, MUNICIPALITY_NUMBER_RULE
from laeringsnettverk._rules import Custom, Rule, rule_of
from laeringsnettverk.errors import WITHHELD, Problem, ValidationError
from laeringsnettverk.examples import example_text
from laeringsnettverk.network import (
    Gathering,
    GroupKind,
    ImprovementTeam,
    LearningNetwork,
    MemberRole,
    NetworkGoal,
    Organisation,
    OrganisationKind,
    OrganiserGroup,
    Period,
    PeriodKind,
    PreparationPackage,
    ProgrammeItem,
    ProgrammeItemKind,
    ScheduledGathering,
    TaskCompletion,
    TeamMember,
    _gathering,
    _network,
    _schedule,
    _team,
    plan_schedule,
)
from laeringsnettverk.network._gathering import CLOCK_RULE, MINUTES_RULE
from laeringsnettverk.network._team import IDENTIFIER_RULE, PROGRESS_SCORE_RULE, PROGRESS_SCORES
from laeringsnettverk.serialization import from_document, json_schema
from strategies.network import days, gatherings, networks, organisations, teams

MODULES = (_team, _gathering, _network, _schedule)

NETWORK_MODELS: tuple[type, ...] = tuple(
    obj
    for module in MODULES
    for obj in vars(module).values()
    if isinstance(obj, type) and obj.__module__ == module.__name__ and "_ln_quick" in vars(obj)
)

FIELDS: tuple[tuple[type, attrs.Attribute[Any]], ...] = tuple(
    (cls, f) for cls in NETWORK_MODELS for f in attrs.fields(cls)
)

SHARED: dict[str, Custom] = {
    "identifier": IDENTIFIER_RULE,
    "municipality number": MUNICIPALITY_NUMBER_RULE,
    "clock time": CLOCK_RULE,
    "progress score": PROGRESS_SCORE_RULE,
    "minutes": MINUTES_RULE,
}


def _shared(declared: Rule | None) -> Custom | None:
    """The shared rule inside a field's rule (``Optional``/``_Nullable`` unwrapped)."""
    while isinstance(declared, _rules.Optional):
        declared = declared.rule
    return declared if isinstance(declared, Custom) else None


def quick(declared: Rule) -> Callable[[object], bool]:
    """A rule's quick pass on its own, compiled as the model's is."""
    names = Names()
    lines = declared.quick("v", names)
    source = "def q(v):\n" + "".join(f"  {line}\n" for line in lines) + "  return True\n"
    exec(compile(source, "<quick pass of one rule>", "exec"), names.ns)
    check: Callable[[object], bool] = names.ns["q"]
    return check


def check(declared: Rule, value: object) -> tuple[bool, list[Problem]]:
    """A rule's check: what it says, and the problems it reported."""
    c = Checker()
    ok = declared.check(c, ("x",), value)
    return ok, c.problems


def _objects(value: object) -> Iterator[object]:
    if attrs.has(type(value)):
        yield value
        for f in attrs.fields(type(value)):  # type: ignore[arg-type]
            yield from _objects(getattr(value, f.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _objects(item)


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(example_text("network"))
    return data


EXAMPLE = from_document(example())
SCHEDULE = plan_schedule(datetime.date(2030, 1, 7))
POOL: tuple[object, ...] = (
    *_objects(EXAMPLE),
    *_objects(SCHEDULE),
    *_objects(EXAMPLE.gatherings[0].time_split()),
)

# values of every kind a field may be given: near misses of each shared rule included
near_texts = st.text(alphabet="0123456789:az-_AZ .\n\u2003", max_size=7)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3000),
    st.integers(1, 10).map(lambda n: n / 2),
    st.floats(allow_nan=True, allow_infinity=True),
    near_texts,
    st.from_regex(r"[a-z0-9][a-z0-9_-]{0,6}", fullmatch=True),
    st.builds(lambda c, n: f"{c}{n:02d}", st.sampled_from(sorted(COUNTIES)), st.integers(0, 99)),
    st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 25), st.integers(0, 61)),
    days,
    st.just(datetime.datetime(2024, 9, 10, 10, 0)),
    st.sampled_from([*MemberRole, *OrganisationKind, *GroupKind, *PeriodKind]),
    st.sampled_from(POOL),
)
values = st.one_of(scalars, st.lists(scalars, max_size=4).map(tuple))


# -- each rule: quick pass and check ----------------------------------------------------------


def test_every_network_model_is_checked_by_its_field_rules() -> None:
    names = {cls.__name__ for cls in NETWORK_MODELS}
    assert names >= {
        "Application",
        "FollowUpContact",
        "Gathering",
        "GroupMember",
        "ImprovementTeam",
        "LearningNetwork",
        "NetworkGoal",
        "Organisation",
        "OrganiserGroup",
        "Period",
        "PreparationPackage",
        "PreparationTask",
        "ProgrammeItem",
        "ProgressReport",
        "Schedule",
        "ScheduledGathering",
        "TaskCompletion",
        "TeamMember",
        "TimeSplit",
    }
    hand_written = {
        obj.__name__
        for module in MODULES
        for obj in vars(module).values()
        if isinstance(obj, type)
        and attrs.has(obj)
        and "__attrs_post_init__" in vars(obj)
        and "_ln_quick" not in vars(obj)
    }
    assert hand_written == set()


@given(st.sampled_from(FIELDS), values)
def test_a_rules_quick_pass_never_accepts_what_its_check_rejects(
    field: tuple[type, attrs.Attribute[Any]], value: object
) -> None:
    cls, f = field
    declared = rule_of(f)
    assert declared is not None
    if f.converter is not None:  # a list field holds a tuple (what its rule sees)
        assume(isinstance(value, tuple))
    ok, problems = check(declared, value)
    assert ok == (not problems), f"{cls.__name__}.{f.name}"
    if quick(declared)(value):
        assert ok, f"{cls.__name__}.{f.name}: the quick pass accepted {value!r}"
    for problem in problems:
        assert problem.path[:1] == ("x",)


@given(st.sampled_from(sorted(SHARED)), values)
def test_a_shared_rules_quick_pass_is_its_check(name: str, value: object) -> None:
    declared = SHARED[name]
    ok, _ = check(declared, value)
    if declared is MINUTES_RULE:  # the quick pass also asks for at most a day's minutes
        ok = ok and isinstance(value, int) and value <= 24 * 60
    if isinstance(value, str) and type(value) is not str:
        # a str subclass (a coded enum's member) passes the check; the quick pass asks for
        # exactly str and leaves it to the check
        assert not quick(declared)(value)
    else:
        assert quick(declared)(value) == ok


def test_the_shared_rules_are_used_by_the_fields_that_need_them() -> None:
    users = {
        name: sorted(f"{cls.__name__}.{f.name}" for cls, f in FIELDS if _shared(rule_of(f)) is r)
        for name, r in SHARED.items()
    }
    assert users == {
        "identifier": [
            "FollowUpContact.team",
            "ImprovementTeam.identifier",
            "PreparationTask.code",
            "TaskCompletion.task",
            "TaskCompletion.team",
        ],
        "municipality number": ["Organisation.municipality_number"],
        "clock time": ["ProgrammeItem.start"],
        "progress score": ["ProgressReport.score"],
        "minutes": ["ProgrammeItem.minutes"],
    }


# -- the schema: keywords from the same rule --------------------------------------------------

SCHEMA = json_schema("network")


def prop(cls: type, name: str) -> dict[str, Any]:
    """A field's schema in the network schema, with its ``$defs`` (for a ``$ref``)."""
    found: dict[str, Any] = SCHEMA["$defs"][cls.__name__]["properties"][name]
    return {**found, "$defs": SCHEMA["$defs"]}


@pytest.mark.parametrize(
    ("cls", "name"),
    [(cls, f.name) for cls, f in FIELDS if _shared(rule_of(f)) is not None],
    ids=lambda x: getattr(x, "__name__", x),
)
def test_a_shared_rules_keywords_are_in_every_schema_that_uses_it(cls: type, name: str) -> None:
    declared = _shared(rule_of(attrs.fields_dict(cls)[name]))
    assert declared is not None
    field = SCHEMA["$defs"][cls.__name__]["properties"][name]
    for keyword, value in declared.keywords.items():
        assert field[keyword] == value


def _ecma(pattern: str) -> Callable[[str], bool]:
    # a JSON Schema pattern is an ECMA-262 regex: its $ is the very end, never before "\n"
    compiled = re.compile(pattern.replace("$", r"\Z"))
    return lambda text: compiled.search(text) is not None


PATTERNED = [
    (ImprovementTeam, "identifier", IDENTIFIER_RULE),
    (Organisation, "municipality_number", MUNICIPALITY_NUMBER_RULE),
    (ProgrammeItem, "start", CLOCK_RULE),
]


@pytest.mark.parametrize(
    ("cls", "name", "declared"), PATTERNED, ids=["identifier", "municipality", "clock"]
)
@given(
    text=st.one_of(
        near_texts,
        st.from_regex(r"[a-z0-9][a-z0-9_-]{0,6}", fullmatch=True),
        st.from_regex(r"[0-9]{4}", fullmatch=True),
        st.from_regex(r"[0-9]{2}:[0-9]{2}", fullmatch=True),
    )
)
def test_a_pattern_accepts_exactly_the_text_its_check_accepts(
    cls: type, name: str, declared: Custom, text: str
) -> None:
    ok, _ = check(declared, text)
    pattern = SCHEMA["$defs"][cls.__name__]["properties"][name]["pattern"]
    assert _ecma(pattern)(text) == ok


@given(
    st.one_of(
        st.integers(-2, 12).map(lambda n: n / 2),
        st.integers(-1, 6),
        st.floats(0, 6, allow_nan=False),
    )
)
def test_the_progress_score_enum_is_what_the_check_accepts(score: float) -> None:
    ok, _ = check(PROGRESS_SCORE_RULE, score)
    assert ok == (score in PROGRESS_SCORES)
    assert Draft202012Validator(prop(_team.ProgressReport, "score")).is_valid(score) == ok


@given(st.integers(0, 23 * 60 + 59), st.integers(-5, 3000))
def test_the_minutes_limits_are_those_of_every_start(start: int, minutes: int) -> None:
    clock = f"{start // 60:02d}:{start % 60:02d}"
    try:
        ProgrammeItem(title="x", kind=ProgrammeItemKind.PLENARY, start=clock, minutes=minutes)
    except ValidationError as exc:
        built = False
        past_midnight = [p for p in exc.problems if p.rule == "runs past midnight"]
        assert bool(past_midnight) == (minutes >= 1 and start + minutes > 24 * 60)
    else:
        built = True
    assert built == (1 <= minutes <= 24 * 60 - start)
    # the schema states the limit of the earliest start: it accepts every item that is built
    if built:
        assert Draft202012Validator(prop(ProgrammeItem, "minutes")).is_valid(minutes)


@given(st.lists(days, max_size=4))
def test_the_days_rule_is_strictly_increasing_days_and_the_schema_agrees(
    dates: list[datetime.date],
) -> None:
    declared = rule_of(attrs.fields_dict(Gathering)["days"])
    assert declared is not None
    ok, problems = check(declared, tuple(dates))
    increasing = bool(dates) and all(a < b for a, b in itertools.pairwise(dates))
    assert ok == increasing
    late = [i for i in range(1, len(dates)) if dates[i] <= dates[i - 1]]
    assert [p.path for p in problems if p.path != ("x",)] == [("x", i) for i in late]
    document = [d.isoformat() for d in dates]
    if ok:  # never the same day twice, and at least one
        assert Draft202012Validator(prop(Gathering, "days")).is_valid(document)
    elif len(set(dates)) != len(dates) or not dates:
        assert not Draft202012Validator(prop(Gathering, "days")).is_valid(document)


# -- whole documents: the shipped example and values the rules reject -------------------------


def test_the_schema_accepts_the_shipped_example_network() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert list(Draft202012Validator(SCHEMA).iter_errors(example())) == []


REJECTED: dict[str, tuple[tuple[str | int, ...], st.SearchStrategy[object]]] = {
    "identifier": (
        ("teams", 0, "identifier"),
        st.one_of(
            st.sampled_from(["Team-A", "-team", "team a", "", "æøå", "team.a"]),
            near_texts.filter(lambda t: not _team.IDENTIFIER.fullmatch(t)),
        ),
    ),
    "municipality number": (
        ("teams", 0, "organisations", 0, "municipality_number"),
        st.one_of(
            st.sampled_from(["0300", "9999", "180", "18045", "13 04"]),
            st.from_regex(r"[0-9]{4}", fullmatch=True).filter(
                lambda n: n[:2] not in COUNTIES or n.endswith("00")
            ),
        ),
    ),
    "clock time": (
        ("gatherings", 0, "programme", 0, "start"),
        st.one_of(
            st.sampled_from(["24:00", "9:00", "10:60", "10.00", ""]),
            st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(24, 99), st.integers(0, 99)),
        ),
    ),
    "progress score": (
        ("teams", 0, "progress", 0, "score"),
        st.one_of(st.sampled_from([0, 0.25, 5.5, 6]), st.integers(-9, 20).map(lambda n: n / 4)),
    ),
    "minutes": (("gatherings", 0, "programme", 0, "minutes"), st.integers(-10, 0)),
}


def _put(document: dict[str, Any], path: tuple[str | int, ...], value: object) -> None:
    target: Any = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value


@pytest.mark.parametrize("name", sorted(REJECTED))
@given(data=st.data())
def test_a_value_a_rule_rejects_is_rejected_by_schema_and_loader(
    name: str, data: st.DataObject
) -> None:
    path, rejected = REJECTED[name]
    value = data.draw(rejected)
    ok, _ = check(SHARED[name], value)
    assume(not ok)
    # Python's jsonschema runs a pattern with re.search, whose $ also matches before a final
    # "\n"; a JSON Schema pattern (ECMA-262) does not, so the schema does reject "a\n"
    assume(not (isinstance(value, str) and value.endswith("\n")))
    document = copy.deepcopy(example())
    _put(document, path, value)
    assert not Draft202012Validator(SCHEMA).is_valid(document)
    with pytest.raises(ValidationError) as info:
        from_document(document)
    assert path in [p.path for p in info.value.problems]


# -- rules across fields ----------------------------------------------------------------------


@given(
    st.sampled_from(OrganisationKind),
    st.none() | st.sampled_from(["1804", "0301", "0403", "5001"]),
)
def test_a_municipality_number_is_given_exactly_for_a_kind_that_has_one(
    kind: OrganisationKind, number: str | None
) -> None:
    wanted = kind.has_municipality_number
    try:
        Organisation(name="Org", kind=kind, municipality_number=number)
    except ValidationError as exc:
        assert (number is None) == wanted
        (problem,) = exc.problems
        assert problem.path == ("municipality_number",)
        assert problem.rule.startswith("is required" if wanted else "must be absent")
    else:
        assert (number is None) != wanted


def test_every_problem_of_an_organisation_is_reported_in_field_order() -> None:
    with pytest.raises(ValidationError) as info:
        Organisation(
            name=" ",
            kind=OrganisationKind.HEALTH_TRUST,
            municipality_number="0300",
            part_of=1,  # type: ignore[arg-type]
        )
    expected = [
        (("name",), "must not be empty"),
        (("municipality_number",), "is a county, not a municipality"),
        (("municipality_number",), "must be absent for a health trust"),
        (("part_of",), "must be text (str)"),
    ]
    got = [(p.path, p.rule) for p in info.value.problems]
    assert len(got) == len(expected)
    for (path, rule), (want_path, want_rule) in zip(got, expected, strict=True):
        assert path == want_path
        assert rule.startswith(want_rule)


@given(organisations(), st.sampled_from([str.upper, str.lower, lambda t: f" {t}\n"]))
def test_an_organisation_named_twice_in_a_team_is_refused(
    organisation: Organisation, variant: Callable[[str], str]
) -> None:
    twin = attrs.evolve(organisation, name=variant(organisation.name))
    # names are compared case-folded ("ı".upper() is "I", which folds to "i": another name)
    assume(twin.name.strip().casefold() == organisation.name.strip().casefold())
    with pytest.raises(ValidationError, match=r"duplicates organisations\[0\]") as info:
        ImprovementTeam(identifier="t", name="T", organisations=[organisation, twin])
    (problem,) = info.value.problems
    assert problem.path == ("organisations", 1, "name")
    assert problem.input is WITHHELD  # a name is free text: never shown


@given(teams(), st.data())
def test_a_teams_progress_reports_must_be_in_date_order(
    team: ImprovementTeam, data: st.DataObject
) -> None:
    reports = list(team.progress)
    assume(len(reports) >= 2)
    i = data.draw(st.integers(1, len(reports) - 1))
    reports[i] = attrs.evolve(reports[i], date=reports[i - 1].date)
    with pytest.raises(ValidationError, match="must be after the previous report's date"):
        attrs.evolve(team, progress=reports)


@given(teams(), st.sampled_from(["forms", "checklists"]), st.data())
def test_a_document_named_twice_in_a_team_is_refused(
    team: ImprovementTeam, name: str, data: st.DataObject
) -> None:
    assume("dok-1" not in getattr(team, name))
    listed = [*getattr(team, name), "dok-1"]
    again = data.draw(st.sampled_from(listed))
    changes: dict[str, Any] = {name: [*listed, again]}
    with pytest.raises(ValidationError) as info:
        attrs.evolve(team, **changes)
    (problem,) = [p for p in info.value.problems if p.path[0] == name]
    assert problem.path == (name, len(listed))
    assert problem.rule == f"duplicates {name}[{listed.index(again)}]"


def test_a_team_member_needs_a_role_each_given_once() -> None:
    with pytest.raises(ValidationError, match="roles: needs at least one role"):
        TeamMember(name="Kari", roles=[])
    with pytest.raises(ValidationError, match=r"roles\[1\]: '\w+' is given twice"):
        TeamMember(name="Kari", roles=[MemberRole.LEADER, MemberRole.LEADER])


@given(gatherings(), st.data())
def test_programme_items_on_one_day_may_not_overlap(
    gathering: Gathering, data: st.DataObject
) -> None:
    assume(gathering.programme)
    item = data.draw(st.sampled_from(gathering.programme))
    inside = item.start_minute + data.draw(st.integers(0, item.minutes - 1))
    twin = attrs.evolve(item, start=f"{inside // 60:02d}:{inside % 60:02d}", minutes=1)
    with pytest.raises(ValidationError, match=r"overlaps programme\[\d+\]"):
        attrs.evolve(gathering, programme=[*gathering.programme, twin])


@given(days, st.integers(-30, 30), st.sampled_from(PeriodKind))
def test_a_period_ends_on_or_after_its_start(
    start: datetime.date, length: int, kind: PeriodKind
) -> None:
    end = start + datetime.timedelta(days=length)
    if length >= 0:
        assert Period(kind=kind, start=start, end=end).contains(end)
    else:
        with pytest.raises(ValidationError) as info:
            Period(kind=kind, start=start, end=end)
        assert [p.path for p in info.value.problems] == [("end",)]


@pytest.mark.parametrize(
    ("text", "goal", "paths"),
    [
        (None, None, [("text",)]),
        ("Mål", "mål", [("text",), ("goal",)]),
        (1, None, [("text",)]),
    ],
)
def test_a_network_goal_has_exactly_one_of_text_and_goal(
    text: object, goal: object, paths: list[tuple[str, ...]]
) -> None:
    with pytest.raises(ValidationError) as info:
        NetworkGoal(text=text, goal=goal)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == paths


@given(st.data())
def test_a_completion_names_a_task_of_its_package_once(data: st.DataObject) -> None:
    package = EXAMPLE.packages[0]
    code = data.draw(st.sampled_from([t.code for t in package.tasks] + ["ukjent"]))
    done = TaskCompletion(team="team-x", task=code, date=datetime.date(2024, 9, 1))
    completions = [done, done] if code != "ukjent" else [done]
    with pytest.raises(ValidationError) as info:
        attrs.evolve(package, completions=completions)
    rules = [p.rule for p in info.value.problems]
    if code == "ukjent":
        assert rules == ["is not a task of the package"]
    else:
        assert rules == ["repeats a completion of the same task by the same team"]


def test_a_task_code_given_twice_in_a_package_is_refused() -> None:
    package = EXAMPLE.packages[0]
    with pytest.raises(ValidationError, match=r"tasks\[\d\]\.code: '\w+' is given twice"):
        PreparationPackage(
            number=1, gathering=1, tasks=[*package.tasks, package.tasks[0]], completions=()
        )


@given(networks(full=True), st.data())
def test_a_network_refuses_what_does_not_resolve_or_is_given_twice(
    network: LearningNetwork, data: st.DataObject
) -> None:
    how = data.draw(st.sampled_from(["team", "gathering", "group", "contact", "period"]))
    if how == "team":
        changes: dict[str, Any] = {"teams": [*network.teams, network.teams[0]]}
        rule = "is given twice"
    elif how == "gathering":
        changes = {"gatherings": [*network.gatherings, network.gatherings[0]]}
        rule = "is given twice"
    elif how == "group":
        group = OrganiserGroup(kind=GroupKind.STEERING_GROUP)
        changes = {"groups": [*network.groups, group, group]}
        rule = "is given twice"
    elif how == "contact":
        contact = attrs.evolve(network.contacts[0], team="ukjent-team")
        changes = {"contacts": [*network.contacts, contact]}
        rule = "is not a team of the network"
    else:
        start = datetime.date(2030, 1, 1)
        changes = {
            "periods": [
                Period(kind=PeriodKind.EXECUTION, start=start),
                Period(kind=PeriodKind.PREPARATION, start=start),
            ]
        }
        rule = "must come after"
    with pytest.raises(ValidationError) as info:
        attrs.evolve(network, **changes)
    assert any(p.rule.startswith(rule) for p in info.value.problems)


def test_a_reference_group_may_be_given_more_than_once() -> None:
    group = OrganiserGroup(kind=GroupKind.REFERENCE_GROUP)
    network = attrs.evolve(EXAMPLE, groups=[*EXAMPLE.groups, group, group])
    assert network.groups[-2:] == (group, group)


def test_a_bad_team_list_leaves_every_team_reference_unresolved() -> None:
    # a reference resolves only against teams that passed their rules, as before
    with pytest.raises(ValidationError) as info:
        attrs.evolve(EXAMPLE, teams=[*EXAMPLE.teams, "team"])
    paths = [p.path for p in info.value.problems]
    assert ("teams", len(EXAMPLE.teams)) in paths
    assert any(path[0] == "contacts" and path[-1] == "team" for path in paths)


ITEMS_OF_MODELS = [
    (cls, f.name)
    for cls, f in FIELDS
    if isinstance(rule_of(f), _rules.Items) and isinstance(rule_of(f).rule, _rules.Instance)  # type: ignore[union-attr]
]


@pytest.mark.parametrize(
    ("cls", "name"), ITEMS_OF_MODELS, ids=[f"{c.__name__}.{n}" for c, n in ITEMS_OF_MODELS]
)
def test_a_list_with_a_stranger_reports_it_and_skips_the_rules_across_it(
    cls: type, name: str
) -> None:
    # the rules across fields rely only on fields that passed their own rule
    obj: Any = next(o for o in POOL if type(o) is cls)
    given_list = getattr(obj, name)
    expected = rule_of(attrs.fields_dict(cls)[name]).rule.cls.__name__  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as info:
        attrs.evolve(obj, **{name: [*given_list, given_list[:1]]})
    strangers = [p for p in info.value.problems if p.path == (name, len(given_list))]
    assert [(p.code, p.rule.split()[-1]) for p in strangers] == [("model_type", expected)]
    assert all(p.path[0] != name or p in strangers for p in info.value.problems)


@pytest.mark.parametrize("number", [None, "1804"])
def test_an_organisation_of_an_unknown_kind_is_not_asked_for_a_number(number: str | None) -> None:
    with pytest.raises(ValidationError) as info:
        Organisation(name="Org", kind="kommune", municipality_number=number)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == [("kind",)]


@pytest.mark.parametrize("end", [None, datetime.date(2030, 3, 1), datetime.date(2030, 4, 1)])
def test_a_period_starts_after_the_previous_ones_end(end: datetime.date | None) -> None:
    first = Period(kind=PeriodKind.PREPARATION, start=datetime.date(2030, 1, 1), end=end)
    then = Period(kind=PeriodKind.EXECUTION, start=datetime.date(2030, 3, 1))
    with pytest.raises(ValidationError) as info:
        attrs.evolve(EXAMPLE, periods=[first, then])
    assert [(p.path, p.rule) for p in info.value.problems] == [
        (("periods", 1, "start"), "must be after the previous period's end")
    ]


def test_a_package_number_given_twice_in_a_network_is_refused() -> None:
    packages = [*EXAMPLE.packages, EXAMPLE.packages[0]]
    with pytest.raises(ValidationError) as info:
        attrs.evolve(EXAMPLE, packages=packages)
    assert [(p.path, p.rule) for p in info.value.problems] == [
        (("packages", len(packages) - 1, "number"), "is given twice")
    ]


def test_a_scheduled_gathering_needs_a_day() -> None:
    with pytest.raises(ValidationError, match="days: needs at least one day"):
        ScheduledGathering(number=1, target=datetime.date(2030, 1, 1), days=[])
