"""The models' shared ``repr`` (``laeringsnettverk._model_repr``) writes attrs' own text.

Models checked by rules take :func:`model_repr` instead of a ``__repr__`` compiled by attrs
for each class (the cold start). These tests hold it to attrs' text: for every model object
of every shipped example, a twin class made by attrs with the same fields (and so attrs'
compiled ``__repr__``) shows the same values the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from laeringsnettverk._model_repr import model_repr
from laeringsnettverk._rules import Integer, checked, rule
from laeringsnettverk.errors import ERROR_CODES, Position, Problem
from laeringsnettverk.examples import EXAMPLE_KINDS, load_example
from laeringsnettverk.kinds import KINDS
from laeringsnettverk.toolkit import Activity


def _objects(value: object) -> Iterator[Any]:
    """Every attrs object in a document, the document first."""
    cls: Any = type(value)
    if attrs.has(cls):
        yield value
        for a in attrs.fields(cls):
            yield from _objects(getattr(value, a.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _objects(item)


def _shared(cls: type) -> bool:
    return cls.__dict__.get("__repr__") is model_repr


def _attrs_repr(obj: Any) -> str:
    """``repr(obj)`` as a class made by attrs, with the same fields, writes it."""
    cls = type(obj)
    fields = {a.name: attrs.field(repr=a.repr, init=a.init) for a in attrs.fields(cls)}
    twin = attrs.make_class(cls.__name__, fields, slots=True, frozen=True)
    twin.__qualname__ = cls.__qualname__
    copy: Any = object.__new__(twin)
    for a in attrs.fields(cls):
        object.__setattr__(copy, a.name, getattr(obj, a.name))
    return repr(copy)


@pytest.mark.parametrize("kind", EXAMPLE_KINDS)
def test_every_models_repr_is_attrs_text(kind: str) -> None:
    shared = [o for o in _objects(load_example(kind)) if _shared(type(o))]
    assert shared, "the example has models with the shared repr"
    for obj in shared:
        assert repr(obj) == _attrs_repr(obj)


@pytest.mark.parametrize(
    "obj",
    [
        Problem.of(("activities", 0, "name"), "must not be blank", ""),
        Problem.of(
            ("scores", Position(1)), "is above the scale's max 10", 11, code="less_than_equal"
        ),
        ERROR_CODES["missing"],
        KINDS[0],
    ],
    ids=lambda o: type(o).__name__,
)
def test_the_error_and_kind_records_repr_is_attrs_text(obj: Any) -> None:
    assert _shared(type(obj))
    assert repr(obj) == _attrs_repr(obj)


def test_a_field_may_leave_the_repr_or_show_itself_its_own_way() -> None:
    @attrs.frozen(kw_only=True)
    @checked
    class Shown:
        plain: int = attrs.field(default=1, metadata=rule(Integer()))
        hidden: int = attrs.field(default=2, repr=False, metadata=rule(Integer()))
        hexed: int = attrs.field(default=255, repr=hex, metadata=rule(Integer()))
        later: int = attrs.field(init=False, default=0, metadata=rule(Integer()))

    shown = Shown()
    assert _shared(Shown)
    assert repr(shown) == "Shown(plain=1, hexed=0xff, later=0)" == _attrs_repr(shown)


def test_an_object_shown_inside_itself_reads_as_dots() -> None:
    # frozen models cannot hold themselves; forced here to show the guard, as attrs has it
    activity = Activity(name="Sove")
    object.__setattr__(activity, "area", activity)
    assert repr(activity) == "Activity(name='Sove', area=...)"
    assert repr(Activity(name="Sove")) == "Activity(name='Sove', area=None)"


def test_a_models_own_repr_is_kept() -> None:
    @attrs.frozen
    @checked
    class Own:
        def __repr__(self) -> str:
            return "own"

    assert repr(Own()) == "own"
