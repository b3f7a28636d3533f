"""Loading benchmark: the library's strict loader against ``json.loads`` and pydantic v2.

Run: ``.venv/bin/python benchmarks/bench_load.py [--quick]``. Prints tables of
microseconds per document (the best of several repeats, each the mean of many loops) and the
ratio to ``json.loads`` of the same bytes. Not part of the test suite (``tests/test_fastpath.py``
checks that the fast path and the detailed path agree).

Rows:

- ``json.loads``: parsing the bytes, nothing else (the floor);
- ``laeringsnettverk``: ``from_document(json.loads(b))``, the loader as shipped (the fast
  path: generated checks that build the models directly, the detailed converter only when
  they give up);
- ``  detailed path only``: the same with the fast path switched off (every document through
  the strict cattrs converter), i.e. the loader before the fast path;
- ``  models only``: building the same model objects from Python values already parsed
  and typed (their ``__attrs_post_init__`` validation): what no converter can avoid;
- ``pydantic v2``: ``model_validate_json(b)`` of an equivalent strict pydantic model
  written here (same types, non-blank names, unique names, scores within the scale,
  increasing dates, unknown keys rejected), parsing included.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import platform
import statistics
import sys
import timeit
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from laeringsnettverk import toolkit
from laeringsnettverk.examples import EXAMPLE_KINDS, example_text
from laeringsnettverk.serialization import (
    dumps_jsonl,
    from_dict,
    from_document,
    load_jsonl,
    make_converter,
)
from laeringsnettverk.serialization._fast import FastStructurer

QUICK = "--quick" in sys.argv
REPEAT = 3 if QUICK else 9


# -- pydantic v2: the same validation as the library's form (benchmarks/_peers.py) ---------

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _peers import PForm  # noqa: E402

# -- timing -----------------------------------------------------------------------------------


def best_us(fn: Callable[[], object]) -> float:
    """Microseconds per call: the best of REPEAT runs of an auto-sized loop."""
    timer = timeit.Timer(fn)
    loops, _ = timer.autorange()
    loops = max(loops, 200) * (1 if QUICK else 4)
    return min(timer.repeat(repeat=REPEAT, number=loops)) / loops * 1e6


def _models_only(data: dict[str, Any]) -> Callable[[], object]:
    """Build the form from values already parsed and typed: the models' own cost."""
    acts = [(a["name"], a.get("area")) for a in data["activities"]]
    convs = [(datetime.date.fromisoformat(c["date"]), c["scores"]) for c in data["conversations"]]
    activity, conversation, form = toolkit.Activity, toolkit.Conversation, toolkit.WhatMattersForm

    def build() -> object:
        return form(
            activities=tuple([activity(name=n, area=a) for n, a in acts]),
            conversations=tuple([conversation(date=d, scores=s) for d, s in convs]),
            identifier=data.get("identifier"),
            team=data.get("team"),
        )

    return build


@contextlib.contextmanager
def fast_path_off() -> Iterator[None]:
    """Loading with the fast path switched off: every document through the detailed path."""
    structure = FastStructurer.structure
    FastStructurer.structure = lambda *_: None  # type: ignore[assignment,method-assign]
    try:
        yield
    finally:
        FastStructurer.structure = structure  # type: ignore[method-assign]


def detailed_us(raw: bytes) -> float:
    """µs per document of the loader without the fast path (the loader before it)."""
    with fast_path_off():
        return best_us(partial(_library, raw))


def _library(raw: bytes) -> object:
    return from_document(json.loads(raw))


def table(rows: list[tuple[str, float]], floor: float) -> None:
    """Print rows of (label, µs) with the ratio to ``floor``."""
    for label, us in rows:
        print(f"  {label:<40} {us:9.2f} µs {us / floor:7.2f} ×")


def main() -> None:
    """Run every measurement and print the tables."""
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    from importlib.metadata import version

    print(", ".join(f"{d} {version(d)}" for d in ("attrs", "cattrs", "pydantic")))

    # the example form, in detail
    b = example_text("form").encode()
    data = json.loads(b)
    form = from_document(data)
    with fast_path_off():
        assert _library(b) == form
    assert PForm.model_validate_json(b).activities[0].name == form.activities[0].name
    compact = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    for label, raw in (("indented, as shipped", b), ("compact (one JSONL line)", compact)):
        floor = best_us(partial(json.loads, raw))
        print(f"\nexample form, {len(raw)} bytes {label}:")
        table(
            [
                ("json.loads", floor),
                (
                    "laeringsnettverk (json + from_document)",
                    best_us(partial(_library, raw)),
                ),
                ("  detailed path only (the loader before)", detailed_us(raw)),
                ("  models only (no JSON, no converter)", best_us(_models_only(data))),
                (
                    "pydantic v2 model_validate_json",
                    best_us(partial(PForm.model_validate_json, raw)),
                ),
            ],
            floor,
        )

    # the converter's own switch: detailed_validation=False
    plain = make_converter(detailed_validation=False)
    detailed = make_converter()
    body = {k: v for k, v in data.items() if k not in ("kind", "schema_version")}
    print("\ncattrs structure of the form's body (no JSON):")
    d_us = best_us(lambda: detailed.structure(body, toolkit.WhatMattersForm))
    table(
        [
            ("detailed_validation=True (shipped)", d_us),
            (
                "detailed_validation=False",
                best_us(lambda: plain.structure(body, toolkit.WhatMattersForm)),
            ),
            (
                "from_dict (the shipped entry point)",
                best_us(lambda: from_dict(body, toolkit.WhatMattersForm)),
            ),
        ],
        d_us,
    )

    # every shipped example
    print("\nevery shipped example (ratio to json.loads of the same bytes):")
    print(f"  {'kind':<16} {'bytes':>6} {'json':>8} {'before':>8} {'×':>6} {'loader':>8} {'×':>6}")
    for kind in EXAMPLE_KINDS:
        raw = example_text(kind).encode()
        with fast_path_off():
            assert _library(raw) == from_document(json.loads(raw))
        j = best_us(partial(json.loads, raw))
        old = detailed_us(raw)
        lib = best_us(partial(_library, raw))
        print(
            f"  {kind:<16} {len(raw):>6} {j:8.2f} {old:8.2f} {old / j:6.2f}"
            f" {lib:8.2f} {lib / j:6.2f}"
        )

    # JSON Lines: a batch of forms, 1 % of lines bad
    n = 2_000 if QUICK else 10_000
    good = dumps_jsonl([form]).encode()
    bad = b'{"kind": "form", "schema_version": 1, "activities": [{"name": " "}]}\n'
    batch = b"".join(bad if i % 100 == 99 else good for i in range(n))
    lines = batch.split(b"\n")
    result = load_jsonl(batch)
    assert len(result.loaded) == n - n // 100
    assert len(result.errors) == n // 100
    floor = statistics.median(
        timeit.repeat(lambda: [json.loads(x) for x in lines if x], number=1, repeat=REPEAT)
    )
    batch_s = statistics.median(timeit.repeat(lambda: load_jsonl(batch), number=1, repeat=REPEAT))
    print(
        f"\nJSON Lines: {n} forms, {len(batch) / 1e6:.1f} MB, 1 % bad lines (median of {REPEAT}):"
    )
    print(f"  {'json.loads per line':<40} {floor * 1e3:9.1f} ms {n / floor:9.0f} lines/s")
    rate = n / batch_s
    print(
        f"  {'load_jsonl':<40} {batch_s * 1e3:9.1f} ms {rate:9.0f} lines/s "
        f" {batch_s / floor:5.2f} ×"
    )


if __name__ == "__main__":
    main()
