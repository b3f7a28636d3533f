"""The three classic classifications, each a rule table kept as data.

- Mendelow's power/interest grid (Mendelow 1991): :func:`power_interest_quadrant`.
- Grunig's situational theory of publics (Grunig & Hunt 1984): :func:`public_type`.
- Stakeholder salience (Mitchell, Agle & Wood 1997): :func:`salience`.

Each function is total: for every valid :class:`Stakeholder` it returns a class, or
``None`` when an attribute it needs was not recorded. It never guesses a missing value.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from laeringsnettverk._checks import Checker, fail
from laeringsnettverk.stakeholders._enums import (
    PowerInterestQuadrant,
    PublicType,
    Salience,
    SituationalBehaviour,
    SituationalLevel,
)
from laeringsnettverk.stakeholders._model import HIGH_RATING, RATING_RULE, Stakeholder
from laeringsnettverk.toolkit._common import to_tuple

__all__ = [
    "MENDELOW_GRID",
    "SALIENCE_TYPES",
    "SITUATIONAL_TABLE",
    "SituationalCell",
    "is_high_rating",
    "power_interest_quadrant",
    "public_type",
    "salience",
]

_Q = PowerInterestQuadrant
MENDELOW_GRID: Mapping[tuple[bool, bool], PowerInterestQuadrant] = MappingProxyType(
    {
        (True, True): _Q.MANAGE_CLOSELY,
        (True, False): _Q.KEEP_SATISFIED,
        (False, True): _Q.KEEP_INFORMED,
        (False, False): _Q.MONITOR,
    }
)
"""Mendelow's grid (Mendelow 1991): ``(high influence, high interest)`` → quadrant."""

_S = Salience
SALIENCE_TYPES: Mapping[tuple[bool, bool, bool], Salience] = MappingProxyType(
    {
        (True, False, False): _S.DORMANT,
        (False, True, False): _S.DISCRETIONARY,
        (False, False, True): _S.DEMANDING,
        (True, True, False): _S.DOMINANT,
        (True, False, True): _S.DANGEROUS,
        (False, True, True): _S.DEPENDENT,
        (True, True, True): _S.DEFINITIVE,
        (False, False, False): _S.NON_STAKEHOLDER,
    }
)
"""Mitchell, Agle & Wood (1997): ``(power, legitimacy, urgency)`` → salience type."""


@attrs.frozen(kw_only=True)
class SituationalCell:
    """One cell of the situational theory's table: the behaviour and the public it gives.

    Where Grunig and Hunt name two types for a cell ("aware/active public"), ``types``
    holds both, least active first; :func:`public_type` reports the first.
    """

    behaviour: SituationalBehaviour
    """Problem-facing, constrained, routine or fatalistic behaviour."""
    involvement: SituationalLevel
    """High or low level of involvement."""
    types: tuple[PublicType, ...] = attrs.field(converter=to_tuple)
    """The type(s) of public the cell gives, least active first (one or two)."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.member(("behaviour",), self.behaviour, SituationalBehaviour)
        c.member(("involvement",), self.involvement, SituationalLevel)
        if not 1 <= len(self.types) <= 2:
            c.add(("types",), "must hold one or two types of public", len(self.types))
        elif all(c.member(("types", i), t, PublicType) for i, t in enumerate(self.types)):
            ranks = [t.rank for t in self.types]
            if ranks != sorted(set(ranks)):
                c.add(("types",), "must be distinct and least active first")
        c.done()

    @property
    def public_type(self) -> PublicType:
        """The type the library reports: the least active the cell names."""
        return self.types[0]


_H, _L = SituationalLevel.HIGH, SituationalLevel.LOW
_B = SituationalBehaviour
_P = PublicType


def _cell(
    behaviour: SituationalBehaviour, involvement: SituationalLevel, *types: PublicType
) -> SituationalCell:
    return SituationalCell(behaviour=behaviour, involvement=involvement, types=types)


SITUATIONAL_TABLE: Mapping[
    tuple[SituationalLevel, SituationalLevel, SituationalLevel], SituationalCell
] = MappingProxyType(
    {
        # (problem recognition, constraint recognition, level of involvement)
        (_H, _L, _H): _cell(_B.PROBLEM_FACING, _H, _P.ACTIVE),
        (_H, _H, _H): _cell(_B.CONSTRAINED, _H, _P.AWARE, _P.ACTIVE),
        (_L, _L, _H): _cell(_B.ROUTINE, _H, _P.ACTIVE),  # "active (reinforcing) public"
        (_L, _H, _H): _cell(_B.FATALISTIC, _H, _P.LATENT, _P.AWARE),
        (_H, _L, _L): _cell(_B.PROBLEM_FACING, _L, _P.AWARE, _P.ACTIVE),
        (_H, _H, _L): _cell(_B.CONSTRAINED, _L, _P.LATENT, _P.AWARE),
        (_L, _L, _L): _cell(_B.ROUTINE, _L, _P.NONPUBLIC, _P.LATENT),
        (_L, _H, _L): _cell(_B.FATALISTIC, _L, _P.NONPUBLIC),
    }
)
"""Grunig & Hunt (1984): ``(problem recognition, constraint recognition, involvement)`` →
behaviour and type(s) of public."""


def _stakeholder(s: object) -> Stakeholder:
    if not isinstance(s, Stakeholder):
        fail(("stakeholder",), "must be a Stakeholder", type(s).__name__)
    return s


def is_high_rating(rating: int) -> bool:
    """True when a rating of influence or interest counts as high (3 or more of 1..5).

    ```pycon
    >>> is_high_rating(2), is_high_rating(3)
    (False, True)

    ```
    """
    c = Checker()
    RATING_RULE.check(c, ("rating",), rating)
    c.done()
    return rating >= HIGH_RATING


def power_interest_quadrant(s: Stakeholder) -> PowerInterestQuadrant | None:
    """Mendelow's quadrant of an actor, from its influence and interest.

    Influence and interest are high from :data:`HIGH_RATING` (3) on the 1..5 scale.
    Returns ``None`` when influence or interest is not recorded: the actor cannot be
    placed on the grid.

    ```pycon
    >>> from laeringsnettverk.stakeholders import Stakeholder, StakeholderCategory
    >>> nav = Stakeholder(name="NAV", category=StakeholderCategory.NAV, influence=5, interest=2)
    >>> power_interest_quadrant(nav).label
    'Hold tilfreds (keep satisfied)'
    >>> print(power_interest_quadrant(
    ...     Stakeholder(name="NAV", category=StakeholderCategory.NAV, influence=5)))
    None

    ```
    """
    s = _stakeholder(s)
    if s.influence is None or s.interest is None:
        return None
    return MENDELOW_GRID[(s.influence >= HIGH_RATING, s.interest >= HIGH_RATING)]


def public_type(s: Stakeholder) -> PublicType | None:
    """The type of public an actor is, by Grunig's situational theory.

    Looks up the actor's problem recognition, constraint recognition and level of
    involvement in :data:`SITUATIONAL_TABLE`; where the table names two types, the
    less active one. Returns ``None`` when any of the three is not recorded.

    ```pycon
    >>> from laeringsnettverk.stakeholders import (
    ...     SituationalLevel, Stakeholder, StakeholderCategory)
    >>> high, low = SituationalLevel.HIGH, SituationalLevel.LOW
    >>> dps = Stakeholder(name="DPS", category=StakeholderCategory.DPS,
    ...                   problem_recognition=high, constraint_recognition=low, involvement=high)
    >>> public_type(dps).label
    'Aktivt publikum (active public)'

    ```
    """
    s = _stakeholder(s)
    pr, cr, inv = s.problem_recognition, s.constraint_recognition, s.involvement
    if pr is None or cr is None or inv is None:
        return None
    return SITUATIONAL_TABLE[(pr, cr, inv)].public_type


def salience(s: Stakeholder) -> Salience | None:
    """An actor's salience type by Mitchell, Agle and Wood, from power, legitimacy, urgency.

    Returns ``None`` when any of the three is not recorded (``None``); an actor with
    none of them (all ``False``) is a non-stakeholder.

    ```pycon
    >>> from laeringsnettverk.stakeholders import Stakeholder, StakeholderCategory
    >>> gp = Stakeholder(name="Fastlegen", category=StakeholderCategory.GP,
    ...                  power=True, legitimacy=True, urgency=False)
    >>> salience(gp).label
    'Dominerende (dominant)'

    ```
    """
    s = _stakeholder(s)
    if s.power is None or s.legitimacy is None or s.urgency is None:
        return None
    return SALIENCE_TYPES[(s.power, s.legitimacy, s.urgency)]
