"""The optional accelerator: msgspec (the ``fast`` extra), imported on first use, never required.

The pure-Python path is the reference. The accelerator only reads JSON text into Python
values and writes them back as text, faster than :mod:`json`; the library's own code checks
the values and builds the models on both paths. For the kinds it has learned, it reads a
document into Structs that mirror the models, so that msgspec checks the JSON types as it
reads (:mod:`~laeringsnettverk.serialization._typed`); the library's rules still run.
Wherever the accelerator does not do exactly what :mod:`json` does (it refuses ``NaN``, a
number out of range or a lone surrogate; it writes floats otherwise, so floats are written
from their ``repr``), it fails and the caller takes the pure path, so the same text gives
the same objects and the same errors either way (``tests/test_accel.py`` checks it).

msgspec takes about 35 ms to import, more than loading a form, so it is not imported by
``import laeringsnettverk`` nor for the first documents a process reads or writes: it is
looked up at the :data:`WARM_UP`-th call (a number of the library's choosing) and used from
then on, if it is installed; if not, the pure path goes on, silently.

The environment variable ``LAERINGSNETTVERK_ACCELERATOR`` chooses: ``off`` (or ``0``) never
uses it, ``on`` (or ``1``) looks it up at the first call; anything else, or unset, is the
default just described. :func:`use` chooses the same within a process (tests, benchmarks).
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from laeringsnettverk.serialization._encode import Unstructurer
    from laeringsnettverk.serialization._typed import TypedRoute

__all__ = ["ENV", "STATE", "WARM_UP", "Accelerator", "State", "get", "use"]

ENV = "LAERINGSNETTVERK_ACCELERATOR"
WARM_UP = 64
"""Calls of the loaders and writers on the pure path before the accelerator is looked up."""

_float_repr = float.__repr__


class Accelerator:
    """msgspec's JSON reader and writer, as the library uses them."""

    __slots__ = ("decode", "encode", "format", "raw", "typed", "unstructurer")

    def __init__(self, msgspec: Any) -> None:
        from laeringsnettverk.serialization._typed import TypedRoute

        self.decode: Callable[[str], Any] = msgspec.json.Decoder().decode
        self.encode: Callable[[Any], bytes] = msgspec.json.Encoder().encode
        self.format: Callable[..., bytes] = msgspec.json.format
        self.raw: Callable[[bytes], Any] = msgspec.Raw
        self.unstructurer: Unstructurer | None = None
        """The writers' unstructurer for this accelerator (its floats and dates as it writes
        them), made on first use by :mod:`~laeringsnettverk.serialization._json`."""
        self.typed: TypedRoute = TypedRoute(msgspec)
        """The typed route: documents of the kinds it has learned read into Structs."""

    def float_hook(self) -> Callable[[Any], Any]:
        """Each float as the number text :mod:`json` writes (its ``repr``), others as they are.

        A float that is not finite raises ``ValueError``: :mod:`json` refuses it, with its
        own message, on the pure path.
        """
        raw, isfinite = self.raw, math.isfinite

        def float_text(value: Any) -> Any:
            if type(value) is not float:
                return value  # an int where a float is allowed: written the same way
            if not isfinite(value):
                raise ValueError(value)
            return raw(_float_repr(value).encode())

        return float_text

    def dumps(self, data: Any, indent: int | None) -> str:
        """``data`` as :func:`json.dumps` writes it (``ensure_ascii=False``).

        ``indent`` is ``None`` (one line, ``", "`` and ``": "`` between items) or above 0;
        floats must come as :meth:`float_hook` makes them.
        """
        return self.format(self.encode(data), indent=0 if indent is None else indent).decode()


class State:
    """Which path the loaders and writers take (one per process)."""

    __slots__ = ("active", "countdown")

    def __init__(self) -> None:
        self.active: Accelerator | None = None
        """The accelerator in use, or ``None``: the pure path."""
        self.countdown = WARM_UP
        """Calls left before the lookup; below 0 once decided (looked up, or switched off)."""


STATE = State()


def get() -> Accelerator | None:
    """The accelerator for this call, counting the call towards the warm-up."""
    state = STATE
    if state.countdown < 0:
        return state.active
    state.countdown -= 1
    if state.countdown > 0:
        return None
    return _load()


def use(mode: str) -> Accelerator | None:
    """Choose the path for this process: ``"on"``, ``"off"`` or ``"auto"`` (the default).

    ``"on"`` looks the accelerator up now (``None`` when msgspec is not installed: the pure
    path); ``"off"`` is the pure path; ``"auto"`` starts the warm-up again. Returns the
    accelerator now in use.
    """
    if mode == "on":
        return _load()
    STATE.active = None
    STATE.countdown = -1 if mode == "off" else WARM_UP
    return None


def _load() -> Accelerator | None:
    STATE.countdown = -1
    STATE.active = _make()
    return STATE.active


@functools.cache
def _make() -> Accelerator | None:
    """The accelerator, made once (``None`` when msgspec is not installed)."""
    try:
        import msgspec
    except ImportError:
        return None
    return Accelerator(msgspec)


def _from_environment() -> None:
    setting = os.environ.get(ENV, "").strip().lower()
    if setting in ("off", "0"):
        use("off")
    elif setting in ("on", "1"):
        STATE.countdown = 1  # looked up at the first call, not at import
    else:
        use("auto")


_from_environment()
