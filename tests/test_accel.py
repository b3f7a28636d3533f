"""Loading and writing on both paths: the pure-Python reference and the accelerator (msgspec).

The same text gives the same object or the same error on both, and the same as the
reference loader (:func:`parse_all` + :func:`checked_document`, the loader before the quick
path); the same object gives the same text. A repeated key is never accepted.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

import laeringsnettverk as ln
from laeringsnettverk import ValidationError
from laeringsnettverk.examples import example_text, load_example
from laeringsnettverk.kinds import KINDS
from laeringsnettverk.serialization import _accel, _json, dumps_jsonl, load_jsonl
from laeringsnettverk.serialization._json import checked_document
from laeringsnettverk.serialization._parse import parse_all
from laeringsnettverk.serialization._typed import TypedRoute
from laeringsnettverk.toolkit import Activity, ConversationWheel, WhatMattersForm
from strategies import WHOLE_NETWORKS
from strategies.kinds import DOCUMENTS
from test_fastpath import JSON_VALUES, mutated

MODES = ("off", "on")  # the pure path, the accelerator
LOAD_MODES = ("off", "on", "typed")  # and the accelerator's typed route


def use_mode(mode: str) -> None:
    """Load by one path: ``off`` the pure one; ``on`` the accelerator's dict route (no kind
    learned by its typed route yet); ``typed`` the typed route, every kind it covers learned.
    """
    accelerator = _accel.use("off" if mode == "off" else "on")
    if accelerator is not None:
        accelerator.typed = TypedRoute(msgspec)
        if mode == "typed":
            for kind in KINDS:
                accelerator.typed.learn(kind.code, kind.model)


@pytest.fixture(autouse=True)
def _restore_mode() -> Iterator[None]:
    yield
    _accel._make.cache_clear()
    _accel._from_environment()


def outcome(text: object, cls: type[Any] | None = None) -> tuple[str, object]:
    """What loading gives: the object and its JSON, or the error (its problems and message)."""
    try:
        obj = ln.loads(text) if cls is None else ln.loads(text, cls)  # type: ignore[arg-type]
    except ValidationError as exc:
        return "error", (exc.style, exc.problems, str(exc))
    except Exception as exc:
        return "raised", (type(exc), str(exc))
    return "loaded", (obj, ln.dumps(obj))


def reference(text: object, cls: type[Any] | None = None) -> tuple[str, object]:
    """What the reference loader gives (no quick path), in the same shape."""
    try:
        data, refused = parse_all(text)  # type: ignore[arg-type]
        obj = checked_document(data, cls, refused)
    except ValidationError as exc:
        return "error", (exc.style, exc.problems, str(exc))
    except Exception as exc:
        return "raised", (type(exc), str(exc))
    return "loaded", (obj, ln.dumps(obj))


def on_both_paths(text: object, cls: type[Any] | None = None) -> list[tuple[str, object]]:
    results = []
    for mode in LOAD_MODES:
        use_mode(mode)
        results.append(outcome(text, cls))
    return results


def test_the_modes_choose_the_path() -> None:
    assert _accel.use("off") is None
    assert _accel.get() is None
    accelerator = _accel.use("on")
    assert isinstance(accelerator, _accel.Accelerator)
    assert _accel.get() is accelerator
    assert _accel.use("on") is accelerator  # made once


# -- valid documents: the same objects, the same text ------------------------------------------


def _quick_applies(text: str) -> bool:
    """Whether the quick path must take ``text``: no escape that makes it cautious."""
    return "\\u" not in text and "u003" not in text


def _few_for_networks(kind: str) -> Any:
    return WHOLE_NETWORKS if kind == "network" else (lambda test: test)


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_a_valid_document_loads_to_the_same_object_on_both_paths(kind: str) -> None:
    @_few_for_networks(kind)
    @given(DOCUMENTS[kind], st.sampled_from([None, 2]))
    def check(obj: object, indent: int | None) -> None:
        for mode in LOAD_MODES:
            use_mode(mode)
            text = ln.dumps(obj, indent=indent)
            for given_ in (text, text.encode(), "\ufeff" + text + "\n"):
                assert ln.loads(given_) == obj
            if _quick_applies(text):
                assert _json._quick(text, type(obj)) == obj  # the quick path took it
                assert _json._quick(text.encode(), None) == obj

    check()


def test_a_later_lines_byte_order_mark_is_refused_on_every_path() -> None:
    # the quick path refuses it itself (``bom=False``), before and after msgspec's reading
    line = ln.dumps(ln.loads(example_text("form")), indent=None)
    data = ("\ufeff" + line + "\n" + "\ufeff" + line + "\n" + line + "\n").encode()
    for mode in LOAD_MODES:
        use_mode(mode)
        for source in (data, data.decode(), io.BytesIO(data)):
            result = load_jsonl(source)
            assert [n for n, _ in result.loaded] == [1, 3]
            assert [e.line for e in result.errors] == [2]
        marked = ("\ufeff" + line).encode()
        assert _json._quick(marked, None, False) is None
        assert _json._quick(marked, None) == ln.loads(line)


@pytest.mark.parametrize("kind", ["form", "kor", "network", "project"])
def test_every_shipped_example_reads_and_writes_alike(kind: str) -> None:
    text = example_text(kind)
    assert on_both_paths(text) == [reference(text)] * len(LOAD_MODES)
    assert on_both_paths(text.encode()) == [reference(text.encode())] * len(LOAD_MODES)


# -- bad and hostile text: the same errors -----------------------------------------------------

FORM = json.loads(example_text("form"))


def _form_text(**changes: object) -> str:
    return json.dumps({**FORM, **changes}, ensure_ascii=False)


def _with(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


COMPACT = _form_text()
HOSTILE = {
    "valid": COMPACT,
    "repeated-kind": _with(COMPACT, '"kind": "form"', '"kind": "form", "kind": "form"'),
    "repeated-name": _with(COMPACT, '{"name": ', '{"name": "x", "name": '),
    "repeated-score": _with(COMPACT, '"scores": {', '"scores": {"Treffe venner": 1, '),
    "repeated-with-colons-elsewhere": _with(
        _form_text(identifier="urn:a:b"), '"team": ', '"team": "x", "team": '
    ),
    # the escape adds a colon to the parsed strings that the text does not show: without
    # the guard, it would make up for the member the repeated key dropped
    "repeated-hidden-by-an-escape": _with(
        _form_text(identifier="\\u003a"), '"team": ', '"team": "x", "team": '
    ).replace('"\\\\u003a"', '"\\u003a"'),
    "colon-escape-valid": _form_text(identifier="\\u003a").replace('"\\\\u003a"', '"\\u003a"'),
    "colons-in-strings": _form_text(identifier="urn:a:b", team="kl. 10:00"),
    "nan-score": _with(COMPACT, '"Treffe venner": 2', '"Treffe venner": NaN'),
    "infinite-score": _with(COMPACT, '"Treffe venner": 2', '"Treffe venner": 1e400'),
    "float-score": _with(COMPACT, '"Treffe venner": 2', '"Treffe venner": 5.5'),
    "bool-score": _with(COMPACT, '"Treffe venner": 2', '"Treffe venner": true'),
    "long-number": _with(COMPACT, '"Treffe venner": 2', '"Treffe venner": ' + "1" * 5000),
    "lone-surrogate-escape": _with(COMPACT, '"Treffe venner"', '"Treffe \\ud800venner"'),
    "surrogate-pair-escape": _form_text(identifier="\\ud83d\\ude00").replace("\\\\", "\\"),
    "raw-surrogate": _form_text(identifier="a\ud800"),
    "control-character": _form_text(identifier="a\tb").replace("\\t", "\t"),
    "bom": "\ufeff" + COMPACT,
    "two-boms": "\ufeff\ufeff" + COMPACT,
    "leading-whitespace": " \n" + COMPACT,
    "trailing-whitespace": COMPACT + " \r\n",
    "trailing-garbage": COMPACT + " x",
    "trailing-form-feed": COMPACT + "\x0c",
    "deep": "[" * 100_000 + "]" * 100_000,
    "list": "[]",
    "string": '"form"',
    "empty": "",
    "null": "null",
    "not-json": "{'kind': 'form'}",
    "unknown-kind": _form_text(kind="skjema"),
    "kind-number": _form_text(kind=5),
    "version-2": _form_text(schema_version=2),
    "version-text": _form_text(schema_version="1"),
    "version-true": _form_text(schema_version=True),
    "no-version": _with(COMPACT, '"schema_version": 1, ', ""),
    "unknown-key": _form_text(extra=1),
    "blank-name": _with(COMPACT, '{"name": "Sove godt om natta"', '{"name": " "'),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_gives_the_reference_outcome_on_both_paths(name: str) -> None:
    text = HOSTILE[name]
    expected = reference(text)
    assert on_both_paths(text) == [expected] * len(LOAD_MODES)
    if "repeated" in name:
        assert expected[0] == "error"
        assert any(p.code == "repeated_key" for p in expected[1][1])  # type: ignore[index]
    data = text.encode("utf-8", "surrogatepass")
    assert on_both_paths(data) == [reference(data)] * len(LOAD_MODES)


@pytest.mark.parametrize(
    "data",
    [
        COMPACT.encode("utf-16"),
        COMPACT.encode("utf-16-le"),
        COMPACT.encode("utf-32"),
        b"\xef\xbb\xbf" + COMPACT.encode(),
        COMPACT.encode()[:-3] + b"\xff}]}",
        COMPACT.replace("Sove", "S\ud800ve").encode("utf-8", "surrogatepass"),
        bytearray(COMPACT.encode()),
    ],
    ids=[
        "utf-16",
        "utf-16-le",
        "utf-32",
        "utf-8-bom",
        "not-utf-8",
        "encoded-surrogate",
        "bytearray",
    ],
)
def test_hostile_bytes_give_the_reference_outcome_on_both_paths(data: bytes) -> None:
    assert on_both_paths(data) == [reference(data)] * len(LOAD_MODES)


def test_a_required_kind_gives_the_reference_outcome_on_both_paths() -> None:
    for cls in (WhatMattersForm, ConversationWheel):
        assert on_both_paths(COMPACT, cls) == [reference(COMPACT, cls)] * len(LOAD_MODES)


@given(mutated())
def test_a_mutated_document_loads_or_fails_alike_on_both_paths(document: object) -> None:
    text = json.dumps(document, ensure_ascii=False)  # NaN and Infinity written as json does
    expected = reference(text)
    assert on_both_paths(text) == [expected] * len(LOAD_MODES)


# -- a repeated key is never accepted ----------------------------------------------------------


def _objects(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, dict):
        yield path, value
        for k, v in value.items():
            yield from _objects(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _objects(v, (*path, i))


MARKER = "\ue000marker"


@st.composite
def repeated(draw: st.DrawFn) -> str:
    """A valid document's text with one member of one object written twice."""
    obj = draw(st.one_of(*DOCUMENTS.values()))
    document = json.loads(ln.dumps(obj))
    path, target = draw(st.sampled_from([(p, o) for p, o in _objects(document) if o]))
    key = draw(st.sampled_from(sorted(target)))
    again = draw(
        st.one_of(
            st.just(json.dumps(target[key], ensure_ascii=False)),  # the same value again
            JSON_VALUES.map(json.dumps),
            # colons, and colons written as escapes (which the text does not show)
            st.sampled_from(['"\\u003a"', '"\\u003A:"', '":"', '"a:b:c"', '"\\u003a\\u003a"']),
        )
    )
    member = f"{json.dumps(key, ensure_ascii=False)}: {again}"
    body = json.dumps(target, ensure_ascii=False)[1:-1]
    first = draw(st.booleans())
    text = "{" + (f"{member}, {body}" if first else f"{body}, {member}") + "}"
    if not path:
        return text
    holder: Any = document
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = MARKER
    return json.dumps(document, ensure_ascii=False).replace(
        json.dumps(MARKER, ensure_ascii=False), text, 1
    )


@given(repeated())
def test_a_repeated_key_is_refused_on_both_paths(text: str) -> None:
    for mode in LOAD_MODES:
        use_mode(mode)
        with pytest.raises(ValidationError) as caught:
            ln.loads(text)
        assert any(p.code == "repeated_key" for p in caught.value.problems)
        with pytest.raises(ValidationError):
            ln.loads(text.encode("utf-8", "surrogatepass"))


def test_colons_inside_strings_keep_the_quick_path() -> None:
    form = WhatMattersForm(
        activities=[Activity(name="kl. 10:00"), Activity(name="a:b", area="x:y")],
        identifier="urn:a:b",
    )
    for mode in LOAD_MODES:
        use_mode(mode)
        text = ln.dumps(form)
        assert text.count(":") > 9  # more colons than members
        assert _json._quick(text, None) == form
        escaped = text.replace('"urn:a:b"', '"urn\\u003aa:b"')
        assert _json._quick(escaped, None) is None  # cautious: the reference path loads it
        assert ln.loads(escaped) == form


def test_string_colons_counts_keys_and_values_at_any_depth() -> None:
    data = {"a:b": [":", 1, [":", {"c": "::"}], None], "d": 2, "e": {"f:": "g"}}
    assert _json._string_colons(data) == 6
    # arrays as tuples too (msgspec's plain values of a Struct)
    held = {"a": (":", (":", {"b": (":",)}), [(":",)]), "c": ({"d:": ":"},)}
    assert _json._string_colons(held) == 6


# -- the accelerator: optional, lazy, and the same -----------------------------------------------


def test_without_msgspec_the_pure_path_runs_silently(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "msgspec", None)  # import msgspec raises ImportError
    _accel._make.cache_clear()
    assert _accel.use("on") is None
    form = load_example("form")
    assert ln.loads(ln.dumps(form, indent=None)) == form
    _accel.use("auto")
    for _ in range(_accel.WARM_UP + 1):
        assert ln.loads(ln.dumps(form)) == form
    assert _accel.STATE.active is None
    assert _accel.STATE.countdown < 0  # looked up once, and not again


def test_the_accelerator_is_looked_up_after_the_warm_up() -> None:
    _accel.use("auto")
    got = [_accel.get() for _ in range(_accel.WARM_UP)]
    assert got[:-1] == [None] * (_accel.WARM_UP - 1)
    assert isinstance(got[-1], _accel.Accelerator)
    assert _accel.get() is got[-1]


@pytest.mark.parametrize(
    ("setting", "countdown"),
    [("off", -1), ("0", -1), ("on", 1), (" ON ", 1), ("1", 1), ("", None), ("yes", None)],
)
def test_the_environment_variable_chooses_the_path(
    monkeypatch: pytest.MonkeyPatch, setting: str, countdown: int | None
) -> None:
    monkeypatch.setenv(_accel.ENV, setting)
    _accel._from_environment()
    assert _accel.STATE.countdown == (_accel.WARM_UP if countdown is None else countdown)
    assert _accel.STATE.active is None  # nothing imported yet
    if countdown == 1:
        assert isinstance(_accel.get(), _accel.Accelerator)  # at the first call


def _run(code: str, setting: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != _accel.ENV}
    if setting is not None:
        env[_accel.ENV] = setting
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout.strip()


def test_msgspec_is_not_imported_for_the_first_documents_of_a_process() -> None:
    code = (
        "import sys, laeringsnettverk as ln\n"
        "from laeringsnettverk.examples import example_text\n"
        "assert 'msgspec' not in sys.modules\n"
        "text = example_text('form')\n"
        "for _ in range({n}): ln.dumps(ln.loads(text))\n"
        "print('msgspec' in sys.modules)\n"
    )
    assert _run(code.format(n=3), None) == "False"
    assert _run(code.format(n=1), "on") == "True"
    assert _run(code.format(n=200), "off") == "False"


def test_the_float_hook_writes_floats_as_json_does() -> None:
    accelerator = _accel.use("on")
    assert accelerator is not None
    hook = accelerator.float_hook()
    values = [0.1, 1e16, 1e-05, -0.0, 5.5, 123456789.123, 2.5e-300]
    written = accelerator.dumps({"v": [hook(v) for v in values]}, None)
    assert written == json.dumps({"v": values})
    assert hook(7) == 7
    for bad in (float("nan"), float("inf")):
        with pytest.raises(ValueError, match=r"nan|inf"):
            hook(bad)


def test_text_utf8_cannot_write_is_refused_alike_on_both_paths() -> None:
    # a model refuses a lone surrogate when made; one set past its checks reaches the writers
    form = WhatMattersForm(activities=[Activity(name="Sove")])
    object.__setattr__(form.activities[0], "name", "S\ud800ve")
    errors = []
    for mode in MODES:
        _accel.use(mode)
        for write in (lambda: ln.dumps(form, indent=None), lambda: dumps_jsonl([form])):
            with pytest.raises(ValidationError) as caught:
                write()
            errors.append(str(caught.value))
    assert len(set(errors)) == 1
