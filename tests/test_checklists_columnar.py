"""The checklist frame's fast route: the object path's rows and errors, line for line.

Every test runs the same lines through the fast route (msgspec) and the object route
(every line loaded by ``load_jsonl`` and read from the model), and checks that the frames
and the bad lines are the same, and the same as the frame the models' own values make
(``_reference``: what ``checklists_frame`` built before it had a fast route).
"""

from __future__ import annotations

import contextlib
import copy
import datetime
import io
import json
import re
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import laeringsnettverk as ln
from laeringsnettverk import _checklists_columnar as columnar
from laeringsnettverk._rules import Optional, Text
from laeringsnettverk.errors import LaeringsnettverkWarning, ValidationError
from laeringsnettverk.examples import load_example
from laeringsnettverk.frames import _STRING, _documents, _frame, checklists_frame
from laeringsnettverk.serialization import load_jsonl
from laeringsnettverk.toolkit import ChecklistItem, CollaborationChecklist, ItemStatus
from strategies.toolkit import checklists

DATA = Path(ln.__file__).parent / "data"
NETWORK_CHECKLISTS = DATA / "example_network_checklists.jsonl"

CHECKLIST: dict[str, Any] = {
    "kind": "checklist",
    "schema_version": 1,
    "items": [
        {
            "text": "1. samtale er gjennomført",
            "status": "gjennomfoert",
            "date": "2015-02-05",
            "value": 2.0,
            "carries_mean_of": 1,
        },
        {"text": "Koordinator", "status": "ikke_aktuelt", "note": "Avtalt: neste møte"},
        {"text": "Kriseplan", "note": None, "date": None, "value": None, "carries_mean_of": None},
        {"text": "Fastlegen", "status": "ikke_gjennomfoert", "value": 3},
    ],
    "date": "2015-05-07",
    "identifier": "sjekkliste-1",
    "team": "team-a",
    "form": "skjema-1",
    "item_set": "laeringsnettverk-forslag",
    "item_set_version": "1",
}


def _line(doc: dict[str, Any], *, compact: bool = False) -> str:
    separators = (",", ":") if compact else (", ", ": ")
    return json.dumps(doc, ensure_ascii=False, separators=separators)


def _checklist(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(CHECKLIST)
    doc.update(changes)
    return doc


def _without(*keys: str) -> dict[str, Any]:
    return {k: v for k, v in CHECKLIST.items() if k not in keys}


def _item(k: int = 1, **changes: Any) -> dict[str, Any]:
    """The checklist with its item ``k`` changed."""
    doc = copy.deepcopy(CHECKLIST)
    doc["items"][k].update(changes)
    return doc


def _reference(source: Any) -> pd.DataFrame:
    """The frame from the models' own values: what checklists_frame built before its fast route."""
    bad: list[dict[str, object]] = []
    keys = ("checklist", "team", "date", "item", "status", "points", "fidelity")
    cols: dict[str, list[Any]] = {k: [] for k in keys}
    for i, checklist in enumerate(_documents(source, CollaborationChecklist, bad)):
        ident = checklist.identifier if checklist.identifier is not None else str(i)
        fidelity = checklist.fidelity()
        for k, item in enumerate(checklist.items):
            row = (ident, checklist.team, checklist.date, k, item.status.code, item.status.points)
            for key, cell in zip(keys, (*row, fidelity), strict=True):
                cols[key].append(cell)
    dtypes = {
        "checklist": _STRING,
        "team": "category",
        "date": "date",
        "item": "Int64",
        "status": "category",
        "points": "Int64",
        "fidelity": "Float64",
    }
    frame = _frame(pd, cols, dtypes)
    frame.attrs["bad_lines"] = bad
    return frame


def _same_frames(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    for name in ("team", "status"):  # the categories' own dtype as well
        assert got[name].cat.categories.dtype == expected[name].cat.categories.dtype
    assert got.attrs["bad_lines"] == expected.attrs["bad_lines"]


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LaeringsnettverkWarning)
        yield


class Routes:
    """Runs lines through both routes and counts the lines the fast route gave up."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.slow = 0
        original = columnar.ChecklistColumns._add_slow

        def counted(self_: columnar.ChecklistColumns, number: int, raw: str | bytes) -> None:
            self.slow += 1
            original(self_, number, raw)

        monkeypatch.setattr(columnar.ChecklistColumns, "_add_slow", counted)

    def fast(self, lines: Any) -> pd.DataFrame:
        self.slow = 0
        with _quiet():
            return checklists_frame(lines)

    def pure(self, lines: Any) -> pd.DataFrame:
        with self.monkeypatch.context() as m:
            m.setattr(columnar, "fast_decoder", lambda: None)
            with _quiet():
                return checklists_frame(lines)

    def same(self, lines: Any) -> pd.DataFrame:
        """The fast route's frame, checked equal to the object route's and the models'."""
        pure = self.pure(lines)
        fast = self.fast(lines)
        _same_frames(fast, pure)
        with _quiet():
            _same_frames(fast, _reference(lines))
        return fast


@pytest.fixture
def routes(monkeypatch: pytest.MonkeyPatch) -> Routes:
    assert columnar.fast_decoder() is not None  # the dev extra installs msgspec
    return Routes(monkeypatch)


def _rows(checklist: CollaborationChecklist, position: int) -> list[dict[str, object]]:
    """The frame's rows of one checklist, from the model."""
    ident = checklist.identifier if checklist.identifier is not None else str(position)
    return [
        {
            "checklist": ident,
            "team": checklist.team,
            "date": checklist.date,
            "item": k,
            "status": item.status.code,
            "points": item.status.points,
            "fidelity": checklist.fidelity(),
        }
        for k, item in enumerate(checklist.items)
    ]


def _frame_rows(frame: pd.DataFrame) -> list[dict[str, object]]:
    return [
        {k: (None if v is pd.NA else v) for k, v in row.items()}
        for row in frame.astype(object).to_dict("records")
    ]


# -- the rows: the models' own, exactly ---------------------------------------------------------


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(checklists(), max_size=6), st.booleans())
def test_json_lines_give_the_models_rows_exactly(
    routes: Routes, items: list[CollaborationChecklist], compact: bool
) -> None:
    lines = [_line(json.loads(ln.dumps(c, indent=None)), compact=compact) for c in items]
    frame = routes.same(lines)
    # only a line that holds an escaped colon is left to the object route (none is written)
    assert routes.slow == sum("u003a" in x.lower() for x in lines)
    assert _frame_rows(frame) == [row for i, c in enumerate(items) for row in _rows(c, i)]
    _same_frames(routes.same([x.encode() for x in lines]), frame)
    _same_frames(checklists_frame(items), frame)  # the models themselves


def test_the_example_network_gives_the_same_frame(routes: Routes) -> None:
    frame = routes.same(NETWORK_CHECKLISTS)
    assert routes.slow == 0
    assert len(frame) == 60
    for mode in ("rb", "r"):  # a file opened in binary or in text mode, read by each route
        with NETWORK_CHECKLISTS.open(mode) as handle:
            _same_frames(routes.fast(handle), frame)
        assert routes.slow == 0
        with NETWORK_CHECKLISTS.open(mode) as handle:
            _same_frames(routes.pure(handle), frame)
    _same_frames(routes.same(str(NETWORK_CHECKLISTS)), frame)


def test_a_large_batch_keeps_its_columns_across_chunks(
    routes: Routes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(columnar, "_CHUNK", 3)
    docs = [_checklist(team=f"t-{k % 2}") for k in range(8)]
    for k in (1, 4, 5, 7):  # without an identifier: known by its position
        del docs[k]["identifier"]
    lines: list[Any] = [_line(doc) for doc in docs]
    lines[2] = load_example("checklist")  # a model among the lines
    lines.insert(3, "{")  # a bad line: no position of its own
    frame = routes.same(lines)
    assert routes.slow == 1
    ids = frame.loc[frame["item"] == 0, "checklist"].tolist()
    expected = ["sjekkliste-1", "1", "eksempel-sjekkliste-1", "sjekkliste-1", "4", "5"]
    assert ids == [*expected, "sjekkliste-1", "7"]
    assert frame["team"].astype(str).tolist()[:4] == ["t-0"] * 4


def test_an_empty_source_gives_an_empty_frame_of_the_same_dtypes(routes: Routes) -> None:
    for source in ([], ["", "  "], ["{"]):
        frame = routes.same(source)
        assert len(frame) == 0
        assert str(frame["fidelity"].dtype) == "Float64"
        assert isinstance(frame["status"].dtype, pd.CategoricalDtype)


def test_fidelity_is_the_checklists_own_to_the_last_bit(routes: Routes) -> None:
    statuses = ["gjennomfoert", "ikke_aktuelt", "ikke_gjennomfoert"]
    docs = []
    for n in (1, 3, 7, 10, 49):
        for done in range(n + 1):
            items = [
                {"text": f"{k}", "status": statuses[2 if k >= done else k % 2]} for k in range(n)
            ]
            docs.append(_line(_checklist(items=items)))
    frame = routes.same(docs)
    assert routes.slow == 0
    models = [ln.loads(x, CollaborationChecklist) for x in docs]
    assert frame["fidelity"].tolist() == [m.fidelity() for m in models for _ in m.items]
    assert frame["points"].tolist() == [i.status.points for m in models for i in m.items]


# -- lines the fast route takes, and the ones it leaves to the object route ----------------------

VALID = [
    # (document, taken by the fast route)
    (CHECKLIST, True),
    (_without("date", "identifier", "team", "form", "item_set", "item_set_version"), True),
    (_checklist(date=None, identifier=None, team=None, form=None), True),
    (_checklist(item_set=None, item_set_version=None), True),
    (_checklist(item_set_version=None), True),
    (_without("item_set_version"), True),
    (_checklist(identifier="", team=" ", form=""), True),  # blank identifiers are allowed
    (_checklist(items=[{"text": "x"}]), True),  # the default status: not done
    (_item(0, value=1.7976931348623157e308), True),  # the largest float
    (_item(0, value=2**1024 - 2**970 - 1), True),  # the largest int read as a finite float
    (_item(0, value=-0.0), True),
    (_item(0, carries_mean_of=10**30), True),  # a big whole number
    (_item(1, note=""), True),
    (_item(1, note="a:b:c", text="kl. 10:00"), True),  # colons in the free text: counted
    (_checklist(identifier="urn:uuid:1", team="team:a", form="f:1"), True),
    (_item(1, text=" x "), True),
    (_item(1, text="tab\there"), True),  # written as an escape
    # an escaped colon: the object route reads it (the same row)
    (_item(1, note="\\u003a"), True),  # a backslash and "u003a" as text: written "\\u003a"
    (_checklist(item_set="a.b_c-9", item_set_version="1.0+x_y-Z"), True),
]


@pytest.mark.parametrize(("doc", "fast"), VALID)
def test_valid_lines_give_the_object_paths_rows(
    routes: Routes, doc: dict[str, Any], fast: bool
) -> None:
    lines = [_line(doc), _line(doc, compact=True)]
    frame = routes.same(lines)
    escaped = sum("u003a" in x.lower() for x in lines)
    assert routes.slow == (escaped if fast else 2)
    assert frame.attrs["bad_lines"] == []
    checklist = ln.loads(lines[0], CollaborationChecklist)
    assert _frame_rows(frame) == _rows(checklist, 0) + _rows(checklist, 1)
    _same_frames(routes.same([x.encode() for x in lines]), frame)


def test_an_escaped_colon_takes_the_object_route(routes: Routes) -> None:
    line = _line(_item(1, note="kl. 10:00")).replace("10:00", "10\\u003a00")
    for raw in (line, line.replace("u003a", "u003A"), line.encode()):
        frame = routes.same([raw])
        assert routes.slow == 1
        assert len(frame) == 4 and frame.attrs["bad_lines"] == []


PREFIX = '{"kind": "checklist", "schema_version": 1, '
ITEM = '{"text": "x", "status": "gjennomfoert"}'


def _bad_items(*items: object) -> str:
    return _line(_checklist(items=list(items)))


BAD = [
    # (line, what is wrong): each is refused by load_jsonl, so by both routes alike
    (_line(_checklist(kind="form")), "another kind"),
    (_line(_checklist(schema_version=2)), "an unknown version"),
    (_line(_checklist(schema_version=True)), "a bool for a version"),
    (PREFIX.replace("1,", "1.0,") + f'"items": [{ITEM}]}}', "a float for a version"),
    (_line(_without("kind")), "no kind"),
    (_line(_without("items")), "no items"),
    (_line(_checklist(items=[])), "no item"),
    (_line(_checklist(items={"text": "x"})), "items not a list"),
    (_line(_checklist(items=None)), "null items"),
    (_line(_checklist(extra=1)), "an unknown key"),
    (_line(_item(1, extra=1)), "an unknown key in an item"),
    (_bad_items("x"), "an item that is not an object"),
    (_bad_items({"status": "gjennomfoert"}), "an item without text"),
    (_line(_item(1, text=" ")), "a blank text"),
    (_line(_item(1, text="")), "an empty text"),
    (_line(_item(1, text="\u00a0\u2028\t")), "a text of other whitespace"),
    (_line(_item(1, text=None)), "a null text"),
    (_line(_item(1, text=5)), "a number for a text"),
    (_line(_item(1, status="Gjennomført")), "a status by its label"),
    (_line(_item(1, status="done")), "a status in English"),
    (_line(_item(1, status="GJENNOMFOERT")), "a status in capitals"),
    (_line(_item(1, status="")), "an empty status"),
    (_line(_item(1, status=None)), "a null status"),
    (_line(_item(1, status=1)), "a number for a status"),
    (_line(_item(1, note=5)), "a number for a note"),
    (_line(_item(1, note=["a:b"])), "a list for a note"),
    (_line(_item(1, date="2015-02-30")), "no such day"),
    (_line(_item(1, date="20150205")), "a date without dashes"),
    (_line(_item(1, date="2015-02-05T10:00")), "a date and time"),
    (_line(_item(1, date="\u0662015-02-05")), "a digit of another script in a date"),
    (_line(_checklist(date="2015-5-7")), "a short date"),
    (_line(_checklist(date=20150507)), "a number for a date"),
    (_line(_item(1, value="2.0")), "text for a value"),
    (_line(_item(1, value=True)), "a bool for a value"),
    (_line(_item(1, value=float("nan"))), "NaN for a value"),
    (_line(_item(1, value=float("inf"))), "Infinity for a value"),
    (_line(_item(1, value=-float("inf"))), "-Infinity for a value"),
    (_line(_item(0)).replace("2.0", "1e400"), "a value beyond a float"),
    (_line(_item(0)).replace("2.0", "1.7976931348623159e308"), "a value just beyond a float"),
    (_line(_item(0)).replace("2.0", str(2**1024 - 2**970)), "an int just beyond a float"),
    (_line(_item(1, carries_mean_of=0)), "a conversation number of 0"),
    (_line(_item(1, carries_mean_of=-1)), "a negative conversation number"),
    (_line(_item(1, carries_mean_of=1.0)), "a float conversation number"),
    (_line(_item(1, carries_mean_of=True)), "a bool conversation number"),
    (_line(_item(1, carries_mean_of="1")), "text for a conversation number"),
    (_line(_checklist(identifier=5)), "a number for an identifier"),
    (_line(_checklist(team=["a"])), "a list for a team"),
    (_line(_checklist(form=False)), "a bool for a form"),
    (_line(_checklist(item_set="Laeringsnettverk")), "an item set in capitals"),
    (_line(_checklist(item_set="a:b")), "an item set with a colon"),
    (_line(_checklist(item_set="a\n")), "an item set ending in a line feed"),
    (_line(_checklist(item_set="")), "an empty item set"),
    (_line(_checklist(item_set="x" * 65)), "an item set too long"),
    (_line(_checklist(item_set=5)), "a number for an item set"),
    (_line(_checklist(item_set_version="1 0")), "a version with a space"),
    (_line(_checklist(item_set_version="1\n")), "a version ending in a line feed"),
    (_line(_checklist(item_set_version="")), "an empty version"),
    (_line(_checklist(item_set_version=1)), "a number for a version"),
    (_line(_without("item_set")), "a version without an item set"),
    (_line(_checklist(item_set=None)), "a version with a null item set"),
    (PREFIX + f'"items": [{ITEM}], "team": "a", "team": "b"}}', "a repeated key"),
    (PREFIX + f'"items": [{ITEM}], "team": null, "team": "b"}}', "a repeat after a null"),
    (PREFIX + f'"items": [{ITEM}], "items": [{ITEM}]}}', "repeated items"),
    (
        PREFIX + '"items": [{"text": "x", "status": "gjennomfoert", "status": "ikke_aktuelt"}]}',
        "a repeated status",
    ),
    (PREFIX + '"items": [{"text": "x", "note": "a:b", "note": "c"}]}', "a repeated note"),
    (
        PREFIX + '"items": [{"text": "x", "note": "c", "note": "a:b"}]}',
        "a repeated note, colon last",
    ),
    (
        PREFIX + '"identifier": "a:b", "items": [{"text": "x", "text": "y:z"}]}',
        "a repeated text beside a colon in the identifier",
    ),
    # an escaped colon may hide a repeated key: the object route finds it
    (
        PREFIX + '"items": [{"text": "x", "note": "a\\u003ab", "note": "c"}]}',
        "a repeat and an escaped colon",
    ),
    (
        PREFIX + '"items": [{"text": "x", "note": "\\u003a", "note": "\\u003A"}]}',
        "a repeat and escaped colons",
    ),
    # ... that the colons would not tell: the escaped colon stands for the dropped member's
    (PREFIX + '"items": [{"text": "x", "note": "a", "note": "\\u003a"}]}', "a repeat hidden"),
    (PREFIX + '"items": [{"text": "x", "note": "a", "note": "\\u003A"}]}', "a repeat hidden (A)"),
    (PREFIX + '"items": [{"text": "x"}], "team": "\\ud800"}', "a lone surrogate"),
    (PREFIX + '"items": [{"text": "\\udc00 x"}]}', "a lone low surrogate in a text"),
    (PREFIX + '"items": [{"text": "x\x01"}]}', "a raw control character"),
    (PREFIX + '"items": [{"text": "x"}]} x', "text after the document"),
    (PREFIX + '"items": [{"text": "x",}]}', "a trailing comma"),
    (PREFIX + '"items": [{"text": "x"}], "date": 01}', "a number with a leading zero"),
    ("\ufeff" + _line(CHECKLIST), "a byte order mark: allowed, the object route reads it"),
    ("\u00a0" + _line(CHECKLIST), "a no-break space before the document"),
    ("not json", "not JSON"),
    ("[1, 2]", "not an object"),
    ("null", "null"),
    ("   ", "a blank line: skipped, counted"),
    ("", "an empty line: skipped, counted"),
]


@pytest.mark.parametrize(("line", "why"), BAD, ids=[why for _, why in BAD])
def test_lines_the_fast_route_refuses_get_the_object_paths_verdict(
    routes: Routes, line: str, why: str
) -> None:
    good = _line(CHECKLIST)
    lines = [good, line, good]
    frame = routes.same(lines)
    assert routes.slow == 1, why
    verdict = load_jsonl([line], CollaborationChecklist)
    assert len(frame) == 4 * (2 + len(verdict.loaded))
    assert frame.attrs["bad_lines"] == [
        {"line": 2, "problems": list(e.messages)} for e in verdict.errors
    ]
    raw = line.encode("utf-8", "surrogatepass")
    _same_frames(routes.same([good.encode(), raw, good.encode()]), frame)


def test_bytes_that_are_not_utf8_take_the_object_route(routes: Routes) -> None:
    good = _line(CHECKLIST).encode()
    for raw in (good.replace(b"Koordinator", b"Koordinat\xf8r"), b"\xff" + good):
        frame = routes.same([good, raw])
        assert routes.slow == 1
        assert [b["line"] for b in frame.attrs["bad_lines"]] == [2]


def test_bad_lines_are_numbered_and_warned_about(routes: Routes) -> None:
    lines = [_line(CHECKLIST), "{", _line(_checklist(extra=1)), _line(CHECKLIST)]
    with pytest.warns(LaeringsnettverkWarning, match="2 bad lines"):
        frame = checklists_frame(lines)
    assert [b["line"] for b in frame.attrs["bad_lines"]] == [2, 3]
    assert frame["checklist"].tolist() == ["sjekkliste-1"] * 8


def test_models_and_lines_mix_in_one_source(routes: Routes) -> None:
    model = load_example("checklist")
    frame = routes.same([model, _line(CHECKLIST), model])
    assert frame["checklist"].unique().tolist() == [model.identifier, "sjekkliste-1"]
    assert len(frame) == 24
    with pytest.raises(
        ValidationError, match=r"documents\[1\]: 'int' must be a CollaborationChecklist"
    ):
        checklists_frame([_line(CHECKLIST), 5])
    with pytest.raises(ValidationError, match="must be a CollaborationChecklist or a line"):
        checklists_frame([load_example("form")])
    with pytest.raises(ValidationError, match="must be a CollaborationChecklist or a line"):
        checklists_frame([bytearray(_line(CHECKLIST).encode())])


def test_str_and_bytes_subclasses_take_the_object_route(routes: Routes) -> None:
    class Line(str):
        pass

    class Raw(bytes):
        pass

    frame = routes.same([Line(_line(CHECKLIST)), Raw(_line(CHECKLIST).encode())])
    assert routes.slow == 2
    assert frame["fidelity"].tolist() == [0.5] * 8


# -- the rules the fast route relies on ----------------------------------------------------------


def test_not_blank_is_the_same_test_as_the_models() -> None:
    # the struct's pattern \S, as Python's re reads it, finds a character exactly when
    # str.strip leaves one (the Text rule's test): the whitespace of both is str.isspace's
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    spaces = [ch for ch in every if ch.isspace()]
    assert re.findall(r"\s", every) == spaces
    assert all(not ch.strip() for ch in spaces)
    assert "".join(ch for ch in every if not ch.strip()) == "".join(spaces)


def test_a_model_of_another_shape_turns_the_fast_route_off() -> None:
    @attrs.frozen(kw_only=True)
    class Wider:
        text: str
        mood: int = 0  # a field the fast route does not know

    assert columnar._shape_known(columnar._MODELS)
    assert columnar._shape_known({"ChecklistItem": Wider}) is False
    assert columnar._shape_known({"CollaborationChecklist": Wider}) is False
    # the same names with another rule or another default
    fields = {f.name: f for f in attrs.fields(ChecklistItem)}
    other_rule = attrs.make_class(
        "Item",
        {
            name: attrs.field(
                default=f.default,
                metadata={**f.metadata, "laeringsnettverk.rule": Optional(Text())}
                if name == "note"
                else f.metadata,
            )
            for name, f in fields.items()
        },
    )
    assert columnar._shape_known({"ChecklistItem": other_rule}) is False
    other_default = attrs.make_class(
        "Item",
        {
            name: attrs.field(
                default=ItemStatus.DONE if name == "status" else f.default,
                metadata=f.metadata,
            )
            for name, f in fields.items()
        },
    )
    assert columnar._shape_known({"ChecklistItem": other_default}) is False


def test_a_changed_model_sends_every_line_to_the_object_route(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(columnar._RULES, "ChecklistItem", {})
    assert columnar.fast_decoder() is None
    routes = Routes(monkeypatch)
    frame = routes.fast([_line(CHECKLIST)])
    assert routes.slow == 1
    _same_frames(frame, _reference([_line(CHECKLIST)]))


def test_other_status_codes_turn_the_fast_route_off(monkeypatch: pytest.MonkeyPatch) -> None:
    module = columnar._msgspec_module()
    assert sorted(module.STATUS_CODES) == sorted(ItemStatus.codes())
    monkeypatch.setattr(module, "STATUS_CODES", ("gjennomfoert", "ikke_aktuelt"))
    assert columnar.fast_decoder() is None


def test_a_registered_migration_sends_lines_to_the_object_route(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from laeringsnettverk.serialization import _json

    monkeypatch.setattr(_json, "schema_version", lambda kind: 2)
    assert columnar.fast_decoder() is None


def test_without_msgspec_every_line_takes_the_object_route(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [_line(CHECKLIST), _line(_checklist(extra=1)), _line(_item(1, note="a:b"))]
    with _quiet():
        expected = checklists_frame(lines)
    with monkeypatch.context() as m:
        m.setitem(sys.modules, "msgspec", None)  # import msgspec raises ImportError
        m.delitem(sys.modules, "laeringsnettverk._checklists_msgspec", raising=False)
        columnar._msgspec_module.cache_clear()
        try:
            assert columnar.fast_decoder() is None
            routes = Routes(m)
            frame = routes.fast(lines)
            assert routes.slow == 3
        finally:
            columnar._msgspec_module.cache_clear()
    _same_frames(frame, expected)
    _same_frames(frame, _reference(lines))
    assert columnar.fast_decoder() is not None


def test_dates_of_the_frame_are_the_checklists_dates(routes: Routes) -> None:
    lines = [
        _line(_checklist(date="1969-12-31")),
        _line(_checklist(date="0001-01-01")),
        _line(_checklist(date="9999-12-31")),
        _line(_checklist(date=None)),
    ]
    frame = routes.same(lines)
    assert routes.slow == 0
    assert frame["date"].iloc[::4].tolist()[:3] == [
        datetime.date(1969, 12, 31),
        datetime.date(1, 1, 1),
        datetime.date(9999, 12, 31),
    ]
    assert frame["date"].iloc[12:].isna().all()


# -- never more lenient: lines mutated at random get the object path's verdict -------------------

_PIECES = st.sampled_from(
    [":", ",", '"', "{", "}", "[", "]", " ", "\\", "\\u003a", "\\u003A", "0", "1", "-1", "1.0",
     "1e400", "true", "null", '"a"', '"a:b"', '"text": "y"', '"note": "k:l"', '"note": null',
     '"status": "ikke_aktuelt"', '"status": "done"', '"team": "x"', '"team": null',
     '"identifier": "a:b"', '"item_set": "x"', '"item_set_version": "2"', '"value": 1',
     '"carries_mean_of": 0', '"date": "2015-02-30"', '"date": "2015-02-28"', "{}", "[]",
     '{"text": " "}', '{"text": "z"}', "\ufeff", "\u00a0", "\x0c", "\ud800", "é", "00", "NaN"]
)  # fmt: skip


@st.composite
def mutated_lines(draw: st.DrawFn) -> str:
    """A valid checklist's line with a few pieces inserted, deleted or replaced."""
    checklist = draw(checklists())
    line = _line(json.loads(ln.dumps(checklist, indent=None)), compact=draw(st.booleans()))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(line)))
        cut = draw(st.integers(0, 3))
        line = line[:at] + draw(st.just("") | _PIECES) + line[at + cut :]
    return line


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(mutated_lines(), min_size=1, max_size=4))
def test_mutated_lines_get_the_object_paths_verdict(routes: Routes, lines: list[str]) -> None:
    frame = routes.same(lines)  # the same rows and the same bad lines, line for line
    as_bytes = routes.same([x.encode("utf-8", "surrogatepass") for x in lines])
    if not any("\ud800" in x for x in lines):  # bytes of a lone surrogate are not UTF-8
        _same_frames(as_bytes, frame)


@st.composite
def hostile_lines(draw: st.DrawFn) -> str:
    """A checklist line built key by key: repeated, unknown, mistyped keys among good ones."""
    good_item = {"text": "x", "status": "gjennomfoert", "note": "a:b", "value": 1}
    values = st.sampled_from(
        ['"x"', '"a:b"', '" "', '"\\u003a"', "null", "1", "0", "1.5", "true", "[]", "{}",
         '"gjennomfoert"', '"ikke_aktuelt"', '"done"', '"2015-02-05"', '"2015-02-30"', '"x:"']
    )  # fmt: skip
    item_keys = st.sampled_from(
        ["text", "status", "note", "date", "value", "carries_mean_of", "extra", "text"]
    )

    def obj(keys: list[str], vals: list[str]) -> str:
        return "{" + ", ".join(f'"{k}": {v}' for k, v in zip(keys, vals, strict=False)) + "}"

    items = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            items.append(_line(good_item))
        else:
            keys = draw(st.lists(item_keys, min_size=1, max_size=5))
            items.append(obj(keys, draw(st.lists(values, min_size=len(keys), max_size=len(keys)))))
    top = draw(
        st.lists(
            st.sampled_from(
                ["date", "identifier", "team", "form", "item_set", "item_set_version", "extra"]
            ),
            max_size=4,
        )
    )
    top_values = draw(st.lists(values, min_size=len(top), max_size=len(top)))
    body = [f'"{k}": {v}' for k, v in zip(top, top_values, strict=True)]
    return PREFIX + ", ".join([f'"items": [{", ".join(items)}]', *body]) + "}"


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(hostile_lines(), min_size=1, max_size=4))
def test_hostile_lines_get_the_object_paths_verdict(routes: Routes, lines: list[str]) -> None:
    frame = routes.same(lines)
    _same_frames(routes.same([x.encode() for x in lines]), frame)


def test_frames_read_from_a_text_stream(routes: Routes) -> None:
    text = "\n".join([_line(CHECKLIST), "", _line(_item(1, note="x:y"))]) + "\n"
    frame = routes.fast(io.StringIO(text))
    assert len(frame) == 8 and routes.slow == 1  # the blank line
    _same_frames(frame, routes.pure(io.StringIO(text)))
    _same_frames(frame, _reference(io.StringIO(text)))
