"""Chart benchmark: run, I and P charts of the same 1,000,000 points.

Run: ``.venv/bin/python benchmarks/bench_charts.py [--points N] [--repeats R]``. Prints the
best of ``R`` wall-clock timings (``time.perf_counter``) of each chart, end to end from plain
Python lists (validation, centre, limits, run analysis, result objects), with the numpy back
end (chosen automatically for long series) and with the plain-Python back end, and the time
per point against qicharts2's ``qic()``.

The qicharts2 figure is a reference measured elsewhere (≈1.3 ms per point end to end, given in
the issue "Measurement over time"); R is not needed to run this file. Not part of the test
suite: ``tests/test_charts.py`` checks that both back ends give identical results.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from collections.abc import Callable
from typing import Any

from laeringsnettverk.charts import ChartData
from laeringsnettverk.charts._run import build

QICHARTS2_MS_PER_POINT = 1.3
"""qicharts2's qic() end to end, milliseconds per point (reference figure from the issue)."""


def best(fn: Callable[[], Any], repeats: int) -> float:
    """The shortest of ``repeats`` wall-clock timings of ``fn()``, in seconds."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    """Time the charts and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    n = args.points
    rng = random.Random(20261130)
    values: list[float | None] = [round(rng.gauss(50, 5), 2) for _ in range(n)]
    for i in range(0, n, 997):
        values[i] = None  # some missing values
    dens = [rng.randint(40, 160) for _ in range(n)]
    # about Binomial(d, 0.2): normal approximation, rounded and kept within 0..d
    nums: list[int | None] = [
        min(d, max(0, round(rng.gauss(0.2 * d, (0.16 * d) ** 0.5)))) for d in dens
    ]
    exclude = list(range(5, n, 10_007))
    parts = [n // 2]

    def chart(kind: str, use_numpy: bool) -> Callable[[], Any]:
        def run() -> Any:
            data = ChartData.proportions(nums, dens) if kind == "p" else ChartData(values=values)
            return build(
                kind,  # type: ignore[arg-type]
                data,
                exclude=exclude,
                parts=parts,
                screened=True if kind == "i" else None,
                use_numpy=use_numpy,
            )

        return run

    print(
        f"{n:,} points, best of {args.repeats}; Python {sys.version.split()[0]}, "
        f"{platform.machine()}, {platform.processor() or platform.platform()}"
    )
    print(f"{'chart':<8}{'numpy s':>10}{'pure s':>10}{'µs/point':>10}{'vs qic()':>10}")
    totals = {True: 0.0, False: 0.0}
    for kind in ("run", "i", "p"):
        row = {}
        for use_numpy in (True, False):
            row[use_numpy] = best(chart(kind, use_numpy), args.repeats)
            totals[use_numpy] += row[use_numpy]
        per_point = row[True] / n * 1e6
        ratio = QICHARTS2_MS_PER_POINT * 1e3 / per_point
        print(f"{kind:<8}{row[True]:>10.3f}{row[False]:>10.3f}{per_point:>10.3f}{ratio:>9.0f}x")
    ratio = QICHARTS2_MS_PER_POINT * 1e3 * 3 / (totals[True] / n * 1e6)
    print(f"{'total':<8}{totals[True]:>10.3f}{totals[False]:>10.3f}{'':>10}{ratio:>9.0f}x")


if __name__ == "__main__":
    main()
