"""Units as UCUM codes: a conservative recogniser, and Quantities that use it."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any

from laeringsnettverk.fhir._common import UCUM, encode_text

__all__ = ["UNIT_WORDS", "quantity", "ucum_code"]

UNIT_WORDS = MappingProxyType(
    {
        "poeng": "{score}",
        "skår": "{score}",
        "skåre": "{score}",
        "prosent": "%",
        "minutt": "min",
        "minutter": "min",
        "time": "h",
        "timer": "h",
        "dag": "d",
        "dager": "d",
        "døgn": "d",
        "uke": "wk",
        "uker": "wk",
        "måned": "mo",
        "måneder": "mo",
        "år": "a",
        "kilo": "kg",
    }
)
"""Norwegian unit words the library writes as a UCUM code (the unit text stays as written)."""

# UCUM atoms that take a metric prefix, and those that do not (a practical subset of UCUM's
# tables; a unit built from anything else is sent without a system, as text only).
_METRIC = frozenset(
    (
        "m",
        "g",
        "s",
        "L",
        "l",
        "mol",
        "K",
        "Cel",
        "Hz",
        "N",
        "Pa",
        "J",
        "W",
        "A",
        "V",
        "C",
        "F",
        "Ohm",
        "S",
        "Wb",
        "T",
        "H",
        "lm",
        "lx",
        "Bq",
        "Gy",
        "Sv",
        "cd",
        "rad",
        "sr",
        "eq",
        "osm",
        "kat",
        "U",
        "bit",
        "By",
        "t",
        "bar",
        "cal",
        "m[Hg]",
        "m[H2O]",
        "[iU]",
        "[IU]",
    )
)
_PLAIN = frozenset(
    (
        "min",
        "h",
        "d",
        "wk",
        "mo",
        "a",
        "a_j",
        "a_t",
        "a_g",
        "mo_j",
        "mo_s",
        "mo_g",
        "%",
        "10*",
        "10^",
        "[ppm]",
        "[ppth]",
        "[pH]",
        "[lb_av]",
        "[oz_av]",
        "[in_i]",
        "[ft_i]",
        "[mi_i]",
        "[degF]",
        "[drp]",
        "deg",
    )
)
_PREFIXES = ("da", *"YZEPTGMkhdcmunpfazy")
_ANNOTATION = r"\{[!-z|~]+\}"  # ASCII 33..126 without the braces
_COMPONENT = re.compile(rf"(?P<body>.*?)(?P<exp>[+-]?\d+)?(?P<ann>{_ANNOTATION})?")


def _simple_unit(body: str) -> bool:
    if body in _PLAIN or body in _METRIC:
        return True
    return any(body.startswith(p) and body[len(p) :] in _METRIC for p in _PREFIXES)


def _component(text: str) -> bool:
    if re.fullmatch(_ANNOTATION, text):
        return True
    match = _COMPONENT.fullmatch(text)
    if match is None:
        return False
    body, exp = match["body"], match["exp"]
    if not body:  # a number: a factor such as the 100 in /100
        return exp is not None and exp.isdigit() and match["ann"] is None
    return _simple_unit(body)


def _split(unit: str) -> list[str] | None:
    """The components between the operators ``.`` and ``/``; None for unbalanced braces."""
    parts, current, depth = [], "", 0
    for ch in unit:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return None
        if depth == 0 and ch in "./":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return None if depth else parts


def ucum_code(unit: str) -> str | None:
    """The UCUM code of a unit, or None when the library cannot tell that it is UCUM.

    A Norwegian word of :data:`UNIT_WORDS` (``poeng``, ``prosent``, ``uker``, …) gives its
    UCUM code; anything else is taken as it is when it is a UCUM expression the library
    recognises: the common atoms (``%``, ``min``, ``h``, ``d``, ``wk``, ``mo``, ``a``, SI units
    with metric prefixes such as ``kg`` and ``mmol``, …), exponents, annotations
    (``{score}``, ``mg{total}``), and terms joined by ``.`` and ``/`` (``kg/m2``, ``/wk``).
    """
    word = UNIT_WORDS.get(unit.strip().lower())
    if word is not None:
        return word
    if not unit or unit != unit.strip() or not unit.isascii() or " " in unit:
        return None
    parts = _split(unit)
    if parts is None:
        return None
    if unit.startswith("/"):
        parts = parts[1:]  # a leading division: /min
    return unit if parts and all(_component(part) for part in parts) else None


def quantity(value: float, unit: str | None) -> dict[str, Any]:
    """A Quantity: the unit as written, with UCUM's system and code when it is UCUM."""
    result: dict[str, Any] = {"value": value}
    if unit:
        result["unit"] = encode_text(unit)
        code = ucum_code(unit)
        if code is not None:
            result["system"] = UCUM
            result["code"] = code
    return result
