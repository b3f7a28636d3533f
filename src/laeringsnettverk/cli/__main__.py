"""``python -m laeringsnettverk.cli``: the same as the ``laeringsnettverk`` command."""

from __future__ import annotations

from laeringsnettverk.cli._main import main

if __name__ == "__main__":
    raise SystemExit(main())
