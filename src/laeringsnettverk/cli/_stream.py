"""A learning network read from FILE, and its status from streamed JSON Lines batches."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from functools import partial
from typing import Any

from laeringsnettverk.cli._read import _inputs
from laeringsnettverk.cli._run import _Input, _Run

# -- a learning network: status, review, report ----------------------------------------------


def _read_network(run: _Run) -> Any:
    """The network document given as FILE (a whole JSON document, never JSON Lines)."""
    from laeringsnettverk.network import LearningNetwork

    (item,) = _inputs(run, [run.args.file], LearningNetwork, jsonl=False)
    if item.error is not None:
        raise item.error
    return item.doc


def _batch(run: _Run, path: str | None, cls: type[Any]) -> Iterator[_Input]:
    """The good documents of a JSON Lines file, one at a time; bad lines reported."""
    if path is None:
        return
    for item in _inputs(run, [path], cls, jsonl=True):
        if item.error is not None:
            run.report(item)
            run.failed(item)
            continue
        yield item


class _Mean:
    """An exact running mean: the same float as ``math.fsum(values) / len(values)``."""

    def __init__(self) -> None:
        self.total = Fraction(0)
        self.n = 0

    def add(self, value: float) -> None:
        self.total += Fraction(value)
        self.n += 1

    def value(self) -> float | None:
        return float(self.total) / self.n if self.n else None


def _streamed_status(run: _Run, network: Any) -> Any:
    """:func:`~laeringsnettverk.network.network_status` over forms and checklists streamed.

    Each document is folded into its teams' counts and exact sums as it is read, so the
    memory does not grow with the batch; the result equals ``network_status`` of the same
    documents (a test checks this).
    """
    import attrs

    from laeringsnettverk.network import network_status
    from laeringsnettverk.network._status import _belongs, _benefit
    from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm

    teams = network.teams
    scored = [0] * len(teams)
    benefits = [_Mean() for _ in teams]
    fidelities = [_Mean() for _ in teams]
    for item in _batch(run, run.args.forms, WhatMattersForm):
        form = item.doc
        benefit = run.capture(item, partial(_benefit, form))
        has_scores = any(c.scores for c in form.conversations)
        for i, team in enumerate(teams):
            if _belongs(team, form):
                scored[i] += has_scores
                if benefit is not None:
                    benefits[i].add(benefit)
    for item in _batch(run, run.args.checklists, CollaborationChecklist):
        checklist = item.doc
        fidelity = run.capture(item, checklist.fidelity)
        for i, team in enumerate(teams):
            if _belongs(team, checklist):
                fidelities[i].add(fidelity)
    base = network_status(network)
    return attrs.evolve(
        base,
        teams=[
            attrs.evolve(
                s,
                forms_scored=scored[i],
                mean_benefit=benefits[i].value(),
                mean_fidelity=fidelities[i].value(),
            )
            for i, s in enumerate(base.teams)
        ],
    )
