"""Example documents shipped inside the package.

The form is the source document's worked example (1 + 4 + 1 + 2 → mean 2.0; the
2nd conversation's mean 5.0; benefit 3.0); the 2nd conversation's per-activity scores
(4, 6, 5, 5) are made up, since the source gives only their mean. The checklist scores
8 of 10 points (80 %); which items are done is made up. Names and dates are made up.

```pycon
>>> from laeringsnettverk.examples import load_example
>>> form = load_example("form")
>>> form.means()
(2.0, 5.0)

```
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.kinds import KINDS

__all__ = ["EXAMPLE_KINDS", "example_text", "load_example"]

EXAMPLE_KINDS: tuple[str, ...] = tuple(k.code for k in KINDS if k.example)
"""The document kinds that have a shipped example."""


def example_text(kind: str) -> str:
    """The shipped example document of ``kind`` as JSON text."""
    if kind not in EXAMPLE_KINDS:
        raise ValidationError.one(
            ("kind",), "has no shipped example; expected one of " + ", ".join(EXAMPLE_KINDS), kind
        )
    return (
        resources.files("laeringsnettverk")
        .joinpath("data", f"example_{kind}.json")
        .read_text(encoding="utf-8")
    )


def load_example(kind: str) -> Any:
    """The shipped example document of ``kind``, loaded as its model."""
    from laeringsnettverk.serialization import loads

    return loads(example_text(kind))
