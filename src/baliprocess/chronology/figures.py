"""Figures of the chronology chapter; each prints a source line.

Legends sit outside the axes (above them), so that they never cover data whatever the corpus; series are
told apart without colour: event types by their row, document types in the stacked bars by hatching.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .. import plotting
from .events import EVENT_TYPES

__all__ = ["mention_years_figure", "timeline_figure"]
_SPAN_DAYS = 40


def _legend_above(fig: Figure, handles: list, ncols: int) -> None:
    if handles:
        fig.legend(handles=handles, frameon=False, loc="outside upper center", ncols=ncols, fontsize=9)


def timeline_figure(timeline: pd.DataFrame, documents: pd.DataFrame) -> Figure:
    """Events by type over time (one row per type, bars for spans longer than a month), with the corpus
    documents marked on a row of their own (a bar when a document's date is known only to the month or
    year)."""
    types = [t for t in EVENT_TYPES if t in set(timeline["event_type"])]
    rows = [*types, "corpus document"]
    colours = {**plotting.colour_map(types), "corpus document": "#555555"}
    fig, ax = plotting.new_figure(7.5, 0.4 * len(rows) + 2.2)
    for y, event_type in enumerate(rows[:-1]):
        group = timeline[timeline["event_type"] == event_type]
        mid = group["start"] + (group["end"] - group["start"]) / 2
        long = (group["end"] - group["start"]).dt.days > _SPAN_DAYS
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
    doc_row = len(rows) - 1
    ends = documents["date_end"] if "date_end" in documents.columns else documents["date"]
    spans = (ends - documents["date"]).dt.days > _SPAN_DAYS
    ax.scatter(
        documents["date"] + (ends - documents["date"]) / 2,
        [doc_row] * len(documents),
        marker="v",
        s=48,
        color=colours["corpus document"],
        zorder=3,
    )
    for start, end in zip(documents.loc[spans, "date"], ends[spans], strict=True):
        ax.plot([start, end], [doc_row, doc_row], lw=3, color=colours["corpus document"], alpha=0.5, zorder=2)
    ax.set_yticks(range(len(rows)), [r.replace("_", " ") for r in rows])
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlabel("Date")
    ax.grid(axis="y", alpha=0)
    handles = [
        Line2D([], [], marker="o", ls="", color="#555555", markersize=6, label="event (a day or a few)"),
        Line2D([], [], lw=6, color="#555555", alpha=0.8, label="event known to a month or year, or longer"),
        Line2D([], [], marker="v", ls="", color="#555555", markersize=7, label="corpus document"),
        Line2D(
            [],
            [],
            marker="o",
            ls="",
            markerfacecolor="none",
            markeredgecolor="#000000",
            markersize=10,
            label="sources disagree on the dates",
        ),
    ]
    _legend_above(fig, handles, ncols=2)
    plotting.add_source(fig, "data/events.csv (sources in its source column) and the corpus documents' dates.")
    return fig


def mention_years_figure(years: pd.DataFrame) -> Figure:
    """Stacked bars: date mentions per calendar year, coloured and hatched by the type of document that
    makes them; a note in the axes when there is nothing to draw."""
    fig, ax = plotting.new_figure(7.5, 3.9)
    wide = years.pivot_table(index="year", columns="doc_type", values="mentions", aggfunc="sum", fill_value=0)
    if len(wide):
        wide = wide.reindex(range(int(wide.index.min()), int(wide.index.max()) + 1), fill_value=0)
    types = plotting.doc_type_order(wide.columns)
    styles = {t: plotting.doc_type_style(t) for t in types}  # as in every other figure of the book
    bottom = np.zeros(len(wide))
    for doc_type in types:
        ax.bar(
            wide.index,
            wide[doc_type],
            bottom=bottom,
            width=0.8,
            **styles[doc_type],
            edgecolor="#222222",
            linewidth=0.5,
        )
        bottom += wide[doc_type].to_numpy()
    if not types:
        ax.text(0.5, 0.5, "no date mentions in this corpus", ha="center", va="center", transform=ax.transAxes)
    ax.set_xlabel("Calendar year the mention refers to")
    ax.set_ylabel("Date mentions")
    locator = ax.yaxis.get_major_locator()
    if isinstance(locator, MaxNLocator):  # the default AutoLocator is one; only MaxNLocator takes integer=
        locator.set_params(integer=True)
    handles = [
        Patch(
            facecolor=styles[t]["color"],
            hatch=styles[t]["hatch"],
            edgecolor="#222222",
            linewidth=0.5,
            label=t.replace("_", " "),
        )
        for t in types
    ]
    _legend_above(fig, handles, ncols=min(len(handles), 5))
    plotting.add_source(fig, "date_mentions.csv, extracted from the corpus by baliprocess.chronology.")
    return fig
