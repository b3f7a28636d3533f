"""Immutable per-point columns that turn into Python objects only when first read.

A chart of a million points computed with numpy keeps its limits as arrays; reading a column
(indexing, iterating, comparing) converts it once to a tuple of ``float | None`` (or ``bool``),
so the numpy and plain-Python back ends give equal results.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar, overload

__all__ = ["Column", "pieces"]

T = TypeVar("T")


class Column(Sequence[T]):
    """A read-only sequence of per-point values (``None`` where there is none)."""

    __slots__ = ("_n", "_source", "_tuple")

    def __init__(self, source: Any, n: int | None = None) -> None:
        if type(source) is tuple:
            self._tuple: tuple[T, ...] | None = source
            self._source: Any = None
            self._n = len(source)
        else:
            self._tuple = None
            self._source = source
            self._n = len(source) if n is None else n

    def _items(self) -> tuple[T, ...]:
        if self._tuple is None:
            self._tuple = _materialise(self._source)
            self._source = None
        return self._tuple

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self._items()[index]

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[T]:
        return iter(self._items())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Column):
            other = other._items()
        return isinstance(other, tuple) and self._items() == other

    def __hash__(self) -> int:
        return hash(self._items())

    def __repr__(self) -> str:
        items = self._items()
        head = ", ".join(repr(v) for v in items[:3])
        return f"Column([{head}{', ...' if len(items) > 3 else ''}], n={len(items)})"


class pieces:  # noqa: N801 - a small record, read like a function call
    """A piecewise-constant column: ``(size, value)`` runs, expanded when first read."""

    __slots__ = ("runs",)

    def __init__(self, runs: Sequence[tuple[int, Any]]) -> None:
        self.runs = runs

    def __len__(self) -> int:
        return sum(size for size, _ in self.runs)


def _materialise(source: Any) -> tuple[Any, ...]:
    if isinstance(source, pieces):
        out: list[Any] = []
        for size, value in source.runs:
            out.extend([value] * size)
        return tuple(out)
    if isinstance(source, list):
        return tuple(source)
    # a numpy array: NaN stands for a missing value
    items = source.tolist()
    if source.dtype.kind == "f" and (source != source).any():  # noqa: PLR0124
        items = [None if v != v else v for v in items]  # noqa: PLR0124 (NaN test)
    return tuple(items)
