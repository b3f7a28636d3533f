"""Gatherings (samlinger), their programmes and time split, and preparation packages."""

from __future__ import annotations

import datetime
import itertools
import re
from fractions import Fraction

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.network._enums import ProgrammeItemKind
from laeringsnettverk.network._team import IDENTIFIER, check_identifier
from laeringsnettverk.toolkit._common import to_tuple

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


@attrs.frozen(kw_only=True)
class ProgrammeItem:
    """One item of a gathering's programme: a lecture, group work or plenary.

    ``start`` is the clock time ``"HH:MM"`` on day ``day`` of the gathering; ``minutes``
    is the duration in whole minutes, so time splits add up exactly.
    """

    title: str
    """What the item is, e.g. "Hva er viktig for deg?"."""
    kind: ProgrammeItemKind
    """Lecture by the organisers, external lecture, group work or plenary."""
    start: str
    """The clock time it starts, ``"HH:MM"`` (24 hours)."""
    minutes: int
    """How long it lasts, in whole minutes (at least 1, not past midnight)."""
    day: int = 1
    """Which day of the gathering: 1 for the first."""

    def __attrs_post_init__(self) -> None:
        title, start, minutes, day = self.title, self.start, self.minutes, self.day
        if (
            type(title) is str
            and title.strip()
            and isinstance(self.kind, ProgrammeItemKind)
            and type(start) is str
            and _CLOCK.fullmatch(start)
            and type(minutes) is int
            and minutes >= 1
            and int(start[:2]) * 60 + int(start[3:5]) + minutes <= _DAY_MINUTES
            and type(day) is int
            and day >= 1
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("title",), self.title)
        c.member(("kind",), self.kind, ProgrammeItemKind)
        start_ok = isinstance(self.start, str) and bool(_CLOCK.fullmatch(self.start))
        if not start_ok:
            c.add(("start",), "must be a clock time 'HH:MM' (00:00 to 23:59)", self.start)
        minutes_ok = c.integer(("minutes",), self.minutes, 1)
        if minutes_ok and start_ok and self.start_minute + self.minutes > _DAY_MINUTES:
            c.add(("minutes",), "runs past midnight", self.minutes)
        c.integer(("day",), self.day, 1)
        c.done()

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

    organiser_lecture: int = 0
    """Minutes of lectures by the organisers."""
    external_lecture: int = 0
    """Minutes of external lectures."""
    group_work: int = 0
    """Minutes of group work."""
    plenary: int = 0
    """Minutes of plenary presentations."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        for field in attrs.fields(TimeSplit):
            c.integer((field.name,), getattr(self, field.name), 0)
        c.done()

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

    number: int
    """The gathering's number in the network: 1 for the first."""
    days: tuple[datetime.date, ...] = attrs.field(converter=to_tuple)
    """The days it runs, in order (usually two consecutive days)."""
    place: str
    """Where it is held."""
    programme: tuple[ProgrammeItem, ...] = attrs.field(default=(), converter=to_tuple)
    """The programme's items."""
    title: str | None = None
    """A title or theme, e.g. "Felles konferanse"."""

    def __attrs_post_init__(self) -> None:
        number, days, place, title = self.number, self.days, self.place, self.title
        if (
            type(number) is int
            and number >= 1
            and days
            and type(place) is str
            and place.strip()
            and (title is None or type(title) is str)
            and self._days_valid()
            and self._programme_valid()
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.integer(("number",), self.number, 1)
        if not self.days:
            c.add(("days",), "needs at least one day")
        checked = [c.date(("days", i), d) for i, d in enumerate(self.days)]
        if all(checked):
            for i in range(1, len(self.days)):
                if self.days[i] <= self.days[i - 1]:
                    c.add(
                        ("days", i),
                        f"must be after the previous day {self.days[i - 1].isoformat()}",
                        self.days[i].isoformat(),
                    )
        c.text(("place",), self.place)
        c.optional_text(("title",), self.title)
        if c.instances(("programme",), self.programme, ProgrammeItem):
            self._check_programme(c)
        c.done()

    def _days_valid(self) -> bool:
        """True when the checks of ``days`` would find nothing (a quick pass)."""
        previous: datetime.date | None = None
        for day in self.days:
            if type(day) is not datetime.date or (previous is not None and day <= previous):
                return False
            previous = day
        return True

    def _programme_valid(self) -> bool:
        """True when :meth:`_check_programme` would find nothing (a quick pass).

        The items in order of (day, start): each must end before the next one on its day
        starts (items that start together always overlap, whatever their order).
        """
        last = len(self.days)
        spans: list[tuple[int, int, int]] = []
        for item in self.programme:
            if type(item) is not ProgrammeItem or item.day > last:
                return False
            start = item.start_minute
            spans.append((item.day, start, start + item.minutes))
        spans.sort()
        for (day, _, end), (next_day, next_start, _) in itertools.pairwise(spans):
            if day == next_day and next_start < end:
                return False
        return True

    def _check_programme(self, c: Checker) -> None:
        for i, item in enumerate(self.programme):
            if item.day > len(self.days):
                c.add(
                    ("programme", i, "day"),
                    f"is past the gathering's last day (it has {len(self.days)})",
                    item.day,
                )
        order = sorted(
            range(len(self.programme)),
            key=lambda k: (self.programme[k].day, self.programme[k].start_minute, k),
        )
        for a, b in itertools.pairwise(order):
            first, second = self.programme[a], self.programme[b]
            if first.day == second.day and second.start_minute < first.end_minute:
                c.add(
                    ("programme", b, "start"),
                    f"overlaps programme[{a}] (until {first.end} on day {first.day})",
                    second.start,
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
class PreparationTask:
    """A task in a preparation package, done by each team before the gathering."""

    code: str
    """A technical code, unique in its package, e.g. ``"etablere_team"``."""
    title: str
    """What to do, e.g. "Etablere forbedringsteamet"."""
    description: str | None = None
    """More about the task."""

    def __attrs_post_init__(self) -> None:
        code, title, description = self.code, self.title, self.description
        if (
            type(code) is str
            and IDENTIFIER.fullmatch(code)
            and type(title) is str
            and title.strip()
            and (description is None or type(description) is str)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        check_identifier(c, ("code",), self.code)
        c.text(("title",), self.title)
        c.optional_text(("description",), self.description)
        c.done()


@attrs.frozen(kw_only=True)
class TaskCompletion:
    """A team completed a task of a preparation package on a day."""

    team: str
    """The team, by its identifier."""
    task: str
    """The task, by its code."""
    date: datetime.date
    """The day the team completed it."""

    def __attrs_post_init__(self) -> None:
        team, task = self.team, self.task
        if (
            type(team) is str
            and IDENTIFIER.fullmatch(team)
            and type(task) is str
            and IDENTIFIER.fullmatch(task)
            and type(self.date) is datetime.date
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        check_identifier(c, ("team",), self.team)
        check_identifier(c, ("task",), self.task)
        c.date(("date",), self.date)
        c.done()


@attrs.frozen(kw_only=True)
class PreparationPackage:
    """A preparation package (forberedelsespakke) and each team's completion of its tasks.

    The tasks are what each team does before a gathering and presents there.

    ```pycon
    >>> [len(p.tasks) for p in DEFAULT_PREPARATION_PACKAGES]
    [3, 4, 3]

    ```
    """

    number: int
    """The package's number: 1 for the first."""
    gathering: int
    """The number of the gathering it prepares."""
    tasks: tuple[PreparationTask, ...] = attrs.field(converter=to_tuple)
    """The tasks (at least one; codes unique)."""
    completions: tuple[TaskCompletion, ...] = attrs.field(default=(), converter=to_tuple)
    """Each team's completion of each task (at most one per team and task)."""

    def __attrs_post_init__(self) -> None:
        number, gathering, tasks = self.number, self.gathering, self.tasks
        if (
            type(number) is int
            and number >= 1
            and type(gathering) is int
            and gathering >= 1
            and tasks
            and self._tasks_valid()
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.integer(("number",), self.number, 1)
        c.integer(("gathering",), self.gathering, 1)
        codes: set[str] = set()
        if c.instances(("tasks",), self.tasks, PreparationTask):
            if not self.tasks:
                c.add(("tasks",), "needs at least one task")
            for i, task in enumerate(self.tasks):
                if task.code in codes:
                    c.add(("tasks", i, "code"), "is given twice", task.code)
                codes.add(task.code)
        if c.instances(("completions",), self.completions, TaskCompletion):
            done: set[tuple[str, str]] = set()
            for i, comp in enumerate(self.completions):
                if comp.task not in codes:
                    c.add(("completions", i, "task"), "is not a task of the package", comp.task)
                if (comp.team, comp.task) in done:
                    c.add(
                        ("completions", i),
                        "repeats a completion of the same task by the same team",
                        f"{comp.team}/{comp.task}",
                    )
                done.add((comp.team, comp.task))
        c.done()

    def _tasks_valid(self) -> bool:
        """True when the checks of tasks and completions would find nothing (a quick pass)."""
        codes: set[str] = set()
        for task in self.tasks:
            if type(task) is not PreparationTask or task.code in codes:
                return False
            codes.add(task.code)
        done: set[tuple[str, str]] = set()
        for comp in self.completions:
            if type(comp) is not TaskCompletion or comp.task not in codes:
                return False
            key = (comp.team, comp.task)
            if key in done:
                return False
            done.add(key)
        return True

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
