"""Checks on drawn figures, shared by the chapter tests."""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


def legends_clear_of_axes(fig: Figure) -> bool:
    """``fig`` has a legend, and no legend overlaps its (first) axes or its source line once drawn: a legend
    never covers data or the line that says where the data come from."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    box = fig.axes[0].get_window_extent(renderer)
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend() is not None)]
    # The source line sits under the figure and wraps only when the figure is saved, so its drawn box here can be
    # shorter than on the page: a legend clear of it is one above the axes.
    sourced = any(t.get_text().startswith("Source:") for t in fig.texts)
    return bool(legends) and all(
        not (extent := legend.get_window_extent(renderer)).overlaps(box) and (not sourced or extent.y0 >= box.y1)
        for legend in legends
    )
