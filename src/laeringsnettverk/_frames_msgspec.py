"""A form's JSON line as typed structs, decoded by msgspec (the ``fast`` extra).

Imported only by :func:`laeringsnettverk._frames_columnar.fast_decoder`, on first use, so
msgspec is never imported with the library. The structs refuse unknown keys and check
types in compiled code: strings, integers (never a bool or a float), ``YYYY-MM-DD`` dates,
the kind and the schema version. Fields that the object path lets be absent default to
``UNSET``, so the keys present can be counted; ``null`` is allowed exactly where the object
path allows it (``area``, ``identifier``, ``team``, ``municipality``). A municipality
number is decoded as a string; its rule (four digits, a county's, not ``00``) is checked by
:mod:`laeringsnettverk._frames_columnar` with the model's own quick test.
"""

import datetime
from typing import Literal

import msgspec
from msgspec import UNSET, UnsetType

__all__ = ["UNSET", "decode"]


class _Activity(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    name: str
    area: str | UnsetType | None = UNSET


class _Conversation(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    date: datetime.date
    scores: dict[str, int] | UnsetType = UNSET


class _Scale(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    minimum: int | UnsetType = UNSET
    maximum: int | UnsetType = UNSET
    higher_is_better: bool | UnsetType = UNSET


class _Form(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    kind: Literal["form"]
    schema_version: Literal[1]
    activities: list[_Activity]
    conversations: list[_Conversation] | UnsetType = UNSET
    scale: _Scale | UnsetType = UNSET
    identifier: str | UnsetType | None = UNSET
    team: str | UnsetType | None = UNSET
    municipality: str | UnsetType | None = UNSET  # its rule: checked by the caller


decode = msgspec.json.Decoder(_Form).decode
