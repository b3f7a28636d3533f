"""The document kinds: one record each, and loading imports only the kind it reads."""

from __future__ import annotations

import subprocess
import sys

import pytest

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.examples import EXAMPLE_KINDS, load_example
from laeringsnettverk.kinds import DOCUMENT_KINDS, KINDS, document_kind, kind_of
from laeringsnettverk.serialization import DOCUMENT_KINDS as SERIALIZATION_KINDS
from laeringsnettverk.serialization import kind_of as kind_code


def test_every_kind_is_one_record_read_everywhere() -> None:
    assert DOCUMENT_KINDS == SERIALIZATION_KINDS == tuple(k.code for k in KINDS)
    assert tuple(k.code for k in KINDS if k.example) == EXAMPLE_KINDS
    assert len(set(DOCUMENT_KINDS)) == len(DOCUMENT_KINDS)
    for kind in KINDS:
        example = load_example(kind.code)
        assert type(example) is kind.model
        assert kind_of(example) is kind and kind_code(example) == kind.code
        assert document_kind(kind.code) is kind
        assert kind.label == f"{kind.label_nb} ({kind.label_en})"


@pytest.mark.parametrize("code", ["skjema", "", None, 5, ["form"]])
def test_an_unknown_kind_is_refused(code: object) -> None:
    with pytest.raises(ValidationError, match="is not a known document kind"):
        document_kind(code)


def test_kind_of_something_else_is_none() -> None:
    assert kind_of("form") is None
    assert kind_of(load_example("form").conversations[0]) is None


def test_loading_a_form_imports_neither_other_kinds_nor_cattrs() -> None:
    # nor decimal and fractions, which only rounding and overflowing sums use, nor the
    # benefit's module (the cold start)
    code = (
        "import sys, laeringsnettverk as ln\n"
        "from laeringsnettverk.examples import example_text\n"
        "ln.loads(example_text('form'))\n"
        "heavy = ['cattrs', 'laeringsnettverk.network', 'laeringsnettverk.stakeholders',"
        " 'laeringsnettverk.measurement', 'laeringsnettverk.improvement', 'laeringsnettverk.goals',"
        " 'decimal', 'fractions', 'laeringsnettverk.toolkit._benefit']\n"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_every_kind_has_a_strategy() -> None:
    # the property tests (round trips, schemas, quick passes, the fast path, both encoders)
    # loop over one table of strategies by kind: a new kind is covered once it is there
    from strategies.kinds import DOCUMENTS

    assert set(DOCUMENTS) == {kind.code for kind in KINDS}


def test_loading_a_form_imports_only_the_forms_modules_of_the_toolkit() -> None:
    code = (
        "import sys, laeringsnettverk as ln\n"
        'ln.loads(\'{"kind": "form", "schema_version": 1, "activities": [{"name": "a"}]}\')\n'
        "print(sorted(m for m in sys.modules if m.startswith('laeringsnettverk.toolkit.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == (
        "['laeringsnettverk.toolkit._form', 'laeringsnettverk.toolkit._form_rules']"
    )


def test_the_toolkit_names_load_on_first_use() -> None:
    import laeringsnettverk.toolkit as toolkit

    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        _ = toolkit.nope  # type: ignore[attr-defined]
    assert set(toolkit.__all__) <= set(dir(toolkit))
