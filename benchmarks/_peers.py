"""Peer models for the benchmark: pydantic v2 and msgspec, the same shape and rules as the form.

Same types (strict: no "5" for 5, no 5.5 for 5), non-blank and unique activity names, scores
within the scale and for known activities, increasing dates, unknown keys rejected. Installed
with the ``bench`` extra; used only by ``benchmarks/run.py``.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

import msgspec
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    model_validator,
)


def _not_blank(s: str) -> str:
    if not s.strip():
        raise ValueError("must not be empty")
    return s


def _check_form(activities: Any, conversations: Any, lo: int, hi: int) -> None:
    seen: set[str] = set()
    for a in activities:
        folded = a.name.strip().casefold()
        if folded in seen:
            raise ValueError("duplicate activity name")
        seen.add(folded)
    names = {a.name for a in activities}
    previous: datetime.date | None = None
    for c in conversations:
        for name, score in c.scores.items():
            if name not in names or not lo <= score <= hi:
                raise ValueError("bad score")
        if previous is not None and c.date <= previous:
            raise ValueError("dates must increase")
        previous = c.date


# -- pydantic v2 ------------------------------------------------------------------------------

Text = Annotated[StrictStr, AfterValidator(_not_blank)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class PActivity(_Strict):
    """Activity."""

    name: Text
    area: StrictStr | None = None


class PConversation(_Strict):
    """Conversation."""

    date: datetime.date
    scores: dict[StrictStr, StrictInt] = Field(default_factory=dict)


class PScale(_Strict):
    """Scale."""

    minimum: StrictInt = 1
    maximum: StrictInt = 10
    higher_is_better: StrictBool = True

    @model_validator(mode="after")
    def _ordered(self) -> PScale:
        if self.minimum >= self.maximum:
            raise ValueError("maximum must be above minimum")
        return self


class PForm(_Strict):
    """The form, as a versioned document."""

    kind: Literal["form"]
    schema_version: Literal[1]
    activities: tuple[PActivity, ...]
    conversations: tuple[PConversation, ...] = ()
    scale: PScale = PScale()
    identifier: StrictStr | None = None
    team: StrictStr | None = None

    @model_validator(mode="after")
    def _across(self) -> PForm:
        _check_form(self.activities, self.conversations, self.scale.minimum, self.scale.maximum)
        return self


class pydantic_form:  # noqa: N801 - used like a function
    """``decode(bytes) -> model`` and ``encode(model) -> str``."""

    decode = staticmethod(PForm.model_validate_json)

    @staticmethod
    def encode(model: PForm) -> str:
        return model.model_dump_json(exclude_defaults=True)


# -- msgspec -------------------------------------------------------------------------------------


class MActivity(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """Activity."""

    name: str
    area: str | None = None

    def __post_init__(self) -> None:
        _not_blank(self.name)


class MConversation(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """Conversation."""

    date: datetime.date
    scores: dict[str, int] = msgspec.field(default_factory=dict)


class MScale(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """Scale."""

    minimum: int = 1
    maximum: int = 10
    higher_is_better: bool = True

    def __post_init__(self) -> None:
        if self.minimum >= self.maximum:
            raise ValueError("maximum must be above minimum")


class MForm(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """The form, as a versioned document."""

    kind: Literal["form"]
    schema_version: Literal[1]
    activities: tuple[MActivity, ...]
    conversations: tuple[MConversation, ...] = ()
    scale: MScale = msgspec.field(default_factory=MScale)
    identifier: str | None = None
    team: str | None = None

    def __post_init__(self) -> None:
        _check_form(self.activities, self.conversations, self.scale.minimum, self.scale.maximum)


class msgspec_form:  # noqa: N801 - used like a function
    """``decode(bytes) -> model`` and ``encode(model) -> bytes``."""

    decode = msgspec.json.Decoder(MForm).decode
    encode = msgspec.json.Encoder().encode
