"""The toolkit's coded enumerations (codes in lower-case ASCII Norwegian)."""

from __future__ import annotations

from laeringsnettverk._codes import CodedEnum
from laeringsnettverk.scoring import _FIDELITY_POINTS

__all__ = ["ItemStatus", "LifeArea", "MeasureStatus"]


class ItemStatus(CodedEnum):
    """Status of an item in the collaboration checklist (sjekkliste for samhandling).

    Scoring (programoppfyllelse): done = 1 point, not relevant = 1 point, not done = 0.
    """

    DONE = ("gjennomfoert", "Gjennomført", "done")
    """The measure was carried out: 1 point."""
    NOT_RELEVANT = ("ikke_aktuelt", "Ikke aktuelt", "not relevant")
    """The measure was judged not relevant for this user: 1 point."""
    NOT_DONE = ("ikke_gjennomfoert", "Ikke gjennomført", "not done")
    """Relevant but not carried out: 0 points."""

    @property
    def points(self) -> int:
        """Points towards program fidelity: 1 for done or not relevant, 0 for not done."""
        return _FIDELITY_POINTS[self._value_]


class MeasureStatus(CodedEnum):
    """Status of a measure (tiltak) in an action plan."""

    PLANNED = ("planlagt", "Planlagt", "planned")
    """Agreed but not started."""
    IN_PROGRESS = ("paagaar", "Pågår", "in progress")
    """Under way."""
    DONE = ("gjennomfoert", "Gjennomført", "done")
    """Carried out."""
    CANCELLED = ("avlyst", "Avlyst", "cancelled")
    """Dropped."""


class LifeArea(CodedEnum):
    """Common life areas offered as suggestions for the conversation wheel (samtalehjul).

    The user decides what goes into the wheel; these are never required. The source
    names housing, finances, education, work and restoring contact with family; the
    rest are the library's suggestions.
    """

    HOUSING = ("bolig", "Bolig", "housing")
    """Where and how the user lives."""
    FINANCES = ("oekonomi", "Økonomi", "finances")
    """Money, debt, benefits."""
    WORK = ("arbeid", "Arbeid", "work")
    """Paid work or work training."""
    EDUCATION = ("utdanning", "Utdanning", "education")
    """School, courses, studies."""
    FAMILY = ("familie", "Familie", "family")
    """Family and restoring contact with family."""
    PHYSICAL_HEALTH = ("fysisk_helse", "Fysisk helse", "physical health")
    """Body, illness, sleep, food."""
    MENTAL_HEALTH = ("psykisk_helse", "Psykisk helse", "mental health")
    """Mood, anxiety, symptoms."""
    SUBSTANCE_USE = ("rus", "Rus", "substance use")
    """Alcohol and drugs."""
    LEISURE = ("fritid", "Fritid", "leisure")
    """Hobbies, activity, culture."""
    FRIENDS_AND_NETWORK = ("venner_og_nettverk", "Venner og nettverk", "friends and network")
    """Friends and social network."""
    DAILY_LIFE = ("hverdagsliv", "Hverdagsliv", "daily life")
    """Managing everyday tasks."""
    OTHER = ("annet", "Annet", "other")
    """Anything else the user names."""
