"""The per-form frame from JSON Lines: the fast route against the object path and the engines.

Run: ``.venv/bin/python benchmarks/bench_frames.py [--forms 1000000] [--rounds 3]``
(``--quick``: 20,000 forms, one round). Not part of the test suite
(``tests/test_frames_columnar.py`` checks that the routes give the same frame).

Rows, each in microseconds per form (the best of the rounds; every round times every row):

- ``object path``: ``forms_frame`` with every line loaded by ``load_jsonl`` and scored by
  the models (what ``forms_frame`` does without the ``fast`` extra); timed on a sample
  (``--object-sample``, default 50,000 forms) since it is the slow one;
- ``fast route``: ``forms_frame(path)`` as shipped with the ``fast`` extra: msgspec's typed
  decode, the remaining checks and the numbers per line, the columns, the pandas frame;
- ``msgspec decode alone``: decoding every line into the same typed structs and nothing
  else: the floor of any route through msgspec on this shape;
- ``anchor: pyarrow``: ``pyarrow.json.read_json`` with an explicit schema plus Arrow
  compute (``pyarrow.compute``, ``Table.group_by``) of the same numbers (conversations,
  dates, means, benefit, pairs, improved, important), ending in an Arrow table. **Not the
  same bytes**: pyarrow cannot read the real shape (see below), so the anchor's file holds
  the same forms with each conversation's scores as a list in activity order (``null``
  where unscored) instead of an object keyed by activity name. Its numbers are checked
  equal to the fast route's.

Why no bare pyarrow read of the real shape: a conversation's ``scores`` is an object keyed
by activity name, which is free text. pyarrow's JSON reader cannot read it as a map (the
explicit schema ``map<string, int64>`` is refused: the error is printed below) and, left
to infer, makes one struct field per distinct name in a block (the count is printed):
a column per name, not a read of the data.

Memory: the fast route on all the forms under ``tracemalloc`` (Python's allocations:
the peak while reading, and what is still allocated with the frame alive, per form) and
the frame's own size (``memory_usage(deep=True)``); and the resident set of a fresh
process (``_rss.py``) over its size after the imports, per form: ``forms_frame(path)`` on
all the forms, and the object path on its sample (its peak while reading, and what it holds
with the frame alive).

``benchmarks/run.py`` runs this benchmark too (``--frames``), with its targets in the same
table and JSON.
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
import tracemalloc
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ACTIVITIES = [
    "Sove godt", "Handle mat", "Gå tur", "Treffe venner", "Lage middag", "Komme på jobb",
    "Ta bussen", "Betale regninger", "Rydde", "Ringe familien", "Trene", "Lese",
]  # fmt: skip


def form_document(rng: random.Random, i: int) -> dict[str, Any]:
    """One distinct form, of the shape of ``benchmarks/run.py``.

    1-10 activities, one or two conversations (at the 2nd, about one activity in ten is left
    unscored, so some forms are partly paired), a team and an identifier.
    """
    names = rng.sample(ACTIVITIES, rng.randint(1, 10))
    names = [f"{n} {i % 97}" if k == 0 else n for k, n in enumerate(names)]
    first = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randint(0, 3000))
    convs = [{"date": first.isoformat(), "scores": {n: rng.randint(1, 10) for n in names}}]
    if rng.random() < 0.7:
        second = first + datetime.timedelta(days=rng.randint(30, 200))
        scored = [n for n in names if rng.random() < 0.9]
        convs.append(
            {"date": second.isoformat(), "scores": {n: rng.randint(1, 10) for n in scored}}
        )
    return {
        "kind": "form",
        "schema_version": 1,
        "activities": [{"name": n} for n in names],
        "conversations": convs,
        "identifier": f"skjema-{i}",
        "team": f"team-{i % 40}",
    }


def as_lists(doc: dict[str, Any]) -> dict[str, Any]:
    """The anchor's layout: each conversation's scores as a list in activity order."""
    names = [a["name"] for a in doc["activities"]]
    convs = [
        {"date": c["date"], "scores": [c["scores"].get(n) for n in names]}
        for c in doc["conversations"]
    ]
    return {**doc, "conversations": convs}


def write_files(n: int, folder: Path) -> tuple[Path, Path]:
    """The forms as JSON Lines in the real shape, and in the anchor's layout."""
    rng = random.Random(2026)
    real, lists = folder / "forms.jsonl", folder / "forms-lists.jsonl"
    with real.open("w", encoding="utf-8") as a, lists.open("w", encoding="utf-8") as b:
        for i in range(n):
            doc = form_document(rng, i)
            a.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")
            b.write(json.dumps(as_lists(doc), ensure_ascii=False, separators=(",", ":")) + "\n")
    return real, lists


# -- the rows ---------------------------------------------------------------------------------


def object_path(path: Path, sample: int) -> Callable[[], int]:
    """``forms_frame`` on the first ``sample`` lines, every line through the object route."""
    from laeringsnettverk import _frames_columnar
    from laeringsnettverk.frames import forms_frame

    with path.open("rb") as handle:
        lines = [next(handle) for _ in range(sample)]

    def run() -> int:
        original = _frames_columnar.fast_decoder
        _frames_columnar.fast_decoder = lambda: None
        try:
            return len(forms_frame(lines))
        finally:
            _frames_columnar.fast_decoder = original

    return run


def fast_route(path: Path) -> Callable[[], int]:
    """``forms_frame(path)`` as shipped (the fast route with the ``fast`` extra)."""
    from laeringsnettverk.frames import forms_frame

    return lambda: len(forms_frame(path))


def decode_alone(path: Path) -> Callable[[], int]:
    """Every line decoded into the fast route's typed structs, nothing else."""
    from laeringsnettverk._frames_msgspec import decode

    def run() -> int:
        count = 0
        with path.open("rb") as handle:
            for line in handle:
                decode(line)
                count += 1
        return count

    return run


def anchor(path: Path) -> Callable[[], Any]:
    """The anchor: pyarrow's JSON reader (explicit schema), Arrow compute of the numbers."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.json as paj

    schema = pa.schema(
        [
            ("kind", pa.string()),
            ("schema_version", pa.int64()),
            ("activities", pa.list_(pa.struct([("name", pa.string())]))),
            (
                "conversations",
                pa.list_(pa.struct([("date", pa.string()), ("scores", pa.list_(pa.int64()))])),
            ),
            ("identifier", pa.string()),
            ("team", pa.string()),
        ]
    )

    def run() -> Any:
        table = paj.read_json(path, parse_options=paj.ParseOptions(explicit_schema=schema))
        return anchor_compute(pa, pc, table)

    return run


def anchor_compute(pa: Any, pc: Any, table: Any) -> Any:
    """The per-form numbers in Arrow compute: the same columns as ``forms_frame``."""
    import numpy as np

    convs = table.column("conversations").combine_chunks()
    n = len(convs)
    number = pc.list_value_length(convs)
    starts = pa.array(convs.offsets.to_numpy()[:-1])
    flat = pc.list_flatten(convs)
    dates = flat.field("date").cast(pa.date32())
    scores = flat.field("scores")
    # per conversation: the sum and the count of its scores
    values = pc.list_flatten(scores)
    parent = pc.list_parent_indices(scores)
    per_conv = (
        pa.table({"c": parent, "v": values}).group_by("c").aggregate([("v", "sum"), ("v", "count")])
    )
    sums = np.zeros(len(flat), dtype=np.int64)
    counts = np.zeros(len(flat), dtype=np.int64)
    idx = per_conv.column("c").to_numpy()
    sums[idx] = per_conv.column("v_sum").fill_null(0).to_numpy()
    counts[idx] = per_conv.column("v_count").to_numpy()
    means = pc.divide(pa.array(sums, pa.float64()), pa.array(counts, pa.float64()))
    means = pc.if_else(pc.greater(pa.array(counts), 0), means, None)
    has_1 = pc.greater(number, 0)
    has_2 = pc.greater(number, 1)
    first = pc.if_else(has_1, starts, None)
    second = pc.if_else(has_2, pc.add(starts, 1), None)
    # the benefit: the 1st and 2nd conversations' lists, paired by position
    two = pc.indices_nonzero(has_2)
    s1 = pc.take(scores, pc.take(first, two))
    s2 = pc.take(scores, pc.take(second, two))
    diff = pc.subtract(pc.list_flatten(s2), pc.list_flatten(s1))
    per_form = (
        pa.table({"f": pc.list_parent_indices(s1), "d": diff})
        .group_by("f")
        .aggregate([("d", "sum"), ("d", "count")])
    )
    d_sum = np.zeros(len(two), dtype=np.int64)
    d_count = np.zeros(len(two), dtype=np.int64)
    f = per_form.column("f").to_numpy()
    d_sum[f] = per_form.column("d_sum").fill_null(0).to_numpy()
    d_count[f] = per_form.column("d_count").to_numpy()
    value = pc.divide(pa.array(d_sum, pa.float64()), pa.array(d_count, pa.float64()))
    value = pc.if_else(pc.greater(pa.array(d_count), 0), value, None)
    benefit = np.full(n, np.nan)
    benefit[two.to_numpy()] = value.to_numpy(zero_copy_only=False)
    benefit_arr = pa.array(benefit, from_pandas=True)
    paired = np.full(n, -1, dtype=np.int64)
    paired[two.to_numpy()] = d_count
    return pa.table(
        {
            "form": table.column("identifier"),
            "team": table.column("team").dictionary_encode(),
            "conversations": number,
            "date_1": pc.take(dates, first),
            "date_2": pc.take(dates, second),
            "mean_1": pc.take(means, first),
            "mean_2": pc.take(means, second),
            "benefit": benefit_arr,
            "paired": pc.if_else(has_2, pa.array(paired), None),
            "improved": pc.greater(benefit_arr, 0),
            "important": pc.greater_equal(benefit_arr, 2.0),
        }
    )


# -- pyarrow on the real shape --------------------------------------------------------------


def pyarrow_on_the_real_shape(path: Path, n: int) -> dict[str, str]:
    """What pyarrow does with the real shape: the map schema refused; the inferred struct."""
    import pyarrow as pa
    import pyarrow.json as paj

    out: dict[str, str] = {}
    schema = pa.schema(
        [
            (
                "conversations",
                pa.list_(pa.struct([("scores", pa.map_(pa.string(), pa.int64()))])),
            )
        ]
    )
    options = paj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="ignore")
    try:
        paj.read_json(path, parse_options=options)
        out["map"] = "read"  # pragma: no cover - not in pyarrow 14 to 23
    except (pa.ArrowNotImplementedError, pa.ArrowInvalid) as exc:
        out["map"] = str(exc).splitlines()[0]
    sample = path.parent / "sample.jsonl"
    with path.open("rb") as src, sample.open("wb") as dst:
        for _ in range(min(n, 20000)):
            dst.write(next(src))
    try:
        inferred = paj.read_json(sample)
        scores = inferred.schema.field("conversations").type.value_type.field("scores").type
        out["inferred"] = f"struct of {scores.num_fields} fields for {min(n, 20000):,} forms"
    except pa.ArrowInvalid as exc:
        out["inferred"] = f"refused: {str(exc).splitlines()[0]}"
    return out


# -- the run --------------------------------------------------------------------------------


def timed(fn: Callable[[], Any]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (every thread of the process) of one call."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def memory(path: Path, n: int) -> dict[str, float]:
    """The fast route under tracemalloc: peak, and what stays allocated with the frame."""
    from laeringsnettverk.frames import forms_frame

    gc.collect()
    tracemalloc.start()
    frame = forms_frame(path)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = float(frame.memory_usage(deep=True).sum())
    return {
        "peak_mb": peak / 1e6,
        "retained_bytes_per_form": current / n,
        "frame_bytes_per_form": size / n,
    }


BUFFER_BYTES = 5 * 8  # conversations, the two means, benefit, paired: 8 bytes each


def targets(
    per: dict[str, float], per_cpu: dict[str, float]
) -> list[tuple[str, float, float, str]]:
    """The issue's targets: each ratio in wall and CPU time, met or not (on wall time)."""
    engine = "anchor: pyarrow read + Arrow compute"
    fast = "fast route"
    rows: list[tuple[str, float, float, bool | None]] = []
    ratio = per[fast] / per[engine], per_cpu[fast] / per_cpu[engine]
    rows.append(("fast route within 1.25× of the anchor", *ratio, ratio[0] <= 1.25))
    ratio = per["object path"] / per[fast], per_cpu["object path"] / per_cpu[fast]
    rows.append(("at least 10× faster per form than the object path", *ratio, ratio[0] >= 10))
    decode = "msgspec decode alone"
    ratio = per[fast] / per[decode], per_cpu[fast] / per_cpu[decode]
    rows.append(("fast route over msgspec decode alone (no target)", *ratio, None))
    return [(a, b, c, "" if d is None else "yes" if d else "no") for a, b, c, d in rows]


def head(path: Path, count: int, name: str) -> Path:
    """A file of the first ``count`` lines of ``path``, beside it."""
    out = path.parent / name
    with path.open("rb") as src, out.open("wb") as dst:
        for _ in range(count):
            dst.write(next(src))
    return out


def rss(real: Path, n: int, sample: int) -> dict[str, float]:
    """Resident set per form, each route in a fresh child process (see ``_rss.py``).

    The fast route is ``forms_frame`` of the ``n`` forms; the object path the same with the
    fast decoder switched off, on the file of its first ``sample`` forms. Each figure is over
    the child's resident set after its imports and a warm-up ``forms_frame`` of one line:
    its peak while reading, and what it holds with the frame alive. The fast route runs on
    a tenth of the forms too: the growth of its peak per form added between the two is what
    a form costs, without the fixed costs (the libraries' pools, the first chunk).
    """
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _rss import child_memory

    def setup(path: Path, objects: bool) -> str:
        switch = "_frames_columnar.fast_decoder = lambda: None\n" if objects else ""
        return (
            "import pandas, pyarrow, msgspec\n"
            "from laeringsnettverk import _frames_columnar\n"
            "from laeringsnettverk.frames import forms_frame\n"
            f"{switch}"
            f"with open({str(path)!r}, 'rb') as _h:\n"
            "    forms_frame([_h.readline()])\n"
            f"def run():\n    return forms_frame({str(path)!r})\n"
        )

    tenth = max(n // 10, 1)
    fast = child_memory(setup(real, objects=False))
    small = child_memory(setup(head(real, tenth, "tenth.jsonl"), objects=False))
    slow = child_memory(setup(head(real, sample, "object-sample.jsonl"), objects=True))
    growth = (fast["peak_over_start"] - small["peak_over_start"]) / max(n - tenth, 1)
    return {
        "fast_peak_growth_bytes_per_form": growth,
        "fast_growth_from": tenth,
        "fast_peak_bytes_per_form": fast["peak_over_start"] / n,
        "fast_held_bytes_per_form": fast["held_over_start"] / n,
        "fast_peak_mb": fast["peak_over_start"] / 1e6,
        "object_peak_bytes_per_form": slow["peak_over_start"] / sample,
        "object_held_bytes_per_form": slow["held_over_start"] / sample,
        "peak_reset": bool(fast["peak_reset"] and small["peak_reset"] and slow["peak_reset"]),
    }


def missing() -> list[str]:
    """The modules this benchmark needs that are not installed."""
    import importlib.util

    return [m for m in ("msgspec", "pandas", "pyarrow") if importlib.util.find_spec(m) is None]


def measure(n: int, sample: int, rounds: int) -> dict[str, Any]:
    """Time every row in interleaved rounds, check the anchor's numbers, measure memory.

    Returns a JSON-ready dict: the versions, each row's forms, µs per form (wall and CPU,
    best of ``rounds``) and seconds, the targets with their ratios, tracemalloc and
    resident-set memory, and what pyarrow does with the real shape.
    """
    import msgspec
    import pandas
    import pyarrow

    sample = min(sample, n)
    with tempfile.TemporaryDirectory() as tmp:
        real, lists = write_files(n, Path(tmp))
        size = real.stat().st_size
        rows: dict[str, tuple[Callable[[], Any], int]] = {
            "object path": (object_path(real, sample), sample),
            "fast route": (fast_route(real), n),
            "msgspec decode alone": (decode_alone(real), n),
            "anchor: pyarrow read + Arrow compute": (anchor(lists), n),
        }
        times: dict[str, list[float]] = {k: [] for k in rows}
        cpus: dict[str, list[float]] = {k: [] for k in rows}
        for _ in range(rounds):
            for name, (fn, _count) in rows.items():
                wall, cpu = timed(fn)
                times[name].append(wall)
                cpus[name].append(cpu)
        # the anchor computes the same numbers as the fast route
        from laeringsnettverk.frames import forms_frame

        frame = forms_frame(real)
        table = rows["anchor: pyarrow read + Arrow compute"][0]()
        for column in ("conversations", "mean_1", "mean_2", "benefit", "paired", "important"):
            ours = frame[column].astype("float64").fillna(-99).tolist()
            theirs = table.column(column).to_pandas().astype("float64").fillna(-99).tolist()
            assert ours == theirs, column
        del frame, table
        shape = pyarrow_on_the_real_shape(real, n)
        mem = memory(real, n)
        resident = rss(real, n, sample)

    per = {k: min(v) / rows[k][1] * 1e6 for k, v in times.items()}
    per_cpu = {k: min(v) / rows[k][1] * 1e6 for k, v in cpus.items()}
    return {
        "n": n,
        "object_sample": sample,
        "rounds": rounds,
        "bytes_per_line": size / n,
        "versions": {
            "python": platform.python_version(),
            "pandas": pandas.__version__,
            "pyarrow": pyarrow.__version__,
            "msgspec": msgspec.__version__,
            "machine": platform.machine(),
        },
        "rows": {
            name: {
                "forms": count,
                "us_per_form_wall": per[name],
                "us_per_form_cpu": per_cpu[name],
                "seconds_wall": min(times[name]),
            }
            for name, (_, count) in rows.items()
        },
        "targets": [
            {"target": label, "wall": wall, "cpu": cpu, "met": {"yes": True, "no": False}.get(met)}
            for label, wall, cpu, met in targets(per, per_cpu)
        ],
        "memory": mem,
        "rss": resident,
        "buffer_bytes_per_form": BUFFER_BYTES,
        "pyarrow_on_the_real_shape": shape,
    }


def report(result: dict[str, Any]) -> str:
    """The results as Markdown: the routes, the targets, memory, pyarrow on the real shape."""
    n, v, mem, res = result["n"], result["versions"], result["memory"], result["rss"]
    out = [
        f"# forms_frame from JSON Lines: {n:,} forms ({result['bytes_per_line']:.0f} bytes a line)",
        f"python {v['python']}, pandas {v['pandas']}, pyarrow {v['pyarrow']}, "
        f"msgspec {v['msgspec']}, {v['machine']}, best of {result['rounds']} rounds",
        "",
        "| route | forms | µs per form (wall) | µs per form (CPU) | seconds (wall) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, row in result["rows"].items():
        out.append(
            f"| {name} | {row['forms']:,} | {row['us_per_form_wall']:.2f} "
            f"| {row['us_per_form_cpu']:.2f} | {row['seconds_wall']:.2f} |"
        )
    out += ["", "| target | wall | CPU | met (wall) |", "|---|---:|---:|---|"]
    for t in result["targets"]:
        met = {True: "yes", False: "no"}.get(t["met"], "")
        out.append(f"| {t['target']} | {t['wall']:.2f}× | {t['cpu']:.2f}× | {met} |")
    out += [
        "",
        f"Memory (fast route, tracemalloc): peak {mem['peak_mb']:.1f} MB while reading "
        f"{n:,} forms; {mem['retained_bytes_per_form']:.1f} bytes per form still allocated "
        "with the frame alive (the typed buffers of the frame's number columns are "
        f"{result['buffer_bytes_per_form']} bytes per form: no Python object per form is "
        f"kept); the frame itself {mem['frame_bytes_per_form']:.1f} bytes per form (its Arrow "
        "buffers, of strings and dates, are outside tracemalloc's count).",
        "",
        f"Memory (resident set of a fresh process, over its size after the imports): the fast "
        f"route's peak {res['fast_peak_bytes_per_form']:.1f} bytes per form "
        f"({res['fast_peak_mb']:.1f} MB for {n:,} forms), "
        f"{res['fast_held_bytes_per_form']:.1f} held with the frame alive, its peak growing by "
        f"{res['fast_peak_growth_bytes_per_form']:.1f} bytes per form added from "
        f"{res['fast_growth_from']:,} to {n:,} forms; the object path's "
        f"peak {res['object_peak_bytes_per_form']:.1f} bytes per form, "
        f"{res['object_held_bytes_per_form']:.1f} held, on its {result['object_sample']:,} "
        "forms."
        + ("" if res["peak_reset"] else " (The peak could not be reset after the imports.)"),
        "",
        f"pyarrow on the real shape: map schema: {result['pyarrow_on_the_real_shape']['map']}; "
        f"inferred: {result['pyarrow_on_the_real_shape']['inferred']}",
    ]
    return "\n".join(out)


def main() -> None:
    """Time every row in interleaved rounds, check the anchor's numbers, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=1_000_000)
    parser.add_argument("--object-sample", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="20,000 forms, one round")
    args = parser.parse_args()
    if args.quick:
        args.forms, args.object_sample, args.rounds = 20_000, 5_000, 1
    warnings.simplefilter("error")
    print(report(measure(args.forms, args.object_sample, args.rounds)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
