"""The subcommands on a network and on document kinds, and their arguments."""

from __future__ import annotations

import argparse

from laeringsnettverk.cli._arguments import _add_batch, _add_lang
from laeringsnettverk.cli._convert import _cmd_example, _cmd_schema
from laeringsnettverk.cli._review import _cmd_report, _cmd_review
from laeringsnettverk.cli._status import _cmd_status


def _add_network_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for name, handler, text in (
        ("status", _cmd_status, "print where each team of a learning network stands"),
        ("review", _cmd_review, "print a learning network's findings"),
        ("report", _cmd_report, "write the report of a learning network as one HTML file"),
    ):
        command = sub.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        command.add_argument(
            "file", nargs="?", metavar="FILE", help="a network document; '-' reads standard input"
        )
        command.add_argument(
            "--example", action="store_true", help="use the example network shipped in the package"
        )
        if name in ("status", "report"):
            command.add_argument(
                "--forms", metavar="JSONL", help="the teams' forms, JSON Lines (one per line)"
            )
            command.add_argument(
                "--checklists",
                metavar="JSONL",
                help="the teams' checklists, JSON Lines (one per line)",
            )
        if name in ("review", "report"):
            command.add_argument(
                "--today",
                metavar="YYYY-MM-DD",
                help="the date to review at (default: today; for --example of report, the "
                "example's date 2025-12-01)",
            )
        if name == "report":
            command.add_argument(
                "-o",
                "--output",
                metavar="HTML",
                required=True,
                help="the file to write ('-' for standard output)",
            )
            command.add_argument(
                "--team", metavar="ID", help="the report of one team (its identifier)"
            )
        if name in ("status", "review"):
            command.add_argument(
                "--json", action="store_true", help="print the result as one JSON object"
            )
        if name == "review":
            command.add_argument(
                "--fail-on-findings",
                action="store_true",
                help="exit 1 when there are findings",
            )
        _add_lang(command)
        if name != "review":
            _add_batch(command, jsonl=False)
        command.set_defaults(handler=handler)


def _add_kind_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from laeringsnettverk.examples import EXAMPLE_KINDS

    example = sub.add_parser(
        "example",
        help="print a shipped example document",
        description="Print the example document of KIND shipped in the package.",
    )
    example.add_argument(
        "kind", metavar="KIND", choices=EXAMPLE_KINDS, help="one of: " + ", ".join(EXAMPLE_KINDS)
    )
    example.set_defaults(handler=_cmd_example)

    from laeringsnettverk.serialization import DOCUMENT_KINDS

    schema = sub.add_parser(
        "schema",
        help="print the JSON Schema of a document kind",
        description="Print the JSON Schema (draft 2020-12) of a document kind.",
    )
    schema.add_argument(
        "kind", metavar="KIND", choices=DOCUMENT_KINDS, help="one of: " + ", ".join(DOCUMENT_KINDS)
    )
    schema.set_defaults(handler=_cmd_schema)
