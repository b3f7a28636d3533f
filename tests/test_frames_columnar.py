"""The per-form frame's fast route: the object path's numbers and errors, line for line.

Every test runs the same lines through the fast route (msgspec) and the object route
(every line loaded by ``load_jsonl`` and scored by the models), and checks that the frames
and the bad lines are the same; the Hypothesis properties check the numbers against the
models' own methods as well.
"""

from __future__ import annotations

import contextlib
import copy
import datetime
import json
import math
import sys
import warnings
from collections.abc import Iterator
from typing import Any

import attrs
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import laeringsnettverk as ln
from laeringsnettverk import _frames_columnar as columnar
from laeringsnettverk.errors import LaeringsnettverkWarning, ValidationError
from laeringsnettverk.examples import load_example
from laeringsnettverk.frames import forms_frame, scores_frame
from laeringsnettverk.serialization import load_jsonl
from laeringsnettverk.toolkit import WhatMattersForm, form_benefit
from strategies.toolkit import forms, scales

NETWORK = load_example("network")
TOWNS = {  # the example network's teams of one municipality: team → its number
    t.identifier: t.municipality_numbers[0]
    for t in NETWORK.teams
    if len(t.municipality_numbers) == 1
}

FORM: dict[str, Any] = {
    "kind": "form",
    "schema_version": 1,
    "activities": [{"name": "Sove"}, {"name": "Handle", "area": None}, {"name": "Jobbe"}],
    "conversations": [
        {"date": "2015-02-05", "scores": {"Sove": 1, "Handle": 4, "Jobbe": 1}},
        {"date": "2015-05-07", "scores": {"Sove": 4, "Handle": 6, "Jobbe": 5}},
    ],
    "identifier": "skjema-1",
    "team": "team-a",
}


def _na(value: object) -> object:
    return None if value is pd.NA or (isinstance(value, float) and math.isnan(value)) else value


def _line(doc: dict[str, Any], *, compact: bool = False) -> str:
    separators = (",", ":") if compact else (", ", ": ")
    return json.dumps(doc, ensure_ascii=False, separators=separators)


def _form(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(FORM)
    doc.update(changes)
    return doc


class Routes:
    """Runs lines through both routes and counts the lines the fast route gave up."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.slow = 0
        original = columnar.FormColumns._add_slow

        def counted(self_: columnar.FormColumns, number: int, raw: str | bytes) -> None:
            self.slow += 1
            original(self_, number, raw)

        monkeypatch.setattr(columnar.FormColumns, "_add_slow", counted)

    def fast(self, lines: Any, **kwargs: Any) -> pd.DataFrame:
        self.slow = 0
        with _quiet():
            return forms_frame(lines, **kwargs)

    def pure(self, lines: Any, **kwargs: Any) -> pd.DataFrame:
        with self.monkeypatch.context() as m:
            m.setattr(columnar, "fast_decoder", lambda: None)
            with _quiet():
                return forms_frame(lines, **kwargs)

    def same(self, lines: Any, **kwargs: Any) -> pd.DataFrame:
        """The fast route's frame, checked equal to the object route's (bad lines too)."""
        pure = self.pure(lines, **kwargs)
        fast = self.fast(lines, **kwargs)
        pd.testing.assert_frame_equal(fast, pure)
        assert fast.attrs["bad_lines"] == pure.attrs["bad_lines"]
        return fast


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LaeringsnettverkWarning)
        yield


@pytest.fixture
def routes(monkeypatch: pytest.MonkeyPatch) -> Routes:
    assert columnar.fast_decoder() is not None  # the dev extra installs msgspec
    return Routes(monkeypatch)


def _expected(
    form: WhatMattersForm, position: int, towns: dict[str, str] | None = None
) -> dict[str, object]:
    convs = form.conversations
    benefit = form_benefit(form) if len(convs) > 1 else None
    value = None if benefit is None else benefit.value
    town = form.municipality  # the form's own number wins over its team's
    if town is None and towns is not None and form.team is not None:
        town = towns.get(form.team)
    return {
        "form": form.identifier if form.identifier is not None else str(position),
        "team": form.team,
        "municipality": town,
        "conversations": len(convs),
        "date_1": convs[0].date if convs else None,
        "date_2": convs[1].date if len(convs) > 1 else None,
        "mean_1": convs[0].mean() if convs else None,
        "mean_2": convs[1].mean() if len(convs) > 1 else None,
        "benefit": value,
        "paired": None if benefit is None else benefit.paired,
        "improved": None if benefit is None else benefit.improved,
        "important": None if benefit is None else benefit.important,
    }


# -- the numbers: the models' own, exactly -------------------------------------------------------


@st.composite
def network_forms(draw: st.DrawFn, /, **kwargs: Any) -> WhatMattersForm:
    """A valid form (with or without its own municipality), its team often a network's."""
    form = draw(forms(**kwargs))
    return attrs.evolve(form, team=draw(st.just(form.team) | st.sampled_from(sorted(TOWNS))))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    st.lists(network_forms(scale=scales()) | network_forms(max_conversations=2), max_size=8),
    st.booleans(),
    st.booleans(),
)
def test_json_lines_give_the_models_numbers_exactly(
    routes: Routes, items: list[WhatMattersForm], compact: bool, with_network: bool
) -> None:
    network = NETWORK if with_network else None
    lines = [_line(json.loads(ln.dumps(f, indent=None)), compact=compact) for f in items]
    frame = routes.same(lines, network=network)
    # a colon in a name or an area is left to the object route (see the module's docstring);
    # a form's own municipality number is not
    assert routes.slow == sum(
        any(":" in a.name or ":" in (a.area or "") for a in f.activities) for f in items
    )
    assert len(frame) == len(items)
    assert isinstance(frame["municipality"].dtype, pd.CategoricalDtype)
    for i, form in enumerate(items):
        row = {k: _na(v) for k, v in frame.iloc[i].items()}
        expected = _expected(form, i, TOWNS if with_network else None)
        for key, value in expected.items():
            assert row[key] == value, key  # exactly: no tolerance
        if expected["benefit"] is not None:  # the sign of a zero as well (-0.0)
            assert math.copysign(1, row["benefit"]) == math.copysign(1, expected["benefit"])  # type: ignore[arg-type]
    as_bytes = [line.encode() for line in lines]
    pd.testing.assert_frame_equal(routes.same(as_bytes, network=network), frame)
    pd.testing.assert_frame_equal(forms_frame(items, network=network), frame)


def test_a_large_batch_keeps_its_columns_across_chunks(
    routes: Routes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(columnar, "_CHUNK", 3)
    towns = ["1804", None, "5001"]
    lines = [
        _line(_form(identifier=f"s-{k}", team=f"t-{k % 2}", municipality=towns[k % 3]))
        for k in range(8)
    ]
    frame = routes.same(lines)
    assert frame["form"].tolist() == [f"s-{k}" for k in range(8)]
    assert frame["team"].astype(str).tolist() == [f"t-{k % 2}" for k in range(8)]
    assert [_na(x) for x in frame["municipality"]] == [towns[k % 3] for k in range(8)]
    assert routes.slow == 0


def test_an_empty_source_gives_an_empty_frame_of_the_same_dtypes(routes: Routes) -> None:
    frame = routes.same([], network=NETWORK)
    assert len(frame) == 0
    assert str(frame["benefit"].dtype) == "Float64"
    assert isinstance(frame["municipality"].dtype, pd.CategoricalDtype)


# -- lines the fast route takes, and the ones it leaves to the object route ----------------------

VALID = [
    # (document, taken by the fast route)
    (FORM, True),
    (_form(conversations=[]), True),
    ({k: v for k, v in FORM.items() if k != "conversations"}, True),
    ({k: v for k, v in FORM.items() if k not in ("identifier", "team")}, True),
    (_form(identifier=None, team=None), True),
    (_form(scale={"minimum": 0, "maximum": 10, "higher_is_better": False}), True),
    (_form(scale={"maximum": 12}), True),
    (_form(scale={}), True),
    (_form(scale={"minimum": -(2**31), "maximum": 2**31}), True),
    # a wide scale is checked by its ends, not by a set of its scores; empty scores pass
    (_form(scale={"minimum": 0, "maximum": 1000}, conversations=[{"date": "2015-02-05"}]), True),
    (
        _form(
            scale={"minimum": 0, "maximum": 1000},
            conversations=[{"date": "2015-02-05", "scores": {}}, FORM["conversations"][1]],
        ),
        True,
    ),
    # one conversation; an empty and an absent set of scores
    (_form(conversations=FORM["conversations"][:1]), True),
    (_form(conversations=[{"date": "2015-02-05"}, {"date": "2015-05-07", "scores": {}}]), True),
    (_form(conversations=[{"date": "2015-02-05", "scores": {}}, FORM["conversations"][1]]), True),
    # partly paired: the benefit over the two activities scored at both
    (
        _form(
            conversations=[
                {"date": "2015-02-05", "scores": {"Sove": 1, "Handle": 4}},
                {"date": "2015-05-07", "scores": {"Handle": 7, "Jobbe": 5, "Sove": 2}},
                {"date": "2015-09-07", "scores": {"Jobbe": 10}},
                {"date": "2015-10-07"},
            ]
        ),
        True,
    ),
    # the same activities scored at both, not every one of the form's
    (
        _form(
            conversations=[
                {"date": "2015-02-05", "scores": {"Sove": 1, "Handle": 4}},
                {"date": "2015-05-07", "scores": {"Handle": 7, "Sove": 2}},
            ]
        ),
        True,
    ),
    # scores beyond 1 to 10 (the default scale, checked while decoding) within the form's own
    (
        _form(
            scale={"minimum": 0, "maximum": 12, "higher_is_better": False},
            conversations=[
                {"date": "2015-02-05", "scores": {"Sove": 0, "Handle": 12, "Jobbe": 10}},
                {"date": "2015-05-07", "scores": {"Sove": 1, "Handle": 11}},
            ],
        ),
        True,
    ),
    # none paired: no benefit, 0 pairs
    (
        _form(
            conversations=[
                {"date": "2015-02-05", "scores": {"Sove": 1}},
                {"date": "2015-05-07", "scores": {"Handle": 7}},
            ]
        ),
        True,
    ),
    # colons in the identifier and the team are counted
    (_form(identifier="urn:uuid:1", team="team:a"), True),
    # ... but with an escape in the line, the object route decides
    (_form(identifier="urn:uuid:1", team='team "a"'), False),
    # a colon in a name: the object route
    (
        _form(
            activities=[{"name": "Kl. 10:00"}],
            conversations=[{"date": "2015-02-05", "scores": {"Kl. 10:00": 3}}],
        ),
        False,
    ),
    # a scale or a score beyond ±2**31: the object route (big integers, exact means)
    (
        _form(
            scale={"minimum": -(10**20), "maximum": 10**20},
            conversations=[
                {"date": "2015-02-05", "scores": {"Sove": 10**20, "Handle": 10**20 - 1}},
                {"date": "2015-05-07", "scores": {"Sove": -(10**20), "Handle": 3}},
            ],
        ),
        False,
    ),
    (_form(scale={"minimum": 0, "maximum": 2**31 + 1}), False),
    # an area given
    (
        _form(activities=[{"name": "Sove"}, {"name": "Handle"}, {"name": "Jobbe", "area": "x"}]),
        True,
    ),
    # a municipality number of 2024, of an earlier county, and none
    (_form(municipality="1804"), True),
    (_form(municipality="0101"), True),
    (_form(municipality=None), True),
    # with colons in the identifier and the team, counted beside the municipality's key
    (_form(identifier="urn:uuid:1", team="team:a", municipality="5001"), True),
]


@pytest.mark.parametrize(("doc", "fast"), VALID)
def test_valid_lines_give_the_object_paths_row(
    routes: Routes, doc: dict[str, Any], fast: bool
) -> None:
    lines = [_line(doc), _line(doc, compact=True)]
    frame = routes.same(lines)
    assert routes.slow == (0 if fast else 2)
    assert frame.attrs["bad_lines"] == []
    form = ln.loads(lines[0], WhatMattersForm)
    for i in range(2):
        row = {k: _na(v) for k, v in frame.iloc[i].items()}
        for key, value in _expected(form, i).items():
            assert row[key] == value, key
    # the same line as bytes, and through a file opened in binary mode
    pd.testing.assert_frame_equal(routes.same([x.encode() for x in lines]), frame)
    # with a network: the form's own number, else its team's
    with_network = routes.same(lines, network=NETWORK)
    assert [_na(x) for x in with_network["municipality"]] == [
        _expected(form, i, TOWNS)["municipality"] for i in range(2)
    ]


DUPLICATE = '{"kind": "form", "schema_version": 1, "activities": [{"name": "Sove"}], '

BAD = [
    # (line, what is wrong): each is refused by load_jsonl, so by both routes alike
    (_line(_form(kind="plan")), "another kind"),
    (_line(_form(schema_version=2)), "an unknown version"),
    (_line(_form(schema_version=True)), "a bool for a version"),
    (_line(_form(extra=1)), "an unknown key"),
    (_line(_form(scale=None)), "a null scale"),
    (_line(_form(scale={"minimum": 5, "maximum": 5})), "an empty scale"),
    (_line(_form(activities=[{"name": " "}])), "a blank name"),
    (_line(_form(activities=[{"name": "Sove"}, {"name": "sove "}])), "names alike folded"),
    (_line(_form(activities=[{"name": "Sove"}, {"name": "Sove"}])), "the same name twice"),
    (
        _line(_form(conversations=[{"date": "2015-02-05", "scores": {"Sove": 11}}])),
        "a score above the scale",
    ),
    (
        _line(_form(conversations=[{"date": "2015-02-05", "scores": {"Sove": 0}}])),
        "a score below the scale",
    ),
    (
        _line(_form(conversations=[{"date": "2015-02-05", "scores": {"Sykle": 3}}])),
        "a score for an activity the form does not have",
    ),
    (
        _line(_form(conversations=[{"date": "2015-02-05", "scores": {"Sove": 3.0}}])),
        "a float score",
    ),
    (
        _line(_form(conversations=[{"date": "2015-02-05", "scores": {"Sove": True}}])),
        "a bool score",
    ),
    (
        _line(
            _form(
                scale={"minimum": 0, "maximum": 1000},
                conversations=[{"date": "2015-02-05", "scores": {"Sove": 1001}}],
            )
        ),
        "a score above a wide scale",
    ),
    (
        _line(
            _form(
                scale={"minimum": 0, "maximum": 1000},
                conversations=[{"date": "2015-02-05", "scores": {"Sove": -1}}],
            )
        ),
        "a score below a wide scale",
    ),
    (_line(_form(conversations=[*FORM["conversations"][::-1]])), "dates out of order"),
    (
        _line(_form(conversations=[*FORM["conversations"], {"date": "2015-05-07"}])),
        "a later date out of order",
    ),
    (
        _line(
            _form(
                conversations=[
                    *FORM["conversations"],
                    {"date": "2015-09-07", "scores": {"Sove": 99}},
                ]
            )
        ),
        "a later score above the scale",
    ),
    (_line(_form(conversations=[{"date": "20150205"}])), "a date without dashes"),
    (_line(_form(identifier=5)), "a number for an identifier"),
    (DUPLICATE + '"team": "a", "team": "b"}', "a repeated key"),
    (
        DUPLICATE + '"conversations": [{"date": "2015-02-05", "scores": {"Sove": 1, "Sove": 2}}]}',
        "a repeated score",
    ),
    # an escaped colon in the identifier may hide a repeated key: the object route finds it
    (DUPLICATE + '"identifier": "a\\u003ab", "team": "a", "team": "b"}', "a repeat and an escape"),
    (DUPLICATE + '"team": "\\ud800"}', "a lone surrogate"),
    # a municipality number that breaks its rule: the object route reports it
    (_line(_form(municipality="1800")), "a county's number for a municipality"),
    (_line(_form(municipality="2503")), "a municipality number of no county"),
    (_line(_form(municipality="180")), "a municipality number of three digits"),
    (_line(_form(municipality="18041")), "a municipality number of five digits"),
    (_line(_form(municipality=" 1804")), "a municipality number with a space"),
    (_line(_form(municipality="18:4")), "a municipality number with a colon"),
    (_line(_form(municipality="\u0661\u0668\u0660\u0664")), "digits of another script"),
    (_line(_form(municipality=1804)), "a number for a municipality number"),
    (_line(_form(municipality="")), "an empty municipality number"),
    (DUPLICATE + '"municipality": "1804", "municipality": "5001"}', "a repeated municipality"),
    (DUPLICATE + '"municipality": null, "municipality": "5001"}', "a repeat after a null"),
    (
        DUPLICATE + '"identifier": "a:b", "municipality": "1804", "municipality": "5001"}',
        "a repeated municipality beside a colon in the identifier",
    ),
    ("\ufeff" + _line(FORM), "a byte order mark: allowed, the object route reads it"),
    ("not json", "not JSON"),
    ("[1, 2]", "not an object"),
    ("   ", "a blank line: skipped, counted"),
]


@pytest.mark.parametrize(("line", "why"), BAD, ids=[why for _, why in BAD])
def test_lines_the_fast_route_refuses_get_the_object_paths_verdict(
    routes: Routes, line: str, why: str
) -> None:
    good = _line(FORM)
    lines = [good, line, good]
    frame = routes.same(lines)
    assert routes.slow == 1, why
    verdict = load_jsonl([line], WhatMattersForm)
    assert len(frame) == 2 + len(verdict.loaded)
    assert frame.attrs["bad_lines"] == [
        {"line": 2, "problems": list(e.messages)} for e in verdict.errors
    ]
    raw = line.encode("utf-8", "surrogatepass")
    pd.testing.assert_frame_equal(routes.same([good.encode(), raw, good.encode()]), frame)


def test_the_folded_names_kept_for_reuse_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # each FormColumns folds names into its own cache, bounded, and empties it when its
    # frame is made: no name (free text about a person) is kept from one frame to the next
    monkeypatch.setattr(columnar, "_FOLDS_KEPT", 2)
    fast = columnar.fast_decoder()
    assert fast is not None
    docs = [
        FORM,
        _form(activities=[{"name": "Sove"}, {"name": "Handle"}, {"name": "sove "}]),
        _form(activities=[{"name": "A"}, {"name": "B"}, {"name": " "}]),
        FORM,
    ]
    columns = columnar.FormColumns(fast, 2.0)
    columns.fill([_line(doc) for doc in docs])
    assert 0 < len(columns._folds) <= 2  # emptied whenever it held two names
    frame = columns.frame(pd, {})
    assert frame["form"].tolist() == ["skjema-1", "skjema-1"]
    assert [b["line"] for b in columns.bad] == [2, 3]
    assert columns._folds == {}
    folds = columnar._Folds()
    folds.clear()
    assert [folds[x] for x in ("Sove ", " SOVE", "Gå", " SOVE")] == ["sove", "sove", "gå", "sove"]
    assert folds == {"Gå": "gå", " SOVE": "sove"}  # emptied before "Gå", which was the third
    long = "Å" * (columnar._FOLD_LONGEST + 1)
    assert folds[long] == "å" * (columnar._FOLD_LONGEST + 1)
    assert long not in folds  # folded, not kept


def test_bad_lines_are_numbered_and_warned_about(routes: Routes) -> None:
    lines = [_line(FORM), "{", _line(_form(extra=1)), _line(FORM)]
    with pytest.warns(LaeringsnettverkWarning, match="2 bad lines"):
        frame = forms_frame(lines)
    assert [b["line"] for b in frame.attrs["bad_lines"]] == [2, 3]
    assert frame["form"].tolist() == ["skjema-1", "skjema-1"]


def test_models_and_lines_mix_in_one_source(routes: Routes) -> None:
    form = load_example("form")
    frame = routes.same([form, _line(FORM), form])
    assert frame["form"].tolist() == [form.identifier, "skjema-1", form.identifier]
    with pytest.raises(ValidationError, match=r"documents\[1\]: 'int' must be a WhatMattersForm"):
        forms_frame([_line(FORM), 5])
    # the long frame and the checklist frame refuse what is neither a model nor a line
    with pytest.raises(ValidationError, match=r"documents\[0\]: 'int' must be a WhatMattersForm"):
        scores_frame([5])


def test_the_long_frame_reports_bad_lines_as_the_per_form_frame_does() -> None:
    lines = [_line(FORM), _line(_form(extra=1))]
    with pytest.warns(LaeringsnettverkWarning, match="1 bad lines"):
        long = scores_frame(lines)
    with pytest.warns(LaeringsnettverkWarning, match="1 bad lines"):
        per_form = forms_frame(lines)
    assert long.attrs["bad_lines"] == per_form.attrs["bad_lines"]
    assert [b["line"] for b in long.attrs["bad_lines"]] == [2]
    assert len(long) == 6


def test_str_and_bytes_subclasses_take_the_object_route(routes: Routes) -> None:
    class Line(str):
        pass

    frame = routes.same([Line(_line(FORM))])
    assert routes.slow == 1
    assert frame["benefit"].tolist() == [3.0]


# -- the threshold ------------------------------------------------------------------------------


@pytest.mark.parametrize("mic", [2, 2.0, 3.0, 0.5, 2**53 + 1, True])
def test_the_threshold_marks_the_same_forms_important(routes: Routes, mic: float) -> None:
    later = {"date": "2015-05-07", "scores": {"Sove": 2, "Handle": 5, "Jobbe": 3}}
    lines = [_line(FORM), _line(_form(conversations=[FORM["conversations"][0], later]))]
    frame = routes.same(lines, minimal_important_change=mic)
    assert frame["benefit"].tolist() == [3.0, 4 / 3]
    assert frame["important"].tolist() == [mic <= 3.0, mic <= 4 / 3]


@pytest.mark.parametrize("mic", [0, -1.0, math.inf, math.nan, "2"])
def test_a_bad_threshold_is_refused_once_a_form_has_a_benefit(routes: Routes, mic: Any) -> None:
    single = _line(_form(conversations=FORM["conversations"][:1]))
    routes.same([single], minimal_important_change=mic)  # no benefit: not checked, as before
    for lines in ([single, _line(FORM)], [single, load_example("form")]):
        with pytest.raises(ValidationError, match="minimal_important_change"):
            routes.fast(lines, minimal_important_change=mic)
        with pytest.raises(ValidationError, match="minimal_important_change"):
            routes.pure(lines, minimal_important_change=mic)


# -- without msgspec, and with a migration --------------------------------------------------------


def test_without_msgspec_every_line_takes_the_object_route(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [_line(FORM), _line(_form(extra=1)), _line(_form(identifier="s:2"))]
    with _quiet():
        expected = forms_frame(lines)
    with monkeypatch.context() as m:
        m.setitem(sys.modules, "msgspec", None)  # import msgspec raises ImportError
        m.delitem(sys.modules, "laeringsnettverk._frames_msgspec", raising=False)
        columnar._msgspec_module.cache_clear()
        try:
            assert columnar.fast_decoder() is None
            routes = Routes(m)
            frame = routes.fast(lines)
            assert routes.slow == 3
        finally:
            columnar._msgspec_module.cache_clear()
    pd.testing.assert_frame_equal(frame, expected)
    assert frame.attrs["bad_lines"] == expected.attrs["bad_lines"]
    assert columnar.fast_decoder() is not None


def test_a_registered_migration_sends_lines_to_the_object_route(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from laeringsnettverk.serialization import _json

    monkeypatch.setattr(_json, "schema_version", lambda kind: 2)
    assert columnar.fast_decoder() is None


def test_a_model_of_another_shape_turns_the_fast_route_off() -> None:
    import attrs

    @attrs.frozen(kw_only=True)
    class Wider:
        name: str
        area: str | None = None
        mood: int = 0  # a field the fast route does not know

    assert columnar._shape_known(columnar._MODELS)
    assert columnar._shape_known({"Activity": Wider}) is False
    assert columnar._shape_known({"Scale": Wider}) is False


def test_a_forms_own_municipality_wins_over_the_networks(routes: Routes) -> None:
    docs = [
        _form(team="team-bodoe", municipality="5001"),  # its own number, not Bodø's 1804
        _form(team="team-bodoe"),  # the network's number for its team
        _form(team=None, municipality="3403"),  # its own, without a team
        _form(team="team-ukjent"),  # a team the network does not have: none
        _form(team=None),  # neither
    ]
    lines = [_line(doc) for doc in docs]
    lines[0] = lines[0].replace('"5001"', '"\\u0035001"')  # an escaped digit: the same number
    expected = ["5001", "1804", "3403", None, None]
    for network in (NETWORK, None):
        frame = routes.same(lines, network=network)
        assert routes.slow == 0
        towns = [_na(x) for x in frame["municipality"]]
        assert towns == (expected if network else ["5001", None, "3403", None, None])
        assert isinstance(frame["municipality"].dtype, pd.CategoricalDtype)
        models = [ln.loads(line, WhatMattersForm) for line in lines]
        pd.testing.assert_frame_equal(forms_frame(models, network=network), frame)
        long = scores_frame(lines, network=network)  # the long frame: on each of 6 rows
        assert [_na(x) for x in long["municipality"]] == [t for t in towns for _ in range(6)]


def test_dates_of_the_frame_are_the_conversations_dates(routes: Routes) -> None:
    frame = routes.same([_line(FORM)])
    assert frame["date_1"].iloc[0] == datetime.date(2015, 2, 5)
    assert frame["date_2"].iloc[0] == datetime.date(2015, 5, 7)


# -- never more lenient: lines mutated at random get the object path's verdict -------------------

_PIECES = st.sampled_from(
    [":", ",", '"', "{", "}", "[", "]", " ", "\\", "\\u003a", "0", "1", "11", "-1", "1.0", "true",
     "null", '"a"', '"Sove"', '"Sove": 3', '"team": "x"', '"area": null', '"scale": {}',
     '"scores": {}', '"2015-02-30"', "\ufeff", "\u00a0", "\x0c", "\ud800", "é",
     '"municipality": "1804"', '"municipality": null', '"1800"', '"0301"', "00"]
)  # fmt: skip


@st.composite
def mutated_lines(draw: st.DrawFn) -> str:
    """A valid form's line with a few pieces inserted, deleted or replaced."""
    form = draw(forms(max_conversations=3))
    line = _line(json.loads(ln.dumps(form, indent=None)), compact=draw(st.booleans()))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(line)))
        cut = draw(st.integers(0, 3))
        line = line[:at] + draw(st.just("") | _PIECES) + line[at + cut :]
    return line


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(mutated_lines(), min_size=1, max_size=4))
def test_mutated_lines_get_the_object_paths_verdict(routes: Routes, lines: list[str]) -> None:
    frame = routes.same(lines)  # the same rows and the same bad lines, line for line
    as_bytes = [x.encode("utf-8", "surrogatepass") for x in lines]
    pd.testing.assert_frame_equal(routes.same(as_bytes), frame)


# -- lines read in batches: each line decoded alone, the colons counted at once -----------------

IN_A_BATCH = [
    # (line, why, kept): lines the fast route leaves to the object route, in a batch of others
    ("{", "not JSON", False),
    (_line(_form(extra=1)), "an unknown key (msgspec refuses it)", False),
    (_line(_form(activities=[{"name": " "}])), "a blank name (a check here refuses it)", False),
    (DUPLICATE + '"team": "a", "team": "b"}', "a repeated key (the batch's colons)", False),
    ("   ", "a blank line: skipped", False),
    (
        _line(
            _form(
                identifier="kl-10",
                activities=[{"name": "Kl. 10:00"}],
                conversations=[{"date": "2015-02-05", "scores": {"Kl. 10:00": 3}}],
            )
        ),
        "a colon in a name (the batch's colons): a valid form, kept in its place",
        True,
    ),
]


@pytest.mark.parametrize(("line", "why", "kept"), IN_A_BATCH, ids=[w for _, w, _ in IN_A_BATCH])
@pytest.mark.parametrize("at", [0, 1, 2, 4, 6])
def test_a_line_left_to_the_object_route_keeps_its_number_and_place_in_a_batch(
    routes: Routes, monkeypatch: pytest.MonkeyPatch, line: str, why: str, kept: bool, at: int
) -> None:
    monkeypatch.setattr(columnar, "_LINES", 3)  # batches of 3 lines: 0-2, 3-5, 6
    lines = [_line(_form(identifier=f"s-{k}")) for k in range(7)]
    lines[at] = line
    frame = routes.same(lines)
    assert routes.slow == 1, why  # the one line, read once by the object route
    expected = [f"s-{k}" for k in range(7) if k != at]
    if kept:
        expected.insert(at, "kl-10")
    assert frame["form"].tolist() == expected
    verdict = load_jsonl([line], WhatMattersForm)
    assert frame.attrs["bad_lines"] == [
        {"line": at + 1, "problems": list(e.messages)} for e in verdict.errors
    ]
    pd.testing.assert_frame_equal(routes.same([x.encode() for x in lines]), frame)


def test_several_lines_left_to_the_object_route_in_one_batch_keep_their_order(
    routes: Routes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(columnar, "_LINES", 8)
    lines = [_line(_form(identifier=f"s-{k}")) for k in range(8)]
    for at, (line, _, _) in zip((1, 2, 4, 5, 7), IN_A_BATCH, strict=False):
        lines[at] = line
    lines[6] = IN_A_BATCH[-1][0]  # a valid line the object route reads: kept in its place
    frame = routes.same(lines)
    assert routes.slow == 6
    assert frame["form"].tolist() == ["s-0", "s-3", "kl-10"]
    assert [b["line"] for b in frame.attrs["bad_lines"]] == [2, 3, 5, 6]  # 8 is blank


def test_batches_of_mixed_items_are_read_item_by_item(
    routes: Routes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(columnar, "_LINES", 4)
    form = load_example("form")
    good = _line(FORM)
    items: list[Any] = [good, good.encode(), "{", form, good, b"{", good.encode(), good]
    frame = routes.same(items)
    assert routes.slow == 2  # the two bad lines; the form is a model, the rest fast
    assert [b["line"] for b in frame.attrs["bad_lines"]] == [3, 6]
    assert frame["form"].tolist() == ["skjema-1", "skjema-1", form.identifier] + ["skjema-1"] * 3


def test_batches_and_chunks_keep_the_positions_of_forms_without_identifiers(
    routes: Routes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(columnar, "_LINES", 2)
    monkeypatch.setattr(columnar, "_CHUNK", 3)
    lines = [_line(_form(identifier=None)) for _ in range(9)]
    lines[4] = "{"
    frame = routes.same(lines)
    assert frame["form"].tolist() == [str(k) for k in range(8)]  # by their rows, as before
    assert [b["line"] for b in frame.attrs["bad_lines"]] == [5]


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(mutated_lines() | st.just(_line(FORM)), min_size=1, max_size=7))
def test_mutated_lines_in_small_batches_get_the_object_paths_verdict(
    routes: Routes, lines: list[str]
) -> None:
    with routes.monkeypatch.context() as m:
        m.setattr(columnar, "_LINES", 3)
        frame = routes.same(lines)
        as_bytes = [x.encode("utf-8", "surrogatepass") for x in lines]
        pd.testing.assert_frame_equal(routes.same(as_bytes), frame)


@pytest.mark.parametrize("mic", [0, math.nan])
def test_a_bad_threshold_is_refused_in_a_batch_only_for_a_form_with_a_benefit(
    routes: Routes, mic: Any
) -> None:
    single = _line(_form(conversations=FORM["conversations"][:1]))
    colon = _form(
        activities=[{"name": "Kl. 10:00"}],
        conversations=[
            {"date": "2015-02-05", "scores": {"Kl. 10:00": 3}},
            {"date": "2015-05-07", "scores": {"Kl. 10:00": 5}},
        ],
    )  # a benefit, from the object route (a colon in a name)
    for lines in ([single, _line(colon), single], [single, single, _line(FORM)]):
        with pytest.raises(ValidationError, match="minimal_important_change"):
            routes.fast(lines, minimal_important_change=mic)
        with pytest.raises(ValidationError, match="minimal_important_change"):
            routes.pure(lines, minimal_important_change=mic)
    # two conversations on a bad line only (a repeated key): no benefit, nothing refused
    repeated = _line(FORM)[:-1] + ', "team": "b"}'
    frame = routes.same([single, repeated, single], minimal_important_change=mic)
    assert [b["line"] for b in frame.attrs["bad_lines"]] == [2]
    assert routes.slow == 1


def test_a_batch_of_empty_lines_gives_an_empty_frame(
    routes: Routes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(columnar, "_LINES", 2)
    for lines in ([b"", b""], ["", ""], [b"", b"", _line(FORM).encode()]):
        frame = routes.same(lines)
        assert frame.attrs["bad_lines"] == []
        assert len(frame) == len(lines) - 2
