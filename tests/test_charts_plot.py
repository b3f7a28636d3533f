"""Plots of run and control charts (matplotlib's Agg backend; nothing is shown)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest
from matplotlib.figure import Figure

from laeringsnettverk.charts import (
    ChartData,
    i_chart,
    mr_chart,
    p_chart,
    plot_chart,
    plot_small_multiples,
    run_chart,
)
from laeringsnettverk.charts._plot import POINT, SIGNAL
from laeringsnettverk.errors import ValidationError


def texts(fig: Figure) -> list[str]:
    ax = fig.axes[0]
    legend = ax.get_legend()
    found = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    found += [t.get_text() for t in ax.texts]
    found += [t.get_text() for t in legend.get_texts()] if legend else []
    return found


def test_run_chart_in_norwegian_by_default_and_english_on_request() -> None:
    chart = run_chart([3, 4, 3, 5, 4, 3, 6, 7, 8, 7, 8, 9, 8])
    nb = texts(plot_chart(chart))
    assert {"Seriediagram", "Måling", "Verdi", "Median"} <= set(nb)
    en = texts(plot_chart(chart, lang="en"))
    assert {"Run chart", "Subgroup", "Value", "Median"} <= set(en)


def test_control_chart_marks_points_outside_in_red_and_excluded_hollow() -> None:
    chart = i_chart([5, 6, 5, 7, 6, 5, 6, 20, 5, 6, 5, 6, 25], exclude=[12])
    fig = plot_chart(chart, lang="en")
    ax = fig.axes[0]
    assert {"I chart", "Mean", "Control limits", "Signal", "Excluded"} <= set(texts(fig))
    red = next(c for c in ax.collections if c.get_label() == "Signal")
    assert [tuple(p) for p in red.get_offsets()] == [(7.0, 20.0)]
    hollow = next(c for c in ax.collections if c.get_label() == "Excluded")
    assert [tuple(p) for p in hollow.get_offsets()] == [(12.0, 25.0)]
    assert matplotlib.colors.to_hex(hollow.get_facecolors()[0]) == "#ffffff"
    assert matplotlib.colors.to_hex(hollow.get_edgecolors()[0]) == SIGNAL


def test_run_signal_is_a_dashed_red_centre_line() -> None:
    calm = plot_chart(run_chart([1, 3, 2, 4, 1, 3, 2, 4]))
    line = next(ln for ln in calm.axes[0].lines if ln.get_label() == "Median")
    assert line.get_linestyle() == "-"
    assert matplotlib.colors.to_hex(line.get_color()) == POINT
    fired = plot_chart(run_chart(list(range(1, 8)) + list(range(11, 20))))
    line = next(ln for ln in fired.axes[0].lines if ln.get_label() == "Median")
    assert line.get_linestyle() == "--"
    assert matplotlib.colors.to_hex(line.get_color()) == SIGNAL


def test_parts_freeze_labels_annotations_and_percent() -> None:
    data = ChartData.proportions(
        [5, 6, 4, 5, 9, 8, 9, None],
        [20, 20, 20, 20, 20, 20, 20, 20],
        labels=[f"2024-{m:02}" for m in range(1, 9)],
        annotations=[(4, "Ny rutine"), (7, "Manglende måling")],
        title="Andel med plan",
    )
    fig = plot_chart(p_chart(data, parts=[4]))
    ax = fig.axes[0]
    assert ax.get_title() == "Andel med plan"
    assert {"Ny rutine", "Manglende måling", "Andel", "Gjennomsnittlig andel"} <= set(texts(fig))
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["2024-01", "2024-02"]
    assert ax.yaxis.get_major_formatter().__class__.__name__ == "PercentFormatter"
    frozen = plot_chart(i_chart([1, 2, 3, 4, 5, 6], freeze=3), title="Egen tittel")
    assert "Slutt på grunnlinje" in texts(frozen)
    assert frozen.axes[0].get_title() == "Egen tittel"
    long = ChartData(values=list(range(40)), labels=[str(i) for i in range(40)])
    assert len(plot_chart(run_chart(long)).axes[0].get_xticks()) <= 12


def test_drawing_on_a_given_axes_returns_its_figure() -> None:
    fig = Figure()
    ax = fig.add_subplot()
    assert plot_chart(mr_chart([1, 3, 2, 6, 4]), ax=ax) is fig
    assert ax.get_ylabel() == "Glidende variasjonsbredde"


def test_charts_without_centre_or_points() -> None:
    assert isinstance(plot_chart(i_chart([None, None])), Figure)
    assert isinstance(plot_chart(run_chart([])), Figure)


def test_small_multiples_one_facet_per_team() -> None:
    teams = {
        "Bydel Frogner": run_chart([3, 4, 3, 5, 4, 6]),
        "Malvik": i_chart([5, 6, 5, 7, 6, 5]),
        "Steinkjer": p_chart([1, 2, 3], [10, 10, 10]),
        "Levanger": run_chart([1, 2, 3]),
    }
    fig = plot_small_multiples(teams, ncols=3, title="Læringsnettverk")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == list(teams)
    assert len(fig.axes) == 6
    assert fig.get_suptitle() == "Læringsnettverk"
    one = plot_small_multiples({"A": run_chart([1, 2])}, lang="en")
    assert len(one.axes) == 1
    assert one.axes[0].get_xlabel() == "Subgroup"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: plot_chart(run_chart([1]), lang="se"), "lang: 'se' must be \"nb\""),
        (lambda: plot_small_multiples({}), "results: must hold at least one chart"),
        (lambda: plot_small_multiples({"A": run_chart([1])}, ncols=0), "ncols: 0 must be >= 1"),
        (lambda: plot_small_multiples({"A": run_chart([1])}, lang="de"), "lang: 'de'"),
    ],
)
def test_bad_plot_arguments_are_refused(call: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        call()  # type: ignore[operator]
