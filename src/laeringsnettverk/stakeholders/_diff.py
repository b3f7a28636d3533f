"""What changed between two maps of the same owner: added, removed and changed actors."""

from __future__ import annotations

import datetime

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.stakeholders._model import MapOwner, Stakeholder, StakeholderMap
from laeringsnettverk.toolkit._common import to_tuple

__all__ = ["MapDiff", "StakeholderChange", "apply_diff", "diff_maps"]

_FIELDS = tuple(a.name for a in attrs.fields(Stakeholder))


@attrs.frozen(kw_only=True)
class StakeholderChange:
    """One actor on both maps, as it was and as it is (matched by name, ignoring case)."""

    before: Stakeholder
    """The actor on the earlier map."""
    after: Stakeholder
    """The actor on the later map."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        ok = True
        for field in ("before", "after"):
            value = getattr(self, field)
            if not isinstance(value, Stakeholder):
                c.add((field,), "must be a Stakeholder", type(value).__name__)
                ok = False
        if ok and self.before.key != self.after.key:
            c.add(("after", "name"), "must name the same actor as before.name (ignoring case)")
        elif ok and self.before == self.after:
            c.add(("after",), "is the same as before: nothing changed")
        c.done()

    @property
    def name(self) -> str:
        """The actor's name on the later map."""
        return self.after.name

    @property
    def fields(self) -> tuple[str, ...]:
        """The names of the fields that changed, in the model's order."""
        return tuple(f for f in _FIELDS if getattr(self.before, f) != getattr(self.after, f))

    @property
    def relation_changed(self) -> bool:
        """True when the relation (its strength or quality) changed."""
        return self.before.relation != self.after.relation


@attrs.frozen(kw_only=True)
class MapDiff:
    """The difference between two maps of the same owner, made by :func:`diff_maps`.

    :func:`apply_diff` turns the earlier map into the later one with it. Besides the
    actors, it carries what else it takes to reproduce the later map: its date, notes
    and, when it is not the default, its order of actors.
    """

    owner: MapOwner
    """The owner of both maps."""
    from_date: datetime.date
    """The earlier map's date."""
    to_date: datetime.date
    """The later map's date."""
    added: tuple[Stakeholder, ...] = attrs.field(default=(), converter=to_tuple)
    """Actors only on the later map, in its order."""
    removed: tuple[Stakeholder, ...] = attrs.field(default=(), converter=to_tuple)
    """Actors only on the earlier map, in its order."""
    changed: tuple[StakeholderChange, ...] = attrs.field(default=(), converter=to_tuple)
    """Actors on both maps that changed, in the later map's order."""
    order: tuple[str, ...] | None = attrs.field(
        default=None, converter=attrs.converters.optional(to_tuple)
    )
    """The later map's names in order, when it differs from the default: the earlier
    order without the removed actors, then the added ones. ``None`` otherwise."""
    notes_from: str | None = None
    """The earlier map's notes."""
    notes_to: str | None = None
    """The later map's notes."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if not isinstance(self.owner, MapOwner):
            c.add(("owner",), "must be a MapOwner", type(self.owner).__name__)
        c.date(("from_date",), self.from_date)
        c.date(("to_date",), self.to_date)
        seen: dict[str, tuple[str, int]] = {}
        ok = c.instances(("added",), self.added, Stakeholder)
        ok &= c.instances(("removed",), self.removed, Stakeholder)
        ok &= c.instances(("changed",), self.changed, StakeholderChange)
        if ok:
            keyed: list[tuple[str, int, str]] = [
                *(("added", i, s.key) for i, s in enumerate(self.added)),
                *(("removed", i, s.key) for i, s in enumerate(self.removed)),
                *(("changed", i, ch.after.key) for i, ch in enumerate(self.changed)),
            ]
            for field, i, key in keyed:
                if key in seen:
                    other, j = seen[key]
                    c.add((field, i), f"names the same actor as {other}[{j}]")
                seen.setdefault(key, (field, i))
        if self.order is not None:
            order_seen: set[str] = set()
            for i, name in enumerate(self.order):
                if c.text(("order", i), name):
                    key = name.strip().casefold()
                    if key in order_seen:
                        c.add(("order", i), "duplicates an earlier name in order")
                    order_seen.add(key)
        c.optional_text(("notes_from",), self.notes_from)
        c.optional_text(("notes_to",), self.notes_to)
        c.done()

    @property
    def is_empty(self) -> bool:
        """True when nothing changed: no actor, order, notes or date.

        ```pycon
        >>> from laeringsnettverk.stakeholders import example_stakeholder_map
        >>> m = example_stakeholder_map()
        >>> diff_maps(m, m).is_empty
        True

        ```
        """
        return (
            not (self.added or self.removed or self.changed)
            and self.order is None
            and self.notes_from == self.notes_to
            and self.from_date == self.to_date
        )

    @property
    def relation_changes(self) -> tuple[StakeholderChange, ...]:
        """The changes in which the relation changed."""
        return tuple(ch for ch in self.changed if ch.relation_changed)


def _check_maps(c: Checker, earlier: object, later: object) -> None:
    for field, value in (("earlier", earlier), ("later", later)):
        if not isinstance(value, StakeholderMap):
            c.add((field,), "must be a StakeholderMap", type(value).__name__)


def diff_maps(earlier: StakeholderMap, later: StakeholderMap) -> MapDiff:
    """What changed from ``earlier`` to ``later``, two maps of the same owner.

    Actors are matched by name, ignoring case and surrounding spaces.

    ```pycon
    >>> import attrs
    >>> from laeringsnettverk.stakeholders import (
    ...     Relation, RelationStrength, example_stakeholder_map)
    >>> before = example_stakeholder_map()
    >>> nav = attrs.evolve(before.get("NAV-veileder"),
    ...                    relation=Relation(strength=RelationStrength.MODERATE))
    >>> after = attrs.evolve(
    ...     before, stakeholders=[nav if s.name == nav.name else s for s in before.stakeholders])
    >>> diff = diff_maps(before, after)
    >>> [(ch.name, ch.fields) for ch in diff.relation_changes]
    [('NAV-veileder', ('relation',))]

    ```

    Raises:
        ValidationError: when either is not a map, or the owners differ.
    """
    c = Checker()
    _check_maps(c, earlier, later)
    c.done()
    if earlier.owner != later.owner:
        c.add(("later", "owner"), "must be the same owner as earlier.owner")
    c.done()
    before = {s.key: s for s in earlier.stakeholders}
    after_keys = {s.key for s in later.stakeholders}
    added = [s for s in later.stakeholders if s.key not in before]
    removed = [s for s in earlier.stakeholders if s.key not in after_keys]
    changed = [
        StakeholderChange(before=before[s.key], after=s)
        for s in later.stakeholders
        if s.key in before and before[s.key] != s
    ]
    default = [s.key for s in earlier.stakeholders if s.key in after_keys]
    default += [s.key for s in added]
    actual = [s.key for s in later.stakeholders]
    return MapDiff(
        owner=later.owner,
        from_date=earlier.date,
        to_date=later.date,
        added=added,
        removed=removed,
        changed=changed,
        order=None if actual == default else later.names,
        notes_from=earlier.notes,
        notes_to=later.notes,
    )


def apply_diff(earlier: StakeholderMap, diff: MapDiff) -> StakeholderMap:
    """The later map: ``earlier`` with ``diff`` applied (the inverse of :func:`diff_maps`).

    ``apply_diff(a, diff_maps(a, b)) == b`` for any two maps of the same owner.

    ```pycon
    >>> import attrs
    >>> from laeringsnettverk.stakeholders import example_stakeholder_map
    >>> before = example_stakeholder_map()
    >>> after = attrs.evolve(before, stakeholders=before.stakeholders[1:])
    >>> diff = diff_maps(before, after)
    >>> [s.name for s in diff.removed]
    ['Mor']
    >>> apply_diff(before, diff) == after
    True

    ```

    Raises:
        ValidationError: when the diff was not made from this map: another owner, date or
            notes, an actor to remove or change that is not on it as the diff recorded it,
            or an actor to add that is already there.
    """
    c = Checker()
    if not isinstance(earlier, StakeholderMap):
        c.add(("earlier",), "must be a StakeholderMap", type(earlier).__name__)
    if not isinstance(diff, MapDiff):
        c.add(("diff",), "must be a MapDiff", type(diff).__name__)
    c.done()
    if diff.owner != earlier.owner:
        c.add(("diff", "owner"), "must be the earlier map's owner")
    if diff.from_date != earlier.date:
        c.add(
            ("diff", "from_date"),
            f"must be the earlier map's date {earlier.date.isoformat()}",
            diff.from_date.isoformat(),
        )
    if diff.notes_from != earlier.notes:
        c.add(("diff", "notes_from"), "must be the earlier map's notes")
    current = {s.key: s for s in earlier.stakeholders}
    for i, s in enumerate(diff.removed):
        if current.get(s.key) != s:
            c.add(("diff", "removed", i), "is not on the earlier map as recorded")
    for i, ch in enumerate(diff.changed):
        if current.get(ch.before.key) != ch.before:
            c.add(("diff", "changed", i, "before"), "is not on the earlier map as recorded")
    for i, s in enumerate(diff.added):
        if s.key in current:
            c.add(("diff", "added", i), "is already on the earlier map")
    c.done()
    gone = {s.key for s in diff.removed}
    new = {ch.before.key: ch.after for ch in diff.changed}
    result = [new.get(s.key, s) for s in earlier.stakeholders if s.key not in gone]
    result += diff.added
    if diff.order is not None:
        by_key = {s.key: s for s in result}
        keys = [name.strip().casefold() for name in diff.order]
        if sorted(keys) != sorted(by_key):
            c.add(("diff", "order"), "must name exactly the actors of the later map")
            c.done()
        result = [by_key[k] for k in keys]
    return StakeholderMap(
        owner=earlier.owner, date=diff.to_date, stakeholders=result, notes=diff.notes_to
    )
