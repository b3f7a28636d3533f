"""The run of one command: its streams, language, exit status and count of bad inputs."""

from __future__ import annotations

import argparse
import json
import warnings
from collections.abc import Callable
from typing import Any, NamedTuple, TextIO, TypeVar

from laeringsnettverk._numbers import Lang, fmt_number
from laeringsnettverk.cli._messages import _clean_warning, _where
from laeringsnettverk.errors import LaeringsnettverkWarning, ValidationError

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
