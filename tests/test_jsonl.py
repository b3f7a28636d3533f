"""JSON Lines: batch loading that reports each bad line and goes on; writing one per line."""

from __future__ import annotations

import io
import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import laeringsnettverk as ln
from laeringsnettverk import ValidationError
from laeringsnettverk.examples import example_text, load_example
from laeringsnettverk.serialization import (
    BatchResult,
    LineError,
    dump_jsonl,
    dumps,
    dumps_jsonl,
    load_jsonl,
    loads,
)
from strategies.toolkit import action_plans, checklists, conversation_wheels, forms, kor_ratings

any_document = st.one_of(
    forms(scale=st.just(ln.Scale())),
    kor_ratings(),
    checklists(),
    action_plans(),
    conversation_wheels(),
)
FORM = load_example("form")
WHEEL = load_example("wheel")


def line_of(obj: object) -> str:
    return dumps(obj, indent=None)


# -- round trips --------------------------------------------------------------------------


@given(st.lists(any_document, max_size=5))
def test_dumps_jsonl_then_load_jsonl_is_the_identity(objs: list[object]) -> None:
    text = dumps_jsonl(objs)
    assert text.count("\n") == len(objs)
    result = load_jsonl(text)
    assert result.ok and result.errors == ()
    assert result.documents == tuple(objs)
    assert [n for n, _ in result.loaded] == list(range(1, len(objs) + 1))


def test_each_line_is_the_compact_versioned_document() -> None:
    text = dumps_jsonl([FORM, WHEEL])
    first, second, end = text.split("\n")
    assert end == ""
    assert json.loads(first) == json.loads(dumps(FORM))
    assert first.startswith('{"kind":"form","schema_version":1,')
    assert "Søvn" in first  # UTF-8, not \u escapes
    assert loads(second) == WHEEL


def test_dumps_jsonl_of_nothing_is_empty() -> None:
    assert dumps_jsonl([]) == ""
    assert load_jsonl("") == BatchResult(loaded=(), errors=())


def test_dumps_jsonl_takes_any_iterable_and_rejects_non_models() -> None:
    assert dumps_jsonl(iter([FORM])) == dumps_jsonl([FORM])
    with pytest.raises(ValidationError, match="is not a document kind"):
        dumps_jsonl([FORM, "not a model"])


def test_dump_jsonl_streams_to_a_file() -> None:
    out = io.StringIO()
    assert dump_jsonl(iter([FORM, WHEEL, FORM]), out) == 3
    assert out.getvalue() == dumps_jsonl([FORM, WHEEL, FORM])


def test_a_raw_line_separator_inside_a_string_stays_in_its_line() -> None:
    # json.dumps(ensure_ascii=False) writes U+2028 raw; str.splitlines() would split there
    form = ln.WhatMattersForm(activities=[ln.Activity(name="Sove\u2028godt\x1c")])
    text = dumps_jsonl([form, form])
    assert "\u2028" in text
    result = load_jsonl(text)
    assert result.documents == (form, form)
    assert load_jsonl(text.encode()).documents == (form, form)


# -- sources ------------------------------------------------------------------------------


def _mixed() -> str:
    return "\n".join(
        [
            line_of(FORM),  # 1
            "",  # 2: blank, skipped but counted
            '{"kind": "form", "schema_version": 1, "activities": [{"name": " "}]}',  # 3
            "not json at all",  # 4
            "   ",  # 5: blank
            line_of(WHEEL),  # 6
            '{"kind": "skjema", "schema_version": 1}',  # 7
        ]
    )


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(_mixed(), id="str"),
        pytest.param(_mixed().encode(), id="bytes"),
        pytest.param(_mixed().splitlines(keepends=True), id="list-of-lines"),
        pytest.param(io.StringIO(_mixed()), id="text-file"),
        pytest.param(io.BytesIO(_mixed().encode()), id="binary-file"),
        pytest.param(_mixed().replace("\n", "\r\n"), id="crlf"),
        pytest.param("\ufeff" + _mixed(), id="bom"),
    ],
)
def test_load_jsonl_goes_on_past_bad_lines(source: Any) -> None:
    result = load_jsonl(source)
    assert [(n, type(d).__name__) for n, d in result.loaded] == [
        (1, "WhatMattersForm"),
        (6, "ConversationWheel"),
    ]
    assert result.documents == (FORM, WHEEL)
    assert not result.ok
    assert [e.line for e in result.errors] == [3, 4, 7]
    blank, not_json, unknown = result.errors
    assert [p.render("json") for p in blank.problems] == ["$.activities[0].name: must not be empty"]
    assert not_json.problems[0].rule.startswith("is not valid JSON (Expecting value at character 0")
    assert unknown.problems[0].path == ("kind",)


def test_file_on_disk_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(_mixed(), encoding="utf-8")
    with path.open(encoding="utf-8") as fp:
        assert [e.line for e in load_jsonl(fp).errors] == [3, 4, 7]
    with path.open("rb") as fp:
        assert len(load_jsonl(fp).loaded) == 2


def test_cls_requires_one_kind_per_line() -> None:
    result = load_jsonl(dumps_jsonl([FORM, WHEEL]), ln.WhatMattersForm)
    assert result.documents == (FORM,)
    assert str(result.errors[0]) == "line 2: $.kind: 'wheel' must be the kind of WhatMattersForm"


# -- the errors ---------------------------------------------------------------------------


def test_line_errors_match_what_loads_raises_for_the_line_alone() -> None:
    bad = json.loads(line_of(FORM))
    bad["conversations"][1]["scores"]["Sove godt om natta"] = 11
    bad["conversations"][0]["date"] = "2015-02-30"
    line = json.dumps(bad, ensure_ascii=False)
    result = load_jsonl(line_of(WHEEL) + "\n" + line)
    (error,) = result.errors
    assert error.line == 2
    with pytest.raises(ValidationError) as alone:
        loads(line)
    assert error.problems == alone.value.problems
    assert str(error.error) == str(alone.value)
    assert str(error) == (
        "line 2: 2 problems:\n"
        "  $.conversations[0].date: '2015-02-30' is not a real calendar date\n"
        "  $.conversations[1].scores[key 0]: 11 is above the scale's max 10"
    )


def test_line_error_with_several_problems_reads_as_a_list() -> None:
    line = '{"kind": "form", "schema_version": 1, "activities": [{"name": ""}], "x": 1}'
    (error,) = load_jsonl(line).errors
    assert str(error) == (
        "line 1: 2 problems:\n"
        "  $.activities[0].name: must not be empty\n"
        "  $.x: is not a field of WhatMattersForm: unknown keys are rejected"
    )
    assert error.messages == (
        "$.activities[0].name: must not be empty",
        "$.x: is not a field of WhatMattersForm: unknown keys are rejected",
    )


def test_error_dicts_are_ready_for_a_service_response() -> None:
    result = load_jsonl(_mixed())
    dicts = result.error_dicts()
    assert dicts[0] == {
        "line": 3,
        "problems": [
            {
                "path": "$.activities[0].name",
                "value": None,
                "rule": "must not be empty",
                "loc": ["activities", 0, "name"],
                "type": "string_blank",
                "msg": "must not be empty",
                "msg_nb": "kan ikke være tom",
            }
        ],
    }
    assert json.loads(json.dumps(dicts)) == dicts


def test_free_text_of_a_bad_line_is_never_echoed() -> None:
    secret = "Ola Nordmann har angst"
    lines = [
        f'{{"kind": "form", "schema_version": 1, "activities": [{{"name": "{secret}"}}, '
        f'{{"name": "{secret.upper()}"}}]}}',
        f"{secret} is not JSON",
        f'{{"kind": "form", "schema_version": 1, "activities": [{{"name": "{secret}"}}',
    ]
    result = load_jsonl("\n".join(lines))
    assert [e.line for e in result.errors] == [1, 2, 3]
    assert secret.lower() not in json.dumps(result.error_dicts()).lower()
    assert secret.lower() not in "\n".join(map(str, result.errors)).lower()


def test_bad_utf8_and_deep_nesting_are_reported_not_raised() -> None:
    result = load_jsonl(b'{"kind": "\xff"}\n' + b"[" * 100_000 + b"\n" + line_of(FORM).encode())
    assert [e.line for e in result.errors] == [1, 2]
    assert result.errors[0].problems[0].rule == "is not valid JSON (not UTF-8 at byte 10)"
    assert result.errors[1].problems[0].rule.startswith("is not valid JSON")
    assert result.documents == (FORM,)


def test_raise_for_errors_prefixes_paths_with_the_line() -> None:
    load_jsonl(dumps_jsonl([FORM])).raise_for_errors()  # nothing to raise
    with pytest.raises(ValidationError) as info:
        load_jsonl(_mixed()).raise_for_errors()
    message = str(info.value)
    assert message.startswith("3 problems:\n  $[3].activities[0].name: must not be empty")
    assert "$[7].kind: 'skjema' is not a known document kind" in message


def test_results_are_frozen_and_picklable() -> None:
    result = load_jsonl(_mixed())
    with pytest.raises(AttributeError):
        result.errors = ()  # type: ignore[misc]
    assert isinstance(result.errors[0], LineError)
    # (a form is not picklable: its scores are a mappingproxy; the wheel and errors are)
    wheels = load_jsonl(line_of(WHEEL) + "\nnot json")
    assert pickle.loads(pickle.dumps(wheels)) == wheels


def test_a_byte_order_mark_is_allowed_on_the_first_line_only() -> None:
    # the quick path takes valid lines; a mark on a later line is still a bad line
    line = json.dumps(json.loads(example_text("form")))
    result = load_jsonl(["\ufeff" + line, "\ufeff" + line, line])
    assert [n for n, _ in result.loaded] == [1, 3]
    assert [e.line for e in result.errors] == [2]


@given(st.lists(st.integers(1, 2**40)), st.data())
def test_loaded_is_a_read_only_sequence_of_pairs(numbers: list[int], data: st.DataObject) -> None:
    # a batch keeps the documents and an array of line numbers; `loaded` reads as the
    # tuple of (line, document) pairs it stands for: by index, slice, iteration, equality
    pairs = tuple((n, FORM if n % 2 else WHEEL) for n in numbers)
    result: BatchResult[object] = BatchResult(loaded=pairs, errors=())
    loaded = result.loaded
    assert tuple(loaded) == pairs and loaded == pairs and len(loaded) == len(pairs)
    assert result.documents == tuple(d for _, d in pairs)
    if pairs:
        i = data.draw(st.integers(-len(pairs), len(pairs) - 1))
        assert loaded[i] == pairs[i]
    part = data.draw(st.slices(len(pairs)))
    assert loaded[part] == pairs[part] and isinstance(loaded[part], type(loaded))
    again = BatchResult(loaded=loaded, errors=())
    assert again.loaded is loaded and again == result and hash(again) == hash(result)
    assert loaded != list(pairs)  # a tuple of the pairs, not any sequence
    assert (loaded == pairs[::-1]) == (pairs == pairs[::-1])
    assert repr(loaded) == f"<{len(pairs)} loaded documents>"


def test_a_batch_holds_its_documents_and_a_line_number_each() -> None:
    # no tuple or int object per line: what a batch holds beyond its documents is about
    # 16 bytes per document (a pointer and a line number), measured by tracemalloc
    import gc
    import tracemalloc

    lines = [line_of(FORM).replace("eksempel-skjema-1", f"skjema-{i}") for i in range(600)]

    def held(build: Any) -> int:
        gc.collect()
        tracemalloc.start()
        kept = build()
        size, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept
        return size

    objects = held(lambda: [loads(line) for line in lines])
    batch = held(lambda: load_jsonl("\n".join(lines)))
    assert batch <= objects + 16 * len(lines) + 4096


@given(st.text(alphabet=st.sampled_from(["a", "\n", "\r", "\u2028", " ", "é"])))
def test_a_whole_text_is_split_at_line_feeds_only_one_line_at_a_time(text: str) -> None:
    from laeringsnettverk.serialization._jsonl import _split

    assert list(_split(text, "\n")) == text.split("\n")
    data = text.encode()
    assert list(_split(data, b"\n")) == data.split(b"\n")


_LINE = st.sampled_from(
    [
        line_of(FORM),
        line_of(WHEEL),
        "",
        "  \r",
        "not json",
        '{"kind": "form"}',
        "\ufeff",
        "\ufeff" + line_of(FORM),  # a mark: allowed leading the first line only
        line_of(FORM) + "\r",
        '{"kind": "form"',  # an error at the line's end: the same position from every source
    ]
)
_LINES = st.lists(_LINE, max_size=8)


@given(_LINES)
def test_iter_jsonl_gives_what_load_jsonl_gives_from_every_source(lines: list[str]) -> None:
    # the same items, in file order, from the whole text, its bytes, a list of lines and
    # a file in either mode; the batch is those items gathered
    from laeringsnettverk.serialization import LineError, iter_jsonl

    text = "\n".join(lines)
    expected = list(iter_jsonl(text))
    assert list(iter_jsonl(text.encode())) == expected
    assert list(iter_jsonl(lines)) == expected
    assert list(iter_jsonl(io.BytesIO(text.encode()))) == expected
    assert list(iter_jsonl(io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8"))) == (
        expected
    )
    batch = load_jsonl(text)
    assert tuple(batch.loaded) == tuple(x for x in expected if not isinstance(x, LineError))
    assert batch.errors == tuple(x for x in expected if isinstance(x, LineError))


def test_iter_jsonl_reads_a_line_only_when_asked() -> None:
    from laeringsnettverk.serialization import LineError, iter_jsonl

    read: list[int] = []

    def source() -> Any:
        for i in range(1000):
            read.append(i)
            yield line_of(FORM) if i % 3 else "not json"

    items = iter_jsonl(source())
    first, second = next(items), next(items)
    assert isinstance(first, LineError) and first.line == 1
    assert second == (2, FORM)
    assert read == [0, 1]


def test_iter_jsonl_holds_memory_flat_however_long_the_source() -> None:
    # the peak while going through 2,000 lines is that of going through 200
    # (tracemalloc); nothing is kept between lines (a document is about 2 KB)
    import gc
    import tracemalloc

    from laeringsnettverk.serialization import iter_jsonl

    line = line_of(FORM)

    def peak(n: int) -> int:
        gc.collect()
        tracemalloc.start()
        for _ in iter_jsonl(line for _ in range(n)):
            pass
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    peak(50)  # the first documents build and cache the loader's functions
    assert peak(2000) <= peak(200) + 16_384


# -- sources and items of the wrong type ---------------------------------------------------


class _Person:
    """An object whose repr is free text about a person: never to be echoed."""

    def __repr__(self) -> str:
        return "Kari Nordmann"


class _Broken:
    """An iterable whose own ``__iter__`` has a bug."""

    def __iter__(self) -> Iterator[str]:
        raise TypeError("a bug of the source's own")


class _NotIterable:
    __iter__ = None  # Python's way to say a class is not iterable

    def __getitem__(self, index: int) -> str:  # pragma: no cover - never called
        raise IndexError(index)


class _OldStyle:
    """A sequence by ``__getitem__`` alone: iter() reads it."""

    def __getitem__(self, index: int) -> str:
        if index > 0:
            raise IndexError(index)
        return '{"kind": "form"'


def test_an_iterables_own_error_propagates_and_is_not_called_a_wrong_type() -> None:
    from laeringsnettverk.serialization import iter_jsonl

    with pytest.raises(TypeError, match="a bug of the source's own"):
        iter_jsonl(_Broken())
    with pytest.raises(ValidationError) as caught:
        iter_jsonl(_NotIterable())  # type: ignore[call-overload]
    assert caught.value.problems[0].code == "model_type"
    (error,) = iter_jsonl(_OldStyle())  # type: ignore[call-overload]
    assert isinstance(error, LineError) and error.line == 1


@pytest.mark.parametrize(
    ("source", "name"),
    [
        (5, "int"),  # a number is not iterable
        (None, "NoneType"),  # nothing at all
        (2.5, "float"),
        (True, "bool"),
        (_Person(), "_Person"),  # its repr (free text) is not shown, its type is
    ],
)
def test_a_source_of_the_wrong_type_is_refused_naming_its_type_only(
    source: object, name: str
) -> None:
    from laeringsnettverk.serialization import iter_jsonl

    rule = "must be str, bytes, a file or an iterable of lines"
    for read in (load_jsonl, iter_jsonl):
        # iter_jsonl refuses at once, when called, not when first asked for a line
        with pytest.raises(ValidationError, match=f"^source: '{name}' {rule}$") as info:
            read(source)  # type: ignore[call-overload]
        (problem,) = info.value.problems
        assert (problem.path, problem.rule, problem.code) == (("source",), rule, "model_type")
        # the type's name is shown, not given as the input: no "input" key in the errors
        assert problem.shown == repr(name)
        assert "input" not in info.value.errors()[0]
        assert "Kari" not in str(info.value)
        assert "Kari" not in json.dumps(info.value.errors())


_NOT_LINES = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
    st.lists(st.text(max_size=3), max_size=2),
    st.builds(_Person),
)


@given(st.lists(st.one_of(_LINE, _NOT_LINES), max_size=8))
def test_an_item_that_is_no_line_is_its_lines_error_and_reading_goes_on(
    items: list[object],
) -> None:
    # each such item is a LineError naming its type only; every other line reads as it
    # does with a blank line in the item's place (same numbers, same results)
    from laeringsnettverk.serialization import iter_jsonl

    expected = load_jsonl([x if isinstance(x, str) else "" for x in items])
    result = load_jsonl(items)  # type: ignore[arg-type]
    assert result.loaded == expected.loaded
    wrong = {n: type(x).__name__ for n, x in enumerate(items, 1) if not isinstance(x, str)}
    assert [e for e in result.errors if e.line not in wrong] == list(expected.errors)
    assert {e.line: e.messages for e in result.errors if e.line in wrong} == {
        n: (f"$: '{name}' must be a line (str or bytes)",) for n, name in wrong.items()
    }
    assert all(e.problems[0].path == () for e in result.errors if e.line in wrong)
    assert all(  # a type's name, not the line's content: no "input" in the machine output
        d["problems"][0]["type"] == "model_type" and "input" not in d["problems"][0]
        for d in result.error_dicts()
        if d["line"] in wrong
    )
    assert "Kari" not in json.dumps(result.error_dicts())
    assert list(iter_jsonl(items)) == [  # type: ignore[call-overload]
        *sorted([*result.loaded, *result.errors], key=_line_of)
    ]


def _line_of(item: Any) -> int:
    return item.line if isinstance(item, LineError) else item[0]


def test_no_line_items_of_free_text_are_named_by_their_type_only() -> None:
    result = load_jsonl([line_of(FORM), {"name": "Kari Nordmann"}, _Person(), None, 5])  # type: ignore[list-item]
    assert result.documents == (FORM,)
    assert [str(e) for e in result.errors] == [
        "line 2: $: 'dict' must be a line (str or bytes)",
        "line 3: $: '_Person' must be a line (str or bytes)",
        "line 4: $: 'NoneType' must be a line (str or bytes)",
        "line 5: $: 'int' must be a line (str or bytes)",
    ]
    assert "Kari" not in json.dumps(result.error_dicts())


def test_iter_jsonl_goes_on_past_no_line_items_and_reads_only_when_asked() -> None:
    from laeringsnettverk.serialization import iter_jsonl

    read: list[int] = []

    def source() -> Any:
        for i, item in enumerate([None, line_of(FORM), 5, line_of(WHEEL)]):
            read.append(i)
            yield item

    items = iter_jsonl(source())
    assert read == []  # checking the source's type reads nothing
    first, second = next(items), next(items)
    assert isinstance(first, LineError) and first.line == 1
    assert second == (2, FORM)
    assert read == [0, 1]
    assert [_line_of(x) for x in items] == [3, 4]


@given(_LINES)
def test_a_bytearray_or_memoryview_reads_as_bytes_whole_or_as_a_line(lines: list[str]) -> None:
    # the library's choice: bytes-like objects are bytes (json.loads takes a bytearray too)
    from laeringsnettverk.serialization import iter_jsonl

    text = "\n".join(lines)
    data = text.encode()
    expected = list(iter_jsonl(data))
    assert list(iter_jsonl(bytearray(data))) == expected
    assert list(iter_jsonl(memoryview(data))) == expected  # type: ignore[call-overload]
    raw = [line.encode() for line in lines]
    assert list(iter_jsonl([bytearray(x) for x in raw])) == expected  # type: ignore[arg-type]
    assert list(iter_jsonl([memoryview(x) for x in raw])) == expected  # type: ignore[arg-type]


@given(_LINES)
def test_a_memory_mapped_file_reads_as_its_bytes(lines: list[str]) -> None:
    # not one byte at a time (iterating an mmap gives single bytes), nor read whole
    import mmap
    import tempfile

    from laeringsnettverk.serialization import iter_jsonl, load_jsonl

    data = ("\n".join(lines) + "\n").encode()
    with tempfile.TemporaryFile() as handle:
        handle.write(data)
        handle.flush()
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            assert list(iter_jsonl(mapped)) == list(iter_jsonl(data))
            assert load_jsonl(mapped) == load_jsonl(data)


def test_a_bytes_like_line_not_utf8_is_reported_as_a_bytes_line_is() -> None:
    for line in (
        b'{"kind": "\xff"}',
        bytearray(b'{"kind": "\xff"}'),
        memoryview(b'{"kind": "\xff"}'),
    ):
        (error,) = load_jsonl([line]).errors  # type: ignore[list-item]
        assert str(error) == "line 1: $: is not valid JSON (not UTF-8 at byte 10)"


def test_an_error_the_source_raises_while_read_propagates_unchanged() -> None:
    # the library's choice: a failing file is not a bad line; the lines before it were given
    from laeringsnettverk.serialization import iter_jsonl

    def failing() -> Any:
        yield line_of(FORM)
        yield "not json"
        raise OSError("the disk went away")

    items = iter_jsonl(failing())
    assert next(items) == (1, FORM)
    assert isinstance(next(items), LineError)
    with pytest.raises(OSError, match="the disk went away"):
        next(items)
    with pytest.raises(OSError, match="the disk went away"):
        load_jsonl(failing())


def test_a_text_file_not_utf8_raises_its_own_error_a_binary_one_reports_the_line() -> None:
    data = line_of(FORM).encode() + b'\n{"kind": "\xff"}\n' + line_of(WHEEL).encode()
    with pytest.raises(UnicodeDecodeError):
        load_jsonl(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    result = load_jsonl(io.BytesIO(data))
    assert result.documents == (FORM, WHEEL)
    assert [e.line for e in result.errors] == [2]


# -- one line read alone (the data frames' object route) ---------------------------------


@given(
    st.lists(
        st.one_of(_LINE, _LINE.map(str.encode), _LINE.map(lambda x: "\ufeff" + x)), max_size=6
    ),
    st.sampled_from([None, ln.WhatMattersForm, ln.ConversationWheel]),
)
def test_read_line_reads_a_line_as_load_jsonl_reads_it_alone(
    lines: list[str | bytes], cls: Any
) -> None:
    # the document of each line, or its bad line recorded under the number given, exactly
    # as ``load_jsonl([line], cls)`` reads the line (a mark leading a later line included)
    from laeringsnettverk.serialization._jsonl import read_line

    bad: list[dict[str, object]] = []
    expected_bad: list[dict[str, object]] = []
    for number, line in enumerate(lines, 7):
        alone = load_jsonl([line], cls)  # type: ignore[arg-type]
        expected_bad += [{"line": number, "problems": list(e.messages)} for e in alone.errors]
        assert read_line(number, line, cls, bad) == (alone.documents or (None,))[0]
        assert bad == expected_bad


def test_read_line_records_a_bad_line_by_its_path_and_rule_and_skips_a_blank_one() -> None:
    from laeringsnettverk.serialization._jsonl import read_line

    bad: list[dict[str, object]] = []
    assert read_line(4, "  \r\n", ln.WhatMattersForm, bad) is None
    assert read_line(5, b"\xef\xbb\xbf" + line_of(FORM).encode(), ln.WhatMattersForm, bad) == FORM
    assert bad == []
    assert read_line(9, "Kari Nordmann is not JSON", None, bad) is None
    assert read_line(12, line_of(WHEEL), ln.WhatMattersForm, bad) is None
    assert bad == [
        {"line": 9, "problems": ["$: is not valid JSON (Expecting value at character 0)"]},
        {"line": 12, "problems": ["$.kind: 'wheel' must be the kind of WhatMattersForm"]},
    ]
