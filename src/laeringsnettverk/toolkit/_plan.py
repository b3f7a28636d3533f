"""The plan (plan): measures agreed with the user, who is responsible, and by when."""

from __future__ import annotations

import datetime

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.toolkit._common import to_tuple
from laeringsnettverk.toolkit._enums import MeasureStatus

__all__ = ["ActionPlan", "Measure", "Responsible"]


@attrs.frozen(kw_only=True)
class Responsible:
    """Who holds the main responsibility for a measure: a role, optionally a name."""

    role: str
    """The role, e.g. ``"koordinator"``, ``"fastlege"``, ``"brukeren"``."""
    name: str | None = None
    """The person's name, if given."""

    def __attrs_post_init__(self) -> None:
        role, name = self.role, self.name
        if type(role) is str and role.strip() and (name is None or type(name) is str):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("role",), self.role)
        c.optional_text(("name",), self.name)
        c.done()


@attrs.frozen(kw_only=True)
class Measure:
    """A measure (tiltak) in the plan."""

    description: str
    """What will be done (free text)."""
    responsible: Responsible
    """Who holds the main responsibility."""
    serves: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """The activities (form) or areas (wheel) it serves, by name."""
    due: datetime.date | None = None
    """When it should be done."""
    status: MeasureStatus = MeasureStatus.PLANNED
    """Planned, in progress, done or cancelled."""
    comments: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """The user's comments on the measure (free text)."""

    def __attrs_post_init__(self) -> None:
        description, due = self.description, self.due
        if (
            type(description) is str
            and description.strip()
            and type(self.responsible) is Responsible
            and (due is None or type(due) is datetime.date)
            and isinstance(self.status, MeasureStatus)
            and all(type(s) is str and s.strip() for s in self.serves)
            and all(type(s) is str for s in self.comments)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("description",), self.description)
        if not isinstance(self.responsible, Responsible):
            c.add(("responsible",), "must be a Responsible", type(self.responsible).__name__)
        for i, s in enumerate(self.serves):
            c.text(("serves", i), s)
        c.optional_date(("due",), self.due)
        c.member(("status",), self.status, MeasureStatus)
        for i, s in enumerate(self.comments):
            c.text(("comments", i), s, required=False)
        c.done()


@attrs.frozen(kw_only=True)
class ActionPlan:
    """The user's plan: measures with responsibility and dates.

    If the user has an individual plan (individuell plan, IP) it is used
    (``individual_plan=True``). The plan goes into the user's record; the user has a
    copy and may comment.
    """

    measures: tuple[Measure, ...] = attrs.field(converter=to_tuple)
    """The measures, in the plan's order."""
    individual_plan: bool = False
    """Whether this is the user's individual plan (IP)."""
    date: datetime.date | None = None
    """The day the plan was made or last revised."""
    identifier: str | None = None
    """An identifier in the caller's system."""

    def __attrs_post_init__(self) -> None:
        date, identifier = self.date, self.identifier
        if (
            all(type(m) is Measure for m in self.measures)
            and type(self.individual_plan) is bool
            and (date is None or type(date) is datetime.date)
            and (identifier is None or type(identifier) is str)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.instances(("measures",), self.measures, Measure)
        c.boolean(("individual_plan",), self.individual_plan)
        c.optional_date(("date",), self.date)
        c.optional_text(("identifier",), self.identifier)
        c.done()

    def overdue(self, today: datetime.date) -> tuple[Measure, ...]:
        """Measures past their due date and not done or cancelled, as of ``today``."""
        open_ = (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS)
        return tuple(
            m for m in self.measures if m.due is not None and m.due < today and m.status in open_
        )
