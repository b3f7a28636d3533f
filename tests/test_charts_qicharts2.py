"""Every case of the qicharts2 0.8.1 reference set, for every chart variant in it.

The JSON (tests/data/runcharts-qicharts2.json, a copy of the shared reference) holds the output
of R's ``qic(..., return.data = TRUE)``; its indices are 1-based and null stands for NA.
Positions are translated: ``freeze`` and ``part`` are the same numbers here, ``exclude`` is
qicharts2's minus 1. Floats are compared with a relative tolerance of 1e-9.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from laeringsnettverk.charts import ChartData, ControlChart, RunChart
from laeringsnettverk.charts._run import build

DATA = json.loads((Path(__file__).parent / "data" / "runcharts-qicharts2.json").read_text())
CASES = [
    pytest.param(case, variant, numpy, id=f"{case['id']}-{variant}-{'numpy' if numpy else 'pure'}")
    for case in DATA["cases"]
    for variant in case["expected"]
    for numpy in (False, True)
]


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def chart_for(case: dict[str, Any], variant: str, numpy: bool) -> RunChart | ControlChart:
    inp = case["input"]
    if inp["n"] is not None:
        # the JSON writes counts as 73.0: they are whole numbers
        data = ChartData.proportions([int(k) for k in inp["y"]], [int(d) for d in inp["n"]])
    else:
        data = ChartData(values=inp["y"])
    kind = {"i_unscreened": "i"}.get(variant, variant)
    return build(
        kind,  # type: ignore[arg-type]
        data,
        freeze=inp["freeze"],
        exclude=[k - 1 for k in inp["exclude"] or ()],
        parts=inp["part"] or (),
        screened=variant == "i",
        use_numpy=numpy,
    )


@pytest.mark.parametrize(("case", "variant", "numpy"), CASES)
def test_case_matches_qicharts2(case: dict[str, Any], variant: str, numpy: bool) -> None:
    assert case["degenerate"] is None  # the set has no degenerate case (see test_charts.py)
    expected = case["expected"][variant]
    chart = chart_for(case, variant, numpy)
    pts = expected["points"]
    n = len(pts["y"])
    assert len(chart) == n
    for i in range(n):
        point = chart.point(i)
        where = f"point {i}"
        assert close(point.value, pts["y"][i]), where
        assert close(point.centre, pts["cl"][i]), where
        assert close(point.lower, pts["lcl"][i]), where
        assert close(point.upper, pts["ucl"][i]), where
        assert close(point.lower_2sigma, pts["lcl_95"][i]), where
        assert close(point.upper_2sigma, pts["ucl_95"][i]), where
        assert point.outside is pts["sigma_signal"][i], where
        assert point.baseline is pts["baseline"][i], where
        assert point.excluded is (not pts["include"][i]), where
        assert point.part == pts["part"][i] - 1, where
    assert len(chart.parts) == len(expected["summary"])
    for got, want in zip(chart.parts, expected["summary"], strict=True):
        assert got.index == want["part"] - 1
        assert got.n_obs == want["n_obs"]
        assert got.n_useful == want["n_useful"]
        assert got.longest_run == want["longest_run"]
        assert got.longest_run_max == want["longest_run_max"]
        assert got.n_crossings == want["n_crossings"]
        assert got.n_crossings_min == want["n_crossings_min"]
        assert got.runs_signal is want["runs_signal"]
        assert close(got.centre, want["cl"])


def test_every_variant_of_every_case_is_checked() -> None:
    assert DATA["summary"]["cases"] == len(DATA["cases"]) == 36
    variants = {v for case in DATA["cases"] for v in case["expected"]}
    assert variants == {"run", "i", "i_unscreened", "mr", "p"}


@pytest.mark.parametrize("row", DATA["thresholds_by_n_useful"], ids=lambda r: str(r["n_useful"]))
def test_thresholds(row: dict[str, int]) -> None:
    from laeringsnettverk.charts._binom import crossings_min, longest_run_max

    assert longest_run_max(row["n_useful"]) == row["longest_run_max"]
    assert crossings_min(row["n_useful"]) == row["n_crossings_min"]
