"""The checklist frame from JSON Lines: the fast route against the object route.

Run: ``.venv/bin/python benchmarks/bench_checklists_frame.py [--checklists 100000]
[--rounds 3]`` (``--quick``: 10,000 checklists, one round). Not part of the test suite
(``tests/test_checklists_columnar.py`` checks that the routes give the same frame).

Rows, each in microseconds per checklist (the best of the rounds; every round times every
row, interleaved):

- ``object route``: ``checklists_frame`` with every line loaded by ``load_jsonl`` and read
  from the model (what ``checklists_frame`` does without the ``fast`` extra);
- ``fast route``: ``checklists_frame(path)`` as shipped with the ``fast`` extra: msgspec's
  typed decode, the remaining checks per line, the columns, the pandas frame;
- ``msgspec decode alone``: decoding every line into the same typed structs and nothing
  else: the floor of any route through msgspec on this shape.

The checklists are the library's ten proposed items (``DEFAULT_CHECKLIST_ITEMS``), each
with a status (one in five left out: not done), items 1 and 9 with a date, a mean and the
conversation they carry, one item in ten with a note (half of them holding a colon), a
date, an identifier, a team, a form and the item set: about 1.3 kB a line. The frames of
both routes are checked equal before the figures are printed.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import platform
import random
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

STATUSES = ["gjennomfoert", "ikke_aktuelt", "ikke_gjennomfoert"]
NOTES = ["Avtalt til neste møte", "Neste møte: uke 12", "Venter på svar", "Kl. 10:00 hos NAV"]


def checklist_document(rng: random.Random, i: int) -> dict[str, Any]:
    """One distinct checklist (see the module's docstring for its shape)."""
    from laeringsnettverk.toolkit import DEFAULT_CHECKLIST_ITEMS

    day = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randint(0, 3000))
    items: list[dict[str, Any]] = []
    for default in DEFAULT_CHECKLIST_ITEMS:
        item: dict[str, Any] = {"text": default.text}
        if rng.random() < 0.8:
            item["status"] = rng.choice(STATUSES)
        if rng.random() < 0.1:
            item["note"] = rng.choice(NOTES)
        if default.carries_mean_of is not None:
            item["date"] = (day - datetime.timedelta(days=rng.randint(0, 200))).isoformat()
            item["value"] = rng.randint(10, 100) / 10
            item["carries_mean_of"] = default.carries_mean_of
        items.append(item)
    return {
        "kind": "checklist",
        "schema_version": 1,
        "items": items,
        "date": day.isoformat(),
        "identifier": f"sjekkliste-{i}",
        "team": f"team-{i % 40}",
        "form": f"skjema-{i}",
        "item_set": "laeringsnettverk-forslag",
        "item_set_version": "1",
    }


def write_file(n: int, folder: Path) -> Path:
    """The checklists as JSON Lines, one compact document a line."""
    rng = random.Random(2026)
    path = folder / "checklists.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            doc = checklist_document(rng, i)
            out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")
    return path


# -- the rows ---------------------------------------------------------------------------------


def object_route(path: Path) -> Callable[[], Any]:
    """``checklists_frame(path)`` with every line through the object route."""
    from laeringsnettverk import _checklists_columnar
    from laeringsnettverk.frames import checklists_frame

    def run() -> Any:
        original = _checklists_columnar.fast_decoder
        _checklists_columnar.fast_decoder = lambda: None
        try:
            return checklists_frame(path)
        finally:
            _checklists_columnar.fast_decoder = original

    return run


def fast_route(path: Path) -> Callable[[], Any]:
    """``checklists_frame(path)`` as shipped (the fast route with the ``fast`` extra)."""
    from laeringsnettverk.frames import checklists_frame

    return lambda: checklists_frame(path)


def decode_alone(path: Path) -> Callable[[], int]:
    """Every line decoded into the fast route's typed structs, nothing else."""
    from laeringsnettverk._checklists_msgspec import decode

    def run() -> int:
        count = 0
        with path.open("rb") as handle:
            for line in handle:
                decode(line)
                count += 1
        return count

    return run


# -- the run --------------------------------------------------------------------------------


def timed(fn: Callable[[], Any]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (every thread of the process) of one call."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> None:
    """Time every row in interleaved rounds, check the frames agree, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checklists", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="10,000 checklists, one round")
    args = parser.parse_args(argv)
    if args.quick:
        args.checklists, args.rounds = 10_000, 1
    n = args.checklists
    warnings.simplefilter("error")

    import msgspec
    import pandas
    import pyarrow

    from laeringsnettverk import _checklists_columnar

    if _checklists_columnar.fast_decoder() is None:
        sys.exit("the fast route is off (is msgspec installed?): nothing to compare")
    with tempfile.TemporaryDirectory() as tmp:
        path = write_file(n, Path(tmp))
        size = path.stat().st_size
        rows: dict[str, Callable[[], Any]] = {
            "object route": object_route(path),
            "fast route": fast_route(path),
            "msgspec decode alone": decode_alone(path),
        }
        pandas.testing.assert_frame_equal(rows["fast route"](), rows["object route"]())
        times: dict[str, list[float]] = {k: [] for k in rows}
        cpus: dict[str, list[float]] = {k: [] for k in rows}
        for _ in range(args.rounds):
            for name, fn in rows.items():
                wall, cpu = timed(fn)
                times[name].append(wall)
                cpus[name].append(cpu)

    per = {k: min(v) / n * 1e6 for k, v in times.items()}
    per_cpu = {k: min(v) / n * 1e6 for k, v in cpus.items()}
    print(f"# checklists_frame from JSON Lines: {n:,} checklists ({size / n:.0f} bytes a line)")
    print(
        f"python {platform.python_version()}, pandas {pandas.__version__}, "
        f"pyarrow {pyarrow.__version__}, msgspec {msgspec.__version__}, "
        f"{platform.machine()}, best of {args.rounds} rounds"
    )
    print()
    print("| route | µs per checklist (wall) | µs per checklist (CPU) | seconds (wall) |")
    print("|---|---:|---:|---:|")
    for name in rows:
        print(f"| {name} | {per[name]:.2f} | {per_cpu[name]:.2f} | {min(times[name]):.2f} |")
    print()
    ratio = per["object route"] / per["fast route"]
    ratio_cpu = per_cpu["object route"] / per_cpu["fast route"]
    print(f"fast route: {ratio:.1f}× the object route's speed (wall), {ratio_cpu:.1f}× (CPU)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
