"""Improvement teams: where they come from, who they are, their application and progress."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping

import attrs

from laeringsnettverk._checks import NUMBERS, Checker
from laeringsnettverk._municipality import (  # the county tables: still importable from here
    COUNTIES,
    COUNTIES_2024,  # noqa: F401
    COUNTIES_EARLIER,  # noqa: F401
    MUNICIPALITY_NUMBER_RULE,
)
from laeringsnettverk._rules import (
    Code,
    Custom,
    Date,
    Instance,
    Items,
    Member,
    Optional,
    Text,
    checked,
    rule,
    to_tuple,
)
from laeringsnettverk.improvement import ImprovementProject
from laeringsnettverk.network._enums import MemberRole, OrganisationKind

__all__ = [
    "PROGRESS_SCORES",
    "Application",
    "ImprovementTeam",
    "Organisation",
    "ProgressReport",
    "TeamMember",
]

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


def _is_identifier(value: object) -> bool:
    return type(value) is str and IDENTIFIER.fullmatch(value) is not None


IDENTIFIER_RULE = Custom(
    check_with=check_identifier,
    quick_with=_is_identifier,
    keywords={"pattern": IDENTIFIER.pattern},
)
"""The rule of every field that holds a technical identifier (a team, a task code)."""


@attrs.frozen(kw_only=True)
@checked
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

    name: str = attrs.field(metadata=rule(Text()))
    """The organisation's name, e.g. "Bodø kommune", "DPS Salten"."""
    kind: OrganisationKind = attrs.field(metadata=rule(Member(OrganisationKind)))
    """Municipality, city district, health trust, a unit of one, or other."""
    municipality_number: str | None = attrs.field(
        default=None, metadata=rule(Optional(MUNICIPALITY_NUMBER_RULE))
    )
    """Four digits; required for a municipality and a city district, absent otherwise."""
    part_of: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """What it belongs to: a city district's municipality, a unit's health trust (by name)."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if not ok["kind"]:
            return
        if self.municipality_number is None:
            if self.kind.has_municipality_number:
                c.add(("municipality_number",), f"is required for a {self.kind.label_en}")
        elif not self.kind.has_municipality_number:
            c.add(
                ("municipality_number",),
                f"must be absent for a {self.kind.label_en}",
                self.municipality_number,
            )

    @property
    def county(self) -> str | None:
        """The county of the municipality number in its own structure, or ``None``."""
        if self.municipality_number is None:
            return None
        return COUNTIES[self.municipality_number[:2]]


@attrs.frozen(kw_only=True)
@checked
class TeamMember:
    """A member of an improvement team, as in the application form's team table.

    The table's columns: unit / department / position (Enhet/Avd/Stilling), name, e-mail,
    phone and other (Annet); ``roles`` says what the member is in the team.
    """

    name: str = attrs.field(metadata=rule(Text()))
    """The member's name."""
    roles: tuple[MemberRole, ...] = attrs.field(
        converter=to_tuple,
        metadata=rule(
            Items(
                Member(MemberRole),
                min_items=1,
                too_few="needs at least one role",
                unique="is given twice",
            )
        ),
    )
    """The member's roles in the team (at least one, each once)."""
    unit: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Unit, department or position (Enhet/Avd/Stilling)."""
    organisation: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The organisation the member comes from, by name."""
    email: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """E-mail address."""
    phone: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Phone number."""
    other: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Anything else (Annet)."""

    def has(self, role: MemberRole) -> bool:
        """True when the member has ``role``."""
        return role in self.roles


@attrs.frozen(kw_only=True)
@checked
class Application:
    """The application to join a learning network (søknadsskjema), field by field.

    The form's team table (unit, name, e-mail, phone, other) is the team's
    :attr:`ImprovementTeam.members`. Every answer is free text and may be left out.
    """

    municipality: str = attrs.field(metadata=rule(Text()))
    """Kommune: the applicant municipality (or city district), by name."""
    health_trust: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Helseforetak kommunen sogner til: the health trust the municipality belongs to."""
    contact_person: str | None = attrs.field(
        default=None, metadata=rule(Optional(Text(blank=True)))
    )
    """Kontaktperson i kommunen: the contact person."""
    contact_email: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The contact person's e-mail."""
    contact_phone: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The contact person's phone number."""
    goal: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """A goal the team states for its work, if it gives one. The source's application form
    has no separate goal question ("Mål for forbedringsarbeidet" is the heading of the
    question answered in ``reason``); the field is the library's, kept so data that has it
    loads."""
    reason: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Hvorfor: why the municipality wants to take part."""
    anchoring: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """How taking part is anchored in the administrative leadership (forankring)."""
    user_representation: str | None = attrs.field(
        default=None, metadata=rule(Optional(Text(blank=True)))
    )
    """How user representation / user involvement will be ensured."""
    interdisciplinary_involvement: str | None = attrs.field(
        default=None, metadata=rule(Optional(Text(blank=True)))
    )
    """How interdisciplinary and inter-agency involvement will be ensured."""
    individual_plans: str | None = attrs.field(
        default=None, metadata=rule(Optional(Text(blank=True)))
    )
    """The municipality's use of individual plans (IP) for the target group."""
    specialist_involvement: str | None = attrs.field(
        default=None, metadata=rule(Optional(Text(blank=True)))
    )
    """How the cooperating DPS and / or substance use clinic will be involved."""
    related_projects: str | None = attrs.field(
        default=None, metadata=rule(Optional(Text(blank=True)))
    )
    """Other relevant projects for the target group, and how they cooperate."""
    specialist_agreements: str | None = attrs.field(
        default=None, metadata=rule(Optional(Text(blank=True)))
    )
    """Status of the service / cooperation agreements with the specialist health services in
    mental health and substance use."""
    resources: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """The resources that can be set aside for the improvement work."""
    grants: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """Grants received from the Directorate of Health (ACT team, local substance use work,
    cooperation models), if any."""
    submitted: datetime.date | None = attrs.field(default=None, metadata=rule(Optional(Date())))
    """The day the application was sent."""

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


def _check_progress_score(c: Checker, path: tuple[str | int, ...], value: object) -> bool:
    """A progress score: a number from 0.5 to 5.0 in steps of 0.5 (a key of PROGRESS_SCORES)."""
    if not c.number(path, value, 0.5, 5.0):
        return False
    assert isinstance(value, int | float)
    if (value * 2) % 1 != 0:
        c.add(path, "must be a step of 0.5 (0.5, 1.0, …, 5.0)", value)
        return False
    return True


_PROGRESS_SCORES = frozenset(PROGRESS_SCORES)


def _is_progress_score(value: object) -> bool:
    return type(value) in NUMBERS and value in _PROGRESS_SCORES


PROGRESS_SCORE_RULE = Custom(
    check_with=_check_progress_score,
    quick_with=_is_progress_score,
    keywords={"enum": sorted(PROGRESS_SCORES)},
)
"""The rule of a progress score: the keys of :data:`PROGRESS_SCORES`."""


@attrs.frozen(kw_only=True)
@checked
class ProgressReport:
    """A team's periodic self-assessment on the IHI progress score, with a short narrative.

    ```pycon
    >>> import datetime
    >>> report = ProgressReport(date=datetime.date(2024, 11, 1), score=3.5)
    >>> report.label
    'Forbedring (improvement)'

    ```
    """

    date: datetime.date = attrs.field(metadata=rule(Date()))
    """The day of the report."""
    score: float = attrs.field(metadata=rule(PROGRESS_SCORE_RULE))
    """The progress score: 0.5 to 5.0 in steps of 0.5."""
    narrative: str | None = attrs.field(default=None, metadata=rule(Optional(Text(blank=True))))
    """What happened since the last report, in the team's words (free text)."""

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
@checked
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

    identifier: str = attrs.field(metadata=rule(IDENTIFIER_RULE))
    """A stable technical identifier, e.g. ``"team-bodoe"`` (lower-case ASCII)."""
    name: str = attrs.field(metadata=rule(Text()))
    """The team's name for people, e.g. "Bodø"."""
    organisations: tuple[Organisation, ...] = attrs.field(
        converter=to_tuple,
        metadata=rule(
            Items(Instance(Organisation), min_items=1, too_few="needs at least one organisation")
        ),
    )
    """The organisations the team comes from (at least one)."""
    members: tuple[TeamMember, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(TeamMember)))
    )
    """The members and their roles (4-6 recommended: see the review)."""
    application: Application | None = attrs.field(
        default=None, metadata=rule(Optional(Instance(Application)))
    )
    """The team's application to join the network."""
    projects: tuple[ImprovementProject, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(ImprovementProject)))
    )
    """The team's improvement projects; each names this team in its ``team`` field."""
    progress: tuple[ProgressReport, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(ProgressReport)))
    )
    """The team's progress reports, in date order."""
    forms: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=rule(Items(Code(), unique="duplicates forms[{first}]")),
    )
    """Identifiers of the team's «Hva er viktig for meg»-forms."""
    checklists: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=rule(Items(Code(), unique="duplicates checklists[{first}]")),
    )
    """Identifiers of the team's collaboration checklists."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if ok["organisations"]:
            seen: dict[str, int] = {}
            for i, organisation in enumerate(self.organisations):
                folded = organisation.name.strip().casefold()
                if folded in seen:
                    c.add(
                        ("organisations", i, "name"),
                        f"duplicates organisations[{seen[folded]}]",
                        folded,
                        text=True,
                    )
                else:
                    seen[folded] = i
        if ok["projects"]:
            identifier = self.identifier
            for i, project in enumerate(self.projects):
                if project.team != identifier:
                    c.add(
                        ("projects", i, "team"),
                        f"must be the team's identifier {identifier!r}",
                        project.team,
                        text=True,
                    )
        if ok["progress"]:
            for i in range(1, len(self.progress)):
                before, report = self.progress[i - 1], self.progress[i]
                if report.date <= before.date:
                    c.add(
                        ("progress", i, "date"),
                        f"must be after the previous report's date {before.date.isoformat()}",
                        report.date.isoformat(),
                    )

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
