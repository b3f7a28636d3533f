"""The «Hva er viktig for meg»-form (what matters to me), built on PSFS."""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from laeringsnettverk._checks import Checker, fail
from laeringsnettverk._converters import on_fresh
from laeringsnettverk._municipality import MUNICIPALITY_NUMBER_RULE
from laeringsnettverk._rules import (
    Boolean,
    Date,
    Instance,
    Integer,
    Items,
    Map,
    Optional,
    Text,
    checked,
    freeze_map,
    keeps_items,
    rule,
    to_tuple,
)
from laeringsnettverk.errors import LaeringsnettverkWarning, ValidationError
from laeringsnettverk.scoring import (
    _EXACT,
    MINIMAL_IMPORTANT_CHANGE,
    _int_mean,
    mean_score,
)
from laeringsnettverk.toolkit._form_rules import (
    ALLOWED,
    NAME,
    report_repeated,
    report_scores,
    scores_allowed,
)

if TYPE_CHECKING:
    from laeringsnettverk.toolkit._benefit import Benefit

__all__ = ["Activity", "Conversation", "Scale", "WhatMattersForm"]


@attrs.frozen(kw_only=True)
@checked
class Scale:
    """The scoring scale of a form: ``minimum``..``maximum`` and which end is better.

    The toolkit's form is 1..10 with 10 the easiest (the default). Norwegian PSFS
    versions differ (some use 0..10, some put 0 at "no problem"), so a form records
    its scale and scores are checked against it.

    ```pycon
    >>> Scale()
    Scale(minimum=1, maximum=10, higher_is_better=True)

    ```
    """

    minimum: int = attrs.field(default=1, metadata=rule(Integer()))
    """The lowest score allowed."""
    maximum: int = attrs.field(default=10, metadata=rule(Integer()))
    """The highest score allowed."""
    higher_is_better: bool = attrs.field(default=True, metadata=rule(Boolean()))
    """True when a higher score means the activity is easier (the toolkit's form)."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if ok["minimum"] and ok["maximum"] and self.minimum >= self.maximum:
            c.add(("maximum",), f"must be above minimum {self.minimum}", self.maximum)

    @property
    def span(self) -> int:
        """``maximum - minimum``: the largest possible change of a score or a mean."""
        return self.maximum - self.minimum


@attrs.frozen(kw_only=True)
@checked
class Activity:
    """An area or activity the user wants help with, in the user's own words."""

    name: str = attrs.field(metadata=rule(Text()))
    """The activity, as the user put it (free text; unique within a form)."""
    area: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The conversation-wheel area it belongs to, by the area's name, if any."""


def _scores(values: Mapping[str, int]) -> Mapping[str, int]:
    return freeze_map(values)


keeps_items(_scores, fresh=on_fresh(freeze_map))  # a read-only copy of the same scores


@attrs.frozen(kw_only=True)
@checked
class Conversation:
    """One conversation (samtale): its date and the user's score per activity.

    An activity may be left unscored (absent). Scores are plain integers; the form
    checks them against its scale.
    """

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day of the conversation."""
    scores: Mapping[str, int] = attrs.field(
        factory=dict,
        converter=_scores,
        hash=False,
        metadata=rule(Map(Integer(), key_rule="must be an activity name (str)")),
    )
    """Score per activity name; an activity left unscored is absent."""

    def mean(self) -> float | None:
        """Mean of the scores given, or ``None`` when none were given."""
        return mean_score(self.scores.values()) if self.scores else None

    def __reduce__(self) -> tuple[Any, tuple[datetime.date, dict[str, int]]]:
        # pickle and copy the read-only scores as a plain dict (a mappingproxy cannot be
        # pickled); the conversation is rebuilt, and checked, on the way back
        return _conversation, (self.date, dict(self.scores))


def _conversation(date: datetime.date, scores: dict[str, int]) -> Conversation:
    return Conversation(date=date, scores=scores)


@attrs.frozen(kw_only=True)
@checked
class WhatMattersForm:
    """The «Hva er viktig for meg»-form: activities and the conversations that scored them.

    At the 1st conversation the user scores each activity by how hard it is (1..10,
    the closer to 1 the harder); after a period, the same activities again at the
    2nd. The mean is the sum of the scores divided by the number of activities;
    perceived benefit is mean(2nd) - mean(1st).

    ```pycon
    >>> import datetime
    >>> form = WhatMattersForm(
    ...     activities=[Activity(name=n) for n in ("Sove", "Handle", "Jobbe", "Venner")],
    ...     conversations=[
    ...         Conversation(date=datetime.date(2015, 2, 5),
    ...                      scores={"Sove": 1, "Handle": 4, "Jobbe": 1, "Venner": 2}),
    ...         Conversation(date=datetime.date(2015, 5, 7),
    ...                      scores={"Sove": 4, "Handle": 6, "Jobbe": 5, "Venner": 5}),
    ...     ],
    ... )
    >>> form.mean(1), form.mean(2)
    (2.0, 5.0)
    >>> form.benefit().value
    3.0

    ```
    """

    activities: tuple[Activity, ...] = attrs.field(
        converter=to_tuple, metadata=rule(Items(Instance(Activity)))
    )
    """The activities, in the form's order (names unique, compared case-insensitively)."""
    conversations: tuple[Conversation, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(Conversation)))
    )
    """The conversations in date order: the 1st, the 2nd and any later ones."""
    scale: Scale = attrs.field(default=Scale(), metadata=rule(Instance(Scale)))
    """The scoring scale; default 1..10 with 10 the easiest."""
    identifier: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """An identifier for the form in the caller's system (not a person's identity number)."""
    team: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The improvement team that uses the form, by its identifier, if known."""
    municipality: str | None = attrs.field(
        default=None, metadata=rule(Optional(MUNICIPALITY_NUMBER_RULE))
    )
    """The municipality number (kommunenummer) of the service that uses the form, if known.

    Four digits, of the 2024 county structure or an earlier one (``"1804"`` is Bodø), so
    that forms can be compared by municipality without a network around them.
    """

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if not ok["activities"]:
            return
        given = list(map(NAME, self.activities))  # iterated in C: run for every form loaded
        if len(set(map(str.casefold, map(str.strip, given)))) != len(given):
            report_repeated(c, given)
        if not (ok["scale"] and ok["conversations"]):
            return
        names = set(given)
        lo, hi = self.scale.minimum, self.scale.maximum
        try:
            allowed = ALLOWED[lo, hi]
        except KeyError:
            allowed = scores_allowed(lo, hi)
        previous: datetime.date | None = None
        for i, conv in enumerate(self.conversations):
            scores = conv.scores
            try:
                fine = names.issuperset(scores) and (
                    allowed.issuperset(scores.values())
                    if allowed is not None
                    else not scores or (lo <= min(scores.values()) and max(scores.values()) <= hi)
                )
            except TypeError:  # a score that is not a number (a document that did not load)
                fine = False
            if not fine:
                report_scores(c, i, scores, names=names, lo=lo, hi=hi)
            date = conv.date
            if type(date) is not datetime.date:
                continue  # the conversation reports it (a best-effort check of a document)
            if previous is not None and date <= previous:
                c.add(
                    ("conversations", i, "date"),
                    f"must be after the previous conversation's date {previous.isoformat()}",
                    date.isoformat(),
                    code="order",
                )
            previous = date

    # -- navigation ---------------------------------------------------------------------

    @property
    def activity_names(self) -> tuple[str, ...]:
        """The activities' names, in order."""
        return tuple(a.name for a in self.activities)

    def conversation(self, number: int) -> Conversation:
        """The conversation by its number: 1 for the 1st, 2 for the 2nd, and so on."""
        if type(number) is not int or not 1 <= number <= len(self.conversations):
            fail(
                ("conversation",),
                f"is not a conversation of this form (it has {len(self.conversations)})",
                number,
            )
        return self.conversations[number - 1]

    def with_conversation(self, conversation: Conversation) -> WhatMattersForm:
        """A new form with ``conversation`` added after the last one."""
        return attrs.evolve(self, conversations=(*self.conversations, conversation))

    def _repr_html_(self) -> str:
        from laeringsnettverk import _display

        return _display.form(self)

    # -- scoring --------------------------------------------------------------------------

    def mean(self, number: int) -> float | None:
        """Mean score of a conversation (sum / number of activities scored); ``None`` if none."""
        return self.conversation(number).mean()

    def means(self) -> tuple[float | None, ...]:
        """Mean score of every conversation, in order."""
        bound = max(-self.scale.minimum, self.scale.maximum)
        out: list[float | None] = []
        for conv in self.conversations:
            scores = conv.scores
            n = len(scores)
            if n and n * bound < _EXACT:  # ints within the scale, so few the sum is exact
                out.append(_int_mean(sum(scores.values()), n))
            else:
                out.append(conv.mean())
        return tuple(out)

    def benefit(
        self,
        from_: int = 1,
        to: int = 2,
        *,
        minimal_important_change: float = MINIMAL_IMPORTANT_CHANGE,
    ) -> Benefit:
        """Perceived benefit from conversation ``from_`` to ``to`` (default 1st → 2nd).

        Pairs the activities scored at both (see :func:`form_benefit`, which computes it);
        warns (:class:`LaeringsnettverkWarning`) when some activity was scored at only one
        of them, since the means then no longer cover the same activities.
        """
        from laeringsnettverk.toolkit._benefit import form_benefit

        result = form_benefit(self, from_, to, minimal_important_change=minimal_important_change)
        if result.unpaired:
            warnings.warn(
                f"conversations {from_} and {to} scored different activities: "
                f"{len(result.unpaired)} scored at only one of them are left out of the "
                f"benefit ({result.paired} paired). Score the same activities at both, or "
                "silence this with "
                "warnings.filterwarnings('ignore', category=LaeringsnettverkWarning).",
                LaeringsnettverkWarning,
                stacklevel=2,
            )
        return result

    @classmethod
    def from_scores(
        cls,
        activities: Iterable[str],
        *conversations: tuple[datetime.date, Iterable[int | None]],
        scale: Scale | None = None,
    ) -> WhatMattersForm:
        """Build a form from activity names and ``(date, scores in activity order)`` pairs.

        ``None`` leaves an activity unscored at that conversation.

        ```pycon
        >>> import datetime
        >>> form = WhatMattersForm.from_scores(
        ...     ["Sove", "Handle", "Jobbe", "Venner"],
        ...     (datetime.date(2015, 2, 5), [1, 4, 1, 2]),
        ...     (datetime.date(2015, 5, 7), [4, 6, 5, 5]),
        ... )
        >>> form.benefit().value
        3.0

        ```
        """
        names = list(activities)
        c = Checker()
        acts = []
        for i, name in enumerate(names):
            try:
                acts.append(Activity(name=name))
            except ValidationError as exc:
                c.extend(exc, ("activities", i))
        c.done()
        convs = []
        for i, (day, scores) in enumerate(conversations):
            values = list(scores)
            if len(values) != len(names):
                fail(
                    ("conversations", i, "scores"),
                    f"must give one score (or None) per activity: {len(names)} expected, got",
                    len(values),
                )
            try:
                convs.append(
                    Conversation(
                        date=day,
                        scores={n: s for n, s in zip(names, values, strict=True) if s is not None},
                    )
                )
            except ValidationError as exc:
                c.extend(exc, ("conversations", i))
        c.done()
        return cls(
            activities=acts, conversations=convs, scale=scale if scale is not None else Scale()
        )


_MOVED = ("ActivityChange", "Benefit", "form_benefit")


def __getattr__(name: str) -> Any:
    """The benefit's names, from their own module (made on first use, not with the form's).

    They were defined here before; code and pickles that name this module still find them.
    """
    if name in _MOVED:
        from laeringsnettverk.toolkit import _benefit

        return getattr(_benefit, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
