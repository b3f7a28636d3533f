"""The scoring functions' quick paths give exactly what the general path gives."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.scoring import _mean, fidelity_points, mean_score, perceived_benefit
from laeringsnettverk.toolkit import (
    ActivityChange,
    ItemStatus,
    Scale,
    WhatMattersForm,
    form_benefit,
)
from strategies.toolkit import forms, scales

ints = st.lists(st.integers(-(2**60), 2**60), min_size=1, max_size=30)
small_ints = st.lists(st.integers(-(2**40), 2**40), min_size=1, max_size=30)


def _exact_mean(values: list[int]) -> float:
    return float(Fraction(sum(values), len(values)))


@given(ints)
def test_mean_of_ints_takes_the_general_path_beyond_exact_sums(values: list[int]) -> None:
    # the quick path (ints whose sum is exact as a float) gives what the general path
    # (math.fsum / len) gives; beyond that, the general path runs
    assert mean_score(values) == _mean(values)
    small = [v % 11 for v in values]
    assert mean_score(small) == math.fsum(small) / len(small) == _exact_mean(small)


@given(small_ints, st.data())
def test_benefit_of_ints_is_the_correctly_rounded_mean_change(
    first: list[int], data: st.DataObject
) -> None:
    second = data.draw(
        st.lists(st.integers(-(2**40), 2**40), min_size=len(first), max_size=len(first))
    )
    expected = _exact_mean([y - x for x, y in zip(first, second, strict=True)])
    assert perceived_benefit(first, second) == expected
    assert perceived_benefit(first, second, higher_is_better=False) == -expected


def test_floats_and_bools_still_take_the_checked_path() -> None:
    assert mean_score([1, 2.5]) == 1.75
    with pytest.raises(ValidationError, match=r"scores\[1\]: True must be a number"):
        mean_score([1, True])


@given(st.lists(st.sampled_from([*ItemStatus, *(s.code for s in ItemStatus)])))
def test_fidelity_points_of_members_and_codes(statuses: list[object]) -> None:
    expected = sum(ItemStatus(s).points for s in statuses)
    assert fidelity_points(statuses) == expected  # type: ignore[arg-type]


def test_an_unknown_status_code_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"statuses\[1\]: 'ferdig' is not a known"):
        fidelity_points([ItemStatus.DONE, "ferdig"])  # type: ignore[list-item]


def test_a_benefit_of_scores_too_large_for_exact_float_sums_takes_the_general_path() -> None:
    # scores near 2**53: their sums are not exact as floats, so form_benefit leaves the
    # integer quick path and uses perceived_benefit and mean_score, which agree with it
    import datetime

    from laeringsnettverk.scoring import mean_score, perceived_benefit
    from laeringsnettverk.toolkit import (
        Activity,
        Conversation,
        Scale,
        WhatMattersForm,
        form_benefit,
    )

    big = 2**53
    form = WhatMattersForm(
        activities=[Activity(name="a"), Activity(name="b")],
        scale=Scale(minimum=0, maximum=big),
        conversations=[
            Conversation(date=datetime.date(2015, 1, 1), scores={"a": big - 3, "b": 1}),
            Conversation(date=datetime.date(2015, 2, 1), scores={"a": big, "b": 2}),
        ],
    )
    result = form_benefit(form)
    assert result.value == perceived_benefit([big - 3, 1], [big, 2]) == 2.0
    assert result.mean_from == mean_score([big - 3, 1])
    assert result.mean_to == mean_score([big, 2])


@st.composite
def huge_scales(draw: st.DrawFn) -> Scale:
    """Scales so wide that a sum of scores may not be exact as a float."""
    lo = draw(st.integers(-(2**60), 2**60))
    hi = draw(st.integers(lo + 1, lo + 2**61))
    return Scale(minimum=lo, maximum=hi, higher_is_better=draw(st.booleans()))


def _reference_benefit(form: WhatMattersForm, from_: int, to: int) -> tuple[object, ...]:
    """The benefit the long way: pairs in activity order, the three scoring functions."""
    first, second = form.conversation(from_).scores, form.conversation(to).scores
    better = form.scale.higher_is_better
    changes: list[ActivityChange] = []
    unpaired: list[str] = []
    for activity in form.activities:
        x, y = first.get(activity.name), second.get(activity.name)
        if x is not None and y is not None:
            change = (y - x) if better else (x - y)
            changes.append(ActivityChange(activity=activity.name, before=x, after=y, change=change))
        elif x is not None or y is not None:
            unpaired.append(activity.name)
    if not changes:
        return len(changes), None, None, None, tuple(changes), tuple(unpaired)
    a, b = [c.before for c in changes], [c.after for c in changes]
    return (
        len(changes),
        perceived_benefit(a, b, higher_is_better=better),
        mean_score(a),
        mean_score(b),
        tuple(changes),
        tuple(unpaired),
    )


@given(st.data())
def test_form_benefit_equals_the_benefit_computed_the_long_way(data: st.DataObject) -> None:
    # every path of form_benefit (the same activities scored at both, or not; scales
    # small enough for exact sums, or too wide; none paired) gives what pairing the
    # activities in order and calling mean_score and perceived_benefit gives, and its
    # changes (read from the form when asked) are the pairs in the form's activity order
    scale = scales() | huge_scales()
    form = data.draw(forms(scale=scale, min_conversations=2, complete=data.draw(st.booleans())))
    to = data.draw(st.integers(2, len(form.conversations)))
    from_ = data.draw(st.integers(1, to - 1))
    result = form_benefit(form, from_, to)
    assert (
        result.paired,
        result.value,
        result.mean_from,
        result.mean_to,
        result.changes,
        result.unpaired,
    ) == _reference_benefit(form, from_, to)
    assert result.changes is result.changes  # read once, then kept


@given(forms(scale=scales() | huge_scales(), max_conversations=4))
def test_form_means_equal_each_conversations_mean_score(form: WhatMattersForm) -> None:
    # the quick path (the scale bounds every score, so the sums are exact as floats) gives
    # what mean_score gives for each conversation's scores; scales too wide take mean_score
    expected = tuple(
        mean_score(list(c.scores.values())) if c.scores else None for c in form.conversations
    )
    assert form.means() == expected
    assert form.means() == tuple(c.mean() for c in form.conversations)
