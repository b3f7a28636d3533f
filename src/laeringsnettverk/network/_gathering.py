"""Gatherings (samlinger), their programmes and time split, and preparation packages."""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._codegen import Names
from laeringsnettverk._rules import (
    Custom,
    Date,
    Instance,
    Integer,
    Items,
    Member,
    Optional,
    Rule,
    Text,
    checked,
    rule,
    to_tuple,
)
from laeringsnettverk.network._enums import ProgrammeItemKind
from laeringsnettverk.network._team import IDENTIFIER_RULE

__all__ = [
    "DEFAULT_PREPARATION_PACKAGES",
    "Gathering",
    "PreparationPackage",
    "PreparationTask",
    "ProgrammeItem",
    "TaskCompletion",
    "TimeSplit",
]

_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
_DAY_MINUTES = 24 * 60


def _check_clock(c: Checker, path: tuple[str | int, ...], value: object) -> bool:
    if isinstance(value, str) and _CLOCK.fullmatch(value):
        return True
    c.add(path, "must be a clock time 'HH:MM' (00:00 to 23:59)", value)
    return False


def _is_clock(value: object) -> bool:
    return type(value) is str and _CLOCK.fullmatch(value) is not None


CLOCK_RULE = Custom(
    check_with=_check_clock, quick_with=_is_clock, keywords={"pattern": _CLOCK.pattern}
)
"""The rule of a clock time ``"HH:MM"`` (24 hours)."""


def _check_minutes(c: Checker, path: tuple[str | int, ...], value: object) -> bool:
    return c.integer(path, value, 1)


def _is_minutes(value: object) -> bool:
    return type(value) is int and 1 <= value <= _DAY_MINUTES


MINUTES_RULE = Custom(
    check_with=_check_minutes,
    quick_with=_is_minutes,
    # an item may not run past midnight (checked with its start), so it never lasts more
    # than a day
    keywords={"minimum": 1, "maximum": _DAY_MINUTES},
)
"""The rule of a programme item's duration: whole minutes, at least 1.

Its upper limit depends on the start ("runs past midnight"), so the check leaves it to the
item; the schema states the limit that holds whatever the start: a day's minutes."""


@attrs.frozen
class _Ascending(Rule):
    """Items that keep ``rule``, each after the one before (so none is given twice)."""

    rule: Items
    """The rule of the items (each element's rule, how many)."""
    after: str
    """The message for an item not after the one before (``{previous}``: that one, in ISO)."""

    def check(self, c: Checker, path: tuple[Any, ...], value: object) -> bool:
        if not self.rule.check(c, path, value):
            return False
        assert isinstance(value, tuple)
        ok = True
        for i in range(1, len(value)):
            if value[i] <= value[i - 1]:
                previous = value[i - 1].isoformat()
                c.add((*path, i), self.after.format(previous=previous), value[i].isoformat())
                ok = False
        return ok

    def quick(self, v: str, names: Names) -> list[str]:
        return [*self.rule.quick(v, names), f"if not {names.const(_ascending)}({v}): return False"]

    def schema(self, prop: dict[str, Any]) -> dict[str, Any]:
        return {**self.rule.schema(prop), "uniqueItems": True}


def _ascending(values: tuple[Any, ...]) -> bool:
    return all(a < b for a, b in itertools.pairwise(values))


@attrs.frozen(kw_only=True)
@checked
class ProgrammeItem:
    """One item of a gathering's programme: a lecture, group work or plenary.

    ``start`` is the clock time ``"HH:MM"`` on day ``day`` of the gathering; ``minutes``
    is the duration in whole minutes, so time splits add up exactly.
    """

    title: str = attrs.field(metadata=rule(Text()))
    """What the item is, e.g. "Hva er viktig for deg?"."""
    kind: ProgrammeItemKind = attrs.field(metadata=rule(Member(ProgrammeItemKind)))
    """Lecture by the organisers, external lecture, group work or plenary."""
    start: str = attrs.field(metadata=rule(CLOCK_RULE))
    """The clock time it starts, ``"HH:MM"`` (24 hours)."""
    minutes: int = attrs.field(metadata=rule(MINUTES_RULE))
    """How long it lasts, in whole minutes (at least 1, not past midnight)."""
    day: int = attrs.field(default=1, metadata=rule(Integer(ge=1)))
    """Which day of the gathering: 1 for the first."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if ok["start"] and ok["minutes"] and self.start_minute + self.minutes > _DAY_MINUTES:
            c.add(("minutes",), "runs past midnight", self.minutes)

    @property
    def start_minute(self) -> int:
        """The start as minutes after midnight."""
        hours, minutes = self.start.split(":")
        return int(hours) * 60 + int(minutes)

    @property
    def end_minute(self) -> int:
        """The end as minutes after midnight."""
        return self.start_minute + self.minutes

    @property
    def end(self) -> str:
        """The clock time it ends, ``"HH:MM"``."""
        return f"{self.end_minute // 60:02d}:{self.end_minute % 60:02d}"


@attrs.frozen(kw_only=True)
@checked
class TimeSplit:
    """Minutes per kind of programme item, and the share of group work.

    The source's figure 2 counts group work and plenary presentations together, against
    lectures by the organisers and external lectures. Hours are exact fractions.

    ```pycon
    >>> split = TimeSplit(organiser_lecture=180, external_lecture=225, group_work=330)
    >>> split.organiser_lecture_hours, split.external_lecture_hours, split.group_work_hours
    (Fraction(3, 1), Fraction(15, 4), Fraction(11, 2))
    >>> float(split.group_work_share)
    0.4489795918367347

    ```
    """

    organiser_lecture: int = attrs.field(default=0, metadata=rule(Integer(ge=0)))
    """Minutes of lectures by the organisers."""
    external_lecture: int = attrs.field(default=0, metadata=rule(Integer(ge=0)))
    """Minutes of external lectures."""
    group_work: int = attrs.field(default=0, metadata=rule(Integer(ge=0)))
    """Minutes of group work."""
    plenary: int = attrs.field(default=0, metadata=rule(Integer(ge=0)))
    """Minutes of plenary presentations."""

    def minutes(self, kind: ProgrammeItemKind) -> int:
        """Minutes of one kind of item."""
        return {
            ProgrammeItemKind.ORGANISER_LECTURE: self.organiser_lecture,
            ProgrammeItemKind.EXTERNAL_LECTURE: self.external_lecture,
            ProgrammeItemKind.GROUP_WORK: self.group_work,
            ProgrammeItemKind.PLENARY: self.plenary,
        }[ProgrammeItemKind(kind)]

    def hours(self, kind: ProgrammeItemKind) -> Fraction:
        """Hours of one kind of item, exactly."""
        return Fraction(self.minutes(kind), 60)

    @property
    def total_minutes(self) -> int:
        """Minutes of the whole programme."""
        return self.organiser_lecture + self.external_lecture + self.group_work + self.plenary

    @property
    def total_hours(self) -> Fraction:
        """Hours of the whole programme, exactly."""
        return Fraction(self.total_minutes, 60)

    @property
    def organiser_lecture_hours(self) -> Fraction:
        """Hours of lectures by the organisers (figure 2's first column)."""
        return Fraction(self.organiser_lecture, 60)

    @property
    def external_lecture_hours(self) -> Fraction:
        """Hours of external lectures (figure 2's second column)."""
        return Fraction(self.external_lecture, 60)

    @property
    def group_work_hours(self) -> Fraction:
        """Hours of group work and plenary presentations together (figure 2's third column)."""
        return Fraction(self.group_work + self.plenary, 60)

    @property
    def group_work_share(self) -> Fraction | None:
        """Group work and plenary as a share of the programme; ``None`` for no programme."""
        total = self.total_minutes
        return Fraction(self.group_work + self.plenary, total) if total else None


@attrs.frozen(kw_only=True)
@checked
class Gathering:
    """A gathering (samling, a learning session): its number, days, place and programme.

    Items on the same day may not overlap; gaps between them are breaks.

    ```pycon
    >>> import datetime
    >>> gathering = Gathering(
    ...     number=1, days=[datetime.date(2024, 9, 10), datetime.date(2024, 9, 11)],
    ...     place="Bodø", programme=[
    ...         ProgrammeItem(title="Velkommen", kind=ProgrammeItemKind.ORGANISER_LECTURE,
    ...                       start="10:00", minutes=45),
    ...         ProgrammeItem(title="Teamarbeid", kind=ProgrammeItemKind.GROUP_WORK,
    ...                       start="11:00", minutes=90)])
    >>> gathering.time_split().group_work_hours
    Fraction(3, 2)

    ```
    """

    number: int = attrs.field(metadata=rule(Integer(ge=1)))
    """The gathering's number in the network: 1 for the first."""
    days: tuple[datetime.date, ...] = attrs.field(
        converter=to_tuple,
        metadata=rule(
            _Ascending(
                Items(Date(), min_items=1, too_few="needs at least one day"),
                after="must be after the previous day {previous}",
            )
        ),
    )
    """The days it runs, in order (usually two consecutive days)."""
    place: str = attrs.field(metadata=rule(Text()))
    """Where it is held."""
    programme: tuple[ProgrammeItem, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(ProgrammeItem)))
    )
    """The programme's items."""
    title: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """A title or theme, e.g. "Felles konferanse"."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if ok["programme"]:
            self._check_programme(c)

    def _check_programme(self, c: Checker) -> None:
        """Items within the gathering's days; on one day, each ends before the next starts.

        The items in order of (day, start, index): items that start together always overlap,
        whatever their order.
        """
        last = len(self.days)
        spans: list[tuple[int, int, int, int]] = []
        for i, item in enumerate(self.programme):
            if item.day > last:
                c.add(
                    ("programme", i, "day"),
                    f"is past the gathering's last day (it has {last})",
                    item.day,
                )
            start = item.start_minute
            spans.append((item.day, start, i, start + item.minutes))
        spans.sort()
        for (day, _, a, end), (next_day, next_start, b, _) in itertools.pairwise(spans):
            if day == next_day and next_start < end:
                first = self.programme[a]
                c.add(
                    ("programme", b, "start"),
                    f"overlaps programme[{a}] (until {first.end} on day {first.day})",
                    self.programme[b].start,
                )

    @property
    def first_day(self) -> datetime.date:
        """The gathering's first day."""
        return self.days[0]

    @property
    def last_day(self) -> datetime.date:
        """The gathering's last day."""
        return self.days[-1]

    def time_split(self) -> TimeSplit:
        """Minutes per kind of item over the whole programme (see :class:`TimeSplit`)."""
        totals = dict.fromkeys(ProgrammeItemKind, 0)
        for item in self.programme:
            totals[item.kind] += item.minutes
        return TimeSplit(
            organiser_lecture=totals[ProgrammeItemKind.ORGANISER_LECTURE],
            external_lecture=totals[ProgrammeItemKind.EXTERNAL_LECTURE],
            group_work=totals[ProgrammeItemKind.GROUP_WORK],
            plenary=totals[ProgrammeItemKind.PLENARY],
        )


@attrs.frozen(kw_only=True)
@checked
class PreparationTask:
    """A task in a preparation package, done by each team before the gathering."""

    code: str = attrs.field(metadata=rule(IDENTIFIER_RULE))
    """A technical code, unique in its package, e.g. ``"etablere_team"``."""
    title: str = attrs.field(metadata=rule(Text()))
    """What to do, e.g. "Etablere forbedringsteamet"."""
    description: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """More about the task."""


@attrs.frozen(kw_only=True)
@checked
class TaskCompletion:
    """A team completed a task of a preparation package on a day."""

    team: str = attrs.field(metadata=rule(IDENTIFIER_RULE))
    """The team, by its identifier."""
    task: str = attrs.field(metadata=rule(IDENTIFIER_RULE))
    """The task, by its code."""
    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day the team completed it."""


@attrs.frozen(kw_only=True)
@checked
class PreparationPackage:
    """A preparation package (forberedelsespakke) and each team's completion of its tasks.

    The tasks are what each team does before a gathering and presents there.

    ```pycon
    >>> [len(p.tasks) for p in DEFAULT_PREPARATION_PACKAGES]
    [3, 4, 3]

    ```
    """

    number: int = attrs.field(metadata=rule(Integer(ge=1)))
    """The package's number: 1 for the first."""
    gathering: int = attrs.field(metadata=rule(Integer(ge=1)))
    """The number of the gathering it prepares."""
    tasks: tuple[PreparationTask, ...] = attrs.field(
        converter=to_tuple,
        metadata=rule(
            Items(Instance(PreparationTask), min_items=1, too_few="needs at least one task")
        ),
    )
    """The tasks (at least one; codes unique)."""
    completions: tuple[TaskCompletion, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(TaskCompletion)))
    )
    """Each team's completion of each task (at most one per team and task)."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        codes: set[str] = set()
        if ok["tasks"]:
            for i, task in enumerate(self.tasks):
                if task.code in codes:
                    c.add(("tasks", i, "code"), "is given twice", task.code)
                codes.add(task.code)
        if ok["completions"]:
            done: set[tuple[str, str]] = set()
            for i, comp in enumerate(self.completions):
                if comp.task not in codes:
                    c.add(("completions", i, "task"), "is not a task of the package", comp.task)
                key = (comp.team, comp.task)
                if key in done:
                    c.add(
                        ("completions", i),
                        "repeats a completion of the same task by the same team",
                        f"{comp.team}/{comp.task}",
                    )
                done.add(key)

    def completion(self, team: str, task: str) -> TaskCompletion | None:
        """The team's completion of a task, or ``None``."""
        for comp in self.completions:
            if comp.team == team and comp.task == task:
                return comp
        return None

    def done_by(self, team: str, before: datetime.date | None = None) -> tuple[str, ...]:
        """The codes of the tasks ``team`` completed (before ``before``, if given)."""
        return tuple(
            task.code
            for task in self.tasks
            if (comp := self.completion(team, task.code)) is not None
            and (before is None or comp.date < before)
        )

    def complete(self, team: str, task: str, date: datetime.date) -> PreparationPackage:
        """A new package with ``team`` 's completion of ``task`` on ``date`` recorded."""
        return attrs.evolve(
            self,
            completions=(*self.completions, TaskCompletion(team=team, task=task, date=date)),
        )


DEFAULT_PREPARATION_PACKAGES: tuple[PreparationPackage, ...] = (
    PreparationPackage(
        number=1,
        gathering=1,
        tasks=(
            PreparationTask(code="etablere_team", title="Etablere forbedringsteamet"),
            PreparationTask(code="kartlegge_tjenester", title="Kartlegge egne tjenester"),
            PreparationTask(
                code="lytte_til_brukere",
                title="Lytte til brukernes erfaringer med tjenestene",
                description="Intervju minst to brukere om deres erfaringer.",
            ),
        ),
    ),
    PreparationPackage(
        number=2,
        gathering=2,
        tasks=(
            PreparationTask(code="forankring", title="Hvordan forankre forbedringsarbeidet"),
            PreparationTask(code="konkrete_maal", title="Konkrete mål for forbedringsarbeidet"),
            PreparationTask(
                code="maaleverktoey",
                title="Hvilke (måle)verktøy teamet vil bruke for å kartlegge arbeidet",
            ),
            PreparationTask(code="brukerinvolvering", title="Plan for brukerinvolvering"),
        ),
    ),
    PreparationPackage(
        number=3,
        gathering=3,
        tasks=(
            PreparationTask(
                code="nye_loesninger",
                title="Planlagte nye løsninger / forbedringstiltak",
            ),
            PreparationTask(code="maal_i_praksis", title="Hvordan jobbe med målene i praksis"),
            PreparationTask(
                code="kunnskapsbehov",
                title="Kartlegge behov for mer kunnskap",
                description="Og hva prosjektgruppen kan bidra med underveis og på samling 3.",
            ),
        ),
    ),
)
"""The source's three preparation packages, for gatherings 1, 2 and 3, with no completions.
Package 1: establish the team, map the team's own services, listen to users (interview at
least two). Package 2: anchoring, concrete goals, measurement tools, user involvement.
Package 3: new solutions / improvement measures, working with the goals in practice, the
need for more knowledge."""
