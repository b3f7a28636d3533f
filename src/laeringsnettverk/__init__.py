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

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from laeringsnettverk._version import __version__

if TYPE_CHECKING:  # the names below are imported on first use (see __getattr__)
    from laeringsnettverk.errors import (
        LaeringsnettverkError as LaeringsnettverkError,
    )
    from laeringsnettverk.errors import (
        LaeringsnettverkWarning as LaeringsnettverkWarning,
    )
    from laeringsnettverk.errors import (
        Problem as Problem,
    )
    from laeringsnettverk.errors import (
        ValidationError as ValidationError,
    )
    from laeringsnettverk.findings import (
        Finding as Finding,
    )
    from laeringsnettverk.findings import (
        Severity as Severity,
    )
    from laeringsnettverk.findings import (
        highest_severity as highest_severity,
    )
    from laeringsnettverk.goals import (
        CriterionResult as CriterionResult,
    )
    from laeringsnettverk.goals import (
        Frequency as Frequency,
    )
    from laeringsnettverk.goals import (
        GoalProgress as GoalProgress,
    )
    from laeringsnettverk.goals import (
        Indicator as Indicator,
    )
    from laeringsnettverk.goals import (
        IndicatorKind as IndicatorKind,
    )
    from laeringsnettverk.goals import (
        IndicatorRole as IndicatorRole,
    )
    from laeringsnettverk.goals import (
        MunicipalGoal as MunicipalGoal,
    )
    from laeringsnettverk.goals import (
        Observation as Observation,
    )
    from laeringsnettverk.goals import (
        Party as Party,
    )
    from laeringsnettverk.goals import (
        ProgressPoint as ProgressPoint,
    )
    from laeringsnettverk.goals import (
        ProgressStatus as ProgressStatus,
    )
    from laeringsnettverk.goals import (
        SmartAssessment as SmartAssessment,
    )
    from laeringsnettverk.goals import (
        SmartCriterion as SmartCriterion,
    )
    from laeringsnettverk.goals import (
        SmartGoal as SmartGoal,
    )
    from laeringsnettverk.goals import (
        assess_smart as assess_smart,
    )
    from laeringsnettverk.goals import (
        goal_progress as goal_progress,
    )
    from laeringsnettverk.goals import (
        municipal_goals as municipal_goals,
    )
    from laeringsnettverk.improvement import (
        EVENT_TYPES as EVENT_TYPES,
    )
    from laeringsnettverk.improvement import (
        ActivityCompleted as ActivityCompleted,
    )
    from laeringsnettverk.improvement import (
        GoalSet as GoalSet,
    )
    from laeringsnettverk.improvement import (
        ImprovementMeasureChosen as ImprovementMeasureChosen,
    )
    from laeringsnettverk.improvement import (
        ImprovementProject as ImprovementProject,
    )
    from laeringsnettverk.improvement import (
        MeasurementPlan as MeasurementPlan,
    )
    from laeringsnettverk.improvement import (
        MeasurementPlanSet as MeasurementPlanSet,
    )
    from laeringsnettverk.improvement import (
        MeasurementToolChosen as MeasurementToolChosen,
    )
    from laeringsnettverk.improvement import (
        NoteAdded as NoteAdded,
    )
    from laeringsnettverk.improvement import (
        PdsaCycle as PdsaCycle,
    )
    from laeringsnettverk.improvement import (
        PdsaDecision as PdsaDecision,
    )
    from laeringsnettverk.improvement import (
        Phase as Phase,
    )
    from laeringsnettverk.improvement import (
        PhaseActivity as PhaseActivity,
    )
    from laeringsnettverk.improvement import (
        PhaseEntered as PhaseEntered,
    )
    from laeringsnettverk.improvement import (
        PhaseStay as PhaseStay,
    )
    from laeringsnettverk.improvement import (
        PhaseTime as PhaseTime,
    )
    from laeringsnettverk.improvement import (
        ProjectEvent as ProjectEvent,
    )
    from laeringsnettverk.improvement import (
        SufficiencyJudged as SufficiencyJudged,
    )
    from laeringsnettverk.improvement import (
        readiness as readiness,
    )
    from laeringsnettverk.improvement import (
        review as review,
    )
    from laeringsnettverk.network import (
        DEFAULT_PREPARATION_PACKAGES as DEFAULT_PREPARATION_PACKAGES,
    )
    from laeringsnettverk.network import (
        PROGRESS_SCORES as PROGRESS_SCORES,
    )
    from laeringsnettverk.network import (
        Application as Application,
    )
    from laeringsnettverk.network import (
        ContactChannel as ContactChannel,
    )
    from laeringsnettverk.network import (
        ExampleNetwork as ExampleNetwork,
    )
    from laeringsnettverk.network import (
        FollowUpContact as FollowUpContact,
    )
    from laeringsnettverk.network import (
        Gathering as Gathering,
    )
    from laeringsnettverk.network import (
        GroupKind as GroupKind,
    )
    from laeringsnettverk.network import (
        GroupMember as GroupMember,
    )
    from laeringsnettverk.network import (
        ImprovementTeam as ImprovementTeam,
    )
    from laeringsnettverk.network import (
        Initiator as Initiator,
    )
    from laeringsnettverk.network import (
        LearningNetwork as LearningNetwork,
    )
    from laeringsnettverk.network import (
        MemberRole as MemberRole,
    )
    from laeringsnettverk.network import (
        NetworkGoal as NetworkGoal,
    )
    from laeringsnettverk.network import (
        NetworkStatus as NetworkStatus,
    )
    from laeringsnettverk.network import (
        Organisation as Organisation,
    )
    from laeringsnettverk.network import (
        OrganisationKind as OrganisationKind,
    )
    from laeringsnettverk.network import (
        OrganiserGroup as OrganiserGroup,
    )
    from laeringsnettverk.network import (
        Period as Period,
    )
    from laeringsnettverk.network import (
        PeriodKind as PeriodKind,
    )
    from laeringsnettverk.network import (
        PreparationPackage as PreparationPackage,
    )
    from laeringsnettverk.network import (
        PreparationTask as PreparationTask,
    )
    from laeringsnettverk.network import (
        ProgrammeItem as ProgrammeItem,
    )
    from laeringsnettverk.network import (
        ProgrammeItemKind as ProgrammeItemKind,
    )
    from laeringsnettverk.network import (
        ProgressReport as ProgressReport,
    )
    from laeringsnettverk.network import (
        PublicHoliday as PublicHoliday,
    )
    from laeringsnettverk.network import (
        Schedule as Schedule,
    )
    from laeringsnettverk.network import (
        ScheduledGathering as ScheduledGathering,
    )
    from laeringsnettverk.network import (
        TaskCompletion as TaskCompletion,
    )
    from laeringsnettverk.network import (
        TeamMember as TeamMember,
    )
    from laeringsnettverk.network import (
        TeamStatus as TeamStatus,
    )
    from laeringsnettverk.network import (
        TimeSplit as TimeSplit,
    )
    from laeringsnettverk.network import (
        is_working_day as is_working_day,
    )
    from laeringsnettverk.network import (
        load_example_network as load_example_network,
    )
    from laeringsnettverk.network import (
        network_status as network_status,
    )
    from laeringsnettverk.network import (
        norwegian_public_holidays as norwegian_public_holidays,
    )
    from laeringsnettverk.network import (
        plan_schedule as plan_schedule,
    )
    from laeringsnettverk.network import (
        review_network as review_network,
    )
    from laeringsnettverk.scoring import (
        MINIMAL_IMPORTANT_CHANGE as MINIMAL_IMPORTANT_CHANGE,
    )
    from laeringsnettverk.scoring import (
        mean_score as mean_score,
    )
    from laeringsnettverk.scoring import (
        perceived_benefit as perceived_benefit,
    )
    from laeringsnettverk.scoring import (
        program_fidelity as program_fidelity,
    )
    from laeringsnettverk.scoring import (
        reliable_change_index as reliable_change_index,
    )
    from laeringsnettverk.scoring import (
        round_half_up as round_half_up,
    )
    from laeringsnettverk.serialization import (
        dump as dump,
    )
    from laeringsnettverk.serialization import (
        dump_jsonl as dump_jsonl,
    )
    from laeringsnettverk.serialization import (
        dumps as dumps,
    )
    from laeringsnettverk.serialization import (
        dumps_jsonl as dumps_jsonl,
    )
    from laeringsnettverk.serialization import (
        json_schema as json_schema,
    )
    from laeringsnettverk.serialization import (
        load as load,
    )
    from laeringsnettverk.serialization import (
        load_jsonl as load_jsonl,
    )
    from laeringsnettverk.serialization import (
        loads as loads,
    )
    from laeringsnettverk.serialization import (
        make_converter as make_converter,
    )
    from laeringsnettverk.serialization import (
        validate as validate,
    )
    from laeringsnettverk.stakeholders import (
        EXAMPLE_STAKEHOLDER_MAP as EXAMPLE_STAKEHOLDER_MAP,
    )
    from laeringsnettverk.stakeholders import (
        HIGH_RATING as HIGH_RATING,
    )
    from laeringsnettverk.stakeholders import (
        MENDELOW_GRID as MENDELOW_GRID,
    )
    from laeringsnettverk.stakeholders import (
        NOT_MAPPED_LABEL as NOT_MAPPED_LABEL,
    )
    from laeringsnettverk.stakeholders import (
        RATING_MAX as RATING_MAX,
    )
    from laeringsnettverk.stakeholders import (
        RATING_MIN as RATING_MIN,
    )
    from laeringsnettverk.stakeholders import (
        SALIENCE_TYPES as SALIENCE_TYPES,
    )
    from laeringsnettverk.stakeholders import (
        SITUATIONAL_TABLE as SITUATIONAL_TABLE,
    )
    from laeringsnettverk.stakeholders import (
        Attitude as Attitude,
    )
    from laeringsnettverk.stakeholders import (
        MapDiff as MapDiff,
    )
    from laeringsnettverk.stakeholders import (
        MapOwner as MapOwner,
    )
    from laeringsnettverk.stakeholders import (
        OwnerKind as OwnerKind,
    )
    from laeringsnettverk.stakeholders import (
        PowerInterestQuadrant as PowerInterestQuadrant,
    )
    from laeringsnettverk.stakeholders import (
        PublicType as PublicType,
    )
    from laeringsnettverk.stakeholders import (
        Relation as Relation,
    )
    from laeringsnettverk.stakeholders import (
        RelationQuality as RelationQuality,
    )
    from laeringsnettverk.stakeholders import (
        RelationStrength as RelationStrength,
    )
    from laeringsnettverk.stakeholders import (
        Salience as Salience,
    )
    from laeringsnettverk.stakeholders import (
        SituationalBehaviour as SituationalBehaviour,
    )
    from laeringsnettverk.stakeholders import (
        SituationalCell as SituationalCell,
    )
    from laeringsnettverk.stakeholders import (
        SituationalLevel as SituationalLevel,
    )
    from laeringsnettverk.stakeholders import (
        Stakeholder as Stakeholder,
    )
    from laeringsnettverk.stakeholders import (
        StakeholderCategory as StakeholderCategory,
    )
    from laeringsnettverk.stakeholders import (
        StakeholderChange as StakeholderChange,
    )
    from laeringsnettverk.stakeholders import (
        StakeholderGap as StakeholderGap,
    )
    from laeringsnettverk.stakeholders import (
        StakeholderLevel as StakeholderLevel,
    )
    from laeringsnettverk.stakeholders import (
        StakeholderMap as StakeholderMap,
    )
    from laeringsnettverk.stakeholders import (
        apply_diff as apply_diff,
    )
    from laeringsnettverk.stakeholders import (
        by_category as by_category,
    )
    from laeringsnettverk.stakeholders import (
        by_level as by_level,
    )
    from laeringsnettverk.stakeholders import (
        by_quadrant as by_quadrant,
    )
    from laeringsnettverk.stakeholders import (
        diff_maps as diff_maps,
    )
    from laeringsnettverk.stakeholders import (
        example_stakeholder_map as example_stakeholder_map,
    )
    from laeringsnettverk.stakeholders import (
        find_gaps as find_gaps,
    )
    from laeringsnettverk.stakeholders import (
        is_high_rating as is_high_rating,
    )
    from laeringsnettverk.stakeholders import (
        is_influential as is_influential,
    )
    from laeringsnettverk.stakeholders import (
        is_salient as is_salient,
    )
    from laeringsnettverk.stakeholders import (
        plot_power_interest as plot_power_interest,
    )
    from laeringsnettverk.stakeholders import (
        power_interest_quadrant as power_interest_quadrant,
    )
    from laeringsnettverk.stakeholders import (
        public_type as public_type,
    )
    from laeringsnettverk.stakeholders import (
        salience as salience,
    )
    from laeringsnettverk.stakeholders import (
        stakeholder_dot as stakeholder_dot,
    )
    from laeringsnettverk.stakeholders import (
        stakeholder_mermaid as stakeholder_mermaid,
    )
    from laeringsnettverk.toolkit import (
        DEFAULT_CHECKLIST_ITEMS as DEFAULT_CHECKLIST_ITEMS,
    )
    from laeringsnettverk.toolkit import (
        ActionPlan as ActionPlan,
    )
    from laeringsnettverk.toolkit import (
        Activity as Activity,
    )
    from laeringsnettverk.toolkit import (
        ActivityChange as ActivityChange,
    )
    from laeringsnettverk.toolkit import (
        Benefit as Benefit,
    )
    from laeringsnettverk.toolkit import (
        ChecklistItem as ChecklistItem,
    )
    from laeringsnettverk.toolkit import (
        CollaborationChecklist as CollaborationChecklist,
    )
    from laeringsnettverk.toolkit import (
        Conversation as Conversation,
    )
    from laeringsnettverk.toolkit import (
        ConversationWheel as ConversationWheel,
    )
    from laeringsnettverk.toolkit import (
        ItemStatus as ItemStatus,
    )
    from laeringsnettverk.toolkit import (
        KorRatings as KorRatings,
    )
    from laeringsnettverk.toolkit import (
        KorSession as KorSession,
    )
    from laeringsnettverk.toolkit import (
        LifeArea as LifeArea,
    )
    from laeringsnettverk.toolkit import (
        Measure as Measure,
    )
    from laeringsnettverk.toolkit import (
        MeasureStatus as MeasureStatus,
    )
    from laeringsnettverk.toolkit import (
        OrsChange as OrsChange,
    )
    from laeringsnettverk.toolkit import (
        OrsRatings as OrsRatings,
    )
    from laeringsnettverk.toolkit import (
        Responsible as Responsible,
    )
    from laeringsnettverk.toolkit import (
        Scale as Scale,
    )
    from laeringsnettverk.toolkit import (
        SrsRatings as SrsRatings,
    )
    from laeringsnettverk.toolkit import (
        WhatMattersForm as WhatMattersForm,
    )
    from laeringsnettverk.toolkit import (
        WheelArea as WheelArea,
    )

# Where each public name lives, grouped by capability. Subpackages are imported on first
# use, so `import laeringsnettverk` stays cheap for services and command lines.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "laeringsnettverk.errors": (
        "LaeringsnettverkError",
        "LaeringsnettverkWarning",
        "Problem",
        "ValidationError",
    ),
    "laeringsnettverk.toolkit": (
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
    ),
    "laeringsnettverk.scoring": (
        "MINIMAL_IMPORTANT_CHANGE",
        "mean_score",
        "perceived_benefit",
        "program_fidelity",
        "reliable_change_index",
        "round_half_up",
    ),
    "laeringsnettverk.findings": (
        "Finding",
        "Severity",
        "highest_severity",
    ),
    "laeringsnettverk.improvement": (
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
    ),
    "laeringsnettverk.goals": (
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
    ),
    "laeringsnettverk.stakeholders": (
        "EXAMPLE_STAKEHOLDER_MAP",
        "HIGH_RATING",
        "MENDELOW_GRID",
        "NOT_MAPPED_LABEL",
        "RATING_MAX",
        "RATING_MIN",
        "SALIENCE_TYPES",
        "SITUATIONAL_TABLE",
        "Attitude",
        "MapDiff",
        "MapOwner",
        "OwnerKind",
        "PowerInterestQuadrant",
        "PublicType",
        "Relation",
        "RelationQuality",
        "RelationStrength",
        "Salience",
        "SituationalBehaviour",
        "SituationalCell",
        "SituationalLevel",
        "Stakeholder",
        "StakeholderCategory",
        "StakeholderChange",
        "StakeholderGap",
        "StakeholderLevel",
        "StakeholderMap",
        "apply_diff",
        "by_category",
        "by_level",
        "by_quadrant",
        "diff_maps",
        "example_stakeholder_map",
        "find_gaps",
        "is_high_rating",
        "is_influential",
        "is_salient",
        "plot_power_interest",
        "power_interest_quadrant",
        "public_type",
        "salience",
        "stakeholder_dot",
        "stakeholder_mermaid",
    ),
    "laeringsnettverk.network": (
        "DEFAULT_PREPARATION_PACKAGES",
        "PROGRESS_SCORES",
        "Application",
        "ContactChannel",
        "ExampleNetwork",
        "FollowUpContact",
        "Gathering",
        "GroupKind",
        "GroupMember",
        "ImprovementTeam",
        "Initiator",
        "LearningNetwork",
        "MemberRole",
        "NetworkGoal",
        "NetworkStatus",
        "Organisation",
        "OrganisationKind",
        "OrganiserGroup",
        "Period",
        "PeriodKind",
        "PreparationPackage",
        "PreparationTask",
        "ProgrammeItem",
        "ProgrammeItemKind",
        "ProgressReport",
        "PublicHoliday",
        "Schedule",
        "ScheduledGathering",
        "TaskCompletion",
        "TeamMember",
        "TeamStatus",
        "TimeSplit",
        "is_working_day",
        "load_example_network",
        "network_status",
        "norwegian_public_holidays",
        "plan_schedule",
        "review_network",
    ),
    "laeringsnettverk.serialization": (
        "dump",
        "dump_jsonl",
        "dumps",
        "dumps_jsonl",
        "json_schema",
        "load",
        "load_jsonl",
        "loads",
        "make_converter",
        "validate",
    ),
}
_HOME = {name: module for module, names in _EXPORTS.items() for name in names}

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
    # stakeholder maps (aktørkartlegging)
    "EXAMPLE_STAKEHOLDER_MAP",
    "HIGH_RATING",
    "MENDELOW_GRID",
    "NOT_MAPPED_LABEL",
    "RATING_MAX",
    "RATING_MIN",
    "SALIENCE_TYPES",
    "SITUATIONAL_TABLE",
    "Attitude",
    "MapDiff",
    "MapOwner",
    "OwnerKind",
    "PowerInterestQuadrant",
    "PublicType",
    "Relation",
    "RelationQuality",
    "RelationStrength",
    "Salience",
    "SituationalBehaviour",
    "SituationalCell",
    "SituationalLevel",
    "Stakeholder",
    "StakeholderCategory",
    "StakeholderChange",
    "StakeholderGap",
    "StakeholderLevel",
    "StakeholderMap",
    "apply_diff",
    "by_category",
    "by_level",
    "by_quadrant",
    "diff_maps",
    "example_stakeholder_map",
    "find_gaps",
    "is_high_rating",
    "is_influential",
    "is_salient",
    "plot_power_interest",
    "power_interest_quadrant",
    "public_type",
    "salience",
    "stakeholder_dot",
    "stakeholder_mermaid",
    # learning networks (læringsnettverk)
    "DEFAULT_PREPARATION_PACKAGES",
    "PROGRESS_SCORES",
    "Application",
    "ContactChannel",
    "ExampleNetwork",
    "FollowUpContact",
    "Gathering",
    "GroupKind",
    "GroupMember",
    "ImprovementTeam",
    "Initiator",
    "LearningNetwork",
    "MemberRole",
    "NetworkGoal",
    "NetworkStatus",
    "Organisation",
    "OrganisationKind",
    "OrganiserGroup",
    "Period",
    "PeriodKind",
    "PreparationPackage",
    "PreparationTask",
    "ProgrammeItem",
    "ProgrammeItemKind",
    "ProgressReport",
    "PublicHoliday",
    "Schedule",
    "ScheduledGathering",
    "TaskCompletion",
    "TeamMember",
    "TeamStatus",
    "TimeSplit",
    "is_working_day",
    "load_example_network",
    "network_status",
    "norwegian_public_holidays",
    "plan_schedule",
    "review_network",
    # serialisation: JSON, JSON Lines, JSON Schema
    "dump",
    "dump_jsonl",
    "dumps",
    "dumps_jsonl",
    "json_schema",
    "load",
    "load_jsonl",
    "loads",
    "make_converter",
    "validate",
]


# Subpackages reachable as attributes without their own import (``ln.fhir.bundle(...)``).
_SUBPACKAGES = frozenset(
    {
        "errors",
        "examples",
        "fhir",
        "findings",
        "goals",
        "improvement",
        "network",
        "scoring",
        "serialization",
        "stakeholders",
        "toolkit",
    }
)


def __getattr__(name: str) -> Any:
    if name in _SUBPACKAGES:
        return importlib.import_module(f"laeringsnettverk.{name}")
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'laeringsnettverk' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
