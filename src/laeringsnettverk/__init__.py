"""laeringsnettverk: improvement work in Norwegian health and care services.

Learning networks (læringsnettverk), the five-phase improvement model, SMART
goals, stakeholder maps, and the measurement toolkit «Hva er viktig for deg?»
with its scoring. Everyday names are importable from here; each capability also
has its own subpackage (:mod:`laeringsnettverk.toolkit`, …).

```pycon
>>> import laeringsnettverk as ln
>>> ln.mean_score([1, 4, 1, 2])
2.0

```
"""

from laeringsnettverk._version import __version__
from laeringsnettverk.errors import (
    LaeringsnettverkError,
    LaeringsnettverkWarning,
    Problem,
    ValidationError,
)
from laeringsnettverk.findings import Finding, Severity, highest_severity
from laeringsnettverk.goals import (
    CriterionResult,
    Frequency,
    GoalProgress,
    Indicator,
    IndicatorKind,
    IndicatorRole,
    MunicipalGoal,
    Observation,
    Party,
    ProgressPoint,
    ProgressStatus,
    SmartAssessment,
    SmartCriterion,
    SmartGoal,
    assess_smart,
    goal_progress,
    municipal_goals,
)
from laeringsnettverk.improvement import (
    EVENT_TYPES,
    ActivityCompleted,
    GoalSet,
    ImprovementMeasureChosen,
    ImprovementProject,
    MeasurementPlan,
    MeasurementPlanSet,
    MeasurementToolChosen,
    NoteAdded,
    PdsaCycle,
    PdsaDecision,
    Phase,
    PhaseActivity,
    PhaseEntered,
    PhaseStay,
    PhaseTime,
    ProjectEvent,
    SufficiencyJudged,
    readiness,
    review,
)
from laeringsnettverk.scoring import (
    MINIMAL_IMPORTANT_CHANGE,
    mean_score,
    perceived_benefit,
    program_fidelity,
    reliable_change_index,
    round_half_up,
)
from laeringsnettverk.serialization import dump, dumps, load, loads, make_converter
from laeringsnettverk.toolkit import (
    DEFAULT_CHECKLIST_ITEMS,
    ActionPlan,
    Activity,
    ActivityChange,
    Benefit,
    ChecklistItem,
    CollaborationChecklist,
    Conversation,
    ConversationWheel,
    ItemStatus,
    KorRatings,
    KorSession,
    LifeArea,
    Measure,
    MeasureStatus,
    OrsChange,
    OrsRatings,
    Responsible,
    Scale,
    SrsRatings,
    WhatMattersForm,
    WheelArea,
)

__all__ = [
    # version
    "__version__",
    # errors
    "LaeringsnettverkError",
    "LaeringsnettverkWarning",
    "Problem",
    "ValidationError",
    # toolkit «Hva er viktig for deg?»
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
    # scoring
    "MINIMAL_IMPORTANT_CHANGE",
    "mean_score",
    "perceived_benefit",
    "program_fidelity",
    "reliable_change_index",
    "round_half_up",
    # findings (advice from reviews and readiness checks)
    "Finding",
    "Severity",
    "highest_severity",
    # improvement model: phases and projects
    "EVENT_TYPES",
    "ActivityCompleted",
    "GoalSet",
    "ImprovementMeasureChosen",
    "ImprovementProject",
    "MeasurementPlan",
    "MeasurementPlanSet",
    "MeasurementToolChosen",
    "NoteAdded",
    "PdsaCycle",
    "PdsaDecision",
    "Phase",
    "PhaseActivity",
    "PhaseEntered",
    "PhaseStay",
    "PhaseTime",
    "ProjectEvent",
    "SufficiencyJudged",
    "readiness",
    "review",
    # SMART goals
    "CriterionResult",
    "Frequency",
    "GoalProgress",
    "Indicator",
    "IndicatorKind",
    "IndicatorRole",
    "MunicipalGoal",
    "Observation",
    "Party",
    "ProgressPoint",
    "ProgressStatus",
    "SmartAssessment",
    "SmartCriterion",
    "SmartGoal",
    "assess_smart",
    "goal_progress",
    "municipal_goals",
    # serialisation
    "dump",
    "dumps",
    "load",
    "loads",
    "make_converter",
]
