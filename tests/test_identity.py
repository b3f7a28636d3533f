"""Norwegian identity numbers: every rule, and the number never shown."""

from __future__ import annotations

import datetime
import logging
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.fhir import Subject
from laeringsnettverk.identity import (
    DNUMMER_SYSTEM,
    FOEDSELSNUMMER_SYSTEM,
    HNUMMER_SYSTEM,
    PersonIdentifier,
    identity_problem,
)

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def with_check_digits(nine: str) -> str | None:
    """The nine digits with both mod-11 check digits, or None when no check digit exists."""

    def digit(digits: str, weights: tuple[int, ...]) -> int | None:
        k = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
        return 0 if k == 11 else None if k == 10 else k

    k1 = digit(nine, W1)
    k2 = None if k1 is None else digit(nine + str(k1), W2)
    return None if k1 is None or k2 is None else f"{nine}{k1}{k2}"


def number_for(
    born: datetime.date, individual: int, *, d: bool = False, h: bool = False, synth: bool = False
) -> str | None:
    day = born.day + 40 * d
    month = born.month + 40 * h + 80 * synth
    return with_check_digits(f"{day:02d}{month:02d}{born.year % 100:02d}{individual:03d}")


def first_number(born: datetime.date, start: int, **kinds: bool) -> str:
    """The first number with check digits for a birth date, from individual number ``start``."""
    for individual in range(start, start + 100):
        number = number_for(born, individual, **kinds)
        if number is not None:
            return number
    raise AssertionError("no check digits in 100 individual numbers")


def individual_for(year: int, draw: int) -> int:
    """An individual number of the regulation's range for a birth year."""
    if year < 1900:
        return 500 + draw % 250
    if year < 2000:
        return draw % 500
    return 500 + draw % 500


@given(
    st.dates(datetime.date(1854, 1, 1), datetime.date(2039, 12, 31)),
    st.integers(0, 10_000),
    st.sampled_from(["foedselsnummer", "dnummer", "hnummer"]),
    st.booleans(),
)
def test_every_valid_number_is_accepted_with_its_kind_and_birth_date(
    born: datetime.date, draw: int, kind: str, synth: bool
) -> None:
    if synth and kind == "hnummer":  # month + 40 + 80 does not fit two digits
        return
    number = number_for(
        born,
        individual_for(born.year, draw),
        d=kind == "dnummer",
        h=kind == "hnummer",
        synth=synth,
    )
    if number is None:  # no check digit exists for these nine digits
        return
    person = PersonIdentifier.parse(number, synthetic=True)
    assert person.kind == kind
    assert person.is_synthetic is synth
    assert person.birth_date == born
    systems = {
        "foedselsnummer": FOEDSELSNUMMER_SYSTEM,
        "dnummer": DNUMMER_SYSTEM,
        "hnummer": HNUMMER_SYSTEM,
    }
    assert person.system == systems[kind]
    assert person.value == number
    for shown in (repr(person), str(person), f"{person}", f"{person:>20}", person.masked):
        assert number[:9] not in shown
        assert shown.count("*") == 9
    if synth:  # a synthetic number only when asked for
        with pytest.raises(ValidationError, match="synthetic test number") as info:
            PersonIdentifier.parse(number)
        assert number not in str(info.value)
    else:
        assert PersonIdentifier.parse(number) == person


@given(st.text(max_size=12) | st.from_regex(r"[0-9]{11}", fullmatch=True))
def test_any_input_is_accepted_or_refused_without_showing_it(text: str) -> None:
    problem = identity_problem(text, synthetic=True)
    if problem is None:
        assert PersonIdentifier.parse(text, synthetic=True).value == text
        return
    with pytest.raises(ValidationError) as info:
        PersonIdentifier.parse(text, synthetic=True)
    assert text not in str(info.value) or len(text) < 3
    assert [p.path for p in info.value.problems] == [("number",)]


@pytest.mark.parametrize(
    ("number", "rule"),
    [
        ("1502891230", "11 digits"),  # ten digits
        ("150289123021", "11 digits"),  # twelve
        ("15028912a02", "11 digits"),  # a letter
        ("１５０２８９１２３０２", "11 digits"),  # full-width digits
        ("00028912345", "no valid day"),  # day 00
        ("32028912345", "no valid day"),  # day 32
        ("72028912345", "no valid day"),  # D-nummer day 72 (32)
        ("15008912345", "no valid month"),  # month 00
        ("15138912345", "no valid month"),  # month 13
        ("15538912345", "no valid month"),  # H-nummer month 53 (13)
        ("15938912345", "no valid month"),  # synthetic month 93 (13)
        ("30028912345", "no valid birth date"),  # 30 February
        ("31048912345", "no valid birth date"),  # 31 April
        ("29020012345", "no valid birth date"),  # 29 February 1900 (individual 123)
        ("55428912345", "both a D-nummer's day"),  # day + 40 and month + 40
    ],
)
def test_invalid_numbers_are_refused(number: str, rule: str) -> None:
    with pytest.raises(ValidationError, match=rule) as info:
        PersonIdentifier.parse(number, synthetic=True)
    assert number not in str(info.value)
    assert number[:6] not in str(info.value)


def test_leap_years_follow_the_century_of_the_individual_number() -> None:
    # 29 February 2000 (individual 500..999): a leap year
    leap = first_number(datetime.date(2000, 2, 29), 512)
    assert PersonIdentifier.parse(leap).birth_date == datetime.date(2000, 2, 29)
    # 29 February 1900 (individual 000..499): not a leap year
    for individual in range(500):
        bad = with_check_digits(f"290200{individual:03d}")
        if bad is not None:
            break
    assert bad is not None
    assert identity_problem(bad) == (
        "has no valid birth date (the day does not exist in that month and year)"
    )
    # 1854..1899 with 500..749, 1940..1999 also with 900..999
    old = first_number(datetime.date(1860, 2, 29), 600)
    assert PersonIdentifier.parse(old).birth_date.year == 1860
    late = first_number(datetime.date(1960, 2, 29), 950)
    assert PersonIdentifier.parse(late).birth_date.year == 1960
    # outside the ranges (750..899 with a year 40..99): either century will do
    odd = first_number(datetime.date(1976, 2, 29), 800)
    assert PersonIdentifier.parse(odd).birth_date.year == 1976


def test_wrong_check_digits() -> None:
    number = first_number(datetime.date(1989, 2, 15), 123)
    for spoilt in (number[:9] + str((int(number[9]) + 1) % 10) + number[10], number[:10] + "x"):
        with pytest.raises(ValidationError):
            PersonIdentifier.parse(spoilt)
    # nine digits for which no first check digit exists (the remainder gives 10)
    for individual in range(1000):
        nine = f"150289{individual:03d}"
        k = 11 - sum(int(d) * w for d, w in zip(nine, W1, strict=True)) % 11
        if k == 10:
            assert identity_problem(nine + "00") == "has wrong check digits (mod 11)"
            break


def test_the_flag_must_be_a_boolean_and_is_not_part_of_equality() -> None:
    number = first_number(datetime.date(1989, 2, 15), 123)
    with pytest.raises(ValidationError, match="True or False"):
        PersonIdentifier(value=number, synthetic="yes")  # type: ignore[arg-type]
    assert PersonIdentifier(value=number) == PersonIdentifier(value=number, synthetic=True)
    assert hash(PersonIdentifier(value=number)) == hash(PersonIdentifier(value=number))
    person = PersonIdentifier(value=number)
    assert pickle.loads(pickle.dumps(person)) == person


def test_the_number_never_reaches_a_log(caplog: pytest.LogCaptureFixture) -> None:
    number = first_number(datetime.date(1989, 2, 15), 123)
    person = PersonIdentifier.parse(number)
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("person %s, %r", person, person)
        logging.getLogger("test").info(f"person {person!s} {person!r}")
    assert number not in caplog.text
    assert person.masked in caplog.text


def test_subject_uses_the_identifier_rules() -> None:
    h_number = first_number(datetime.date(1989, 2, 15), 123, h=True)
    subject = Subject.from_identity_number(h_number)
    assert subject.identifier_system == HNUMMER_SYSTEM  # not the fødselsnummer's OID
    synthetic = first_number(datetime.date(1989, 2, 15), 123, synth=True)
    with pytest.raises(ValidationError, match="synthetic"):
        Subject.from_identity_number(synthetic)
    person = PersonIdentifier.parse(synthetic, synthetic=True)
    assert Subject.from_identity_number(person).identifier_system == FOEDSELSNUMMER_SYSTEM
    assert Subject.from_identity_number(person).synthetic is True
    for bad in ("01138912345", "30028912345"):  # month 13, 30 February
        with pytest.raises(ValidationError) as info:
            Subject.from_identity_number(bad)
        assert bad not in str(info.value)


def test_a_reference_holding_digits_is_not_echoed() -> None:
    number = first_number(datetime.date(1989, 2, 15), 123)
    with pytest.raises(ValidationError, match="must be Patient") as info:
        Subject(reference=number)  # an identity number given where a reference belongs
    assert number not in str(info.value)
    assert number[:6] not in str(info.value)
    with pytest.raises(ValidationError, match="'Practitioner/1'"):
        Subject(reference="Practitioner/1")  # no long run of digits: shown
