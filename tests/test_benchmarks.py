"""The benchmark command runs (a smoke run; its figures are not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_command_quick_run_writes_its_json(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--sizes",
            "60",
            "--rounds",
            "1",
            "--out",
            str(out),
            "--note",
            "smoke run",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    assert "| 60 | decode | json.loads |" in run.stdout
    results = json.loads(out.read_text(encoding="utf-8"))
    rows = results["sizes"][0]["rows"]
    assert set(rows) == {"decode", "load_jsonl", "encode", "benefit", "means", "fidelity"}
    assert all(r["ratio"] > 0 and isinstance(r["met"], bool) for r in rows.values())
    assert results["cold_start"]["target_ms"] == 100.0
    assert results["machine"]["python"] == sys.version.split()[0]
    # the docs' table is regenerated from such a file
    docs = tmp_path / "performance.md"
    docs.write_text(
        "intro\n<!-- benchmark table: start -->\nSTALE-TABLE\n<!-- benchmark table: end -->\nend\n"
    )
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run as bench
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    bench.DOCS = docs
    assert bench.main(["--write-docs", str(out)]) == 0
    text = docs.read_text(encoding="utf-8")
    assert text.startswith("intro\n") and text.endswith("end\n") and "STALE-TABLE" not in text
    assert "| 60 | encode | json.dumps of the same dicts |" in text
