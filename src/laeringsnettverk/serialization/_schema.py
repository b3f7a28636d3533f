"""JSON Schemas (draft 2020-12) of the versioned documents, generated from the models.

The schema of a document kind is built from its model class (taken from the kinds
registry) by walking ``attrs.fields`` with their resolved types; nothing is written by
hand, so a new kind or a new field has its schema at once. It describes exactly what
the strict converter reads:

- ``int`` → ``integer``, ``float`` → ``number``, ``str`` → ``string``, ``bool`` →
  ``boolean``, ``datetime.date`` → an ISO 8601 ``YYYY-MM-DD`` string (``format: date``);
- a coded enumeration → the ``enum`` of its codes;
- ``tuple[X, ...]`` → an ``array`` of X; ``Mapping[str, X]`` → an ``object`` whose values
  are X;
- ``X | None`` → X or ``null`` (the converter reads ``null`` as ``None``; it never writes
  it: a field at its default is left out);
- a nested model → a ``$ref`` into ``$defs``; a union of models → ``anyOf``;
- every object rejects unknown keys (``additionalProperties: false``); fields without a
  default are ``required``; the document adds ``kind`` and ``schema_version``.

Each field's own rule (its metadata, :mod:`laeringsnettverk._rules`) adds its keywords:
``minLength``/``pattern`` for text that must not be blank, ``minimum``/``maximum``, the
patterns of identifiers and municipality numbers, ``minItems``/``uniqueItems``; the schema
writer has no table of its own, so schema and model cannot disagree. Rules that span
fields or values (unique names, scores inside the form's scale, dates in order, a KOR
rating's single decimal) are checked by the loader only.

```pycon
>>> from laeringsnettverk.serialization import json_schema
>>> schema = json_schema("form")
>>> schema["$id"]
'https://laeringsnettverk.no/schema/form-1.json'
>>> schema["required"]
['kind', 'schema_version', 'activities']
>>> schema["$defs"]["Conversation"]["properties"]["scores"]["additionalProperties"]
{'type': 'integer'}

```
"""

from __future__ import annotations

import ast
import collections.abc
import datetime
import enum
import functools
import inspect
import json
import os
import re
import textwrap
import types
import typing
from pathlib import Path
from typing import Any

import attrs

from laeringsnettverk._codegen import type_hints
from laeringsnettverk._rules import rule_of
from laeringsnettverk.errors import ValidationError

__all__ = [
    "SCHEMA_BASE_URL",
    "SCHEMA_DIALECT",
    "error_schema",
    "json_schema",
    "schema_id",
    "write_schemas",
]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of every generated schema (draft 2020-12)."""

SCHEMA_BASE_URL = "https://laeringsnettverk.no/schema/"
"""The base of every schema's ``$id``: ``{base}{kind}-{schema_version}.json``."""

_DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_LOADER_ONLY = (
    "This schema checks the document's shape: fields, types, codes, date syntax, and the "
    "fixed limits of single fields (rating ranges, progress scores, identifier and "
    "municipality number patterns, lists that need at least one entry). Rules that span "
    "fields or values (unique names, references by name, scores inside the form's own scale, "
    "dates in order, a KOR rating's single decimal, whole numbers written without a "
    "fraction) are checked by the laeringsnettverk loader only: a document valid against "
    "this schema may still be rejected by the loader, never the other way round."
)
_CODE_BLOCK = re.compile(r"^```.*?^```[ \t]*$", re.S | re.M)
_ROLE = re.compile(r":[a-z]+:`~?\.?([^`]+)`")
_SIMPLE_TYPES = {
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    type(None): "null",
}


def schema_id(kind: str) -> str:
    """The ``$id`` of a kind's schema: ``https://laeringsnettverk.no/schema/form-1.json``."""
    from laeringsnettverk.serialization._json import SCHEMA_VERSION

    return f"{SCHEMA_BASE_URL}{kind}-{SCHEMA_VERSION}.json"


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document kind, generated from its model.

    Each call returns a new dict, free to change.

    Raises:
        ValidationError: ``kind`` is not a document kind.
    """
    return dict(json.loads(_schema_text(kind)))


def write_schemas(directory: str | os.PathLike[str]) -> list[Path]:
    """Write every kind's schema to ``directory/{kind}.schema.json``; return the paths.

    The schema of the error payload (:func:`error_schema`) is written too, last, as
    ``error.schema.json``.

    The package ships these files in ``laeringsnettverk/data/schema``; regenerate them with
    ``python -c "from laeringsnettverk.serialization import write_schemas;
    write_schemas('src/laeringsnettverk/data/schema')"``.
    """
    from laeringsnettverk.serialization._json import _kinds

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in _kinds():
        path = out / f"{kind}.schema.json"
        path.write_text(_schema_text(kind), encoding="utf-8")
        written.append(path)
    path = out / "error.schema.json"
    path.write_text(_error_schema_text(), encoding="utf-8")
    written.append(path)
    return written


@functools.cache
def _schema_text(kind: str) -> str:
    from laeringsnettverk.serialization._json import SCHEMA_VERSION, _kinds

    kinds = _kinds()
    if kind not in kinds:
        raise ValidationError.one(
            ("kind",),
            "is not a known document kind; expected one of " + ", ".join(map(repr, kinds)),
            kind,
        )
    builder = _Builder()
    body = builder.object_schema(kinds[kind])
    title = body.pop("title")
    description = body.pop("description", None)
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": schema_id(kind),
        "title": title,
    }
    if description:
        schema["description"] = description
    schema["$comment"] = _LOADER_ONLY
    schema["type"] = "object"
    schema["properties"] = {
        "kind": {"const": kind, "description": "The document kind."},
        "schema_version": {
            "const": SCHEMA_VERSION,
            "description": "The version of the kind's schema this document follows.",
        },
        **body["properties"],
    }
    schema["required"] = ["kind", "schema_version", *body.get("required", [])]
    schema["additionalProperties"] = False
    if builder.defs:
        schema["$defs"] = builder.defs
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


class _Builder:
    """Walks model classes, collecting ``$defs`` for nested models and enumerations."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self._names: dict[type, str] = {}

    def _ref(self, cls: type, build: typing.Callable[[type], dict[str, Any]]) -> dict[str, Any]:
        name = self._names.get(cls)
        if name is None:
            name = cls.__name__
            if name in self.defs:  # two classes of the same name: qualify the later one
                name = f"{cls.__module__}.{cls.__qualname__}".replace("_", "").replace(".", "_")
            self._names[cls] = name
            self.defs[name] = {}  # reserved first: a model may refer to itself
            self.defs[name] = build(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type) -> dict[str, Any]:
        """The schema of one attrs model: its fields as properties."""
        title, description = _class_doc(cls)
        hints = type_hints(cls)
        field_docs = _field_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            tp = hints.get(field.name, field.type)
            prop = self.type_schema(tp)
            declared = rule_of(field)
            if declared is not None:  # the field's rule, declared once next to it
                prop = declared.schema(prop)
            if field.name in field_docs:
                prop = {**prop, "description": field_docs[field.name]}
            if field.default is attrs.NOTHING:
                required.append(field.name)
            else:
                default = _default_value(field.default)
                if default is not None:
                    prop = {**prop, "default": default}
            properties[field.name] = prop
        schema: dict[str, Any] = {"title": title}
        if description:
            schema["description"] = description
        schema["type"] = "object"
        schema["properties"] = properties
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def type_schema(self, tp: Any) -> dict[str, Any]:
        """The schema of a field's type."""
        if tp is Any or tp is object:
            return {}
        if tp in _SIMPLE_TYPES:
            return {"type": _SIMPLE_TYPES[tp]}
        if tp is datetime.date:
            return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return self._ref(tp, _enum_schema)
        if isinstance(tp, type) and attrs.has(tp):
            return self._ref(tp, self.object_schema)
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is typing.Literal:
            return {"enum": [a.value if isinstance(a, enum.Enum) else a for a in args]}
        if origin in (typing.Union, types.UnionType):
            return self._union(args)
        if origin in (tuple, list, collections.abc.Sequence, frozenset, set):
            return self._array(origin, args)
        if origin in (dict, collections.abc.Mapping, collections.abc.MutableMapping):
            key, value = args
            schema: dict[str, Any] = {
                "type": "object",
                "additionalProperties": self.type_schema(value),
            }
            if key is not str:
                key_schema = self.type_schema(key)
                if "$ref" in key_schema:
                    key_schema = self.defs[key_schema["$ref"].rsplit("/", 1)[1]]
                schema["propertyNames"] = {k: v for k, v in key_schema.items() if k == "enum"}
            return schema
        raise TypeError(f"no JSON Schema for the type {tp!r}: teach _schema.py about it")

    def _array(self, origin: Any, args: tuple[Any, ...]) -> dict[str, Any]:
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            items = [self.type_schema(a) for a in args]
            n = len(items)
            return {
                "type": "array",
                "prefixItems": items,
                "items": False,
                "minItems": n,
                "maxItems": n,
            }
        schema: dict[str, Any] = {"type": "array", "items": self.type_schema(args[0])}
        if origin in (frozenset, set):
            schema["uniqueItems"] = True
        return schema

    def _union(self, args: tuple[Any, ...]) -> dict[str, Any]:
        branches = [self.type_schema(a) for a in args]
        simple = [b["type"] for b in branches if set(b) == {"type"}]
        if len(simple) == len(branches):
            return {"type": simple}
        return {"anyOf": branches}


def _enum_schema(cls: type) -> dict[str, Any]:
    title, description = _class_doc(cls)
    schema: dict[str, Any] = {"title": title}
    if description:
        schema["description"] = description
    values = [m.value for m in typing.cast(type[enum.Enum], cls)]
    if all(isinstance(v, str) for v in values):
        schema["type"] = "string"
    schema["enum"] = values
    return schema


# -- documentation: class and field docstrings -----------------------------------------------


def _clean(text: str) -> str:
    text = _ROLE.sub(r"\1", text).replace("``", "`")
    return text.strip()


def _class_doc(cls: type) -> tuple[str, str]:
    """``(title, description)`` from a class docstring: its first paragraph and the rest."""
    doc = inspect.cleandoc(cls.__doc__ or cls.__name__)
    doc = _CODE_BLOCK.sub("", doc)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", doc) if p.strip()]
    title = _clean(paragraphs[0]) if paragraphs else cls.__name__
    return title, _clean("\n\n".join(paragraphs[1:]))


@functools.cache
def _field_docs(cls: type) -> dict[str, str]:
    """The string literal under each field of a class body (empty if there is no source)."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    tree = ast.parse(source)
    node = next((n for n in tree.body if isinstance(n, ast.ClassDef)), None)
    if node is None:
        return {}
    docs: dict[str, str] = {}
    for stmt, after in zip(node.body, node.body[1:], strict=False):
        if (
            isinstance(stmt, ast.AnnAssign)
            and isinstance(stmt.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[stmt.target.id] = _clean(" ".join(inspect.cleandoc(after.value.value).split()))
    return docs


def _default_value(default: object) -> object:
    """A field's default as JSON data (``None`` for none, or one the schema can't show)."""
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory = typing.cast(Any, default)
        if factory.takes_self:
            return None
        default = factory.factory()
    return _plain(default)


def _plain(value: object) -> object:
    """A default value as JSON data, every field of a nested model included."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if attrs.has(type(value)):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in attrs.fields(typing.cast(Any, type(value)))
            if f.init and getattr(value, f.name) is not None
        }
    if isinstance(value, collections.abc.Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list | frozenset | set):
        return [_plain(v) for v in value]
    return None


# -- the error payload -------------------------------------------------------------------------

ERROR_SCHEMA_VERSION = 1
"""The version of the error payload's schema (its ``$id`` is ``error-1.json``)."""


def error_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a validation error as data.

    It describes :meth:`~laeringsnettverk.errors.ValidationError.to_dict`; its
    ``$defs/Problem`` describes each item of
    :meth:`~laeringsnettverk.errors.ValidationError.errors` and
    :meth:`~laeringsnettverk.errors.ValidationError.to_dicts` (and the problems of a JSON
    Lines batch's :meth:`~laeringsnettverk.serialization.BatchResult.error_dicts`). The
    codes are the table :data:`laeringsnettverk.errors.ERROR_CODES`. Each call returns a new
    dict; the package ships it as ``laeringsnettverk/data/schema/error.schema.json``.

    ```pycon
    >>> from laeringsnettverk.serialization import error_schema
    >>> schema = error_schema()
    >>> schema["$id"], schema["$defs"]["Problem"]["required"]
    ('https://laeringsnettverk.no/schema/error-1.json', ['loc', 'type', 'msg', 'msg_nb'])

    ```
    """
    return dict(json.loads(_error_schema_text()))


@functools.cache
def _error_schema_text() -> str:
    from laeringsnettverk.errors import ERROR_CODES, MAX_PROBLEMS, MAX_SHOWN

    scalar = {"type": ["string", "number", "boolean", "null"]}
    position = {
        "type": "object",
        "description": "A key that may be free text, by its position among the object's keys "
        "(counting from 0, in the order given).",
        "properties": {"key": {"type": "integer", "minimum": 0}},
        "required": ["key"],
        "additionalProperties": False,
    }
    problem = {
        "title": "One problem",
        "type": "object",
        "properties": {
            "loc": {
                "description": "Where the problem is: object keys, list indexes (from 0; a "
                "JSON Lines batch's line number from 1), and free-text keys by position. A key "
                f"longer than {MAX_SHOWN} characters is cut (ending with …); control "
                "characters, line breaks and lone surrogates in a key are written as \\uXXXX.",
                "type": "array",
                "items": {"anyOf": [{"type": "string"}, {"type": "integer"}, position]},
            },
            "type": {"description": "The stable error code.", "enum": list(ERROR_CODES)},
            "msg": {"description": "The message in English.", "type": "string"},
            "msg_nb": {"description": "The message in Norwegian (bokmål).", "type": "string"},
            "input": {
                **scalar,
                "description": "The offending value, only when it is a number, true or false, "
                "null, a code or a date; never free text, a list or an object.",
            },
            "ctx": {
                "description": "Values the rule mentions (a limit, the codes expected).",
                "type": "object",
                "additionalProperties": scalar,
            },
            "path": {"description": "The location as a JSON path (text).", "type": "string"},
            "value": {
                "description": "The value as shown in the message, or null.",
                "type": ["string", "null"],
            },
            "rule": {"description": "The rule broken, in English.", "type": "string"},
        },
        "required": ["loc", "type", "msg", "msg_nb"],
        "additionalProperties": False,
    }
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{SCHEMA_BASE_URL}error-{ERROR_SCHEMA_VERSION}.json",
        "title": "A validation error of laeringsnettverk",
        "description": "Every problem of the input: ValidationError.to_dict(). At most "
        f"{MAX_PROBLEMS} problems are listed; when there are more, `omitted` counts the rest. "
        "(ValidationError.errors() and validate() end with a problem of type "
        "too_many_problems instead.)",
        "type": "object",
        "properties": {
            "error": {"const": "validation_error"},
            "count": {"description": "How many problems there are.", "type": "integer"},
            "omitted": {
                "description": "How many problems are counted but not listed.",
                "type": "integer",
                "minimum": 0,
            },
            "problems": {"type": "array", "items": {"$ref": "#/$defs/Problem"}},
        },
        "required": ["error", "count", "omitted", "problems"],
        "additionalProperties": False,
        "$defs": {"Problem": problem},
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
