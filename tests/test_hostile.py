"""Hostile input: every loader accepts a document or refuses it with the library's own error.

Regression tests for what an outside harness found (issue 15), then Hypothesis suites that
feed every public loader arbitrary JSON values and mutated valid documents.
"""

from __future__ import annotations

import contextlib
import copy
import datetime
import io
import json
import math
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import laeringsnettverk as ln
from laeringsnettverk import fhir
from laeringsnettverk._checks import Checker, check_unicode, isfinite
from laeringsnettverk.cli import main
from laeringsnettverk.errors import MAX_PROBLEMS, LaeringsnettverkError, Problem, ValidationError
from laeringsnettverk.examples import EXAMPLE_KINDS, example_text, load_example
from laeringsnettverk.improvement import readiness
from laeringsnettverk.scoring import (
    mean_score,
    perceived_benefit,
    program_fidelity,
    round_half_up,
    to_percent,
)
from laeringsnettverk.serialization import (
    DOCUMENT_KINDS,
    from_dict,
    from_document,
    load_jsonl,
    loads,
    make_converter,
)
from laeringsnettverk.serialization._json import _kinds

SUBJECT = fhir.Subject(reference="Patient/1")
BOM = "\ufeff"


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err, stdin=io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def one_line(kind: str) -> str:
    return json.dumps(json.loads(example_text(kind)), ensure_ascii=False)


# -- the wrong JSON type where the envelope wants a string or an int --------------------------


@pytest.mark.parametrize("value", [[], {}, [1], {"a": 1}, None, 1.5, True])
def test_a_kind_or_version_of_any_json_type_is_a_validation_error(value: object) -> None:
    with pytest.raises(ValidationError, match=r"\$\.kind: .* is not a known document kind"):
        loads(json.dumps({"kind": value, "schema_version": 1}))
    with pytest.raises(ValidationError, match=r"\$\.schema_version: .* is not a supported"):
        loads(json.dumps({"kind": "form", "schema_version": value}))


# -- deep nesting, long numbers ----------------------------------------------------------------


def test_nesting_a_thousand_deep_is_a_validation_error() -> None:
    deep = '{"kind": "form", "schema_version": 1, "activities": ' + "[" * 1000 + "]" * 1000 + "}"
    with pytest.raises(ValidationError, match=r"^\$: 'str' is nested too deeply to read$"):
        loads(deep)
    with pytest.raises(ValidationError, match=r"'bytes' is nested too deeply"):
        loads(deep.encode())


def test_nesting_just_below_the_parsers_limit_is_a_validation_error_too() -> None:
    for depth in (100, 400, sys.getrecursionlimit() - 200):
        deep = "[" * depth + "]" * depth
        text = '{"kind": "form", "schema_version": 1, "activities": ' + deep + "}"
        with pytest.raises(ValidationError):
            loads(text)


def test_the_cli_reports_deep_nesting_and_long_numbers_and_goes_on(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    long = tmp_path / "long.json"
    long.write_text('{"kind": "form", "schema_version": ' + "9" * 5000 + "}", encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(example_text("wheel"), encoding="utf-8")
    code, out, err = run("validate", str(deep), str(long), str(good))
    assert (code, err) == (2, "")
    assert out == (
        f"{deep}: invalid (1 problem)\n  $: 'str' is nested too deeply to read\n"
        f"{long}: invalid (1 problem)\n  $: 'str' holds a number of too many digits to read\n"
        f"{good}: ok (wheel)\n"
    )


def test_an_integer_of_more_than_4300_digits_is_a_validation_error() -> None:
    text = '{"kind": "form", "schema_version": ' + "9" * 5000 + "}"
    with pytest.raises(ValidationError, match=r"holds a number of too many digits to read"):
        loads(text)


def test_a_hostile_line_is_one_bad_line_and_the_good_lines_are_kept() -> None:
    good = one_line("form")
    hostile = [
        '{"kind": "form", "schema_version": ' + "9" * 5000 + "}",  # too many digits
        "[" * 5000 + "]" * 5000,  # nested too deeply
        '{"kind": "form", "kind": "wheel", "schema_version": 1}',  # a repeated key
        '{"kind": [], "schema_version": 1}',  # a list as kind
        '"\\ud800"',  # a lone surrogate
    ]
    text = "\n".join([good, *hostile, good]) + "\n"
    for source in (text, text.encode()):
        result = load_jsonl(source)
        assert [n for n, _ in result.loaded] == [1, len(hostile) + 2]
        assert [e.line for e in result.errors] == list(range(2, len(hostile) + 2))
        rules = [e.problems[0].rule for e in result.errors]
        assert rules[0] == "is not valid JSON (a number has too many digits)"
        assert rules[1] == "is not valid JSON (nested too deeply)"
        assert rules[2].startswith("appears more than once")
        assert rules[3].startswith("is not a known document kind")
        assert "lone surrogate" in rules[4]


# -- the CLI: files that are not UTF-8 ---------------------------------------------------------

NOT_UTF8 = {
    "invalid": b'{"kind": "form", \xff}',
    "latin-1": example_text("form").encode("latin-1"),
    "utf-16": example_text("form").encode("utf-16"),
}


@pytest.mark.parametrize("encoding", NOT_UTF8)
def test_validate_reports_a_file_that_is_not_utf8_in_one_line_and_goes_on(
    tmp_path: Path, encoding: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(NOT_UTF8[encoding])
    good = tmp_path / "good.json"
    good.write_text(example_text("plan"), encoding="utf-8")
    code, out, err = run("validate", str(bad), str(good))
    assert code == 2
    assert "Traceback" not in err
    lines = out.splitlines()
    assert lines[0] == f"{bad}: invalid (1 problem)"
    assert lines[1].startswith("  $.file: '")
    assert "is not UTF-8 text (a bad byte at " in lines[1]
    assert lines[2] == f"{good}: ok (plan)"


@pytest.mark.parametrize("encoding", NOT_UTF8)
def test_score_reports_a_file_that_is_not_utf8_and_scores_the_next(
    tmp_path: Path, encoding: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(NOT_UTF8[encoding])
    good = tmp_path / "good.json"
    good.write_text(example_text("checklist"), encoding="utf-8")
    code, out, err = run("score", "--json", str(bad), str(good))
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith(f"laeringsnettverk: error: {bad}: file: '")
    assert "is not UTF-8 text (a bad byte at" in err
    records = [json.loads(line) for line in out.splitlines()]  # JSON Lines, one per file
    assert [(r["ok"], r["kind"]) for r in records] == [(False, None), (True, "checklist")]
    code, out, err = run("score", str(good), str(bad), str(good))
    assert code == 2
    assert out.count("Sjekkliste for samhandling") == 2
    assert out.count("─" * 60) == 1


@pytest.mark.parametrize("encoding", NOT_UTF8)
def test_convert_reports_a_file_that_is_not_utf8_in_one_line(tmp_path: Path, encoding: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(NOT_UTF8[encoding])
    code, out, err = run("convert", str(bad))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "is not UTF-8 text" in err


def test_score_of_only_bad_files_prints_no_score_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff")
    code, out, _ = run("score", "--json", str(bad))
    assert (code, json.loads(out)["ok"]) == (2, False)
    assert run("score", str(bad))[:2] == (2, "")


def test_the_cli_reads_utf8_from_the_standard_inputs_bytes() -> None:
    for data, status in ((BOM.encode() + example_text("kor").encode(), 0), (b"\xff", 2)):
        done = subprocess.run(
            [sys.executable, "-m", "laeringsnettverk.cli", "validate", "-"],
            input=data,
            capture_output=True,
            check=False,
        )
        assert done.returncode == status
        assert b"Traceback" not in done.stderr


def test_the_cli_reads_standard_input_as_bytes_when_it_has_them() -> None:
    for data, status in ((BOM.encode() + example_text("kor").encode(), 0), (b"\xff", 2)):
        stdin = io.TextIOWrapper(io.BytesIO(data), encoding="ascii")  # its bytes, not ascii
        out, err = io.StringIO(), io.StringIO()
        assert main(["validate", "-"], stdout=out, stderr=err, stdin=stdin) == status


def test_the_cli_replaces_what_the_console_cannot_encode(monkeypatch: pytest.MonkeyPatch) -> None:
    console = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", console)
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(io.BytesIO(), encoding="cp1252"))
    assert main(["score", "--example"]) == 0
    console.flush()
    written = console.buffer.getvalue()  # type: ignore[attr-defined,unused-ignore]
    assert "Programoppfyllelse".encode("cp1252") in written
    assert console.errors == "replace"


def test_the_cli_leaves_a_console_that_is_not_a_text_wrapper_as_it_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    console = io.StringIO()
    monkeypatch.setattr(sys, "stdout", console)
    assert main(["example", "wheel"]) == 0
    assert json.loads(console.getvalue())["kind"] == "wheel"


def test_a_narrow_console_encoding_does_not_crash_the_cli() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run(
        [sys.executable, "-m", "laeringsnettverk.cli", "score", "--example"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("cp1252")
    assert "Programoppfyllelse".encode("cp1252") in done.stdout
    assert "?".encode("cp1252") in done.stdout  # "→" replaced


# -- FHIR readers --------------------------------------------------------------------------


def _goal_resources() -> fhir.GoalResources:
    return fhir.goal_to_fhir(load_example("goal"), subject=SUBJECT)


def _indicator(goal: dict[str, Any]) -> dict[str, Any]:
    return next(e for e in goal["extension"] if e["url"].endswith("/indicator"))


def test_the_goal_reader_refuses_a_coding_without_its_code() -> None:
    r = _goal_resources()
    goal = copy.deepcopy(r.goal)
    coding = goal["target"][0]["measure"]["coding"]
    del coding[0]["code"]
    with pytest.raises(ValidationError, match=r"coding\[0\]\.code: is required"):
        fhir.goal_from_fhir(goal, r.baseline)
    coding[0]["code"] = "nope"
    with pytest.raises(ValidationError, match=r"'nope' is not an indicator-kind code"):
        fhir.goal_from_fhir(goal, r.baseline)


@pytest.mark.parametrize("url", ["role", "frequency"])
def test_the_goal_reader_refuses_an_indicator_part_without_its_code(url: str) -> None:
    r = _goal_resources()
    goal = copy.deepcopy(r.goal)
    part = next(p for p in _indicator(goal)["extension"] if p["url"] == url)
    del part["valueCode"]
    with pytest.raises(ValidationError, match=r"valueCode: is required"):
        fhir.goal_from_fhir(goal, r.baseline)
    part["valueCode"] = "nope"
    with pytest.raises(ValidationError, match=rf"'nope' is not a {url} code"):
        fhir.goal_from_fhir(goal, r.baseline)


def test_the_checklist_reader_refuses_a_status_without_its_code() -> None:
    response = fhir.checklist_to_fhir(load_example("checklist"), subject=SUBJECT).response
    bad = copy.deepcopy(response)
    del bad["item"][0]["answer"][0]["valueCoding"]["code"]
    with pytest.raises(ValidationError, match=r"valueCoding\.code: is required"):
        fhir.checklist_from_fhir(bad)
    bad["item"][0]["answer"][0]["valueCoding"]["code"] = "nope"
    with pytest.raises(ValidationError, match=r"'nope' is not an item-status code"):
        fhir.checklist_from_fhir(bad)


@pytest.mark.parametrize("value", [10**400, -(10**400), math.inf, math.nan])
def test_the_kor_reader_refuses_a_huge_or_non_finite_decimal(value: float) -> None:
    responses = copy.deepcopy(
        list(fhir.kor_to_fhir(load_example("kor"), subject=SUBJECT).responses)
    )
    responses[0]["item"][0]["item"][0]["answer"][0]["valueDecimal"] = value
    with pytest.raises(ValidationError, match=r"valueDecimal: .* must be a finite number"):
        fhir.kor_from_fhir(responses)


def test_the_form_reader_refuses_an_integer_the_writer_refuses() -> None:
    r = fhir.form_to_fhir(load_example("form"), subject=SUBJECT)
    q = copy.deepcopy(r.questionnaire)
    score = q["item"][0]["item"][2]
    bound = next(e for e in score["extension"] if e["url"].endswith("maxValue"))
    bound["valueInteger"] = 2**40
    with pytest.raises(ValidationError, match=r"1099511627776 is beyond FHIR's integer range"):
        fhir.form_from_fhir(q, r.responses)
    with pytest.raises(ValidationError, match=r"scale.maximum: .* beyond FHIR's integer range"):
        fhir.form_to_fhir(
            attrs.evolve(load_example("form"), scale=ln.Scale(maximum=2**40)), subject=SUBJECT
        )


@pytest.mark.parametrize(
    "authored",
    [
        "2015-W06-4",  # an ISO week date: fromisoformat takes it, FHIR does not
        "2015-036T10:00:00Z",  # an ordinal date
        "20150205",  # no dashes
        "2015-02-05T10:00",  # a time without seconds or zone
        "2015-02-05 10:00:00Z",  # a space for the T
        "2015-02-05T25:00:00Z",  # hour 25
        "２０１５-02-05",  # full-width digits
        "2015-02-30",  # no such day
    ],
)
def test_the_readers_refuse_a_date_the_writers_cannot_write(authored: str) -> None:
    r = fhir.form_to_fhir(load_example("form"), subject=SUBJECT)
    responses = copy.deepcopy(list(r.responses))
    responses[0]["authored"] = authored
    with pytest.raises(ValidationError, match=r"authored: .* must be a date \(YYYY-MM-DD\)"):
        fhir.form_from_fhir(r.questionnaire, responses)


@pytest.mark.parametrize(
    "authored",
    ["2015-02-05T10:00:00Z", "2015-02-05T10:00:00.123+01:00", "2015-02-05T23:59:60-14:00"],
)
def test_the_readers_take_the_date_of_a_fhir_datetime(authored: str) -> None:
    r = fhir.form_to_fhir(load_example("form"), subject=SUBJECT)
    responses = copy.deepcopy(list(r.responses))
    responses[0]["authored"] = authored
    form = fhir.form_from_fhir(r.questionnaire, responses)
    assert datetime.date(2015, 2, 5) in [c.date for c in form.conversations]


@pytest.mark.parametrize("responses", [1.5, None, "responses", {"resourceType": "X"}])
def test_the_readers_refuse_responses_that_are_not_a_list(responses: Any) -> None:
    q = fhir.form_to_fhir(load_example("form"), subject=SUBJECT).questionnaire
    with pytest.raises(ValidationError, match=r"responses: .* must be a list of resources"):
        fhir.form_from_fhir(q, responses)
    with pytest.raises(ValidationError, match=r"responses: .* must be a list of resources"):
        fhir.kor_from_fhir(responses)


def test_the_readers_refuse_a_lone_surrogate_in_text_and_in_codes() -> None:
    r = fhir.form_to_fhir(load_example("form"), subject=SUBJECT)
    q = r.questionnaire
    # the activities' names are answers in the (shared Questionnaire's) responses
    for bad in ("Sove\ud800", '"Sove\\udc00"'):  # raw, and in a JSON literal
        responses = copy.deepcopy(list(r.responses))
        responses[0]["item"][0]["item"][0]["answer"][0]["valueString"] = bad
        with pytest.raises(ValidationError, match=r"valueString: contains a lone surrogate"):
            fhir.form_from_fhir(q, responses)
    q = copy.deepcopy(r.questionnaire)
    q["url"] = "urn:\ud800"
    with pytest.raises(ValidationError, match=r"\$\.url: contains a lone surrogate"):
        fhir.form_from_fhir(q, r.responses)


# -- lone surrogates ---------------------------------------------------------------------------

SURROGATE_FORM = example_text("form").replace("Sove godt", "Sove\\ud800 godt")


def test_loads_refuses_a_lone_surrogate_without_echoing_the_text() -> None:
    with pytest.raises(ValidationError) as info:
        loads(SURROGATE_FORM)
    message = str(info.value)
    assert "$.activities[0].name: contains a lone surrogate" in message
    # the same name is a key of the scores: reported at the mapping, the key never shown
    assert "$.conversations[0].scores: has a key that contains a lone surrogate" in message
    assert "Sove" not in message
    assert "ud800" not in message


def test_a_raw_lone_surrogate_in_a_str_is_refused_and_a_pair_is_fine() -> None:
    raw = example_text("form").replace("Sove godt", "Sove\udc00 godt")
    with pytest.raises(ValidationError, match=r"activities\[0\]\.name: contains a lone"):
        loads(raw)
    paired = example_text("form").replace("Sove godt", "Sove\\ud83d\\ude34 godt")
    assert loads(paired, ln.WhatMattersForm).activities[0].name == "Sove\U0001f634 godt om natta"


def test_escaped_letters_are_no_surrogates() -> None:
    escaped = json.dumps(json.loads(example_text("form")), ensure_ascii=True)
    assert "\\u00f8" in escaped and "\\ud" not in escaped
    assert loads(escaped) == load_example("form")


def test_an_encoded_surrogate_in_bytes_is_not_utf8() -> None:
    data = example_text("form").encode().replace(b"Sove godt", b"Sove\xed\xa0\x80 godt")
    with pytest.raises(ValidationError, match=r"^\$: 'bytes' is not valid UTF-8 \(at byte \d+\)"):
        loads(data)
    with pytest.raises(ValidationError, match=r"'bytes' is not valid UTF-16"):
        loads("[1]".encode("utf-16-le") + b"\x00\xd8")


def test_from_dict_and_from_document_refuse_a_lone_surrogate() -> None:
    data = json.loads(SURROGATE_FORM)
    with pytest.raises(ValidationError, match=r"\$\.activities\[0\]\.name: contains a lone"):
        from_document(data)
    body = {k: v for k, v in data.items() if k not in ("kind", "schema_version")}
    with pytest.raises(ValidationError, match=r"\$\.activities\[0\]\.name: contains a lone"):
        from_dict(body, ln.WhatMattersForm)
    # a value under a key that may be free text is reported at the mapping
    body["conversations"][0]["scores"] = {"Sove": "\ud800"}
    with pytest.raises(ValidationError) as info:
        from_dict(body, ln.WhatMattersForm)
    assert "$.conversations[0].scores: contains a lone surrogate" in str(info.value)
    # keys that are not strings (from Python) are walked past
    with pytest.raises(ValidationError, match="must be a JSON object"):
        from_document([{1: "a"}, "b"])


def _smuggled(obj: Any, **changes: object) -> Any:
    """A copy of a model with fields set past its checks (as a bug or ``object.__setattr__``
    could): the writers' own check for lone surrogates is the last line of defence."""
    made = attrs.evolve(obj)
    for name, value in changes.items():
        object.__setattr__(made, name, value)
    return made


def _form_with_a_surrogate() -> ln.WhatMattersForm:
    form: ln.WhatMattersForm = load_example("form")
    activities = list(form.activities)
    activities[1] = _smuggled(activities[1], area="Søvn\udfff")
    return _smuggled(form, activities=tuple(activities), team="team\ud800")


def test_a_model_refuses_a_lone_surrogate_in_its_text_when_made() -> None:
    # the quick pass of a text rule checks text that is not ASCII, as the full checks do
    with pytest.raises(ValidationError, match=r"^area: contains a lone surrogate"):
        ln.Activity(name="Sove", area="Søvn\udfff")
    with pytest.raises(ValidationError, match=r"^team: contains a lone surrogate"):
        attrs.evolve(load_example("form"), team="team\ud800")
    assert ln.Activity(name="Søvn").name == "Søvn"  # other text that is not ASCII is fine


def test_writers_refuse_a_model_holding_a_lone_surrogate() -> None:
    form = _form_with_a_surrogate()
    with pytest.raises(ValidationError) as info:
        ln.dumps(form)
    assert str(info.value) == (
        "2 problems:\n"
        "  activities[1].area: contains a lone surrogate (not Unicode text; cannot be written "
        "as UTF-8)\n"
        "  team: contains a lone surrogate (not Unicode text; cannot be written as UTF-8)"
    )
    with pytest.raises(ValidationError, match=r"activities\[1\]\.area: contains a lone"):
        fhir.form_to_fhir(form, subject=SUBJECT)
    with pytest.raises(ValidationError, match=r"team: contains a lone"):
        fhir.bundle(SUBJECT, form=form)
    for kind, writer in (
        ("checklist", fhir.checklist_to_fhir),
        ("kor", fhir.kor_to_fhir),
        ("goal", fhir.goal_to_fhir),
        ("plan", fhir.plan_to_fhir),
    ):
        model = _smuggled(load_example(kind), identifier="x\ud800")
        with pytest.raises(ValidationError, match=r"^identifier: contains a lone surrogate"):
            writer(model, subject=SUBJECT)


def test_json_lines_writers_refuse_a_lone_surrogate() -> None:
    form = _form_with_a_surrogate()
    with pytest.raises(ValidationError, match=r"team: contains a lone surrogate"):
        ln.serialization.dumps_jsonl([load_example("wheel"), form])
    fp = io.StringIO()
    with pytest.raises(ValidationError, match=r"team: contains a lone surrogate"):
        ln.serialization.dump_jsonl([load_example("wheel"), form], fp)
    assert fp.getvalue().count("\n") == 1  # the good document before it was written


def test_check_unicode_reports_keys_and_values_of_mappings_at_the_mapping() -> None:
    conv = load_example("form").conversations[0]
    bad = attrs.evolve(conv, scores={"Sove\ud800": 3})
    with pytest.raises(ValidationError, match=r"^scores: has a key that contains a lone"):
        check_unicode(bad)
    check_unicode({1: ("a", "b")})  # other keys, tuples: nothing to report


def test_the_models_full_text_check_refuses_a_lone_surrogate() -> None:
    c = Checker()
    assert not c.text(("name",), "Sove\ud800")
    assert c.problems[0].rule.startswith("contains a lone surrogate")


# -- numbers ---------------------------------------------------------------------------------


def test_a_mean_of_huge_finite_scores_is_their_mean_not_an_overflow() -> None:
    assert mean_score([1e308, 1e308]) == 1e308
    assert mean_score([1.7e308, 1.7e308, -1.7e308]) == pytest.approx(1.7e308 / 3)
    assert mean_score([-1.7e308, -1.7e308]) == -1.7e308


def test_a_benefit_between_huge_scores_is_exact_or_a_validation_error() -> None:
    assert perceived_benefit([-1e308, 1e308], [1e308, -1e308]) == 0.0
    assert perceived_benefit([1e308, -1e308], [-1e308, 1e308], higher_is_better=False) == 0.0
    with pytest.raises(ValidationError, match=r"second: differs from first by more than"):
        perceived_benefit([-1.7e308], [1.7e308])


@pytest.mark.parametrize("value", [10**400, -(10**400), 2**1024])
def test_an_integer_too_large_for_a_float_is_a_validation_error(value: int) -> None:
    with pytest.raises(ValidationError, match=r"is too large for a number \(beyond ±1\.8e308\)"):
        mean_score([value])
    with pytest.raises(ValidationError, match=r"value: .* is too large for a number"):
        round_half_up(value)
    assert not isfinite(value)


def test_a_huge_integer_in_a_document_is_a_validation_error() -> None:
    text = example_text("checklist").replace('"value": 2.0', '"value": 1' + "0" * 400)
    assert text != example_text("checklist")
    with pytest.raises(ValidationError, match=r"items\[0\]\.value: .* is too large for a number"):
        loads(text)


def test_an_integer_beyond_str_limits_is_shown_without_crashing() -> None:
    problem = Problem.of(("x",), "is wrong", 10**5000)
    assert problem.shown == "<int too large to show>"
    deep: list[Any] = []
    for _ in range(100_000):
        deep = [deep]
    assert Problem.of(("x",), "is wrong", deep).shown == "<list>"


def test_percentages_round_half_up_from_the_exact_fraction() -> None:
    assert to_percent(23 / 80) == 28.8
    assert to_percent(Fraction(23, 80)) == 28.8
    assert to_percent(Fraction(-23, 80)) == -28.8
    assert to_percent(Fraction(1, 3)) == 33.3
    assert to_percent(Fraction(2, 3)) == 66.7
    assert to_percent(Fraction(1, 2000)) == 0.1  # 0.05 % half up
    assert to_percent(0.8) == 80.0
    statuses = ["gjennomfoert"] * 23 + ["ikke_gjennomfoert"] * 57
    assert to_percent(program_fidelity(statuses)) == 28.8
    items = [
        ln.toolkit.ChecklistItem(text=str(i), status=ln.toolkit.ItemStatus(s))
        for i, s in enumerate(statuses)
    ]
    assert ln.CollaborationChecklist(items=items).percent() == 28.8


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_a_percent_of_a_ratio_is_its_exact_half_up_rounding(p: int, q: int) -> None:
    exact = Fraction(p * 1000, q)  # tenths of a percent
    expected = math.floor(exact + Fraction(1, 2)) / 10
    assert to_percent(Fraction(p, q)) == expected
    assert to_percent(p / q) == expected


def test_rounding_huge_tiny_and_odd_numbers() -> None:
    assert round_half_up(1e300) == 1e300
    assert round_half_up(5) == 5.0
    assert round_half_up(1234, -2) == 1200.0
    assert round_half_up(10**300 + 51, -2) == 1e300
    assert round_half_up(1e-300) == 0.0
    assert to_percent(1e300) == 1e302
    with pytest.raises(ValidationError, match=r"fraction: 1e\+307 is too large to show"):
        to_percent(1e307)
    with pytest.raises(ValidationError, match=r"fraction: nan must be a finite number"):
        to_percent(math.nan)
    with pytest.raises(ValidationError, match=r"value: True must be a number"):
        round_half_up(True)
    with pytest.raises(ValidationError, match=r"value: nan must be a finite number"):
        round_half_up(math.nan)


# -- functions given the wrong object ------------------------------------------------------------


def test_review_and_readiness_of_something_else_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as info:
        ln.improvement.review(load_example("network"))
    assert str(info.value) == (
        "project: 'LearningNetwork' must be an ImprovementProject "
        "(a learning network is reviewed by review_network)"
    )
    with pytest.raises(ValidationError, match=r"project: 'NoneType' must be an Improvement"):
        readiness(None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"phase: 'str' must be a Phase"):
        readiness(load_example("project"), "planlegge")  # type: ignore[arg-type]


def test_assess_smart_of_something_else_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match=r"^goal: 'NoneType' must be a SmartGoal$"):
        ln.goals.assess_smart(None)  # type: ignore[arg-type]


# -- repeated keys ---------------------------------------------------------------------------


def test_a_repeated_key_is_refused_with_its_path() -> None:
    with pytest.raises(ValidationError, match=r"\$\.kind: appears more than once in the object"):
        loads('{"kind": "wheel", "kind": "form", "schema_version": 1}')
    text = example_text("plan").replace('"identifier":', '"identifier": "x", "identifier":', 1)
    with pytest.raises(ValidationError, match=r"^\$\.identifier: appears more than once"):
        loads(text)


def test_a_repeated_free_text_key_is_reported_at_its_object_without_echo() -> None:
    text = example_text("form").replace(
        '"Treffe venner": 5', '"Treffe venner": 5, "Treffe venner": 6, "Treffe venner": 7'
    )
    with pytest.raises(ValidationError) as info:
        loads(text)
    message = str(info.value)
    assert message == (
        "$.conversations[1].scores: has a key that appears more than once in the "
        "object: keys must be unique"
    )
    assert "Treffe" not in message


# -- byte order marks --------------------------------------------------------------------------


def test_a_byte_order_mark_is_accepted_in_str_bytes_the_cli_and_jsonl(tmp_path: Path) -> None:
    expected = load_example("form")
    assert loads(BOM + example_text("form")) == expected
    assert loads((BOM + example_text("form")).encode()) == expected
    assert loads((BOM + example_text("form")).encode("utf-16")) == expected
    path = tmp_path / "bom.json"
    path.write_bytes((BOM + example_text("form")).encode())
    assert run("validate", str(path))[:2] == (0, f"{path}: ok (form)\n")
    assert run("validate", "-", stdin=BOM + example_text("form"))[0] == 0
    assert load_jsonl(BOM + one_line("form")).documents == (expected,)
    # only one, at the very start
    with pytest.raises(ValidationError, match="is not valid JSON"):
        loads(BOM + BOM + example_text("form"))


# -- the number of problems is capped -----------------------------------------------------------


def _checklist_with_bad_statuses(n: int, item: dict[str, Any] | None = None) -> str:
    items = [item or {"text": "x", "status": "bad"}] * n
    return json.dumps({"kind": "checklist", "schema_version": 1, "items": items})


def test_a_document_with_many_problems_lists_100_and_counts_the_rest() -> None:
    with pytest.raises(ValidationError) as info:
        loads(_checklist_with_bad_statuses(1000))
    error = info.value
    assert len(error.problems) == MAX_PROBLEMS == 100
    assert (error.omitted, error.count) == (900, 1000)
    assert str(error).startswith("1000 problems:\n  $.items[0].status: 'bad' is not a known")
    assert str(error).endswith("\n  … and 900 more problems")
    assert error.problems[-1].path == ("items", 99, "status")
    again = pickle.loads(pickle.dumps(error))
    assert (again.count, str(again)) == (1000, str(error))
    assert error.prefixed(("x",)).omitted == 900


def test_problems_beyond_the_cap_are_counted_whatever_their_kind() -> None:
    # after the cap: a class error holding a bad code, an unknown key and a missing field
    item = {"status": "bad", "extra": 1, "date": "nope"}
    with pytest.raises(ValidationError) as info:
        loads(_checklist_with_bad_statuses(150, item))
    assert info.value.count == 150 * 4  # status, extra, date and the missing text


def test_a_mapping_with_many_bad_values_is_capped_too() -> None:
    doc = json.loads(example_text("form"))
    doc["conversations"][0]["scores"] = {f"a{i}": "x" for i in range(300)}
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc))
    assert (len(info.value.problems), info.value.count) == (100, 300)


def test_unknown_keys_beyond_the_cap_are_counted() -> None:
    item = {"text": "x", "a": 1, "b": 2, "c": 3}  # three unknown keys an item
    with pytest.raises(ValidationError) as info:
        loads(_checklist_with_bad_statuses(40, item))
    assert (len(info.value.problems), info.value.count) == (100, 120)
    assert info.value.problems[-1].path == ("items", 33, "a")


def test_a_list_the_converter_structures_reports_each_bad_element() -> None:
    from cattrs.errors import IterableValidationError

    from laeringsnettverk.serialization._converter import error_from

    with pytest.raises(IterableValidationError) as info:
        make_converter().structure([1, "2", 3, None], list[int])
    error = error_from(info.value, list[int])
    assert [p.json_path() for p in error.problems] == ["$[1]", "$[3]"]


def test_from_dict_of_a_mapping_type_reports_its_bad_values_capped() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict({f"k{i}": "x" for i in range(150)}, dict[str, int])
    assert info.value.style == "json"
    assert (len(info.value.problems), info.value.count) == (100, 150)
    assert info.value.problems[0].json_path() == "$[key 0]"


def test_a_converter_without_detailed_validation_still_structures() -> None:
    converter = make_converter(detailed_validation=False)
    data = json.loads(example_text("form"))
    del data["kind"], data["schema_version"]
    assert converter.structure(data, ln.WhatMattersForm) == load_example("form")


def test_a_mapping_key_of_the_wrong_type_is_reported_at_its_position() -> None:
    data = json.loads(example_text("form"))
    del data["kind"], data["schema_version"]
    data["conversations"][0]["scores"] = {1: 3}
    with pytest.raises(ValidationError, match=r"scores\[key 0\]: 1 must be text \(str\)"):
        from_dict(data, ln.WhatMattersForm)


def test_the_checker_keeps_100_problems_and_counts_the_rest() -> None:
    c = Checker()
    for i in range(150):
        c.add(("a", i), "is bad")
    nested = ValidationError([Problem.of(("b", i), "is bad") for i in range(30)], omitted=5)
    c.extend(nested, ("c",))
    assert (len(c.problems), c.omitted) == (100, 85)
    with pytest.raises(ValidationError) as info:
        c.done()
    assert info.value.count == 185
    small = Checker()
    small.extend(nested, ("c",))
    assert (len(small.problems), small.omitted) == (30, 5)


def test_a_line_with_many_problems_is_capped_in_every_report() -> None:
    result = load_jsonl(_checklist_with_bad_statuses(250) + "\n" + one_line("wheel"))
    (error,) = result.errors
    assert (len(error.problems), error.omitted) == (100, 150)
    assert error.to_dict()["omitted"] == 150
    assert str(error).startswith("line 1: 250 problems:\n")
    assert str(error).endswith("\n  … and 150 more problems")
    assert error.error.count == 250
    with pytest.raises(ValidationError) as info:
        result.raise_for_errors()
    assert info.value.count == 250
    few = load_jsonl('{"kind": "wheel", "schema_version": 1}').errors[0]
    assert "omitted" not in few.to_dict()


def test_validate_prints_the_count_and_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(_checklist_with_bad_statuses(120), encoding="utf-8")
    code, out, _ = run("validate", str(path))
    assert code == 2
    assert out.startswith(f"{path}: invalid (120 problems)\n")
    assert out.endswith("  … and 20 more problems\n")
    assert out.count("\n") == 1 + 100 + 1


# -- JSON Lines: what a line is -------------------------------------------------------------------


def _lines_with_a_raw_carriage_return() -> str:
    first = one_line("form").replace(", ", ",\r ", 1)  # JSON whitespace inside the line
    assert "\r" in first
    return first + "\n" + one_line("wheel") + "\r\n" + "\r\n" + one_line("kor") + "\n"


def test_a_raw_carriage_return_splits_no_line_whatever_the_source(tmp_path: Path) -> None:
    text = _lines_with_a_raw_carriage_return()
    path = tmp_path / "lines.jsonl"
    path.write_bytes(text.encode())
    expected = [1, 2, 4]
    assert [n for n, _ in load_jsonl(text).loaded] == expected
    assert [n for n, _ in load_jsonl(text.encode()).loaded] == expected
    with path.open("rb") as binary:
        assert [n for n, _ in load_jsonl(binary).loaded] == expected
    with path.open(encoding="utf-8") as fp:  # default newline=None: switched to "\n"
        result = load_jsonl(fp)
    assert result.ok and [n for n, _ in result.loaded] == expected


def test_a_text_file_already_read_from_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text(one_line("form") + "\n" + one_line("wheel") + "\n", encoding="utf-8")
    with path.open(encoding="utf-8") as fp:
        fp.readline()
        result = load_jsonl(fp)
    assert [type(d).__name__ for d in result.documents] == ["ConversationWheel"]


@pytest.mark.parametrize("blank", ["\v", "\f", "\u00a0", "\u2028", "\x1c", "\u3000 "])
def test_a_line_of_other_whitespace_is_a_bad_line(blank: str) -> None:
    result = load_jsonl(one_line("wheel") + "\n" + blank + "\n" + one_line("wheel"))
    assert [n for n, _ in result.loaded] == [1, 3]
    assert [e.line for e in result.errors] == [2]
    assert result.errors[0].problems[0].rule.startswith("is not valid JSON")


@pytest.mark.parametrize("blank", ["", " ", "\t", "\r", " \t\r "])
def test_a_line_of_json_whitespace_is_skipped(blank: str) -> None:
    result = load_jsonl(one_line("wheel") + "\n" + blank + "\n" + one_line("wheel"))
    assert result.ok and [n for n, _ in result.loaded] == [1, 3]


# -- Hypothesis: arbitrary JSON and mutated documents into every loader ---------------------------

KEYS = sorted(
    {"kind", "schema_version", *(f.name for c in _kinds().values() for f in attrs.fields(c))}
)
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**300, max_value=10**400)
    | st.floats()
    | st.text(max_size=10)
    | st.sampled_from([*DOCUMENT_KINDS, "2015-02-05", "\ud800", "gjennomfoert", ""])
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), inner, max_size=5)
    ),
    max_leaves=15,
)


def _documents() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"kind": st.sampled_from(DOCUMENT_KINDS) | json_values, "schema_version": st.just(1)},
        optional=dict.fromkeys(sorted(set(KEYS) - {"kind", "schema_version"}), json_values),
    )


def accepts_or_refuses(call: Callable[[], object]) -> None:
    """The call succeeds or raises the library's own error; nothing else escapes."""
    with contextlib.suppress(LaeringsnettverkError):
        call()


@given(json_values | _documents())
def test_any_json_value_is_loaded_or_refused_by_every_loader(value: Any) -> None:
    text = json.dumps(value, allow_nan=True)
    accepts_or_refuses(lambda: loads(text))
    accepts_or_refuses(lambda: loads(text.encode("utf-8", "surrogatepass")))
    accepts_or_refuses(lambda: from_document(value))
    for cls in (ln.WhatMattersForm, ln.CollaborationChecklist, ln.KorRatings):
        accepts_or_refuses(lambda cls=cls: from_dict(value, cls))  # type: ignore[misc]
    batch = load_jsonl(text.replace("\n", " ") + "\n" + one_line("wheel"))
    assert batch.loaded[-1][0] == 2  # the good line after it is never lost


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_paths(v, (*path, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(_paths(v, (*path, i)))
    return out


PLACEHOLDER = "\x00placeholder\x00"
TOKENS = ["NaN", "Infinity", "-Infinity", "1" + "0" * 5000, "[" * 3000 + "]" * 3000, "1e400"]


@st.composite
def mutated(draw: st.DrawFn, document: Any) -> bytes:
    """A valid document, broken in one of the ways a hostile sender would."""
    data = copy.deepcopy(document)
    path = draw(st.sampled_from(_paths(data)[1:]))
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    op = draw(st.sampled_from(["remove", "retype", "huge", "token", "surrogate", "repeat"]))
    if op == "remove":
        del parent[path[-1]]
    elif op == "retype":
        parent[path[-1]] = draw(json_values)
    elif op == "huge":
        parent[path[-1]] = draw(st.sampled_from([10**400, -(10**300), 2**63, 1e308, "x" * 5000]))
    elif op in ("token", "repeat"):
        parent[path[-1]] = PLACEHOLDER
    else:
        parent[path[-1]] = "\ud800"
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    if op == "token":
        text = text.replace(json.dumps(PLACEHOLDER), draw(st.sampled_from(TOKENS)))
    elif isinstance(parent, dict):  # repeat the key
        text = text.replace(json.dumps(PLACEHOLDER), f"1, {json.dumps(path[-1])}: 2")
    else:
        text = text.replace(json.dumps(PLACEHOLDER), "1")
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = BOM.encode() + raw
    if draw(st.integers(0, 4)) == 0:  # a byte that is not UTF-8, somewhere
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80"])) + raw[at:]
    return raw


EXAMPLES = {kind: json.loads(example_text(kind)) for kind in EXAMPLE_KINDS}


@given(st.data(), st.sampled_from(sorted(EXAMPLES)))
def test_a_mutated_document_is_loaded_or_refused_by_every_loader(
    data: st.DataObject, kind: str
) -> None:
    raw = data.draw(mutated(EXAMPLES[kind]))
    accepts_or_refuses(lambda: loads(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("utf-8", "surrogateescape")
    accepts_or_refuses(lambda: loads(text))
    batch = load_jsonl(raw.replace(b"\n", b" ") + b"\n" + one_line("wheel").encode())
    assert batch.loaded[-1][0] == 2
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.json"
        path.write_bytes(raw)
        good = Path(folder) / "good.json"
        good.write_text(example_text("plan"), encoding="utf-8")
        fhir_command = ["convert", "--to", "fhir", "--subject", "Patient/1"]
        for command in (["validate"], ["score"], ["convert"], fhir_command):
            out, err = io.StringIO(), io.StringIO()
            files = [str(path), str(good)] if command[0] == "validate" else [str(path)]
            code = main([*command, *files], stdout=out, stderr=err)
            assert code in (0, 2)
            if command[0] == "validate":
                assert out.getvalue().endswith(f"{good}: ok (plan)\n")


def _fhir_inputs() -> dict[str, tuple[Callable[..., object], tuple[Any, ...]]]:
    form = fhir.form_to_fhir(load_example("form"), subject=SUBJECT)
    kor = fhir.kor_to_fhir(load_example("kor"), subject=SUBJECT)
    goal = _goal_resources()
    return {
        "form": (fhir.form_from_fhir, (form.questionnaire, list(form.responses))),
        "checklist": (
            fhir.checklist_from_fhir,
            (fhir.checklist_to_fhir(load_example("checklist"), subject=SUBJECT).response,),
        ),
        "kor": (fhir.kor_from_fhir, (list(kor.responses),)),
        "goal": (fhir.goal_from_fhir, (goal.goal, goal.baseline)),
        "plan": (fhir.plan_from_fhir, (fhir.plan_to_fhir(load_example("plan"), subject=SUBJECT),)),
        "bundle": (
            fhir.bundle_from_fhir,
            (
                fhir.bundle(
                    SUBJECT,
                    form=load_example("form"),
                    checklist=load_example("checklist"),
                    kor=load_example("kor"),
                    plan=load_example("plan"),
                    goals=[load_example("goal")],
                ),
            ),
        ),
    }


FHIR_INPUTS = _fhir_inputs()
FHIR_VALUES = [
    None, True, 0, -1, 2**31, 2**40, 10**400, -(10**400), 1.5, math.nan, math.inf, "",
    "x", "\ud800", '"\\ud800"', '"unterminated', "2015-W06-4", "2015-02-30", [], {}, [1],
    {"a": 1},
]  # fmt: skip


@given(st.data(), st.sampled_from(sorted(FHIR_INPUTS)))
def test_a_mutated_fhir_resource_is_read_or_refused(data: st.DataObject, kind: str) -> None:
    reader, args = FHIR_INPUTS[kind]
    args = copy.deepcopy(args)
    for _ in range(data.draw(st.integers(1, 3))):
        which = data.draw(st.integers(0, len(args) - 1))
        paths = _paths(args[which])[1:]
        if not paths:
            continue
        path = data.draw(st.sampled_from(paths))
        parent = args[which]
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, dict) and data.draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(st.sampled_from(FHIR_VALUES) | json_values)
    accepts_or_refuses(lambda: reader(*args))


@given(json_values)
def test_any_json_value_is_read_or_refused_by_every_fhir_reader(value: Any) -> None:
    for reader, args in FHIR_INPUTS.values():
        accepts_or_refuses(lambda reader=reader, args=args: reader(value, *args[1:]))  # type: ignore[misc]
    accepts_or_refuses(lambda: fhir.form_from_fhir(FHIR_INPUTS["form"][1][0], [value]))
    accepts_or_refuses(lambda: fhir.kor_from_fhir([value]))
    accepts_or_refuses(lambda: fhir.goal_from_fhir(FHIR_INPUTS["goal"][1][0], value))
