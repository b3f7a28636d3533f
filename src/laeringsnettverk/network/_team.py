"""Improvement teams: where they come from, who they are, their application and progress."""

from __future__ import annotations

import datetime
import re

import attrs

from laeringsnettverk._checks import NUMBERS, Checker
from laeringsnettverk.improvement import ImprovementProject
from laeringsnettverk.network._enums import MemberRole, OrganisationKind
from laeringsnettverk.toolkit._common import to_tuple

__all__ = [
    "PROGRESS_SCORES",
    "Application",
    "ImprovementTeam",
    "Organisation",
    "ProgressReport",
    "TeamMember",
]

COUNTIES_2024: dict[str, str] = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "31": "Østfold",
    "32": "Akershus",
    "33": "Buskerud",
    "34": "Innlandet",
    "39": "Vestfold",
    "40": "Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag",
    "55": "Troms",
    "56": "Finnmark",
}
"""County numbers of the 2024 county structure: the first two digits of a municipality
number."""

COUNTIES_EARLIER: dict[str, str] = {
    "01": "Østfold",
    "02": "Akershus",
    "04": "Hedmark",
    "05": "Oppland",
    "06": "Buskerud",
    "07": "Vestfold",
    "08": "Telemark",
    "09": "Aust-Agder",
    "10": "Vest-Agder",
    "12": "Hordaland",
    "14": "Sogn og Fjordane",
    "16": "Sør-Trøndelag",
    "17": "Nord-Trøndelag",
    "19": "Troms",
    "20": "Finnmark",
    "30": "Viken",
    "38": "Vestfold og Telemark",
    "54": "Troms og Finnmark",
}
"""County numbers that a municipality number carried before 2024 and no longer does: the
structure until 2017 (01-20; Trøndelag's 50 from 2018) and that of 2020-2023 (30 Viken, 38
Vestfold og Telemark, 54 Troms og Finnmark). Networks in the seeds ran in those years, so
their numbers are accepted as they were."""

_COUNTIES = {**COUNTIES_2024, **COUNTIES_EARLIER}

_MUNICIPALITY_NUMBER = re.compile(r"^[0-9]{4}$")
IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
"""A technical identifier: lower-case ASCII letters, digits, ``-`` and ``_``."""


def check_identifier(c: Checker, path: tuple[str | int, ...], value: object) -> bool:
    """A technical identifier such as ``"team-bodoe"`` (shown in messages)."""
    if not c.code(path, value):
        return False
    assert isinstance(value, str)
    if not IDENTIFIER.fullmatch(value):
        c.add(path, "must be lower-case ASCII letters, digits, '-' or '_'", value)
        return False
    return True


def check_municipality_number(c: Checker, path: tuple[str | int, ...], value: object) -> bool:
    """Four digits, the first two a county (of 2024 or earlier), not ending in ``00``."""
    if not isinstance(value, str) or not _MUNICIPALITY_NUMBER.fullmatch(value):
        c.add(path, "must be a municipality number of four digits, e.g. '0301'", value)
        return False
    if value[:2] not in _COUNTIES:
        c.add(
            path,
            "does not start with a county number (of 2024 or earlier); expected one of "
            + ", ".join(sorted(_COUNTIES)),
            value,
        )
        return False
    if value.endswith("00"):
        c.add(path, "is a county, not a municipality (ends in 00)", value)
        return False
    return True


@attrs.frozen(kw_only=True)
class Organisation:
    """An organisation a team comes from: a municipality, a city district or a health trust.

    A health trust's units (a DPS, a substance use clinic, a hospital) are organisations too.

    Municipalities and city districts carry the four-digit municipality number (a string:
    leading zeros matter, ``"0301"`` is Oslo), of the 2024 county structure or an earlier one
    (a network of 2015 keeps the numbers it had then: ``"0403"`` was Hamar in Hedmark).

    ```pycon
    >>> Organisation(name="Bodø kommune", kind=OrganisationKind.MUNICIPALITY,
    ...              municipality_number="1804").county
    'Nordland'

    ```
    """

    name: str
    """The organisation's name, e.g. "Bodø kommune", "DPS Salten"."""
    kind: OrganisationKind
    """Municipality, city district, health trust, a unit of one, or other."""
    municipality_number: str | None = None
    """Four digits; required for a municipality and a city district, absent otherwise."""
    part_of: str | None = None
    """What it belongs to: a city district's municipality, a unit's health trust (by name)."""

    def __attrs_post_init__(self) -> None:
        name, kind, number, part_of = self.name, self.kind, self.municipality_number, self.part_of
        if (
            type(name) is str
            and name.strip()
            and isinstance(kind, OrganisationKind)
            and (part_of is None or type(part_of) is str)
            and (
                not kind.has_municipality_number
                if number is None
                else (
                    kind.has_municipality_number
                    and type(number) is str
                    and _MUNICIPALITY_NUMBER.fullmatch(number)
                    and number[:2] in _COUNTIES
                    and not number.endswith("00")
                )
            )
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("name",), self.name)
        kind_ok = c.member(("kind",), self.kind, OrganisationKind)
        c.optional_text(("part_of",), self.part_of)
        if self.municipality_number is not None:
            check_municipality_number(c, ("municipality_number",), self.municipality_number)
            if kind_ok and not self.kind.has_municipality_number:
                c.add(
                    ("municipality_number",),
                    f"must be absent for a {self.kind.label_en}",
                    self.municipality_number,
                )
        elif kind_ok and self.kind.has_municipality_number:
            c.add(("municipality_number",), f"is required for a {self.kind.label_en}")
        c.done()

    @property
    def county(self) -> str | None:
        """The county of the municipality number in its own structure, or ``None``."""
        if self.municipality_number is None:
            return None
        return _COUNTIES[self.municipality_number[:2]]


@attrs.frozen(kw_only=True)
class TeamMember:
    """A member of an improvement team, as in the application form's team table.

    The table's columns: unit / department / position (Enhet/Avd/Stilling), name, e-mail,
    phone and other (Annet); ``roles`` says what the member is in the team.
    """

    name: str
    """The member's name."""
    roles: tuple[MemberRole, ...] = attrs.field(converter=to_tuple)
    """The member's roles in the team (at least one, each once)."""
    unit: str | None = None
    """Unit, department or position (Enhet/Avd/Stilling)."""
    organisation: str | None = None
    """The organisation the member comes from, by name."""
    email: str | None = None
    """E-mail address."""
    phone: str | None = None
    """Phone number."""
    other: str | None = None
    """Anything else (Annet)."""

    def __attrs_post_init__(self) -> None:
        name, roles = self.name, self.roles
        if (
            type(name) is str
            and name.strip()
            and roles
            and all(type(role) is MemberRole for role in roles)
            and len(set(roles)) == len(roles)
            and (self.unit is None or type(self.unit) is str)
            and (self.organisation is None or type(self.organisation) is str)
            and (self.email is None or type(self.email) is str)
            and (self.phone is None or type(self.phone) is str)
            and (self.other is None or type(self.other) is str)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("name",), self.name)
        if not self.roles:
            c.add(("roles",), "needs at least one role")
        seen: set[MemberRole] = set()
        for i, role in enumerate(self.roles):
            if c.member(("roles", i), role, MemberRole):
                if role in seen:
                    c.add(("roles", i), "is given twice", role.value)
                seen.add(role)
        for name in ("unit", "organisation", "email", "phone", "other"):
            c.optional_text((name,), getattr(self, name))
        c.done()

    def has(self, role: MemberRole) -> bool:
        """True when the member has ``role``."""
        return role in self.roles


@attrs.frozen(kw_only=True)
class Application:
    """The application to join a learning network (søknadsskjema), field by field.

    The form's team table (unit, name, e-mail, phone, other) is the team's
    :attr:`ImprovementTeam.members`. Every answer is free text and may be left out.
    """

    municipality: str
    """Kommune: the applicant municipality (or city district), by name."""
    health_trust: str | None = None
    """Helseforetak kommunen sogner til: the health trust the municipality belongs to."""
    contact_person: str | None = None
    """Kontaktperson i kommunen: the contact person."""
    contact_email: str | None = None
    """The contact person's e-mail."""
    contact_phone: str | None = None
    """The contact person's phone number."""
    goal: str | None = None
    """A goal the team states for its work, if it gives one. The source's application form
    has no separate goal question ("Mål for forbedringsarbeidet" is the heading of the
    question answered in ``reason``); the field is the library's, kept so data that has it
    loads."""
    reason: str | None = None
    """Hvorfor: why the municipality wants to take part."""
    anchoring: str | None = None
    """How taking part is anchored in the administrative leadership (forankring)."""
    user_representation: str | None = None
    """How user representation / user involvement will be ensured."""
    interdisciplinary_involvement: str | None = None
    """How interdisciplinary and inter-agency involvement will be ensured."""
    individual_plans: str | None = None
    """The municipality's use of individual plans (IP) for the target group."""
    specialist_involvement: str | None = None
    """How the cooperating DPS and / or substance use clinic will be involved."""
    related_projects: str | None = None
    """Other relevant projects for the target group, and how they cooperate."""
    specialist_agreements: str | None = None
    """Status of the service / cooperation agreements with the specialist health services in
    mental health and substance use."""
    resources: str | None = None
    """The resources that can be set aside for the improvement work."""
    grants: str | None = None
    """Grants received from the Directorate of Health (ACT team, local substance use work,
    cooperation models), if any."""
    submitted: datetime.date | None = None
    """The day the application was sent."""

    def __attrs_post_init__(self) -> None:
        municipality, submitted = self.municipality, self.submitted
        if (
            type(municipality) is str
            and municipality.strip()
            and (submitted is None or type(submitted) is datetime.date)
            and all(
                v is None or type(v) is str
                for v in (
                    self.health_trust,
                    self.contact_person,
                    self.contact_email,
                    self.contact_phone,
                    self.goal,
                    self.reason,
                    self.anchoring,
                    self.user_representation,
                    self.interdisciplinary_involvement,
                    self.individual_plans,
                    self.specialist_involvement,
                    self.related_projects,
                    self.specialist_agreements,
                    self.resources,
                    self.grants,
                )
            )
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("municipality",), self.municipality)
        for field in attrs.fields(Application):
            if field.name not in ("municipality", "submitted"):
                c.optional_text((field.name,), getattr(self, field.name))
        c.optional_date(("submitted",), self.submitted)
        c.done()

    @property
    def describes_anchoring(self) -> bool:
        """True when the anchoring in the administrative leadership is described."""
        return bool(self.anchoring and self.anchoring.strip())


PROGRESS_SCORES: dict[float, tuple[str, str]] = {
    0.5: ("Intensjon om å delta", "intent to participate"),
    1.0: ("Team og mandat er etablert", "charter and team established"),
    1.5: ("Planleggingen har begynt", "planning for the project has begun"),
    2.0: ("Aktivitet, men ingen endringer", "activity, but no changes"),
    2.5: ("Endringer er testet, men ingen forbedring", "changes tested, but no improvement"),
    3.0: ("Beskjeden forbedring", "modest improvement"),
    3.5: ("Forbedring", "improvement"),
    4.0: ("Betydelig forbedring", "significant improvement"),
    4.5: ("Varig forbedring", "sustainable improvement"),
    5.0: ("Fremragende varige resultater", "outstanding sustainable results"),
}
"""The IHI progress score (Breakthrough Series): each score's label in Norwegian and
English. The Norwegian labels are the library's translation."""


@attrs.frozen(kw_only=True)
class ProgressReport:
    """A team's periodic self-assessment on the IHI progress score, with a short narrative.

    ```pycon
    >>> import datetime
    >>> report = ProgressReport(date=datetime.date(2024, 11, 1), score=3.5)
    >>> report.label
    'Forbedring (improvement)'

    ```
    """

    date: datetime.date
    """The day of the report."""
    score: float
    """The progress score: 0.5 to 5.0 in steps of 0.5."""
    narrative: str | None = None
    """What happened since the last report, in the team's words (free text)."""

    def __attrs_post_init__(self) -> None:
        score, narrative = self.score, self.narrative
        if (
            type(self.date) is datetime.date
            and type(score) in NUMBERS
            and 0.5 <= score <= 5.0
            and (score * 2) % 1 == 0
            and (narrative is None or type(narrative) is str)
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.date(("date",), self.date)
        if c.number(("score",), self.score, 0.5, 5.0) and (self.score * 2) % 1 != 0:
            c.add(("score",), "must be a step of 0.5 (0.5, 1.0, …, 5.0)", self.score)
        c.optional_text(("narrative",), self.narrative)
        c.done()

    @property
    def label_nb(self) -> str:
        """The score's meaning in Norwegian."""
        return PROGRESS_SCORES[float(self.score)][0]

    @property
    def label_en(self) -> str:
        """The score's meaning in English."""
        return PROGRESS_SCORES[float(self.score)][1]

    @property
    def label(self) -> str:
        """Norwegian with English beside it."""
        return f"{self.label_nb} ({self.label_en})"


@attrs.frozen(kw_only=True)
class ImprovementTeam:
    """An improvement team (forbedringsteam) and everything the network knows of it.

    Where it comes from, its members, its application, its improvement projects, its
    progress reports and its documents.

    Forms («Hva er viktig for meg») and collaboration checklists are referenced by their
    ``identifier``; the documents themselves live elsewhere and name the team in their
    ``team`` field.

    ```pycon
    >>> team = ImprovementTeam(
    ...     identifier="team-bodoe", name="Bodø",
    ...     organisations=[Organisation(name="Bodø kommune",
    ...         kind=OrganisationKind.MUNICIPALITY, municipality_number="1804")],
    ...     members=[TeamMember(name="Kari", roles=[MemberRole.LEADER])])
    >>> team.has_role(MemberRole.USER_REPRESENTATIVE)
    False

    ```
    """

    identifier: str
    """A stable technical identifier, e.g. ``"team-bodoe"`` (lower-case ASCII)."""
    name: str
    """The team's name for people, e.g. "Bodø"."""
    organisations: tuple[Organisation, ...] = attrs.field(converter=to_tuple)
    """The organisations the team comes from (at least one)."""
    members: tuple[TeamMember, ...] = attrs.field(default=(), converter=to_tuple)
    """The members and their roles (4-6 recommended: see the review)."""
    application: Application | None = None
    """The team's application to join the network."""
    projects: tuple[ImprovementProject, ...] = attrs.field(default=(), converter=to_tuple)
    """The team's improvement projects; each names this team in its ``team`` field."""
    progress: tuple[ProgressReport, ...] = attrs.field(default=(), converter=to_tuple)
    """The team's progress reports, in date order."""
    forms: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """Identifiers of the team's «Hva er viktig for meg»-forms."""
    checklists: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """Identifiers of the team's collaboration checklists."""

    def __attrs_post_init__(self) -> None:
        if self._valid():
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        check_identifier(c, ("identifier",), self.identifier)
        c.text(("name",), self.name)
        if c.instances(("organisations",), self.organisations, Organisation):
            if not self.organisations:
                c.add(("organisations",), "needs at least one organisation")
            _unique(c, "organisations", [o.name.strip().casefold() for o in self.organisations])
        c.instances(("members",), self.members, TeamMember)
        if self.application is not None and not isinstance(self.application, Application):
            c.add(("application",), "must be an Application", type(self.application).__name__)
        if c.instances(("projects",), self.projects, ImprovementProject):
            for i, project in enumerate(self.projects):
                if project.team != self.identifier:
                    c.add(
                        ("projects", i, "team"),
                        f"must be the team's identifier {self.identifier!r}",
                        project.team,
                        text=True,
                    )
        if c.instances(("progress",), self.progress, ProgressReport):
            for i in range(1, len(self.progress)):
                before, report = self.progress[i - 1], self.progress[i]
                if report.date <= before.date:
                    c.add(
                        ("progress", i, "date"),
                        f"must be after the previous report's date {before.date.isoformat()}",
                        report.date.isoformat(),
                    )
        for name in ("forms", "checklists"):
            values = getattr(self, name)
            checked = [c.code((name, i), v) for i, v in enumerate(values)]
            if all(checked):
                _unique(c, name, list(values), show=True)
        c.done()

    def _valid(self) -> bool:
        """True when :meth:`_full_check` would find nothing (a quick pass)."""
        identifier, name, organisations, application = (
            self.identifier,
            self.name,
            self.organisations,
            self.application,
        )
        if not (
            type(identifier) is str
            and IDENTIFIER.fullmatch(identifier)
            and type(name) is str
            and name.strip()
            and organisations
            and (application is None or type(application) is Application)
            and all(type(m) is TeamMember for m in self.members)
        ):
            return False
        names: set[str] = set()
        for o in organisations:
            if type(o) is not Organisation:
                return False
            folded = o.name.strip().casefold()
            if folded in names:
                return False
            names.add(folded)
        for project in self.projects:
            if type(project) is not ImprovementProject or project.team != identifier:
                return False
        previous: datetime.date | None = None
        for report in self.progress:
            if type(report) is not ProgressReport or (
                previous is not None and report.date <= previous
            ):
                return False
            previous = report.date
        for values in (self.forms, self.checklists):
            for v in values:
                if type(v) is not str or not v.strip():
                    return False
            if len(set(values)) != len(values):
                return False
        return True

    def has_role(self, role: MemberRole) -> bool:
        """True when some member has ``role``."""
        return any(m.has(role) for m in self.members)

    @property
    def municipality_numbers(self) -> tuple[str, ...]:
        """The municipality numbers of the team's municipalities and city districts."""
        return tuple(
            dict.fromkeys(
                o.municipality_number for o in self.organisations if o.municipality_number
            )
        )

    @property
    def latest_progress(self) -> ProgressReport | None:
        """The latest progress report, or ``None``."""
        return self.progress[-1] if self.progress else None


def _unique(c: Checker, name: str, keys: list[str], *, show: bool = False) -> None:
    seen: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in seen:
            path = (name, i) if show else (name, i, "name")
            c.add(path, f"duplicates {name}[{seen[key]}]", key, text=not show)
        else:
            seen[key] = i
