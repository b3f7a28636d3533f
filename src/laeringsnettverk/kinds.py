"""The document kinds: one record per kind, read by the loader, the schemas and the examples.

Each :class:`DocumentKind` names its code (the ``kind`` of a JSON document), the model that
holds it, its labels, and whether the package ships an example of it. The model is imported
only when a document of that kind is loaded or written, so loading a form does not import the
learning-network or stakeholder code (a command-line call or a serverless function pays only
for what it reads).

Adding a kind means adding one record here and its model (see the contributing guide).

```pycon
>>> from laeringsnettverk.kinds import document_kind
>>> kind = document_kind("form")
>>> kind.model.__name__, kind.label
('WhatMattersForm', '«Hva er viktig for meg»-skjema (what matters to me form)')

```
"""

from __future__ import annotations

import functools
import importlib

import attrs

from laeringsnettverk._model_repr import model_repr
from laeringsnettverk.errors import ValidationError

__all__ = ["DOCUMENT_KINDS", "KINDS", "DocumentKind", "document_kind", "kind_of"]


@attrs.frozen(kw_only=True)
class DocumentKind:
    """One document kind: its code, its model and how people call it."""

    __repr__ = model_repr  # attrs' text, from one shared function (the cold start)

    code: str
    """The ``kind`` of a JSON document, e.g. ``"form"``."""
    module: str
    """The module that defines the model, e.g. ``"laeringsnettverk.toolkit"``."""
    name: str
    """The model's class name in that module, e.g. ``"WhatMattersForm"``."""
    label_nb: str
    """What the kind is called, in Norwegian."""
    label_en: str
    """What the kind is called, in English."""
    example: bool = True
    """Whether the package ships an example (``data/example_{code}.json``)."""
    fhir: str | None = None
    """The keyword of :func:`laeringsnettverk.fhir.bundle` that takes a document of this kind
    (``"goals"`` takes a list of them); ``None``: the kind has no FHIR mapping."""

    @property
    def model(self) -> type:
        """The model class (its module is imported on first use)."""
        return _model(self.module, self.name)

    @property
    def label(self) -> str:
        """Norwegian with English beside it, for people."""
        return f"{self.label_nb} ({self.label_en})"


@functools.cache
def _model(module: str, name: str) -> type:
    cls: type = getattr(importlib.import_module(module), name)
    return cls


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind(
        code="form",
        module="laeringsnettverk.toolkit",
        name="WhatMattersForm",
        label_nb="«Hva er viktig for meg»-skjema",
        label_en="what matters to me form",
        fhir="form",
    ),
    DocumentKind(
        code="kor",
        module="laeringsnettverk.toolkit",
        name="KorRatings",
        label_nb="KOR-skåringer (ORS og SRS)",
        label_en="KOR ratings (ORS and SRS)",
        fhir="kor",
    ),
    DocumentKind(
        code="checklist",
        module="laeringsnettverk.toolkit",
        name="CollaborationChecklist",
        label_nb="Sjekkliste for samhandling",
        label_en="collaboration checklist",
        fhir="checklist",
    ),
    DocumentKind(
        code="plan",
        module="laeringsnettverk.toolkit",
        name="ActionPlan",
        label_nb="Plan",
        label_en="action plan",
        fhir="plan",
    ),
    DocumentKind(
        code="wheel",
        module="laeringsnettverk.toolkit",
        name="ConversationWheel",
        label_nb="Samtalehjul",
        label_en="conversation wheel",
    ),
    DocumentKind(
        code="goal",
        module="laeringsnettverk.goals",
        name="SmartGoal",
        label_nb="SMART-mål",
        label_en="SMART goal",
        fhir="goals",
    ),
    DocumentKind(
        code="project",
        module="laeringsnettverk.improvement",
        name="ImprovementProject",
        label_nb="Forbedringsprosjekt",
        label_en="improvement project",
    ),
    DocumentKind(
        code="stakeholder_map",
        module="laeringsnettverk.stakeholders",
        name="StakeholderMap",
        label_nb="Aktørkart",
        label_en="stakeholder map",
    ),
    DocumentKind(
        code="network",
        module="laeringsnettverk.network",
        name="LearningNetwork",
        label_nb="Læringsnettverk",
        label_en="learning network",
    ),
    DocumentKind(
        code="series",
        module="laeringsnettverk.measurement",
        name="Series",
        label_nb="Tidsserie",
        label_en="time series",
    ),
)
"""Every document kind, in the order the docs list them."""

DOCUMENT_KINDS: tuple[str, ...] = tuple(k.code for k in KINDS)
"""The codes of every document kind."""

_BY_CODE = {k.code: k for k in KINDS}
_BY_NAME = {(k.module, k.name): k for k in KINDS}


def document_kind(code: object) -> DocumentKind:
    """The kind of ``code``.

    Raises:
        ValidationError: no kind has that code.
    """
    kind = _BY_CODE.get(code) if isinstance(code, str) else None
    if kind is None:
        raise ValidationError.one(
            ("kind",),
            "is not a known document kind; expected one of " + ", ".join(map(repr, DOCUMENT_KINDS)),
            code,
        )
    return kind


def kind_of(obj: object) -> DocumentKind | None:
    """The kind whose model ``obj`` is an instance of (exactly), or ``None``."""
    cls = type(obj)
    for kind in KINDS:
        if kind.name == cls.__name__ and kind.model is cls:
            return kind
    return None
