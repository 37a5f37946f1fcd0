"""``glued-table``: a glued output (a pandas table) numbered and cross-referenced as a *table*.

myst-nb's ``glue:figure`` wraps any glued output in a figure, so tables were numbered "Fig. N". This
directive is the same, but its node is enumerated as a Sphinx ``table``, so captions and ``{numref}``
read "Table N". Its HTML figure is keyboard-focusable (see :func:`visit_glued_table`).

Works around: myst-nb having no glue directive for tables. Upstream: jupyter-book/jupyter-book#1585
(open: glued tables are numbered and styled as figures). Can go when: myst-nb numbers glued tables as
tables; the chapters' ``glued-table`` directives would then change to it.
"""

from __future__ import annotations

from docutils import nodes
from myst_nb.ext.glue.directives import PasteFigureDirective
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


class glued_table(nodes.figure):
    """A figure-like container enumerated as a table."""


class GluedTableDirective(PasteFigureDirective):
    """Paste a glued output, captioned and numbered as a table."""

    def run(self) -> list[nodes.Node]:
        result = super().run()
        for node in result:
            if isinstance(node, nodes.figure):
                # Re-class in place: the document's label registry already points at this node.
                node.__class__ = glued_table
                node["classes"] += ["glued-table"]
        return result


def _caption(node: nodes.Element) -> str:
    captions = [c for c in node.children if isinstance(c, nodes.caption)]
    return captions[0].astext() if captions else ""


def visit_glued_table(self: HTML5Translator, node: glued_table) -> None:
    """A figure that the keyboard can reach: a table wider than a phone's screen scrolls sideways inside
    it (book/_static/custom.css), and a scrolling region must be focusable to be scrolled without a mouse
    (WCAG 2.1.1; axe-core ``scrollable-region-focusable``). Its name is its caption (the figure's)."""
    HTML5Translator.visit_figure(self, node)
    self.body[-1] = self.body[-1].replace("<figure ", '<figure tabindex="0" ', 1)


def setup(app: Sphinx) -> dict[str, bool]:
    app.add_enumerable_node(glued_table, "table", _caption, html=(visit_glued_table, HTML5Translator.depart_figure))
    app.add_directive("glued-table", GluedTableDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
