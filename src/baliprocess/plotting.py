"""One figure style for the whole book: a colour-blind-safe palette, readable sizes, a source line.

Use :func:`new_figure` for every figure and :func:`add_source` to print where its data come from
under it. Alt text and captions live in the book's figure directives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.rcsetup import cycler  # what mpl.cycler is (the stubs do not re-export it)

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

__all__ = [
    "MAX_WIDTH",
    "PALETTE",
    "SEQUENTIAL_CMAP",
    "SVG_METADATA",
    "add_source",
    "colour_map",
    "new_figure",
    "use_style",
]

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
#: A perceptually uniform, colour-blind-safe map for heatmaps, reversed so that more is darker (more ink: it
#: reads the same in print and in greyscale).
SEQUENTIAL_CMAP = "cividis_r"

_STYLE: dict[RcKeyType, Any] = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.figsize": (6.3, 4.0),
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
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "image.cmap": SEQUENTIAL_CMAP,
    "svg.hashsalt": "baliprocess",
    "path.simplify": False,
}


#: Figures in notebooks are SVG: sharp at any screen density and zoom. ``Date: None`` leaves the creation
#: date out and ``svg.hashsalt`` (above) fixes the ids, so re-executing a chapter writes the same bytes.
SVG_METADATA = {"Date": None}


def use_style() -> None:
    """Apply the book's matplotlib style, and in IPython show figures as SVG (idempotent)."""
    mpl.rcParams.update(_STYLE)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the notebook stack
        return
    if get_ipython() is not None:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("svg", metadata=SVG_METADATA)


#: The widest figure, in inches: the book's text column is 672 CSS pixels wide on a 1280-pixel laptop
#: screen, and a figure no wider than the column is shown at its own size, so its 9-pt text stays 9 pt.
#: 6.3 in is 605 px, which leaves room for the labels that a tight bounding box adds around the axes.
MAX_WIDTH = 6.3


def new_figure(
    width: float = MAX_WIDTH, height: float = 4.0, nrows: int = 1, ncols: int = 1, **kwargs: Any
) -> tuple[Figure, Any]:
    """A figure in the book's style; returns ``(fig, ax)`` (``ax`` an array when several, hence typed Any, as
    in matplotlib's own ``subplots``). ``width`` is
    capped at :data:`MAX_WIDTH`, so that no figure is shrunk on screen."""
    use_style()
    width = min(width, MAX_WIDTH)
    fig, ax = plt.subplots(nrows, ncols, figsize=(width, height), layout="constrained", **kwargs)
    plt.close(fig)  # shown once, where it is glued, not again as a bare cell output
    return fig, ax


def add_source(fig: Figure, source: str) -> Figure:
    """Print ``Source: ...`` in small grey type (9 pt, the book's smallest) under the figure."""
    fig.text(
        0.0,
        -0.02,
        f"Source: {source}",
        ha="left",
        va="top",
        fontsize=9,
        color="#555555",
        transform=fig.transFigure,
        wrap=True,
    )
    return fig


def colour_map(keys: Sequence[str]) -> dict[str, str]:
    """A stable key → colour mapping from :data:`PALETTE`, in the order given."""
    return {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(keys)}


#: Hatching per document type (the corpus's ``doc_type`` values), so that bars can be told apart without colour.
DOC_TYPE_HATCHES = {"press_release": "", "statement": "//", "meeting_report": "xx", "web_page": "..", "other": "\\\\"}


def doc_type_order(doc_types: Iterable[str]) -> list[str]:
    """``doc_types`` in the order of :data:`DOC_TYPE_HATCHES` (the order of every legend of document types),
    any other type after them in alphabetical order."""
    known = list(DOC_TYPE_HATCHES)
    return sorted(doc_types, key=lambda t: (known.index(t), "") if t in known else (len(known), t))


def doc_type_style(doc_type: str) -> dict[str, str]:
    """The colour and hatching of ``doc_type``'s bars, the same in every figure of the book (grey and plain for
    a type that is not one of :data:`DOC_TYPE_HATCHES`)."""
    colours = colour_map(list(DOC_TYPE_HATCHES))
    return {"color": colours.get(doc_type, "#777777"), "hatch": DOC_TYPE_HATCHES.get(doc_type, "")}
