"""The learning network's coded enumerations (codes in lower-case ASCII Norwegian)."""

from __future__ import annotations

from laeringsnettverk._codes import CodedEnum

__all__ = [
    "ContactChannel",
    "GroupKind",
    "Initiator",
    "MemberRole",
    "OrganisationKind",
    "PeriodKind",
    "ProgrammeItemKind",
]


class MemberRole(CodedEnum):
    """A member's role in an improvement team (forbedringsteam).

    A team is led by a service leader, appoints a coordinator, has a user representative,
    and ideally members from the GP, NAV and DPS.
    """

    LEADER = ("leder", "Leder", "leader")
    """Leads the team, usually a service leader (tjenesteleder)."""
    COORDINATOR = ("koordinator", "Koordinator", "coordinator")
    """Coordinates the team's work at and between the gatherings."""
    USER_REPRESENTATIVE = ("brukerrepresentant", "Brukerrepresentant", "user representative")
    """Speaks for the users of the services."""
    GP = ("fastlege", "Fastlege", "GP")
    """A general practitioner (fastlege)."""
    NAV = ("nav", "NAV", "NAV (labour and welfare)")
    """From the labour and welfare administration."""
    DPS = ("dps", "DPS", "DPS (district psychiatric centre)")
    """From the district psychiatric centre or another unit of the health trust."""
    OTHER = ("annen", "Annen", "other")
    """Any other member."""


class OrganisationKind(CodedEnum):
    """The kind of organisation an improvement team comes from."""

    MUNICIPALITY = ("kommune", "Kommune", "municipality")
    """A municipality; has a four-digit municipality number."""
    CITY_DISTRICT = ("bydel", "Bydel", "city district")
    """A city district (bydel); has its municipality's number."""
    HEALTH_TRUST = ("helseforetak", "Helseforetak", "health trust")
    """A health trust (helseforetak)."""
    DPS = ("dps", "DPS", "district psychiatric centre")
    """A district psychiatric centre, a unit of a health trust."""
    SUBSTANCE_CLINIC = ("ruspoliklinikk", "Ruspoliklinikk", "substance use outpatient clinic")
    """A substance use outpatient clinic, a unit of a health trust."""
    HOSPITAL = ("sykehus", "Sykehus", "hospital")
    """A hospital, a unit of a health trust."""
    OTHER = ("annen", "Annen", "other")
    """Any other organisation (a user organisation, a competence centre, …)."""

    @property
    def has_municipality_number(self) -> bool:
        """True for a municipality and a city district: they carry a municipality number."""
        return self in (OrganisationKind.MUNICIPALITY, OrganisationKind.CITY_DISTRICT)

    @property
    def is_health_trust_unit(self) -> bool:
        """True for a unit of a health trust (DPS, substance use clinic, hospital)."""
        return self in (
            OrganisationKind.DPS,
            OrganisationKind.SUBSTANCE_CLINIC,
            OrganisationKind.HOSPITAL,
        )


class GroupKind(CodedEnum):
    """A group in the organisation of a learning network."""

    STEERING_GROUP = ("styringsgruppe", "Styringsgruppe", "steering group")
    """Owns the network and decides on its frame."""
    WORKING_GROUP = ("arbeidsgruppe", "Arbeidsgruppe", "working group")
    """The project / working group that runs the network and follows up the teams."""
    EXTENDED_WORKING_GROUP = (
        "utvidet_arbeidsgruppe",
        "Utvidet arbeidsgruppe",
        "extended working group",
    )
    """Competence centres that take part in the working group's work."""
    REFERENCE_GROUP = ("referansegruppe", "Referansegruppe", "reference group")
    """An arena for anchoring and advice (fagråd, ASU, …); a network may have several."""


class PeriodKind(CodedEnum):
    """The three periods of a learning network, in order."""

    PREPARATION = ("forberedelse", "Forberedelse", "preparation")
    """Before the first gathering: teams are formed and do the first preparation package."""
    EXECUTION = ("gjennomfoering", "Gjennomføring", "execution")
    """From the first gathering to the last: gatherings and action periods."""
    CONTINUATION = ("viderefoering", "Videreføring", "continuation")
    """After the last gathering: implementation and the way ahead (open-ended)."""


class ProgrammeItemKind(CodedEnum):
    """The kind of an item in a gathering's programme (the source's figure 2 categories)."""

    ORGANISER_LECTURE = (
        "foredrag_arrangoer",
        "Foredrag fra prosjektgruppen",
        "lecture by the organisers",
    )
    """A lecture by the organisers (the project / working group)."""
    EXTERNAL_LECTURE = ("eksternt_foredrag", "Eksternt foredrag", "external lecture")
    """A lecture by an external speaker."""
    GROUP_WORK = ("gruppearbeid", "Gruppearbeid", "group work")
    """The teams work on their own improvement work."""
    PLENARY = ("plenum", "Fremlegg i plenum", "plenary presentations")
    """The teams present to each other in plenary."""

    @property
    def is_group_work(self) -> bool:
        """True for group work and plenary: the source counts them together."""
        return self in (ProgrammeItemKind.GROUP_WORK, ProgrammeItemKind.PLENARY)


class ContactChannel(CodedEnum):
    """How a follow-up contact between gatherings took place."""

    MEETING = ("moete", "Møte", "meeting")
    """A meeting in person."""
    VIDEO = ("video", "Videomøte", "video meeting")
    """A video meeting."""
    PHONE = ("telefon", "Telefon", "phone")
    """A phone call."""
    EMAIL = ("e_post", "E-post", "e-mail")
    """E-mail."""
    VISIT = ("besoek", "Besøk", "visit")
    """The organisers visited the team."""


class Initiator(CodedEnum):
    """Who initiated a follow-up contact."""

    TEAM = ("teamet", "Teamet", "the team")
    """The team asked for help."""
    ORGANISERS = ("arrangoerene", "Arrangørene", "the organisers")
    """The organisers followed the team up (systematic follow-up)."""
