"""Field converters shared by the models: immutable sequences and mappings.

A converter declared with :func:`keeps_items` gives back its input's items unchanged, so
what a loader proved of the items holds for the field's value (see
:func:`laeringsnettverk._rules_build.build_lines`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

__all__ = ["freeze_map", "items_kept", "keeps_items", "to_tuple"]

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


_F = TypeVar("_F", bound=Callable[..., Any])
_ITEMS_KEPT: set[object] = set()


def keeps_items(converter: _F) -> _F:
    """Declare a field converter that gives back its input's items unchanged.

    In a container of its own choosing (a tuple, a read-only mapping), never a changed
    item: a type the loader proved of the input holds for what the converter returns.
    """
    _ITEMS_KEPT.add(converter)
    return converter


def items_kept(converter: object) -> bool:
    """Whether ``converter`` is declared with :func:`keeps_items` (or is no converter)."""
    return converter is None or converter in _ITEMS_KEPT


keeps_items(to_tuple)
keeps_items(freeze_map)
