"""The accelerator's typed route: JSON read straight into msgspec Structs, then into models.

With the accelerator (the ``fast`` extra), a document of a kind this route covers is read by
msgspec into Structs that mirror the kind's models, generated from the models' fields,
instead of into dicts. msgspec checks each value's JSON type as it reads, strictly (no
``"5"`` for 5, no ``5.0`` for 5, no ``true`` for 1, a date only as ``YYYY-MM-DD``, an
enumeration by its code, an unknown key refused), so the generated builder is left with
what the dict route (:mod:`~laeringsnettverk.serialization._fast`) does after its type
tests: each field's converter, the quick tests the proven type does not settle, the object
set in place and the cross-field rules.

It only ever takes what the dict route takes, to the same object: anything else (a kind or
a type it does not cover, a value msgspec refuses, a rule's doubt) gives ``None``, and the
dict route, then the reference path, read the text again and say what is wrong
(``tests/test_typed.py`` checks it with Hypothesis). A key repeated in an object is found
as on the dict route: the builder counts the members it read, and the loader compares
them with the text's colons.

A kind is covered once a document of it has loaded on the dict route (:meth:`TypedRoute.
learn`), so a process that reads one kind builds only that kind's Structs. The types
covered: ``str``, ``int``, ``bool``, ``float``, ``datetime.date``, a coded enumeration, ``None`` in
a union with one of these, a tuple of them, a mapping of ``str`` to ``str``, ``int`` or
``bool``, and a model whose fields are all of these (a model within itself is not).
"""

from __future__ import annotations

import datetime
import itertools
import threading
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from laeringsnettverk._codegen import Names, type_hints
from laeringsnettverk._codes import CodedEnum
from laeringsnettverk._rules_build import build_lines
from laeringsnettverk.serialization._fast import (
    _default_keeps_rule,
    _fast_model,
    _GiveUpError,
    _union_members,
    _without_none,
    default_expression,
)

__all__ = ["TypedRoute"]

_SIMPLE = (str, int, bool)

Builder = Callable[[Any], tuple[Any, int]]
"""A kind's builder: its model from its Struct, and how many object members it read."""


class TypedRoute:
    """The typed route for the kinds learned so far (one per accelerator).

    ``decode`` reads a document of a learned kind into its Struct (it raises on anything
    else); ``None`` until a kind is learned. ``kinds`` maps each learned kind's Struct to
    the kind's code, its model and its builder. ``plain`` gives a Struct's values as JSON
    reads them (dicts, lists, strings: a date as its text, a member as its code), the
    members left out that the text left out.
    """

    __slots__ = ("_lock", "_msgspec", "_seen", "decode", "kinds", "plain")

    def __init__(self, msgspec: Any) -> None:
        self._msgspec = msgspec
        self.plain: Callable[[Any], Any] = msgspec.to_builtins
        self._seen: set[str] = set()  # the kinds learned or refused
        self._lock = threading.Lock()
        self.decode: Callable[[str | bytes], Any] | None = None
        self.kinds: dict[type, tuple[str, type, Builder]] = {}

    def learn(self, code: str, model: type) -> None:
        """Cover the kind ``code`` (whose model is ``model``) from now on, if its types allow.

        Once per kind, whichever thread comes first; a kind's Struct is in :attr:`kinds`
        before :attr:`decode` can read it.
        """
        if code in self._seen:
            return
        with self._lock:
            if code in self._seen:
                return
            self._seen.add(code)
            made = _Generator(self._msgspec).top(code, model)
            if made is None:
                return
            struct, build = made
            self.kinds[struct] = (code, model, build)
            structs = tuple(self.kinds)
            target: Any = structs[0] if len(structs) == 1 else typing.Union[structs]  # noqa: UP007
            self.decode = self._msgspec.json.Decoder(target).decode


class _Generator:
    """Writes one kind's Structs and its builder (a generated function)."""

    def __init__(self, msgspec: Any) -> None:
        self._msgspec = msgspec
        self._unset = msgspec.UNSET
        self._structs: dict[type, Any] = {}
        self._making: set[type] = set()
        self._ns: dict[str, Any] = {"_GiveUpError": _GiveUpError, "_UNSET": msgspec.UNSET}
        self._counter = itertools.count()

    def top(self, code: str, model: type) -> tuple[type, Builder] | None:
        """The kind's Struct (tagged by ``kind``, with ``schema_version``) and its builder."""
        if not _fast_model(model) or {"kind", "schema_version"} & attrs.fields_dict(model).keys():
            return None
        struct = self._struct(model, code)
        if struct is None:
            return None
        body, built, _ = self._body(model, "o", "v")
        required = 2 + _required(model)  # with kind and schema_version
        source = "\n".join(
            [
                "def build(o):",
                f"  m = {required}",
                *("  " + x for x in body),
                f"  return {built}, m",
            ]
        )
        exec(compile(source, f"<typed build {model.__qualname__}>", "exec"), self._ns)
        builder: Builder = self._ns["build"]
        return struct, builder

    # -- the Structs ------------------------------------------------------------------------

    def _struct(self, cls: type, tag: str | None = None) -> Any:
        """The Struct that reads ``cls``'s JSON object, or ``None`` when a type is not covered."""
        if cls in self._structs:
            return self._structs[cls]
        if cls in self._making or not _fast_model(cls):
            return None
        self._making.add(cls)
        try:
            hints = type_hints(cls)
            fields: list[tuple[Any, ...]] = []
            rename = {}
            for i, f in enumerate(attrs.fields(cls)):
                tp = self._type(hints[f.name])
                if tp is None:
                    return None
                rename[f"f{i}"] = f.name
                if f.default is attrs.NOTHING:
                    fields.append((f"f{i}", tp))
                else:
                    fields.append((f"f{i}", tp | self._msgspec.UnsetType, self._unset))
            options: dict[str, Any] = {}
            if tag is not None:
                fields.append(("version", int))
                rename["version"] = "schema_version"
                options = {"tag_field": "kind", "tag": tag}
            struct = self._msgspec.defstruct(
                f"Typed{cls.__name__}",
                fields,
                kw_only=True,
                rename=rename,
                forbid_unknown_fields=True,
                gc=False,
                **options,
            )
        finally:
            self._making.discard(cls)
        self._structs[cls] = struct
        return struct

    def _type(self, tp: Any) -> Any:
        """The type msgspec reads a JSON value of ``tp`` as, strictly; ``None``: not covered."""
        if tp in _SIMPLE or tp is datetime.date:
            return tp
        if tp is float:
            return int | float  # an int kept an int, as json reads it; never inf or nan
        if isinstance(tp, type) and issubclass(tp, CodedEnum):
            return tp  # read by its code, as its members are looked up on the dict route
        members = _union_members(tp)
        if members is not None:
            inner = self._type(_without_none(tp)) if type(None) in members else None
            return None if inner is None else inner | None
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = self._type(args[0])
            return None if item is None else types.GenericAlias(tuple, (item, ...))
        if isinstance(origin, type) and issubclass(origin, Mapping):
            if len(args) == 2 and args[0] is str and args[1] in _SIMPLE:
                return types.GenericAlias(dict, (str, args[1]))
            return None
        if isinstance(tp, type) and attrs.has(tp):
            return self._struct(tp)
        return None

    # -- the builder ------------------------------------------------------------------------

    def _name(self, value: object) -> str:
        name = f"_t{next(self._counter)}"
        self._ns[name] = value
        return name

    def _body(self, cls: type, o: str, prefix: str) -> tuple[list[str], str, bool]:
        """Statements building ``cls`` from its Struct ``o``, and the expression of the model.

        The field values go in ``{prefix}0``, ``{prefix}1``, ...; ``m`` counts the members
        the Struct was read from: each field present that has a default (the caller counts
        the required ones). The flag: whether the model is made in place (so it is exactly
        a ``cls``).
        """
        fields = attrs.fields(cls)
        hints = type_hints(cls)
        lines: list[str] = []
        args, proven = [], set()
        for i, f in enumerate(fields):
            v = f"{prefix}{i}"
            tp = hints[f.name]
            lines.append(f"{v} = {o}.f{i}")
            inner, sure = self._value(tp, v)
            default = f.default
            if default is attrs.NOTHING:
                lines.extend(inner)
            else:
                missing = default_expression(default, self._name)
                lines.append(f"if {v} is _UNSET: {v} = {missing}")
                lines.append("else:")
                lines.extend("  " + x for x in ["m += 1", *inner])
                sure = sure and _default_keeps_rule(f)
            if sure:
                proven.add(i)
            args.append(f"{f.alias}={v}")
        values = [f"{prefix}{i}" for i in range(len(fields))]
        names = Names(self._ns, f"{prefix}q")
        built = build_lines(cls, values, names, "raise _GiveUpError", proven, read=True)
        if built is not None:  # the model made in place, its rules' quick tests inline
            return [*lines, *built[0]], built[1], True
        return lines, f"{self._name(cls)}({', '.join(args)})", False

    def _value(self, tp: Any, v: str) -> tuple[list[str], bool]:
        """Statements that turn ``v`` from what msgspec read into the field's value.

        And whether the value is then proven of exactly type ``tp``: msgspec's strict
        reading proves a ``str``, an ``int``, a ``bool``, a date, an enumeration's member
        and a tuple or mapping of these; a model, when it is made in place here.
        """
        members = _union_members(tp)
        if members is not None:  # X | None (the only union _type covers)
            inner, sure = self._value(_without_none(tp), v)
            return ([f"if {v} is not None:", *("  " + x for x in inner)] if inner else []), sure
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is tuple and attrs.has(args[0]):
            d = next(self._counter)
            body, built, in_place = self._body(args[0], f"o{d}", f"o{d}_")
            required = _required(args[0])
            return [
                *([f"m += {required} * len({v})"] if required else []),
                f"l{d} = []",
                f"for o{d} in {v}:",
                *("  " + x for x in body),
                f"  l{d}.append({built})",
                f"{v} = tuple(l{d})",
            ], in_place
        if isinstance(origin, type) and issubclass(origin, Mapping):
            return [f"m += len({v})"], True
        if isinstance(tp, type) and attrs.has(tp):
            body, built, in_place = self._body(tp, v, f"{v}_")
            required = _required(tp)
            return [*([f"m += {required}"] if required else []), *body, f"{v} = {built}"], in_place
        return [], tp is not float  # a float's rule still tests it (an int is allowed)


def _required(cls: type) -> int:
    """How many fields of ``cls`` have no default (members its JSON object always has)."""
    return sum(f.default is attrs.NOTHING for f in attrs.fields(cls))
