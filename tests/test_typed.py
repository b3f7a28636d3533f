"""The accelerator's typed route: only what the dict route takes, to the same object.

``test_accel`` runs every loading test on the typed route as well (its ``typed`` mode); this
file checks that the route is really taken, what it covers and what it leaves to the dict
route.
"""

from __future__ import annotations

import datetime
import json
import math
import threading
from collections.abc import Mapping
from typing import Any

import attrs
import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

import laeringsnettverk as ln
from laeringsnettverk.examples import load_example
from laeringsnettverk.kinds import KINDS, document_kind
from laeringsnettverk.serialization import _accel, _json
from laeringsnettverk.serialization._typed import TypedRoute, _Generator
from laeringsnettverk.toolkit import Activity, ItemStatus, WhatMattersForm
from strategies.kinds import DOCUMENTS
from test_accel import _quick_applies, _restore_mode  # noqa: F401 - the mode put back

COVERED = ("checklist", "form", "goal", "kor", "plan", "series", "stakeholder_map", "wheel")


@pytest.fixture
def route() -> TypedRoute:
    """A typed route with every kind it covers learned."""
    typed = TypedRoute(msgspec)
    for kind in KINDS:
        typed.learn(kind.code, kind.model)
    return typed


def dict_route(text: str, cls: type[Any] | None = None) -> Any:
    """What the accelerator's dict route gives (no kind learned by the typed route yet)."""
    accelerator = _accel.use("on")
    assert accelerator is not None
    accelerator.typed = TypedRoute(msgspec)
    return _json._quick(text, cls)


def test_the_kinds_covered(route: TypedRoute) -> None:
    assert sorted(code for code, _, _ in route.kinds.values()) == list(COVERED)
    # a union of models (a project's history) is left to the dict route, and a network holds
    # projects
    assert sorted({k.code for k in KINDS} - set(COVERED)) == ["network", "project"]


@pytest.mark.parametrize("kind", COVERED)
def test_a_valid_document_takes_the_typed_route_to_the_dict_routes_object(
    kind: str, route: TypedRoute
) -> None:
    @given(DOCUMENTS[kind])
    def check(obj: object) -> None:
        text = ln.dumps(obj, indent=None)
        taken = _json._typed_quick(route, text, None)
        assert taken is None or (taken == obj and type(taken) is type(obj))
        if not _quick_applies(text):  # an escape that makes the quick paths cautious
            return
        assert taken == dict_route(text) == obj
        assert _json._typed_quick(route, text, type(obj)) == obj
        assert _json._typed_quick(route, text.encode(), None) == obj  # bytes, read as UTF-8

    check()


@pytest.mark.parametrize("kind", ["form", "kor"])
def test_a_shipped_example_takes_the_typed_route(kind: str, route: TypedRoute) -> None:
    obj = load_example(kind)
    text = ln.dumps(obj)
    assert _json._typed_quick(route, text, None) == obj


def test_the_dict_route_teaches_the_typed_route_the_kinds_it_loads() -> None:
    form, project = load_example("form"), load_example("project")
    text = ln.dumps(form)
    accelerator = _accel.use("on")
    assert accelerator is not None
    accelerator.typed = TypedRoute(msgspec)
    assert accelerator.typed.decode is None
    assert ln.loads(text) == form  # the dict route, which learns the kind
    assert [code for code, _, _ in accelerator.typed.kinds.values()] == ["form"]
    assert _json._typed_quick(accelerator.typed, text, None) == form
    assert ln.loads(ln.dumps(project)) == project  # a kind the typed route does not cover
    assert len(accelerator.typed.kinds) == 1


def test_learning_a_kind_again_changes_nothing(route: TypedRoute) -> None:
    decode, kinds = route.decode, dict(route.kinds)
    route.learn("form", WhatMattersForm)
    route.learn("project", document_kind("project").model)
    assert route.decode is decode
    assert route.kinds == kinds


def test_one_kind_is_read_without_a_union() -> None:
    typed = TypedRoute(msgspec)
    typed.learn("form", WhatMattersForm)
    form = load_example("form")
    assert _json._typed_quick(typed, ln.dumps(form), None) == form
    assert _json._typed_quick(typed, ln.dumps(load_example("kor")), None) is None  # not learned


FORM = WhatMattersForm(
    activities=[Activity(name="Sove"), Activity(name="Handle", area="x")],
    identifier="skjema-1",
)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (ln.dumps(FORM).replace('"schema_version": 1', '"schema_version": 2'), "a later version"),
        (ln.dumps(FORM).replace('"Sove"', '" "'), "a rule's doubt"),
        (ln.dumps(FORM).replace('"Sove"', "5"), "msgspec refuses it"),
        (ln.dumps(FORM).replace('"skjema-1"', '"skjema-1", "team": "a", "team": "b"'), "repeated"),
        (ln.dumps(FORM).replace('"skjema-1"', '"a\\u003ab", "team": "c:d"'), "an escaped colon"),
        (ln.dumps(FORM).replace('"skjema-1"', '"a\\u003Ab", "team": "c:d"'), "an escaped colon"),
    ],
)
def test_what_the_typed_route_leaves_to_the_others(text: str, why: str, route: TypedRoute) -> None:
    assert _json._typed_quick(route, text, None) is None, why
    assert _json._typed_quick(route, text.encode(), None) is None, why


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + ln.dumps(FORM).encode(),  # a mark: the dict route drops it
        ln.dumps(FORM).encode().replace(b"Sove", b"S\xffve"),  # not UTF-8
        ln.dumps(FORM).encode().replace(b"Sove", b"S\xed\xa0\x80ve"),  # a surrogate's bytes
        ln.dumps(FORM).encode().replace(b"Sove", b"S\\ud800ve"),  # a lone surrogate's escape
    ],
)
def test_bytes_msgspec_refuses_are_left_to_the_others(data: bytes, route: TypedRoute) -> None:
    assert _json._typed_quick(route, data, None) is None


def test_a_required_kind_is_kept(route: TypedRoute) -> None:
    text = ln.dumps(FORM)
    assert _json._typed_quick(route, text, WhatMattersForm) == FORM
    assert _json._typed_quick(route, text, document_kind("kor").model) is None


def test_colons_inside_strings_keep_the_typed_route(route: TypedRoute) -> None:
    form = WhatMattersForm(
        activities=[Activity(name="kl. 10:00"), Activity(name="a:b", area="x:y")],
        identifier="urn:a:b",
    )
    assert _json._typed_quick(route, ln.dumps(form), None) == form
    assert _json._typed_quick(route, ln.dumps(form).encode(), None) == form
    repeated = ln.dumps(form).replace('"urn:a:b"', '"urn:a:b", "team": "a", "team": "b:c"')
    assert _json._typed_quick(route, repeated, None) is None
    assert _json._typed_quick(route, repeated.encode(), None) is None


# -- what msgspec reads: never more than the dict route ---------------------------------------


@given(st.text(alphabet="0123456789-+W T:\n２", min_size=8, max_size=11))
def test_a_date_msgspec_reads_is_one_the_dict_route_reads(text: str) -> None:
    from laeringsnettverk.serialization._fast import _date

    try:
        day = msgspec.json.decode(json.dumps(text), type=datetime.date)
    except msgspec.ValidationError:
        return
    assert _date(text) == day


@given(st.sampled_from([*ItemStatus.codes(), "", "X", "ikke gjennomfoert", "DONE"]))
def test_a_member_msgspec_reads_is_the_member_of_its_code(code: str) -> None:
    try:
        member = msgspec.json.decode(json.dumps(code), type=ItemStatus)
    except msgspec.ValidationError:
        assert code not in ItemStatus.codes()
        return
    assert member is ItemStatus(code)


@given(st.one_of(st.integers(), st.floats(), st.booleans(), st.text(max_size=3)))
def test_a_number_msgspec_reads_is_the_one_json_reads(value: object) -> None:
    text = json.dumps(value)
    for tp, ok in ((int, (int,)), (int | float, (int, float))):
        try:
            read = msgspec.json.decode(text, type=tp)
        except msgspec.DecodeError:  # a value of another type, or not finite: no JSON number
            assert type(value) not in ok or value != value or value in (math.inf, -math.inf)
            continue
        assert read == json.loads(text)
        assert type(read) is type(json.loads(text))


# -- the generator: what it covers, on models of every shape -------------------------------------


@attrs.frozen(kw_only=True)
class Leaf:
    """A plain attrs model (no rules of the library's): built by calling it."""

    text: str
    amount: float = 0.0
    day: datetime.date | None = None
    tags: tuple[str, ...] = ()
    counts: Mapping[str, int] = attrs.Factory(dict)
    status: ItemStatus = ItemStatus.NOT_DONE


@attrs.frozen(kw_only=True)
class Holder:
    """Models inside: one required, one optional, a tuple of them."""

    leaf: Leaf
    maybe: Leaf | None = None
    leaves: tuple[Leaf, ...] = ()
    empty: Empty | None = None


@attrs.frozen(kw_only=True)
class Empty:
    """No field without a default."""

    flag: bool = True


def _build(model: type, document: dict[str, Any]) -> tuple[Any, int]:
    made = _Generator(msgspec).top("x", model)
    assert made is not None
    struct, build = made
    return build(msgspec.json.decode(json.dumps({"kind": "x", **document}), type=struct))


def test_a_model_built_by_calling_it() -> None:
    document = {
        "schema_version": 1,
        "leaf": {
            "text": "a",
            "amount": 5,
            "day": "2024-02-29",
            "tags": ["x"],
            "status": "gjennomfoert",
        },
        "maybe": None,
        "leaves": [{"text": "b", "counts": {"c": 1}}, {"text": "d", "amount": 0.5}],
        "empty": {},
    }
    obj, members = _build(Holder, document)
    assert obj == Holder(
        leaf=Leaf(
            text="a",
            amount=5,
            day=datetime.date(2024, 2, 29),
            tags=("x",),
            status=ItemStatus.DONE,
        ),
        leaves=(Leaf(text="b", counts={"c": 1}), Leaf(text="d", amount=0.5)),
        empty=Empty(),
    )
    assert type(obj.leaf.amount) is int  # kept an int, as json reads it
    assert members == json.dumps(document).count(":") + 1  # and the kind
    obj, members = _build(Holder, {"schema_version": 1, "leaf": {"text": "a"}})
    assert obj == Holder(leaf=Leaf(text="a"))
    assert members == 4


def _refused(model: type) -> bool:
    return _Generator(msgspec).top("x", model) is None


@attrs.frozen(kw_only=True)
class Node:
    """A model within itself."""

    children: tuple[Node, ...] = ()


@attrs.frozen(kw_only=True)
class Either:
    """A union of two models."""

    one: Leaf | Empty


@attrs.frozen(kw_only=True)
class FloatMap:
    """A mapping to floats."""

    values: Mapping[str, float]


@attrs.frozen(kw_only=True)
class IntKeys:
    """A mapping with int keys."""

    values: Mapping[int, int]


@attrs.frozen(kw_only=True)
class Listed:
    """A list (no tuple)."""

    values: list[str]


@attrs.frozen(kw_only=True)
class Enveloped:
    """A field named as the envelope's key."""

    kind: str


@attrs.frozen(kw_only=True)
class FromSelf:
    """A default made from the instance."""

    a: int
    b: int = attrs.Factory(lambda self: self.a, takes_self=True)


@attrs.frozen(kw_only=True)
class HoldsFromSelf:
    """A model inside that the route cannot build."""

    inner: FromSelf


@attrs.frozen(kw_only=True)
class Unknown:
    """A tuple of a type the route does not cover."""

    values: tuple[list[str], ...]


@pytest.mark.parametrize(
    "model",
    [Node, Either, FloatMap, IntKeys, Listed, Enveloped, FromSelf, HoldsFromSelf, Unknown],
)
def test_a_type_not_covered_leaves_the_kind_to_the_dict_route(model: type) -> None:
    assert _refused(model)


def test_a_kind_is_learned_once_when_threads_race() -> None:
    typed = TypedRoute(msgspec)
    gate = threading.Barrier(4)

    def learn() -> None:
        gate.wait()
        typed.learn("form", WhatMattersForm)

    threads = [threading.Thread(target=learn) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [code for code, _, _ in typed.kinds.values()] == ["form"]


def test_a_kind_learned_in_between_is_not_made_again() -> None:
    typed = TypedRoute(msgspec)

    class Racing:
        """``in`` is false for the unlocked look, and the kind is learned before the lock's."""

        def __init__(self) -> None:
            self.looks = 0

        def __contains__(self, code: object) -> bool:
            self.looks += 1
            if self.looks == 1:
                typed.learn("form", WhatMattersForm)  # another thread, in between
                return False
            return code in seen

        def add(self, code: str) -> None:
            seen.add(code)

    seen: set[str] = set()
    racing = Racing()
    object.__setattr__(typed, "_seen", racing)  # slots: the same attribute, a stand-in
    typed.learn("form", WhatMattersForm)
    assert len(typed.kinds) == 1
