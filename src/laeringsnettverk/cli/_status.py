"""A learning network's ``status``, from whole files or streamed batches."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from functools import partial
from typing import Any

from laeringsnettverk._numbers import Lang, fmt_number, fmt_percent
from laeringsnettverk.cli._read import _inputs
from laeringsnettverk.cli._run import _Input, _Run
from laeringsnettverk.errors import ValidationError

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


def _status_table(status: Any, lang: Lang) -> str:
    """The status as a table for people, in the language's number format."""
    if lang == "nb":
        head = (
            "Team",
            "Fase (phase)",
            "SMART",
            "Forberedelse (preparation)",
            "Skjema (forms)",
            "Nytte (benefit)",
            "Programoppfyllelse (fidelity)",
            "Fremdrift (progress)",
        )
    else:
        head = ("Team", "Phase", "SMART", "Preparation", "Forms", "Benefit", "Fidelity",
                "Progress")  # fmt: skip
    rows = [head]
    for s in status.teams:
        phases = ", ".join(
            "-" if p is None else p.label_nb if lang == "nb" else p.label_en.capitalize()
            for p in s.phases
        )
        rows.append(
            (
                s.team,
                phases or "-",
                f"{s.smart_goals}/{s.goals}",
                f"{s.tasks_done}/{s.tasks_total}",
                str(s.forms_scored),
                fmt_number(s.mean_benefit, 1, lang),
                fmt_percent(s.mean_fidelity, lang),
                fmt_number(s.progress_score, 1, lang),
            )
        )
    widths = [max(len(r[k]) for r in rows) for k in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join([status.network, *lines])


def _status_record(status: Any, run: _Run) -> dict[str, Any]:
    return {
        "network": status.network,
        "teams": [
            {
                "team": s.team,
                "phases": [None if p is None else p.value for p in s.phases],
                "goals": s.goals,
                "smart_goals": s.smart_goals,
                "tasks_done": s.tasks_done,
                "tasks_total": s.tasks_total,
                "preparation": s.preparation,
                "forms_scored": s.forms_scored,
                "mean_benefit": s.mean_benefit,
                "mean_fidelity": s.mean_fidelity,
                "contacts": s.contacts,
                "progress_score": s.progress_score,
            }
            for s in status.teams
        ],
        "bad_lines": run.bad,
    }


def _cmd_status(run: _Run) -> None:
    from laeringsnettverk.examples import load_example_network
    from laeringsnettverk.network import network_status

    if run.args.example:
        example = load_example_network()
        status = network_status(example.network, example.forms, example.checklists)
    else:
        status = _streamed_status(run, _read_network(run))
    if run.args.json:
        run.json_line(_status_record(status, run))
    else:
        run.emit(_status_table(status, run.lang) + "\n")


def _today(value: str | None, default: Callable[[], Any]) -> Any:
    import datetime

    if value is None:
        return default()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValidationError.one(
            ("today",), "must be an ISO 8601 date YYYY-MM-DD", value
        ) from None
