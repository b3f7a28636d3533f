"""A typed integrator's view of the API, checked by ``mypy --strict`` (never run).

If a change makes this file fail to type-check, typed users' code breaks too.
"""

from __future__ import annotations

import datetime
import mmap

import laeringsnettverk as ln
from laeringsnettverk.scoring import mean_score, program_fidelity, round_half_up
from laeringsnettverk.serialization import from_dict, to_dict


def score_form(text: str) -> tuple[float | None, float | None]:
    form: ln.WhatMattersForm = ln.loads(text, ln.WhatMattersForm)
    benefit: ln.toolkit.Benefit = form.benefit(1, 2, minimal_important_change=2.0)
    value: float | None = benefit.value
    improved: bool | None = benefit.improved
    _ = improved
    return form.mean(1), value


def build_form() -> ln.WhatMattersForm:
    return ln.WhatMattersForm(
        activities=[ln.Activity(name="Sove")],
        conversations=[ln.Conversation(date=datetime.date(2015, 2, 5), scores={"Sove": 3})],
        scale=ln.Scale(minimum=1, maximum=10, higher_is_better=True),
    )


def checklist_percent() -> float:
    checklist = ln.CollaborationChecklist.default().with_form_means(build_form())
    status: ln.toolkit.ItemStatus = ln.toolkit.ItemStatus("gjennomfoert")
    _ = status.label_nb, status.code
    return checklist.percent() + program_fidelity([ln.toolkit.ItemStatus.DONE])


def numbers() -> float:
    return round_half_up(mean_score([1, 4, 1, 2]))


def round_trip(form: ln.WhatMattersForm) -> ln.WhatMattersForm:
    return from_dict(to_dict(form), ln.WhatMattersForm)


def handle(text: str) -> list[dict[str, str | None]]:
    try:
        ln.loads(text)
    except ln.ValidationError as exc:
        return exc.to_dicts()
    return []


def follow_a_team(forms: list[ln.WhatMattersForm]) -> tuple[bool, float | None]:
    from laeringsnettverk.charts import i_chart, run_chart
    from laeringsnettverk.measurement import PeriodUnit, benefit_series
    from laeringsnettverk.stats import mean_estimate

    series = benefit_series(forms, team="team-a", unit=PeriodUnit.QUARTER)
    chart = run_chart(series, freeze=6)
    control = i_chart([obs.chart_value for obs in series.observations])
    estimate = mean_estimate([v for v in series.values() if v is not None])
    return chart.signal or control.signal, estimate.lower


def everyday_and_capabilities(text: str) -> tuple[ln.Series, str, float]:
    series: ln.Series = ln.loads(text, ln.Series)
    team: type[ln.network.ImprovementTeam] = ln.network.ImprovementTeam  # from its capability
    fidelity: float = ln.program_fidelity([ln.toolkit.ItemStatus.DONE])
    return series, team.__name__, fidelity + ln.form_benefit(build_form()).paired


def batch_from_sources(data: bytes, mapped: mmap.mmap) -> int:
    from laeringsnettverk.serialization import LineError, iter_jsonl, load_jsonl

    forms = load_jsonl(mapped, ln.WhatMattersForm)
    first: ln.WhatMattersForm = forms.documents[0]
    _ = first
    lines = [item for item in iter_jsonl(bytearray(data)) if not isinstance(item, LineError)]
    return len(forms.errors) + len(load_jsonl(memoryview(data)).loaded) + len(lines)
