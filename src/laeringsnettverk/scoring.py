"""Pure scoring functions for the toolkit «Hva er viktig for deg?».

Numbers in, numbers out: no I/O, no clock, no global state. The models'
methods (:meth:`WhatMattersForm.benefit`, :meth:`CollaborationChecklist.fidelity`,
…) call these. Computation keeps full precision; round only for display, with
:func:`round_half_up` (2.25 → 2.3, as on a paper form, never banker's rounding).

The source's worked example (KS/Kunnskapssenteret, appendix 2):

```pycon
>>> mean_score([1, 4, 1, 2])
2.0
>>> perceived_benefit([1, 4, 1, 2], [4, 6, 5, 5])
3.0
>>> program_fidelity(["gjennomfoert"] * 6 + ["ikke_aktuelt"] * 2 + ["ikke_gjennomfoert"] * 2)
0.8

```
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from laeringsnettverk._checks import Checker, fail
from laeringsnettverk._rounding import round_half_up, to_percent

__all__ = [
    "ACTIVITY_DETECTABLE_CHANGE",
    "MINIMAL_IMPORTANT_CHANGE",
    "ORS_CLINICAL_CUTOFF",
    "ORS_RELIABLE_CHANGE",
    "SRS_ALLIANCE_CUTOFF",
    "fidelity_points",
    "is_important_change",
    "mean_score",
    "perceived_benefit",
    "program_fidelity",
    "reliable_change_index",
    "round_half_up",
    "to_percent",
]

MINIMAL_IMPORTANT_CHANGE = 2.0
"""Default minimal important change on the form's mean: 2 points (PSFS: Stratford et al. 1995,
minimum detectable change at 90 %; Moseng et al. 2013 for Norwegian primary care)."""

ACTIVITY_DETECTABLE_CHANGE = 3
"""Minimum detectable change (90 %) of a single activity's score: 3 points (PSFS: Stratford
et al. 1995). A single activity is noisier than the mean, hence more than the mean's 2."""

ORS_CLINICAL_CUTOFF = 25.0
"""ORS total below which a person is in the clinical range (Miller & Duncan)."""

ORS_RELIABLE_CHANGE = 5.0
"""ORS change in total that counts as reliable (Miller & Duncan)."""

SRS_ALLIANCE_CUTOFF = 36.0
"""SRS total below which the alliance may be at risk (Miller & Duncan)."""


_EXACT = 2**53  # below this, a sum of ints is exact as a float


def _small_ints(values: list[Any]) -> bool:
    """True when every value is a plain int and their sum is exact as a float (quick path)."""
    total = 0
    for v in values:
        if type(v) is not int:
            return False
        total += v if v >= 0 else -v
    return total < _EXACT


def _paired_int_means(
    first: Sequence[int], second: Sequence[int]
) -> tuple[float, float, float] | None:
    """``(mean of first, mean of second, mean of the differences)`` of paired plain ints.

    For one or more pairs of plain ints (a form's paired scores, which its rules make
    ints): each mean is the exact integer sum divided once, which is what
    :func:`mean_score` and :func:`perceived_benefit` give for ints whose sums are exact as
    floats. ``None`` when the sums may not be (then those functions decide).
    """
    total_a = total_b = bound = 0
    for x, y in zip(first, second, strict=True):
        total_a += x
        total_b += y
        bound += (x if x >= 0 else -x) + (y if y >= 0 else -y)
    if bound >= _EXACT:
        return None
    return _int_means(total_a, total_b, len(first))


def _int_mean(total: int, n: int) -> float:
    """``total / n``: what :func:`mean_score` gives for ``n`` ints that sum to ``total``.

    For ints whose absolute values sum below 2**53 (so the float sum is exact).
    """
    return total / n


def _int_means(total_a: int, total_b: int, n: int) -> tuple[float, float, float]:
    """``(total_a / n, total_b / n, (total_b - total_a) / n)``: exact sums divided once.

    For the sums of ``n`` paired ints whose absolute values sum below 2**53 (so every
    float sum would be exact): the means :func:`_paired_int_means` gives.
    """
    return total_a / n, total_b / n, (total_b - total_a) / n


def _finite_numbers(values: Iterable[float], name: str) -> list[float]:
    out = list(values)
    if _small_ints(out):
        return out  # valid: the checks below would find nothing (scores are ints)
    checker = Checker()
    for i, v in enumerate(out):
        checker.number((name, i), v)
    checker.done()
    return out


def mean_score(scores: Iterable[float]) -> float:
    """The mean of the scores: their sum divided by how many there are.

    Raises:
        ValidationError: for no scores, or a score that is not a finite number.

    ```pycon
    >>> mean_score([1, 4, 1, 2])
    2.0

    ```
    """
    values = list(scores)
    if values and _small_ints(values):  # the exact sum, divided once: what fsum / len gives
        return sum(values) / len(values)
    values = _finite_numbers(values, "scores")
    if not values:
        fail(("scores",), "needs at least one score to take a mean", [])
    return _mean(values)


def _mean(values: Sequence[float]) -> float:
    """The mean, correctly rounded; exact arithmetic when a float sum would overflow.

    The mean of finite numbers lies between their least and greatest, so it is finite
    even when their sum is not.
    """
    try:
        mean = math.fsum(values) / len(values)
    except (OverflowError, ValueError):  # "intermediate overflow"; inf - inf
        mean = math.inf
    if math.isfinite(mean):
        return mean
    from fractions import Fraction  # only here: not imported with the module (cold start)

    return float(sum(map(Fraction, values), Fraction(0)) / len(values))


def perceived_benefit(
    first: Sequence[float], second: Sequence[float], *, higher_is_better: bool = True
) -> float:
    """Perceived benefit (opplevd nytte) between two conversations, for paired scores.

    ``first[i]`` and ``second[i]`` are the same activity's scores. The result is the
    mean of the differences, which equals ``mean(second) - mean(first)`` (the source's
    rule). With ``higher_is_better=False`` (a scale where 1 is the easiest) the sign is
    turned, so a positive benefit always means the user is doing better.

    ```pycon
    >>> perceived_benefit([1, 4, 1, 2], [4, 6, 5, 5])
    3.0

    ```
    """
    a = _finite_numbers(first, "first")
    b = _finite_numbers(second, "second")
    if len(a) != len(b):
        fail(("second",), f"must pair with first: {len(a)} scores against", len(b))
    if not a:
        fail(("first",), "needs at least one paired score", [])
    diffs = [y - x for x, y in zip(a, b, strict=True)]
    if _small_ints(diffs):  # the exact sum, divided once: what fsum / len gives
        diff = sum(diffs) / len(diffs)
    elif all(map(math.isfinite, diffs)):
        diff = _mean(diffs)
    else:  # a difference beyond the float range: exact arithmetic
        from fractions import Fraction

        exact = sum(Fraction(y) - Fraction(x) for x, y in zip(a, b, strict=True)) / len(a)
        try:
            diff = float(exact)
        except OverflowError:
            fail(("second",), "differs from first by more than a number can hold (±1.8e308)")
    return diff if higher_is_better else -diff


_FIDELITY_POINTS: dict[str, int] = {"gjennomfoert": 1, "ikke_aktuelt": 1, "ikke_gjennomfoert": 0}
"""Points of each checklist item status, by its code (the source's scoring): done
(``gjennomfoert``) 1, not relevant (``ikke_aktuelt``) 1, not done (``ikke_gjennomfoert``) 0.
:attr:`ItemStatus.points <laeringsnettverk.toolkit.ItemStatus.points>` reads this table."""


def fidelity_points(statuses: Iterable[str]) -> int:
    """Points of a checklist: 1 for each item done or not relevant, 0 for not done.

    ``statuses`` are :class:`~laeringsnettverk.toolkit.ItemStatus` members or their codes.
    """
    points = 0
    for i, status in enumerate(statuses):
        try:
            points += _FIDELITY_POINTS[status]
        except (KeyError, TypeError):  # not a code, or not even hashable
            codes = ", ".join(map(repr, _FIDELITY_POINTS))
            rule = f"is not a known ItemStatus code; expected one of {codes}"
            fail(("statuses", i), rule, status)
    return points


def program_fidelity(statuses: Iterable[str]) -> float:
    """Program fidelity (programoppfyllelse): points / number of items, in [0, 1].

    Done and not relevant both give one point; not done gives none. 8 of 10 points
    is 0.8 (80 %, see :func:`to_percent`).

    ```pycon
    >>> from laeringsnettverk.toolkit import ItemStatus
    >>> program_fidelity([ItemStatus.DONE, ItemStatus.NOT_RELEVANT, ItemStatus.NOT_DONE])
    0.6666666666666666

    ```
    """
    items = list(statuses)
    if not items:
        fail(("statuses",), "needs at least one checklist item", [])
    return fidelity_points(items) / len(items)


def is_important_change(
    change: float, minimal_important_change: float = MINIMAL_IMPORTANT_CHANGE
) -> bool:
    """Whether an improvement reaches the minimal important change (default 2.0 points).

    ```pycon
    >>> is_important_change(3.0)
    True
    >>> is_important_change(1.5)
    False

    ```
    """
    if not minimal_important_change > 0:
        fail(("minimal_important_change",), "must be > 0", minimal_important_change)
    return change >= minimal_important_change


def reliable_change_index(before: float, after: float, *, sd: float, reliability: float) -> float:
    """Jacobson & Truax's (1991) reliable change index: (after - before) / S_diff.

    ``S_diff = sqrt(2) * SEM`` and ``SEM = sd * sqrt(1 - reliability)``. A change is
    reliable when ``abs(rci) > 1.96``. No published SD and reliability pair exists for
    PSFS: give your own (see the docs).

    ```pycon
    >>> round(reliable_change_index(20, 28, sd=5.0, reliability=0.8), 3)
    2.53

    ```
    """
    checker = Checker()
    checker.number(("before",), before)
    checker.number(("after",), after)
    checker.number(("sd",), sd)
    checker.number(("reliability",), reliability, 0, 1)
    checker.done()
    if not sd > 0:
        fail(("sd",), "must be > 0", sd)
    if reliability >= 1:
        fail(("reliability",), "must be < 1", reliability)
    sem = sd * math.sqrt(1 - reliability)
    return (after - before) / (math.sqrt(2) * sem)
