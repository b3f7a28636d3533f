"""Names for generated code: fresh locals, and constants put in the function's namespace.

The quick passes (:mod:`laeringsnettverk._rules`), the statements that build a model in
place (:mod:`laeringsnettverk._rules_build`) and the loaders' generated functions share it.
"""

from __future__ import annotations

import itertools
from typing import Any

__all__ = ["Names", "encodable"]


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
