"""Shared helpers of the FHIR mappings: URLs, codes, free text, ids, and a strict reader."""

from __future__ import annotations

import datetime
import enum
import hashlib
import hmac
import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from laeringsnettverk._checks import LONE_SURROGATE, Checker, has_lone_surrogate, isfinite
from laeringsnettverk.errors import PathSegment, ValidationError
from laeringsnettverk.fhir._extensions import EXTENSIONS
from laeringsnettverk.fhir._narrative import finish

__all__ = [
    "DEFAULT_BASE_URL",
    "INT32_MAX",
    "INT32_MIN",
    "UCUM",
    "Reader",
    "canonical_content",
    "check_base_url",
    "check_id_key",
    "code_system_url",
    "coding",
    "extension_url",
    "finish",
    "find_extensions",
    "decode_text",
    "each_resource",
    "encode_text",
    "put_text",
    "read_team",
    "resource_id",
    "team_reference",
]

DEFAULT_BASE_URL = "https://laeringsnettverk.no/fhir"
"""The canonical base URL of the library's code systems, extensions and identifier systems.

A placeholder: an integrator who publishes the definitions under their own domain passes
their URL as ``base_url`` to every mapping function (and to the readers)."""

UCUM = "http://unitsofmeasure.org"
INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1

_BASE_URL = re.compile(r"^https?://[^\s/?#]+(/[^\s?#]*)?$")
# FHIR R4 date (a full date: the writers write no partial one) and dateTime
_DATE_TIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})"
    r"(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?",
    re.ASCII,
)

# Characters a FHIR string should not hold (R4: "SHOULD not contain Unicode character
# points below 32, except for u0009, u000D and u000A"; the regex [ \r\n\t\S]+ read as
# Java refuses vertical tab and form feed): C0 and C1 controls, DEL, and the BOM.
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")
MIN_ID_KEY_BYTES = 16


def check_base_url(base_url: object) -> str:
    """The base URL without a trailing slash; raises ValidationError if it is not http(s)."""
    if not isinstance(base_url, str) or not _BASE_URL.fullmatch(base_url):
        raise ValidationError.one(
            ("base_url",), "must be an absolute http(s) URL without spaces", base_url
        )
    return base_url.rstrip("/")


def extension_url(base: str, name: str) -> str:
    """The URL of one of the library's extensions (one of ``EXTENSIONS``: no other is emitted)."""
    if name not in EXTENSIONS:
        raise KeyError(f"{name!r} is not in the extension registry")  # a bug in the library
    return f"{base}/StructureDefinition/{name}"


def code_system_url(base: str, name: str) -> str:
    """The URL of one of the library's code systems."""
    return f"{base}/CodeSystem/{name}"


def team_reference(base: str, team: str) -> dict[str, Any]:
    """A logical reference to an improvement team (an Organization) by its identifier.

    R4 has no CareTeam among QuestionnaireResponse.author's targets; a team is "an
    informally recognized grouping of people formed for collective action", an
    Organization. The identifier system is ``{base}/identifier/team``.
    """
    value = encode_text(team)
    return {
        "type": "Organization",
        "identifier": {"system": f"{base}/identifier/team", "value": value},
        "display": value,
    }


def read_team(reader: Reader, key: str, base: str) -> str | None:
    """The team of a reference made by :func:`team_reference` at ``key``, or None."""
    ref = reader.opt_obj(key)
    if ref is None:
        return None
    ident = ref.obj("identifier")
    if ident.data.get("system") != f"{base}/identifier/team":
        raise ident.fail("system", f"must be {base}/identifier/team", ident.data.get("system"))
    return ident.text("value", base)


def coding(system: str, code: str, display: str) -> dict[str, Any]:
    """A Coding."""
    return {"system": system, "code": code, "display": display}


def canonical_content(value: object) -> str:
    """A canonical JSON text of a model object: equal objects give equal text.

    Mappings are sorted by key (two equal forms whose scores came in another order give
    the same text); an int and a float stay apart (``2`` and ``2.0`` are written apart
    too); dates are ISO dates; codes are their codes.
    """
    return json.dumps(_canonical(value), ensure_ascii=False, separators=(",", ":"))


def _canonical(value: object) -> Any:
    if attrs.has(type(value)):
        names = [f.name for f in attrs.fields(type(value))]  # type: ignore[arg-type]
        return [type(value).__name__, [[n, _canonical(getattr(value, n))] for n in names]]
    if isinstance(value, enum.Enum):
        return ["enum", str(getattr(value, "code", value.name))]
    if isinstance(value, Mapping):
        items = [[_canonical(k), _canonical(v)] for k, v in value.items()]
        return ["map", sorted(items, key=lambda kv: json.dumps(kv[0], ensure_ascii=False))]
    if isinstance(value, tuple | list):
        return [_canonical(v) for v in value]
    if isinstance(value, datetime.date):
        return ["date", value.isoformat()]
    if type(value) is float:
        return ["float", repr(value)]
    return value


def check_id_key(id_key: object) -> bytes | None:
    """The caller's secret for keyed ids, or None; raises if it is not 16 bytes or more."""
    if id_key is None:
        return None
    if not isinstance(id_key, bytes) or len(id_key) < MIN_ID_KEY_BYTES:
        raise ValidationError.one(
            ("id_key",),
            f"must be bytes, at least {MIN_ID_KEY_BYTES} of them (a secret you keep, e.g. "
            "from secrets.token_bytes(32))",
            type(id_key).__name__,
        )
    return id_key


def resource_id(
    base: str,
    kind: str,
    model: object,
    part: str,
    *,
    subject: Mapping[str, Any],
    id_key: bytes | None = None,
) -> str:
    """A deterministic resource id (a UUID) for a part of the mapping of a model object.

    The id is derived from the kind of object, the object's ``identifier`` when it has one
    (else its whole content, in a canonical form: see :func:`canonical_content`) and the
    subject, so that the same object always gets the same ids: a ``PUT`` updates it, and
    a revised object with the same identifier keeps its ids.

    The subject enters as a literal reference (``Patient/123``). An identity number enters
    only with ``id_key``, the caller's secret: the id is then an HMAC-SHA-256 keyed with
    it. Without the key an identity number is left out (the numbers are few enough to try
    them all, so an id derived from one alone would reveal it), and two people's objects
    with the same identifier get the same id: ``bundle`` refuses ``method="PUT"`` for such
    a subject without a key.
    """
    identifier = getattr(model, "identifier", None)
    what = (
        f"identifier:{identifier}"
        if isinstance(identifier, str)
        else "content:" + hashlib.sha256(canonical_content(model).encode("utf-8")).hexdigest()
    )
    who = str(subject.get("reference", ""))
    if id_key is not None and "identifier" in subject:
        ident = subject["identifier"]
        who = f"identifier:{ident.get('system')}|{ident.get('value')}"
    message = f"{who}\n{kind}\n{what}".encode()
    digest = (
        hashlib.sha256(message).hexdigest()
        if id_key is None
        else hmac.new(id_key, message, hashlib.sha256).hexdigest()
    )
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, base)
    return str(uuid.uuid5(namespace, f"{kind}/{digest}/{part}"))


# -- free text ---------------------------------------------------------------------------


def _literal(value: str) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _holdable(value: str) -> bool:
    """Whether a FHIR string holds ``value`` as it is (and every validator reads it so)."""
    return (
        bool(value.strip())  # not empty, not only whitespace
        and not _UNSAFE.search(value)
        and not has_lone_surrogate(value)  # not text: a literal of one reads as refused
        # fhir.resources reads the R4 pattern [ \r\n\t\S]+ with Python's Unicode \S and
        # matches it at the start: a text may not begin with other whitespace
        and (value[0] in " \r\n\t" or not value[0].isspace())
    )


def _json_string(value: str) -> str | None:
    """The string a JSON string literal holds, or None when ``value`` is not one."""
    if len(value) < 2 or value[0] != '"' or value[-1] != '"':
        return None
    try:
        decoded = json.loads(value)
    except ValueError:
        return None
    return decoded if isinstance(decoded, str) else None


def _needs_literal(value: str) -> bool:
    if not _holdable(value):
        return True
    inner = _json_string(value)  # a text that would read as an escaped literal
    return inner is not None and _needs_literal(inner)


def encode_text(value: str) -> str:
    """Free text as a FHIR string that reads back exactly (see :func:`put_text`)."""
    return _literal(value) if _needs_literal(value) else value


def decode_text(value: str) -> str:
    """The free text a FHIR string holds (the inverse of :func:`encode_text`)."""
    inner = _json_string(value)
    return inner if inner is not None and _needs_literal(inner) else value


def put_text(target: dict[str, Any], key: str, value: str, base: str) -> None:
    r"""Set a FHIR string element so that any Python string survives the round trip.

    The text goes in as it is whenever a FHIR string can hold it: with leading or trailing
    spaces, a no-break space inside, or a double quote at the start. Only a text FHIR
    cannot hold goes in as a JSON string literal (``"..."``, the offending characters
    escaped as ``\uXXXX``): an empty one, one of only whitespace, one holding control
    characters or a byte-order mark, or one that begins with whitespace other than space,
    tab, CR and LF. A text that would itself read as such a literal is written as a literal
    too, so that every text reads back as it was.
    """
    target[key] = encode_text(value)


# -- reading -------------------------------------------------------------------------------


class Reader:
    """A read-only view of one JSON object of a FHIR resource, at a path.

    Every access that finds the wrong shape raises :class:`ValidationError` with the
    JSON path of the offending element, never a KeyError or TypeError.
    """

    __slots__ = ("data", "path")

    def __init__(self, data: object, path: Sequence[PathSegment] = ()) -> None:
        if not isinstance(data, dict):
            raise _error(path, "must be a JSON object", type(data).__name__)
        self.data: dict[str, Any] = data
        self.path: tuple[PathSegment, ...] = tuple(path)

    def fail(self, key: str | None, rule: str, value: object = ...) -> ValidationError:
        """An error at ``key`` of this object (or at the object when ``key`` is None)."""
        path = self.path if key is None else (*self.path, key)
        return _error(path, rule, value)

    def req(self, key: str) -> Any:
        """The value at ``key``; raises if it is missing."""
        if key not in self.data:
            raise self.fail(key, "is required")
        return self.data[key]

    def obj(self, key: str) -> Reader:
        """The object at ``key`` (required)."""
        return Reader(self.req(key), (*self.path, key))

    def opt_obj(self, key: str) -> Reader | None:
        """The object at ``key``, or None when absent."""
        return self.obj(key) if key in self.data else None

    def objs(self, key: str) -> list[Reader]:
        """The objects of the array at ``key`` (empty when absent)."""
        values = self.data.get(key, [])
        if not isinstance(values, list):
            raise self.fail(key, "must be an array", type(values).__name__)
        return [Reader(v, (*self.path, key, i)) for i, v in enumerate(values)]

    def string(self, key: str) -> str:
        """A required plain string (a code, a URI, a date)."""
        value = self.req(key)
        if not isinstance(value, str):
            raise self.fail(key, "must be a string", value)
        if has_lone_surrogate(value):
            raise self.fail(key, LONE_SURROGATE)
        return value

    def opt_str(self, key: str) -> str | None:
        """An optional plain string."""
        return self.string(key) if key in self.data else None

    def integer(self, key: str) -> int:
        """A required FHIR integer: an int of 32 bits, as the writers write."""
        value = self.req(key)
        if type(value) is not int:
            raise self.fail(key, "must be an integer", value)
        if not INT32_MIN <= value <= INT32_MAX:
            raise self.fail(key, "is beyond FHIR's integer range (32 bits)", value)
        return value

    def number(self, key: str) -> float:
        """A required number (a FHIR decimal or integer); an int stays an int.

        NaN, the infinities and integers beyond a float's range are refused: no writer
        writes them, and arithmetic on them would overflow.
        """
        value = self.req(key)
        if type(value) not in (int, float):
            raise self.fail(key, "must be a number", value)
        number: float = value
        if not isfinite(number):
            raise self.fail(key, "must be a finite number within ±1.8e308", value)
        return number

    def boolean(self, key: str) -> bool:
        """A required boolean."""
        value = self.req(key)
        if type(value) is not bool:
            raise self.fail(key, "must be true or false", value)
        return value

    def date(self, key: str) -> datetime.date:
        """A FHIR date, or the date part of a dateTime.

        A ``datetime.date`` or ``datetime.datetime`` object is taken too: a FHIR library's
        Python dump (such as ``fhir.resources``' ``model_dump()``) holds those.
        """
        value = self.req(key)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = self.string(key)
        match = _DATE_TIME.fullmatch(text)
        try:
            return datetime.date.fromisoformat(match.group(1)) if match else _bad_date()
        except ValueError:
            raise self.fail(key, "must be a date (YYYY-MM-DD)", text) from None

    def opt_date(self, key: str) -> datetime.date | None:
        """An optional date."""
        return self.date(key) if key in self.data else None

    def text(self, key: str, base: str) -> str:
        """A required free-text string (see :func:`put_text`)."""
        value = self.req(key)
        if not isinstance(value, str):
            raise self.fail(key, "must be a string", type(value).__name__)
        decoded = decode_text(value)
        if has_lone_surrogate(decoded):
            raise self.fail(key, LONE_SURROGATE)
        return decoded

    def extension(self, url: str) -> Reader | None:
        """The one extension with ``url``, or None; raises if it repeats."""
        found = list(find_extensions(self, url))
        if len(found) > 1:
            raise found[1].fail(None, f"repeats the extension {url}")
        return found[0] if found else None


def each_resource(resources: object, name: str) -> Iterable[object]:
    """The resources of an argument that must be a list (any iterable but text or a dict)."""
    if not isinstance(resources, Iterable) or isinstance(resources, str | bytes | Mapping):
        raise _error((name,), "must be a list of resources", type(resources).__name__)
    return resources


def _bad_date() -> datetime.date:
    raise ValueError


def find_extensions(reader: Reader, url: str) -> Iterator[Reader]:
    """The extensions of ``reader`` with ``url``, in order."""
    for ext in reader.objs("extension"):
        if ext.data.get("url") == url:
            yield ext


def _error(path: Sequence[PathSegment], rule: str, value: object = ...) -> ValidationError:
    c = Checker()
    c.add(path, rule, value)
    return ValidationError(c.problems, style="json")
