"""Norwegian public holidays (helligdager og offentlige høytidsdager) and working days."""

from __future__ import annotations

import datetime

from laeringsnettverk._checks import Checker
from laeringsnettverk._codes import CodedEnum

__all__ = ["PublicHoliday", "is_working_day", "norwegian_public_holidays"]


class PublicHoliday(CodedEnum):
    """The twelve Norwegian public holidays: fixed days and the Easter-based ones.

    Sundays other than Easter Sunday and Whit Sunday are not listed: every Sunday is a
    holiday anyway. Christmas Eve and New Year's Eve are not public holidays.
    """

    NEW_YEARS_DAY = ("nyttaarsdag", "Nyttårsdag", "New Year's Day")
    """1 January."""
    MAUNDY_THURSDAY = ("skjaertorsdag", "Skjærtorsdag", "Maundy Thursday")
    """Easter Sunday - 3 days."""
    GOOD_FRIDAY = ("langfredag", "Langfredag", "Good Friday")
    """Easter Sunday - 2 days."""
    EASTER_SUNDAY = ("foerste_paaskedag", "Første påskedag", "Easter Sunday")
    """Easter Sunday (Western Easter, ``dateutil.easter.easter``)."""
    EASTER_MONDAY = ("andre_paaskedag", "Andre påskedag", "Easter Monday")
    """Easter Sunday + 1 day."""
    LABOUR_DAY = ("arbeidernes_dag", "Offentlig høytidsdag 1. mai", "Labour Day")
    """1 May."""
    CONSTITUTION_DAY = ("grunnlovsdag", "Grunnlovsdag 17. mai", "Constitution Day")
    """17 May."""
    ASCENSION_DAY = ("kristi_himmelfartsdag", "Kristi himmelfartsdag", "Ascension Day")
    """Easter Sunday + 39 days."""
    WHIT_SUNDAY = ("foerste_pinsedag", "Første pinsedag", "Whit Sunday")
    """Easter Sunday + 49 days."""
    WHIT_MONDAY = ("andre_pinsedag", "Andre pinsedag", "Whit Monday")
    """Easter Sunday + 50 days."""
    CHRISTMAS_DAY = ("foerste_juledag", "Første juledag", "Christmas Day")
    """25 December."""
    BOXING_DAY = ("andre_juledag", "Andre juledag", "Boxing Day")
    """26 December."""


_EASTER_OFFSETS = {
    PublicHoliday.MAUNDY_THURSDAY: -3,
    PublicHoliday.GOOD_FRIDAY: -2,
    PublicHoliday.EASTER_SUNDAY: 0,
    PublicHoliday.EASTER_MONDAY: 1,
    PublicHoliday.ASCENSION_DAY: 39,
    PublicHoliday.WHIT_SUNDAY: 49,
    PublicHoliday.WHIT_MONDAY: 50,
}
_FIXED = {
    PublicHoliday.NEW_YEARS_DAY: (1, 1),
    PublicHoliday.LABOUR_DAY: (5, 1),
    PublicHoliday.CONSTITUTION_DAY: (5, 17),
    PublicHoliday.CHRISTMAS_DAY: (12, 25),
    PublicHoliday.BOXING_DAY: (12, 26),
}
_CACHE: dict[int, dict[PublicHoliday, datetime.date]] = {}


def norwegian_public_holidays(year: int) -> dict[PublicHoliday, datetime.date]:
    """The Norwegian public holidays of ``year``, in date order.

    Keyed by holiday, since two can fall on the same day (Ascension Day was 1 May in
    2008). Easter is computed with ``dateutil.easter.easter`` (Western Easter).

    ```pycon
    >>> holidays = norwegian_public_holidays(2024)
    >>> holidays[PublicHoliday.EASTER_SUNDAY], holidays[PublicHoliday.ASCENSION_DAY]
    (datetime.date(2024, 3, 31), datetime.date(2024, 5, 9))
    >>> len(holidays)
    12

    ```
    """
    c = Checker()
    c.integer(("year",), year, 1583, 4099)
    c.done()
    cached = _CACHE.get(year)
    if cached is None:
        from dateutil.easter import easter

        sunday = easter(year)
        days = {h: datetime.date(year, m, d) for h, (m, d) in _FIXED.items()}
        days.update({h: sunday + datetime.timedelta(days=n) for h, n in _EASTER_OFFSETS.items()})
        cached = dict(
            sorted(days.items(), key=lambda kv: (kv[1], list(PublicHoliday).index(kv[0])))
        )
        _CACHE[year] = cached
    return dict(cached)


def is_working_day(day: datetime.date) -> bool:
    """True for a weekday (Monday to Friday) that is not a Norwegian public holiday.

    ```pycon
    >>> import datetime
    >>> is_working_day(datetime.date(2024, 5, 17)), is_working_day(datetime.date(2024, 5, 16))
    (False, True)

    ```
    """
    c = Checker()
    c.date(("day",), day)
    c.done()
    if day.weekday() >= 5:
        return False
    return day not in norwegian_public_holidays(day.year).values()
