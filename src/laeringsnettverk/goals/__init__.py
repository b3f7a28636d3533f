"""SMART(E) goals: write a goal, assess it, and follow its progress.

Goals should be SMARTE: the source report lists five words, «spesifikke, målbare,
ansporende, realistiske og at det er enighet om dem». The library adds a sixth criterion of
its own, T for tidsbestemte (time-bound, SMART's usual T): a goal has a deadline. A
:class:`SmartGoal` can be a bare statement
(as most municipalities wrote them) or fully specified: who and where, the
:class:`Indicator` it is measured by, a baseline :class:`Observation`, a target, a deadline,
an owner and the :class:`Party` s that agreed.

- :func:`assess_smart` says, for each criterion, pass or fail and why (never raises).
- :func:`goal_progress` gives the share of the way from baseline to target at each
  observation, and the status.
- :func:`municipal_goals` loads the 28 goals of the source report's table.

```pycon
>>> from laeringsnettverk.goals import SmartGoal, assess_smart
>>> assess_smart(SmartGoal(statement="Bli bedre på brukermedvirkning.")).met
0

```
"""

from laeringsnettverk.goals._assess import (
    CriterionResult,
    SmartAssessment,
    SmartCriterion,
    assess_smart,
)
from laeringsnettverk.goals._goal import Observation, Party, SmartGoal
from laeringsnettverk.goals._indicator import Frequency, Indicator, IndicatorKind, IndicatorRole
from laeringsnettverk.goals._municipal import MunicipalGoal, municipal_goals
from laeringsnettverk.goals._progress import (
    GoalProgress,
    ProgressPoint,
    ProgressStatus,
    goal_progress,
)

__all__ = [
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
]
