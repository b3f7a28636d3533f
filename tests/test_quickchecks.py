"""The models' quick valid-case passes never accept what their full checks reject.

A model's ``__attrs_post_init__`` first makes a quick pass for the common, valid case and
returns early; only when that pass finds something does it run ``_full_check``, the
``Checker``-based checks that report every problem. So an error always comes from the full
checks; what must hold is that the quick pass never lets through something the full checks
reject. Each property builds a model from the fields of a valid one, some of them perturbed,
once as shipped and once with the full checks only, and expects the same outcome: both
succeed, or both raise the same error with the same message.
"""

from __future__ import annotations

import datetime
import enum
import functools
import importlib
import json
import math
import pkgutil
from collections.abc import Iterator, Mapping
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import laeringsnettverk
from laeringsnettverk import _rules
from laeringsnettverk._codes import CodedEnum
from laeringsnettverk.examples import EXAMPLE_KINDS, example_text, municipal_goals
from laeringsnettverk.goals import MunicipalGoal
from laeringsnettverk.network import TimeSplit, plan_schedule
from laeringsnettverk.serialization import from_document
from laeringsnettverk.serialization._json import _kinds
from strategies.goals import goals
from strategies.kinds import DOCUMENTS
from strategies.network import schedules, time_splits


def _library_modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(laeringsnettverk.__path__, "laeringsnettverk."):
        if ".fhir" in info.name or info.name.endswith("cli"):
            continue
        yield importlib.import_module(info.name)


QUICK_CHECKED: tuple[type, ...] = tuple(
    sorted(
        {
            obj
            for module in _library_modules()
            for obj in vars(module).values()
            if isinstance(obj, type)
            and attrs.has(obj)
            and ("_full_check" in vars(obj) or "_ln_quick" in vars(obj))
        },
        key=lambda cls: cls.__qualname__,
    )
)

CODED: tuple[enum.Enum, ...] = tuple(
    {
        member
        for module in _library_modules()
        for obj in vars(module).values()
        if isinstance(obj, type) and issubclass(obj, CodedEnum) and obj is not CodedEnum
        for member in obj  # type: ignore[var-annotated]
    }
)

STRATEGIES: dict[str, st.SearchStrategy[Any]] = dict(DOCUMENTS)

JUNK: tuple[object, ...] = (
    None,
    "",
    " ",
    "\u2003\n",
    "x",
    "X ",
    "Sove",
    "sove",
    "team-a",
    "Team A",
    "10:00",
    "23:30",
    "24:00",
    "9:00",
    "0301",
    "0300",
    "9999",
    "1804\n",
    "2015-02-05",
    0,
    1,
    2,
    -1,
    5,
    10,
    11,
    40,
    10**400,
    0.5,
    2.5,
    3.25,
    4.95,
    9.95,
    10.05,
    math.nan,
    math.inf,
    -math.inf,
    True,
    False,
    datetime.date(2015, 2, 5),
    datetime.date(2000, 1, 1),
    datetime.date(2099, 12, 31),
    datetime.datetime(2015, 2, 5, 12, 0),
    (),
    [],
    {},
    {"x": 1},
    object(),
)


def _objects(value: object) -> Iterator[object]:
    """Every model object inside ``value`` (itself included), depth first."""
    if attrs.has(type(value)):
        yield value
        for f in attrs.fields(type(value)):
            yield from _objects(getattr(value, f.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _objects(item)


def _pool(objects: list[object]) -> list[object]:
    values: list[object] = list(objects)
    for obj in objects:
        for f in attrs.fields(type(obj)):
            value = getattr(obj, f.name)
            values.append(value)
            if isinstance(value, tuple):
                values.extend(value)
    return values


def _case_variant(obj: object, draw: st.DrawFn) -> object:
    """A copy of a model object with one text field changed in case or spacing (if valid)."""
    if isinstance(obj, str):
        return draw(st.sampled_from([obj.upper(), obj.lower(), f" {obj}", f"{obj}\n"]))
    if not attrs.has(type(obj)):
        return obj
    texts = [f for f in attrs.fields(type(obj)) if type(getattr(obj, f.name)) is str and f.init]
    if not texts:
        return obj
    f = draw(st.sampled_from(texts))
    text: str = getattr(obj, f.name)
    changed = draw(st.sampled_from([text.upper(), text.lower(), f" {text}", f"{text}\n"]))
    try:
        return attrs.evolve(obj, **{f.alias: changed})
    except Exception:
        return obj


def _perturbed(draw: st.DrawFn, value: object, pool: list[object]) -> object:
    how = draw(st.sampled_from(["pool", "junk", "enum", "shape", "shape", "shape"]))
    if how == "pool":
        return draw(st.sampled_from(pool))
    if how == "junk":
        return draw(st.sampled_from(JUNK))
    if how == "enum":
        return draw(st.sampled_from(CODED))
    if isinstance(value, tuple):
        items = list(value)
        what = draw(st.sampled_from(["reverse", "repeat", "drop", "add", "variant", "junk"]))
        if what == "reverse":
            items.reverse()
        elif what == "repeat" and items:
            items.append(draw(st.sampled_from(items)))
        elif what == "drop" and items:
            del items[draw(st.integers(0, len(items) - 1))]
        elif what == "add":
            items.insert(draw(st.integers(0, len(items))), draw(st.sampled_from(pool)))
        elif what == "variant" and items:
            items.append(_case_variant(draw(st.sampled_from(items)), draw))
        elif what == "junk":
            items.insert(draw(st.integers(0, len(items))), draw(st.sampled_from(JUNK)))
        return tuple(items)
    if isinstance(value, Mapping):
        scores = dict(value)
        key = draw(st.sampled_from([*scores, "Sove", "x", " ", 1]))
        scores[key] = draw(st.sampled_from([-1, 0, 1, 2, 5, 10, 11, 2.5, True, None, "3"]))
        return scores
    if isinstance(value, str):
        return draw(st.sampled_from([value.upper(), f" {value}", f"{value}\n", value[:1], ""]))
    if type(value) is datetime.date:
        days = draw(st.integers(-400, 400))
        try:
            return value + datetime.timedelta(days=days)
        except OverflowError:
            return value
    if type(value) in (int, float) and abs(value) < 1e300:
        return draw(st.sampled_from([value + 1, value - 1, -value, value * 2, value + 0.05]))
    if attrs.has(type(value)):
        return _case_variant(value, draw)
    return draw(st.sampled_from(pool))


# models of shipped data that is not a document kind: a strategy and the shipped objects
EXTRA_STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "municipal_goals": st.builds(
        lambda goal, n: (MunicipalGoal(goal=goal, municipalities=n),),
        goals(),
        st.integers(1, 60),
    ),
    "schedule": schedules(),
    "time_split": time_splits.map(lambda split: (split,)),
}
STRATEGIES.update(EXTRA_STRATEGIES)
EXTRA_EXAMPLES: dict[str, Any] = {
    "municipal_goals": municipal_goals,
    "schedule": lambda: plan_schedule(datetime.date(2015, 1, 5), 3),
    "time_split": lambda: (
        TimeSplit(organiser_lecture=60, external_lecture=45, group_work=90, plenary=30),
    ),
}


@functools.cache
def _kind_of(cls: type) -> str:
    """A document kind (or other shipped data) whose example holds a ``cls`` object."""
    for kind in (*EXAMPLE_KINDS, *EXTRA_STRATEGIES):
        if any(type(o) is cls for o in _objects(_example(kind))):
            return kind
    raise LookupError(cls)


@functools.cache
def _example(kind: str) -> object:
    if kind in EXTRA_EXAMPLES:
        return EXTRA_EXAMPLES[kind]()
    return from_document(json.loads(example_text(kind)))


@st.composite
def cases(draw: st.DrawFn, cls: type) -> dict[str, object]:
    """Keyword arguments for ``cls``: a valid object's, some of them perturbed."""
    document = draw(STRATEGIES[_kind_of(cls)])
    objects = list(_objects(document))
    candidates = [o for o in objects if type(o) is cls]
    assume(candidates)
    obj = draw(st.sampled_from(candidates))
    pool = _pool(objects)
    kwargs = {f.alias: getattr(obj, f.name) for f in attrs.fields(cls) if f.init}
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(sorted(kwargs)))
        kwargs[name] = _perturbed(draw, kwargs[name], pool)
    return kwargs


def outcome(cls: type, kwargs: dict[str, object]) -> tuple[object, ...]:
    """``("built",)``, or the exception's type, message and problems."""
    try:
        cls(**kwargs)
    except Exception as exc:
        return ("raised", type(exc), str(exc), getattr(exc, "problems", None))
    return ("built",)


def _full_check(cls: type) -> Any:
    """The model's full checks: its own method, or the ones made from its field rules."""
    return vars(cls).get("_full_check", _rules._full_check)


def full_outcome(cls: type, kwargs: dict[str, object]) -> tuple[object, ...]:
    """The outcome with the full checks only (no quick pass)."""
    with mock.patch.object(cls, "__attrs_post_init__", _full_check(cls)):
        return outcome(cls, kwargs)


@pytest.mark.parametrize("cls", QUICK_CHECKED, ids=lambda cls: cls.__qualname__)
def test_quick_pass_agrees_with_the_full_checks(cls: type) -> None:
    # each example draws a whole document: a modest number per model (about 50 models)
    # keeps the suite's time in check: half the profile's count, 10 in "dev" and at most
    # 40 in "ci"; the model may be rare in its documents (filtering), the documents large
    @settings(
        max_examples=min(40, max(10, settings().max_examples // 2)),
        suppress_health_check=[
            HealthCheck.filter_too_much,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )
    @given(cases(cls))
    def check(kwargs: dict[str, object]) -> None:
        assert outcome(cls, kwargs) == full_outcome(cls, kwargs)

    check()


@pytest.mark.parametrize("cls", QUICK_CHECKED, ids=lambda cls: cls.__qualname__)
def test_full_checks_alone_accept_the_shipped_examples(cls: type) -> None:
    # the quick pass returns early for these; the full checks must find nothing either
    for obj in _objects(_example(_kind_of(cls))):
        if type(obj) is cls:
            _full_check(cls)(obj)


def test_every_model_of_a_document_has_a_quick_pass() -> None:
    seen = {
        type(o) for kind in (*EXAMPLE_KINDS, *EXTRA_STRATEGIES) for o in _objects(_example(kind))
    }
    missing = sorted(c.__name__ for c in seen - set(QUICK_CHECKED))
    assert missing == []
    assert set(_kinds().values()) <= set(QUICK_CHECKED)
