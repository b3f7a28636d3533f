"""Reviewing a learning network: advice as findings, never an error."""

from __future__ import annotations

import datetime
import itertools
from fractions import Fraction

from laeringsnettverk._checks import Checker
from laeringsnettverk.findings import Finding, Severity
from laeringsnettverk.network._enums import MemberRole
from laeringsnettverk.network._network import LearningNetwork
from laeringsnettverk.network._team import ImprovementTeam

__all__ = ["review_network"]


def _finding(severity: Severity, code: str, nb: str, en: str, concerns: str) -> Finding:
    return Finding(severity=severity, code=code, message_nb=nb, message_en=en, concerns=concerns)


def _team_findings(team: ImprovementTeam, lo: int, hi: int) -> list[Finding]:
    out = []
    where = f"team:{team.identifier}"
    size = len(team.members)
    if not lo <= size <= hi:
        out.append(
            _finding(
                Severity.WARNING,
                "team_size",
                f"Teamet {team.identifier} har {size} medlemmer; anbefalt er {lo}-{hi}.",
                f"Team {team.identifier} has {size} members; {lo}-{hi} are recommended.",
                where,
            )
        )
    missing = (
        (MemberRole.USER_REPRESENTATIVE, "no_user_representative", "brukerrepresentant",
         "user representative"),
        (MemberRole.LEADER, "no_leader", "leder", "leader"),
        (MemberRole.COORDINATOR, "no_coordinator", "koordinator", "coordinator"),
    )  # fmt: skip
    for role, code, nb, en in missing:
        if not team.has_role(role):
            out.append(
                _finding(
                    Severity.WARNING,
                    code,
                    f"Teamet {team.identifier} har ingen {nb}.",
                    f"Team {team.identifier} has no {en}.",
                    where,
                )
            )
    if team.application is None:
        out.append(
            _finding(
                Severity.INFO,
                "no_application",
                f"Søknadsskjemaet til teamet {team.identifier} er ikke registrert.",
                f"Team {team.identifier}'s application form is not recorded.",
                where,
            )
        )
    elif not team.application.describes_anchoring:
        out.append(
            _finding(
                Severity.WARNING,
                "anchoring_not_described",
                f"Søknaden fra teamet {team.identifier} beskriver ikke forankring i "
                "administrativ ledelse.",
                f"Team {team.identifier}'s application does not describe anchoring in the "
                "administrative leadership.",
                f"{where}/application",
            )
        )
    return out


def _preparation(network: LearningNetwork, today: datetime.date) -> list[Finding]:
    out = []
    numbers = {g.number: g for g in network.gatherings}
    for package in network.packages:
        gathering = numbers.get(package.gathering)
        if gathering is None or gathering.first_day > today:
            continue
        for team in network.teams:
            done = len(package.done_by(team.identifier, before=gathering.first_day))
            missing = len(package.tasks) - done
            if missing:
                out.append(
                    _finding(
                        Severity.WARNING,
                        "preparation_not_done",
                        f"Teamet {team.identifier} gjorde ikke {missing} av "
                        f"{len(package.tasks)} oppgaver i forberedelsespakke {package.number} "
                        f"før samling {gathering.number}.",
                        f"Team {team.identifier} did not do {missing} of {len(package.tasks)} "
                        f"tasks of preparation package {package.number} before gathering "
                        f"{gathering.number}.",
                        f"team:{team.identifier}/package:{package.number}",
                    )
                )
    return out


def _follow_up(network: LearningNetwork, today: datetime.date) -> list[Finding]:
    out = []
    ordered = network.gatherings_in_order
    for before, after in itertools.pairwise(ordered):
        if after.first_day > today:
            break  # the action period has not ended yet
        for team in network.teams:
            if not any(
                before.last_day < x.date < after.first_day
                for x in network.contacts
                if x.team == team.identifier
            ):
                out.append(
                    _finding(
                        Severity.WARNING,
                        "no_follow_up",
                        f"Teamet {team.identifier} hadde ingen oppfølgingskontakt mellom "
                        f"samling {before.number} og {after.number}.",
                        f"Team {team.identifier} had no follow-up contact between gatherings "
                        f"{before.number} and {after.number}.",
                        f"team:{team.identifier}/action_period:{before.number}",
                    )
                )
    return out


def _group_work(network: LearningNetwork, target: Fraction) -> list[Finding]:
    out = []
    for gathering in network.gatherings_in_order:
        share = gathering.time_split().group_work_share
        if share is not None and share < target:
            pct, goal = round(float(share) * 100), round(float(target) * 100)
            out.append(
                _finding(
                    Severity.INFO,
                    "low_group_work",
                    f"Samling {gathering.number} har {pct} % gruppearbeid og plenum; målet er "
                    f"minst {goal} %.",
                    f"Gathering {gathering.number} has {pct} % group work and plenary; the "
                    f"target is at least {goal} %.",
                    f"gathering:{gathering.number}",
                )
            )
    return out


def review_network(
    network: LearningNetwork,
    *,
    today: datetime.date,
    group_work_target: float | Fraction = Fraction(1, 2),
    team_size: tuple[int, int] = (4, 6),
) -> tuple[Finding, ...]:
    """A review of a learning network; returns findings and never raises for a valid network.

    Per team: a size outside ``team_size`` (4-6 recommended), no user representative, no
    leader, no coordinator (warnings, ``team_size``, ``no_user_representative``,
    ``no_leader``, ``no_coordinator``); no application recorded (information,
    ``no_application``) or an application that does not describe anchoring in the
    administrative leadership (``anchoring_not_described``). For gatherings that have begun
    by ``today``: preparation tasks a team had not done before the gathering's first day
    (``preparation_not_done``). For action periods that have ended by ``today``: a team with
    no follow-up contact between the two gatherings (``no_follow_up``). For every gathering
    with a programme: group work and plenary under ``group_work_target`` of its time
    (information, ``low_group_work``; the source's aim is short lectures and much group work).

    ```pycon
    >>> from laeringsnettverk.network import load_example_network
    >>> import datetime
    >>> network = load_example_network().network
    >>> sorted({f.code for f in review_network(network, today=datetime.date(2025, 12, 1))})
    ['anchoring_not_described', 'low_group_work', 'no_follow_up', 'no_user_representative', 'preparation_not_done', 'team_size']

    ```

    Raises:
        ValidationError: only for bad arguments (``today`` not a date, a target outside
            0..1, a size range that is not two whole numbers low to high).
    """  # noqa: E501
    c = Checker()
    c.date(("today",), today)
    if not isinstance(group_work_target, Fraction):
        c.number(("group_work_target",), group_work_target, 0, 1)
    elif not 0 <= group_work_target <= 1:
        c.add(("group_work_target",), "must be between 0 and 1", group_work_target)
    if (
        not isinstance(team_size, tuple)
        or len(team_size) != 2
        or not all(type(n) is int for n in team_size)
        or team_size[0] > team_size[1]
    ):
        c.add(("team_size",), "must be (low, high): two whole numbers, low <= high", team_size)
    if not isinstance(network, LearningNetwork):
        c.add(("network",), "must be a LearningNetwork", type(network).__name__)
    c.done()
    target = Fraction(group_work_target)
    out: list[Finding] = []
    for team in network.teams:
        out.extend(_team_findings(team, *team_size))
    out.extend(_preparation(network, today))
    out.extend(_follow_up(network, today))
    out.extend(_group_work(network, target))
    return tuple(out)
