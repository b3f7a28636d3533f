"""Stakeholder maps: the three classifications, map analysis, diffs, exports, bad input."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.serialization import from_dict, to_dict
from laeringsnettverk.stakeholders import (
    HIGH_RATING,
    MENDELOW_GRID,
    RATING_MAX,
    SALIENCE_TYPES,
    SITUATIONAL_TABLE,
    Attitude,
    MapDiff,
    MapOwner,
    OwnerKind,
    PowerInterestQuadrant,
    PublicType,
    Relation,
    RelationQuality,
    RelationStrength,
    Salience,
    SituationalBehaviour,
    SituationalCell,
    SituationalLevel,
    Stakeholder,
    StakeholderCategory,
    StakeholderChange,
    StakeholderGap,
    StakeholderLevel,
    StakeholderMap,
    apply_diff,
    by_category,
    by_level,
    by_quadrant,
    diff_maps,
    example_stakeholder_map,
    find_gaps,
    is_high_rating,
    is_influential,
    is_salient,
    plot_power_interest,
    power_interest_quadrant,
    public_type,
    salience,
    stakeholder_dot,
    stakeholder_mermaid,
)
from strategies.stakeholders import (
    map_diffs,
    map_owners,
    map_pairs,
    ratings,
    relations,
    situational_cells,
    stakeholder_changes,
    stakeholder_gaps,
    stakeholder_maps,
    stakeholders,
)

ROOT = Path(__file__).resolve().parent.parent
HOW_TO = ROOT / "docs" / "how-to" / "stakeholder-map.md"
C = StakeholderCategory
Q = PowerInterestQuadrant
P = PublicType
HIGH, LOW = SituationalLevel.HIGH, SituationalLevel.LOW
OWNER = MapOwner(kind=OwnerKind.USER, name="Kari")
DAY = datetime.date(2019, 9, 12)


def actor(name: str = "NAV", **fields: Any) -> Stakeholder:
    return Stakeholder(name=name, category=fields.pop("category", C.NAV), **fields)


# -- the rule tables, cell by cell ------------------------------------------------------------


@pytest.mark.parametrize(
    ("influence", "interest", "expected"),
    [
        (5, 5, Q.MANAGE_CLOSELY),
        (3, 3, Q.MANAGE_CLOSELY),  # the middle of the scale counts as high
        (3, 2, Q.KEEP_SATISFIED),
        (5, 1, Q.KEEP_SATISFIED),
        (2, 3, Q.KEEP_INFORMED),
        (1, 5, Q.KEEP_INFORMED),
        (2, 2, Q.MONITOR),
        (1, 1, Q.MONITOR),
    ],
)
def test_mendelow_quadrants(influence: int, interest: int, expected: Q) -> None:
    assert power_interest_quadrant(actor(influence=influence, interest=interest)) is expected


def test_the_threshold_is_three() -> None:
    assert HIGH_RATING == 3
    assert [is_high_rating(r) for r in range(1, 6)] == [False, False, True, True, True]


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ((True, False, False), Salience.DORMANT),
        ((False, True, False), Salience.DISCRETIONARY),
        ((False, False, True), Salience.DEMANDING),
        ((True, True, False), Salience.DOMINANT),
        ((True, False, True), Salience.DANGEROUS),
        ((False, True, True), Salience.DEPENDENT),
        ((True, True, True), Salience.DEFINITIVE),
        ((False, False, False), Salience.NON_STAKEHOLDER),
    ],
)
def test_salience_types(attributes: tuple[bool, bool, bool], expected: Salience) -> None:
    power, legitimacy, urgency = attributes
    s = actor(power=power, legitimacy=legitimacy, urgency=urgency)
    assert salience(s) is expected
    assert expected.attributes == attributes
    assert expected.attribute_count == sum(attributes)


@pytest.mark.parametrize(
    ("pr", "cr", "inv", "behaviour", "expected"),
    [
        # high involvement
        (HIGH, LOW, HIGH, SituationalBehaviour.PROBLEM_FACING, P.ACTIVE),
        (HIGH, HIGH, HIGH, SituationalBehaviour.CONSTRAINED, P.AWARE),  # aware/active
        (LOW, LOW, HIGH, SituationalBehaviour.ROUTINE, P.ACTIVE),  # active (reinforcing)
        (LOW, HIGH, HIGH, SituationalBehaviour.FATALISTIC, P.LATENT),  # latent/aware
        # low involvement
        (HIGH, LOW, LOW, SituationalBehaviour.PROBLEM_FACING, P.AWARE),  # aware/active
        (HIGH, HIGH, LOW, SituationalBehaviour.CONSTRAINED, P.LATENT),  # latent/aware
        (LOW, LOW, LOW, SituationalBehaviour.ROUTINE, P.NONPUBLIC),  # none/latent
        (LOW, HIGH, LOW, SituationalBehaviour.FATALISTIC, P.NONPUBLIC),
    ],
)
def test_situational_theory(
    pr: SituationalLevel,
    cr: SituationalLevel,
    inv: SituationalLevel,
    behaviour: SituationalBehaviour,
    expected: PublicType,
) -> None:
    s = actor(problem_recognition=pr, constraint_recognition=cr, involvement=inv)
    assert public_type(s) is expected
    cell = SITUATIONAL_TABLE[(pr, cr, inv)]
    assert cell.behaviour is behaviour
    assert cell.involvement is inv
    assert cell.types[0] is expected


def test_the_tables_are_complete_and_read_only() -> None:
    assert len(MENDELOW_GRID) == 4 and set(MENDELOW_GRID.values()) == set(Q)
    assert len(SALIENCE_TYPES) == 8 and set(SALIENCE_TYPES.values()) == set(Salience)
    assert len(SITUATIONAL_TABLE) == 8 and {c.public_type for c in SITUATIONAL_TABLE.values()} == {
        *P
    }
    with pytest.raises(TypeError):
        MENDELOW_GRID[(True, True)] = Q.MONITOR  # type: ignore[index]


# -- every classifier is total ------------------------------------------------------------------


@given(stakeholders())
def test_classifiers_are_total(s: Stakeholder) -> None:
    q, p, sal = power_interest_quadrant(s), public_type(s), salience(s)
    assert (q is None) == (s.influence is None or s.interest is None)
    assert q is None or q in Q
    grunig = (s.problem_recognition, s.constraint_recognition, s.involvement)
    assert (p is None) == (None in grunig)
    assert p is None or p in P
    assert (sal is None) == (None in (s.power, s.legitimacy, s.urgency))
    assert sal is None or sal.attributes == (s.power, s.legitimacy, s.urgency)


@given(stakeholders(), ratings, ratings, ratings)
def test_raising_influence_never_lowers_the_quadrant(
    s: Stakeholder, influence: int, interest: int, more: int
) -> None:
    low = attrs.evolve(s, influence=influence, interest=interest)
    high = attrs.evolve(low, influence=max(influence, more))
    before, after = power_interest_quadrant(low), power_interest_quadrant(high)
    assert before is not None and after is not None
    if before.high_influence:
        assert after.high_influence
    assert after.high_interest == before.high_interest


@given(ratings, ratings)
def test_a_quadrant_agrees_with_the_threshold(influence: int, interest: int) -> None:
    q = power_interest_quadrant(actor(influence=influence, interest=interest))
    assert q is not None
    assert q.high_influence == (influence >= HIGH_RATING)
    assert q.high_interest == (interest >= HIGH_RATING)


def test_classifiers_refuse_what_is_not_a_stakeholder() -> None:
    for classify in (power_interest_quadrant, public_type, salience):
        with pytest.raises(ValidationError, match=r"stakeholder: 'dict' must be a Stakeholder"):
            classify({"name": "NAV"})  # type: ignore[arg-type]


# -- map level ----------------------------------------------------------------------------------


@given(stakeholder_maps())
def test_groupings_partition_the_map(m: StakeholderMap) -> None:
    for groups, order in (
        (by_quadrant(m), list(Q)),
        (by_category(m), list(C)),
        (by_level(m), list(StakeholderLevel)),
    ):
        flat = [s for group in groups.values() for s in group]
        assert sorted(map(id, flat)) == sorted(map(id, m.stakeholders))
        assert all(groups.values())  # no empty groups
        keys = list(groups)
        if None in keys:
            assert keys[-1] is None
            keys = keys[:-1]
        assert keys == [k for k in order if k in keys]
    assert None not in by_category(m)
    for q, group in by_quadrant(m).items():
        assert all(power_interest_quadrant(s) is q for s in group)


@given(stakeholder_maps())
def test_gaps_are_exactly_the_important_actors_with_a_weak_relation(m: StakeholderMap) -> None:
    gaps = find_gaps(m)
    expected = [
        s
        for s in m.stakeholders
        if (s.relation is None or s.relation.strength in (RelationStrength.NONE,
                                                          RelationStrength.WEAK))
        and (is_influential(s) or is_salient(s))
    ]  # fmt: skip
    assert [g.stakeholder for g in gaps] == expected
    for g in gaps:
        assert g.influential == is_influential(g.stakeholder)
        assert g.salient == is_salient(g.stakeholder)


def test_gaps_of_the_example() -> None:
    gaps = find_gaps(example_stakeholder_map())
    assert [(g.name, g.relation, g.influential, g.salient) for g in gaps] == [
        ("NAV-veileder", RelationStrength.WEAK, True, True),
        ("Boligkontoret", RelationStrength.NONE, True, True),
        ("Arbeidsgiver", None, True, False),
    ]


def test_salient_counts_recorded_attributes_only() -> None:
    assert is_salient(actor(power=True, legitimacy=True))
    assert not is_salient(actor(power=True, legitimacy=None, urgency=None))
    assert not is_influential(actor())
    assert is_influential(actor(influence=3)) and not is_influential(actor(influence=2))


# -- diffs --------------------------------------------------------------------------------------


@given(stakeholder_maps())
def test_the_diff_of_a_map_with_itself_is_empty(m: StakeholderMap) -> None:
    diff = diff_maps(m, m)
    assert diff.is_empty
    assert (diff.added, diff.removed, diff.changed, diff.order) == ((), (), (), None)
    assert apply_diff(m, diff) == m


@given(map_pairs())
def test_applying_a_diff_reproduces_the_later_map(
    pair: tuple[StakeholderMap, StakeholderMap],
) -> None:
    earlier, later = pair
    diff = diff_maps(earlier, later)
    assert apply_diff(earlier, diff) == later
    assert diff.is_empty == (earlier == later)
    # the diff survives JSON
    assert from_dict(json.loads(json.dumps(to_dict(diff))), MapDiff) == diff


@given(map_pairs())
def test_a_diff_names_each_actor_once(pair: tuple[StakeholderMap, StakeholderMap]) -> None:
    earlier, later = pair
    diff = diff_maps(earlier, later)
    before = {s.key for s in earlier.stakeholders}
    after = {s.key for s in later.stakeholders}
    assert {s.key for s in diff.added} == after - before
    assert {s.key for s in diff.removed} == before - after
    assert {c.after.key for c in diff.changed} <= before & after
    for ch in diff.changed:
        assert ch.fields and all(getattr(ch.before, f) != getattr(ch.after, f) for f in ch.fields)


def test_a_changed_relation() -> None:
    before = example_stakeholder_map()
    nav = before.get("NAV-veileder")
    assert nav is not None
    better = attrs.evolve(nav, relation=Relation(strength=RelationStrength.MODERATE))
    after = attrs.evolve(
        before,
        date=datetime.date(2019, 12, 12),
        stakeholders=[better if s is nav else s for s in before.stakeholders],
    )
    diff = diff_maps(before, after)
    assert [c.name for c in diff.relation_changes] == ["NAV-veileder"]
    assert diff.changed[0].fields == ("relation",)
    assert not diff.is_empty and diff.order is None
    assert "NAV-veileder" not in [g.name for g in find_gaps(after)]


def test_diff_refuses_maps_of_different_owners() -> None:
    a = StakeholderMap(owner=OWNER, date=DAY)
    b = attrs.evolve(a, owner=MapOwner(kind=OwnerKind.TEAM, name="Teamet"))
    with pytest.raises(ValidationError, match=r"later\.owner: must be the same owner"):
        diff_maps(a, b)


def test_apply_diff_refuses_a_diff_made_from_another_map() -> None:
    m = example_stakeholder_map()
    smaller = attrs.evolve(m, stakeholders=m.stakeholders[1:])
    diff = diff_maps(m, smaller)
    # the diff removes «Mor», who is not on the smaller map
    with pytest.raises(ValidationError, match=r"diff\.removed\[0\]: is not on the earlier map"):
        apply_diff(smaller, diff)
    with pytest.raises(ValidationError, match=r"diff\.from_date: '2019-09-12' must be"):
        apply_diff(attrs.evolve(m, date=datetime.date(2020, 1, 1)), diff)
    back = diff_maps(smaller, m)
    with pytest.raises(ValidationError, match=r"diff\.added\[0\]: is already on the earlier map"):
        apply_diff(m, back)
    bad_order = attrs.evolve(back, order=["Mor"])
    with pytest.raises(ValidationError, match=r"diff\.order: must name exactly the actors"):
        apply_diff(smaller, bad_order)


# -- exports ------------------------------------------------------------------------------------


NODE = re.compile(r'^    a(\d+)\["([^"\n]*)<br/>([^"\n]*)"\]$')
EDGE = re.compile(
    r'^    (?:a\d+ (?:===|---|-\.-)\|"[^"]*"\| sentrum|sentrum (?:===|---|-\.-)\|"[^"]*"\| a\d+)$'
)


@given(stakeholder_maps())
def test_mermaid_has_one_node_and_one_edge_per_actor(m: StakeholderMap) -> None:
    lines = stakeholder_mermaid(m).split("\n")
    assert lines[0] == "flowchart LR"
    assert lines[1].startswith('    sentrum(("') and lines[1].endswith('"))')
    node_lines = [line for line in lines if re.match(r"^    a\d+\[", line)]
    nodes = [n for n in map(NODE.match, node_lines) if n is not None]
    assert len(nodes) == len(node_lines)  # every node line is a well-formed quoted label
    assert [int(n.group(1)) for n in nodes] == list(range(1, len(m.stakeholders) + 1))
    edges = [line for line in lines[2:] if "sentrum" in line and "|" in line]
    assert "|" not in lines[1]
    assert len(edges) == len(m.stakeholders)
    assert all(EDGE.match(e) for e in edges)
    for n, s in zip(nodes, m.stakeholders, strict=True):
        assert n.group(3) == s.category.label
        for char in '"<>`|\n':
            assert char not in n.group(2)


def test_mermaid_escapes_free_text() -> None:
    m = StakeholderMap(
        owner=MapOwner(kind=OwnerKind.TEAM, name='Team "A"'),
        date=DAY,
        stakeholders=[actor('NAV <kontor> #1 "x"\nny | linje')],
    )
    text = stakeholder_mermaid(m)
    assert '"Team #quot;A#quot;<br/>Team (team)"' in text
    assert 'a1["NAV #lt;kontor#gt; #35;1 #quot;x#quot; ny #124; linje<br/>NAV' in text


def test_dot_escapes_free_text_and_weights_edges() -> None:
    m = StakeholderMap(
        owner=OWNER,
        date=DAY,
        stakeholders=[
            actor('A "b" \\c', relation=Relation(strength=RelationStrength.STRONG)),
            actor("Svak", relation=Relation(strength=RelationStrength.WEAK)),
            actor("Ukjent", attitude=Attitude.OPPOSED),
        ],
    )
    text = stakeholder_dot(m)
    assert 'a1 [label="A \\"b\\" \\\\c\\nNAV (labour and welfare administration)"];' in text
    assert 'sentrum -- a1 [label="Sterk (strong)", penwidth=4, style=solid];' in text
    assert "penwidth=1, style=dashed" in text
    assert 'sentrum -- a3 [label="Ikke kartlagt (not mapped)", penwidth=1, style=dotted];' in text
    assert 'fillcolor="#f8d7da"' in text


@given(stakeholder_maps())
def test_dot_quotes_are_balanced(m: StakeholderMap) -> None:
    text = stakeholder_dot(m)
    lines = text.split("\n")
    assert lines[0] == "graph aktoerkart {" and lines[-1] == "}"
    assert len(lines) == 9 + 2 * len(m.stakeholders)
    for line in lines:
        unescaped = re.sub(r"\\.", "", line)
        assert unescaped.count('"') % 2 == 0


def test_the_how_to_page_shows_the_example_as_the_code_draws_it() -> None:
    text = HOW_TO.read_text(encoding="utf-8")
    blocks = re.findall(r"^```mermaid\n(.*?)^```", text, re.S | re.M)
    assert blocks, "the how-to page has no ```mermaid block"
    assert blocks[0] == stakeholder_mermaid(example_stakeholder_map()) + "\n"


def test_plot_power_interest() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    m = example_stakeholder_map()
    fig = plot_power_interest(m)
    (ax,) = fig.axes
    placed = [s for s in m.stakeholders if power_interest_quadrant(s) is not None]
    dots = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert len(dots) == len(placed)
    labels = {t.get_text() for t in ax.texts}
    assert {q.label for q in Q} <= labels
    assert {s.name[:19] for s in placed} <= {t[:19] for t in labels}
    assert "Psykisk helse- og r…" in labels  # long names are cut
    legend = ax.get_legend()
    assert legend is not None
    assert any("Ikke plassert" in t.get_text() for t in legend.get_texts())
    fig.canvas.draw()  # renders without error with the Agg canvas


def test_importing_the_package_does_not_import_matplotlib() -> None:
    code = (
        "import sys, laeringsnettverk, laeringsnettverk.stakeholders\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'cattrs', 'pandas')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- the shipped example ------------------------------------------------------------------------


# The shipped file and the tool that writes it: tests/test_examples.py.


def test_the_example_has_the_seeds_actors() -> None:
    m = example_stakeholder_map()
    assert m.owner == OWNER
    assert {C.NEXT_OF_KIN, C.GP, C.NAV, C.DPS, C.PEER_WORKER} <= {
        s.category for s in m.stakeholders
    }
    assert {q: len(v) for q, v in by_quadrant(m).items()} == {
        Q.MANAGE_CLOSELY: 5,
        Q.KEEP_SATISFIED: 4,
        Q.KEEP_INFORMED: 1,
        Q.MONITOR: 1,
        None: 1,
    }


# -- JSON round trip and bad input --------------------------------------------------------------

MODELS: dict[str, st.SearchStrategy[Any]] = {
    "Relation": relations,
    "Stakeholder": stakeholders(),
    "MapOwner": map_owners,
    "StakeholderMap": stakeholder_maps(),
    "StakeholderChange": stakeholder_changes(),
    "MapDiff": map_diffs(),
    "StakeholderGap": stakeholder_gaps(),
    "SituationalCell": situational_cells(),
}


@pytest.mark.parametrize("name", MODELS)
@given(data=st.data())
def test_json_round_trip(name: str, data: st.DataObject) -> None:
    obj = data.draw(MODELS[name])
    assert type(obj).__name__ == name
    back = from_dict(json.loads(json.dumps(to_dict(obj))), type(obj))
    assert back == obj


SECRET = "Ola Nordmann"


@pytest.mark.parametrize(
    ("build", "match"),
    [
        # the name is required and free text: never echoed
        (lambda: actor(" "), r"^name: must not be empty$"),
        # a category is a StakeholderCategory, not its code
        (lambda: actor(category="nav"), r"category: 'nav' is not a known StakeholderCategory"),
        # an unknown level
        (lambda: actor(level="fylke"), r"level: 'fylke' is not a known StakeholderLevel"),
        # influence is on the 1..5 scale
        (lambda: actor(influence=6), r"influence: 6 is above the rating scale's max 5"),
        # interest is on the 1..5 scale
        (lambda: actor(interest=0), r"interest: 0 is below the rating scale's min 1"),
        # a rating is a whole number
        (lambda: actor(influence=2.5), r"influence: 2\.5 must be a whole number"),
        # bool is not a rating
        (lambda: actor(interest=True), r"interest: True must be a whole number"),
        # Mitchell-Agle-Wood attributes are booleans
        (lambda: actor(power="ja"), r"power: 'ja' must be true or false"),
        # Grunig's variables are high or low
        (lambda: actor(involvement=True), r"involvement: True is not a known SituationalLevel"),
        # a relation is a Relation
        (lambda: actor(relation="sterk"), r"relation: 'str' must be a Relation"),
        # a relation's strength is required to be a RelationStrength
        (lambda: Relation(strength="sterk"),  # type: ignore[arg-type]
         r"strength: 'sterk' is not a known RelationStrength"),
        # an owner needs a name
        (lambda: MapOwner(kind=OwnerKind.USER, name=""), r"^name: must not be empty$"),
        # owners are a user, a team, a service or a municipality
        (lambda: MapOwner(kind="fylke", name="x"),  # type: ignore[arg-type]
         r"kind: 'fylke' is not a known OwnerKind"),
        # a map's date is a date
        (lambda: StakeholderMap(owner=OWNER, date="2019-09-12"),  # type: ignore[arg-type]
         r"date: '2019-09-12' must be a date"),
        # a map's actors are Stakeholders
        (lambda: StakeholderMap(owner=OWNER, date=DAY, stakeholders=["NAV"]),
         r"stakeholders\[0\]: 'str' must be a Stakeholder"),
        # names are unique, ignoring case; the name is not echoed
        (lambda: StakeholderMap(owner=OWNER, date=DAY,
                                stakeholders=[actor(SECRET), actor(SECRET.upper())]),
         r"^stakeholders\[1\]\.name: <free text, 12 characters> duplicates stakeholders\[0\]\.name$"),
        # a change is of one actor
        (lambda: StakeholderChange(before=actor("A"), after=actor("B")),
         r"after\.name: must name the same actor as before\.name"),
        # a change changes something
        (lambda: StakeholderChange(before=actor("A"), after=actor("A")),
         r"after: is the same as before"),
        # a diff names each actor once
        (lambda: MapDiff(owner=OWNER, from_date=DAY, to_date=DAY, added=[actor("A")],
                         removed=[actor("a")]),
         r"removed\[0\]: names the same actor as added\[0\]"),
        # a gap is an influential or salient actor
        (lambda: StakeholderGap(stakeholder=actor(), influential=False, salient=False),
         r"influential: is not a gap"),
        # a gap has a weak relation
        (lambda: StakeholderGap(stakeholder=actor(relation=Relation(strength=RelationStrength.STRONG)),
                                influential=True, salient=False),
         r"stakeholder\.relation\.strength: 'sterk' is not a gap"),
        # a cell's types are least active first
        (lambda: SituationalCell(behaviour=SituationalBehaviour.ROUTINE, involvement=LOW,
                                 types=[P.ACTIVE, P.LATENT]),
         r"types: must be distinct and least active first"),
        # a rating to classify is on the scale
        (lambda: is_high_rating(RATING_MAX + 1), r"rating: 6 is above the rating scale's max 5"),
    ],
)  # fmt: skip
def test_bad_input(build: Any, match: str) -> None:
    with pytest.raises(ValidationError, match=match) as info:
        build()
    assert SECRET not in str(info.value) and SECRET.upper() not in str(info.value)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        actor(" ", influence=0, interest=9, power="x")
    assert [p.path for p in info.value.problems] == [
        ("name",),
        ("influence",),
        ("interest",),
        ("power",),
    ]


GOOD = {"owner": {"kind": "bruker", "name": "Kari"}, "date": "2019-09-12"}


@pytest.mark.parametrize(
    ("data", "match"),
    [
        # the owner is required
        ({"date": "2019-09-12"}, r"\$\.owner: is required"),
        # an unknown owner kind
        ({**GOOD, "owner": {"kind": "fylke", "name": "x"}},
         r"\$\.owner\.kind: 'fylke' is not a known OwnerKind code"),
        # the date is ISO 8601
        ({**GOOD, "date": "12.9.2019"}, r"\$\.date: '12\.9\.2019' must be an ISO 8601 date"),
        # an actor needs a category
        ({**GOOD, "stakeholders": [{"name": "NAV"}]}, r"\$\.stakeholders\[0\]\.category: is required"),
        # an unknown category code
        ({**GOOD, "stakeholders": [{"name": "NAV", "category": "trygdekontor"}]},
         r"\$\.stakeholders\[0\]\.category: 'trygdekontor' is not a known StakeholderCategory"),
        # a rating is a whole number, not a string
        ({**GOOD, "stakeholders": [{"name": "NAV", "category": "nav", "influence": "5"}]},
         r"\$\.stakeholders\[0\]\.influence: '5' must be a whole number"),
        # a rating off the scale
        ({**GOOD, "stakeholders": [{"name": "NAV", "category": "nav", "interest": 7}]},
         r"\$\.stakeholders\[0\]\.interest: 7 is above the rating scale's max 5"),
        # an unknown relation strength
        ({**GOOD, "stakeholders": [{"name": "NAV", "category": "nav",
                                    "relation": {"strength": "god"}}]},
         r"\$\.stakeholders\[0\]\.relation\.strength: 'god' is not a known RelationStrength"),
        # power is true or false
        ({**GOOD, "stakeholders": [{"name": "NAV", "category": "nav", "power": 1}]},
         r"\$\.stakeholders\[0\]\.power: 1 must be true or false"),
        # unknown keys are rejected
        ({**GOOD, "stakeholders": [{"name": "NAV", "category": "nav", "makt": True}]},
         r"\$\.stakeholders\[0\]\.makt: is not a field of Stakeholder"),
        # duplicate names: the name is not echoed
        ({**GOOD, "stakeholders": [{"name": SECRET, "category": "nav"},
                                   {"name": SECRET, "category": "dps"}]},
         r"\$\.stakeholders\[1\]\.name: <free text, 12 characters> duplicates"),
    ],
)  # fmt: skip
def test_bad_documents(data: dict[str, Any], match: str) -> None:
    with pytest.raises(ValidationError, match=match) as info:
        from_dict(data, StakeholderMap)
    assert SECRET not in str(info.value)


def test_labels_are_norwegian_with_english_beside() -> None:
    assert C.NEXT_OF_KIN.label == "Pårørende (next of kin)"
    assert Q.MANAGE_CLOSELY.label == "Involver tett (manage closely)"
    assert P.AWARE.label == "Bevisst publikum (aware public)"
    assert Salience.NON_STAKEHOLDER.label == "Ikke interessent (non-stakeholder)"
    assert Relation(strength=RelationStrength.STRONG, quality=RelationQuality.GOOD).label == (
        "Sterk, god (strong, good)"
    )
    for enum in (C, StakeholderLevel, OwnerKind, RelationStrength, Q, P, Salience):
        for member in enum:
            assert re.fullmatch(r"[a-z_]+", member.code), member
            assert member.label_nb and member.label_en


def test_the_docs_show_the_mermaid_the_code_draws() -> None:
    import re
    from pathlib import Path

    page = Path(__file__).resolve().parent.parent / "docs" / "how-to" / "stakeholder-map.md"
    blocks = re.findall(r"^```mermaid\n(.*?)^```$", page.read_text(encoding="utf-8"), re.M | re.S)
    assert blocks == [stakeholder_mermaid(example_stakeholder_map()).rstrip("\n") + "\n"]
