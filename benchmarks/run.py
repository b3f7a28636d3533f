"""The benchmark command: every speed and memory figure the docs quote, with its anchor.

    python benchmarks/run.py             # 10k, 100k and 1M forms, 5 interleaved rounds
    python benchmarks/run.py --quick     # 2,000 forms, 3 rounds: a one-minute smoke run
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
from a fixed seed. Times are the benchmark process's CPU time (``time.process_time``), so
other work on a shared machine counts less than in wall time. Cold start is measured as
whole processes (their CPU time too); memory with tracemalloc.
The machine, the versions and the method are printed with the figures and stored in the
JSON. Not part of the test suite (``tests/test_benchmarks.py`` only checks that
``--quick`` runs).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
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

TARGETS: dict[str, tuple[str, float]] = {
    # row -> (what the ratio is to, the target from the performance issue)
    "decode": ("json.loads", 2.0),
    "load_jsonl": ("json.loads per line", 2.0),
    "encode": ("json.dumps of the same dicts", 1.2),
    "benefit": ("a plain loop over dicts", 2.0),
    "means": ("a plain loop over dicts", 2.0),
    "fidelity": ("a plain loop over dicts", 2.0),
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


def peers() -> dict[str, Any]:
    """Peer decoders/encoders of the same shape and rules, if installed."""
    out: dict[str, Any] = {}
    try:
        sys.path.insert(0, str(ROOT / "benchmarks"))
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


def measure_size(n: int, rounds: int, peer: dict[str, Any]) -> dict[str, Any]:
    """Every row for one size: per round, the library's time and its anchor's, interleaved."""
    raw = lines(n)
    blob = b"\n".join(raw) + b"\n"
    sample = raw[: min(n, ENCODE_SAMPLE)]
    objects = [ln.loads(r) for r in sample]
    dicts = [json.loads(r) for r in sample]
    checklists_raw = checklist_documents(min(n, ENCODE_SAMPLE) // 10 or 1)
    checklists = [from_document(d) for d in checklists_raw]
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
            add("decode", name, seconds(lambda p=p: [p.decode(r) for r in raw]))
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
            add("encode", name, seconds(lambda p=p, m=models: [p.encode(x) for x in m]))
        add("benefit", "anchor", seconds(lambda: [plain_benefit(d) for d in dicts]))
        add("benefit", "library", seconds(lambda: [_benefit(o) for o in objects]))
        add("means", "anchor", seconds(lambda: [plain_means(d) for d in dicts]))
        add("means", "library", seconds(lambda: [o.means() for o in objects]))
        add("fidelity", "anchor", seconds(lambda: [plain_fidelity(d) for d in checklists_raw]))
        add("fidelity", "library", seconds(lambda: [c.fidelity() for c in checklists]))
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
    return out


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


def _children_cpu() -> float:
    """CPU seconds (user and system) of the finished child processes so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cold_start(rounds: int) -> dict[str, float]:
    """CPU milliseconds over a bare interpreter, as whole processes (median of rounds).

    Each program runs once first, so byte-code caches exist as in an installed package.
    CPU time of the process (user and system), so other work on the machine counts less.
    """
    form = (ROOT / "src" / "laeringsnettverk" / "data" / "example_form.json").read_text("utf-8")
    programs = {
        "bare": "pass",
        "import": "import laeringsnettverk",
        "import_and_first_loads": f"import laeringsnettverk as ln; ln.loads({form!r})",
    }
    times: dict[str, list[float]] = {k: [] for k in programs}
    # as installed: byte-code caches written and used (a warm-up run writes them)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
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
        "",
        "| memory (tracemalloc, bytes per form) | loaded objects | same data as dicts "
        "| `load_jsonl` batch |",
        "|---|---:|---:|---:|",
    ]
    for size in results["sizes"]:
        mem = size["memory"]
        out.append(
            f"| {size['encode_sample']:,} forms | {mem['objects_bytes_per_form']:,.0f} | "
            f"{mem['dicts_bytes_per_form']:,.0f} | {mem['load_jsonl_bytes_per_form']:,.0f} |"
        )
    return "\n".join(out)


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
        + (f" Encode, scoring and memory rows use at most {ENCODE_SAMPLE:,} objects per size."),
        "sizes": [measure_size(n, rounds, peer) for n in sizes],
        "cold_start": cold_start(rounds),
    }
    results["machine"]["load_average_end"] = os.getloadavg()
    print(table(results))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
