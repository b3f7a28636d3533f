"""The example network's container, and its loader's name kept in the capability.

The example itself is shipped as data (``laeringsnettverk/data/example_network.json`` and
the forms' and checklists' ``.jsonl``), written by ``tools/make_examples.py`` and loaded by
:func:`laeringsnettverk.examples.load_example_network`.
"""

from __future__ import annotations

import attrs

from laeringsnettverk.network._network import LearningNetwork
from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm
from laeringsnettverk.toolkit._common import to_tuple

__all__ = ["ExampleNetwork", "load_example_network"]


@attrs.frozen(kw_only=True)
class ExampleNetwork:
    """The example network with the toolkit documents of its teams."""

    network: LearningNetwork
    """The network."""
    forms: tuple[WhatMattersForm, ...] = attrs.field(converter=to_tuple)
    """The teams' «Hva er viktig for meg»-forms (each names its team)."""
    checklists: tuple[CollaborationChecklist, ...] = attrs.field(converter=to_tuple)
    """The teams' collaboration checklists (each names its team)."""


def load_example_network() -> ExampleNetwork:
    """The fictional example network shipped with the package, with its forms and checklists.

    The same as :func:`laeringsnettverk.examples.load_example_network`, where shipped data
    is loaded; this name is kept so existing code goes on working.
    """
    # The one import up a layer the layering test allows here (tests/test_layering.py).
    from laeringsnettverk.examples import load_example_network as load

    return load()
