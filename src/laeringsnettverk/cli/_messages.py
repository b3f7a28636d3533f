"""What the command says about an input: where it is, its problems, a warning on one line."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from laeringsnettverk.errors import ValidationError

if TYPE_CHECKING:  # _run imports this module
    from laeringsnettverk.cli._run import _Input


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
