"""The library's code systems as CodeSystem resources, for a terminology server."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from laeringsnettverk._codes import CodedEnum
from laeringsnettverk.fhir._checklist import (
    CHECKLIST_CODE,
    FIDELITY_CODE,
    MAX_POINTS_CODE,
    POINTS_CODE,
)
from laeringsnettverk.fhir._common import (
    DEFAULT_BASE_URL,
    check_base_url,
    code_system_url,
    finish,
)
from laeringsnettverk.fhir._form import BENEFIT_CODE, FORM_CODE, MEAN_CODE
from laeringsnettverk.fhir._kor import KOR_CODE, ORS_CODE, SRS_CODE
from laeringsnettverk.fhir._plan import INDIVIDUAL_PLAN
from laeringsnettverk.goals import Frequency, IndicatorKind, IndicatorRole
from laeringsnettverk.toolkit import ItemStatus

__all__ = ["CODE_SYSTEMS", "code_systems"]


def _enum(enum: type[CodedEnum]) -> tuple[tuple[str, str], ...]:
    return tuple((m.code, m.label_nb) for m in enum)


CODE_SYSTEMS: Mapping[str, tuple[str, tuple[tuple[str, str], ...]]] = MappingProxyType(
    {
        "item-status": (
            "Status for et punkt i sjekklisten for samhandling",
            _enum(ItemStatus),
        ),
        "instrument": (
            "Måleverktøy i verktøykassen «Hva er viktig for deg?»",
            (FORM_CODE, CHECKLIST_CODE, KOR_CODE),
        ),
        "score": (
            "Skårer og summer fra verktøyene",
            (
                MEAN_CODE,
                BENEFIT_CODE,
                FIDELITY_CODE,
                POINTS_CODE,
                MAX_POINTS_CODE,
                ORS_CODE,
                SRS_CODE,
            ),
        ),
        "plan-type": ("Type plan", (INDIVIDUAL_PLAN,)),
        "indicator-kind": ("Type indikator for et SMART-mål", _enum(IndicatorKind)),
        "indicator-role": ("Indikatorens rolle i et målesett", _enum(IndicatorRole)),
        "frequency": ("Hvor ofte en indikator måles", _enum(Frequency)),
    }
)
"""The library's code systems: name (the last part of the URL ``{base}/CodeSystem/<name>``)
→ (Norwegian title, ((code, Norwegian display), ...)). No LOINC codes exist for these
instruments, so the library defines its own."""


def code_systems(base_url: str = DEFAULT_BASE_URL) -> tuple[dict[str, Any], ...]:
    """The library's code systems as R4 CodeSystem resources (``content`` ``complete``).

    Load them into a terminology server so that validators can check the codes the
    mappings use. Their URLs are ``{base_url}/CodeSystem/<name>``.

    ```pycon
    >>> [cs["url"] for cs in code_systems()][:2]
    ['https://laeringsnettverk.no/fhir/CodeSystem/item-status', 'https://laeringsnettverk.no/fhir/CodeSystem/instrument']

    ```
    """
    base = check_base_url(base_url)
    out = []
    for name, (title, concepts) in CODE_SYSTEMS.items():
        out.append(
            finish(
                {
                    "resourceType": "CodeSystem",
                    "id": name,
                    "url": code_system_url(base, name),
                    "name": "".join(part.capitalize() for part in name.split("-")),
                    "title": title,
                    "status": "active",
                    "caseSensitive": True,
                    "content": "complete",
                    "count": len(concepts),
                    "concept": [{"code": code, "display": display} for code, display in concepts],
                },
                f"Kodeverk: {title} ({len(concepts)} koder).",
            )
        )
    return tuple(out)
