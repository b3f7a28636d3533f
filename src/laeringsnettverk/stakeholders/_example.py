"""The example stakeholder map shipped with the package, built in code.

The file ``laeringsnettverk/data/example_stakeholder_map.json`` is written from
:func:`build_example_stakeholder_map` by :func:`example_stakeholder_map_text`; a test checks
that the shipped file equals what the code builds. Regenerate it with
``python -m laeringsnettverk.stakeholders._example``. Kari and every detail are made up; the
actors are those the source names around a user.
"""

from __future__ import annotations

import datetime
import json
from importlib import resources
from pathlib import Path

from laeringsnettverk.errors import ValidationError
from laeringsnettverk.stakeholders._enums import (
    Attitude,
    OwnerKind,
    RelationQuality,
    RelationStrength,
    SituationalLevel,
    StakeholderCategory,
    StakeholderLevel,
)
from laeringsnettverk.stakeholders._model import MapOwner, Relation, Stakeholder, StakeholderMap

__all__ = [
    "EXAMPLE_STAKEHOLDER_MAP",
    "build_example_stakeholder_map",
    "example_stakeholder_map",
    "example_stakeholder_map_text",
]

EXAMPLE_STAKEHOLDER_MAP = "example_stakeholder_map.json"
"""The file name of the example in the package's ``data`` folder."""

_KIND = "stakeholder_map"
_SCHEMA_VERSION = 1

C, L, A = StakeholderCategory, StakeholderLevel, Attitude
S, Q = RelationStrength, RelationQuality
HIGH, LOW = SituationalLevel.HIGH, SituationalLevel.LOW


def _rel(strength: RelationStrength, quality: RelationQuality | None = None) -> Relation:
    return Relation(strength=strength, quality=quality)


def build_example_stakeholder_map() -> StakeholderMap:
    """The example map, built in code (the shipped file is written from it)."""
    return StakeholderMap(
        owner=MapOwner(kind=OwnerKind.USER, name="Kari"),
        date=datetime.date(2019, 9, 12),
        stakeholders=[
            Stakeholder(
                name="Mor",
                category=C.NEXT_OF_KIN,
                level=L.OWN_NETWORK,
                relation=_rel(S.STRONG, Q.GOOD),
                influence=3,
                interest=5,
                attitude=A.SUPPORTIVE,
                problem_recognition=HIGH,
                constraint_recognition=HIGH,
                involvement=HIGH,
                power=False,
                legitimacy=True,
                urgency=True,
                note="Ringer Kari hver dag; vil gjerne være med på møter.",
            ),
            Stakeholder(
                name="Fastlegen",
                category=C.GP,
                level=L.MUNICIPAL,
                relation=_rel(S.MODERATE, Q.GOOD),
                influence=4,
                interest=3,
                attitude=A.SUPPORTIVE,
                problem_recognition=HIGH,
                constraint_recognition=LOW,
                involvement=LOW,
                power=True,
                legitimacy=True,
                urgency=False,
            ),
            Stakeholder(
                name="NAV-veileder",
                category=C.NAV,
                level=L.STATE,
                relation=_rel(S.WEAK, Q.MIXED),
                influence=5,
                interest=2,
                attitude=A.NEUTRAL,
                problem_recognition=LOW,
                constraint_recognition=HIGH,
                involvement=LOW,
                power=True,
                legitimacy=True,
                urgency=False,
                note="Arbeidsavklaringspenger; ny veileder i vår.",
            ),
            Stakeholder(
                name="DPS poliklinikk",
                category=C.DPS,
                level=L.SPECIALIST,
                relation=_rel(S.MODERATE, Q.MIXED),
                influence=4,
                interest=3,
                attitude=A.NEUTRAL,
                problem_recognition=HIGH,
                constraint_recognition=HIGH,
                involvement=HIGH,
                power=True,
                legitimacy=True,
                urgency=False,
            ),
            Stakeholder(
                name="Ruspoliklinikken",
                category=C.SUBSTANCE_USE_CLINIC,
                level=L.SPECIALIST,
                relation=_rel(S.MODERATE, Q.GOOD),
                influence=3,
                interest=2,
                attitude=A.NEUTRAL,
                power=True,
                legitimacy=True,
                urgency=False,
            ),
            Stakeholder(
                name="ACT-teamet",
                category=C.ACT_TEAM,
                level=L.SPECIALIST,
                relation=_rel(S.STRONG, Q.GOOD),
                influence=4,
                interest=5,
                attitude=A.SUPPORTIVE,
                problem_recognition=HIGH,
                constraint_recognition=LOW,
                involvement=HIGH,
                power=True,
                legitimacy=True,
                urgency=True,
            ),
            Stakeholder(
                name="Psykisk helse- og rustjenesten",
                category=C.MUNICIPAL_SERVICE,
                level=L.MUNICIPAL,
                relation=_rel(S.STRONG, Q.GOOD),
                influence=4,
                interest=4,
                attitude=A.SUPPORTIVE,
                power=True,
                legitimacy=True,
                urgency=True,
            ),
            Stakeholder(
                name="Likeperson",
                category=C.PEER_WORKER,
                level=L.VOLUNTARY,
                relation=_rel(S.MODERATE, Q.GOOD),
                influence=2,
                interest=4,
                attitude=A.SUPPORTIVE,
                power=False,
                legitimacy=True,
                urgency=False,
            ),
            Stakeholder(
                name="Boligkontoret",
                category=C.HOUSING,
                level=L.MUNICIPAL,
                relation=_rel(S.NONE),
                influence=4,
                interest=1,
                attitude=A.NEUTRAL,
                problem_recognition=LOW,
                constraint_recognition=LOW,
                involvement=LOW,
                power=True,
                legitimacy=True,
                urgency=False,
                note="Kari står på venteliste for kommunal bolig.",
            ),
            Stakeholder(
                name="Arbeidsgiver",
                category=C.EMPLOYER,
                level=L.PRIVATE,
                influence=3,
                interest=2,
                power=True,
            ),
            Stakeholder(
                name="Mental Helse",
                category=C.USER_ORGANISATION,
                level=L.VOLUNTARY,
                relation=_rel(S.WEAK),
                influence=1,
                interest=2,
                attitude=A.SUPPORTIVE,
                power=False,
                legitimacy=True,
                urgency=False,
            ),
            Stakeholder(
                name="Frivilligsentralen",
                category=C.VOLUNTEER_ORGANISATION,
                level=L.VOLUNTARY,
                note="Turgruppe på tirsdager.",
            ),
        ],
        notes=(
            "Kartlagt sammen med Kari ved første samtale; oppdateres etter tre måneder. "
            "Navn og opplysninger er oppdiktet."
        ),
    )


def example_stakeholder_map_text(m: StakeholderMap | None = None) -> str:
    """A map (by default the built example) as the shipped versioned JSON document's text."""
    from laeringsnettverk.serialization import to_dict

    body = to_dict(build_example_stakeholder_map() if m is None else m)
    document = {"kind": _KIND, "schema_version": _SCHEMA_VERSION, **body}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def example_stakeholder_map() -> StakeholderMap:
    """The shipped example: the actors around a user, «Kari» (made up).

    Next of kin, the GP, NAV, DPS, the substance-use clinic, the ACT team, the
    municipal mental health and substance use service, a peer worker, housing, an
    employer, a user organisation and a volunteer centre, with their relation,
    influence, interest and the three classifications' attributes. Loaded from the
    versioned document ``data/example_stakeholder_map.json`` (kind ``"stakeholder_map"``,
    schema version 1).

    ```pycon
    >>> m = example_stakeholder_map()
    >>> m.owner.name, len(m.stakeholders)
    ('Kari', 12)

    ```
    """
    from laeringsnettverk.serialization import from_dict

    text = (
        resources.files("laeringsnettverk")
        .joinpath("data", EXAMPLE_STAKEHOLDER_MAP)
        .read_text(encoding="utf-8")
    )
    data = json.loads(text)
    header = (data.get("kind"), data.get("schema_version"))
    if header != (_KIND, _SCHEMA_VERSION):  # pragma: no cover - the shipped file is tested
        raise ValidationError.one(
            ("kind",), f"must be {_KIND!r}, schema_version {_SCHEMA_VERSION}", header
        ).as_json()
    body = {k: v for k, v in data.items() if k not in ("kind", "schema_version")}
    return from_dict(body, StakeholderMap)


def _write(folder: Path) -> Path:  # pragma: no cover - a maintainer's tool
    path = folder / EXAMPLE_STAKEHOLDER_MAP
    path.write_text(example_stakeholder_map_text(), encoding="utf-8")
    return path


if __name__ == "__main__":  # pragma: no cover
    print(_write(Path(__file__).resolve().parent.parent / "data"))
