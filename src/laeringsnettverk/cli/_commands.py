"""The subcommands and their arguments (their help is the CLI reference)."""

from __future__ import annotations

import argparse

from laeringsnettverk.cli._convert import _cmd_convert, _cmd_example, _cmd_schema
from laeringsnettverk.cli._documents import _cmd_score, _cmd_validate
from laeringsnettverk.cli._review import _cmd_report, _cmd_review
from laeringsnettverk.cli._status import _cmd_status

# -- the parser ------------------------------------------------------------------------------


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1, not {text!r}")
    return value


def _add_lang(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--lang",
        choices=["nb", "en"],
        default="nb",
        help="the language of text for people: nb (Norwegian, the default) or en (English)",
    )


def _add_batch(command: argparse.ArgumentParser, *, jsonl: bool = True) -> None:
    if jsonl:
        command.add_argument(
            "--jsonl",
            action="store_true",
            help="read every FILE as JSON Lines, one document per line (the only way for '-'; "
            "files ending in .jsonl or .ndjson are read so anyway)",
        )
    command.add_argument(
        "--max-errors",
        type=_positive,
        metavar="N",
        help="stop after N bad lines or documents (default: read everything)",
    )


def _add_document_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    score = sub.add_parser(
        "score",
        help="score forms, checklists, KOR ratings or goals",
        description="Score «Hva er viktig for meg»-forms (means, perceived benefit), "
        "collaboration checklists (program fidelity), KOR ratings (ORS/SRS totals) or SMART "
        "goals (the six SMARTE criteria): one document per FILE, or many in JSON Lines.",
    )
    score.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a JSON document or JSON Lines; '-' reads standard input",
    )
    score.add_argument(
        "--example",
        action="store_true",
        help="score the example form and checklist shipped in the package",
    )
    score.add_argument(
        "--json",
        action="store_true",
        help="print JSON Lines: one object per document read, bad ones included (ok: false)",
    )
    _add_lang(score)
    _add_batch(score)
    score.set_defaults(handler=_cmd_score)

    validate = sub.add_parser(
        "validate",
        help="check documents and list every problem",
        description="Check versioned JSON documents: print 'ok' or every problem with its "
        "JSON path, value and rule. A JSON Lines file gets each bad line and a count.",
    )
    validate.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a JSON document or JSON Lines; '-' reads standard input",
    )
    validate.add_argument(
        "--json",
        action="store_true",
        help="print JSON Lines: one object per document read (file, line, ok, kind, problems)",
    )
    _add_batch(validate)
    validate.set_defaults(handler=_cmd_validate)

    convert = sub.add_parser(
        "convert",
        help="print documents as canonical JSON or a FHIR R4 Bundle",
        description="Read a document and print it as canonical versioned JSON (JSON Lines in, "
        "JSON Lines out), or (--to fhir) as a FHIR R4 transaction Bundle for one person "
        "(forms, checklists, KOR, plans, goals; one document, not JSON Lines).",
    )
    convert.add_argument(
        "file", metavar="FILE", help="a JSON document or JSON Lines; '-' reads standard input"
    )
    convert.add_argument(
        "--to", choices=["json", "fhir"], default="json", help="the output format (default json)"
    )
    convert.add_argument(
        "--subject",
        metavar="REF",
        help="--to fhir, required: the reference to the person's Patient in the receiving "
        "system (Patient/<id>, Group/<id>, an absolute URL to one, or a urn:uuid:)",
    )
    convert.add_argument(
        "--base-url",
        metavar="URL",
        help="--to fhir: the canonical base URL of the code systems and identifiers",
    )
    convert.add_argument(
        "--method",
        choices=["POST", "PUT"],
        default="POST",
        help="--to fhir: create (POST, default) or update by the documents' identifiers (PUT)",
    )
    convert.add_argument(
        "--no-questionnaires",
        action="store_true",
        help="--to fhir: leave out the checklist's and the KOR Questionnaire (when your server "
        "already has them)",
    )
    _add_batch(convert)
    convert.set_defaults(handler=_cmd_convert)


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
