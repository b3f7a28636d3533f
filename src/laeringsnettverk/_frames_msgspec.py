"""A form's JSON line as typed structs, decoded by msgspec (the ``fast`` extra).

Imported only by :func:`laeringsnettverk._frames_columnar.fast_decoder`, on first use, so
msgspec is never imported with the library. The structs refuse unknown keys and check
types in compiled code: strings, integers (never a bool or a float), ``YYYY-MM-DD`` dates,
the kind and the schema version. Fields that the object path lets be absent default to
``UNSET``, so the keys present can be counted; ``null`` is allowed exactly where the object
path allows it (``area``, ``identifier``, ``team``, ``municipality``). A municipality
number is decoded as a string; its rule (four digits, a county's, not ``00``) is checked by
:mod:`laeringsnettverk._frames_columnar` with the model's own quick test.

Two decoders: :data:`decode` checks, in compiled code as well, that every score is within
the default scale (1 to 10), which most forms use; a line it refuses for a score's value is
decoded by :data:`decode_any`, and its scores are checked against the form's own scale.
"""

import datetime
from typing import Annotated, Generic, Literal, TypeVar

import msgspec
from msgspec import UNSET, UnsetType

__all__ = ["UNSET", "decode", "decode_any", "msgspec"]

_Score = TypeVar("_Score")


class _Activity(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    name: str
    area: str | UnsetType | None = UNSET


class _Conversation(msgspec.Struct, Generic[_Score], forbid_unknown_fields=True, gc=False):
    date: datetime.date
    scores: dict[str, _Score] | UnsetType = UNSET


class _Scale(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    minimum: int | UnsetType = UNSET
    maximum: int | UnsetType = UNSET
    higher_is_better: bool | UnsetType = UNSET


class _Form(msgspec.Struct, Generic[_Score], forbid_unknown_fields=True, gc=False):
    kind: Literal["form"]
    schema_version: Literal[1]
    activities: list[_Activity]
    conversations: list[_Conversation[_Score]] | UnsetType = UNSET
    scale: _Scale | UnsetType = UNSET
    identifier: str | UnsetType | None = UNSET
    team: str | UnsetType | None = UNSET
    municipality: str | UnsetType | None = UNSET  # its rule: checked by the caller


decode = msgspec.json.Decoder(_Form[Annotated[int, msgspec.Meta(ge=1, le=10)]]).decode
"""Decodes a line whose scores are each 1 to 10; raises ``msgspec.ValidationError`` else."""
decode_any = msgspec.json.Decoder(_Form[int]).decode
"""Decodes a line whatever its scores' values (for a line :data:`decode` refuses)."""
