"""The toolkit's, improvement's and measurement's models checked by field rules declared once.

Each model declares its fields' rules (``laeringsnettverk._rules``); its cross-field rules
live in one ``_check_across`` method that both the quick pass and the full checks run. These
tests pin, for each converted model, what the rules report (path, rule, code, shown value,
in field order), that a cross-field rule stays quiet when a field it relies on is already
wrong (no crash, no second problem), that the quick pass and the full checks agree, and that
the schema keywords come from the rules.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any
from unittest import mock

import attrs
import pytest

from laeringsnettverk import _rules
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.goals import Indicator, IndicatorKind, IndicatorRole
from laeringsnettverk.improvement import (
    EVENT_TYPES,
    ImprovementProject,
    MeasurementPlan,
    NoteAdded,
    PdsaCycle,
    Phase,
    PhaseEntered,
)
from laeringsnettverk.measurement import ChangeNote, MeasurementPeriod, Observation, Series
from laeringsnettverk.measurement._periods import CODE
from laeringsnettverk.serialization import json_schema
from laeringsnettverk.toolkit import (
    ActionPlan,
    ChecklistItem,
    CollaborationChecklist,
    ConversationWheel,
    KorRatings,
    KorSession,
    Measure,
    OrsRatings,
    Responsible,
    SrsRatings,
    WheelArea,
)
from laeringsnettverk.toolkit._checklist import ITEM_SET_CODE, ITEM_SET_VERSION

d = datetime.date
ITEM = ChecklistItem(text="Kriseplan")
ORS = OrsRatings(individually=5.2, interpersonally=6, socially=4.1, overall=5)
P1 = MeasurementPeriod(code="2015-01", start=d(2015, 1, 1), end=d(2015, 1, 31))
P2 = MeasurementPeriod(code="2015-02", start=d(2015, 2, 1), end=d(2015, 2, 28))
OUTCOME = Indicator(name="Snitt", role=IndicatorRole.OUTCOME)

CONVERTED: tuple[type, ...] = (
    ChecklistItem,
    CollaborationChecklist,
    OrsRatings,
    SrsRatings,
    KorSession,
    KorRatings,
    WheelArea,
    ConversationWheel,
    Responsible,
    Measure,
    ActionPlan,
    MeasurementPlan,
    *EVENT_TYPES,
    ImprovementProject,
    MeasurementPeriod,
    Observation,
    ChangeNote,
    Series,
)


def problems(build: Callable[[], object]) -> list[tuple[str, str, str, str | None]]:
    """Each problem of building an object: (path, code, rule, value shown), in order."""
    with pytest.raises(ValidationError) as info:
        build()
    return [(p.python_path(), p.code, p.rule, p.shown) for p in info.value.problems]


@pytest.mark.parametrize("cls", CONVERTED, ids=lambda cls: cls.__name__)
def test_every_field_has_its_rule_and_no_hand_written_pass(cls: type) -> None:
    for field in attrs.fields(cls):
        assert _rules.rule_of(field) is not None, field.name
    assert "_full_check" not in vars(cls) and "_valid" not in vars(cls)
    assert "def quick(self):" in _rules.quick_source(cls)


CASES: list[tuple[type, dict[str, Any], list[tuple[str, str, str, str | None]]]] = [
    # a KOR rating: 0..10 (its schema's range) and one decimal (the library's rule only)
    (
        OrsRatings,
        {"individually": 10.05, "interpersonally": -1, "socially": "3", "overall": 9.95},
        [
            ("individually", "less_than_equal", "must be <= 10", "10.05"),
            ("interpersonally", "greater_than_equal", "must be >= 0", "-1"),
            ("socially", "number_type", "must be a number", "'3'"),
            (
                "overall",
                "value_error",
                "must have at most one decimal (as measured on the 10 cm line)",
                "9.95",
            ),
        ],
    ),
    (
        SrsRatings,
        {"relationship": True, "goals_and_topics": 10**400, "approach": 1.25, "overall": 10},
        [
            ("relationship", "number_type", "must be a number", "True"),
            (
                "goals_and_topics",
                "number_too_large",
                "is too large for a number (beyond ±1.8e308)",
                "<int too large to show>",
            ),
            (
                "approach",
                "value_error",
                "must have at most one decimal (as measured on the 10 cm line)",
                "1.25",
            ),
        ],
    ),
    # a session needs ORS or SRS; a wrong type is reported by the field's own rule only
    (
        KorSession,
        {"date": d(2015, 1, 1)},
        [("ors", "value_error", "a session needs ORS or SRS ratings (or both)", None)],
    ),
    (
        KorSession,
        {"date": d(2015, 1, 1), "ors": "x"},
        [("ors", "model_type", "must be an OrsRatings", "'str'")],
    ),
    # sessions in date order; not compared when an element is not a session
    (
        KorRatings,
        {
            "sessions": [
                KorSession(date=d(2015, 1, 2), ors=ORS),
                KorSession(date=d(2015, 1, 2), ors=ORS),
            ]
        },
        [
            (
                "sessions[1].date",
                "value_error",
                "must be after the previous session's date 2015-01-02",
                "'2015-01-02'",
            )
        ],
    ),
    (
        KorRatings,
        {"sessions": [KorSession(date=d(2015, 1, 2), ors=ORS), "x"]},
        [("sessions[1]", "model_type", "must be a KorSession", "'str'")],
    ),
    # the item set's code and version: patterns; a version needs a set (reported at the set)
    (
        CollaborationChecklist,
        {"items": [ITEM], "item_set": "Egen", "item_set_version": ""},
        [
            (
                "item_set",
                "value_error",
                "must be a code: a-z, 0-9, '.', '_', '-', at most 64",
                "'Egen'",
            ),
            (
                "item_set_version",
                "value_error",
                "must be a version: A-Z, a-z, 0-9, '.', '+', '_', '-', at most 32",
                "''",
            ),
        ],
    ),
    (
        CollaborationChecklist,
        {"items": [ITEM], "item_set": 5},
        [
            (
                "item_set",
                "value_error",
                "must be a code: a-z, 0-9, '.', '_', '-', at most 64",
                "'int'",
            )
        ],
    ),
    (
        CollaborationChecklist,
        {"items": [ITEM], "item_set_version": "!"},
        [
            ("item_set", "value_error", "is required with an item_set_version", None),
            (
                "item_set_version",
                "value_error",
                "must be a version: A-Z, a-z, 0-9, '.', '+', '_', '-', at most 32",
                "'!'",
            ),
        ],
    ),
    (
        CollaborationChecklist,
        {"items": []},
        [("items", "value_error", "needs at least one item", None)],
    ),
    # wheel: area names unique, compared case-folded (never echoed); not compared when an
    # element is not an area
    (
        ConversationWheel,
        {"date": d(2015, 1, 1), "areas": [WheelArea(name="Bolig"), WheelArea(name=" bolig")]},
        [
            (
                "areas[1].name",
                "value_error",
                "duplicates areas[0].name",
                "<free text, 6 characters>",
            )
        ],
    ),
    (
        ConversationWheel,
        {"date": d(2015, 1, 1), "areas": [WheelArea(name="Bolig"), 3]},
        [("areas[1]", "model_type", "must be a WheelArea", "'int'")],
    ),
    # measurement plan: roles and unique names; not checked when an element is no indicator
    (
        MeasurementPlan,
        {"indicators": [OUTCOME, "x"]},
        [("indicators[1]", "model_type", "must be an Indicator", "'str'")],
    ),
    (
        MeasurementPlan,
        {"indicators": [OUTCOME, Indicator(name="snitt")]},
        [
            (
                "indicators[1].role",
                "value_error",
                "is required in a measurement plan (outcome, process or balancing)",
                None,
            ),
            (
                "indicators[1].name",
                "value_error",
                "duplicates indicators[0].name",
                "<free text, 5 characters>",
            ),
        ],
    ),
    # a PDSA cycle starts on or before its date; not compared when either is no date
    (
        PdsaCycle,
        {"date": d(2015, 1, 1), "change_idea": "a", "plan": "b", "started": d(2015, 1, 2)},
        [
            (
                "started",
                "value_error",
                "must not be after the cycle's date 2015-01-01",
                "'2015-01-02'",
            )
        ],
    ),
    (
        PdsaCycle,
        {"date": "2015-01-01", "change_idea": "a", "plan": "b", "started": d(2015, 1, 2)},
        [("date", "date_type", "must be a date (datetime.date)", "'2015-01-01'")],
    ),
    # a project's history: events only, then dates in order, a phase first, no phase twice
    (
        ImprovementProject,
        {"title": "t", "team": "t", "area": "a", "start": d(2015, 1, 5), "history": [1]},
        [("history[0]", "value_error", "must be a project event", "'int'")],
    ),
    (
        ImprovementProject,
        {
            "title": "t",
            "team": "t",
            "area": "a",
            "start": d(2015, 1, 5),
            "history": [
                NoteAdded(date=d(2015, 1, 1), text="x"),
                PhaseEntered(date=d(2015, 1, 6), phase=Phase.PLAN),
                PhaseEntered(date=d(2015, 1, 3), phase=Phase.PLAN),
            ],
        },
        [
            (
                "history[0].date",
                "value_error",
                "must not be before the project's start 2015-01-05",
                "'2015-01-01'",
            ),
            (
                "history[0]",
                "value_error",
                "must be a PhaseEntered (a project begins by entering a phase)",
                "'NoteAdded'",
            ),
            (
                "history[2].date",
                "value_error",
                "must not be before the previous event's date 2015-01-06",
                "'2015-01-03'",
            ),
            ("history[2].phase", "value_error", "is already the current phase", "'planlegge'"),
        ],
    ),
    (
        ImprovementProject,
        {
            "title": "t",
            "team": "t",
            "area": "a",
            "start": None,
            "history": [NoteAdded(date=d(2015, 1, 1), text="x")],
        },
        [("start", "date_type", "must be a date (datetime.date)", "None")],
    ),
    # a period's code, and its end not before its start
    (
        MeasurementPeriod,
        {"code": "2015 K1", "start": d(2015, 2, 1), "end": d(2015, 1, 1)},
        [
            (
                "code",
                "value_error",
                "must be lower-case ASCII letters, digits, '_' or '-'",
                "'2015 K1'",
            ),
            (
                "end",
                "value_error",
                "must not be before start 2015-02-01",
                "datetime.date(2015, 1, 1)",
            ),
        ],
    ),
    (
        MeasurementPeriod,
        {"code": " ", "start": 1, "end": d(2015, 1, 1)},
        [
            ("code", "code_type", "must be a non-empty string", "' '"),
            ("start", "date_type", "must be a date (datetime.date)", "1"),
        ],
    ),
    # an observation: a proportion's two parts together, numerator at most the denominator,
    # no value beside them; no comparison when a part is not a whole number
    (
        Observation,
        {"period": P1, "value": 1.0, "numerator": 3, "denominator": 2},
        [
            (
                "value",
                "value_error",
                "must be left out when numerator and denominator are given",
                None,
            ),
            ("numerator", "value_error", "must not be above the denominator 2", "3"),
        ],
    ),
    (
        Observation,
        {"period": P1, "numerator": "3", "denominator": 2},
        [("numerator", "int_type", "must be a whole number (int)", "'3'")],
    ),
    (
        Observation,
        {"period": P1, "denominator": 2},
        [("numerator", "value_error", "is required with denominator", None)],
    ),
    (
        Observation,
        {"period": P1, "numerator": 2},
        [("denominator", "value_error", "is required with numerator", None)],
    ),
    # a series: an indicator or a reference; the team's code; observations in order, of one
    # form, inside the indicator's range; changes in date order
    (
        Series,
        {},
        [("indicator", "value_error", "is required when indicator_ref is not given", None)],
    ),
    (
        Series,
        {"indicator_ref": "r", "team": "Lindesnes"},
        [
            (
                "team",
                "value_error",
                "must be lower-case ASCII letters, digits, '_' or '-'",
                "'Lindesnes'",
            )
        ],
    ),
    (
        Series,
        {
            "indicator": Indicator.for_kind(IndicatorKind.FORM_MEAN),
            "observations": [
                Observation(period=P2, value=11),
                Observation(period=P1, numerator=1, denominator=2),
            ],
            "changes": [
                ChangeNote(date=d(2015, 2, 1), text="b"),
                ChangeNote(date=d(2015, 1, 1), text="a"),
            ],
        },
        [
            ("observations[0].value", "value_error", "is above the indicator's max 10", "11"),
            (
                "observations[1].period.start",
                "value_error",
                "must be after the previous observation's period",
                "datetime.date(2015, 1, 1)",
            ),
            (
                "observations[1]",
                "value_error",
                "mixes values with numerators and denominators in one series",
                None,
            ),
            ("changes[1].date", "value_error", "must not be before the previous change", None),
        ],
    ),
    (
        Series,
        {"indicator": "x", "observations": [Observation(period=P1, value=11)], "changes": [1]},
        [
            ("indicator", "model_type", "must be an Indicator", "'str'"),
            ("changes[0]", "model_type", "must be a ChangeNote", "'int'"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("cls", "kwargs", "expected"),
    CASES,
    ids=[f"{c.__name__}-{i}" for i, (c, _, _) in enumerate(CASES)],
)
def test_the_rules_report_each_problem_in_field_order(
    cls: type, kwargs: dict[str, Any], expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert problems(lambda: cls(**kwargs)) == expected
    # the full checks alone say the same: the quick pass only decides whether they run
    with mock.patch.object(cls, "_ln_quick", return_value=True):
        built = cls(**kwargs)  # the quick pass trusted: no check runs
    with pytest.raises(ValidationError) as info:
        _rules._full_check(built)
    assert [(p.python_path(), p.code, p.rule, p.shown) for p in info.value.problems] == expected


VALID: list[Callable[[], object]] = [
    lambda: CollaborationChecklist.default(d(2015, 1, 1)),
    lambda: CollaborationChecklist(items=[ITEM], item_set="egen.liste-1", item_set_version="2+b"),
    lambda: KorRatings(
        sessions=[KorSession(date=d(2015, 1, 1), ors=ORS), KorSession(date=d(2015, 1, 2), ors=ORS)]
    ),
    lambda: PdsaCycle(
        date=d(2015, 1, 2), change_idea="a", plan="b", started=d(2015, 1, 2), decision=None
    ),
    lambda: Observation(period=P1, numerator=2, denominator=2, n=2),
    lambda: Series(indicator_ref="r", team="lindesnes", observations=[Observation(period=P1)]),
    lambda: MeasurementPlan(indicators=[OUTCOME]),
]


@pytest.mark.parametrize("build", VALID)
def test_valid_objects_pass_the_quick_pass(build: Callable[[], object]) -> None:
    obj = build()
    assert type(obj)._ln_quick(obj) is True  # type: ignore[attr-defined]
    _rules._full_check(obj)  # and the full checks find nothing either


def test_the_schema_keywords_come_from_the_rules() -> None:
    kor = json_schema("kor")["$defs"]
    for name in ("OrsRatings", "SrsRatings"):
        for prop in kor[name]["properties"].values():
            assert (prop["type"], prop["minimum"], prop["maximum"]) == ("number", 0, 10)
            assert "multipleOf" not in prop  # the single decimal is the library's check only
    checklist = json_schema("checklist")
    assert checklist["properties"]["items"]["minItems"] == 1
    assert checklist["properties"]["item_set"]["pattern"] == ITEM_SET_CODE.pattern
    assert checklist["properties"]["item_set_version"]["type"] == ["string", "null"]
    assert checklist["properties"]["item_set_version"]["pattern"] == ITEM_SET_VERSION.pattern
    item = checklist["$defs"]["ChecklistItem"]["properties"]["carries_mean_of"]
    assert (item["type"], item["minimum"]) == (["integer", "null"], 1)
    series = json_schema("series")
    assert series["properties"]["team"] == {
        **series["properties"]["team"],
        "type": ["string", "null"],
        "pattern": CODE.pattern,
    }
    period = series["$defs"]["MeasurementPeriod"]["properties"]["code"]
    assert (period["type"], period["pattern"]) == ("string", CODE.pattern)
    observation = series["$defs"]["Observation"]["properties"]
    assert [observation[k]["minimum"] for k in ("numerator", "denominator", "n")] == [0, 1, 0]
