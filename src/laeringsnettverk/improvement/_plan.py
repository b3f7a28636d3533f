"""The measurement plan: a project's family of measures (outcome, process, balancing)."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from laeringsnettverk._checks import Checker
from laeringsnettverk._rules import Instance, Items, checked, rule, to_tuple
from laeringsnettverk.findings import Finding, Severity
from laeringsnettverk.goals import Indicator, IndicatorKind, IndicatorRole

__all__ = ["MeasurementPlan"]


@attrs.frozen(kw_only=True)
@checked
class MeasurementPlan:
    """A family of measures: outcome, process and balancing indicators, each with its plan.

    Norwegian patient-safety guidance asks for a family of measures, each with a
    measurement plan: its operational definition, data source, frequency, and the tool that
    produces it (the indicator's ``kind``: the form's mean, checklist fidelity, KOR totals,
    a count or a proportion). Every indicator here must have a ``role``; what else is
    missing is advice (:meth:`findings`), not an error.

    ```pycon
    >>> from laeringsnettverk.goals import Frequency, Indicator, IndicatorKind, IndicatorRole
    >>> plan = MeasurementPlan(indicators=[
    ...     Indicator(name="Snittskåre i skjemaet", kind=IndicatorKind.FORM_MEAN, minimum=1,
    ...               maximum=10, role=IndicatorRole.OUTCOME,
    ...               definition="Snitt av brukerens skårer ved 2. samtale",
    ...               data_source="«Hva er viktig for meg»-skjemaet",
    ...               frequency=Frequency.PER_CONVERSATION),
    ... ])
    >>> [f.code for f in plan.findings()]
    ['missing_process_indicator', 'missing_balancing_indicator']

    ```
    """

    indicators: tuple[Indicator, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=rule(Items(Instance(Indicator)))
    )
    """The family's members, each with a role (names unique)."""

    def _check_across(self, c: Checker, ok: Mapping[str, bool]) -> None:
        if not ok["indicators"]:
            return
        seen: dict[str, int] = {}
        for i, ind in enumerate(self.indicators):
            if ind.role is None:
                c.add(
                    ("indicators", i, "role"),
                    "is required in a measurement plan (outcome, process or balancing)",
                )
            folded = ind.name.strip().casefold()
            if folded in seen:
                c.add(
                    ("indicators", i, "name"),
                    f"duplicates indicators[{seen[folded]}].name",
                    ind.name,
                    text=True,
                )
            else:
                seen[folded] = i

    def by_role(self, role: IndicatorRole) -> tuple[Indicator, ...]:
        """The indicators with ``role``, in order."""
        return tuple(i for i in self.indicators if i.role is role)

    @property
    def outcome(self) -> tuple[Indicator, ...]:
        """The outcome measures (resultatmål)."""
        return self.by_role(IndicatorRole.OUTCOME)

    @property
    def process(self) -> tuple[Indicator, ...]:
        """The process measures (prosessmål)."""
        return self.by_role(IndicatorRole.PROCESS)

    @property
    def balancing(self) -> tuple[Indicator, ...]:
        """The balancing measures (balansemål)."""
        return self.by_role(IndicatorRole.BALANCING)

    @property
    def tools(self) -> tuple[IndicatorKind, ...]:
        """The tools the plan uses (the indicators' kinds), each once, in order."""
        return tuple(dict.fromkeys(i.kind for i in self.indicators))

    def findings(self) -> tuple[Finding, ...]:
        """Advice on the plan: a missing role in the family, a missing part of a member's plan.

        Codes: ``missing_outcome_indicator`` (warning), ``missing_process_indicator``,
        ``missing_balancing_indicator`` (information), and for each indicator
        ``missing_definition``, ``missing_data_source``, ``missing_frequency`` (warning).
        """
        out: list[Finding] = []
        if not self.outcome:
            out.append(
                Finding(
                    severity=Severity.WARNING,
                    code="missing_outcome_indicator",
                    message_nb="Måleplanen har ingen resultatindikator: den viser ikke om "
                    "brukerne får det bedre.",
                    message_en="The measurement plan has no outcome indicator: it does not show "
                    "whether things get better for the users.",
                    concerns="indicators",
                )
            )
        for role, code in (
            (IndicatorRole.PROCESS, "missing_process_indicator"),
            (IndicatorRole.BALANCING, "missing_balancing_indicator"),
        ):
            if not self.by_role(role):
                out.append(
                    Finding(
                        severity=Severity.INFO,
                        code=code,
                        message_nb=f"Måleplanen har ingen indikator med rollen "
                        f"{role.label_nb.lower()}.",
                        message_en=f"The measurement plan has no {role.label_en}.",
                        concerns="indicators",
                    )
                )
        parts = (
            ("definition", "operasjonell definisjon", "operational definition"),
            ("data_source", "datakilde", "data source"),
            ("frequency", "målefrekvens", "frequency"),
        )
        for i, ind in enumerate(self.indicators):
            for field, nb, en in parts:
                if getattr(ind, field) is None:
                    out.append(
                        Finding(
                            severity=Severity.WARNING,
                            code=f"missing_{field}",
                            message_nb=f"Indikator {i + 1} i måleplanen mangler {nb}.",
                            message_en=f"Indicator {i + 1} of the measurement plan has no {en}.",
                            concerns=f"indicators[{i}].{field}",
                        )
                    )
        return tuple(out)
