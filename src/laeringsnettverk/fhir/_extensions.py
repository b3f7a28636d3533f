"""The registry of the library's own FHIR extensions, and their StructureDefinitions.

Every extension the mappings emit is defined here once: its URL is built from the name
(:func:`laeringsnettverk.fhir._common.extension_url` refuses a name that is not here), and
:func:`structure_definitions` builds its StructureDefinition from the same entry, so the
output and the definitions cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from laeringsnettverk.fhir._narrative import finish

__all__ = ["EXTENSIONS", "ExtensionPart", "ExtensionSpec", "structure_definition"]

EXTENSION_BASE = "http://hl7.org/fhir/StructureDefinition/Extension"


@attrs.frozen
class ExtensionPart:
    """A sub-extension (slice) of a complex extension: ``url`` is its plain name."""

    name: str
    types: tuple[str, ...]
    required: bool = False
    description: str = ""


@attrs.frozen(kw_only=True)
class ExtensionSpec:
    """One of the library's extensions: where it is used, how often, and its value or parts."""

    title: str
    description: str
    contexts: tuple[str, ...]
    types: tuple[str, ...] = ()
    parts: tuple[ExtensionPart, ...] = ()
    repeats: bool = False

    def __attrs_post_init__(self) -> None:
        assert bool(self.types) != bool(self.parts), "a value type or parts, not both"


def _simple(title: str, description: str, context: str, kind: str) -> ExtensionSpec:
    return ExtensionSpec(title=title, description=description, contexts=(context,), types=(kind,))


EXTENSIONS: Mapping[str, ExtensionSpec] = MappingProxyType(
    {
        "higher-is-better": _simple(
            "Høyere er bedre",
            "True when the highest score of the item's scale is the easiest (best) end.",
            "Questionnaire.item",
            "boolean",
        ),
        "conversation": _simple(
            "Samtale",
            "The number (1-based) of the conversation whose mean score the component holds.",
            "Observation.component",
            "integer",
        ),
        "from-conversation": _simple(
            "Fra samtale",
            "The number of the conversation a perceived benefit is measured from.",
            "Observation.component",
            "integer",
        ),
        "to-conversation": _simple(
            "Til samtale",
            "The number of the conversation a perceived benefit is measured to.",
            "Observation.component",
            "integer",
        ),
        "municipality": _simple(
            "Kommunenummer",
            "The municipality number (kommunenummer, four digits) of the service that used "
            "the «Hva er viktig for meg»-form.",
            "QuestionnaireResponse",
            "code",
        ),
        "carries-mean-of": _simple(
            "Bærer snittskåren til samtale",
            "The number of the form's conversation whose mean score this checklist item carries.",
            "QuestionnaireResponse.item",
            "integer",
        ),
        "form-identifier": _simple(
            "Skjemaets identifikator",
            "The identifier of the «Hva er viktig for meg»-form whose means the checklist's "
            "items carry (the value of the form Questionnaire's identifier).",
            "QuestionnaireResponse",
            "string",
        ),
        "item-set": ExtensionSpec(
            title="Punktsett",
            description=(
                "Which set of items a collaboration checklist uses: its code (such as "
                "laeringsnettverk-forslag, the library's proposed ten items, which are not "
                "the source report's checklist) and its version."
            ),
            contexts=("QuestionnaireResponse",),
            parts=(
                ExtensionPart("code", ("code",), True, "The item set's code."),
                ExtensionPart("version", ("string",), False, "The item set's version."),
            ),
        ),
        "responsible": ExtensionSpec(
            title="Ansvarlig",
            description="The person responsible for a measure: a role and, if known, a name.",
            contexts=("CarePlan.activity.detail.performer",),
            parts=(
                ExtensionPart("role", ("string",), True, "The responsible person's role."),
                ExtensionPart("name", ("string",), False, "The responsible person's name."),
            ),
        ),
        "indicator": ExtensionSpec(
            title="Indikator",
            description=(
                "The parts of a SMART goal's indicator that Goal.target.measure does not "
                "hold: unit, scale bounds, better direction, role in a family of measures, "
                "operational definition, data source and frequency."
            ),
            contexts=("Goal",),
            parts=(
                ExtensionPart("unit", ("string",), False, "The unit, as written."),
                ExtensionPart("definition", ("string",), False, "The operational definition."),
                ExtensionPart("data-source", ("string",), False, "Where the data come from."),
                ExtensionPart("minimum", ("decimal",), False, "The lowest possible value."),
                ExtensionPart("maximum", ("decimal",), False, "The highest possible value."),
                ExtensionPart(
                    "higher-is-better", ("boolean",), True, "True when a higher value is better."
                ),
                ExtensionPart(
                    "role", ("code",), False, "Its role: a code of CodeSystem/indicator-role."
                ),
                ExtensionPart(
                    "frequency", ("code",), False, "How often: a code of CodeSystem/frequency."
                ),
            ),
        ),
        "population": _simple(
            "Målgruppe", "Whom the SMART goal is for (its population).", "Goal", "string"
        ),
        "setting": _simple(
            "Arena", "Where the SMART goal applies (its setting).", "Goal", "string"
        ),
        "user-representative": _simple(
            "Brukerrepresentant",
            "True when the referenced party who agreed to the goal is a user representative.",
            "Reference",
            "boolean",
        ),
        "rationale": _simple(
            "Begrunnelse",
            "True when this note is the goal's rationale.",
            "Goal.note",
            "boolean",
        ),
    }
)
"""Every extension the library emits: name (the last part of the URL
``{base}/StructureDefinition/<name>``) → its specification."""


_FHIR_TYPE = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type"
_ELE_1 = {
    "key": "ele-1",
    "severity": "error",
    "human": "All FHIR elements must have a @value or children",
    "expression": "hasValue() or (children().count() > id.count())",
    "xpath": "@value|f:*|h:div",
    "source": "http://hl7.org/fhir/StructureDefinition/Element",
}
_EXT_1 = {
    "key": "ext-1",
    "severity": "error",
    "human": "Must have either extensions or value[x], not both",
    "expression": "extension.exists() != value.exists()",
    "xpath": 'exists(f:extension)!=exists(f:*[starts-with(local-name(.), "value")])',
    "source": "http://hl7.org/fhir/StructureDefinition/Extension",
}
# Every type Extension.value[x] may have in R4 (the core Extension's element).
VALUE_TYPES = (
    "base64Binary",
    "boolean",
    "canonical",
    "code",
    "date",
    "dateTime",
    "decimal",
    "id",
    "instant",
    "integer",
    "markdown",
    "oid",
    "positiveInt",
    "string",
    "time",
    "unsignedInt",
    "uri",
    "url",
    "uuid",
    "Address",
    "Age",
    "Annotation",
    "Attachment",
    "CodeableConcept",
    "Coding",
    "ContactPoint",
    "Count",
    "Distance",
    "Duration",
    "HumanName",
    "Identifier",
    "Money",
    "Period",
    "Quantity",
    "Range",
    "Ratio",
    "Reference",
    "SampledData",
    "Signature",
    "Timing",
    "ContactDetail",
    "Contributor",
    "DataRequirement",
    "Expression",
    "ParameterDefinition",
    "RelatedArtifact",
    "TriggerDefinition",
    "UsageContext",
    "Dosage",
    "Meta",
)


def _base_elements(prefix: str, path: str, root_max: str) -> list[dict[str, Any]]:
    """The core Extension's elements (R4), at ``prefix`` (an id) and ``path``."""
    string = {"code": "http://hl7.org/fhirpath/System.String"}
    return [
        {
            "id": prefix,
            "path": path,
            "short": "Optional Extensions Element",
            "definition": "Optional Extension Element - found in all resources.",
            "min": 0,
            "max": root_max,
            "base": {"path": "Extension", "min": 0, "max": "*"},
            "constraint": [_ELE_1, _EXT_1],
            "isModifier": False,
        },
        {
            "id": f"{prefix}.id",
            "path": f"{path}.id",
            "representation": ["xmlAttr"],
            "short": "Unique id for inter-element referencing",
            "definition": "Unique id for the element within a resource (for internal "
            "references). This may be any string value that does not contain spaces.",
            "min": 0,
            "max": "1",
            "base": {"path": "Element.id", "min": 0, "max": "1"},
            "type": [{**string, "extension": [{"url": _FHIR_TYPE, "valueUrl": "string"}]}],
            "isModifier": False,
            "isSummary": False,
        },
        {
            "id": f"{prefix}.extension",
            "path": f"{path}.extension",
            "slicing": {
                "discriminator": [{"type": "value", "path": "url"}],
                "description": "Extensions are always sliced by (at least) url",
                "rules": "open",
            },
            "short": "Additional content defined by implementations",
            "definition": "May be used to represent additional information that is not part "
            "of the basic definition of the element.",
            "min": 0,
            "max": "*",
            "base": {"path": "Element.extension", "min": 0, "max": "*"},
            "type": [{"code": "Extension"}],
            "constraint": [_ELE_1, _EXT_1],
            "isModifier": False,
            "isSummary": False,
        },
        {
            "id": f"{prefix}.url",
            "path": f"{path}.url",
            "representation": ["xmlAttr"],
            "short": "identifies the meaning of the extension",
            "definition": "Source of the definition for the extension code - a logical name "
            "or a URL.",
            "min": 1,
            "max": "1",
            "base": {"path": "Extension.url", "min": 1, "max": "1"},
            "type": [{**string, "extension": [{"url": _FHIR_TYPE, "valueUrl": "uri"}]}],
            "isModifier": False,
            "isSummary": False,
        },
        {
            "id": f"{prefix}.value[x]",
            "path": f"{path}.value[x]",
            "short": "Value of extension",
            "definition": "Value of extension - must be one of a constrained set of the data "
            "types (see [Extensibility](extensibility.html) for a list).",
            "min": 0,
            "max": "1",
            "base": {"path": "Extension.value[x]", "min": 0, "max": "1"},
            "type": [{"code": code} for code in VALUE_TYPES],
            "constraint": [_ELE_1],
            "isModifier": False,
            "isSummary": False,
        },
    ]


def _snapshot(differential: list[dict[str, Any]], spec: ExtensionSpec) -> list[dict[str, Any]]:
    """The snapshot: the core elements, each with what the differential says about it."""
    changes = {element["id"]: element for element in differential}
    elements = _base_elements("Extension", "Extension", "*")
    for part in spec.parts:
        slice_id = f"Extension.extension:{part.name}"
        slice_elements = _base_elements(slice_id, "Extension.extension", "1")
        slice_elements[0] = {**slice_elements[0], "sliceName": part.name}
        # the parts go after the Extension.extension element, in order
        position = next(i for i, e in enumerate(elements) if e["id"] == "Extension.url")
        elements[position:position] = slice_elements
    merged = []
    for element in elements:
        change = changes.get(element["id"], {})
        merged.append({**element, **{k: v for k, v in change.items() if k != "slicing"}})
    return merged


def _camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("-"))


def _value_element(prefix: str, path: str, types: tuple[str, ...]) -> dict[str, Any]:
    return {
        "id": f"{prefix}.value[x]",
        "path": f"{path}.value[x]",
        "min": 1,
        "type": [{"code": kind} for kind in types],
    }


def structure_definition(name: str, base: str) -> dict[str, Any]:
    """The R4 StructureDefinition of the extension ``name`` under the base URL ``base``."""
    spec = EXTENSIONS[name]
    url = f"{base}/StructureDefinition/{name}"
    elements: list[dict[str, Any]] = [
        {
            "id": "Extension",
            "path": "Extension",
            "short": spec.title,
            "definition": spec.description,
            "min": 0,
            "max": "*" if spec.repeats else "1",
        }
    ]
    if spec.parts:
        elements.append(
            {
                "id": "Extension.extension",
                "path": "Extension.extension",
                "slicing": {
                    "discriminator": [{"type": "value", "path": "url"}],
                    "rules": "open",
                },
                "min": sum(part.required for part in spec.parts),
            }
        )
        for part in spec.parts:
            prefix = f"Extension.extension:{part.name}"
            elements.extend(
                [
                    {
                        "id": prefix,
                        "path": "Extension.extension",
                        "sliceName": part.name,
                        "short": part.description or part.name,
                        "definition": part.description or part.name,
                        "min": 1 if part.required else 0,
                        "max": "1",
                    },
                    {
                        "id": f"{prefix}.extension",
                        "path": "Extension.extension.extension",
                        "max": "0",
                    },
                    {
                        "id": f"{prefix}.url",
                        "path": "Extension.extension.url",
                        "fixedUri": part.name,
                    },
                    _value_element(prefix, "Extension.extension", part.types),
                ]
            )
    else:
        elements.append({"id": "Extension.extension", "path": "Extension.extension", "max": "0"})
    elements.append({"id": "Extension.url", "path": "Extension.url", "fixedUri": url})
    if spec.parts:
        elements.append({"id": "Extension.value[x]", "path": "Extension.value[x]", "max": "0"})
    else:
        elements.append(_value_element("Extension", "Extension", spec.types))
    snapshot = _snapshot(elements, spec)
    sd = {
        "resourceType": "StructureDefinition",
        "id": name,
        "url": url,
        "name": _camel(name),
        "title": spec.title,
        "status": "active",
        "description": spec.description,
        "fhirVersion": "4.0.1",
        "kind": "complex-type",
        "abstract": False,
        "context": [{"type": "element", "expression": context} for context in spec.contexts],
        "type": "Extension",
        "baseDefinition": EXTENSION_BASE,
        "derivation": "constraint",
        "snapshot": {"element": snapshot},
        "differential": {"element": elements},
    }
    return finish(sd, f"Utvidelse: {spec.title}. {spec.description}")
