"""Hypothesis strategies, one module per capability; every public model has one."""

import os

from hypothesis import settings

WHOLE_NETWORKS = (
    settings(max_examples=10)
    if os.environ.get("HYPOTHESIS_PROFILE", "dev") == "dev"
    else settings()
)
"""For a property that draws whole networks (about 0.1 s each): 10 examples in the "dev"
profile, the profile's own count (300) in "ci"."""
