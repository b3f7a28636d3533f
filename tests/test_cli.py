"""The ``laeringsnettverk`` command line, in process: every command, option and message.

Batches (JSON Lines), streaming and the subprocess runs are in ``tests/test_cli_batch.py``.
"""

from __future__ import annotations

import datetime
import io
import json
import runpy
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

from laeringsnettverk import __version__
from laeringsnettverk.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, build_parser, main
from laeringsnettverk.errors import LaeringsnettverkWarning
from laeringsnettverk.examples import EXAMPLE_KINDS, example_text, load_example
from laeringsnettverk.summary import SUMMARY_KEYS

NBSP = "\u00a0"


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err, stdin=io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def one_line(kind: str) -> str:
    return json.dumps(json.loads(example_text(kind)), ensure_ascii=False)


def test_the_exit_statuses() -> None:
    assert (EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT) == (0, 1, 2)


# --- help and version ----------------------------------------------------------------------


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.strip() == f"laeringsnettverk {__version__}"


def test_help_lists_every_command_and_the_exit_statuses() -> None:
    code, out, _ = run()
    assert code == 0
    for command in ("score", "validate", "convert", "status", "review", "report", "example"):
        assert command in out
    assert "Exit status: 0 ok; 1 bad lines" in out
    code, out, _ = run("score", "--help")
    assert code == 0 and "--max-errors N" in out


def test_an_unknown_option_is_a_usage_error_on_the_given_stream() -> None:
    code, out, err = run("score", "--nope")
    assert (code, out) == (2, "")
    assert err.startswith("usage: laeringsnettverk ")
    assert "unrecognized arguments: --nope" in err


@pytest.mark.parametrize("value", ["0", "-1", "x"])
def test_max_errors_must_be_a_whole_number_from_1(value: str) -> None:
    code, _, err = run("validate", "--max-errors", value, "-")
    assert code == 2
    assert f"must be a whole number from 1, not {value!r}" in err


def test_the_module_runs_as_a_script(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    for module in ("laeringsnettverk", "laeringsnettverk.cli"):
        monkeypatch.setattr(sys, "argv", [module, "example", "wheel"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # cli is imported already
            with pytest.raises(SystemExit) as info:
                runpy.run_module(module, run_name="__main__")
        assert info.value.code == 0
    assert out.getvalue().count('"kind": "wheel"') == 2


def test_importing_the_main_module_runs_nothing() -> None:
    import importlib

    module = importlib.import_module("laeringsnettverk.__main__")
    assert module.main is main


def test_input_from_the_bytes_of_standard_input_and_a_file_that_is_not_utf8(
    tmp_path: Path,
) -> None:
    data = ("\ufeff" + example_text("kor")).encode()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="ascii")  # its bytes are read, as UTF-8
    out = io.StringIO()
    assert main(["validate", "-"], stdout=out, stderr=io.StringIO(), stdin=stdin) == 0
    assert out.getvalue() == "<stdin>: ok (kor)\n"
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff")
    code, out_text, _ = run("validate", str(bad))
    assert code == 2
    assert "is not UTF-8 text (a bad byte at 0); save it as UTF-8" in out_text


# --- score ---------------------------------------------------------------------------------


def test_score_example_prints_the_worked_example_in_the_norwegian_number_format() -> None:
    code, out, err = run("score", "--example")
    assert (code, err) == (0, "")
    assert "1. samtale                               2,0" in out
    assert "Opplevd nytte (perceived benefit) 1.→2. samtale: 3,0 (4 parvise, paired)" in out
    assert f"8 av (of) 10 poeng (points) = 80{NBSP}%" in out
    assert out.count("─" * 60) == 1


def test_score_prints_what_summarize_formats() -> None:
    from laeringsnettverk.summary import summarize

    for lang in ("nb", "en"):
        code, out, _ = run("score", "-", "--lang", lang, stdin=example_text("kor"))
        assert code == 0
        assert out == summarize(load_example("kor")).format(lang) + "\n"


def test_score_in_english() -> None:
    code, out, _ = run("score", "--example", "--lang", "en")
    assert code == 0
    assert "Perceived benefit 1st → 2nd conversation: 3.0 (4 paired)" in out
    assert f"8 of 10 points = 80{NBSP}%" in out


def test_score_json_is_one_object_per_line_with_the_same_keys() -> None:
    code, out, _ = run("score", "--example", "--json")
    assert code == 0
    form, checklist = (json.loads(line) for line in out.splitlines())
    keys = ["file", "line", "ok", "problems", "omitted", *SUMMARY_KEYS]
    assert list(form) == list(checklist) == keys
    assert (form["file"], form["line"], form["ok"]) == ("example:form", None, True)
    assert form["means"] == [2.0, 5.0]
    assert (form["benefit"], form["paired"]) == (3.0, 4)
    assert (checklist["fidelity"], checklist["percent"]) == (0.8, 80.0)


def test_score_json_of_one_file_is_one_object_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "form.json"
    path.write_text(example_text("form"), encoding="utf-8")
    code, out, _ = run("score", "--json", str(path))
    assert code == 0
    assert out.count("\n") == 1
    record = json.loads(out)
    assert (record["file"], record["benefit"]) == (str(path), 3.0)


def test_score_json_of_two_files_is_two_lines_not_an_array(tmp_path: Path) -> None:
    path = tmp_path / "form.json"
    path.write_text(example_text("form"), encoding="utf-8")
    code, out, _ = run("score", "--json", str(path), "-", stdin=example_text("checklist"))
    assert code == 0
    assert [json.loads(line)["kind"] for line in out.splitlines()] == ["form", "checklist"]


def test_score_a_goal_prints_the_smart_assessment() -> None:
    code, out, _ = run("score", "-", stdin=example_text("goal"))
    assert code == 0
    assert "SMARTE [SMARTE]: 6 av 6 oppfylt (6 of 6 met)" in out
    code, out, _ = run("score", "--json", "-", stdin=example_text("goal"))
    record = json.loads(out)
    assert (record["met"], record["letters"]) == (6, "SMARTE")


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        # a score above the scale
        (
            example_text("form").replace('"Treffe venner": 5', '"Treffe venner": 11'),
            "is above the scale's max 10",
        ),
        # not JSON
        ("nonsense", "is not valid JSON"),
        # a document kind that has no score
        (example_text("plan"), "$.kind: 'plan' cannot be summarized"),
    ],
)
def test_bad_input_exits_2_with_the_message_and_no_traceback(stdin: str, message: str) -> None:
    code, out, err = run("score", "-", stdin=stdin)
    assert code == 2
    assert err.startswith("laeringsnettverk: error: <stdin>: ")
    assert message in err
    assert "Traceback" not in err
    assert out == ""


def test_score_json_of_a_bad_document_is_a_record_with_its_problems() -> None:
    code, out, err = run("score", "--json", "-", stdin=example_text("plan"))
    assert code == 2
    record = json.loads(out)
    assert (record["ok"], record["kind"], record["benefit"]) == (False, None, None)
    assert record["problems"][0]["path"] == "$.kind"
    assert "cannot be summarized" in err


def test_score_warns_in_one_clean_line_when_conversations_scored_different_activities() -> None:
    from laeringsnettverk import WhatMattersForm, dumps

    form = WhatMattersForm.from_scores(
        ["Sove", "Handle", "Jobbe"],
        (datetime.date(2024, 1, 2), [2, 4, 6]),
        (datetime.date(2024, 3, 1), [5, 7, None]),
    )
    code, out, err = run("score", "-", stdin=dumps(form))
    assert code == 0
    assert "Utelatt (left out): 1 " in out
    assert err == (
        "advarsel: <stdin>: samtale 1 og 2 scoret ulike aktiviteter: 1 scoret ved bare én av "
        "dem er utelatt fra opplevd nytte (2 parvise)\n"
    )
    code, _, err = run("score", "--json", "--lang", "en", "-", stdin=dumps(form))
    assert code == 0
    assert err.startswith("warning: <stdin>: conversations 1 and 2 scored different activities")


def test_library_warnings_become_one_line_without_python_internals(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import laeringsnettverk.summary

    real = laeringsnettverk.summary.summarize

    def warning_summarize(doc: object) -> object:
        warnings.warn(
            "something risky:\nsee the docs. Score the same activities at both, or silence "
            "this with warnings.filterwarnings('ignore', category=LaeringsnettverkWarning).",
            LaeringsnettverkWarning,
            stacklevel=1,
        )
        return real(doc)

    monkeypatch.setattr(laeringsnettverk.summary, "summarize", warning_summarize)
    code, _, err = run("score", "--lang", "en", "-", stdin=example_text("checklist"))
    assert code == 0
    assert err == (
        "warning: <stdin>: something risky: see the docs. Score the same activities at both.\n"
    )


def test_missing_file_exits_2(tmp_path: Path) -> None:
    code, _, err = run("score", str(tmp_path / "nope.json"))
    assert code == 2
    assert "cannot be read" in err


def test_score_needs_a_file_or_the_example() -> None:
    code, _, err = run("score")
    assert code == 2
    assert "FILE is required (a path, '-' for standard input, or --example)" in err
    code, _, err = run("score", "--example", "-")
    assert code == 2
    assert "error: --example uses the shipped example: give no FILE\n" in err


def test_standard_input_is_read_once() -> None:
    code, out, err = run("score", "-", "-", stdin=example_text("form"))
    assert (code, out) == (2, "")
    assert "standard input ('-') can be read only once" in err
    code, out, err = run("status", "-", "--forms", "-", stdin=example_text("network"))
    assert (code, out) == (2, "")
    assert err.startswith("usage: laeringsnettverk status")
    assert "standard input ('-') can be read only once" in err


# --- example, validate, convert --------------------------------------------------------------


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


def test_validate_counts_the_problems_it_does_not_list() -> None:
    items = [{"text": "x", "status": "bad"}] * 150
    text = json.dumps({"kind": "checklist", "schema_version": 1, "items": items})
    code, out, _ = run("validate", "-", stdin=text)
    assert code == 2
    assert out.startswith("<stdin>: invalid (150 problems)\n")
    assert out.endswith("  … and 50 more problems\n")


def test_validate_json_is_one_record_per_document(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "form"}', encoding="utf-8")
    code, out, err = run("validate", "--json", "-", str(bad), stdin=example_text("wheel"))
    assert (code, err) == (2, "")
    ok, invalid = (json.loads(line) for line in out.splitlines())
    assert ok == {
        "file": "<stdin>",
        "line": None,
        "ok": True,
        "kind": "wheel",
        "problems": [],
        "omitted": 0,
    }
    assert (invalid["ok"], invalid["kind"], invalid["file"]) == (False, None, str(bad))
    assert any(
        (p["path"], p["value"], p["rule"]) == ("$.schema_version", None, "is required")
        for p in invalid["problems"]
    )


def test_convert_prints_canonical_json() -> None:
    messy = json.dumps(json.loads(example_text("form")), indent=None)
    code, out, _ = run("convert", "--to", "json", "-", stdin=messy)
    assert code == 0
    assert out == example_text("form")


def test_convert_of_a_bad_document_exits_2() -> None:
    code, out, err = run("convert", "-", stdin='{"kind": "form"}')
    assert (code, out) == (2, "")
    assert err.startswith("laeringsnettverk: error: <stdin>: ")


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

FHIR_KINDS = {  # the resources each kind's Bundle holds at least (the FHIR pages say more)
    "form": ["QuestionnaireResponse", "QuestionnaireResponse", "Observation"],
    "checklist": ["QuestionnaireResponse", "Observation"],
    "kor": ["QuestionnaireResponse", "Observation"],
    "plan": ["CarePlan"],
    "goal": ["Goal", "Observation"],
}
FHIR = ("convert", "--to", "fhir", "--subject", "Patient/123")


@pytest.mark.parametrize("kind", FHIR_KINDS)
def test_convert_to_fhir_prints_a_valid_transaction_bundle(kind: str) -> None:
    from collections import Counter

    from test_fhir import check_references, validate

    code, out, err = run(*FHIR, "-", stdin=example_text(kind))
    assert code == 0, err
    bundle = json.loads(out)
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "transaction"
    types = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    assert Counter(FHIR_KINDS[kind]) <= types
    assert all(e["request"]["method"] == "POST" for e in bundle["entry"])
    subjects = {
        e["resource"]["subject"]["reference"] for e in bundle["entry"] if "subject" in e["resource"]
    }
    assert subjects == {"Patient/123"}
    validate(bundle)
    check_references(bundle)


def test_convert_to_fhir_can_leave_the_questionnaires_out() -> None:
    code, out, err = run(*FHIR, "--no-questionnaires", "-", stdin=example_text("checklist"))
    assert code == 0, err
    types = [e["resource"]["resourceType"] for e in json.loads(out)["entry"]]
    assert types == ["QuestionnaireResponse", "Observation"]


def test_convert_to_fhir_reads_back_to_the_same_form() -> None:
    from laeringsnettverk.fhir import bundle_from_fhir

    code, out, _ = run(*FHIR, "-", stdin=example_text("form"))
    assert code == 0
    assert bundle_from_fhir(json.loads(out)).form == load_example("form")


def test_convert_to_fhir_takes_a_base_url_and_put() -> None:
    code, out, err = run(
        *FHIR,
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


@pytest.mark.parametrize("kind", ["stakeholder_map", "network", "wheel", "project", "series"])
def test_convert_to_fhir_refuses_kinds_without_a_mapping(kind: str) -> None:
    code, out, err = run(*FHIR, "-", stdin=example_text(kind))
    assert code == 2 and out == ""
    assert f"$.kind: {kind!r} has no FHIR mapping" in err


def test_convert_to_fhir_requires_a_subject() -> None:
    code, out, err = run("convert", "--to", "fhir", "-", stdin=example_text("form"))
    assert (code, out) == (2, "")
    assert err.startswith("usage: laeringsnettverk convert")
    assert "--subject is required with --to fhir" in err
    assert "Patient/example" not in err


@pytest.mark.parametrize("subject", ["urn:uuid:x", "01010012345", "Ola Nordmann", "12345678901"])
def test_convert_to_fhir_refuses_a_bad_subject_without_showing_it(subject: str) -> None:
    code, out, err = run("convert", "--to", "fhir", "--subject", subject, "-")
    assert (code, out) == (2, "")
    assert "argument --subject: must be Patient/<id>" in err
    assert subject not in err
    assert "Traceback" not in err


def test_convert_to_fhir_refuses_json_lines(tmp_path: Path) -> None:
    batch = tmp_path / "forms.jsonl"
    batch.write_text(one_line("form") + "\n", encoding="utf-8")
    for argv in ([str(batch)], ["--jsonl", "-"]):
        code, out, err = run(*FHIR, *argv)
        assert (code, out) == (2, "")
        assert "JSON Lines of many documents are refused" in err


# --- status, review and report of a learning network ------------------------------------------


def test_status_of_the_example_network_lists_every_team() -> None:
    code, out, err = run("status", "--example")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Læringsnettverk Gode pasientforløp (eksempel)"
    assert lines[1].startswith("Team            Fase (phase)  SMART  Forberedelse (preparation)")
    assert [line.split()[0] for line in lines[2:]] == [
        "team-bodoe",
        "team-trondheim",
        "team-hamar",
        "team-aarstad",
        "team-stavanger",
    ]
    assert f"2,8              85{NBSP}%" in lines[2]


def test_status_in_english_and_as_json() -> None:
    code, out, _ = run("status", "--example", "--lang", "en")
    assert code == 0
    assert out.splitlines()[1].split() == [
        "Team", "Phase", "SMART", "Preparation", "Forms", "Benefit", "Fidelity", "Progress"
    ]  # fmt: skip
    assert [cell for cell in out.splitlines()[2].split(" ") if cell] == [
        "team-bodoe", "Evaluate", "1/1", "10/10", "2", "2.8", f"85{NBSP}%", "3.5"
    ]  # fmt: skip
    code, out, _ = run("status", "--example", "--json")
    assert code == 0 and out.count("\n") == 1
    record = json.loads(out)
    bodoe = record["teams"][0]
    assert (record["bad_lines"], bodoe["team"], bodoe["phases"]) == (0, "team-bodoe", ["evaluere"])
    assert (bodoe["forms_scored"], bodoe["mean_benefit"]) == (2, 2.75)
    assert bodoe["mean_fidelity"] == pytest.approx(0.85)


def test_the_status_table_shows_a_project_before_any_phase_and_a_team_without_projects() -> None:
    from laeringsnettverk.cli import _status_table
    from laeringsnettverk.network import NetworkStatus, TeamStatus

    def team(name: str, phases: list[None]) -> TeamStatus:
        return TeamStatus(
            team=name, name=name, phases=phases, goals=0, smart_goals=0, tasks_done=0,
            tasks_total=0, forms_scored=0, mean_benefit=None, mean_fidelity=None, contacts=0,
            progress=(),
        )  # fmt: skip

    status = NetworkStatus(network="n", teams=[team("a", [None]), team("b", [])])
    lines = _status_table(status, "en").splitlines()
    assert lines[2].split() == ["a", "-", "0/0", "0/0", "0", "–", "–", "–"]
    assert lines[3].split()[:2] == ["b", "-"]


def test_status_from_files_equals_the_example(tmp_path: Path) -> None:
    paths = _example_network_files(tmp_path)
    code, out, err = run(
        "status", paths["network"], "--forms", paths["forms"], "--checklists", paths["checklists"]
    )
    assert (code, err) == (0, "")
    assert out == run("status", "--example")[1]


def test_status_streamed_equals_network_status(tmp_path: Path) -> None:
    from laeringsnettverk.cli import _Run, _streamed_status
    from laeringsnettverk.network import load_example_network, network_status

    paths = _example_network_files(tmp_path)
    example = load_example_network()
    args = build_parser().parse_args(
        ["status", paths["network"], "--forms", paths["forms"], "--checklists", paths["checklists"]]
    )
    run_ = _Run(args, io.StringIO(), io.StringIO(), io.StringIO())
    streamed = _streamed_status(run_, example.network)
    assert streamed == network_status(example.network, example.forms, example.checklists)


def _example_network_files(tmp_path: Path) -> dict[str, str]:
    from importlib import resources

    data = resources.files("laeringsnettverk").joinpath("data")
    paths = {}
    for key, name in (
        ("network", "network.json"),
        ("forms", "network_forms.jsonl"),
        ("checklists", "network_checklists.jsonl"),
    ):
        path = tmp_path / name
        path.write_text(data.joinpath(f"example_{name}").read_text(encoding="utf-8"))
        paths[key] = str(path)
    return paths


def test_status_reports_each_bad_line_and_prints_the_table(tmp_path: Path) -> None:
    forms = tmp_path / "forms.txt"  # --forms is JSON Lines whatever the name
    forms.write_text(one_line("form") + "\n" + '{"kind": "form"}\n', encoding="utf-8")
    code, out, err = run("status", "--forms", str(forms), "-", stdin=example_text("network"))
    assert code == 1
    assert out.startswith("Læringsnettverk Gode pasientforløp (eksempel)\n")
    assert err == f"laeringsnettverk: error: {forms}: line 2: $.schema_version: is required\n"
    assert "3,0" in out.splitlines()[2]  # the good form (benefit 3,0) counts for team-bodoe


def test_status_of_a_bad_network_document_exits_2() -> None:
    code, out, err = run("status", "-", stdin=example_text("form"))
    assert (code, out) == (2, "")
    assert err.startswith("laeringsnettverk: error: ")


def test_status_needs_a_file_or_the_example() -> None:
    code, _, err = run("status")
    assert code == 2
    assert "FILE is required" in err
    code, _, err = run("status", "--example", "--forms", "f.jsonl")
    assert code == 2
    assert "--example uses the shipped example: give no FILE, --forms or --checklists" in err


def test_review_of_the_example_network() -> None:
    code, out, err = run("review", "--example", "--today", "2025-01-01", "--json")
    assert code == 0, err
    assert out.count("\n") == 1
    record = json.loads(out)
    assert (record["network"], record["today"]) == (
        "Læringsnettverk Gode pasientforløp (eksempel)",
        "2025-01-01",
    )
    findings = record["findings"]
    codes = {f["code"] for f in findings}
    assert {"team_size", "no_user_representative", "low_group_work"} <= codes
    assert all(
        {"severity", "code", "concerns", "message_nb", "message_en"} == f.keys() for f in findings
    )
    code, text, _ = run("review", "--example", "--today", "2025-01-01")
    assert code == 0 and len(text.splitlines()) == len(findings)
    assert " / " in text  # Norwegian with the English beside it
    code, text, _ = run("review", "--example", "--today", "2025-01-01", "--lang", "en")
    assert code == 0 and len(text.splitlines()) == len(findings)
    assert findings[0]["message_en"] in text and findings[0]["message_nb"] not in text


def test_review_fails_on_findings_when_asked() -> None:
    code, _, _ = run("review", "--example", "--today", "2025-01-01", "--fail-on-findings")
    assert code == 1


def test_review_without_findings(tmp_path: Path) -> None:
    from laeringsnettverk import dumps
    from laeringsnettverk.network import LearningNetwork

    path = tmp_path / "network.json"
    path.write_text(dumps(LearningNetwork(name="n", theme="t", target_group="g")), encoding="utf-8")
    for lang, text in (("nb", "Ingen funn (no findings)\n"), ("en", "No findings\n")):
        code, out, err = run("review", str(path), "--lang", lang, "--fail-on-findings")
        assert (code, out) == (0, text), err


def test_review_defaults_to_today() -> None:
    code, out, _ = run("review", "--example", "--json")
    assert code == 0
    assert json.loads(out)["today"] == datetime.date.today().isoformat()


def test_review_rejects_a_bad_date() -> None:
    code, _, err = run("review", "--example", "--today", "1. januar")
    assert code == 2
    assert "today: '1. januar' must be an ISO 8601 date" in err


def test_report_of_the_example(tmp_path: Path) -> None:
    from laeringsnettverk.report import render_report_example

    path = tmp_path / "report.html"
    code, out, err = run("report", "--example", "-o", str(path))
    assert (code, out, err) == (0, "", "")
    assert path.read_bytes() == render_report_example().encode("utf-8")
    code, out, _ = run("report", "--example", "--lang", "en", "-o", "-")
    assert code == 0
    assert out == render_report_example(lang="en")


def test_report_of_one_team_of_the_example() -> None:
    code, out, _ = run("report", "--example", "--team", "team-bodoe", "-o", "-")
    assert code == 0 and out.startswith("<!DOCTYPE html>")
    assert out != run("report", "--example", "-o", "-")[1]
    code, out, err = run("report", "--example", "--team", "nope", "-o", "-")
    assert (code, out) == (2, "")
    assert "team: 'nope' is not a team of the network" in err


def test_report_from_files(tmp_path: Path) -> None:
    from laeringsnettverk.network import load_example_network
    from laeringsnettverk.report import render_report

    paths = _example_network_files(tmp_path)
    (tmp_path / "forms.jsonl").write_text(
        Path(paths["forms"]).read_text(encoding="utf-8") + '{"kind": "form"}\n', encoding="utf-8"
    )
    code, out, err = run(
        "report",
        paths["network"],
        "--forms",
        str(tmp_path / "forms.jsonl"),
        "--checklists",
        paths["checklists"],
        "--today",
        "2025-06-01",
        "-o",
        "-",
    )
    assert code == 1  # the bad line is reported; the report has the good ones
    assert "forms.jsonl: line 7: " in err
    example = load_example_network()
    expected = render_report(
        example.network, example.forms, example.checklists, today=datetime.date(2025, 6, 1)
    )
    assert out == expected
    code, out, _ = run("report", paths["network"], "-o", "-")
    assert code == 0
    assert datetime.date.today().isoformat() in out


def test_report_needs_an_output_it_can_write(tmp_path: Path) -> None:
    code, _, err = run("report", "--example")
    assert code == 2 and "-o/--output" in err
    code, _, err = run("report", "--example", "-o", str(tmp_path / "missing" / "r.html"))
    assert code == 2
    assert "output: " in err and "cannot be written" in err


# --- the reference page is generated from the parser ------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def _reference_tool() -> object:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_cli_reference", ROOT / "tools" / "make_cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_reference_page_holds_every_commands_help_as_the_parser_prints_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import argparse

    page = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "82")
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(commands.choices) == {
        "score", "validate", "convert", "status", "review", "report", "example", "schema"
    }  # fmt: skip
    for command in [parser, *commands.choices.values()]:
        assert command.format_help() in page, command.prog
    tool: Any = _reference_tool()
    assert tool.rewritten(page) == page, "stale: run tools/make_cli_reference.py"
    assert tool.main(["--check"]) == 0


def test_the_exit_status_table_is_the_same_in_the_docstring_and_the_reference() -> None:
    import laeringsnettverk.cli

    def rows(text: str) -> list[str]:
        return [line.replace("``", "`") for line in text.splitlines() if line.startswith("| ")]

    page = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    docstring = laeringsnettverk.cli.__doc__ or ""
    assert rows(docstring) == rows(page)
    assert [row.split("|")[1].strip() for row in rows(page)[1:]] == ["0", "1", "2"]
