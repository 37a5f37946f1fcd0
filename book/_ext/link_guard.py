"""No dangling link to a paragraph or a bibliography entry.

Tables link paragraph ids to the corpus reader (``book/corpus.html#<id>``) and bibliography keys to the
references page (``book/references.html#cite-<key>``). On the shipped corpus every such link must land:
a missing target is a build warning (the build runs with ``-W``, so it fails) naming the page and the
target. On a reader's own corpus, curated tables still name paragraphs of the shipped documents and
identifiers that look like keys; there, a link whose target does not exist is turned into plain text
(logged), so the reader's book has no broken link and says nothing false.

Works around nothing that upstream would fix: Sphinx checks references it resolves, not links that tables
write as raw HTML. It stays while tables link paragraphs and entries by ``href``.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
TARGET_PAGES = ("book/corpus.html", "book/references.html")
_ID = re.compile(r'\bid="([^"]+)"')
_LINK = re.compile(r'<a\b([^>]*?)\bhref="([^"#]*?)#([^"]+)"([^>]*)>(.*?)</a>', re.DOTALL)


def _ids(outdir: Path) -> dict[str, set[str]]:
    return {
        name: set(_ID.findall((outdir / name).read_text(encoding="utf-8")))
        for name in TARGET_PAGES
        if (outdir / name).is_file()
    }


def _guard(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    targets = _ids(outdir)
    shipped = app.tags.has("shipped_corpus")
    for page in sorted(outdir.rglob("*.html")):
        if page.relative_to(outdir).parts[0].startswith("_"):
            continue
        text = page.read_text(encoding="utf-8")

        def check(match: re.Match[str], page: Path = page) -> str:
            href, fragment = match.group(2), match.group(3)
            target = (page.parent / href).resolve() if href else page.resolve()
            try:
                name = target.relative_to(outdir.resolve()).as_posix()
            except ValueError:
                return match.group(0)
            if name not in targets or fragment in targets[name]:
                return match.group(0)
            where = page.relative_to(outdir).as_posix()
            if shipped:
                logger.warning(f"{where}: link to {name}#{fragment}, which does not exist")
                return match.group(0)
            logger.info(f"[link_guard] {where}: {name}#{fragment} is not in this book; shown as text")
            return f'<span class="unlinked-ref">{match.group(5)}</span>'

        rewritten = _LINK.sub(check, text)
        if rewritten != text:
            page.write_text(rewritten, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, bool]:
    app.connect("build-finished", _guard)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
