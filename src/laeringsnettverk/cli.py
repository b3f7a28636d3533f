"""The ``laeringsnettverk`` command line (also ``python -m laeringsnettverk``).

- ``score FILE...`` scores forms, checklists, KOR ratings and goals and prints their
  numbers (:func:`laeringsnettverk.summary.summarize`; ``--example`` scores the shipped
  examples);
- ``validate FILE...`` checks documents and lists every problem;
- ``convert FILE`` prints documents in canonical form (``--to fhir``: a FHIR R4
  transaction Bundle, for one person: ``--subject`` is required);
- ``status FILE`` prints where each team of a learning network stands, ``review FILE``
  the network's findings, and ``report FILE -o report.html`` writes the self-contained
  HTML report (``--example`` for the shipped example network);
- ``example KIND`` prints a shipped example document; ``schema KIND`` the JSON Schema of
  a document kind.

**Input.** Every FILE may be ``-`` for standard input, which is read once: a command that
names ``-`` twice (``status - --forms -``) is refused. Files are UTF-8 (a leading byte
order mark is allowed). A FILE is read as **JSON Lines** (one document per line) when its
name ends in ``.jsonl`` or ``.ndjson``, or when ``--jsonl`` is given (which applies to
every FILE of the command, and is the only way to read JSON Lines from ``-``); otherwise
it is one JSON document. ``status --forms``/``--checklists`` and ``report
--forms``/``--checklists`` are always JSON Lines. JSON Lines are read line by line,
never whole, so memory stays flat however long the batch: each bad line is reported with
its number (``FILE: line N: $.path: rule``) and the command goes on with the next;
``--max-errors N`` stops after N bad lines or documents. When standard error is a
terminal and a batch passes 10,000 lines, a counter of the lines read is shown there.

**Output.** Text for people is Norwegian by default, with the Norwegian number format
(``2,0`` and ``80 %``); ``--lang en`` for English. ``--json`` prints JSON Lines
whatever the number of inputs: one compact JSON object per line, per document read
(``score``, ``validate``), or one object for the command's one result (``status``,
``review``); numbers in JSON are plain JSON numbers at full precision. ``convert``,
``example`` and ``schema`` always print JSON. Warnings are one line on standard error,
``advarsel: FILE: …`` (``warning:`` with ``--lang en``); errors are one line (or one line
and the problems indented below it) and never a traceback. Output the console's encoding
cannot show is replaced (``?``), not a crash.

**Exit status**:

| status | meaning |
|---|---|
| 0 | everything read was good (and, for ``review --fail-on-findings``, no findings) |
| 1 | the command ran to the end but found something: bad lines in a JSON Lines batch (each reported; the good lines were used), or findings with ``review --fail-on-findings`` |
| 2 | invalid usage (an unknown option, a missing ``--subject``, ``-`` twice), or invalid input: a file that cannot be read or is not UTF-8, or a JSON document that is invalid |

``--max-errors`` stopping a batch early exits 1 (2 if a whole document or file was bad).
"""  # noqa: E501

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from functools import partial
from typing import Any, NamedTuple, TextIO, TypeVar, cast

from laeringsnettverk._numbers import Lang, fmt_number, fmt_percent
from laeringsnettverk._version import __version__
from laeringsnettverk.errors import LaeringsnettverkError, LaeringsnettverkWarning, ValidationError

__all__ = ["EXIT_BAD_INPUT", "EXIT_FINDINGS", "EXIT_OK", "build_parser", "main"]

EXIT_OK = 0
"""Exit status: everything read was good."""
EXIT_FINDINGS = 1
"""Exit status: bad lines in a batch, or findings with ``review --fail-on-findings``."""
EXIT_BAD_INPUT = 2
"""Exit status: invalid usage, or input that could not be used at all."""

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PROGRESS_FROM = 10_000
"""Show the counter once a batch passes this many lines (the library's choice)."""
PROGRESS_EVERY = 1_000
RULE = "─" * 60

T = TypeVar("T")


# -- the run: streams, language, exit status, counting bad inputs -----------------------------


class _StopError(Exception):
    """``--max-errors`` was reached."""


class _Input(NamedTuple):
    """One document read, or why it could not be: ``line`` is None for a whole file."""

    name: str
    line: int | None
    doc: Any
    error: ValidationError | None


class _Progress:
    """A counter of lines read, updated in place, on a terminal, for large batches only."""

    def __init__(self, stream: TextIO, lang: Lang, *, enabled: bool) -> None:
        self.stream = stream
        self.lang = lang
        self.enabled = enabled
        self.count = 0
        self.shown = False

    def _text(self) -> str:
        word = "linjer lest" if self.lang == "nb" else "lines read"
        return f"laeringsnettverk: {fmt_number(self.count, 0, self.lang)} {word}"

    def tick(self) -> None:
        self.count += 1
        if self.enabled and self.count >= PROGRESS_FROM and self.count % PROGRESS_EVERY == 0:
            self.stream.write("\r" + self._text())
            self.stream.flush()
            self.shown = True

    def clear(self) -> None:
        """Clear the counter's line before another message is written."""
        if self.shown:
            self.stream.write("\r" + " " * len(self._text()) + "\r")
            self.stream.flush()
            self.shown = False

    def done(self) -> None:
        """Leave the final count on its own line."""
        if self.shown:
            self.stream.write("\r" + self._text() + "\n")
            self.shown = False


class _Run:
    """What a command works with: its arguments, streams, language and exit status."""

    def __init__(self, args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> None:
        self.args = args
        self.out = out
        self.err = err
        self.stdin = stdin
        self.lang: Lang = getattr(args, "lang", "nb")
        self.max_errors: int | None = getattr(args, "max_errors", None)
        self.status = EXIT_OK
        self.bad = 0
        self.progress = _Progress(err, self.lang, enabled=_isatty(err))
        self.out_is_terminal = _isatty(out)

    def say(self, text: str) -> None:
        """One message on standard error."""
        self.progress.clear()
        self.err.write(text + "\n")

    def report(self, item: _Input) -> None:
        """An input's error on standard error: ``laeringsnettverk: error: FILE: line N: …``."""
        self.say(f"laeringsnettverk: error: {_where(item)}: {item.error}")

    def failed(self, item: _Input) -> None:
        """Count a bad input (after it was reported); stop at ``--max-errors``."""
        self.status = max(self.status, EXIT_BAD_INPUT if item.line is None else EXIT_FINDINGS)
        self.bad += 1
        if self.max_errors is not None and self.bad >= self.max_errors:
            raise _StopError

    def warn(self, item: _Input, message: str) -> None:
        """A warning: ``advarsel: FILE: line N: message`` (``warning:`` in English)."""
        word = "advarsel" if self.lang == "nb" else "warning"
        self.say(f"{word}: {_where(item)}: {_clean_warning(message)}")

    def capture(self, item: _Input, work: Callable[[], T]) -> T:
        """Run ``work`` for one document; print its library warnings as one-line warnings."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", LaeringsnettverkWarning)
            result = work()
        for warning in caught:
            self.warn(item, str(warning.message))
        return result

    def is_jsonl(self, path: str) -> bool:
        """The documented rule: ``--jsonl``, or a name ending in .jsonl or .ndjson."""
        return bool(getattr(self.args, "jsonl", False)) or path.lower().endswith(JSONL_SUFFIXES)

    def emit(self, text: str) -> None:
        """Output; on a terminal shared with the counter, the counter's line is cleared first."""
        if self.out_is_terminal:
            self.progress.clear()
        self.out.write(text)

    def json_line(self, record: dict[str, Any]) -> None:
        """One compact JSON object on its own line."""
        self.emit(json.dumps(record, ensure_ascii=False) + "\n")


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty()) if callable(isatty) else False


def _name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _where(item: _Input) -> str:
    return item.name if item.line is None else f"{item.name}: line {item.line}"


_SILENCE = re.compile(
    r",? or silence (?:this|it) with warnings\.filterwarnings\([^)]*\)"
    r"|\s*Silence (?:this|it) with warnings\.filterwarnings\([^)]*\)\.?",
    re.I,
)


def _clean_warning(message: str) -> str:
    """The warning as one line, without the Python advice on silencing it."""
    return " ".join(_SILENCE.sub("", message).split())


def _problems(error: ValidationError | None) -> tuple[list[dict[str, Any]], int]:
    """An error's problems for a machine, and how many more were only counted."""
    if error is None:
        return [], 0
    return list(error.to_dicts()), error.omitted


# -- reading ---------------------------------------------------------------------------------


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
            raise _unreadable(path, exc) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError.one(
            ("file",), f"is not UTF-8 text (a bad byte at {exc.start}); save it as UTF-8", path
        ) from None


def _unreadable(path: str, exc: OSError) -> ValidationError:
    return ValidationError.one(("file",), f"cannot be read ({exc.strerror})", path)


def _inputs(
    run: _Run, paths: Iterable[str], cls: type[Any] | None = None, *, jsonl: bool | None = None
) -> Iterator[_Input]:
    """Every document of ``paths``, one at a time; a JSON Lines file line by line."""
    from laeringsnettverk.serialization import loads

    for path in paths:
        name = _name(path)
        if jsonl if jsonl is not None else run.is_jsonl(path):
            yield from _jsonl_inputs(run, path, name, cls)
            continue
        try:
            text = _read_text(path, run.stdin)
            doc = loads(text) if cls is None else loads(text, cls)
        except ValidationError as exc:
            yield _Input(name, None, None, exc)
        else:
            yield _Input(name, None, doc, None)


def _jsonl_inputs(run: _Run, path: str, name: str, cls: type[Any] | None) -> Iterator[_Input]:
    """The documents of one JSON Lines file or stream, read and loaded one line at a time."""
    if path != "-":
        try:
            stream: Any = open(path, "rb")  # noqa: SIM115 - closed below, also on early stop
        except OSError as exc:
            yield _Input(name, None, None, _unreadable(path, exc))
            return
    else:
        # the bytes under standard input; a text stream without them (io.StringIO) as it is
        stream = contextlib.nullcontext(getattr(run.stdin, "buffer", run.stdin))
    with stream as lines:
        yield from _jsonl_lines(run, name, lines, cls)


def _jsonl_lines(
    run: _Run, name: str, lines: Iterable[str | bytes], cls: type[Any] | None
) -> Iterator[_Input]:
    from laeringsnettverk.serialization import load_jsonl

    for number, raw in enumerate(lines, 1):
        run.progress.tick()
        # load_jsonl reads each line exactly as it reads a whole file (a byte order mark is
        # skipped only on the first line: later lines go in as its 2nd, after a blank 1st)
        one = cast("Iterable[bytes]", (raw,) if number == 1 else (raw[:0], raw))
        result = load_jsonl(one) if cls is None else load_jsonl(one, cls)
        if result.loaded:
            yield _Input(name, number, result.loaded[0][1], None)
        elif result.errors:
            yield _Input(name, number, None, result.errors[0].error)


# -- score -----------------------------------------------------------------------------------


def _unpaired_message(summary: Any, lang: Lang) -> str:
    if lang == "nb":
        return (
            f"samtale 1 og 2 scoret ulike aktiviteter: {summary.unpaired} scoret ved bare én "
            f"av dem er utelatt fra opplevd nytte ({summary.paired} parvise)"
        )
    return (
        f"conversations 1 and 2 scored different activities: {summary.unpaired} scored at "
        f"only one of them are left out of the benefit ({summary.paired} paired)"
    )


def _cmd_score(run: _Run) -> None:
    from laeringsnettverk.summary import SUMMARY_KEYS, summarize

    args = run.args
    inputs: Iterable[_Input]
    if args.example:
        from laeringsnettverk.examples import load_example

        inputs = [
            _Input(f"example:{kind}", None, load_example(kind), None)
            for kind in ("form", "checklist")
        ]
    else:
        inputs = _inputs(run, args.files)
    printed = 0
    for item in inputs:
        summary, error = None, item.error
        if error is None:
            doc = item.doc
            try:
                summary = run.capture(item, partial(summarize, doc))
            except ValidationError as exc:  # a kind that has no score
                error = exc.as_json()
        if args.json:
            problems, omitted = _problems(error)
            numbers = summary.to_dict() if summary is not None else dict.fromkeys(SUMMARY_KEYS)
            run.json_line(
                {
                    "file": item.name,
                    "line": item.line,
                    "ok": summary is not None,
                    "problems": problems,
                    "omitted": omitted,
                    **numbers,
                }
            )
        if summary is None:
            bad = item._replace(error=error)
            run.report(bad)
            run.failed(bad)
            continue
        if summary.unpaired:
            run.warn(item, _unpaired_message(summary, run.lang))
        if args.json:
            continue
        if printed:
            run.emit("\n" + RULE + "\n\n")
        if item.line is not None:
            word = "linje" if run.lang == "nb" else "line"
            run.emit(f"{item.name}: {word} {item.line}\n")
        run.emit(summary.format(run.lang) + "\n")
        printed += 1


# -- validate --------------------------------------------------------------------------------


def _cmd_validate(run: _Run) -> None:
    from laeringsnettverk.serialization import kind_of

    args = run.args
    for path in args.files:
        jsonl = run.is_jsonl(path)
        good = bad = 0
        whole_file_bad = False
        for item in _inputs(run, [path], jsonl=jsonl):
            kind = None if item.error is not None else kind_of(item.doc)
            if args.json:
                problems, omitted = _problems(item.error)
                run.json_line(
                    {
                        "file": item.name,
                        "line": item.line,
                        "ok": item.error is None,
                        "kind": kind,
                        "problems": problems,
                        "omitted": omitted,
                    }
                )
            if item.error is None:
                good += 1
                if not jsonl and not args.json:
                    run.emit(f"{item.name}: ok ({kind})\n")
                continue
            bad += 1
            whole_file_bad = item.line is None
            if not args.json:
                run.emit(_invalid_text(item))
            run.failed(item)
        if jsonl and not args.json and not whole_file_bad:
            run.emit(
                f"{_name(path)}: {good} ok, {bad} invalid "
                f"({good + bad} document{'' if good + bad == 1 else 's'})\n"
            )


def _invalid_text(item: _Input) -> str:
    """A bad document (``FILE: invalid (n problems)`` and the problems) or line."""
    if item.line is not None:
        return f"{item.name}: line {item.line}: {item.error}\n"
    error = cast("ValidationError", item.error)
    lines = [f"{item.name}: invalid ({error.count} problem{'' if error.count == 1 else 's'})"]
    lines += [f"  {problem.render('json')}" for problem in error.problems]
    if error.omitted:
        lines.append(f"  … and {error.omitted} more problems")
    return "\n".join(lines) + "\n"


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
    from laeringsnettverk.goals import SmartGoal
    from laeringsnettverk.serialization import kind_of
    from laeringsnettverk.toolkit import (
        ActionPlan,
        CollaborationChecklist,
        KorRatings,
        WhatMattersForm,
    )

    subject = Subject.from_reference(args.subject)  # checked in _check_usage
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


# -- example, schema -------------------------------------------------------------------------


def _cmd_example(run: _Run) -> None:
    from laeringsnettverk.examples import example_text

    run.emit(example_text(run.args.kind))


def _cmd_schema(run: _Run) -> None:
    from laeringsnettverk.serialization import json_schema

    run.emit(json.dumps(json_schema(run.args.kind), ensure_ascii=False, indent=2) + "\n")


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
    from laeringsnettverk.network import load_example_network, network_status

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


def _cmd_review(run: _Run) -> None:
    import datetime

    from laeringsnettverk.network import load_example_network, review_network

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
    from laeringsnettverk.examples import load_example
    from laeringsnettverk.network import load_example_network
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


# -- main ------------------------------------------------------------------------------------


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command line; returns the exit status (0 ok, 1 bad lines or findings, 2 bad).

    ``stdout``, ``stderr`` and ``stdin`` replace the process's streams (for tests and
    services); usage and help go to them too.
    """
    out = stdout if stdout is not None else _lenient(sys.stdout)
    err = stderr if stderr is not None else _lenient(sys.stderr)
    parser = build_parser()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            args = parser.parse_args(argv)
            if args.command is not None:
                _check_usage(args, _subparser(parser, args.command))
        except SystemExit as exc:
            return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    if args.command is None:
        parser.print_help(out)
        return EXIT_OK
    run = _Run(args, out, err, stdin if stdin is not None else sys.stdin)
    try:
        args.handler(run)
    except _StopError:
        run.say(
            f"laeringsnettverk: stopped after {run.bad} bad lines or documents "
            f"(--max-errors {run.max_errors})"
        )
    except LaeringsnettverkError as exc:
        run.say(f"laeringsnettverk: error: {exc}")
        return EXIT_BAD_INPUT
    finally:
        run.progress.done()
    return run.status


def _lenient(stream: TextIO) -> TextIO:
    """The console stream, set to replace what its encoding cannot show (``→`` in cp1252).

    A narrow console encoding (Windows' cp1252, ``PYTHONIOENCODING``) would otherwise end
    the command with UnicodeEncodeError half way through its output.
    """
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")
    return stream


if __name__ == "__main__":
    raise SystemExit(main())
