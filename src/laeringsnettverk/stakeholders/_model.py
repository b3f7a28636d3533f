"""The stakeholder map (aktørkartlegging): actors, their relation and importance."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._rules import (
    Boolean,
    Custom,
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
from laeringsnettverk.errors import PathSegment
from laeringsnettverk.stakeholders._enums import (
    Attitude,
    OwnerKind,
    RelationQuality,
    RelationStrength,
    SituationalLevel,
    StakeholderCategory,
    StakeholderLevel,
)

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


def _check_rating(c: Checker, path: Sequence[PathSegment], value: object) -> bool:
    return c.integer(path, value, RATING_MIN, RATING_MAX, "the rating scale's ")


def _is_rating(value: object) -> bool:
    return type(value) is int and RATING_MIN <= value <= RATING_MAX


RATING_RULE = Custom(
    check_with=_check_rating,
    quick_with=_is_rating,
    keywords={"minimum": RATING_MIN, "maximum": RATING_MAX},
)
"""The rule of a rating of influence or interest: a whole number from 1 to 5."""
_OPTIONAL_RATING = Optional(RATING_RULE)
_OPTIONAL_TEXT = Optional(Text(blank=True))
_OPTIONAL_LEVEL = Optional(Member(SituationalLevel))
_OPTIONAL_BOOLEAN = Optional(Boolean())


@attrs.frozen(kw_only=True)
@checked
class Relation:
    """The relation between the map's owner and an actor: its strength and quality.

    ```pycon
    >>> Relation(strength=RelationStrength.WEAK).strength.label
    'Svak (weak)'

    ```
    """

    strength: RelationStrength = attrs.field(metadata=rule(Member(RelationStrength)))
    """How strong the relation is: none, weak, moderate or strong."""
    quality: RelationQuality | None = attrs.field(
        default=None, metadata=rule(Optional(Member(RelationQuality)))
    )
    """How good it is (good, mixed, poor), if assessed."""

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
@checked
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

    name: str = attrs.field(metadata=rule(Text()))
    """Who the actor is, as the team wrote it (free text; unique within a map)."""
    category: StakeholderCategory = attrs.field(metadata=rule(Member(StakeholderCategory)))
    """What kind of actor: next of kin, GP, NAV, DPS, …"""
    level: StakeholderLevel | None = attrs.field(
        default=None, metadata=rule(Optional(Member(StakeholderLevel)))
    )
    """Where the actor belongs: the user's own network, municipal, specialist, …"""
    relation: Relation | None = attrs.field(
        default=None, metadata=rule(Optional(Instance(Relation)))
    )
    """The relation to the actor (strength and quality); ``None`` when not yet mapped."""
    influence: int | None = attrs.field(default=None, metadata=rule(_OPTIONAL_RATING))
    """Influence (power) over the user's situation or the change, 1..5."""
    interest: int | None = attrs.field(default=None, metadata=rule(_OPTIONAL_RATING))
    """Interest in the user's situation or the change, 1..5."""
    attitude: Attitude | None = attrs.field(default=None, metadata=rule(Optional(Member(Attitude))))
    """Supportive, neutral or opposed."""
    problem_recognition: SituationalLevel | None = attrs.field(
        default=None, metadata=rule(_OPTIONAL_LEVEL)
    )
    """Grunig: how far the actor recognises the problem (high/low)."""
    constraint_recognition: SituationalLevel | None = attrs.field(
        default=None, metadata=rule(_OPTIONAL_LEVEL)
    )
    """Grunig: how far the actor sees obstacles to doing something about it (high/low)."""
    involvement: SituationalLevel | None = attrs.field(default=None, metadata=rule(_OPTIONAL_LEVEL))
    """Grunig: how far the actor feels personally involved (high/low)."""
    power: bool | None = attrs.field(default=None, metadata=rule(_OPTIONAL_BOOLEAN))
    """Mitchell, Agle & Wood: the actor can impose its will on the others."""
    legitimacy: bool | None = attrs.field(default=None, metadata=rule(_OPTIONAL_BOOLEAN))
    """Mitchell, Agle & Wood: the actor's claim is proper, by norms, law or role."""
    urgency: bool | None = attrs.field(default=None, metadata=rule(_OPTIONAL_BOOLEAN))
    """Mitchell, Agle & Wood: the actor's claim is time-sensitive and critical to it."""
    note: str | None = attrs.field(default=None, metadata=rule(_OPTIONAL_TEXT))
    """A note on the actor (free text)."""

    @property
    def key(self) -> str:
        """The name as compared within a map: stripped and case-folded."""
        return self.name.strip().casefold()


@attrs.frozen(kw_only=True)
@checked
class MapOwner:
    """Whose map it is: a user, a team, a service or a municipality.

    For a user, use what the team calls the user in its own work (a first name or
    an identifier in the caller's system); never a national identity number.
    """

    kind: OwnerKind = attrs.field(metadata=rule(Member(OwnerKind)))
    """A user's, a team's, a service's or a municipality's map."""
    name: str = attrs.field(metadata=rule(Text()))
    """The owner's name or identifier (free text)."""


@attrs.frozen(kw_only=True)
@checked
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

    owner: MapOwner = attrs.field(metadata=rule(Instance(MapOwner)))
    """Whose map it is."""
    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day the map was made (or last revised)."""
    stakeholders: tuple[Stakeholder, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(Stakeholder)))
    )
    """The actors, in the team's order (names unique, compared case-insensitively)."""
    notes: str | None = attrs.field(default=None, metadata=rule(_OPTIONAL_TEXT))
    """Notes on the map as a whole (free text)."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if not ok["stakeholders"]:
            return
        seen: dict[str, int] = {}
        for i, s in enumerate(self.stakeholders):
            key = s.key
            if key in seen:
                c.add(
                    ("stakeholders", i, "name"),
                    f"duplicates stakeholders[{seen[key]}].name",
                    s.name,
                    text=True,
                )
            else:
                seen[key] = i

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
