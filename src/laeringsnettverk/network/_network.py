"""The learning network as a whole: organisers, teams, gatherings, packages and periods."""

from __future__ import annotations

import datetime
import itertools

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.goals import SmartGoal
from laeringsnettverk.network._enums import ContactChannel, GroupKind, Initiator, PeriodKind
from laeringsnettverk.network._gathering import Gathering, PreparationPackage
from laeringsnettverk.network._team import IDENTIFIER, ImprovementTeam, check_identifier
from laeringsnettverk.toolkit._common import to_tuple

__all__ = [
    "FollowUpContact",
    "GroupMember",
    "LearningNetwork",
    "NetworkGoal",
    "OrganiserGroup",
    "Period",
]


_PERIOD_ORDER: dict[PeriodKind, int] = {kind: i for i, kind in enumerate(PeriodKind)}


@attrs.frozen(kw_only=True)
class GroupMember:
    """A person (or a seat) in one of the organisers' groups, with the role it has."""

    role: str
    """The role, e.g. "Prosessveileder", "Representant for KS"."""
    name: str | None = None
    """The person's name, if known (a seat may not be filled yet)."""
    organisation: str | None = None
    """The organisation the person represents, e.g. "Statsforvalteren i Trøndelag"."""

    def __attrs_post_init__(self) -> None:
        role, name, organisation = self.role, self.name, self.organisation
        if (
            type(role) is str
            and role.strip()
            and (name is None or type(name) is str)
            and (organisation is None or type(organisation) is str)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("role",), self.role)
        c.optional_text(("name",), self.name)
        c.optional_text(("organisation",), self.organisation)
        c.done()


@attrs.frozen(kw_only=True)
class OrganiserGroup:
    """A group in the network's organisation.

    A steering group, a working group, an extended working group or a reference group.
    """

    kind: GroupKind
    """Which kind of group."""
    members: tuple[GroupMember, ...] = attrs.field(default=(), converter=to_tuple)
    """The people (or seats) and their roles."""
    name: str | None = None
    """The group's own name, e.g. "Fagråd for psykisk helse og rus"."""

    def __attrs_post_init__(self) -> None:
        name = self.name
        if (
            isinstance(self.kind, GroupKind)
            and (name is None or type(name) is str)
            and all(type(m) is GroupMember for m in self.members)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.member(("kind",), self.kind, GroupKind)
        c.instances(("members",), self.members, GroupMember)
        c.optional_text(("name",), self.name)
        c.done()


@attrs.frozen(kw_only=True)
class Period:
    """One of the network's three periods, from ``start`` to ``end`` (both included).

    Continuation (videreføring) is open-ended: its ``end`` may be ``None``.
    """

    kind: PeriodKind
    """Preparation, execution or continuation."""
    start: datetime.date
    """The period's first day."""
    end: datetime.date | None = None
    """The period's last day, or ``None`` when open-ended."""

    def __attrs_post_init__(self) -> None:
        start, end = self.start, self.end
        if (
            isinstance(self.kind, PeriodKind)
            and type(start) is datetime.date
            and (end is None or (type(end) is datetime.date and end >= start))
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.member(("kind",), self.kind, PeriodKind)
        ok = c.date(("start",), self.start) & c.optional_date(("end",), self.end)
        if ok and self.end is not None and self.end < self.start:
            c.add(("end",), f"must not be before start {self.start.isoformat()}", self.end)
        c.done()

    def contains(self, day: datetime.date) -> bool:
        """True when ``day`` falls in the period."""
        return self.start <= day and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True)
class NetworkGoal:
    """An overarching goal of the network: a SMART goal, or a goal as plain text.

    Exactly one of ``text`` and ``goal`` is given.

    ```pycon
    >>> NetworkGoal(text="Brukeren opplever å være likeverdig med helsepersonellet.").statement
    'Brukeren opplever å være likeverdig med helsepersonellet.'

    ```
    """

    text: str | None = None
    """The goal as plain text."""
    goal: SmartGoal | None = None
    """The goal as a SMART goal."""

    def __attrs_post_init__(self) -> None:
        text, goal = self.text, self.goal
        if (goal is None and type(text) is str) or (text is None and type(goal) is SmartGoal):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.optional_text(("text",), self.text)
        if self.goal is not None and not isinstance(self.goal, SmartGoal):
            c.add(("goal",), "must be a SmartGoal", type(self.goal).__name__)
        if (self.text is None) == (self.goal is None):
            c.add(("text",), "exactly one of text and goal must be given")
        c.done()

    @property
    def statement(self) -> str:
        """The goal's text: ``text``, or the SMART goal's statement."""
        if self.goal is not None:
            return self.goal.statement
        assert self.text is not None
        return self.text


@attrs.frozen(kw_only=True)
class FollowUpContact:
    """Coaching or follow-up between gatherings (veiledning / oppfølging)."""

    date: datetime.date
    """The day of the contact."""
    team: str
    """The team, by its identifier."""
    who: str
    """Who from the organisers took part, by role or name."""
    channel: ContactChannel
    """Meeting, video, phone, e-mail or visit."""
    initiated_by: Initiator
    """The team (it asked for help) or the organisers (systematic follow-up)."""
    topic: str | None = None
    """What it was about (free text)."""

    def __attrs_post_init__(self) -> None:
        team, who, topic = self.team, self.who, self.topic
        if (
            type(self.date) is datetime.date
            and type(team) is str
            and IDENTIFIER.fullmatch(team)
            and type(who) is str
            and who.strip()
            and isinstance(self.channel, ContactChannel)
            and isinstance(self.initiated_by, Initiator)
            and (topic is None or type(topic) is str)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.date(("date",), self.date)
        check_identifier(c, ("team",), self.team)
        c.text(("who",), self.who)
        c.member(("channel",), self.channel, ContactChannel)
        c.member(("initiated_by",), self.initiated_by, Initiator)
        c.optional_text(("topic",), self.topic)
        c.done()


@attrs.frozen(kw_only=True)
class LearningNetwork:
    """A learning network (læringsnettverk) as its organisers plan and run it.

    Teams are referenced by their ``identifier`` from contacts and task completions, and
    gatherings by their ``number`` from preparation packages; every reference must resolve.
    Gathering numbers are unique and gatherings in number order do not overlap in time.

    See :func:`~laeringsnettverk.network.load_example_network` for a whole example.
    """

    name: str
    """The network's name."""
    theme: str
    """The theme, e.g. "Gode pasientforløp for brukere med psykiske helse- og rusproblemer"."""
    target_group: str
    """Who the improvement work is for."""
    vision: str | None = None
    """The vision, e.g. from «Hva er i veien med deg?» to «Hva er viktig for deg?»."""
    goals: tuple[NetworkGoal, ...] = attrs.field(default=(), converter=to_tuple)
    """The overarching goals, SMART or as text."""
    groups: tuple[OrganiserGroup, ...] = attrs.field(default=(), converter=to_tuple)
    """The organisation: steering group, working group, extended working group, reference
    groups (one of each kind, except reference groups)."""
    teams: tuple[ImprovementTeam, ...] = attrs.field(default=(), converter=to_tuple)
    """The improvement teams (identifiers unique)."""
    gatherings: tuple[Gathering, ...] = attrs.field(default=(), converter=to_tuple)
    """The gatherings (numbers unique)."""
    packages: tuple[PreparationPackage, ...] = attrs.field(default=(), converter=to_tuple)
    """The preparation packages (numbers unique), each for a gathering of the network."""
    contacts: tuple[FollowUpContact, ...] = attrs.field(default=(), converter=to_tuple)
    """Follow-up contacts with the teams between gatherings."""
    periods: tuple[Period, ...] = attrs.field(default=(), converter=to_tuple)
    """The periods (forberedelse, gjennomføring, videreføring), each at most once, in order
    and without overlap."""
    identifier: str | None = None
    """An identifier in the caller's system."""

    def __attrs_post_init__(self) -> None:
        if self._valid():
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("name",), self.name)
        c.text(("theme",), self.theme)
        c.text(("target_group",), self.target_group)
        c.optional_text(("vision",), self.vision)
        c.optional_text(("identifier",), self.identifier)
        c.instances(("goals",), self.goals, NetworkGoal)
        if c.instances(("groups",), self.groups, OrganiserGroup):
            seen_kinds: set[GroupKind] = set()
            for i, group in enumerate(self.groups):
                if group.kind in seen_kinds and group.kind is not GroupKind.REFERENCE_GROUP:
                    c.add(("groups", i, "kind"), "is given twice", group.kind.value)
                seen_kinds.add(group.kind)
        teams: set[str] = set()
        if c.instances(("teams",), self.teams, ImprovementTeam):
            for i, team in enumerate(self.teams):
                if team.identifier in teams:
                    c.add(("teams", i, "identifier"), "is given twice", team.identifier)
                teams.add(team.identifier)
        numbers: set[int] = set()
        if c.instances(("gatherings",), self.gatherings, Gathering):
            self._check_gatherings(c, numbers)
        if c.instances(("packages",), self.packages, PreparationPackage):
            self._check_packages(c, numbers, teams)
        if c.instances(("contacts",), self.contacts, FollowUpContact):
            for i, contact in enumerate(self.contacts):
                if contact.team not in teams:
                    c.add(("contacts", i, "team"), "is not a team of the network", contact.team)
        if c.instances(("periods",), self.periods, Period):
            self._check_periods(c)
        c.done()

    def _valid(self) -> bool:
        """True when :meth:`_full_check` would find nothing (a quick pass)."""
        name, theme, target_group, vision, identifier = (
            self.name,
            self.theme,
            self.target_group,
            self.vision,
            self.identifier,
        )
        if not (
            type(name) is str
            and name.strip()
            and type(theme) is str
            and theme.strip()
            and type(target_group) is str
            and target_group.strip()
            and (vision is None or type(vision) is str)
            and (identifier is None or type(identifier) is str)
            and all(type(goal) is NetworkGoal for goal in self.goals)
        ):
            return False
        kinds: set[GroupKind] = set()
        for group in self.groups:
            if type(group) is not OrganiserGroup:
                return False
            if group.kind in kinds and group.kind is not GroupKind.REFERENCE_GROUP:
                return False
            kinds.add(group.kind)
        teams: set[str] = set()
        for team in self.teams:
            if type(team) is not ImprovementTeam or team.identifier in teams:
                return False
            teams.add(team.identifier)
        numbers: set[int] = set()
        for gathering in self.gatherings:
            if type(gathering) is not Gathering or gathering.number in numbers:
                return False
            numbers.add(gathering.number)
        ordered = sorted(self.gatherings, key=lambda g: g.number)
        for before, after in itertools.pairwise(ordered):
            if after.first_day <= before.last_day:
                return False
        packages: set[int] = set()
        for package in self.packages:
            if (
                type(package) is not PreparationPackage
                or package.number in packages
                or package.gathering not in numbers
            ):
                return False
            packages.add(package.number)
            for comp in package.completions:
                if comp.team not in teams:
                    return False
        for contact in self.contacts:
            if type(contact) is not FollowUpContact or contact.team not in teams:
                return False
        order = _PERIOD_ORDER
        previous: Period | None = None
        for period in self.periods:
            if type(period) is not Period:
                return False
            if previous is not None and (
                order[period.kind] <= order[previous.kind]
                or previous.end is None
                or period.start <= previous.end
            ):
                return False
            previous = period
        return True

    def _check_gatherings(self, c: Checker, numbers: set[int]) -> None:
        for i, gathering in enumerate(self.gatherings):
            if gathering.number in numbers:
                c.add(("gatherings", i, "number"), "is given twice", gathering.number)
            numbers.add(gathering.number)
        ordered = sorted(self.gatherings, key=lambda g: g.number)
        for before, after in itertools.pairwise(ordered):
            if before.number != after.number and after.first_day <= before.last_day:
                i = self.gatherings.index(after)
                c.add(
                    ("gatherings", i, "days", 0),
                    f"must be after gathering {before.number}'s last day "
                    f"{before.last_day.isoformat()}",
                    after.first_day.isoformat(),
                )

    def _check_packages(self, c: Checker, numbers: set[int], teams: set[str]) -> None:
        seen: set[int] = set()
        for i, package in enumerate(self.packages):
            if package.number in seen:
                c.add(("packages", i, "number"), "is given twice", package.number)
            seen.add(package.number)
            if package.gathering not in numbers:
                c.add(
                    ("packages", i, "gathering"),
                    "is not a gathering of the network",
                    package.gathering,
                )
            for k, comp in enumerate(package.completions):
                if comp.team not in teams:
                    c.add(
                        ("packages", i, "completions", k, "team"),
                        "is not a team of the network",
                        comp.team,
                    )

    def _check_periods(self, c: Checker) -> None:
        order = list(PeriodKind)
        for i in range(1, len(self.periods)):
            before, period = self.periods[i - 1], self.periods[i]
            if order.index(period.kind) <= order.index(before.kind):
                c.add(
                    ("periods", i, "kind"),
                    f"must come after {before.kind.value!r} (forberedelse, gjennomfoering, "
                    "viderefoering, each once)",
                    period.kind.value,
                )
            elif before.end is None or period.start <= before.end:
                c.add(
                    ("periods", i, "start"),
                    "must be after the previous period's end",
                    period.start.isoformat(),
                )

    # -- navigation ---------------------------------------------------------------------

    def team(self, identifier: str) -> ImprovementTeam:
        """The team by its identifier.

        Raises:
            ValidationError: when the network has no such team.
        """
        for team in self.teams:
            if team.identifier == identifier:
                return team
        c = Checker()
        c.add(("team",), "is not a team of the network", identifier)
        c.done()
        raise AssertionError  # pragma: no cover

    def gathering(self, number: int) -> Gathering:
        """The gathering by its number.

        Raises:
            ValidationError: when the network has no such gathering.
        """
        for gathering in self.gatherings:
            if gathering.number == number:
                return gathering
        c = Checker()
        c.add(("gathering",), "is not a gathering of the network", number)
        c.done()
        raise AssertionError  # pragma: no cover

    def period(self, kind: PeriodKind) -> Period | None:
        """The period of ``kind``, or ``None`` when it is not given."""
        for period in self.periods:
            if period.kind is kind:
                return period
        return None

    def contacts_with(self, team: str) -> tuple[FollowUpContact, ...]:
        """The follow-up contacts with one team, in date order."""
        return tuple(sorted((x for x in self.contacts if x.team == team), key=lambda x: x.date))

    @property
    def gatherings_in_order(self) -> tuple[Gathering, ...]:
        """The gatherings by number."""
        return tuple(sorted(self.gatherings, key=lambda g: g.number))
