"""One strategy per document kind, keyed by the kind's code (the tests loop over it).

Adding a document kind means adding its strategy here; ``test_every_kind_has_a_strategy``
(tests/test_kinds.py) fails until it is.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from laeringsnettverk.toolkit import Scale
from strategies.goals import goals
from strategies.improvement import projects
from strategies.measurement import series
from strategies.network import networks
from strategies.stakeholders import stakeholder_maps
from strategies.toolkit import action_plans, checklists, conversation_wheels, forms, kor_ratings

__all__ = ["DOCUMENTS"]

DOCUMENTS: dict[str, st.SearchStrategy[Any]] = {
    # the toolkit's scale and a 0..10 one
    "form": forms(scale=st.sampled_from([Scale(), Scale(minimum=0, maximum=10)])),
    "kor": kor_ratings(),
    "checklist": checklists(),
    "plan": action_plans(),
    "wheel": conversation_wheels(),
    "goal": goals(),
    "project": projects(),
    "stakeholder_map": stakeholder_maps(),
    # a full network holds every model of a network (fewer draws thrown away), an ordinary
    # one also the empty lists
    "network": st.one_of(networks(), networks(full=True)),
    "series": series(),
}
"""A strategy of valid documents for every document kind, by code."""
