"""laeringsnettverk: improvement work in Norwegian health and care services.

Learning networks (læringsnettverk), the five-phase improvement model, SMART
goals, stakeholder maps, and the measurement toolkit «Hva er viktig for deg?»
with its scoring. The everyday names are importable from here: one model per
document kind, loading and writing, the scoring functions and the errors.
Everything else lives in its capability's subpackage, reachable as an attribute
(``ln.network.ImprovementTeam``, ``ln.toolkit.ItemStatus``, ``ln.fhir.bundle``).

```pycon
>>> import laeringsnettverk as ln
>>> ln.mean_score([1, 4, 1, 2])
2.0
>>> ln.LearningNetwork is ln.network.LearningNetwork
True

```
"""

from __future__ import annotations

import importlib
import sys
import warnings

from laeringsnettverk._version import __version__

# The everyday API, in the order `__all__` and the docs list it: each name and the
# capability that defines it. This table is the only list: `__all__`, `dir()`, the lazy
# import below and the typing stub `__init__.pyi` (written by tools/make_init_stub.py,
# checked by tests/test_top_level.py) all come from it. Capabilities are imported on first
# use, so `import laeringsnettverk` stays cheap for services and command lines.
_EVERYDAY: dict[str, str] = {
    # one model per document kind (laeringsnettverk.kinds), and the form's parts
    "WhatMattersForm": "toolkit",
    "Activity": "toolkit",
    "Conversation": "toolkit",
    "Scale": "toolkit",
    "KorRatings": "toolkit",
    "CollaborationChecklist": "toolkit",
    "ActionPlan": "toolkit",
    "ConversationWheel": "toolkit",
    "SmartGoal": "goals",
    "MunicipalGoal": "goals",
    "ImprovementProject": "improvement",
    "StakeholderMap": "stakeholders",
    "LearningNetwork": "network",
    "Series": "measurement",
    # reading and writing documents
    "load": "serialization",
    "loads": "serialization",
    "dump": "serialization",
    "dumps": "serialization",
    "load_jsonl": "serialization",
    "dump_jsonl": "serialization",
    "validate": "serialization",
    # scoring
    "mean_score": "scoring",
    "perceived_benefit": "scoring",
    "form_benefit": "toolkit",
    "program_fidelity": "scoring",
    # errors
    "ValidationError": "errors",
    "LaeringsnettverkError": "errors",
    "LaeringsnettverkWarning": "errors",
    "Problem": "errors",
}

# The capabilities: reachable as attributes without their own import (``ln.fhir.bundle``).
_CAPABILITIES: tuple[str, ...] = (
    "charts",
    "errors",
    "examples",
    "fhir",
    "findings",
    "frames",
    "goals",
    "identity",
    "improvement",
    "kinds",
    "measurement",
    "network",
    "report",
    "scoring",
    "serialization",
    "stakeholders",
    "stats",
    "summary",
    "toolkit",
)

# Names the top level used to export that now live only in their capability. They still
# resolve, with a DeprecationWarning naming the new home, for one release; the next minor
# release removes them (docs/explanation/versioning.md).
_MOVED_FROM: dict[str, tuple[str, ...]] = {
    "toolkit": (
        "DEFAULT_CHECKLIST_ITEMS",
        "ActivityChange",
        "Benefit",
        "ChecklistItem",
        "ItemStatus",
        "KorSession",
        "LifeArea",
        "Measure",
        "MeasureStatus",
        "OrsChange",
        "OrsRatings",
        "Responsible",
        "SrsRatings",
        "WheelArea",
    ),
    "scoring": (
        "MINIMAL_IMPORTANT_CHANGE",
        "reliable_change_index",
        "round_half_up",
    ),
    "findings": ("Finding", "Severity", "highest_severity"),
    "improvement": (
        "EVENT_TYPES",
        "ActivityCompleted",
        "GoalSet",
        "ImprovementMeasureChosen",
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
    "goals": (
        "CriterionResult",
        "Frequency",
        "GoalProgress",
        "Indicator",
        "IndicatorKind",
        "IndicatorRole",
        "Observation",
        "Party",
        "ProgressPoint",
        "ProgressStatus",
        "SmartAssessment",
        "SmartCriterion",
        "assess_smart",
        "goal_progress",
    ),
    "stakeholders": (
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
        "apply_diff",
        "by_category",
        "by_level",
        "by_quadrant",
        "diff_maps",
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
    "network": (
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
        "network_status",
        "norwegian_public_holidays",
        "plan_schedule",
        "review_network",
    ),
    "serialization": ("dumps_jsonl", "json_schema", "make_converter"),
    "examples": ("example_stakeholder_map", "load_example_network", "municipal_goals"),
}
_MOVED = {name: module for module, names in _MOVED_FROM.items() for name in names}

__all__ = ["__version__", *_EVERYDAY]  # noqa: PLE0604


def __getattr__(name: str) -> object:
    module = _EVERYDAY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"laeringsnettverk.{module}"), name)
        globals()[name] = value  # later lookups skip this function
        return value
    if name in _CAPABILITIES:
        return importlib.import_module(f"laeringsnettverk.{name}")
    module = _MOVED.get(name)
    if module is None:
        raise AttributeError(f"module 'laeringsnettverk' has no attribute {name!r}")
    # Not cached, so every access warns; but `from laeringsnettverk import X` asks twice
    # (importlib's fromlist check, then the import itself), and only the second is the
    # caller's.
    if sys._getframe(1).f_globals.get("__name__") != "importlib._bootstrap":
        warnings.warn(
            f"laeringsnettverk.{name} is deprecated; use laeringsnettverk.{module}.{name} "
            "(the top-level name is removed in the next minor release)",
            DeprecationWarning,
            stacklevel=2,
        )
    return getattr(importlib.import_module(f"laeringsnettverk.{module}"), name)


def __dir__() -> list[str]:
    dunders = (name for name in globals() if name.startswith("__"))
    return sorted({*dunders, *__all__, *_CAPABILITIES})
