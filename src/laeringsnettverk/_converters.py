"""Field converters shared by the models: immutable sequences and mappings.

A converter declared with :func:`keeps_items` gives back its input's items unchanged, so
what a loader proved of the items holds for the field's value (see
:func:`laeringsnettverk._rules_build.build_lines`); it may name a cheaper function that
gives the same value from a new container no one else holds (:func:`on_fresh`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

__all__ = ["freeze_map", "items_kept", "keeps_items", "on_fresh", "to_tuple"]

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
_ON_FRESH: dict[object, Callable[[Any], Any]] = {}


def keeps_items(converter: _F, *, fresh: Callable[[Any], Any] | None = None) -> _F:
    """Declare a field converter that gives back its input's items unchanged.

    In a container of its own choosing (a tuple, a read-only mapping), never a changed
    item: a type the loader proved of the input holds for what the converter returns.
    ``fresh``: a function giving what the converter gives from a new ``dict`` or ``list``
    that no one else holds (so it need not copy it), for loaders that made the container.
    """
    _ITEMS_KEPT.add(converter)
    if fresh is not None:
        _ON_FRESH[converter] = fresh
    return converter


def on_fresh(converter: object) -> Callable[[Any], Any] | None:
    """What :func:`keeps_items` was told ``converter`` amounts to on a new container, if any."""
    return _ON_FRESH.get(converter)


def items_kept(converter: object) -> bool:
    """Whether ``converter`` is declared with :func:`keeps_items` (or is no converter)."""
    return converter is None or converter in _ITEMS_KEPT


keeps_items(to_tuple)
keeps_items(freeze_map, fresh=MappingProxyType)  # a new dict wrapped, not copied
