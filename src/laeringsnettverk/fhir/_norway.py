"""Norwegian identifiers for teams and people: organisation number, RESH id and HPR number."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.fhir._common import encode_text, finish

__all__ = [
    "HPR_SYSTEM",
    "NO_BASIS_ORGANIZATION",
    "ORGANISASJONSNUMMER_SYSTEM",
    "RESH_SYSTEM",
    "TeamIdentifiers",
    "check_hpr_numbers",
    "check_teams",
    "team_organization",
]

ORGANISASJONSNUMMER_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.101"
"""The identifier system of the organisation number in the Central Coordinating Register
for Legal Entities (Enhetsregisteret)."""

RESH_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.102"
"""The identifier system of the RESH id (Register for enheter i spesialisthelsetjenesten)."""

HPR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.4"
"""The identifier system of the HPR number (Helsepersonellregisteret)."""

NO_BASIS_ORGANIZATION = "http://hl7.no/fhir/StructureDefinition/no-basis-Organization"
"""The canonical URL of HL7 Norway's base profile for Organization."""

_ORG_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
_DIGITS = re.compile(r"[0-9]{1,9}", re.ASCII)


def _organisation_number_problem(number: object) -> str | None:
    if not isinstance(number, str) or not re.fullmatch(r"[0-9]{9}", number, re.ASCII):
        return "must be 9 digits"
    k = 11 - sum(int(d) * w for d, w in zip(number[:8], _ORG_WEIGHTS, strict=True)) % 11
    check = 0 if k == 11 else None if k == 10 else k
    return None if check is not None and int(number[8]) == check else "has a wrong check digit"


@attrs.frozen(kw_only=True)
class TeamIdentifiers:
    """The Norwegian identifiers of an improvement team's organisation, where known.

    ```pycon
    >>> TeamIdentifiers(organisation_number="974760673").organisation_number
    '974760673'

    ```
    """

    organisation_number: str | None = None
    """The organisation number (9 digits, the last a modulus-11 check digit) in
    Enhetsregisteret: system ``urn:oid:2.16.578.1.12.4.1.4.101``."""
    resh_id: str | None = None
    """The RESH id of a unit in the specialist health service (1 to 9 digits, the library's
    bound): system ``urn:oid:2.16.578.1.12.4.1.4.102``."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if self.organisation_number is None and self.resh_id is None:
            c.add(("organisation_number",), "give an organisation number, a RESH id, or both")
        if self.organisation_number is not None:
            problem = _organisation_number_problem(self.organisation_number)
            if problem is not None:
                c.add(("organisation_number",), problem, self.organisation_number)
        if self.resh_id is not None and (
            not isinstance(self.resh_id, str) or not _DIGITS.fullmatch(self.resh_id)
        ):
            c.add(("resh_id",), "must be 1 to 9 digits", self.resh_id)
        c.done()

    def identifiers(self) -> list[dict[str, str]]:
        """The identifiers as FHIR Identifiers: the organisation number, then the RESH id."""
        found = []
        if self.organisation_number is not None:
            found.append({"system": ORGANISASJONSNUMMER_SYSTEM, "value": self.organisation_number})
        if self.resh_id is not None:
            found.append({"system": RESH_SYSTEM, "value": self.resh_id})
        return found


def check_teams(teams: object) -> dict[str, TeamIdentifiers]:
    """A mapping of team identifier → :class:`TeamIdentifiers`; raises for anything else."""
    if teams is None:
        return {}
    if not isinstance(teams, Mapping):
        raise ValidationError.one(("teams",), "must be a mapping", type(teams).__name__)
    c = Checker()
    for i, (team, ids) in enumerate(teams.items()):
        if not isinstance(team, str) or not isinstance(ids, TeamIdentifiers):
            c.add(("teams", i), "must map a team identifier (str) to TeamIdentifiers")
    c.done()
    return dict(teams)


def check_hpr_numbers(numbers: object) -> dict[str, str]:
    """A mapping of a person's name → HPR number (1 to 9 digits); raises for anything else.

    Names are free text and never shown: a problem is reported by position.
    """
    if numbers is None:
        return {}
    if not isinstance(numbers, Mapping):
        raise ValidationError.one(("hpr_numbers",), "must be a mapping", type(numbers).__name__)
    c = Checker()
    for i, (name, number) in enumerate(numbers.items()):
        if not isinstance(name, str):
            c.add(("hpr_numbers", i), "must map a name (str) to an HPR number")
        elif not isinstance(number, str) or not _DIGITS.fullmatch(number):
            c.add(("hpr_numbers", i), "must be an HPR number of 1 to 9 digits")
    c.done()
    return dict(numbers)


def team_organization(base: str, team: str, ids: TeamIdentifiers, rid: str) -> dict[str, Any]:
    """An Organization ``rid`` for a team: its team identifier and its Norwegian identifiers.

    It declares HL7 Norway's no-basis-Organization profile.
    """
    value = encode_text(team)
    return finish(
        {
            "resourceType": "Organization",
            "id": rid,
            "meta": {"profile": [NO_BASIS_ORGANIZATION]},
            "identifier": [
                {"system": f"{base}/identifier/team", "value": value},
                *ids.identifiers(),
            ],
            "active": True,
            "name": value,
        },
        "Forbedringsteam (organisasjon) med organisasjonsnummer eller RESH-id.",
    )
