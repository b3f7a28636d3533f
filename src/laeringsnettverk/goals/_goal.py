"""SMART(E) goals: a statement, and what makes it specific, measurable, … and agreed."""

from __future__ import annotations

import datetime

import attrs

from laeringsnettverk._checks import NUMBERS, Checker, isfinite
from laeringsnettverk.goals._indicator import Indicator
from laeringsnettverk.toolkit._common import to_tuple

__all__ = ["Observation", "Party", "SmartGoal"]


@attrs.frozen(kw_only=True)
class Observation:
    """A measured value of an indicator on a day: a baseline, or a later measurement."""

    date: datetime.date
    """The day the value was measured (or the end of the period it covers)."""
    value: float
    """The measured value, on the indicator's scale."""

    def __attrs_post_init__(self) -> None:
        value = self.value
        if type(self.date) is datetime.date and type(value) in NUMBERS and isfinite(value):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.date(("date",), self.date)
        c.number(("value",), self.value)
        c.done()


@attrs.frozen(kw_only=True)
class Party:
    """A party that agreed to a goal: a person, a role or a group."""

    name: str
    """Who, e.g. "Forbedringsteamet", "Enhetsleder psykisk helse og rus", "Brukerrådet"."""
    user_representative: bool = False
    """True when the party is (or speaks for) the users: a user representative."""

    def __attrs_post_init__(self) -> None:
        name = self.name
        if type(name) is str and name.strip() and type(self.user_representative) is bool:
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("name",), self.name)
        c.boolean(("user_representative",), self.user_representative)
        c.done()


@attrs.frozen(kw_only=True)
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

    statement: str
    """The goal as the team wrote it (what will be achieved)."""
    population: str | None = None
    """Who: the users the goal is for, e.g. "Brukere med ROP-lidelser"."""
    setting: str | None = None
    """Where: the service or place, e.g. "Psykisk helse- og rustjenesten i kommunen"."""
    indicator: Indicator | None = None
    """What the goal is measured by: name, unit, kind, scale bounds, better direction."""
    baseline: Observation | None = None
    """The starting point: the indicator's value when the work began, and its date."""
    target: float | None = None
    """The value the team aims to reach, on the indicator's scale."""
    deadline: datetime.date | None = None
    """When the target should be reached (what the library's T, tidsbestemt, checks)."""
    owner: str | None = None
    """Who is responsible for the goal (a role or a name)."""
    agreed_by: tuple[Party, ...] = attrs.field(default=(), converter=to_tuple)
    """The parties that agreed to the goal."""
    rationale: str | None = None
    """Why this goal: the need it answers."""
    identifier: str | None = None
    """An identifier, so a project can revise the goal (same identifier, new version)."""

    def __attrs_post_init__(self) -> None:
        statement, indicator, baseline = self.statement, self.indicator, self.baseline
        target, deadline = self.target, self.deadline
        if (
            type(statement) is str
            and statement.strip()
            and (self.population is None or type(self.population) is str)
            and (self.setting is None or type(self.setting) is str)
            and (self.owner is None or type(self.owner) is str)
            and (self.rationale is None or type(self.rationale) is str)
            and (self.identifier is None or type(self.identifier) is str)
            and (indicator is None or type(indicator) is Indicator)
            and (
                baseline is None
                or (
                    type(baseline) is Observation
                    and (indicator is None or indicator.within(baseline.value))
                )
            )
            and (target is None or (type(target) in NUMBERS and isfinite(target)))
            and (deadline is None or type(deadline) is datetime.date)
            and all(type(party) is Party for party in self.agreed_by)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("statement",), self.statement)
        for name in ("population", "setting", "owner", "rationale", "identifier"):
            c.optional_text((name,), getattr(self, name))
        if self.indicator is not None and not isinstance(self.indicator, Indicator):
            c.add(("indicator",), "must be an Indicator", type(self.indicator).__name__)
        if self.baseline is not None and not isinstance(self.baseline, Observation):
            c.add(("baseline",), "must be an Observation", type(self.baseline).__name__)
        elif (
            self.baseline is not None
            and isinstance(self.indicator, Indicator)
            and not self.indicator.within(self.baseline.value)
        ):
            c.add(
                ("baseline", "value"),
                f"is outside the indicator's scale {_scale(self.indicator)}",
                self.baseline.value,
            )
        if self.target is not None:
            c.number(("target",), self.target)
        c.optional_date(("deadline",), self.deadline)
        c.instances(("agreed_by",), self.agreed_by, Party)
        c.done()

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
