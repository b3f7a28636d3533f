"""``python -m laeringsnettverk``: the command line (see :mod:`laeringsnettverk.cli`)."""

from laeringsnettverk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
