"""The argument parser and the usage rules argparse cannot express."""

from __future__ import annotations

import argparse
from typing import cast

from laeringsnettverk._version import __version__
from laeringsnettverk.cli._commands import _add_document_commands
from laeringsnettverk.cli._network_commands import _add_kind_commands, _add_network_commands
from laeringsnettverk.cli._run import JSONL_SUFFIXES
from laeringsnettverk.errors import ValidationError


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``laeringsnettverk`` command (the CLI reference is its help)."""
    parser = argparse.ArgumentParser(
        prog="laeringsnettverk",
        description="Learning networks (læringsnettverk) and the measurement toolkit "
        "«Hva er viktig for deg?» for Norwegian health and care services.",
        epilog="Exit status: 0 ok; 1 bad lines in a JSON Lines batch (or findings with "
        "review --fail-on-findings); 2 invalid usage or input.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_document_commands(sub)
    _add_network_commands(sub)
    _add_kind_commands(sub)
    return parser


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return cast("argparse.ArgumentParser", action.choices[name])
    raise AssertionError(name)  # pragma: no cover - build_parser always adds them


def _check_usage(args: argparse.Namespace, command: argparse.ArgumentParser) -> None:
    """Usage rules argparse cannot express; ``command.error`` exits 2 with the usage."""
    files = list(getattr(args, "files", None) or [])
    given = [p for p in (getattr(args, "file", None),) if p is not None]
    extra = [getattr(args, "forms", None), getattr(args, "checklists", None)]
    paths = files + given + [p for p in extra if p is not None]
    if paths.count("-") > 1:
        command.error("standard input ('-') can be read only once: give files for the others")
    if "example" in args:
        if args.example and (files or given or any(p is not None for p in extra)):
            command.error(
                "--example uses the shipped example: give no FILE"
                + (", --forms or --checklists" if "forms" in args else "")
            )
        if not args.example and not (files or given):
            command.error("FILE is required (a path, '-' for standard input, or --example)")
    if args.command == "convert" and args.to == "fhir":
        if args.subject is None:
            command.error(
                "--subject is required with --to fhir: the reference to the person's Patient "
                "in the receiving system, e.g. --subject Patient/123"
            )
        from laeringsnettverk.fhir import Subject

        try:
            Subject.from_reference(args.subject)
        except ValidationError:
            # the value is not shown: it may be an identity number or a name
            command.error(
                "argument --subject: must be Patient/<id>, Group/<id>, an absolute URL to one, "
                "or a urn:uuid: (the value given is not shown)"
            )
        if args.jsonl or args.file.lower().endswith(JSONL_SUFFIXES):
            command.error(
                "--to fhir converts one person's document: a Bundle has one --subject, so "
                "JSON Lines of many documents are refused"
            )
