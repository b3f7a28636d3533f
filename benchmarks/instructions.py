"""Instructions a form, by valgrind's callgrind: figures a busy machine does not change.

    python benchmarks/instructions.py                    # every row, 2,000 forms, 3 passes
    python benchmarks/instructions.py loads loads_fast   # some rows
    python benchmarks/instructions.py --run loads        # the work alone (no valgrind)
    python benchmarks/instructions.py --cold             # the cold start's whole processes

Method. Each row runs in its own process under ``valgrind --tool=callgrind`` (which must be
installed: it is not a Python package), over the same distinct forms as ``run.py``
(``run.lines``), made and loaded once before the passes that are counted; a second process
of the same row does the same preparation (imports, generated code, the forms) and no pass.
A row's figure is the difference, divided by the forms times the passes: what one more form
costs, without the one-time costs. The passes run with the garbage collector paused, as
``run.py`` times them (a collection falls at a point that moves with every allocation made
before, so the same code counted with it differed by 4 % between two changes elsewhere),
and with ``PYTHONHASHSEED`` fixed (``--seed``). Times on a shared 2-core machine differ
between runs by ±20 %; instruction counts of the same code do not move, so a change of a
few percent is judged by them (they do not see cache misses, which timing does).

Rows: ``json`` (``json.loads`` of each line), ``loads`` and ``loads_fast`` (the library's
``loads``, pure and with the ``fast`` extra), ``load_jsonl`` (of the lines joined, pure),
``dumps`` and ``dumps_fast`` (``dumps(obj, indent=None)``), ``json_dumps`` (``json.dumps`` of
the same dicts), and the peers ``pydantic`` and ``msgspec`` (``model_validate_json`` and a
msgspec Struct decode of the same shape and rules; the ``bench`` extra) and their encoding,
``pydantic_dumps`` and ``msgspec_dumps`` (``model_dump_json`` and ``msgspec.json.encode``);
the scoring rows ``benefit`` and ``means`` (``form_benefit(form).value``, ``form.means()``)
and their anchors, ``benefit_plain`` and ``means_plain`` (``run.py``'s plain loops over the
same data as dicts); ``kor_change`` and ``kor_change_plain``, the same over as many KOR
ratings (``run.kor_documents``: a row's figure is then per KOR document).

``--cold`` counts the cold start's whole processes instead (``run.py``'s programs: a bare
interpreter, ``import laeringsnettverk``, import and the first ``loads`` of a form, ``import
attrs`` and ``import pydantic`` alone), each once after a run that writes its byte-code
caches: the import work a slow or busy machine times with ±25 % noise.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROWS = (
    "json",
    "loads",
    "loads_fast",
    "load_jsonl",
    "json_dumps",
    "dumps",
    "dumps_fast",
    "pydantic",
    "msgspec",
    "pydantic_dumps",
    "msgspec_dumps",
    "benefit",
    "benefit_plain",
    "means",
    "means_plain",
    "kor_change",
    "kor_change_plain",
)
FORMS = 2_000
PASSES = 3
SEED = 0  # PYTHONHASHSEED of the counted processes


def work(row: str, forms: int) -> Callable[[], object]:
    """The prepared work of ``row``: one pass over the forms."""
    sys.path.insert(0, str(HERE))
    import run  # this folder's benchmark: the same forms

    import laeringsnettverk as ln
    from laeringsnettverk.serialization import _accel, from_document, load_jsonl

    _accel.use("on" if row.endswith("_fast") else "off")
    raw = run.lines(forms)
    objects = [ln.loads(r) for r in raw]  # warms the generated code of both directions
    dicts = [json.loads(r) for r in raw]
    ln.dumps(objects[0], indent=None)
    run.warm_scoring(objects)
    kor_raw = run.kor_documents(forms)
    kors = [from_document(d) for d in kor_raw]
    run.kor_change(kors[0])
    loads, dumps = ln.loads, ln.dumps
    blob = b"\n".join(raw) + b"\n"
    rows: dict[str, Callable[[], object]] = {
        "json": lambda: [json.loads(r) for r in raw],
        "loads": lambda: [loads(r) for r in raw],
        "loads_fast": lambda: [loads(r) for r in raw],
        "load_jsonl": lambda: load_jsonl(blob),
        "json_dumps": lambda: [json.dumps(d, ensure_ascii=False) for d in dicts],
        "dumps": lambda: [dumps(o, indent=None) for o in objects],
        "dumps_fast": lambda: [dumps(o, indent=None) for o in objects],
        "benefit": lambda: [run._benefit(o) for o in objects],
        "benefit_plain": lambda: [run.plain_benefit(d) for d in dicts],
        "means": lambda: [o.means() for o in objects],
        "means_plain": lambda: [run.plain_means(d) for d in dicts],
        "kor_change": lambda: [run.kor_change(k) for k in kors],
        "kor_change_plain": lambda: [run.plain_kor_change(d) for d in kor_raw],
    }
    if row.startswith(("pydantic", "msgspec")):
        from _peers import msgspec_form, pydantic_form

        name = row.removesuffix("_dumps")
        peer: Any = pydantic_form if name == "pydantic" else msgspec_form
        models = [peer.decode(r) for r in raw]
        peer.encode(models[0])
        rows[name] = lambda: [peer.decode(r) for r in raw]
        rows[f"{name}_dumps"] = lambda: [peer.encode(m) for m in models]
    return rows[row]


def _callgrind(args: list[str], env: dict[str, str], what: str) -> int:
    """Instructions of one process running ``args`` (a command) under callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *args],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no count from valgrind for {what}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def count(row: str, forms: int, passes: int, seed: int = SEED) -> int:
    """Instructions of one process doing ``passes`` passes of ``row``, preparation included.

    The process hashes strings with ``seed`` (``PYTHONHASHSEED``), so the same code counts
    the same; another seed lays out dicts and sets another way.
    """
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    args = [__file__, "--run", row, "--forms", str(forms), "--passes", str(passes)]
    return _callgrind([sys.executable, *args], env, row)


def cold_counts(seed: int = SEED) -> dict[str, int]:
    """Instructions of each cold-start process of ``run.py`` (whole processes, by key).

    The same programs as ``run.cold_start`` times (``run.cold_programs``), each run once
    first so its byte-code caches exist; then counted whole under callgrind.
    """
    sys.path.insert(0, str(HERE))
    import run

    env = {**run.cold_env(), "PYTHONHASHSEED": str(seed)}
    out: dict[str, int] = {}
    for key, code in run.cold_programs().items():
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        out[key] = _callgrind([sys.executable, "-c", code], env, key)
    return out


def main(argv: list[str] | None = None) -> None:
    """Print each row's instructions a form (or, with ``--run``, do one row's work)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="*", help=f"rows (default: all): {', '.join(ROWS)}")
    parser.add_argument("--run", choices=ROWS, help="do this row's passes here (no valgrind)")
    parser.add_argument("--forms", type=int, default=FORMS, help="distinct forms")
    parser.add_argument("--passes", type=int, default=PASSES, help="passes over them")
    parser.add_argument("--seed", type=int, default=SEED, help="PYTHONHASHSEED of the counts")
    parser.add_argument(
        "--cold", action="store_true", help="count the cold start's whole processes instead"
    )
    args = parser.parse_args(argv)
    if args.cold:
        counts = cold_counts(args.seed)
        print(f"| process (PYTHONHASHSEED={args.seed}) | instructions | over a bare interpreter |")
        print("|---|---:|---:|")
        for key, n in counts.items():
            print(f"| {key} | {n / 1e6:,.1f}M | {(n - counts['bare']) / 1e6:,.1f}M |")
        return
    unknown = set(args.rows) - set(ROWS)
    if unknown:
        parser.error(f"unknown rows: {', '.join(sorted(unknown))}")
    if args.run:
        fn = work(args.run, args.forms)
        # the collector paused, as run.py times its rows: its passes fall at points that
        # move with every allocation made before, and would be counted or not by chance
        gc.collect()
        gc.disable()
        for _ in range(args.passes):
            fn()
        return
    print(
        f"| row | instructions a form ({args.forms:,} forms, {args.passes} passes, "
        f"PYTHONHASHSEED={args.seed}) |"
    )
    print("|---|---:|")
    for row in args.rows or ROWS:
        made = count(row, args.forms, 0, args.seed)  # the preparation alone
        spent = count(row, args.forms, args.passes, args.seed) - made
        print(f"| {row} | {spent / (args.forms * args.passes) / 1000:,.1f}k |", flush=True)


if __name__ == "__main__":
    main()
