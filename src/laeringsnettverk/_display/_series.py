"""HTML and ``repr`` for a series over time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from laeringsnettverk._display._html import (
    DASH,
    MAX_ROWS,
    SERIES_REPR_LIMIT,
    capped,
    num,
    percent,
    sparkline,
    table,
    titled,
    wrap,
)

if TYPE_CHECKING:
    from laeringsnettverk.measurement import Series


def _observation_value(obs: Any) -> str:
    if obs.numerator is not None:
        return f"{obs.numerator}/{obs.denominator} ({percent(obs.chart_value)})"
    return num(obs.value, 2)


def series(s: Series) -> str:
    """A series: a table of periods, values and n (first rows only), and a sparkline."""
    rows = [
        [
            obs.period.code,
            obs.period.start.isoformat(),
            obs.period.end.isoformat(),
            _observation_value(obs),
            DASH if obs.n is None else str(obs.n),
            ("utelatt (excluded)" + (f": {obs.reason}" if obs.reason else ""))
            if obs.excluded
            else "",
        ]
        for obs in s.observations[:MAX_ROWS]
    ]
    head = ["Periode (period)", "Fra (from)", "Til (to)", "Verdi (value)", "n", "Merknad (note)"]
    parts = [
        titled(
            f"Serie (series): {s.title}",
            s.identifier,
            ("team", s.team),
            ("nettverk (network)", s.network),
            ("perioder (periods)", None if s.unit is None else s.unit.label),
        ),
        sparkline(s.values()),
        table(head, rows),
        capped(len(s.observations)),
    ]
    if s.changes:
        changes = [[c.date.isoformat(), c.text] for c in s.changes[:MAX_ROWS]]
        parts += [
            table(["Dato (date)", "Endring prøvd (change tried)"], changes),
            capped(len(s.changes)),
        ]
    return wrap(*parts)


def series_repr(s: Series) -> str:
    """The attrs ``repr`` for a short series; counts only for a long one."""
    import attrs

    if len(s.observations) <= SERIES_REPR_LIMIT:
        fields = ", ".join(f"{a.name}={getattr(s, a.name)!r}" for a in attrs.fields(type(s)))
        return f"{type(s).__name__}({fields})"
    missing = sum(obs.missing for obs in s.observations)
    return (
        f"{type(s).__name__}(title={s.title!r}, team={s.team!r}, unit={s.unit!r}, "
        f"observations={len(s.observations)}, missing={missing}, changes={len(s.changes)})"
    )
