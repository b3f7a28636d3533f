"""P charts of huge counts: numpy's shortcut sum and the exact sum agree with pure Python."""

from __future__ import annotations

from laeringsnettverk.charts import ChartData
from laeringsnettverk.charts._run import build


def test_huge_denominators_take_the_exact_sum_on_both_paths() -> None:
    n = 300  # long enough for the numpy path
    den = [10**15 - 7 * i for i in range(n)]  # a sum beyond 2**53: not exact in float order
    num = [d // 3 + (i % 5) for i, d in enumerate(den)]
    data = ChartData.proportions(num, den)
    fast = build("p", data, use_numpy=True)
    pure = build("p", data, use_numpy=False)
    assert fast == pure
    assert (
        fast.parts[0].centre == sum(num) / sum(den)
        or abs(
            fast.parts[0].centre - sum(num) / sum(den)  # type: ignore[operator]
        )
        < 1e-15
    )


def test_small_counts_take_numpys_sum_and_agree() -> None:
    den = [40 + i % 7 for i in range(1000)]
    num = [i % 30 for i in range(1000)]
    data = ChartData.proportions(num, den)
    assert build("p", data, use_numpy=True) == build("p", data, use_numpy=False)


def test_a_part_without_data_beside_a_part_with_limits_on_both_paths() -> None:
    # the empty part's columns are constants, the other part's are arrays: the column is
    # joined from both (deterministic, whatever Hypothesis draws elsewhere)
    values = [None] * 300 + [float(i % 7) for i in range(300)]
    data = ChartData(values=values)
    fast = build("i", data, use_numpy=True, parts=[300])
    pure = build("i", data, use_numpy=False, parts=[300])
    assert fast == pure
    assert fast.parts[0].centre is None and fast.parts[1].centre is not None
    assert not fast.point(0).outside and fast.point(0).upper is None
