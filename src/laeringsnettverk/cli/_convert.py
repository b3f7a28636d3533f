"""The commands ``convert``, ``example`` and ``schema``."""

from __future__ import annotations

import argparse
import json
from functools import partial
from typing import Any

from laeringsnettverk.cli._read import _inputs
from laeringsnettverk.cli._run import _Run
from laeringsnettverk.errors import ValidationError

# -- convert ---------------------------------------------------------------------------------


def _cmd_convert(run: _Run) -> None:
    args = run.args
    for item in _inputs(run, [args.file]):
        error = item.error
        if error is None:
            doc = item.doc
            try:
                text = run.capture(item, partial(_converted, doc, item.line, args))
            except ValidationError as exc:  # no FHIR mapping; a lone surrogate
                error = exc.as_json()
            else:
                run.emit(text + "\n")
                continue
        bad = item._replace(error=error)
        run.report(bad)
        run.failed(bad)


def _converted(doc: object, line: int | None, args: argparse.Namespace) -> str:
    """The document as canonical JSON (one line for JSON Lines) or a FHIR Bundle."""
    from laeringsnettverk.serialization import dumps, dumps_jsonl

    if args.to == "json":
        return dumps(doc) if line is None else dumps_jsonl([doc]).rstrip("\n")
    return json.dumps(_fhir_bundle(doc, args), ensure_ascii=False, indent=2)


def _fhir_bundle(doc: object, args: argparse.Namespace) -> dict[str, Any]:
    from laeringsnettverk.fhir import DEFAULT_BASE_URL, Subject, bundle
    from laeringsnettverk.kinds import KINDS, kind_of

    subject = Subject.from_reference(args.subject)  # checked in _check_usage
    kind = kind_of(doc)
    if kind is None or kind.fhir is None:
        mapped = ", ".join(k.code for k in KINDS if k.fhir is not None)
        raise ValidationError.one(
            ("kind",),
            f"has no FHIR mapping; expected a document of kind {mapped}",
            None if kind is None else kind.code,
        )
    argument: object = [doc] if kind.fhir == "goals" else doc
    return bundle(
        subject,
        method=args.method,
        base_url=args.base_url or DEFAULT_BASE_URL,
        questionnaires=not args.no_questionnaires,
        **{kind.fhir: argument},  # type: ignore[arg-type]
    )


# -- example, schema -------------------------------------------------------------------------


def _cmd_example(run: _Run) -> None:
    from laeringsnettverk.examples import example_text

    run.emit(example_text(run.args.kind))


def _cmd_schema(run: _Run) -> None:
    from laeringsnettverk.serialization import json_schema

    run.emit(json.dumps(json_schema(run.args.kind), ensure_ascii=False, indent=2) + "\n")
