"""Learning networks (læringsnettverk): plan, follow and report a whole network from data.

A :class:`LearningNetwork` holds its organisation (:class:`OrganiserGroup` s), its
:class:`ImprovementTeam` s (with their :class:`Organisation` s, :class:`TeamMember` s,
:class:`Application`, improvement projects and :class:`ProgressReport` s), its
:class:`Gathering` s with their programmes, its :class:`PreparationPackage` s, its
:class:`FollowUpContact` s and its three :class:`Period` s.

- :func:`plan_schedule` proposes dates for the gatherings on working days, never on a
  weekend or a Norwegian public holiday (:func:`norwegian_public_holidays`).
- :func:`review_network` returns :class:`~laeringsnettverk.findings.Finding` s and never
  raises; :func:`network_status` says where each team stands.
- :func:`load_example_network` loads the fictional example network shipped with the package.

```pycon
>>> from laeringsnettverk.network import load_example_network
>>> network = load_example_network().network
>>> len(network.teams), [g.number for g in network.gatherings]
(5, [1, 2, 3, 4])
>>> float(network.gathering(1).time_split().group_work_hours)
5.5

```
"""

from laeringsnettverk.network._enums import (
    ContactChannel,
    GroupKind,
    Initiator,
    MemberRole,
    OrganisationKind,
    PeriodKind,
    ProgrammeItemKind,
)
from laeringsnettverk.network._example import ExampleNetwork, load_example_network
from laeringsnettverk.network._gathering import (
    DEFAULT_PREPARATION_PACKAGES,
    Gathering,
    PreparationPackage,
    PreparationTask,
    ProgrammeItem,
    TaskCompletion,
    TimeSplit,
)
from laeringsnettverk.network._holidays import (
    PublicHoliday,
    is_working_day,
    norwegian_public_holidays,
)
from laeringsnettverk.network._network import (
    FollowUpContact,
    GroupMember,
    LearningNetwork,
    NetworkGoal,
    OrganiserGroup,
    Period,
)
from laeringsnettverk.network._review import review_network
from laeringsnettverk.network._schedule import Schedule, ScheduledGathering, plan_schedule
from laeringsnettverk.network._status import NetworkStatus, TeamStatus, network_status
from laeringsnettverk.network._team import (
    PROGRESS_SCORES,
    Application,
    ImprovementTeam,
    Organisation,
    ProgressReport,
    TeamMember,
)

__all__ = [
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
    "review",
    "review_network",
    "status",
]

review = review_network
"""The network's findings: :func:`review_network` under the name the issue gave it."""

status = network_status
"""Where each team stands: :func:`network_status` under the name the issue gave it."""
