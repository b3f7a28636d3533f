"""Statistics for scored forms: means with confidence intervals and shares, each with its n.

Standard library only (no scipy): Student's t quantiles come from the regularised
incomplete beta function, evaluated by its continued fraction and inverted by bisection
to full double precision. The tests compare them with scipy where scipy is installed.

```pycon
>>> from laeringsnettverk.stats import mean_estimate, t_quantile
>>> round(t_quantile(0.975, 3), 6)
3.182446
>>> est = mean_estimate([3.0, 1.0, 2.0, 4.0, 5.0])
>>> est.n, est.mean, round(est.lower, 4), round(est.upper, 4)
(5, 3.0, 1.0368, 4.9632)

```
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable

import attrs

from laeringsnettverk._checks import Checker

__all__ = ["MeanEstimate", "Share", "mean_estimate", "share", "t_cdf", "t_quantile"]

_EPS = 1e-16
_TINY = 1e-300


def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    m = 0
    while True:  # converges in well under 200 steps for the t distribution
        m += 1
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        step = d * c
        h *= step
        if abs(step - 1.0) < _EPS or m == 100_000:
            break
    return h


def _log_beta_inverse(a: float, b: float) -> float:
    """``log(1 / B(a, b))``, also for a huge ``a`` or ``b`` with the other 1/2.

    That is the t distribution's case, where the plain lgamma difference cancels.
    """
    big = max(a, b)
    if min(a, b) == 0.5 and big > 1e4:
        # log Γ(c + 1/2) - log Γ(c) = log(c)/2 - 1/(8c) + 1/(192c³) + O(c⁻⁵)
        ratio = 0.5 * math.log(big) - 1.0 / (8.0 * big) + 1.0 / (192.0 * big**3)
        return ratio - math.lgamma(0.5)
    return math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)


def _incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b) for 0 <= x <= 1."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = _log_beta_inverse(a, b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1.0 - x) / b


def _check_df(c: Checker, df: object) -> bool:
    if type(df) is int:
        return c.integer(("df",), df, 1)
    return c.number(("df",), df, 1)


def _tail(t: float, df: float) -> float:
    """P(T > t) for t >= 0, without cancellation near t = 0 (use :func:`_central`)."""
    denom = df + t * t
    return 0.5 * _incomplete_beta(df / 2.0, 0.5, df / denom)


def _central(t: float, df: float) -> float:
    """P(0 < T <= t) for t >= 0, accurate for small t."""
    denom = df + t * t
    return 0.5 * _incomplete_beta(0.5, df / 2.0, t * t / denom)


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t distribution with ``df`` degrees of freedom (df >= 1).

    ```pycon
    >>> t_cdf(0.0, 5)
    0.5

    ```
    """
    c = Checker()
    _check_df(c, df)
    c.number(("t",), t)
    c.done()
    a = abs(t)
    if a * a < df:
        central = _central(a, df)
        return 0.5 + central if t > 0 else 0.5 - central
    tail = _tail(a, df)
    return 1.0 - tail if t > 0 else tail


def _solve(target: float, df: float, f: Callable[[float, float], float], rising: bool) -> float:
    """The t >= 0 with ``f(t, df) == target``, by bisection to the float's resolution."""
    lo, hi = 0.0, 1.0
    while (f(hi, df) < target) if rising else (f(hi, df) > target):  # bracket it
        lo, hi = hi, hi * 2.0
    while True:
        mid = (lo + hi) / 2.0
        if mid in (lo, hi):
            return mid
        below = f(mid, df) < target if rising else f(mid, df) > target
        if below:
            lo = mid
        else:
            hi = mid


@functools.lru_cache(maxsize=1024)
def _t_quantile(p: float, df: float) -> float:
    if p == 0.5:
        return 0.0
    q = p if p < 0.5 else 1.0 - p  # the tail probability, exact
    if q > 0.25:  # near the centre: solve P(0 < T <= t) = 0.5 - q (exact subtraction)
        t = _solve(0.5 - q, df, _central, rising=True)
    else:
        t = _solve(q, df, _tail, rising=False)
    return t if p > 0.5 else -t


def t_quantile(p: float, df: float) -> float:
    """The ``p`` quantile of Student's t distribution with ``df`` degrees of freedom.

    ``0 < p < 1`` and ``df >= 1``; accurate to about 1e-12 relative (the tests compare
    it with ``scipy.stats.t.ppf``).

    ```pycon
    >>> round(t_quantile(0.975, 1), 6)   # the Cauchy distribution: tan(0.475 * pi)
    12.706205

    ```

    Raises:
        ValidationError: ``p`` is not strictly between 0 and 1, or ``df`` is below 1.
    """
    c = Checker()
    ok = _check_df(c, df)
    if c.number(("p",), p) and not 0.0 < p < 1.0:
        c.add(("p",), "must be strictly between 0 and 1", p)
    c.done()
    assert ok
    return _t_quantile(float(p), float(df))


@attrs.frozen(kw_only=True)
class MeanEstimate:
    """A mean with its n, standard deviation and confidence interval (Student's t).

    With one value there is no spread: ``sd``, ``lower`` and ``upper`` are ``None``.
    """

    n: int
    """How many values the mean is over."""
    mean: float
    """The arithmetic mean (``math.fsum`` of the values / n)."""
    sd: float | None
    """The sample standard deviation (n - 1 in the denominator); ``None`` when n = 1."""
    level: float
    """The confidence level, e.g. 0.95."""
    lower: float | None
    """Lower end of the confidence interval; ``None`` when n = 1."""
    upper: float | None
    """Upper end of the confidence interval; ``None`` when n = 1."""

    @property
    def standard_error(self) -> float | None:
        """``sd / sqrt(n)``; ``None`` when n = 1."""
        return None if self.sd is None else self.sd / math.sqrt(self.n)

    def __str__(self) -> str:
        if self.lower is None or self.upper is None:
            return f"{self.mean:.2f} (n={self.n})"
        pct = f"{self.level * 100:g}"
        ci = f"{self.lower:.2f} til/to {self.upper:.2f}"
        return f"{self.mean:.2f} ({pct} % KI/CI {ci}, n={self.n})"


def mean_estimate(values: Iterable[float], *, level: float = 0.95) -> MeanEstimate:
    """The mean of ``values`` with a ``level`` confidence interval from Student's t.

    The interval is ``mean ± t(1 - (1 - level)/2, n - 1) · sd / sqrt(n)``, exact for
    normally distributed values and the usual choice for small n.

    Raises:
        ValidationError: no values, a value that is not a finite number, or a level
            not strictly between 0 and 1.
    """
    c = Checker()
    data = list(values)
    for i, v in enumerate(data):
        c.number(("values", i), v)
    if not data:
        c.add(("values",), "needs at least one value", [])
    if c.number(("level",), level) and not 0.0 < level < 1.0:
        c.add(("level",), "must be strictly between 0 and 1", level)
    c.done()
    n = len(data)
    mean = _mean(data)
    if n == 1:
        return MeanEstimate(n=1, mean=mean, sd=None, level=float(level), lower=None, upper=None)
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in data) / (n - 1))
    half = t_quantile(1.0 - (1.0 - level) / 2.0, n - 1) * sd / math.sqrt(n)
    return MeanEstimate(
        n=n, mean=mean, sd=sd, level=float(level), lower=mean - half, upper=mean + half
    )


def _mean(data: list[float]) -> float:
    try:
        return math.fsum(data) / len(data)
    except OverflowError:  # huge values: scale down first, so the mean stays finite
        return math.fsum(v / len(data) for v in data)


@attrs.frozen(kw_only=True)
class Share:
    """A count out of a total: how many of ``n`` met a condition."""

    count: int
    """How many met the condition."""
    n: int
    """How many there were."""

    @property
    def value(self) -> float | None:
        """``count / n`` (0..1), or ``None`` when n is 0."""
        return self.count / self.n if self.n else None

    def __str__(self) -> str:
        if not self.n:
            return "- (n=0)"
        return f"{self.count}/{self.n}"


def share(flags: Iterable[bool | None]) -> Share:
    """The share of ``True`` among the flags; ``None`` flags (no answer) are left out.

    ```pycon
    >>> share([True, False, None, True])
    Share(count=2, n=3)

    ```
    """
    count = n = 0
    for flag in flags:
        if flag is None:
            continue
        n += 1
        count += flag is True
    return Share(count=count, n=n)
