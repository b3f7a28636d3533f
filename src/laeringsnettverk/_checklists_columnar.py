r"""The checklist frame built column by column: no model kept per checklist.

:func:`laeringsnettverk.frames.checklists_frame` fills a :class:`ChecklistColumns`. Each
checklist adds one entry to typed buffers (``array.array``: its date, its fidelity, its
number of items; a ``bytearray``: one status per item) and its two strings (identifier,
team) to per-chunk lists turned into Arrow arrays every ``_CHUNK`` checklists. The frame's
rows, one per item, are made from these at the end, so memory keeps the columns, never one
Python object per checklist or per item.

A JSON line takes one of two routes:

- **the fast route** (the ``fast`` extra, msgspec, imported on first use): the line is
  decoded into small typed structs in compiled code (types, required and unknown keys,
  dates, statuses by their codes, an item's text not blank, a conversation's number of at
  least 1, finite numbers); the few rules a type cannot say (at least one item, an item
  set's code and version by the model's own quick tests, a version only with an item set,
  no repeated key) are checked here, and the fidelity is the checklist's points over its
  items, as :meth:`~laeringsnettverk.toolkit.CollaborationChecklist.fidelity` computes it
  (an integer divided once);
- **the object route**: anything the fast route is not sure of (a check that fails, a line
  msgspec refuses, a line holding an escaped colon, a byte order mark), and every line when
  msgspec is not installed, is loaded by
  :func:`~laeringsnettverk.serialization.load_jsonl` and read from the model. So a line the
  object path refuses is reported with that path's problems, and the fast route is never
  more lenient: it only skips building the objects of valid lines.

No repeated key: a decoded struct cannot tell that a key appeared twice (the last one
wins), so colons are counted, as the loaders' quick path does
(``serialization._json._quick``). In the line, every member of an object is written with
one colon, and the other colons stand inside string literals: the line's colons are
``C = P + R``, the members written and the colons inside strings. The structs, encoded again
(msgspec leaves out the ``UNSET`` fields, the keys the line did not give), hold one colon for
each distinct key decoded and the colons of the strings decoded: ``E = M + S``. A repeated
key keeps only its last member, so ``M < P``, and its earlier value is dropped with its
strings. When the line holds no escaped colon (``\u003a``), each colon of a decoded string is
a colon written in the line, so ``S <= R``; ``E == C`` then proves ``M == P``: no key is
repeated. A line with an escaped colon, or whose count differs, takes the object route.

Checklists without an identifier are known by their position among the checklists of the
frame (from 0), whichever route read them.
"""

from __future__ import annotations

import array
import datetime
import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, NamedTuple

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._rules import (
    Date,
    Instance,
    Integer,
    Items,
    Member,
    Number,
    Optional,
    Rule,
    Text,
    rule_of,
)
from laeringsnettverk.toolkit import ChecklistItem, CollaborationChecklist, ItemStatus
from laeringsnettverk.toolkit._checklist import ITEM_SET_RULE, ITEM_SET_VERSION_RULE

__all__ = ["ChecklistColumns", "Fast", "fast_decoder"]

_CHUNK = 65536  # checklists per chunk: kept as tuples, then turned into columns
_EPOCH = datetime.date(1970, 1, 1).toordinal()
_NO_DATE = -(2**31)  # a missing date in the date buffer (no real date is this far back)
_STATUSES: Final = tuple(ItemStatus)  # a status is kept as its index in this tuple
_INDEX: Final = {status: k for k, status in enumerate(_STATUSES)}
_POINTS: Final = tuple(status.points for status in _STATUSES)
_DEFAULT: Final = _INDEX[ItemStatus.NOT_DONE]  # an item without a status (_RULES checks it)


class Fast(NamedTuple):
    """The fast route's tools, from :mod:`laeringsnettverk._checklists_msgspec`."""

    decode: Callable[[str | bytes], Any]
    """A line into typed structs (raises on anything the structs refuse)."""
    encode: Callable[[Any], bytes]
    """The structs back into JSON: the keys given (no ``UNSET`` field) and the values."""
    unset: Any
    """msgspec's ``UNSET``: a field whose key the line does not give."""


def fast_decoder() -> Fast | None:
    """The fast route's tools (msgspec's decoder of a checklist line); ``None`` without msgspec.

    ``None`` as well when a migration is registered for checklists (their lines must be
    migrated, which the object route does), or when the models' fields or rules, or the
    statuses' codes, are not the ones the fast route knows (:func:`_shape_known`).
    """
    from laeringsnettverk.serialization._json import schema_version

    module = _msgspec_module()
    if (
        module is None
        or schema_version("checklist") != 1
        or not _shape_known(_MODELS)
        or sorted(module.STATUS_CODES) != sorted(ItemStatus.codes())
    ):
        return None
    return Fast(module.decode, module.encode, module.UNSET)


@functools.cache
def _msgspec_module() -> Any:
    import importlib

    try:
        return importlib.import_module("laeringsnettverk._checklists_msgspec")  # imports msgspec
    except ImportError:
        return None


_MODELS: Final = {"CollaborationChecklist": CollaborationChecklist, "ChecklistItem": ChecklistItem}
_OPTIONAL_TEXT = Optional(Text(blank=True))
_RULES: Final[Mapping[str, Mapping[str, tuple[Rule, object]]]] = {
    # each model's fields: (the field's rule, its default)
    "CollaborationChecklist": {
        "items": (
            Items(Instance(ChecklistItem), min_items=1, too_few="needs at least one item"),
            attrs.NOTHING,
        ),
        "date": (Optional(Date()), None),
        "identifier": (_OPTIONAL_TEXT, None),
        "team": (_OPTIONAL_TEXT, None),
        "form": (_OPTIONAL_TEXT, None),
        "item_set": (Optional(ITEM_SET_RULE), None),
        "item_set_version": (Optional(ITEM_SET_VERSION_RULE), None),
    },
    "ChecklistItem": {
        "text": (Text(), attrs.NOTHING),
        "status": (Member(ItemStatus), ItemStatus.NOT_DONE),
        "note": (_OPTIONAL_TEXT, None),
        "date": (Optional(Date()), None),
        "value": (Optional(Number()), None),
        "carries_mean_of": (Optional(Integer(ge=1)), None),
    },
}


def _shape_known(models: Mapping[str, type]) -> bool:
    """Whether the models have the fields, rules and defaults the fast route knows.

    A field added, taken away, or given another rule or default turns the fast route off
    (every line then takes the object route) until the structs in
    :mod:`laeringsnettverk._checklists_msgspec` and the checks here learn it: never a line
    accepted that the models refuse. (The one rule across fields, an item set's version only
    with an item set, is written out in :func:`_fast_row`; the tests compare both routes.)
    """
    return all(
        {f.name: (rule_of(f), f.default) for f in attrs.fields(cls)} == _RULES[name]
        for name, cls in models.items()
    )


Row = tuple[str | None, str | None, int, float, bytes]
"""identifier, team, date (days since 1970-01-01, or ``_NO_DATE``), fidelity, statuses"""

_IS_ITEM_SET = ITEM_SET_RULE.quick_with
_IS_ITEM_SET_VERSION = ITEM_SET_VERSION_RULE.quick_with


def _fast_row(c: Any, raw: str | bytes, fast: Fast, index: Mapping[Any, int]) -> Row | None:
    """The row of a decoded checklist line, or ``None``: the object route decides.

    ``index`` maps each status, and ``UNSET`` (the model's default), to its index.
    """
    items = c.items
    if not items:
        return None
    unset = fast.unset
    item_set, version = c.item_set, c.item_set_version
    if item_set is not unset and item_set is not None and not _IS_ITEM_SET(item_set):
        return None
    if (version is not unset and version is not None) and (
        item_set is unset or item_set is None or not _IS_ITEM_SET_VERSION(version)
    ):
        return None  # a version without an item set, or not a version
    # no repeated key: the keys given and the colons of the strings, encoded again, are the
    # line's colons (see the module's docstring), unless an escape may stand for a colon
    if _may_escape_colon(raw) or _colons(raw) != fast.encode(c).count(b":"):
        return None
    statuses = bytes([index[item.status] for item in items])
    ident, team, date = c.identifier, c.team, c.date
    return (
        None if ident is unset else ident,
        None if team is unset else team,
        _NO_DATE if date is unset or date is None else date.toordinal() - _EPOCH,
        sum(map(_POINTS.__getitem__, statuses)) / len(statuses),
        statuses,
    )


def _colons(raw: str | bytes) -> int:
    return raw.count(":") if isinstance(raw, str) else raw.count(b":")


def _may_escape_colon(raw: str | bytes) -> bool:
    """Whether the line may hold an escaped colon (only a line with a backslash holds one)."""
    if isinstance(raw, str):
        return "\\" in raw and ("u003a" in raw or "u003A" in raw)
    return b"\\" in raw and (b"u003a" in raw or b"u003A" in raw)


def _object_row(checklist: CollaborationChecklist) -> Row:
    """The row of a model object: its own method's fidelity."""
    date = checklist.date
    return (
        checklist.identifier,
        checklist.team,
        _NO_DATE if date is None else date.toordinal() - _EPOCH,
        checklist.fidelity(),
        bytes([_INDEX[item.status] for item in checklist.items]),
    )


class ChecklistColumns:
    """The checklist frame's columns, filled one checklist or one line at a time.

    ``fast`` is :func:`fast_decoder`'s result, or ``None`` for the object route only.
    """

    def __init__(self, fast: Fast | None) -> None:
        self._fast = fast
        self._rows: list[Row] = []  # the rows of the chunk under way
        self._count = 0  # checklists in the chunks done
        self._id_chunks: list[Any] = []
        self._team_chunks: list[Any] = []
        self._dates = array.array("i")
        self._fidelity = array.array("d")
        self._sizes = array.array("q")  # items per checklist
        self._statuses = bytearray()  # per item: its status's index in _STATUSES
        self.bad: list[dict[str, object]] = []

    def fill(self, source: Iterable[object]) -> None:
        """A row per item of every checklist or line of ``source``; bad lines go to :attr:`bad`.

        Lines are numbered from 1 by their position in ``source``, as in ``load_jsonl``.

        Raises:
            ValidationError: an item that is neither a checklist nor a line.
        """
        fast = self._fast
        decode = fast.decode if fast is not None else None
        index = {**_INDEX, fast.unset: _DEFAULT} if fast is not None else _INDEX
        rows = self._rows
        for i, item in enumerate(source):
            if decode is not None and type(item) in (bytes, str):
                try:
                    row = _fast_row(decode(item), item, fast, index)  # type: ignore[arg-type]
                except Exception:  # any refusal of the fast route: the object route decides
                    row = None
                if row is not None:
                    rows.append(row)
                    if len(rows) >= _CHUNK:
                        self._flush()
                        rows = self._rows
                    continue
            if isinstance(item, str | bytes):
                self._add_slow(i + 1, item)
                rows = self._rows
            elif isinstance(item, CollaborationChecklist):
                self._append(_object_row(item))
                rows = self._rows
            else:
                c = Checker()
                c.wrong_type(
                    ("documents", i),
                    "must be a CollaborationChecklist or a line",
                    item,
                    "CollaborationChecklist | str | bytes",
                )
                c.done()

    def _add_slow(self, number: int, raw: str | bytes) -> None:
        from laeringsnettverk.serialization._jsonl import read_line

        checklist = read_line(number, raw, CollaborationChecklist, self.bad)
        if checklist is not None:
            self._append(_object_row(checklist))

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
        ids, teams, dates, fidelity, statuses = zip(*rows, strict=True)
        if None in ids:  # a checklist without an identifier is known by its position
            ids = tuple(str(base + k) if x is None else x for k, x in enumerate(ids))
        self._id_chunks.append(pa.array(ids, type=pa.large_string()))
        self._team_chunks.append(pa.array(teams, type=pa.large_string()))
        self._dates.extend(dates)
        self._fidelity.extend(fidelity)
        self._sizes.extend(map(len, statuses))
        self._statuses += b"".join(statuses)
        self._count += len(rows)
        self._rows = []

    def frame(self, pd: Any) -> Any:
        """The pandas frame of the checklists added: one row per item, in order."""
        import numpy as np
        import pyarrow as pa

        self._flush()
        sizes = np.frombuffer(self._sizes, dtype=np.int64)
        owner = pa.array(np.repeat(np.arange(len(sizes), dtype=np.int64), sizes))
        starts = np.cumsum(sizes) - sizes
        position = np.arange(len(self._statuses), dtype=np.int64) - np.repeat(starts, sizes)
        status = np.frombuffer(self._statuses, dtype=np.uint8)
        ids = pa.chunked_array(self._id_chunks, type=pa.large_string()).take(owner)
        teams = pa.chunked_array(self._team_chunks, type=pa.large_string()).take(owner)
        codes = pa.array([s.code for s in _STATUSES], type=pa.large_string()).take(status)
        days = np.frombuffer(self._dates, dtype=np.int32)
        dates = pa.array(days, type=pa.int32(), mask=days == _NO_DATE).take(owner)
        fidelity = np.frombuffer(self._fidelity, dtype=np.float64)[owner.to_numpy()]
        no_mask = np.zeros(len(status), dtype=bool)
        points = np.array(_POINTS, dtype=np.int64)[status]

        def strings(values: Any) -> Any:
            return pd.Series(pd.arrays.ArrowStringArray(values))

        columns = {
            "checklist": strings(ids),
            "team": strings(teams).astype("category"),
            "date": pd.Series(dates.cast(pa.date32()), dtype=pd.ArrowDtype(pa.date32())),
            "item": pd.arrays.IntegerArray(position, no_mask),
            "status": strings(codes).astype("category"),
            "points": pd.arrays.IntegerArray(points, no_mask.copy()),
            "fidelity": pd.arrays.FloatingArray(fidelity, no_mask.copy()),
        }
        return pd.DataFrame({k: pd.Series(v) for k, v in columns.items()})
