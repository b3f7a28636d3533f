"""Immutability and threads: models cannot change, and threads get what serial use gets."""

from __future__ import annotations

import datetime
import importlib
import json
import pkgutil
import types
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import attrs
import pytest

import laeringsnettverk as ln
from laeringsnettverk.examples import EXAMPLE_KINDS, example_text, load_example
from laeringsnettverk.serialization import dumps_jsonl, load_jsonl, validate
from laeringsnettverk.summary import summarize

TODAY = datetime.date(2024, 11, 1)


def _public_modules() -> Iterator[types.ModuleType]:
    yield ln
    for info in pkgutil.walk_packages(ln.__path__, "laeringsnettverk."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield importlib.import_module(info.name)


def _public_attrs_classes() -> list[type]:
    found: dict[str, type] = {}
    for module in _public_modules():
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if isinstance(obj, type) and attrs.has(obj):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return [found[k] for k in sorted(found)]


PUBLIC = _public_attrs_classes()


def test_there_are_public_models_to_check() -> None:
    names = {cls.__name__ for cls in PUBLIC}
    assert {"WhatMattersForm", "Conversation", "LearningNetwork", "Problem"} <= names


@pytest.mark.parametrize("cls", PUBLIC, ids=lambda c: c.__qualname__)
def test_every_public_model_is_frozen(cls: type) -> None:
    obj = object.__new__(cls)  # no checks needed: setattr is refused before any value is looked at
    fields = attrs.fields(cls)
    name = fields[0].name if fields else "anything"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, name, None)


def _instances(obj: object) -> Iterator[object]:
    """Every attrs object inside ``obj`` (itself included)."""
    stack = [obj]
    while stack:
        value = stack.pop()
        if attrs.has(type(value)):
            yield value
            stack.extend(getattr(value, f.name) for f in attrs.fields(type(value)))
        elif isinstance(value, tuple | list):
            stack.extend(value)
        elif isinstance(value, types.MappingProxyType | dict):
            stack.extend(value.values())


def _everything() -> list[object]:
    objects: list[object] = []
    for kind in EXAMPLE_KINDS:
        obj = load_example(kind)
        objects.extend(_instances(obj))
    form = load_example("form")
    objects.extend(_instances(form.benefit()))
    objects.extend(_instances(ln.network.review_network(load_example("network"), today=TODAY)))
    return objects


def test_no_model_object_can_be_changed() -> None:
    checked = set()
    for obj in _everything():
        cls = type(obj)
        checked.add(cls.__name__)
        for field in attrs.fields(cls):
            value = getattr(obj, field.name)
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(obj, field.name, value)
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                delattr(obj, field.name)
            # sequences are tuples and mappings read-only, so nothing inside changes either
            assert not isinstance(value, list | dict | set | bytearray), (cls, field.name)
            if isinstance(value, types.MappingProxyType):
                with pytest.raises(TypeError):
                    value["x"] = 1  # type: ignore[index]
    assert {"Conversation", "WhatMattersForm", "ImprovementTeam", "Finding"} <= checked


# -- threads ---------------------------------------------------------------------------------


def _bad(kind: str) -> str:
    doc = json.loads(example_text(kind))
    doc["ukjent"] = 1
    return json.dumps(doc, ensure_ascii=False)


def _repeated(kind: str) -> str:
    return example_text(kind).replace('"kind":', '"kind": "x", "kind":', 1)


def _work(kind: str) -> tuple[Any, ...]:
    """Load, score, dump and validate one kind: everything a service does, as plain data."""
    obj = ln.loads(example_text(kind))
    text = ln.dumps(obj)
    batch = load_jsonl(dumps_jsonl([obj, obj]) + _bad(kind) + "\n" + _repeated(kind))
    extra: Any = None
    if kind in ("form", "checklist", "kor"):
        extra = summarize(obj).to_dict()
    elif kind == "network":
        extra = [str(f) for f in ln.network.review_network(obj, today=TODAY)]
    return (
        text,
        [p.to_dict() for p in validate(_bad(kind))],
        [p.to_dict() for p in validate(_repeated(kind))],
        validate(example_text(kind)),
        batch.error_dicts(),
        len(batch.loaded),
        extra,
    )


def test_threads_give_the_same_results_as_serial_use() -> None:
    jobs = list(EXAMPLE_KINDS) * 8
    serial = [_work(kind) for kind in jobs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(_work, jobs))
    assert threaded == serial
    # each thread found the repeated key of its own document, and only that one
    for result in threaded:
        assert [p["type"] for p in result[2]][:1] == ["repeated_key"]
        assert result[3] == []
