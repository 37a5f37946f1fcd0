"""Checks on drawn figures, shared by the chapter tests."""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


def legends_clear_of_axes(fig: Figure) -> bool:
    """``fig`` has a legend, and no legend overlaps its (first) axes once drawn: a legend never covers data."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    box = fig.axes[0].get_window_extent(renderer)
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend() is not None)]
    return bool(legends) and all(not legend.get_window_extent(renderer).overlaps(box) for legend in legends)
