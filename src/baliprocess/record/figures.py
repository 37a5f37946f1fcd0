"""Figures of the record: theme shares per outcome document, with how much of each document was read."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .. import plotting
from ..themes.figures import heatmap
from .load import DOC_KINDS

__all__ = ["ROW_PITCH", "record_heatmap"]

#: Inches from one document's row to the next.
ROW_PITCH = 0.18


def column_label(row: pd.Series) -> str:
    """A document's row label: date, kind, id, and paragraphs read of its paragraphs (``28/28``)."""
    kind = DOC_KINDS[row["doc_type"]].short  # load_record refuses any other doc_type
    total = "?" if pd.isna(row["paragraphs"]) else row["paragraphs"]
    return f"{row['date']:%Y-%m} {kind}, {row['outcome_id']} ({row['paragraphs_read']}/{total})"


def record_heatmap(shares: pd.DataFrame, outcomes: pd.DataFrame, labels: dict[str, str], source: str) -> Figure:
    """Heatmap: share of each outcome document's substantive paragraphs (rows, by date) per theme (columns).

    Row labels give each document's coverage (paragraphs read of its paragraphs; "?" where the total is not
    known because the copy could not be read to its end).
    """
    order = outcomes[outcomes["outcome_id"].isin(shares.index)]
    shares = shares.loc[order["outcome_id"]]
    n_docs, n_themes = shares.shape
    # Rows 0.18 in apart (13 pt for 9-pt labels): at 0.3 in the map of thirty documents stood 11.6 in high, and
    # the printed book, which gives a figure at most 150 mm of height, shrank its labels to under 5 pt.
    fig, ax = plotting.new_figure(max(7.5, 4.0 + 0.42 * n_themes), 2.6 + ROW_PITCH * n_docs)
    values = shares.to_numpy(dtype=float)
    image = heatmap(ax, values, ".0%", float(np.nanmax(values, initial=0)))
    ax.set_yticks(range(n_docs), [column_label(r) for _, r in order.iterrows()], fontsize=9)
    ax.xaxis.tick_top()
    ax.set_xticks(
        range(n_themes),
        [labels.get(k, k) for k in shares.columns],
        rotation=90,  # upright columns of text: slanted labels this long squeezed the cells to a sliver
        ha="left",
        va="center",
        rotation_mode="anchor",
        fontsize=9,
    )
    ax.spines[["left", "bottom"]].set_visible(False)
    # Below the map, not beside it: the width goes to the theme columns, whose labels need 9 pt each.
    fig.colorbar(
        image,
        ax=ax,
        location="bottom",
        label="share of substantive paragraphs",
        format=lambda v, _: f"{v:.0%}",
        shrink=0.6,
        aspect=30,
    )
    plotting.add_source(fig, f"{source}; blank: no paragraph with the theme.")
    return fig
