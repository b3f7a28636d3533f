"""Names for generated code: fresh locals, and constants put in the function's namespace.

The quick passes (:mod:`laeringsnettverk._rules`), the statements that build a model in
place (:mod:`laeringsnettverk._rules_build`) and the loaders' generated functions share it.
"""

from __future__ import annotations

import functools
import itertools
import typing
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

__all__ = ["Names", "encodable", "type_hints"]


@functools.cache
def type_hints(cls: type) -> Mapping[str, Any]:
    """``typing.get_type_hints(cls)``, worked out once per class and kept (read-only).

    A model's annotations are strings (``from __future__ import annotations``), which
    ``get_type_hints`` compiles again on every call; the loaders, encoders and schema writer
    each ask for them, and a first document's cold start asked twice per model.
    """
    return MappingProxyType(typing.get_type_hints(cls))


def encodable(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (False: it holds a lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Names:
    """Fresh local names and the namespace of one generated function.

    ``ns`` shares another generator's namespace; ``prefix`` keeps these names apart from
    its own (each ``Names`` over one namespace needs a prefix of its own).
    """

    def __init__(self, ns: dict[str, Any] | None = None, prefix: str = "v") -> None:
        self.ns: dict[str, Any] = {} if ns is None else ns
        self._prefix = prefix
        self._count = itertools.count()

    def var(self) -> str:
        return f"{self._prefix}{next(self._count)}"

    def const(self, value: object) -> str:
        name = f"_k{self._prefix}{next(self._count)}"
        self.ns[name] = value
        return name
