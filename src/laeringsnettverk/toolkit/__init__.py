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

from laeringsnettverk.toolkit._checklist import (
    DEFAULT_CHECKLIST_ITEMS,
    ChecklistItem,
    CollaborationChecklist,
)
from laeringsnettverk.toolkit._enums import ItemStatus, LifeArea, MeasureStatus
from laeringsnettverk.toolkit._form import (
    Activity,
    ActivityChange,
    Benefit,
    Conversation,
    Scale,
    WhatMattersForm,
    form_benefit,
)
from laeringsnettverk.toolkit._kor import (
    KorRatings,
    KorSession,
    OrsChange,
    OrsRatings,
    SrsRatings,
)
from laeringsnettverk.toolkit._plan import ActionPlan, Measure, Responsible
from laeringsnettverk.toolkit._wheel import ConversationWheel, WheelArea

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
