"""Typing stub of the top level: written by tools/make_init_stub.py, do not edit.

The names and their homes come from the tables in ``__init__.py``.
"""

from laeringsnettverk import charts as charts
from laeringsnettverk import errors as errors
from laeringsnettverk import examples as examples
from laeringsnettverk import fhir as fhir
from laeringsnettverk import findings as findings
from laeringsnettverk import frames as frames
from laeringsnettverk import goals as goals
from laeringsnettverk import identity as identity
from laeringsnettverk import improvement as improvement
from laeringsnettverk import kinds as kinds
from laeringsnettverk import measurement as measurement
from laeringsnettverk import network as network
from laeringsnettverk import report as report
from laeringsnettverk import scoring as scoring
from laeringsnettverk import serialization as serialization
from laeringsnettverk import stakeholders as stakeholders
from laeringsnettverk import stats as stats
from laeringsnettverk import summary as summary
from laeringsnettverk import toolkit as toolkit
from laeringsnettverk._version import __version__ as __version__
from laeringsnettverk.errors import LaeringsnettverkError as LaeringsnettverkError
from laeringsnettverk.errors import LaeringsnettverkWarning as LaeringsnettverkWarning
from laeringsnettverk.errors import Problem as Problem
from laeringsnettverk.errors import ValidationError as ValidationError
from laeringsnettverk.goals import MunicipalGoal as MunicipalGoal
from laeringsnettverk.goals import SmartGoal as SmartGoal
from laeringsnettverk.improvement import ImprovementProject as ImprovementProject
from laeringsnettverk.measurement import Series as Series
from laeringsnettverk.network import LearningNetwork as LearningNetwork
from laeringsnettverk.scoring import mean_score as mean_score
from laeringsnettverk.scoring import perceived_benefit as perceived_benefit
from laeringsnettverk.scoring import program_fidelity as program_fidelity
from laeringsnettverk.serialization import dump as dump
from laeringsnettverk.serialization import dump_jsonl as dump_jsonl
from laeringsnettverk.serialization import dumps as dumps
from laeringsnettverk.serialization import load as load
from laeringsnettverk.serialization import load_jsonl as load_jsonl
from laeringsnettverk.serialization import loads as loads
from laeringsnettverk.serialization import validate as validate
from laeringsnettverk.stakeholders import StakeholderMap as StakeholderMap
from laeringsnettverk.toolkit import ActionPlan as ActionPlan
from laeringsnettverk.toolkit import Activity as Activity
from laeringsnettverk.toolkit import CollaborationChecklist as CollaborationChecklist
from laeringsnettverk.toolkit import Conversation as Conversation
from laeringsnettverk.toolkit import ConversationWheel as ConversationWheel
from laeringsnettverk.toolkit import KorRatings as KorRatings
from laeringsnettverk.toolkit import Scale as Scale
from laeringsnettverk.toolkit import WhatMattersForm as WhatMattersForm
from laeringsnettverk.toolkit import form_benefit as form_benefit

__all__ = [
    "__version__",
    "WhatMattersForm",
    "Activity",
    "Conversation",
    "Scale",
    "KorRatings",
    "CollaborationChecklist",
    "ActionPlan",
    "ConversationWheel",
    "SmartGoal",
    "MunicipalGoal",
    "ImprovementProject",
    "StakeholderMap",
    "LearningNetwork",
    "Series",
    "load",
    "loads",
    "dump",
    "dumps",
    "load_jsonl",
    "dump_jsonl",
    "validate",
    "mean_score",
    "perceived_benefit",
    "form_benefit",
    "program_fidelity",
    "ValidationError",
    "LaeringsnettverkError",
    "LaeringsnettverkWarning",
    "Problem",
]

# Deprecated: moved to their capability, removed in the next minor release.
from laeringsnettverk.examples import example_stakeholder_map as example_stakeholder_map
from laeringsnettverk.examples import load_example_network as load_example_network
from laeringsnettverk.examples import municipal_goals as municipal_goals
from laeringsnettverk.findings import Finding as Finding
from laeringsnettverk.findings import Severity as Severity
from laeringsnettverk.findings import highest_severity as highest_severity
from laeringsnettverk.goals import CriterionResult as CriterionResult
from laeringsnettverk.goals import Frequency as Frequency
from laeringsnettverk.goals import GoalProgress as GoalProgress
from laeringsnettverk.goals import Indicator as Indicator
from laeringsnettverk.goals import IndicatorKind as IndicatorKind
from laeringsnettverk.goals import IndicatorRole as IndicatorRole
from laeringsnettverk.goals import Observation as Observation
from laeringsnettverk.goals import Party as Party
from laeringsnettverk.goals import ProgressPoint as ProgressPoint
from laeringsnettverk.goals import ProgressStatus as ProgressStatus
from laeringsnettverk.goals import SmartAssessment as SmartAssessment
from laeringsnettverk.goals import SmartCriterion as SmartCriterion
from laeringsnettverk.goals import assess_smart as assess_smart
from laeringsnettverk.goals import goal_progress as goal_progress
from laeringsnettverk.improvement import EVENT_TYPES as EVENT_TYPES
from laeringsnettverk.improvement import ActivityCompleted as ActivityCompleted
from laeringsnettverk.improvement import GoalSet as GoalSet
from laeringsnettverk.improvement import ImprovementMeasureChosen as ImprovementMeasureChosen
from laeringsnettverk.improvement import MeasurementPlan as MeasurementPlan
from laeringsnettverk.improvement import MeasurementPlanSet as MeasurementPlanSet
from laeringsnettverk.improvement import MeasurementToolChosen as MeasurementToolChosen
from laeringsnettverk.improvement import NoteAdded as NoteAdded
from laeringsnettverk.improvement import PdsaCycle as PdsaCycle
from laeringsnettverk.improvement import PdsaDecision as PdsaDecision
from laeringsnettverk.improvement import Phase as Phase
from laeringsnettverk.improvement import PhaseActivity as PhaseActivity
from laeringsnettverk.improvement import PhaseEntered as PhaseEntered
from laeringsnettverk.improvement import PhaseStay as PhaseStay
from laeringsnettverk.improvement import PhaseTime as PhaseTime
from laeringsnettverk.improvement import ProjectEvent as ProjectEvent
from laeringsnettverk.improvement import SufficiencyJudged as SufficiencyJudged
from laeringsnettverk.improvement import readiness as readiness
from laeringsnettverk.improvement import review as review
from laeringsnettverk.network import DEFAULT_PREPARATION_PACKAGES as DEFAULT_PREPARATION_PACKAGES
from laeringsnettverk.network import PROGRESS_SCORES as PROGRESS_SCORES
from laeringsnettverk.network import Application as Application
from laeringsnettverk.network import ContactChannel as ContactChannel
from laeringsnettverk.network import ExampleNetwork as ExampleNetwork
from laeringsnettverk.network import FollowUpContact as FollowUpContact
from laeringsnettverk.network import Gathering as Gathering
from laeringsnettverk.network import GroupKind as GroupKind
from laeringsnettverk.network import GroupMember as GroupMember
from laeringsnettverk.network import ImprovementTeam as ImprovementTeam
from laeringsnettverk.network import Initiator as Initiator
from laeringsnettverk.network import MemberRole as MemberRole
from laeringsnettverk.network import NetworkGoal as NetworkGoal
from laeringsnettverk.network import NetworkStatus as NetworkStatus
from laeringsnettverk.network import Organisation as Organisation
from laeringsnettverk.network import OrganisationKind as OrganisationKind
from laeringsnettverk.network import OrganiserGroup as OrganiserGroup
from laeringsnettverk.network import Period as Period
from laeringsnettverk.network import PeriodKind as PeriodKind
from laeringsnettverk.network import PreparationPackage as PreparationPackage
from laeringsnettverk.network import PreparationTask as PreparationTask
from laeringsnettverk.network import ProgrammeItem as ProgrammeItem
from laeringsnettverk.network import ProgrammeItemKind as ProgrammeItemKind
from laeringsnettverk.network import ProgressReport as ProgressReport
from laeringsnettverk.network import PublicHoliday as PublicHoliday
from laeringsnettverk.network import Schedule as Schedule
from laeringsnettverk.network import ScheduledGathering as ScheduledGathering
from laeringsnettverk.network import TaskCompletion as TaskCompletion
from laeringsnettverk.network import TeamMember as TeamMember
from laeringsnettverk.network import TeamStatus as TeamStatus
from laeringsnettverk.network import TimeSplit as TimeSplit
from laeringsnettverk.network import is_working_day as is_working_day
from laeringsnettverk.network import network_status as network_status
from laeringsnettverk.network import norwegian_public_holidays as norwegian_public_holidays
from laeringsnettverk.network import plan_schedule as plan_schedule
from laeringsnettverk.network import review_network as review_network
from laeringsnettverk.scoring import MINIMAL_IMPORTANT_CHANGE as MINIMAL_IMPORTANT_CHANGE
from laeringsnettverk.scoring import reliable_change_index as reliable_change_index
from laeringsnettverk.scoring import round_half_up as round_half_up
from laeringsnettverk.serialization import dumps_jsonl as dumps_jsonl
from laeringsnettverk.serialization import json_schema as json_schema
from laeringsnettverk.serialization import make_converter as make_converter
from laeringsnettverk.stakeholders import EXAMPLE_STAKEHOLDER_MAP as EXAMPLE_STAKEHOLDER_MAP
from laeringsnettverk.stakeholders import HIGH_RATING as HIGH_RATING
from laeringsnettverk.stakeholders import MENDELOW_GRID as MENDELOW_GRID
from laeringsnettverk.stakeholders import NOT_MAPPED_LABEL as NOT_MAPPED_LABEL
from laeringsnettverk.stakeholders import RATING_MAX as RATING_MAX
from laeringsnettverk.stakeholders import RATING_MIN as RATING_MIN
from laeringsnettverk.stakeholders import SALIENCE_TYPES as SALIENCE_TYPES
from laeringsnettverk.stakeholders import SITUATIONAL_TABLE as SITUATIONAL_TABLE
from laeringsnettverk.stakeholders import Attitude as Attitude
from laeringsnettverk.stakeholders import MapDiff as MapDiff
from laeringsnettverk.stakeholders import MapOwner as MapOwner
from laeringsnettverk.stakeholders import OwnerKind as OwnerKind
from laeringsnettverk.stakeholders import PowerInterestQuadrant as PowerInterestQuadrant
from laeringsnettverk.stakeholders import PublicType as PublicType
from laeringsnettverk.stakeholders import Relation as Relation
from laeringsnettverk.stakeholders import RelationQuality as RelationQuality
from laeringsnettverk.stakeholders import RelationStrength as RelationStrength
from laeringsnettverk.stakeholders import Salience as Salience
from laeringsnettverk.stakeholders import SituationalBehaviour as SituationalBehaviour
from laeringsnettverk.stakeholders import SituationalCell as SituationalCell
from laeringsnettverk.stakeholders import SituationalLevel as SituationalLevel
from laeringsnettverk.stakeholders import Stakeholder as Stakeholder
from laeringsnettverk.stakeholders import StakeholderCategory as StakeholderCategory
from laeringsnettverk.stakeholders import StakeholderChange as StakeholderChange
from laeringsnettverk.stakeholders import StakeholderGap as StakeholderGap
from laeringsnettverk.stakeholders import StakeholderLevel as StakeholderLevel
from laeringsnettverk.stakeholders import apply_diff as apply_diff
from laeringsnettverk.stakeholders import by_category as by_category
from laeringsnettverk.stakeholders import by_level as by_level
from laeringsnettverk.stakeholders import by_quadrant as by_quadrant
from laeringsnettverk.stakeholders import diff_maps as diff_maps
from laeringsnettverk.stakeholders import find_gaps as find_gaps
from laeringsnettverk.stakeholders import is_high_rating as is_high_rating
from laeringsnettverk.stakeholders import is_influential as is_influential
from laeringsnettverk.stakeholders import is_salient as is_salient
from laeringsnettverk.stakeholders import plot_power_interest as plot_power_interest
from laeringsnettverk.stakeholders import power_interest_quadrant as power_interest_quadrant
from laeringsnettverk.stakeholders import public_type as public_type
from laeringsnettverk.stakeholders import salience as salience
from laeringsnettverk.stakeholders import stakeholder_dot as stakeholder_dot
from laeringsnettverk.stakeholders import stakeholder_mermaid as stakeholder_mermaid
from laeringsnettverk.toolkit import DEFAULT_CHECKLIST_ITEMS as DEFAULT_CHECKLIST_ITEMS
from laeringsnettverk.toolkit import ActivityChange as ActivityChange
from laeringsnettverk.toolkit import Benefit as Benefit
from laeringsnettverk.toolkit import ChecklistItem as ChecklistItem
from laeringsnettverk.toolkit import ItemStatus as ItemStatus
from laeringsnettverk.toolkit import KorSession as KorSession
from laeringsnettverk.toolkit import LifeArea as LifeArea
from laeringsnettverk.toolkit import Measure as Measure
from laeringsnettverk.toolkit import MeasureStatus as MeasureStatus
from laeringsnettverk.toolkit import OrsChange as OrsChange
from laeringsnettverk.toolkit import OrsRatings as OrsRatings
from laeringsnettverk.toolkit import Responsible as Responsible
from laeringsnettverk.toolkit import SrsRatings as SrsRatings
from laeringsnettverk.toolkit import WheelArea as WheelArea
