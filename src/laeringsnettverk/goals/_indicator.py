"""Indicators: what a goal is measured by, and a family of measures' members."""

from __future__ import annotations

import attrs

from laeringsnettverk._checks import NUMBERS, Checker, isfinite
from laeringsnettverk._codes import CodedEnum

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


def _check_bound(c: Checker, name: str, value: object) -> bool:
    return value is None or c.number((name,), value)


@attrs.frozen(kw_only=True)
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

    name: str
    """What is measured, e.g. "Andel brukere med kriseplan"."""
    kind: IndicatorKind = IndicatorKind.OTHER
    """The kind of number, and so the tool that produces it."""
    unit: str | None = None
    """The unit, e.g. ``"%"``, ``"poeng"``, ``"innleggelser"``."""
    minimum: float | None = None
    """The lowest possible value, or ``None`` if there is none."""
    maximum: float | None = None
    """The highest possible value, or ``None`` if there is none."""
    higher_is_better: bool = True
    """True when a higher value is better (False for, say, hospital admissions)."""
    role: IndicatorRole | None = None
    """Its role in a family of measures: outcome, process or balancing (None outside one)."""
    definition: str | None = None
    """The operational definition: exactly what is counted, for whom, how."""
    data_source: str | None = None
    """Where the data come from, e.g. "Sjekklisten, fylt ut av kontaktpersonen"."""
    frequency: Frequency | None = None
    """How often it is measured."""

    def __attrs_post_init__(self) -> None:
        name, lo, hi, role, frequency = (
            self.name,
            self.minimum,
            self.maximum,
            self.role,
            self.frequency,
        )
        if (
            type(name) is str
            and name.strip()
            and isinstance(self.kind, IndicatorKind)
            and (self.unit is None or type(self.unit) is str)
            and (lo is None or (type(lo) in NUMBERS and isfinite(lo)))
            and (hi is None or (type(hi) in NUMBERS and isfinite(hi)))
            and (lo is None or hi is None or lo < hi)
            and type(self.higher_is_better) is bool
            and (role is None or isinstance(role, IndicatorRole))
            and (self.definition is None or type(self.definition) is str)
            and (self.data_source is None or type(self.data_source) is str)
            and (frequency is None or isinstance(frequency, Frequency))
        ):
            return  # valid: the full checks would find nothing (loading is a hot path)
        self._full_check()

    def _full_check(self) -> None:
        """Every check, each problem reported (the quick pass above returns early)."""
        c = Checker()
        c.text(("name",), self.name)
        c.member(("kind",), self.kind, IndicatorKind)
        c.optional_text(("unit",), self.unit)
        ok = _check_bound(c, "minimum", self.minimum) & _check_bound(c, "maximum", self.maximum)
        if (
            ok
            and self.minimum is not None
            and self.maximum is not None
            and self.minimum >= self.maximum
        ):
            c.add(("maximum",), f"must be above minimum {self.minimum:g}", self.maximum)
        c.boolean(("higher_is_better",), self.higher_is_better)
        if self.role is not None:
            c.member(("role",), self.role, IndicatorRole)
        c.optional_text(("definition",), self.definition)
        c.optional_text(("data_source",), self.data_source)
        if self.frequency is not None:
            c.member(("frequency",), self.frequency, Frequency)
        c.done()

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
