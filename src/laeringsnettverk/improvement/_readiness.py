"""What the improvement model expects before leaving a phase, and a review of a project's path.

Both return :class:`~laeringsnettverk.findings.Finding` s and never raise: the model is advice.
The phases and their activities are the sources'; how each is checked, and the PDSA cycle
asked for in utføre, are the library's advice (its findings say so).
"""

from __future__ import annotations

import attrs

from laeringsnettverk._checks import expect
from laeringsnettverk.findings import Finding, Severity
from laeringsnettverk.goals import assess_smart
from laeringsnettverk.improvement._events import PdsaCycle, PhaseEntered, SufficiencyJudged
from laeringsnettverk.improvement._phases import Phase, PhaseActivity
from laeringsnettverk.improvement._project import ImprovementProject

__all__ = ["readiness", "review"]

_HINT = "a learning network is reviewed by review_network"

# Activities with a finding of their own; the generic "missing_activity" skips them.
_OWN_FINDING = {
    PhaseActivity.SET_GOALS,
    PhaseActivity.CHOOSE_TOOLS,
    PhaseActivity.FIND_MEASURES,
    PhaseActivity.TRY_OUT,
    PhaseActivity.JUDGE_SUFFICIENCY,
}


def _warn(code: str, nb: str, en: str, concerns: str) -> Finding:
    return Finding(
        severity=Severity.WARNING, code=code, message_nb=nb, message_en=en, concerns=concerns
    )


def _info(code: str, nb: str, en: str, concerns: str) -> Finding:
    return Finding(
        severity=Severity.INFO, code=code, message_nb=nb, message_en=en, concerns=concerns
    )


def _since_entry(project: ImprovementProject, phase: Phase) -> ImprovementProject:
    """The project with only the events since it last entered ``phase`` (all if never)."""
    last = None
    for i, e in enumerate(project.history):
        if isinstance(e, PhaseEntered) and e.phase is phase:
            last = i
    if last is None:
        return project
    return attrs.evolve(project, history=project.history[last:])


def _activities(project: ImprovementProject, phase: Phase) -> list[Finding]:
    done = set(project.completed_activities)
    out = []
    for a in phase.activities:
        if a in done or a in _OWN_FINDING:
            continue
        make = _warn if a is PhaseActivity.ANCHOR_AND_ORGANISE else _info
        out.append(
            make(
                "missing_activity",
                f"Aktiviteten «{a.label_nb}» er ikke registrert som gjennomført.",
                f"The activity “{a.label_en}” is not recorded as completed.",
                f"activity:{a.code}",
            )
        )
    return out


def _plan(project: ImprovementProject) -> list[Finding]:
    out = []
    if not project.goals:
        out.append(_warn("missing_goal", "Ingen mål er satt.", "No goal has been set.", "goals"))
    for i, goal in enumerate(project.goals):
        assessment = assess_smart(goal)
        if not assessment.all_met:
            letters = ", ".join(c.letter for c in assessment.failed)
            out.append(
                _warn(
                    "goal_not_smart",
                    f"Mål {i + 1} oppfyller {assessment.met} av 6 SMARTE-kriterier (mangler "
                    f"{letters}).",
                    f"Goal {i + 1} meets {assessment.met} of the 6 SMARTE criteria (not "
                    f"{letters}).",
                    f"goals[{i}]",
                )
            )
    if not project.tools:
        out.append(
            _warn(
                "missing_tool",
                "Ingen måleverktøy er valgt.",
                "No measurement tool has been chosen.",
                "tools",
            )
        )
    plan = project.measurement_plan
    if plan is not None:
        out.extend(
            attrs.evolve(f, concerns=f"measurement_plan.{f.concerns}") for f in plan.findings()
        )
    if not project.measures:
        out.append(
            _warn(
                "missing_measure",
                "Ingen forbedringstiltak er valgt.",
                "No improvement measure has been chosen.",
                "measures",
            )
        )
    return out


def _do(project: ImprovementProject) -> list[Finding]:
    cycles = _since_entry(project, Phase.DO).events(PdsaCycle)
    if not cycles:
        return [
            _warn(
                "missing_pdsa",
                "Ingen PDSA-sirkel er registrert i utføre-fasen (bibliotekets råd: kildene "
                "sier bare «prøve ut og tilrettelegge ny praksis»).",
                "No PDSA cycle is recorded in the do phase (the library's advice: the sources "
                "say only “try out and facilitate the new practice”).",
                "phase:utfoere",
            )
        ]
    if not any(c.completed for c in cycles):
        return [
            _warn(
                "pdsa_not_completed",
                "Ingen PDSA-sirkel er fullført (innføre, justere eller forkaste; bibliotekets "
                "råd, ikke kildenes).",
                "No PDSA cycle is completed (adopt, adapt or abandon; the library's advice, "
                "not the sources').",
                "phase:utfoere",
            )
        ]
    return []


def _evaluate(project: ImprovementProject) -> list[Finding]:
    judged = _since_entry(project, Phase.EVALUATE).events(SufficiencyJudged)
    if not judged:
        return [
            _warn(
                "missing_sufficiency_judgement",
                "Teamet har ikke vurdert om forbedringen er tilstrekkelig.",
                "The team has not judged whether the improvement is sufficient.",
                "phase:evaluere",
            )
        ]
    if not judged[-1].sufficient:
        return [
            _info(
                "judged_insufficient",
                "Forbedringen ble vurdert som ikke tilstrekkelig: modellen foreslår å "
                "justere og gå tilbake til planlegge eller utføre.",
                "The improvement was judged not sufficient: the model suggests "
                "adjusting and going back to plan or do.",
                "phase:evaluere",
            )
        ]
    return []


def readiness(project: ImprovementProject, phase: Phase | None = None) -> tuple[Finding, ...]:
    """What the model expects before leaving ``phase`` (default: the current phase).

    Never raises; returns findings (none when the phase is done as the model describes).
    The phases' activities are the sources' (the Vestvågøy slides, the ROP report); the
    checks are the library's reading of them, and the PDSA cycle in utføre is the library's
    own advice (no source names PDSA):

    - every phase: each of its activities not recorded as completed (``missing_activity``;
      a warning for anchoring, forankring, a success criterion; information otherwise);
    - **planlegge**: a goal (``missing_goal``), each goal meeting all six SMARTE criteria
      (the source's five and the library's T; ``goal_not_smart``), a measurement tool
      (``missing_tool``), the measurement plan's own advice
      (:meth:`MeasurementPlan.findings`), an improvement measure (``missing_measure``);
    - **utføre**: a PDSA cycle (``missing_pdsa``), completed (``pdsa_not_completed``), since
      the project last entered utføre: the library's advice, and its messages say so;
    - **evaluere**: a judgement of sufficiency since the project last entered evaluere
      (``missing_sufficiency_judgement``); if the latest says *not sufficient*, information
      that the model suggests going back (``judged_insufficient``).

    Goals, tools and measures count whenever they were recorded; activities too. A project
    that has entered no phase gets one warning, ``no_phase``.

    ```pycon
    >>> import datetime
    >>> from laeringsnettverk.improvement import ImprovementProject, Phase
    >>> project = ImprovementProject.begin(title="Bedre overganger", team="team-1",
    ...     area="Psykisk helse", start=datetime.date(2024, 1, 8), phase=Phase.PLAN)
    >>> [f.code for f in readiness(project)]
    ['missing_activity', 'missing_goal', 'missing_tool', 'missing_measure']

    ```

    Raises:
        ValidationError: when ``project`` is not an ImprovementProject or ``phase`` not a
            Phase (a programming error, not advice).
    """
    expect(project, ImprovementProject, "project", _HINT)
    if phase is not None:
        expect(phase, Phase, "phase")
    if phase is None:
        phase = project.current_phase
    if phase is None:
        return (
            _warn(
                "no_phase",
                "Prosjektet har ikke startet noen fase.",
                "The project has not entered any phase.",
                "history",
            ),
        )
    out = _activities(project, phase)
    if phase is Phase.PLAN:
        out.extend(_plan(project))
    elif phase is Phase.DO:
        out.extend(_do(project))
    elif phase is Phase.EVALUATE:
        out.extend(_evaluate(project))
    return tuple(out)


def _skipped(start: int, end: int, i: int) -> Finding:
    names = [Phase.from_number(n) for n in range(start, end)]
    nb = ", ".join(p.label_nb.lower() for p in names)
    en = ", ".join(p.label_en for p in names)
    return _warn(
        "skipped_phase",
        f"Prosjektet hoppet over {nb}.",
        f"The project skipped {en}.",
        f"history[{i}]",
    )


def review(project: ImprovementProject) -> tuple[Finding, ...]:
    """A review of the project's path through the phases; never raises.

    For each phase entered, in order:

    - skipping phases forward (including starting after forberede) is a warning,
      ``skipped_phase``;
    - going back to an earlier phase is recorded as information, ``went_back``;
    - moving forward, the :func:`readiness` findings for the phase left, as the history
      stood then, each with ``concerns`` the ``history[i]`` of the move.

    ```pycon
    >>> import datetime
    >>> from laeringsnettverk.improvement import ImprovementProject, Phase
    >>> d = datetime.date
    >>> project = ImprovementProject.begin(title="Bedre overganger", team="team-1",
    ...     area="Psykisk helse", start=d(2024, 1, 8))
    >>> project = project.enter(Phase.DO, d(2024, 2, 1)).enter(Phase.PLAN, d(2024, 3, 1))
    >>> [(f.code, f.concerns) for f in review(project) if f.code != "missing_activity"]
    [('skipped_phase', 'history[1]'), ('went_back', 'history[2]')]

    ```

    Raises:
        ValidationError: when ``project`` is not an ImprovementProject (a programming
            error, not advice).
    """
    expect(project, ImprovementProject, "project", _HINT)
    out: list[Finding] = []
    previous: Phase | None = None
    for i, e in enumerate(project.history):
        if not isinstance(e, PhaseEntered):
            continue
        if previous is None:
            if e.phase.number > 1:
                out.append(_skipped(1, e.phase.number, i))
        elif e.phase > previous:
            if e.phase.number > previous.number + 1:
                out.append(_skipped(previous.number + 1, e.phase.number, i))
            before = attrs.evolve(project, history=project.history[:i])
            out.extend(
                attrs.evolve(f, concerns=f"history[{i}]") for f in readiness(before, previous)
            )
        else:
            out.append(
                _info(
                    "went_back",
                    f"Prosjektet gikk tilbake fra {previous.label_nb.lower()} til "
                    f"{e.phase.label_nb.lower()}.",
                    f"The project went back from {previous.label_en} to {e.phase.label_en}.",
                    f"history[{i}]",
                )
            )
        previous = e.phase
    return tuple(out)
