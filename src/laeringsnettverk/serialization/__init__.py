"""Serialisation: one strict ``cattrs`` converter, and versioned JSON documents.

Every document carries its ``kind`` and ``schema_version``:

```pycon
>>> import datetime
>>> from laeringsnettverk import WhatMattersForm, dumps, loads
>>> form = WhatMattersForm.from_scores(["Sove", "Handle"], (datetime.date(2015, 2, 5), [1, 4]))
>>> print(dumps(form))
{
  "kind": "form",
  "schema_version": 1,
  "activities": [
    {
      "name": "Sove"
    },
    {
      "name": "Handle"
    }
  ],
  "conversations": [
    {
      "date": "2015-02-05",
      "scores": {
        "Sove": 1,
        "Handle": 4
      }
    }
  ]
}
>>> loads(dumps(form)) == form
True

```

cattrs is imported on first use, not with the package.
"""

from typing import TYPE_CHECKING, Any

from laeringsnettverk.serialization._json import (
    DOCUMENT_KINDS,
    SCHEMA_VERSION,
    dump,
    dumps,
    from_dict,
    from_document,
    kind_of,
    load,
    loads,
    make_converter,
    register_migration,
    schema_version,
    to_dict,
)

if TYPE_CHECKING:  # loaded on first use (see __getattr__): a command that only reads pays less
    from laeringsnettverk.serialization._jsonl import (
        BatchResult,
        LineError,
        dump_jsonl,
        dumps_jsonl,
        iter_jsonl,
        load_jsonl,
    )
    from laeringsnettverk.serialization._schema import (
        SCHEMA_BASE_URL,
        SCHEMA_DIALECT,
        error_schema,
        json_schema,
        schema_id,
        write_schemas,
    )
    from laeringsnettverk.serialization._validate import validate

_LAZY = {
    **dict.fromkeys(
        ("BatchResult", "LineError", "dump_jsonl", "dumps_jsonl", "iter_jsonl", "load_jsonl"),
        "_jsonl",
    ),
    **dict.fromkeys(
        (
            "SCHEMA_BASE_URL",
            "SCHEMA_DIALECT",
            "error_schema",
            "json_schema",
            "schema_id",
            "write_schemas",
        ),
        "_schema",
    ),
    "validate": "_validate",
}


def __getattr__(name: str) -> Any:
    """The batch, schema and validation names, imported on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "DOCUMENT_KINDS",
    "SCHEMA_BASE_URL",
    "SCHEMA_DIALECT",
    "SCHEMA_VERSION",
    "BatchResult",
    "LineError",
    "dump_jsonl",
    "dumps_jsonl",
    "error_schema",
    "iter_jsonl",
    "json_schema",
    "load_jsonl",
    "schema_id",
    "write_schemas",
    "dump",
    "dumps",
    "from_dict",
    "from_document",
    "kind_of",
    "load",
    "loads",
    "make_converter",
    "register_migration",
    "schema_version",
    "to_dict",
    "validate",
]
