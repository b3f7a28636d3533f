"""KOR (klient- og resultatstyrt praksis): the ORS and SRS scales of FIT/PCOMS."""

from __future__ import annotations

import datetime

import attrs

from laeringsnettverk._checks import Checker, fail
from laeringsnettverk.scoring import ORS_CLINICAL_CUTOFF, ORS_RELIABLE_CHANGE, SRS_ALLIANCE_CUTOFF
from laeringsnettverk.toolkit._common import to_tuple

__all__ = ["KorRatings", "KorSession", "OrsChange", "OrsRatings", "SrsRatings"]


def _check_rating(c: Checker, name: str, value: object) -> None:
    if c.number((name,), value, 0, 10) and round(value * 10) != value * 10:  # type: ignore[operator]
        c.add((name,), "must have at most one decimal (as measured on the 10 cm line)", value)


def _ratings_valid(values: tuple[object, ...]) -> bool:
    """True when :func:`_check_rating` would find nothing in any of ``values`` (a quick pass)."""
    for v in values:
        if (type(v) is not float and type(v) is not int) or not 0 <= v <= 10:
            return False
        if round(v * 10) != v * 10:
            return False
    return True


def _total(*values: float) -> float:
    # Ratings have one decimal: add them as tenths so totals are exact (3.3 + 3.3 + 3.4 = 10.0).
    return sum(round(v * 10) for v in values) / 10


@attrs.frozen(kw_only=True)
class OrsRatings:
    """Outcome Rating Scale (ORS), given at the start of a session: four items, 0..10 each.

    ```pycon
    >>> ors = OrsRatings(individually=5.2, interpersonally=6.0, socially=4.1, overall=5.0)
    >>> ors.total, ors.clinical
    (20.3, True)

    ```
    """

    individually: float
    """Individually (personal well-being), 0..10, one decimal."""
    interpersonally: float
    """Interpersonally (family, close relationships), 0..10, one decimal."""
    socially: float
    """Socially (work, school, friendships), 0..10, one decimal."""
    overall: float
    """Overall (general sense of well-being), 0..10, one decimal."""

    def __attrs_post_init__(self) -> None:
        if _ratings_valid((self.individually, self.interpersonally, self.socially, self.overall)):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        for name in ("individually", "interpersonally", "socially", "overall"):
            _check_rating(c, name, getattr(self, name))
        c.done()

    @property
    def total(self) -> float:
        """Sum of the four items, 0..40."""
        return _total(self.individually, self.interpersonally, self.socially, self.overall)

    @property
    def clinical(self) -> bool:
        """True when the total is below the clinical cutoff 25 (in the clinical range)."""
        return self.total < ORS_CLINICAL_CUTOFF


@attrs.frozen(kw_only=True)
class SrsRatings:
    """Session Rating Scale (SRS), given at the end of a session: four items, 0..10 each.

    ```pycon
    >>> srs = SrsRatings(relationship=9.5, goals_and_topics=9.0, approach=8.0, overall=9.0)
    >>> srs.total, srs.alliance_warning
    (35.5, True)

    ```
    """

    relationship: float
    """Relationship: felt heard, understood and respected, 0..10, one decimal."""
    goals_and_topics: float
    """Goals and topics: worked on what the person wanted, 0..10, one decimal."""
    approach: float
    """Approach or method: the way of working fits, 0..10, one decimal."""
    overall: float
    """Overall: the session was right, 0..10, one decimal."""

    def __attrs_post_init__(self) -> None:
        if _ratings_valid((self.relationship, self.goals_and_topics, self.approach, self.overall)):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        for name in ("relationship", "goals_and_topics", "approach", "overall"):
            _check_rating(c, name, getattr(self, name))
        c.done()

    @property
    def total(self) -> float:
        """Sum of the four items, 0..40."""
        return _total(self.relationship, self.goals_and_topics, self.approach, self.overall)

    @property
    def alliance_warning(self) -> bool:
        """True when the total is below 36: the alliance may need attention."""
        return self.total < SRS_ALLIANCE_CUTOFF


@attrs.frozen(kw_only=True)
class KorSession:
    """One session's KOR ratings: ORS at the start, SRS at the end (either may be missing)."""

    date: datetime.date
    """The day of the session."""
    ors: OrsRatings | None = None
    """The ORS ratings, if taken."""
    srs: SrsRatings | None = None
    """The SRS ratings, if taken."""

    def __attrs_post_init__(self) -> None:
        ors, srs = self.ors, self.srs
        if (
            type(self.date) is datetime.date
            and (ors is not None or srs is not None)
            and (ors is None or isinstance(ors, OrsRatings))
            and (srs is None or isinstance(srs, SrsRatings))
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.date(("date",), self.date)
        if self.ors is not None and not isinstance(self.ors, OrsRatings):
            c.add(("ors",), "must be OrsRatings or None", type(self.ors).__name__)
        if self.srs is not None and not isinstance(self.srs, SrsRatings):
            c.add(("srs",), "must be SrsRatings or None", type(self.srs).__name__)
        if self.ors is None and self.srs is None:
            c.add(("ors",), "a session needs ORS or SRS ratings (or both)")
        c.done()


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
        return self.reliable and self.change > 0 and self.before < ORS_CLINICAL_CUTOFF <= self.after


@attrs.frozen(kw_only=True)
class KorRatings:
    """A person's KOR ratings over sessions, in date order."""

    sessions: tuple[KorSession, ...] = attrs.field(converter=to_tuple)
    """The sessions, dates strictly increasing."""
    identifier: str | None = None
    """An identifier in the caller's system."""
    team: str | None = None
    """The improvement team, by its identifier, if known."""

    def __attrs_post_init__(self) -> None:
        identifier, team = self.identifier, self.team
        if (identifier is None or type(identifier) is str) and (team is None or type(team) is str):
            previous: datetime.date | None = None
            for session in self.sessions:
                if type(session) is not KorSession or (
                    previous is not None and session.date <= previous
                ):
                    break
                previous = session.date
            else:
                return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        if c.instances(("sessions",), self.sessions, KorSession):
            for i in range(1, len(self.sessions)):
                prev, cur = self.sessions[i - 1].date, self.sessions[i].date
                if cur <= prev:
                    c.add(
                        ("sessions", i, "date"),
                        f"must be after the previous session's date {prev.isoformat()}",
                        cur.isoformat(),
                    )
        c.optional_text(("identifier",), self.identifier)
        c.optional_text(("team",), self.team)
        c.done()

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
