r"""Numbers for people: Norwegian (``"2,0"``, ``"80 %"``) or English (``"2.0"``, ``"80 %"``).

One style, used by :mod:`laeringsnettverk.summary` and :mod:`laeringsnettverk.report` (the
library's choices, after Språkrådet's rules for Norwegian and SI / ISO 80000 for both):

- rounded half up, exactly as :func:`~laeringsnettverk.scoring.round_half_up` rounds
  (2.25 → 2,3; never banker's rounding);
- decimal comma in Norwegian (``nb``), decimal point in English (``en``);
- the minus sign U+2212 (``"−0,4"``) in both languages, and never a minus on a zero
  (−0.04 shows as ``"0,0"``);
- digits grouped in threes from five digits before the decimal mark (``"12 345"``; four
  digits stay together, ``"2025"``), with a no-break space U+00A0 in Norwegian and a comma
  in English (``"12,345"``);
- a percent rounded half up to one decimal, the decimal left out when it is zero, and a
  no-break space before the sign in both languages (``"80 %"``, ``"28,8 %"``;
  ``"28.8 %"``), as the library's other messages write it;
- ``None`` (no number) shows as an en dash ``"–"``.

```pycon
>>> fmt_number(2.25), fmt_number(2.25, lang="en"), fmt_number(-0.4)
('2,3', '2.3', '−0,4')
>>> fmt_percent(0.8) == "80\u00a0%"
True

```
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Literal

from laeringsnettverk._checks import Checker
from laeringsnettverk._rounding import round_half_up, to_percent

__all__ = [
    "DASH",
    "MINUS",
    "NBSP",
    "Lang",
    "check_lang",
    "fmt_number",
    "fmt_percent",
]

Lang = Literal["nb", "en"]
"""The languages: ``"nb"`` (Norwegian bokmål) and ``"en"`` (English)."""

NBSP = "\u00a0"
"""No-break space: groups digits in Norwegian and stands before ``%``."""
MINUS = "\u2212"
"""The minus sign (U+2212), in both languages."""
DASH = "\u2013"
"""An en dash: shown where there is no number."""

_MARKS: dict[str, tuple[str, str]] = {"nb": (",", NBSP), "en": (".", ",")}
"""Decimal mark and group separator per language."""
_GROUP_FROM = 5
"""Group digits when the whole part has at least this many digits (Språkrådet)."""


def check_lang(c: Checker, lang: object) -> None:
    """Add a problem to ``c`` unless ``lang`` is ``"nb"`` or ``"en"``."""
    if lang not in _MARKS:
        c.add(("lang",), 'must be "nb" (Norwegian) or "en" (English)', lang)


def fmt_number(
    value: float | None, decimals: int = 1, lang: Lang = "nb", *, trim: bool = False
) -> str:
    r"""A number for people, rounded half up to ``decimals`` (see the module's style).

    ``trim=True`` leaves out trailing zeros of the decimals (``3,50`` → ``3,5``; ``3,00``
    → ``3``).

    ```pycon
    >>> fmt_number(12345.678, 2), fmt_number(12345.678, 2, "en")
    ('12\xa0345,68', '12,345.68')
    >>> fmt_number(3.5, 2, trim=True), fmt_number(None)
    ('3,5', '–')

    ```

    Raises:
        ValidationError: a value that is not a finite number, ``decimals`` that is not a
            whole number from 0, or an unknown ``lang``.
    """
    c = Checker()
    c.integer(("decimals",), decimals, 0)
    check_lang(c, lang)
    c.done()
    if value is None:
        return DASH
    rounded = round_half_up(value, decimals)  # checks the value
    text = format(Decimal(repr(rounded)), f".{decimals}f")
    negative = text.startswith("-")
    whole, _, part = text.lstrip("-").partition(".")
    if trim:
        part = part.rstrip("0")
    point, group = _MARKS[lang]
    if len(whole) >= _GROUP_FROM:
        head = len(whole) % 3 or 3
        whole = group.join([whole[:head]] + [whole[k : k + 3] for k in range(head, len(whole), 3)])
    out = whole + (point + part if part else "")
    if negative and any(ch in "123456789" for ch in out):
        out = MINUS + out
    return out


def fmt_percent(fraction: float | Fraction | None, lang: Lang = "nb") -> str:
    r"""A share (0.8) as a percent for people: ``"80 %"``, ``"28,8 %"`` (see the module's style).

    Computed as :func:`~laeringsnettverk.scoring.to_percent` computes it (a
    :class:`~fractions.Fraction` exactly), so 23 of 80 is 28,8 %.

    ```pycon
    >>> fmt_percent(Fraction(23, 80)), fmt_percent(Fraction(23, 80), "en")
    ('28,8\xa0%', '28.8\xa0%')

    ```

    Raises:
        ValidationError: a share that is not a finite number, or an unknown ``lang``.
    """
    c = Checker()
    check_lang(c, lang)
    c.done()
    if fraction is None:
        return DASH
    return fmt_number(to_percent(fraction), 1, lang, trim=True) + NBSP + "%"
