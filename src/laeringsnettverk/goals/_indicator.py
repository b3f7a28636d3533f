"""Indicators: what a goal is measured by, and a family of measures' members."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._codes import CodedEnum
from laeringsnettverk._rules import Boolean, Member, Number, Optional, Text, checked, rule

__all__ = ["Frequency", "Indicator", "IndicatorKind", "IndicatorRole"]


class IndicatorKind(CodedEnum):
    """The kind of number an indicator is, and so the tool that produces it.

    Each kind has default scale bounds (:attr:`default_minimum`, :attr:`default_maximum`)
    and unit that :meth:`Indicator.for_kind` uses.
    """

    FORM_MEAN = (
        "skjema_snitt",
        "Snittskåre i «Hva er viktig for meg»-skjemaet",
        "mean score of the «what matters to me» form",
    )
    """The form's mean score (1..10, 10 the easiest)."""
    PROGRAM_FIDELITY = (
        "programoppfyllelse",
        "Programoppfyllelse (sjekkliste for samhandling)",
        "program fidelity (collaboration checklist)",
    )
    """The collaboration checklist's program fidelity, in percent (0..100)."""
    KOR_TOTAL = ("kor_total", "KOR-totalskåre (ORS eller SRS)", "KOR total score (ORS or SRS)")
    """A KOR total: ORS or SRS, 0..40."""
    COUNT = ("antall", "Antall", "count")
    """A count of something (0 or more)."""
    PROPORTION = ("andel", "Andel", "proportion")
    """A proportion, in percent (0..100)."""
    OTHER = ("annet", "Annet", "other")
    """Any other number; no default bounds."""

    @property
    def default_minimum(self) -> float | None:
        """The lowest value the tool can give, or ``None`` if unbounded."""
        return _DEFAULTS[self.value][0]

    @property
    def default_maximum(self) -> float | None:
        """The highest value the tool can give, or ``None`` if unbounded."""
        return _DEFAULTS[self.value][1]

    @property
    def default_unit(self) -> str | None:
        """The unit the tool's values are in, or ``None``."""
        return _DEFAULTS[self.value][2]


_DEFAULTS: dict[str, tuple[float | None, float | None, str | None]] = {
    "skjema_snitt": (1, 10, "poeng"),
    "programoppfyllelse": (0, 100, "%"),
    "kor_total": (0, 40, "poeng"),
    "antall": (0, None, None),
    "andel": (0, 100, "%"),
    "annet": (None, None, None),
}


class IndicatorRole(CodedEnum):
    """An indicator's role in a family of measures (outcome, process, balancing)."""

    OUTCOME = ("resultat", "Resultatmål", "outcome measure")
    """Does the change lead to improvement for the users?"""
    PROCESS = ("prosess", "Prosessmål", "process measure")
    """Is the new practice carried out as planned?"""
    BALANCING = ("balanse", "Balansemål", "balancing measure")
    """Does the change cause new problems elsewhere?"""


class Frequency(CodedEnum):
    """How often an indicator is measured."""

    DAILY = ("daglig", "Daglig", "daily")
    """Every day."""
    WEEKLY = ("ukentlig", "Ukentlig", "weekly")
    """Every week."""
    MONTHLY = ("maanedlig", "Månedlig", "monthly")
    """Every month (the IHI Breakthrough Series' monthly reports)."""
    QUARTERLY = ("kvartalsvis", "Kvartalsvis", "quarterly")
    """Every quarter."""
    HALF_YEARLY = ("halvaarlig", "Halvårlig", "half-yearly")
    """Every half year."""
    YEARLY = ("aarlig", "Årlig", "yearly")
    """Every year."""
    PER_CONVERSATION = ("per_samtale", "Ved hver samtale", "at each conversation")
    """At each conversation with the user (the form, KOR)."""
    OTHER = ("annet", "Annet", "other")
    """Another rhythm, described in the operational definition."""


_OPTIONAL_TEXT = Optional(Text(blank=True))
"""The rule of the indicator's optional free-text fields (unit, definition, data source)."""
_BOUND = Optional(Number())
"""The rule of a scale bound: a finite number, or ``None`` for an open end."""


@attrs.frozen(kw_only=True)
@checked
class Indicator:
    """What a goal is measured by, or one member of a project's family of measures.

    The scale's bounds (``minimum``, ``maximum``; either may be open) and which end is
    better say what a realistic target and an improvement are.

    ```pycon
    >>> Indicator.for_kind(IndicatorKind.FORM_MEAN)
    Indicator(name='Snittskåre i «Hva er viktig for meg»-skjemaet', kind=IndicatorKind.FORM_MEAN,
              unit='poeng', minimum=1, maximum=10, higher_is_better=True, role=None,
              definition=None, data_source=None, frequency=None)

    ```
    """

    name: str = attrs.field(metadata=rule(Text()))
    """What is measured, e.g. "Andel brukere med kriseplan"."""
    kind: IndicatorKind = attrs.field(
        default=IndicatorKind.OTHER, metadata=rule(Member(IndicatorKind))
    )
    """The kind of number, and so the tool that produces it."""
    unit: str | None = attrs.field(default=None, metadata=rule(_OPTIONAL_TEXT))
    """The unit, e.g. ``"%"``, ``"poeng"``, ``"innleggelser"``."""
    minimum: float | None = attrs.field(default=None, metadata=rule(_BOUND))
    """The lowest possible value, or ``None`` if there is none."""
    maximum: float | None = attrs.field(default=None, metadata=rule(_BOUND))
    """The highest possible value, or ``None`` if there is none."""
    higher_is_better: bool = attrs.field(default=True, metadata=rule(Boolean()))
    """True when a higher value is better (False for, say, hospital admissions)."""
    role: IndicatorRole | None = attrs.field(
        default=None, metadata=rule(Optional(Member(IndicatorRole)))
    )
    """Its role in a family of measures: outcome, process or balancing (None outside one)."""
    definition: str | None = attrs.field(default=None, metadata=rule(_OPTIONAL_TEXT))
    """The operational definition: exactly what is counted, for whom, how."""
    data_source: str | None = attrs.field(default=None, metadata=rule(_OPTIONAL_TEXT))
    """Where the data come from, e.g. "Sjekklisten, fylt ut av kontaktpersonen"."""
    frequency: Frequency | None = attrs.field(
        default=None, metadata=rule(Optional(Member(Frequency)))
    )
    """How often it is measured."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        lo, hi = self.minimum, self.maximum
        if lo is not None and hi is not None and ok["minimum"] and ok["maximum"] and lo >= hi:
            c.add(("maximum",), f"must be above minimum {lo:g}", hi)

    @classmethod
    def for_kind(
        cls, kind: IndicatorKind, name: str | None = None, *, higher_is_better: bool = True
    ) -> Indicator:
        """An indicator of ``kind`` with the kind's default bounds and unit.

        ``name`` defaults to the kind's Norwegian label.
        """
        c = Checker()
        c.member(("kind",), kind, IndicatorKind)
        c.done()
        return cls(
            name=kind.label_nb if name is None else name,
            kind=kind,
            unit=kind.default_unit,
            minimum=kind.default_minimum,
            maximum=kind.default_maximum,
            higher_is_better=higher_is_better,
        )

    def within(self, value: float) -> bool:
        """Whether ``value`` lies on the scale (``minimum <= value <= maximum``).

        ```pycon
        >>> form = Indicator.for_kind(IndicatorKind.FORM_MEAN)
        >>> form.within(5.5), form.within(11)
        (True, False)

        ```
        """
        return (self.minimum is None or value >= self.minimum) and (
            self.maximum is None or value <= self.maximum
        )

    def better(self, a: float, b: float) -> bool:
        """Whether ``a`` is strictly better than ``b`` on this indicator."""
        return a > b if self.higher_is_better else a < b
