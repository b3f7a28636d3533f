"""A checklist's JSON line as typed structs, decoded by msgspec (the ``fast`` extra).

Imported only by :func:`laeringsnettverk._checklists_columnar.fast_decoder`, on first use,
so msgspec is never imported with the library. The structs refuse unknown keys and check
types in compiled code: strings, integers (never a bool or a float), finite numbers,
``YYYY-MM-DD`` dates, an item's status by its code (:data:`STATUS_CODES`, checked to be
:class:`~laeringsnettverk.toolkit.ItemStatus`'s), a conversation's number of at least 1,
the kind and the schema version. Fields that the object path lets be absent
default to ``UNSET``, so the keys present can be counted; ``null`` is allowed exactly where
the object path allows it (every field but ``kind``, ``schema_version``, ``items``, an
item's ``text`` and its ``status``). An item's text must hold a character that is not
whitespace. The rules a type cannot say (an item set's code and version, at least one item,
no repeated key) are checked by :mod:`laeringsnettverk._checklists_columnar`, which counts
the keys given by encoding the structs again (``encode``).
"""

import datetime
import sys
from typing import Annotated, Literal, get_args

import msgspec
from msgspec import UNSET, Meta, UnsetType

__all__ = ["STATUS_CODES", "UNSET", "Status", "decode", "encode"]

Status = Literal["gjennomfoert", "ikke_aktuelt", "ikke_gjennomfoert"]
"""The codes of :class:`~laeringsnettverk.toolkit.ItemStatus` (written out, so msgspec does
not keep its cache on the library's enumeration)."""
STATUS_CODES: tuple[str, ...] = get_args(Status)
"""The codes the structs take: the fast route is off unless they are ``ItemStatus``'s."""

_LARGEST = sys.float_info.max


class _Item(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    # not blank: a character that is not whitespace, as ``str.strip`` and ``str.isspace``
    # tell it (``\S`` in Python's ``re``; the JSON Schema keyword of the Text rule)
    text: Annotated[str, Meta(pattern=r"\S")]
    status: Status | UnsetType = UNSET  # absent: the model's default
    note: str | UnsetType | None = UNSET
    date: datetime.date | UnsetType | None = UNSET
    # an int is taken too; NaN is not JSON, and a number beyond a float is refused (by this
    # msgspec itself; the bounds keep an infinity out whatever msgspec's version)
    value: Annotated[float, Meta(ge=-_LARGEST, le=_LARGEST)] | UnsetType | None = UNSET
    carries_mean_of: Annotated[int, Meta(ge=1)] | UnsetType | None = UNSET


class _Checklist(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    kind: Literal["checklist"]
    schema_version: Literal[1]
    items: list[_Item]  # at least one: checked by the caller
    date: datetime.date | UnsetType | None = UNSET
    identifier: str | UnsetType | None = UNSET
    team: str | UnsetType | None = UNSET
    form: str | UnsetType | None = UNSET
    item_set: str | UnsetType | None = UNSET  # its rule: checked by the caller
    item_set_version: str | UnsetType | None = UNSET  # its rule: checked by the caller


decode = msgspec.json.Decoder(_Checklist).decode
encode = msgspec.json.Encoder().encode  # the keys given (never an UNSET field) and the values
