"""The stable error codes: each code's meaning and its Norwegian message.

Re-exported by :mod:`laeringsnettverk.errors`, the public home of these names.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from laeringsnettverk._model_repr import model_repr

__all__ = ["ERROR_CODES", "MAX_PROBLEMS", "ErrorCode", "error_code_table"]

MAX_PROBLEMS = 100
"""The most problems one error lists (the library's choice); the rest are only counted, so a
huge bad document costs bounded time and memory to report."""


# -- the error codes ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ErrorCode:
    """One stable error code: what it means, and its Norwegian message.

    The code is the ``type`` of a problem in :meth:`ValidationError.errors`; codes are
    never renamed or reused within a major version (see the versioning policy).
    """

    __repr__ = model_repr  # attrs' text, from one shared function (the cold start)

    code: str
    """The code, lower-case ASCII with underscores (``"int_type"``)."""
    meaning: str
    """What the code means, in English (the reference table's text)."""
    nb: str
    """The Norwegian rule, phrased to follow the value; ``{name}`` fields come from the
    problem's ``ctx`` (``"er over øvre grense {le}"``)."""


_CODES: tuple[tuple[str, str, str], ...] = (
    # (code, meaning, Norwegian rule)
    (
        "value_error",
        "A rule of the model that has no code of its own (the English message tells it).",
        "bryter en regel: {rule}",
    ),
    ("missing", "A required field is absent.", "mangler (feltet er påkrevd)"),
    (
        "extra_forbidden",
        "A key that is not a field of the object (unknown keys are rejected, not dropped).",
        "er ikke et felt i {model}: ukjente nøkler avvises",
    ),
    (
        "int_type",
        'Not a whole number (a JSON integer; not 5.5, not "5", not true).',
        "må være et heltall (int)",
    ),
    ("number_type", "Not a number.", "må være et tall"),
    ("finite_number", "Not a finite number (NaN or infinity).", "må være et endelig tall"),
    (
        "number_too_large",
        "An integer too large to be a floating-point number (beyond ±1.8e308).",
        "er for stort til å være et tall (over ±1.8e308)",
    ),
    ("bool_type", "Not true or false.", "må være true eller false"),
    ("string_type", "Not text (a JSON string).", "må være tekst (str)"),
    ("string_blank", "Text that must not be empty or blank.", "kan ikke være tom"),
    (
        "code_type",
        "Not a non-empty technical code or identifier.",
        "må være en kode som ikke er tom",
    ),
    ("date_type", "Not a date (a `datetime.date`, in Python).", "må være en dato (datetime.date)"),
    (
        "date_format",
        "Not an ISO 8601 date string `YYYY-MM-DD`.",
        "må være en dato på formen ÅÅÅÅ-MM-DD (ISO 8601)",
    ),
    ("date_invalid", "A date that does not exist (30 February).", "er ikke en dato som finnes"),
    (
        "enum",
        "Not one of the codes of a coded enumeration; `ctx.expected` lists them.",
        "er ikke en kjent kode for {enum}; gyldige koder er {expected}",
    ),
    ("list_type", "Not a list (a JSON array).", "må være en liste"),
    ("object_type", "Not an object (a JSON object).", "må være et objekt"),
    (
        "model_type",
        "Not an object of the type needed (in Python): the model class a field needs, or a"
        " line (`str` or `bytes`) or source that JSON Lines reading needs, or a document or"
        " line that a data frame needs; `ctx.expected` names it.",
        "må være av typen {expected}",
    ),
    ("key_type", "A mapping key that is not text.", "har nøkler som ikke er tekst"),
    (
        "greater_than_equal",
        "Below the lowest value allowed; `ctx.ge` is that value.",
        "er under nedre grense {ge}",
    ),
    (
        "less_than_equal",
        "Above the highest value allowed; `ctx.le` is that value.",
        "er over øvre grense {le}",
    ),
    (
        "duplicate",
        "A name, identifier or value given twice where each must be unique.",
        "er gitt to ganger",
    ),
    (
        "order",
        "Out of order: a date or a limit that must come after another.",
        "kommer i feil rekkefølge",
    ),
    (
        "reference",
        "Refers to something the document does not have (a score for an unknown activity).",
        "viser til noe dokumentet ikke har",
    ),
    (
        "lone_surrogate",
        "Text holding a lone surrogate (U+D800..U+DFFF): not Unicode, cannot be written as UTF-8.",
        "inneholder et enslig surrogattegn (ikke Unicode-tekst; kan ikke skrives som UTF-8)",
    ),
    (
        "repeated_key",
        "A key that appears more than once in one JSON object.",
        "står mer enn én gang i objektet: nøkler må være unike",
    ),
    ("json_invalid", "Text that is not JSON.", "er ikke gyldig JSON"),
    (
        "encoding",
        "Bytes that are not valid UTF-8 (or UTF-16/32 where those are read).",
        "er ikke gyldig tekst i tegnkodingen {encoding}",
    ),
    ("too_deep", "JSON nested too deeply to read.", "er nøstet for dypt til å leses"),
    (
        "too_many_digits",
        "A number of more than 4300 digits (Python's limit for reading one).",
        "har et tall med for mange sifre til å leses",
    ),
    ("document_type", "Not a JSON object (a document).", "må være et JSON-objekt (et dokument)"),
    (
        "kind",
        "`kind` is not a known document kind; `ctx.expected` lists them.",
        "er ikke en kjent dokumenttype; gyldige er {expected}",
    ),
    (
        "kind_mismatch",
        "The document is of another kind than the one required.",
        "må være dokumenttypen for {expected}",
    ),
    (
        "schema_version",
        "A schema version this version of the library cannot read.",
        "er ikke en støttet skjemaversjon ({supported})",
    ),
    (
        "migration",
        "A document of an older schema version that its registered migration could not read.",
        "kunne ikke oppgraderes fra en eldre skjemaversjon",
    ),
    (
        "too_many_problems",
        f"More problems than are listed (at most {MAX_PROBLEMS}); `ctx.omitted` counts the rest.",
        "… og {omitted} problemer til",
    ),
)

ERROR_CODES: Mapping[str, ErrorCode] = {
    code: ErrorCode(code=code, meaning=meaning, nb=nb) for code, meaning, nb in _CODES
}
"""Every error code, in the reference table's order (``docs/reference/errors.md``)."""


def error_code_table() -> str:
    """The error codes as a Markdown table (the one in ``docs/reference/errors.md``)."""
    rows = ["| `type` | Meaning | Norwegian message (`msg_nb`) |", "| --- | --- | --- |"]
    for c in ERROR_CODES.values():
        rows.append(f"| `{c.code}` | {c.meaning} | {c.nb.replace('|', '/')} |")
    return "\n".join(rows) + "\n"
