"""The models' ``repr``: attrs' own format, from one shared function.

attrs compiles a ``__repr__`` for every class it makes, about a quarter of the cost of
making the class; a process paid it for each model its first document needed (the cold
start, see ``docs/explanation/performance.md``). :func:`checked` gives every model checked
by rules this function instead, and attrs then leaves the class's own ``__repr__`` in
place; the text is the same as attrs' (``Activity(name='Sove', area=None)``: each field
shown unless it says ``repr=False``, through its own ``repr`` callable when it has one, and
``...`` for an object already being shown further up).
"""

from __future__ import annotations

import threading
from typing import Any

import attrs

__all__ = ["model_repr"]

_SHOWING = threading.local()


def model_repr(self: Any) -> str:
    """``repr`` of an attrs object, as attrs writes it."""
    try:
        showing: set[int] = _SHOWING.ids
    except AttributeError:
        showing = _SHOWING.ids = set()
    key = id(self)
    if key in showing:
        return "..."
    showing.add(key)
    try:
        parts = []
        for a in type(self).__attrs_attrs__:
            if a.repr is False:
                continue
            value = getattr(self, a.name) if a.init else getattr(self, a.name, attrs.NOTHING)
            parts.append(f"{a.name}={value!r}" if a.repr is True else f"{a.name}={a.repr(value)}")
        return f"{type(self).__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
    finally:
        showing.discard(key)
