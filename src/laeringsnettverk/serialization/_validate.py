"""Validation without exceptions: every problem of a document, as a list."""

from __future__ import annotations

from typing import Any

from laeringsnettverk.errors import Problem, ValidationError

__all__ = ["validate"]


def validate(data: str | bytes | dict[str, Any], kind: str | None = None) -> list[Problem]:
    """Every problem of a versioned JSON document; an empty list when it loads.

    ``data`` is JSON text (``str`` or ``bytes``, as :func:`loads` reads them) or an
    already parsed document (a ``dict``, as :func:`from_document` reads it). Give ``kind``
    (``"form"``, …) to require one kind. Nothing is raised for bad data: text that is not
    JSON, an unknown kind, bad fields, all come back as problems, the same ones
    :func:`loads` raises (paths in JSON terms: render them with
    ``problem.render("json")``). At most ``MAX_PROBLEMS`` (100) are listed; when there are
    more, a last problem of code ``too_many_problems`` counts the rest.

    ```pycon
    >>> from laeringsnettverk.serialization import validate
    >>> for problem in validate('{"kind": "form", "schema_version": 1, "colour": "blue"}'):
    ...     print(problem.code, problem.render("json"))
    missing $.activities: is required
    extra_forbidden $.colour: is not a field of WhatMattersForm: unknown keys are rejected

    ```

    Raises:
        ValidationError: only for a ``kind`` that is not a document kind (a mistake in the
            calling code, not in the data).
    """
    from laeringsnettverk.errors import _too_many
    from laeringsnettverk.serialization._json import _kinds, checked_document, schema_version
    from laeringsnettverk.serialization._parse import _refused, parse_all

    cls = None
    if kind is not None:
        schema_version(kind)  # refuses a kind that is not a document kind
        cls = _kinds()[kind]
    try:
        if isinstance(data, str | bytes):
            parsed, refused = parse_all(data)
        else:
            parsed, refused = data, _refused(data)
        checked_document(parsed, cls, refused)
    except ValidationError as exc:
        problems = list(exc.problems)
        if exc.omitted:
            problems.append(_too_many(exc.omitted))
        return problems
    return []
