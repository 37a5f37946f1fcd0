"""The "Show code cell source" toggle of ``hide-input`` cells without a hidden name that differs from its text.

myst-nb (1.4) writes ``<summary aria-label="Toggle hidden content">`` around the visible words "Show code
cell source"; a control whose accessible name does not contain its visible label fails WCAG 2.5.3 (axe-core:
``label-content-name-mismatch``, serious), and a speech user saying "show code cell source" cannot reach it.
This visitor writes the same markup without the ``aria-label``, so the summary is named by the words it
shows; the departure is myst-nb's own.
"""

from __future__ import annotations

from html import escape

from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxTranslator


def visit_hide_cell_input(self: SphinxTranslator, node: HideCodeCellNode) -> None:
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def setup(app: Sphinx) -> dict[str, bool]:
    app.setup_extension("myst_nb")
    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_cell_input, depart_HideCellInput))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
