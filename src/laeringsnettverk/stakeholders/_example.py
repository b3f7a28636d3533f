"""The example stakeholder map's name kept in the capability.

The example is shipped as data (``laeringsnettverk/data/example_stakeholder_map.json``),
written by ``tools/make_examples.py`` and loaded by
:func:`laeringsnettverk.examples.example_stakeholder_map`.
"""

from __future__ import annotations

from laeringsnettverk.stakeholders._model import StakeholderMap

__all__ = ["EXAMPLE_STAKEHOLDER_MAP", "example_stakeholder_map"]

EXAMPLE_STAKEHOLDER_MAP = "example_stakeholder_map.json"
"""The file name of the example in the package's ``data`` folder."""


def example_stakeholder_map() -> StakeholderMap:
    """The shipped example: the actors around a user, «Kari» (made up).

    The same as :func:`laeringsnettverk.examples.example_stakeholder_map`, where shipped
    data is loaded; this name is kept so existing code goes on working.
    """
    # The one import up a layer the layering test allows here (tests/test_layering.py).
    from laeringsnettverk.examples import example_stakeholder_map as load

    return load()
