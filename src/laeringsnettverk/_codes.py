"""Coded enumerations: a Norwegian ASCII code in data, labels in Norwegian and English."""

from __future__ import annotations

import enum
from typing import Any, Self

__all__ = ["CodedEnum"]


class CodedEnum(enum.StrEnum):
    """An enumeration whose value is its canonical code (lower-case ASCII Norwegian).

    Each member also carries ``label_nb`` (proper Norwegian, for people) and
    ``label_en`` (English). Members compare equal to their code strings.
    """

    _value_: str
    label_nb: str
    label_en: str

    def __new__(cls, code: str, label_nb: str = "", label_en: str = "") -> Self:
        # The defaults let type checkers accept ``ItemStatus("gjennomfoert")`` (a lookup
        # by code at run time: Enum's own __call__ never reaches this __new__).
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.label_nb = label_nb
        obj.label_en = label_en
        return obj

    @property
    def code(self) -> str:
        """The canonical code used in data, e.g. ``"ikke_aktuelt"``."""
        return self._value_

    @property
    def label(self) -> str:
        """Norwegian with English beside it, for people: ``"Ikke aktuelt (not relevant)"``."""
        return f"{self.label_nb} ({self.label_en})"

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        """Every code of the enumeration, in order."""
        return tuple(m.value for m in cls)

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"

    @classmethod
    def _missing_(cls, value: Any) -> None:
        return None
