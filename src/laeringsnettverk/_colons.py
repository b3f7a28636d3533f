"""Counting the colons of JSON lines: one line, or a batch of lines at once.

The per-form frame's fast route refuses a repeated key by counting a line's colons (see
:mod:`laeringsnettverk._frames_columnar`); a batch's colons are counted at once, with
numpy for bytes (imported on first use: it comes with pandas, which the frames need).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["colon_counter", "colons_of"]

_COLON = ord(":")


def colon_counter(line: str | bytes) -> Callable[[Any], int]:
    """Counts the colons of a line of the same type as ``line``."""
    return _count_str if type(line) is str else _count_bytes


def _count_str(line: str) -> int:
    return line.count(":")


def _count_bytes(line: bytes) -> int:
    return line.count(b":")


def colons_of(lines: list[Any]) -> int:
    """The colons of a batch of lines, all ``bytes`` or all ``str``, counted at once."""
    if type(lines[0]) is str:
        return "".join(lines).count(":")
    import numpy as np

    joined = b"".join(lines)
    if not joined:  # blank lines only (an empty buffer: refused by some numpy versions)
        return 0
    return int(np.count_nonzero(np.frombuffer(joined, dtype=np.uint8) == _COLON))
