"""Stakeholder maps (aktørkartlegging): the actors around a user or a service.

A :class:`StakeholderMap` lists every actor (:class:`Stakeholder`) that a user, or a
service, is affected by, the :class:`Relation` to each and its importance, so that the
team can invite the right actors into the work. The source's tool builds on Grunig and
Hunt's stakeholder analysis and Ihlen and Robstad's ten-step model; the classic
classifications are here as rule tables:

- :func:`power_interest_quadrant`: Mendelow's power/interest grid (Mendelow 1991).
- :func:`public_type`: Grunig's situational theory of publics (Grunig & Hunt 1984).
- :func:`salience`: stakeholder salience (Mitchell, Agle & Wood 1997).

Each returns ``None`` when an attribute it needs is not recorded. At map level:
:func:`by_quadrant`, :func:`by_category`, :func:`by_level`, :func:`find_gaps` (whom to
invite), :func:`diff_maps` and :func:`apply_diff`; exports :func:`stakeholder_mermaid`,
:func:`stakeholder_dot` and :func:`plot_power_interest` (matplotlib).

```pycon
>>> from laeringsnettverk.stakeholders import example_stakeholder_map, find_gaps
>>> [gap.name for gap in find_gaps(example_stakeholder_map())]
['NAV-veileder', 'Boligkontoret', 'Arbeidsgiver']

```
"""

from laeringsnettverk.stakeholders._analysis import (
    StakeholderGap,
    by_category,
    by_level,
    by_quadrant,
    find_gaps,
    is_influential,
    is_salient,
)
from laeringsnettverk.stakeholders._classify import (
    MENDELOW_GRID,
    SALIENCE_TYPES,
    SITUATIONAL_TABLE,
    SituationalCell,
    is_high_rating,
    power_interest_quadrant,
    public_type,
    salience,
)
from laeringsnettverk.stakeholders._diff import (
    MapDiff,
    StakeholderChange,
    apply_diff,
    diff_maps,
)
from laeringsnettverk.stakeholders._enums import (
    Attitude,
    OwnerKind,
    PowerInterestQuadrant,
    PublicType,
    RelationQuality,
    RelationStrength,
    Salience,
    SituationalBehaviour,
    SituationalLevel,
    StakeholderCategory,
    StakeholderLevel,
)
from laeringsnettverk.stakeholders._example import (
    EXAMPLE_STAKEHOLDER_MAP,
    example_stakeholder_map,
)
from laeringsnettverk.stakeholders._export import (
    NOT_MAPPED_LABEL,
    stakeholder_dot,
    stakeholder_mermaid,
)
from laeringsnettverk.stakeholders._model import (
    HIGH_RATING,
    RATING_MAX,
    RATING_MIN,
    MapOwner,
    Relation,
    Stakeholder,
    StakeholderMap,
)
from laeringsnettverk.stakeholders._plot import plot_power_interest

__all__ = [
    "EXAMPLE_STAKEHOLDER_MAP",
    "HIGH_RATING",
    "MENDELOW_GRID",
    "NOT_MAPPED_LABEL",
    "RATING_MAX",
    "RATING_MIN",
    "SALIENCE_TYPES",
    "SITUATIONAL_TABLE",
    "Attitude",
    "MapDiff",
    "MapOwner",
    "OwnerKind",
    "PowerInterestQuadrant",
    "PublicType",
    "Relation",
    "RelationQuality",
    "RelationStrength",
    "Salience",
    "SituationalBehaviour",
    "SituationalCell",
    "SituationalLevel",
    "Stakeholder",
    "StakeholderCategory",
    "StakeholderChange",
    "StakeholderGap",
    "StakeholderLevel",
    "StakeholderMap",
    "apply_diff",
    "by_category",
    "by_level",
    "by_quadrant",
    "diff_maps",
    "example_stakeholder_map",
    "find_gaps",
    "is_high_rating",
    "is_influential",
    "is_salient",
    "plot_power_interest",
    "power_interest_quadrant",
    "public_type",
    "salience",
    "stakeholder_dot",
    "stakeholder_mermaid",
]
