"""Data frames: the same numbers as the object path, proper dtypes, bad lines reported."""

from __future__ import annotations

import datetime
import io
import math
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import laeringsnettverk as ln
from laeringsnettverk.errors import LaeringsnettverkWarning, ValidationError
from laeringsnettverk.examples import load_example
from laeringsnettverk.frames import checklists_frame, forms_frame, scores_frame, summary_frame
from laeringsnettverk.stats import mean_estimate
from laeringsnettverk.toolkit import (
    Activity,
    CollaborationChecklist,
    Conversation,
    WhatMattersForm,
    form_benefit,
)
from strategies.toolkit import checklists, forms

DATA = Path(__file__).resolve().parent.parent / "src" / "laeringsnettverk" / "data"
TEAM_FORMS = DATA / "example_team_forms.jsonl"
NETWORK_FORMS = DATA / "example_network_forms.jsonl"
NETWORK_CHECKLISTS = DATA / "example_network_checklists.jsonl"
MARKER = "HEMMELIG-NAVN-7731"


def _na(value: object) -> object:
    return None if value is pd.NA or (isinstance(value, float) and math.isnan(value)) else value


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(forms(), max_size=6))
def test_forms_frame_has_the_object_paths_numbers_exactly(items: list[WhatMattersForm]) -> None:
    frame = forms_frame(items)
    assert len(frame) == len(items)
    for i, form in enumerate(items):
        row = frame.iloc[i]
        convs = form.conversations
        assert row["form"] == (form.identifier if form.identifier is not None else str(i))
        assert row["conversations"] == len(convs)
        assert _na(row["mean_1"]) == (convs[0].mean() if convs else None)
        assert _na(row["mean_2"]) == (convs[1].mean() if len(convs) > 1 else None)
        benefit = form_benefit(form) if len(convs) > 1 else None
        value = None if benefit is None else benefit.value
        assert _na(row["benefit"]) == value  # exactly: the same function, the same rounding
        assert _na(row["improved"]) == (None if value is None else value > 0)
        assert _na(row["important"]) == (None if value is None else benefit.important)  # type: ignore[union-attr]
        assert _na(row["date_1"]) == (convs[0].date if convs else None)


NETWORK = load_example("network")
TOWNS = {  # the example network's teams of one municipality: team → its number
    t.identifier: t.municipality_numbers[0]
    for t in NETWORK.teams
    if len(t.municipality_numbers) == 1
}


@st.composite
def network_forms(draw: st.DrawFn) -> WhatMattersForm:
    """A valid form (with or without its own municipality), its team often a network's."""
    form = draw(forms())
    return attrs.evolve(form, team=draw(st.just(form.team) | st.sampled_from(sorted(TOWNS))))


def _town(form: WhatMattersForm, with_network: bool) -> str | None:
    """The municipality a frame gives a form: its own number, else its team's."""
    if form.municipality is not None:
        return form.municipality
    return TOWNS.get(form.team or "") if with_network else None


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(network_forms(), max_size=6), st.booleans())
def test_documents_and_json_lines_give_the_same_frames(
    items: list[WhatMattersForm], with_network: bool
) -> None:
    network = NETWORK if with_network else None
    lines = [ln.dumps(f, indent=None) for f in items]
    text = "".join(line + "\n" for line in lines)
    expected = forms_frame(items, network=network)
    pd.testing.assert_frame_equal(forms_frame(lines, network=network), expected)
    pd.testing.assert_frame_equal(forms_frame(io.StringIO(text), network=network), expected)
    pd.testing.assert_frame_equal(forms_frame(io.BytesIO(text.encode()), network=network), expected)
    long = scores_frame(items, network=network)
    pd.testing.assert_frame_equal(scores_frame(lines, network=network), long)
    # the municipality: the form's own number, else its team's in the network
    assert [_na(x) for x in expected["municipality"]] == [_town(f, with_network) for f in items]
    assert [_na(x) for x in long["municipality"]] == [
        _town(f, with_network) for f in items for c in f.conversations for _ in c.scores
    ]
    for frame in (expected, long):
        assert isinstance(frame["municipality"].dtype, pd.CategoricalDtype)


def test_dtypes_are_proper() -> None:
    frame = forms_frame(TEAM_FORMS)
    assert str(frame["form"].dtype) == "string"
    assert frame["form"].dtype.storage == "pyarrow"
    assert isinstance(frame["team"].dtype, pd.CategoricalDtype)
    assert str(frame["conversations"].dtype) == "Int64"
    assert str(frame["benefit"].dtype) == "Float64"
    assert str(frame["improved"].dtype) == "boolean"
    assert str(frame["date_2"].dtype) == "date32[day][pyarrow]"
    assert frame["date_2"].iloc[0] == datetime.date.fromisoformat(
        ln.loads(TEAM_FORMS.read_text("utf-8").splitlines()[0], WhatMattersForm)
        .conversations[1]
        .date.isoformat()
    )
    assert frame.attrs["bad_lines"] == []


def test_long_frame_carries_activity_names_only_when_asked() -> None:
    form = WhatMattersForm(
        identifier="s-1",
        team="team-a",
        activities=[Activity(name=MARKER), Activity(name="Sove")],
        conversations=[
            Conversation(date=datetime.date(2015, 2, 5), scores={MARKER: 3, "Sove": 1}),
            Conversation(date=datetime.date(2015, 5, 7), scores={"Sove": 4}),
        ],
    )
    shareable = scores_frame([form])
    assert MARKER not in shareable.to_csv()
    assert list(shareable.columns) == [
        "form",
        "team",
        "municipality",
        "conversation",
        "date",
        "activity",
        "score",
    ]
    assert shareable[["conversation", "activity", "score"]].values.tolist() == [
        [1, 0, 3],
        [1, 1, 1],
        [2, 1, 4],
    ]
    named = scores_frame([form], with_text=True)
    assert named["activity_name"].tolist() == [MARKER, "Sove", "Sove"]


def test_municipality_comes_from_the_network_when_the_team_has_one() -> None:
    network = load_example("network")
    frame = scores_frame(NETWORK_FORMS, network=network)
    single = {
        t.identifier: t.municipality_numbers[0]
        for t in network.teams
        if len(t.municipality_numbers) == 1
    }
    for team, town in zip(frame["team"], frame["municipality"], strict=True):
        assert _na(town) == single.get(team)
    assert frame["municipality"].notna().any()
    assert forms_frame(NETWORK_FORMS)["municipality"].isna().all()
    # a team of two municipalities has no single municipality to name
    from laeringsnettverk.network import OrganisationKind

    team = network.teams[0]
    second = attrs.evolve(
        team.organisations[1], kind=OrganisationKind.MUNICIPALITY, municipality_number="1806"
    )
    two = attrs.evolve(team, organisations=[team.organisations[0], second])
    wider = attrs.evolve(network, teams=[two, *network.teams[1:]])
    frame = forms_frame(NETWORK_FORMS, network=wider)
    assert frame.loc[frame["team"] == team.identifier, "municipality"].isna().all()
    assert frame.loc[frame["team"] != team.identifier, "municipality"].notna().all()


def test_a_forms_own_municipality_wins_over_the_networks() -> None:
    form = load_example("form")
    items = [
        attrs.evolve(form, team="team-bodoe", municipality="5001"),  # not Bodø's 1804
        attrs.evolve(form, team="team-bodoe", municipality=None),  # the network's: 1804
        attrs.evolve(form, team=None, municipality="3403"),  # its own, without a team
        attrs.evolve(form, team="team-ukjent", municipality=None),  # not in the network
        attrs.evolve(form, team=None, municipality=None),  # neither
    ]
    expected = ["5001", "1804", "3403", None, None]
    per_form = forms_frame(items, network=NETWORK)
    assert [_na(x) for x in per_form["municipality"]] == expected
    long = scores_frame(items, network=NETWORK)
    rows = sum(len(c.scores) for c in form.conversations)
    assert [_na(x) for x in long["municipality"]] == [t for t in expected for _ in range(rows)]
    # without a network, only the forms' own numbers
    alone = scores_frame(items)
    assert set(alone["municipality"].dropna()) == {"5001", "3403"}
    assert list(alone["municipality"].cat.categories) == ["3403", "5001"]


def test_bad_lines_are_reported_with_their_numbers_not_dropped_silently() -> None:
    good = TEAM_FORMS.read_text("utf-8").splitlines()[:3]
    lines = [
        good[0],
        '{"kind": "form", "schema_version": 1, "activities": 5}',
        good[1],
        "not json " + MARKER,
        good[2],
    ]
    with pytest.warns(LaeringsnettverkWarning, match="2 bad lines"):
        frame = forms_frame(lines)
    assert len(frame) == 3
    bad = frame.attrs["bad_lines"]
    assert [b["line"] for b in bad] == [2, 4]
    assert MARKER not in repr(bad)
    assert bad[1]["problems"] == ["$: is not valid JSON (Expecting value at character 0)"]


def test_wrong_objects_are_refused() -> None:
    with pytest.raises(ValidationError, match=r"documents\[0\]: 'int' must be a WhatMattersForm"):
        forms_frame([5])
    with pytest.raises(ValidationError, match="must be a CollaborationChecklist"):
        checklists_frame([load_example("form")])


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(checklists(), max_size=5))
def test_checklist_frame_rows_and_fidelity(items: list[CollaborationChecklist]) -> None:
    frame = checklists_frame(items)
    assert len(frame) == sum(len(c.items) for c in items)
    start = 0
    for checklist in items:
        part = frame.iloc[start : start + len(checklist.items)]
        start += len(checklist.items)
        assert (part["fidelity"] == checklist.fidelity()).all()
        assert part["points"].sum() / len(checklist.items) == checklist.fidelity()
        assert part["status"].astype(str).tolist() == [i.status.code for i in checklist.items]


def test_checklists_from_json_lines() -> None:
    frame = checklists_frame(NETWORK_CHECKLISTS)
    assert frame.groupby("checklist", observed=True)["fidelity"].first().tolist()
    assert set(frame["status"].cat.categories) <= {
        "gjennomfoert",
        "ikke_gjennomfoert",
        "ikke_aktuelt",
    }


def test_summary_frame_per_team_agrees_with_mean_estimate() -> None:
    frame = forms_frame(NETWORK_FORMS)
    summary = summary_frame(frame, "team")
    for _, row in summary.iterrows():
        part = frame[(frame["team"] == row["team"]) & frame["benefit"].notna()]
        est = mean_estimate([float(v) for v in part["benefit"]])
        assert row["n"] == est.n and row["mean"] == est.mean
        assert _na(row["lower"]) == est.lower and _na(row["sd"]) == est.sd
        assert row["improved"] == part["improved"].sum() / est.n
    assert summary["n"].sum() == frame["benefit"].notna().sum()
    frame["period"] = [
        None if _na(d) is None else d.strftime("%Y-%m") for d in frame["date_2"].astype(object)
    ]
    by_two = summary_frame(frame, ["team", "period"])
    assert list(by_two.columns[:2]) == ["team", "period"]
    assert by_two["n"].sum() == summary["n"].sum()


def test_summary_frame_refuses_what_is_not_a_forms_frame() -> None:
    frame = forms_frame(NETWORK_FORMS)
    with pytest.raises(ValidationError, match=r"by\[0\]: 'lag' is not a column"):
        summary_frame(frame, "lag")
    with pytest.raises(ValidationError, match="has no column 'benefit'"):
        summary_frame(checklists_frame(NETWORK_CHECKLISTS), "team")


def test_dask_partitions_give_the_pandas_frame(tmp_path: Path) -> None:
    dd = pytest.importorskip("dask.dataframe")
    text = TEAM_FORMS.read_text("utf-8").splitlines(keepends=True)
    paths = []
    for k in range(3):  # three JSON Lines partitions
        path = tmp_path / f"part-{k}.jsonl"
        path.write_text("".join(text[k::3]), encoding="utf-8")
        paths.append(path)
    expected = pd.concat([forms_frame(p) for p in paths], ignore_index=True)
    got = dd.from_map(forms_frame, paths).compute(scheduler="synchronous")
    got = got.reset_index(drop=True)
    assert got["benefit"].tolist() == expected["benefit"].tolist()
    assert got["form"].tolist() == expected["form"].tolist()
    assert summary_frame(got)["mean"].tolist() == summary_frame(expected)["mean"].tolist()
    assert summary_frame(got)["mean"].iloc[0] == pytest.approx(
        summary_frame(forms_frame(TEAM_FORMS))["mean"].iloc[0]
    )


def test_one_conversation_forms_have_no_benefit_but_are_rows() -> None:
    form = load_example("form")
    single = attrs.evolve(form, conversations=form.conversations[:1])
    empty = attrs.evolve(form, conversations=())
    frame = forms_frame([single, empty])
    assert frame["benefit"].isna().all() and frame["improved"].isna().all()
    assert frame["conversations"].tolist() == [1, 0]
    assert _na(frame["mean_1"].iloc[1]) is None


class _Person:
    """An item whose repr is free text about a person: never to be echoed."""

    def __repr__(self) -> str:
        return "Kari Nordmann"


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (forms_frame, "WhatMattersForm | str | bytes"),
        (scores_frame, "WhatMattersForm | str | bytes"),
        (checklists_frame, "CollaborationChecklist | str | bytes"),
    ],
)
def test_an_item_that_is_no_document_nor_line_is_named_by_its_type_only(
    frame: Any, expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        frame([_Person()])
    (problem,) = caught.value.problems
    assert problem.path == ("documents", 0) and problem.code == "model_type"
    assert dict(problem.ctx) == {"expected": expected}
    (d,) = caught.value.to_dicts()
    assert "input" not in d and "Kari" not in str(d) and "Kari" not in str(caught.value)
    assert "'_Person'" in str(caught.value)
