"""The improvement model's five phases and their activities (modell for kvalitetsforbedring)."""

from __future__ import annotations

from typing import Any

from laeringsnettverk._checks import fail
from laeringsnettverk._codes import CodedEnum

__all__ = ["Phase", "PhaseActivity"]


class Phase(CodedEnum):
    """The five phases of the improvement model, in order.

    Phases compare by their order (``Phase.PLAN < Phase.DO``, also against a phase's code),
    never alphabetically as strings. Going back
    to an earlier phase is often necessary («Det vil ofte være nødvendig å gå tilbake til
    tidligere faser»).

    ```pycon
    >>> [(p.number, p.code, p.label) for p in Phase]  # doctest: +NORMALIZE_WHITESPACE
    [(1, 'forberede', 'Forberede (prepare)'), (2, 'planlegge', 'Planlegge (plan)'),
     (3, 'utfoere', 'Utføre (do)'), (4, 'evaluere', 'Evaluere (evaluate)'),
     (5, 'foelge_opp', 'Følge opp (follow up)')]
    >>> Phase.EVALUATE > Phase.PREPARE
    True
    >>> [a.label_nb for a in Phase.PLAN.activities]
    ['Kartlegge behov og dagens praksis', 'Sette mål', 'Velge måleverktøy', 'Finne / utvikle forbedringstiltak']

    ```
    """  # noqa: E501

    PREPARE = ("forberede", "Forberede", "prepare")
    """1. Recognise the need, anchor and organise the work, clarify the knowledge base."""
    PLAN = ("planlegge", "Planlegge", "plan")
    """2. Map needs and current practice, set goals, choose measurement tools and measures."""
    DO = ("utfoere", "Utføre", "do")
    """3. Try out and facilitate the new practice."""
    EVALUATE = ("evaluere", "Evaluere", "evaluate")
    """4. Measure and reflect; judge whether the improvement is sufficient, adjust if not."""
    FOLLOW_UP = ("foelge_opp", "Følge opp", "follow up")
    """5. Implement the new practice, secure its continuation, share the experience."""

    @property
    def number(self) -> int:
        """The phase's number, 1..5."""
        return list(Phase).index(self) + 1

    @property
    def activities(self) -> tuple[PhaseActivity, ...]:
        """The phase's activities, in the model's order."""
        return tuple(a for a in PhaseActivity if a.phase is self)

    @property
    def next(self) -> Phase | None:
        """The following phase, or ``None`` after the last."""
        n = self.number
        return Phase.from_number(n + 1) if n < 5 else None

    @property
    def previous(self) -> Phase | None:
        """The phase before, or ``None`` before the first."""
        n = self.number
        return Phase.from_number(n - 1) if n > 1 else None

    @classmethod
    def from_number(cls, number: int) -> Phase:
        """The phase by its number, 1..5."""
        if type(number) is not int or not 1 <= number <= 5:
            fail(("number",), "is not a phase number; expected 1..5", number)
        return list(cls)[number - 1]

    def _other(self, other: Any) -> int:
        if isinstance(other, Phase):
            return other.number
        if isinstance(other, str) and other in Phase.codes():
            return Phase(other).number
        # not NotImplemented: str's reflected comparison would order codes alphabetically
        raise TypeError(f"cannot order a Phase and {type(other).__name__} {other!r}")

    def __lt__(self, other: Any) -> bool:
        return self.number < self._other(other)

    def __le__(self, other: Any) -> bool:
        return self.number <= self._other(other)

    def __gt__(self, other: Any) -> bool:
        return self.number > self._other(other)

    def __ge__(self, other: Any) -> bool:
        return self.number >= self._other(other)


class PhaseActivity(CodedEnum):
    """The activities of the improvement model's phases, word for word from the source.

    The Norwegian labels are the slides' words («Nettverk som metode», Vestvågøy kommune);
    the slide splits «forbedrings tiltak», joined here.
    """

    RECOGNISE_NEED = (
        "felles_erkjennelse",
        "Felles erkjennelse av behovet for forbedring",
        "Shared recognition of the need for improvement",
    )
    """Forberede: the team and its leaders agree that something must improve."""
    ANCHOR_AND_ORGANISE = (
        "forankre_og_organisere",
        "Forankre og organisere forbedringsarbeidet",
        "Anchor and organise the improvement work",
    )
    """Forberede: leadership commitment (forankring) and a team."""
    CLARIFY_KNOWLEDGE = (
        "klargjoere_kunnskapsgrunnlaget",
        "Klargjøre kunnskapsgrunnlaget - forskning, erfaring og brukerkunnskap",
        "Clarify the knowledge base - research, experience and user knowledge",
    )
    """Forberede: knowledge-based practice combines research, experience and user knowledge."""
    MAP_NEEDS = (
        "kartlegge_behov",
        "Kartlegge behov og dagens praksis",
        "Map needs and current practice",
    )
    """Planlegge: what users need and how the service works today."""
    SET_GOALS = ("sette_maal", "Sette mål", "Set goals")
    """Planlegge: SMART(E) goals."""
    CHOOSE_TOOLS = ("velge_maaleverktoey", "Velge måleverktøy", "Choose measurement tools")
    """Planlegge: how the team will know whether a change is an improvement."""
    FIND_MEASURES = (
        "finne_tiltak",
        "Finne / utvikle forbedringstiltak",
        "Find / develop improvement measures",
    )
    """Planlegge: the changes to try."""
    TRY_OUT = (
        "proeve_ut",
        "Prøve ut og tilrettelegge ny praksis",
        "Try out and facilitate the new practice",
    )
    """Utføre: try out the new practice (the sources' words; recording the tests as PDSA
    cycles is the library's advice, not the sources')."""
    MEASURE_AND_REFLECT = (
        "maale_og_reflektere",
        "Måle og reflektere over resultater",
        "Measure and reflect on the results",
    )
    """Evaluere: look at the data together."""
    JUDGE_SUFFICIENCY = (
        "vurdere_tilstrekkelighet",
        "Vurdere om forbedringen er tilstrekkelig og eventuelt justere",
        "Judge whether the improvement is sufficient and adjust if not",
    )
    """Evaluere: enough, or back to an earlier phase."""
    IMPLEMENT = ("implementere", "Implementere ny praksis", "Implement the new practice")
    """Følge opp: make the new practice the usual practice."""
    SECURE_CONTINUATION = ("sikre_viderefoering", "Sikre videreføring", "Secure its continuation")
    """Følge opp: hold the gains."""
    SHARE_EXPERIENCE = (
        "dele_erfaringer",
        "Dele erfaringene med forbedringene",
        "Share the experience of the improvements",
    )
    """Følge opp: spread what was learned."""

    @property
    def phase(self) -> Phase:
        """The phase the activity belongs to."""
        return _ACTIVITY_PHASE[self.value]


_ACTIVITY_PHASE: dict[str, Phase] = {
    "felles_erkjennelse": Phase.PREPARE,
    "forankre_og_organisere": Phase.PREPARE,
    "klargjoere_kunnskapsgrunnlaget": Phase.PREPARE,
    "kartlegge_behov": Phase.PLAN,
    "sette_maal": Phase.PLAN,
    "velge_maaleverktoey": Phase.PLAN,
    "finne_tiltak": Phase.PLAN,
    "proeve_ut": Phase.DO,
    "maale_og_reflektere": Phase.EVALUATE,
    "vurdere_tilstrekkelighet": Phase.EVALUATE,
    "implementere": Phase.FOLLOW_UP,
    "sikre_viderefoering": Phase.FOLLOW_UP,
    "dele_erfaringer": Phase.FOLLOW_UP,
}
