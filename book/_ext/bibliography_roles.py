"""Bibliography entries as list items: docutils (0.21) writes each citation as ``role="doc-biblioentry"``
inside ``<div role="list">``. DPUB-ARIA 1.1 deprecates that role in favour of ``listitem``, and a list
whose children are not list items is an invalid structure for assistive technology (axe-core:
``aria-required-children``, critical; ``aria-deprecated-role``; ``aria-allowed-role``). This visitor writes
the same markup with ``role="listitem"``; the departure is docutils' own.

Works around: docutils' HTML writer (``_html_base.py``, ``visit_citation``), which still follows DPUB-ARIA
1.0. Upstream: the role's deprecation is w3c/dpub-aria#22 (2020); no docutils report was found (docutils
tracks bugs on SourceForge, not searched). Can go when: docutils writes citations as list items. Checked
2026-12-04 by building without it: every entry of the references page is ``role="doc-biblioentry"`` again.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


def visit_citation(self: HTML5Translator, node: nodes.citation) -> None:
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def setup(app: Sphinx) -> dict[str, bool]:
    app.add_node(nodes.citation, override=True, html=(visit_citation, HTML5Translator.depart_citation))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
