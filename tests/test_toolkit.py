"""The toolkit «Hva er viktig for deg?»: worked examples, properties and bad input."""

from __future__ import annotations

import datetime
import math
import warnings

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from laeringsnettverk import (
    ActionPlan,
    Activity,
    CollaborationChecklist,
    Conversation,
    ConversationWheel,
    KorRatings,
    LaeringsnettverkWarning,
    Scale,
    ValidationError,
    WhatMattersForm,
)
from laeringsnettverk.toolkit import (
    DEFAULT_CHECKLIST_ITEMS,
    ChecklistItem,
    ItemStatus,
    KorSession,
    LifeArea,
    Measure,
    MeasureStatus,
    OrsRatings,
    Responsible,
    SrsRatings,
    WheelArea,
)
from strategies.toolkit import checklists, forms, kor_ratings, scales

D1, D2, D3 = datetime.date(2015, 2, 5), datetime.date(2015, 5, 7), datetime.date(2015, 9, 1)
NAMES = ["Sove", "Handle", "Jobbe", "Venner"]


def seed_form() -> WhatMattersForm:
    """The source's worked example: 1 + 4 + 1 + 2 → 2.0, then a 2nd conversation of mean 5.0."""
    return WhatMattersForm.from_scores(NAMES, (D1, [1, 4, 1, 2]), (D2, [4, 6, 5, 5]))


# -- the source document's worked examples ------------------------------------------------


def test_seed_mean_first_conversation() -> None:
    assert seed_form().mean(1) == 2.0


def test_seed_mean_second_conversation() -> None:
    assert seed_form().mean(2) == 5.0


def test_seed_benefit_is_three() -> None:
    benefit = seed_form().benefit()
    assert benefit.value == 3.0
    assert benefit.paired == 4
    assert (benefit.mean_from, benefit.mean_to) == (2.0, 5.0)
    assert benefit.improved is True
    assert benefit.important is True  # 3.0 reaches the default 2.0


def test_seed_fidelity_eight_of_ten_is_80_percent() -> None:
    statuses = [ItemStatus.DONE] * 6 + [ItemStatus.NOT_RELEVANT] * 2 + [ItemStatus.NOT_DONE] * 2
    items = [
        attrs.evolve(i, status=s) for i, s in zip(DEFAULT_CHECKLIST_ITEMS, statuses, strict=True)
    ]
    checklist = CollaborationChecklist(items=items)
    assert checklist.points == 8
    assert checklist.max_points == 10
    assert checklist.fidelity() == 0.8
    assert checklist.percent() == 80.0


def test_all_ten_done_is_100_percent() -> None:
    items = [attrs.evolve(i, status=ItemStatus.DONE) for i in DEFAULT_CHECKLIST_ITEMS]
    assert CollaborationChecklist(items=items).percent() == 100.0


def test_default_checklist_has_ten_items_with_1_and_9_carrying_means() -> None:
    checklist = CollaborationChecklist.default()
    assert checklist.max_points == 10
    assert [i.carries_mean_of for i in checklist.items] == [
        1,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        2,
        None,
    ]
    assert checklist.points == 0


def test_with_form_means_fills_items_1_and_9() -> None:
    filled = CollaborationChecklist.default().with_form_means(seed_form())
    assert filled.items[0].value == 2.0 and filled.items[0].date == D1
    assert filled.items[8].value == 5.0 and filled.items[8].date == D2
    assert filled.items[0].status is ItemStatus.DONE
    assert filled.points == 2


def test_with_form_means_leaves_item_9_when_no_second_conversation() -> None:
    form = WhatMattersForm.from_scores(NAMES, (D1, [1, 4, 1, 2]))
    filled = CollaborationChecklist.default().with_form_means(form)
    assert filled.items[8] == DEFAULT_CHECKLIST_ITEMS[8]


# -- forms: benefit corners ---------------------------------------------------------------


def test_benefit_pairs_only_activities_scored_at_both_and_warns() -> None:
    form = WhatMattersForm.from_scores(NAMES, (D1, [1, 4, None, 2]), (D2, [4, 6, 5, None]))
    with pytest.warns(LaeringsnettverkWarning, match="scored different activities"):
        benefit = form.benefit()
    assert benefit.paired == 2
    assert benefit.value == 2.5  # (3 + 2) / 2
    assert benefit.unpaired == ("Jobbe", "Venner")


def test_benefit_with_nothing_paired_is_none() -> None:
    form = WhatMattersForm.from_scores(
        NAMES, (D1, [1, None, None, None]), (D2, [None, 6, None, None])
    )
    with pytest.warns(LaeringsnettverkWarning):
        benefit = form.benefit()
    assert benefit.value is None
    assert benefit.paired == 0
    assert benefit.improved is None and benefit.important is None
    assert "none" in str(benefit)


def test_benefit_on_a_reversed_scale_is_positive_when_better() -> None:
    reversed_scale = Scale(minimum=0, maximum=10, higher_is_better=False)
    form = WhatMattersForm.from_scores(["A", "B"], (D1, [8, 6]), (D2, [3, 5]), scale=reversed_scale)
    assert form.benefit().value == 3.0
    assert [c.change for c in form.benefit().changes] == [5, 1]


def test_benefit_to_a_later_conversation() -> None:
    form = seed_form().with_conversation(Conversation(date=D3, scores=dict.fromkeys(NAMES, 8)))
    assert form.benefit(1, 3).value == 6.0
    assert form.benefit(2, 3).value == 3.0
    assert form.means() == (2.0, 5.0, 8.0)


def test_minimal_important_change_is_a_parameter() -> None:
    assert seed_form().benefit(minimal_important_change=3.5).important is False
    assert seed_form().benefit(minimal_important_change=3.0).important is True


def test_benefit_rejects_a_missing_conversation() -> None:
    with pytest.raises(ValidationError, match=r"conversation: 3 is not a conversation of this"):
        seed_form().benefit(1, 3)


def test_mean_of_a_conversation_with_no_scores_is_none() -> None:
    form = WhatMattersForm(activities=[Activity(name="A")], conversations=[Conversation(date=D1)])
    assert form.means() == (None,)


def test_benefit_str_rounds_half_up() -> None:
    form = WhatMattersForm.from_scores(
        ["A", "B", "C", "D"], (D1, [1, 1, 1, 1]), (D2, [3, 3, 3, 4])
    )  # 2.25
    assert form.benefit().value == 2.25
    assert "2.3" in str(form.benefit())


# -- properties ---------------------------------------------------------------------------


@given(forms(min_conversations=1))
def test_means_lie_within_the_scale(form: WhatMattersForm) -> None:
    for mean in form.means():
        if mean is not None:
            assert 1 <= mean <= 10


@given(forms(scale=scales(), min_conversations=1))
def test_means_lie_within_any_scale(form: WhatMattersForm) -> None:
    for mean in form.means():
        if mean is not None:
            assert form.scale.minimum <= mean <= form.scale.maximum


@given(forms(min_conversations=2, complete=True))
def test_benefit_lies_within_minus_9_and_9(form: WhatMattersForm) -> None:
    value = form.benefit().value
    assert value is not None
    assert -9 <= value <= 9


@given(forms(min_conversations=2, complete=True))
def test_complete_benefit_equals_difference_of_means(form: WhatMattersForm) -> None:
    m1, m2 = form.mean(1), form.mean(2)
    assert m1 is not None and m2 is not None
    assert math.isclose(form.benefit().value or 0.0, m2 - m1, abs_tol=1e-9)


@given(forms(min_conversations=1))
def test_conversation_against_itself_gives_zero(form: WhatMattersForm) -> None:
    benefit = form.benefit(1, 1)
    assert benefit.value in (0.0, None)
    assert benefit.unpaired == ()


@given(forms(scale=scales(), min_conversations=2), st.data())
def test_benefit_is_antisymmetric(form: WhatMattersForm, data: st.DataObject) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LaeringsnettverkWarning)
        forward = form.benefit(1, 2)
        backward = form.benefit(2, 1)
    if forward.value is None:
        assert backward.value is None
    else:
        assert backward.value is not None
        assert math.isclose(forward.value, -backward.value, abs_tol=1e-9)


@given(forms(min_conversations=2), st.randoms())
def test_reordering_activities_changes_nothing(form: WhatMattersForm, rnd: object) -> None:
    activities = list(form.activities)
    rnd.shuffle(activities)  # type: ignore[attr-defined]
    shuffled = attrs.evolve(form, activities=activities)
    assert shuffled.means() == pytest.approx(form.means())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LaeringsnettverkWarning)
        a, b = form.benefit(), shuffled.benefit()
    assert a.paired == b.paired
    assert (a.value is None) == (b.value is None)
    if a.value is not None:
        assert math.isclose(a.value, b.value or 0.0, abs_tol=1e-9)


@given(checklists())
def test_fidelity_lies_within_0_and_1(checklist: CollaborationChecklist) -> None:
    assert 0.0 <= checklist.fidelity() <= 1.0
    assert 0.0 <= checklist.percent() <= 100.0


@given(checklists(), st.data())
def test_marking_an_item_done_or_not_relevant_never_lowers_fidelity(
    checklist: CollaborationChecklist, data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(checklist.items) - 1))
    status = data.draw(st.sampled_from([ItemStatus.DONE, ItemStatus.NOT_RELEVANT]))
    items = list(checklist.items)
    items[i] = attrs.evolve(items[i], status=status)
    assert CollaborationChecklist(items=items).fidelity() >= checklist.fidelity()


@given(kor_ratings())
def test_kor_totals_lie_within_0_and_40(kor: KorRatings) -> None:
    for total in (*kor.ors_totals(), *kor.srs_totals()):
        if total is not None:
            assert 0.0 <= total <= 40.0
            assert round(total, 1) == total


# -- KOR ---------------------------------------------------------------------------------


def test_ors_total_is_exact_in_tenths() -> None:
    ors = OrsRatings(individually=3.3, interpersonally=3.3, socially=3.4, overall=0.1)
    assert ors.total == 10.1


def test_ors_cutoff_and_reliable_change() -> None:
    low = OrsRatings(individually=5.0, interpersonally=5.0, socially=5.0, overall=5.0)
    high = OrsRatings(individually=7.5, interpersonally=7.5, socially=7.0, overall=8.0)
    kor = KorRatings(sessions=[KorSession(date=D1, ors=low), KorSession(date=D2, ors=high)])
    change = kor.ors_change()
    assert (change.before, change.after, change.change) == (20.0, 30.0, 10.0)
    assert change.reliable and change.clinically_significant
    assert low.clinical and not high.clinical


def test_ors_change_of_4_9_is_not_reliable() -> None:
    a = OrsRatings(individually=5.0, interpersonally=5.0, socially=5.0, overall=5.0)
    b = OrsRatings(individually=6.0, interpersonally=6.0, socially=6.0, overall=6.9)
    kor = KorRatings(sessions=[KorSession(date=D1, ors=a), KorSession(date=D2, ors=b)])
    assert kor.ors_change().change == 4.9
    assert not kor.ors_change().reliable


@pytest.mark.parametrize(
    ("before", "after", "reliable", "clinical"),
    [
        ((5.0, 5.0, 5.0, 5.0), (6.0, 6.0, 6.0, 7.0), True, True),  # 20 -> 25: +5, reaches 25
        ((5.0, 5.0, 5.0, 5.1), (6.0, 6.0, 6.0, 7.0), False, False),  # 20.1 -> 25: +4.9
        ((6.0, 6.0, 6.0, 7.0), (7.5, 7.5, 7.5, 8.0), True, False),  # 25 -> 30: not from below
        ((6.0, 6.0, 6.0, 7.0), (5.0, 5.0, 5.0, 5.0), True, False),  # 25 -> 20: worse
        ((5.0, 5.0, 5.0, 4.0), (6.0, 6.0, 6.0, 6.9), True, False),  # 19 -> 24.9: below 25
    ],
)
def test_ors_change_at_the_thresholds(
    before: tuple[float, ...], after: tuple[float, ...], reliable: bool, clinical: bool
) -> None:
    names = ("individually", "interpersonally", "socially", "overall")
    sessions = [
        KorSession(date=D1, ors=OrsRatings(**dict(zip(names, before, strict=True)))),
        KorSession(date=D2, ors=OrsRatings(**dict(zip(names, after, strict=True)))),
    ]
    change = KorRatings(sessions=sessions).ors_change()
    assert (change.reliable, change.clinically_significant) == (reliable, clinical)


@given(kor_ratings(), st.data())
def test_ors_change_between_any_two_ors_sessions(kor: KorRatings, data: st.DataObject) -> None:
    with_ors = [i + 1 for i, s in enumerate(kor.sessions) if s.ors is not None]
    assume(with_ors)
    a, b = data.draw(st.sampled_from(with_ors)), data.draw(st.sampled_from(with_ors))
    change = kor.ors_change(a, b)
    before, after = kor.ors_totals()[a - 1], kor.ors_totals()[b - 1]
    assert before is not None and after is not None
    assert (change.from_session, change.to_session, change.before, change.after) == (
        a,
        b,
        before,
        after,
    )
    assert change.change == round(after - before, 1)
    assert -40.0 <= change.change <= 40.0
    backwards = kor.ors_change(b, a)
    assert backwards.change == -change.change
    assert change.reliable is (abs(change.change) >= 5.0) is backwards.reliable
    # the rule as the method states it: a reliable improvement from below 25 to 25 or more
    assert change.clinically_significant is (
        change.reliable and change.change > 0 and before < 25.0 <= after
    )
    assert not (change.clinically_significant and backwards.clinically_significant)


def test_srs_alliance_warning_below_36() -> None:
    assert SrsRatings(relationship=9, goals_and_topics=9, approach=9, overall=8.9).alliance_warning
    assert not SrsRatings(
        relationship=9, goals_and_topics=9, approach=9, overall=9
    ).alliance_warning


def test_ors_change_needs_ors_at_both_sessions() -> None:
    srs = SrsRatings(relationship=9, goals_and_topics=9, approach=9, overall=9)
    ors = OrsRatings(individually=5, interpersonally=5, socially=5, overall=5)
    kor = KorRatings(sessions=[KorSession(date=D1, srs=srs), KorSession(date=D2, ors=ors)])
    with pytest.raises(ValidationError, match="needs ORS ratings at both"):
        kor.ors_change()


# -- plan and wheel -------------------------------------------------------------------------


def test_plan_overdue_uses_today() -> None:
    who = Responsible(role="koordinator")
    plan = ActionPlan(
        measures=[
            Measure(description="a", responsible=who, due=D1),
            Measure(description="b", responsible=who, due=D1, status=MeasureStatus.DONE),
            Measure(description="c", responsible=who, due=D3),
        ]
    )
    assert [m.description for m in plan.overdue(today=D2)] == ["a"]


def test_wheel_keeps_the_users_order_and_suggestions() -> None:
    wheel = ConversationWheel(
        date=D1, areas=[WheelArea(name="Jobb"), WheelArea.suggested(LifeArea.HOUSING)]
    )
    assert wheel.area_names == ("Jobb", "Bolig")
    assert wheel.areas[1].suggestion is LifeArea.HOUSING
    assert LifeArea.HOUSING.label == "Bolig (housing)"


# -- bad input: each row names the rule it must break ------------------------------------

SCORE = "conversations\\[0\\].scores\\[key 0\\]"
BAD_FORMS = [
    # score below the scale
    (
        lambda: WhatMattersForm.from_scores(["Sove"], (D1, [0])),
        f"{SCORE}: 0 is below the scale's min 1",
    ),
    # score above the scale
    (
        lambda: WhatMattersForm.from_scores(["Sove"], (D1, [11])),
        f"{SCORE}: 11 is above the scale's max 10",
    ),
    # a float is not a score
    (
        lambda: WhatMattersForm.from_scores(["Sove"], (D1, [5.5])),
        r"scores\[key 0\]: 5.5 must be a whole number",
    ),
    # a bool is not a score
    (
        lambda: WhatMattersForm.from_scores(["Sove"], (D1, [True])),
        r"scores\[key 0\]: True must be a whole number",
    ),
    # a string is not a score
    (
        lambda: WhatMattersForm.from_scores(["Sove"], (D1, ["5"])),
        r"scores\[key 0\]: '5' must be a whole number",
    ),
    # NaN is not a score
    (
        lambda: WhatMattersForm.from_scores(["Sove"], (D1, [math.nan])),
        r"scores\[key 0\]: nan must be a whole number",
    ),
    # duplicate activity names (case-insensitive); the name itself is not echoed
    (
        lambda: WhatMattersForm.from_scores(["Sove", "sove "]),
        r"activities\[1\].name: <free text, 5 characters> duplicates activities\[0\].name",
    ),
    # a score for an activity the form does not have
    (
        lambda: WhatMattersForm(
            activities=[Activity(name="Sove")],
            conversations=[Conversation(date=D1, scores={"Spise": 3})],
        ),
        r"scores\[key 0\]: 3 is a score for an activity the form does not have",
    ),
    # dates out of order
    (
        lambda: WhatMattersForm.from_scores(["Sove"], (D2, [3]), (D1, [4])),
        r"conversations\[1\].date: '2015-02-05' must be after the previous conversation's date 2015-05-07",
    ),
    # the same date twice
    (
        lambda: WhatMattersForm.from_scores(["Sove"], (D1, [3]), (D1, [4])),
        r"conversations\[1\].date: .* must be after",
    ),
    # an empty activity name
    (lambda: WhatMattersForm.from_scores(["  "]), r"activities\[0\].name: must not be empty"),
    # a datetime is not a date
    (
        lambda: Conversation(date=datetime.datetime(2015, 2, 5, 10, 0), scores={}),
        r"date: .* must be a date",
    ),  # type: ignore[arg-type]
    # a scale whose maximum is not above its minimum
    (lambda: Scale(minimum=5, maximum=5), r"maximum: 5 must be above minimum 5"),
]

BAD_OTHERS = [
    # an unknown checklist status
    (
        lambda: ChecklistItem(text="x", status="done"),
        r"status: 'done' is not a known ItemStatus code",
    ),  # type: ignore[arg-type]
    # an unknown measure status
    (
        lambda: Measure(description="x", responsible=Responsible(role="r"), status="ferdig"),
        r"status: 'ferdig' is not a known MeasureStatus",
    ),  # type: ignore[arg-type]
    # an empty checklist
    (lambda: CollaborationChecklist(items=[]), r"items: needs at least one item"),
    # an ORS rating above 10
    (
        lambda: OrsRatings(individually=10.5, interpersonally=1, socially=1, overall=1),
        r"individually: 10.5 must be <= 10",
    ),
    # an ORS rating with two decimals
    (
        lambda: OrsRatings(individually=5.25, interpersonally=1, socially=1, overall=1),
        r"individually: 5.25 must have at most one decimal",
    ),
    # a session with neither ORS nor SRS
    (lambda: KorSession(date=D1), r"a session needs ORS or SRS"),
    # KOR sessions out of order
    (
        lambda: KorRatings(
            sessions=[
                KorSession(
                    date=D2,
                    srs=SrsRatings(relationship=1, goals_and_topics=1, approach=1, overall=1),
                ),
                KorSession(
                    date=D1,
                    srs=SrsRatings(relationship=1, goals_and_topics=1, approach=1, overall=1),
                ),
            ]
        ),
        r"sessions\[1\].date",
    ),
    # duplicate wheel areas
    (
        lambda: ConversationWheel(
            date=D1, areas=[WheelArea(name="Bolig"), WheelArea(name="bolig")]
        ),
        r"areas\[1\].name: <free text, 5 characters> duplicates areas\[0\].name",
    ),
    # individual_plan must be a bool
    (
        lambda: ActionPlan(measures=[], individual_plan="ja"),
        r"individual_plan: 'ja' must be true or false",
    ),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("build", "message"), BAD_FORMS + BAD_OTHERS)
def test_bad_input_names_path_value_and_rule(build: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        build()  # type: ignore[operator]


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        WhatMattersForm(
            activities=[Activity(name="Sove"), Activity(name="Gå")],
            conversations=[Conversation(date=D1, scores={"Sove": 0, "Gå": 11})],
        )
    assert len(info.value.problems) == 2
    assert str(info.value).startswith("2 problems:")


@given(
    st.integers(-1000, 1000),
    st.integers(1, 300),  # narrow scales and wide ones (checked by a set, or by min and max)
    st.data(),
)
def test_a_score_is_refused_exactly_when_outside_the_scale(
    lo: int, span: int, data: st.DataObject
) -> None:
    hi = lo + span
    near = st.integers(lo - 2, hi + 2)  # on the scale, mostly, and just off either end
    given_scores = data.draw(st.lists(near, min_size=1, max_size=4))
    names = [f"a{i}" for i in range(len(given_scores))]
    outside = [s for s in given_scores if not lo <= s <= hi]

    def build() -> WhatMattersForm:
        scale = Scale(minimum=lo, maximum=hi)
        return WhatMattersForm.from_scores(names, (D1, given_scores), scale=scale)

    if not outside:
        assert build().conversations[0].scores == dict(zip(names, given_scores, strict=True))
        return
    with pytest.raises(ValidationError) as info:
        build()
    assert [p.input for p in info.value.problems] == outside
    assert all("scale's m" in p.rule for p in info.value.problems)


def test_a_conversation_without_scores_keeps_any_scale() -> None:
    for hi in (10, 1000):  # a set of the scale's points, and min and max
        form = WhatMattersForm.from_scores(["Sove"], (D1, [None]), scale=Scale(maximum=hi))
        assert form.conversations[0].scores == {}


def test_validation_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="below the scale"):
        WhatMattersForm.from_scores(["Sove"], (D1, [0]))


def test_models_are_immutable() -> None:
    form = seed_form()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        form.identifier = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        form.conversations[0].scores["Sove"] = 9  # type: ignore[index]


@given(forms())
def test_forms_are_hashable_and_equal_to_copies(form: WhatMattersForm) -> None:
    copy = attrs.evolve(form)
    assert copy == form
    assert hash(copy) == hash(form)


@given(forms(min_conversations=1), st.integers())
def test_any_out_of_scale_score_is_rejected(form: WhatMattersForm, score: int) -> None:
    assume(not 1 <= score <= 10)
    conv = Conversation(
        date=form.conversations[-1].date + datetime.timedelta(days=1),
        scores={form.activities[0].name: score},
    )
    with pytest.raises(ValidationError, match="the scale's"):
        form.with_conversation(conv)


@given(forms(min_conversations=2, complete=True))
def test_each_activitys_change_says_whether_it_improved_and_reached_three_points(
    form: WhatMattersForm,
) -> None:
    from laeringsnettverk.scoring import ACTIVITY_DETECTABLE_CHANGE

    for change in form.benefit().changes:
        assert change.improved is (change.change > 0)
        assert change.important is (change.change >= ACTIVITY_DETECTABLE_CHANGE)
        assert change.reaches(1) is change.improved


def test_the_worked_example_per_activity() -> None:
    form = WhatMattersForm.from_scores(
        ["Sove", "Handle mat", "Gå på jobb", "Treffe venner"],
        (D1, [1, 4, 1, 2]),
        (D2, [4, 6, 5, 5]),
    )
    changes = {c.activity: (c.change, c.improved, c.important) for c in form.benefit().changes}
    assert changes == {
        "Sove": (3, True, True),
        "Handle mat": (2, True, False),
        "Gå på jobb": (4, True, True),
        "Treffe venner": (3, True, True),
    }


def test_the_benefits_names_still_resolve_from_the_forms_module() -> None:
    # defined in toolkit._benefit (made on first use); code and pickles that name the
    # form's module, where they were defined before, still find them
    from laeringsnettverk.toolkit import _benefit, _form

    assert _form.Benefit is _benefit.Benefit
    assert _form.ActivityChange is _benefit.ActivityChange
    assert _form.form_benefit is _benefit.form_benefit
    with pytest.raises(AttributeError, match="has no attribute 'Nothing'"):
        _form.Nothing  # noqa: B018
