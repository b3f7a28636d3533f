"""KOR (klient- og resultatstyrt praksis): the ORS and SRS scales of FIT/PCOMS."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

import attrs

from laeringsnettverk._checks import Checker, fail
from laeringsnettverk._rules import (
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
from laeringsnettverk.scoring import ORS_CLINICAL_CUTOFF, ORS_RELIABLE_CHANGE, SRS_ALLIANCE_CUTOFF

__all__ = ["KorRatings", "KorSession", "OrsChange", "OrsRatings", "SrsRatings"]


class _Rating(Number):
    """A KOR rating: a number within ``[ge, le]`` with at most one decimal.

    The schema states the range (``minimum``, ``maximum``: :class:`Number`'s keywords); the
    single decimal is checked by the library only (``multipleOf: 0.1`` misfires on floating
    point in common validators, e.g. ``0.3``).
    """

    __slots__ = ()

    def check(self, c: Checker, path: tuple[Any, ...], value: object) -> bool:
        if not super().check(c, path, value):
            return False
        if round(value * 10) != value * 10:  # type: ignore[operator]
            c.add(path, "must have at most one decimal (as measured on the 10 cm line)", value)
            return False
        return True

    def quick(self, v: str, names: Any) -> list[str]:
        return [*super().quick(v, names), f"if round({v} * 10) != {v} * 10: return False"]


RATING = _Rating(ge=0, le=10)
"""The rule of every ORS and SRS item: 0..10, one decimal (the 10 cm line read to the mm)."""


def _total(a: float, b: float, c: float, d: float) -> float:
    # Ratings have one decimal: add them as tenths so totals are exact (3.3 + 3.3 + 3.4 = 10.0).
    return (round(a * 10) + round(b * 10) + round(c * 10) + round(d * 10)) / 10


@attrs.frozen(kw_only=True)
@checked
class OrsRatings:
    """Outcome Rating Scale (ORS), given at the start of a session: four items, 0..10 each.

    ```pycon
    >>> ors = OrsRatings(individually=5.2, interpersonally=6.0, socially=4.1, overall=5.0)
    >>> ors.total, ors.clinical
    (20.3, True)

    ```
    """

    individually: float = attrs.field(metadata=rule(RATING))
    """Individually (personal well-being), 0..10, one decimal."""
    interpersonally: float = attrs.field(metadata=rule(RATING))
    """Interpersonally (family, close relationships), 0..10, one decimal."""
    socially: float = attrs.field(metadata=rule(RATING))
    """Socially (work, school, friendships), 0..10, one decimal."""
    overall: float = attrs.field(metadata=rule(RATING))
    """Overall (general sense of well-being), 0..10, one decimal."""

    @property
    def total(self) -> float:
        """Sum of the four items, 0..40."""
        return _total(self.individually, self.interpersonally, self.socially, self.overall)

    @property
    def clinical(self) -> bool:
        """True when the total is below the clinical cutoff 25 (in the clinical range)."""
        return self.total < ORS_CLINICAL_CUTOFF


@attrs.frozen(kw_only=True)
@checked
class SrsRatings:
    """Session Rating Scale (SRS), given at the end of a session: four items, 0..10 each.

    ```pycon
    >>> srs = SrsRatings(relationship=9.5, goals_and_topics=9.0, approach=8.0, overall=9.0)
    >>> srs.total, srs.alliance_warning
    (35.5, True)

    ```
    """

    relationship: float = attrs.field(metadata=rule(RATING))
    """Relationship: felt heard, understood and respected, 0..10, one decimal."""
    goals_and_topics: float = attrs.field(metadata=rule(RATING))
    """Goals and topics: worked on what the person wanted, 0..10, one decimal."""
    approach: float = attrs.field(metadata=rule(RATING))
    """Approach or method: the way of working fits, 0..10, one decimal."""
    overall: float = attrs.field(metadata=rule(RATING))
    """Overall: the session was right, 0..10, one decimal."""

    @property
    def total(self) -> float:
        """Sum of the four items, 0..40."""
        return _total(self.relationship, self.goals_and_topics, self.approach, self.overall)

    @property
    def alliance_warning(self) -> bool:
        """True when the total is below 36: the alliance may need attention."""
        return self.total < SRS_ALLIANCE_CUTOFF


@attrs.frozen(kw_only=True)
@checked
class KorSession:
    """One session's KOR ratings: ORS at the start, SRS at the end (either may be missing)."""

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day of the session."""
    ors: OrsRatings | None = attrs.field(
        default=None, metadata=rule(Optional(Instance(OrsRatings)))
    )
    """The ORS ratings, if taken."""
    srs: SrsRatings | None = attrs.field(
        default=None, metadata=rule(Optional(Instance(SrsRatings)))
    )
    """The SRS ratings, if taken."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if self.ors is None and self.srs is None:
            c.add(("ors",), "a session needs ORS or SRS ratings (or both)")


@attrs.frozen(kw_only=True)
class OrsChange:
    """Change in the ORS total between two sessions."""

    from_session: int
    """Number (1-based) of the earlier session."""
    to_session: int
    """Number (1-based) of the later session."""
    before: float
    """ORS total at the earlier session."""
    after: float
    """ORS total at the later session."""

    @property
    def change(self) -> float:
        """``after - before``; positive means better."""
        return round((self.after - self.before) * 10) / 10

    @property
    def reliable(self) -> bool:
        """True when the change is at least 5 points either way (reliable change)."""
        return abs(self.change) >= ORS_RELIABLE_CHANGE

    @property
    def clinically_significant(self) -> bool:
        """True for a reliable improvement that crosses the cutoff from below 25 to 25 or more."""
        # Reliable (|change| >= 5) and an improvement (change > 0) is change >= 5: the change
        # is rounded once, not once for each test.
        return (
            self.change >= ORS_RELIABLE_CHANGE and self.before < ORS_CLINICAL_CUTOFF <= self.after
        )


@attrs.frozen(kw_only=True)
@checked
class KorRatings:
    """A person's KOR ratings over sessions, in date order."""

    sessions: tuple[KorSession, ...] = attrs.field(
        converter=to_tuple, metadata=rule(Items(Instance(KorSession)))
    )
    """The sessions, dates strictly increasing."""
    identifier: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """An identifier in the caller's system."""
    team: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The improvement team, by its identifier, if known."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if not ok["sessions"]:
            return
        sessions = self.sessions
        for i in range(1, len(sessions)):
            prev, cur = sessions[i - 1].date, sessions[i].date
            if cur <= prev:
                c.add(
                    ("sessions", i, "date"),
                    f"must be after the previous session's date {prev.isoformat()}",
                    cur.isoformat(),
                )

    def ors_totals(self) -> tuple[float | None, ...]:
        """ORS total per session (``None`` where ORS was not taken)."""
        return tuple(s.ors.total if s.ors else None for s in self.sessions)

    def srs_totals(self) -> tuple[float | None, ...]:
        """SRS total per session (``None`` where SRS was not taken)."""
        return tuple(s.srs.total if s.srs else None for s in self.sessions)

    def _repr_html_(self) -> str:
        from laeringsnettverk import _display

        return _display.kor(self)

    def ors_change(self, from_: int = 1, to: int | None = None) -> OrsChange:
        """ORS change from session ``from_`` (default the first) to ``to`` (default the last)."""
        n = len(self.sessions)
        to = n if to is None else to
        for name, number in (("from_", from_), ("to", to)):
            if type(number) is not int or not 1 <= number <= n:
                fail((name,), f"is not a session of these ratings (there are {n})", number)
        a, b = self.sessions[from_ - 1].ors, self.sessions[to - 1].ors
        if a is None or b is None:
            fail(("sessions",), f"needs ORS ratings at both session {from_} and session {to}")
        return OrsChange(from_session=from_, to_session=to, before=a.total, after=b.total)
