"""Versioned JSON documents: ``kind`` + ``schema_version`` + the model's fields."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, TypeVar, overload

from laeringsnettverk._checks import Checker, check_unicode
from laeringsnettverk.errors import Problem, TypeName, ValidationError
from laeringsnettverk.kinds import _BY_CODE, KINDS
from laeringsnettverk.kinds import DOCUMENT_KINDS as _DOCUMENT_KINDS
from laeringsnettverk.kinds import kind_of as _kind_of
from laeringsnettverk.serialization import _accel
from laeringsnettverk.serialization._parse import (
    _BOM,
    _may_hold_surrogates,
    _refused,
    parse_all,
)

if TYPE_CHECKING:
    import cattrs

    from laeringsnettverk.serialization._encode import Unstructurer
    from laeringsnettverk.serialization._fast import FastStructurer
    from laeringsnettverk.serialization._typed import TypedRoute

__all__ = [
    "DOCUMENT_KINDS",
    "dump",
    "dumps",
    "from_dict",
    "kind_of",
    "load",
    "loads",
    "make_converter",
    "register_migration",
    "schema_version",
    "to_dict",
]

T = TypeVar("T")

SCHEMA_VERSION = 1
"""The schema version of every document kind in this release (see :func:`schema_version`)."""


@functools.cache
def _kinds() -> dict[str, type]:
    """Every kind's model, by code (imports every model: for schemas, not for loading)."""
    return {k.code: k.model for k in KINDS}


DOCUMENT_KINDS: tuple[str, ...] = _DOCUMENT_KINDS
"""The document kinds that :func:`loads` reads and :func:`dumps` writes (from
:data:`laeringsnettverk.kinds.KINDS`)."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""A function turning a document's fields (without ``kind`` and ``schema_version``) of one
schema version into the fields of the next."""

# kind -> {old version: function turning a document of that version into the next}
_MIGRATIONS: dict[str, dict[int, Migration]] = {}


def schema_version(kind: str) -> int:
    """The schema version of ``kind`` that this library writes and reads without migrating.

    :data:`SCHEMA_VERSION`, raised by one for each migration registered for the kind.

    Raises:
        ValidationError: ``kind`` is not a document kind.
    """
    if kind not in DOCUMENT_KINDS:
        raise ValidationError.one(
            ("kind",), _UNKNOWN_KIND, kind, code="kind", ctx={"expected": _KINDS_LISTED}
        )
    return SCHEMA_VERSION + len(_MIGRATIONS.get(kind, ()))


def register_migration(kind: str, from_version: int, migrate: Migration) -> None:
    """Teach the loader to read version ``from_version`` of ``kind`` by migrating it.

    ``migrate`` takes the fields of a document of ``from_version`` (a new dict, without
    ``kind`` and ``schema_version``) and returns the fields of ``from_version + 1``, the
    kind's new current version (see :func:`schema_version`). Migrations chain: a document
    several versions old passes through each in turn. ``from_version`` must be the kind's
    current version, so the chain has no gap; a registration holds for the process. A
    migration that raises :class:`ValidationError` reports the document's problems; one that
    raises anything else, or returns something other than a dict, is reported as a problem
    at ``schema_version``. See the versioning policy (``docs/explanation/versioning.md``).

    Raises:
        ValidationError: ``kind`` is not a document kind, ``from_version`` is not its
            current version, or ``migrate`` is not callable.
    """
    current = schema_version(kind)
    c = Checker()
    if type(from_version) is not int or from_version != current:
        c.add(
            ("from_version",),
            f"must be the kind's current schema version {current}",
            from_version,
            code="schema_version",
            ctx={"supported": f"{current}"},
        )
    if not callable(migrate):
        c.add(("migrate",), "must be a function (callable)", TypeName(type(migrate).__name__))
    c.done()
    _MIGRATIONS.setdefault(kind, {})[from_version] = migrate


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """A new strict ``cattrs`` converter for the library's models.

    Dates are ISO 8601 strings, coded enums their codes, sequences lists (tuples in
    Python); ints, floats, strings and bools are checked, never coerced (``"5"``,
    ``5.5`` and ``true`` are not scores); unknown keys are rejected; fields at their
    default are left out. Errors from :func:`from_dict` are :class:`ValidationError`.
    """
    from laeringsnettverk.serialization._converter import build_converter

    return build_converter(detailed_validation=detailed_validation)


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


@functools.cache
def _fast(read: bool = False) -> FastStructurer:
    """The fast path's functions; ``read``: for data :func:`_quick`'s strict reading made."""
    from laeringsnettverk.serialization._fast import FastStructurer

    return FastStructurer(_converter, envelope=("kind", "schema_version"), read=read)


@functools.cache
def _unstructurer() -> Unstructurer:
    from laeringsnettverk.serialization._encode import Unstructurer

    return Unstructurer(_converter, write=_write)


def _accelerated_unstructurer(acc: _accel.Accelerator) -> Unstructurer:
    """The accelerator's unstructurer, kept on the accelerator it was made for.

    Its floats and dates are written by msgspec as json writes them.
    """
    if acc.unstructurer is not None:
        return acc.unstructurer
    from laeringsnettverk.serialization._encode import Unstructurer

    acc.unstructurer = Unstructurer(_converter, float_hook=acc.float_hook(), native_dates=True)
    return acc.unstructurer


_KIND_BY_TYPE: dict[type, str] = {}
_STATE = _accel.STATE


def kind_of(obj: object) -> str:
    """The document kind of a model object (``"form"`` for a WhatMattersForm, …)."""
    code = _KIND_BY_TYPE.get(type(obj))
    if code is not None:
        return code
    kind = _kind_of(obj)
    if kind is not None:
        _KIND_BY_TYPE[type(obj)] = kind.code
        return kind.code
    raise ValidationError.one(
        (),
        "is not a document kind; expected one of " + ", ".join(DOCUMENT_KINDS),
        TypeName(type(obj).__name__),
        code="model_type",
        ctx={"expected": ", ".join(DOCUMENT_KINDS)},
    )


def to_dict(obj: object) -> dict[str, Any]:
    """A model object as plain JSON-ready data (no envelope)."""
    data: dict[str, Any] = _unstructurer().unstructure(obj)
    return data


def from_dict(data: object, cls: type[T]) -> T:
    """Build a model of type ``cls`` from plain data, strictly (no envelope).

    Raises:
        ValidationError: every problem, each with its JSON path, value and rule.
    """
    if not isinstance(data, dict):
        raise ValidationError.one(
            (),
            f"must be an object ({cls.__name__})",
            TypeName(type(data).__name__),
            code="object_type",
        ).as_json()
    return _structured(data, cls, _refused(data))


def _structured(data: dict[str, Any], cls: type[T], refused: list[Problem]) -> T:
    """The model from checked data, every problem reported (with ``refused``, from parsing)."""
    from laeringsnettverk.serialization._converter import structure_all

    try:
        obj: T = structure_all(_converter(), data, cls)
    except ValidationError as exc:
        found = set(refused)
        problems = [*refused, *(p for p in exc.problems if p not in found)]
        raise ValidationError(problems, style="json", omitted=exc.omitted) from None
    if refused:
        raise ValidationError(refused, style="json")
    return obj


def _writer(item_separator: str, key_separator: str) -> Callable[[Any], str]:
    """:func:`json.dumps` on one line (``ensure_ascii=False, allow_nan=False``), made once.

    json's C encoder, called directly: ``json.dumps`` makes a new encoder for every call.
    Without the circular-reference check: the data of a model holds no cycle.
    """
    separators = (item_separator, key_separator)
    encoder = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=separators)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - CPython builds json's C accelerator
        return encoder.encode
    encode = make(
        None,
        encoder.default,
        json.encoder.encode_basestring,
        None,
        key_separator,
        item_separator,
        False,  # sort_keys
        False,  # skipkeys
        False,  # allow_nan
    )

    def write(data: Any) -> str:
        return "".join(encode(data, 0))

    return write


_write = _writer(", ", ": ")
_compact = _writer(",", ":")


def _checked(text: str, obj: object) -> str:
    """``text`` when UTF-8 can write it; else the lone surrogates of ``obj`` are reported."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        check_unicode(obj)
    return text


def dumps(obj: object, *, indent: int | None = 2) -> str:
    """A model object as a versioned JSON document (``kind``, ``schema_version``, fields).

    Output is deterministic: fields in the model's order, integers kept as integers,
    dates ISO 8601, Norwegian letters unescaped (UTF-8).

    Raises:
        ValidationError: for text holding a lone surrogate, which UTF-8 cannot write.
    """
    kind = _KIND_BY_TYPE.get(type(obj)) or kind_of(obj)
    version = SCHEMA_VERSION + len(_MIGRATIONS.get(kind, ()))  # schema_version(kind)
    acc = _STATE.active if _STATE.countdown < 0 else _accel.get()
    if acc is not None and (indent is None or (type(indent) is int and indent > 0)):
        try:
            fast = acc.unstructurer or _accelerated_unstructurer(acc)
            fn = fast.documents.get(type(obj)) or fast.document_function(type(obj))
            if indent is None:  # Accelerator.dumps, without its call
                return acc.format(acc.encode(fn(obj, kind, version)), indent=0).decode()
            return acc.dumps(fn(obj, kind, version), indent)
        except Exception:  # the pure path writes it, or raises what is wrong
            pass
    un = _unstructurer()
    if indent is None:
        try:  # the text built from the fields: the data's text, without the data
            text = (un.texts.get(type(obj)) or un.text_function(type(obj)))(obj, kind, version)
        except Exception:  # a value not of its type: the data's text, or what is wrong
            text = _write(un.document(obj, kind, version))
    else:
        data = (un.documents.get(type(obj)) or un.document_function(type(obj)))(obj, kind, version)
        text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    return text if text.isascii() else _checked(text, obj)


def document_line(obj: object) -> str:
    """A model object as one compact versioned document (no line break); as :func:`dumps`."""
    kind = _KIND_BY_TYPE.get(type(obj)) or kind_of(obj)
    version = SCHEMA_VERSION + len(_MIGRATIONS.get(kind, ()))  # schema_version(kind)
    acc = _STATE.active if _STATE.countdown < 0 else _accel.get()
    if acc is not None:
        try:
            return acc.encode(_accelerated_unstructurer(acc).document(obj, kind, version)).decode()
        except Exception:  # the pure path writes it, or raises what is wrong
            pass
    text = _compact(_unstructurer().document(obj, kind, version))
    return text if text.isascii() else _checked(text, obj)


def dump(obj: object, fp: IO[str], *, indent: int | None = 2) -> None:
    """Write a model object to a text file as a versioned JSON document."""
    fp.write(dumps(obj, indent=indent))
    fp.write("\n")


@overload
def loads(text: str | bytes) -> object: ...
@overload
def loads(text: str | bytes, cls: type[T]) -> T: ...
def loads(text: str | bytes, cls: type[Any] | None = None) -> Any:
    """Read a versioned JSON document; its ``kind`` says which model it is.

    Give ``cls`` to require a kind (and get a precisely typed result). Older schema
    versions are migrated. ``bytes`` are UTF-8 (or UTF-16 or UTF-32, told apart as
    :func:`json.loads` does); a leading byte order mark is ignored, in ``str`` and
    ``bytes`` alike (Windows tools write one).

    Raises:
        ValidationError: for malformed JSON (text that is not UTF-8, nested too deeply, a
            number too long to read), a key that appears twice in one object, text with a
            lone surrogate, an unknown kind or version, or bad fields.
    """
    obj = _quick(text, cls)
    if obj is not None:
        return obj
    data, refused = parse_all(text)
    return checked_document(data, cls, refused)


# each kind's model and its fast function (for what _quick read), by code, once looked up
_MODELS: dict[str, tuple[type, Callable[[Any, list[int]], Any]]] = {}
_scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_JSON_WHITESPACE = " \t\n\r"


def _quick(text: object, cls: type[Any] | None, bom: bool = True) -> Any:
    r"""The model, when ``text`` is a valid document of the current version; else ``None``.

    A leading byte order mark is ignored (refused without ``bom``: a later JSON line's).

    The valid common case, with nothing to report: parsed without a hook (by json's C
    scanner, or the accelerator), checked by the fast path, the model built. ``None`` on
    anything else, and the reference path (:func:`parse_all`, :func:`checked_document`)
    reads the text again and reports every problem.

    A key repeated in an object is found without a parser hook: in JSON text each member
    of an object has one colon, and the other colons stand inside strings. The fast path
    counts the members of the objects it reads (``M``); the text's colons are
    ``C = P + R``, with ``P`` the members written and ``R`` the colons inside string
    literals. A repeated key leaves fewer members parsed than written, so ``M < P`` and
    ``M < C``: ``M == C`` proves there is none (and no colon inside a string). When
    ``M < C``, the colons inside the parsed strings (``S``) are counted too: with no colon
    written as an escape (``\u003a``), ``S <= R``, equal when no member was dropped, so
    ``M + S == C`` proves there is none; a repeated key drops a member and its strings,
    and ``M + S < C``.
    """
    acc = _STATE.active if _STATE.countdown < 0 else _accel.get()
    typed = acc is not None and acc.typed.decode is not None  # the typed route still to try
    if acc is not None and typed and type(text) is bytes:
        # msgspec reads UTF-8 itself, strictly (no lone surrogate, raw or escaped)
        obj = _typed_quick(acc.typed, text, cls)
        if obj is not None:
            return obj
        typed = False
    if type(text) is bytes:
        try:
            text = text.decode()  # UTF-8, strict: a lone surrogate cannot come out of it
        except UnicodeDecodeError:
            return None
        # a backslash first: one character, found by memchr
        if "\\" in text and ("\\ud" in text or "\\uD" in text):
            return None
    elif type(text) is not str or _may_hold_surrogates(text):
        return None
    if text[:1] == _BOM:  # cheaper than startswith's call
        if not bom:
            return None
        text = text[1:]
    try:
        if acc is not None:
            if typed:
                obj = _typed_quick(acc.typed, text, cls)
                if obj is not None:
                    return obj
            data = acc.decode(text)
        else:
            data, end = _scan(text, 0)
            if end != len(text) and text[end:].strip(_JSON_WHITESPACE):
                return None  # more than whitespace after the document: not JSON
    except Exception:  # not JSON, or not as json reads it: the reference path says
        return None
    if type(data) is not dict:
        return None
    kind: Any = data.get("kind")
    if type(kind) is not str:
        return None
    entry = _MODELS.get(kind)
    if entry is None:
        known = _BY_CODE.get(kind)
        if known is None:
            return None
        model = known.model  # imports that kind's model only
        # the data is the strict reading's own (Unicode text, new containers): see above
        entry = _MODELS[kind] = (model, _fast(True).counting(model))
    target, fast = entry
    version = data.get("schema_version")
    if (
        (cls is not None and target is not cls)
        or type(version) is not int
        or version != SCHEMA_VERSION + len(_MIGRATIONS.get(kind, ()))
    ):
        return None
    count = [0]
    try:
        obj = fast(data, count)
    except Exception:  # any failure: the reference path says what is wrong
        return None
    members = count[0]
    colons = text.count(":")
    if members != colons and (
        "u003a" in text or "u003A" in text or members + _string_colons(data) != colons
    ):
        return None  # perhaps a repeated key: the reference path finds it
    if acc is not None:
        acc.typed.learn(kind, target)  # the typed route takes this kind from now on
    return obj


def _typed_quick(typed: TypedRoute, text: str | bytes, cls: type[Any] | None) -> Any:
    """The model by the accelerator's typed route (:mod:`._typed`); ``None``: not taken.

    The same tests as :func:`_quick` on the dict route: the kind required, the current
    schema version, and no key repeated (the members read against the text's colons,
    the strings' colons counted from the Struct as plain values when they differ).
    """
    try:
        struct = typed.decode(text)  # type: ignore[misc]
    except Exception:  # not a learned kind, or not valid as msgspec reads it
        return None
    kind, model, build = typed.kinds[type(struct)]
    if (cls is not None and model is not cls) or struct.version != SCHEMA_VERSION + len(
        _MIGRATIONS.get(kind, ())
    ):
        return None
    try:
        obj, members = build(struct)
    except Exception:  # a rule's doubt: the dict route, then the reference path
        return None
    if isinstance(text, bytes):
        colons = text.count(b":")
        escaped = members != colons and (b"u003a" in text or b"u003A" in text)
    else:
        colons = text.count(":")
        escaped = members != colons and ("u003a" in text or "u003A" in text)
    if members != colons and (escaped or members + _string_colons(typed.plain(struct)) != colons):
        return None
    return obj


def _string_colons(data: Any) -> int:
    """The colons in the strings (keys, values) of parsed JSON ``data``; arrays lists or tuples."""
    count = 0
    stack = [data]
    while stack:
        value = stack.pop()
        if type(value) is dict:
            for key, v in value.items():
                count += key.count(":")
                if type(v) is str:
                    count += v.count(":")
                elif type(v) is dict or type(v) is list or type(v) is tuple:
                    stack.append(v)
        else:  # a list or a tuple
            for v in value:
                if type(v) is str:
                    count += v.count(":")
                elif type(v) is dict or type(v) is list or type(v) is tuple:
                    stack.append(v)
    return count


@overload
def load(fp: IO[str] | IO[bytes]) -> object: ...
@overload
def load(fp: IO[str] | IO[bytes], cls: type[T]) -> T: ...
def load(fp: IO[str] | IO[bytes], cls: type[Any] | None = None) -> Any:
    """Read a versioned JSON document from a file (see :func:`loads`)."""
    text = fp.read()
    return loads(text) if cls is None else loads(text, cls)


def from_document(data: object, cls: type[Any] | None = None) -> Any:
    """Build the model from a parsed versioned document (a dict with ``kind``).

    Raises:
        ValidationError: as :func:`loads` does (text with a lone surrogate included).
    """
    return checked_document(data, cls, _refused(data))


_UNKNOWN_KIND = "is not a known document kind; expected one of " + ", ".join(
    repr(k) for k in DOCUMENT_KINDS
)
_KINDS_LISTED = ", ".join(DOCUMENT_KINDS)


def checked_document(
    data: object, cls: type[Any] | None = None, refused: list[Problem] | None = None
) -> Any:
    """:func:`from_document` for data :func:`decode_all` has checked already.

    ``refused`` are the problems that check found (repeated keys, lone surrogates): they
    are reported together with every other problem of the document.
    """
    refused = refused or []
    if not isinstance(data, dict):
        problem = Problem.of(
            (),
            "must be a JSON object (a document)",
            TypeName(type(data).__name__),
            code="document_type",
        )
        raise ValidationError([*refused, problem], style="json")
    problems: list[Problem] = []
    kind: Any = data.get("kind")
    target: type[Any] | None = None
    if "kind" not in data:
        problems.append(Problem.of(("kind",), "is required", code="missing"))
    elif type(kind) is not str or kind not in _BY_CODE:
        problems.append(
            Problem.of(("kind",), _UNKNOWN_KIND, kind, code="kind", ctx={"expected": _KINDS_LISTED})
        )
    else:
        target = _BY_CODE[kind].model  # imports that kind's model only
        if cls is not None and target is not cls:
            problems.append(
                Problem.of(
                    ("kind",),
                    f"must be the kind of {cls.__name__}",
                    kind,
                    code="kind_mismatch",
                    ctx={"expected": cls.__name__},
                )
            )
    version: Any = data.get("schema_version")
    current = schema_version(kind) if target is not None else SCHEMA_VERSION
    if "schema_version" not in data:
        problems.append(Problem.of(("schema_version",), "is required", code="missing"))
    elif type(version) is not int or not 1 <= version <= current:
        problems.append(
            Problem.of(
                ("schema_version",),
                f"is not a supported schema version (1..{current})",
                version,
                code="schema_version",
                ctx={"supported": f"1..{current}"},
            )
        )
    if problems or target is None:
        raise ValidationError([*refused, *problems], style="json")
    if version == current and not refused:
        # the fast path: generated checks, the model built directly; on any failure it
        # gives up (None) and the detailed converter below reports every problem
        obj = _fast().structure(data, target)
        if obj is not None:
            return obj
    body = {k: v for k, v in data.items() if k not in ("kind", "schema_version")}
    for old in range(version, current):
        body = _migrated(body, kind, old)
    return _structured(body, target, refused)


def _migrated(body: dict[str, Any], kind: str, old: int) -> dict[str, Any]:
    """``body`` of version ``old`` migrated to ``old + 1``; any failure is the library's error."""
    try:
        new = _MIGRATIONS[kind][old](body)
    except ValidationError as exc:
        raise exc.as_json() from None
    except Exception as exc:
        why = f"the migration raised {type(exc).__name__}"
    else:
        if isinstance(new, dict):
            return new
        why = "the migration returned no object"
    raise ValidationError.one(
        ("schema_version",),
        f"could not be migrated from version {old} to {old + 1} ({why})",
        old,
        code="migration",
    ).as_json()
