"""How a value or a path appears in an error: shown safely, or withheld.

Free text that a person typed is never echoed; keys that may be free text are addressed by
their position; long or line-breaking keys are cut and escaped.
"""

from __future__ import annotations

import datetime
import enum
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from laeringsnettverk._error_values import (
    _INT_BITS,
    _UNSAFE,
    MAX_SHOWN,
    WITHHELD,
    JsonScalar,
    Key,
    PathSegment,
    TypeName,
    _Withheld,
)

# -- showing values and paths safely -----------------------------------------------------------


def _cut(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def _show_value(value: object, *, text: bool) -> str:
    """Render a value for an error message: free text, lists and objects only described."""
    if text and isinstance(value, str):
        return f"<free text, {len(value)} characters>"
    if isinstance(value, TypeName):
        return repr(str(value))
    if isinstance(value, bool | float | str | datetime.date | enum.Enum) or value is None:
        return _cut(repr(value.value if isinstance(value, enum.Enum) else value))
    if isinstance(value, int):
        if value.bit_length() > 4 * MAX_SHOWN:  # beyond any 80 digits; str() may refuse it
            return "<int too large to show>"
        return _cut(repr(value))
    # a list, an object, a model: only its type, since it may hold free text
    if isinstance(value, list | tuple):
        return "<list>"
    if isinstance(value, Mapping):
        return "<object>"
    return f"<{type(value).__name__}>"


def _input_of(value: object, *, text: bool) -> JsonScalar | _Withheld:
    """The value as a JSON value for :meth:`Problem.errors`, or ``WITHHELD``."""
    if text or isinstance(value, TypeName):
        return WITHHELD
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value) if value.bit_length() <= _INT_BITS else WITHHELD
    if isinstance(value, float):
        return value if math.isfinite(value) else WITHHELD
    if isinstance(value, enum.Enum):
        value = value.value
        return value if isinstance(value, str | int) and not isinstance(value, bool) else WITHHELD
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and len(value) <= MAX_SHOWN and not re.search(_UNSAFE, value):
        return str(value)
    return WITHHELD


def _escape(text: str) -> str:
    r"""A key as one safe line: cut at 80 characters, line breaks and the like as ``\uXXXX``."""
    return re.sub(_UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", _cut(text))


def _safe_segment(seg: PathSegment) -> PathSegment:
    if isinstance(seg, str) and (len(seg) > MAX_SHOWN or re.search(_UNSAFE, seg)):
        return Key(_escape(seg)) if isinstance(seg, Key) else _escape(seg)
    return seg


def _safe_path(path: Iterable[PathSegment]) -> tuple[PathSegment, ...]:
    """A path whose keys are bounded and cannot break a line (see :data:`MAX_SHOWN`)."""
    return tuple(_safe_segment(seg) for seg in path)


def _freeze_ctx(
    ctx: Mapping[str, JsonScalar] | Iterable[tuple[str, JsonScalar]],
) -> tuple[tuple[str, JsonScalar], ...]:
    items = ctx.items() if isinstance(ctx, Mapping) else ctx
    return tuple(items)


class _Ctx(dict[str, Any]):
    """A problem's ctx for a Norwegian rule: a name it lacks shows as ``…``."""

    def __missing__(self, key: str) -> str:
        return "…"
