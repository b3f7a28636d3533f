"""Writing models as JSON data: a generated unstructure function per model.

The same data as the strict converter's ``unstructure`` (cattrs, see
:mod:`laeringsnettverk.serialization._converter`), made faster: for each model a plain
Python function is generated (on first use, then cached) that reads the fields in the
model's order and builds the dict directly, as the converter's generated functions do
(fields without a default first, then each field with a default unless it equals that
default, compared with ``!=``; a default made by a factory is made again, through the
field's converter). Dates become ISO 8601 strings, sequences lists, mappings dicts with
their keys sorted, and a form's scores follow its activities' order (as the converter's own
hook for the form orders them; here where each conversation is made, with the names made
once per form, and a mapping already in that order copied, not reordered); text, numbers,
booleans and coded enums (``str`` subclasses: JSON writes their codes) are kept as they
are. A type without a rule here is unstructured by the converter's own hook, and a model
this module cannot mirror exactly (a field outside ``__init__``, a default that needs the
instance) by the converter's hook for the model.

``float_hook``, when given, turns every float into what a writer other than :mod:`json`
needs to write it as :mod:`json` does (the accelerator: its number text); then a value the
converter's hooks would unstructure raises :class:`Unsupported` instead, since its floats
would not pass through the hook, and the caller writes the document on the pure path.
``native_dates`` leaves each ``datetime.date`` (exactly that type) to that writer, which
writes it as its ISO 8601 text itself (msgspec: the same text as ``isoformat`` for every
date from 0001-01-01 to 9999-12-31, compared when this was written); any other value in a
date field is written by ``date.isoformat`` as on the pure path.

For :func:`~laeringsnettverk.serialization.dumps` on one line (the pure path),
:meth:`Unstructurer.text_function` generates a second function per document model that
writes the JSON text from the fields directly, the text :mod:`json` writes from the data,
without making the data: text, dates, models inlined and their sequences as text, other
values (numbers, mappings such as the scores, values a hook unstructures) by json's own
encoder (``write``) from their data. ``tests/test_encode.py`` checks that the data equals
the converter's, and the text json's, for documents of every kind.
"""

from __future__ import annotations

import datetime
import itertools
import json
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from laeringsnettverk._codegen import type_hints
from laeringsnettverk._codes import CodedEnum

__all__ = ["Unsupported", "Unstructurer"]

F = TypeVar("F")  # the fields of a model as a generator makes them

_IDENTITY = (str, int, bool)


class Unsupported(Exception):  # noqa: N818 (a signal to the caller, not an error to report)
    """The accelerator's variant cannot write this value exactly: write it on the pure path."""


def _unsupported(_: object) -> Any:
    raise Unsupported


def _optional_of(tp: Any) -> Any:
    """The type inside ``X | None`` (a union of the rest when more), or ``None``."""
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return None
    args = typing.get_args(tp)
    if type(None) not in args:
        return None
    rest = tuple(a for a in args if a is not type(None))
    return rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007


def _union_of_models(tp: Any) -> bool:
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return False
    return all(isinstance(a, type) and attrs.has(a) for a in typing.get_args(tp))


# the mappings whose ``copy()`` is a dict in their own order (a form's scores are read-only
# proxies of one)
_COPYABLE = (types.MappingProxyType, dict)


def _in_order(scores: Mapping[str, Any], names: list[str]) -> dict[str, Any]:
    """``scores`` as a dict: the keys in ``names`` in that order, then any others sorted."""
    if type(scores) in _COPYABLE and list(scores) == names:
        # the common case, every activity scored in order: copied in C, not reordered
        copied: dict[str, Any] = scores.copy()  # type: ignore[attr-defined]
        return copied
    ordered = {k: scores[k] for k in names if k in scores}
    if len(ordered) != len(scores):
        ordered.update({k: scores[k] for k in sorted(scores) if k not in ordered})
    return ordered


def _fields_in_order(
    data: dict[str, Any], names: list[str], fields: tuple[str, ...]
) -> dict[str, Any]:
    """A model's data with the mappings under ``fields`` (each as it is, if written) in order."""
    for field in fields:
        mapping = data.get(field)
        if mapping is not None:
            data[field] = _in_order(mapping, names)
    return data


class _Ordering(typing.NamedTuple):
    """A model whose hook in the converter orders mappings of its items by a list of keys."""

    fields: frozenset[str]
    """The fields whose items' mappings are ordered (a model's own mapping fields)."""
    keys: str
    """An expression for the list of keys in order, from the object ``o`` (made once per
    object, as ``n``)."""


def _ordering(cls: type) -> _Ordering | None:
    """How the converter's hook for ``cls`` orders the data after its fields, if it does.

    The form's hook: each conversation's scores in the form's activity order, any other
    keys after them, sorted (see :func:`_in_order`; a conversation's data without scores
    is left as it is: :func:`_fields_in_order`). The generated code orders them in place,
    with the names made once per form, sparing a sort.
    """
    from laeringsnettverk.toolkit._form import WhatMattersForm

    if cls is WhatMattersForm:
        return _Ordering(frozenset({"conversations"}), "[a.name for a in o.activities]")
    return None


# factories whose value, put through a field's converter, is made once for the comparison
# with the default (an empty builtin container: the same value every time)
_EMPTY_FACTORIES = (dict, list, tuple, set, frozenset)


class Unstructurer:
    """``unstructure(obj)``: a model object as plain JSON-ready data, as the converter makes it.

    ``detailed`` is the strict converter, or a function that makes it (called the first
    time a type has no rule here, so writing the library's documents never builds it).
    """

    def __init__(
        self,
        detailed: Any,
        float_hook: Callable[[Any], Any] | None = None,
        write: Callable[[Any], str] | None = None,
        *,
        native_dates: bool = False,
    ) -> None:
        self._detailed_source = detailed
        self._detailed_converter: Any = None
        self._float = float_hook
        self._native_dates = native_dates
        self._write = write
        self.texts: dict[type, Callable[[Any, str, int], str]] = {}
        """The function writing each model as a document's text, by class (see
        :meth:`text_function`)."""
        self._fns: dict[type, Callable[[Any], Any]] = {}
        self._unordered: dict[type, Callable[[Any], Any]] = {}  # mappings left unsorted
        self.documents: dict[type, Callable[[Any, str, int], dict[str, Any]]] = {}
        """The function writing each model as a document, by class (see :meth:`document`)."""
        self._counter = itertools.count()
        self._inlining: set[type] = set()  # models whose expression is being built

    def unstructure(self, obj: object) -> Any:
        """``obj`` as plain data (a model's as a dict)."""
        fn = self._fns.get(type(obj))
        if fn is None:
            fn = self._function(type(obj))
        return fn(obj)

    def document(self, obj: object, kind: str, version: int) -> dict[str, Any]:
        """``obj`` as a versioned document: ``kind``, ``schema_version``, then its fields."""
        fn = self.documents.get(type(obj))
        if fn is None:
            fn = self.document_function(type(obj))
        return fn(obj, kind, version)

    # -- code generation --------------------------------------------------------------------

    @property
    def _detailed(self) -> Any:
        """The detailed converter, made on first use when a factory was given."""
        if self._detailed_converter is None:
            source = self._detailed_source
            self._detailed_converter = source() if callable(source) else source
        return self._detailed_converter

    def _name(self, ns: dict[str, Any], value: object) -> str:
        name = f"_x{next(self._counter)}"
        ns[name] = value
        return name

    def _hook(self, tp: Any) -> Callable[[Any], Any]:
        """The converter's own unstructure hook for ``tp`` (in the accelerator's variant, none)."""
        if self._float is not None:
            return _unsupported
        hook: Callable[[Any], Any] = self._detailed.get_unstructure_hook(tp)
        return hook

    def _by_runtime_type(self, value: Any) -> Any:
        """A value unstructured by its own class (the converter does so for unions)."""
        fn = self._fns.get(type(value))
        if fn is None:
            fn = self._function(type(value))
        return fn(value)

    def _function(self, cls: type, ordered: bool = True) -> Callable[[Any], Any]:
        fns = self._fns if ordered else self._unordered
        fn = fns.get(cls)
        if fn is None:
            if isinstance(cls, type) and attrs.has(cls):
                fn = self._generate(cls, top=False, ordered=ordered)
            else:
                fn = self._value_function(cls)
                fns[cls] = fn
        return fn

    def _value_function(self, tp: Any) -> Callable[[Any], Any]:
        """A one-argument function for a value of a type that is not a model."""
        ns: dict[str, Any] = {}
        expr = self._value(tp, "v", ns)
        if expr == "v":
            return _identity
        exec(compile(f"def value(v):\n  return {expr}\n", "<unstructure value>", "exec"), ns)
        fn: Callable[[Any], Any] = ns["value"]
        return fn

    def document_function(self, cls: type) -> Callable[[Any, str, int], dict[str, Any]]:
        """The function ``(obj, kind, version) -> document`` for ``cls``, made and kept."""
        if attrs.has(cls) and not {f.name for f in attrs.fields(cls)} & {"kind", "schema_version"}:
            fn = self._generate(cls, top=True)
        else:
            fn = self._document_function_merged(cls)
        self.documents[cls] = fn
        return fn

    def _generate(self, cls: type, *, top: bool, ordered: bool = True) -> Callable[..., Any]:
        fns = self._fns if ordered else self._unordered
        if not all(_mirrored(f) for f in attrs.fields(cls)):
            # not mirrored here: the converter's hook for the whole model
            if top:
                return self._document_function_merged(cls)
            fn = self._hook(cls)
            fns[cls] = fn
            return fn
        ns: dict[str, Any] = {}
        if not top:
            # registered before the body is built: a model may refer to itself
            fns[cls] = lambda o: ns["un"](o)  # noqa: PLW0108 (bound below)
        ordering = _ordering(cls)
        required, optional = self._fields(cls, "o", ns, ordered, ordering)
        if top:
            required = ["'kind': k", "'schema_version': s", *required]
        head = "def un(o, k, s):" if top else "def un(o):"
        source = "\n".join(
            [
                head,
                *([f"  n = {ordering.keys}"] if ordering is not None else []),
                "  res = {" + ", ".join(required) + "}",
                *(f"  if {test}: res[{key!r}] = {value}" for test, key, value in optional),
                "  return res",
            ]
        )
        exec(compile(source, f"<unstructure {cls.__qualname__}>", "exec"), ns)
        generated: Callable[..., Any] = ns["un"]
        if not top:
            fns[cls] = generated
        return generated

    def _fields(
        self, cls: type, x: str, ns: dict[str, Any], ordered: bool | str, ordering: _Ordering | None
    ) -> tuple[list[str], list[tuple[str, str, str]]]:
        """The code for a model's fields, read from the object ``x``.

        The dict entries of the fields without a default; ``(test, key, value)`` for each
        field with one (written when the test holds: the value differs from the default).
        ``ordered`` as for :meth:`_value`, for the model's own mappings (not those of the
        models inside it); the items of the fields ``ordering`` names are ordered by ``n``.
        """
        hints = type_hints(cls)
        required: list[str] = []
        optional: list[tuple[str, str, str]] = []
        for f in attrs.fields(cls):
            attribute = f"{x}.{f.name}"
            tp = hints[f.name]
            if ordering is not None and f.name in ordering.fields:
                order: bool | str = "n"  # made first in the function
            else:
                order = ordered if _mapping(tp) else True
            value = self._value(tp, attribute, ns, ordered=order)
            test = self._test(f, attribute, ns)
            if test is None:
                required.append(f"{f.name!r}: {value}")
            else:
                optional.append((test, f.name, value))
        return required, optional

    def _test(self, f: Any, attribute: str, ns: dict[str, Any]) -> str | None:
        """The test that the field ``attribute`` differs from its default (``None``: none)."""
        default = f.default
        if default is attrs.NOTHING:
            return None
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.factory in _EMPTY_FACTORIES:
                empty = default.factory()
                made = self._name(ns, f.converter(empty) if f.converter else empty)
            else:
                made = f"{self._name(ns, default.factory)}()"
                if f.converter is not None:
                    made = f"{self._name(ns, f.converter)}({made})"
        else:
            if f.converter is not None:
                default = f.converter(default)
            made = "None" if default is None else self._name(ns, default)
        if made == "None":
            return f"{attribute} is not None"
        if not isinstance(default, attrs.Factory) and attrs.has(type(default)):  # type: ignore[arg-type]
            # a field left at its default holds the default object itself: no comparison
            return f"{attribute} is not {made} and {attribute} != {made}"
        return f"{attribute} != {made}"

    def _inlined_fields(self, cls: type, fields: Callable[[], F]) -> F | None:
        """``fields()`` of a model that may be inlined in its owner, or ``None``.

        Not a model inside itself, with a field a hook writes, or whose mappings its own
        hook orders; ``fields()`` runs with ``cls`` marked as being inlined.
        """
        if (
            cls in self._inlining
            or not all(_mirrored(f) for f in attrs.fields(cls))
            or _ordering(cls) is not None
        ):
            return None
        self._inlining.add(cls)
        try:
            return fields()
        finally:
            self._inlining.discard(cls)

    def _inline(self, cls: type, x: str, ns: dict[str, Any], ordered: bool | str) -> str | None:
        """An expression for the data of the model ``x``, when it is small enough to inline.

        A model with at most one field with a default, no hook, and not inside itself:
        the function call per object (a list of activities) is spared.
        """
        fields = self._inlined_fields(cls, lambda: self._fields(cls, x, ns, ordered, None))
        if fields is None or len(fields[1]) > 1:
            return None
        required, optional = fields
        without = "{" + ", ".join(required) + "}"
        if not optional:
            return without
        (test, key, value), *_ = optional
        return f"({{{', '.join([*required, f'{key!r}: {value}'])}}} if {test} else {without})"

    # -- text on one line -----------------------------------------------------------------

    def text_function(self, cls: type) -> Callable[[Any, str, int], str]:
        """``(obj, kind, version) -> text``: a document as ``write`` writes it, made and kept.

        ``write`` is :mod:`json`'s encoder on one line (``", "`` and ``": "``, not ASCII
        only); not for the accelerator's variant. The text is built from the fields
        directly: text, dates and models as text, any other value (numbers, mappings,
        values a hook unstructures) by ``write`` from its data, so the text is the same as
        ``write(document(obj, kind, version))``. A value not of its field's type may make
        the function raise (``TypeError``); the caller then writes the data.
        """
        write = self._write
        assert write is not None, "made with a writer"
        assert self._float is None, "not for the accelerator's variant"
        if (
            attrs.has(cls)
            and not {f.name for f in attrs.fields(cls)} & {"kind", "schema_version"}
            and all(_mirrored(f) for f in attrs.fields(cls))
        ):
            fn = self._text_generate(cls)
        else:
            document = self.documents.get(cls) or self.document_function(cls)

            def fn(obj: Any, kind: str, version: int) -> str:
                return write(document(obj, kind, version))

        self.texts[cls] = fn
        return fn

    def _text_generate(self, cls: type) -> Callable[[Any, str, int], str]:
        ns: dict[str, Any] = {}
        enc = self._name(ns, _encode_string)
        ordering = _ordering(cls)
        required, optional = self._text_fields(cls, "o", ns, None, ordering)
        required = [
            ("kind", f"{enc}(k)"),
            ("schema_version", f"{self._name(ns, int.__repr__)}(s)"),
            *required,
        ]
        lines = ["def tx(o, k, s):"]
        if ordering is not None:
            lines.append(f"  n = {ordering.keys}")
        lines.append(f"  t = {_text_entries(required)}")
        lines.extend(
            f"  if {test}: t += {_text_entry(', ', key, value)}" for test, key, value in optional
        )
        lines.append("  return t + '}'")
        exec(compile("\n".join(lines), f"<text {cls.__qualname__}>", "exec"), ns)
        generated: Callable[[Any, str, int], str] = ns["tx"]
        return generated

    def _text_fields(
        self, cls: type, x: str, ns: dict[str, Any], order: str | None, ordering: _Ordering | None
    ) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
        """The text of a model's fields, as :meth:`_fields` their data.

        ``(key, text)`` for each field without a default, ``(test, key, text)`` for each
        with one. ``order``: the name of the keys' order for the model's own mappings (the
        model is an item of a field its owner's hook orders: ``ordering``).
        """
        hints = type_hints(cls)
        required: list[tuple[str, str]] = []
        optional: list[tuple[str, str, str]] = []
        for f in attrs.fields(cls):
            attribute = f"{x}.{f.name}"
            tp = hints[f.name]
            if ordering is not None and f.name in ordering.fields:
                keys: str | None = "n"  # made first in the function
            else:
                keys = order if _mapping(tp) else None
            test = self._test(f, attribute, ns)
            if test == f"{attribute} is not None":  # written only when not None
                tp = _optional_of(tp) or tp
            value = self._text(tp, attribute, ns, keys)
            if test is None:
                required.append((f.name, value))
            else:
                optional.append((test, f.name, value))
        return required, optional

    def _text_inline(self, cls: type, x: str, ns: dict[str, Any], order: str | None) -> str | None:
        """An expression for the text of the model ``x``, or ``None``.

        ``None`` for a model with no field without a default, a hook, or inside itself.
        """
        fields = self._inlined_fields(cls, lambda: self._text_fields(cls, x, ns, order, None))
        if fields is None or not fields[0]:
            return None
        required, optional = fields
        parts = [_text_entries(required)]
        parts.extend(
            f"({_text_entry(', ', key, value)} if {test} else '')" for test, key, value in optional
        )
        return "(" + " + ".join([*parts, "'}'"]) + ")"

    def _text(self, tp: Any, x: str, ns: dict[str, Any], order: str | None) -> str:
        """An expression for the JSON text of the value ``x`` of type ``tp``.

        As ``write`` writes its data; ``order`` as for :meth:`_text_fields`.
        """
        if tp is str or (isinstance(tp, type) and issubclass(tp, CodedEnum)):
            return f"{self._name(ns, _encode_string)}({x})"
        if tp is int:
            write, int_text = self._name(ns, self._write), self._name(ns, int.__repr__)
            return f"({int_text}({x}) if type({x}) is int else {write}({x}))"  # bool: json's own
        if tp is datetime.date:  # digits and hyphens: nothing to escape
            return f"('\"' + {self._name(ns, datetime.date.isoformat)}({x}) + '\"')"
        inner = _optional_of(tp)
        if inner is not None:
            return f"('null' if {x} is None else {self._text(inner, x, ns, order)})"
        if isinstance(tp, type) and attrs.has(tp):
            inline = self._text_inline(tp, x, ns, order)
            if inline is not None:
                return inline
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = self._text(args[0], "e", ns, order)
            return f"('[' + ', '.join([{item} for e in {x}]) + ']')"
        data = self._value(tp, x, ns, ordered=True if order is None else order)
        return f"{self._name(ns, self._write)}({data})"

    def _document_function_merged(self, cls: type) -> Callable[[Any, str, int], dict[str, Any]]:
        fields_of = self._function(cls)

        def merged(obj: Any, kind: str, version: int) -> dict[str, Any]:
            return {"kind": kind, "schema_version": version, **fields_of(obj)}

        return merged

    def _value(self, tp: Any, x: str, ns: dict[str, Any], *, ordered: bool | str = True) -> str:
        """An expression unstructuring the value ``x`` (a name or an attribute) of type ``tp``.

        ``ordered``: ``True``, mappings with their keys sorted; a name, their keys in the
        order of the list of keys it names (:func:`_in_order`; a model's data that is not
        inlined: :func:`_fields_in_order`); ``False``, left in their own order (the mapping
        itself when its values need nothing, or a dict), to be ordered so after.
        """
        if tp in _IDENTITY or (isinstance(tp, type) and issubclass(tp, CodedEnum)):
            return x
        if tp is float:
            return x if self._float is None else f"{self._name(ns, self._float)}({x})"
        if tp is datetime.date:
            iso = f"{self._name(ns, datetime.date.isoformat)}({x})"
            if not self._native_dates:
                return iso
            # exactly a date: left to the writer, whose text is isoformat's (a datetime, say,
            # would be written with its time: isoformat of date writes the date alone)
            return f"({x} if type({x}) is {self._name(ns, datetime.date)} else {iso})"
        inner = _optional_of(tp)
        if inner is not None:
            value = self._value(inner, x, ns, ordered=ordered)
            return x if value == x else f"(None if {x} is None else {value})"
        if isinstance(tp, type) and attrs.has(tp):
            inline = self._inline(tp, x, ns, ordered)
            if inline is not None:
                return inline
            if isinstance(ordered, str):  # its mappings as they are, then ordered
                data = f"{self._name(ns, self._function(tp, False))}({x})"
                hints = type_hints(tp)
                mappings = tuple(f.name for f in attrs.fields(tp) if _mapping(hints[f.name]))
                fix = self._name(ns, _fields_in_order)
                return f"{fix}({data}, {ordered}, {mappings!r})"
            return f"{self._name(ns, self._function(tp, ordered))}({x})"
        if _union_of_models(tp):
            return f"{self._name(ns, self._by_runtime_type)}({x})"
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = self._value(args[0], "e", ns, ordered=ordered)
            return f"list({x})" if item == "e" else f"[{item} for e in {x}]"
        if isinstance(origin, type) and issubclass(origin, Mapping) and args[:1] == (str,):
            item = self._value(args[1], "m[k]", ns)
            if ordered is True:
                return f"{{k: {item} for m in ({x},) for k in sorted(m)}}"
            # in its own order: the mapping itself when its values need nothing
            if item != "m[k]":
                own = f"{{k: {item} for m in ({x},) for k in m}}"
                return own if ordered is False else f"{self._name(ns, _in_order)}({own}, {ordered})"
            if ordered is False:
                return x
            # _in_order(x, n), its common case inline (a call per conversation spared)
            copyable = self._name(ns, _COPYABLE)
            return (
                f"({x}.copy() if type({x}) in {copyable} and [*{x}] == {ordered}"
                f" else {self._name(ns, _in_order)}({x}, {ordered}))"
            )
        # anything else: the converter's own hook for this type
        return f"{self._name(ns, self._hook(tp))}({x})"


_encode_string: Callable[[str], str] = json.encoder.encode_basestring  # json's, not ASCII only


def _text_entry(separator: str, key: str, value: str) -> str:
    """An expression: ``separator``, the key's text and ``": "``, then the value's text."""
    return f"{separator + _encode_string(key) + ': '!r} + {value}"


def _text_entries(entries: list[tuple[str, str]]) -> str:
    """An expression: ``{`` and the entries, separated by ``", "`` (without the ``}``)."""
    return " + ".join(
        _text_entry("{" if i == 0 else ", ", key, value) for i, (key, value) in enumerate(entries)
    )


def _mapping(tp: Any) -> bool:
    origin = typing.get_origin(tp)
    return isinstance(origin, type) and issubclass(origin, Mapping)


def _identity(value: Any) -> Any:
    return value


def _mirrored(field: attrs.Attribute[Any]) -> bool:
    """Whether the generated code does for ``field`` what the converter does.

    Not for a field outside ``__init__``, a default made from the instance, or a
    converter that takes the instance (these the converter's own hook handles).
    """
    default: Any = field.default
    if not field.init or isinstance(field.converter, attrs.Converter):
        return False
    return not (isinstance(default, attrs.Factory) and default.takes_self)  # type: ignore[arg-type]
