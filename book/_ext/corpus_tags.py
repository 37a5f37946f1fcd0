"""Set the Sphinx tag ``shipped_corpus`` when the book is built on the corpus its commentary describes.

Chapters wrap sentences about particular documents in ``{only} shipped_corpus`` and give the generic
version in ``{only} not shipped_corpus``, so that a book built on a reader's own corpus
(``BALIPROCESS_CORPUS``) never states facts about documents it does not hold. The decision is made by a
fingerprint of the corpus files (:mod:`baliprocess.fingerprint`), not by counting documents.

Works around nothing: a part of this book (commentary true only of the shipped corpus). It stays.

``only`` blocks are resolved as each page is read (:func:`_resolve_only`), not at writing as Sphinx does:
Sphinx numbers figures and tables before it drops the blocks, so on a reader's corpus the numbers skipped
those of the shipped corpus's commentary (Fig. 4.2, then Fig. 4.4). Sphinx's own transform is then left
with nothing to do.
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging

from baliprocess.corpus import corpus_dir, discover
from baliprocess.fingerprint import SHIPPED_FINGERPRINT_FILE, corpus_fingerprint, shipped_fingerprint

TAG = "shipped_corpus"
logger = logging.getLogger(__name__)


def _set_tag(app: Sphinx) -> None:
    root = corpus_dir()
    files, _ = discover(Path(root))
    shipped = bool(files) and corpus_fingerprint(root, [f.name for f in files]) == shipped_fingerprint(
        SHIPPED_FINGERPRINT_FILE
    )
    if shipped:
        app.tags.add(TAG)
    elif app.tags.has(TAG):
        app.tags.remove(TAG)
    logger.info(f"[corpus_tags] corpus {os.fspath(root)}: {'shipped' if shipped else 'not the shipped'} corpus")


def _meta(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """Every page says which corpus it was built on (``<meta name="baliprocess-corpus">``), so that checks
    on a built book need not guess it from the environment."""
    kind = "shipped" if app.tags.has(TAG) else "other"
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="baliprocess-corpus" content="{kind}" />'


def _resolve_only(app: Sphinx, doctree: nodes.document) -> None:
    """Keep the content of each ``only`` block whose condition holds and drop the others, as the page is
    read, so that figures and tables are numbered over what the page will show."""
    for node in list(doctree.findall(addnodes.only)):
        if app.tags.eval_condition(node["expr"]):
            node.replace_self(node.children)
        else:
            node.parent.remove(node)


def setup(app: Sphinx) -> dict[str, bool]:
    app.connect("builder-inited", _set_tag)
    app.connect("doctree-read", _resolve_only)
    app.connect("html-page-context", _meta)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
