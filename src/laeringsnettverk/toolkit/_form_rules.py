"""The helpers of the «Hva er viktig for meg»-form's cross-field rules.

The form's cross-field rules (``WhatMattersForm._check_across``) run for every form made or
loaded, so their common case iterates in C: the names in a set, each conversation's scores
against a set of the scale's points. These helpers give those sets, and say what is wrong
when a test finds a problem.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping

from laeringsnettverk._checks import Checker
from laeringsnettverk.errors import Position

__all__ = ["ALLOWED", "NAME", "report_repeated", "report_scores", "scores_allowed"]


def report_scores(
    c: Checker, i: int, scores: Mapping[str, int], *, names: set[str], lo: int, hi: int
) -> None:
    """Report each score of conversation ``i`` outside the form's activities or scale."""
    for k, (name, score) in enumerate(scores.items()):
        if name in names and (type(score) is not int or lo <= score <= hi):
            # in range, or not a score: the conversation reports that (a best-effort check
            # of a document that did not load)
            continue
        # the key, an activity's name, is free text: addressed by its position
        path = ("conversations", i, "scores", Position(k))
        if name not in names:
            c.add(
                path, "is a score for an activity the form does not have", score, code="reference"
            )
        elif score < lo:
            c.add(
                path,
                f"is below the scale's min {lo}",
                score,
                code="greater_than_equal",
                ctx={"ge": lo},
            )
        else:
            c.add(
                path,
                f"is above the scale's max {hi}",
                score,
                code="less_than_equal",
                ctx={"le": hi},
            )


NAME = operator.attrgetter("name")
"""An activity's name (read in C, by ``map``)."""


ALLOWED: dict[tuple[int, int], frozenset[int] | None] = {}
""":func:`scores_allowed` of the scales met so far, by ``(min, max)`` (at most 16 kept).

Looked up by the form's rules before the function is called: a dict lookup costs less
than a call through a cache.
"""


def scores_allowed(lo: int, hi: int) -> frozenset[int] | None:
    """The scores of the scale ``lo..hi`` as a set; ``None`` (min and max) above 100 points.

    Kept in :data:`ALLOWED` for the next form.
    """
    points = frozenset(range(lo, hi + 1)) if hi - lo <= 100 else None
    if len(ALLOWED) >= 16:  # a few scales are in use at a time
        ALLOWED.clear()
    ALLOWED[lo, hi] = points
    return points


def report_repeated(c: Checker, given: list[str]) -> None:
    """Report each activity whose name repeats an earlier one's (case-insensitively)."""
    seen: dict[str, int] = {}
    for i, name in enumerate(given):
        key = name.strip().casefold()
        if key in seen:
            c.add(
                ("activities", i, "name"),
                f"duplicates activities[{seen[key]}].name",
                name,
                text=True,
            )
        else:
            seen[key] = i
