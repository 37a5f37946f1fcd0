"""Figures of the membership chapter; each prints a source line built from what it draws.

Series are told apart without colour: roles and statuses by hatching, stated quantities by marker shape;
legends sit outside the axes, and no note is drawn over the data.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from .. import plotting
from .growth import QUANTITIES
from .panel import GROUP_STATUS, PANEL_STATUSES, ROLES

__all__ = ["HATCHES", "MARKERS", "STATUS_LABELS", "growth_figure", "region_figure"]

#: One hatching per role or status, so that the bars read in greyscale too.
HATCHES = {"co_chair": "xx", "member": "", "participant": "//", "observer": "..", GROUP_STATUS: "\\\\"}
#: The growth figure's legend label of each panel status.
STATUS_LABELS = {
    "co_chair": "co-chair",
    "member": "member",
    "participant": "participant",
    "observer": "observer",
    GROUP_STATUS: "at an Ad Hoc Group\nmeeting only (no\nstatus in the process)",
}
#: One marker per stated quantity (filled or hollow), so that no two quantities look alike.
MARKERS = dict(
    zip(
        QUANTITIES,
        (("D", True), ("^", True), ("D", False), ("v", False), ("o", True), ("s", True)),
        strict=True,
    )
)


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", fontsize=10, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])


def region_figure(table: pd.DataFrame, drawn_from: str | None = None) -> Figure:
    """Horizontal stacked bars: listed states per UN region (and organisations), coloured by role.

    The source line names the paragraphs the table was built from: ``drawn_from`` when the chapter describes
    them (e.g. a document name and :func:`~.views.paragraph_span`), else the paragraph ids the table records."""
    roles = [c for c in table.columns if c != "total"]
    colours = plotting.colour_map(list(ROLES))
    fig, ax = plotting.new_figure(7.5, 0.32 * len(table) + 1.4)
    if table.empty:
        _empty(ax, "No list of participants or observers was read in this corpus.")
        plotting.add_source(fig, "participation.csv (no rows).")
        return fig
    left = pd.Series(0, index=table.index)
    y = range(len(table))[::-1]
    for role in roles:
        ax.barh(
            list(y),
            table[role],
            left=left,
            color=colours[role],
            hatch=HATCHES.get(role, ""),
            edgecolor="white",
            linewidth=0.5,
            label=role.replace("_", "-"),
        )
        left = left + table[role]
    ax.set_yticks(list(y), table.index)
    ax.set_xlabel("Names listed in the statement")
    ax.grid(axis="y", visible=False)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    where = drawn_from or ", ".join(table.attrs.get("paragraph_ids", []))
    plotting.add_source(fig, f"participation.csv ({where}); regions from country_converter.")
    return fig


def growth_figure(panel_counts: pd.DataFrame, stated: pd.DataFrame) -> Figure:
    """Two panels on one time axis. Top: states per year with a dated source in the state-year panel, stacked
    by status (hatched; a state-year shown only at a meeting of the Ad Hoc Group has a bar of its own).
    Bottom: the counts stated by the corpus and by outside sources, one marker per quantity (:data:`MARKERS`);
    attendance and membership are never joined into one series."""
    fig, (top, bottom) = plotting.new_figure(7.5, 6.6, nrows=2, sharex=True, height_ratios=(1, 1))
    colours = plotting.colour_map([*ROLES, GROUP_STATUS])  # the roles keep the colours of the region figure
    if panel_counts.empty:
        _empty(top, "No state has a dated status in this corpus.")
    else:
        wide = panel_counts.pivot(index="year", columns="status", values="states").fillna(0)
        bottom_of = pd.Series(0.0, index=wide.index)
        for status in [s for s in PANEL_STATUSES if s in wide.columns]:
            top.bar(
                wide.index,
                wide[status],
                bottom=bottom_of,
                width=0.8,
                color=colours[status],
                hatch=HATCHES[status],
                edgecolor="white",
                linewidth=0.5,
                label=STATUS_LABELS[status],
            )
            bottom_of = bottom_of + wide[status]
        top.legend(title="Status in the panel", frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    top.set_ylabel("States with a dated\nsource of their status")
    if stated.empty:
        _empty(bottom, "No dated count of attendance or membership.")
    else:
        quantity_colours = dict(
            zip(QUANTITIES, ("#0072B2", "#009E73", "#0072B2", "#009E73", "#D55E00", "#000000"), strict=True)
        )
        for quantity in [q for q in QUANTITIES if q in set(stated["quantity"])]:
            pts = stated[stated["quantity"] == quantity]
            marker, filled = MARKERS[quantity]
            colour = quantity_colours[quantity]
            bottom.scatter(
                pts["year"],
                pts["value"],
                marker=marker,
                s=42,
                zorder=3,
                facecolors=colour if filled else "none",
                edgecolors=colour,
                linewidths=1.4,
                label=textwrap.fill(quantity, 26),
            )
        bottom.legend(title="What the count measures", frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        bottom.set_ylim(bottom=0)
    bottom.set_ylabel("Count stated by\na source")
    bottom.set_xlabel("Year")
    plotting.add_source(
        fig,
        "membership_panel.csv (top); membership_counts.csv and data/membership_totals.csv (bottom). "
        "A meeting's count is drawn at the meeting's year, a membership total at the year its source speaks of.",
    )
    return fig
