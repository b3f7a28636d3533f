"""The conversation wheel (samtalehjul)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._rules import (
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
from laeringsnettverk.toolkit._enums import LifeArea

__all__ = ["ConversationWheel", "WheelArea"]


@attrs.frozen(kw_only=True)
@checked
class WheelArea:
    """A life area the user put into the wheel, in the user's own words.

    ``suggestion`` optionally ties it to one of the library's common
    :class:`LifeArea` s, for comparing across users; it is never required.
    """

    name: str = attrs.field(metadata=rule(Text()))
    """The area as the user put it (free text; unique within a wheel)."""
    suggestion: LifeArea | None = attrs.field(
        default=None, metadata=rule(Optional(Member(LifeArea)))
    )
    """The common life area it corresponds to, if any."""
    note: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """A note on the area (free text)."""

    @classmethod
    def suggested(cls, area: LifeArea, note: str | None = None) -> WheelArea:
        """An area named by its Norwegian label, from the common vocabulary.

        ```pycon
        >>> WheelArea.suggested(LifeArea.HOUSING).name
        'Bolig'

        ```
        """
        return cls(name=area.label_nb, suggestion=area, note=note)


@attrs.frozen(kw_only=True)
@checked
class ConversationWheel:
    """The conversation wheel: the areas that matter to the user, in the user's priority.

    The user decides which areas go into the wheel; they lead to activities on the
    «Hva er viktig for meg»-form.
    """

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day the wheel was filled in."""
    areas: tuple[WheelArea, ...] = attrs.field(
        converter=to_tuple, metadata=rule(Items(Instance(WheelArea)))
    )
    """The chosen areas, most important first (names unique, compared case-insensitively)."""
    identifier: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """An identifier in the caller's system."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if not ok["areas"]:
            return
        seen: dict[str, int] = {}
        for i, area in enumerate(self.areas):
            folded = area.name.strip().casefold()
            if folded in seen:
                c.add(
                    ("areas", i, "name"),
                    f"duplicates areas[{seen[folded]}].name",
                    area.name,
                    text=True,
                )
            else:
                seen[folded] = i

    @property
    def area_names(self) -> tuple[str, ...]:
        """The areas' names in the user's order of priority."""
        return tuple(a.name for a in self.areas)
