"""Write ``src/laeringsnettverk/__init__.pyi``, the top level's typing stub, from its table.

Run: ``.venv/bin/python tools/make_init_stub.py`` (``--check``: exit 1 if the stub is stale,
without writing). The top level imports its names lazily (a module ``__getattr__``), so type
checkers read this stub instead: the everyday names and ``__all__``, the capabilities as
submodules, and the deprecated old names (so typed code keeps checking while it moves).
Everything comes from the tables in ``laeringsnettverk/__init__.py``; ``tests/test_top_level.py``
checks that the stub says the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

import laeringsnettverk

STUB = Path(__file__).resolve().parent.parent / "src" / "laeringsnettverk" / "__init__.pyi"

HEADER = '''"""Typing stub of the top level: written by tools/make_init_stub.py, do not edit.

The names and their homes come from the tables in ``__init__.py``.
"""

'''


def _order(name: str) -> tuple[int, str]:
    """Sort as ruff's isort does within a module: constants, classes, then the rest."""
    if name.isupper() and len(name) > 1:
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


def _imports(homes: dict[str, str]) -> list[str]:
    rows = sorted(homes.items(), key=lambda item: (item[1], *_order(item[0])))
    return [f"from {module} import {name} as {name}" for name, module in rows]


def render() -> str:
    """The stub's text, as the tables in ``laeringsnettverk/__init__.py`` say now."""
    everyday = {
        "__version__": "laeringsnettverk._version",
        **{name: f"laeringsnettverk.{m}" for name, m in laeringsnettverk._EVERYDAY.items()},
    }
    capabilities = [
        f"from laeringsnettverk import {name} as {name}"
        for name in sorted(laeringsnettverk._CAPABILITIES)
    ]
    moved = {name: f"laeringsnettverk.{m}" for name, m in laeringsnettverk._MOVED.items()}
    lines = [HEADER.rstrip("\n"), ""]
    lines += capabilities + _imports(everyday)
    lines += ["", "__all__ = ["]
    lines += [f'    "{name}",' for name in laeringsnettverk.__all__]
    lines += ["]", ""]
    lines += ["# Deprecated: moved to their capability, removed in the next minor release."]
    lines += _imports(moved)
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Write the stub, or with ``--check`` report whether it is up to date."""
    text = render()
    if "--check" in argv:
        current = STUB.read_text(encoding="utf-8") if STUB.exists() else ""
        if current != text:
            print(f"stale: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    STUB.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
