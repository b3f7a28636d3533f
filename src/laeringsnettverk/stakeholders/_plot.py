"""The power/interest grid as a matplotlib figure (needs the ``plot`` extra)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from laeringsnettverk._checks import fail
from laeringsnettverk.stakeholders._classify import MENDELOW_GRID
from laeringsnettverk.stakeholders._enums import Attitude
from laeringsnettverk.stakeholders._model import (
    HIGH_RATING,
    RATING_MAX,
    RATING_MIN,
    Stakeholder,
    StakeholderMap,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_power_interest"]

_COLOURS = {
    Attitude.SUPPORTIVE: "#2e7d32",
    Attitude.NEUTRAL: "#757575",
    Attitude.OPPOSED: "#c62828",
    None: "#00695c",
}


_MAX_LABEL = 20


def _short(name: str) -> str:
    """A name on one line, cut to fit beside a dot."""
    text = " ".join(name.split())
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "…"


def plot_power_interest(m: StakeholderMap) -> Figure:
    """Mendelow's power/interest grid of a map, as a matplotlib ``Figure``.

    Interest along the x axis, influence up the y axis, both 1..5; the lines between 2
    and 3 split high from low (:data:`HIGH_RATING`). Each placed actor is a labelled dot
    coloured by its attitude (long names cut to 20 characters); actors in the same cell
    are stacked. Actors without influence or interest are counted in the legend.

    Needs matplotlib (``pip install "laeringsnettverk[plot]"``), which is imported
    here, not with the package. The figure is made without pyplot, so no window opens;
    save it with ``fig.savefig("grid.png")``.

    Raises:
        ModuleNotFoundError: when matplotlib is not installed.
    """
    if not isinstance(m, StakeholderMap):
        fail(("stakeholder_map",), "must be a StakeholderMap", type(m).__name__)
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    fig = Figure(figsize=(8, 6.5), layout="constrained")
    ax = fig.add_subplot()
    lo, hi, cut = RATING_MIN - 0.5, RATING_MAX + 0.5, HIGH_RATING - 0.5
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xticks(range(RATING_MIN, RATING_MAX + 1))
    ax.set_yticks(range(RATING_MIN, RATING_MAX + 1))
    ax.axvline(cut, color="#9e9e9e", linewidth=1)
    ax.axhline(cut, color="#9e9e9e", linewidth=1)
    ax.set_xlabel("Interesse (interest)")
    ax.set_ylabel("Innflytelse (influence)")
    ax.set_title(f"Makt og interesse (power and interest): {m.owner.name}, {m.date.isoformat()}")
    for (high_influence, high_interest), quadrant in MENDELOW_GRID.items():
        ax.text(
            hi - 0.05 if high_interest else lo + 0.05,
            hi - 0.05 if high_influence else lo + 0.05,
            quadrant.label,
            ha="right" if high_interest else "left",
            va="top" if high_influence else "bottom",
            fontsize=9,
            color="#616161",
            style="italic",
        )
    cells: dict[tuple[int, int], list[Stakeholder]] = {}
    unplaced = 0
    for s in m.stakeholders:
        if s.influence is None or s.interest is None:
            unplaced += 1
        else:
            cells.setdefault((s.interest, s.influence), []).append(s)
    for (x, y), actors in cells.items():
        step = min(0.3, 0.8 / len(actors))
        top = y + step * (len(actors) - 1) / 2
        for j, s in enumerate(actors):
            yj = top - j * step
            ax.plot([x], [yj], "o", color=_COLOURS[s.attitude], markersize=6)
            ax.annotate(
                _short(s.name),
                (x, yj),
                xytext=(0, -8),
                textcoords="offset points",
                ha="center",
                va="center",
                fontsize=7,
            )
    handles = [
        Line2D([], [], marker="o", linestyle="", color=colour, label=label)
        for label, colour in (
            *((a.label, _COLOURS[a]) for a in Attitude),
            ("Holdning ikke angitt (attitude not recorded)", _COLOURS[None]),
        )
    ]
    if unplaced:
        handles.append(
            Line2D(
                [],
                [],
                linestyle="",
                label=f"Ikke plassert (not placed: influence or interest missing): {unplaced}",
            )
        )
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=2,
        fontsize=8,
        frameon=False,
    )
    return fig
