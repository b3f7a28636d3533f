"""Thresholds of the Anhøj rules: longest run and fewest crossings.

``crossings_min(n)`` is R's ``qbinom(0.05, n - 1, 0.5)``: the smallest ``k`` with
``P(X <= k) >= 0.05`` for ``X ~ Binomial(n - 1, 1/2)``. Up to ``EXACT_LIMIT`` trials it is
computed with integers only (``20 * sum(C(m, j) for j <= k) >= 2**m``), so no rounding can move
it. Above that the tail sum is computed in floating point from ``math.lgamma``; when the result
lies within ``GUARD`` of 0.05 the integer computation decides (it never did for the sizes
tested, but it keeps the answer exact).
"""

from __future__ import annotations

import math
from functools import lru_cache

__all__ = ["EXACT_LIMIT", "GUARD", "crossings_min", "longest_run_max", "qbinom05"]

EXACT_LIMIT = 5000
"""Largest number of trials computed with integers alone (a few milliseconds)."""
GUARD = 1e-9
"""Floating-point tail sums this close to 0.05 are re-checked with integers."""


def longest_run_max(n_useful: int) -> int:
    """``round(log2(n_useful)) + 3`` (Schilling 2012, as used by Anhøj 2014 and qicharts2).

    ``log2`` of a whole number is never exactly halfway between two integers, so Python's
    ``round`` (half to even) and R's ``round`` agree.
    """
    return round(math.log2(n_useful)) + 3


def crossings_min(n_useful: int) -> int:
    """``qbinom(0.05, n_useful - 1, 0.5)``, the fewest crossings expected (Chen 2010)."""
    return qbinom05(max(n_useful - 1, 0))


def _exact(m: int) -> int:
    """Smallest ``k`` with ``20 * sum(C(m, j), j <= k) >= 2**m``, with integers only."""
    target = 1 << m
    term = 1  # C(m, 0)
    total = 0
    k = 0
    while True:
        total += term
        if 20 * total >= target:
            return k
        term = term * (m - k) // (k + 1)
        k += 1


def _log_term(m: int, j: int) -> float:
    """``log(C(m, j) / 2**m)``."""
    return math.lgamma(m + 1) - math.lgamma(j + 1) - math.lgamma(m - j + 1) - m * math.log(2)


def _cdf(m: int, k: int) -> float:
    """``P(X <= k)`` for ``X ~ Binomial(m, 1/2)``, summed from ``k`` downward in floats."""
    term = math.exp(_log_term(m, k))
    total = 0.0
    j = k
    while j >= 0 and term > total * 1e-18:
        total += term
        term *= j / (m - j + 1)
        j -= 1
    return total


def _approx(m: int, guard: float, margin: int = 10) -> int:
    """The quantile from floating-point tail sums; ``-1`` when too close to call.

    The search starts ``margin`` below the normal approximation, ``m/2 - 1.645 sqrt(m)/2``
    (whose error is well under 10 here), and walks up to the smallest ``k`` with
    ``P(X <= k) >= 0.05``; a start already past it (never seen) also defers to integers.
    """
    k = max(0, int(m / 2 - 1.6448536269514722 * math.sqrt(m) / 2) - margin)
    if k > 0 and _cdf(m, k) >= 0.05:
        return -1
    while _cdf(m, k) < 0.05:
        k += 1
    if abs(_cdf(m, k) - 0.05) < guard or (k > 0 and abs(_cdf(m, k - 1) - 0.05) < guard):
        return -1
    return k


@lru_cache(maxsize=4096)
def qbinom05(m: int, exact_limit: int = EXACT_LIMIT, guard: float = GUARD) -> int:
    """R's ``qbinom(0.05, m, 0.5)``: the smallest ``k`` with ``P(X <= k) >= 0.05``."""
    if m <= exact_limit:
        return _exact(m)
    k = _approx(m, guard)
    return _exact(m) if k < 0 else k
