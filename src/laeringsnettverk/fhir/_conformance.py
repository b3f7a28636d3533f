"""The library's conformance resources: StructureDefinitions, CodeSystems, ValueSets, a package."""

from __future__ import annotations

import io
import json
import os
import re
import tarfile
from pathlib import Path
from typing import Any

from laeringsnettverk._version import __version__
from laeringsnettverk.errors import ValidationError
from laeringsnettverk.fhir._checklist import checklist_questionnaire
from laeringsnettverk.fhir._codesystems import CODE_SYSTEMS, code_systems
from laeringsnettverk.fhir._common import DEFAULT_BASE_URL, check_base_url, finish
from laeringsnettverk.fhir._extensions import EXTENSIONS, structure_definition
from laeringsnettverk.fhir._form import form_questionnaire
from laeringsnettverk.fhir._kor import kor_questionnaire

__all__ = [
    "NO_BASIS_PACKAGE",
    "conformance_resources",
    "structure_definitions",
    "value_sets",
    "write_conformance_resources",
    "write_package",
]

NO_BASIS_PACKAGE = ("hl7.fhir.no.basis", "2.2.0")
"""HL7 Norway's base profiles as a FHIR package (name, version): the package the library's
package depends on for no-basis-Patient and no-basis-Organization."""

_PACKAGE_NAME = re.compile(r"^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$")
_SEMVER = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$")


def structure_definitions(base_url: str = DEFAULT_BASE_URL) -> tuple[dict[str, Any], ...]:
    """The R4 StructureDefinitions of every extension the library emits, with snapshots.

    One per extension, built from the same registry the mappings take the extension URLs
    from: ``url`` ``{base_url}/StructureDefinition/<name>`` (the URL in the output),
    ``kind`` ``complex-type``, ``type`` ``Extension``, ``derivation`` ``constraint`` on the
    core Extension, a ``context`` naming the element it is used on, a ``differential``
    that fixes ``Extension.url`` and gives the value's type or, for a complex extension
    (``item-set``, ``responsible``, ``indicator``), a slice per part, and the ``snapshot``
    a validator needs (the core Extension's elements with the differential applied).

    ```pycon
    >>> [sd["url"].rsplit("/", 1)[1] for sd in structure_definitions()][:3]
    ['higher-is-better', 'conversation', 'from-conversation']

    ```
    """
    base = check_base_url(base_url)
    return tuple(structure_definition(name, base) for name in EXTENSIONS)


def value_sets(base_url: str = DEFAULT_BASE_URL) -> tuple[dict[str, Any], ...]:
    """A ValueSet of all codes of each of the library's code systems.

    ``url`` ``{base_url}/ValueSet/<name>``, composed of the whole CodeSystem
    ``{base_url}/CodeSystem/<name>`` (see :func:`code_systems`).
    """
    base = check_base_url(base_url)
    out = []
    for name, (title, _) in CODE_SYSTEMS.items():
        out.append(
            finish(
                {
                    "resourceType": "ValueSet",
                    "id": name,
                    "url": f"{base}/ValueSet/{name}",
                    "name": "".join(part.capitalize() for part in name.split("-")),
                    "title": title,
                    "status": "active",
                    "compose": {"include": [{"system": f"{base}/CodeSystem/{name}"}]},
                },
                f"Alle koder i kodeverket {title}.",
            )
        )
    return tuple(out)


def conformance_resources(base_url: str = DEFAULT_BASE_URL) -> tuple[dict[str, Any], ...]:
    """Every conformance resource of the library, for a validator or a FHIR server.

    The StructureDefinitions (:func:`structure_definitions`), the CodeSystems
    (:func:`code_systems`), their ValueSets (:func:`value_sets`) and the published
    Questionnaires: the form's for the toolkit's scale (:func:`form_questionnaire`), the
    checklist's for the library's proposed items (:func:`checklist_questionnaire`) and
    KOR's (:func:`kor_questionnaire`). A response that names one of these resolves on a
    server that has them.
    """
    base = check_base_url(base_url)
    return (
        *structure_definitions(base),
        *code_systems(base),
        *value_sets(base),
        form_questionnaire(base_url=base),
        checklist_questionnaire(base_url=base),
        kor_questionnaire(base),
    )


def _file_name(resource: dict[str, Any]) -> str:
    return f"{resource['resourceType']}-{resource['id']}.json"


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def write_conformance_resources(
    directory: str | os.PathLike[str], *, base_url: str = DEFAULT_BASE_URL
) -> tuple[Path, ...]:
    """Write :func:`conformance_resources` to ``directory``, one JSON file per resource.

    The files are named ``<resourceType>-<id>.json``; the directory is created if needed,
    and files of the same names are replaced. For the HL7 validator prefer
    :func:`write_package`, which adds the ``package.json`` that names the dependencies.

    Returns the paths written, in order.
    """
    resources = conformance_resources(base_url)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for resource in resources:
        path = folder / _file_name(resource)
        path.write_text(_json(resource), "utf-8")
        written.append(path)
    return tuple(written)


def package_manifest(
    base_url: str = DEFAULT_BASE_URL,
    *,
    name: str = "laeringsnettverk.fhir",
    version: str | None = None,
) -> dict[str, Any]:
    """The ``package.json`` of the library's FHIR package (see :func:`write_package`)."""
    base = check_base_url(base_url)
    version = _package_version(__version__ if version is None else version)
    if not isinstance(name, str) or not _PACKAGE_NAME.fullmatch(name):
        raise ValidationError.one(
            ("name",),
            "must be a FHIR package name: lower-case, dot-separated parts (e.g. no.kommune.ln)",
            name,
        )
    return {
        "name": name,
        "version": version,
        "description": (
            "The conformance resources of laeringsnettverk: extensions, code systems, value "
            "sets and the published Questionnaires."
        ),
        "canonical": base,
        "fhirVersions": ["4.0.1"],
        "type": "fhir.ig",
        "author": "laeringsnettverk",
        "license": "MIT",
        "dependencies": {"hl7.fhir.r4.core": "4.0.1", NO_BASIS_PACKAGE[0]: NO_BASIS_PACKAGE[1]},
    }


def _package_version(version: object) -> str:
    if not isinstance(version, str) or not _SEMVER.fullmatch(version):
        raise ValidationError.one(("version",), "must be a semantic version such as 1.2.0", version)
    return version


def write_package(
    folder: str | os.PathLike[str],
    *,
    base_url: str = DEFAULT_BASE_URL,
    name: str = "laeringsnettverk.fhir",
    version: str | None = None,
) -> Path:
    """Write the conformance resources as a FHIR package, for the HL7 validator's ``-ig``.

    Writes ``folder/package/``: ``package.json`` (``name``, ``version`` (the library's
    version unless given), ``canonical`` (the base URL), ``fhirVersions`` ``["4.0.1"]``,
    and the ``dependencies`` ``hl7.fhir.r4.core`` 4.0.1 and ``hl7.fhir.no.basis`` 2.2.0,
    whose profiles the Patient and Organizations declare), ``.index.json`` and one JSON file
    per resource; and ``folder/<name>-<version>.tgz``, the same as an NPM package (its
    files under ``package/``, byte-identical for equal input). Give the ``.tgz`` (or the
    folder) to the validator::

        java -jar validator_cli.jar bundle.json -version 4.0.1 -ig laeringsnettverk.fhir-1.0.0.tgz

    Returns the path of the ``.tgz``.

    Raises:
        ValidationError: for a bad ``base_url``, ``name`` or ``version``.
    """
    manifest = package_manifest(base_url, name=name, version=version)
    resources = conformance_resources(base_url)
    files: dict[str, str] = {"package.json": _json(manifest)}
    index = {
        "index-version": 1,
        "files": [
            {
                "filename": _file_name(r),
                "resourceType": r["resourceType"],
                "id": r["id"],
                **({"url": r["url"]} if "url" in r else {}),
                **({"version": r["version"]} if "version" in r else {}),
            }
            for r in resources
        ],
    }
    files[".index.json"] = _json(index)
    files.update({_file_name(r): _json(r) for r in resources})
    out = Path(folder)
    package = out / "package"
    package.mkdir(parents=True, exist_ok=True)
    for file_name, text in files.items():
        (package / file_name).write_text(text, "utf-8")
    archive = out / f"{manifest['name']}-{manifest['version']}.tgz"
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", format=tarfile.USTAR_FORMAT) as tar:
        for file_name, text in files.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"package/{file_name}")
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))
    archive.write_bytes(_without_gzip_time(buffer.getvalue()))
    return archive


def _without_gzip_time(data: bytes) -> bytes:
    """The gzip stream with its header's time stamp zeroed (bytes 4..7), for equal output."""
    return data[:4] + b"\0\0\0\0" + data[8:]
