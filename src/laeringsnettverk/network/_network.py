"""The learning network as a whole: organisers, teams, gatherings, packages and periods."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Mapping

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._rules import (
    Date,
    Instance,
    Items,
    Member,
    Optional,
    Text,
    checked,
    rule,
    to_tuple,
)
from laeringsnettverk.goals import SmartGoal
from laeringsnettverk.network._enums import ContactChannel, GroupKind, Initiator, PeriodKind
from laeringsnettverk.network._gathering import Gathering, PreparationPackage
from laeringsnettverk.network._team import IDENTIFIER_RULE, ImprovementTeam

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
@checked
class GroupMember:
    """A person (or a seat) in one of the organisers' groups, with the role it has."""

    role: str = attrs.field(metadata=rule(Text()))
    """The role, e.g. "Prosessveileder", "Representant for KS"."""
    name: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The person's name, if known (a seat may not be filled yet)."""
    organisation: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The organisation the person represents, e.g. "Statsforvalteren i Trøndelag"."""


@attrs.frozen(kw_only=True)
@checked
class OrganiserGroup:
    """A group in the network's organisation.

    A steering group, a working group, an extended working group or a reference group.
    """

    kind: GroupKind = attrs.field(metadata=rule(Member(GroupKind)))
    """Which kind of group."""
    members: tuple[GroupMember, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(GroupMember)))
    )
    """The people (or seats) and their roles."""
    name: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The group's own name, e.g. "Fagråd for psykisk helse og rus"."""


@attrs.frozen(kw_only=True)
@checked
class Period:
    """One of the network's three periods, from ``start`` to ``end`` (both included).

    Continuation (videreføring) is open-ended: its ``end`` may be ``None``.
    """

    kind: PeriodKind = attrs.field(metadata=rule(Member(PeriodKind)))
    """Preparation, execution or continuation."""
    start: datetime.date = attrs.field(metadata=rule(Date()))
    """The period's first day."""
    end: datetime.date | None = attrs.field(default=None, metadata=rule(Optional(Date())))
    """The period's last day, or ``None`` when open-ended."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        end = self.end
        if ok["start"] and ok["end"] and end is not None and end < self.start:
            c.add(("end",), f"must not be before start {self.start.isoformat()}", end)

    def contains(self, day: datetime.date) -> bool:
        """True when ``day`` falls in the period."""
        return self.start <= day and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True)
@checked
class NetworkGoal:
    """An overarching goal of the network: a SMART goal, or a goal as plain text.

    Exactly one of ``text`` and ``goal`` is given.

    ```pycon
    >>> NetworkGoal(text="Brukeren opplever å være likeverdig med helsepersonellet.").statement
    'Brukeren opplever å være likeverdig med helsepersonellet.'

    ```
    """

    text: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The goal as plain text."""
    goal: SmartGoal | None = attrs.field(default=None, metadata=rule(Optional(Instance(SmartGoal))))
    """The goal as a SMART goal."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if (self.text is None) == (self.goal is None):
            c.add(("text",), "exactly one of text and goal must be given")

    @property
    def statement(self) -> str:
        """The goal's text: ``text``, or the SMART goal's statement."""
        if self.goal is not None:
            return self.goal.statement
        assert self.text is not None
        return self.text


@attrs.frozen(kw_only=True)
@checked
class FollowUpContact:
    """Coaching or follow-up between gatherings (veiledning / oppfølging)."""

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day of the contact."""
    team: str = attrs.field(metadata=rule(IDENTIFIER_RULE))
    """The team, by its identifier."""
    who: str = attrs.field(metadata=rule(Text()))
    """Who from the organisers took part, by role or name."""
    channel: ContactChannel = attrs.field(metadata=rule(Member(ContactChannel)))
    """Meeting, video, phone, e-mail or visit."""
    initiated_by: Initiator = attrs.field(metadata=rule(Member(Initiator)))
    """The team (it asked for help) or the organisers (systematic follow-up)."""
    topic: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """What it was about (free text)."""


@attrs.frozen(kw_only=True)
@checked
class LearningNetwork:
    """A learning network (læringsnettverk) as its organisers plan and run it.

    Teams are referenced by their ``identifier`` from contacts and task completions, and
    gatherings by their ``number`` from preparation packages; every reference must resolve.
    Gathering numbers are unique and gatherings in number order do not overlap in time.

    See :func:`~laeringsnettverk.network.load_example_network` for a whole example.
    """

    name: str = attrs.field(metadata=rule(Text()))
    """The network's name."""
    theme: str = attrs.field(metadata=rule(Text()))
    """The theme, e.g. "Gode pasientforløp for brukere med psykiske helse- og rusproblemer"."""
    target_group: str = attrs.field(metadata=rule(Text()))
    """Who the improvement work is for."""
    vision: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The vision, e.g. from «Hva er i veien med deg?» to «Hva er viktig for deg?»."""
    goals: tuple[NetworkGoal, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(NetworkGoal)))
    )
    """The overarching goals, SMART or as text."""
    groups: tuple[OrganiserGroup, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(OrganiserGroup)))
    )
    """The organisation: steering group, working group, extended working group, reference
    groups (one of each kind, except reference groups)."""
    teams: tuple[ImprovementTeam, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(ImprovementTeam)))
    )
    """The improvement teams (identifiers unique)."""
    gatherings: tuple[Gathering, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(Gathering)))
    )
    """The gatherings (numbers unique)."""
    packages: tuple[PreparationPackage, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(PreparationPackage)))
    )
    """The preparation packages (numbers unique), each for a gathering of the network."""
    contacts: tuple[FollowUpContact, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(FollowUpContact)))
    )
    """Follow-up contacts with the teams between gatherings."""
    periods: tuple[Period, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(Period)))
    )
    """The periods (forberedelse, gjennomføring, videreføring), each at most once, in order
    and without overlap."""
    identifier: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """An identifier in the caller's system."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if ok["groups"]:
            seen_kinds: set[GroupKind] = set()
            for i, group in enumerate(self.groups):
                if group.kind in seen_kinds and group.kind is not GroupKind.REFERENCE_GROUP:
                    c.add(("groups", i, "kind"), "is given twice", group.kind.value)
                seen_kinds.add(group.kind)
        # a reference is checked against the teams and gatherings that passed their rules
        teams: set[str] = set()
        if ok["teams"]:
            for i, team in enumerate(self.teams):
                if team.identifier in teams:
                    c.add(("teams", i, "identifier"), "is given twice", team.identifier)
                teams.add(team.identifier)
        numbers: set[int] = set()
        if ok["gatherings"]:
            self._check_gatherings(c, numbers)
        if ok["packages"]:
            self._check_packages(c, numbers, teams)
        if ok["contacts"]:
            for i, contact in enumerate(self.contacts):
                if contact.team not in teams:
                    c.add(("contacts", i, "team"), "is not a team of the network", contact.team)
        if ok["periods"]:
            self._check_periods(c)

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
        order = _PERIOD_ORDER
        for i in range(1, len(self.periods)):
            before, period = self.periods[i - 1], self.periods[i]
            if order[period.kind] <= order[before.kind]:
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
