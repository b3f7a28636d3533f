"""The accelerator's writer: its shortcuts write what the pure path writes, byte for byte."""

from __future__ import annotations

import datetime
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import laeringsnettverk as ln
from laeringsnettverk.serialization import _accel, _json, dumps_jsonl, make_converter
from laeringsnettverk.serialization._encode import Unstructurer
from laeringsnettverk.toolkit import Activity, Conversation, WhatMattersForm
from test_accel import MODES, _restore_mode  # noqa: F401 - the mode put back after each test


def _accelerator() -> _accel.Accelerator:
    accelerator = _accel.use("on")
    assert accelerator is not None, "the tests run with the fast extra"
    return accelerator


def written(obj: object) -> list[list[str]]:
    """What each path writes: one line, indented, and JSON Lines."""
    results = []
    for mode in MODES:
        _accel.use(mode)
        results.append([ln.dumps(obj, indent=None), ln.dumps(obj, indent=2), dumps_jsonl([obj])])
    return results


@given(st.lists(st.dates(), min_size=1, max_size=20))
def test_the_accelerator_writes_every_date_as_isoformat_does(days: list[datetime.date]) -> None:
    # the accelerator's unstructurer leaves dates to msgspec: its text must be isoformat's,
    # years below 1000 (zero-padded) and 9999 included (all 3,652,059 dates were compared
    # once when this was written; here Hypothesis, with its bias towards the extremes)
    accelerator = _accelerator()
    expected = json.dumps([d.isoformat() for d in days])
    assert accelerator.dumps(days, None) == expected
    assert accelerator.encode(days).decode() == json.dumps(
        [d.isoformat() for d in days], separators=(",", ":")
    )


@pytest.mark.parametrize(
    "day",
    [datetime.date(1, 1, 1), datetime.date(999, 12, 31), datetime.date(9999, 12, 31)],
    ids=str,
)
def test_a_form_with_any_year_is_written_alike_on_both_paths(day: datetime.date) -> None:
    form = WhatMattersForm.from_scores(["Sove"], (day, [3]))
    pure, fast = written(form)
    assert fast == pure
    assert f'"date": "{day.isoformat()}"' in pure[0]


def test_the_accelerators_unstructurer_leaves_exact_dates_to_the_writer() -> None:
    day = datetime.date(2020, 1, 2)
    conversation = Conversation(date=day, scores={"Sove": 3})
    native = Unstructurer(make_converter, native_dates=True)
    assert native.unstructure(conversation)["date"] is day
    assert Unstructurer(make_converter).unstructure(conversation)["date"] == "2020-01-02"
    # anything else in a date field (a datetime, set past the checks) is written by
    # isoformat of date, the date alone, as on the pure path; not as msgspec writes it
    moment = datetime.datetime(2020, 1, 2, 3, 4)
    object.__setattr__(conversation, "date", moment)
    assert native.unstructure(conversation)["date"] == "2020-01-02"


def test_a_datetime_past_the_checks_is_written_alike_on_both_paths() -> None:
    form = WhatMattersForm.from_scores(["Sove"], (datetime.date(2020, 1, 2), [3]))
    object.__setattr__(form.conversations[0], "date", datetime.datetime(2020, 1, 2, 3, 4))
    pure, fast = written(form)
    assert fast == pure
    assert '"date": "2020-01-02"' in pure[0]


TRICKY_NAMES = [
    "urn:uuid:1234, 5678",  # the separators JSON writes with spaces, inside a string
    "a,b:c",
    ", : ,:",
    'sitat "inni"',
    "skråstrek \\ og / linje\nskift\ttab",
    "kontroll \x01\x1f",
    "Bodø, Tromsø: Æ Ø Å",
    "emoji 😀 og \u2028 \u2029",
]


def test_strings_holding_separators_and_escapes_are_written_alike_on_both_paths() -> None:
    form = WhatMattersForm.from_scores(
        TRICKY_NAMES,
        (datetime.date(2020, 1, 2), list(range(1, len(TRICKY_NAMES) + 1))),
        (datetime.date(2020, 6, 2), [None, *range(2, len(TRICKY_NAMES) + 1)]),
    )
    form = attrs.evolve(form, identifier="urn:uuid:a:b", team="lag, 1")
    pure, fast = written(form)
    assert fast == pure
    assert ln.loads(pure[0]) == form


@given(
    st.lists(st.text(min_size=1).filter(lambda s: s.strip()), min_size=1, max_size=6, unique=True)
)
def test_any_names_are_written_alike_on_both_paths(names: list[str]) -> None:
    # unique when compared case-insensitively, as the form requires
    folded = {n.strip().casefold() for n in names}
    if len(folded) < len(names):
        return
    try:
        form = WhatMattersForm.from_scores(names, (datetime.date(2020, 1, 2), [1] * len(names)))
    except ln.ValidationError:  # a name the form refuses (a lone surrogate, say)
        return
    pure, fast = written(form)
    assert fast == pure


def test_a_lone_surrogate_past_the_checks_is_refused_alike_on_both_paths() -> None:
    form = WhatMattersForm(activities=[Activity(name="Sove")], identifier="id")
    object.__setattr__(form, "identifier", "a\udc00b")
    errors = []
    for mode in MODES:
        _accel.use(mode)
        for indent in (None, 2):
            with pytest.raises(ln.ValidationError) as caught:
                ln.dumps(form, indent=indent)
            errors.append(str(caught.value))
    assert len(set(errors)) == 1
    assert "a\udc00b" not in errors[0]


def test_the_writers_unstructurer_is_made_once_per_accelerator() -> None:
    accelerator = _accelerator()
    made = _json._accelerated_unstructurer(accelerator)
    assert _json._accelerated_unstructurer(accelerator) is made
    assert accelerator.unstructurer is made
    form = WhatMattersForm.from_scores(["Sove"], (datetime.date(2020, 1, 2), [3]))
    ln.dumps(form, indent=None)
    assert accelerator.unstructurer is made
    assert WhatMattersForm in made.documents
    # a new accelerator (msgspec looked up again) gets its own
    _accel._make.cache_clear()
    other = _accelerator()
    assert other is not accelerator
    assert other.unstructurer is None
    assert ln.dumps(form, indent=None) == ln.dumps(form, indent=None)
    assert other.unstructurer is not None
    assert other.unstructurer is not made


def _floats_document(values: list[float]) -> Any:
    return {"v": values}


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), max_size=8))
def test_floats_through_the_hook_are_written_as_json_does(values: list[float]) -> None:
    accelerator = _accelerator()
    hook = accelerator.float_hook()
    data = _floats_document([hook(v) for v in values])
    assert accelerator.dumps(data, None) == json.dumps(_floats_document(values))
    assert accelerator.dumps(data, 2) == json.dumps(_floats_document(values), indent=2)
