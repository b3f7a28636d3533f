"""The perceived benefit (opplevd nytte) of a «Hva er viktig for meg»-form.

Apart from the form's models (``laeringsnettverk.toolkit._form``) so that loading a form
does not make these classes: a process's first document paid for them in its cold start.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping

import attrs

from laeringsnettverk._checks import fail
from laeringsnettverk.scoring import (
    _EXACT,
    ACTIVITY_DETECTABLE_CHANGE,
    MINIMAL_IMPORTANT_CHANGE,
    _int_means,
    _paired_int_means,
    is_important_change,
    mean_score,
    perceived_benefit,
    round_half_up,
)
from laeringsnettverk.toolkit._form import WhatMattersForm

__all__ = ["ActivityChange", "Benefit", "form_benefit"]


@attrs.frozen(kw_only=True)
class ActivityChange:
    """How one activity's score changed between two conversations."""

    activity: str
    """The activity's name."""
    before: int
    """Score at the earlier conversation."""
    after: int
    """Score at the later conversation."""
    change: int
    """The change, signed so that positive means better (whatever the scale's direction)."""

    @property
    def improved(self) -> bool:
        """Whether the user is doing better with this activity (``change > 0``)."""
        return self.change > 0

    @property
    def important(self) -> bool:
        """Whether the improvement reaches 3 points.

        Three points is the minimum detectable change of a single PSFS activity; 2 applies
        to the mean (see :attr:`Benefit.important`).

        ```pycon
        >>> change = ActivityChange(activity="Sove", before=1, after=4, change=3)
        >>> change.improved, change.important, change.reaches(4)
        (True, True, False)

        ```
        """
        return self.reaches(ACTIVITY_DETECTABLE_CHANGE)

    def reaches(self, minimal_change: float) -> bool:
        """Whether the improvement is at least ``minimal_change`` points (> 0)."""
        return is_important_change(self.change, minimal_change)


@attrs.frozen(kw_only=True)
class Benefit:
    """Perceived benefit (opplevd nytte) between two conversations of a form.

    Only activities scored at both conversations are paired. With none paired,
    ``value`` is ``None``: there is no benefit to report. The per-activity
    :attr:`changes` are read from :attr:`form` when first asked for, so a benefit whose
    number alone is wanted costs no object per activity.
    """

    from_conversation: int
    """Number (1-based) of the earlier conversation."""
    to_conversation: int
    """Number (1-based) of the later conversation."""
    paired: int
    """How many activities were scored at both conversations."""
    value: float | None
    """Mean change over the paired activities, positive = better; ``None`` if none paired."""
    mean_from: float | None
    """Mean of the paired activities at the earlier conversation."""
    mean_to: float | None
    """Mean of the paired activities at the later conversation."""
    unpaired: tuple[str, ...]
    """Activities scored at only one of the two conversations."""
    minimal_important_change: float
    """Threshold for an important change on the mean (default 2.0)."""
    form: WhatMattersForm = attrs.field(repr=False, hash=False)
    """The form the benefit is of: its activities and the two conversations' scores."""

    @functools.cached_property
    def changes(self) -> tuple[ActivityChange, ...]:
        """Per-activity change, in the form's activity order (the paired activities)."""
        form = self.form
        first = form.conversation(self.from_conversation).scores
        second = form.conversation(self.to_conversation).scores
        better = form.scale.higher_is_better
        out: list[ActivityChange] = []
        for activity in form.activities:
            name = activity.name
            x, y = first.get(name), second.get(name)
            if x is not None and y is not None:
                change = (y - x) if better else (x - y)
                out.append(ActivityChange(activity=name, before=x, after=y, change=change))
        return tuple(out)

    @property
    def improved(self) -> bool | None:
        """True when the user is doing better (``value > 0``); ``None`` without a benefit."""
        return None if self.value is None else self.value > 0

    @property
    def important(self) -> bool | None:
        """True when the benefit reaches the minimal important change; ``None`` without one."""
        if self.value is None:
            return None
        return is_important_change(self.value, self.minimal_important_change)

    def __str__(self) -> str:
        head = f"{self.from_conversation}.→{self.to_conversation}. samtale"
        if self.value is None:
            return f"Opplevd nytte (perceived benefit) {head}: none (no activity scored at both)"
        return (
            f"Opplevd nytte (perceived benefit) {head}: {round_half_up(self.value):.1f}"
            f" ({self.paired} paired)"
        )

    def _repr_html_(self) -> str:
        from laeringsnettverk import _display

        return _display.benefit(self)


def form_benefit(
    form: WhatMattersForm,
    from_: int = 1,
    to: int = 2,
    *,
    minimal_important_change: float = MINIMAL_IMPORTANT_CHANGE,
) -> Benefit:
    """Perceived benefit of ``form`` from conversation ``from_`` to ``to``; never warns.

    The one function that computes a form's benefit: :meth:`WhatMattersForm.benefit` (which
    adds a warning for unpaired activities), the measurement series and the network
    results call it. Only activities scored at both conversations are paired; the ones
    scored at only one are listed in :attr:`Benefit.unpaired`.

    Raises:
        ValidationError: no such conversation, or a ``minimal_important_change`` that is
            not a finite number above 0.
    """
    if not (
        isinstance(minimal_important_change, int | float)
        and minimal_important_change > 0
        and math.isfinite(minimal_important_change)
    ):
        fail(
            ("minimal_important_change",),
            "must be a finite number > 0",
            minimal_important_change,
        )
    first, second = form.conversation(from_).scores, form.conversation(to).scores
    scale = form.scale
    value: float | None = None
    mean_from: float | None = None
    mean_to: float | None = None
    quick: tuple[float, float, float] | None = None
    unpaired: tuple[str, ...] = ()
    firsts: list[int] = []
    seconds: list[int] = []
    paired = len(first)
    if first.keys() == second.keys():  # the same activities scored at both: all paired
        if paired and 2 * paired * max(-scale.minimum, scale.maximum) < _EXACT:
            # ints within the scale, and so few that every sum is exact as a float
            quick = _int_means(sum(first.values()), sum(second.values()), paired)
        else:  # the general case below decides
            firsts, seconds = list(first.values()), [second[k] for k in first]
    else:
        firsts, seconds, unpaired = _pairs(form, first, second)
        paired = len(firsts)
    if paired:
        if quick is None:
            quick = _paired_int_means(firsts, seconds)  # what the three functions below give
        if quick is not None:
            mean_from, mean_to, diff = quick
            value = diff if scale.higher_is_better else -diff
        else:
            value = perceived_benefit(firsts, seconds, higher_is_better=scale.higher_is_better)
            mean_from = mean_score(firsts)
            mean_to = mean_score(seconds)
    return Benefit(
        from_conversation=from_,
        to_conversation=to,
        paired=paired,
        value=value,
        mean_from=mean_from,
        mean_to=mean_to,
        unpaired=unpaired,
        minimal_important_change=float(minimal_important_change),
        form=form,
    )


def _pairs(
    form: WhatMattersForm, first: Mapping[str, int], second: Mapping[str, int]
) -> tuple[list[int], list[int], tuple[str, ...]]:
    """The paired scores in activity order, and the activities scored at only one."""
    firsts: list[int] = []
    seconds: list[int] = []
    unpaired: list[str] = []
    for activity in form.activities:
        name = activity.name
        x, y = first.get(name), second.get(name)
        if x is not None and y is not None:
            firsts.append(x)
            seconds.append(y)
        elif x is not None or y is not None:
            unpaired.append(name)
    return firsts, seconds, tuple(unpaired)
