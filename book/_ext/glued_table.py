"""``glued-table``: a glued output (a pandas table) numbered and cross-referenced as a *table*.

myst-nb's ``glue:figure`` wraps any glued output in a figure, so tables were numbered "Fig. N". This
directive is the same, but its node is enumerated as a Sphinx ``table``, so captions and ``{numref}``
read "Table N". Its HTML figure is keyboard-focusable (see :func:`visit_glued_table`).

``:dropdown:`` (a flag) is for long reference tables: the caption, numbered and a link target as before,
is shown first, and the table itself is folded in a ``<details>`` element whose summary says how many rows
it holds, so that the chapter reads on past it. The PDF edition (tools/book_pdf.py) and a browser's print
unfold it.

Works around: myst-nb having no glue directive for tables. Upstream: jupyter-book/jupyter-book#1585
(open: glued tables are numbered and styled as figures). Can go when: myst-nb numbers glued tables as
tables; the chapters' ``glued-table`` directives would then change to it (the dropdown stays).
"""

from __future__ import annotations

import re
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from myst_nb.ext.glue.directives import PasteFigureDirective
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

_BODY = re.compile(r"<tbody\b.*?</tbody>", re.DOTALL)
_ROW = re.compile(r"<tr\b")


class glued_table(nodes.figure):
    """A figure-like container enumerated as a table."""


class table_dropdown(nodes.General, nodes.Element):
    """The folded body of a ``:dropdown:`` glued table (everything but its caption and legend)."""


class GluedTableDirective(PasteFigureDirective):
    """Paste a glued output, captioned and numbered as a table; ``:dropdown:`` folds the table away."""

    option_spec: ClassVar[dict] = {**PasteFigureDirective.option_spec, "dropdown": directives.flag}

    def run(self) -> list[nodes.Node]:
        dropdown = "dropdown" in self.options
        self.options.pop("dropdown", None)
        result = super().run()
        for node in result:
            if isinstance(node, nodes.figure):
                # Re-class in place: the document's label registry already points at this node.
                node.__class__ = glued_table
                node["classes"] += ["glued-table"]
                if dropdown:
                    fold(node)
        return result


def fold(figure: nodes.Element) -> None:
    """Caption first, then the pasted output inside a :class:`table_dropdown`, then any legend."""
    captions = [c for c in figure.children if isinstance(c, (nodes.caption, nodes.legend))]
    body = table_dropdown("", *[c for c in figure.children if c not in captions])
    figure.children = []
    figure.extend([*[c for c in captions if isinstance(c, nodes.caption)], body])
    figure.extend([c for c in captions if isinstance(c, nodes.legend)])
    figure["classes"] += ["table-dropdown-figure"]


def body_rows(node: nodes.Element) -> int:
    """The rows in the ``<tbody>`` of the raw HTML tables under ``node``."""
    return sum(len(_ROW.findall(body)) for raw in node.findall(nodes.raw) for body in _BODY.findall(raw.astext()))


def _caption(node: nodes.Element) -> str:
    captions = [c for c in node.children if isinstance(c, nodes.caption)]
    return captions[0].astext() if captions else ""


def visit_glued_table(self: HTML5Translator, node: glued_table) -> None:
    """A figure that the keyboard can reach: a table wider than a phone's screen scrolls sideways inside
    it (book/_static/custom.css), and a scrolling region must be focusable to be scrolled without a mouse
    (WCAG 2.1.1; axe-core ``scrollable-region-focusable``). Its name is its caption (the figure's)."""
    HTML5Translator.visit_figure(self, node)
    self.body[-1] = self.body[-1].replace("<figure ", '<figure tabindex="0" ', 1)


def visit_table_dropdown(self: HTML5Translator, node: table_dropdown) -> None:
    rows = body_rows(node)
    count = f" ({rows} row{'' if rows == 1 else 's'})" if rows else ""
    self.body.append(f'<details class="table-dropdown"><summary>Show the table{count}</summary>')


def depart_table_dropdown(self: HTML5Translator, node: table_dropdown) -> None:
    self.body.append("</details>")


def _skip(self, node: nodes.Element) -> None:
    """Other builders: the table unfolded."""


def setup(app: Sphinx) -> dict[str, bool]:
    app.add_enumerable_node(glued_table, "table", _caption, html=(visit_glued_table, HTML5Translator.depart_figure))
    app.add_node(
        table_dropdown,
        html=(visit_table_dropdown, depart_table_dropdown),
        latex=(_skip, _skip),
        text=(_skip, _skip),
        man=(_skip, _skip),
        texinfo=(_skip, _skip),
    )
    app.add_directive("glued-table", GluedTableDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
