"""The municipal goals of the learning network «Gode pasientforløp», as example data."""

from __future__ import annotations

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.goals._goal import SmartGoal

__all__ = ["MunicipalGoal", "municipal_goals"]


@attrs.frozen(kw_only=True)
class MunicipalGoal:
    """A goal from the source report's table, with how many municipalities chose it."""

    goal: SmartGoal
    """The goal, as a bare statement (the report gives nothing more)."""
    municipalities: int
    """How many municipalities had this goal (similar goals merged by the report's author)."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if not isinstance(self.goal, SmartGoal):
            c.add(("goal",), "must be a SmartGoal", type(self.goal).__name__)
        c.integer(("municipalities",), self.municipalities, 1)
        c.done()


def municipal_goals() -> tuple[MunicipalGoal, ...]:
    """The municipalities' own goals from the KS / Kunnskapssenteret report, most chosen first.

    The report's table of the goals the municipalities in the ROP learning network set
    themselves («Tabellen viser en oppsummering av kommunenes mål»), each with how many
    municipalities had it. The table has 28 rows (91 choices in all); each is a bare
    statement, so :func:`~laeringsnettverk.goals.assess_smart` finds that none is measurable,
    as the report itself observed.

    ```pycon
    >>> goals = municipal_goals()
    >>> len(goals), goals[0].municipalities
    (28, 9)
    >>> goals[3].goal.statement
    'Avklare målsetting med hver enkelt bruker. Spørre: Hva er viktig for deg?'

    ```
    """
    import json
    from importlib import resources

    from laeringsnettverk.serialization import from_dict

    text = (
        resources.files("laeringsnettverk")
        .joinpath("data", "municipal_goals.json")
        .read_text(encoding="utf-8")
    )
    return tuple(from_dict(item, MunicipalGoal) for item in json.loads(text))
