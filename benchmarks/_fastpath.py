"""Prototype: a fast structuring path for the strict converter, with the detailed one as fallback.

Not part of the library. For each attrs model a plain Python function is generated that
checks the JSON data with inline ``type(v) is T`` tests and calls the model; anything it
does not like (a wrong type, a missing or unknown key, a problem the model raises) makes it
give up, and the existing detailed cattrs converter runs instead to produce every problem
with its path. The fast path is never more lenient than the detailed one, so results and
errors are the same; only valid documents get faster.

Types without a fast rule (e.g. a union of models) use the detailed converter's own hook
for that field, so any model works.
"""

from __future__ import annotations

import datetime
import enum
import itertools
import math
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs

__all__ = ["FastLoader"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _FallbackError(Exception):
    """The fast path gives up: the detailed converter takes over."""


def _date(v: object) -> datetime.date:
    if type(v) is not str or not _ISO_DATE.match(v):
        raise _FallbackError
    return datetime.date.fromisoformat(v)  # ValueError: also a give-up


class FastLoader:
    """``structure(data, cls)`` that tries generated code first, then ``detailed``."""

    def __init__(self, detailed: cattrs.Converter, envelope: tuple[str, ...] = ()) -> None:
        self._detailed = detailed
        self._envelope = frozenset(envelope)
        self._fns: dict[type, Callable[[Any], Any]] = {}
        self._counter = itertools.count()

    def fast(self, cls: type) -> Callable[[Any], Any]:
        """The generated function for ``cls`` (raises on anything unexpected)."""
        fn = self._fns.get(cls)
        if fn is None:
            fn = self._generate(cls)
        return fn

    def _generate(self, cls: type) -> Callable[[Any], Any]:
        ns: dict[str, Any] = {
            "_FallbackError": _FallbackError,
            "_date": _date,
            "_isfinite": math.isfinite,
            "_cls": cls,
        }
        hints = typing.get_type_hints(cls)
        fields = [f for f in attrs.fields(cls) if f.init]
        keys = frozenset(f.name for f in fields) | self._envelope
        ns["_keys"] = keys
        lines = [
            "def fast(o):",
            "  if type(o) is not dict or not o.keys() <= _keys: raise _FallbackError",
        ]
        lines.append("  kw = {}")
        # register early: a model may refer to itself
        self._fns[cls] = lambda o: ns["fast"](o)  # noqa: PLW0108 (bound later)
        for f in fields:
            tp = hints[f.name]
            if f.default is attrs.NOTHING:
                lines.append(f"  v = o[{f.name!r}]")
                lines.extend("  " + x for x in self._check(tp, "v", ns))
                lines.append(f"  kw[{f.alias!r}] = v")
            else:
                lines.append(f"  if {f.name!r} in o:")
                lines.append(f"    v = o[{f.name!r}]")
                lines.extend("    " + x for x in self._check(tp, "v", ns))
                lines.append(f"    kw[{f.alias!r}] = v")
        lines.append("  return _cls(**kw)")
        exec(compile("\n".join(lines), f"<fast {cls.__qualname__}>", "exec"), ns)
        fn: Callable[[Any], Any] = ns["fast"]
        self._fns[cls] = fn
        return fn

    def _union(self, classes: tuple[type, ...]) -> Callable[[Any], Any]:
        """Dispatch on keys: use the one model whose fields admit the object's keys."""
        shapes = []
        for cls in classes:
            fields = [f for f in attrs.fields(cls) if f.init]
            allowed = frozenset(f.name for f in fields)
            required = frozenset(f.name for f in fields if f.default is attrs.NOTHING)
            shapes.append((allowed, required, cls))

        def pick(o: Any) -> Any:
            if type(o) is not dict:
                raise _FallbackError
            keys = o.keys()
            found = [c for allowed, required, c in shapes if required <= keys <= allowed]
            if len(found) != 1:
                raise _FallbackError
            return self.fast(found[0])(o)

        return pick

    def _name(self, ns: dict[str, Any], value: object) -> str:
        name = f"_x{next(self._counter)}"
        ns[name] = value
        return name

    def _check(self, tp: Any, v: str, ns: dict[str, Any]) -> list[str]:
        """Statements that check ``v`` (and rebind it to the structured value)."""
        simple = {str: "str", int: "int", bool: "bool"}
        if tp in simple:
            return [f"if type({v}) is not {simple[tp]}: raise _FallbackError"]
        if tp is float:
            return [
                f"if type({v}) is float:",
                f"  if not _isfinite({v}): raise _FallbackError",
                f"elif type({v}) is not int: raise _FallbackError",
            ]
        if tp is datetime.date:
            return [f"{v} = _date({v})"]
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            members = self._name(ns, {m.value: m for m in tp})
            return [f"{v} = {members}[{v}]"]  # KeyError / TypeError: give up
        if isinstance(tp, type) and attrs.has(tp):
            return [f"{v} = {self._name(ns, self.fast(tp))}({v})"]
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (typing.Union, types.UnionType) and type(None) in args and len(args) == 2:
            inner = next(a for a in args if a is not type(None))
            return [f"if {v} is not None:", *("  " + x for x in self._check(inner, v, ns))]
        if origin in (typing.Union, types.UnionType) and all(attrs.has(a) for a in args):
            return [f"{v} = {self._name(ns, self._union(args))}({v})"]
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = args[0]
            if typing.get_origin(item) in (typing.Union, types.UnionType) and all(
                attrs.has(a) for a in typing.get_args(item)
            ):
                fn = self._name(ns, self._union(typing.get_args(item)))
                return [
                    f"if type({v}) is not list: raise _FallbackError",
                    f"{v} = tuple([{fn}(x) for x in {v}])",
                ]
            if isinstance(item, type) and attrs.has(item):
                fn = self._name(ns, self.fast(item))
                return [
                    f"if type({v}) is not list: raise _FallbackError",
                    f"{v} = tuple([{fn}(x) for x in {v}])",
                ]
            if item in simple:
                return [
                    f"if type({v}) is not list: raise _FallbackError",
                    f"for x in {v}:",
                    f"  if type(x) is not {simple[item]}: raise _FallbackError",
                    f"{v} = tuple({v})",
                ]
        if origin in (dict, Mapping) and args[0] is str and args[1] in simple:
            return [
                f"if type({v}) is not dict: raise _FallbackError",
                f"for k, x in {v}.items():",
                f"  if type(k) is not str or type(x) is not {simple[args[1]]}:",
                "    raise _FallbackError",
            ]
        # anything else: the detailed converter's own hook for this type
        hook = self._name(ns, self._detailed.get_structure_hook(tp))
        typ = self._name(ns, tp)
        return [f"{v} = {hook}({v}, {typ})"]
