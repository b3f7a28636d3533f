"""Converters shared by the models: immutable sequences and mappings.

Defined once, in :mod:`laeringsnettverk._converters`; kept here under
their old import path for the modules that use them.
"""

from __future__ import annotations

from laeringsnettverk._rules import freeze_map, to_tuple

__all__ = ["freeze_map", "to_tuple"]
