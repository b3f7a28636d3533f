"""The HTML report: well-formed, self-contained, deterministic, escaped, free of personal text."""

from __future__ import annotations

import datetime
import html
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from laeringsnettverk._numbers import NBSP
from laeringsnettverk.charts import i_chart, run_chart
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.examples import load_example
from laeringsnettverk.measurement import ChangeNote, MeasurementPeriod, Observation, Series
from laeringsnettverk.network import (
    Gathering,
    ImprovementTeam,
    LearningNetwork,
    NetworkGoal,
    Organisation,
    OrganisationKind,
    load_example_network,
)
from laeringsnettverk.report import EXAMPLE_TODAY, render_report, render_report_example
from laeringsnettverk.report._svg import chart_svg, ticks
from laeringsnettverk.stakeholders import (
    MapOwner,
    OwnerKind,
    Stakeholder,
    StakeholderCategory,
    StakeholderMap,
)
from laeringsnettverk.toolkit import Activity, Conversation, WhatMattersForm

d = datetime.date
EXAMPLE = load_example_network()
NB = render_report_example()
EN = render_report_example(lang="en")

VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "source", "area", "base"}


class _Checker(HTMLParser):
    """Checks that tags balance and collects every URL-bearing attribute and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.urls: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href", "xlink:href", "action")]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href", "xlink:href", "action")]

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    return checker


def visible_text(page: str) -> str:
    """The text between the tags, joined, with runs of whitespace as one space."""
    return re.sub(r"[ \t\r\n]+", " ", "".join(parse(page).text))


# -- well-formed and self-contained ---------------------------------------------------------


@pytest.mark.parametrize("page", [NB, EN], ids=["nb", "en"])
def test_report_parses_and_is_self_contained(page: str) -> None:
    checker = parse(page)
    assert checker.problems == []
    assert checker.stack == []
    assert page.startswith("<!DOCTYPE html>")
    assert all(url.startswith("#") for url in checker.urls), checker.urls
    assert "http://" not in page and "https://" not in page
    assert not {"script", "link", "img", "iframe", "object"} & set(checker.tags)
    assert checker.tags.count("svg") >= 1
    assert "<style>" in page


def test_the_parser_finds_unbalanced_tags_and_external_urls() -> None:
    # the checks above can fail
    checker = parse('<div><span></div><img src="http://x/y.png"><a href="#ok">a</a>')
    assert checker.problems == ["</div> closes ['span']"]
    assert checker.urls == ["http://x/y.png", "#ok"]
    assert parse("</p>").problems == ["</p> closes nothing"]


def test_report_is_byte_identical_on_two_runs() -> None:
    again = render_report_example()
    assert again == NB
    assert again.encode("utf-8") == NB.encode("utf-8")
    assert render_report_example(lang="en") == EN


def test_the_only_date_is_today() -> None:
    later = render_report_example(today=d(2026, 3, 1))
    assert "Per 2026-03-01" in later
    assert EXAMPLE_TODAY.isoformat() not in later
    assert f"Per {EXAMPLE_TODAY.isoformat()}" in NB


# -- the example's numbers, in Norwegian and English ----------------------------------------


def test_norwegian_numbers() -> None:
    text = visible_text(NB)
    assert '<html lang="nb">' in NB
    # Trondheim: mean benefit 2.0 (CLI: 2.0) and fidelity 80.0 % → "2,0" and "80 %"
    row = re.search(r"<tr><td>Trondheim</td>.*?</tr>", NB)
    assert row is not None
    assert '<td class="num">2,0</td>' in row.group(0)
    assert f'<td class="num">80{NBSP}%</td>' in row.group(0)
    assert f"44,9{NBSP}%" in text  # gathering 1: 5.5 of 12.25 hours is group work
    assert "12,25" in text and "3,75" in text  # the source's figure 2 hours
    assert "2,8" in text  # Bodø's mean benefit 2.75, rounded half up
    assert "\u22120,4 til 5,9" in text  # a confidence interval with the minus sign
    assert "Oversikt" in text and "Funn og råd" in text


def test_english_numbers_and_words() -> None:
    text = visible_text(EN)
    assert '<html lang="en">' in EN
    row = re.search(r"<tr><td>Trondheim</td>.*?</tr>", EN)
    assert row is not None
    assert '<td class="num">2.0</td>' in row.group(0)
    assert f'<td class="num">80{NBSP}%</td>' in row.group(0)
    assert f"44.9{NBSP}%" in text and "12.25" in text
    assert "Overview" in text and "Findings and advice" in text and "Run charts" in text
    assert "Oversikt" not in text
    assert "Team team-hamar's application does not describe anchoring" in text
    assert "Søknaden fra teamet" not in text


def test_findings_are_the_reviews() -> None:
    from laeringsnettverk.network import review_network

    text = visible_text(NB)
    for finding in review_network(EXAMPLE.network, today=EXAMPLE_TODAY):
        assert finding.message_nb in text
        assert finding.code in text


def test_goals_are_assessed() -> None:
    text = visible_text(NB)
    assert "Bli bedre på brukermedvirkning i hele forløpet." in text
    assert "Målet har ingen frist." in text  # the reason of a failed criterion
    assert "6 av 6" in text and "0 av 6" in text


def test_stakeholder_quadrants_show_counts_not_names() -> None:
    text = visible_text(NB)
    assert "Involver tett: 5 aktører" in text
    assert "1 aktører kan ikke plasseres" in text
    example = load_example("stakeholder_map")
    categories = {
        label.casefold() for c in StakeholderCategory for label in (c.label_nb, c.label_en)
    }
    names = [s.name for s in example.stakeholders if s.name.casefold() not in categories]
    assert names
    for name in [*names, example.owner.name]:
        assert not re.search(rf"\b{re.escape(name)}\b", text), name
    for note in [example.notes, *(s.note for s in example.stakeholders)]:
        if note:
            assert note not in text


def test_no_text_typed_about_a_person() -> None:
    names = {name for form in EXAMPLE.forms for name in form.activity_names}
    assert names
    for page in (NB, EN):
        for name in names:
            assert name not in page
            assert html.escape(name) not in page
        for team in EXAMPLE.network.teams:
            for member in team.members:
                assert member.name not in page
            for report in team.progress:
                assert report.narrative is None or report.narrative not in page
        for contact in EXAMPLE.network.contacts:
            assert contact.topic is None or contact.topic not in page
        for item in (i for c in EXAMPLE.checklists for i in c.items):
            assert item.note is None or item.note not in page


def test_the_change_tried_is_an_annotation() -> None:
    series = load_example("series")
    assert series.changes
    text = visible_text(NB)
    for change in series.changes:
        assert f"{change.date.isoformat()}: {change.text}" in text
    assert 'class="change"' in NB


def test_the_example_series_has_a_signal_marked() -> None:
    svgs = re.findall(r"<svg .*?</svg>", NB, re.S)
    assert svgs
    marked = [s for s in svgs if 'class="centre signal"' in s]
    assert marked
    assert 'stroke="#c00000" stroke-dasharray="6 4"' in marked[0]
    assert marked[0].count("<circle") == 18  # the 18 months
    assert "Signal" in visible_text(NB)
    assert "lengste serie på samme side av medianen er 9 (grense 7)" in visible_text(NB)


# -- escaping ---------------------------------------------------------------------------------

HOSTILE = "<script>alert('x')</script>"


def test_a_hostile_team_name_is_escaped() -> None:
    network = EXAMPLE.network
    teams = [attrs.evolve(network.teams[0], name=HOSTILE), *network.teams[1:]]
    hostile = attrs.evolve(network, teams=teams, name=f"Nett {HOSTILE}")
    page = render_report(
        hostile, EXAMPLE.forms, EXAMPLE.checklists, today=EXAMPLE_TODAY, title=None
    )
    assert "<script" not in page
    assert html.escape(HOSTILE) in page
    assert f"<title>Nett {html.escape(HOSTILE)}</title>" in page
    assert parse(page).problems == []
    series = attrs.evolve(
        load_example("series"), changes=[ChangeNote(date=d(2024, 10, 1), text=HOSTILE)]
    )
    page = render_report(network, today=EXAMPLE_TODAY, series=[series], title=HOSTILE)
    assert "<script" not in page
    assert parse(page).problems == []


@given(
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30).filter(
        lambda s: s.strip()
    )
)
def test_any_team_name_is_escaped(name: str) -> None:
    network = EXAMPLE.network
    team = attrs.evolve(network.teams[0], name=name)
    small = attrs.evolve(network, teams=[team], packages=(), contacts=())
    page = render_report(small, today=EXAMPLE_TODAY, lang="en")
    checker = parse(page)
    assert checker.problems == []
    assert checker.stack == []
    assert not {"script", "img", "iframe"} & set(checker.tags)


# -- one team ---------------------------------------------------------------------------------


def test_report_for_one_team() -> None:
    page = render_report(
        EXAMPLE.network,
        EXAMPLE.forms,
        EXAMPLE.checklists,
        today=EXAMPLE_TODAY,
        team="team-hamar",
    )
    text = visible_text(page)
    assert "Rapport for teamet Hamar" in text
    assert "Stavanger" not in text and "Bergen, bydel Årstad" not in text
    assert "team-aarstad" not in text  # another team's finding
    assert "Teamet team-hamar har 3 medlemmer" in text
    assert "Samling 2 har 39 % gruppearbeid" in text  # the network's own findings stay
    assert "Nettverket" in text  # the network's rows, for comparison
    assert parse(page).problems == []


def test_report_for_a_team_with_a_series() -> None:
    page = render_report(
        EXAMPLE.network,
        EXAMPLE.forms,
        today=EXAMPLE_TODAY,
        team="team-bodoe",
        series=[load_example("series")],
        lang="en",
    )
    assert 'class="centre signal"' in page
    assert "Report for the team Bodø" in visible_text(page)


# -- smaller networks and bad input -----------------------------------------------------------


def _team(identifier: str, name: str) -> ImprovementTeam:
    org = Organisation(name=f"{name} kommune", kind=OrganisationKind.OTHER)
    return ImprovementTeam(identifier=identifier, name=name, organisations=[org])


def _bare(**changes: object) -> LearningNetwork:
    fields: dict[str, object] = {"name": "Lite nett", "theme": "Tema", "target_group": "Alle"}
    fields.update(changes)
    return LearningNetwork(**fields)  # type: ignore[arg-type]


def test_a_bare_network_has_notes_instead_of_tables() -> None:
    page = render_report(_bare(), today=d(2025, 1, 1))
    text = visible_text(page)
    assert "Nettverket har ingen perioder registrert." in text
    assert "Nettverket har ingen samlinger." in text
    assert "Nettverket har ingen team." in text
    assert "Ingen mål er registrert." in text
    assert "Resultater per periode trenger minst to samlinger" in text
    assert "Ingen funn." in text
    assert "Visjon" not in text
    assert "Aktørkart" not in text  # no maps given
    assert parse(page).problems == []


def test_a_small_network_with_text_goals_and_a_gathering_without_programme() -> None:
    team = _team("team-a", "A")
    gatherings = [
        Gathering(number=1, days=[d(2025, 1, 6)], place="Bodø"),
        Gathering(number=2, days=[d(2025, 5, 5), d(2025, 5, 6)], place="Molde"),
    ]
    network = _bare(teams=[team], gatherings=gatherings, goals=[NetworkGoal(text="Bedre forløp.")])
    acts = [Activity(name="Sove")]
    forms = [
        WhatMattersForm(
            activities=acts,
            conversations=[
                Conversation(date=d(2025, 1, 10), scores={"Sove": 2}),
                Conversation(date=d(2025, 2, 10), scores={"Sove": 5}),
            ],
            team="team-a",
        ),
        WhatMattersForm(activities=acts, team="team-x"),  # not of the network
    ]
    page = render_report(network, forms, today=d(2025, 6, 1), lang="en")
    text = visible_text(page)
    assert "Bedre forløp." in text and "as text, not assessed" in text
    assert "2025-01-06" in text and "2025-05-05 – 2025-05-06" in text
    assert "Left out of the table: 1 forms not of the network's teams" in text
    assert "too few values for a run chart (n = 1: 3.0)" in text
    assert "No data to show." not in text
    assert "<td>A</td><td>No goal is recorded.</td>" in page  # team A has no project
    assert parse(page).problems == []


def test_series_without_values_or_team() -> None:
    periods = [
        MeasurementPeriod(code=f"2024-0{m}", start=d(2024, m, 1), end=d(2024, m, 28))
        for m in range(1, 4)
    ]
    empty = Series(indicator_ref="tom", observations=[Observation(period=p, n=0) for p in periods])
    values = [Observation(period=p, value=float(k), n=1) for k, p in enumerate(periods)]
    network_wide = Series(indicator_ref="hele-nettet", observations=values)
    page = render_report(
        EXAMPLE.network, today=EXAMPLE_TODAY, series=[empty, network_wide], lang="en"
    )
    text = visible_text(page)
    assert "The network: tom: No data to show." in text
    assert "The network: hele-nettet" in text
    assert "no signal" in text


def test_a_map_with_every_actor_placed() -> None:
    actors = [
        Stakeholder(name="A", category=StakeholderCategory.NAV, influence=5, interest=5),
        Stakeholder(name="B", category=StakeholderCategory.NAV, influence=5, interest=4),
        Stakeholder(name="C", category=StakeholderCategory.GP, influence=4, interest=5),
    ]
    m = StakeholderMap(
        owner=MapOwner(kind=OwnerKind.TEAM, name="team-a"), date=d(2025, 1, 1), stakeholders=actors
    )
    page = render_report(_bare(), today=d(2025, 1, 1), stakeholder_maps=[m], lang="en")
    text = visible_text(page)
    assert "Manage closely: 3 actors" in text
    assert "GP (1), Labour and welfare administration (2)" in text
    assert "cannot be placed" not in text
    assert "Map 1: Team, 2025-01-01" in text


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"network": "nett"}, r"network: 'str' must be a LearningNetwork"),  # not a network
        ({"forms": [1]}, r"forms\[0\]"),  # not a form
        ({"checklists": ["x"]}, r"checklists\[0\]"),  # not a checklist
        ({"stakeholder_maps": [None]}, r"stakeholder_maps\[0\]"),  # not a map
        ({"series": [object()]}, r"series\[0\]"),  # not a series
        ({"today": "2025-01-01"}, r"today"),  # a string, not a date
        ({"lang": "de"}, r"lang: 'de'"),  # unknown language
        ({"team": "team-x"}, r"team: 'team-x' is not a team of the network"),
        ({"title": ""}, r"title"),  # blank title
        ({"team": "team-x", "lang": "se", "today": None}, r"^3 problems"),  # all at once
    ],
)
def test_bad_arguments_are_validation_errors(kwargs: dict[str, object], match: str) -> None:
    args: dict[str, object] = {"network": EXAMPLE.network, "today": EXAMPLE_TODAY}
    args.update(kwargs)
    with pytest.raises(ValidationError, match=match):
        render_report(**args)  # type: ignore[arg-type]


# -- the SVG writer ---------------------------------------------------------------------------


def test_ticks_are_round() -> None:
    assert ticks(0.4, 3.9) == (1.0, [1.0, 2.0, 3.0])
    step, marks = ticks(-0.02, 0.11)
    assert step == 0.05
    assert marks == pytest.approx([0.0, 0.05, 0.1])


def test_control_chart_limits_and_outside_points_in_red() -> None:
    chart = i_chart([5, 6, 5, None, 7, 6, 5, 6, 20], exclude=[1])
    svg = chart_svg(chart, lang="nb", title="I <x>")
    assert svg.count('class="limit"') == 2  # upper and lower
    outside = [i for i, v in enumerate(chart.values) if v is not None and chart.outside[i]]
    assert 8 in outside
    assert svg.count('class="point outside"') == len(outside)
    assert 'fill="#ffffff"' in svg  # the excluded point is hollow
    assert "<title>I &lt;x&gt;</title>" in svg
    assert parse(svg).problems == []


def test_run_chart_parts_constant_values_and_labels() -> None:
    chart = run_chart([3, 3, 3, 3, 5, 5, 5, 5], parts=[4])
    svg = chart_svg(chart, lang="en", title="t")
    assert svg.count('class="centre"') == 2  # one centre line per part
    assert 'stroke-dasharray="2 3"' in svg  # the boundary between the parts
    flat = chart_svg(run_chart([2.0, 2.0]), lang="nb", title="flat")
    assert ">2,0<" in flat or ">2<" in flat  # a constant series still has a y axis
    assert "transform" not in flat  # no labels given, none drawn


def test_gaps_lone_points_and_a_part_without_values() -> None:
    chart = run_chart([None, None, 1, None, None, 2, 3, None, 4, 5, None], parts=[2])
    svg = chart_svg(chart, lang="nb", title="hull")
    assert svg.count("<circle") == 5  # every value, the lone ones too
    assert svg.count("<polyline") == 2  # lines only between neighbours: 2-3 and 4-5
    assert svg.count('class="centre') == 1  # the first part has no value, so no centre


# -- headless Chromium ------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--enable-logging=stderr",
    "--v=0",
]


def _chromium(tmp_path: Path, page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (CI installs it)")
def test_chromium_renders_the_report_without_console_errors(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(NB, encoding="utf-8")
    shot = tmp_path / "report.png"
    done = _chromium(tmp_path, page, f"--screenshot={shot}", "--window-size=1200,2000")
    assert done.returncode == 0, done.stderr[-2000:]
    assert _console(done.stderr) == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a page with content, not a blank one
    dom = _chromium(tmp_path, page, "--dump-dom")
    assert dom.returncode == 0
    assert _console(dom.stderr) == []
    for heading in ("Oversikt", "Samlinger og tidsbruk", "Seriediagram", "Funn og råd"):
        assert f">{heading}</h2>" in dom.stdout
    assert dom.stdout.count("<svg") == NB.count("<svg")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (CI installs it)")
def test_chromium_console_check_catches_a_script_error(tmp_path: Path) -> None:
    # the check above can fail: a page with a script error is caught
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><p>x</p><script>throw new Error('boom')</script>")
    done = _chromium(tmp_path, page, "--dump-dom")
    assert any("Uncaught" in line for line in _console(done.stderr))
