"""SMART(E) goals: a statement, and what makes it specific, measurable, … and agreed."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._rules import (
    Boolean,
    Date,
    Instance,
    Items,
    Number,
    Optional,
    Text,
    checked,
    rule,
    to_tuple,
)
from laeringsnettverk.goals._indicator import Indicator

__all__ = ["Observation", "Party", "SmartGoal"]

_OPTIONAL_TEXT = Optional(Text(blank=True))
"""The rule of the goal's optional free-text fields (who, where, owner, rationale, …)."""


@attrs.frozen(kw_only=True)
@checked
class Observation:
    """A measured value of an indicator on a day: a baseline, or a later measurement."""

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day the value was measured (or the end of the period it covers)."""
    value: float = attrs.field(metadata=rule(Number()))
    """The measured value, on the indicator's scale."""


@attrs.frozen(kw_only=True)
@checked
class Party:
    """A party that agreed to a goal: a person, a role or a group."""

    name: str = attrs.field(metadata=rule(Text()))
    """Who, e.g. "Forbedringsteamet", "Enhetsleder psykisk helse og rus", "Brukerrådet"."""
    user_representative: bool = attrs.field(default=False, metadata=rule(Boolean()))
    """True when the party is (or speaks for) the users: a user representative."""


@attrs.frozen(kw_only=True)
@checked
class SmartGoal:
    """A goal for improvement work, with what makes it SMART(E).

    Only ``statement`` is required: a goal can be built from a bare statement, as most
    municipalities wrote them; :func:`~laeringsnettverk.goals.assess_smart` then says which
    of the six criteria (the source's five and the library's T) it does not meet yet. The
    fields here are checked for shape only
    (text, numbers, dates); whether they make a good goal is the assessment's business.

    ```pycon
    >>> goal = SmartGoal(statement="Bli bedre på pårørendearbeid.")
    >>> goal.is_bare
    True

    ```
    """

    statement: str = attrs.field(metadata=rule(Text()))
    """The goal as the team wrote it (what will be achieved)."""
    population: str | None = attrs.field(default=None, metadata=rule(_OPTIONAL_TEXT))
    """Who: the users the goal is for, e.g. "Brukere med ROP-lidelser"."""
    setting: str | None = attrs.field(default=None, metadata=rule(_OPTIONAL_TEXT))
    """Where: the service or place, e.g. "Psykisk helse- og rustjenesten i kommunen"."""
    indicator: Indicator | None = attrs.field(
        default=None, metadata=rule(Optional(Instance(Indicator)))
    )
    """What the goal is measured by: name, unit, kind, scale bounds, better direction."""
    baseline: Observation | None = attrs.field(
        default=None, metadata=rule(Optional(Instance(Observation)))
    )
    """The starting point: the indicator's value when the work began, and its date."""
    target: float | None = attrs.field(default=None, metadata=rule(Optional(Number())))
    """The value the team aims to reach, on the indicator's scale."""
    deadline: datetime.date | None = attrs.field(default=None, metadata=rule(Optional(Date())))
    """When the target should be reached (what the library's T, tidsbestemt, checks)."""
    owner: str | None = attrs.field(default=None, metadata=rule(_OPTIONAL_TEXT))
    """Who is responsible for the goal (a role or a name)."""
    agreed_by: tuple[Party, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(Party)))
    )
    """The parties that agreed to the goal."""
    rationale: str | None = attrs.field(default=None, metadata=rule(_OPTIONAL_TEXT))
    """Why this goal: the need it answers."""
    identifier: str | None = attrs.field(default=None, metadata=rule(_OPTIONAL_TEXT))
    """An identifier, so a project can revise the goal (same identifier, new version)."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        indicator, baseline = self.indicator, self.baseline
        if (
            indicator is not None
            and baseline is not None
            and ok["indicator"]
            and ok["baseline"]
            and not indicator.within(baseline.value)
        ):
            c.add(
                ("baseline", "value"),
                f"is outside the indicator's scale {_scale(indicator)}",
                baseline.value,
            )

    @property
    def is_bare(self) -> bool:
        """True when the goal is only a statement: nothing else is filled in."""
        return self == SmartGoal(statement=self.statement)

    @property
    def has_user_representative(self) -> bool:
        """True when a user representative is among the parties that agreed."""
        return any(p.user_representative for p in self.agreed_by)


def _scale(indicator: Indicator) -> str:
    lo = "-∞" if indicator.minimum is None else f"{indicator.minimum:g}"
    hi = "∞" if indicator.maximum is None else f"{indicator.maximum:g}"
    return f"{lo}..{hi}"
