"""The commands on documents: ``score`` and ``validate``."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any, cast

from laeringsnettverk._numbers import Lang
from laeringsnettverk.cli._messages import _name, _problems
from laeringsnettverk.cli._read import _inputs
from laeringsnettverk.cli._run import RULE, _Input, _Run
from laeringsnettverk.errors import ValidationError

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
