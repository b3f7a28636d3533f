"""A learning network's ``review`` and ``report``."""

from __future__ import annotations

from typing import Any

from laeringsnettverk.cli._run import EXIT_FINDINGS, _Run
from laeringsnettverk.cli._status import _today
from laeringsnettverk.cli._stream import _batch, _read_network
from laeringsnettverk.errors import ValidationError


def _cmd_review(run: _Run) -> None:
    import datetime

    from laeringsnettverk.examples import load_example_network
    from laeringsnettverk.network import review_network

    args = run.args
    network = load_example_network().network if args.example else _read_network(run)
    today = _today(args.today, datetime.date.today)
    findings = review_network(network, today=today)
    if args.json:
        run.json_line(
            {
                "network": network.name,
                "today": today.isoformat(),
                "findings": [
                    {
                        "severity": f.severity.code,
                        "code": f.code,
                        "concerns": f.concerns,
                        "message_nb": f.message_nb,
                        "message_en": f.message_en,
                    }
                    for f in findings
                ],
            }
        )
    elif not findings:
        run.emit("Ingen funn (no findings)\n" if run.lang == "nb" else "No findings\n")
    else:
        for f in findings:
            text = str(f) if run.lang == "nb" else f"{f.severity.label_en} [{f.code}] "
            run.emit(text + ("" if run.lang == "nb" else f.message_en) + "\n")
    if findings and args.fail_on_findings:
        run.status = max(run.status, EXIT_FINDINGS)


def _cmd_report(run: _Run) -> None:
    import datetime

    from laeringsnettverk.report import EXAMPLE_TODAY, render_report, render_report_example
    from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm

    args = run.args
    if args.example:
        today = _today(args.today, lambda: EXAMPLE_TODAY)
        if args.team is None:
            page = render_report_example(lang=run.lang, today=today)
        else:
            page = _example_team_report(run, today)
    else:
        network = _read_network(run)
        page = render_report(
            network,
            tuple(item.doc for item in _batch(run, args.forms, WhatMattersForm)),
            tuple(item.doc for item in _batch(run, args.checklists, CollaborationChecklist)),
            today=_today(args.today, datetime.date.today),
            lang=run.lang,
            team=args.team,
        )
    if args.output == "-":
        run.emit(page)
        return
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as fh:
            fh.write(page)
    except OSError as exc:
        raise ValidationError.one(
            ("output",), f"cannot be written ({exc.strerror})", args.output
        ) from None


def _example_team_report(run: _Run, today: Any) -> str:
    """One team's report from the example network, with the example's map and series."""
    from laeringsnettverk.examples import load_example, load_example_network
    from laeringsnettverk.report import render_report

    example = load_example_network()
    return render_report(
        example.network,
        example.forms,
        example.checklists,
        today=today,
        lang=run.lang,
        team=run.args.team,
        stakeholder_maps=[load_example("stakeholder_map")],
        series=[load_example("series")],
    )
