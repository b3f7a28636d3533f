"""The benchmark command: every speed and memory figure the docs quote, with its anchor.

    python benchmarks/run.py             # 10k, 100k and 1M forms, 5 interleaved rounds
    python benchmarks/run.py --quick     # 2,000 forms, 3 rounds: a one-minute smoke run
    python benchmarks/run.py --frames 0  # without the per-form frame (bench_frames.py)
    python benchmarks/run.py --sizes 10000 --rounds 7 --out results.json
    python benchmarks/run.py --write-docs results.json   # regenerate the docs' table

Method. Each row times the library and its anchor (``json.loads`` / ``json.dumps`` of the
same bytes or the same data as plain dicts, or a plain loop over dicts) back to back in the
same round, over the same documents, and takes the ratio in that round; rounds are
interleaved (every row once per round) and the table shows medians over rounds. The
library's rows run on the pure-Python path (the reference, the issue's targets); the
decode and encode rows are timed once more in the same round with the accelerator (the
``fast`` extra, msgspec) when it is installed, the "with fast" column. Peers
(pydantic v2 and msgspec models of the same shape and rules) are timed in the same rounds
when installed (the ``bench`` extra). The documents are distinct forms of the library's
real shape (1-10 activities, one or two conversations, a team and an identifier), made
from a fixed seed; the fidelity and KOR rows use a tenth as many checklists and KOR
ratings (2-6 sessions, ORS at each, SRS at most), made from seeds of their own. Times are
the benchmark process's CPU time (``time.process_time``), so other work on a shared
machine counts less than in wall time. Cold start is measured as
whole processes (their CPU time too); memory with tracemalloc.

Memory of streaming and of a batch, at every size: the forms are written to a file, and each
figure comes from a fresh child process (``_rss.py``): its resident set (``VmRSS``,
``VmHWM`` from /proc, the peak reset after the child's imports and one line loaded) over its
resident set at that point, on the pure-Python path. The stream row iterates the library's
streaming reader (the first of ``STREAM_READERS`` the library has, else ``load_jsonl`` of
one line at a time as the command line reads) over the file, keeping nothing: its peak
should not grow with the size (also its tracemalloc peak, up to ``TRACE_MAX`` forms). The
batch rows hold ``load_jsonl`` of the file and of its bytes (read before the measure
starts) against the same objects loaded line by line into a list, bytes per form. The
flatness and batch thresholds (``FLAT_BYTES_PER_FORM``, ``BATCH_OVER_OBJECTS``) are this
benchmark's choices.

The per-form frame (``--frames N``; by default the largest size, 20,000 under ``--quick``, 0
to skip it; skipped with a message without pandas, pyarrow or msgspec) runs
``bench_frames.py``'s rows, targets (1.25× the pyarrow anchor, 10× the object path) and
memory, tracemalloc and resident set, in the same results; its times are wall and CPU
seconds, best of the rounds, as in that script.

The machine, the versions and the method are printed with the figures and stored in the
JSON. Not part of the test suite (``tests/test_benchmarks.py`` only checks that a small
``--quick`` run writes every row, and that ``--write-docs`` renders them).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import importlib.util
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import laeringsnettverk as ln
from laeringsnettverk.serialization import _accel, from_document, load_jsonl
from laeringsnettverk.toolkit import CollaborationChecklist, ItemStatus

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "explanation" / "performance.md"
START, END = "<!-- benchmark table: start -->", "<!-- benchmark table: end -->"
ENCODE_SAMPLE = 100_000  # encode and scoring rows use at most this many objects per size
TRACE_MAX = 100_000  # the stream's tracemalloc peak is measured up to this many forms
# the benchmark's choices, not the issue's: a stream is flat when its peak grows by less than
# this many bytes per form added between the smallest and the largest size run ...
FLAT_BYTES_PER_FORM = 10.0
# ... and a batch holds "no more than its objects" within this ratio of resident sets
# (a margin for the resident set's noise: the allocator's arenas and pages)
BATCH_OVER_OBJECTS = 1.05
STREAM_READERS = ("iter_jsonl", "stream_jsonl")  # the library's streaming reader, if any
FRAMES_OBJECT_SAMPLE = 50_000  # the frame's object path is timed on at most this many forms

TARGETS: dict[str, tuple[str, float]] = {
    # row -> (what the ratio is to, the target from the performance issue)
    "decode": ("json.loads", 2.0),
    "load_jsonl": ("json.loads per line", 2.0),
    "encode": ("json.dumps of the same dicts", 1.2),
    "benefit": ("a plain loop over dicts", 2.0),
    "means": ("a plain loop over dicts", 2.0),
    "fidelity": ("a plain loop over dicts", 2.0),
    "kor_change": ("a plain loop over dicts", 2.0),
}

ACTIVITIES = [
    "Sove godt", "Handle mat", "Gå tur", "Treffe venner", "Lage middag", "Komme på jobb",
    "Ta bussen", "Betale regninger", "Rydde", "Ringe familien", "Trene", "Lese",
]  # fmt: skip


# -- documents ----------------------------------------------------------------------------------


def form_document(rng: random.Random, i: int) -> dict[str, Any]:
    """One distinct form as a JSON document (the library's shape)."""
    names = rng.sample(ACTIVITIES, rng.randint(1, 10))
    names = [f"{n} {i % 97}" if k == 0 else n for k, n in enumerate(names)]
    first = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randint(0, 3000))
    convs = [{"date": first.isoformat(), "scores": {n: rng.randint(1, 10) for n in names}}]
    if rng.random() < 0.7:
        second = first + datetime.timedelta(days=rng.randint(30, 200))
        convs.append({"date": second.isoformat(), "scores": {n: rng.randint(1, 10) for n in names}})
    return {
        "kind": "form",
        "schema_version": 1,
        "activities": [{"name": n} for n in names],
        "conversations": convs,
        "identifier": f"skjema-{i}",
        "team": f"team-{i % 40}",
    }


def lines(n: int, seed: int = 2026) -> list[bytes]:
    """``n`` compact JSON Lines of distinct forms."""
    rng = random.Random(seed)
    return [
        json.dumps(form_document(rng, i), ensure_ascii=False, separators=(",", ":")).encode()
        for i in range(n)
    ]


# -- peers (optional) -----------------------------------------------------------------------------


def _importable() -> None:
    """Make this folder's modules (``_peers``, ``_rss``, ``bench_frames``) importable."""
    here = str(ROOT / "benchmarks")
    if here not in sys.path:
        sys.path.insert(0, here)


def peers() -> dict[str, Any]:
    """Peer decoders/encoders of the same shape and rules, if installed."""
    out: dict[str, Any] = {}
    _importable()
    try:
        from _peers import msgspec_form, pydantic_form

        out["pydantic"] = pydantic_form
        out["msgspec"] = msgspec_form
    except ImportError:
        pass
    return out


# -- timing ---------------------------------------------------------------------------------------


def seconds(fn: Callable[[], object]) -> float:
    """CPU seconds of this process for one call of ``fn``, the garbage collector paused.

    CPU time, not wall time: on a machine shared with other work, the time other processes
    hold the cores is not counted (their effect on caches still is).
    """
    gc.collect()
    gc.disable()
    try:
        t0 = time.process_time()
        fn()
        return time.process_time() - t0
    finally:
        gc.enable()


def plain_benefit(doc: dict[str, Any]) -> float | None:
    """The anchor: perceived benefit from the dicts, as a plain loop."""
    convs = doc["conversations"]
    if len(convs) < 2:
        return None
    a, b = convs[0]["scores"], convs[1]["scores"]
    diffs = [
        b[n["name"]] - a[n["name"]] for n in doc["activities"] if n["name"] in a and n["name"] in b
    ]
    return sum(diffs) / len(diffs) if diffs else None


def plain_means(doc: dict[str, Any]) -> list[float | None]:
    """The anchor: each conversation's mean from the dicts."""
    out: list[float | None] = []
    for conv in doc["conversations"]:
        values = list(conv["scores"].values())
        out.append(sum(values) / len(values) if values else None)
    return out


def checklist_documents(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` default checklists with random statuses, as JSON documents."""
    rng = random.Random(seed)
    base = json.loads(ln.dumps(CollaborationChecklist.default()))
    codes = [s.code for s in ItemStatus]
    out = []
    for _ in range(n):
        doc = json.loads(json.dumps(base))
        for item in doc["items"]:
            item["status"] = rng.choice(codes)
        out.append(doc)
    return out


def plain_fidelity(doc: dict[str, Any]) -> float:
    """The anchor: points over items from the dicts."""
    items = doc["items"]
    return sum(
        1 for i in items if i.get("status", "ikke_gjennomfoert") != "ikke_gjennomfoert"
    ) / len(items)


ORS_ITEMS = ("individually", "interpersonally", "socially", "overall")
SRS_ITEMS = ("relationship", "goals_and_topics", "approach", "overall")


def kor_documents(n: int, seed: int = 11) -> list[dict[str, Any]]:
    """``n`` distinct KOR documents: 2-6 sessions with ORS, most with SRS, one decimal."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randint(0, 3000))
        sessions: list[dict[str, Any]] = []
        for _ in range(rng.randint(2, 6)):
            day += datetime.timedelta(days=rng.randint(7, 28))
            session: dict[str, Any] = {
                "date": day.isoformat(),
                "ors": {k: rng.randint(0, 100) / 10 for k in ORS_ITEMS},
            }
            if rng.random() < 0.8:
                session["srs"] = {k: rng.randint(0, 100) / 10 for k in SRS_ITEMS}
            sessions.append(session)
        out.append(
            {"kind": "kor", "schema_version": 1, "sessions": sessions, "identifier": f"kor-{i}"}
        )
    return out


def plain_kor_change(doc: dict[str, Any]) -> tuple[float, bool, bool]:
    """The anchor: the ORS change from the first session to the last, from the dicts.

    Totals added as tenths (ratings have one decimal), the reliable change (5 points) and
    the clinical cutoff (25), as the library's ``OrsChange`` states them.
    """
    sessions = doc["sessions"]
    before = sum(round(v * 10) for v in sessions[0]["ors"].values()) / 10
    after = sum(round(v * 10) for v in sessions[-1]["ors"].values()) / 10
    change = round((after - before) * 10) / 10
    reliable = abs(change) >= 5.0
    return change, reliable, reliable and change > 0 and before < 25.0 <= after


def kor_change(ratings: Any) -> tuple[float, bool, bool]:
    """The library's row: ``ratings.ors_change()`` and what it tells."""
    change = ratings.ors_change()
    return change.change, change.reliable, change.clinically_significant


def scoring_rows(
    objects: list[Any], dicts: list[dict[str, Any]], n: int
) -> dict[str, tuple[Callable[[], object], Callable[[], object]]]:
    """The scoring rows' work, anchor and library: the forms', and ``n`` checklists' and KORs'."""
    checklists_raw = checklist_documents(n)
    checklists = [from_document(d) for d in checklists_raw]
    kor_raw = kor_documents(n)
    kors = [from_document(d) for d in kor_raw]
    return {
        "benefit": (
            lambda: [plain_benefit(d) for d in dicts],
            lambda: [_benefit(o) for o in objects],
        ),
        "means": (lambda: [plain_means(d) for d in dicts], lambda: [o.means() for o in objects]),
        "fidelity": (
            lambda: [plain_fidelity(d) for d in checklists_raw],
            lambda: [c.fidelity() for c in checklists],
        ),
        "kor_change": (
            lambda: [plain_kor_change(d) for d in kor_raw],
            lambda: [kor_change(k) for k in kors],
        ),
    }


def measure_size(n: int, rounds: int, peer: dict[str, Any]) -> dict[str, Any]:
    """Every row for one size: per round, the library's time and its anchor's, interleaved."""
    raw = lines(n)
    blob = b"\n".join(raw) + b"\n"
    sample = raw[: min(n, ENCODE_SAMPLE)]
    objects: list[Any] = [ln.loads(r) for r in sample]
    warm_scoring(objects)
    dicts = [json.loads(r) for r in sample]
    scoring = scoring_rows(objects, dicts, min(n, ENCODE_SAMPLE) // 10 or 1)
    rows: dict[str, dict[str, list[float]]] = {}

    def add(row: str, key: str, value: float) -> None:
        rows.setdefault(row, {}).setdefault(key, []).append(value)

    loads, jloads, dumps, jdumps = ln.loads, json.loads, ln.dumps, json.dumps
    accelerated = _accel.use("on") is not None
    _accel.use("off")  # the pure path, except where a row says otherwise
    for _ in range(rounds):
        add("decode", "anchor", seconds(lambda: [jloads(r) for r in raw]))
        add("decode", "library", seconds(lambda: [loads(r) for r in raw]))
        if accelerated:
            _accel.use("on")
            add("decode", "accelerated", seconds(lambda: [loads(r) for r in raw]))
            _accel.use("off")
        for name, p in peer.items():
            add("decode", name, seconds(_peer_decode(p, raw)))
        add("load_jsonl", "anchor", seconds(lambda: [jloads(r) for r in raw]))
        add("load_jsonl", "library", seconds(lambda: load_jsonl(blob)))
        add("encode", "anchor", seconds(lambda: [jdumps(d, ensure_ascii=False) for d in dicts]))
        add("encode", "library", seconds(lambda: [dumps(o, indent=None) for o in objects]))
        if accelerated:
            _accel.use("on")
            add("encode", "accelerated", seconds(lambda: [dumps(o, indent=None) for o in objects]))
            _accel.use("off")
        for name, p in peer.items():
            models = [p.decode(r) for r in sample]
            add("encode", name, seconds(_peer_encode(p, models)))
        for row, (anchor, library) in scoring.items():
            add(row, "anchor", seconds(anchor))
            add(row, "library", seconds(library))
    out: dict[str, Any] = {"n": n, "encode_sample": len(sample), "rows": {}}
    for row, times in rows.items():
        ratios = [lib / anc for lib, anc in zip(times["library"], times["anchor"], strict=True)]
        entry: dict[str, Any] = {
            "library_s": statistics.median(times["library"]),
            "anchor_s": statistics.median(times["anchor"]),
            "ratio": statistics.median(ratios),
            "anchor": TARGETS[row][0],
            "target": TARGETS[row][1],
        }
        entry["met"] = entry["ratio"] <= entry["target"]
        for name in ("accelerated", *peer):
            if name in times:
                entry[f"{name}_ratio"] = statistics.median(
                    [t / anc for t, anc in zip(times[name], times["anchor"], strict=True)]
                )
        out["rows"][row] = entry
    _accel.use("off")
    out["memory"] = memory(sample)
    _accel.use("auto")
    out["stream_memory"] = stream_memory(n, blob)
    return out


def _peer_decode(p: Any, raw: list[bytes]) -> Callable[[], object]:
    """A peer's decode of every line, as one timed function."""
    return lambda: [p.decode(r) for r in raw]


def _peer_encode(p: Any, models: list[Any]) -> Callable[[], object]:
    """A peer's encode of every model, as one timed function."""
    return lambda: [p.encode(x) for x in models]


def warm_scoring(objects: list[Any]) -> None:
    """Use the scoring rows' code once, so that no timed round or counted pass pays for it.

    The benefit's module is imported on first use: up to the first form whose benefit
    exists (two conversations), and its means.
    """
    next((o for o in objects if _benefit(o) is not None), objects[0]).means()


def _benefit(form: Any) -> float | None:
    if len(form.conversations) < 2:
        return None
    return ln.toolkit.form_benefit(form).value


def memory(sample: list[bytes]) -> dict[str, float]:
    """Bytes per form held: loaded objects against the same data as dicts (tracemalloc)."""

    def held(build: Callable[[], object]) -> float:
        gc.collect()
        tracemalloc.start()
        kept = build()
        size, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept
        return size / len(sample)

    return {
        "objects_bytes_per_form": held(lambda: [ln.loads(r) for r in sample]),
        "dicts_bytes_per_form": held(lambda: [json.loads(r) for r in sample]),
        "load_jsonl_bytes_per_form": held(lambda: load_jsonl(b"\n".join(sample))),
    }


def streaming_reader() -> tuple[str, str]:
    """The library's streaming reader of JSON Lines: its label, and child code for ``read``.

    The first of ``STREAM_READERS`` that ``laeringsnettverk.serialization`` has, called on
    the file opened in binary mode; else each line loaded on its own by ``load_jsonl``, as
    the command line reads a file (the label says which).
    """
    from laeringsnettverk import serialization

    for name in STREAM_READERS:
        if hasattr(serialization, name):
            return name, f"from laeringsnettverk.serialization import {name} as read\n"
    return (
        "load_jsonl of each line (no iter_jsonl)",
        "def read(handle):\n    for raw in handle:\n        yield load_jsonl([raw])\n",
    )


# each child: the library imported, one line loaded (the quick path's loaders made), then
# measured from there on, on the pure-Python path as the other memory rows
_CHILD_SETUP = """
import collections
import laeringsnettverk as ln
from laeringsnettverk.serialization import load_jsonl, loads
PATH = {path!r}
with open(PATH, "rb") as _h:
    _first = _h.readline()
loads(_first)
load_jsonl([_first])
"""
_CHILD_RUNS = {
    "stream": "{reader}collections.deque(read([_first]), maxlen=0)\n"
    "def run():\n"
    "    with open(PATH, 'rb') as handle:\n"
    "        collections.deque(read(handle), maxlen=0)\n",
    "batch_file": "def run():\n"
    "    with open(PATH, 'rb') as handle:\n"
    "        return load_jsonl(handle)\n",
    "batch_bytes": "with open(PATH, 'rb') as _h:\n    DATA = _h.read()\n"
    "def run():\n    return load_jsonl(DATA)\n",
    "objects": "def run():\n"
    "    with open(PATH, 'rb') as handle:\n"
    "        return [loads(line) for line in handle]\n",
}


def stream_memory(n: int, blob: bytes) -> dict[str, Any]:
    """Memory of reading ``n`` forms of JSON Lines (``blob``), each way in a fresh process.

    Resident set (``_rss.py``) over the child's own after its imports and one line loaded:
    the streaming reader's peak while iterating every line and keeping nothing (and its
    tracemalloc peak, up to ``TRACE_MAX`` forms); what a ``load_jsonl`` batch holds, read
    from the file and from its bytes (the bytes are the child's before it starts), against
    the same objects loaded line by line with ``loads`` into a list, per form.
    """
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "forms.jsonl"
        path.write_bytes(blob)
        return _stream_memory(n, path)


def _stream_memory(n: int, path: Path) -> dict[str, Any]:
    _importable()
    from _rss import child_memory

    label, reader = streaming_reader()
    env = {"LAERINGSNETTVERK_ACCELERATOR": "off"}
    setup = _CHILD_SETUP.format(path=str(path))
    runs = {k: setup + v.replace("{reader}", reader) for k, v in _CHILD_RUNS.items()}
    stream = child_memory(runs["stream"], env=env)
    out: dict[str, Any] = {
        "reader": label,
        "child_start_bytes": stream["start"],
        "stream_peak_bytes": stream["peak_over_start"],
        "peak_reset": stream["peak_reset"],
    }
    if n <= TRACE_MAX:
        out["stream_traced_peak_bytes"] = child_memory(runs["stream"], trace=True, env=env)[
            "traced_peak"
        ]
    kept = ("batch_file", "batch_bytes", "objects")
    out["held_measured_by"] = "resident set"
    for key in kept:
        held = child_memory(runs[key], env=env)
        out[f"{key}_held_bytes_per_form"] = held["held_over_start"] / n
        out["peak_reset"] = out["peak_reset"] and held["peak_reset"]
    if n <= TRACE_MAX and min(out[f"{key}_held_bytes_per_form"] for key in kept) <= 0:
        # a few forms can fit in memory the process had already freed: the resident set
        # does not grow, so all three are measured by tracemalloc instead (the same way)
        out["held_measured_by"] = "tracemalloc"
        for key in kept:
            traced = child_memory(runs[key], trace=True, env=env)["traced_held"]
            out[f"{key}_held_bytes_per_form"] = traced / n
    worst = max(out["batch_file_held_bytes_per_form"], out["batch_bytes_held_bytes_per_form"])
    out["batch_over_objects"] = worst / out["objects_held_bytes_per_form"]
    out["batch_target"] = BATCH_OVER_OBJECTS
    out["batch_met"] = out["batch_over_objects"] <= BATCH_OVER_OBJECTS
    return out


def stream_flatness(sizes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """How the stream's peak grows per form added, smallest to largest size; None for one."""
    if len(sizes) < 2:
        return None
    small = min(sizes, key=lambda s: s["n"])
    large = max(sizes, key=lambda s: s["n"])
    growth = (
        large["stream_memory"]["stream_peak_bytes"] - small["stream_memory"]["stream_peak_bytes"]
    ) / (large["n"] - small["n"])
    return {
        "from": small["n"],
        "to": large["n"],
        "bytes_per_added_form": growth,
        "target": FLAT_BYTES_PER_FORM,
        "met": growth <= FLAT_BYTES_PER_FORM,
    }


def frames(n: int, rounds: int) -> dict[str, Any]:
    """``bench_frames.py``'s rows, targets and memory for ``n`` forms; why not, if skipped.

    The object path is timed on a quarter of the forms, at most ``FRAMES_OBJECT_SAMPLE``.
    """
    _importable()
    import bench_frames

    lacking = bench_frames.missing()
    if lacking:
        return {"skipped": f"not run: {', '.join(lacking)} not installed"}
    sample = min(FRAMES_OBJECT_SAMPLE, max(n // 4, 1))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result: dict[str, Any] = bench_frames.measure(n, sample, rounds)
    return result


def _children_cpu() -> float:
    """CPU seconds (user and system) of the finished child processes so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cold_programs() -> dict[str, str]:
    """The cold start's whole processes, by key: the bare interpreter first."""
    form = (ROOT / "src" / "laeringsnettverk" / "data" / "example_form.json").read_text("utf-8")
    programs = {
        "bare": "pass",
        "import": "import laeringsnettverk",
        "import_and_first_loads": f"import laeringsnettverk as ln; ln.loads({form!r})",
        "attrs": "import attrs",
    }
    if importlib.util.find_spec("pydantic") is not None:
        programs["pydantic"] = "import pydantic"
    return programs


def cold_env() -> dict[str, str]:
    """The environment of a cold start: byte-code caches written and used, as installed.

    Run each program once in it first: that run writes the caches.
    """
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cold_start(rounds: int) -> dict[str, float]:
    """CPU milliseconds over a bare interpreter, as whole processes (median of rounds).

    Each program runs once first, so byte-code caches exist as in an installed package.
    CPU time of the process (user and system), so other work on the machine counts less.
    ``import attrs`` alone is timed too (a runtime dependency that the first document
    needs: the floor of any first ``loads``, and a gauge of the machine's speed at
    imports), and ``import pydantic`` alone when it is installed (the issue's peer).
    """
    programs = cold_programs()
    times: dict[str, list[float]] = {k: [] for k in programs}
    env = cold_env()
    for code in programs.values():
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
    for _ in range(max(rounds, 5)):
        for key, code in programs.items():
            t0 = _children_cpu()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            times[key].append((_children_cpu() - t0) * 1000)
    bare = statistics.median(times["bare"])
    return {
        "bare_ms": bare,
        "import_over_bare_ms": statistics.median(times["import"]) - bare,
        "first_loads_over_bare_ms": statistics.median(times["import_and_first_loads"]) - bare,
        "target_ms": 100.0,
        **{
            f"{peer}_over_bare_ms": statistics.median(times[peer]) - bare
            for peer in ("attrs", "pydantic")
            if peer in times
        },
    }


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    try:
        load = os.getloadavg()
    except OSError:  # pragma: no cover - every Unix has it
        load = (float("nan"),) * 3
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": load,
        "laeringsnettverk": ln.__version__,
        "versions": _versions("attrs", "cattrs", "msgspec", "pydantic"),
        "date": datetime.date.today().isoformat(),
    }


def _versions(*names: str) -> dict[str, str]:
    """The installed versions of ``names`` (those installed)."""
    from importlib import metadata

    out = {}
    for name in names:
        with contextlib.suppress(metadata.PackageNotFoundError):
            out[name] = metadata.version(name)
    return out


# -- output ---------------------------------------------------------------------------------------


def table(results: dict[str, Any]) -> str:
    """The results as a Markdown table (the docs' table is this text)."""
    m = results["machine"]
    out = [
        f"Measured {m['date']} on {m['platform']}, {m['cpus']} CPUs, Python {m['python']}, "
        f"load average {m['load_average'][0]:.1f} at the start"
        + (f", {m['load_average_end'][0]:.1f} at the end" if "load_average_end" in m else "")
        + f"; {results['rounds']} interleaved "
        f"rounds, medians; ratios taken in the same round. {results['note']}",
        "",
        "| size | row | anchor | ratio | target | met | with `fast` | pydantic | msgspec |",
        "|---:|---|---|---:|---:|:---:|---:|---:|---:|",
    ]
    for size in results["sizes"]:
        for row, e in size["rows"].items():
            others = [
                f"{e[k]:.2f}×" if k in e else "-"
                for k in ("accelerated_ratio", "pydantic_ratio", "msgspec_ratio")
            ]
            out.append(
                f"| {size['n']:,} | {row} | {e['anchor']} | {e['ratio']:.2f}× | "
                f"≤ {e['target']:.1f}× | {'yes' if e['met'] else 'no'} | "
                f"{others[0]} | {others[1]} | {others[2]} |"
            )
    cold = results["cold_start"]
    out += [
        "",
        "| cold start (whole processes) | CPU ms over a bare interpreter | target |",
        "|---|---:|---:|",
        f"| `import laeringsnettverk` | {cold['import_over_bare_ms']:.0f} | |",
        f"| import + first `loads` of a form | {cold['first_loads_over_bare_ms']:.0f} "
        f"| ≤ {cold['target_ms']:.0f} |",
        *(
            f"| {label} | {cold[key]:.0f} | |"
            for key, label in (
                ("attrs_over_bare_ms", "`import attrs` alone (a runtime dependency)"),
                ("pydantic_over_bare_ms", "`import pydantic` alone (peer)"),
            )
            if key in cold
        ),
        "",
        "| memory (tracemalloc, bytes per form) | loaded objects | same data as dicts "
        "| `load_jsonl` batch |",
        "|---|---:|---:|---:|",
    ]
    shown: set[int] = set()
    for size in results["sizes"]:
        if size["encode_sample"] in shown:  # a larger size measures the same sample
            continue
        shown.add(size["encode_sample"])
        mem = size["memory"]
        out.append(
            f"| {size['encode_sample']:,} forms | {mem['objects_bytes_per_form']:,.0f} | "
            f"{mem['dicts_bytes_per_form']:,.0f} | {mem['load_jsonl_bytes_per_form']:,.0f} |"
        )
    out += _stream_table(results)
    out += _frames_table(results.get("frames"))
    return "\n".join(out)


def _mb(value: float) -> str:
    return f"{value / 1e6:,.2f} MB"


def _stream_table(results: dict[str, Any]) -> list[str]:
    """The stream's peak and the batch's held memory, per size (results with them only)."""
    sizes = [s for s in results["sizes"] if "stream_memory" in s]
    if not sizes:
        return []
    out = [
        "",
        "| streaming a file, keeping nothing | reader | the process after imports "
        "| peak while reading, over that | tracemalloc peak |",
        "|---|---|---:|---:|---:|",
    ]
    for size in sizes:
        mem = size["stream_memory"]
        traced = mem.get("stream_traced_peak_bytes")
        out.append(
            f"| {size['n']:,} forms | {mem['reader']} | {_mb(mem['child_start_bytes'])} | "
            f"{_mb(mem['stream_peak_bytes'])} | {'-' if traced is None else _mb(traced)} |"
        )
    flat = results.get("stream_flat")
    if flat:
        out.append(
            f"| the peak's growth per form added, {flat['from']:,} → {flat['to']:,} forms | | | "
            f"{flat['bytes_per_added_form']:,.1f} bytes | target ≤ "
            f"{flat['target']:.0f} bytes: {'met' if flat['met'] else 'not met'} |"
        )
    out += [
        "",
        "| a batch held (resident set, bytes per form) | `load_jsonl(file)` | "
        "`load_jsonl(bytes)` | the same objects loaded line by line | batch / objects | "
        "target | met |",
        "|---|---:|---:|---:|---:|---:|:---:|",
    ]
    for size in sizes:
        mem = size["stream_memory"]
        by = mem.get("held_measured_by", "resident set")
        label = f"{size['n']:,} forms" + ("" if by == "resident set" else f" ({by})")
        out.append(
            f"| {label} | {mem['batch_file_held_bytes_per_form']:,.0f} | "
            f"{mem['batch_bytes_held_bytes_per_form']:,.0f} | "
            f"{mem['objects_held_bytes_per_form']:,.0f} | {mem['batch_over_objects']:.2f}× | "
            f"≤ {mem['batch_target']:.2f}× | {'yes' if mem['batch_met'] else 'no'} |"
        )
    return out


def _frames_table(result: dict[str, Any] | None) -> list[str]:
    """The per-form frame's routes, targets and memory (``bench_frames.py``), if run."""
    if result is None:
        return []
    if "skipped" in result:
        return ["", f"Per-form frame from JSON Lines (`bench_frames.py`): {result['skipped']}."]
    n, mem, res = result["n"], result["memory"], result["rss"]
    shape = result["pyarrow_on_the_real_shape"]
    out = [
        "",
        f"| per-form frame from JSON Lines (`bench_frames.py`), {n:,} forms, "
        f"{result['bytes_per_line']:.0f} bytes a line, best of {result['rounds']} rounds "
        "| forms | µs per form (wall) | µs per form (CPU) |",
        "|---|---:|---:|---:|",
    ]
    for name, row in result["rows"].items():
        out.append(
            f"| {name} | {row['forms']:,} | {row['us_per_form_wall']:.2f} "
            f"| {row['us_per_form_cpu']:.2f} |"
        )
    out += ["", "| frame target | wall | CPU | met (wall) |", "|---|---:|---:|:---:|"]
    for t in result["targets"]:
        met = {True: "yes", False: "no"}.get(t["met"], "")
        out.append(f"| {t['target']} | {t['wall']:.2f}× | {t['cpu']:.2f}× | {met} |")
    out += [
        "",
        "| frame memory, bytes per form | peak resident set over the imports | "
        "resident with the frame alive | tracemalloc held |",
        "|---|---:|---:|---:|",
        f"| fast route, {n:,} forms ({res['fast_peak_mb']:,.1f} MB peak) "
        f"| {res['fast_peak_bytes_per_form']:,.1f} | "
        f"{res['fast_held_bytes_per_form']:,.1f} | {mem['retained_bytes_per_form']:,.1f} |",
        f"| object path, {result['object_sample']:,} forms | "
        f"{res['object_peak_bytes_per_form']:,.1f} | {res['object_held_bytes_per_form']:,.1f} "
        "| - |",
        f"| fast route: the peak's growth per form added, {res['fast_growth_from']:,} → "
        f"{n:,} forms | {res['fast_peak_growth_bytes_per_form']:,.1f} | | |",
        "",
        "The anchor reads the same forms with each conversation's scores as a list in "
        "activity order; pyarrow cannot read the real shape (map schema: "
        f"{shape['map']}; inferred: {shape['inferred']}).",
    ]
    return out


def write_docs(results: dict[str, Any]) -> None:
    """Replace the table between the markers in docs/explanation/performance.md."""
    text = DOCS.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    DOCS.write_text(f"{head}{START}\n{table(results)}\n{END}{tail}", encoding="utf-8")


def main(argv: Iterable[str] | None = None) -> int:
    """Run the benchmark (or regenerate the docs' table) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2,000 forms, 3 rounds")
    parser.add_argument("--sizes", type=int, nargs="+", help="numbers of forms")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 5, quick 3)")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--note", default="", help="a note printed with the figures")
    parser.add_argument(
        "--frames",
        type=int,
        metavar="N",
        help="forms for the per-form frame (bench_frames.py); 0 skips it "
        "(default: the largest size, quick 20,000)",
    )
    parser.add_argument(
        "--write-docs",
        type=Path,
        metavar="RESULTS",
        help="regenerate the docs' table from a results JSON, and stop",
    )
    args = parser.parse_args(None if argv is None else list(argv))
    if args.write_docs:
        write_docs(json.loads(args.write_docs.read_text(encoding="utf-8")))
        return 0
    sizes = args.sizes or ([2_000] if args.quick else [10_000, 100_000, 1_000_000])
    rounds = args.rounds or (3 if args.quick else 5)
    peer = peers()
    results = {
        "machine": machine(),
        "rounds": rounds,
        "peers": sorted(peer),
        "note": args.note
        + (
            f" Encode, scoring and the tracemalloc memory rows use at most {ENCODE_SAMPLE:,}"
            " objects per size."
        ),
        "sizes": [measure_size(n, rounds, peer) for n in sizes],
        "cold_start": cold_start(rounds),
    }
    results["stream_flat"] = stream_flatness(results["sizes"])
    n_frames = args.frames if args.frames is not None else 20_000 if args.quick else max(sizes)
    if n_frames > 0:
        results["frames"] = frames(n_frames, rounds)
    results["machine"]["load_average_end"] = os.getloadavg()
    print(table(results))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
