"""The measurement toolkit «Hva er viktig for deg?» (what matters to you?).

Four tools, from the KS / Kunnskapssenteret report on the national learning
network «Gode pasientforløp» (appendix 1-2):

1. :class:`ConversationWheel` (samtalehjul): the areas that matter to the user.
2. :class:`WhatMattersForm` («Hva er viktig for meg»-skjema, built on PSFS): the
   activities the user wants help with, scored 1..10 at each conversation; the mean
   and the perceived benefit between conversations.
3. :class:`ActionPlan` (plan): the measures (tiltak), who is responsible, by when.
4. :class:`CollaborationChecklist` (sjekkliste for samhandling): program fidelity.

Plus :class:`KorRatings` (KOR: ORS and SRS), presented in the same network as
another measurement tool.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported on first use (see __getattr__): loading a form imports its models only
    from laeringsnettverk.toolkit._benefit import ActivityChange, Benefit, form_benefit
    from laeringsnettverk.toolkit._checklist import (
        DEFAULT_CHECKLIST_ITEMS,
        ChecklistItem,
        CollaborationChecklist,
    )
    from laeringsnettverk.toolkit._enums import ItemStatus, LifeArea, MeasureStatus
    from laeringsnettverk.toolkit._form import Activity, Conversation, Scale, WhatMattersForm
    from laeringsnettverk.toolkit._kor import (
        KorRatings,
        KorSession,
        OrsChange,
        OrsRatings,
        SrsRatings,
    )
    from laeringsnettverk.toolkit._plan import ActionPlan, Measure, Responsible
    from laeringsnettverk.toolkit._wheel import ConversationWheel, WheelArea

_LAZY = {
    "DEFAULT_CHECKLIST_ITEMS": "_checklist",
    "ChecklistItem": "_checklist",
    "CollaborationChecklist": "_checklist",
    "ItemStatus": "_enums",
    "LifeArea": "_enums",
    "MeasureStatus": "_enums",
    "Activity": "_form",
    "ActivityChange": "_benefit",
    "Benefit": "_benefit",
    "Conversation": "_form",
    "Scale": "_form",
    "WhatMattersForm": "_form",
    "form_benefit": "_benefit",
    "KorRatings": "_kor",
    "KorSession": "_kor",
    "OrsChange": "_kor",
    "OrsRatings": "_kor",
    "SrsRatings": "_kor",
    "ActionPlan": "_plan",
    "Measure": "_plan",
    "Responsible": "_plan",
    "ConversationWheel": "_wheel",
    "WheelArea": "_wheel",
}


def __getattr__(name: str) -> Any:
    """A toolkit name, its module imported on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "DEFAULT_CHECKLIST_ITEMS",
    "ActionPlan",
    "Activity",
    "ActivityChange",
    "Benefit",
    "ChecklistItem",
    "CollaborationChecklist",
    "Conversation",
    "ConversationWheel",
    "ItemStatus",
    "KorRatings",
    "KorSession",
    "LifeArea",
    "Measure",
    "MeasureStatus",
    "OrsChange",
    "OrsRatings",
    "Responsible",
    "Scale",
    "SrsRatings",
    "WhatMattersForm",
    "WheelArea",
    "form_benefit",
]
