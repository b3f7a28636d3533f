"""Narrative and language: every resource the library writes says what it is, in Norwegian."""

from __future__ import annotations

import html
from typing import Any

__all__ = ["XHTML", "finish"]

XHTML = "http://www.w3.org/1999/xhtml"


def finish(resource: dict[str, Any], summary: str) -> dict[str, Any]:
    """The resource with ``language`` ``nb`` and a generated narrative (``text``) of ``summary``.

    They go after ``resourceType``, ``id`` and ``meta``. ``summary`` is the library's
    Norwegian sentence about the resource (never free text a person typed); it is escaped
    as XHTML.
    """
    head: dict[str, Any] = {k: resource[k] for k in ("resourceType", "id", "meta") if k in resource}
    div = f'<div xmlns="{XHTML}"><p>{html.escape(summary, quote=False)}</p></div>'
    tail = {k: v for k, v in resource.items() if k not in head}
    return {**head, "language": "nb", "text": {"status": "generated", "div": div}, **tail}
