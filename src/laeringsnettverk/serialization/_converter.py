"""The one cattrs converter (imported on first use: cattrs costs ~90 ms to import)."""

from __future__ import annotations

import datetime
import enum
import functools
import math
import re
import types
import typing
from collections.abc import Mapping
from typing import Any

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, mapping_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from laeringsnettverk._codes import CodedEnum
from laeringsnettverk.errors import MAX_PROBLEMS, Key, PathSegment, Problem, ValidationError

__all__ = ["build_converter", "error_from"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _bad(rule: str, value: object, *, text: bool = False) -> ValidationError:
    return ValidationError([Problem.of((), rule, value, text=text)])


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _bad("must be a whole number (int)", value)
    return value


def _structure_float(value: object, _: type) -> float:
    if type(value) is float:
        if not math.isfinite(value):
            raise _bad("must be a finite number", value)
        return value
    if type(value) is int:
        return value  # kept as given: an integer stays an integer on the round trip
    raise _bad("must be a number", value)


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _bad("must be a string", value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _bad("must be true or false", value)
    return value


def _structure_date(value: object, _: type) -> datetime.date:
    if type(value) is not str or not _ISO_DATE.fullmatch(value):
        raise _bad("must be an ISO 8601 date string YYYY-MM-DD", value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise _bad("is not a real calendar date", value) from None


@functools.cache
def _enum_lookup(cls: type[enum.Enum]) -> tuple[dict[object, enum.Enum], str]:
    members = {m.value: m for m in cls}
    codes = ", ".join(repr(c) for c in members)
    return members, f"is not a known {cls.__name__} code; expected one of {codes}"


def _structure_coded(value: object, cls: type[enum.Enum]) -> enum.Enum:
    members, rule = _enum_lookup(cls)
    try:
        return members[value]
    except (KeyError, TypeError):
        raise _bad(rule, value) from None


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
            raise ValidationError([Problem.of((), f"must be a list, not {_json_type(value)}")])
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
        if type(value) is not dict:
            raise ValidationError([Problem.of((), f"must be an object, not {_json_type(value)}")])
        if not conv.detailed_validation:
            return inner(value, t)
        structure_key = conv.get_structure_hook(key_type)
        structure_value = conv.get_structure_hook(value_type)
        sink = _Sink()
        out = {}
        for k, v in value.items():
            try:
                out[structure_key(k, key_type)] = structure_value(v, value_type)
            except Exception as exc:  # as cattrs: every failure is reported
                _walk(exc, (Key(str(k)),), value_type, sink)
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
    conv.register_unstructure_hook(types.MappingProxyType, dict)
    return conv


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
            out.add(
                Problem.of(
                    (*path, key), f"is not a field of {exc.cl.__name__}: unknown keys are rejected"
                )
            )
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
        out.add(Problem.of(path, "is required"))
    else:
        out.add(Problem.of(path, f"must be {_describe(expected)}"))
