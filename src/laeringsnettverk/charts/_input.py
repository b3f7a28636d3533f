"""What a chart is drawn from, validated before anything is computed.

Plain sequences, :class:`ChartData` or any object with ``to_chart_data()``, and the options.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from types import ModuleType
from typing import Any, Literal, Protocol, runtime_checkable

import attrs

from laeringsnettverk._checks import Checker, Path, fail

__all__ = [
    "MAX_ABS_VALUE",
    "MAX_COUNT",
    "ChartData",
    "RuleSet",
    "SupportsChartData",
    "check_options",
    "numpy_or_none",
    "resolve",
    "resolve_proportions",
]

MAX_ABS_VALUE = 1e100
"""Largest magnitude of a chart value: the library's choice, far above any measurement, so
that sums, differences and limits of a million points can never overflow."""

MAX_COUNT = 10**15
"""Largest numerator or denominator: the library's choice, below 2**53 so that every count
is exact as a floating-point number."""

RuleSet = Literal["anhoej", "ihi"]
"""A named set of run-chart rules: ``"anhoej"`` (Anhøj 2014, as in qicharts2) or ``"ihi"``
(shift and trend, Provost & Murray 2011)."""

RULE_SETS: tuple[str, ...] = ("anhoej", "ihi")
_NONE = type(None)
_FAST_MIN = 256  # below this many values the plain loop is as quick as numpy


def numpy_or_none() -> ModuleType | None:
    """Numpy when it is installed (imported on first use), else ``None``."""
    try:
        import numpy
    except ImportError:  # pragma: no cover - numpy is installed with the dev extras
        return None
    return numpy


def _quick_numbers(values: tuple[Any, ...], integers: bool) -> Any:
    """The values as a float array (NaN for None), or ``None``.

    The array is returned when numpy can vouch for every value at once (the common case);
    with ``None`` the plain checks run.
    """
    if len(values) < _FAST_MIN or (np := numpy_or_none()) is None:
        return None  # short: the plain checks are as quick (and numpy stays unimported)
    types = set(map(type, values))
    if not types <= ({int, _NONE} if integers else {int, float, _NONE}):
        return None
    try:
        if _NONE in types:
            arr = np.array(values, dtype=float)  # None becomes NaN
        else:  # quicker, and exact for whole numbers up to 2**63
            arr = np.fromiter(values, dtype=np.int64 if integers else float, count=len(values))
            arr = arr.astype(float) if integers else arr
    except OverflowError:
        return None
    limit = MAX_COUNT if integers else MAX_ABS_VALUE
    with np.errstate(invalid="ignore"):
        bad = ~((arr >= 0) & (arr <= limit) if integers else np.abs(arr) <= limit)
    if bad.any() and any(values[i] is not None for i in np.flatnonzero(bad).tolist()):
        return None
    return arr


def _check_numbers(c: Checker, name: str, values: tuple[Any, ...], integers: bool) -> Any:
    """Check every value; return the quick pass's float array, if it vouched for them."""
    arr = _quick_numbers(values, integers)
    if arr is not None:
        return arr
    for i, v in enumerate(values):
        if v is None:
            continue
        if integers:
            c.integer((name, i), v, 0, MAX_COUNT)
        else:
            c.number((name, i), v, -MAX_ABS_VALUE, MAX_ABS_VALUE)
    return None


def _check_proportions(
    c: Checker, numerators: tuple[Any, ...], denominators: tuple[Any, ...], arrays: Any
) -> None:
    """Denominators > 0 and numerators <= denominators (``arrays``: both as float arrays)."""
    if arrays is not None:
        num, den = arrays
        with numpy_or_none().errstate(invalid="ignore"):  # type: ignore[union-attr]
            if not ((den <= 0) | (num > den)).any():
                return
    for i, (k, n) in enumerate(zip(numerators, denominators, strict=True)):
        if type(n) is int and n <= 0:
            c.add(("denominators", i), "must be > 0", n)
        elif type(k) is int and type(n) is int and k > n:
            c.add(("numerators", i), f"must be <= its denominator {n}", k)


def _check_counts(c: Checker, num: tuple[Any, ...], den: tuple[Any, ...]) -> dict[str, Any]:
    """Check numerators and denominators of equal length; the quick pass's arrays, if any."""
    a = _check_numbers(c, "numerators", num, integers=True)
    b = _check_numbers(c, "denominators", den, integers=True)
    if c.problems:
        return {}
    _check_proportions(c, num, den, None if a is None or b is None else (a, b))
    return {} if a is None or b is None else {"numerators": a, "denominators": b}


_PREVALIDATED: ContextVar[tuple[tuple[Any, ...], ...] | None] = ContextVar(
    "_PREVALIDATED", default=None
)
"""While :meth:`ChartData.proportions` builds its object: the values, numerators and
denominators it has already checked (recognised by identity), so they are not checked twice."""


def to_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    """Any iterable as a tuple (a tuple is kept as it is, so its identity is kept too)."""
    return values if type(values) is tuple else tuple(values)


def _optional_tuple(values: Iterable[Any] | None) -> tuple[Any, ...] | None:
    return None if values is None else to_tuple(values)


@attrs.frozen(kw_only=True, repr=False)
class ChartData:
    """A measure over time, ready for a run or control chart.

    Any object with a ``to_chart_data()`` method returning one of these
    (:class:`SupportsChartData`) can be charted directly.

    ```pycon
    >>> from laeringsnettverk.charts import ChartData, run_chart
    >>> labels = ("jan", "feb", "mar", "apr", "mai", "jun")
    >>> data = ChartData(values=(3, 5, 4, 6, 7, 8), labels=labels)
    >>> run_chart(data).parts[0].centre
    5.5

    ```
    """

    values: tuple[float | None, ...] = attrs.field(converter=to_tuple)
    """The value of each point (``None`` for a missing one); for proportions the
    numerator divided by the denominator (:meth:`proportions` fills it in)."""
    numerators: tuple[int | None, ...] | None = attrs.field(default=None, converter=_optional_tuple)
    """Event counts for P charts, or ``None``."""
    denominators: tuple[int | None, ...] | None = attrs.field(
        default=None, converter=_optional_tuple
    )
    """Denominators (> 0) for P charts, or ``None``."""
    excluded: tuple[int, ...] = attrs.field(default=(), converter=to_tuple)
    """0-based positions of points left out of the centre line, limits and run analysis."""
    labels: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """One x-axis label per point (ISO dates, period codes, ...), or empty."""
    annotations: tuple[tuple[int, str], ...] = attrs.field(default=(), converter=to_tuple)
    """``(position, text)`` pairs: changes tried, shown on plots. The text is never echoed in
    error messages."""
    title: str | None = None
    """A title for plots, or ``None``."""

    _arrays: dict[str, Any] = attrs.field(
        init=False, factory=dict, eq=False, hash=False, repr=False
    )
    """Float arrays of the columns (NaN for None), kept from the quick checks for numpy."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        n = len(self.values)
        pre = _PREVALIDATED.get()
        if (
            pre is not None
            and pre == (self.values, self.numerators, self.denominators)
            and all(
                a is b
                for a, b in zip(pre, (self.values, self.numerators, self.denominators), strict=True)
            )
        ):
            pass  # built by proportions(), which checked these three columns
        else:
            self._check_columns(c, n)
        _check_positions(c, ("excluded",), self.excluded, n)
        if self.labels:
            if len(self.labels) != n:
                c.add(("labels",), f"must be empty or have one label per value ({n})")
            for i, label in enumerate(self.labels):
                if not isinstance(label, str):
                    c.add(("labels", i), "must be text (str)", label)
        for i, ann in enumerate(self.annotations):
            if not (isinstance(ann, tuple) and len(ann) == 2):
                c.add(("annotations", i), "must be a (position, text) pair")
                continue
            _position(c, ("annotations", i, 0), ann[0], n)
            c.text(("annotations", i, 1), ann[1])
        c.optional_text(("title",), self.title)
        c.done()

    def _check_columns(self, c: Checker, n: int) -> None:
        arr = _check_numbers(c, "values", self.values, integers=False)
        if arr is not None:
            self._arrays["values"] = arr
        if (self.numerators is None) != (self.denominators is None):
            c.add(("numerators",), "and denominators must be given together")
        elif self.numerators is not None and self.denominators is not None:
            for name, seq in (("numerators", self.numerators), ("denominators", self.denominators)):
                if len(seq) != n:
                    c.add((name,), f"has {len(seq)} entries; must have one per value ({n})")
            if not c.problems:
                self._arrays.update(_check_counts(c, self.numerators, self.denominators))

    @classmethod
    def proportions(
        cls,
        numerators: Iterable[int | None],
        denominators: Iterable[int | None],
        **fields: Any,
    ) -> ChartData:
        """Chart data for proportions: each value is numerator / denominator.

        A point is missing (``None``) when either count is missing. Other fields
        (``excluded``, ``labels``, ...) are passed on.

        ```pycon
        >>> ChartData.proportions([1, 3, None], [4, 6, 5]).values
        (0.25, 0.5, None)

        ```
        """
        num = tuple(numerators)
        den = tuple(denominators)
        c = Checker()
        arrays: dict[str, Any] = {}
        if len(num) != len(den):
            c.add(("denominators",), f"must have one entry per numerator ({len(num)})")
        else:
            arrays = _check_counts(c, num, den)
        c.done()
        values: tuple[float | None, ...]
        if arrays:
            from laeringsnettverk.charts._columns import Column

            arrays["values"] = arrays["numerators"] / arrays["denominators"]
            values = tuple(Column(arrays["values"]))
        else:
            values = tuple(
                None if k is None or d is None else k / d for k, d in zip(num, den, strict=True)
            )
        token = _PREVALIDATED.set((values, num, den))
        try:
            data = cls(values=values, numerators=num, denominators=den, **fields)
        finally:
            _PREVALIDATED.reset(token)
        data._arrays.update(arrays)
        return data

    def to_chart_data(self) -> ChartData:
        """This object itself (so that :class:`ChartData` is a :class:`SupportsChartData`)."""
        return self

    def __repr__(self) -> str:
        kind = "proportions" if self.numerators is not None else "values"
        return f"ChartData({len(self.values)} {kind}, excluded={list(self.excluded)})"


@runtime_checkable
class SupportsChartData(Protocol):
    """Anything that can give its :class:`ChartData`, such as a measure's time series."""

    def to_chart_data(self) -> ChartData:
        """The data to chart."""
        ...  # pragma: no cover - protocol


def _position(c: Checker, path: Path, value: object, n: int) -> None:
    """A 0-based position of one of ``n`` points."""
    if n == 0:
        c.add(path, "has no point to refer to", value)
    elif c.integer(path, value, 0):
        assert isinstance(value, int)
        if value >= n:
            c.add(path, f"is beyond the last point (position {n - 1})", value)


def _check_positions(c: Checker, path: Path, positions: Iterable[Any], n: int) -> None:
    for i, p in enumerate(positions):
        _position(c, (*path, i), p, n)


def _as_values(values: Any) -> ChartData:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        fail(
            ("values",),
            "must be a sequence of numbers, ChartData or SupportsChartData",
            type(values).__name__,
        )
    if not isinstance(values, list | tuple) and hasattr(values, "tolist"):
        values = values.tolist()  # numpy arrays, pandas Series
    return ChartData(values=values)


def resolve(values: Any) -> ChartData:
    """Turn a chart function's first argument into validated :class:`ChartData`."""
    if isinstance(values, ChartData):
        return values
    if isinstance(values, SupportsChartData):
        data = values.to_chart_data()
        if not isinstance(data, ChartData):
            fail(("values",), "to_chart_data() must return ChartData", type(data).__name__)
        return data
    return _as_values(values)


def resolve_proportions(numerators: Any, denominators: Any) -> ChartData:
    """Turn a P chart's arguments into validated :class:`ChartData` with counts."""
    if denominators is None:
        if not isinstance(numerators, ChartData | SupportsChartData):
            fail(("denominators",), "are required with plain numerators")
        data = resolve(numerators)
        if data.numerators is None:
            fail(("numerators",), "the chart data has no numerators and denominators")
        return data
    if isinstance(numerators, ChartData | SupportsChartData):
        fail(("denominators",), "must not be given with ChartData (it has its own)")
    for name, seq in (("numerators", numerators), ("denominators", denominators)):
        if isinstance(seq, str | bytes) or not isinstance(seq, Iterable):
            fail((name,), "must be a sequence of whole numbers", type(seq).__name__)
    num = numerators.tolist() if hasattr(numerators, "tolist") else numerators
    den = denominators.tolist() if hasattr(denominators, "tolist") else denominators
    return ChartData.proportions(num, den)


@attrs.frozen(kw_only=True)
class Options:
    """Validated options (internal)."""

    freeze: int | None
    exclude: tuple[int, ...]
    parts: tuple[int, ...]
    rules: tuple[str, ...]


def check_options(
    data: ChartData,
    freeze: object,
    exclude: object,
    parts: object,
    rules: object,
) -> Options:
    """Check the options against the data; every problem is reported at once."""
    c = Checker()
    n = len(data.values)
    if freeze is not None:
        if n == 0:
            c.add(("freeze",), "needs at least one point", freeze)
        elif c.integer(("freeze",), freeze, 1) and freeze > n:  # type: ignore[operator]
            c.add(("freeze",), f"is more than the number of points ({n})", freeze)
    ex: tuple[Any, ...] = ()
    if isinstance(exclude, str | bytes) or not isinstance(exclude, Iterable):
        c.add(("exclude",), "must be a sequence of 0-based positions", type(exclude).__name__)
    else:
        ex = tuple(exclude)
        _check_positions(c, ("exclude",), ex, n)
    pts: tuple[Any, ...] = ()
    if isinstance(parts, str | bytes) or not isinstance(parts, Iterable):
        c.add(("parts",), "must be a sequence of point counts", type(parts).__name__)
    else:
        pts = tuple(parts)
        prev = 0
        for i, k in enumerate(pts):
            if c.integer(("parts", i), k, 1):
                if n < 2:
                    c.add(("parts", i), "needs at least two points", k)
                elif k >= n:
                    c.add(("parts", i), f"must be less than the number of points ({n})", k)
                elif k <= prev:
                    c.add(("parts", i), "must be greater than the part before it", k)
                prev = k
    rs: tuple[Any, ...] = ()
    if isinstance(rules, str) or not isinstance(rules, Iterable):
        c.add(("rules",), 'must be a sequence of rule-set names such as ("anhoej",)', rules)
    else:
        rs = tuple(rules)
        for i, r in enumerate(rs):
            if r not in RULE_SETS:
                c.add(("rules", i), 'is not a known rule set; expected "anhoej" or "ihi"', r)
    c.done()
    merged = tuple(sorted(set(ex) | set(data.excluded)))
    return Options(
        freeze=freeze if isinstance(freeze, int) else None,
        exclude=merged,
        parts=pts,
        rules=tuple(r for r in RULE_SETS if r in rs),
    )
