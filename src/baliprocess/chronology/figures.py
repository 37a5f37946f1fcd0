"""Figures of the chronology chapter; each prints a source line."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .. import plotting
from .events import EVENT_TYPES

__all__ = ["mention_years_figure", "timeline_figure"]


def timeline_figure(timeline: pd.DataFrame, documents: pd.DataFrame) -> Figure:
    """Events by type over time (one row per type, bars for multi-day spans), with the corpus
    documents marked on a row of their own."""
    types = [t for t in EVENT_TYPES if t in set(timeline["event_type"])]
    rows = [*types, "corpus document"]
    colours = {**plotting.colour_map(types), "corpus document": "#555555"}
    fig, ax = plotting.new_figure(7.5, 0.4 * len(rows) + 1.6)
    for y, event_type in enumerate(rows[:-1]):
        group = timeline[timeline["event_type"] == event_type]
        mid = group["start"] + (group["end"] - group["start"]) / 2
        long = (group["end"] - group["start"]).dt.days > 40
        ax.scatter(mid[~long], [y] * int((~long).sum()), marker="o", s=36, color=colours[event_type], zorder=3)
        for _, row in group[long].iterrows():
            ax.plot(
                [row["start"], row["end"]],
                [y, y],
                lw=6,
                solid_capstyle="butt",
                color=colours[event_type],
                alpha=0.8,
                zorder=2,
            )
        disagree = group[group["dates_disagree"]]
        ax.scatter(
            disagree["start"] + (disagree["end"] - disagree["start"]) / 2,
            [y] * len(disagree),
            marker="o",
            s=110,
            facecolors="none",
            edgecolors="#000000",
            lw=1,
            zorder=4,
        )
    ax.scatter(
        documents["date"],
        [len(rows) - 1] * len(documents),
        marker="v",
        s=48,
        color=colours["corpus document"],
        zorder=3,
    )
    ax.set_yticks(range(len(rows)), [r.replace("_", " ") for r in rows])
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlabel("Date")
    ax.grid(axis="y", alpha=0)
    ax.scatter(
        [], [], marker="o", s=110, facecolors="none", edgecolors="#000000", label="sources disagree on the dates"
    )
    ax.legend(frameon=False, loc="lower right", fontsize=9)
    plotting.add_source(fig, "data/events.csv (sources in its source column) and the corpus documents' dates.")
    return fig


def mention_years_figure(years: pd.DataFrame) -> Figure:
    """Stacked bars: date mentions per calendar year, coloured by the type of document that makes them."""
    fig, ax = plotting.new_figure(7.5, 3.4)
    wide = years.pivot_table(index="year", columns="doc_type", values="mentions", aggfunc="sum", fill_value=0)
    if len(wide):
        wide = wide.reindex(range(int(wide.index.min()), int(wide.index.max()) + 1), fill_value=0)
    colours = plotting.colour_map(sorted(wide.columns))
    bottom = np.zeros(len(wide))
    for doc_type in sorted(wide.columns):
        ax.bar(
            wide.index,
            wide[doc_type],
            bottom=bottom,
            width=0.8,
            color=colours[doc_type],
            label=doc_type.replace("_", " "),
        )
        bottom += wide[doc_type].to_numpy()
    ax.set_xlabel("Calendar year the mention refers to")
    ax.set_ylabel("Date mentions")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, loc="upper right", title="document type", fontsize=9)
    plotting.add_source(fig, "date_mentions.csv, extracted from the corpus by baliprocess.chronology.")
    return fig
