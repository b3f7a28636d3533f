"""The scoring functions' quick paths give exactly what the general path gives."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.scoring import _mean, fidelity_points, mean_score, perceived_benefit
from laeringsnettverk.toolkit import ItemStatus

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
