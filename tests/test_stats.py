"""Statistics: Student's t quantiles, means with confidence intervals, shares."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.stats import MeanEstimate, Share, mean_estimate, share, t_cdf, t_quantile

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
probabilities = st.floats(min_value=1e-12, max_value=1 - 1e-12).filter(lambda p: p != 0.5)
dfs = st.integers(min_value=1, max_value=100_000) | st.floats(min_value=1, max_value=1e5)


# -- closed forms (independent of scipy) ---------------------------------------------------


@given(st.floats(min_value=1e-9, max_value=1 - 1e-9))
def test_t_quantile_with_one_df_is_the_cauchy_quantile(p: float) -> None:
    # tan(pi (p - 1/2)) written with the exact tail so that it is accurate near 0 and 1
    expected = -1 / math.tan(math.pi * p) if p < 0.5 else 1 / math.tan(math.pi * (1 - p))
    assert t_quantile(p, 1) == pytest.approx(expected, rel=1e-9, abs=1e-12)


@given(st.floats(min_value=1e-9, max_value=1 - 1e-9))
def test_t_quantile_with_two_df_has_its_closed_form(p: float) -> None:
    expected = (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    assert t_quantile(p, 2) == pytest.approx(expected, rel=1e-9, abs=1e-12)


@given(probabilities, dfs)
def test_t_quantile_inverts_the_cdf_and_is_symmetric(p: float, df: float) -> None:
    t = t_quantile(p, df)
    assert t_cdf(t, df) == pytest.approx(p, rel=1e-9, abs=1e-15)
    if 1e-4 < p < 1 - 1e-4:  # beyond, 1 - p itself is not exact enough to compare
        assert t_quantile(1 - p, df) == pytest.approx(-t, rel=1e-9, abs=1e-12)
    assert (t > 0) == (p > 0.5)


@given(dfs, finite, finite)
def test_t_cdf_is_monotone(df: float, a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    assert 0.0 <= t_cdf(lo, df) <= t_cdf(hi, df) <= 1.0


def test_textbook_values() -> None:
    # two-sided 95 % critical values from any table of Student's t
    assert round(t_quantile(0.975, 4), 4) == 2.7764
    assert round(t_quantile(0.975, 10), 4) == 2.2281
    assert round(t_quantile(0.975, 30), 4) == 2.0423
    assert t_quantile(0.5, 7) == 0.0
    assert t_cdf(0.0, 3) == 0.5
    # a huge df approaches the normal distribution's 1.959964
    assert t_quantile(0.975, 10**9) == pytest.approx(1.959963984540054, rel=1e-8)


def test_t_agrees_with_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    for df in [1, 2, 3, 4, 5, 7.5, 10, 29, 100, 1000, 10**5]:
        for p in [1e-10, 0.001, 0.025, 0.1, 0.3, 0.7, 0.9, 0.975, 0.995, 0.9999]:
            assert t_quantile(p, df) == pytest.approx(stats.t.ppf(p, df), rel=1e-9)
        for t in [-50.0, -3.0, -0.5, 0.25, 2.0, 40.0]:
            assert t_cdf(t, df) == pytest.approx(stats.t.cdf(t, df), rel=1e-9)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: t_quantile(0.0, 3), r"p: 0\.0 must be strictly between 0 and 1"),
        (lambda: t_quantile(1.0, 3), "strictly between"),
        (lambda: t_quantile(0.5, 0), r"df: 0 must be >= 1"),
        (lambda: t_quantile(0.5, 0.5), r"df: 0\.5 must be >= 1"),
        (lambda: t_quantile(math.nan, 3), "must be a finite number"),
        (lambda: t_cdf("1", 3), "must be a number"),  # type: ignore[arg-type]
        (lambda: t_cdf(1.0, True), "must be a number"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_are_refused(call: object, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        call()  # type: ignore[operator]


# -- means and shares ----------------------------------------------------------------------


def test_mean_estimate_worked_example() -> None:
    est = mean_estimate([3.0, 1.0, 2.0, 4.0, 5.0])
    assert (est.n, est.mean, est.level) == (5, 3.0, 0.95)
    assert est.sd == pytest.approx(math.sqrt(2.5))
    half = t_quantile(0.975, 4) * math.sqrt(2.5) / math.sqrt(5)
    assert (est.lower, est.upper) == (pytest.approx(3 - half), pytest.approx(3 + half))
    assert est.standard_error == pytest.approx(math.sqrt(0.5))
    assert str(est) == "3.00 (95 % KI/CI 1.04 til/to 4.96, n=5)"


def test_one_value_has_no_interval() -> None:
    est = mean_estimate([2.5])
    assert est == MeanEstimate(n=1, mean=2.5, sd=None, level=0.95, lower=None, upper=None)
    assert est.standard_error is None
    assert str(est) == "2.50 (n=1)"


def test_huge_values_do_not_overflow() -> None:
    assert mean_estimate([1e308, 1e308]).mean == 1e308


@given(st.lists(finite, min_size=2, max_size=40), st.floats(min_value=0.5, max_value=0.999))
def test_interval_contains_the_mean_and_matches_statistics(
    values: list[float], level: float
) -> None:
    est = mean_estimate(values, level=level)
    assert est.lower is not None and est.upper is not None and est.sd is not None
    assert est.lower <= est.mean <= est.upper
    assert est.mean == pytest.approx(statistics.fmean(values), rel=1e-9, abs=1e-6)
    assert est.sd == pytest.approx(statistics.stdev(values), rel=1e-7, abs=1e-6)


@given(st.lists(finite, min_size=2, max_size=20), finite)
def test_shifting_values_shifts_the_interval(values: list[float], shift: float) -> None:
    a, b = mean_estimate(values), mean_estimate([v + shift for v in values])
    assert a.lower is not None and b.lower is not None
    assert b.mean - a.mean == pytest.approx(shift, rel=1e-6, abs=1e-4)
    assert b.sd == pytest.approx(a.sd, rel=1e-6, abs=1e-4)


@pytest.mark.parametrize(
    ("values", "level", "match"),
    [
        ([], 0.95, "values: .* needs at least one value"),
        ([1.0, math.inf], 0.95, r"values\[1\]: inf must be a finite number"),
        ([1.0, "2"], 0.95, r"values\[1\]: '2' must be a number"),
        ([1.0, 2.0], 1.0, "level: 1.0 must be strictly between 0 and 1"),
        ([1.0, 2.0], "high", "level: 'high' must be a number"),
    ],
)
def test_mean_estimate_refuses_bad_input(values: list[object], level: object, match: str) -> None:
    with pytest.raises(ValidationError, match=match):
        mean_estimate(values, level=level)  # type: ignore[arg-type]


@given(st.lists(st.none() | st.booleans()))
def test_share_counts_true_among_answers(flags: list[bool | None]) -> None:
    result = share(flags)
    answered = [f for f in flags if f is not None]
    assert result == Share(count=sum(answered), n=len(answered))
    if answered:
        assert result.value == sum(answered) / len(answered)
        assert str(result) == f"{sum(answered)}/{len(answered)}"
    else:
        assert result.value is None
        assert str(result) == "- (n=0)"


def test_incomplete_beta_ends() -> None:
    # the public functions never reach x = 1 (t = 0 takes the central branch); the helper
    # still answers at both ends of its domain
    from laeringsnettverk.stats import _incomplete_beta

    assert _incomplete_beta(2.0, 0.5, 0.0) == 0.0
    assert _incomplete_beta(2.0, 0.5, 1.0) == 1.0
