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
        (example_text("plan"), "$.kind: 'plan' cannot be scored"),
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


# --- schema ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", EXAMPLE_KINDS)
def test_schema_prints_the_kinds_json_schema(kind: str) -> None:
    from laeringsnettverk.serialization import json_schema

    code, out, err = run("schema", kind)
    assert code == 0, err
    assert json.loads(out) == json_schema(kind)


def test_schema_of_an_unknown_kind_is_a_usage_error() -> None:
    code, _, _ = run("schema", "nope")
    assert code == 2


# --- convert --to fhir -------------------------------------------------------------------

FHIR_KINDS = {
    "form": ["Questionnaire", "QuestionnaireResponse", "QuestionnaireResponse", "Observation"],
    "checklist": ["Questionnaire", "QuestionnaireResponse", "Observation"],
    "plan": ["CarePlan"],
    "goal": ["Goal", "Observation"],
}


@pytest.mark.parametrize("kind", [*FHIR_KINDS, "kor"])
def test_convert_to_fhir_prints_a_valid_transaction_bundle(kind: str) -> None:
    from test_fhir import check_references, validate

    code, out, err = run(
        "convert", "--to", "fhir", "--subject", "Patient/123", "-", stdin=example_text(kind)
    )
    assert code == 0, err
    bundle = json.loads(out)
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "transaction"
    types = [e["resource"]["resourceType"] for e in bundle["entry"]]
    if kind in FHIR_KINDS:
        assert sorted(types) == sorted(FHIR_KINDS[kind])
    else:
        assert {"Questionnaire", "QuestionnaireResponse", "Observation"} <= set(types)
    assert all(e["request"]["method"] == "POST" for e in bundle["entry"])
    subjects = {
        e["resource"]["subject"]["reference"] for e in bundle["entry"] if "subject" in e["resource"]
    }
    assert subjects == {"Patient/123"}
    validate(bundle)
    check_references(bundle)


def test_convert_to_fhir_can_leave_the_questionnaires_out() -> None:
    code, out, err = run(
        "convert", "--to", "fhir", "--no-questionnaires", "-", stdin=example_text("checklist")
    )
    assert code == 0, err
    types = [e["resource"]["resourceType"] for e in json.loads(out)["entry"]]
    assert types == ["QuestionnaireResponse", "Observation"]


def test_convert_to_fhir_reads_back_to_the_same_form() -> None:
    from laeringsnettverk.examples import load_example
    from laeringsnettverk.fhir import bundle_from_fhir

    code, out, _ = run("convert", "--to", "fhir", "-", stdin=example_text("form"))
    assert code == 0
    assert bundle_from_fhir(json.loads(out)).form == load_example("form")


def test_convert_to_fhir_takes_a_base_url_and_put() -> None:
    code, out, err = run(
        "convert",
        "--to",
        "fhir",
        "--base-url",
        "https://kommune.example/fhir",
        "--method",
        "PUT",
        "-",
        stdin=example_text("form"),
    )
    assert code == 0, err
    assert "https://kommune.example/fhir/CodeSystem/" in out
    assert "laeringsnettverk.no" not in out
    assert {e["request"]["method"] for e in json.loads(out)["entry"]} == {"PUT"}


@pytest.mark.parametrize("kind", ["stakeholder_map", "network", "wheel", "project"])
def test_convert_to_fhir_refuses_kinds_without_a_mapping(kind: str) -> None:
    code, out, err = run("convert", "--to", "fhir", "-", stdin=example_text(kind))
    assert code == 2 and out == ""
    assert f"kind: {kind!r} has no FHIR mapping" in err


def test_convert_to_fhir_refuses_a_urn_subject() -> None:
    code, _, err = run(
        "convert", "--to", "fhir", "--subject", "urn:uuid:x", "-", stdin=example_text("form")
    )
    assert code == 2 and "Traceback" not in err


# --- status and review of a learning network ---------------------------------------------


def test_status_of_the_example_network_lists_every_team() -> None:
    code, out, err = run("status", "--example")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Læringsnettverk Gode pasientforløp (eksempel)"
    assert [line.split()[0] for line in lines[2:]] == [
        "team-bodoe",
        "team-trondheim",
        "team-hamar",
        "team-aarstad",
        "team-stavanger",
    ]
    assert "85.0 %" in lines[2]


def test_status_from_files_equals_the_example(tmp_path: Path) -> None:
    from importlib import resources

    data = resources.files("laeringsnettverk").joinpath("data")
    paths = {}
    for name in ("network.json", "network_forms.jsonl", "network_checklists.jsonl"):
        path = tmp_path / name
        path.write_text(data.joinpath(f"example_{name}").read_text(encoding="utf-8"))
        paths[name] = str(path)
    code, out, err = run(
        "status",
        paths["network.json"],
        "--forms",
        paths["network_forms.jsonl"],
        "--checklists",
        paths["network_checklists.jsonl"],
    )
    assert code == 0, err
    assert out == run("status", "--example")[1]


def test_status_reports_a_bad_line_of_the_forms(tmp_path: Path) -> None:
    forms = tmp_path / "forms.jsonl"
    forms.write_text(example_text("form").replace("\n", "") + "\n" + '{"kind": "form"}\n')
    code, out, err = run("status", "--forms", str(forms), "-", stdin=example_text("network"))
    assert code == 2 and out == ""
    assert f"{forms}: line 2: $.schema_version: is required" in err


def test_status_needs_a_file_or_the_example() -> None:
    code, _, err = run("status")
    assert code == 2
    assert "file: is required" in err


def test_review_of_the_example_network() -> None:
    code, out, err = run("review", "--example", "--today", "2025-01-01", "--json")
    assert code == 0, err
    findings = json.loads(out)
    codes = {f["code"] for f in findings}
    assert {"team_size", "no_user_representative", "low_group_work"} <= codes
    assert all(
        {"severity", "code", "concerns", "message_nb", "message_en"} == f.keys() for f in findings
    )
    code, text, _ = run("review", "--example", "--today", "2025-01-01")
    assert code == 0 and len(text.splitlines()) == len(findings)


def test_review_rejects_a_bad_date() -> None:
    code, _, err = run("review", "--example", "--today", "1. januar")
    assert code == 2
    assert "today: '1. januar' must be an ISO 8601 date" in err
