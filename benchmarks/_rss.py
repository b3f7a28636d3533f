"""Memory of one piece of work, measured in a fresh child process (resident set, from /proc).

The child runs ``setup`` (imports, a warm-up, a function ``run()``), reads its resident set
(``VmRSS``), resets its peak (writing ``5`` to ``/proc/self/clear_refs``, Linux 4.0 and
later) and calls ``run()``, keeping what it returns; then it reads its peak (``VmHWM``) and
its resident set again. The figures are over the resident set before ``run()``: the
interpreter, the imports and whatever ``setup`` keeps are not counted. With ``trace``,
``run()`` is called under ``tracemalloc`` instead (Python's own allocations: slower, and
tracemalloc's bookkeeping then inflates the resident set, so a traced child reports only
tracemalloc's figures).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

_PRELUDE = """
import gc, json, sys, tracemalloc

def _status():
    out = {}
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) * 1024
    return out
"""

_MEASURE = """
_trace = sys.argv[1] == "trace"
gc.collect()
_start = _status()["VmRSS"]
try:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as _handle:
        _handle.write("5")
    _reset = True
except OSError:
    _reset = False
if _trace:
    tracemalloc.start()
_kept = run()
if _trace:
    _current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({"traced_held": _current, "traced_peak": _peak}))
else:
    gc.collect()
    _end = _status()
    print(json.dumps({
        "start": _start,
        "peak_over_start": max(_end["VmHWM"] - _start, 0),
        "held_over_start": _end["VmRSS"] - _start,
        "peak_reset": _reset,
    }))
"""


def child_memory(setup: str, *, trace: bool = False, env: dict[str, str] | None = None) -> Any:
    """Run ``setup`` (which defines ``run()``) and then ``run()`` in a fresh interpreter.

    Returns, in bytes, ``start`` (the resident set before ``run()``), ``peak_over_start``
    and ``held_over_start`` (with what ``run()`` returned still alive), and whether the
    peak could be reset before ``run()`` (if not, the peak may be the imports'); with
    ``trace``, ``traced_peak`` and ``traced_held`` (tracemalloc) instead.
    """
    program = _PRELUDE + setup + "\n" + _MEASURE
    done = subprocess.run(
        [sys.executable, "-c", program, "trace" if trace else "rss"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
