"""Data frames for notebooks: scores, forms, checklists and per-group summaries.

The ``dataframe`` extra: pandas and pyarrow are imported on first use
(``pip install "laeringsnettverk[dataframe]"``). Every function takes documents (any
iterable of models) or JSON Lines (a path, an open file, or an iterable of lines such as a
Dask bag's partition): lines are read one at a time, each checked as by
:func:`~laeringsnettverk.serialization.load_jsonl` and let go once its row is made, so memory
holds the frame, not the documents. :func:`forms_frame` and :func:`checklists_frame` read
JSON Lines without building the models when the ``fast`` extra (msgspec) is installed, with
the same result. Bad lines are never dropped silently: they are listed in
``frame.attrs["bad_lines"]`` (line number, path and rule, never the text) and a
:class:`~laeringsnettverk.errors.LaeringsnettverkWarning` says how many.

Columns have proper types: nullable integers (``Int64``), booleans (``boolean``), floats
(``Float64``), categoricals for teams and codes, dates as Arrow dates, Arrow-backed strings.
Activity names are free text about a person: the long frame carries them only when asked
(``with_text=True``), so a frame can be shared without them. The ``municipality`` column is
the form's own municipality number when it has one, else the one municipality of its team in
the ``network`` given (missing when neither says).

```pycon
>>> from laeringsnettverk.examples import load_example
>>> from laeringsnettverk.frames import forms_frame
>>> frame = forms_frame([load_example("form")])
>>> print(frame[["form", "mean_1", "mean_2", "benefit", "important"]].to_string(index=False))
             form  mean_1  mean_2  benefit  important
eksempel-skjema-1     2.0     5.0      3.0       True

```
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, TypeVar

from laeringsnettverk._checks import Checker
from laeringsnettverk.errors import LaeringsnettverkWarning
from laeringsnettverk.scoring import MINIMAL_IMPORTANT_CHANGE
from laeringsnettverk.stats import mean_estimate
from laeringsnettverk.toolkit import WhatMattersForm

if TYPE_CHECKING:
    import pandas as pd

    from laeringsnettverk.network import LearningNetwork

__all__ = [
    "Source",
    "checklists_frame",
    "forms_frame",
    "scores_frame",
    "summary_frame",
]

T = TypeVar("T")

Source = Iterable[Any] | str | os.PathLike[str] | IO[str] | IO[bytes]
"""Documents (an iterable of models), or JSON Lines: a path, an open file, or an iterable of
lines (``str`` or ``bytes``)."""


def _pandas() -> Any:
    try:
        import pandas
        import pyarrow  # noqa: F401  (Arrow-backed dtypes need it)
    except ImportError as exc:  # pragma: no cover - the dev extra installs both
        raise ImportError(
            'data frames need pandas and pyarrow: pip install "laeringsnettverk[dataframe]"'
        ) from exc
    return pandas


def _documents(source: Source, cls: type[T], bad: list[dict[str, object]]) -> Iterator[T]:
    """The documents of ``source``, one at a time; bad lines go to ``bad``."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            yield from _items(handle, cls, bad)
    else:
        yield from _items(source, cls, bad)


def _items(source: Iterable[object], cls: type[T], bad: list[dict[str, object]]) -> Iterator[T]:
    from laeringsnettverk.serialization._jsonl import read_line

    for i, item in enumerate(source):
        if isinstance(item, str | bytes):  # line numbers count from 1, as in load_jsonl
            doc = read_line(i + 1, item, cls, bad)
            if doc is not None:
                yield doc
        elif isinstance(item, cls):
            yield item
        else:
            c = Checker()
            rule = f"must be a {cls.__name__} or a line"
            c.wrong_type(("documents", i), rule, item, f"{cls.__name__} | str | bytes")
            c.done()


def _finish(frame: pd.DataFrame, bad: list[dict[str, object]]) -> pd.DataFrame:
    frame.attrs["bad_lines"] = bad
    if bad:
        warnings.warn(
            f"{len(bad)} bad lines were left out of the frame; see frame.attrs['bad_lines']",
            LaeringsnettverkWarning,
            stacklevel=3,
        )
    return frame


def _municipalities(network: LearningNetwork | None) -> Mapping[str, str]:
    """Team → municipality number, for teams of exactly one municipality."""
    if network is None:
        return {}
    out = {}
    for team in network.teams:
        numbers = team.municipality_numbers
        if len(numbers) == 1:
            out[team.identifier] = numbers[0]
    return out


def _municipality(form: WhatMattersForm, towns: Mapping[str, str]) -> str | None:
    """The form's own municipality number, else its team's in ``towns`` (or ``None``)."""
    if form.municipality is not None:
        return form.municipality
    return towns.get(form.team) if form.team is not None else None


def _frame(pd: Any, columns: dict[str, list[Any]], dtypes: Mapping[str, Any]) -> pd.DataFrame:
    import pyarrow as pa

    data = {}
    for name, values in columns.items():
        dtype = dtypes[name]
        if dtype == "date":
            data[name] = pd.Series(
                pa.array(values, type=pa.date32()), dtype=pd.ArrowDtype(pa.date32())
            )
        elif dtype == "category":  # string categories, also when every value is missing
            data[name] = pd.Series(values, dtype=_STRING).astype("category")
        else:
            data[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(data)


_STRING = "string[pyarrow]"


def scores_frame(
    forms: Source,
    *,
    with_text: bool = False,
    network: LearningNetwork | None = None,
) -> pd.DataFrame:
    """The long frame: one row per form × conversation × activity scored.

    Columns: ``form`` (the form's identifier, or its position when it has none), ``team``,
    ``municipality`` (the form's own
    :attr:`~laeringsnettverk.toolkit.WhatMattersForm.municipality` when it has one, else
    the team's when ``network`` gives the team exactly one), ``conversation`` (1, 2, …),
    ``date``, ``activity`` (the activity's position in the form, from 0), ``score``;
    ``activity_name`` only with ``with_text=True``.
    """
    pd = _pandas()
    towns = _municipalities(network)
    bad: list[dict[str, object]] = []
    cols: dict[str, list[Any]] = {
        k: [] for k in ("form", "team", "municipality", "conversation", "date", "activity", "score")
    }
    names: list[str] = []
    for i, form in enumerate(_documents(forms, WhatMattersForm, bad)):
        ident = form.identifier if form.identifier is not None else str(i)
        order = {name: k for k, name in enumerate(form.activity_names)}
        town = _municipality(form, towns)
        for number, conv in enumerate(form.conversations, 1):
            for name, score in conv.scores.items():
                cols["form"].append(ident)
                cols["team"].append(form.team)
                cols["municipality"].append(town)
                cols["conversation"].append(number)
                cols["date"].append(conv.date)
                cols["activity"].append(order[name])
                cols["score"].append(score)
                names.append(name)
    dtypes = {
        "form": _STRING,
        "team": "category",
        "municipality": "category",
        "conversation": "Int64",
        "date": "date",
        "activity": "Int64",
        "score": "Int64",
    }
    if with_text:
        cols["activity_name"] = names
        dtypes["activity_name"] = _STRING
    return _finish(_frame(pd, cols, dtypes), bad)


def forms_frame(
    forms: Source,
    *,
    network: LearningNetwork | None = None,
    minimal_important_change: float = MINIMAL_IMPORTANT_CHANGE,
) -> pd.DataFrame:
    """The per-form frame: one row per form, with its scores.

    Columns: ``form``, ``team``, ``municipality`` (the form's own
    :attr:`~laeringsnettverk.toolkit.WhatMattersForm.municipality` when it has one, else
    the team's when ``network`` gives the team exactly one), ``conversations`` (how many),
    ``date_1``, ``date_2``, ``mean_1``, ``mean_2`` (each conversation's mean, over the
    activities it scored), ``benefit`` (over the paired activities, as
    :func:`~laeringsnettverk.toolkit.form_benefit` computes it), ``paired``, ``improved``
    (benefit above 0) and ``important`` (reaches ``minimal_important_change``). The
    numbers are the object path's, exactly.

    JSON Lines are scored without keeping a model per form: each row goes straight into
    typed column buffers. With the ``fast`` extra (msgspec, ``pip install
    "laeringsnettverk[fast]"``) a line is decoded into small typed structs in compiled
    code, checked by the same rules as :func:`~laeringsnettverk.serialization.load_jsonl`
    and scored from its integer sums, without building the models; any line that this fast
    route is not sure of (one that breaks a rule, or that it cannot check as cheaply: a
    colon in an activity's name, a scale beyond ±2³¹, a byte order mark) is loaded and
    scored by the models, so its row or its reported problems are the object path's.
    Without msgspec every line takes that route; the frame is the same either way.

    Raises:
        ValidationError: an item of ``forms`` that is neither a form nor a line, or a
            ``minimal_important_change`` that is not a finite number above 0 (checked, as
            by :func:`~laeringsnettverk.toolkit.form_benefit`, once a form has two
            conversations).
    """
    pd = _pandas()
    from laeringsnettverk._frames_columnar import FormColumns, fast_decoder

    columns = FormColumns(fast_decoder(), minimal_important_change)
    if isinstance(forms, str | os.PathLike):
        with open(forms, "rb") as handle:
            columns.fill(handle)
    else:
        columns.fill(forms)
    return _finish(columns.frame(pd, _municipalities(network)), columns.bad)


def checklists_frame(checklists: Source) -> pd.DataFrame:
    """The checklist frame: one row per item, with its checklist's program fidelity.

    Columns: ``checklist`` (identifier, or position), ``team``, ``date``, ``item`` (position
    from 0), ``status`` (the code, categorical), ``points`` (1 for done or not relevant),
    ``fidelity`` (the checklist's points over items, 0..1, the same on each of its rows, as
    :meth:`~laeringsnettverk.toolkit.CollaborationChecklist.fidelity` computes it).

    JSON Lines are read without keeping a model per checklist: each checklist goes straight
    into typed column buffers. With the ``fast`` extra (msgspec, ``pip install
    "laeringsnettverk[fast]"``) a line is decoded into small typed structs in compiled
    code and checked by the same rules as :func:`~laeringsnettverk.serialization.load_jsonl`,
    without building the models; any line that this fast route is not sure of (one that
    breaks a rule, a colon in some text beside an escaped colon, a byte order mark) is
    loaded by the models, so its rows or its reported problems are the object path's.
    Without msgspec every line takes that route; the frame is the same either way.

    Raises:
        ValidationError: an item of ``checklists`` that is neither a checklist nor a line.
    """
    pd = _pandas()
    from laeringsnettverk._checklists_columnar import ChecklistColumns, fast_decoder

    columns = ChecklistColumns(fast_decoder())
    if isinstance(checklists, str | os.PathLike):
        with open(checklists, "rb") as handle:
            columns.fill(handle)
    else:
        columns.fill(checklists)
    return _finish(columns.frame(pd), columns.bad)


def summary_frame(
    frame: pd.DataFrame,
    by: str | Sequence[str] = "team",
    *,
    level: float = 0.95,
) -> pd.DataFrame:
    """Per-group summaries of a :func:`forms_frame`: n, mean benefit and its spread.

    One row per group (e.g. ``by="team"``, or ``by=["team", "period"]`` after adding a
    period column): ``n`` (forms with a benefit), ``mean``, ``sd``, ``lower`` and ``upper``
    (the ``level`` confidence interval, Student's t, as
    :func:`~laeringsnettverk.stats.mean_estimate`), ``improved`` and ``important`` (the
    shares of the n).
    """
    pd = _pandas()
    keys = [by] if isinstance(by, str) else list(by)
    c = Checker()
    for k, key in enumerate(keys):
        if key not in frame.columns:
            c.add(("by", k), "is not a column of the frame", key)
    for key in ("benefit", "improved", "important"):
        if key not in frame.columns:
            c.add(("frame",), f"has no column {key!r}: expected a forms_frame")
    c.done()
    rows: list[dict[str, Any]] = []
    scored = frame[frame["benefit"].notna()]
    for group, part in scored.groupby(keys, observed=True, sort=True, dropna=False):
        values = [float(v) for v in part["benefit"]]
        est = mean_estimate(values, level=level)
        labels = group if isinstance(group, tuple) else (group,)
        row = dict(zip(keys, labels, strict=True))
        row.update(
            n=est.n,
            mean=est.mean,
            sd=est.sd,
            lower=est.lower,
            upper=est.upper,
            improved=float(part["improved"].sum()) / est.n,
            important=float(part["important"].sum()) / est.n,
        )
        rows.append(row)
    columns = [*keys, "n", "mean", "sd", "lower", "upper", "improved", "important"]
    out = pd.DataFrame(rows, columns=columns)
    return out.astype(
        {
            "n": "Int64",
            "mean": "Float64",
            "sd": "Float64",
            "lower": "Float64",
            "upper": "Float64",
            "improved": "Float64",
            "important": "Float64",
        }
    )
