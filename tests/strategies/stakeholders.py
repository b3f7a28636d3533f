"""Hypothesis strategies for stakeholder maps (aktørkartlegging): one per public model."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from laeringsnettverk.stakeholders import (
    RATING_MAX,
    RATING_MIN,
    SITUATIONAL_TABLE,
    Attitude,
    MapDiff,
    MapOwner,
    OwnerKind,
    PublicType,
    Relation,
    RelationQuality,
    RelationStrength,
    SituationalBehaviour,
    SituationalCell,
    SituationalLevel,
    Stakeholder,
    StakeholderCategory,
    StakeholderChange,
    StakeholderGap,
    StakeholderLevel,
    StakeholderMap,
    diff_maps,
)
from strategies.toolkit import dates, texts

__all__ = [
    "later_maps",
    "map_diffs",
    "map_owners",
    "map_pairs",
    "ratings",
    "relations",
    "situational_cells",
    "stakeholder_changes",
    "stakeholder_gaps",
    "stakeholder_maps",
    "stakeholders",
]

ratings = st.integers(min_value=RATING_MIN, max_value=RATING_MAX)
optional_texts = st.none() | texts
levels = st.sampled_from(SituationalLevel)

relations = st.builds(
    Relation,
    strength=st.sampled_from(RelationStrength),
    quality=st.none() | st.sampled_from(RelationQuality),
)
map_owners = st.builds(MapOwner, kind=st.sampled_from(OwnerKind), name=texts)


def stakeholders(names: st.SearchStrategy[str] = texts) -> st.SearchStrategy[Stakeholder]:
    """Any valid actor: every optional field either left out or any valid value."""
    return st.builds(
        Stakeholder,
        name=names,
        category=st.sampled_from(StakeholderCategory),
        level=st.none() | st.sampled_from(StakeholderLevel),
        relation=st.none() | relations,
        influence=st.none() | ratings,
        interest=st.none() | ratings,
        attitude=st.none() | st.sampled_from(Attitude),
        problem_recognition=st.none() | levels,
        constraint_recognition=st.none() | levels,
        involvement=st.none() | levels,
        power=st.none() | st.booleans(),
        legitimacy=st.none() | st.booleans(),
        urgency=st.none() | st.booleans(),
        note=optional_texts,
    )


# A small pool of names, so that two maps drawn apart still share actors now and then.
_NAMES = st.sampled_from(["Mor", "Fastlegen", "NAV", "DPS", "Likeperson", "Bolig"]) | texts


@st.composite
def stakeholder_maps(draw: st.DrawFn, owner: MapOwner | None = None) -> StakeholderMap:
    """Any valid map (of ``owner`` if given), with 0..8 actors of unique names."""
    actors = draw(
        st.lists(stakeholders(_NAMES), max_size=8, unique_by=lambda s: s.name.strip().casefold())
    )
    return StakeholderMap(
        owner=owner if owner is not None else draw(map_owners),
        date=draw(dates),
        stakeholders=actors,
        notes=draw(optional_texts),
    )


@st.composite
def later_maps(draw: st.DrawFn, earlier: StakeholderMap) -> StakeholderMap:
    """A later map of the same owner: some actors kept, some changed, dropped or added,
    in any order."""
    kept = []
    for s in earlier.stakeholders:
        action = draw(st.sampled_from(["keep", "change", "drop"]))
        if action == "keep":
            kept.append(s)
        elif action == "change":
            other = draw(stakeholders(st.just(s.name)))
            kept.append(other)
    taken = {s.key for s in kept} | {s.key for s in earlier.stakeholders}
    new = draw(
        st.lists(
            stakeholders().filter(lambda s: s.key not in taken),
            max_size=3,
            unique_by=lambda s: s.key,
        )
    )
    actors = draw(st.permutations([*kept, *new]))
    return StakeholderMap(
        owner=earlier.owner,
        date=draw(dates),
        stakeholders=actors,
        notes=draw(st.sampled_from([earlier.notes, None]) | optional_texts),
    )


@st.composite
def map_pairs(draw: st.DrawFn) -> tuple[StakeholderMap, StakeholderMap]:
    """Two maps of the same owner: the later one derived from the earlier, or drawn apart."""
    earlier = draw(stakeholder_maps())
    if draw(st.booleans()):
        return earlier, draw(later_maps(earlier))
    return earlier, draw(stakeholder_maps(owner=earlier.owner))


@st.composite
def stakeholder_changes(draw: st.DrawFn) -> StakeholderChange:
    """Any valid change: the same actor (by name) before and after, differing."""
    before = draw(stakeholders())
    after = draw(stakeholders(st.just(before.name)).filter(lambda s: s != before))
    return StakeholderChange(before=before, after=after)


@st.composite
def map_diffs(draw: st.DrawFn) -> MapDiff:
    """Any diff made by diff_maps, plus a few made up field by field."""
    if draw(st.booleans()):
        earlier, later = draw(map_pairs())
        return diff_maps(earlier, later)
    changes = draw(st.lists(stakeholder_changes(), max_size=2, unique_by=lambda c: c.after.key))
    taken = {c.after.key for c in changes}
    others = draw(
        st.lists(
            stakeholders().filter(lambda s: s.key not in taken),
            max_size=4,
            unique_by=lambda s: s.key,
        )
    )
    cut = draw(st.integers(min_value=0, max_value=len(others)))
    names = [c.after.name for c in changes] + [s.name for s in others[:cut]]
    return MapDiff(
        owner=draw(map_owners),
        from_date=draw(dates),
        to_date=draw(dates),
        added=others[:cut],
        removed=others[cut:],
        changed=changes,
        order=draw(st.none() | st.permutations(names)),
        notes_from=draw(optional_texts),
        notes_to=draw(optional_texts),
    )


@st.composite
def stakeholder_gaps(draw: st.DrawFn) -> StakeholderGap:
    """Any valid gap: influential or salient (or both), with a weak, no or unmapped relation."""
    s = draw(stakeholders())
    weak = st.builds(
        Relation,
        strength=st.sampled_from([RelationStrength.NONE, RelationStrength.WEAK]),
        quality=st.none() | st.sampled_from(RelationQuality),
    )
    s = attrs.evolve(s, relation=draw(st.none() | weak))
    influential, salient = draw(st.sampled_from([(True, False), (False, True), (True, True)]))
    return StakeholderGap(stakeholder=s, influential=influential, salient=salient)


@st.composite
def situational_cells(draw: st.DrawFn) -> SituationalCell:
    """Any valid cell: one or two distinct types of public, least active first (and the
    table's own cells)."""
    if draw(st.booleans()):
        return draw(st.sampled_from(list(SITUATIONAL_TABLE.values())))
    types = draw(st.lists(st.sampled_from(PublicType), min_size=1, max_size=2, unique=True))
    return SituationalCell(
        behaviour=draw(st.sampled_from(SituationalBehaviour)),
        involvement=draw(levels),
        types=sorted(types, key=lambda t: t.rank),
    )
