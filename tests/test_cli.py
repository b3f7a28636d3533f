"""The ``laeringsnettverk`` command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from laeringsnettverk import __version__
from laeringsnettverk.cli import main
from laeringsnettverk.examples import EXAMPLE_KINDS, example_text


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err, stdin=io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run("--version")
    assert code == 0
    assert capsys.readouterr().out.strip() == f"laeringsnettverk {__version__}"


def test_version_through_the_console_script() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "laeringsnettverk.cli", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == f"laeringsnettverk {__version__}"


def test_help_lists_score() -> None:
    code, out, _ = run()
    assert code == 0
    assert "score" in out


def test_score_example_prints_the_worked_example() -> None:
    code, out, err = run("score", "--example")
    assert code == 0, err
    assert "Gjennomsnitt (mean)" in out
    assert "2.0" in out and "5.0" in out
    assert "Opplevd nytte (perceived benefit) 1.→2. samtale: 3.0 (4 paired)" in out
    assert "8 av (of) 10 poeng (points) = 80.0 %" in out


def test_score_example_json() -> None:
    code, out, _ = run("score", "--example", "--json")
    assert code == 0
    form, checklist = json.loads(out)
    assert form["means"] == [2.0, 5.0]
    assert form["benefit"] == 3.0
    assert form["paired"] == 4
    assert checklist["fidelity"] == 0.8
    assert checklist["percent"] == 80.0


def test_score_a_file(tmp_path: Path) -> None:
    path = tmp_path / "form.json"
    path.write_text(example_text("form"), encoding="utf-8")
    code, out, _ = run("score", "--json", str(path))
    assert code == 0
    assert json.loads(out)["benefit"] == 3.0


def test_score_stdin() -> None:
    code, out, _ = run("score", "-", "--json", stdin=example_text("checklist"))
    assert code == 0
    assert json.loads(out)["points"] == 8


def test_score_kor() -> None:
    code, out, _ = run("score", "-", stdin=example_text("kor"))
    assert code == 0
    assert "+10.8" in out and "pålitelig (reliable)" in out
    code, out, _ = run("score", "-", "--json", stdin=example_text("kor"))
    assert json.loads(out)["ors_totals"] == [16.8, 20.6, 27.6]


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        # a score above the scale
        (
            example_text("form").replace('"Treffe venner": 5', '"Treffe venner": 11'),
            "$.conversations[1].scores['Treffe venner']: 11 is above the scale's max 10",
        ),
        # not JSON
        ("nonsense", "is not valid JSON"),
        # a document kind that has no score
        (example_text("plan"), "cannot be scored"),
    ],
)
def test_bad_input_exits_2_with_the_message_and_no_traceback(stdin: str, message: str) -> None:
    code, out, err = run("score", "-", stdin=stdin)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert out == ""


def test_missing_file_exits_2(tmp_path: Path) -> None:
    code, _, err = run("score", str(tmp_path / "nope.json"))
    assert code == 2
    assert "cannot be read" in err


def test_score_without_a_file_exits_2() -> None:
    code, _, err = run("score")
    assert code == 2
    assert "is required" in err


def test_unknown_option_exits_2() -> None:
    code, _, _ = run("score", "--nope")
    assert code == 2


@pytest.mark.parametrize("kind", EXAMPLE_KINDS)
def test_example_prints_a_document_that_validates(kind: str) -> None:
    code, out, _ = run("example", kind)
    assert code == 0
    assert json.loads(out)["kind"] == kind
    code, report, _ = run("validate", "-", stdin=out)
    assert code == 0
    assert report == f"<stdin>: ok ({kind})\n"


def test_example_of_an_unknown_kind_exits_2() -> None:
    code, _, _ = run("example", "skjema")
    assert code == 2


def test_validate_lists_every_problem_and_exits_2(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(example_text("plan"), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "form", "activities": []}', encoding="utf-8")
    code, out, err = run("validate", str(good), str(bad))
    assert code == 2
    assert err == ""
    assert f"{good}: ok (plan)" in out
    assert f"{bad}: invalid (1 problem)\n  $.schema_version: is required" in out


def test_convert_prints_canonical_json() -> None:
    messy = json.dumps(json.loads(example_text("form")), indent=None)
    code, out, _ = run("convert", "--to", "json", "-", stdin=messy)
    assert code == 0
    assert out == example_text("form")


def test_score_a_goal_prints_the_smart_assessment() -> None:
    code, out, _ = run("score", "-", stdin=example_text("goal"))
    assert code == 0
    assert out.startswith("SMARTE [SMARTE]: 6 av 6 oppfylt (6 of 6 met)")
    code, out, _ = run("score", "--json", "-", stdin=example_text("goal"))
    summary = json.loads(out)
    assert (summary["met"], summary["letters"]) == (6, "SMARTE")
