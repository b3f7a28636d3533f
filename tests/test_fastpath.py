"""The loader's fast path: same objects as the detailed converter, same errors, and used."""

from __future__ import annotations

import contextlib
import copy
import datetime
import json
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk import ValidationError, WhatMattersForm
from laeringsnettverk.serialization import _accel, _json, dumps, from_dict, from_document, loads
from laeringsnettverk.serialization._fast import FastStructurer
from laeringsnettverk.serialization._json import _fast, _kinds
from test_schema import BAD, DOCUMENTS, LOADER_ONLY, Edit, _set, example

ENVELOPE = ("kind", "schema_version")


def body_of(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k not in ENVELOPE}


@contextlib.contextmanager
def fast_path_off() -> Iterator[None]:
    """Loading as before the fast path: it always gives up."""
    with mock.patch.object(FastStructurer, "structure", return_value=None):
        yield


def outcome(document: object) -> tuple[str, object]:
    """What loading gives: the object and its JSON, or the error's style and problems."""
    try:
        obj = from_document(document)
    except ValidationError as exc:
        return "error", (exc.style, exc.problems, str(exc))
    return "loaded", (obj, dumps(obj))


def detailed_outcome(document: object) -> tuple[str, object]:
    with fast_path_off():
        return outcome(document)


# -- valid documents: the same objects -----------------------------------------------------


@pytest.mark.parametrize("read", [False, True], ids=["given", "read"])
@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_fast_path_builds_what_the_detailed_converter_builds(kind: str, read: bool) -> None:
    # ``read``: the functions for what loads' strict reading made (its own containers)
    cls = _kinds()[kind]
    fast = _fast(read).function(cls, top=True)

    @given(DOCUMENTS[kind])
    def check(obj: object) -> None:
        document = json.loads(dumps(obj))
        detailed = from_dict(body_of(document), cls)
        built = fast(document)  # raises if the fast path gave up on a valid document
        assert built == detailed == obj
        # the same types too (an int stays an int where a float is allowed, …)
        assert dumps(built) == dumps(detailed)
        assert from_document(json.loads(dumps(obj))) == obj

    check()


def test_read_functions_keep_the_readers_containers_and_take_its_text_as_unicode() -> None:
    # what ``read`` assumes, shown: loads gives these functions only what its own strict
    # reading made, so they neither copy a container nor test text for lone surrogates
    document = {
        "kind": "form",
        "schema_version": 1,
        "activities": [{"name": "Sove"}],
        "conversations": [{"date": "2020-01-01", "scores": {"Sove": 3}}],
    }
    given, read = _fast(), _fast(True)
    kept = copy.deepcopy(document)
    read_count, given_count = [0], [0]
    built = read.counting(WhatMattersForm)(kept, read_count)
    given.counting(WhatMattersForm)(copy.deepcopy(document), given_count)
    assert read_count == given_count == [8]  # the members read, the same both ways
    kept["conversations"][0]["scores"]["Sove"] = 4  # the reader's dict, not a copy
    assert built.conversations[0].scores == {"Sove": 4}
    copied = copy.deepcopy(document)
    from_caller = given.structure(copied, WhatMattersForm)
    copied["conversations"][0]["scores"]["Sove"] = 4
    assert from_caller is not None
    assert from_caller.conversations[0].scores == {"Sove": 3}
    lone = {**document, "activities": [{"name": "\ud800"}], "conversations": []}
    assert given.structure(lone, WhatMattersForm) is None  # not Unicode: the detailed path
    assert read.counting(WhatMattersForm)(lone, [0]).activities[0].name == "\ud800"


@pytest.mark.parametrize(
    ("edit", "kept"),
    [
        (_set("activities.0.area", None), True),  # a null for an optional field is known
        (_set("activities.0.note", None), False),  # an unknown key, null or not
        (_set("activities.0.note", "x"), False),
        (_set("identifier", None), True),
        (_set("scale", {}), True),
        (_set("scale", {"minimum": 1, "x": None}), False),
    ],
)
def test_unknown_keys_are_found_by_counting_the_known_ones(edit: Edit, kept: bool) -> None:
    document = edit(copy.deepcopy(example("form")))
    built = _fast().structure(document, WhatMattersForm)
    assert (built is not None) is kept
    assert outcome(document) == detailed_outcome(document)


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_every_shipped_example_takes_the_fast_path(kind: str) -> None:
    document = example(kind)
    # with the detailed converter unusable, only the fast path can load the document
    with mock.patch.object(_json, "from_dict", side_effect=AssertionError("detailed path")):
        obj = from_document(document)
    assert obj == from_dict(body_of(document), _kinds()[kind])


def test_the_fast_path_is_tried_first_and_the_detailed_one_only_on_failure() -> None:
    good = example("form")
    bad = _set("activities.0.name", " ")(copy.deepcopy(good))
    with (
        mock.patch.object(FastStructurer, "structure", autospec=True, return_value=None) as fast,
        mock.patch.object(_json, "_structured", wraps=_json._structured) as detailed,
    ):
        from_document(good)
    assert fast.call_count == 1
    assert detailed.call_count == 1  # the fast path gave up (here: forced to)
    with mock.patch.object(_json, "_structured", wraps=_json._structured) as detailed:
        from_document(good)
        assert detailed.call_count == 0
        with pytest.raises(ValidationError, match=r"activities\[0\]\.name: must not be empty"):
            from_document(bad)
        assert detailed.call_count == 1


# -- bad documents: the same errors ----------------------------------------------------------

EXTRA = [
    # keys of the envelope belong to the top level only
    pytest.param("form", _set("activities.0.kind", "form"), id="nested-kind"),
    pytest.param("kor", _set("sessions.0.schema_version", 1), id="nested-version"),
    pytest.param("form", _set("conversations.0.scores.Sove godt om natta", None), id="score-null"),
    pytest.param("kor", _set("sessions.0.ors.overall", float("nan")), id="rating-nan"),
    pytest.param("kor", _set("sessions.0.ors.overall", float("inf")), id="rating-infinite"),
    pytest.param("kor", _set("sessions.0.ors.overall", True), id="rating-bool"),
    pytest.param("kor", _set("sessions.0.ors.overall", 7), id="rating-int-is-fine"),
    pytest.param("kor", _set("sessions.0.srs", None), id="optional-null-is-fine"),
    pytest.param("form", _set("scale", {"minimum": False}), id="scale-bool"),
    pytest.param("form", _set("scale", {"higher_is_better": 1}), id="bool-int"),
    pytest.param("form", _set("identifier", None), id="identifier-null-is-fine"),
    pytest.param("form", _set("team", ["a"]), id="team-list"),
    pytest.param("wheel", _set("date", "2015-02-05\n"), id="date-newline"),
    pytest.param("wheel", _set("date", "２０１５-02-05"), id="date-wide-digits"),
    pytest.param("wheel", _set("date", "2015-02-05T00:00"), id="date-time"),
    pytest.param("wheel", _set("date", None), id="date-null"),
    pytest.param("wheel", _set("areas.0.suggestion", ["a"]), id="code-unhashable"),
    pytest.param("checklist", _set("items.0.status", 1), id="code-number"),
    pytest.param("plan", _set("measures.0.serves", ["a", 1]), id="serves-number"),
    pytest.param("plan", _set("measures.0.comments", None), id="comments-null"),
    pytest.param("plan", _set("measures.0.responsible", []), id="responsible-list"),
    pytest.param("form", _set("conversations", {"0": {}}), id="conversations-object"),
    pytest.param("form", _set("conversations.0.scores", "x"), id="scores-string"),
    pytest.param("project", _set("history.0.text", "x"), id="event-two-kinds"),
    pytest.param("project", _set("history.0", {"date": "2020-01-01"}), id="event-no-kind"),
    pytest.param("project", _set("history.0", []), id="event-list"),
]


def _with_cases(rows: list[Any]) -> list[Any]:
    return [pytest.param(p.values[0], p.values[1], id=p.id) for p in rows]


@pytest.mark.parametrize(("kind", "edit"), [*_with_cases(BAD + LOADER_ONLY), *EXTRA])
def test_bad_document_gives_the_detailed_paths_errors(kind: str, edit: Edit) -> None:
    document = edit(copy.deepcopy(example(kind)))
    assert outcome(document) == detailed_outcome(document)


def test_the_bad_table_is_rejected() -> None:
    # the tables above are mostly bad documents, so the comparison compares errors
    errors = [
        p.id
        for p in _with_cases(BAD + LOADER_ONLY)
        if outcome(p.values[1](copy.deepcopy(example(p.values[0]))))[0] != "error"
    ]
    assert errors == []


# -- mutated documents: loaded or rejected alike -------------------------------------------

JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", " ", "x", "2015-02-05", "2015-02-30", "2024-02-29", "ja", "utfoert"]),
    st.sampled_from(["planlagt", "ikke_utfoert", "bolig", "kommune", "sove", "form"]),
    st.text(max_size=5),
    st.lists(st.sampled_from([1, "x", None, {}]), max_size=2),
    st.dictionaries(st.sampled_from(["name", "date", "x", "text"]), st.just("x"), max_size=2),
)


def _nodes(value: object, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _nodes(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _nodes(v, (*path, i))


@st.composite
def mutated(draw: st.DrawFn) -> object:
    """A valid document of any kind with one node replaced, deleted or given a new key."""
    obj = draw(st.one_of(*DOCUMENTS.values()))
    document = json.loads(dumps(obj))
    paths = [p for p in _nodes(document) if p and p[0] not in ENVELOPE]
    if not paths:
        return document
    path = draw(st.sampled_from(paths))
    parent: Any = document
    for seg in path[:-1]:
        parent = parent[seg]
    how = draw(st.sampled_from(["replace", "delete", "add"]))
    target = parent[path[-1]]
    if how == "replace":
        parent[path[-1]] = draw(JSON_VALUES)
    elif how == "delete":
        del parent[path[-1]]
    elif isinstance(target, dict):
        target[draw(st.sampled_from(["kind", "x", "name", "note", "date"]))] = draw(JSON_VALUES)
    else:
        parent[path[-1]] = draw(JSON_VALUES)
    return document


@given(mutated())
def test_mutated_document_loads_or_fails_as_with_the_detailed_path(document: object) -> None:
    assert outcome(document) == detailed_outcome(document)


@given(mutated())
def test_mutated_text_loads_or_fails_as_with_the_detailed_path(document: object) -> None:
    # the same through loads on the pure path: json's reading, then the functions for
    # what it read
    try:
        text = json.dumps(document, allow_nan=False)
    except ValueError:  # NaN or an infinity: not JSON text
        return
    try:
        with (
            mock.patch.object(_accel.STATE, "active", None),
            mock.patch.object(_accel.STATE, "countdown", -1),
        ):
            loaded: tuple[str, object] = ("loaded", (loads(text), None))
    except ValidationError as exc:
        loaded = ("error", (exc.style, exc.problems, str(exc)))
    expected = detailed_outcome(document)
    assert loaded[0] == expected[0]
    if loaded[0] == "loaded":
        obj = loaded[1][0]  # type: ignore[index]
        assert (obj, dumps(obj)) == expected[1]
    else:
        assert loaded[1] == expected[1]


# -- dates: the fast check is never more lenient than the detailed hook's ---------------------


@given(st.text(alphabet="0123456789-+W T:\n２", min_size=8, max_size=11))
def test_fast_date_accepts_only_what_the_detailed_hook_accepts(text: str) -> None:
    from laeringsnettverk.serialization._converter import _structure_date
    from laeringsnettverk.serialization._fast import _date

    try:
        day = _date(text)
    except Exception:  # gave up: the detailed hook decides
        return
    assert _structure_date(text, datetime.date) == day


@pytest.mark.parametrize("text", ["2015-02-05", "2024-02-29", "0001-01-01", "9999-12-31"])
def test_fast_date_reads_real_iso_dates(text: str) -> None:
    from laeringsnettverk.serialization._fast import _date

    assert _date(text) == datetime.date.fromisoformat(text)
