"""Pure scoring functions: worked examples and properties."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk import ValidationError
from laeringsnettverk.scoring import (
    fidelity_points,
    is_important_change,
    mean_score,
    perceived_benefit,
    program_fidelity,
    reliable_change_index,
    round_half_up,
    to_percent,
)
from laeringsnettverk.toolkit import ItemStatus

scores = st.lists(st.integers(1, 10), min_size=1, max_size=20)
statuses = st.lists(st.sampled_from(ItemStatus), min_size=1, max_size=20)


def test_worked_example_mean() -> None:
    assert mean_score([1, 4, 1, 2]) == 2.0


def test_worked_example_benefit() -> None:
    assert perceived_benefit([1, 4, 1, 2], [4, 6, 5, 5]) == 3.0
    assert mean_score([4, 6, 5, 5]) - mean_score([1, 4, 1, 2]) == 3.0


def test_worked_example_fidelity() -> None:
    statuses_ = ["gjennomfoert"] * 7 + ["ikke_aktuelt"] + ["ikke_gjennomfoert"] * 2
    assert fidelity_points(statuses_) == 8
    assert program_fidelity(statuses_) == 0.8
    assert to_percent(program_fidelity(statuses_)) == 80.0


@given(scores)
def test_mean_lies_within_1_and_10(values: list[int]) -> None:
    assert 1 <= mean_score(values) <= 10


@given(scores, st.randoms())
def test_mean_ignores_order(values: list[int], rnd: object) -> None:
    shuffled = list(values)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert mean_score(shuffled) == mean_score(values)


@given(scores)
def test_mean_is_exact_sum_over_count(values: list[int]) -> None:
    assert mean_score(values) == sum(values) / len(values)


@given(st.lists(st.tuples(st.integers(1, 10), st.integers(1, 10)), min_size=1, max_size=20))
def test_benefit_range_antisymmetry_and_identity(pairs: list[tuple[int, int]]) -> None:
    first = [a for a, _ in pairs]
    second = [b for _, b in pairs]
    value = perceived_benefit(first, second)
    assert -9 <= value <= 9
    assert math.isclose(value, -perceived_benefit(second, first), abs_tol=1e-12)
    assert perceived_benefit(first, first) == 0
    assert math.isclose(value, mean_score(second) - mean_score(first), abs_tol=1e-12)
    assert math.isclose(
        perceived_benefit(first, second, higher_is_better=False), -value, abs_tol=1e-12
    )


@given(statuses)
def test_fidelity_lies_within_0_and_1(values: list[ItemStatus]) -> None:
    assert 0 <= program_fidelity(values) <= 1


@given(statuses, st.data())
def test_fidelity_never_falls_when_an_item_is_done(
    values: list[ItemStatus], data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(values) - 1))
    better = list(values)
    better[i] = data.draw(st.sampled_from([ItemStatus.DONE, ItemStatus.NOT_RELEVANT]))
    assert program_fidelity(better) >= program_fidelity(values)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2.25, 2.3),  # half up, where round() gives 2.2
        (2.35, 2.4),
        (2.45, 2.5),
        (-2.25, -2.3),  # half away from zero, as on paper
        (2.249, 2.2),
        (0.05, 0.1),
        (80.0, 80.0),
    ],
)
def test_round_half_up(value: float, expected: float) -> None:
    assert round_half_up(value) == expected


@given(st.floats(-1e6, 1e6, allow_nan=False))
def test_round_half_up_is_within_half_a_tenth(value: float) -> None:
    rounded = round_half_up(value)
    assert abs(Decimal(repr(rounded)) - Decimal(repr(value))) <= Decimal("0.05")


def test_important_change_threshold_is_inclusive() -> None:
    assert is_important_change(2.0)
    assert not is_important_change(1.99)


def test_reliable_change_index_matches_jacobson_truax() -> None:
    # SEM = 5 * sqrt(0.2) = 2.236; S_diff = 3.162; (28 - 20) / 3.162 = 2.53
    assert reliable_change_index(20, 28, sd=5, reliability=0.8) == pytest.approx(2.5298, abs=1e-4)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: mean_score([]), r"scores: <list> needs at least one score"),  # empty
        (lambda: mean_score([1, math.nan]), r"scores\[1\]: nan must be a finite number"),  # NaN
        (lambda: mean_score([1, True]), r"scores\[1\]: True must be a number"),  # bool
        (lambda: mean_score([1, "2"]), r"scores\[1\]: '2' must be a number"),  # str
        (lambda: perceived_benefit([1, 2], [3]), r"second: 1 must pair with first"),  # unpaired
        (
            lambda: perceived_benefit([], []),
            r"first: <list> needs at least one paired score",
        ),  # empty
        (
            lambda: program_fidelity([]),
            r"statuses: <list> needs at least one checklist item",
        ),  # empty
        (lambda: program_fidelity(["done"]), r"statuses\[0\]: 'done' is not a known ItemStatus"),
        (lambda: reliable_change_index(1, 2, sd=0, reliability=0.5), r"sd: 0 must be > 0"),
        (lambda: reliable_change_index(1, 2, sd=1, reliability=1), r"reliability: 1 must be < 1"),
        (lambda: is_important_change(1, 0), r"minimal_important_change: 0 must be > 0"),
        (lambda: round_half_up(math.inf), r"value: inf must be a finite number"),
    ],
)
def test_bad_input(call: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        call()  # type: ignore[operator]
