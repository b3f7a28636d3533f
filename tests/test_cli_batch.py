"""The command line on batches: JSON Lines streamed line by line, bad lines, progress, processes.

The default run uses small batches; ``test_a_200000_line_batch`` (marked ``benchmark``,
run with ``-m benchmark``) records the time and peak memory of a large one.
"""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from laeringsnettverk.cli import _run as cli  # where the progress counter reads its limits
from laeringsnettverk.cli import main
from laeringsnettverk.errors import LaeringsnettverkWarning
from laeringsnettverk.examples import example_text

BOM = "\ufeff"


def run(*argv: str, stdin: Any = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    source = io.StringIO(stdin) if isinstance(stdin, str) else stdin
    code = main(list(argv), stdout=out, stderr=err, stdin=source)
    return code, out.getvalue(), err.getvalue()


def one_line(kind: str) -> str:
    return json.dumps(json.loads(example_text(kind)), ensure_ascii=False)


FORM = one_line("form")
CHECKLIST = one_line("checklist")
BAD = '{"kind": "form", "schema_version": 1}'  # activities and conversations missing


def batch(tmp_path: Path, *lines: str, name: str = "batch.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


# --- validate -------------------------------------------------------------------------------


def test_validate_reports_each_bad_line_by_number_and_counts(tmp_path: Path) -> None:
    path = batch(tmp_path, FORM, BAD, "", CHECKLIST, "nonsense")
    code, out, err = run("validate", str(path))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}: line 2: ")
    assert "$.activities: is required" in out  # each problem of the line, with its path
    assert lines[-2:] == [
        f"{path}: line 5: $: is not valid JSON (Expecting value at character 0)",
        f"{path}: 2 ok, 2 invalid (4 documents)",
    ]


def test_validate_json_of_a_batch_is_one_record_per_document(tmp_path: Path) -> None:
    path = batch(tmp_path, FORM, "", BAD)
    code, out, _ = run("validate", "--json", str(path))
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["line"], r["ok"], r["kind"]) for r in records] == [
        (1, True, "form"),
        (3, False, None),
    ]
    assert "$.activities" in [p["path"] for p in records[1]["problems"]]


def test_validate_of_one_good_line_and_of_an_empty_batch(tmp_path: Path) -> None:
    code, out, _ = run("validate", str(batch(tmp_path, FORM, name="one.ndjson")))
    assert (code, out) == (0, f"{tmp_path / 'one.ndjson'}: 1 ok, 0 invalid (1 document)\n")
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert run("validate", str(empty))[:2] == (0, f"{empty}: 0 ok, 0 invalid (0 documents)\n")


def test_a_json_lines_file_that_cannot_be_read_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    code, out, _ = run("validate", str(missing))
    assert code == 2
    assert out.startswith(f"{missing}: invalid (1 problem)\n  $.file: ")
    assert "cannot be read" in out and "ok," not in out


def test_json_lines_is_told_by_the_name_or_jsonl_and_nothing_else(tmp_path: Path) -> None:
    lines = FORM + "\n" + CHECKLIST + "\n"
    code, out, _ = run("validate", "--jsonl", "-", stdin=lines)
    assert (code, out) == (0, "<stdin>: 2 ok, 0 invalid (2 documents)\n")
    # without --jsonl, standard input is one document: two lines of JSON are not one
    code, out, _ = run("validate", "-", stdin=lines)
    assert code == 2 and out.startswith("<stdin>: invalid (1 problem)")
    code, out, _ = run("validate", str(batch(tmp_path, FORM, CHECKLIST, name="two.JSONL")))
    assert code == 0 and out.endswith("2 ok, 0 invalid (2 documents)\n")
    code, out, _ = run("validate", str(batch(tmp_path, FORM, CHECKLIST, name="two.json")))
    assert code == 2


def test_a_byte_order_mark_is_read_on_the_first_line_only(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes((BOM + FORM + "\n" + BOM + FORM + "\n").encode())
    code, out, _ = run("validate", str(path))
    assert code == 1
    assert out.startswith(f"{path}: line 2: $: is not valid JSON (")
    assert out.endswith(f"{path}: 1 ok, 1 invalid (2 documents)\n")


def test_a_line_that_is_not_utf8_is_one_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(FORM.encode() + b"\n" + FORM.encode("latin-1") + b"\n" + FORM.encode())
    code, out, _ = run("validate", str(path))
    assert code == 1
    assert out.startswith(f"{path}: line 2: $: is not valid JSON (not UTF-8 at byte ")
    assert out.endswith(f"\n{path}: 2 ok, 1 invalid (3 documents)\n")
    assert out.count("\n") == 2


def test_max_errors_stops_early(tmp_path: Path) -> None:
    path = batch(tmp_path, BAD, FORM, BAD, BAD, FORM)
    code, out, err = run("validate", "--max-errors", "2", str(path))
    assert code == 1
    assert out.count(": line ") == 2 and "ok," not in out
    assert err == "laeringsnettverk: stopped after 2 bad lines or documents (--max-errors 2)\n"
    code, out, err = run("score", "--json", "--max-errors", "1", str(path), str(path))
    assert code == 1
    assert [json.loads(line)["ok"] for line in out.splitlines()] == [False]
    assert err.endswith("(--max-errors 1)\n")


def test_a_bad_whole_document_exits_2_even_beside_bad_lines(tmp_path: Path) -> None:
    bad_doc = tmp_path / "bad.json"
    bad_doc.write_text("{}", encoding="utf-8")
    code, _, _ = run("validate", str(batch(tmp_path, BAD)), str(bad_doc))
    assert code == 2


# --- score ----------------------------------------------------------------------------------


def test_score_of_a_batch_prints_each_document_under_its_line(tmp_path: Path) -> None:
    path = batch(tmp_path, FORM, BAD, CHECKLIST)
    code, out, err = run("score", str(path))
    assert code == 1
    assert err.startswith(f"laeringsnettverk: error: {path}: line 2: ")
    assert "$.activities: is required" in err
    assert out.startswith(f"{path}: linje 1\n«Hva er viktig for meg»-skjema")
    assert f"\n{'─' * 60}\n\n{path}: linje 3\nSjekkliste for samhandling" in out
    code, out, _ = run("score", "--lang", "en", str(path))
    assert out.startswith(f"{path}: line 1\n")


def test_score_json_of_a_batch_is_one_record_per_document_in_order(tmp_path: Path) -> None:
    path = batch(tmp_path, FORM, "", BAD, one_line("plan"), CHECKLIST)
    code, out, err = run("score", "--json", str(path))
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["line"], r["ok"], r["kind"]) for r in records] == [
        (1, True, "form"),
        (3, False, None),
        (4, False, None),
        (5, True, "checklist"),
    ]
    assert len({tuple(r) for r in records}) == 1  # one shape: the same keys in every record
    assert records[2]["problems"][0]["rule"].startswith("cannot be summarized")
    assert err.count("laeringsnettverk: error: ") == 2
    assert f"{path}: line 4: $.kind: 'plan' cannot be summarized" in err


def test_score_warns_per_line(tmp_path: Path) -> None:
    form = json.loads(FORM)
    del form["conversations"][1]["scores"]["Treffe venner"]
    path = batch(tmp_path, FORM, json.dumps(form, ensure_ascii=False))
    code, _, err = run("score", "--json", str(path))
    assert code == 0
    assert err.startswith(f"advarsel: {path}: line 2: samtale 1 og 2 scoret ulike aktiviteter")


# --- convert --------------------------------------------------------------------------------


def test_convert_of_a_batch_prints_canonical_json_lines(tmp_path: Path) -> None:
    from laeringsnettverk.serialization import dumps_jsonl, load_jsonl

    messy = json.dumps(json.loads(FORM), indent=None, separators=(" ,", " : "))
    path = batch(tmp_path, messy, BAD, CHECKLIST)
    code, out, err = run("convert", str(path))
    assert code == 1
    assert f"{path}: line 2: " in err
    documents = load_jsonl(batch(tmp_path, FORM, CHECKLIST).read_text()).documents
    assert out == dumps_jsonl(documents)


# --- status ---------------------------------------------------------------------------------


def test_status_stops_at_max_errors_without_a_table(tmp_path: Path) -> None:
    forms = batch(tmp_path, BAD, BAD, FORM)
    code, out, err = run(
        "status", "--max-errors", "2", "--forms", str(forms), "-", stdin=example_text("network")
    )
    assert (code, out) == (1, "")
    assert err.count(": line ") == 2 and err.endswith("(--max-errors 2)\n")


def test_status_json_counts_the_bad_lines(tmp_path: Path) -> None:
    checklists = batch(tmp_path, CHECKLIST, BAD, name="checklists.jsonl")
    code, out, _ = run(
        "status", "--json", "--checklists", str(checklists), "-", stdin=example_text("network")
    )
    assert code == 1
    assert json.loads(out)["bad_lines"] == 1


def _warning_wrapper(real: Any) -> Any:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        warnings.warn("risky", LaeringsnettverkWarning, stacklevel=1)
        return real(*args, **kwargs)

    return wrapped


def test_status_and_convert_warn_in_one_line_per_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import laeringsnettverk.network._status
    import laeringsnettverk.serialization

    status_module: Any = laeringsnettverk.network._status
    monkeypatch.setattr(status_module, "_benefit", _warning_wrapper(status_module._benefit))
    monkeypatch.setattr(
        laeringsnettverk.serialization,
        "dumps_jsonl",
        _warning_wrapper(laeringsnettverk.serialization.dumps_jsonl),
    )
    forms = batch(tmp_path, BAD, FORM)
    code, _, err = run("status", "--forms", str(forms), "-", stdin=example_text("network"))
    assert code == 1
    assert err.endswith(f"advarsel: {forms}: line 2: risky\n")
    code, out, err = run("convert", str(forms))
    assert code == 1 and out.count("\n") == 1
    assert err.endswith(f"advarsel: {forms}: line 2: risky\n")


# --- streaming: read line by line, output before the end -------------------------------------


class CountingLines:
    """Lines from a generator, counting how many were taken (no read(): iteration only)."""

    def __init__(self, lines: list[bytes] | list[str], repeat: int) -> None:
        self.lines = lines
        self.repeat = repeat
        self.taken = 0

    def __iter__(self) -> Iterator[bytes | str]:
        for _ in range(self.repeat):
            for line in self.lines:
                self.taken += 1
                yield line


class BinaryStdin:
    def __init__(self, lines: CountingLines) -> None:
        self.buffer = lines


class FirstWrite(io.StringIO):
    """Records how many lines had been taken from the input at the first write."""

    def __init__(self, lines: CountingLines) -> None:
        super().__init__()
        self.source = lines
        self.taken_at_first_write: int | None = None

    def write(self, text: str) -> int:
        if self.taken_at_first_write is None:
            self.taken_at_first_write = self.source.taken
        return super().write(text)


@pytest.mark.parametrize("command", [["score", "--json"], ["validate", "--json"], ["convert"]])
def test_a_batch_is_read_line_by_line_and_printed_as_it_goes(command: list[str]) -> None:
    lines = CountingLines([(FORM + "\n").encode(), (CHECKLIST + "\n").encode()], repeat=150)
    out = FirstWrite(lines)
    stdin: Any = BinaryStdin(lines)
    code = main([*command, "--jsonl", "-"], stdout=out, stderr=io.StringIO(), stdin=stdin)
    assert code == 0
    assert out.taken_at_first_write == 1  # the first document is out before the 2nd line
    assert lines.taken == 300
    assert out.getvalue().count("\n") == 300


def test_a_text_stream_without_bytes_is_read_line_by_line_too() -> None:
    lines = CountingLines([FORM + "\n", BAD + "\n"], repeat=100)
    out = FirstWrite(lines)
    stdin: Any = lines  # no .buffer, no .read(): only iteration
    code = main(["score", "--json", "--jsonl", "-"], stdout=out, stderr=io.StringIO(), stdin=stdin)
    assert code == 1
    assert out.taken_at_first_write == 1
    assert sum(json.loads(line)["ok"] for line in out.getvalue().splitlines()) == 100


def test_status_folds_each_form_in_as_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """No list of forms is kept: network_status itself is given none."""
    import laeringsnettverk.network

    given: list[tuple[Any, ...]] = []
    real = laeringsnettverk.network.network_status

    def spy(network: Any, forms: Any = (), checklists: Any = ()) -> Any:
        given.append((tuple(forms), tuple(checklists)))
        return real(network, forms, checklists)

    monkeypatch.setattr(laeringsnettverk.network, "network_status", spy)
    lines = CountingLines([(FORM + "\n").encode()], repeat=200)
    stdin: Any = BinaryStdin(lines)
    code, out, _ = _status_with_network_file(example_text("network"), stdin)
    assert code == 0
    assert given == [((), ())]
    assert lines.taken == 200
    assert "team-bodoe" in out


def _status_with_network_file(network: str, stdin: Any) -> tuple[int, str, str]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "network.json"
        path.write_text(network, encoding="utf-8")
        return run("status", str(path), "--forms", "-", stdin=stdin)


# --- progress on a terminal --------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_large_batch_shows_a_counter_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "PROGRESS_FROM", 4)
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 2)
    text = "".join(line + "\n" for line in [FORM] * 5 + [BAD] + [FORM] * 2)
    err = Terminal()
    code = main(
        ["validate", "--jsonl", "-"], stdout=io.StringIO(), stderr=err, stdin=io.StringIO(text)
    )
    assert code == 1
    # validate reports bad lines on standard output: the counter runs on, left at the end
    assert err.getvalue() == (
        "\rlaeringsnettverk: 4 linjer lest"
        "\rlaeringsnettverk: 6 linjer lest"
        "\rlaeringsnettverk: 8 linjer lest"
        "\rlaeringsnettverk: 8 linjer lest\n"  # the final count, on its own line
    )


def test_the_counter_is_cleared_before_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "PROGRESS_FROM", 2)
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 1)
    text = FORM + "\n" + FORM + "\n" + BAD + "\n"
    err = Terminal()
    code = main(
        ["score", "--json", "--lang", "en", "--jsonl", "-"],
        stdout=io.StringIO(),
        stderr=err,
        stdin=io.StringIO(text),
    )
    assert code == 1
    shown = "laeringsnettverk: 2 lines read"
    blank = "\r" + " " * len(shown) + "\r"
    assert err.getvalue().startswith(f"\r{shown}\r{'laeringsnettverk: 3 lines read'}{blank}")
    assert "laeringsnettverk: error: <stdin>: line 3: " in err.getvalue()
    assert not err.getvalue().endswith("lines read\n")  # nothing shown since the message


def test_output_to_the_same_terminal_clears_the_counter_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cli, "PROGRESS_FROM", 2)
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 1)
    text = FORM + "\n" + FORM + "\n" + BAD + "\n"
    out, err = Terminal(), Terminal()
    assert main(["validate", "--jsonl", "-"], stdout=out, stderr=err, stdin=io.StringIO(text)) == 1
    shown = "laeringsnettverk: 2 linjer lest"
    blank = "\r" + " " * len(shown) + "\r"
    # lines 2 and 3 counted, then cleared before line 3's report on standard output (and not
    # shown again: nothing more was read)
    assert err.getvalue() == f"\r{shown}\rlaeringsnettverk: 3 linjer lest{blank}"
    assert out.getvalue().startswith("<stdin>: line 3: ")


def test_no_counter_when_standard_error_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "PROGRESS_FROM", 1)
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 1)

    class Plain:  # a stream without isatty()
        def __init__(self) -> None:
            self.text = ""

        def write(self, text: str) -> int:
            self.text += text
            return len(text)

    for err in (io.StringIO(), Plain()):
        stream: Any = err
        code = main(["validate", "--jsonl", "-"], stdout=io.StringIO(), stderr=stream,
                    stdin=io.StringIO(FORM + "\n"))  # fmt: skip
        assert code == 0
        assert (err.getvalue() if isinstance(err, io.StringIO) else err.text) == ""


# --- through a process: every command -----------------------------------------------------------


def cli_process(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "laeringsnettverk", *argv],
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_every_command_through_python_m(tmp_path: Path) -> None:
    from laeringsnettverk import __version__

    forms = batch(tmp_path, FORM, BAD, FORM, name="forms.jsonl")
    network = tmp_path / "network.json"
    network.write_text(example_text("network"), encoding="utf-8")
    html = tmp_path / "report.html"
    cases: list[tuple[list[str], bytes, int, str]] = [
        (["--version"], b"", 0, f"laeringsnettverk {__version__}"),
        (["score", "--example"], b"", 0, "80\u00a0%"),
        (["score", "--json", str(forms)], b"", 1, '"line": 3'),
        (["validate", "--jsonl", "-"], (FORM + "\n").encode(), 0, "<stdin>: 1 ok, 0 invalid"),
        (["convert", str(forms)], b"", 1, '{"kind":"form"'),
        (["convert", "--to", "fhir", "--subject", "Patient/1", "-"], FORM.encode(), 0, "Bundle"),
        (["status", str(network), "--forms", str(forms)], b"", 1, "team-bodoe"),
        (["review", "--example", "--today", "2025-01-01", "--json"], b"", 0, '"team_size"'),
        (["report", "--example", "-o", str(html)], b"", 0, ""),
        (["example", "goal"], b"", 0, '"kind": "goal"'),
        (["schema", "wheel"], b"", 0, '"$id"'),
        (["status", "-", "--forms", "-"], b"", 2, ""),
    ]
    for argv, stdin, status, expected in cases:
        done = cli_process(*argv, stdin=stdin)
        assert done.returncode == status, (argv, done.stderr)
        assert expected.encode() in done.stdout, argv
        assert b"Traceback" not in done.stderr
    assert html.read_bytes().startswith(b"<!DOCTYPE html>")
    done = cli_process("status", str(network), "--forms", str(forms))
    assert done.stderr.decode().startswith(f"laeringsnettverk: error: {forms}: line 2: $.")


# --- a 200,000-line batch (benchmark: run with -m benchmark) -----------------------------------


def _bench() -> Any:
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_cli_batch.py"
    spec = importlib.util.spec_from_file_location("bench_cli_batch", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.benchmark
def test_a_200000_line_batch(tmp_path: Path) -> None:
    """Records (prints) time and peak memory; asserts only what the commands print."""
    bench = _bench()
    lines = 200_000
    path = tmp_path / "forms.jsonl"
    bad_at = bench.write_batch(path, lines)
    out = tmp_path / "out"
    figures = {}
    for name in ("validate", "score --json"):
        result = bench.measure(bench.commands(path, tmp_path / "unused.json")[name], out)
        assert result["status"] == 1, result["stderr"]
        text = out.read_text(encoding="utf-8")
        if name == "validate":
            assert text.endswith(f"{path}: {lines - 3} ok, 3 invalid ({lines} documents)\n")
            assert [f"{path}: line {n}: " in text for n in bad_at] == [True] * 3
        else:
            assert text.count("\n") == lines
            assert text.count('"ok": false') == 3
            assert result["stderr"].count("laeringsnettverk: error: ") == 3
        figures[name] = f"{result['seconds']:.1f} s, peak RSS {result['peak_rss_mb']:.1f} MB"
    print(f"\n{lines} lines, 3 bad, {time.strftime('%Y-%m-%d')}: {figures}")
    print(
        f"children's peak RSS {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB"
    )
