"""The form's optional municipality number: one rule shared with the network's organisations."""

from __future__ import annotations

import json

import attrs
import pytest

import laeringsnettverk as ln
from laeringsnettverk._municipality import COUNTIES, check_municipality_number
from laeringsnettverk.examples import load_example
from laeringsnettverk.serialization import json_schema

FORM = load_example("form")


def test_a_form_keeps_its_municipality_number_through_json() -> None:
    form = attrs.evolve(FORM, municipality="1804")
    text = ln.dumps(form)
    assert json.loads(text)["municipality"] == "1804"
    assert ln.loads(text) == form


def test_a_form_without_one_is_written_as_before() -> None:
    assert "municipality" not in json.loads(ln.dumps(FORM))


@pytest.mark.parametrize(
    ("number", "rule"),
    [
        ("180", "must be a municipality number of four digits, e.g. '0301'"),
        ("1800", "is a county, not a municipality (ends in 00)"),
        ("9901", "does not start with a county number (of 2024 or earlier)"),
        (1804, "must be a municipality number of four digits"),
        ("18045", "must be a municipality number of four digits"),
        ("1804\n", "must be a municipality number of four digits"),
        ("\uff11\uff18\uff10\uff14", "must be a municipality number of four digits"),  # wide
        ("\u00b9804", "must be a municipality number of four digits"),  # superscript one
    ],
)
def test_a_bad_municipality_number_is_refused_with_its_rule(number: object, rule: str) -> None:
    with pytest.raises(ln.ValidationError) as info:
        attrs.evolve(FORM, municipality=number)
    assert [p.path for p in info.value.problems] == [("municipality",)]
    assert rule in str(info.value)


def test_numbers_of_earlier_county_structures_are_accepted() -> None:
    # Hamar was 0403 in Hedmark until 2020: a form of 2015 keeps the number it had
    assert attrs.evolve(FORM, municipality="0403").municipality == "0403"
    assert "04" in COUNTIES


def test_the_schema_states_the_same_rule() -> None:
    prop = json_schema("form")["properties"]["municipality"]
    assert prop["type"] == ["string", "null"]
    assert prop["pattern"].startswith("^(01|02|03|")


def test_the_check_reports_through_the_checker() -> None:
    from laeringsnettverk._checks import Checker

    c = Checker()
    assert check_municipality_number(c, ("x",), "0301")
    assert not c.problems
