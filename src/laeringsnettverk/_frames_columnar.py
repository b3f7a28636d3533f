"""The per-form frame built column by column: forms scored without keeping a model per form.

:func:`laeringsnettverk.frames.forms_frame` fills a :class:`FormColumns`. A chunk's rows
are kept as one flat list of values, row after row, until every ``_CHUNK`` rows its numbers
go into typed buffers (``array.array``) and its three strings (identifier, team,
municipality number) and two dates into Arrow arrays, so what memory keeps is the columns,
never one Python object per form.

A JSON line takes one of two routes:

- **the fast route** (the ``fast`` extra, msgspec, imported on first use; lines are read
  ``_LINES`` at a time, each decoded and checked on its own): the line is
  decoded into small typed structs in compiled code (types, required and unknown keys,
  dates, and scores within the default scale, 1 to 10, checked there; a line with a score
  beyond is decoded again without that check, and its scores checked against its own
  scale here); the few rules a type cannot say (non-blank names, unique names, scores of
  the form's activities, dates in order, no repeated key, a municipality number's rule by
  the model's own quick test) are checked here, and the numbers are computed from the
  scores' integer sums, as :func:`~laeringsnettverk.scoring.mean_score` and
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
The colons are counted for a whole batch of lines at once (:meth:`FormColumns._fill_lines`):
each line holds at least the colons its row counts, so the batch holds their sum (with the
colons of the lines that took the object route anyway) only when each line holds exactly
its own; else each line is counted alone.

The municipality column is the form's own number when it has one, else the number the
network gives the form's team (:meth:`FormColumns.frame`), whichever route read the line.
"""

from __future__ import annotations

import array
import datetime
import functools
import math
from collections.abc import Callable, Collection, Iterable, Mapping
from itertools import chain, islice
from operator import countOf, itemgetter
from typing import Any, Final, NamedTuple

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._colons import colon_counter, colons_of
from laeringsnettverk._municipality import MUNICIPALITY_NUMBER_RULE
from laeringsnettverk.toolkit import (
    Activity,
    Conversation,
    Scale,
    WhatMattersForm,
    form_benefit,
)

__all__ = ["FormColumns", "fast_decoder"]

_CHUNK = 65536  # rows per chunk: kept in one flat list, then turned into columns
_LINES = 512  # lines read at once by the fast route: decoded one by one, colons counted at once
_LINE_TYPES = ({bytes}, {str})  # the types of a batch of lines (not of their subclasses)
_CODES = "qdddq"  # the buffers' types: conversations, means, benefit, paired
_BOUND = 2**31  # fast route: scales within ±2**31, so every sum below is exact in a float
_MAX_ACTIVITIES = 2**20  # ... and at most this many activities (2**20 * 2**32 < 2**53)
#   when the form has a scale of its own (scores of 1 to 10 keep every sum small)
_TINY = WhatMattersForm(
    activities=[Activity(name="a")],
    conversations=[
        Conversation(date=datetime.date(2000, 1, 1)),
        Conversation(date=datetime.date(2000, 1, 2)),
    ],
)


def fast_decoder() -> Fast | None:
    """The decoders of a form line, msgspec's (:class:`Fast`); ``None`` without msgspec.

    ``None`` as well when a migration is registered for forms (their lines must be migrated,
    which the object route does).
    """
    from laeringsnettverk.serialization._json import schema_version

    module = _msgspec_module()
    if module is None or schema_version("form") != 1 or not _shape_known(_MODELS):
        return None
    return Fast(module.decode, module.decode_any, module.msgspec.ValidationError, module.UNSET)


class Fast(NamedTuple):
    """The fast route's decoders, from :mod:`laeringsnettverk._frames_msgspec`."""

    decode: Callable[[str | bytes], Any]
    """Decodes a line whose scores are each 1 to 10, the default scale; raises else."""
    decode_any: Callable[[str | bytes], Any]
    """Decodes a line whatever its scores' values (tried when ``decode`` refuses one)."""
    refused: type[Exception]
    """What ``decode`` raises for a score beyond 1 to 10 (msgspec's ``ValidationError``)."""
    unset: Any
    """msgspec's ``UNSET``: a field absent from the line."""


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
    str | None,
    str | None,
    str | None,
    int,
    datetime.date | None,
    datetime.date | None,
    float,
    float,
    float,
    int,
    int,
]  # identifier, team, municipality, conversations, date_1, date_2, mean_1, mean_2, benefit,
#    paired; and the colons its line holds (a fast row's, see _fast_row; 0 else): no column
_STRINGS: Final = 3  # the row's strings, before its numbers
_ARROW: Final = (0, 1, 2, 4, 5)  # the row's strings and dates: Arrow arrays of each chunk
_NUMBERS: Final = (3, 6, 7, 8, 9)  # its numbers: typed buffers (of the types _CODES)
_WIDTH: Final = 11  # the row's values
_COLONS = itemgetter(_WIDTH - 1)
_CONVERSATIONS = itemgetter(_STRINGS)
_IS_MUNICIPALITY_NUMBER = MUNICIPALITY_NUMBER_RULE.quick_with


def _fast_row(  # noqa: PLR0915
    f: Any, raw: str | bytes, unset: Any, allowed: Any, fold: Callable[[str], str]
) -> Row | None:
    """The row of a decoded form line, or ``None``: the object route decides.

    ``allowed``: the scores to check a line without a scale against: ``None`` when each
    is known to be 1 to 10 (decoded by :attr:`Fast.decode`), else ``_ONE_TO_TEN``;
    ``fold``: a name's key for the unique-names check (a :class:`_Folds`' lookup). The
    row's last value is the number of colons the line holds when no key is repeated (see
    the module's docstring); the caller compares it with the line's own count.
    """
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
    areas = {a.name: a.area for a in acts}  # name -> area: the names, and the areas given
    folded = set(map(fold, areas))  # n of them only when the n names are unique, folded
    if len(folded) != n or "" in folded:
        return None
    names = areas.keys()
    keys += 2 * n - countOf(areas.values(), unset)
    scale = f.scale
    better = True
    if scale is not unset:
        allowed, better, keys = _scale(scale, keys, unset)
        if allowed is None or n > _MAX_ACTIVITIES:  # (the default scale's sums stay small)
            return None
    convs = f.conversations
    number = 0
    if convs is not unset:
        keys += 1
        number = len(convs)
        previous = _DAY_ZERO
        for conv in convs:
            if conv.date <= previous:
                return None
            previous = conv.date
            scores = conv.scores
            if scores is unset:
                keys += 1  # the date
            elif scores.keys() <= names and (
                allowed is None or allowed.issuperset(scores.values())
            ):
                keys += 2 + len(scores)
            else:
                return None
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
    mean_1 = mean_2 = benefit = _NAN
    paired = -1
    date_1 = date_2 = None
    if number:
        conv = convs[0]
        date_1 = conv.date
        first = conv.scores  # UNSET is false, as {} is
        if first:
            sum_1 = sum(first.values())
            mean_1 = sum_1 / len(first)
        if number > 1:
            conv = convs[1]
            date_2 = conv.date
            second = conv.scores
            paired = 0
            if second:
                sum_2 = sum(second.values())
                mean_2 = sum_2 / len(second)
                if first:
                    if len(first) == n == len(second):  # every activity scored at both
                        diff, paired = sum_2 - sum_1, n
                    else:
                        diff, paired = _pairs(first, second, sum_1, sum_2)
                    if paired:
                        benefit = diff / paired if better else -(diff / paired)
    return (ident, team, town, number, date_1, date_2, mean_1, mean_2, benefit, paired, keys)


_NAN = math.nan


class _Folds(dict[str, str]):
    """A name's key for the unique-names check (stripped, case-folded), kept for reuse.

    Activity names repeat across forms, so each is folded once. Its memory stays small: a
    name longer than ``_FOLD_LONGEST`` is folded every time, never kept, and the cache is
    emptied when it holds ``_FOLDS_KEPT`` names. Names are free text about a person: each
    :class:`FormColumns` has its own cache, emptied when its frame is made, so no name is
    kept from one frame to the next.
    """

    def __missing__(self, name: str) -> str:
        folded = name.strip().casefold()
        if len(name) <= _FOLD_LONGEST:
            if len(self) >= _FOLDS_KEPT:
                self.clear()
            self[name] = folded
        return folded


_FOLDS_KEPT = 4096
_FOLD_LONGEST = 64


def _pairs(
    first: Mapping[str, int], second: Mapping[str, int], sum_1: int, sum_2: int
) -> tuple[int, int]:
    """The sum of the changes over the activities scored at both, and how many those are.

    With the benefit their quotient: what :func:`~laeringsnettverk.scoring.perceived_benefit`
    computes for scores this small (the exact integer sum divided once).
    """
    if first.keys() == second.keys():
        return sum_2 - sum_1, len(first)
    both = first.keys() & second.keys()
    return sum(map(second.__getitem__, both)) - sum(map(first.__getitem__, both)), len(both)


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
        convs[0].date if number else None,
        convs[1].date if number > 1 else None,
        math.nan if mean_1 is None else mean_1,
        math.nan if mean_2 is None else mean_2,
        math.nan if value is None else value,
        -1 if benefit is None else benefit.paired,
        0,
    )


class FormColumns:
    """The per-form frame's columns, filled one form or one line at a time.

    ``fast`` is :func:`fast_decoder`'s result, or ``None`` for the object route only.
    """

    def __init__(self, fast: Fast | None, minimal_important_change: float) -> None:
        self._fast = fast
        self._mic = minimal_important_change
        self._mic_checked = False
        self._flat: list[Any] = []  # the values of the chunk's rows, row after row
        self._count = 0  # rows in the chunks done
        self._arrow: tuple[list[Any], ...] = tuple([] for _ in _ARROW)  # each one's chunks
        self._numbers = tuple(array.array(code) for code in _CODES)
        self._folds = _Folds()
        self.bad: list[dict[str, object]] = []

    def fill(self, source: Iterable[object]) -> None:
        """A row for every form or line of ``source``; bad lines go to :attr:`bad`.

        Lines are numbered from 1 by their position in ``source``, as in ``load_jsonl``.
        With the fast route, ``source`` is read ``_LINES`` items at a time: a batch of
        lines all ``bytes`` or all ``str`` is added by :meth:`_fill_lines`; in any other
        batch, each item on its own.

        Raises:
            ValidationError: an item that is neither a form nor a line.
        """
        fast = self._fast
        if fast is None:
            for i, item in enumerate(source):
                self._add(i, item)
                if len(self._flat) >= _CHUNK * _WIDTH:
                    self._flush()
            return
        items = iter(source)
        base = 0  # the position of the batch's first item
        while batch := list(islice(items, _LINES)):
            if set(map(type, batch)) in _LINE_TYPES:
                self._fill_lines(fast, batch, base)
            else:  # lines of both types, or models: each line a batch of its own
                for k, item in enumerate(batch, base):
                    if type(item) in (bytes, str):
                        self._fill_lines(fast, [item], k)
                    else:
                        self._add(k, item)
            if len(self._flat) >= _CHUNK * _WIDTH:
                self._flush()
            base += len(batch)

    def _fill_lines(self, fast: Fast, lines: list[Any], base: int) -> None:
        """The rows of a batch of lines, all ``bytes`` or all ``str``, in their order.

        Each line is decoded and checked alone (:func:`_fast_row`); then the colons of the
        whole batch are counted at once: each line holds at least the colons its row
        counts, so the batch holds exactly their sum only when every line holds exactly
        its own. Otherwise each line is counted alone, and a line that holds more colons
        than its row counts takes the object route, as does every line the fast route
        refused. The object route's rows and bad lines come in the lines' order.
        """
        decode, decode_any, refused, unset = fast
        fold = self._folds.__getitem__
        rows: list[Row | None] = []
        append = rows.append
        slow: list[int] = []  # the lines for the object route, by their place in ``lines``
        for line in lines:
            try:
                try:
                    row = _fast_row(decode(line), line, unset, None, fold)
                except refused:  # a score beyond 1 to 10: within the form's own scale?
                    row = _fast_row(decode_any(line), line, unset, _ONE_TO_TEN, fold)
            except Exception:  # any refusal of the fast route: the object route decides
                row = None
            if row is None:
                slow.append(len(rows))
            append(row)
        count = colon_counter(lines[0])
        expected = sum(map(_COLONS, filter(None, rows)))
        expected += sum(count(lines[k]) for k in slow)
        if colons_of(lines) != expected:  # some line holds more than its row counts
            for k, row in enumerate(rows):
                if row is not None and count(lines[k]) != row[-1]:
                    rows[k] = None  # a repeated key, or a colon in some text
                    slow.append(k)
            slow.sort()
        if not self._mic_checked and max(map(_CONVERSATIONS, filter(None, rows)), default=0) > 1:
            self._check_mic()  # a form of the batch has a benefit (the object route's: below)
        extend = self._flat.extend
        start = 0
        for k in slow:
            extend(chain.from_iterable(rows[start:k]))  # type: ignore[arg-type]
            self._add_slow(base + k + 1, lines[k])
            start = k + 1
        extend(chain.from_iterable(rows[start:]))  # type: ignore[arg-type]

    def _add(self, i: int, item: object) -> None:
        """The object route's row of a form or a line (``i``: its position from 0)."""
        if isinstance(item, str | bytes):
            self._add_slow(i + 1, item)
        elif isinstance(item, WhatMattersForm):
            self._add_form(item)
        else:
            c = Checker()
            rule = "must be a WhatMattersForm or a line"
            c.wrong_type(("documents", i), rule, item, "WhatMattersForm | str | bytes")
            c.done()

    def _add_form(self, form: WhatMattersForm) -> None:
        if len(form.conversations) >= 2:
            self._check_mic()
        self._append(_object_row(form))

    def _add_slow(self, number: int, raw: str | bytes) -> None:
        from laeringsnettverk.serialization._jsonl import read_line

        form = read_line(number, raw, WhatMattersForm, self.bad)
        if form is not None:
            self._add_form(form)

    def _check_mic(self) -> None:
        """Refuse a bad threshold as the object path does: only once a form has a benefit."""
        if not self._mic_checked:
            form_benefit(_TINY, minimal_important_change=self._mic)  # raises when it is bad
            self._mic_checked = True

    def _append(self, row: Row) -> None:
        self._flat.extend(row)  # into the columns at the end of the batch (fill)

    def _flush(self) -> None:
        """The chunk's rows into the columns: Arrow arrays of strings, typed buffers."""
        import pyarrow as pa

        flat, base = self._flat, self._count
        if not flat:
            return
        ids = flat[0::_WIDTH]
        if None in ids:  # a form without an identifier is known by its position
            ids = [str(base + k) if x is None else x for k, x in enumerate(ids)]
        ids_, teams, towns, dates_1, dates_2 = self._arrow
        text, day = pa.large_string(), pa.date32()
        ids_.append(pa.array(ids, type=text))
        teams.append(pa.array(flat[1::_WIDTH], type=text))
        towns.append(pa.array(flat[2::_WIDTH], type=text))
        dates_1.append(pa.array(flat[4::_WIDTH], type=day))
        dates_2.append(pa.array(flat[5::_WIDTH], type=day))
        for k, buffer in zip(_NUMBERS, self._numbers, strict=True):
            buffer.extend(array.array(buffer.typecode, flat[k::_WIDTH]))
        self._count += len(ids)
        flat.clear()

    def frame(self, pd: Any, towns: Mapping[str, str]) -> Any:
        """The pandas frame of the rows added (``towns``: team → municipality).

        A row's municipality is the form's own number when it has one, else ``towns``'s
        number for its team (none when the team has no single municipality).
        """
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        self._folds.clear()  # the names read: not kept beyond the frame
        self._flush()
        conversations, mean_1, mean_2, benefit, paired = self._numbers
        text, day = pa.large_string(), pa.date32()
        ids, teams, own, date_1, date_2 = (
            pa.chunked_array(chunks, type=kind)
            for chunks, kind in zip(self._arrow, (text, text, text, day, day), strict=True)
        )
        team = pd.Series(pd.arrays.ArrowStringArray(teams)).astype("category")
        categories = list(team.cat.categories)
        lookup = pa.array([towns.get(t) for t in categories], type=pa.large_string())
        codes = pa.array(team.cat.codes.to_numpy(), mask=team.cat.codes.to_numpy() < 0)
        town = lookup.take(codes) if categories else pa.nulls(len(codes), pa.large_string())
        town = pc.coalesce(own, town)  # the form's own number wins over its team's
        municipality = pd.Series(pd.arrays.ArrowStringArray(town)).astype("category")

        def ints(buffer: array.array[Any], missing: int | None = None) -> Any:
            values = np.frombuffer(buffer, dtype=np.int64)
            mask = values == missing if missing is not None else np.zeros(len(values), bool)
            return pd.array(pd.arrays.IntegerArray(values, mask), dtype="Int64")

        def floats(buffer: array.array[Any]) -> Any:
            values = np.frombuffer(buffer, dtype=np.float64)
            return pd.arrays.FloatingArray(values, np.isnan(values))

        def dates(days: Any) -> Any:
            return pd.Series(days.combine_chunks(), dtype=pd.ArrowDtype(day))

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
