"""Figures of the membership chapter; each prints a source line built from what it draws."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from .. import plotting
from .panel import ROLES

__all__ = ["growth_figure", "region_figure"]


def region_figure(table: pd.DataFrame, drawn_from: str | None = None) -> Figure:
    """Horizontal stacked bars: listed states per UN region (and organisations), coloured by role.

    The source line names the paragraphs the table was built from: ``drawn_from`` when the chapter describes
    them (e.g. a document name and :func:`~.views.paragraph_span`), else the paragraph ids the table records."""
    roles = [c for c in table.columns if c != "total"]
    colours = plotting.colour_map(list(ROLES))
    fig, ax = plotting.new_figure(7.5, 0.32 * len(table) + 1.4)
    left = pd.Series(0, index=table.index)
    y = range(len(table))[::-1]
    for role in roles:
        ax.barh(list(y), table[role], left=left, color=colours[role], label=role.replace("_", "-"))
        left = left + table[role]
    ax.set_yticks(list(y), table.index)
    ax.set_xlabel("Names listed in the statement")
    ax.grid(axis="y", visible=False)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    where = drawn_from or ", ".join(table.attrs.get("paragraph_ids", []))
    plotting.add_source(fig, f"participation.csv ({where}); regions from country_converter.")
    return fig


def growth_figure(growth: pd.DataFrame) -> Figure:
    """Panel counts per year as stacked bars; stated totals as markers."""
    fig, ax = plotting.new_figure(7.5, 4.2)
    panel = growth[growth["series"].str.startswith("panel: ")]
    wide = panel.pivot(index="year", columns="series", values="value").fillna(0)
    order = [f"panel: {s.replace('_', '-')}" for s in ("co_chair", "member", "participant", "observer")]
    role_colours = plotting.colour_map(list(ROLES))
    colours = {f"panel: {r.replace('_', '-')}": c for r, c in role_colours.items()}
    bottom = pd.Series(0.0, index=wide.index)
    for s in [o for o in order if o in wide.columns]:
        ax.bar(
            wide.index,
            wide[s],
            bottom=bottom,
            width=0.8,
            color=colours[s],
            label=s.removeprefix("panel: ") + " (states, panel)",
        )
        bottom = bottom + wide[s]
    markers = {"stated (corpus)": ("D", "#000000"), "stated (outside)": ("o", "#D55E00")}
    for prefix, (marker, colour) in markers.items():
        pts = growth[growth["series"].str.startswith(prefix)]
        if not pts.empty:
            ax.scatter(
                pts["year"],
                pts["value"],
                marker=marker,
                color=colour,
                zorder=3,
                s=36,
                label=f"{prefix.removeprefix('stated ').strip('()')} source: stated total",
            )
    ax.set_xlabel("Year")
    ax.set_ylabel("States with a sourced status (bars)\nor stated total (markers)")
    ax.legend(frameon=False, fontsize=8.5, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.text(
        0.99,
        0.5,
        "Short bars mean few dated sources,\nnot few members: a year without\na source is unknown.",
        transform=ax.transAxes,
        ha="right",
        va="center",
        fontsize=8.5,
        color="#555555",
    )
    plotting.add_source(fig, "membership_panel.csv, membership_counts.csv and data/membership_totals.csv.")
    return fig
