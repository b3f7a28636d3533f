"""The stakeholder map (aktørkartlegging): actors, their relation and importance."""

from __future__ import annotations

import datetime

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.stakeholders._enums import (
    Attitude,
    OwnerKind,
    RelationQuality,
    RelationStrength,
    SituationalLevel,
    StakeholderCategory,
    StakeholderLevel,
)
from laeringsnettverk.toolkit._common import to_tuple

__all__ = [
    "HIGH_RATING",
    "RATING_MAX",
    "RATING_MIN",
    "MapOwner",
    "Relation",
    "Stakeholder",
    "StakeholderMap",
]

RATING_MIN = 1
"""The lowest rating of influence and interest: 1 = very low."""
RATING_MAX = 5
"""The highest rating of influence and interest: 5 = very high."""
HIGH_RATING = 3
"""A rating of influence or interest from 3 up is *high*; 1 and 2 are *low*.

The middle of the scale counts as high: the map is for finding whom to invite, and an
actor of middling influence is one to reckon with.
"""


@attrs.frozen(kw_only=True)
class Relation:
    """The relation between the map's owner and an actor: its strength and quality.

    ```pycon
    >>> Relation(strength=RelationStrength.WEAK).strength.label
    'Svak (weak)'

    ```
    """

    strength: RelationStrength
    """How strong the relation is: none, weak, moderate or strong."""
    quality: RelationQuality | None = None
    """How good it is (good, mixed, poor), if assessed."""

    def __attrs_post_init__(self) -> None:
        quality = self.quality
        if isinstance(self.strength, RelationStrength) and (
            quality is None or isinstance(quality, RelationQuality)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.member(("strength",), self.strength, RelationStrength)
        if self.quality is not None:
            c.member(("quality",), self.quality, RelationQuality)
        c.done()

    @property
    def label(self) -> str:
        """For people: ``"Sterk, god (strong, good)"`` or ``"Svak (weak)"``."""
        if self.quality is None:
            return self.strength.label
        return (
            f"{self.strength.label_nb}, {self.quality.label_nb.lower()}"
            f" ({self.strength.label_en}, {self.quality.label_en})"
        )


@attrs.frozen(kw_only=True)
class Stakeholder:
    """An actor (aktør) that the user, or the service, is affected by.

    Only ``name`` and ``category`` are required; every assessment may be left out (and
    the classifications then say they cannot place the actor). Influence and interest
    are rated from :data:`RATING_MIN` (1, very low) to :data:`RATING_MAX` (5, very
    high); :data:`HIGH_RATING` (3) and above counts as high.

    ```pycon
    >>> gp = Stakeholder(name="Fastlegen", category=StakeholderCategory.GP,
    ...                  influence=4, interest=2)
    >>> gp.category.label
    'Fastlege (GP)'

    ```
    """

    name: str
    """Who the actor is, as the team wrote it (free text; unique within a map)."""
    category: StakeholderCategory
    """What kind of actor: next of kin, GP, NAV, DPS, …"""
    level: StakeholderLevel | None = None
    """Where the actor belongs: the user's own network, municipal, specialist, …"""
    relation: Relation | None = None
    """The relation to the actor (strength and quality); ``None`` when not yet mapped."""
    influence: int | None = None
    """Influence (power) over the user's situation or the change, 1..5."""
    interest: int | None = None
    """Interest in the user's situation or the change, 1..5."""
    attitude: Attitude | None = None
    """Supportive, neutral or opposed."""
    problem_recognition: SituationalLevel | None = None
    """Grunig: how far the actor recognises the problem (high/low)."""
    constraint_recognition: SituationalLevel | None = None
    """Grunig: how far the actor sees obstacles to doing something about it (high/low)."""
    involvement: SituationalLevel | None = None
    """Grunig: how far the actor feels personally involved (high/low)."""
    power: bool | None = None
    """Mitchell, Agle & Wood: the actor can impose its will on the others."""
    legitimacy: bool | None = None
    """Mitchell, Agle & Wood: the actor's claim is proper, by norms, law or role."""
    urgency: bool | None = None
    """Mitchell, Agle & Wood: the actor's claim is time-sensitive and critical to it."""
    note: str | None = None
    """A note on the actor (free text)."""

    def __attrs_post_init__(self) -> None:
        name, influence, interest, note = self.name, self.influence, self.interest, self.note
        level, relation, attitude = self.level, self.relation, self.attitude
        problem, constraint, involvement = (
            self.problem_recognition,
            self.constraint_recognition,
            self.involvement,
        )
        power, legitimacy, urgency = self.power, self.legitimacy, self.urgency
        if (
            type(name) is str
            and name.strip()
            and isinstance(self.category, StakeholderCategory)
            and (level is None or isinstance(level, StakeholderLevel))
            and (relation is None or type(relation) is Relation)
            and (influence is None or (type(influence) is int and 1 <= influence <= 5))
            and (interest is None or (type(interest) is int and 1 <= interest <= 5))
            and (attitude is None or isinstance(attitude, Attitude))
            and (problem is None or isinstance(problem, SituationalLevel))
            and (constraint is None or isinstance(constraint, SituationalLevel))
            and (involvement is None or isinstance(involvement, SituationalLevel))
            and (power is None or type(power) is bool)
            and (legitimacy is None or type(legitimacy) is bool)
            and (urgency is None or type(urgency) is bool)
            and (note is None or type(note) is str)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("name",), self.name)
        c.member(("category",), self.category, StakeholderCategory)
        if self.level is not None:
            c.member(("level",), self.level, StakeholderLevel)
        if self.relation is not None and not isinstance(self.relation, Relation):
            c.add(("relation",), "must be a Relation", type(self.relation).__name__)
        for field in ("influence", "interest"):
            value = getattr(self, field)
            if value is not None:
                c.integer((field,), value, RATING_MIN, RATING_MAX, "the rating scale's ")
        if self.attitude is not None:
            c.member(("attitude",), self.attitude, Attitude)
        for field in ("problem_recognition", "constraint_recognition", "involvement"):
            value = getattr(self, field)
            if value is not None:
                c.member((field,), value, SituationalLevel)
        for field in ("power", "legitimacy", "urgency"):
            value = getattr(self, field)
            if value is not None:
                c.boolean((field,), value)
        c.optional_text(("note",), self.note)
        c.done()

    @property
    def key(self) -> str:
        """The name as compared within a map: stripped and case-folded."""
        return self.name.strip().casefold()


@attrs.frozen(kw_only=True)
class MapOwner:
    """Whose map it is: a user, a team, a service or a municipality.

    For a user, use what the team calls the user in its own work (a first name or
    an identifier in the caller's system); never a national identity number.
    """

    kind: OwnerKind
    """A user's, a team's, a service's or a municipality's map."""
    name: str
    """The owner's name or identifier (free text)."""

    def __attrs_post_init__(self) -> None:
        name = self.name
        if isinstance(self.kind, OwnerKind) and type(name) is str and name.strip():
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.member(("kind",), self.kind, OwnerKind)
        c.text(("name",), self.name)
        c.done()


@attrs.frozen(kw_only=True)
class StakeholderMap:
    """A stakeholder map (aktørkartlegging): the actors around its owner, at a date.

    The source's tool gives "an overview of all actors that the user/the service is
    affected by, the relation to each actor, and their importance", so that the team
    can invite the right actors into the work.

    ```pycon
    >>> import datetime
    >>> m = StakeholderMap(
    ...     owner=MapOwner(kind=OwnerKind.USER, name="Kari"),
    ...     date=datetime.date(2019, 9, 12),
    ...     stakeholders=[
    ...         Stakeholder(name="Mor", category=StakeholderCategory.NEXT_OF_KIN),
    ...         Stakeholder(name="NAV-veileder", category=StakeholderCategory.NAV),
    ...     ],
    ... )
    >>> m.names
    ('Mor', 'NAV-veileder')

    ```
    """

    owner: MapOwner
    """Whose map it is."""
    date: datetime.date
    """The day the map was made (or last revised)."""
    stakeholders: tuple[Stakeholder, ...] = attrs.field(default=(), converter=to_tuple)
    """The actors, in the team's order (names unique, compared case-insensitively)."""
    notes: str | None = None
    """Notes on the map as a whole (free text)."""

    def __attrs_post_init__(self) -> None:
        notes = self.notes
        if (
            type(self.owner) is MapOwner
            and type(self.date) is datetime.date
            and (notes is None or type(notes) is str)
        ):
            seen: set[str] = set()
            for s in self.stakeholders:
                if type(s) is not Stakeholder:
                    break
                key = s.name.strip().casefold()
                if key in seen:
                    break
                seen.add(key)
            else:
                return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        if not isinstance(self.owner, MapOwner):
            c.add(("owner",), "must be a MapOwner", type(self.owner).__name__)
        c.date(("date",), self.date)
        if c.instances(("stakeholders",), self.stakeholders, Stakeholder):
            seen: dict[str, int] = {}
            for i, s in enumerate(self.stakeholders):
                if s.key in seen:
                    c.add(
                        ("stakeholders", i, "name"),
                        f"duplicates stakeholders[{seen[s.key]}].name",
                        s.name,
                        text=True,
                    )
                seen.setdefault(s.key, i)
        c.optional_text(("notes",), self.notes)
        c.done()

    @property
    def names(self) -> tuple[str, ...]:
        """The actors' names, in order."""
        return tuple(s.name for s in self.stakeholders)

    def get(self, name: str) -> Stakeholder | None:
        """The actor of that name (compared case-insensitively), or ``None``.

        ```pycon
        >>> from laeringsnettverk.stakeholders import example_stakeholder_map
        >>> example_stakeholder_map().get("fastlegen").category
        StakeholderCategory.GP

        ```
        """
        key = name.strip().casefold() if isinstance(name, str) else None
        for s in self.stakeholders:
            if s.key == key:
                return s
        return None
