"""The collaboration checklist (sjekkliste for samhandling) and program fidelity."""

from __future__ import annotations

import datetime
import re
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._rules import (
    Custom,
    Date,
    Instance,
    Integer,
    Items,
    Member,
    Number,
    Optional,
    Text,
    checked,
    rule,
    to_tuple,
)
from laeringsnettverk.scoring import fidelity_points, mean_score, program_fidelity, to_percent
from laeringsnettverk.toolkit._enums import ItemStatus

if TYPE_CHECKING:
    from laeringsnettverk.toolkit._form import WhatMattersForm

__all__ = ["DEFAULT_CHECKLIST_ITEMS", "ChecklistItem", "CollaborationChecklist"]

ITEM_SET_CODE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
"""What an item set's code looks like: lower-case ASCII letters, digits, ``.``, ``_`` and
``-``, at most 64 characters, starting with a letter or digit (the library's rule)."""
ITEM_SET_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+_-]{0,31}$")
"""What an item set's version looks like: ASCII letters, digits, ``.``, ``+``, ``_`` and
``-``, at most 32 characters (the library's rule)."""


def _pattern_rule(pattern: re.Pattern[str], message: str) -> Custom:
    """Text that matches ``pattern``; ``message`` is the rule broken.

    The value is shown when it is text (a code, never free text), else its type's name.
    """

    def check(c: Checker, path: tuple[Any, ...], value: object) -> bool:
        if type(value) is str and pattern.fullmatch(value):
            return True
        c.add(path, message, value if type(value) is str else type(value).__name__)
        return False

    def quick(value: object) -> bool:
        return type(value) is str and pattern.fullmatch(value) is not None

    return Custom(check_with=check, quick_with=quick, keywords={"pattern": pattern.pattern})


ITEM_SET_RULE = _pattern_rule(ITEM_SET_CODE, "must be a code: a-z, 0-9, '.', '_', '-', at most 64")
"""The rule of an item set's code: :data:`ITEM_SET_CODE`."""
ITEM_SET_VERSION_RULE = _pattern_rule(
    ITEM_SET_VERSION, "must be a version: A-Z, a-z, 0-9, '.', '+', '_', '-', at most 32"
)
"""The rule of an item set's version: :data:`ITEM_SET_VERSION`."""
PROPOSAL_ITEM_SET = "laeringsnettverk-forslag"
"""The code of the library's proposed ten items (:data:`DEFAULT_CHECKLIST_ITEMS`)."""
PROPOSAL_ITEM_SET_VERSION = "1"
"""The version of the library's proposed ten items."""


@attrs.frozen(kw_only=True)
@checked
class ChecklistItem:
    """One item (tiltak) of the checklist, with its status.

    An item that carries a conversation's mean (items 1 and 9 of the toolkit's
    checklist) names it in ``carries_mean_of`` and holds the mean in ``value``.
    """

    text: str = attrs.field(metadata=rule(Text()))
    """What the item asks, e.g. "Kriseplan er utarbeidet"."""
    status: ItemStatus = attrs.field(default=ItemStatus.NOT_DONE, metadata=rule(Member(ItemStatus)))
    """Done, not relevant, or not done."""
    note: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """A note (free text)."""
    date: datetime.date | None = attrs.field(default=None, metadata=rule(Optional(Date())))
    """When the item was done or judged."""
    value: float | None = attrs.field(default=None, metadata=rule(Optional(Number())))
    """A value the item carries, e.g. the mean score of a conversation."""
    carries_mean_of: int | None = attrs.field(default=None, metadata=rule(Optional(Integer(ge=1))))
    """The number of the form's conversation whose mean this item carries (1 or 9's 2)."""


DEFAULT_CHECKLIST_ITEMS: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        text="1. samtale med «Hva er viktig for meg»-skjemaet er gjennomført; "
        "gjennomsnittsscore ført inn",
        carries_mean_of=1,
    ),
    ChecklistItem(text="Brukeren har en koordinator / fast kontaktperson"),
    ChecklistItem(text="Individuell plan (IP) er tilbudt, og utarbeidet hvis brukeren ønsker det"),
    ChecklistItem(text="Kriseplan er utarbeidet sammen med brukeren"),
    ChecklistItem(text="Fastlegen er informert og involvert i planen"),
    ChecklistItem(text="DPS / spesialisthelsetjenesten er involvert (samarbeidsmøte)"),
    ChecklistItem(text="NAV er involvert der brukeren har behov (arbeid, økonomi)"),
    ChecklistItem(text="Pårørende er involvert, dersom brukeren ønsker det"),
    ChecklistItem(
        text="2. samtale med «Hva er viktig for meg»-skjemaet er gjennomført; "
        "gjennomsnittsscore ført inn",
        carries_mean_of=2,
    ),
    ChecklistItem(text="Planen og tiltakene er evaluert sammen med brukeren"),
)
"""The library's proposed ten items (all not done). The source document's own ten items are
lost; these are built from its themes (individual plan, coordinator, crisis plan, GP, DPS /
specialist services, NAV, next of kin, user involvement), with items 1 and 9 carrying the mean
score of the 1st and 2nd conversation as the source fixes them. Teams replace them freely."""


@attrs.frozen(kw_only=True)
@checked
class CollaborationChecklist:
    """The collaboration checklist, scored as program fidelity (programoppfyllelse).

    Done = 1 point, not relevant = 1 point, not done = 0; the highest sum is the
    number of items. 8 of 10 points is 80 %.

    ```pycon
    >>> import attrs
    >>> items = [attrs.evolve(item, status=ItemStatus.DONE) for item in DEFAULT_CHECKLIST_ITEMS]
    >>> items[3] = attrs.evolve(items[3], status=ItemStatus.NOT_DONE)
    >>> items[6] = attrs.evolve(items[6], status=ItemStatus.NOT_DONE)
    >>> checklist = CollaborationChecklist(items=items)
    >>> checklist.points, checklist.max_points, checklist.percent()
    (8, 10, 80.0)

    ```
    """

    items: tuple[ChecklistItem, ...] = attrs.field(
        converter=to_tuple,
        metadata=rule(
            Items(Instance(ChecklistItem), min_items=1, too_few="needs at least one item")
        ),
    )
    """The items, in order (at least one)."""
    date: datetime.date | None = attrs.field(default=None, metadata=rule(Optional(Date())))
    """The day the checklist was filled in."""
    identifier: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """An identifier in the caller's system."""
    team: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The improvement team, by its identifier, if known."""
    form: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The identifier of the «Hva er viktig for meg»-form whose means items carry, if any."""
    item_set: str | None = attrs.field(default=None, metadata=rule(Optional(ITEM_SET_RULE)))
    """Which set of items the checklist uses, by a code: ``"laeringsnettverk-forslag"`` for
    the library's proposed ten items (:data:`DEFAULT_CHECKLIST_ITEMS`; the source's own
    items are lost), or a code of the team's or organisation's own set. ``None`` when not
    stated (documents written before the field existed). Lower-case ASCII letters, digits,
    ``.``, ``_`` and ``-``, at most 64 characters."""
    item_set_version: str | None = attrs.field(
        default=None, metadata=rule(Optional(ITEM_SET_VERSION_RULE))
    )
    """The version of the item set, e.g. ``"1"``; only with ``item_set``. ASCII letters,
    digits, ``.``, ``+``, ``_`` and ``-``, at most 32 characters."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if self.item_set_version is not None and self.item_set is None:
            c.add(("item_set",), "is required with an item_set_version")

    @classmethod
    def default(cls, date: datetime.date | None = None) -> CollaborationChecklist:
        """A checklist from the library's default ten items, all not done.

        The items are the library's proposal (the source's own items are lost), so the
        checklist says so in its data: ``item_set="laeringsnettverk-forslag"``,
        ``item_set_version="1"``. A record system reading it cannot mistake the proposal
        for the report's checklist.
        """
        return cls(
            items=DEFAULT_CHECKLIST_ITEMS,
            date=date,
            item_set=PROPOSAL_ITEM_SET,
            item_set_version=PROPOSAL_ITEM_SET_VERSION,
        )

    @property
    def points(self) -> int:
        """Points: one for each item done or not relevant."""
        return fidelity_points(item.status for item in self.items)

    @property
    def max_points(self) -> int:
        """The highest possible sum: the number of items."""
        return len(self.items)

    def fidelity(self) -> float:
        """Program fidelity as a fraction in [0, 1]."""
        return program_fidelity(item.status for item in self.items)

    def percent(self) -> float:
        """Program fidelity in percent, rounded half up to one decimal for display."""
        return to_percent(self.fidelity())

    def _repr_html_(self) -> str:
        from laeringsnettverk import _display

        return _display.checklist(self)

    def with_form_means(self, form: WhatMattersForm) -> CollaborationChecklist:
        """A new checklist whose mean-carrying items hold ``form`` 's conversation means.

        An item carrying conversation *n* gets a mean of that conversation as ``value``,
        its date, and status done. The source puts the 1st and 2nd conversation's mean
        score into items 1 and 9 so that the checklist shows «om brukeren opplever at
        tiltakene er nyttige (gjennomsnittsscoret er høyere i 2. samtale enn 1. samtale)»:
        the two items read as the perceived benefit, and the source scores «de samme
        områdene/aktivitetene» at both conversations. So the items hold the means of the
        activities scored at every conversation the checklist carries (present in the
        form), the *paired* means that :meth:`WhatMattersForm.benefit` uses: item 9 minus
        item 1 is always ``form.benefit().value``. When every conversation scored the same
        activities these are the conversations' whole means (``form.mean(n)``).

        When the conversations scored different activities, the means cover only the
        activities scored at all of them and a
        :class:`~laeringsnettverk.errors.LaeringsnettverkWarning` says so (as ``benefit()``
        does); with no activity scored at all of them, the items are left as they are. If
        the form has no conversation *n* (or it scored nothing) the item is left as it is.

        ```pycon
        >>> import datetime, warnings
        >>> from laeringsnettverk.toolkit import WhatMattersForm
        >>> form = WhatMattersForm.from_scores(
        ...     ["Sove", "Handle", "Jobbe", "Venner"],
        ...     (datetime.date(2015, 2, 5), [2, 4, 6, 8]),
        ...     (datetime.date(2015, 5, 7), [5, 7, 9, None]),
        ... )
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     items = CollaborationChecklist.default().with_form_means(form).items
        ...     benefit = form.benefit()
        >>> items[0].value, items[8].value, benefit.value
        (4.0, 7.0, 3.0)
        >>> form.means()  # the whole means would read as a benefit of 2.0
        (5.0, 7.0)

        ```
        """
        from laeringsnettverk.errors import LaeringsnettverkWarning

        carried = sorted(
            {
                n
                for item in self.items
                if (n := item.carries_mean_of) is not None
                and n <= len(form.conversations)
                and form.conversations[n - 1].scores
            }
        )
        scored = [set(form.conversations[n - 1].scores) for n in carried]
        paired = [name for name in form.activity_names if all(name in s for s in scored)]
        if any(s != set(paired) for s in scored):
            left_out = len(set().union(*scored)) - len(paired)
            numbers = ", ".join(str(n) for n in carried)
            warnings.warn(
                f"conversations {numbers} scored different activities: the checklist's items "
                f"carry the means of the {len(paired)} activities scored at all of them "
                f"({left_out} left out), as the perceived benefit does"
                + ("" if paired else "; with none, the items are left as they are")
                + ". Score the same activities at each conversation, or silence this with "
                "warnings.filterwarnings('ignore', category=LaeringsnettverkWarning).",
                LaeringsnettverkWarning,
                stacklevel=2,
            )
        means = {
            n: mean_score(form.conversations[n - 1].scores[name] for name in paired)
            for n in carried
            if paired
        }
        items = []
        for original in self.items:
            item = original
            n = item.carries_mean_of
            if n is not None and n in means:
                conv = form.conversations[n - 1]
                item = attrs.evolve(item, value=means[n], date=conv.date, status=ItemStatus.DONE)
            items.append(item)
        return attrs.evolve(self, items=items, form=form.identifier or self.form)
