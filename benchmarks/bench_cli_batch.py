"""Command-line batches: time and peak memory of the CLI on large JSON Lines files.

Run: ``.venv/bin/python benchmarks/bench_cli_batch.py [--lines N]`` (default 200,000 lines,
a few minutes on 2 cores). Writes a batch of the example form (compact, one per line) with
3 bad lines, then runs each command as ``python -m laeringsnettverk`` in a fresh process and
prints its wall time and peak resident memory (``ru_maxrss`` of that process, read by a
small parent process that runs only it), for a small batch (1 % of the lines) and the full
one: flat memory shows as the same peak for both. Not part of the test suite;
``tests/test_cli_batch.py::test_a_200000_line_batch`` (``-m benchmark``) runs the same.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from laeringsnettverk.examples import example_text

FORM = json.dumps(json.loads(example_text("form")), ensure_ascii=False)
BAD = '{"kind": "form", "schema_version": 1}'

PROBE = """\
import json, resource, subprocess, sys, time
t = time.perf_counter()
with open(sys.argv[1], "wb") as out:
    done = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE)
print(json.dumps({
    "status": done.returncode,
    "seconds": time.perf_counter() - t,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "stderr": done.stderr.decode("utf-8", "replace"),
}))
"""


def bad_lines_of(lines: int) -> tuple[int, ...]:
    """Where the 3 bad lines go: near the start, the middle and the end."""
    return (min(17, lines), lines // 2 + 3, lines - 1)


def write_batch(path: Path, lines: int) -> tuple[int, ...]:
    """Write ``lines`` compact example forms, 3 of them bad; return the bad lines' numbers."""
    bad_at = bad_lines_of(lines)
    good, bad = (FORM + "\n").encode(), (BAD + "\n").encode()
    with path.open("wb") as fh:
        for number in range(1, lines + 1):
            fh.write(bad if number in bad_at else good)
    return bad_at


def measure(argv: list[str], stdout: Path) -> dict[str, Any]:
    """Run ``python -m laeringsnettverk ARGV`` (stdout to a file): status, seconds, peak RSS."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(stdout), sys.executable, "-m", "laeringsnettverk", *argv],
        capture_output=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def commands(batch: Path, network: Path) -> dict[str, list[str]]:
    """The commands measured, by name."""
    return {
        "validate": ["validate", str(batch)],
        "score --json": ["score", "--json", str(batch)],
        "score (text)": ["score", str(batch)],
        "convert": ["convert", str(batch)],
        "status --forms": ["status", str(network), "--forms", str(batch)],
    }


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=200_000)
    lines = parser.parse_args().lines
    print(f"# CLI batches, {datetime.date.today()}, {platform.machine()} {platform.system()}, "
          f"{os.cpu_count()} cores, CPython {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        network = root / "network.json"
        network.write_text(example_text("network"), encoding="utf-8")
        rows = []
        for n in (max(lines // 100, 10), lines):
            batch = root / f"forms-{n}.jsonl"
            write_batch(batch, n)
            size = batch.stat().st_size / 1e6
            for name, argv in commands(batch, network).items():
                result = measure(argv, root / "out")
                rate = n / result["seconds"]
                rows.append((name, n, size, result))
                print(f"{name:<15} {n:>8} lines {size:7.1f} MB  exit {result['status']}  "
                      f"{result['seconds']:7.1f} s  {rate:8.0f} lines/s  "
                      f"peak RSS {result['peak_rss_mb']:6.1f} MB")  # fmt: skip
    print(json.dumps([
        {"command": name, "lines": n, "mb": round(size, 1), "status": r["status"],
         "seconds": round(r["seconds"], 2), "peak_rss_mb": round(r["peak_rss_mb"], 1)}
        for name, n, size, r in rows
    ]))  # fmt: skip


if __name__ == "__main__":
    main()
