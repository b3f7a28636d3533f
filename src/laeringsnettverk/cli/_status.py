"""A learning network's ``status``: the table for people, the record for ``--json``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from laeringsnettverk._numbers import Lang, fmt_number, fmt_percent
from laeringsnettverk.cli._run import _Run
from laeringsnettverk.cli._stream import _read_network, _streamed_status
from laeringsnettverk.errors import ValidationError


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
