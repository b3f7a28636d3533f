"""The subject of the resources: a reference given by the caller, or a Norwegian identity number."""

from __future__ import annotations

import re
from typing import Any

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.fhir._common import finish
from laeringsnettverk.identity import (
    DNUMMER_SYSTEM,
    FOEDSELSNUMMER_SYSTEM,
    HNUMMER_SYSTEM,
    PersonIdentifier,
    identity_problem,
)

__all__ = [
    "DNUMMER_SYSTEM",
    "FOEDSELSNUMMER_SYSTEM",
    "HNUMMER_SYSTEM",
    "NO_BASIS_PATIENT",
    "Subject",
    "as_subject",
]

_ID = r"[A-Za-z0-9\-.]{1,64}"
_REFERENCE = re.compile(
    rf"^((https?://\S+/)?(Patient|Group)/{_ID}(/_history/{_ID})?|urn:uuid:[0-9a-fA-F-]{{36}}"
    r"|urn:oid:[0-2](\.(0|[1-9][0-9]*))+)$"
)
_SYSTEM = re.compile(r"^(https?://|urn:)\S+$")
_DIGITS = re.compile(r"\d{6}")
_NORWEGIAN = {
    FOEDSELSNUMMER_SYSTEM: "foedselsnummer",
    DNUMMER_SYSTEM: "dnummer",
    HNUMMER_SYSTEM: "hnummer",
}
NO_BASIS_PATIENT = "http://hl7.no/fhir/StructureDefinition/no-basis-Patient"
"""The canonical URL of HL7 Norway's base profile for Patient (no-basis-Patient)."""


@attrs.frozen(kw_only=True)
class Subject:
    """Who the resources are about: a reference the caller gives, or an identifier.

    Give either ``reference`` (a literal reference to a Patient or Group the receiving
    system knows: ``"Patient/123"``, an absolute URL, or a ``urn:uuid:``) or an
    identifier (``identifier_system`` and ``identifier_value``). For a Norwegian
    fødselsnummer, D-nummer or H-nummer use :meth:`from_identity_number`, which checks
    the number (see :class:`~laeringsnettverk.identity.PersonIdentifier`) and picks the
    system. The identifier's value is personal data: it is left out of ``repr`` and never
    shown in error messages.

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
    """The identifier's system: :data:`FOEDSELSNUMMER_SYSTEM`, :data:`DNUMMER_SYSTEM`,
    :data:`HNUMMER_SYSTEM` or another absolute URI."""
    identifier_value: str | None = attrs.field(default=None, repr=False)
    """The identifier's value (personal data: not shown in ``repr`` or errors)."""
    synthetic: bool = False
    """True to accept a synthetic test number (month + 80) as a Norwegian identity number;
    without it one is refused."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        has_identifier = self.identifier_system is not None or self.identifier_value is not None
        if self.reference is not None:
            if not isinstance(self.reference, str) or not _REFERENCE.fullmatch(self.reference):
                rule = "must be Patient/<id>, Group/<id>, an absolute URL to one, or a urn:uuid:"
                if isinstance(self.reference, str) and _DIGITS.search(self.reference):
                    c.add(("reference",), rule)  # it may hold an identity number: not shown
                else:
                    c.add(("reference",), rule, self.reference)
            if has_identifier:
                c.add(("reference",), "give a reference or an identifier, not both")
        elif not has_identifier:
            c.add(("reference",), "a subject needs a reference or an identifier")
        if type(self.synthetic) is not bool:
            c.add(("synthetic",), "must be True or False", type(self.synthetic).__name__)
        elif has_identifier:
            self._check_identifier(c)
        c.done()

    def _check_identifier(self, c: Checker) -> None:
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
        elif self.identifier_system in _NORWEGIAN:
            problem = identity_problem(self.identifier_value, synthetic=self.synthetic)
            if problem is not None:
                c.add(("identifier_value",), problem)
            else:
                kind = PersonIdentifier(value=self.identifier_value, synthetic=True).kind
                if _NORWEGIAN[self.identifier_system] != kind:
                    c.add(
                        ("identifier_system",),
                        f"does not fit the number, which is a {kind}: a D-nummer has day "
                        "41..71, an H-nummer month 41..52, a fødselsnummer neither",
                        self.identifier_system,
                    )

    @classmethod
    def from_identity_number(
        cls, number: str | PersonIdentifier, *, synthetic: bool = False
    ) -> Subject:
        """A subject identified by a fødselsnummer, D-nummer or H-nummer (11 digits).

        The number is checked as :class:`~laeringsnettverk.identity.PersonIdentifier`
        checks it (birth date incl. leap years, the D-nummer's day + 40, the H-nummer's
        month + 40, both mod-11 check digits) and gets its kind's system:
        :data:`FOEDSELSNUMMER_SYSTEM`, :data:`DNUMMER_SYSTEM` or :data:`HNUMMER_SYSTEM`. A
        synthetic test number (month + 80) is accepted only with ``synthetic=True`` (or a
        PersonIdentifier made with it), and gets the system of the kind it imitates.

        Raises:
            ValidationError: when the number breaks a rule (the number itself is never
                shown).
        """
        person = (
            number
            if isinstance(number, PersonIdentifier)
            else PersonIdentifier(value=number, synthetic=synthetic)
        )
        return cls(
            identifier_system=person.system,
            identifier_value=person.value,
            synthetic=person.is_synthetic,
        )

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
        """A Patient carrying the identifier, or None for a literal reference.

        It declares HL7 Norway's base profile (``meta.profile``
        :data:`NO_BASIS_PATIENT`), which it fits: an identifier and nothing else. Prefer
        the record system's own Patient (a reference, or the logical reference of
        :meth:`to_reference`) to creating one: this is for systems that ask for one.
        """
        if self.reference is not None:
            return None
        kind = _NORWEGIAN.get(str(self.identifier_system))
        label = {
            "foedselsnummer": "fødselsnummer",
            "dnummer": "D-nummer",
            "hnummer": "H-nummer",
        }.get(str(kind), "identifikator")
        return finish(
            {
                "resourceType": "Patient",
                "meta": {"profile": [NO_BASIS_PATIENT]},
                "identifier": [{"system": self.identifier_system, "value": self.identifier_value}],
            },
            f"Pasient, identifisert med {label} (nummeret vises ikke her).",
        )


def as_subject(subject: Subject | str) -> Subject:
    """A :class:`Subject`; a string is taken as a literal reference."""
    if isinstance(subject, str):
        return Subject(reference=subject)
    if not isinstance(subject, Subject):
        c = Checker()
        c.add(("subject",), "must be a Subject or a reference string", type(subject).__name__)
        c.done()
    return subject
