"""Free text that a person typed is never echoed: not in a message, a value or a path.

Every free-text field of every shipped example gets a recognisable marker; the document is
then broken elsewhere (an unknown key, numbers out of range or of the wrong type, bad dates,
repeated list items) or in the field itself (a list or an object where text belongs), and no
error's str, repr, ``errors()``, ``to_dict()``, ``validate`` output or CLI ``validate``
output may contain the marker.

Free-text fields are those whose docstring says "free text", and the fields in ``EXTRA``:
people's names and contacts, narratives, and references to free text by name.
"""

from __future__ import annotations

import copy
import io
import json
import re
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest

import laeringsnettverk as ln
from laeringsnettverk.cli import main
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.examples import EXAMPLE_KINDS, example_text
from laeringsnettverk.serialization import validate
from laeringsnettverk.serialization._json import _kinds
from laeringsnettverk.serialization._schema import _field_docs

MARKER = "HEMMELIG"

# free text whose docstring does not say so: people's names and contacts, narratives, and
# fields that refer to free text by its name (an activity's wheel area, a measure's activities)
EXTRA = {
    ("Activity", "area"),
    ("Measure", "serves"),
    ("TeamMember", "name"),
    ("GroupMember", "name"),
    ("Responsible", "name"),
    ("Application", "contact_person"),
    ("Application", "contact_email"),
    ("Application", "contact_phone"),
    ("SmartGoal", "statement"),
}


def _free_text(cls: type, name: str) -> bool:
    return (cls.__name__, name) in EXTRA or "free text" in _field_docs(cls).get(name, "")


def _models(tp: Any) -> Iterator[type]:
    """The attrs classes a type may hold (through unions, tuples and mappings)."""
    if isinstance(tp, type) and attrs.has(tp):
        yield tp
    for arg in typing.get_args(tp):
        yield from _models(arg)


def _pick(data: dict[str, Any], tp: Any) -> type | None:
    """The model class of a union that a JSON object belongs to (its keys are its fields)."""
    for cls in _models(tp):
        if set(data) - {"kind", "schema_version"} <= {f.name for f in attrs.fields(cls)}:
            return cls
    return None


def _mark(data: Any, tp: Any, found: dict[str, str]) -> None:
    """Record every free-text string in ``data`` (a document part of type ``tp``)."""
    if isinstance(data, list):
        for item in data:
            _mark(item, tp, found)
        return
    if not isinstance(data, dict):
        return
    cls = _pick(data, tp)
    if cls is None:
        return
    hints = typing.get_type_hints(cls)
    for name, value in data.items():
        if name not in hints:  # kind, schema_version
            continue
        if _free_text(cls, name):
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str):
                    found.setdefault(text, f"{MARKER}-{len(found)}")
        _mark(value, hints[name], found)


def _replace(data: Any, texts: dict[str, str]) -> Any:
    """``data`` with every string (value or key) that is free text replaced by its marker."""
    if isinstance(data, list):
        return [_replace(item, texts) for item in data]
    if isinstance(data, dict):
        return {texts.get(k, k): _replace(v, texts) for k, v in data.items()}
    if isinstance(data, str):
        return texts.get(data, data)
    return data


def marked(kind: str) -> dict[str, Any]:
    """The shipped example of ``kind`` with a marker in every free-text field."""
    data = json.loads(example_text(kind))
    texts: dict[str, str] = {}
    _mark(data, _kinds()[kind], texts)
    return typing.cast(dict[str, Any], _replace(data, texts))


# -- ways to break a document elsewhere -----------------------------------------------------


def _map(data: Any, leaf: Callable[[Any], Any]) -> Any:
    if isinstance(data, list):
        return [_map(item, leaf) for item in data]
    if isinstance(data, dict):
        return {k: v if k in ("kind", "schema_version") else _map(v, leaf) for k, v in data.items()}
    return leaf(data)


def _numbers(value: object) -> Callable[[Any], Any]:
    def leaf(x: Any) -> Any:
        return value if isinstance(x, int | float) and not isinstance(x, bool) else x

    return leaf


def _dates(x: Any) -> Any:
    return "2015-02-30" if isinstance(x, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", x) else x


def _codes(x: Any) -> Any:
    # every text that is not free text: a number instead (codes, identifiers, dates)
    return 7 if isinstance(x, str) and MARKER not in x else x


def _repeat_first(data: Any) -> Any:
    if isinstance(data, list):
        items = [_repeat_first(item) for item in data]
        return items[:1] + items if items else items
    if isinstance(data, dict):
        return {k: _repeat_first(v) for k, v in data.items()}
    return data


def _unknown_key(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "ukjent": 1}


def _free_text_retyped(data: Any) -> Any:
    # every free-text value given as a list, and as an object, holding the text
    if isinstance(data, list):
        return [_free_text_retyped(item) for item in data]
    if isinstance(data, dict):
        return {
            k: ([v] if i % 2 else {v: v})
            if isinstance(v, str) and v.startswith(MARKER)
            else _free_text_retyped(v)
            for i, (k, v) in enumerate(data.items())
        }
    return data


BREAKERS: dict[str, Callable[[Any], Any]] = {
    "unknown-key": _unknown_key,
    "numbers-negative": lambda d: _map(d, _numbers(-1)),
    "numbers-huge": lambda d: _map(d, _numbers(10**30)),
    "numbers-as-text": lambda d: _map(d, _numbers("x")),
    "numbers-as-lists": lambda d: _map(d, _numbers([1])),
    "bad-dates": lambda d: _map(d, _dates),
    "codes-as-numbers": lambda d: _map(d, _codes),
    "lists-repeated": _repeat_first,
    "free-text-retyped": _free_text_retyped,
}


def _outputs(error: ValidationError) -> list[str]:
    """Everything an error shows, as text."""
    return [
        str(error),
        repr(error),
        json.dumps(error.errors(), ensure_ascii=False),
        json.dumps(error.to_dict(), ensure_ascii=False),
        *(p.render("json") + p.render("python") + repr(p) for p in error.problems),
    ]


def _cli_validate(text: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    main(["validate", "-"], stdout=out, stderr=err, stdin=io.StringIO(text))
    return out.getvalue() + err.getvalue()


@pytest.mark.parametrize("kind", EXAMPLE_KINDS)
def test_the_marked_example_loads_and_carries_markers(kind: str) -> None:
    data = marked(kind)
    # KOR ratings are numbers and codes only
    assert (MARKER in json.dumps(data, ensure_ascii=False)) == (kind != "kor")
    ln.loads(json.dumps(data))


@pytest.mark.parametrize("breaker", BREAKERS)
@pytest.mark.parametrize("kind", EXAMPLE_KINDS)
def test_no_error_echoes_free_text(kind: str, breaker: str) -> None:
    text = json.dumps(BREAKERS[breaker](copy.deepcopy(marked(kind))), ensure_ascii=False)
    try:
        ln.loads(text)
    except ValidationError as error:
        shown = _outputs(error)
    else:  # the breaker found nothing to break in this kind: nothing is shown
        shown = []
    shown += [p.render("json") for p in validate(text)]
    shown.append(_cli_validate(text))
    for output in shown:
        assert MARKER not in output


def test_every_kind_is_broken_by_most_breakers() -> None:
    # the test above must not pass vacuously: most breakers break most kinds
    broken = 0
    for kind in EXAMPLE_KINDS:
        for breaker in BREAKERS.values():
            broken += bool(validate(json.dumps(breaker(copy.deepcopy(marked(kind))))))
    assert broken >= 0.8 * len(EXAMPLE_KINDS) * len(BREAKERS)


def test_free_text_of_the_wrong_json_type_is_not_echoed() -> None:
    doc = json.loads(example_text("form"))
    doc["activities"][0]["name"] = [MARKER]
    (problem,) = validate(json.dumps(doc))
    assert problem.render("json") == "$.activities[0].name: must be text (str)"
    assert problem.shown is None
    assert "input" not in problem.error()


def test_a_score_key_is_addressed_by_its_position() -> None:
    doc = json.loads(example_text("form"))
    scores = doc["conversations"][1]["scores"]
    scores[MARKER] = 11
    (problem,) = validate(json.dumps(doc))
    assert problem.render("json") == (
        f"$.conversations[1].scores[key {len(scores) - 1}]: "
        "11 is a score for an activity the form does not have"
    )
    assert problem.loc() == ["conversations", 1, "scores", {"key": len(scores) - 1}]


def test_a_key_with_a_line_break_cannot_forge_lines() -> None:
    forged = "x\n  $.activities: is required\u2028\r\x85"
    doc = json.loads(example_text("form"))
    doc[forged] = 1
    (problem,) = validate(json.dumps(doc))
    line = problem.render("json")
    assert len(line.splitlines()) == 1
    assert line == (
        "$['x\\u000a  $.activities: is required\\u2028\\u000d\\u0085']: "
        "is not a field of WhatMattersForm: unknown keys are rejected"
    )
    output = _cli_validate(json.dumps(doc))
    assert len(output.splitlines()) == 2  # "<stdin>: invalid (1 problem)" and the problem


def test_a_huge_name_gives_a_bounded_message() -> None:
    huge = "A" * 10_000_000
    doc = json.loads(example_text("form"))
    doc["activities"][1]["name"] = huge
    doc["activities"][2]["name"] = huge
    doc["conversations"] = []
    doc[huge] = huge
    unknown, duplicate = validate(json.dumps(doc))
    for problem in (unknown, duplicate):
        assert len(problem.render("json")) < 300
        assert len(json.dumps(problem.to_dict())) < 1000
    assert unknown.path == ("A" * 79 + "…",)
    assert duplicate.path == ("activities", 2, "name")
    assert duplicate.shown == "<free text, 10000000 characters>"
