# ruff: noqa: E501  (the example's data tables read best one row a line)
"""Write the shipped example network and example stakeholder map (made-up data, deterministic).

    python tools/make_examples.py

builds the fictional example network with its teams' forms and checklists, and the example
stakeholder map around «Kari», in code, and writes them to ``src/laeringsnettverk/data``
(``example_network.json``, ``example_network_forms.jsonl``,
``example_network_checklists.jsonl`` and ``example_stakeholder_map.json``). The package only
loads these files (:mod:`laeringsnettverk.examples`); ``tests/test_examples.py`` checks that
the shipped files are what this script writes.

The municipality numbers are real (2024 structure); the people, texts and scores are made up.
The stakeholder map's actors are those the source names around a user; Kari and every
detail are made up.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import attrs

from laeringsnettverk.goals import Indicator, IndicatorKind, Observation, Party, SmartGoal
from laeringsnettverk.improvement import ImprovementProject, Phase, PhaseActivity
from laeringsnettverk.network import ExampleNetwork
from laeringsnettverk.network._enums import (
    ContactChannel,
    GroupKind,
    Initiator,
    MemberRole,
    OrganisationKind,
    ProgrammeItemKind,
)
from laeringsnettverk.network._gathering import (
    DEFAULT_PREPARATION_PACKAGES,
    Gathering,
    PreparationPackage,
    ProgrammeItem,
    TaskCompletion,
)
from laeringsnettverk.network._network import (
    FollowUpContact,
    GroupMember,
    LearningNetwork,
    NetworkGoal,
    OrganiserGroup,
)
from laeringsnettverk.network._schedule import plan_schedule
from laeringsnettverk.network._team import (
    Application,
    ImprovementTeam,
    Organisation,
    ProgressReport,
    TeamMember,
)
from laeringsnettverk.serialization import dumps, to_dict
from laeringsnettverk.stakeholders import (
    Attitude,
    MapOwner,
    OwnerKind,
    Relation,
    RelationQuality,
    RelationStrength,
    SituationalLevel,
    Stakeholder,
    StakeholderCategory,
    StakeholderLevel,
    StakeholderMap,
)
from laeringsnettverk.toolkit import (
    CollaborationChecklist,
    ItemStatus,
    WhatMattersForm,
)

DATA = Path(__file__).resolve().parent.parent / "src" / "laeringsnettverk" / "data"

NETWORK_FILES = (
    "example_network.json",
    "example_network_forms.jsonl",
    "example_network_checklists.jsonl",
)
"""The example network's files in the package's ``data`` folder."""

STAKEHOLDER_MAP_FILE = "example_stakeholder_map.json"
"""The example stakeholder map's file in the package's ``data`` folder."""


# == the example network ==================================================================

d = datetime.date
R, L = MemberRole, OrganisationKind
K = ProgrammeItemKind
START = d(2024, 6, 3)


# -- gatherings: the programmes give exactly the source's figure 2 -----------------------


def _item(title: str, kind: ProgrammeItemKind, start: str, minutes: int, day: int) -> ProgrammeItem:
    return ProgrammeItem(title=title, kind=kind, start=start, minutes=minutes, day=day)


PROGRAMMES: dict[int, tuple[ProgrammeItem, ...]] = {
    1: (
        _item("Velkommen: hva er et læringsnettverk?", K.ORGANISER_LECTURE, "10:00", 60, 1),
        _item("Teamene presenterer forberedelsespakke 1", K.PLENARY, "11:00", 90, 1),
        _item("Hva er viktig for deg? Brukerens perspektiv", K.EXTERNAL_LECTURE, "13:15", 105, 1),
        _item("Gruppearbeid: vårt forbedringsområde", K.GROUP_WORK, "15:15", 90, 1),
        _item("Modell for kvalitetsforbedring", K.ORGANISER_LECTURE, "09:00", 60, 2),
        _item(
            "Gode pasientforløp for personer med ROP-lidelser", K.EXTERNAL_LECTURE, "10:15", 120, 2
        ),
        _item("Måling og SMART-mål", K.ORGANISER_LECTURE, "12:15", 60, 2),
        _item("Gruppearbeid: mål og målinger", K.GROUP_WORK, "14:00", 90, 2),
        _item("Oppsummering i plenum", K.PLENARY, "15:30", 60, 2),
    ),
    2: (
        _item("Siden sist", K.ORGANISER_LECTURE, "10:00", 60, 1),
        _item("Teamene presenterer forberedelsespakke 2", K.PLENARY, "11:00", 90, 1),
        _item("Forankring i ledelsen", K.EXTERNAL_LECTURE, "13:15", 90, 1),
        _item("Gruppearbeid: plan for brukerinvolvering", K.GROUP_WORK, "15:00", 60, 1),
        _item("Verktøykassen «Hva er viktig for deg?»", K.ORGANISER_LECTURE, "09:00", 60, 2),
        _item("Individuell plan og koordinator", K.EXTERNAL_LECTURE, "10:15", 60, 2),
        _item("Sjekkliste for samhandling", K.ORGANISER_LECTURE, "11:30", 60, 2),
        _item("Gruppearbeid: måleplan", K.GROUP_WORK, "13:15", 60, 2),
    ),
    3: (
        _item("Siden sist", K.ORGANISER_LECTURE, "10:00", 45, 1),
        _item("Teamene presenterer forberedelsespakke 3", K.PLENARY, "10:45", 90, 1),
        _item("Samarbeid med DPS og fastlege", K.EXTERNAL_LECTURE, "13:00", 120, 1),
        _item("Gruppearbeid: forbedringstiltak", K.GROUP_WORK, "15:15", 45, 1),
        _item("PDSA i praksis", K.ORGANISER_LECTURE, "09:00", 60, 2),
        _item("Pårørende som ressurs", K.EXTERNAL_LECTURE, "10:15", 90, 2),
        _item("Spredning og videreføring", K.ORGANISER_LECTURE, "12:30", 45, 2),
        _item("Gruppearbeid: veien videre", K.GROUP_WORK, "13:30", 45, 2),
    ),
    4: (
        _item("Åpning av fellessamlingen", K.ORGANISER_LECTURE, "10:00", 45, 1),
        _item("Recovery og brukermedvirkning", K.EXTERNAL_LECTURE, "11:00", 90, 1),
        _item("Tidlig innsats for barn og unge", K.EXTERNAL_LECTURE, "13:00", 75, 1),
        _item("Teamene deler erfaringer", K.PLENARY, "14:30", 75, 1),
        _item("Helhetlige tjenester på tvers av nivåene", K.EXTERNAL_LECTURE, "09:00", 90, 2),
        _item("Veien videre for nettverket", K.ORGANISER_LECTURE, "10:45", 60, 2),
    ),
}
PLACES = {1: "Bodø", 2: "Trondheim", 3: "Hamar", 4: "Oslo"}


def _gatherings() -> tuple[tuple[Gathering, ...], tuple[object, ...]]:
    schedule = plan_schedule(START, 4, preparation=3, spacing=[4, 4, 5])
    gatherings = tuple(
        attrs.evolve(g, programme=PROGRAMMES[g.number], place=PLACES[g.number])
        for g in schedule.to_gatherings("-")
    )
    gatherings = (*gatherings[:3], attrs.evolve(gatherings[3], title="Felles konferanse"))
    return gatherings, schedule.periods


# -- teams ---------------------------------------------------------------------------------


def _member(name: str, *roles: MemberRole, unit: str, organisation: str) -> TeamMember:
    return TeamMember(name=name, roles=roles, unit=unit, organisation=organisation)


def _application(municipality: str, trust: str, contact: str, *, anchoring: bool) -> Application:
    return Application(
        municipality=municipality,
        health_trust=trust,
        contact_person=contact,
        contact_email="postmottak@example.no",
        contact_phone="00 00 00 00",
        # the form's one question under the heading «Mål for forbedringsarbeidet» is
        # «Hvorfor? Beskriv kort hvorfor kommunen ønsker å delta»: there is no goal question
        reason=(
            "Vi vil ha gode og sammenhengende pasientforløp for brukere med ROP-lidelser: "
            "brukerne opplever brudd i forløpet mellom kommune og DPS."
        ),
        anchoring=(
            "Kommunalsjef for helse og omsorg har vedtatt deltakelsen; rådmannens ledergruppe "
            "er orientert."
            if anchoring
            else None
        ),
        user_representation="Brukerrepresentant fra lokal brukerorganisasjon deltar i teamet.",
        interdisciplinary_involvement="Teamet har med NAV, fastlege og DPS.",
        individual_plans="Individuell plan tilbys, men brukes lite for målgruppen.",
        specialist_involvement="DPS deltar i teamet og i felles samarbeidsmøter.",
        related_projects="Kommunen etablerer et FACT-team.",
        specialist_agreements="Tjenesteavtale om psykisk helse og rus er inngått.",
        resources="Teamets medlemmer får satt av tid; leder frigjør en halv dag i uken.",
        grants="Tilskudd til kommunalt rusarbeid.",
        submitted=d(2024, 5, 15),
    )


def _project(team: str, goal: SmartGoal, phase: Phase) -> ImprovementProject:
    project = ImprovementProject.begin(
        title="Gode pasientforløp for brukere med ROP-lidelser",
        team=team,
        area="Psykisk helse og rus",
        start=START,
        identifier=f"prosjekt-{team.removeprefix('team-')}",
    )
    project = project.complete(PhaseActivity.ANCHOR_AND_ORGANISE, d(2024, 6, 20))
    project = project.enter(Phase.PLAN, d(2024, 9, 16)).set_goal(goal, d(2024, 10, 1))
    if phase >= Phase.DO:
        project = project.choose_measure("Koordinator til alle brukere i forløpet", d(2024, 11, 4))
        project = project.enter(Phase.DO, d(2025, 1, 20))
    if phase >= Phase.EVALUATE:
        project = project.enter(Phase.EVALUATE, d(2025, 6, 2))
    return project


def _smart_goal(team: str) -> SmartGoal:
    return SmartGoal(
        statement="Brukerne opplever at tjenestene hjelper dem med det som er viktig for dem",
        population="Brukere med ROP-lidelser som har koordinator i kommunen",
        setting="Psykisk helse- og rustjenesten",
        indicator=Indicator(
            name="Snittskåre i «Hva er viktig for meg»-skjemaet",
            kind=IndicatorKind.FORM_MEAN,
            unit="poeng",
            minimum=1,
            maximum=10,
        ),
        baseline=Observation(date=d(2024, 10, 1), value=3.0),
        target=5.0,
        deadline=d(2025, 10, 1),
        owner="Tjenesteleder psykisk helse og rus",
        agreed_by=(
            Party(name="Forbedringsteamet"),
            Party(name="Brukerrådet", user_representative=True),
        ),
        identifier=f"maal-{team.removeprefix('team-')}",
    )


def _bare_goal(team: str) -> SmartGoal:
    return SmartGoal(
        statement="Bli bedre på brukermedvirkning i hele forløpet.",
        identifier=f"maal-{team.removeprefix('team-')}",
    )


def _progress(*scores: float) -> tuple[ProgressReport, ...]:
    days = (d(2024, 10, 1), d(2025, 1, 2), d(2025, 4, 1), d(2025, 9, 1), d(2025, 11, 3))
    return tuple(
        ProgressReport(date=day, score=s, narrative="Teamets egen vurdering.")
        for day, s in zip(days, scores, strict=False)
    )


def _teams() -> tuple[ImprovementTeam, ...]:
    bodoe = ImprovementTeam(
        identifier="team-bodoe",
        name="Bodø",
        organisations=(
            Organisation(name="Bodø kommune", kind=L.MUNICIPALITY, municipality_number="1804"),
            Organisation(name="DPS Salten", kind=L.DPS, part_of="Nordlandssykehuset HF"),
        ),
        members=(
            _member("Ingrid Fjell", R.LEADER, unit="Tjenesteleder psykisk helse og rus", organisation="Bodø kommune"),
            _member("Ola Strand", R.COORDINATOR, unit="Psykiatrisk sykepleier", organisation="Bodø kommune"),
            _member("Siri Moe", R.USER_REPRESENTATIVE, unit="Brukerorganisasjon", organisation="Bodø kommune"),
            _member("Per Lund", R.GP, unit="Legekontor", organisation="Bodø kommune"),
            _member("Anne Berg", R.DPS, unit="Poliklinikk", organisation="DPS Salten"),
        ),
        application=_application("Bodø kommune", "Nordlandssykehuset HF", "Ingrid Fjell", anchoring=True),
        projects=(_project("team-bodoe", _smart_goal("team-bodoe"), Phase.EVALUATE),),
        progress=_progress(1.5, 2.0, 3.0, 3.5),
        forms=("skjema-bodoe-1", "skjema-bodoe-2"),
        checklists=("sjekkliste-bodoe-1", "sjekkliste-bodoe-2"),
    )  # fmt: skip
    trondheim = ImprovementTeam(
        identifier="team-trondheim",
        name="Trondheim",
        organisations=(
            Organisation(name="Trondheim kommune", kind=L.MUNICIPALITY, municipality_number="5001"),
            Organisation(name="St. Olavs hospital HF", kind=L.HEALTH_TRUST),
        ),
        members=(
            _member("Kjersti Aune", R.LEADER, R.COORDINATOR, unit="Enhetsleder", organisation="Trondheim kommune"),
            _member("Jon Vik", R.USER_REPRESENTATIVE, unit="Erfaringskonsulent", organisation="Trondheim kommune"),
            _member("Liv Hagen", R.NAV, unit="NAV-veileder", organisation="Trondheim kommune"),
            _member("Arne Dahl", R.GP, unit="Fastlege", organisation="Trondheim kommune"),
            _member("Mona Lie", R.DPS, unit="Avdeling for rus og avhengighet", organisation="St. Olavs hospital HF"),
            _member("Erik Holm", R.OTHER, unit="Boligkontoret", organisation="Trondheim kommune"),
        ),
        application=_application("Trondheim kommune", "St. Olavs hospital HF", "Kjersti Aune", anchoring=True),
        projects=(_project("team-trondheim", _smart_goal("team-trondheim"), Phase.DO),),
        progress=_progress(1.0, 2.0, 2.5, 3.0, 4.0),
        forms=("skjema-trondheim-1",),
        checklists=("sjekkliste-trondheim-1",),
    )  # fmt: skip
    hamar = ImprovementTeam(
        identifier="team-hamar",
        name="Hamar",
        organisations=(
            Organisation(name="Hamar kommune", kind=L.MUNICIPALITY, municipality_number="3403"),
            Organisation(name="DPS Hamar", kind=L.DPS, part_of="Sykehuset Innlandet HF"),
        ),
        members=(
            _member("Tone Sand", R.LEADER, unit="Avdelingsleder", organisation="Hamar kommune"),
            _member("Geir Ås", R.COORDINATOR, unit="Miljøterapeut", organisation="Hamar kommune"),
            _member("Hilde Bø", R.DPS, unit="Ambulant team", organisation="DPS Hamar"),
        ),
        application=_application("Hamar kommune", "Sykehuset Innlandet HF", "Tone Sand", anchoring=False),
        projects=(_project("team-hamar", _bare_goal("team-hamar"), Phase.PLAN),),
        progress=_progress(1.0, 1.5, 2.0),
        forms=("skjema-hamar-1",),
        checklists=("sjekkliste-hamar-1",),
    )  # fmt: skip
    aarstad = ImprovementTeam(
        identifier="team-aarstad",
        name="Bergen, bydel Årstad",
        organisations=(
            Organisation(name="Bydel Årstad", kind=L.CITY_DISTRICT, municipality_number="4601", part_of="Bergen kommune"),
            Organisation(name="Helse Bergen HF", kind=L.HEALTH_TRUST),
        ),
        members=(
            _member("Randi Myhre", R.LEADER, unit="Seksjonsleder", organisation="Bydel Årstad"),
            _member("Tor Sæther", R.COORDINATOR, unit="Koordinerende enhet", organisation="Bydel Årstad"),
            _member("Eva Lien", R.USER_REPRESENTATIVE, unit="Brukerorganisasjon", organisation="Bydel Årstad"),
            _member("Nils Eide", R.DPS, unit="DPS", organisation="Helse Bergen HF"),
        ),
        application=_application("Bergen kommune, bydel Årstad", "Helse Bergen HF", "Randi Myhre", anchoring=True),
        projects=(_project("team-aarstad", _smart_goal("team-aarstad"), Phase.DO),),
        progress=_progress(1.5, 2.0, 2.5, 3.0),
        forms=("skjema-aarstad-1",),
        checklists=("sjekkliste-aarstad-1",),
    )  # fmt: skip
    stavanger = ImprovementTeam(
        identifier="team-stavanger",
        name="Stavanger",
        organisations=(
            Organisation(name="Stavanger kommune", kind=L.MUNICIPALITY, municipality_number="1103"),
            Organisation(name="Helse Stavanger HF", kind=L.HEALTH_TRUST),
        ),
        members=(
            _member("Marit Tveit", R.LEADER, unit="Virksomhetsleder", organisation="Stavanger kommune"),
            _member("Knut Bakke", R.COORDINATOR, unit="Rådgiver", organisation="Stavanger kommune"),
            _member("Lene Ask", R.USER_REPRESENTATIVE, unit="Brukerrådet", organisation="Stavanger kommune"),
            _member("Odd Rønning", R.NAV, unit="NAV-veileder", organisation="Stavanger kommune"),
            _member("Ida Voll", R.DPS, unit="Ruspoliklinikk", organisation="Helse Stavanger HF"),
        ),
        application=_application("Stavanger kommune", "Helse Stavanger HF", "Marit Tveit", anchoring=True),
        projects=(_project("team-stavanger", _bare_goal("team-stavanger"), Phase.DO),),
        progress=_progress(1.0, 2.0, 2.0, 2.5),
        forms=("skjema-stavanger-1",),
        checklists=("sjekkliste-stavanger-1",),
    )  # fmt: skip
    return (bodoe, trondheim, hamar, aarstad, stavanger)


# -- preparation, contacts -------------------------------------------------------------------


def _packages(teams: tuple[ImprovementTeam, ...]) -> tuple[PreparationPackage, ...]:
    done_by = {1: d(2024, 8, 26), 2: d(2024, 12, 16), 3: d(2025, 4, 25)}
    skip = {("team-stavanger", "maaleverktoey"), ("team-stavanger", "brukerinvolvering")}
    late = {("team-hamar", "kunnskapsbehov"): d(2025, 5, 20)}
    out = []
    for package in DEFAULT_PREPARATION_PACKAGES:
        completions = []
        for team in teams:
            for task in package.tasks:
                key = (team.identifier, task.code)
                if key in skip:
                    continue
                day = late.get(key, done_by[package.number])
                completions.append(TaskCompletion(team=team.identifier, task=task.code, date=day))
        out.append(attrs.evolve(package, completions=completions))
    return tuple(out)


def _contacts(teams: tuple[ImprovementTeam, ...]) -> tuple[FollowUpContact, ...]:
    rounds = (
        (d(2024, 10, 15), ContactChannel.VIDEO, "Oppfølging av mål og måleplan"),
        (d(2025, 3, 11), ContactChannel.PHONE, "Status for forbedringstiltakene"),
        (d(2025, 8, 19), ContactChannel.VISIT, "Implementering og videreføring"),
    )
    out = []
    for day, channel, topic in rounds:
        for team in teams:
            if team.identifier == "team-aarstad" and day.year == 2025 and day.month == 3:
                continue  # no follow-up between gatherings 2 and 3: the review notices
            out.append(
                FollowUpContact(
                    date=day,
                    team=team.identifier,
                    who="Prosessveileder",
                    channel=channel,
                    initiated_by=Initiator.ORGANISERS,
                    topic=topic,
                )
            )
    out.append(
        FollowUpContact(
            date=d(2024, 11, 20),
            team="team-hamar",
            who="Rådgiver i arbeidsgruppen",
            channel=ContactChannel.EMAIL,
            initiated_by=Initiator.TEAM,
            topic="Hjelp til å formulere et målbart mål",
        )
    )
    return tuple(out)


# -- the toolkit documents ----------------------------------------------------------------

ACTIVITIES = ("Sove om natten", "Handle mat", "Møte venner", "Komme meg på jobb")
FORM_SCORES: dict[str, tuple[tuple[int, int, int, int], tuple[int, int, int, int] | None]] = {
    "skjema-bodoe-1": ((1, 4, 1, 2), (4, 6, 5, 5)),
    "skjema-bodoe-2": ((2, 3, 3, 4), (5, 5, 6, 6)),
    "skjema-trondheim-1": ((3, 3, 2, 4), (5, 6, 4, 5)),
    "skjema-hamar-1": ((2, 2, 3, 1), None),
    "skjema-aarstad-1": ((4, 2, 2, 3), (5, 4, 3, 4)),
    "skjema-stavanger-1": ((2, 5, 3, 2), (3, 6, 5, 4)),
}
NOT_DONE = {
    "sjekkliste-bodoe-1": (3, 6),
    "sjekkliste-bodoe-2": (6,),
    "sjekkliste-trondheim-1": (2, 4),
    "sjekkliste-hamar-1": (2, 3, 4, 5, 6, 7, 9),
    "sjekkliste-aarstad-1": (2, 3, 6),
    "sjekkliste-stavanger-1": (3, 4, 7),
}


def _documents() -> tuple[tuple[WhatMattersForm, ...], tuple[CollaborationChecklist, ...]]:
    forms = []
    for identifier, (first, second) in FORM_SCORES.items():
        conversations = [(d(2024, 10, 7), list(first))]
        if second is not None:
            conversations.append((d(2025, 2, 10), list(second)))
        form = WhatMattersForm.from_scores(ACTIVITIES, *conversations)
        team = "team-" + identifier.split("-")[1]
        forms.append(attrs.evolve(form, identifier=identifier, team=team))
    by_id = {f.identifier: f for f in forms}
    checklists = []
    for identifier, not_done in NOT_DONE.items():
        team = "team-" + identifier.split("-")[1]
        form = by_id["skjema" + identifier.removeprefix("sjekkliste")]
        base = CollaborationChecklist.default(date=d(2025, 2, 14))
        items = [
            attrs.evolve(item, status=ItemStatus.NOT_DONE if i in not_done else ItemStatus.DONE)
            for i, item in enumerate(base.items)
        ]
        checklist = attrs.evolve(base, items=items, identifier=identifier, team=team)
        checklists.append(checklist.with_form_means(form))
    return tuple(forms), tuple(checklists)


# -- the network ------------------------------------------------------------------------------


def _groups() -> tuple[OrganiserGroup, ...]:
    return (
        OrganiserGroup(
            kind=GroupKind.STEERING_GROUP,
            members=(
                GroupMember(role="Leder", organisation="KS"),
                GroupMember(role="Representant", organisation="Statsforvalteren"),
                GroupMember(role="Representant", organisation="Helseforetakene i regionen"),
                GroupMember(role="Brukerrepresentant", organisation="Brukerorganisasjon"),
            ),
        ),
        OrganiserGroup(
            kind=GroupKind.WORKING_GROUP,
            members=(
                GroupMember(role="Prosessveileder (ekstern)", name="Astrid Nygård"),
                GroupMember(role="Rådgiver (ekstern)", name="Bjørn Kvam"),
                GroupMember(role="Representant for KS / kommunene", organisation="KS"),
                GroupMember(role="Representant", organisation="Statsforvalteren"),
                GroupMember(role="Representant", organisation="Helseforetak"),
                GroupMember(role="Brukerrepresentant", organisation="Brukerorganisasjon"),
            ),
        ),
        OrganiserGroup(
            kind=GroupKind.EXTENDED_WORKING_GROUP,
            members=(
                GroupMember(role="Kompetansemiljø", organisation="NAPHA"),
                GroupMember(role="Kompetansemiljø", organisation="KoRus"),
            ),
        ),
        OrganiserGroup(
            kind=GroupKind.REFERENCE_GROUP,
            name="Fagråd for psykisk helse og rus",
            members=(GroupMember(role="Fagråd"),),
        ),
        OrganiserGroup(
            kind=GroupKind.REFERENCE_GROUP,
            name="Administrativt samarbeidsutvalg (ASU)",
            members=(GroupMember(role="ASU"),),
        ),
    )


def build_example() -> ExampleNetwork:
    """Build the example network and its toolkit documents from scratch."""
    gatherings, periods = _gatherings()
    teams = _teams()
    forms, checklists = _documents()
    network = LearningNetwork(
        name="Læringsnettverk Gode pasientforløp (eksempel)",
        theme="Gode pasientforløp for brukere med psykiske problemer og / eller rusproblemer",
        target_group="Voksne med psykiske problemer og / eller rusproblemer, og deres pårørende",
        vision="Fra «Hva er i veien med deg?» til «Hva er viktig for deg?»",
        goals=(
            NetworkGoal(
                text="Brukeren opplever å være likeverdig med helsepersonellet når "
                "pasientforløpet bestemmes."
            ),
            NetworkGoal(
                text="Kommuner og helseforetak arbeider systematisk med pasientforløp og "
                "dokumenterer effekten for brukerne."
            ),
            NetworkGoal(
                goal=SmartGoal(
                    statement="Alle deltakende team bruker «Hva er viktig for meg»-skjemaet",
                    population="Brukere i forløpet",
                    setting="De deltakende kommunene",
                    indicator=Indicator(
                        name="Andel team som bruker skjemaet",
                        kind=IndicatorKind.PROPORTION,
                        unit="%",
                        minimum=0,
                        maximum=100,
                    ),
                    baseline=Observation(date=d(2024, 9, 3), value=0),
                    target=100,
                    deadline=d(2025, 10, 7),
                    agreed_by=(Party(name="Styringsgruppen"),),
                )
            ),
        ),
        groups=_groups(),
        teams=teams,
        gatherings=gatherings,
        packages=_packages(teams),
        contacts=_contacts(teams),
        periods=periods,
        identifier="eksempelnettverk",
    )
    return ExampleNetwork(network=network, forms=forms, checklists=checklists)


# == the example stakeholder map =========================================================

C, SL, A = StakeholderCategory, StakeholderLevel, Attitude
S, Q = RelationStrength, RelationQuality
HIGH, LOW = SituationalLevel.HIGH, SituationalLevel.LOW


def _rel(strength: RelationStrength, quality: RelationQuality | None = None) -> Relation:
    return Relation(strength=strength, quality=quality)


def build_example_stakeholder_map() -> StakeholderMap:
    """The example map, built in code (the shipped file is written from it)."""
    return StakeholderMap(
        owner=MapOwner(kind=OwnerKind.USER, name="Kari"),
        date=datetime.date(2019, 9, 12),
        stakeholders=[
            Stakeholder(
                name="Mor",
                category=C.NEXT_OF_KIN,
                level=SL.OWN_NETWORK,
                relation=_rel(S.STRONG, Q.GOOD),
                influence=3,
                interest=5,
                attitude=A.SUPPORTIVE,
                problem_recognition=HIGH,
                constraint_recognition=HIGH,
                involvement=HIGH,
                power=False,
                legitimacy=True,
                urgency=True,
                note="Ringer Kari hver dag; vil gjerne være med på møter.",
            ),
            Stakeholder(
                name="Fastlegen",
                category=C.GP,
                level=SL.MUNICIPAL,
                relation=_rel(S.MODERATE, Q.GOOD),
                influence=4,
                interest=3,
                attitude=A.SUPPORTIVE,
                problem_recognition=HIGH,
                constraint_recognition=LOW,
                involvement=LOW,
                power=True,
                legitimacy=True,
                urgency=False,
            ),
            Stakeholder(
                name="NAV-veileder",
                category=C.NAV,
                level=SL.STATE,
                relation=_rel(S.WEAK, Q.MIXED),
                influence=5,
                interest=2,
                attitude=A.NEUTRAL,
                problem_recognition=LOW,
                constraint_recognition=HIGH,
                involvement=LOW,
                power=True,
                legitimacy=True,
                urgency=False,
                note="Arbeidsavklaringspenger; ny veileder i vår.",
            ),
            Stakeholder(
                name="DPS poliklinikk",
                category=C.DPS,
                level=SL.SPECIALIST,
                relation=_rel(S.MODERATE, Q.MIXED),
                influence=4,
                interest=3,
                attitude=A.NEUTRAL,
                problem_recognition=HIGH,
                constraint_recognition=HIGH,
                involvement=HIGH,
                power=True,
                legitimacy=True,
                urgency=False,
            ),
            Stakeholder(
                name="Ruspoliklinikken",
                category=C.SUBSTANCE_USE_CLINIC,
                level=SL.SPECIALIST,
                relation=_rel(S.MODERATE, Q.GOOD),
                influence=3,
                interest=2,
                attitude=A.NEUTRAL,
                power=True,
                legitimacy=True,
                urgency=False,
            ),
            Stakeholder(
                name="ACT-teamet",
                category=C.ACT_TEAM,
                level=SL.SPECIALIST,
                relation=_rel(S.STRONG, Q.GOOD),
                influence=4,
                interest=5,
                attitude=A.SUPPORTIVE,
                problem_recognition=HIGH,
                constraint_recognition=LOW,
                involvement=HIGH,
                power=True,
                legitimacy=True,
                urgency=True,
            ),
            Stakeholder(
                name="Psykisk helse- og rustjenesten",
                category=C.MUNICIPAL_SERVICE,
                level=SL.MUNICIPAL,
                relation=_rel(S.STRONG, Q.GOOD),
                influence=4,
                interest=4,
                attitude=A.SUPPORTIVE,
                power=True,
                legitimacy=True,
                urgency=True,
            ),
            Stakeholder(
                name="Likeperson",
                category=C.PEER_WORKER,
                level=SL.VOLUNTARY,
                relation=_rel(S.MODERATE, Q.GOOD),
                influence=2,
                interest=4,
                attitude=A.SUPPORTIVE,
                power=False,
                legitimacy=True,
                urgency=False,
            ),
            Stakeholder(
                name="Boligkontoret",
                category=C.HOUSING,
                level=SL.MUNICIPAL,
                relation=_rel(S.NONE),
                influence=4,
                interest=1,
                attitude=A.NEUTRAL,
                problem_recognition=LOW,
                constraint_recognition=LOW,
                involvement=LOW,
                power=True,
                legitimacy=True,
                urgency=False,
                note="Kari står på venteliste for kommunal bolig.",
            ),
            Stakeholder(
                name="Arbeidsgiver",
                category=C.EMPLOYER,
                level=SL.PRIVATE,
                influence=3,
                interest=2,
                power=True,
            ),
            Stakeholder(
                name="Mental Helse",
                category=C.USER_ORGANISATION,
                level=SL.VOLUNTARY,
                relation=_rel(S.WEAK),
                influence=1,
                interest=2,
                attitude=A.SUPPORTIVE,
                power=False,
                legitimacy=True,
                urgency=False,
            ),
            Stakeholder(
                name="Frivilligsentralen",
                category=C.VOLUNTEER_ORGANISATION,
                level=SL.VOLUNTARY,
                note="Turgruppe på tirsdager.",
            ),
        ],
        notes=(
            "Kartlagt sammen med Kari ved første samtale; oppdateres etter tre måneder. "
            "Navn og opplysninger er oppdiktet."
        ),
    )


def _document(kind: str, body: dict[str, object]) -> str:
    """A versioned JSON document's text, as the shipped files are written."""
    document = {"kind": kind, "schema_version": 1, **body}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def network_files(example: ExampleNetwork | None = None) -> dict[str, str]:
    """The example network's files as text, by file name."""
    ex = build_example() if example is None else example
    return {
        NETWORK_FILES[0]: _document("network", to_dict(ex.network)),
        NETWORK_FILES[1]: "".join(dumps(f, indent=None) + "\n" for f in ex.forms),
        NETWORK_FILES[2]: "".join(dumps(x, indent=None) + "\n" for x in ex.checklists),
    }


def stakeholder_map_text(m: StakeholderMap | None = None) -> str:
    """A map (by default the built example) as the shipped versioned JSON document's text."""
    body = to_dict(build_example_stakeholder_map() if m is None else m)
    return _document("stakeholder_map", body)


def files() -> dict[str, str]:
    """Every file this tool writes, by file name."""
    return {**network_files(), STAKEHOLDER_MAP_FILE: stakeholder_map_text()}


def main(folder: Path = DATA) -> list[Path]:
    """Write the files into ``folder`` (the package's ``data`` folder); return their paths."""
    paths = []
    for name, text in files().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in main():
        print(written)
