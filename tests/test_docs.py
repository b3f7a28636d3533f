"""Every code example in the docs and the README runs.

```python blocks of a page run in order in one namespace (so a page reads as a
session); ```pycon blocks are doctested (their output is checked). A block
preceded by ``<!-- no-run -->`` is skipped (shell commands are never run).
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([*(ROOT / "docs").rglob("*.md"), ROOT / "README.md"])
FENCE = re.compile(r"(<!-- no-run -->\s*)?^```(python|pycon)[^\n]*\n(.*?)^```", re.S | re.M)


def _blocks(page: Path) -> list[tuple[str, str, int]]:
    text = page.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        if m.group(1):
            continue
        line = text.count("\n", 0, m.start(3)) + 1
        out.append((m.group(2), m.group(3), line))
    return out


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_examples_run(page: Path) -> None:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    for lang, code, line in _blocks(page):
        name = f"{page.relative_to(ROOT)}:{line}"
        if lang == "python":
            exec(compile(code, name, "exec"), namespace)
        else:
            test = parser.get_doctest(code, namespace, name, str(page), line)
            result = runner.run(test, clear_globs=False)
            assert result.failed == 0, f"doctest failed in {name}"
