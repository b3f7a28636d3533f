"""The per-form frame built column by column: forms scored without keeping a model per form.

:func:`laeringsnettverk.frames.forms_frame` fills a :class:`FormColumns`. Each row's numbers
go into typed buffers (``array.array``) and its three strings (identifier, team,
municipality number) into per-chunk lists turned into Arrow arrays every ``_CHUNK`` rows, so
what memory keeps is the columns, never one Python object per form.

A JSON line takes one of two routes:

- **the fast route** (the ``fast`` extra, msgspec, imported on first use): the line is
  decoded into small typed structs in compiled code (types, required and unknown keys,
  dates checked there); the few rules a type cannot say (non-blank names, unique names,
  scores of the form's activities within its scale, dates in order, no repeated key, a
  municipality number's rule by the model's own quick test) are checked here, and the
  numbers are computed from the scores' integer sums, as
  :func:`~laeringsnettverk.scoring.mean_score` and
  :func:`~laeringsnettverk.scoring.perceived_benefit` compute them (an exact integer sum
  divided once);
- **the object route**: anything the fast route is not sure of (a check that fails, a line
  msgspec refuses, a scale or a score beyond ±2³¹, a name holding a colon, a byte order
  mark), and every line when msgspec is not installed, is loaded by
  :func:`~laeringsnettverk.serialization.load_jsonl` and scored by the model's own methods.
  So a line the object path refuses is reported with that path's problems, and the fast
  route is never more lenient: it only skips building the objects of valid lines.

No repeated key: a decoded struct cannot tell that a key appeared twice (the last one
wins), so the line's colons are counted. Every key written is followed by one, and the only
other colons are inside strings, so the colons are at least the distinct keys decoded, and
equal to them only when no key is repeated and no string holds a colon. The identifier's
and the team's colons (``urn:uuid:…``) are added to the count when the line has no
backslash, so no escape (``\u003a``) can stand for one; a municipality number the fast route
takes is four digits, so it holds none. Any line whose count differs takes the object route.

The municipality column is the form's own number when it has one, else the number the
network gives the form's team (:meth:`FormColumns.frame`), whichever route read the line.
"""

from __future__ import annotations

import array
import datetime
import functools
import math
from collections.abc import Collection, Iterable, Mapping
from typing import Any, Final

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._municipality import MUNICIPALITY_NUMBER_RULE
from laeringsnettverk.toolkit import (
    Activity,
    Conversation,
    Scale,
    WhatMattersForm,
    form_benefit,
)

__all__ = ["FormColumns", "fast_decoder"]

_CHUNK = 65536  # rows per chunk: kept as tuples, then turned into columns
_CODES = "qiidddq"  # the buffers' types: conversations, date_1, date_2, means, benefit, paired
_EPOCH = datetime.date(1970, 1, 1).toordinal()
_NO_DATE = -(2**31)  # a missing date in the date buffers (no real date is this far back)
_BOUND = 2**31  # fast route: scales within ±2**31, so every sum below is exact in a float
_MAX_ACTIVITIES = 2**20  # ... and at most this many activities (2**20 * 2**32 < 2**53)
_TINY = WhatMattersForm(
    activities=[Activity(name="a")],
    conversations=[
        Conversation(date=datetime.date(2000, 1, 1)),
        Conversation(date=datetime.date(2000, 1, 2)),
    ],
)


def fast_decoder() -> tuple[Any, Any] | None:
    """``(decode, UNSET)``: msgspec's decoder of a form line; ``None`` without msgspec.

    ``None`` as well when a migration is registered for forms (their lines must be migrated,
    which the object route does).
    """
    from laeringsnettverk.serialization._json import schema_version

    module = _msgspec_module()
    if module is None or schema_version("form") != 1 or not _shape_known(_MODELS):
        return None
    return module.decode, module.UNSET


_MODELS = {
    "WhatMattersForm": WhatMattersForm,
    "Activity": Activity,
    "Conversation": Conversation,
    "Scale": Scale,
}
_SHAPE = {
    "WhatMattersForm": {
        "activities",
        "conversations",
        "scale",
        "identifier",
        "team",
        "municipality",
    },
    "Activity": {"name", "area"},
    "Conversation": {"date", "scores"},
    "Scale": {"minimum", "maximum", "higher_is_better"},
}


def _shape_known(models: Mapping[str, type]) -> bool:
    """Whether the models have the fields the fast route's structs and checks know.

    A field added to a model, or taken away, turns the fast route off (every line then takes
    the object route) until the structs in :mod:`laeringsnettverk._frames_msgspec` and the
    checks here learn it: never a line accepted that the models refuse.
    """
    return all({f.name for f in attrs.fields(cls)} == _SHAPE[name] for name, cls in models.items())


@functools.cache
def _msgspec_module() -> Any:
    import importlib

    try:
        return importlib.import_module("laeringsnettverk._frames_msgspec")  # imports msgspec
    except ImportError:
        return None


Row = tuple[
    str | None, str | None, str | None, int, int, int, float, float, float, int
]  # identifier, team, municipality, conversations, date_1, date_2, mean_1, mean_2, benefit, paired
_STRINGS: Final = 3  # the row's strings, before its numbers
_IS_MUNICIPALITY_NUMBER = MUNICIPALITY_NUMBER_RULE.quick_with


def _fast_row(f: Any, raw: str | bytes, unset: Any) -> Row | None:  # noqa: PLR0915
    """The row of a decoded form line, or ``None``: the object route decides."""
    town = f.municipality
    if town is unset:
        town = None
        keys = 3  # kind, version, activities
    elif town is None or _IS_MUNICIPALITY_NUMBER(town):  # four digits: no colon in it
        keys = 4
    else:
        return None  # not surely a municipality number: the object route reports it
    acts = f.activities
    n = len(acts)
    names = {a.name for a in acts}
    if len(names) != n or n > _MAX_ACTIVITIES:
        return None
    folded = {name.strip().casefold() for name in names}
    if len(folded) != n or "" in folded:
        return None
    keys += 2 * n - [a.area for a in acts].count(unset)
    scale = f.scale
    allowed, better = _ONE_TO_TEN, True
    if scale is not unset:
        allowed, better, keys = _scale(scale, keys, unset)
        if allowed is None:
            return None
    convs = f.conversations
    if convs is unset:
        convs = ()
    else:
        keys += 1
    number = len(convs)
    first = second = None
    previous = _DAY_ZERO
    for conv in convs:
        scores = conv.scores
        if scores is unset:
            scores = {}
            keys += 1  # the date
        else:
            keys += 2 + len(scores)
            if not (scores.keys() <= names and allowed.issuperset(scores.values())):
                return None
        if conv.date <= previous:
            return None
        previous = conv.date
        if first is None:
            first = scores
        elif second is None:
            second = scores
    ident, team = f.identifier, f.team
    if ident is unset:
        ident = None
    else:
        keys += 1
    if team is unset:
        team = None
    else:
        keys += 1
    if (ident and ":" in ident) or (team and ":" in team):
        if ("\\" in raw) if isinstance(raw, str) else (b"\\" in raw):
            return None  # an escape may stand for a colon: the object route decides
        keys += (ident or "").count(":") + (team or "").count(":")
    if (raw.count(":") if isinstance(raw, str) else raw.count(b":")) != keys:
        return None  # a repeated key, or a colon in some text: the object route decides
    mean_1 = mean_2 = benefit = math.nan
    paired = -1
    if first:
        sum_1 = sum(first.values())
        mean_1 = sum_1 / len(first)
    if second is not None:
        paired = 0
        if second:
            sum_2 = sum(second.values())
            mean_2 = sum_2 / len(second)
            if first:
                benefit, paired = _benefit(first, second, sum_1, sum_2, better)
    return (
        ident,
        team,
        town,
        number,
        convs[0].date.toordinal() - _EPOCH if number else _NO_DATE,
        convs[1].date.toordinal() - _EPOCH if number > 1 else _NO_DATE,
        mean_1,
        mean_2,
        benefit,
        paired,
    )


def _benefit(
    first: Mapping[str, int], second: Mapping[str, int], sum_1: int, sum_2: int, better: bool
) -> tuple[float, int]:
    """The benefit over the activities scored at both, and how many those are.

    What :func:`~laeringsnettverk.scoring.perceived_benefit` computes for scores this
    small: the exact integer sum of the changes divided once (NaN for none paired).
    """
    if first.keys() == second.keys():
        diff, paired = sum_2 - sum_1, len(first)
    else:
        both = first.keys() & second.keys()
        paired = len(both)
        if not paired:
            return math.nan, 0
        diff = sum([second[k] - first[k] for k in both])
    return (diff / paired if better else -(diff / paired)), paired


_ONE_TO_TEN = frozenset(range(1, 11))
_DAY_ZERO = datetime.date.min  # before every date: the first conversation passes


@functools.lru_cache(maxsize=64)
def _allowed(lo: int, hi: int) -> frozenset[int] | _Span:
    """The scores a scale allows: a set when it is small (a quick membership test)."""
    return frozenset(range(lo, hi + 1)) if hi - lo <= 100 else _Span(lo, hi)


class _Span:
    """The scores from ``lo`` to ``hi``, for a scale too wide to list."""

    __slots__ = ("hi", "lo")

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi

    def issuperset(self, values: Collection[int]) -> bool:
        return not values or (self.lo <= min(values) and max(values) <= self.hi)


def _scale(scale: Any, keys: int, unset: Any) -> tuple[Any, bool, int]:
    """The scores the scale allows, its direction, and the keys counted.

    ``None`` for the scores when the scale is beyond the fast route's bounds.
    """
    lo, hi, better = scale.minimum, scale.maximum, scale.higher_is_better
    keys += 4 - (lo, hi, better).count(unset)
    lo = 1 if lo is unset else lo
    hi = 10 if hi is unset else hi
    if not -_BOUND <= lo < hi <= _BOUND:
        return None, True, keys
    return _allowed(lo, hi), True if better is unset else better, keys


def _object_row(form: WhatMattersForm) -> Row:
    """The row of a model object: its own methods' numbers."""
    convs = form.conversations
    number = len(convs)
    benefit = form_benefit(form) if number >= 2 else None
    value = None if benefit is None else benefit.value
    mean_1 = convs[0].mean() if number else None
    mean_2 = convs[1].mean() if number > 1 else None
    return (
        form.identifier,
        form.team,
        form.municipality,
        number,
        convs[0].date.toordinal() - _EPOCH if number else _NO_DATE,
        convs[1].date.toordinal() - _EPOCH if number > 1 else _NO_DATE,
        math.nan if mean_1 is None else mean_1,
        math.nan if mean_2 is None else mean_2,
        math.nan if value is None else value,
        -1 if benefit is None else benefit.paired,
    )


class FormColumns:
    """The per-form frame's columns, filled one form or one line at a time.

    ``fast`` is :func:`fast_decoder`'s result, or ``None`` for the object route only.
    """

    def __init__(self, fast: tuple[Any, Any] | None, minimal_important_change: float) -> None:
        self._fast = fast
        self._mic = minimal_important_change
        self._mic_checked = False
        self._rows: list[Row] = []  # the rows of the chunk under way
        self._count = 0  # rows in the chunks done
        self._id_chunks: list[Any] = []
        self._team_chunks: list[Any] = []
        self._town_chunks: list[Any] = []
        self._numbers = tuple(array.array(code) for code in _CODES)
        self.bad: list[dict[str, object]] = []

    def fill(self, source: Iterable[object]) -> None:
        """A row for every form or line of ``source``; bad lines go to :attr:`bad`.

        Lines are numbered from 1 by their position in ``source``, as in ``load_jsonl``.

        Raises:
            ValidationError: an item that is neither a form nor a line.
        """
        decode, unset = self._fast if self._fast is not None else (None, None)
        rows = self._rows
        for i, item in enumerate(source):
            if decode is not None and type(item) in (bytes, str):
                try:
                    row = _fast_row(decode(item), item, unset)  # type: ignore[arg-type]
                except Exception:  # any refusal of the fast route: the object route decides
                    row = None
                if row is not None:
                    if row[_STRINGS] >= 2 and not self._mic_checked:
                        self._check_mic()
                    rows.append(row)
                    if len(rows) >= _CHUNK:
                        self._flush()
                        rows = self._rows
                    continue
            if isinstance(item, str | bytes):
                self._add_slow(i + 1, item)
            elif isinstance(item, WhatMattersForm):
                self._add_form(item)
            else:
                c = Checker()
                c.add(("documents", i), "must be a WhatMattersForm or a line", type(item).__name__)
                c.done()

    def _add_form(self, form: WhatMattersForm) -> None:
        if len(form.conversations) >= 2:
            self._check_mic()
        self._append(_object_row(form))

    def _add_slow(self, number: int, raw: str | bytes) -> None:
        from laeringsnettverk.serialization import load_jsonl

        result = load_jsonl([raw], WhatMattersForm)  # type: ignore[arg-type]  # str or bytes alike
        for error in result.errors:  # line numbers count from 1, as in load_jsonl
            self.bad.append({"line": number, "problems": [str(p) for p in error.problems]})
        for _, form in result.loaded:
            self._add_form(form)

    def _check_mic(self) -> None:
        """Refuse a bad threshold as the object path does: only once a form has a benefit."""
        if not self._mic_checked:
            form_benefit(_TINY, minimal_important_change=self._mic)  # raises when it is bad
            self._mic_checked = True

    def _append(self, row: Row) -> None:
        self._rows.append(row)
        if len(self._rows) >= _CHUNK:
            self._flush()

    def _flush(self) -> None:
        """The chunk's rows into the columns: Arrow arrays of strings, typed buffers."""
        import pyarrow as pa

        rows, base = self._rows, self._count
        if not rows:
            return
        columns = list(zip(*rows, strict=True))
        ids = columns[0]
        if None in ids:  # a form without an identifier is known by its position
            ids = tuple(str(base + k) if x is None else x for k, x in enumerate(ids))
        self._id_chunks.append(pa.array(ids, type=pa.large_string()))
        self._team_chunks.append(pa.array(columns[1], type=pa.large_string()))
        self._town_chunks.append(pa.array(columns[2], type=pa.large_string()))
        for buffer, values in zip(self._numbers, columns[_STRINGS:], strict=True):
            buffer.extend(values)
        self._count += len(rows)
        self._rows = []

    def frame(self, pd: Any, towns: Mapping[str, str]) -> Any:
        """The pandas frame of the rows added (``towns``: team → municipality).

        A row's municipality is the form's own number when it has one, else ``towns``'s
        number for its team (none when the team has no single municipality).
        """
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        self._flush()
        conversations, date_1, date_2, mean_1, mean_2, benefit, paired = self._numbers
        ids = pa.chunked_array(self._id_chunks, type=pa.large_string())
        teams = pa.chunked_array(self._team_chunks, type=pa.large_string())
        team = pd.Series(pd.arrays.ArrowStringArray(teams)).astype("category")
        categories = list(team.cat.categories)
        lookup = pa.array([towns.get(t) for t in categories], type=pa.large_string())
        codes = pa.array(team.cat.codes.to_numpy(), mask=team.cat.codes.to_numpy() < 0)
        town = lookup.take(codes) if categories else pa.nulls(len(codes), pa.large_string())
        own = pa.chunked_array(self._town_chunks, type=pa.large_string())
        town = pc.coalesce(own, town)  # the form's own number wins over its team's
        municipality = pd.Series(pd.arrays.ArrowStringArray(town)).astype("category")

        def ints(buffer: array.array[Any], missing: int | None = None) -> Any:
            values = np.frombuffer(buffer, dtype=np.int64)
            mask = values == missing if missing is not None else np.zeros(len(values), bool)
            return pd.array(pd.arrays.IntegerArray(values, mask), dtype="Int64")

        def floats(buffer: array.array[Any]) -> Any:
            values = np.frombuffer(buffer, dtype=np.float64)
            return pd.arrays.FloatingArray(values, np.isnan(values))

        def dates(buffer: array.array[Any]) -> Any:
            values = np.frombuffer(buffer, dtype=np.int32)
            days = pa.array(values, type=pa.int32(), mask=values == _NO_DATE).cast(pa.date32())
            return pd.Series(days, dtype=pd.ArrowDtype(pa.date32()))

        value = np.frombuffer(benefit, dtype=np.float64)
        known = ~np.isnan(value)
        important = np.zeros(len(value), dtype=bool)
        if known.any():  # some form has a benefit: the threshold was checked (_check_mic)
            mic = self._mic
            if float(mic) == mic:  # exact as a float: the comparison is the same in numpy
                important = value >= float(mic)
            else:  # an int that is not exact as a float (beyond 2**53): Python's comparison
                important[known] = [v >= mic for v in value[known].tolist()]
        columns = {
            "form": pd.Series(pd.arrays.ArrowStringArray(ids)),
            "team": team,
            "municipality": municipality,
            "conversations": ints(conversations),
            "date_1": dates(date_1),
            "date_2": dates(date_2),
            "mean_1": floats(mean_1),
            "mean_2": floats(mean_2),
            "benefit": floats(benefit),
            "paired": ints(paired, -1),
            "improved": pd.arrays.BooleanArray(value > 0, ~known),
            "important": pd.arrays.BooleanArray(important & known, ~known),
        }
        return pd.DataFrame({k: pd.Series(v) for k, v in columns.items()})
