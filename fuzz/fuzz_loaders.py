"""Coverage-guided fuzzing of the loaders with atheris, for long runs outside CI.

    pip install atheris
    python fuzz/fuzz_loaders.py -atheris_runs=200000 fuzz/corpus     # or -max_total_time=600

Every input goes to ``loads`` (as bytes and as text), ``load_jsonl`` and, when it parses as
JSON, ``from_dict`` for every kind and the FHIR readers. The only exception allowed out is
the library's own ``LaeringsnettverkError``; anything else stops the fuzzer with the input
that caused it. The seed corpus is the shipped examples (``fuzz/corpus`` is created on the
first run). ``tests/test_hostile.py`` runs the same checks with Hypothesis in CI; this
harness is for longer searches. What a run found is recorded in docs/explanation/guarantees.md.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import laeringsnettverk as ln
    from laeringsnettverk import fhir
    from laeringsnettverk.errors import LaeringsnettverkError
    from laeringsnettverk.examples import EXAMPLE_KINDS, example_text
    from laeringsnettverk.kinds import document_kind
    from laeringsnettverk.serialization import from_dict, load_jsonl

READERS = (
    lambda d: fhir.form_from_fhir(d, [d]),
    lambda d: fhir.kor_from_fhir([d]),
    fhir.checklist_from_fhir,
    fhir.goal_from_fhir,
    fhir.plan_from_fhir,
    fhir.bundle_from_fhir,
)


def one_input(data: bytes) -> None:
    """Feed one input to every loader; only the library's own error may come out."""
    with contextlib.suppress(LaeringsnettverkError):
        ln.loads(data)
    text = data.decode("utf-8", errors="surrogateescape")  # bad bytes: lone surrogates
    with contextlib.suppress(LaeringsnettverkError):
        ln.loads(text)
    batch = load_jsonl(data)  # never raises: bad lines are reported
    assert batch.errors or batch.loaded or not data.strip()
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError):
        return
    for kind in EXAMPLE_KINDS:
        with contextlib.suppress(LaeringsnettverkError):
            from_dict(parsed, document_kind(kind).model)
    for read in READERS:
        with contextlib.suppress(LaeringsnettverkError):
            read(parsed)


def seed_corpus(folder: Path) -> None:
    """Write the shipped examples (documents and their FHIR) as the first inputs."""
    folder.mkdir(parents=True, exist_ok=True)
    for kind in EXAMPLE_KINDS:
        (folder / f"{kind}.json").write_text(example_text(kind), encoding="utf-8")


if __name__ == "__main__":
    corpus = Path(sys.argv[-1]) if len(sys.argv) > 1 and not sys.argv[-1].startswith("-") else None
    if corpus is not None and not corpus.exists():
        seed_corpus(corpus)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
