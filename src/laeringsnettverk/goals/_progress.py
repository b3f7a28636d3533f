"""Following a goal's progress: the share of the way from baseline to target."""

from __future__ import annotations

import datetime
import math
import sys
from collections.abc import Iterable

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._codes import CodedEnum
from laeringsnettverk.goals._goal import Observation, SmartGoal, _scale
from laeringsnettverk.toolkit._common import to_tuple

__all__ = ["GoalProgress", "ProgressPoint", "ProgressStatus", "goal_progress"]


class ProgressStatus(CodedEnum):
    """Where a goal stands at an observation (or on a given day)."""

    NOT_STARTED = ("ikke_startet", "Ikke startet", "not started")
    """No improvement on the baseline yet (share 0 or less), deadline not passed."""
    ON_TRACK = ("underveis", "Underveis", "on track")
    """Part of the way (share between 0 and 1), deadline not passed."""
    REACHED = ("naadd", "Nådd", "reached")
    """The target is reached or passed (share 1 or more)."""
    DEADLINE_PASSED = ("frist_passert", "Fristen er passert", "deadline passed")
    """After the deadline and the target not reached."""


@attrs.frozen(kw_only=True)
class ProgressPoint:
    """A goal's progress at one observation."""

    date: datetime.date
    """The observation's date."""
    value: float
    """The observed value."""
    share: float
    """The share of the way from baseline (0.0) to target (1.0); below 0 is worse than the
    baseline, above 1 beyond the target."""
    status: ProgressStatus
    """Where the goal stands at this observation."""
    time_elapsed: float | None = None
    """The share of the time from the baseline's date (0.0) to the deadline (1.0) gone by,
    or ``None`` without a deadline. ``share >= time_elapsed`` means ahead of a straight line."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.date(("date",), self.date)
        c.number(("value",), self.value)
        c.number(("share",), self.share)
        c.member(("status",), self.status, ProgressStatus)
        if self.time_elapsed is not None:
            c.number(("time_elapsed",), self.time_elapsed)
        c.done()


@attrs.frozen(kw_only=True)
class GoalProgress:
    """The result of :func:`goal_progress`: progress at each observation, and the status."""

    points: tuple[ProgressPoint, ...] = attrs.field(converter=to_tuple)
    """Progress at each observation, in date order."""
    status: ProgressStatus
    """The status now: at the last observation, or on ``today`` if it was given."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.instances(("points",), self.points, ProgressPoint)
        c.member(("status",), self.status, ProgressStatus)
        c.done()

    @property
    def latest(self) -> ProgressPoint | None:
        """The last point, or ``None`` without observations."""
        return self.points[-1] if self.points else None

    @property
    def reached(self) -> bool:
        """True when the status is reached."""
        return self.status is ProgressStatus.REACHED


def _status(share: float, day: datetime.date, deadline: datetime.date | None) -> ProgressStatus:
    if share >= 1:
        return ProgressStatus.REACHED
    if deadline is not None and day > deadline:
        return ProgressStatus.DEADLINE_PASSED
    if share <= 0:
        return ProgressStatus.NOT_STARTED
    return ProgressStatus.ON_TRACK


def _check_goal(c: Checker, goal: object) -> bool:
    if not isinstance(goal, SmartGoal):
        c.add(("goal",), "must be a SmartGoal", type(goal).__name__)
        return False
    ok = True
    for name in ("indicator", "baseline", "target"):
        if getattr(goal, name) is None:
            c.add(("goal", name), "is required to follow progress")
            ok = False
    if ok:
        assert goal.indicator is not None
        assert goal.baseline is not None
        assert goal.target is not None
        if not goal.indicator.better(goal.target, goal.baseline.value):
            way = "higher" if goal.indicator.higher_is_better else "lower"
            c.add(
                ("goal", "target"),
                "must improve on the baseline "
                f"{goal.baseline.value:g} ({way} is better) to follow progress",
                goal.target,
            )
            ok = False
        elif not math.isfinite(goal.target - goal.baseline.value):
            c.add(
                ("goal", "target"), "is too far from the baseline to compute progress", goal.target
            )
            ok = False
    return ok


def goal_progress(
    goal: SmartGoal,
    observations: Iterable[Observation],
    *,
    today: datetime.date | None = None,
) -> GoalProgress:
    """Progress towards a goal at each observation, and its status.

    At each observation the share is ``(value - baseline) / (target - baseline)``: 0.0 at
    the baseline, exactly 1.0 at the target, rising as the value moves in the indicator's
    better direction. The status is *reached* at a share of 1 or more; otherwise *deadline
    passed* when the observation is after the deadline; otherwise *not started* at a share
    of 0 or less, and *on track* in between. The overall status is the last observation's,
    or, given ``today`` (never read from the clock), *deadline passed* once today is after
    the deadline and the target was not reached at the last observation. A share beyond
    the float range (a target a hair's breadth from the baseline) is clamped to the largest
    finite float of its sign. The share and the statuses are the library's: the source asks
    for measurable goals and for documenting that changes are improvements, not for a rule.

    ```pycon
    >>> import datetime
    >>> from laeringsnettverk.goals import Indicator, IndicatorKind
    >>> goal = SmartGoal(
    ...     statement="Brukerne opplever at tjenestene hjelper",
    ...     indicator=Indicator.for_kind(IndicatorKind.FORM_MEAN),
    ...     baseline=Observation(date=datetime.date(2015, 2, 5), value=2.0),
    ...     target=5.0,
    ...     deadline=datetime.date(2015, 12, 31),
    ... )
    >>> progress = goal_progress(goal, [
    ...     Observation(date=datetime.date(2015, 5, 7), value=3.5),
    ...     Observation(date=datetime.date(2015, 9, 1), value=5.0),
    ... ])
    >>> [(p.share, p.status.code) for p in progress.points]
    [(0.5, 'underveis'), (1.0, 'naadd')]

    ```

    Raises:
        ValidationError: when the goal lacks an indicator, a baseline or a target, when its
            target does not improve on the baseline, when an observation lies outside the
            indicator's scale or the observations are not in date order, or when an
            observation is after ``today``.
    """
    c = Checker()
    goal_ok = _check_goal(c, goal)
    obs = tuple(observations)
    obs_ok = c.instances(("observations",), obs, Observation)
    if today is not None:
        c.date(("today",), today)
    if not (goal_ok and obs_ok):
        c.done()
    assert goal.indicator is not None
    assert goal.baseline is not None
    assert goal.target is not None
    previous: datetime.date | None = None
    for i, o in enumerate(obs):
        if not goal.indicator.within(o.value):
            c.add(
                ("observations", i, "value"),
                f"is outside the indicator's scale {_scale(goal.indicator)}",
                o.value,
            )
        elif not math.isfinite(o.value - goal.baseline.value):
            c.add(
                ("observations", i, "value"),
                "is too far from the baseline to compute progress",
                o.value,
            )
        if previous is not None and o.date < previous:
            c.add(
                ("observations", i, "date"),
                f"must not be before the previous observation's date {previous.isoformat()}",
                o.date.isoformat(),
            )
        if type(today) is datetime.date and o.date > today:
            c.add(
                ("observations", i, "date"),
                f"is after today {today.isoformat()}",
                o.date.isoformat(),
            )
        previous = o.date
    c.done()

    base, target, deadline = goal.baseline.value, goal.target, goal.deadline
    span = target - base
    days = (deadline - goal.baseline.date).days if deadline is not None else None
    points = []
    for o in obs:
        share = (o.value - base) / span
        if math.isinf(share):  # a vanishing span: clamp rather than report infinity
            share = math.copysign(sys.float_info.max, share)
        elapsed = None
        if days is not None and days > 0:
            elapsed = (o.date - goal.baseline.date).days / days
        points.append(
            ProgressPoint(
                date=o.date,
                value=o.value,
                share=share,
                status=_status(share, o.date, deadline),
                time_elapsed=elapsed,
            )
        )
    if points:
        status = points[-1].status
        if (
            today is not None
            and deadline is not None
            and today > deadline
            and status is not ProgressStatus.REACHED
        ):
            status = ProgressStatus.DEADLINE_PASSED
    else:
        past = today is not None and deadline is not None and today > deadline
        status = ProgressStatus.DEADLINE_PASSED if past else ProgressStatus.NOT_STARTED
    return GoalProgress(points=points, status=status)
