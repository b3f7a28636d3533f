"""The plan (plan): measures agreed with the user, who is responsible, and by when."""

from __future__ import annotations

import datetime

import attrs

from laeringsnettverk._rules import (
    Boolean,
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
from laeringsnettverk.toolkit._enums import MeasureStatus

__all__ = ["ActionPlan", "Measure", "Responsible"]


@attrs.frozen(kw_only=True)
@checked
class Responsible:
    """Who holds the main responsibility for a measure: a role, optionally a name."""

    role: str = attrs.field(metadata=rule(Text()))
    """The role, e.g. ``"koordinator"``, ``"fastlege"``, ``"brukeren"``."""
    name: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The person's name, if given."""


@attrs.frozen(kw_only=True)
@checked
class Measure:
    """A measure (tiltak) in the plan."""

    description: str = attrs.field(metadata=rule(Text()))
    """What will be done (free text)."""
    responsible: Responsible = attrs.field(metadata=rule(Instance(Responsible)))
    """Who holds the main responsibility."""
    serves: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Text()))
    )
    """The activities (form) or areas (wheel) it serves, by name."""
    due: datetime.date | None = attrs.field(default=None, metadata=rule(Optional(Date())))
    """When it should be done."""
    status: MeasureStatus = attrs.field(
        default=MeasureStatus.PLANNED, metadata=rule(Member(MeasureStatus))
    )
    """Planned, in progress, done or cancelled."""
    comments: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Text(blank=True)))
    )
    """The user's comments on the measure (free text)."""


@attrs.frozen(kw_only=True)
@checked
class ActionPlan:
    """The user's plan: measures with responsibility and dates.

    If the user has an individual plan (individuell plan, IP) it is used
    (``individual_plan=True``). The plan goes into the user's record; the user has a
    copy and may comment.
    """

    measures: tuple[Measure, ...] = attrs.field(
        converter=to_tuple, metadata=rule(Items(Instance(Measure)))
    )
    """The measures, in the plan's order."""
    individual_plan: bool = attrs.field(default=False, metadata=rule(Boolean()))
    """Whether this is the user's individual plan (IP)."""
    date: datetime.date | None = attrs.field(default=None, metadata=rule(Optional(Date())))
    """The day the plan was made or last revised."""
    identifier: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """An identifier in the caller's system."""

    def overdue(self, today: datetime.date) -> tuple[Measure, ...]:
        """Measures past their due date and not done or cancelled, as of ``today``."""
        open_ = (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS)
        return tuple(
            m for m in self.measures if m.due is not None and m.due < today and m.status in open_
        )
