"""Display rounding: half up, as on a paper form, and fractions as percents, exactly.

Re-exported by :mod:`laeringsnettverk.scoring`, their public home; here, in the base layer,
so the number formatting (:mod:`laeringsnettverk._numbers`) and every capability can use
them without importing scoring. ``decimal`` and ``fractions`` are imported when a number is
first rounded, not with the module: loading a document does not round, and the two took
about a tenth of a first ``loads``'s cold start.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from laeringsnettverk._checks import Checker, fail, isfinite

if TYPE_CHECKING:
    from fractions import Fraction

__all__ = ["round_half_up", "to_percent"]

_TOO_LARGE = "is too large for a number (beyond ±1.8e308)"


def to_percent(fraction: float | Fraction) -> float:
    """A fraction as a percent, rounded half up to one decimal for display (0.8 → 80.0).

    Computed exactly, never as ``fraction * 100`` in floating point: 23 of 80 is 28.75 %
    and shows as 28.8. Give a :class:`fractions.Fraction` (``Fraction(23, 80)``) to round
    the exact ratio; a float is taken as the decimal it prints as (``0.2875``).

    ```pycon
    >>> to_percent(23 / 80)
    28.8
    >>> from fractions import Fraction
    >>> to_percent(Fraction(23, 80))
    28.8

    ```
    """
    from decimal import Decimal
    from fractions import Fraction

    if isinstance(fraction, Fraction):
        # tenths of a percent, half away from zero, in integers: exact for any ratio
        tenths = (2 * abs(fraction.numerator) * 1000 + fraction.denominator) // (
            2 * fraction.denominator
        )
        return math.copysign(float(Fraction(tenths, 10)), fraction.numerator)
    checker = Checker()
    checker.number(("fraction",), fraction)
    checker.done()
    percent = float(Decimal(repr(fraction)).scaleb(2))
    if not math.isfinite(percent):
        fail(("fraction",), "is too large to show as a percent", fraction)
    return round_half_up(percent, 1)


def round_half_up(value: float, decimals: int = 1) -> float:
    """Round for display, half up as on a paper form (never banker's rounding).

    ```pycon
    >>> round_half_up(2.25)
    2.3
    >>> round_half_up(-2.25)
    -2.3
    >>> round(2.25, 1)  # Python's own rounding gives 2.2
    2.2

    ```
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        fail(("value",), "must be a number", value)
    if not isfinite(value):
        too_large = isinstance(value, int)
        fail(("value",), _TOO_LARGE if too_large else "must be a finite number", value)
    from decimal import ROUND_HALF_UP, Context, Decimal

    exact = Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))
    if int(exact.as_tuple().exponent) >= -decimals:  # nothing to round (a large float, an int)
        return float(exact)
    quantum = Decimal(1).scaleb(-decimals)
    context = Context(prec=max(28, exact.adjusted() + decimals + 3))
    return float(exact.quantize(quantum, rounding=ROUND_HALF_UP, context=context))
