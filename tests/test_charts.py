"""Run and control charts: the rules as properties, degenerate input, options and bad input.

The qicharts2 reference cases are in test_charts_qicharts2.py; plots in test_charts_plot.py.
Cases marked "derived from the rules, not qicharts2" follow from the rules as documented in
docs/explanation/chart-rules.md.
"""

from __future__ import annotations

import itertools
import math
import random
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from laeringsnettverk.charts import (
    ChartData,
    ChartPoint,
    ControlChart,
    PartSummary,
    RunChart,
    Signal,
    SupportsChartData,
    _binom,
    _fast,
    i_chart,
    mr_chart,
    p_chart,
    run_chart,
)
from laeringsnettverk.charts._columns import Column, pieces
from laeringsnettverk.charts._core import FAST_MIN_POINTS
from laeringsnettverk.charts._input import MAX_ABS_VALUE, MAX_COUNT
from laeringsnettverk.charts._run import build
from laeringsnettverk.errors import ValidationError
from strategies.charts import counts, integer_series, options, series

KINDS = ("run", "i", "mr")


def summary(chart: RunChart | ControlChart) -> PartSummary:
    assert len(chart.parts) == 1
    return chart.parts[0]


def runs_of(values: list[float]) -> tuple[int | None, int | None, int]:
    s = summary(run_chart(values))
    return s.longest_run, s.n_crossings, s.n_useful


# -- the Anhøj rules as properties ------------------------------------------------------------


@given(integer_series(), st.integers(-1000, 1000))
def test_shifting_moves_the_centre_and_keeps_runs_and_crossings(
    values: list[float], shift: int
) -> None:
    for fn in (run_chart, i_chart):
        a = summary(fn(values))
        b = summary(fn([v + shift for v in values]))
        assert a.centre is not None
        assert b.centre is not None
        assert math.isclose(b.centre, a.centre + shift, abs_tol=1e-9)
        assert (b.longest_run, b.n_crossings, b.n_useful) == (
            a.longest_run,
            a.n_crossings,
            a.n_useful,
        )
        assert b.runs_signal is a.runs_signal


@given(series(min_size=1))
def test_reversing_keeps_the_longest_run_and_the_crossings(values: list[float | None]) -> None:
    for fn in (run_chart, i_chart):
        a = summary(fn(values))
        b = summary(fn(values[::-1]))
        assert a.centre == b.centre
        assert (b.longest_run, b.n_crossings, b.n_useful) == (
            a.longest_run,
            a.n_crossings,
            a.n_useful,
        )


@given(integer_series(), st.data())
def test_a_point_on_the_centre_line_changes_nothing(
    values: list[float], data: st.DataObject
) -> None:
    before = summary(run_chart(values))
    assert before.centre is not None
    where = data.draw(st.integers(0, len(values)))
    after = summary(run_chart([*values[:where], before.centre, *values[where:]]))
    assert after.centre == before.centre
    assert after.n_obs == before.n_obs + 1
    assert (after.n_useful, after.longest_run, after.n_crossings, after.runs_signal) == (
        before.n_useful,
        before.longest_run,
        before.n_crossings,
        before.runs_signal,
    )


@given(series(min_size=1))
def test_the_rules_are_the_thresholds(values: list[float | None]) -> None:
    s = summary(run_chart(values))
    useful = [v for v in values if v is not None and v != s.centre]
    assert s.n_useful == len(useful)
    if not useful:
        assert (s.longest_run, s.n_crossings, s.runs_signal) == (None, None, False)
        return
    assert s.centre is not None
    sides = [v > s.centre for v in useful]
    runs = [1]
    for a, b in itertools.pairwise(sides):
        runs[-1:] = [runs[-1] + 1] if a == b else [runs[-1], 1]
    assert s.longest_run == max(runs)
    assert s.n_crossings == len(runs) - 1
    assert s.longest_run_max == round(math.log2(len(useful))) + 3
    assert s.n_crossings_min == _binom._exact(len(useful) - 1)
    assert s.runs_signal is (max(runs) > s.longest_run_max or len(runs) - 1 < s.n_crossings_min)


def test_qbinom_by_brute_force_against_the_binomial_cdf() -> None:
    from fractions import Fraction

    for m in range(60):
        cdf = Fraction(0)
        for k in range(m + 1):
            cdf += Fraction(math.comb(m, k), 2**m)
            if cdf >= Fraction(1, 20):
                break
        assert _binom.qbinom05(m) == k


@pytest.mark.parametrize("m", [*range(5000, 5040), 7919, 12345])
def test_qbinom_floating_point_path_equals_the_integer_path(m: int) -> None:
    assert _binom.qbinom05(m, exact_limit=0) == _binom._exact(m)


def test_qbinom_falls_back_to_integers_near_the_threshold() -> None:
    # guard = 1: every floating-point answer is "too close to call"
    assert _binom.qbinom05(6000, 0, 1.0) == _binom._exact(6000)
    assert _binom._approx(6000, 1.0) == -1
    assert _binom._approx(0, 1e-9) == 0
    assert _binom._approx(6000, 1e-9, margin=-50) == -1  # a start past the answer


def test_qbinom_floating_point_search_over_a_range() -> None:
    assert all(_binom._approx(m, 1e-9) == _binom._exact(m) for m in range(1, 400))


def test_crossings_min_of_zero_useful_points() -> None:
    assert _binom.crossings_min(0) == 0
    assert _binom.crossings_min(1) == 0


# -- control-chart properties -------------------------------------------------------------------


@given(series(min_size=1), st.booleans())
def test_i_chart_limits_contain_the_centre(values: list[float | None], screened: bool) -> None:
    chart = i_chart(values, screened=screened)
    for p in chart.points():
        if p.lower is None:
            assert p.upper is None
            continue
        assert p.centre is not None
        assert p.upper is not None
        assert p.lower_2sigma is not None
        assert p.upper_2sigma is not None
        assert p.lower <= p.lower_2sigma <= p.centre <= p.upper_2sigma <= p.upper
        assert p.outside is (p.value is not None and (p.value > p.upper or p.value < p.lower))


@given(series(min_size=1))
def test_mr_chart_limits_contain_the_centre(values: list[float | None]) -> None:
    chart = mr_chart(values)
    assert chart.values[0] is None
    assert not any(s.runs_signal or s.shift_signal or s.trend_signal for s in chart.parts)
    for p in chart.points():
        assert p.lower == 0.0
        if p.centre is not None:
            assert p.upper is not None
            assert p.upper_2sigma is not None
            assert 0.0 <= p.centre <= p.upper_2sigma <= p.upper


@given(counts())
def test_p_chart_limits_stay_within_zero_and_one(nd: tuple[list[Any], list[Any]]) -> None:
    chart = p_chart(*nd)
    for p, k, d in zip(chart.points(), *nd, strict=True):
        if k is None or d is None:
            assert p.value is None
            assert p.lower is None
            continue
        assert p.value == k / d
        assert p.lower is not None
        assert p.upper is not None
        assert p.lower_2sigma is not None
        assert p.upper_2sigma is not None
        assert p.centre is not None
        assert 0.0 <= p.lower <= p.lower_2sigma <= p.centre <= p.upper_2sigma <= p.upper <= 1.0


@given(counts(), st.integers(1, 5))
def test_p_chart_centre_is_the_pooled_proportion(nd: tuple[list[Any], list[Any]], k: int) -> None:
    nums, dens = nd
    chart = p_chart(nums, dens, freeze=min(k, len(nums)))
    base = [(a, b) for a, b in list(zip(nums, dens, strict=True))[:k] if a is not None and b]
    want = sum(a for a, _ in base) / sum(b for _, b in base) if base else None
    assert chart.parts[0].centre == want


# -- numpy and pure Python agree -------------------------------------------------------------


@given(series(max_size=30), st.data())
def test_numpy_and_pure_python_give_identical_charts(
    values: list[float | None], data: st.DataObject
) -> None:
    opts = data.draw(options(len(values)))
    cd = ChartData(values=values)
    for kind in KINDS:
        extra: dict[str, Any] = {"screened": data.draw(st.booleans())} if kind == "i" else {}
        fast = build(kind, cd, use_numpy=True, **opts, **extra)  # type: ignore[arg-type]
        pure = build(kind, cd, use_numpy=False, **opts, **extra)  # type: ignore[arg-type]
        assert fast == pure
        assert list(fast.points()) == list(pure.points())


@given(counts(max_size=30), st.data())
def test_numpy_and_pure_python_give_identical_p_charts(
    nd: tuple[list[Any], list[Any]], data: st.DataObject
) -> None:
    opts = data.draw(options(len(nd[0])))
    cd = ChartData.proportions(*nd)
    assert build("p", cd, use_numpy=True, **opts) == build("p", cd, use_numpy=False, **opts)


def test_numpy_and_pure_python_agree_on_a_long_series() -> None:
    rng = random.Random(7)
    n = FAST_MIN_POINTS + 11
    values: list[float | None] = [
        rng.choice([rng.gauss(10, 3), round(rng.gauss(10, 3))]) for _ in range(n)
    ]
    values[17] = None
    dens: list[int | None] = [rng.randint(1, 200) for _ in range(n)]
    nums: list[int | None] = [rng.randint(0, d) for d in dens if d is not None]
    nums[5] = None
    for kind in KINDS:
        cd = ChartData(values=values)
        assert cd._arrays  # the quick checks kept the array for numpy
        opts = {"exclude": [3, 400], "parts": [700, 1500], "rules": ("anhoej", "ihi")}
        auto = build(kind, cd, **opts)  # type: ignore[arg-type]
        assert auto == build(kind, ChartData(values=values), use_numpy=False, **opts)  # type: ignore[arg-type]
    pd = ChartData.proportions(nums, dens)
    assert pd._arrays
    assert build("p", pd, freeze=100) == build("p", pd, freeze=100, use_numpy=False)


@given(
    st.lists(
        st.one_of(
            st.floats(-1e100, 1e100, allow_nan=False),
            st.floats(-1e-300, 1e-300, allow_nan=False),
            st.integers(-(2**53), 2**53).map(float),
        ),
        max_size=60,
    )
)
def test_exact_sum_is_fsum(values: list[float]) -> None:
    import numpy as np

    assert _fast.exact_sum(np.array(values, dtype=float)) == math.fsum(values)


def test_exact_sum_of_many_levels(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    values = [math.ldexp(1.0, e) for e in range(-1000, 300, 7)] + [1e-320, -3.5, 1e100]
    assert _fast.exact_sum(np.array(values)) == math.fsum(values)
    assert _fast.exact_sum(np.array([], dtype=float)) == 0.0
    monkeypatch.setattr(_fast, "_MAX_LEVELS", 1)  # the remainder goes to math.fsum
    assert _fast.exact_sum(np.array(values)) == math.fsum(values)


# -- IHI rules --------------------------------------------------------------------------------


def test_ihi_shift_needs_six_points_on_one_side() -> None:
    five = [1, 2, 1, 2, 9, 9, 9, 9, 9, 1, 2, 1]
    six = [1, 2, 1, 2, 9, 9, 9, 9, 9, 9, 1, 2, 1]
    assert not run_chart(five, rules=("ihi",)).parts[0].shift_signal
    chart = run_chart(six, rules=("ihi",))
    assert chart.parts[0].shift_signal
    assert chart.fired == ("ihi",)
    assert [s.rule for s in chart.signals] == ["shift"]


def test_ihi_trend_needs_five_points_and_skips_like_values() -> None:
    four = [5, 3, 4, 5, 6, 2, 4, 3]
    assert run_chart(four, rules=("ihi",)).parts[0].longest_trend == 4
    five_with_tie = [5, 3, 4, 4, 5, 6, 7, 2]  # 3 4 (4) 5 6 7: five points going up
    chart = run_chart(five_with_tie, rules=("ihi",))
    assert chart.parts[0].longest_trend == 5
    assert chart.parts[0].trend_signal
    assert Signal(rule_set="ihi", rule="trend", part=0) in chart.signals
    down = [9, 8, None, 7, 6, 5, 9]  # a missing value neither breaks nor extends
    assert run_chart(down, rules=("ihi",)).parts[0].longest_trend == 5


def test_ihi_turning_point_belongs_to_both_trends() -> None:
    assert run_chart([1, 2, 3, 2, 1], rules=("ihi",)).parts[0].longest_trend == 3


def test_rule_sets_are_reported_separately() -> None:
    values = [1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0] + [9.0] * 8
    anhoej = run_chart(values)
    assert anhoej.fired == ("anhoej",)
    assert anhoej.parts[0].longest_trend is None
    both = run_chart(values, rules=("ihi", "anhoej"))
    assert both.options.rules == ("anhoej", "ihi")
    assert both.fired == ("anhoej", "ihi")
    none = run_chart(values, rules=())
    assert not none.signal
    assert none.parts[0].longest_run == 8


def test_signals_name_the_rule_and_points_outside() -> None:
    chart = i_chart([5, 6, 5, 7, 6, 5, 6, 20, 5, 6, 5, 6])
    assert chart.fired == ("limits",)
    assert chart.signals == (Signal(rule_set="limits", rule="outside", part=0, positions=(7,)),)
    crossing = run_chart(list(range(1, 8)) + list(range(11, 20)))
    assert [s.rule for s in crossing.signals] == ["longest_run", "crossings"]


def test_ihi_trend_on_an_i_chart_but_never_on_an_mr_chart() -> None:
    values = [1, 2, 3, 4, 5, 6, 7, 8]
    assert i_chart(values, rules=("ihi",)).parts[0].trend_signal
    mr = mr_chart([1, 3, 6, 10, 15, 21, 28, 36, 45], rules=("anhoej", "ihi"))
    assert mr.parts[0].longest_trend == 8
    assert not mr.signal


# -- options ----------------------------------------------------------------------------------


def test_freeze_makes_the_first_points_the_baseline() -> None:
    values = [1, 2, 3, 4, 10, 11, 12, 13]
    chart = run_chart(values, freeze=4)
    assert chart.parts[0].centre == 2.5
    assert [p.baseline for p in chart.points()] == [True] * 4 + [False] * 4
    assert chart.options.freeze == 4


def test_parts_override_freeze_as_in_qicharts2() -> None:
    chart = i_chart([1, 2, 3, 4, 10, 11, 12, 13], freeze=2, parts=[4])
    assert [p.centre for p in chart.parts] == [2.5, 11.5]
    assert all(p.baseline for p in chart.points())
    assert [p.part for p in chart.points()] == [0] * 4 + [1] * 4
    assert [(p.start, p.stop) for p in chart.parts] == [(0, 4), (4, 8)]


def test_exclude_merges_argument_and_data() -> None:
    data = ChartData(values=[1, 2, 100, 3, 4, -50], excluded=(2,))
    chart = run_chart(data, exclude=[5, 2])
    assert chart.options.exclude == (2, 5)
    assert chart.parts[0].centre == 2.5
    assert chart.parts[0].n_obs == 4
    assert chart.point(2).excluded
    assert chart.point(-1).excluded


def test_i_chart_moving_ranges_bridge_excluded_but_not_missing_points() -> None:
    # derived from the rules, not qicharts2: ranges 1, 1 (bridging the excluded 50), 1
    bridged = i_chart([1, 2, 50, 3, 4], exclude=[2], screened=False)
    assert bridged.parts[0].centre == 2.5
    assert bridged.upper[0] == 2.5 + 3 * (1.0 / 1.128)
    # a missing point: the two ranges next to it are missing; ranges 1 and 1 remain
    missing = i_chart([1, 2, None, 3, 4], screened=False)
    assert missing.upper[0] == 2.5 + 3 * (1.0 / 1.128)
    assert missing.point(2).value is None
    assert not missing.point(2).outside


def test_excluded_points_are_judged_against_the_limits() -> None:
    chart = i_chart([10, 11, 10, 11, 10, 40, 11, 10], exclude=[5])
    assert chart.outside[5]
    assert chart.point(5).excluded


def test_screening_leaves_large_ranges_out_once() -> None:
    values = [10, 11, 10, 11, 10, 30, 10, 11, 10, 11]
    screened = i_chart(values)
    unscreened = i_chart(values, screened=False)
    assert screened.options.screened is True
    assert unscreened.options.screened is False
    upper_s = screened.upper[0]
    upper_u = unscreened.upper[0]
    assert upper_s is not None
    assert upper_u is not None
    assert upper_s < upper_u
    assert run_chart(values).options.screened is None


# -- degenerate input (derived from the rules, not qicharts2) ------------------------------------


def test_constant_series_run_chart() -> None:
    # derived from the rules, not qicharts2: every point on the median, no useful observation
    s = summary(run_chart([4, 4, 4, 4, 4]))
    assert (s.centre, s.n_obs, s.n_useful) == (4.0, 5, 0)
    assert (s.longest_run, s.longest_run_max, s.n_crossings, s.n_crossings_min) == (None,) * 4
    assert not s.runs_signal


def test_constant_series_i_chart_has_zero_width_limits() -> None:
    # derived from the rules, not qicharts2: all moving ranges are zero. Screened, qicharts2
    # leaves out every range (none is below 3.267 * 0) and draws no limits; the library keeps
    # them, so the limits equal the centre line, as without screening.
    for screened in (True, False):
        chart = i_chart([4, 4, 4, 4], screened=screened)
        assert set(chart.lower) == set(chart.upper) == {4.0}
        assert not any(chart.outside)
        assert not chart.signal


def test_constant_baseline_then_a_change_signals() -> None:
    # derived from the rules, not qicharts2: zero-width limits from a constant baseline
    chart = i_chart([5, 5, 5, 5, 6], freeze=4)
    assert chart.outside == (False,) * 4 + (True,)
    mr = mr_chart([5, 5, 5, 5, 6], freeze=4)
    assert mr.upper[0] == 0.0
    assert mr.outside[-1]


def test_one_point() -> None:
    # derived from the rules, not qicharts2: one point is its own median; no moving range
    s = summary(run_chart([3.0]))
    assert (s.centre, s.n_obs, s.n_useful, s.longest_run) == (3.0, 1, 0, None)
    i = i_chart([3.0])
    assert i.parts[0].centre == 3.0
    assert tuple(i.lower) == tuple(i.upper) == (None,)
    mr = mr_chart([3.0])
    assert tuple(mr.values) == (None,)
    assert mr.parts[0].centre is None
    assert (mr.lower[0], mr.upper[0]) == (0.0, None)


def test_two_points() -> None:
    # derived from the rules, not qicharts2: the median is their mean, both points useful
    s = summary(run_chart([1.0, 3.0]))
    assert (s.centre, s.n_useful, s.longest_run, s.n_crossings) == (2.0, 2, 1, 1)
    assert (s.longest_run_max, s.n_crossings_min, s.runs_signal) == (4, 0, False)
    i = i_chart([1.0, 3.0])
    assert i.upper[0] == 2.0 + 3 * (2.0 / 1.128)


def test_all_values_on_the_centre_line_of_an_i_chart() -> None:
    # derived from the rules, not qicharts2: 1 and 3 around a mean of 2, the rest on it
    s = summary(i_chart([2, 2, 1, 3, 2]))
    assert s.n_useful == 2
    s = summary(i_chart([2.0, 2.0, 2.0]))
    assert s.n_useful == 0
    assert not s.runs_signal


def test_all_values_missing() -> None:
    # derived from the rules, not qicharts2: no centre line, no limits, no signal
    for fn in (run_chart, i_chart, mr_chart):
        chart = fn([None, None, None])
        assert chart.parts[0].centre is None
        assert chart.parts[0].n_obs == 3
        assert not chart.signal
    p = p_chart([None, 1], [4, None])
    assert p.parts[0].centre is None
    assert tuple(p.upper) == (None, None)


def test_no_points() -> None:
    # derived from the rules, not qicharts2
    chart = run_chart([])
    assert len(chart) == 0
    assert chart.parts[0].n_obs == 0
    assert list(chart.points()) == []
    assert tuple(i_chart([]).lower) == ()


def test_p_chart_with_no_events_has_zero_limits() -> None:
    # derived from the rules, not qicharts2: p-bar = 0 gives limits 0; any event signals
    chart = p_chart([0, 0, 0, 0, 1], [10, 10, 10, 10, 10], freeze=4)
    assert set(chart.upper) == {0.0}
    assert chart.outside == (False,) * 4 + (True,)
    full = p_chart([10, 10], [10, 10])
    assert set(full.lower) == {1.0}


def test_p_chart_limits_vary_with_the_denominator() -> None:
    chart = p_chart([5, 6, 4, 5], [20, 20, 20, 40], parts=[2])
    assert chart.parts[0].centre == 11 / 40
    assert chart.numerators == (5, 6, 4, 5)
    assert chart.denominators == (20, 20, 20, 40)
    assert chart.upper[2] != chart.upper[3]


# -- input ------------------------------------------------------------------------------------


class Measure:
    """A stand-in for the lead's Series: anything with to_chart_data()."""

    def __init__(self, data: ChartData) -> None:
        self.data = data

    def to_chart_data(self) -> ChartData:
        return self.data


def test_protocol_objects_and_chart_data_are_accepted() -> None:
    data = ChartData(
        values=[1, 2, 3, 4],
        labels=["2024-01", "2024-02", "2024-03", "2024-04"],
        annotations=[(2, "Nytt skjema")],
        title="Andel",
    )
    measure = Measure(data)
    assert isinstance(measure, SupportsChartData)
    assert isinstance(data, SupportsChartData)
    chart = run_chart(measure)
    assert chart == run_chart(data)
    assert chart.labels == data.labels
    assert chart.annotations == ((2, "Nytt skjema"),)
    assert chart.title == "Andel"
    assert chart.point(1).label == "2024-02"
    props = ChartData.proportions([1, 2], [4, 4], title="P")
    assert p_chart(Measure(props)).title == "P"
    plain = ChartData.proportions([1, 2], [4, 4])
    assert p_chart(plain) == p_chart([1, 2], [4, 4]) != run_chart([0.25, 0.5])


def test_numpy_arrays_and_other_sequences_are_accepted() -> None:
    import numpy as np

    assert run_chart(np.array([1.0, 2.0, 3.0])) == run_chart([1.0, 2.0, 3.0])
    assert run_chart(range(5)) == run_chart([0, 1, 2, 3, 4])
    assert p_chart(np.array([1, 2]), np.array([3, 4])) == p_chart([1, 2], [3, 4])


def test_chart_data_repr_and_to_chart_data() -> None:
    data = ChartData.proportions([1, None], [2, 2], excluded=[0])
    assert repr(data) == "ChartData(2 proportions, excluded=[0])"
    assert data.to_chart_data() is data
    assert data.values == (0.5, None)
    assert repr(ChartData(values=[1.0])) == "ChartData(1 values, excluded=[])"


def test_long_input_is_checked_quickly_and_fully() -> None:
    n = 1000
    good: list[Any] = [float(i % 7) for i in range(n)]
    good[3] = None
    good[4] = 5  # an int is a number too
    assert ChartData(values=good)._arrays["values"].shape == (n,)
    bad = list(good)
    bad[10] = math.nan
    bad[11] = True
    bad[12] = 2 * MAX_ABS_VALUE
    bad[13] = 10**400
    with pytest.raises(ValidationError) as info:
        ChartData(values=bad)
    assert [p.python_path() for p in info.value.problems] == [
        "values[10]",
        "values[11]",
        "values[12]",
        "values[13]",
    ]
    huge: list[Any] = [1] * n
    huge[9] = 10**400  # too large for a float: the plain checks report it
    with pytest.raises(ValidationError, match=r"values\[9\]"):
        ChartData(values=huge)
    huge[9] = 2**64  # too large for numpy's integers
    with pytest.raises(ValidationError, match=r"numerators\[9\]"):
        ChartData.proportions(huge, [2**65] * n)
    nums: list[Any] = [1] * n
    dens: list[Any] = [2] * n
    nums[1] = None
    assert ChartData.proportions(nums, dens)._arrays
    for k, d, path in [
        (3, 2, "numerators[5]"),
        (1, 0, "denominators[5]"),
        (10**30, 2, "numerators[5]"),
        (1.0, 2, "numerators[5]"),
    ]:
        bad_nums, bad_dens = list(nums), list(dens)
        bad_nums[5], bad_dens[5] = k, d
        with pytest.raises(ValidationError) as info:
            ChartData.proportions(bad_nums, bad_dens)
        assert info.value.problems[0].python_path() == path


def test_prevalidated_columns_are_not_trusted_for_another_object() -> None:
    from laeringsnettverk.charts._input import _PREVALIDATED

    token = _PREVALIDATED.set(((1.0,), (1,), (2,)))
    try:
        with pytest.raises(ValidationError, match="values"):
            ChartData(values=(math.nan,))
    finally:
        _PREVALIDATED.reset(token)


BAD_DATA = [
    # values
    (lambda: ChartData(values=[1.0, math.nan]), r"values\[1\]: nan must be a finite number"),
    (lambda: ChartData(values=[math.inf]), r"values\[0\]: inf must be a finite number"),
    (lambda: ChartData(values=[True]), r"values\[0\]: True must be a number"),
    (lambda: ChartData(values=["1"]), r"values\[0\]: '1' must be a number"),
    (lambda: ChartData(values=[1e101]), r"values\[0\]: 1e\+101 must be <= 1e\+100"),
    # counts
    (
        lambda: ChartData(values=[0.5], numerators=[1]),
        "numerators: and denominators must be given together",
    ),
    (
        lambda: ChartData(values=[0.5], numerators=[1, 2], denominators=[2, 2]),
        r"numerators: has 2 entries; must have one per value \(1\)",
    ),
    (lambda: ChartData.proportions([1, 2], [2]), "denominators: must have one entry per numerator"),
    (lambda: ChartData.proportions([3], [2]), r"numerators\[0\]: 3 must be <= its denominator 2"),
    (lambda: ChartData.proportions([0], [0]), r"denominators\[0\]: 0 must be > 0"),
    (lambda: ChartData.proportions([-1], [2]), r"numerators\[0\]: -1 must be >= 0"),
    (lambda: ChartData.proportions([1.0], [2]), r"numerators\[0\]: 1.0 must be a whole number"),
    (
        lambda: ChartData.proportions([1], [MAX_COUNT + 1]),
        r"denominators\[0\]: .* must be <= 1e\+15",
    ),
    (
        lambda: ChartData(values=[0.5], numerators=[3], denominators=[2]),
        "must be <= its denominator",
    ),
    # positions, labels, annotations, title
    (
        lambda: ChartData(values=[1.0], excluded=[1]),
        r"excluded\[0\]: 1 is beyond the last point \(position 0\)",
    ),
    (lambda: ChartData(values=[], excluded=[0]), r"excluded\[0\]: 0 has no point to refer to"),
    (
        lambda: ChartData(values=[1.0, 2.0], labels=["a"]),
        "labels: must be empty or have one label per value",
    ),
    (lambda: ChartData(values=[1.0], labels=[1]), r"labels\[0\]: 1 must be text"),
    (
        lambda: ChartData(values=[1.0], annotations=[(0,)]),
        r"annotations\[0\]: must be a \(position, text\) pair",
    ),
    (
        lambda: ChartData(values=[1.0], annotations=[(1, "x")]),
        r"annotations\[0\]\[0\]: 1 is beyond the last point \(position 0\)",
    ),
    (
        lambda: ChartData(values=[], annotations=[(0, "x")]),
        r"annotations\[0\]\[0\]: 0 has no point to refer to",
    ),
    (
        lambda: ChartData(values=[1.0], annotations=[(0, " ")]),
        r"annotations\[0\]\[1\]: must not be empty",
    ),
    (lambda: ChartData(values=[1.0], title=3), "title: 3 must be text"),
]


@pytest.mark.parametrize(("make", "message"), BAD_DATA)
def test_bad_chart_data_is_refused(make: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        make()


def test_free_text_is_not_echoed() -> None:
    with pytest.raises(ValidationError) as info:
        ChartData(values=[1.0], annotations=[(5, "Ola Nordmann fikk ny plan")])
    assert "Ola" not in str(info.value)


BAD_CALLS = [
    # not a sequence
    (lambda: run_chart(3), "values: 'int' must be a sequence of numbers"),  # type: ignore[arg-type]
    (lambda: run_chart("123"), "values: 'str' must be a sequence"),
    # freeze
    (lambda: run_chart([1, 2], freeze=0), "freeze: 0 must be >= 1"),
    (lambda: run_chart([1, 2], freeze=3), r"freeze: 3 is more than the number of points \(2\)"),
    (lambda: run_chart([1, 2], freeze=True), "freeze: True must be a whole number"),
    (lambda: run_chart([], freeze=1), "freeze: 1 needs at least one point"),
    # exclude
    (
        lambda: run_chart([1, 2], exclude=[2]),
        r"exclude\[0\]: 2 is beyond the last point \(position 1\)",
    ),
    (lambda: run_chart([1, 2], exclude=[-1]), r"exclude\[0\]: -1 must be >= 0"),
    (
        lambda: run_chart([1, 2], exclude=1),
        "exclude: 'int' must be a sequence of 0-based positions",
    ),  # type: ignore[arg-type]
    (lambda: run_chart([], exclude=[0]), r"exclude\[0\]: 0 has no point to refer to"),
    # parts
    (
        lambda: run_chart([1, 2, 3], parts=[3]),
        r"parts\[0\]: 3 must be less than the number of points \(3\)",
    ),
    (lambda: run_chart([1, 2, 3], parts=[0]), r"parts\[0\]: 0 must be >= 1"),
    (
        lambda: run_chart([1, 2, 3, 4], parts=[2, 2]),
        r"parts\[1\]: 2 must be greater than the part before it",
    ),
    (lambda: run_chart([1, 2, 3, 4], parts=[3, 1]), r"parts\[1\]: 1 must be greater"),
    (lambda: run_chart([1], parts=[1]), r"parts\[0\]: 1 needs at least two points"),
    (lambda: run_chart([1, 2], parts="1"), "parts: 'str' must be a sequence of point counts"),  # type: ignore[arg-type]
    # rules
    (
        lambda: run_chart([1, 2], rules=("western_electric",)),
        r"rules\[0\]: 'western_electric' is not a known rule set",
    ),  # type: ignore[arg-type]
    (lambda: run_chart([1, 2], rules="ihi"), "rules: 'ihi' must be a sequence of rule-set names"),  # type: ignore[arg-type]
    # screened
    (lambda: i_chart([1, 2], screened=1), "screened: 1 must be true or false"),  # type: ignore[arg-type]
    # P-chart arguments
    (lambda: p_chart([1, 2]), "denominators: are required with plain numerators"),
    (lambda: p_chart(ChartData(values=[1.0])), "numerators: the chart data has no numerators"),
    (
        lambda: p_chart(ChartData.proportions([1], [2]), [2]),
        "denominators: must not be given with ChartData",
    ),
    (lambda: p_chart(5, [1]), "numerators: 'int' must be a sequence of whole numbers"),  # type: ignore[arg-type]
    (lambda: p_chart([1], "2"), "denominators: 'str' must be a sequence"),  # type: ignore[arg-type]
    # a protocol object that returns something else
    (lambda: run_chart(Measure("x")), "values: 'str' to_chart_data\\(\\) must return ChartData"),  # type: ignore[arg-type]
    # positions
    (lambda: run_chart([1, 2]).point(2), "position: 2 must be within 0..1"),
]


@pytest.mark.parametrize(("call", "message"), BAD_CALLS)
def test_bad_calls_are_refused(call: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        call()


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        run_chart([1, 2, 3], freeze=9, exclude=[7], parts=[5], rules=["x"])
    paths = [p.python_path() for p in info.value.problems]
    assert paths == ["freeze", "exclude[0]", "parts[0]", "rules[0]"]


# -- results ----------------------------------------------------------------------------------


def test_results_are_frozen_with_short_reprs() -> None:
    chart = i_chart([float(i % 5) for i in range(5000)], parts=[1000, 2000, 3000])
    text = repr(chart)
    assert len(text) < 200
    assert text.startswith("ControlChart(kind='i', n=5000, parts=4, centre=[2, 2, 2, ...]")
    assert repr(chart.parts[0]).startswith("PartSummary(index=0, points=0..999, centre=2")
    assert repr(chart.lower).startswith("Column([")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        chart.kind = "run"  # type: ignore[misc]
    point = chart.point(0)
    assert isinstance(point, ChartPoint)
    assert point.part == 0
    assert point.label is None


def test_columns_behave_like_tuples() -> None:
    import numpy as np

    col: Column[float | None] = Column(np.array([1.0, np.nan, 3.0]))
    assert len(col) == 3
    assert col[1] is None
    assert col[0:2] == (1.0, None)
    assert col == (1.0, None, 3.0)
    assert col == Column((1.0, None, 3.0))
    assert col != [1.0, None, 3.0]
    assert hash(col) == hash((1.0, None, 3.0))
    assert list(reversed(col)) == [3.0, None, 1.0]
    assert Column(pieces([(2, 0.5), (1, None)])) == (0.5, 0.5, None)
    assert len(Column(pieces([(2, 0.5), (1, None)]))) == 3
    assert len(pieces([(2, 0.5)])) == 2
    assert Column([1, 2]) == (1, 2)
    assert Column(np.array([True, False])) == (True, False)
    assert repr(Column((1.0,))) == "Column([1.0], n=1)"


def test_chart_results_compare_and_hash_by_value() -> None:
    a = i_chart([1, 2, 3, 4, 2])
    b = i_chart([1, 2, 3, 4, 2])
    assert a == b
    assert hash(a) == hash(b)
    assert a != i_chart([1, 2, 3, 4, 3])


@given(series(min_size=1, max_size=20))
def test_points_gather_the_columns(values: list[float | None]) -> None:
    chart = i_chart(values)
    points = list(chart.points())
    assert [p.value for p in points] == list(chart.values)
    assert [p.upper for p in points] == list(chart.upper)
    assert [p.centre for p in points] == list(chart.centre)
    assert [p.position for p in points] == list(range(len(values)))
    r = run_chart(values)
    assert all(p.lower is None and not p.outside for p in r.points())
    assume(len(values) > 1)
    assert chart.point(-1) == points[-1]


# -- serialization and imports ----------------------------------------------------------------


def test_json_round_trip_of_data_and_results() -> None:
    from laeringsnettverk.serialization import from_dict, to_dict

    data = ChartData.proportions(
        [5, 6, None, 5],
        [20, 20, 20, 40],
        excluded=[1],
        labels=["a", "b", "c", "d"],
        annotations=[(2, "Ny rutine")],
        title="Andel",
    )
    assert from_dict(to_dict(data), ChartData) == data
    for chart in (
        run_chart(data, rules=("anhoej", "ihi")),
        i_chart([5, 6, 5, 7, 6, 5, 6, 20], parts=[4], freeze=2),
        mr_chart([1, 3, None, 6]),
        p_chart(data),
    ):
        assert from_dict(to_dict(chart), type(chart)) == chart


def test_importing_charts_loads_neither_numpy_nor_matplotlib() -> None:
    import subprocess
    import sys

    code = (
        "import sys, laeringsnettverk.charts as c; c.run_chart([1, 2, 3]);"
        "print(any(m in sys.modules for m in ('numpy', 'matplotlib')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
