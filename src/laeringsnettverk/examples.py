"""Example documents shipped inside the package, and the functions that load them.

The form is the source document's worked example (1 + 4 + 1 + 2 → mean 2.0; the
2nd conversation's mean 5.0; benefit 3.0); the 2nd conversation's per-activity scores
(4, 6, 5, 5) are made up, since the source gives only their mean. The checklist scores
8 of 10 points (80 %); which items are done is made up. Names and dates are made up.

Every shipped example is loaded here, through the one strict loader
(:mod:`laeringsnettverk.serialization`): the capability packages never read shipped data
themselves. The example network and the example stakeholder map are written by
``tools/make_examples.py`` (a test checks that the shipped files are what it writes).

```pycon
>>> from laeringsnettverk.examples import load_example
>>> form = load_example("form")
>>> form.means()
(2.0, 5.0)

```
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Any

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.kinds import KINDS

if TYPE_CHECKING:
    from laeringsnettverk.goals import MunicipalGoal
    from laeringsnettverk.network import ExampleNetwork
    from laeringsnettverk.stakeholders import StakeholderMap

__all__ = [
    "EXAMPLE_KINDS",
    "example_stakeholder_map",
    "example_text",
    "load_example",
    "load_example_network",
    "municipal_goals",
]

EXAMPLE_KINDS: tuple[str, ...] = tuple(k.code for k in KINDS if k.example)
"""The document kinds that have a shipped example."""


def _data(name: str) -> str:
    return resources.files("laeringsnettverk").joinpath("data", name).read_text(encoding="utf-8")


def example_text(kind: str) -> str:
    """The shipped example document of ``kind`` as JSON text."""
    if kind not in EXAMPLE_KINDS:
        raise ValidationError.one(
            ("kind",), "has no shipped example; expected one of " + ", ".join(EXAMPLE_KINDS), kind
        )
    return _data(f"example_{kind}.json")


def load_example(kind: str) -> Any:
    """The shipped example document of ``kind``, loaded as its model."""
    from laeringsnettverk.serialization import loads

    return loads(example_text(kind))


def load_example_network() -> ExampleNetwork:
    """The fictional example network shipped with the package, with its forms and checklists.

    Five teams (Bodø 1804, Trondheim 5001, Hamar 3403, bydel Årstad in Bergen 4601 and
    Stavanger 1103: real municipality numbers of the 2024 structure), four gatherings whose
    programmes give the source's figure 2, the three preparation packages, follow-up
    contacts, projects with goals, progress reports, six forms and six checklists. People,
    texts and scores are made up. Also importable as
    ``laeringsnettverk.network.load_example_network``.

    ```pycon
    >>> example = load_example_network()
    >>> [t.identifier for t in example.network.teams]
    ['team-bodoe', 'team-trondheim', 'team-hamar', 'team-aarstad', 'team-stavanger']
    >>> len(example.forms), len(example.checklists)
    (6, 6)

    ```
    """
    from laeringsnettverk.network import ExampleNetwork, LearningNetwork
    from laeringsnettverk.serialization import loads
    from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm

    network = loads(example_text("network"), LearningNetwork)
    forms = _data("example_network_forms.jsonl").splitlines()
    checklists = _data("example_network_checklists.jsonl").splitlines()
    return ExampleNetwork(
        network=network,
        forms=[loads(line, WhatMattersForm) for line in forms],
        checklists=[loads(line, CollaborationChecklist) for line in checklists],
    )


def example_stakeholder_map() -> StakeholderMap:
    """The shipped example stakeholder map: the actors around a user, «Kari» (made up).

    Next of kin, the GP, NAV, DPS, the substance-use clinic, the ACT team, the
    municipal mental health and substance use service, a peer worker, housing, an
    employer, a user organisation and a volunteer centre, with their relation,
    influence, interest and the three classifications' attributes. Loaded from the
    versioned document ``data/example_stakeholder_map.json`` (kind ``"stakeholder_map"``,
    schema version 1). Also importable as
    ``laeringsnettverk.stakeholders.example_stakeholder_map``.

    ```pycon
    >>> m = example_stakeholder_map()
    >>> m.owner.name, len(m.stakeholders)
    ('Kari', 12)

    ```
    """
    from laeringsnettverk.serialization import loads
    from laeringsnettverk.stakeholders import StakeholderMap

    return loads(example_text("stakeholder_map"), StakeholderMap)


def municipal_goals() -> tuple[MunicipalGoal, ...]:
    """The municipalities' own goals from the KS / Kunnskapssenteret report, most chosen first.

    The report's table of the goals the municipalities in the ROP learning network set
    themselves («Tabellen viser en oppsummering av kommunenes mål»), each with how many
    municipalities had it. The table has 28 rows (91 choices in all); each is a bare
    statement, so :func:`~laeringsnettverk.goals.assess_smart` finds that none is measurable,
    as the report itself observed. Also importable as ``laeringsnettverk.goals.municipal_goals``.

    ```pycon
    >>> goals = municipal_goals()
    >>> len(goals), goals[0].municipalities
    (28, 9)
    >>> goals[3].goal.statement
    'Avklare målsetting med hver enkelt bruker. Spørre: Hva er viktig for deg?'

    ```
    """
    import json

    from laeringsnettverk.goals import MunicipalGoal
    from laeringsnettverk.serialization import from_dict

    items = json.loads(_data("municipal_goals.json"))
    return tuple(from_dict(item, MunicipalGoal) for item in items)
