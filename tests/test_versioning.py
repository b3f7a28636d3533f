"""Nothing lost: round trips of every kind, golden v1 files, deterministic bytes, migrations."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import laeringsnettverk as ln
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.examples import example_text, load_example
from laeringsnettverk.serialization import (
    DOCUMENT_KINDS,
    SCHEMA_VERSION,
    _accel,
    from_dict,
    register_migration,
    schema_version,
    to_dict,
    validate,
)
from laeringsnettverk.serialization import _json as json_module
from laeringsnettverk.toolkit import Conversation, WhatMattersForm
from strategies.goals import goals
from strategies.improvement import projects
from strategies.measurement import series
from strategies.network import networks
from strategies.stakeholders import stakeholder_maps
from strategies.toolkit import (
    action_plans,
    checklists,
    conversation_wheels,
    forms,
    kor_ratings,
)

GOLDEN = Path(__file__).parent / "golden" / "v1"

STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "form": forms(),
    "kor": kor_ratings(),
    "checklist": checklists(),
    "plan": action_plans(),
    "wheel": conversation_wheels(),
    "goal": goals(),
    "project": projects(),
    "stakeholder_map": stakeholder_maps(),
    "network": networks(),
    "series": series(),
}


def test_every_kind_has_a_strategy() -> None:
    assert set(STRATEGIES) == set(DOCUMENT_KINDS)


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
@settings(max_examples=10)
@given(data=st.data())
def test_dict_and_json_round_trips_are_identities(kind: str, data: st.DataObject) -> None:
    obj = data.draw(STRATEGIES[kind])
    assert from_dict(to_dict(obj), type(obj)) == obj
    text = ln.dumps(obj)
    again = ln.loads(text)
    assert again == obj
    assert ln.dumps(again) == text  # and the bytes too
    assert validate(text) == []


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.json")), ids=lambda p: p.stem)
def test_golden_v1_files_load_forever(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert json.loads(text)["schema_version"] == 1
    obj = ln.loads(text)
    assert ln.loads(ln.dumps(obj)) == obj


def test_there_is_a_golden_file_for_every_kind() -> None:
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted(DOCUMENT_KINDS)


# -- deterministic output ----------------------------------------------------------------------


@given(form=forms(min_conversations=1), seed=st.randoms(use_true_random=False))
def test_equal_forms_give_the_same_bytes_whatever_the_order_of_their_scores(
    form: WhatMattersForm, seed: Any
) -> None:
    shuffled = []
    for conversation in form.conversations:
        items = list(conversation.scores.items())
        seed.shuffle(items)
        shuffled.append(Conversation(date=conversation.date, scores=dict(items)))
    other = attrs.evolve(form, conversations=shuffled)
    assert other == form
    assert ln.dumps(other) == ln.dumps(form)
    assert ln.serialization.dumps_jsonl([other]) == ln.serialization.dumps_jsonl([form])
    names = form.activity_names
    for conversation in json.loads(ln.dumps(other))["conversations"]:
        keys = list(conversation.get("scores", {}))
        assert keys == [n for n in names if n in keys]  # the form's activity order


def test_a_conversation_alone_writes_its_scores_in_sorted_order() -> None:
    conversation = Conversation(date=datetime.date(2015, 2, 5), scores={"b": 1, "a": 2})
    assert list(to_dict(conversation)["scores"]) == ["a", "b"]


# -- the migration hook, on a made-up version 2 --------------------------------------------------


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """A registry of migrations of the test's own (the real one is left as it was)."""
    monkeypatch.setattr(json_module, "_MIGRATIONS", {})


def _rename_id(body: dict[str, Any]) -> dict[str, Any]:
    """The made-up change: version 1 of a form said ``id``, version 2 says ``identifier``."""
    if "id" in body:
        body["identifier"] = body.pop("id")
    return body


def _v1_with_id() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(example_text("form"))
    doc["id"] = doc.pop("identifier")
    return doc


@pytest.mark.usefixtures("registry")
def test_a_version_1_document_is_migrated_to_a_made_up_version_2() -> None:
    assert schema_version("form") == SCHEMA_VERSION == 1
    register_migration("form", 1, _rename_id)
    assert (schema_version("form"), schema_version("wheel")) == (2, 1)
    form = ln.loads(json.dumps(_v1_with_id()), WhatMattersForm)
    assert form.identifier == "eksempel-skjema-1"
    assert ln.loads((GOLDEN / "form.json").read_text(encoding="utf-8")) == load_example("form")
    # written as version 2, read back as it is
    written = json.loads(ln.dumps(form))
    assert written["schema_version"] == 2
    assert ln.loads(json.dumps(written)) == form
    # version 2 has no "id"; version 3 does not exist yet
    v2 = {**_v1_with_id(), "schema_version": 2}
    assert [p.code for p in validate(v2)] == ["extra_forbidden"]
    (problem,) = validate({**written, "schema_version": 3})
    assert problem.render("json") == (
        "$.schema_version: 3 is not a supported schema version (1..2)"
    )
    assert problem.code == "schema_version"


@pytest.mark.usefixtures("registry")
def test_a_migration_registered_after_loading_is_used_from_then_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # on the pure path, where each kind's model and fast function are kept once found
    monkeypatch.setattr(_accel.STATE, "active", None)
    monkeypatch.setattr(_accel.STATE, "countdown", -1)  # the pure path, for this test
    text = example_text("form")
    assert ln.loads(text, WhatMattersForm).team == "team-bodoe"  # version 1, the current

    def upper_team(body: dict[str, Any]) -> dict[str, Any]:
        return {**body, "team": body["team"].upper()}

    register_migration("form", 1, upper_team)
    form = ln.loads(text, WhatMattersForm)  # version 1 is now an old one: migrated
    assert form.team == "TEAM-BODOE"
    assert ln.loads(ln.dumps(form)) == form  # version 2, the current one


@pytest.mark.usefixtures("registry")
def test_migrations_chain() -> None:
    register_migration("form", 1, _rename_id)

    def add_team(body: dict[str, Any]) -> dict[str, Any]:
        return {**body, "team": body.get("team", "team-ukjent")}

    register_migration("form", 2, add_team)
    doc = _v1_with_id()
    del doc["team"]
    form = ln.loads(json.dumps(doc), WhatMattersForm)
    assert (form.identifier, form.team) == ("eksempel-skjema-1", "team-ukjent")
    assert json.loads(ln.dumps(form))["schema_version"] == 3


@pytest.mark.usefixtures("registry")
def test_a_registration_must_continue_the_chain() -> None:
    with pytest.raises(ValidationError, match=r"from_version: 2 must be the kind's current"):
        register_migration("form", 2, _rename_id)
    with pytest.raises(ValidationError, match=r"migrate: 'str' must be a function"):
        register_migration("form", 1, "rename")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"kind: 'skjema' is not a known document kind"):
        register_migration("skjema", 1, _rename_id)
    register_migration("form", 1, _rename_id)
    with pytest.raises(ValidationError, match=r"from_version: 1 must be the kind's current"):
        register_migration("form", 1, _rename_id)
    assert schema_version("form") == 2


def _raises_validation(body: dict[str, Any]) -> dict[str, Any]:
    raise ValidationError.one(("identifier",), "is refused by the migration", code="value_error")


def _raises_type_error(body: dict[str, Any]) -> dict[str, Any]:
    raise TypeError("bug")


def _returns_a_list(body: dict[str, Any]) -> dict[str, Any]:
    return [body]  # type: ignore[return-value]


@pytest.mark.usefixtures("registry")
@pytest.mark.parametrize(
    ("migrate", "message"),
    [
        (_raises_validation, "$.identifier: is refused by the migration"),
        (
            _raises_type_error,
            "$.schema_version: 1 could not be migrated from version 1 to 2 "
            "(the migration raised TypeError)",
        ),
        (
            _returns_a_list,
            "$.schema_version: 1 could not be migrated from version 1 to 2 "
            "(the migration returned no object)",
        ),
    ],
)
def test_a_failing_migration_is_the_librarys_error(migrate: Any, message: str) -> None:
    register_migration("form", 1, migrate)
    with pytest.raises(ValidationError) as info:
        ln.loads(example_text("form"))
    assert str(info.value) == message
