"""The improvement model (modell for kvalitetsforbedring) and improvement projects.

A team's improvement work moves through five :class:`Phase` s (forberede, planlegge,
utføre, evaluere, følge opp), often going back to an earlier one. An
:class:`ImprovementProject` records the path as an append-only history of dated events; its
:class:`MeasurementPlan` holds the family of measures. :func:`readiness` says what the model
expects before leaving a phase (with the library's own advice, such as a PDSA cycle in utføre,
marked as such) and :func:`review` reviews the path; both return
:class:`~laeringsnettverk.findings.Finding` s (see :mod:`laeringsnettverk.findings`) and
never raise.

```pycon
>>> from laeringsnettverk.improvement import Phase
>>> Phase.DO.label
'Utføre (do)'

```
"""

from laeringsnettverk.improvement._events import (
    EVENT_TYPES,
    ActivityCompleted,
    GoalSet,
    ImprovementMeasureChosen,
    MeasurementPlanSet,
    MeasurementToolChosen,
    NoteAdded,
    PdsaCycle,
    PdsaDecision,
    PhaseEntered,
    ProjectEvent,
    SufficiencyJudged,
)
from laeringsnettverk.improvement._phases import Phase, PhaseActivity
from laeringsnettverk.improvement._plan import MeasurementPlan
from laeringsnettverk.improvement._project import ImprovementProject, PhaseStay, PhaseTime
from laeringsnettverk.improvement._readiness import readiness, review

__all__ = [
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
]
