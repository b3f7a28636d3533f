"""The subcommands on documents and their arguments (their help is the CLI reference)."""

from __future__ import annotations

import argparse

from laeringsnettverk.cli._arguments import _add_batch, _add_lang
from laeringsnettverk.cli._convert import _cmd_convert
from laeringsnettverk.cli._documents import _cmd_score, _cmd_validate


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
        help="--to fhir: leave out the Questionnaires the library publishes (the form's, the "
        "checklist's, KOR's) when your server already has them",
    )
    _add_batch(convert)
    convert.set_defaults(handler=_cmd_convert)
