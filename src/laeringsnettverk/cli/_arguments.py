"""Arguments several subcommands share: ``--lang``, ``--jsonl``, ``--max-errors``."""

from __future__ import annotations

import argparse

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
