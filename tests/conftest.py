"""Shared test configuration: Hypothesis profiles.

``dev`` (the default) keeps a local ``.venv/bin/pytest`` quick: 20 examples per property,
enough to exercise every branch the suite covers on each run. ``HYPOTHESIS_PROFILE=ci``
(set by .ci/run) runs the longer searches: 150 examples per property (tests that draw whole
documents cap their own count, see tests/test_quickchecks.py).
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=15, deadline=None)
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
