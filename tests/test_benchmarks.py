"""The benchmark command runs (a smoke run; its figures are not judged here)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from laeringsnettverk.serialization import _accel

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
            "120",
            "--frames",
            "200",
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
    assert set(rows) == {
        "decode",
        "load_jsonl",
        "encode",
        "benefit",
        "means",
        "fidelity",
        "kor_change",
    }
    assert all(r["ratio"] > 0 and isinstance(r["met"], bool) for r in rows.values())
    # the memory of a stream and of a batch, at every size, in fresh processes
    for size in results["sizes"]:
        mem = size["stream_memory"]
        assert mem["reader"] and mem["child_start_bytes"] > 0 and mem["stream_peak_bytes"] >= 0
        assert mem["stream_traced_peak_bytes"] > 0  # small sizes are traced too
        assert mem["objects_held_bytes_per_form"] > 0 and mem["batch_file_held_bytes_per_form"] > 0
        assert mem["batch_over_objects"] > 0 and isinstance(mem["batch_met"], bool)
        assert mem["held_measured_by"] in ("resident set", "tracemalloc")
    flat = results["stream_flat"]
    assert (flat["from"], flat["to"]) == (60, 120) and isinstance(flat["met"], bool)
    assert "| 120 forms | " in run.stdout and "the peak's growth per form added" in run.stdout
    # the per-form frame's routes and targets, or why it was skipped
    frames = results["frames"]
    if "skipped" in frames:  # without pandas, pyarrow or msgspec (the dev extras have them)
        assert "not installed" in frames["skipped"] and "Per-form frame" in run.stdout
    else:
        assert frames["n"] == 200 and frames["object_sample"] == 50
        assert [t["met"] for t in frames["targets"]][2] is None
        assert all(isinstance(t["met"], bool) for t in frames["targets"][:2])
        assert frames["rss"]["fast_peak_bytes_per_form"] >= 0
        assert frames["rss"]["fast_growth_from"] == 20
        assert "| fast route: the peak's growth per form added, 20 → 200 forms |" in run.stdout
        assert "| fast route within 1.25× of the anchor |" in run.stdout
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
    assert "| a batch held (resident set, bytes per form) |" in text
    assert "| at least 10× faster per form than the object path |" in text or ("skipped" in frames)
    # a results file from before these rows still renders
    del results["stream_flat"], results["frames"]
    for size in results["sizes"]:
        del size["stream_memory"]
    out.write_text(json.dumps(results), encoding="utf-8")
    assert bench.main(["--write-docs", str(out)]) == 0
    text = docs.read_text(encoding="utf-8")
    assert "| 60 | encode |" in text and "a batch held" not in text


def test_the_stream_row_reads_with_the_librarys_streaming_reader_when_there_is_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from laeringsnettverk import serialization

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run as bench
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    monkeypatch.setattr(bench, "STREAM_READERS", ("no_reader_of_this_name", "iter_test"))
    label, code = bench.streaming_reader()
    assert label.startswith("load_jsonl of each line") and "def read(handle)" in code
    monkeypatch.setattr(serialization, "iter_test", object(), raising=False)
    assert bench.streaming_reader() == (
        "iter_test",
        "from laeringsnettverk.serialization import iter_test as read\n",
    )


def _instructions() -> Any:
    spec = importlib.util.spec_from_file_location(
        "instructions", ROOT / "benchmarks" / "instructions.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_instruction_count_row_does_its_work() -> None:
    # the work each row counts, one pass in this process: what valgrind would measure
    instructions = _instructions()
    results: dict[str, list[Any]] = {}
    try:
        for row in instructions.ROWS:
            fn = instructions.work(row, 20)
            done = fn()
            items = done.documents if row == "load_jsonl" else done  # a batch, or a list
            assert len(items) == 20, row
            encoded = all(isinstance(x, str | bytes) for x in items)
            assert encoded == ("dumps" in row), row  # encoding rows give text, others objects
            results[row] = items
        # a scoring row and its anchor compute the same numbers
        assert results["benefit"] == results["benefit_plain"]
        assert any(value is not None for value in results["benefit"])
        assert [list(m) for m in results["means"]] == results["means_plain"]
        assert results["kor_change"] == results["kor_change_plain"]
    finally:
        _accel._make.cache_clear()
        _accel._from_environment()


def test_the_kor_row_and_its_anchor_tell_the_same_changes() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run as bench
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    from laeringsnettverk.serialization import from_document

    documents = bench.kor_documents(300)
    library = [bench.kor_change(from_document(d)) for d in documents]
    assert library == [bench.plain_kor_change(d) for d in documents]
    # the documents reach every outcome: no change, reliable, and clinically significant
    assert {(reliable, clinical) for _, reliable, clinical in library} == {
        (False, False),
        (True, False),
        (True, True),
    }


def test_instruction_count_refuses_an_unknown_row(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        _instructions().main(["loads", "nope"])
    assert exited.value.code == 2
    assert "unknown rows: nope" in capsys.readouterr().err


def test_the_cold_start_count_runs_each_process_warm_then_under_callgrind(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    instructions = _instructions()
    monkeypatch.setattr(sys, "path", [*sys.path])  # cold_counts adds the benchmarks' folder
    calls: list[list[str]] = []

    def fake_run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        calls.append(args)
        assert "PYTHONDONTWRITEBYTECODE" not in kwargs["env"]  # caches written and used
        counted = 1_000_000 * (len(calls) + 40)
        return subprocess.CompletedProcess(args, 0, "", f"==1== Collected : {counted}\n")

    monkeypatch.setattr(instructions.subprocess, "run", fake_run)
    instructions.main(["--cold"])
    table = capsys.readouterr().out
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import run

    programs = list(run.cold_programs().values())
    assert [c[-1] for c in calls] == [code for code in programs for _ in (0, 1)]
    assert [c[0] == "valgrind" for c in calls] == [False, True] * len(programs)
    assert "| bare | 42.0M | 0.0M |" in table
    assert "| import_and_first_loads | 46.0M | 4.0M |" in table
