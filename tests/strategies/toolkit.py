"""Hypothesis strategies for the toolkit «Hva er viktig for deg?»: one per public model."""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from laeringsnettverk._municipality import COUNTIES
from laeringsnettverk.toolkit import (
    ActionPlan,
    Activity,
    ChecklistItem,
    CollaborationChecklist,
    Conversation,
    ConversationWheel,
    ItemStatus,
    KorRatings,
    KorSession,
    LifeArea,
    Measure,
    MeasureStatus,
    OrsRatings,
    Responsible,
    Scale,
    SrsRatings,
    WhatMattersForm,
    WheelArea,
)

__all__ = [
    "action_plans",
    "activity_names",
    "checklist_items",
    "checklists",
    "conversation_wheels",
    "dates",
    "forms",
    "kor_ratings",
    "measures",
    "ors_ratings",
    "scales",
    "srs_ratings",
    "texts",
]

dates = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2040, 12, 31))
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")
optional_texts = st.none() | st.text(max_size=20)
identifiers = st.none() | st.from_regex(r"[a-z][a-z0-9-]{0,15}", fullmatch=True)
# a municipality number of any county a number may start with (2024 or earlier)
municipalities = st.none() | st.builds(
    lambda county, n: f"{county}{n:02d}", st.sampled_from(sorted(COUNTIES)), st.integers(1, 99)
)
activity_names = (
    st.sampled_from(
        [
            "Sove",
            "Handle mat",
            "Gå tur",
            "Jobbe",
            "Treffe venner",
            "Lage middag",
            "Økonomi",
            "Bo for meg selv",
            "Ta bussen",
            "Ringe familien",
        ]
    )
    | texts
)


@st.composite
def scales(draw: st.DrawFn) -> Scale:
    """A valid scale: minimum below maximum, either direction."""
    lo = draw(st.integers(-5, 5))
    hi = draw(st.integers(lo + 1, lo + 20))
    return Scale(minimum=lo, maximum=hi, higher_is_better=draw(st.booleans()))


def _increasing_dates(draw: st.DrawFn, n: int) -> list[datetime.date]:
    start = draw(dates)
    out = [start]
    for _ in range(n - 1):
        out.append(out[-1] + datetime.timedelta(days=draw(st.integers(1, 200))))
    return out


@st.composite
def forms(
    draw: st.DrawFn,
    *,
    scale: st.SearchStrategy[Scale] | None = None,
    min_conversations: int = 0,
    max_conversations: int = 4,
    complete: bool = False,
) -> WhatMattersForm:
    """A valid form; ``complete=True`` scores every activity at every conversation."""
    sc = draw(scale if scale is not None else st.just(Scale()))
    names = draw(
        st.lists(activity_names, min_size=1, max_size=6, unique_by=lambda s: s.strip().casefold())
    )
    n = draw(st.integers(min_conversations, max_conversations))
    score = st.integers(sc.minimum, sc.maximum)
    convs = []
    for day in _increasing_dates(draw, n) if n else []:
        if complete:
            scores = {name: draw(score) for name in names}
        else:
            scores = {name: draw(score) for name in names if draw(st.booleans())}
        convs.append(Conversation(date=day, scores=scores))
    return WhatMattersForm(
        activities=[Activity(name=name, area=draw(st.none() | texts)) for name in names],
        conversations=convs,
        scale=sc,
        identifier=draw(identifiers),
        team=draw(identifiers),
        municipality=draw(municipalities),
    )


ratings = st.integers(0, 100).map(lambda tenths: tenths / 10)


@st.composite
def ors_ratings(draw: st.DrawFn) -> OrsRatings:
    """Valid ORS ratings (one decimal each)."""
    return OrsRatings(
        individually=draw(ratings),
        interpersonally=draw(ratings),
        socially=draw(ratings),
        overall=draw(ratings),
    )


@st.composite
def srs_ratings(draw: st.DrawFn) -> SrsRatings:
    """Valid SRS ratings (one decimal each)."""
    return SrsRatings(
        relationship=draw(ratings),
        goals_and_topics=draw(ratings),
        approach=draw(ratings),
        overall=draw(ratings),
    )


@st.composite
def kor_ratings(draw: st.DrawFn) -> KorRatings:
    """Valid KOR ratings over 1..5 sessions."""
    n = draw(st.integers(1, 5))
    sessions = []
    for day in _increasing_dates(draw, n):
        ors = draw(st.none() | ors_ratings())
        srs = draw(srs_ratings()) if ors is None else draw(st.none() | srs_ratings())
        sessions.append(KorSession(date=day, ors=ors, srs=srs))
    return KorRatings(sessions=sessions, identifier=draw(identifiers), team=draw(identifiers))


@st.composite
def checklist_items(draw: st.DrawFn) -> ChecklistItem:
    """A valid checklist item."""
    return ChecklistItem(
        text=draw(texts),
        status=draw(st.sampled_from(ItemStatus)),
        note=draw(optional_texts),
        date=draw(st.none() | dates),
        value=draw(st.none() | st.floats(0, 10, allow_nan=False) | st.integers(0, 10)),
        carries_mean_of=draw(st.none() | st.integers(1, 5)),
    )


@st.composite
def checklists(draw: st.DrawFn) -> CollaborationChecklist:
    """A valid checklist of 1..12 items."""
    return CollaborationChecklist(
        items=draw(st.lists(checklist_items(), min_size=1, max_size=12)),
        date=draw(st.none() | dates),
        identifier=draw(identifiers),
        team=draw(identifiers),
        form=draw(identifiers),
        **draw(item_sets),
    )


# an item set's code and version (the library's proposal, a team's own set, or unstated)
item_sets = st.one_of(
    st.just({}),
    st.just({"item_set": "laeringsnettverk-forslag", "item_set_version": "1"}),
    st.fixed_dictionaries(
        {"item_set": st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}", fullmatch=True)},
        optional={
            "item_set_version": st.from_regex(r"[A-Za-z0-9][A-Za-z0-9.+_-]{0,8}", fullmatch=True)
        },
    ),
)


@st.composite
def measures(draw: st.DrawFn) -> Measure:
    """A valid measure (tiltak)."""
    return Measure(
        description=draw(texts),
        responsible=Responsible(role=draw(texts), name=draw(st.none() | texts)),
        serves=draw(st.lists(texts, max_size=3)),
        due=draw(st.none() | dates),
        status=draw(st.sampled_from(MeasureStatus)),
        comments=draw(st.lists(st.text(max_size=20), max_size=2)),
    )


@st.composite
def action_plans(draw: st.DrawFn) -> ActionPlan:
    """A valid action plan."""
    return ActionPlan(
        measures=draw(st.lists(measures(), max_size=5)),
        individual_plan=draw(st.booleans()),
        date=draw(st.none() | dates),
        identifier=draw(identifiers),
    )


@st.composite
def conversation_wheels(draw: st.DrawFn) -> ConversationWheel:
    """A valid conversation wheel."""
    names = draw(st.lists(texts, max_size=8, unique_by=lambda s: s.strip().casefold()))
    return ConversationWheel(
        date=draw(dates),
        areas=[
            WheelArea(
                name=n,
                suggestion=draw(st.none() | st.sampled_from(LifeArea)),
                note=draw(optional_texts),
            )
            for n in names
        ],
        identifier=draw(identifiers),
    )
