"""JSON Lines: one versioned document per line, loaded in a batch that goes on past bad lines.

```pycon
>>> from laeringsnettverk.examples import load_example
>>> from laeringsnettverk.serialization import dumps_jsonl, load_jsonl
>>> text = dumps_jsonl([load_example("wheel"), load_example("form")])
>>> text += '{"kind": "form", "schema_version": 1}' + chr(10)
>>> result = load_jsonl(text)
>>> [(number, type(document).__name__) for number, document in result.loaded]
[(1, 'ConversationWheel'), (2, 'WhatMattersForm')]
>>> print(result.errors[0])
line 3: $.activities: is required

```
"""

from __future__ import annotations

import array
import contextlib
import io
import json
import mmap
import typing
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, AnyStr, Generic, TypeVar, overload

import attrs

from laeringsnettverk._checks import fail
from laeringsnettverk.errors import Problem, TypeName, ValidationError
from laeringsnettverk.serialization._json import _quick, checked_document, document_line
from laeringsnettverk.serialization._parse import decode_all

__all__ = ["BatchResult", "LineError", "dump_jsonl", "dumps_jsonl", "iter_jsonl", "load_jsonl"]

T = TypeVar("T")

_BOM = "\ufeff"
_BOM_UTF8 = _BOM.encode()
_JSON_WHITESPACE = " \t\r\n"
_BYTES_LIKE = (bytes, bytearray, memoryview)
"""What is read as UTF-8 bytes, as a whole text or as one line."""
_SOURCE_RULE = "must be str, bytes, a file or an iterable of lines"
_LINE_RULE = "must be a line (str or bytes)"
_LINE_EXPECTED = {"expected": "str | bytes"}


@attrs.frozen(kw_only=True)
class LineError:
    """The problems of one bad line of a JSON Lines batch."""

    line: int
    """The line's number, counting from 1 (blank lines count)."""
    problems: tuple[Problem, ...]
    """The problems of the line's document (at most 100), each with its JSON path, value and
    rule."""
    omitted: int = 0
    """How many more problems the line has, counted but not listed."""

    @property
    def error(self) -> ValidationError:
        """The problems as the ValidationError that loading the line alone raises."""
        return ValidationError(self.problems, style="json", omitted=self.omitted)

    @property
    def messages(self) -> tuple[str, ...]:
        """Each problem as one line of text: its JSON path and its rule, as in ``str(error)``.

        For example ``$.team: 5 must be text (str)``: a value is shown only where it cannot
        be free text.
        """
        return tuple(p.render("json") for p in self.problems)

    def to_dict(self) -> dict[str, Any]:
        """The line for a machine: ``{"line": 3, "problems": [...]}``.

        Each problem is :meth:`~laeringsnettverk.errors.Problem.to_dict` (``path``,
        ``value``, ``rule``, ``loc``, ``type``, ``msg``, ``msg_nb``, ...). A line with more
        problems than are listed has ``"omitted"``, how many more.
        """
        out: dict[str, Any] = {"line": self.line, "problems": [p.to_dict() for p in self.problems]}
        if self.omitted:
            out["omitted"] = self.omitted
        return out

    def __str__(self) -> str:
        lines = list(self.messages)
        if self.omitted:
            lines.append(f"… and {self.omitted} more problems")
        elif len(lines) == 1:
            return f"line {self.line}: {lines[0]}"
        total = len(self.problems) + self.omitted
        return f"line {self.line}: {total} problems:\n" + "\n".join(f"  {x}" for x in lines)


class _Loaded(Sequence[tuple[int, T]]):
    """``(line number, document)`` pairs, held as the documents and an array of numbers.

    A read-only sequence of pairs, made on demand, so a batch holds its documents and 8
    bytes of line number per document, not a tuple and an int object per line. Equal to
    another such sequence, or to a tuple of the same pairs.
    """

    __slots__ = ("_documents", "_numbers")

    def __init__(self, numbers: array.array[int], documents: tuple[T, ...]) -> None:
        self._numbers = numbers
        self._documents = documents

    def __len__(self) -> int:
        return len(self._documents)

    @overload
    def __getitem__(self, index: int) -> tuple[int, T]: ...
    @overload
    def __getitem__(self, index: slice) -> _Loaded[T]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, T] | _Loaded[T]:
        if isinstance(index, slice):
            return _Loaded(self._numbers[index], self._documents[index])
        return self._numbers[index], self._documents[index]

    def __iter__(self) -> Iterator[tuple[int, T]]:
        return zip(self._numbers, self._documents, strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Loaded):
            return self._numbers == other._numbers and self._documents == other._documents
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<{len(self)} loaded documents>"


def _loaded(pairs: Iterable[tuple[int, Any]]) -> _Loaded[Any]:
    """The pairs given, held compactly (a ``_Loaded`` is kept as it is)."""
    if isinstance(pairs, _Loaded):
        return pairs
    items = tuple(pairs)
    return _Loaded(array.array("q", [n for n, _ in items]), tuple(d for _, d in items))


@attrs.frozen(kw_only=True)
class BatchResult(Generic[T]):
    """What :func:`load_jsonl` read: the documents loaded and the lines that failed, in order."""

    loaded: Sequence[tuple[int, T]] = attrs.field(converter=_loaded)
    """``(line number, model object)`` for every line that loaded, in file order: a
    read-only sequence (a tuple of pairs given is kept as such a sequence), which holds the
    documents and a compact array of their line numbers, never a tuple per line."""
    errors: tuple[LineError, ...]
    """Every bad line with its problems, in file order."""

    @property
    def documents(self) -> tuple[T, ...]:
        """The model objects that loaded, in file order (without their line numbers)."""
        return typing.cast(_Loaded[T], self.loaded)._documents  # the converter made it one

    @property
    def ok(self) -> bool:
        """True when every non-blank line loaded."""
        return not self.errors

    def raise_for_errors(self) -> None:
        """Raise one ValidationError for every bad line (paths start ``$[line]``), if any.

        The path's first step is the line number, so ``$[3].activities`` is the
        ``activities`` of the document on line 3.
        """
        if self.errors:
            raise ValidationError(
                [p.prefixed((e.line,)) for e in self.errors for p in e.problems],
                style="json",
                omitted=sum(e.omitted for e in self.errors),
            )

    def error_dicts(self) -> list[dict[str, Any]]:
        """Every bad line as ``{"line", "problems"}``, ready for a service's response."""
        return [e.to_dict() for e in self.errors]

    def __repr__(self) -> str:
        from laeringsnettverk import _display

        return _display.batch_repr(self)

    def _repr_html_(self) -> str:
        from laeringsnettverk import _display

        return _display.batch(self)


@overload
def load_jsonl(
    source: str | bytes | bytearray | memoryview | mmap.mmap | Iterable[str] | Iterable[bytes],
) -> BatchResult[Any]: ...
@overload
def load_jsonl(
    source: str | bytes | bytearray | memoryview | mmap.mmap | Iterable[str] | Iterable[bytes],
    cls: type[T],
) -> BatchResult[T]: ...
def load_jsonl(
    source: str | bytes | bytearray | memoryview | mmap.mmap | Iterable[str] | Iterable[bytes],
    cls: type[Any] | None = None,
) -> BatchResult[Any]:
    r"""Load JSON Lines: one versioned document per line; bad lines are reported, not raised.

    ``source`` is the whole text (``str`` or ``bytes``), or any iterable of lines, such as
    a file opened in binary or text mode (read line by line, so a large file is never held
    whole). Lines end at a line feed (``\n``) only, as JSON Lines defines them: a carriage
    return is JSON whitespace, so ``\r\n`` line ends work and a raw carriage return
    inside a line does not end it. A text file (``io.TextIOWrapper``) is switched to
    ``newline="\n"`` before reading, so it splits lines the same way; open it with
    ``newline="\n"`` (or in binary mode) yourself when you have read from it already.

    Blank lines, empty or of JSON whitespace only (space, tab, carriage return), are
    skipped but counted; a line of other whitespace (a form feed, a no-break space) is not
    JSON and is reported. A byte order mark on the first line is ignored. Each line is
    loaded as by :func:`~laeringsnettverk.serialization.loads` (give ``cls`` to require one
    kind): anything wrong with a line, however hostile (not UTF-8, nested too deeply, a
    number too long, a repeated key), is reported as that line's error and the other lines
    still load. A line that is not JSON is reported as such, without echoing it (it may
    hold free text).

    The batch holds every document loaded; to go through a file too large for memory, read
    it with :func:`iter_jsonl`, which gives the same lines one at a time.

    A ``bytearray`` or ``memoryview`` is read as ``bytes``, whole or as one line; an
    ``mmap.mmap`` of a file is read as its bytes, one line at a time, in place. An item
    of an iterable that is no line at all (``None``, a number, a dict) is that line's
    error, named by its type only, and the lines after it still load. An exception the
    source itself raises while it is read (a file's ``OSError``, or the
    ``UnicodeDecodeError`` of a text file that is not UTF-8: open it in binary mode to
    have such a line reported instead) is not a line's problem and propagates unchanged.

    Raises:
        ValidationError: ``source`` is none of these (path ``source``; its type is named,
            never its value).
    """
    numbers = array.array("q")
    documents: list[Any] = []
    errors: list[LineError] = []
    for item in iter_jsonl(source, cls):
        if type(item) is tuple:
            numbers.append(item[0])
            documents.append(item[1])
        else:
            errors.append(typing.cast(LineError, item))
    return BatchResult(loaded=_Loaded(numbers, tuple(documents)), errors=tuple(errors))


@overload
def iter_jsonl(
    source: str | bytes | bytearray | memoryview | mmap.mmap | Iterable[str] | Iterable[bytes],
    cls: None = None,
) -> Iterator[tuple[int, Any] | LineError]: ...
@overload
def iter_jsonl(
    source: str | bytes | bytearray | memoryview | mmap.mmap | Iterable[str] | Iterable[bytes],
    cls: type[T],
) -> Iterator[tuple[int, T] | LineError]: ...
def iter_jsonl(
    source: str | bytes | bytearray | memoryview | mmap.mmap | Iterable[str] | Iterable[bytes],
    cls: type[Any] | None = None,
) -> Iterator[tuple[int, Any] | LineError]:
    """JSON Lines one line at a time: ``(line number, document)``, or the line's :class:`LineError`.

    The lines and their results are those of :func:`load_jsonl` (the same reading of each
    line, the same numbering, blank lines skipped but counted), given in file order as they
    are read: nothing is kept between lines, so memory stays flat however long the file,
    beyond what the caller keeps. Bad lines are given, never dropped: tell them apart with
    ``isinstance(item, LineError)``. A source that is neither text nor an iterable is
    refused at once, when ``iter_jsonl`` is called, before any line is read; an exception
    the source raises while it is read propagates (the lines before it were given already).

    ```pycon
    >>> from laeringsnettverk.examples import example_text
    >>> from laeringsnettverk.serialization import LineError, iter_jsonl
    >>> text = example_text("form").replace(chr(10), "") + chr(10) + "not json" + chr(10)
    >>> for item in iter_jsonl(text):
    ...     if isinstance(item, LineError):
    ...         print(item)
    ...     else:
    ...         line, form = item
    ...         print(line, form.identifier)
    1 eksempel-skjema-1
    line 2: $: is not valid JSON (Expecting value at character 0)

    ```

    Raises:
        ValidationError: ``source`` is not ``str``, ``bytes``, a file or an iterable of
            lines (see :func:`load_jsonl`).
    """
    lines: Iterable[object]
    if isinstance(source, str):
        lines = _split(source, "\n")
    elif isinstance(source, _BYTES_LIKE):
        # read in place (a bytes object is shared, not copied), each line with its feed
        lines = io.BytesIO(source if type(source) is bytes else bytes(source))
    elif isinstance(source, mmap.mmap):  # found and sliced in place: never read whole
        lines = _split(typing.cast(bytes, source), b"\n")
    else:
        if isinstance(source, io.TextIOWrapper):
            with contextlib.suppress(io.UnsupportedOperation):  # read from already
                source.reconfigure(newline="\n")
        kind = type(source)
        old_style = not hasattr(kind, "__iter__") and hasattr(kind, "__getitem__")
        if not (isinstance(source, Iterable) or old_style):
            # not iterable: the type's name only, since the source may be free text
            fail(
                ("source",),
                _SOURCE_RULE,
                TypeName(kind.__name__),
                code="model_type",
                ctx={"expected": "str | bytes | IO | Iterable"},
            )
        lines = iter(source)  # what an iterable's own __iter__ raises propagates
    return _items(lines, cls)


def _items(lines: Iterable[object], cls: type[Any] | None) -> Iterator[tuple[int, Any] | LineError]:
    """The items of :func:`iter_jsonl`, one per line read (a generator: nothing runs early).

    A line may end with its line feed (a file's lines do): the quick path reads it as
    whitespace after the document, and the reference path reads the line without it, so
    what it reports (a position) is the same whether the line came from a file or a text.
    """
    for number, raw in enumerate(lines, 1):
        tried = False  # whether the quick path has had the line
        if type(raw) is bytes:  # a file's line or a slice of bytes: the quick path decodes it
            body = raw[3:] if number == 1 and raw.startswith(_BOM_UTF8) else raw
            obj = _quick(body, cls, False)  # a (further) byte order mark: not quick
            if obj is not None:
                yield number, obj
                continue
            tried = True
            # anything else (blank, not UTF-8, not valid): read as text below
        if isinstance(raw, str):
            line = raw
        elif isinstance(raw, _BYTES_LIKE):
            try:
                line = str(raw, "utf-8")
            except UnicodeDecodeError as exc:
                yield _not_json(number, f"not UTF-8 at byte {exc.start}", "encoding")
                continue
        else:  # the type's name only: the item itself may be free text about a person
            yield _not_a_line(number, raw)
            continue
        if number == 1 and line.startswith(_BOM):
            line = line[1:]
        if not line.strip(_JSON_WHITESPACE):
            continue
        # the valid common case first (a byte order mark is allowed on the first line only)
        obj = None if tried else _quick(line, cls, False)
        if obj is not None:
            yield number, obj
            continue
        yield _load_line(number, line.removesuffix("\n"), cls)


def read_line(
    number: int, raw: str | bytes, cls: type[T], bad: list[dict[str, object]]
) -> T | None:
    """One line read alone, as ``load_jsonl([raw], cls)`` reads it: its document, or ``None``.

    The object route of the data frames, for a line their fast route refused. A bad line
    is recorded in ``bad`` as ``{"line": number, "problems": [...]}``, each problem its
    JSON path and rule (:attr:`LineError.messages`, never the line's text), and gives
    ``None``, as does a blank line (recorded nowhere). ``number`` is the line's place in
    its source; the line itself is read as a first line (a byte order mark is ignored).
    """
    for item in _items((raw,), cls):  # one item at most: the line's
        if isinstance(item, LineError):
            bad.append({"line": number, "problems": list(item.messages)})
            return None
        document: T = item[1]  # a document of ``cls``: _items checked it
        return document
    return None  # a blank line


def _load_line(number: int, line: str, cls: type[Any] | None) -> tuple[int, Any] | LineError:
    """A line the quick path did not load: read again, every problem reported."""
    try:
        data, refused = decode_all(line)
    except json.JSONDecodeError as exc:
        return _not_json(number, f"{exc.msg} at character {exc.pos}", "json_invalid")
    except RecursionError:
        return _not_json(number, "nested too deeply", "too_deep")
    except ValueError:  # int() refuses more than sys.get_int_max_str_digits() digits
        return _not_json(number, "a number has too many digits", "too_many_digits")
    try:
        # a repeated key or a lone surrogate is reported with the line's other problems
        return number, checked_document(data, cls, refused)
    except ValidationError as exc:
        return LineError(line=number, problems=exc.problems, omitted=exc.omitted)


def _split(text: AnyStr, feed: AnyStr) -> Iterator[AnyStr]:
    """The lines of a whole text, one at a time (without the line feeds), never all at once.

    Split at a line feed only: not ``splitlines()``, since U+2028 may stand raw inside a
    JSON string.
    """
    start = 0
    while (end := text.find(feed, start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _not_a_line(number: int, item: object) -> LineError:
    problem = Problem.of(
        (), _LINE_RULE, TypeName(type(item).__name__), code="model_type", ctx=_LINE_EXPECTED
    )
    return LineError(line=number, problems=(problem,))


def _not_json(number: int, why: str, code: str) -> LineError:
    ctx = {"encoding": "UTF-8"} if code == "encoding" else None
    problem = Problem.of((), f"is not valid JSON ({why})", code=code, ctx=ctx)
    return LineError(line=number, problems=(problem,))


def dumps_jsonl(objs: Iterable[object]) -> str:
    """Model objects as JSON Lines: one compact versioned document per line.

    Each line is the document :func:`~laeringsnettverk.serialization.dumps` writes, on one
    line; :func:`load_jsonl` reads it back.

    Raises:
        ValidationError: for text holding a lone surrogate, which UTF-8 cannot write.
    """
    return "".join([document_line(obj) + "\n" for obj in objs])


def dump_jsonl(objs: Iterable[object], fp: IO[str]) -> int:
    """Write model objects to a text file as JSON Lines, one at a time; return how many.

    Raises:
        ValidationError: for text holding a lone surrogate (the lines before it are written).
    """
    count = 0
    for obj in objs:
        fp.write(document_line(obj) + "\n")
        count += 1
    return count
