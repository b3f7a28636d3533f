"""The one cattrs converter (imported on first use: cattrs costs ~90 ms to import)."""

from __future__ import annotations

import contextlib
import datetime
import enum
import functools
import math
import re
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, mapping_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from laeringsnettverk._codegen import type_hints
from laeringsnettverk._codes import CodedEnum
from laeringsnettverk.errors import (
    MAX_PROBLEMS,
    JsonScalar,
    Key,
    PathSegment,
    Position,
    Problem,
    ValidationError,
)

__all__ = ["build_converter", "error_from", "structure_all"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


_NO_VALUE: Any = ...


def _bad(
    rule: str, value: object = _NO_VALUE, *, code: str, ctx: dict[str, JsonScalar] | None = None
) -> ValidationError:
    if value is _NO_VALUE:
        return ValidationError([Problem.of((), rule, code=code, ctx=ctx)])
    return ValidationError([Problem.of((), rule, value, code=code, ctx=ctx)])


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _bad("must be a whole number (int)", value, code="int_type")
    return value


def _structure_float(value: object, _: type) -> float:
    if type(value) is float:
        if not math.isfinite(value):
            raise _bad("must be a finite number", value, code="finite_number")
        return value
    if type(value) is int:
        return value  # kept as given: an integer stays an integer on the round trip
    raise _bad("must be a number", value, code="number_type")


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        # a list or an object is not shown: the field may be free text, given in one
        scalar = value is None or isinstance(value, int | float)
        raise _bad("must be text (str)", value if scalar else _NO_VALUE, code="string_type")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _bad("must be true or false", value, code="bool_type")
    return value


def _structure_date(value: object, _: type) -> datetime.date:
    if type(value) is not str or not _ISO_DATE.fullmatch(value):
        raise _bad("must be an ISO 8601 date string YYYY-MM-DD", value, code="date_format")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise _bad("is not a real calendar date", value, code="date_invalid") from None


@functools.cache
def _enum_lookup(cls: type[enum.Enum]) -> tuple[dict[object, enum.Enum], str, str]:
    members = {m.value: m for m in cls}
    codes = ", ".join(repr(c) for c in members)
    return members, f"is not a known {cls.__name__} code; expected one of {codes}", codes


def _structure_coded(value: object, cls: type[enum.Enum]) -> enum.Enum:
    members, rule, codes = _enum_lookup(cls)
    try:
        return members[value]
    except (KeyError, TypeError):
        ctx: dict[str, JsonScalar] = {"enum": cls.__name__, "expected": codes}
        raise _bad(rule, value, code="enum", ctx=ctx) from None


def _json_type(value: object) -> str:
    """The JSON type of a parsed value, with its article (for messages)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return f"a {type(value).__name__}"


def _is_homogeneous_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _list_only_tuple(t: Any, conv: cattrs.Converter) -> Any:
    """Structure ``tuple[X, ...]`` from a JSON list only.

    cattrs alone would take any iterable (a string's characters, an object's keys) and
    build a wrong value silently. With detailed validation, the problems of the elements
    are collected as cattrs does, but at most ``MAX_PROBLEMS`` are kept (the rest counted).
    """
    inner = homogenous_tuple_structure_factory(t, conv)
    elem = typing.get_args(t)[0]

    def structure(value: object, _: type) -> Any:
        if type(value) is not list and type(value) is not tuple:
            raise _bad(f"must be a list, not {_json_type(value)}", code="list_type")
        if not conv.detailed_validation:
            return inner(value, t)
        handler = conv.get_structure_hook(elem)
        sink = _Sink()
        out = []
        for i, item in enumerate(value):
            try:
                out.append(handler(item, elem))
            except Exception as exc:  # as cattrs: every failure is reported
                _walk(exc, (i,), elem, sink)
        sink.raise_any()
        return tuple(out)

    return structure


def _is_mapping_type(t: Any) -> bool:
    origin = typing.get_origin(t)
    return isinstance(origin, type) and issubclass(origin, Mapping)


def _object_only_mapping(t: Any, conv: cattrs.Converter) -> Any:
    """``Mapping[K, V]`` from a JSON object only."""
    inner = mapping_structure_factory(t, conv)
    key_type, value_type = typing.get_args(t)

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, dict):
            raise _bad(f"must be an object, not {_json_type(value)}", code="object_type")
        if not conv.detailed_validation:
            return inner(value, t)
        structure_key = conv.get_structure_hook(key_type)
        structure_value = conv.get_structure_hook(value_type)
        sink = _Sink()
        out = {}
        for index, (k, v) in enumerate(value.items()):
            try:
                out[structure_key(k, key_type)] = structure_value(v, value_type)
            except Exception as exc:  # as cattrs: every failure is reported
                # a key may be free text (an activity's name): addressed by its position
                _walk(exc, (Position(index),), value_type, sink)
        sink.raise_any()
        return out

    return structure


def build_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """A new strict converter: see :func:`laeringsnettverk.serialization.make_converter`."""
    conv = cattrs.Converter(
        omit_if_default=True,
        forbid_extra_keys=True,
        detailed_validation=detailed_validation,
    )
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(datetime.date, _structure_date)
    # Class hooks dispatch on the most specific base: CodedEnum beats the str hook above.
    conv.register_structure_hook(CodedEnum, _structure_coded)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _list_only_tuple)
    conv.register_structure_hook_factory(_is_mapping_type, _object_only_mapping)
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    # mappings in a canonical order (equal objects give the same bytes), whatever order the
    # keys were given in: sorted by key, and a form's scores in the form's activity order
    sorted_mapping = functools.partial(_sorted_mapping, conv)
    conv.register_unstructure_hook(types.MappingProxyType, sorted_mapping)
    conv.register_unstructure_hook_factory(_is_mapping_type, lambda _: sorted_mapping)
    from laeringsnettverk.toolkit._form import WhatMattersForm

    form_fields = conv.get_unstructure_hook(WhatMattersForm)

    def unstructure_form(form: WhatMattersForm) -> dict[str, Any]:
        data: dict[str, Any] = form_fields(form)
        order = {name: i for i, name in enumerate(form.activity_names)}
        for conversation in data.get("conversations", ()):
            scores = conversation.get("scores")
            if scores:
                last = len(order)
                ordered = sorted(scores, key=lambda k: order.get(k, last))
                conversation["scores"] = {k: scores[k] for k in ordered}
        return data

    conv.register_unstructure_hook(WhatMattersForm, unstructure_form)
    return conv


def _sorted_mapping(conv: cattrs.Converter, mapping: Mapping[Any, Any]) -> dict[Any, Any]:
    """A mapping as plain data, its keys in sorted order."""
    return {conv.unstructure(k): conv.unstructure(mapping[k]) for k in sorted(mapping)}


def _describe(t: Any) -> str:
    origin = typing.get_origin(t)
    if t in (int, float, str, bool):
        return {int: "a whole number", float: "a number", str: "a string", bool: "true or false"}[t]
    if origin in (tuple, list) or t in (tuple, list):
        return "a list"
    if origin in (dict, Mapping) or (isinstance(origin, type) and issubclass(origin, Mapping)):
        return "an object"
    if isinstance(t, type) and hasattr(t, "__attrs_attrs__"):
        return f"an object ({t.__name__})"
    return f"a {getattr(t, '__name__', str(t))}"


class _Sink:
    """Collects problems, keeping at most ``MAX_PROBLEMS`` and counting the rest."""

    __slots__ = ("omitted", "problems")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.omitted = 0

    def add(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.omitted += 1

    def raise_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems, omitted=self.omitted)


def error_from(exc: BaseException, expected: Any = None) -> ValidationError:
    """What cattrs raised as one ValidationError, each problem with its JSON path.

    At most ``MAX_PROBLEMS`` problems are kept; the rest are counted in ``omitted``.
    """
    sink = _Sink()
    _walk(exc, (), expected, sink)
    return ValidationError(sink.problems, style="json", omitted=sink.omitted)


def _count(exc: BaseException) -> int:
    """How many problems :func:`_walk` would find in ``exc`` (none built: the sink is full)."""
    if isinstance(exc, ValidationError):
        return exc.count
    if isinstance(exc, ForbiddenExtraKeysError):
        return len(exc.extra_fields)
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        return sum(_count(sub) for sub in exc.exceptions)
    return 1


def _walk(exc: BaseException, path: tuple[PathSegment, ...], expected: Any, out: _Sink) -> None:
    if len(out.problems) >= MAX_PROBLEMS:
        out.omitted += _count(exc)
    elif isinstance(exc, ValidationError):
        for p in exc.problems:
            out.add(p.prefixed(path))
        out.omitted += exc.omitted
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            out.add(_extra(path, key, exc.cl))
    elif isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            _walk(sub, (*path, note.name), note.type, out)
        for sub in without:
            _walk(sub, path, exc.cl, out)
    elif isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        for sub, item in items:
            index: object = item.index
            seg: PathSegment = index if isinstance(index, int) else Key(str(index))
            _walk(sub, (*path, seg), item.type, out)
        for sub in rest:
            _walk(sub, path, expected, out)
    elif isinstance(exc, KeyError):
        out.add(Problem.of(path, "is required", code="missing"))
    else:
        out.add(_wrong_type(path, expected))


def _extra(path: tuple[PathSegment, ...], key: str, cls: type) -> Problem:
    return Problem.of(
        (*path, key),
        f"is not a field of {cls.__name__}: unknown keys are rejected",
        code="extra_forbidden",
        ctx={"model": cls.__name__},
    )


_TYPE_CODES = {
    "a whole number": "int_type",
    "a number": "number_type",
    "a string": "string_type",
    "true or false": "bool_type",
    "a list": "list_type",
}


def _wrong_type(path: tuple[PathSegment, ...], expected: Any) -> Problem:
    described = _describe(expected)
    code = _TYPE_CODES.get(described, "value_error")
    if described.startswith("an object"):
        code = "object_type"
    return Problem.of(path, f"must be {described}", code=code)


# -- every problem in one pass -----------------------------------------------------------------


def structure_all(conv: cattrs.Converter, data: object, cls: type) -> Any:
    """Structure ``data`` as ``cls`` and report every problem of it at once.

    cattrs stops at the first failing object: when a conversation's scores include ``5.5``,
    the form is never built, so its own checks (a score of 11 above the scale) never run.
    Here each model's fields are structured one by one with the converter's hooks, and
    unknown keys are collected with them. A model whose fields have the right shape but
    hold a bad value deeper down (a list or a mapping with a bad item) is still checked,
    best effort: an object is made without its checks (``object.__new__``), the bad items
    kept as given, and its ``__attrs_post_init__`` runs; its problems are added unless they
    lie at or under a path already reported. A model with a field of the wrong shape (a
    leaf value of the wrong type, a missing field, a list where an object belongs) is not
    checked, nor is a model that holds it directly (not through a list or a mapping), since
    its rules would be judged against a stand-in; nor is a model whose check meets a value
    it cannot handle (it raises something other than ValidationError). These are the
    limits of "every problem in one pass", documented in the guarantees.

    Raises:
        ValidationError: every problem (at most ``MAX_PROBLEMS``, the rest counted), with
            JSON paths.
    """
    collector = _Collector(conv)
    _, obj = collector.value(data, cls, ())
    sink = collector.sink
    if sink.problems:
        raise ValidationError(sink.problems, style="json", omitted=sink.omitted)
    return obj


@functools.cache
def _shape(tp: Any) -> tuple[str, Any]:
    """How the collector structures a type, and the type inside it.

    As a model, a sequence, a mapping, an optional value of one type, or with the
    converter's hook (a leaf).
    """
    if isinstance(tp, type) and attrs.has(tp):
        return "model", None
    if _is_homogeneous_tuple(tp):
        return "sequence", typing.get_args(tp)[0]
    if _is_mapping_type(tp):
        return "mapping", None
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        other = [a for a in args if a is not type(None)]
        return "optional", other[0] if len(other) == 1 else typing.Union[tuple(other)]  # noqa: UP007
    return "leaf", None


@functools.cache
def _fields_of(cls: type) -> tuple[tuple[tuple[str, str, Any, bool], ...], frozenset[str]]:
    """A model's ``__init__`` fields as ``(name, alias, type, required)``, and their names."""
    hints = type_hints(cls)
    fields = tuple(
        (f.name, f.alias, hints[f.name], f.default is attrs.NOTHING)
        for f in attrs.fields(cls)
        if f.init
    )
    return fields, frozenset(name for name, *_ in fields)


_OK, _SHAPED, _BAD = 0, 1, 2
"""How a value structured: fully; of the right shape with a bad item deeper down; badly."""


class _Collector:
    """Structures a value by its type, recording every problem in ``sink``."""

    def __init__(self, conv: cattrs.Converter) -> None:
        self.conv = conv
        self.sink = _Sink()
        self.hooks: dict[Any, Any] = {}

    def value(self, value: object, tp: Any, path: tuple[PathSegment, ...]) -> tuple[int, Any]:
        """``(_OK, structured)``, or ``(_SHAPED or _BAD, a stand-in)`` with problems recorded."""
        shape, inner = _shape(tp)
        if shape == "model":
            return self.model(value, tp, path)
        if shape == "sequence":
            return self.sequence(value, inner, path)
        if shape == "mapping":
            return self.mapping(value, tp, path)
        if shape == "optional":
            if value is None:
                return _OK, None
            return self.value(value, inner, path)
        try:
            hook = self.hooks.get(tp)
            if hook is None:  # may raise: a type the converter has no hook for
                hook = self.hooks[tp] = self.conv.get_structure_hook(tp)
            return _OK, hook(value, tp)
        except Exception as exc:  # as cattrs: every failure is reported
            _walk(exc, path, tp, self.sink)
            return _BAD, value

    def sequence(self, value: object, elem: Any, path: tuple[PathSegment, ...]) -> tuple[int, Any]:
        if type(value) is not list and type(value) is not tuple:
            self.sink.add(
                Problem.of(path, f"must be a list, not {_json_type(value)}", code="list_type")
            )
            return _BAD, value
        status = _OK
        out = []
        for i, item in enumerate(value):
            good, v = self.value(item, elem, (*path, i))
            status = max(status, min(good, _SHAPED))  # a bad item: the list keeps its shape
            out.append(v)
        return status, tuple(out)

    def mapping(self, value: object, tp: Any, path: tuple[PathSegment, ...]) -> tuple[int, Any]:
        if not isinstance(value, dict):
            self.sink.add(
                Problem.of(path, f"must be an object, not {_json_type(value)}", code="object_type")
            )
            return _BAD, value
        key_type, value_type = typing.get_args(tp)
        status = _OK
        out = {}
        for index, (k, v) in enumerate(value.items()):
            # a key may be free text (an activity's name): addressed by its position
            where = (*path, Position(index))
            good_key, key = self.value(k, key_type, where)
            good, item = self.value(v, value_type, where)
            status = max(status, min(max(good_key, good), _SHAPED))
            out[key] = item
        return status, out

    def model(self, value: object, cls: type, path: tuple[PathSegment, ...]) -> tuple[int, Any]:
        sink = self.sink
        if not isinstance(value, dict):
            sink.add(Problem.of(path, f"must be {_describe(cls)}", code="object_type"))
            return _BAD, value
        start = len(sink.problems)
        fields, names = _fields_of(cls)
        status = _OK
        kwargs: dict[str, Any] = {}
        for name, alias, hint, required in fields:
            if name in value:
                good, kwargs[alias] = self.value(value[name], hint, (*path, name))
                status = max(status, good)
            elif required:
                sink.add(Problem.of((*path, name), "is required", code="missing"))
                kwargs[alias] = None
                status = _BAD
        extra = sorted(k for k in value if k not in names)
        for key in extra:
            sink.add(_extra(path, key, cls))
        if status == _BAD:
            if len(sink.problems) >= MAX_PROBLEMS:
                return _BAD, value  # no check runs any more: no stand-in needed
            return _BAD, _unchecked(cls, kwargs)
        if status == _OK:
            try:
                return (_SHAPED if extra else _OK), cls(**kwargs)
            except ValidationError as exc:
                for p in exc.problems:
                    sink.add(p.prefixed(path))
                sink.omitted += exc.omitted
            except Exception:  # a model raising something else: reported, never raised
                sink.add(Problem.of(path, f"must be {_describe(cls)}", code="object_type"))
                return _BAD, value
            return _BAD, _unchecked(cls, kwargs)
        obj = _unchecked(cls, kwargs)
        # the full checks when the model has them apart from its quick pass (the library's
        # models do: ``_full_check``), so that a quick pass never meets a stand-in's value
        check = getattr(cls, "_full_check", None) or getattr(cls, "__attrs_post_init__", None)
        if check is not None and len(sink.problems) < MAX_PROBLEMS:
            reported = [p.path for p in sink.problems[start:]]
            try:
                check(obj)
            except ValidationError as exc:
                for p in exc.problems:
                    where = (*path, *p.path)
                    if not any(where[: len(r)] == r for r in reported):
                        sink.add(p.prefixed(path))
            except Exception:  # best effort: a check that met a value of the wrong type
                pass
        return _SHAPED, obj


def _unchecked(cls: type, kwargs: dict[str, Any]) -> Any:
    """An object of ``cls`` made from ``kwargs`` without its checks (for a best-effort check).

    Field converters and default factories run where they can (a list becomes a tuple);
    where they fail, the value is kept as given, or ``None``.
    """
    obj: Any = object.__new__(cls)
    for f in attrs.fields(cls):
        if f.init and f.alias in kwargs:
            v = kwargs[f.alias]
            if f.converter is not None:
                with contextlib.suppress(Exception):  # kept as given
                    v = f.converter(v)
        elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            factory = typing.cast(Any, f.default)
            v = None  # if the factory fails on the stand-in
            with contextlib.suppress(Exception):
                v = factory.factory(obj) if factory.takes_self else factory.factory()
        elif f.default is not attrs.NOTHING:
            v = f.default
        else:
            v = None
        object.__setattr__(obj, f.name, v)
    return obj
