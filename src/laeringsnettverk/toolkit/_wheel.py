"""The conversation wheel (samtalehjul)."""

from __future__ import annotations

import datetime

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.toolkit._common import to_tuple
from laeringsnettverk.toolkit._enums import LifeArea

__all__ = ["ConversationWheel", "WheelArea"]


@attrs.frozen(kw_only=True)
class WheelArea:
    """A life area the user put into the wheel, in the user's own words.

    ``suggestion`` optionally ties it to one of the library's common
    :class:`LifeArea` s, for comparing across users; it is never required.
    """

    name: str
    """The area as the user put it (free text; unique within a wheel)."""
    suggestion: LifeArea | None = None
    """The common life area it corresponds to, if any."""
    note: str | None = None
    """A note on the area (free text)."""

    def __attrs_post_init__(self) -> None:
        name, suggestion, note = self.name, self.suggestion, self.note
        if (
            type(name) is str
            and name.strip()
            and (suggestion is None or isinstance(suggestion, LifeArea))
            and (note is None or type(note) is str)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("name",), self.name)
        if self.suggestion is not None:
            c.member(("suggestion",), self.suggestion, LifeArea)
        c.optional_text(("note",), self.note)
        c.done()

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
class ConversationWheel:
    """The conversation wheel: the areas that matter to the user, in the user's priority.

    The user decides which areas go into the wheel; they lead to activities on the
    «Hva er viktig for meg»-form.
    """

    date: datetime.date
    """The day the wheel was filled in."""
    areas: tuple[WheelArea, ...] = attrs.field(converter=to_tuple)
    """The chosen areas, most important first (names unique, compared case-insensitively)."""
    identifier: str | None = None
    """An identifier in the caller's system."""

    def __attrs_post_init__(self) -> None:
        identifier = self.identifier
        if type(self.date) is datetime.date and (identifier is None or type(identifier) is str):
            seen: set[str] = set()
            for area in self.areas:
                if type(area) is not WheelArea:
                    break
                folded = area.name.strip().casefold()
                if folded in seen:
                    break
                seen.add(folded)
            else:
                return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.date(("date",), self.date)
        if c.instances(("areas",), self.areas, WheelArea):
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
                seen.setdefault(folded, i)
        c.optional_text(("identifier",), self.identifier)
        c.done()

    @property
    def area_names(self) -> tuple[str, ...]:
        """The areas' names in the user's order of priority."""
        return tuple(a.name for a in self.areas)
