"""The entry point: :func:`main`."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Sequence
from typing import TextIO

from laeringsnettverk.cli._parser import _check_usage, _subparser, build_parser
from laeringsnettverk.cli._run import EXIT_BAD_INPUT, EXIT_OK, _Run, _StopError
from laeringsnettverk.errors import LaeringsnettverkError

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
