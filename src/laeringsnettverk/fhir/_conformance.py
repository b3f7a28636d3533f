"""The library's conformance resources: StructureDefinitions of its extensions, and a package."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from laeringsnettverk.fhir._codesystems import code_systems
from laeringsnettverk.fhir._common import DEFAULT_BASE_URL, check_base_url
from laeringsnettverk.fhir._extensions import EXTENSIONS, structure_definition
from laeringsnettverk.fhir._kor import kor_questionnaire

__all__ = ["conformance_resources", "structure_definitions", "write_conformance_resources"]


def structure_definitions(base_url: str = DEFAULT_BASE_URL) -> tuple[dict[str, Any], ...]:
    """The R4 StructureDefinitions of every extension the library emits.

    One per extension, built from the same registry the mappings take the extension URLs
    from: ``url`` ``{base_url}/StructureDefinition/<name>`` (the URL in the output),
    ``kind`` ``complex-type``, ``type`` ``Extension``, ``derivation`` ``constraint`` on the
    core Extension, a ``context`` naming the element it is used on, and a ``differential``
    that fixes ``Extension.url`` and gives the value's type or, for a complex extension
    (``activity``, ``responsible``, ``indicator``), a slice per part. A validator that is
    given them (see :func:`write_conformance_resources`) knows every extension in the
    output instead of reporting an unknown extension.

    ```pycon
    >>> [sd["url"].rsplit("/", 1)[1] for sd in structure_definitions()][:3]
    ['activity', 'higher-is-better', 'conversation']

    ```
    """
    base = check_base_url(base_url)
    return tuple(structure_definition(name, base) for name in EXTENSIONS)


def conformance_resources(base_url: str = DEFAULT_BASE_URL) -> tuple[dict[str, Any], ...]:
    """Every conformance resource of the library, for a validator or a FHIR server.

    The StructureDefinitions (:func:`structure_definitions`), the CodeSystems
    (:func:`code_systems`) and the fixed KOR Questionnaire (:func:`kor_questionnaire`).
    The form's and the checklist's Questionnaires are not among them: they are built from
    each form's activities and each checklist's items.
    """
    base = check_base_url(base_url)
    return (*structure_definitions(base), *code_systems(base), kor_questionnaire(base))


def write_conformance_resources(
    directory: str | os.PathLike[str], *, base_url: str = DEFAULT_BASE_URL
) -> tuple[Path, ...]:
    """Write :func:`conformance_resources` to ``directory``, one JSON file per resource.

    The files are named ``<resourceType>-<id>.json``; the directory is created if needed,
    and files of the same names are replaced. Pass the directory to the HL7 FHIR validator
    with ``-ig`` so that it knows the library's extensions and code systems::

        java -jar validator_cli.jar bundle.json -version 4.0.1 -ig laeringsnettverk-ig

    Returns the paths written, in order.
    """
    resources = conformance_resources(base_url)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for resource in resources:
        path = folder / f"{resource['resourceType']}-{resource['id']}.json"
        path.write_text(json.dumps(resource, ensure_ascii=False, indent=2) + "\n", "utf-8")
        written.append(path)
    return tuple(written)
