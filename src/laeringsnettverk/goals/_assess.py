"""Assessing a goal against the six SMART(E) criteria: the source's five and the library's T."""

from __future__ import annotations

import attrs

from laeringsnettverk._checks import Checker, expect
from laeringsnettverk._codes import CodedEnum
from laeringsnettverk.goals._goal import SmartGoal, _scale
from laeringsnettverk.toolkit._common import to_tuple

__all__ = ["CriterionResult", "SmartAssessment", "SmartCriterion", "assess_smart"]


class SmartCriterion(CodedEnum):
    """The six criteria of a SMART(E) goal, in order.

    The source report lists five: goals should be «spesifikke, målbare, ansporende,
    realistiske og at det er enighet om dem». :attr:`TIME_BOUND` (tidsbestemt, the usual T
    of SMART) is the library's addition, not the source's; its labels say so.
    """

    SPECIFIC = ("spesifikk", "Spesifikk", "specific")
    """Says who or where, and what."""
    MEASURABLE = ("maalbar", "Målbar", "measurable")
    """Has an indicator, a baseline and a target."""
    MOTIVATING = ("ansporende", "Ansporende", "motivating")
    """The target improves on the baseline."""
    REALISTIC = ("realistisk", "Realistisk", "realistic")
    """The target is on the scale and there is time to reach it."""
    TIME_BOUND = (
        "tidsbestemt",
        "Tidsbestemt, bibliotekets tillegg",
        "time-bound, the library's addition",
    )
    """Has a deadline. The library's addition: the source's list has no T."""
    AGREED = ("enighet", "Enighet", "agreed")
    """Someone agreed to it."""

    @property
    def letter(self) -> str:
        """The criterion's letter in SMARTE, e.g. ``"M"`` for målbar."""
        return self.label_nb[0]


@attrs.frozen(kw_only=True)
class CriterionResult:
    """Whether a goal meets one criterion, and why, in Norwegian and English."""

    criterion: SmartCriterion
    """The criterion."""
    passed: bool
    """True when the goal meets it."""
    reason_nb: str
    """Why, in Norwegian."""
    reason_en: str
    """Why, in English."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.member(("criterion",), self.criterion, SmartCriterion)
        c.boolean(("passed",), self.passed)
        c.text(("reason_nb",), self.reason_nb)
        c.text(("reason_en",), self.reason_en)
        c.done()

    def __str__(self) -> str:
        mark = "✓" if self.passed else "✗"
        return f"{self.criterion.letter} {mark} {self.reason_nb} / {self.reason_en}"


@attrs.frozen(kw_only=True)
class SmartAssessment:
    """The result of :func:`assess_smart`: one :class:`CriterionResult` per criterion."""

    results: tuple[CriterionResult, ...] = attrs.field(converter=to_tuple)
    """The six results, in the order S, M, A, R, T, E."""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.instances(("results",), self.results, CriterionResult):
            got = tuple(r.criterion for r in self.results)
            if got != tuple(SmartCriterion):
                c.add(
                    ("results",),
                    "must hold one result per criterion, in the order S, M, A, R, T, E",
                    "".join(x.letter for x in got),
                )
        c.done()

    @property
    def met(self) -> int:
        """How many of the six criteria the goal meets."""
        return sum(r.passed for r in self.results)

    @property
    def all_met(self) -> bool:
        """True when the goal meets all six criteria."""
        return self.met == len(self.results)

    @property
    def failed(self) -> tuple[SmartCriterion, ...]:
        """The criteria the goal does not meet, in order."""
        return tuple(r.criterion for r in self.results if not r.passed)

    def result(self, criterion: SmartCriterion | str) -> CriterionResult:
        """The result for one criterion, by member, code or letter (``"M"``)."""
        for r in self.results:
            if criterion in (r.criterion, r.criterion.letter):
                return r
        c = Checker()
        c.add(
            ("criterion",),
            "is not a SMARTE criterion; expected a letter of SMARTE or "
            "one of " + ", ".join(repr(x.value) for x in SmartCriterion),
            criterion,
        )
        c.done()
        raise AssertionError  # pragma: no cover

    def letters(self) -> str:
        """The criteria met as letters, a dash for each not met: ``"-M-R-E"``."""
        return "".join(r.criterion.letter if r.passed else "-" for r in self.results)

    def __str__(self) -> str:
        head = f"SMARTE [{self.letters()}]: {self.met} av 6 oppfylt ({self.met} of 6 met)"
        return "\n".join([head, *(f"  {r}" for r in self.results)])

    def _repr_html_(self) -> str:
        from laeringsnettverk import _display

        return _display.smart_assessment(self)


def _result(criterion: SmartCriterion, passed: bool, nb: str, en: str) -> CriterionResult:
    return CriterionResult(criterion=criterion, passed=passed, reason_nb=nb, reason_en=en)


def _missing(goal: SmartGoal, names: tuple[str, ...]) -> tuple[list[str], list[str]]:
    words = {
        "indicator": ("indikator", "an indicator"),
        "baseline": ("utgangsverdi", "a baseline"),
        "target": ("målverdi", "a target"),
        "deadline": ("frist", "a deadline"),
    }
    gone = [n for n in names if getattr(goal, n) is None]
    return [words[n][0] for n in gone], [words[n][1] for n in gone]


def _join(words: list[str], conj: str) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {conj} " + words[-1]


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def _specific(goal: SmartGoal) -> CriterionResult:
    crit = SmartCriterion.SPECIFIC
    if goal.population is None and goal.setting is None:
        return _result(
            crit,
            False,
            "Målet sier ikke hvem det gjelder eller hvor (målgruppe eller arena).",
            "The goal does not say who it is for or where (population or setting).",
        )
    parts_nb = ["hva"] + [w for w, v in (("hvem", goal.population), ("hvor", goal.setting)) if v]
    parts_en = ["what"] + [w for w, v in (("who", goal.population), ("where", goal.setting)) if v]
    return _result(
        crit,
        True,
        f"Målet sier {_join(parts_nb, 'og')}.",
        f"The goal says {_join(parts_en, 'and')}.",
    )


def _measurable(goal: SmartGoal) -> CriterionResult:
    crit = SmartCriterion.MEASURABLE
    nb, en = _missing(goal, ("indicator", "baseline", "target"))
    if nb:
        return _result(
            crit, False, f"Målet mangler {_join(nb, 'og')}.", f"The goal lacks {_join(en, 'and')}."
        )
    assert goal.baseline is not None
    assert goal.target is not None
    b, t = goal.baseline.value, goal.target
    return _result(
        crit,
        True,
        f"Målet har indikator, utgangsverdi {b:g} og målverdi {t:g}.",
        f"The goal has an indicator, a baseline {b:g} and a target {t:g}.",
    )


def _motivating(goal: SmartGoal) -> CriterionResult:
    crit = SmartCriterion.MOTIVATING
    nb, en = _missing(goal, ("indicator", "baseline", "target"))
    if nb:
        return _result(
            crit,
            False,
            f"Kan ikke se at målet er en forbedring: mangler {_join(nb, 'og')}.",
            f"Cannot tell the goal is an improvement: lacks {_join(en, 'and')}.",
        )
    assert goal.indicator is not None
    assert goal.baseline is not None
    assert goal.target is not None
    b, t = goal.baseline.value, goal.target
    way_nb = "høyere" if goal.indicator.higher_is_better else "lavere"
    way_en = "higher" if goal.indicator.higher_is_better else "lower"
    if goal.indicator.better(t, b):
        return _result(
            crit,
            True,
            f"Målverdien {t:g} er bedre enn utgangsverdien {b:g} ({way_nb} er bedre).",
            f"The target {t:g} improves on the baseline {b:g} ({way_en} is better).",
        )
    return _result(
        crit,
        False,
        f"Målverdien {t:g} er ikke bedre enn utgangsverdien {b:g} ({way_nb} er bedre).",
        f"The target {t:g} does not improve on the baseline {b:g} ({way_en} is better).",
    )


def _realistic(goal: SmartGoal) -> CriterionResult:
    crit = SmartCriterion.REALISTIC
    nb, en = _missing(goal, ("indicator", "baseline", "target", "deadline"))
    if nb:
        return _result(
            crit,
            False,
            f"Kan ikke vurdere om målet er realistisk: mangler {_join(nb, 'og')}.",
            f"Cannot judge whether the goal is realistic: lacks {_join(en, 'and')}.",
        )
    assert goal.indicator is not None
    assert goal.baseline is not None
    assert goal.target is not None
    assert goal.deadline is not None
    problems_nb, problems_en = [], []
    if not goal.indicator.within(goal.target):
        scale = _scale(goal.indicator)
        problems_nb.append(f"målverdien {goal.target:g} ligger utenfor skalaen {scale}")
        problems_en.append(f"the target {goal.target:g} is outside the scale {scale}")
    if goal.deadline <= goal.baseline.date:
        day, base = goal.deadline.isoformat(), goal.baseline.date.isoformat()
        problems_nb.append(f"fristen {day} er ikke etter utgangsverdiens dato {base}")
        problems_en.append(f"the deadline {day} is not after the baseline's date {base}")
    if problems_nb:
        return _result(
            crit, False, _sentence(_join(problems_nb, "og")), _sentence(_join(problems_en, "and"))
        )
    days = (goal.deadline - goal.baseline.date).days
    return _result(
        crit,
        True,
        f"Målverdien ligger på skalaen, og det er {days} dager fra utgangsverdien til fristen.",
        f"The target is on the scale, and there are {days} days from the baseline to the deadline.",
    )


def _time_bound(goal: SmartGoal) -> CriterionResult:
    crit = SmartCriterion.TIME_BOUND
    if goal.deadline is None:
        return _result(crit, False, "Målet har ingen frist.", "The goal has no deadline.")
    day = goal.deadline.isoformat()
    return _result(crit, True, f"Målet har frist {day}.", f"The goal has a deadline, {day}.")


def _agreed(goal: SmartGoal) -> CriterionResult:
    crit = SmartCriterion.AGREED
    n = len(goal.agreed_by)
    if n == 0:
        return _result(
            crit,
            False,
            "Ingen er registrert som enige om målet.",
            "No party is recorded as having agreed to the goal.",
        )
    if goal.has_user_representative:
        nb, en = "en brukerrepresentant er med", "a user representative is among them"
    else:
        nb, en = "ingen brukerrepresentant er med", "no user representative is among them"
    return _result(
        crit,
        True,
        f"{n} {'part' if n == 1 else 'parter'} er enige om målet; {nb}.",
        f"{n} {'party' if n == 1 else 'parties'} agreed to the goal; {en}.",
    )


def assess_smart(goal: SmartGoal) -> SmartAssessment:
    """Assess a goal against the six SMART(E) criteria; never raises for a valid goal.

    The criteria are the source report's five (spesifikke, målbare, ansporende,
    realistiske, enighet) and the library's own T (tidsbestemt). The source names the
    criteria but not how to check them: the rules below are the library's.
    Each passes or fails with a reason in Norwegian and English:

    - **S** (spesifikk): the goal names who (``population``) or where (``setting``); the
      statement says what. The library cannot read Norwegian, so it takes the required
      statement as the *what* and looks for *who or where* in their own fields.
    - **M** (målbar): it has an ``indicator``, a ``baseline`` and a ``target``.
    - **A** (ansporende): the target improves on the baseline in the indicator's better
      direction (strictly).
    - **R** (realistisk): the target lies within the indicator's bounds (an open bound
      passes) and the deadline is after the baseline's date. Needs all four.
    - **T** (tidsbestemt, the library's addition to the source's list): it has a
      ``deadline``.
    - **E** (enighet): at least one party agreed (the reason says whether a user
      representative is among them).

    A criterion that lacks what it needs fails, so adding information never turns a passed
    criterion into a failed one unless the new information contradicts it.

    ```pycon
    >>> print(assess_smart(SmartGoal(statement="Økt fysisk aktivitet.")))
    SMARTE [------]: 0 av 6 oppfylt (0 of 6 met)
      S ✗ Målet sier ikke hvem det gjelder eller hvor (målgruppe eller arena). / The goal does not say who it is for or where (population or setting).
      M ✗ Målet mangler indikator, utgangsverdi og målverdi. / The goal lacks an indicator, a baseline and a target.
      A ✗ Kan ikke se at målet er en forbedring: mangler indikator, utgangsverdi og målverdi. / Cannot tell the goal is an improvement: lacks an indicator, a baseline and a target.
      R ✗ Kan ikke vurdere om målet er realistisk: mangler indikator, utgangsverdi, målverdi og frist. / Cannot judge whether the goal is realistic: lacks an indicator, a baseline, a target and a deadline.
      T ✗ Målet har ingen frist. / The goal has no deadline.
      E ✗ Ingen er registrert som enige om målet. / No party is recorded as having agreed to the goal.

    ```

    Raises:
        ValidationError: when ``goal`` is not a SmartGoal.
    """  # noqa: E501
    expect(goal, SmartGoal, "goal")
    return SmartAssessment(
        results=(
            _specific(goal),
            _measurable(goal),
            _motivating(goal),
            _realistic(goal),
            _time_bound(goal),
            _agreed(goal),
        )
    )
