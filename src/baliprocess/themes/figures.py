"""Figures of the themes chapter (heatmaps in the book's sequential colour map); each prints a source line."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.image import AxesImage

from .. import plotting

__all__ = ["cooccurrence_figure", "shares_figure"]

_BLANK, _DIAGONAL = "#f2f2f2", "#d9d9d9"  # heatmap cells with nothing; the co-occurrence diagonal


def _heatmap(ax: Axes, values: np.ndarray, fmt: str, vmax: float) -> AxesImage:
    """Draw ``values`` (NaN and 0 left blank) in the book's sequential map, each cell labelled with ``fmt``."""
    shown = np.where(values > 0, values, np.nan)
    cmap = mpl.colormaps[plotting.SEQUENTIAL_CMAP].with_extremes(bad=_BLANK)
    image = ax.imshow(shown, cmap=cmap, vmin=0, vmax=max(vmax, 1e-9), aspect="auto")
    if shown.size <= 400:
        for (i, j), v in np.ndenumerate(shown):
            if np.isfinite(v):
                ax.text(
                    j,
                    i,
                    format(v, fmt),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="black" if v > 0.6 * vmax else "white",
                )
    ax.grid(False)
    return image


def shares_figure(shares: pd.DataFrame, labels: dict[str, str]) -> Figure:
    """Heatmap: share of each unit's paragraphs (columns, by date) that carry each theme (rows)."""
    n_units, n_themes = shares.shape
    fig, ax = plotting.new_figure(max(7.5, 4.5 + 0.8 * n_units), 2.4 + 0.38 * n_themes)
    values = shares.to_numpy(dtype=float).T
    image = _heatmap(ax, values, ".0%", float(np.nanmax(values, initial=0)))
    ax.set_yticks(range(n_themes), [labels.get(k, k) for k in shares.columns])
    ax.xaxis.tick_top()
    ax.set_xticks(range(n_units), list(shares.index), rotation=30, ha="left", rotation_mode="anchor", fontsize=9)
    ax.spines[["left", "bottom"]].set_visible(False)
    fig.colorbar(image, ax=ax, label="share of paragraphs", format=lambda v, _: f"{v:.0%}", shrink=0.8)
    plotting.add_source(fig, "paragraph_themes.csv (terms of data/themes.yml), paragraphs.csv; blank: no paragraph.")
    return fig


def cooccurrence_figure(matrix: pd.DataFrame, labels: dict[str, str]) -> Figure:
    """Heatmap of theme pairs (lower triangle, coloured) with the paragraphs per theme on a grey diagonal."""
    values = matrix.to_numpy(dtype=float)
    n = len(matrix)
    below = np.where(np.tril(np.ones((n, n), dtype=bool), k=-1), values, np.nan)
    fig, ax = plotting.new_figure(8.0, 7.0)
    image = _heatmap(ax, below, ".0f", float(np.nanmax(below, initial=0)))
    ax.imshow(np.where(np.eye(n, dtype=bool), 1.0, np.nan), cmap=ListedColormap([_DIAGONAL]), aspect="auto")
    for i, v in enumerate(np.diag(values)):
        ax.text(i, i, f"{v:.0f}", ha="center", va="center", fontsize=8, fontweight="bold")
    names = [labels.get(k, k) for k in matrix.index]
    ax.set_xticks(range(n), names, rotation=45, ha="right")
    ax.set_yticks(range(n), names)
    ax.spines[["left", "bottom"]].set_visible(False)
    fig.colorbar(image, ax=ax, label="paragraphs with both themes", shrink=0.7)
    plotting.add_source(fig, "paragraph_themes.csv; grey diagonal: paragraphs with the theme; blank: none.")
    return fig
