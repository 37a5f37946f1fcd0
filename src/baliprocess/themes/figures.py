"""Figures of the themes chapter: heatmaps in the book's sequential colour map, each cell's value printed in
black or white by the luminance of its colour, and a dot plot of the change of each theme's share under the
hand and the automatic coding (told apart by marker shape, not by colour). Each prints a source line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import Colormap, ListedColormap
from matplotlib.figure import Figure
from matplotlib.image import AxesImage

from .. import plotting
from .measures import AUTO, HAND, compare_codings

if TYPE_CHECKING:
    from .chapter import CorpusCoding

__all__ = [
    "CODING_SOURCES",
    "chosen_shares_figure",
    "codings_comparison_figure",
    "comparison_figure",
    "cooccurrence_figure",
    "heatmap",
    "shares_figure",
    "text_colour",
]

#: The source line of a figure drawn from each coding.
CODING_SOURCES = {
    HAND: "data/gold/paragraph_themes.csv (hand coding)",
    AUTO: "paragraph_themes.csv (automatic coding, headings set aside)",
}

_BLANK, _DIAGONAL = "#f2f2f2", "#d9d9d9"  # heatmap cells with nothing; the co-occurrence diagonal
#: Above this relative luminance (WCAG's definition) a cell's label is black, else white.
_DARK_TEXT_ABOVE = 0.18


def text_colour(cmap: Colormap, fraction: float) -> str:
    """Black or white, whichever reads better on the colour ``cmap`` gives ``fraction`` (0 to 1)."""
    r, g, b, _ = cmap(float(np.clip(fraction, 0, 1)))
    channel = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    luminance = 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2]
    return "black" if luminance > _DARK_TEXT_ABOVE else "white"


def heatmap(ax: Axes, values: np.ndarray, fmt: str, vmax: float) -> AxesImage:
    """Draw ``values`` (NaN and 0 left blank) in the book's sequential map, each cell labelled with ``fmt``."""
    shown = np.where(values > 0, values, np.nan)
    cmap = mpl.colormaps[plotting.SEQUENTIAL_CMAP].with_extremes(bad=_BLANK)
    top = max(vmax, 1e-9)
    image = ax.imshow(shown, cmap=cmap, vmin=0, vmax=top, aspect="auto")
    if shown.size <= 400:
        for (i, j), v in np.ndenumerate(shown):
            if np.isfinite(v):
                colour = text_colour(cmap, v / top)
                ax.text(j, i, format(v, fmt), ha="center", va="center", fontsize=9, color=colour)
    ax.grid(False)
    return image


def shares_figure(shares: pd.DataFrame, labels: dict[str, str], source: str) -> Figure:
    """Heatmap: share of each unit's paragraphs (columns, by date) that carry each theme (rows)."""
    n_units, n_themes = shares.shape
    fig, ax = plotting.new_figure(max(7.5, 4.5 + 0.8 * n_units), 2.4 + 0.38 * n_themes)
    values = shares.to_numpy(dtype=float).T
    image = heatmap(ax, values, ".0%", float(np.nanmax(values, initial=0)))
    ax.set_yticks(range(n_themes), [labels.get(k, k) for k in shares.columns])
    ax.xaxis.tick_top()
    ax.set_xticks(
        range(n_units), list(shares.index), rotation=90, ha="left", va="center", rotation_mode="anchor", fontsize=9
    )
    ax.spines[["left", "bottom"]].set_visible(False)
    fig.colorbar(  # below the map: the width goes to its columns
        image, ax=ax, location="bottom", label="share of paragraphs", format=lambda v, _: f"{v:.0%}", shrink=0.6
    )
    plotting.add_source(fig, f"{source}; paragraphs.csv; blank: no paragraph.")
    return fig


def cooccurrence_figure(matrix: pd.DataFrame, labels: dict[str, str], source: str) -> Figure:
    """Heatmap of theme pairs (lower triangle, coloured) with the paragraphs per theme on a grey diagonal;
    the themes are numbered on the rows, and the columns carry the same numbers."""
    values = matrix.to_numpy(dtype=float)
    n = len(matrix)
    below = np.where(np.tril(np.ones((n, n), dtype=bool), k=-1), values, np.nan)
    fig, ax = plotting.new_figure(8.0, 7.6)
    image = heatmap(ax, below, ".0f", float(np.nanmax(below, initial=0)))
    ax.imshow(np.where(np.eye(n, dtype=bool), 1.0, np.nan), cmap=ListedColormap([_DIAGONAL]), aspect="auto")
    for i, v in enumerate(np.diag(values)):
        ax.text(i, i, f"{v:.0f}", ha="center", va="center", fontsize=9, fontweight="bold")
    # Rows name the themes and number them; columns carry the numbers only, upright: names repeated as
    # column labels had to be slanted or turned and could not be read on a phone.
    ax.set_xticks(range(n), [str(i + 1) for i in range(n)], fontsize=9)
    ax.set_yticks(range(n), [f"{labels.get(k, k)}  {i + 1}" for i, k in enumerate(matrix.index)])
    ax.spines[["left", "bottom"]].set_visible(False)
    fig.colorbar(image, ax=ax, location="bottom", label="paragraphs with both themes", shrink=0.6)
    plotting.add_source(fig, f"{source}; grey diagonal: paragraphs with the theme; blank: none.")
    return fig


def comparison_figure(comparison: pd.DataFrame, labels: dict[str, str], source: str) -> Figure:
    """Dot plot: per theme (rows, largest rise under the hand coding first), the change of its share between
    the first and the last year under the hand coding (filled circles) and the automatic coding (open
    squares), joined by a line; themes whose direction or rank differs are marked "(uncertain)" in their label."""
    order = comparison.sort_values(["rank (hand)", "rank (automatic)"], kind="stable")
    n = len(order)
    fig, ax = plotting.new_figure(7.5, 1.6 + 0.36 * n)
    y = np.arange(n)
    hand = order["change (hand)"].to_numpy(dtype=float) * 100
    auto = order["change (automatic)"].to_numpy(dtype=float) * 100
    ax.hlines(y, np.minimum(hand, auto), np.maximum(hand, auto), color="#999999", linewidth=1.5, zorder=1)
    ax.scatter(hand, y, marker="o", s=48, color=plotting.PALETTE[0], label="hand coding", zorder=3)
    ax.scatter(
        auto,
        y,
        marker="s",
        s=48,
        facecolors="white",
        edgecolors=plotting.PALETTE[5],
        linewidths=1.6,
        label="automatic coding",
        zorder=2,
    )
    ax.axvline(0, color="black", linewidth=0.8)
    names = [
        labels.get(k, k) + ("" if r == "robust" else " (uncertain)")
        for k, r in zip(order.index, order["reading"], strict=True)
    ]
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlabel("change of the share of paragraphs,\nfirst to last year (percentage points)")
    ax.grid(axis="y", visible=False)
    fig.legend(loc="outside upper center", ncols=2, frameon=False)
    plotting.add_source(fig, f"{source}; paragraphs.csv.")
    return fig


def chosen_shares_figure(c: CorpusCoding, labels: dict[str, str]) -> Figure:
    """:func:`shares_figure` of the coding the chapter reads (the hand coding where it covers the corpus), with
    that coding's source line."""
    return shares_figure(c.shares, labels, CODING_SOURCES[c.chosen.name])


def codings_comparison_figure(c: CorpusCoding, labels: dict[str, str]) -> Figure:
    """:func:`comparison_figure` of the hand and the automatic coding. A corpus without a hand coding has no
    comparison, and the chapter leaves its section out; the figure is then the automatic coding against itself,
    so that the chapter runs the same cells on any corpus."""
    if c.comparison is None:
        return comparison_figure(compare_codings(c.emphasis, c.emphasis), labels, "automatic coding only")
    return comparison_figure(c.comparison, labels, f"{CODING_SOURCES[HAND]}, {CODING_SOURCES[AUTO]}")
