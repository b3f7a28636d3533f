"""The reference JSON parser: strict, every failure the library's own error.

``json.loads`` with a hook that notes a key repeated in an object, and a check for lone
surrogates; text that is not UTF-8, nesting deeper than Python can parse and numbers of too
many digits become :class:`~laeringsnettverk.errors.ValidationError` s. The loaders' quick
path (``_json._quick``) parses without the hook and falls back to this parser for anything
it is not sure of, so errors always come from here.
"""

from __future__ import annotations

import functools
import json
import threading
from typing import Any

from laeringsnettverk._checks import LONE_SURROGATE, has_lone_surrogate
from laeringsnettverk._codegen import type_hints
from laeringsnettverk.errors import PathSegment, Problem, TypeName, ValidationError
from laeringsnettverk.kinds import KINDS

__all__ = [
    "NESTED_TOO_DEEPLY",
    "REPEATED_KEY",
    "TOO_MANY_DIGITS",
    "decode",
    "decode_all",
    "parse",
    "parse_all",
]

_BOM = "\ufeff"
NESTED_TOO_DEEPLY = "is nested too deeply to read"
REPEATED_KEY = "appears more than once in the object: keys must be unique"
TOO_MANY_DIGITS = "holds a number of too many digits to read"


def _may_hold_surrogates(text: str) -> bool:
    r"""Whether ``text`` may hold a lone surrogate once parsed (cheap; may say yes wrongly).

    A raw surrogate, or an escape ``\ud...`` (json.loads pairs a high one with a low one,
    or leaves it lone). Substring tests and an encoding: a regular expression would cost as
    much as the parse.
    """
    if "\\" in text and ("\\ud" in text or "\\uD" in text):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class _Repeated(dict[str, Any]):
    """A parsed JSON object in which some key appeared more than once."""

    __slots__ = ("repeated",)
    repeated: list[str]


# per thread: whether the parse under way met an object with a repeated key
_parsing = threading.local()


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        repeated = _Repeated(obj)
        seen: set[str] = set()
        repeated.repeated = []
        for key, _ in pairs:
            if key in seen:
                repeated.repeated.append(key)
            seen.add(key)
        _parsing.repeated = True
        return repeated
    return obj


_decode = json.JSONDecoder(object_pairs_hook=_pairs).decode


def decode(text: str) -> Any:
    """``json.loads`` refusing repeated keys and lone surrogates (as a ValidationError).

    ``json.JSONDecodeError``, ``RecursionError`` and ``ValueError`` (a number of too many
    digits) pass through.
    """
    data, refused = decode_all(text)
    if refused:
        raise ValidationError(refused, style="json")
    return data


def decode_all(text: str) -> tuple[Any, list[Problem]]:
    """:func:`decode`, returning the repeated keys and lone surrogates as problems."""
    _parsing.repeated = False
    data = _decode(text)
    if _parsing.repeated or _may_hold_surrogates(text):
        return data, _refused(data)
    return data, []


def parse(text: str | bytes) -> Any:
    """Parse JSON text strictly, every failure a :class:`ValidationError`.

    A key repeated in an object and text holding a lone surrogate are refused; so are
    text that is not UTF-8 (UTF-16, UTF-32), nesting deeper than Python can parse, and a
    number of more than 4300 digits. A leading byte order mark is ignored.
    """
    data, refused = parse_all(text)
    if refused:
        raise ValidationError(refused, style="json")
    return data


def parse_all(text: str | bytes) -> tuple[Any, list[Problem]]:
    """:func:`parse`, returning repeated keys and lone surrogates as problems, not raising.

    So a loader reports them together with the document's other problems.
    """
    what = type(text).__name__
    if isinstance(text, bytes):
        encoding = json.detect_encoding(text)
        try:
            text = text.decode(encoding)
        except UnicodeDecodeError as exc:
            name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
            raise _not_json(
                f"is not valid {name} (at byte {exc.start})", what, "encoding", encoding=name
            ) from None
    if text.startswith(_BOM):
        text = text[1:]
    try:
        return decode_all(text)
    except json.JSONDecodeError as exc:
        rule = f"is not valid JSON (at character {exc.pos})"
        raise _not_json(rule, what, "json_invalid") from None
    except RecursionError:
        raise _not_json(NESTED_TOO_DEEPLY, what, "too_deep") from None
    except ValueError:  # int() refuses more than sys.get_int_max_str_digits() digits
        raise _not_json(TOO_MANY_DIGITS, what, "too_many_digits") from None


def _not_json(rule: str, what: str, code: str, **ctx: str) -> ValidationError:
    return ValidationError.one((), rule, TypeName(what), code=code, ctx=ctx).as_json()


@functools.cache
def _vocabulary() -> frozenset[str]:
    """Every field name of every document kind: keys that are never free text."""
    import typing

    import attrs

    names = {"kind", "schema_version"}
    todo: list[Any] = [kind.model for kind in KINDS]
    seen: set[Any] = set()
    while todo:
        tp = todo.pop()
        if tp in seen:
            continue
        seen.add(tp)
        if isinstance(tp, type) and attrs.has(tp):
            names.update(f.name for f in attrs.fields(tp))
            todo.extend(type_hints(tp).values())
        else:
            todo.extend(typing.get_args(tp))
    return frozenset(names)


def _refused(data: Any) -> list[Problem]:
    """Repeated keys and lone surrogates anywhere in ``data``.

    A path names a key only when it is a field name; below a key that may be free text
    (an activity's name) the problem is reported at the enclosing object.
    """
    vocabulary = _vocabulary()
    problems: list[Problem] = []
    stack: list[tuple[Any, tuple[PathSegment, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if type(value) is list:
            stack.extend((v, (*path, i)) for i, v in enumerate(value))
        elif isinstance(value, dict):
            if type(value) is _Repeated:
                for key in dict.fromkeys(value.repeated):
                    problems.append(
                        Problem.of((*path, key), REPEATED_KEY, code="repeated_key")
                        if key in vocabulary
                        else Problem.of(path, "has a key that " + REPEATED_KEY, code="repeated_key")
                    )
            for key, v in value.items():
                named = key in vocabulary
                if type(key) is str and has_lone_surrogate(key):
                    problems.append(
                        Problem.of(path, "has a key that " + LONE_SURROGATE, code="lone_surrogate")
                    )
                if type(v) is list or isinstance(v, dict):
                    stack.append((v, (*path, key) if named else path))
                elif type(v) is str and has_lone_surrogate(v):
                    where = (*path, key) if named else path
                    problems.append(Problem.of(where, LONE_SURROGATE, code="lone_surrogate"))
        elif type(value) is str and has_lone_surrogate(value):
            problems.append(Problem.of(path, LONE_SURROGATE, code="lone_surrogate"))
    return sorted(set(problems), key=_order)


def _order(problem: Problem) -> tuple[str, str]:
    return (problem.json_path(), problem.rule)
