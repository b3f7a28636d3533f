"""Writing models as JSON data: a generated unstructure function per model.

The same data as the strict converter's ``unstructure`` (cattrs, see
:mod:`laeringsnettverk.serialization._converter`), made faster: for each model a plain
Python function is generated (on first use, then cached) that reads the fields in the
model's order and builds the dict directly, as the converter's generated functions do
(fields without a default first, then each field with a default unless it equals that
default, compared with ``!=``; a default made by a factory is made again, through the
field's converter). Dates become ISO 8601 strings, sequences lists, mappings dicts with
their keys sorted, and a form's scores follow its activities' order (the converter's own
hook for the form); text, numbers, booleans and coded enums (``str`` subclasses: JSON writes
their codes) are kept as they are. A type without a rule here is unstructured by the
converter's own hook, and a model this module cannot mirror exactly (a field outside
``__init__``, a default that needs the instance) by the converter's hook for the model.

``float_hook``, when given, turns every float into what a writer other than :mod:`json`
needs to write it as :mod:`json` does (the accelerator: its number text); then a value the
converter's hooks would unstructure raises :class:`Unsupported` instead, since its floats
would not pass through the hook, and the caller writes the document on the pure path.
``tests/test_encode.py`` checks that the data equals the converter's for documents of every
kind.
"""

from __future__ import annotations

import datetime
import itertools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from laeringsnettverk._codes import CodedEnum

__all__ = ["Unsupported", "Unstructurer"]

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


def _scores_in_activity_order(form: Any, data: dict[str, Any]) -> dict[str, Any]:
    """A form's data with each conversation's scores in the form's activity order.

    As the converter's hook for the form: the scores of activities the form has come in
    the activities' order, any other keys after them, sorted. (The conversations' own
    functions leave the scores unsorted here: see :func:`_after_hook`.)
    """
    conversations = data.get("conversations")
    if conversations:
        names: list[str] | None = None
        for conversation in conversations:
            scores = conversation.get("scores")  # the model's mapping, as it is
            if scores is not None:
                if names is None:
                    names = [a.name for a in form.activities]
                ordered = {k: scores[k] for k in names if k in scores}
                if len(ordered) != len(scores):
                    ordered.update({k: scores[k] for k in sorted(scores) if k not in ordered})
                conversation["scores"] = ordered
    return data


_After = Callable[[Any, dict[str, Any]], dict[str, Any]]


def _after_hook(cls: type) -> tuple[_After | None, frozenset[str]]:
    """What the converter does to a model's data after its fields, and the fields it orders.

    The form's scores in its activity order; the mappings under the fields named are
    written unsorted (the hook orders them), sparing a sort.
    """
    from laeringsnettverk.toolkit._form import WhatMattersForm

    if cls is WhatMattersForm:
        return _scores_in_activity_order, frozenset({"conversations"})
    return None, frozenset()


# factories whose value, put through a field's converter, is made once for the comparison
# with the default (an empty builtin container: the same value every time)
_EMPTY_FACTORIES = (dict, list, tuple, set, frozenset)


class Unstructurer:
    """``unstructure(obj)``: a model object as plain JSON-ready data, as the converter makes it.

    ``detailed`` is the strict converter, or a function that makes it (called the first
    time a type has no rule here, so writing the library's documents never builds it).
    """

    def __init__(self, detailed: Any, float_hook: Callable[[Any], Any] | None = None) -> None:
        self._detailed_source = detailed
        self._detailed_converter: Any = None
        self._float = float_hook
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
        required, optional, after = self._fields(cls, "o", ns, ordered)
        if top:
            required = ["'kind': k", "'schema_version': s", *required]
        tail = f"  return {self._name(ns, after)}(o, res)" if after else "  return res"
        head = "def un(o, k, s):" if top else "def un(o):"
        source = "\n".join(
            [
                head,
                "  res = {" + ", ".join(required) + "}",
                *(f"  if {test}: res[{key!r}] = {value}" for test, key, value in optional),
                tail,
            ]
        )
        exec(compile(source, f"<unstructure {cls.__qualname__}>", "exec"), ns)
        generated: Callable[..., Any] = ns["un"]
        if not top:
            fns[cls] = generated
        return generated

    def _fields(
        self, cls: type, x: str, ns: dict[str, Any], ordered: bool
    ) -> tuple[list[str], list[tuple[str, str, str]], _After | None]:
        """The code for a model's fields, read from the object ``x``.

        The dict entries of the fields without a default; ``(test, key, value)`` for each
        field with one (written when the test holds: the value differs from the default);
        and the hook to run on the dict.
        """
        hints = typing.get_type_hints(cls)
        after, unordered = _after_hook(cls)
        required: list[str] = []
        optional: list[tuple[str, str, str]] = []
        for f in attrs.fields(cls):
            attribute = f"{x}.{f.name}"
            tp = hints[f.name]
            # unordered: this model's own mappings (not those of the models inside it)
            value = self._value(
                tp, attribute, ns, ordered=f.name not in unordered and (ordered or not _mapping(tp))
            )
            default = f.default
            if default is attrs.NOTHING:
                required.append(f"{f.name!r}: {value}")
                continue
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
                test = f"{attribute} is not None"
            elif not isinstance(default, attrs.Factory) and attrs.has(type(default)):  # type: ignore[arg-type]
                # a field left at its default holds the default object itself: no comparison
                test = f"{attribute} is not {made} and {attribute} != {made}"
            else:
                test = f"{attribute} != {made}"
            optional.append((test, f.name, value))
        return required, optional, after

    def _inline(self, cls: type, x: str, ns: dict[str, Any], ordered: bool) -> str | None:
        """An expression for the data of the model ``x``, when it is small enough to inline.

        A model with at most one field with a default, no hook, and not inside itself:
        the function call per object (a list of activities) is spared.
        """
        if cls in self._inlining or not all(_mirrored(f) for f in attrs.fields(cls)):
            return None
        self._inlining.add(cls)
        try:
            required, optional, after = self._fields(cls, x, ns, ordered)
        finally:
            self._inlining.discard(cls)
        if after is not None or len(optional) > 1:
            return None
        without = "{" + ", ".join(required) + "}"
        if not optional:
            return without
        (test, key, value), *_ = optional
        return f"({{{', '.join([*required, f'{key!r}: {value}'])}}} if {test} else {without})"

    def _document_function_merged(self, cls: type) -> Callable[[Any, str, int], dict[str, Any]]:
        fields_of = self._function(cls)

        def merged(obj: Any, kind: str, version: int) -> dict[str, Any]:
            return {"kind": kind, "schema_version": version, **fields_of(obj)}

        return merged

    def _value(self, tp: Any, x: str, ns: dict[str, Any], *, ordered: bool = True) -> str:
        """An expression unstructuring the value ``x`` (a name or an attribute) of type ``tp``.

        ``ordered``: mappings with their keys sorted; else left for a hook to order (the
        mapping itself when its values need nothing, or a dict in its own order).
        """
        if tp in _IDENTITY or (isinstance(tp, type) and issubclass(tp, CodedEnum)):
            return x
        if tp is float:
            return x if self._float is None else f"{self._name(ns, self._float)}({x})"
        if tp is datetime.date:
            return f"{self._name(ns, datetime.date.isoformat)}({x})"
        inner = _optional_of(tp)
        if inner is not None:
            value = self._value(inner, x, ns, ordered=ordered)
            return x if value == x else f"(None if {x} is None else {value})"
        if isinstance(tp, type) and attrs.has(tp):
            inline = self._inline(tp, x, ns, ordered)
            if inline is not None:
                return inline
            return f"{self._name(ns, self._function(tp, ordered))}({x})"
        if _union_of_models(tp):
            return f"{self._name(ns, self._by_runtime_type)}({x})"
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = self._value(args[0], "e", ns, ordered=ordered)
            return f"list({x})" if item == "e" else f"[{item} for e in {x}]"
        if isinstance(origin, type) and issubclass(origin, Mapping) and args[:1] == (str,):
            item = self._value(args[1], "m[k]", ns)
            if not ordered and item == "m[k]":
                return x  # the hook makes the dict, in its order
            keys = "sorted(m)" if ordered else "m"
            return f"{{k: {item} for m in ({x},) for k in {keys}}}"
        # anything else: the converter's own hook for this type
        return f"{self._name(ns, self._hook(tp))}({x})"


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
