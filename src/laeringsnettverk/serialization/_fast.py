"""The fast path of loading: generated structure functions, the detailed converter as fallback.

For each model a plain Python function is generated (on first use, then cached) that
takes the parsed JSON value, checks it with inline ``type(v) is T`` tests -- the same rules
as the strict converter in :mod:`laeringsnettverk.serialization._converter` -- and calls the
model's class directly, so the model's own validation (``__attrs_post_init__``) runs as
always. It never explains a failure: on anything unexpected (a wrong type, a missing or
unknown key, a problem the model raises) it gives up, and the caller runs the detailed
converter, which reports every problem with its path. The fast path is never more lenient
than the detailed one, so results and errors are the same; only valid documents get faster.

Types without a fast rule use the detailed converter's own structure hook for that value.

Every generated function also counts the members (key-value pairs) of the JSON objects it
reads, into a one-element list it is given (:meth:`FastStructurer.counting`); the loader
compares that count with the colons of the JSON text to refuse a repeated key without the
cost of a parser hook (see ``_json._quick``). An object the count does not
cover (one a detailed hook structures) only makes the count smaller, never larger.
"""

from __future__ import annotations

import datetime
import enum
import itertools
import math
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._codegen import Names, type_hints
from laeringsnettverk._codes import CodedEnum
from laeringsnettverk._rules import rule_of
from laeringsnettverk._rules_build import build_lines

__all__ = ["FastStructurer"]

T = TypeVar("T")

_fromisoformat = datetime.date.fromisoformat


class _GiveUpError(Exception):
    """The fast path gives up: the detailed converter takes over."""


def _date(v: object) -> datetime.date:
    r"""A date from its ``YYYY-MM-DD`` string; never more lenient than the detailed hook.

    Cheaper than the hook's regular expression: with ASCII, length 10 and dashes at 4
    and 7, ``fromisoformat`` accepts only ASCII digits elsewhere (anything else raises
    ``ValueError``, a give-up), so what passes also matches ``^\d{4}-\d{2}-\d{2}$``.
    """
    if type(v) is not str or len(v) != 10 or v[4] != "-" or v[7] != "-" or not v.isascii():
        raise _GiveUpError
    return _fromisoformat(v)


def _union_members(tp: Any) -> tuple[Any, ...] | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return None


_SIMPLE = {str: "str", int: "int", bool: "bool"}


class FastStructurer:
    """``structure(data, cls)``: the model, built by the generated function for ``cls``.

    ``detailed`` is the strict converter, or a function that makes it (called the first
    time a type has no fast rule, so a document the fast path covers never builds it);
    its hooks structure the types that have no fast rule. ``envelope`` names the keys a
    top-level document may carry besides the model's fields (``kind``,
    ``schema_version``); they are allowed at the top level only.

    With ``read``, the data given is what a strict JSON reader made for this call alone:
    every string Unicode (no lone surrogate) and every ``dict`` and ``list`` new, held by no
    one else. The functions then keep the containers instead of copying them and leave out
    the tests of Unicode (see :func:`~laeringsnettverk._rules_build.build_lines`). Without
    it (data a caller gave), nothing is assumed.
    """

    def __init__(
        self, detailed: Any, envelope: tuple[str, ...] = (), *, read: bool = False
    ) -> None:
        self._detailed_source = detailed
        self._detailed_converter: Any = None
        self._envelope = frozenset(envelope)
        self._read = read
        # (cls, top) -> fn(value, count): the model; ``count[0]`` grows by the members read
        self._fns: dict[tuple[type, bool], Callable[[Any, list[int]], Any]] = {}
        self._counter = itertools.count()
        self._inlining: set[type] = set()  # models whose checks are being written

    def structure(self, data: object, cls: type[T]) -> T | None:
        """The model built from ``data`` (with its envelope), or ``None``: give up."""
        fn = self._fns.get((cls, True))
        if fn is None:
            fn = self._function(cls, top=True)
        try:
            obj: T = fn(data, [0])
        except Exception:  # any failure: the detailed converter says what is wrong
            return None
        return obj

    def counting(self, cls: type) -> Callable[[Any, list[int]], Any]:
        """The generated function of ``cls`` at the top level, counting what it reads.

        ``fn(data, count)`` gives the model and adds to ``count[0]`` how many object members
        it read: every member of every JSON object in ``data`` when the fast path covers the
        whole document (its types all have fast rules), fewer where a detailed hook
        structured a value. It raises on anything unexpected (any exception: give up).
        """
        return self._function(cls, top=True)

    def function(self, cls: type, *, top: bool = False) -> Callable[[Any], Any]:
        """The generated function for ``cls``; it raises on anything unexpected."""
        fn = self._function(cls, top)
        return lambda o: fn(o, [0])

    def _function(self, cls: type, top: bool) -> Callable[[Any, list[int]], Any]:
        fn = self._fns.get((cls, top))
        if fn is None:
            fn = self._generate(cls, top)
        return fn

    # -- code generation ------------------------------------------------------------------

    def _name(self, ns: dict[str, Any], value: object) -> str:
        name = f"_x{next(self._counter)}"
        ns[name] = value
        return name

    def _generate(self, cls: type, top: bool) -> Callable[[Any, list[int]], Any]:
        envelope = self._envelope if top else frozenset()
        if not _fast_model(cls) or envelope & {f.name for f in attrs.fields(cls)}:
            return self._detailed_hook(cls)
        ns: dict[str, Any] = {"_GiveUpError": _GiveUpError}
        # registered before the body is built: a model may refer to itself
        self._fns[cls, top] = lambda o, n: ns["fast"](o, n)  # noqa: PLW0108 (bound below)
        body, built, _ = self._inlined(cls, "o", "v", envelope, ns)
        # members counted in a local, added to the caller's count once
        lines = [
            "def fast(o, n):",
            "  m = 0",
            *("  " + x for x in body),
            "  n[0] += m",
            f"  return {built}",
        ]
        source = "\n".join(lines)
        exec(compile(source, f"<fast structure {cls.__qualname__}>", "exec"), ns)
        fn: Callable[[Any, list[int]], Any] = ns["fast"]
        self._fns[cls, top] = fn
        return fn

    def _inlined(
        self, cls: type, o: str, prefix: str, envelope: frozenset[str], ns: dict[str, Any]
    ) -> tuple[list[str], str, bool]:
        """Statements checking the JSON object ``o`` as ``cls``, and the expression building it.

        The field values go in ``{prefix}0``, ``{prefix}1``, ... A model inside (an item of a
        list, a field) is checked inline, sparing a call per object, except inside itself.
        The flag: whether the object is made in place (so it is exactly a ``cls``).
        """
        self._inlining.add(cls)
        try:
            return self._body(cls, o, prefix, envelope, ns)
        finally:
            self._inlining.discard(cls)

    def _body(
        self, cls: type, o: str, prefix: str, envelope: frozenset[str], ns: dict[str, Any]
    ) -> tuple[list[str], str, bool]:
        fields = attrs.fields(cls)
        keys = self._name(ns, frozenset(f.name for f in fields) | envelope)
        hints = type_hints(cls)
        size, known = f"{prefix}n", f"{prefix}k"  # the object's members; the known ones read
        required = sum(f.default is attrs.NOTHING for f in fields)
        counted = bool(envelope) or any(f.default is not attrs.NOTHING for f in fields)
        lines = [
            *self._is_object(o, required),
            f"{size} = len({o})",
            f"m += {size}",
        ]
        if counted:
            present = "".join(f" + ({k!r} in {o})" for k in sorted(envelope))
            lines.append(f"{known} = {required}{present}")
        args = []
        proven = set()  # the fields whose value is proven of the field's type
        for i, f in enumerate(fields):
            v = f"{prefix}{i}"
            tp = hints[f.name]
            default = f.default
            if default is attrs.NOTHING:
                lines.append(f"{v} = {o}[{f.name!r}]")  # KeyError: give up
                checks, sure = self._checked(tp, v, ns)
                lines.extend(checks)
            elif default is None and type(None) in (_union_members(tp) or ()):
                # an optional field defaulting to None: an absent key is the same as null
                lines.append(f"{v} = {o}.get({f.name!r})")
                lines.append(f"if {v} is not None:")
                inner, sure = self._checked(_without_none(tp), v, ns)
                lines.extend("  " + x for x in [f"{known} += 1", *inner])
            else:
                missing = default_expression(default, lambda x: self._name(ns, x))
                lines.append(f"if {f.name!r} in {o}:")
                lines.append(f"  {v} = {o}[{f.name!r}]")
                checks, sure = self._checked(tp, v, ns)
                lines.extend("  " + x for x in [f"{known} += 1", *checks])
                lines.append("else:")
                lines.append(f"  {v} = {missing}")
                sure = sure and _default_keeps_rule(f)
            if sure:
                proven.add(i)
            args.append(f"{f.alias}={v}")
        # an unknown key: more members than the known keys read (or a null given for an
        # optional field, which the keys themselves then settle)
        lines.append(
            f"if {size} != {known if counted else required} and not {o}.keys() <= {keys}:"
            " raise _GiveUpError"
        )
        values = [f"{prefix}{i}" for i in range(len(fields))]
        names = Names(ns, f"{prefix}q")
        built = build_lines(cls, values, names, "raise _GiveUpError", proven, read=self._read)
        if built is not None:  # the model made in place, its rules' quick tests inline
            return [*lines, *built[0]], built[1], True
        return lines, f"{self._name(ns, cls)}({', '.join(args)})", False

    def _is_object(self, o: str, required: int) -> list[str]:
        """The test that the JSON value ``o`` is an object (a ``dict``), when one is needed.

        Not for what a JSON reader made (``read``) when a key is required: any other JSON
        value (an array, a string, a number, ``null``) raises at ``len``, ``.get`` or the
        required key's subscript, and the function gives up all the same.
        """
        if self._read and required:
            return []
        return [f"if type({o}) is not dict: raise _GiveUpError"]

    def _inlinable(self, tp: Any) -> bool:
        return (
            isinstance(tp, type) and attrs.has(tp) and tp not in self._inlining and _fast_model(tp)
        )

    @property
    def _detailed(self) -> Any:
        """The detailed converter, made on first use when a factory was given."""
        if self._detailed_converter is None:
            source = self._detailed_source
            self._detailed_converter = source() if callable(source) else source
        return self._detailed_converter

    def _detailed_hook(self, tp: Any) -> Callable[[Any, list[int]], Any]:
        # what the hook reads is not counted: the count stays below the text's colons
        hook = self._detailed.get_structure_hook(tp)
        return lambda o, n: hook(o, tp)

    def _leaf(self, tp: Any) -> Callable[[Any], Any] | None:
        """A one-argument function for a value that holds no JSON object, if ``tp`` has one."""
        if tp is datetime.date:
            return _date
        if isinstance(tp, type) and issubclass(tp, CodedEnum):
            members: dict[object, enum.Enum] = {m.value: m for m in tp}
            return members.__getitem__  # KeyError / TypeError: give up
        return None

    def _item(self, tp: Any) -> Callable[[Any, list[int]], Any]:
        """A function checking and structuring one value of type ``tp`` (and counting)."""
        if isinstance(tp, type) and attrs.has(tp):
            return self._function(tp, False)
        members_of = _union_members(tp)
        if members_of and all(isinstance(a, type) and attrs.has(a) for a in members_of):
            union = self._union(members_of)
            if union is not None:
                return union
        ns: dict[str, Any] = {"_GiveUpError": _GiveUpError}
        body = self._check(tp, "v", ns)
        source = (
            "def item(v, n):\n  m = 0\n"
            + "".join(f"  {x}\n" for x in body)
            + "  n[0] += m\n  return v\n"
        )
        exec(compile(source, "<fast structure item>", "exec"), ns)
        fn: Callable[[Any, list[int]], Any] = ns["item"]
        return fn

    def _union(self, classes: tuple[type, ...]) -> Callable[[Any, list[int]], Any] | None:
        """Dispatch a union of models on each one's unique required field.

        The object is given to the first model whose unique required key it has; that
        model's function rejects any key it does not know, so it succeeds only when that
        model is the one model whose fields admit the object's keys, which is the one the
        detailed converter picks as well. ``None`` when some model has no such field.
        """
        picks: list[tuple[str, Callable[[Any, list[int]], Any]]] = []
        for cls in classes:
            others = set().union(
                *({f.name for f in attrs.fields(c)} for c in classes if c is not cls)
            )
            unique = [
                f.name
                for f in attrs.fields(cls)
                if f.default is attrs.NOTHING and f.name not in others
            ]
            if not unique:
                return None
            picks.append((unique[0], self._function(cls, False)))

        def pick(o: Any, n: list[int]) -> Any:
            if type(o) is not dict:
                raise _GiveUpError
            for key, fn in picks:
                if key in o:
                    return fn(o, n)
            raise _GiveUpError

        return pick

    def _check(self, tp: Any, v: str, ns: dict[str, Any]) -> list[str]:
        """Statements that check ``v`` and rebind it to the structured value."""
        return self._checked(tp, v, ns)[0]

    def _checked(self, tp: Any, v: str, ns: dict[str, Any]) -> tuple[list[str], bool]:
        """:meth:`_check`'s statements, and whether they prove ``v`` of exactly type ``tp``.

        Proven: a ``str``, ``int`` or ``bool`` by its type test, a date as
        ``date.fromisoformat`` makes it, a coded enumeration's member, a model made in
        place here, and a tuple or a mapping of these. Not proven: what a called function
        or the detailed converter's hook returns.
        """
        if tp in _SIMPLE:
            return [f"if type({v}) is not {_SIMPLE[tp]}: raise _GiveUpError"], True
        if tp is float:
            return [
                f"if type({v}) is float:",
                f"  if not {self._name(ns, math.isfinite)}({v}): raise _GiveUpError",
                f"elif type({v}) is not int: raise _GiveUpError",
            ], False
        members = _union_members(tp)
        if members is not None and type(None) in members:
            inner, sure = self._checked(_without_none(tp), v, ns)
            return [f"if {v} is not None:", *("  " + x for x in inner or ["pass"])], sure
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = args[0]
            head = f"if type({v}) is not list: raise _GiveUpError"
            if item in _SIMPLE:
                return [
                    head,
                    f"for x in {v}:",
                    f"  if type(x) is not {_SIMPLE[item]}: raise _GiveUpError",
                    f"{v} = tuple({v})",
                ], True
            leaf = self._leaf(item)
            if leaf is not None:
                return [head, f"{v} = tuple(map({self._name(ns, leaf)}, {v}))"], True
            if self._inlinable(item):
                d = next(self._counter)
                body, built, in_place = self._inlined(item, f"o{d}", f"o{d}_", frozenset(), ns)
                return [
                    head,
                    f"l{d} = []",
                    f"for o{d} in {v}:",
                    *("  " + x for x in body),
                    f"  l{d}.append({built})",
                    f"{v} = tuple(l{d})",
                ], in_place
            fn = self._name(ns, self._item(item))
            return [head, f"{v} = tuple([{fn}(x, n) for x in {v}])"], False
        if (
            isinstance(origin, type)
            and issubclass(origin, Mapping)
            and len(args) == 2
            and args[0] is str
            and args[1] in _SIMPLE
        ):
            value = _SIMPLE[args[1]]
            if self._read:  # a JSON object's keys are text; the reader's own dict is kept
                return [
                    f"m += len({v})",
                    f"for x in {v}.values():",  # raises on another JSON value than an object
                    f"  if type(x) is not {value}: raise _GiveUpError",
                ], True
            return [
                f"if type({v}) is not dict: raise _GiveUpError",
                f"m += len({v})",
                f"for k, x in {v}.items():",
                f"  if type(k) is not str or type(x) is not {value}: raise _GiveUpError",
                f"{v} = dict({v})",
            ], True
        if tp is datetime.date:
            # _date's rule, inline (no call per date): see _date for why it is never more
            # lenient than the detailed hook
            return [
                f"if type({v}) is not str or len({v}) != 10 or {v}[4] != '-' or {v}[7] != '-'"
                f" or not {v}.isascii(): raise _GiveUpError",
                f"{v} = {self._name(ns, _fromisoformat)}({v})",
            ], True
        if isinstance(tp, type) and issubclass(tp, CodedEnum):
            return [f"{v} = {self._name(ns, self._leaf(tp))}({v})"], True
        if self._inlinable(tp):
            body, built, in_place = self._inlined(tp, v, f"{v}_", frozenset(), ns)
            return [*body, f"{v} = {built}"], in_place
        if isinstance(tp, type) and attrs.has(tp):
            return [f"{v} = {self._name(ns, self._function(tp, False))}({v}, n)"], False
        if members is not None and all(isinstance(a, type) and attrs.has(a) for a in members):
            union = self._union(members)
            if union is not None:
                return [f"{v} = {self._name(ns, union)}({v}, n)"], False
        # anything else: the detailed converter's own hook for this type
        return [f"{v} = {self._name(ns, self._detailed_hook(tp))}({v}, n)"], False


def _fast_model(cls: type) -> bool:
    """Whether a generated function can build ``cls`` (else the detailed hook does).

    Not a model with a field outside ``__init__`` or a default made from the instance.
    """
    for f in attrs.fields(cls):
        default: Any = f.default
        if not f.init or (isinstance(default, attrs.Factory) and default.takes_self):  # type: ignore[arg-type]
            return False
    return True


_EMPTY_FACTORIES = (dict, list, tuple)


def _default_keeps_rule(field: attrs.Attribute[Any]) -> bool:
    """Whether a field's default, converted, keeps the field's rule (checked once, here).

    A factory's value is known only for an empty container's (``dict``, ``list``,
    ``tuple``); any other factory may make anything, so it is not proven.
    """
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.factory not in _EMPTY_FACTORIES:
            return False
        default = default.factory()
    declared = rule_of(field)
    converter: Any = field.converter
    value = default if converter is None else converter(default)
    return declared is not None and declared.check(Checker(), (field.name,), value)


def default_expression(default: Any, name: Callable[[object], str]) -> str:
    """The expression a generated function gives a field left out: its default.

    ``name`` puts a value in the function's namespace and gives its name; a factory
    (``attrs.Factory``) is called, once per object made.
    """
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return f"{name(default.factory)}()"
    return name(default)


def _without_none(tp: Any) -> Any:
    rest = tuple(a for a in typing.get_args(tp) if a is not type(None))
    return rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007
