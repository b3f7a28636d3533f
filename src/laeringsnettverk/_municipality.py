"""Norwegian municipality numbers (kommunenummer): the counties and the rule of a number.

A municipality number is four digits: the first two the county's number, the last two the
municipality's within it (never ``00``, the county itself). The rule accepts the numbers of
the 2024 county structure and of the earlier ones, since networks keep the numbers they had
when they ran. One rule, used by every field that holds a municipality number (an
organisation's, a form's).
"""

from __future__ import annotations

from laeringsnettverk._checks import Checker
from laeringsnettverk._rules import Custom

__all__ = [
    "COUNTIES",
    "COUNTIES_2024",
    "COUNTIES_EARLIER",
    "MUNICIPALITY_NUMBER_RULE",
    "check_municipality_number",
]

COUNTIES_2024: dict[str, str] = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "31": "Østfold",
    "32": "Akershus",
    "33": "Buskerud",
    "34": "Innlandet",
    "39": "Vestfold",
    "40": "Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag",
    "55": "Troms",
    "56": "Finnmark",
}
"""County numbers of the 2024 county structure: the first two digits of a municipality
number."""

COUNTIES_EARLIER: dict[str, str] = {
    "01": "Østfold",
    "02": "Akershus",
    "04": "Hedmark",
    "05": "Oppland",
    "06": "Buskerud",
    "07": "Vestfold",
    "08": "Telemark",
    "09": "Aust-Agder",
    "10": "Vest-Agder",
    "12": "Hordaland",
    "14": "Sogn og Fjordane",
    "16": "Sør-Trøndelag",
    "17": "Nord-Trøndelag",
    "19": "Troms",
    "20": "Finnmark",
    "30": "Viken",
    "38": "Vestfold og Telemark",
    "54": "Troms og Finnmark",
}
"""County numbers that a municipality number carried before 2024 and no longer does: the
structure until 2017 (01-20; Trøndelag's 50 from 2018) and that of 2020-2023 (30 Viken, 38
Vestfold og Telemark, 54 Troms og Finnmark). Networks in the seeds ran in those years, so
their numbers are accepted as they were."""

COUNTIES: dict[str, str] = {**COUNTIES_2024, **COUNTIES_EARLIER}
"""Every county number a municipality number may start with, and the county's name."""

_COUNTIES = COUNTIES


def _four_digits(value: str) -> bool:
    """Exactly four ASCII digits (no pattern compiled at import: the cold start)."""
    return len(value) == 4 and value.isascii() and value.isdigit()


def check_municipality_number(c: Checker, path: tuple[str | int, ...], value: object) -> bool:
    """Four digits, the first two a county (of 2024 or earlier), not ending in ``00``."""
    if not isinstance(value, str) or not _four_digits(value):
        c.add(path, "must be a municipality number of four digits, e.g. '0301'", value)
        return False
    if value[:2] not in _COUNTIES:
        c.add(
            path,
            "does not start with a county number (of 2024 or earlier); expected one of "
            + ", ".join(sorted(_COUNTIES)),
            value,
        )
        return False
    if value.endswith("00"):
        c.add(path, "is a county, not a municipality (ends in 00)", value)
        return False
    return True


def _is_municipality_number(value: object) -> bool:
    return (
        type(value) is str
        and _four_digits(value)
        and value[:2] in _COUNTIES
        and not value.endswith("00")
    )


MUNICIPALITY_NUMBER_RULE = Custom(
    check_with=check_municipality_number,
    quick_with=_is_municipality_number,
    # four digits, the first two a county of 2024 or earlier, the last two not 00
    keywords={
        "pattern": "^(" + "|".join(sorted(_COUNTIES)) + ")([0-9][1-9]|[1-9][0-9])$",
    },
)
"""The rule of a municipality number (see :func:`check_municipality_number`)."""
