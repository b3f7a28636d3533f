"""Map-level analysis: actors grouped by quadrant, category and level, and the gaps."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import TypeVar

import attrs

from laeringsnettverk._checks import Checker, fail
from laeringsnettverk.stakeholders._classify import is_high_rating, power_interest_quadrant
from laeringsnettverk.stakeholders._enums import (
    PowerInterestQuadrant,
    RelationStrength,
    StakeholderCategory,
    StakeholderLevel,
)
from laeringsnettverk.stakeholders._model import Stakeholder, StakeholderMap

__all__ = [
    "StakeholderGap",
    "by_category",
    "by_level",
    "by_quadrant",
    "find_gaps",
    "is_influential",
    "is_salient",
]

E = TypeVar("E", bound=Enum)


def _map(m: object) -> StakeholderMap:
    if not isinstance(m, StakeholderMap):
        fail(("stakeholder_map",), "must be a StakeholderMap", type(m).__name__)
    return m


def _group(
    stakeholders: Iterable[Stakeholder], key: Callable[[Stakeholder], E | None], order: type[E]
) -> dict[E | None, tuple[Stakeholder, ...]]:
    groups: dict[E | None, list[Stakeholder]] = {}
    for s in stakeholders:
        groups.setdefault(key(s), []).append(s)
    keys: list[E | None] = [k for k in order if k in groups]
    if None in groups:
        keys.append(None)
    return {k: tuple(groups[k]) for k in keys}


def by_quadrant(m: StakeholderMap) -> dict[PowerInterestQuadrant | None, tuple[Stakeholder, ...]]:
    """The actors in each of Mendelow's quadrants.

    Only quadrants with actors are keys, in the grid's order (manage closely, keep
    satisfied, keep informed, monitor); the key ``None`` (last) holds the actors that
    cannot be placed because their influence or interest is not recorded.

    ```pycon
    >>> from laeringsnettverk.stakeholders import example_stakeholder_map
    >>> {q.code if q else None: len(v) for q, v in by_quadrant(example_stakeholder_map()).items()}
    {'involver_tett': 5, 'hold_tilfreds': 4, 'hold_informert': 1, 'overvaak': 1, None: 1}

    ```
    """
    return _group(_map(m).stakeholders, power_interest_quadrant, PowerInterestQuadrant)


def by_category(m: StakeholderMap) -> dict[StakeholderCategory | None, tuple[Stakeholder, ...]]:
    """The actors of each category, in :class:`StakeholderCategory` order (only those present).

    Every actor has a category, so ``None`` is never a key.
    """
    return _group(_map(m).stakeholders, lambda s: s.category, StakeholderCategory)


def by_level(m: StakeholderMap) -> dict[StakeholderLevel | None, tuple[Stakeholder, ...]]:
    """The actors at each level, in :class:`StakeholderLevel` order (only those present).

    The key ``None`` (last) holds the actors whose level is not recorded.
    """
    return _group(_map(m).stakeholders, lambda s: s.level, StakeholderLevel)


def is_influential(s: Stakeholder) -> bool:
    """True when the actor's influence is recorded and high (3 or more of 1..5)."""
    return s.influence is not None and is_high_rating(s.influence)


def is_salient(s: Stakeholder) -> bool:
    """True when the actor has at least two of power, legitimacy and urgency.

    Mitchell, Agle and Wood call such actors *expectant* (two attributes, moderate
    salience) or *definitive* (all three, high salience): the important ones. An
    attribute not recorded does not count.
    """
    return [s.power, s.legitimacy, s.urgency].count(True) >= 2


@attrs.frozen(kw_only=True)
class StakeholderGap:
    """An important or influential actor with a weak or missing relation: one to invite.

    Made by :func:`find_gaps`.
    """

    stakeholder: Stakeholder
    """The actor."""
    influential: bool
    """Its influence is high (see :func:`is_influential`)."""
    salient: bool
    """It has at least two of power, legitimacy and urgency (see :func:`is_salient`)."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if not isinstance(self.stakeholder, Stakeholder):
            c.add(("stakeholder",), "must be a Stakeholder", type(self.stakeholder).__name__)
        elif (
            self.stakeholder.relation is not None and not self.stakeholder.relation.strength.is_weak
        ):
            c.add(
                ("stakeholder", "relation", "strength"),
                "is not a gap: the relation must be weak, none or not recorded",
                self.stakeholder.relation.strength.value,
            )
        ok = c.boolean(("influential",), self.influential)
        ok &= c.boolean(("salient",), self.salient)
        if ok and not (self.influential or self.salient):
            c.add(("influential",), "is not a gap: the actor must be influential or salient")
        c.done()

    @property
    def name(self) -> str:
        """The actor's name."""
        return self.stakeholder.name

    @property
    def relation(self) -> RelationStrength | None:
        """The relation's strength (none or weak), or ``None`` when it is not recorded."""
        r = self.stakeholder.relation
        return None if r is None else r.strength

    def __str__(self) -> str:
        flags = (self.influential, self.salient)
        why_nb = " og ".join(
            w for w, on in zip(("innflytelsesrik", "viktig"), flags, strict=True) if on
        )
        why_en = ", ".join(
            w for w, on in zip(("influential", "important"), flags, strict=True) if on
        )
        if self.relation is None:
            rel_nb, rel_en = "relasjon ikke kartlagt", "relation not mapped"
        elif self.relation is RelationStrength.NONE:
            rel_nb, rel_en = "ingen relasjon", "no relation"
        else:
            rel_nb, rel_en = "svak relasjon", "weak relation"
        return f"{self.name}: {why_nb}, {rel_nb} ({why_en}, {rel_en})"


def find_gaps(m: StakeholderMap) -> tuple[StakeholderGap, ...]:
    """The influential or important actors whose relation is weak, none or not mapped.

    These are the actors to invite into the work (or to get to know). Influential: high
    influence (:func:`is_influential`); important: at least two of power, legitimacy and
    urgency (:func:`is_salient`). In the map's order.

    ```pycon
    >>> from laeringsnettverk.stakeholders import example_stakeholder_map
    >>> for gap in find_gaps(example_stakeholder_map()):
    ...     print(gap)
    NAV-veileder: innflytelsesrik og viktig, svak relasjon (influential, important, weak relation)
    Boligkontoret: innflytelsesrik og viktig, ingen relasjon (influential, important, no relation)
    Arbeidsgiver: innflytelsesrik, relasjon ikke kartlagt (influential, relation not mapped)

    ```
    """
    out = []
    for s in _map(m).stakeholders:
        if s.relation is not None and not s.relation.strength.is_weak:
            continue
        influential, salient = is_influential(s), is_salient(s)
        if influential or salient:
            out.append(StakeholderGap(stakeholder=s, influential=influential, salient=salient))
    return tuple(out)
