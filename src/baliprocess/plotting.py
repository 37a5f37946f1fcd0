"""One figure style for the whole book: a colour-blind-safe palette, readable sizes, a source line.

Use :func:`new_figure` for every figure and :func:`add_source` to print where its data come from
under it. Alt text and captions live in the book's figure directives.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = ["PALETTE", "SEQUENTIAL_CMAP", "add_source", "colour_map", "new_figure", "use_style"]

#: Okabe & Ito's palette, distinguishable under the common forms of colour-vision deficiency.
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
#: A perceptually uniform, colour-blind-safe map for heatmaps.
SEQUENTIAL_CMAP = "cividis"

_STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.figsize": (7.5, 4.0),
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.prop_cycle": mpl.cycler(color=list(PALETTE)),
    "image.cmap": SEQUENTIAL_CMAP,
    "svg.hashsalt": "baliprocess",
    "path.simplify": False,
}


def use_style() -> None:
    """Apply the book's matplotlib style (idempotent)."""
    mpl.rcParams.update(_STYLE)


def new_figure(
    width: float = 7.5, height: float = 4.0, nrows: int = 1, ncols: int = 1, **kwargs: object
) -> tuple[Figure, Axes]:
    """A figure in the book's style; returns ``(fig, ax)`` (``ax`` an array when several)."""
    use_style()
    fig, ax = plt.subplots(nrows, ncols, figsize=(width, height), layout="constrained", **kwargs)
    plt.close(fig)  # shown once, where it is glued, not again as a bare cell output
    return fig, ax


def add_source(fig: Figure, source: str) -> Figure:
    """Print ``Source: ...`` in small grey type under the figure."""
    fig.text(
        0.0,
        -0.02,
        f"Source: {source}",
        ha="left",
        va="top",
        fontsize=8.5,
        color="#555555",
        transform=fig.transFigure,
        wrap=True,
    )
    return fig


def colour_map(keys: Sequence[str]) -> dict[str, str]:
    """A stable key → colour mapping from :data:`PALETTE`, in the order given."""
    return {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(keys)}
