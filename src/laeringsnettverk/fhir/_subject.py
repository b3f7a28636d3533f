"""The subject of the resources: a reference given by the caller, or a Norwegian identity number."""

from __future__ import annotations

import re
from typing import Any

import attrs

from laeringsnettverk._checks import Checker

__all__ = ["DNUMMER_SYSTEM", "FOEDSELSNUMMER_SYSTEM", "Subject", "as_subject"]

FOEDSELSNUMMER_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.1"
"""The identifier system of the Norwegian fødselsnummer (national identity number)."""

DNUMMER_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.2"
"""The identifier system of the Norwegian D-nummer (for people without a fødselsnummer)."""

_ID = r"[A-Za-z0-9\-.]{1,64}"
_REFERENCE = re.compile(
    rf"^((https?://\S+/)?(Patient|Group)/{_ID}(/_history/{_ID})?|urn:uuid:[0-9a-fA-F-]{{36}}"
    r"|urn:oid:[0-2](\.(0|[1-9][0-9]*))+)$"
)
_SYSTEM = re.compile(r"^(https?://|urn:)\S+$")
_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    k = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return 0 if k == 11 else None if k == 10 else k


def _number_problem(number: object) -> str | None:
    """Why ``number`` is not a valid fødselsnummer or D-nummer (None when it is)."""
    if not isinstance(number, str) or len(number) != 11 or not number.isascii():
        return "must be 11 digits"
    if not number.isdigit():
        return "must be 11 digits"
    day = int(number[:2])
    if not (1 <= day <= 31 or 41 <= day <= 71):
        return "has no valid day: 01..31 for a fødselsnummer, 41..71 for a D-nummer"
    k1 = _check_digit(number[:9], _W1)
    k2 = None if k1 is None else _check_digit(number[:10], _W2)
    if k1 is None or k2 is None or number[9:] != f"{k1}{k2}":
        return "has wrong check digits (mod 11)"
    return None


def _is_d_number(number: str) -> bool:
    return int(number[0]) >= 4


@attrs.frozen(kw_only=True)
class Subject:
    """Who the resources are about: a reference the caller gives, or an identifier.

    Give either ``reference`` (a literal reference to a Patient or Group the receiving
    system knows: ``"Patient/123"``, an absolute URL, or a ``urn:uuid:``) or an
    identifier (``identifier_system`` and ``identifier_value``). For a Norwegian
    fødselsnummer or D-nummer use :meth:`from_identity_number`, which picks the system.
    The identifier's value is personal data: it is left out of ``repr`` and never shown
    in error messages.

    ```pycon
    >>> Subject(reference="Patient/123").to_reference()
    {'reference': 'Patient/123'}
    >>> Subject.from_identity_number("01010000000")
    Traceback (most recent call last):
    ...
    laeringsnettverk.errors.ValidationError: number: has wrong check digits (mod 11)

    ```
    """

    reference: str | None = None
    """A literal reference: ``Patient/<id>``, ``Group/<id>``, an absolute URL to one, or a
    ``urn:uuid:``/``urn:oid:`` of a resource in the same exchange."""
    identifier_system: str | None = None
    """The identifier's system: :data:`FOEDSELSNUMMER_SYSTEM`, :data:`DNUMMER_SYSTEM` or
    another absolute URI."""
    identifier_value: str | None = attrs.field(default=None, repr=False)
    """The identifier's value (personal data: not shown in ``repr`` or errors)."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        has_identifier = self.identifier_system is not None or self.identifier_value is not None
        if self.reference is not None:
            if not isinstance(self.reference, str) or not _REFERENCE.fullmatch(self.reference):
                c.add(
                    ("reference",),
                    "must be Patient/<id>, Group/<id>, an absolute URL to one, or a urn:uuid:",
                    self.reference,
                )
            if has_identifier:
                c.add(("reference",), "give a reference or an identifier, not both")
        elif not has_identifier:
            c.add(("reference",), "a subject needs a reference or an identifier")
        if has_identifier:
            if not isinstance(self.identifier_system, str) or not _SYSTEM.fullmatch(
                self.identifier_system
            ):
                c.add(
                    ("identifier_system",),
                    "must be an absolute URI (http(s):// or urn:)",
                    self.identifier_system,
                )
            if not isinstance(self.identifier_value, str) or not self.identifier_value.strip():
                c.add(("identifier_value",), "must be a non-empty string")
            elif self.identifier_system in (FOEDSELSNUMMER_SYSTEM, DNUMMER_SYSTEM):
                problem = _number_problem(self.identifier_value)
                if problem is not None:
                    c.add(("identifier_value",), problem)
                elif _is_d_number(self.identifier_value) != (
                    self.identifier_system == DNUMMER_SYSTEM
                ):
                    c.add(
                        ("identifier_system",),
                        "does not fit the number: a D-nummer has day 41..71, a fødselsnummer "
                        "01..31",
                        self.identifier_system,
                    )
        c.done()

    @classmethod
    def from_identity_number(cls, number: str) -> Subject:
        """A subject identified by a fødselsnummer or a D-nummer (11 digits).

        A D-nummer has 4 added to its first digit (day 41..71); it gets the system
        :data:`DNUMMER_SYSTEM`, a fødselsnummer :data:`FOEDSELSNUMMER_SYSTEM`. The two
        mod-11 check digits are checked.

        Raises:
            ValidationError: when the number is not 11 digits with a valid day and check
                digits (the number itself is never shown).
        """
        problem = _number_problem(number)
        if problem is not None:
            c = Checker()
            c.add(("number",), problem)
            c.done()
        system = DNUMMER_SYSTEM if _is_d_number(number) else FOEDSELSNUMMER_SYSTEM
        return cls(identifier_system=system, identifier_value=number)

    @classmethod
    def from_reference(cls, reference: str) -> Subject:
        """A subject given by a literal reference, e.g. ``"Patient/123"``."""
        return cls(reference=reference)

    @property
    def is_identifier(self) -> bool:
        """True when the subject is given by an identifier rather than a reference."""
        return self.reference is None

    def to_reference(self) -> dict[str, Any]:
        """The subject as a FHIR Reference: literal, or logical (``type`` Patient + identifier)."""
        if self.reference is not None:
            return {"reference": self.reference}
        return {
            "type": "Patient",
            "identifier": {"system": self.identifier_system, "value": self.identifier_value},
        }

    def to_patient(self) -> dict[str, Any] | None:
        """A Patient resource carrying the identifier, or None for a literal reference."""
        if self.reference is not None:
            return None
        return {
            "resourceType": "Patient",
            "identifier": [{"system": self.identifier_system, "value": self.identifier_value}],
        }


def as_subject(subject: Subject | str) -> Subject:
    """A :class:`Subject`; a string is taken as a literal reference."""
    if isinstance(subject, str):
        return Subject(reference=subject)
    if not isinstance(subject, Subject):
        c = Checker()
        c.add(("subject",), "must be a Subject or a reference string", type(subject).__name__)
        c.done()
    return subject
