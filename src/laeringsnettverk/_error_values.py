"""The values an error's path and input are made of: keys, positions, type names, withheld.

Re-exported by :mod:`laeringsnettverk.errors`, the public home of these names.
"""

from __future__ import annotations

import enum
from typing import TypeAlias

import attrs

__all__ = ["MAX_SHOWN", "WITHHELD", "JsonScalar", "Key", "PathSegment", "Position", "TypeName"]


class Key(str):
    """A path segment that is a mapping key known not to be free text (``["a b"]``).

    Keys that may be free text are never put in a path: see :class:`Position`.
    """

    __slots__ = ()


@attrs.frozen
class Position:
    """A path segment for a mapping key that may be free text, by its position.

    ``Position(3)`` is the fourth key (counting from 0) of the mapping, in the order the
    keys were given (the document's order). It renders as ``[key 3]`` and appears in
    :meth:`Problem.loc` as ``{"key": 3}``: a developer maps it back to the key with the
    document in hand, and the key itself (an activity's name) is never echoed.
    """

    index: int
    """The key's position among the mapping's keys, counting from 0."""


PathSegment: TypeAlias = str | int | Position
"""One step of a field path: an attribute name (``str``), a mapping key (:class:`Key`), a
list index (``int``) or a free-text key by its position (:class:`Position`)."""


class TypeName(str):
    """A value shown in a message that names the *type* given, not the value.

    Rendered like a string (``'str' must be a Scale``) but never reported as the
    problem's ``input``, which would otherwise look like the string ``"str"`` was given.
    """

    __slots__ = ()


class _Withheld(enum.Enum):
    WITHHELD = "withheld"

    def __repr__(self) -> str:
        return "WITHHELD"


WITHHELD = _Withheld.WITHHELD
"""The ``input`` of a problem whose value is not shown: free text, a list or object, a
value too long to show, or no value at all."""

JsonScalar: TypeAlias = str | int | float | bool | None

MAX_SHOWN = 80
"""The most characters of a value or a key shown in a message (the library's choice); a
longer one is cut and ends with ``…``."""
_INT_BITS = 256  # ints shown as input: up to 2**256 (77 digits), a JSON number every reader takes
# characters that would end a line (str.splitlines) or are not text: escaped in paths (a
# pattern, compiled by `re` when a problem is first shown: not at import, for the cold start)
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]"
