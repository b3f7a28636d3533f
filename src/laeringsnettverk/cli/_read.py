"""Reading FILE arguments: whole documents, or JSON Lines one line at a time."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Any, TextIO, cast

from laeringsnettverk.cli._messages import _name
from laeringsnettverk.cli._run import _Input, _Run
from laeringsnettverk.errors import ValidationError

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
