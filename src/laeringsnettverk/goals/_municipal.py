"""The municipal goals of the source report's table: the model, and its loader's name.

The table is shipped as data (``laeringsnettverk/data/municipal_goals.json``) and loaded by
:func:`laeringsnettverk.examples.municipal_goals`.
"""

from __future__ import annotations

import attrs

from laeringsnettverk._rules import Instance, Integer, checked, rule
from laeringsnettverk.goals._goal import SmartGoal

__all__ = ["MunicipalGoal", "municipal_goals"]


@attrs.frozen(kw_only=True)
@checked
class MunicipalGoal:
    """A goal from the source report's table, with how many municipalities chose it."""

    goal: SmartGoal = attrs.field(metadata=rule(Instance(SmartGoal)))
    """The goal, as a bare statement (the report gives nothing more)."""
    municipalities: int = attrs.field(metadata=rule(Integer(ge=1)))
    """How many municipalities had this goal (similar goals merged by the report's author)."""


def municipal_goals() -> tuple[MunicipalGoal, ...]:
    """The municipalities' own goals from the KS / Kunnskapssenteret report, most chosen first.

    The same as :func:`laeringsnettverk.examples.municipal_goals`, where shipped data is
    loaded; this name is kept so existing code goes on working.
    """
    # The one import up a layer the layering test allows here (tests/test_layering.py).
    from laeringsnettverk.examples import municipal_goals as load

    return load()
