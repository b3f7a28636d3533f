"""Converters shared by the models: immutable sequences and mappings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

__all__ = ["freeze_map", "to_tuple"]

V = TypeVar("V")


def to_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    """Any iterable as a tuple (a tuple is kept as it is).

    Typed ``Any`` because the attrs mypy plugin cannot bind a generic converter; the
    models check their elements at run time.
    """
    return values if type(values) is tuple else tuple(values)


def freeze_map(values: Mapping[str, V]) -> Mapping[str, V]:
    """A read-only copy of a mapping, keeping its order."""
    if type(values) is MappingProxyType:
        return values
    return MappingProxyType(dict(values))
