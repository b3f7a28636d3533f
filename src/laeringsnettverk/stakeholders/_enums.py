"""The stakeholder map's coded values (codes in lower-case ASCII Norwegian)."""

from __future__ import annotations

from laeringsnettverk._codes import CodedEnum

__all__ = [
    "Attitude",
    "OwnerKind",
    "PowerInterestQuadrant",
    "PublicType",
    "RelationQuality",
    "RelationStrength",
    "Salience",
    "SituationalBehaviour",
    "SituationalLevel",
    "StakeholderCategory",
    "StakeholderLevel",
]


class StakeholderCategory(CodedEnum):
    """What kind of actor a stakeholder is: the actors the source names, and *other*."""

    USER = ("bruker", "Bruker", "user")
    """A service user (on a team's or a municipality's map)."""
    NEXT_OF_KIN = ("paaroerende", "Pårørende", "next of kin")
    """Family or others close to the user."""
    GP = ("fastlege", "Fastlege", "GP")
    """The user's regular general practitioner."""
    NAV = ("nav", "NAV", "labour and welfare administration")
    """The Norwegian Labour and Welfare Administration, usually the local NAV office."""
    DPS = ("dps", "DPS", "district psychiatric centre")
    """Distriktspsykiatrisk senter: the health trust's district psychiatric centre."""
    SUBSTANCE_USE_CLINIC = ("ruspoliklinikk", "Ruspoliklinikk", "substance-use clinic")
    """The health trust's outpatient clinic for substance use."""
    ACT_TEAM = ("act_team", "ACT-team", "ACT team")
    """An assertive community treatment team."""
    HOSPITAL = ("sykehus", "Sykehus", "hospital")
    """A hospital ward."""
    MUNICIPAL_SERVICE = ("kommunal_tjeneste", "Kommunal tjeneste", "municipal service")
    """A municipal service: mental health and substance use, home care, …"""
    USER_ORGANISATION = ("brukerorganisasjon", "Brukerorganisasjon", "user organisation")
    """An organisation of and for service users."""
    VOLUNTEER_ORGANISATION = (
        "frivillig_organisasjon",
        "Frivillig organisasjon",
        "volunteer organisation",
    )
    """A volunteer organisation."""
    PEER_WORKER = ("likeperson", "Likeperson", "peer worker")
    """A peer worker (likeperson, likemann): someone with lived experience."""
    EMPLOYER = ("arbeidsgiver", "Arbeidsgiver", "employer")
    """The user's employer or a work-training place."""
    HOUSING = ("bolig", "Bolig", "housing")
    """Housing: the landlord, the municipal housing office, a supported-housing service."""
    OTHER = ("annet", "Annet", "other")
    """Any other actor."""


class StakeholderLevel(CodedEnum):
    """Where an actor belongs: the user's own network or a level of the services."""

    OWN_NETWORK = ("eget_nettverk", "Brukerens eget nettverk", "the user's own network")
    """Family, friends, neighbours: the user's own network."""
    MUNICIPAL = ("kommunal", "Kommunal", "municipal")
    """The municipality's services (including the GP scheme)."""
    SPECIALIST = (
        "spesialisthelsetjenesten",
        "Spesialisthelsetjenesten",
        "specialist health service",
    )
    """The health trust: DPS, substance-use clinic, hospital."""
    VOLUNTARY = ("frivillig", "Frivillig", "voluntary")
    """Voluntary and user organisations."""
    PRIVATE = ("privat", "Privat", "private")
    """Private actors: employers, landlords, private providers."""
    STATE = ("statlig", "Statlig", "state")
    """The state: NAV's state side, the county governor, …"""


class OwnerKind(CodedEnum):
    """Whose map it is: a user's, a team's, a service's or a municipality's."""

    USER = ("bruker", "Bruker", "user")
    """The actors around one user."""
    TEAM = ("team", "Team", "team")
    """The actors an improvement team works with."""
    SERVICE = ("tjeneste", "Tjeneste", "service")
    """The actors a service works with."""
    MUNICIPALITY = ("kommune", "Kommune", "municipality")
    """The actors a changed patient pathway in a municipality touches."""


class RelationStrength(CodedEnum):
    """How strong the relation to an actor is."""

    NONE = ("ingen", "Ingen", "none")
    """No relation: no contact."""
    WEAK = ("svak", "Svak", "weak")
    """Occasional or distant contact."""
    MODERATE = ("middels", "Middels", "moderate")
    """Regular contact."""
    STRONG = ("sterk", "Sterk", "strong")
    """Close, frequent contact."""

    @property
    def rank(self) -> int:
        """0 for none, 1 weak, 2 moderate, 3 strong."""
        return list(RelationStrength).index(self)

    @property
    def is_weak(self) -> bool:
        """True for none and weak: a relation to build."""
        return self in (RelationStrength.NONE, RelationStrength.WEAK)


class RelationQuality(CodedEnum):
    """How good the relation to an actor is."""

    GOOD = ("god", "God", "good")
    """Trust and good cooperation."""
    MIXED = ("blandet", "Blandet", "mixed")
    """Both good and difficult."""
    POOR = ("daarlig", "Dårlig", "poor")
    """Mistrust or conflict."""


class Attitude(CodedEnum):
    """An actor's attitude to the change (or to the user's goals)."""

    SUPPORTIVE = ("stoettende", "Støttende", "supportive")
    """For it."""
    NEUTRAL = ("noeytral", "Nøytral", "neutral")
    """Neither for nor against."""
    OPPOSED = ("negativ", "Negativ", "opposed")
    """Against it."""


class SituationalLevel(CodedEnum):
    """High or low: the two values of each variable of Grunig's situational theory."""

    HIGH = ("hoey", "Høy", "high")
    """High."""
    LOW = ("lav", "Lav", "low")
    """Low."""


class PowerInterestQuadrant(CodedEnum):
    """Mendelow's power/interest grid (Mendelow 1991): what to do with an actor."""

    MANAGE_CLOSELY = ("involver_tett", "Involver tett", "manage closely")
    """High influence, high interest: key actors who must be engaged."""
    KEEP_SATISFIED = ("hold_tilfreds", "Hold tilfreds", "keep satisfied")
    """High influence, low interest."""
    KEEP_INFORMED = ("hold_informert", "Hold informert", "keep informed")
    """Low influence, high interest."""
    MONITOR = ("overvaak", "Overvåk", "monitor")
    """Low influence, low interest: minimal effort."""

    @property
    def high_influence(self) -> bool:
        """True for the two upper quadrants (manage closely, keep satisfied)."""
        return self in (PowerInterestQuadrant.MANAGE_CLOSELY, PowerInterestQuadrant.KEEP_SATISFIED)

    @property
    def high_interest(self) -> bool:
        """True for the two right-hand quadrants (manage closely, keep informed)."""
        return self in (PowerInterestQuadrant.MANAGE_CLOSELY, PowerInterestQuadrant.KEEP_INFORMED)


class PublicType(CodedEnum):
    """The types of public in Grunig's situational theory (Grunig & Hunt 1984).

    The least active comes first: nonpublic, latent, aware, active.
    """

    NONPUBLIC = ("ikke_publikum", "Ikke-publikum", "nonpublic")
    """Not affected by the problem, or not taking part in it at all."""
    LATENT = ("latent", "Latent publikum", "latent public")
    """Faces the problem but does not recognise it."""
    AWARE = ("bevisst", "Bevisst publikum", "aware public")
    """Recognises the problem."""
    ACTIVE = ("aktivt", "Aktivt publikum", "active public")
    """Organises to do something about the problem."""

    @property
    def rank(self) -> int:
        """0 for nonpublic up to 3 for active."""
        return list(PublicType).index(self)


class SituationalBehaviour(CodedEnum):
    """The four kinds of behaviour of the situational theory (Grunig & Hunt 1984)."""

    PROBLEM_FACING = ("problemloesende", "Problemløsende", "problem-facing")
    """Recognises the problem and few constraints."""
    CONSTRAINED = ("begrenset", "Begrenset", "constrained")
    """Recognises the problem and many constraints."""
    ROUTINE = ("rutinemessig", "Rutinemessig", "routine")
    """Recognises neither the problem nor constraints."""
    FATALISTIC = ("fatalistisk", "Fatalistisk", "fatalistic")
    """Does not recognise the problem, and sees many constraints."""


class Salience(CodedEnum):
    """Stakeholder salience (Mitchell, Agle & Wood 1997): the seven types and non-stakeholder.

    The type follows from which of the three attributes (power, legitimacy, urgency) an
    actor has; :attr:`attribute_count` gives the class: 1 latent (low salience), 2
    expectant (moderate), 3 definitive (high).
    """

    DORMANT = ("sovende", "Sovende", "dormant")
    """Power only."""
    DISCRETIONARY = ("skjoennsmessig", "Skjønnsmessig", "discretionary")
    """Legitimacy only."""
    DEMANDING = ("krevende", "Krevende", "demanding")
    """Urgency only."""
    DOMINANT = ("dominerende", "Dominerende", "dominant")
    """Power and legitimacy."""
    DANGEROUS = ("farlig", "Farlig", "dangerous")
    """Power and urgency."""
    DEPENDENT = ("avhengig", "Avhengig", "dependent")
    """Legitimacy and urgency."""
    DEFINITIVE = ("definitiv", "Definitiv", "definitive")
    """Power, legitimacy and urgency."""
    NON_STAKEHOLDER = ("ikke_interessent", "Ikke interessent", "non-stakeholder")
    """None of the three."""

    @property
    def attributes(self) -> tuple[bool, bool, bool]:
        """Which of (power, legitimacy, urgency) the type has."""
        return _SALIENCE_ATTRIBUTES[self.value]

    @property
    def attribute_count(self) -> int:
        """How many of the three attributes the type has (0..3)."""
        return sum(self.attributes)


_SALIENCE_ATTRIBUTES: dict[str, tuple[bool, bool, bool]] = {
    "sovende": (True, False, False),
    "skjoennsmessig": (False, True, False),
    "krevende": (False, False, True),
    "dominerende": (True, True, False),
    "farlig": (True, False, True),
    "avhengig": (False, True, True),
    "definitiv": (True, True, True),
    "ikke_interessent": (False, False, False),
}
