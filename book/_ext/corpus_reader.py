"""The corpus reader page and the ``{para}`` role that cites a paragraph of it.

- ``builder-inited`` loads the corpus in use (``baliprocess.corpus.load_corpus()``, which honours
  ``BALIPROCESS_CORPUS``) once per build; each problem of a bad corpus is one warning ``path: message``.
- The ``corpus-reader`` directive (used once, in the page ``baliprocess.present.READER_PAGE``) writes every
  document (title, date, publisher, type, source link, date note) and every paragraph as docutils nodes:
  text goes into ``nodes.Text``, so corpus text is always escaped, never parsed as MyST or HTML, and it is
  in the search index. Each paragraph carries its paragraph id as its HTML id and as a small visible label.
  A table of the documents (``baliprocess.present.show_table``) heads the page in HTML builds.
- ``{para}`\\`cochairs-2002-p05\\``` links to that paragraph with the id as its text. An id that is not in
  the shipped corpus (data/corpus) is a warning naming it, so the build (-W) fails; on another corpus
  (``BALIPROCESS_CORPUS``), whose paragraphs the prose cannot know, it is shown unlinked and logged.
- itables' DataTables bundle is copied to ``_static/itables/`` for ``_static/tables.js``, which makes the
  tables marked ``bp-interactive`` searchable, sortable and paged, offline.

Works around nothing: a part of this book (its appendix page and its citation role). It stays.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from baliprocess.corpus import DEFAULT_CORPUS, CorpusError, corpus_dir, load_corpus
from baliprocess.present import READER_PAGE, show_table

logger = logging.getLogger(__name__)
LABEL_PREFIX = "corpus-paragraph:"  # std-domain label keys; cannot clash with the book's own labels


def _label(pid: str) -> str:
    return LABEL_PREFIX + pid


def _load(app: Sphinx) -> None:
    """Load the corpus once per build; warn once per problem."""
    app.env.corpus_reader_root = corpus_dir()  # type: ignore[attr-defined]
    try:
        corpus = load_corpus()
    except CorpusError as exc:
        for problem in exc.problems:
            logger.warning("corpus reader: %s", problem, type="corpus_reader")
        corpus = None
    app.env.corpus_reader = corpus  # type: ignore[attr-defined]
    pids = set() if corpus is None else set(corpus.paragraphs["paragraph_id"])
    app.env.corpus_paragraph_ids = pids  # type: ignore[attr-defined]


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()


def _field(name: str, *body: nodes.Node) -> nodes.field:
    return nodes.field("", nodes.field_name("", name), nodes.field_body("", nodes.paragraph("", "", *body)))


class CorpusReaderDirective(SphinxDirective):
    """Every document and paragraph of the corpus in use."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        env = self.env
        if env.docname != READER_PAGE:
            logger.warning(
                "corpus-reader belongs in %s (baliprocess.present.READER_PAGE), not %s",
                READER_PAGE,
                env.docname,
                location=self.get_location(),
            )
        corpus = env.corpus_reader  # type: ignore[attr-defined]
        root = env.corpus_reader_root  # type: ignore[attr-defined]
        if root.is_dir():
            env.note_dependency(str(root))  # a file added or removed
            for path in sorted(root.iterdir()):
                if path.is_file():
                    env.note_dependency(str(path))
        if corpus is None:
            return [nodes.paragraph("", "", nodes.Text("The corpus could not be loaded (see the build log)."))]
        std = env.get_domain("std")
        docs = corpus.documents
        index = show_table(
            docs[["doc_id", "date", "title", "doc_type", "n_paragraphs"]].rename(
                columns={"doc_id": "document", "doc_type": "type", "n_paragraphs": "paragraphs"}
            ),
            label="Documents of the corpus",
            from_page=READER_PAGE,
        )
        result: list[nodes.Node] = [nodes.raw("", index.html, format="html")]
        seen: set[str] = set()
        by_doc = dict(tuple(corpus.paragraphs.groupby("doc_id", sort=False)))
        for doc in docs.itertuples(index=False):
            section_id = f"doc-{doc.doc_id}"
            paragraphs = by_doc.get(doc.doc_id)
            pids = [] if paragraphs is None else list(paragraphs["paragraph_id"])
            for anchor in (section_id, *pids):  # ids could only clash on a contrived corpus; never silently
                if anchor in seen:
                    logger.warning("corpus reader: id %r is used twice", anchor, location=self.get_location())
                seen.add(anchor)
            # support_smartquotes=False: Sphinx would turn the corpus's ' and " into curly quotes.
            section = nodes.section("", ids=[section_id], classes=["corpus-document"], support_smartquotes=False)
            section += nodes.title("", "", nodes.Text(_text(doc.title)))
            fields = nodes.field_list(classes=["corpus-meta"])
            fields += _field("Document", nodes.literal("", doc.doc_id))
            fields += _field("Date", nodes.Text(doc.date.date().isoformat()))
            for name, value in (("Publisher", doc.publisher), ("Type", doc.doc_type), ("Date note", doc.date_note)):
                if _text(value):
                    fields += _field(name, nodes.Text(_text(value)))
            url = _text(doc.url)
            fields += _field("Source", nodes.reference("", url, refuri=url) if url else nodes.Text("no address known"))
            section += fields
            for row in [] if paragraphs is None else paragraphs.itertuples(index=False):
                pid = row.paragraph_id
                label = nodes.reference("", pid, refid=pid, classes=["para-id"])
                para = nodes.paragraph(
                    "", "", label, nodes.Text(" " + row.text), ids=[pid], classes=["corpus-paragraph"]
                )
                section += para
                std.anonlabels[_label(pid)] = (env.docname, pid)
            result.append(section)
        return result


class ParaRole(SphinxRole):
    """``{para}`pid``` -> a link to paragraph ``pid`` on the reader page, the id as its text."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        pid = self.text.strip()
        known = self.env.corpus_paragraph_ids  # type: ignore[attr-defined]
        text = nodes.Text(pid)
        if pid not in known:
            # The book's prose cites the shipped corpus: a typo there fails the build (-W); on a reader's own
            # corpus (BALIPROCESS_CORPUS) those paragraphs do not exist, so the id is shown unlinked.
            strict = self.env.corpus_reader_root.resolve() == DEFAULT_CORPUS.resolve()  # type: ignore[attr-defined]
            root = self.env.corpus_reader_root  # type: ignore[attr-defined]
            (logger.warning if strict else logger.info)(
                "{para}: no paragraph %r in the corpus in use (%s)",
                pid,
                root,
                location=self.get_location(),
                type="corpus_reader",
            )
            return [nodes.inline("", "", text, classes=["para-ref"])], []
        ref = pending_xref(
            self.rawtext,
            text,
            refdomain="std",
            reftype="ref",
            reftarget=_label(pid),
            refexplicit=True,
            refwarn=True,
            refdoc=self.env.docname,
        )
        return [nodes.inline("", "", ref, classes=["para-ref"])], []


def _copy_bundle(app: Sphinx, exception: Exception | None) -> None:
    """Serve itables' DataTables bundle from _static/itables (offline); copy only what changed."""
    if exception is not None or app.builder.format != "html":
        return
    import itables  # only the HTML build needs it

    source = Path(itables.__file__).parent / "html"
    target = Path(app.outdir) / "_static" / "itables"
    target.mkdir(parents=True, exist_ok=True)
    for name in ("dt_bundle.js", "dt_bundle.css"):
        src, dst = source / name, target / name
        if not dst.is_file() or dst.read_bytes() != src.read_bytes():
            shutil.copyfile(src, dst)


def setup(app: Sphinx) -> dict[str, bool]:
    app.connect("builder-inited", _load)
    app.connect("build-finished", _copy_bundle)
    app.add_directive("corpus-reader", CorpusReaderDirective)
    app.add_role("para", ParaRole())
    app.add_js_file("tables.js", loading_method="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
