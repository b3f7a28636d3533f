"""Norwegian personal identity numbers: fødselsnummer, D-nummer and H-nummer, checked.

A :class:`PersonIdentifier` is an 11-digit number that passed every rule the library
knows: the birth date (day, month, and the year's century from the individual number,
so that 29 February is checked against leap years), the D-nummer's day + 40, the
H-nummer's month + 40, and both modulus-11 check digits. Synthetic test numbers (month
+ 80, as in Skatteetaten's synthetic population «Test-Norge») are accepted only when
asked for with ``synthetic=True``.

The number is personal data. ``repr``, ``str``, ``format`` and every error message show
at most its last two digits (the second check digit and the one before it are computed
from the rest, so they give nothing away on their own); the full number is only in
:attr:`PersonIdentifier.value`.

```pycon
>>> from laeringsnettverk.identity import PersonIdentifier
>>> person = PersonIdentifier.parse("15828912302", synthetic=True)
>>> person
PersonIdentifier(kind='foedselsnummer', synthetic=True, value='*********02')
>>> person.birth_date
datetime.date(1989, 2, 15)
>>> PersonIdentifier.parse("15828912302")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
laeringsnettverk.errors.ValidationError: number: is a synthetic test number (month + 80): ...

```

Sources: Skatteetaten describes the fødselsnummer (birth date, three-digit individual
number, two check digits) and the D-nummer (4 added to the first digit); the individual
number's ranges per century are in the regulation on the National Population Register
(folkeregisterforskriften). The H-nummer (month + 40, used by health services for people
without a known fødselsnummer or D-nummer) and synthetic numbers (month + 80, Skatteetaten's
test data) are conventions, not law.
"""

from __future__ import annotations

import datetime
from typing import Literal

import attrs

from laeringsnettverk._checks import Checker

__all__ = [
    "DNUMMER_SYSTEM",
    "FOEDSELSNUMMER_SYSTEM",
    "HNUMMER_SYSTEM",
    "IdentityKind",
    "PersonIdentifier",
    "identity_problem",
]

FOEDSELSNUMMER_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.1"
"""The identifier system (OID) of the Norwegian fødselsnummer (national identity number)."""

DNUMMER_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.2"
"""The identifier system (OID) of the Norwegian D-nummer (for people without a fødselsnummer)."""

HNUMMER_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.3"
"""The identifier system (OID) of the health services' hjelpenummer (H-nummer).

HL7 Norway's no-basis profiles list this OID as the «felles hjelpenummer» (FHN); the
library uses it for H-numbers (month + 40), its own reading of that entry."""

IdentityKind = Literal["foedselsnummer", "dnummer", "hnummer"]
"""The kinds of number: ``"foedselsnummer"``, ``"dnummer"`` or ``"hnummer"``."""

_SYSTEMS: dict[str, str] = {
    "foedselsnummer": FOEDSELSNUMMER_SYSTEM,
    "dnummer": DNUMMER_SYSTEM,
    "hnummer": HNUMMER_SYSTEM,
}
_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    k = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return 0 if k == 11 else None if k == 10 else k


def _centuries(year: int, individual: int) -> list[int]:
    """The full years the individual number gives for a two-digit year.

    The regulation's ranges: 500-749 for 1854-1899, 000-499 for 1900-1999, 900-999 also
    for 1940-1999, 500-999 for 2000-2039. A number outside them (D- and H-numbers have
    been given outside them) gives both 1900 and 2000, and the date must fit one of them.
    """
    years = []
    if individual <= 499:
        years.append(1900 + year)
    if 500 <= individual <= 749 and year >= 54:
        years.append(1800 + year)
    if individual >= 900 and year >= 40:
        years.append(1900 + year)
    if individual >= 500 and year <= 39:
        years.append(2000 + year)
    return years or [1900 + year, 2000 + year]


def _birth_date(day: int, month: int, year: int, individual: int) -> datetime.date | None:
    for full_year in _centuries(year, individual):
        try:
            return datetime.date(full_year, month, day)
        except ValueError:
            continue
    return None


@attrs.frozen
class _Parsed:
    kind: IdentityKind
    synthetic: bool
    birth_date: datetime.date


def _parse(number: object) -> _Parsed | str:
    """The parts of a valid number, or the rule it breaks (never showing the number)."""
    if not isinstance(number, str) or len(number) != 11 or not number.isascii():
        return "must be 11 digits"
    if not number.isdigit():
        return "must be 11 digits"
    day, month = int(number[:2]), int(number[2:4])
    year, individual = int(number[4:6]), int(number[6:9])
    d_number = day > 40
    if d_number:
        day -= 40
    synthetic = month > 80
    if synthetic:
        month -= 80
    h_number = month > 40
    if h_number:
        month -= 40
    if d_number and h_number:
        return "has both a D-nummer's day (+ 40) and an H-nummer's month (+ 40)"
    if not 1 <= day <= 31:
        return "has no valid day: 01..31 for a fødselsnummer or an H-nummer, 41..71 for a D-nummer"
    if not 1 <= month <= 12:
        return "has no valid month: 01..12, 41..52 for an H-nummer, 81..92 for a synthetic number"
    born = _birth_date(day, month, year, individual)
    if born is None:
        return "has no valid birth date (the day does not exist in that month and year)"
    k1 = _check_digit(number[:9], _W1)
    k2 = None if k1 is None else _check_digit(number[:10], _W2)
    if k1 is None or k2 is None or number[9:] != f"{k1}{k2}":
        return "has wrong check digits (mod 11)"
    kind: IdentityKind = "dnummer" if d_number else "hnummer" if h_number else "foedselsnummer"
    return _Parsed(kind=kind, synthetic=synthetic, birth_date=born)


def identity_problem(number: object, *, synthetic: bool = False) -> str | None:
    """Why ``number`` is not an identity number :class:`PersonIdentifier` accepts, or None.

    The rule never contains the number. With ``synthetic=False`` a synthetic test number
    (month + 80) is refused.

    ```pycon
    >>> identity_problem("31021512345")
    'has no valid birth date (the day does not exist in that month and year)'

    ```
    """
    parsed = _parse(number)
    if isinstance(parsed, str):
        return parsed
    if parsed.synthetic and not synthetic:
        return "is a synthetic test number (month + 80): pass synthetic=True to accept one"
    return None


def _mask(number: str) -> str:
    return "*" * 9 + number[9:]


@attrs.frozen(kw_only=True, repr=False)
class PersonIdentifier:
    """A checked Norwegian fødselsnummer, D-nummer or H-nummer.

    Build one with :meth:`parse` (or the constructor, which checks the same). ``repr``,
    ``str`` and ``format`` show the kind and only the last two digits; errors never show
    the number at all.
    """

    value: str
    """The 11 digits (personal data: never shown in full by the library)."""
    synthetic: bool = attrs.field(default=False, eq=False)
    """True when the number is a synthetic test number (month + 80), which is accepted only
    when this is True. A real number may be given with ``synthetic=True`` too: the flag
    allows test numbers, it does not require one (see :attr:`is_synthetic`)."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if type(self.synthetic) is not bool:
            c.add(("synthetic",), "must be True or False", type(self.synthetic).__name__)
            c.done()
        problem = identity_problem(self.value, synthetic=self.synthetic)
        if problem is not None:
            c.add(("number",), problem)
        c.done()

    @classmethod
    def parse(cls, number: str, *, synthetic: bool = False) -> PersonIdentifier:
        """Check ``number`` and return it as a PersonIdentifier.

        Raises:
            ValidationError: at ``number`` with the rule it breaks (never the number).
        """
        return cls(value=number, synthetic=synthetic)

    @property
    def _parsed(self) -> _Parsed:
        parsed = _parse(self.value)
        assert not isinstance(parsed, str)  # checked on construction
        return parsed

    @property
    def kind(self) -> IdentityKind:
        """``"foedselsnummer"``, ``"dnummer"`` (day + 40) or ``"hnummer"`` (month + 40)."""
        return self._parsed.kind

    @property
    def is_synthetic(self) -> bool:
        """True when the number is a synthetic test number (month + 80)."""
        return self._parsed.synthetic

    @property
    def birth_date(self) -> datetime.date:
        """The birth date the number holds (for an H-nummer, the date it was made from)."""
        return self._parsed.birth_date

    @property
    def system(self) -> str:
        """The identifier system (OID as ``urn:oid:``) of the number's kind.

        A synthetic number stands in for the kind it imitates, so it has that kind's system.
        """
        return _SYSTEMS[self.kind]

    @property
    def masked(self) -> str:
        """The number with all but its last two digits replaced by ``*``."""
        return _mask(self.value)

    def __repr__(self) -> str:
        return (
            f"PersonIdentifier(kind={self.kind!r}, synthetic={self.is_synthetic!r}, "
            f"value={self.masked!r})"
        )

    def __str__(self) -> str:
        return self.masked

    def __format__(self, spec: str) -> str:
        return format(self.masked, spec)
