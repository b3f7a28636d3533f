"""Write the shipped example for the time-series work (made-up data, deterministic).

    python tools/make_example_series.py

writes ``src/laeringsnettverk/data/example_team_forms.jsonl`` (one team's «Hva er viktig
for meg»-forms over 18 months) and ``src/laeringsnettverk/data/example_series.json`` (the
team's mean perceived benefit per month, built from those forms, with the change the team
tried). Names, scores and dates are made up; a test checks that the shipped files are what
this script writes.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import attrs

import laeringsnettverk as ln
from laeringsnettverk.measurement import ChangeNote, benefit_series
from laeringsnettverk.toolkit import Activity, Conversation, WhatMattersForm

DATA = Path(__file__).resolve().parent.parent / "src" / "laeringsnettverk" / "data"
TEAM = "team-bodoe"
CHANGE = ChangeNote(
    date=datetime.date(2024, 10, 1),
    text="Felles plan med fastlegen ved 1. samtale (joint plan with the GP at the 1st talk)",
)
ACTIVITIES = (
    "Sove godt om natta",
    "Handle mat selv",
    "Gå en tur hver dag",
    "Treffe venner",
    "Lage middag",
    "Komme meg på jobb",
    "Ta bussen alene",
)


def forms() -> list[WhatMattersForm]:
    """The team's forms: a steady benefit before the change, a higher one after it."""
    rng = random.Random(2026)
    out = []
    number = 0
    for month in range(18):
        year, m = 2024 + month // 12, month % 12 + 1
        for _ in range(rng.randint(3, 8)):
            number += 1
            second = datetime.date(year, m, rng.randint(1, 28))
            first = second - datetime.timedelta(days=rng.randint(70, 110))
            names = rng.sample(ACTIVITIES, rng.randint(2, 5))
            lift = 1.5 if second < CHANGE.date else 2.8
            before = [rng.randint(1, 5) for _ in names]
            after = [max(1, min(10, b + round(rng.gauss(lift, 1.6)))) for b in before]
            out.append(
                WhatMattersForm(
                    identifier=f"skjema-{number:04d}",
                    team=TEAM,
                    activities=[Activity(name=n) for n in names],
                    conversations=[
                        Conversation(date=first, scores=dict(zip(names, before, strict=True))),
                        Conversation(date=second, scores=dict(zip(names, after, strict=True))),
                    ],
                )
            )
    return out


def series() -> ln.measurement.Series:
    """The team's mean perceived benefit per month, with the change tried."""
    built = benefit_series(forms(), team=TEAM, network="Gode pasientforløp, Nord")
    return attrs.evolve(built, changes=[CHANGE], identifier="eksempel-serie-nytte")


def main() -> None:
    """Write both files."""
    lines = "".join(ln.dumps(f, indent=None) + "\n" for f in forms())
    (DATA / "example_team_forms.jsonl").write_text(lines, encoding="utf-8")
    (DATA / "example_series.json").write_text(ln.dumps(series()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
