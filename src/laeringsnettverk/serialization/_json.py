"""Versioned JSON documents: ``kind`` + ``schema_version`` + the model's fields."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, TypeVar, overload

from laeringsnettverk.errors import Problem, ValidationError

if TYPE_CHECKING:
    import cattrs

    from laeringsnettverk.serialization._fast import FastStructurer

__all__ = [
    "DOCUMENT_KINDS",
    "dump",
    "dumps",
    "from_dict",
    "kind_of",
    "load",
    "loads",
    "make_converter",
    "to_dict",
]

T = TypeVar("T")

SCHEMA_VERSION = 1
"""The current schema version of every document kind."""


@functools.cache
def _kinds() -> dict[str, type]:
    from laeringsnettverk import goals, improvement, measurement, network, stakeholders, toolkit

    return {
        "form": toolkit.WhatMattersForm,
        "kor": toolkit.KorRatings,
        "checklist": toolkit.CollaborationChecklist,
        "plan": toolkit.ActionPlan,
        "wheel": toolkit.ConversationWheel,
        "goal": goals.SmartGoal,
        "project": improvement.ImprovementProject,
        "stakeholder_map": stakeholders.StakeholderMap,
        "network": network.LearningNetwork,
        "series": measurement.Series,
    }


DOCUMENT_KINDS: tuple[str, ...] = (
    "form",
    "kor",
    "checklist",
    "plan",
    "wheel",
    "goal",
    "project",
    "stakeholder_map",
    "network",
    "series",
)
"""The document kinds that :func:`loads` reads and :func:`dumps` writes."""

# kind -> {old version: function turning a document of that version into the next}
_MIGRATIONS: dict[str, dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {}


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
def _fast() -> FastStructurer:
    from laeringsnettverk.serialization._fast import FastStructurer

    return FastStructurer(_converter(), envelope=("kind", "schema_version"))


def kind_of(obj: object) -> str:
    """The document kind of a model object (``"form"`` for a WhatMattersForm, …)."""
    for kind, cls in _kinds().items():
        if type(obj) is cls:
            return kind
    raise ValidationError.one(
        (),
        "is not a document kind; expected one of " + ", ".join(DOCUMENT_KINDS),
        type(obj).__name__,
    )


def to_dict(obj: object) -> dict[str, Any]:
    """A model object as plain JSON-ready data (no envelope)."""
    data: dict[str, Any] = _converter().unstructure(obj)
    return data


def from_dict(data: object, cls: type[T]) -> T:
    """Build a model of type ``cls`` from plain data, strictly (no envelope).

    Raises:
        ValidationError: every problem, each with its JSON path, value and rule.
    """
    from laeringsnettverk.serialization._converter import problems_from

    if not isinstance(data, dict):
        raise ValidationError.one(
            (), f"must be an object ({cls.__name__})", type(data).__name__
        ).as_json()
    try:
        return _converter().structure(data, cls)
    except ValidationError as exc:
        raise exc.as_json() from None
    except Exception as exc:
        problems = problems_from(exc, cls)
        raise ValidationError(problems, style="json") from None


def _document(obj: object) -> dict[str, Any]:
    return {"kind": kind_of(obj), "schema_version": SCHEMA_VERSION, **to_dict(obj)}


def dumps(obj: object, *, indent: int | None = 2) -> str:
    """A model object as a versioned JSON document (``kind``, ``schema_version``, fields).

    Output is deterministic: fields in the model's order, integers kept as integers,
    dates ISO 8601, Norwegian letters unescaped (UTF-8).
    """
    return json.dumps(_document(obj), ensure_ascii=False, indent=indent, allow_nan=False)


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
    versions are migrated.

    Raises:
        ValidationError: for malformed JSON, an unknown kind or version, or bad fields.
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        pos = getattr(exc, "pos", None)
        raise ValidationError.one(
            (), f"is not valid JSON (at character {pos})", type(text).__name__
        ).as_json() from None
    return from_document(data, cls)


@overload
def load(fp: IO[str] | IO[bytes]) -> object: ...
@overload
def load(fp: IO[str] | IO[bytes], cls: type[T]) -> T: ...
def load(fp: IO[str] | IO[bytes], cls: type[Any] | None = None) -> Any:
    """Read a versioned JSON document from a file (see :func:`loads`)."""
    text = fp.read()
    return loads(text) if cls is None else loads(text, cls)


def from_document(data: object, cls: type[Any] | None = None) -> Any:
    """Build the model from a parsed versioned document (a dict with ``kind``)."""
    if not isinstance(data, dict):
        raise ValidationError.one(
            (), "must be a JSON object (a document)", type(data).__name__
        ).as_json()
    kinds = _kinds()
    kind = data.get("kind")
    if kind not in kinds:
        rule = "is not a known document kind; expected one of " + ", ".join(
            repr(k) for k in DOCUMENT_KINDS
        )
        raise ValidationError(
            [
                Problem.of(("kind",), rule, kind)
                if "kind" in data
                else Problem.of(("kind",), "is required")
            ],
            style="json",
        )
    target = kinds[kind]
    if cls is not None and target is not cls:
        raise ValidationError(
            [Problem.of(("kind",), f"must be the kind of {cls.__name__}", kind)], style="json"
        )
    version = data.get("schema_version")
    if "schema_version" not in data:
        raise ValidationError([Problem.of(("schema_version",), "is required")], style="json")
    if type(version) is not int or not 1 <= version <= SCHEMA_VERSION:
        raise ValidationError(
            [
                Problem.of(
                    ("schema_version",),
                    f"is not a supported schema version (1..{SCHEMA_VERSION})",
                    version,
                )
            ],
            style="json",
        )
    if version == SCHEMA_VERSION:
        # the fast path: generated checks, the model built directly; on any failure it
        # gives up (None) and the detailed converter below reports every problem
        obj = _fast().structure(data, target)
        if obj is not None:
            return obj
    body = {k: v for k, v in data.items() if k not in ("kind", "schema_version")}
    for old in range(version, SCHEMA_VERSION):
        body = _MIGRATIONS[kind][old](body)
    return from_dict(body, target)
