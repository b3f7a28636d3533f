"""The ``laeringsnettverk`` command line.

- ``score FILE`` scores a form, checklist, KOR or goal document and prints a table
  (``--json`` for machines; ``--example`` scores the shipped examples);
- ``example KIND`` prints a shipped example document;
- ``validate FILE...`` checks documents and lists every problem;
- ``convert FILE`` prints a document in canonical form (``--to fhir``: a FHIR R4
  transaction Bundle);
- ``schema KIND`` prints the JSON Schema of a document kind;
- ``status FILE`` prints where each team of a learning network stands, and ``review
  FILE`` the network's findings (``--example`` for the shipped example network).

Every command reads ``-`` as standard input. Files are UTF-8 (a leading byte order
mark is allowed); a file that is not, like any bad input, gets a one-line error and exit
status 2, never a traceback. ``validate`` and ``score`` go on with the next file after a
bad one. Output the console's encoding cannot show is replaced (``?``), not a crash.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from laeringsnettverk._version import __version__
from laeringsnettverk.errors import LaeringsnettverkError, ValidationError
from laeringsnettverk.scoring import round_half_up

__all__ = ["main"]

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{round_half_up(value):.1f}"


def _read(path: str, stdin: TextIO) -> Any:
    from laeringsnettverk.serialization import loads

    return loads(_read_text(path, stdin))


def score_summary(doc: object) -> dict[str, Any]:
    """The numbers of a scored document, for machines (what ``score --json`` prints)."""
    from laeringsnettverk.toolkit import CollaborationChecklist, KorRatings, WhatMattersForm

    if isinstance(doc, WhatMattersForm):
        out: dict[str, Any] = {
            "kind": "form",
            "identifier": doc.identifier,
            "means": list(doc.means()),
        }
        if len(doc.conversations) >= 2:
            b = doc.benefit()
            out.update(
                benefit=b.value,
                paired=b.paired,
                improved=b.improved,
                important_change=b.important,
                minimal_important_change=b.minimal_important_change,
            )
        else:
            out.update(
                benefit=None,
                paired=0,
                improved=None,
                important_change=None,
                minimal_important_change=None,
            )
        return out
    if isinstance(doc, CollaborationChecklist):
        return {
            "kind": "checklist",
            "identifier": doc.identifier,
            "points": doc.points,
            "max_points": doc.max_points,
            "fidelity": doc.fidelity(),
            "percent": doc.percent(),
        }
    if isinstance(doc, KorRatings):
        change = (
            doc.ors_change()
            if len(doc.sessions) >= 2 and all(s.ors for s in (doc.sessions[0], doc.sessions[-1]))
            else None
        )
        return {
            "kind": "kor",
            "identifier": doc.identifier,
            "ors_totals": list(doc.ors_totals()),
            "srs_totals": list(doc.srs_totals()),
            "ors_change": None if change is None else change.change,
            "reliable_change": None if change is None else change.reliable,
        }
    from laeringsnettverk.goals import SmartGoal, assess_smart

    if isinstance(doc, SmartGoal):
        assessment = assess_smart(doc)
        return {
            "kind": "goal",
            "identifier": doc.identifier,
            "met": assessment.met,
            "letters": assessment.letters(),
            "criteria": {r.criterion.letter: r.passed for r in assessment.results},
        }
    from laeringsnettverk.serialization import kind_of

    raise ValidationError.one(
        ("kind",),
        "cannot be scored; expected a form, checklist, kor or goal document",
        kind_of(doc),
    ).as_json()


def _table_form(doc: Any, out: TextIO) -> None:
    n = len(doc.conversations)
    width = max([len("Gjennomsnitt (mean)"), *(len(a) for a in doc.activity_names)]) + 2
    heads = [f"{i}. samtale" for i in range(1, n + 1)]
    out.write("«Hva er viktig for meg»-skjema (what matters to me form)")
    out.write(f": {doc.identifier}\n" if doc.identifier else "\n")
    s = doc.scale
    out.write(
        f"Skala (scale) {s.minimum}–{s.maximum}, "
        f"{'høyere' if s.higher_is_better else 'lavere'} er bedre "
        f"({'higher' if s.higher_is_better else 'lower'} is better)\n\n"
    )
    out.write("Aktivitet (activity)".ljust(width) + "".join(h.rjust(12) for h in heads) + "\n")
    for name in doc.activity_names:
        cells = [str(c.scores[name]) if name in c.scores else "–" for c in doc.conversations]
        out.write(name.ljust(width) + "".join(c.rjust(12) for c in cells) + "\n")
    out.write(
        "Gjennomsnitt (mean)".ljust(width)
        + "".join(_fmt(m).rjust(12) for m in doc.means())
        + "\n\n"
    )
    if n >= 2:
        b = doc.benefit()
        out.write(str(b) + "\n")
        if b.value is not None:
            verdict = "nådd (reached)" if b.important else "ikke nådd (not reached)"
            out.write(
                f"Minste viktige endring (minimal important change) "
                f"{b.minimal_important_change:.1f}: {verdict}\n"
            )
    else:
        out.write("Opplevd nytte (perceived benefit): needs a 2nd conversation\n")


def _table_checklist(doc: Any, out: TextIO) -> None:
    out.write("Sjekkliste for samhandling (collaboration checklist)")
    out.write(f": {doc.identifier}\n\n" if doc.identifier else "\n\n")
    for i, item in enumerate(doc.items, 1):
        value = f" [{_fmt(item.value)}]" if item.value is not None else ""
        out.write(f"{i:>3}  {item.status.label:<32} {item.text}{value}\n")
    out.write(
        f"\nProgramoppfyllelse (program fidelity): {doc.points} av (of) "
        f"{doc.max_points} poeng (points) = {doc.percent():.1f} %\n"
    )


def _table_kor(doc: Any, out: TextIO) -> None:
    out.write("KOR (ORS / SRS)")
    out.write(f": {doc.identifier}\n\n" if doc.identifier else "\n\n")
    out.write(f"{'Økt (session)':<16}{'Dato (date)':<14}{'ORS':>8}{'SRS':>8}\n")
    for i, s in enumerate(doc.sessions, 1):
        ors = _fmt(s.ors.total) if s.ors else "–"
        srs = _fmt(s.srs.total) if s.srs else "–"
        flags = []
        if s.ors and s.ors.clinical:
            flags.append("ORS < 25: klinisk område (clinical range)")
        if s.srs and s.srs.alliance_warning:
            flags.append("SRS < 36: sjekk alliansen (check the alliance)")
        out.write(f"{i:<16}{s.date.isoformat():<14}{ors:>8}{srs:>8}  {'; '.join(flags)}\n")
    summary = score_summary(doc)
    if summary["ors_change"] is not None:
        verdict = (
            "pålitelig (reliable)"
            if summary["reliable_change"]
            else "ikke pålitelig (not reliable)"
        )
        out.write(f"\nEndring i ORS (ORS change): {summary['ors_change']:+.1f}: {verdict}\n")


def _print_table(doc: object, out: TextIO) -> None:
    from laeringsnettverk.goals import SmartGoal, assess_smart
    from laeringsnettverk.toolkit import CollaborationChecklist, KorRatings, WhatMattersForm

    if isinstance(doc, WhatMattersForm):
        _table_form(doc, out)
    elif isinstance(doc, CollaborationChecklist):
        _table_checklist(doc, out)
    elif isinstance(doc, KorRatings):
        _table_kor(doc, out)
    elif isinstance(doc, SmartGoal):
        out.write(str(assess_smart(doc)) + "\n")
    else:
        score_summary(doc)  # raises the validation error for other kinds


def _cmd_score(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from laeringsnettverk.examples import load_example

    docs: list[tuple[str, object]]
    if args.example:
        docs = [("example", load_example("form")), ("example", load_example("checklist"))]
    elif not args.files:
        raise ValidationError.one(
            ("file",), "is required (a path, '-' for standard input, or --example)"
        )
    else:
        docs = [(path, None) for path in args.files]
    status = EXIT_OK
    summaries: list[dict[str, Any]] = []
    printed = 0
    for path, given in docs:
        # each file on its own: a bad one is reported, and the others are still scored
        try:
            doc = _read(path, stdin) if given is None else given
            if args.json:
                summaries.append(score_summary(doc))
                continue
            table = io.StringIO()
            _print_table(doc, table)
        except LaeringsnettverkError as exc:
            status = EXIT_BAD_INPUT
            _report(args, path, exc)
            continue
        if printed:
            out.write("\n" + "─" * 60 + "\n\n")
        out.write(table.getvalue())
        printed += 1
    if summaries:
        one = len(docs) == 1
        out.write(
            json.dumps(summaries[0] if one else summaries, ensure_ascii=False, indent=2) + "\n"
        )
    return status


def _report(args: argparse.Namespace, path: str, exc: LaeringsnettverkError) -> None:
    """Report one file's error on standard error (the command goes on with the next)."""
    name = "<stdin>" if path == "-" else path
    args.stderr.write(f"laeringsnettverk: error: {name}: {exc}\n")


def _read_text(path: str, stdin: TextIO) -> str:
    """A file's text: UTF-8 (a leading byte order mark is dropped), else a ValidationError."""
    if path == "-":
        buffer = getattr(stdin, "buffer", None)
        if buffer is None:  # a text stream without bytes underneath (io.StringIO)
            return stdin.read()
        data: bytes = buffer.read()
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise ValidationError.one(("file",), f"cannot be read ({exc.strerror})", path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError.one(
            ("file",), f"is not UTF-8 text (a bad byte at {exc.start}); save it as UTF-8", path
        ) from None


def _cmd_example(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from laeringsnettverk.examples import example_text

    out.write(example_text(args.kind))
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from laeringsnettverk.serialization import kind_of, loads

    status = EXIT_OK
    for path in args.files:
        name = "<stdin>" if path == "-" else path
        try:
            doc = loads(_read_text(path, stdin))
        except ValidationError as exc:
            status = EXIT_BAD_INPUT
            out.write(f"{name}: invalid ({exc.count} problem{'' if exc.count == 1 else 's'})\n")
            for problem in exc.problems:
                out.write(f"  {problem.render('json')}\n")
            if exc.omitted:
                out.write(f"  … and {exc.omitted} more problems\n")
        else:
            out.write(f"{name}: ok ({kind_of(doc)})\n")
    return status


def _cmd_convert(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from laeringsnettverk.serialization import dumps, loads

    doc = loads(_read_text(args.file, stdin))
    if args.to == "json":
        out.write(dumps(doc) + "\n")
        return EXIT_OK
    out.write(json.dumps(_fhir_bundle(doc, args), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _fhir_bundle(doc: object, args: argparse.Namespace) -> dict[str, Any]:
    from laeringsnettverk.fhir import DEFAULT_BASE_URL, Subject, bundle
    from laeringsnettverk.goals import SmartGoal
    from laeringsnettverk.serialization import kind_of
    from laeringsnettverk.toolkit import (
        ActionPlan,
        CollaborationChecklist,
        KorRatings,
        WhatMattersForm,
    )

    subject = Subject.from_reference(args.subject)
    base_url = args.base_url or DEFAULT_BASE_URL
    method = args.method
    with_questionnaires = not args.no_questionnaires
    if isinstance(doc, WhatMattersForm):
        return bundle(subject, form=doc, method=method, base_url=base_url)
    if isinstance(doc, CollaborationChecklist):
        return bundle(
            subject,
            checklist=doc,
            method=method,
            base_url=base_url,
            questionnaires=with_questionnaires,
        )
    if isinstance(doc, KorRatings):
        return bundle(
            subject, kor=doc, method=method, base_url=base_url, questionnaires=with_questionnaires
        )
    if isinstance(doc, ActionPlan):
        return bundle(subject, plan=doc, method=method, base_url=base_url)
    if isinstance(doc, SmartGoal):
        return bundle(subject, goals=[doc], method=method, base_url=base_url)
    raise ValidationError.one(
        ("kind",),
        "has no FHIR mapping; expected a form, checklist, kor, plan or goal document",
        kind_of(doc),
    )


def _cmd_schema(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from laeringsnettverk.serialization import json_schema

    out.write(json.dumps(json_schema(args.kind), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _read_network(
    args: argparse.Namespace, stdin: TextIO
) -> tuple[Any, tuple[Any, ...], tuple[Any, ...]]:
    """The network, its forms and its checklists, from files or the shipped example."""
    from laeringsnettverk.network import LearningNetwork, load_example_network
    from laeringsnettverk.serialization import load_jsonl, loads
    from laeringsnettverk.toolkit import CollaborationChecklist, WhatMattersForm

    if args.example:
        example = load_example_network()
        return example.network, example.forms, example.checklists
    if args.file is None:
        raise ValidationError.one(
            ("file",), "is required (a network document, '-' for standard input, or --example)"
        )
    network = loads(_read_text(args.file, stdin), LearningNetwork)
    batches: list[tuple[Any, ...]] = []
    for path, cls in ((args.forms, WhatMattersForm), (args.checklists, CollaborationChecklist)):
        if path is None:
            batches.append(())
            continue
        result = load_jsonl(_read_text(path, stdin), cls)
        if result.errors:
            name = "<stdin>" if path == "-" else path
            raise LaeringsnettverkError(
                "invalid lines\n" + "\n".join(f"  {name}: {e}" for e in result.errors)
            )
        batches.append(tuple(document for _, document in result.loaded))
    return network, batches[0], batches[1]


def _cmd_status(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from laeringsnettverk.network import network_status

    network, forms, checklists = _read_network(args, stdin)
    out.write(str(network_status(network, forms=forms, checklists=checklists)) + "\n")
    return EXIT_OK


def _cmd_review(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    import datetime

    from laeringsnettverk.network import review_network

    network, _, _ = _read_network(args, stdin)
    try:
        today = datetime.date.fromisoformat(args.today) if args.today else datetime.date.today()
    except ValueError:
        raise ValidationError.one(
            ("today",), "must be an ISO 8601 date YYYY-MM-DD", args.today
        ) from None
    findings = review_network(network, today=today)
    if args.json:
        rows = [
            {
                "severity": f.severity.code,
                "code": f.code,
                "concerns": f.concerns,
                "message_nb": f.message_nb,
                "message_en": f.message_en,
            }
            for f in findings
        ]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif not findings:
        out.write("Ingen funn (no findings)\n")
    else:
        for finding in findings:
            out.write(f"{finding}\n")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``laeringsnettverk`` command."""
    parser = argparse.ArgumentParser(
        prog="laeringsnettverk",
        description="Learning networks (læringsnettverk) and the measurement toolkit "
        "«Hva er viktig for deg?» for Norwegian health and care services.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    score = sub.add_parser(
        "score",
        help="score a form, checklist, KOR or goal document",
        description="Score «Hva er viktig for meg»-forms (means, perceived benefit), "
        "collaboration checklists (program fidelity), KOR ratings (ORS/SRS totals) or SMART "
        "goals (the six SMARTE criteria).",
    )
    score.add_argument(
        "files", nargs="*", metavar="FILE", help="a JSON document; '-' reads standard input"
    )
    score.add_argument(
        "--example",
        action="store_true",
        help="score the example form and checklist shipped in the package",
    )
    score.add_argument("--json", action="store_true", help="print the numbers as JSON")
    score.set_defaults(handler=_cmd_score)

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

    validate = sub.add_parser(
        "validate",
        help="check documents; exit 2 listing every problem",
        description="Check versioned JSON documents. Prints 'ok' or every problem with its "
        "JSON path, value and rule; exits 2 if any document is invalid.",
    )
    validate.add_argument(
        "files", nargs="+", metavar="FILE", help="a JSON document; '-' reads standard input"
    )
    validate.set_defaults(handler=_cmd_validate)

    convert = sub.add_parser(
        "convert",
        help="print a document as canonical JSON or a FHIR R4 Bundle",
        description="Read a document and print it as canonical versioned JSON, or (--to fhir) "
        "as a FHIR R4 transaction Bundle for one user (forms, checklists, KOR, plans, goals).",
    )
    convert.add_argument("file", metavar="FILE", help="a JSON document; '-' reads standard input")
    convert.add_argument(
        "--to", choices=["json", "fhir"], default="json", help="the output format (default json)"
    )
    convert.add_argument(
        "--subject",
        default="Patient/example",
        metavar="REF",
        help="--to fhir: the reference to the user's Patient in your system "
        "(default Patient/example)",
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
    convert.set_defaults(handler=_cmd_convert)

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

    for name, handler, text in (
        ("status", _cmd_status, "print where each team of a learning network stands"),
        ("review", _cmd_review, "print a learning network's findings"),
    ):
        command = sub.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        command.add_argument(
            "file",
            nargs="?",
            metavar="FILE",
            help="a network document; '-' reads standard input",
        )
        command.add_argument(
            "--example", action="store_true", help="use the example network shipped in the package"
        )
        if name == "status":
            command.add_argument(
                "--forms", metavar="JSONL", help="the teams' forms, one document per line"
            )
            command.add_argument(
                "--checklists", metavar="JSONL", help="the teams' checklists, one per line"
            )
        else:
            command.add_argument(
                "--today", metavar="DATE", help="the date to review at (default: today)"
            )
            command.add_argument("--json", action="store_true", help="print the findings as JSON")
        command.set_defaults(handler=handler, forms=None, checklists=None)
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input or usage)."""
    out = stdout if stdout is not None else _lenient(sys.stdout)
    err = stderr if stderr is not None else _lenient(sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(out)
        return EXIT_OK
    args.stderr = err
    try:
        code: int = args.handler(args, out, stdin if stdin is not None else sys.stdin)
    except LaeringsnettverkError as exc:
        err.write(f"laeringsnettverk: error: {exc}\n")
        return EXIT_BAD_INPUT
    return code


def _lenient(stream: TextIO) -> TextIO:
    """The console stream, set to replace what its encoding cannot show (``→`` in cp1252).

    A narrow console encoding (Windows' cp1252, ``PYTHONIOENCODING``) would otherwise end
    the command with UnicodeEncodeError half way through its output.
    """
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")
    return stream


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
