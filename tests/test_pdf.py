"""The PDF edition (``make pdf``, run by ``make test`` before the tests): one file with every toc page in
order, a title page and contents, bookmarks that open each chapter, the figures embedded and the text
extractable. Inspects the PDF that ``make pdf`` wrote from the current build; it does not rebuild it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import REPO, toc_docnames

sys.path.insert(0, str(REPO / "tools"))
import book_pdf

PDF = REPO / "_build" / "pdf" / "bali-process-book.pdf"


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pdf(built_html: Path) -> PdfReader:
    if not PDF.is_file():
        pytest.fail(f"{PDF.relative_to(REPO)} does not exist: run make pdf")
    if PDF.stat().st_mtime < (built_html / "index.html").stat().st_mtime:
        pytest.fail(f"{PDF.relative_to(REPO)} is older than the book: run make pdf")
    return PdfReader(PDF)


class PageTexts:
    """The extractable text of a page, whitespace collapsed; extracted on first use (the slow part)."""

    def __init__(self, pdf: PdfReader) -> None:
        self.pdf, self.cache = pdf, {}

    def __getitem__(self, index: int) -> str:
        if index not in self.cache:
            self.cache[index] = _words(self.pdf.pages[index].extract_text())
        return self.cache[index]


@pytest.fixture(scope="module")
def texts(pdf: PdfReader) -> PageTexts:
    return PageTexts(pdf)


def image_count(page) -> int:
    """Image XObjects drawn on a page (directly or inside a form XObject), without decoding them."""

    def count(resources) -> int:
        found = 0
        for xobject in (resources or {}).get("/XObject", {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Image":
                found += 1
            elif xobject.get("/Subtype") == "/Form":
                found += count(xobject.get("/Resources"))
        return found

    return count(page.get("/Resources"))


def html_titles(built_html: Path) -> dict[str, str]:
    """The first heading of each toc page as the browser shows it (section number included)."""
    titles = {}
    for docname in toc_docnames():
        page = BeautifulSoup((built_html / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
        heading = page.select_one("article h1")
        for link in heading.select("a.headerlink"):
            link.decompose()
        titles[docname] = _words(heading.get_text())
    return titles


def test_pdf_has_every_page_and_the_figures(pdf: PdfReader, texts: PageTexts, built_html: Path) -> None:
    docnames = toc_docnames()
    assert len(pdf.pages) >= len(docnames) + 2, f"{len(pdf.pages)} pages for {len(docnames)} toc pages"
    assert "The Bali Process" in texts[0]
    figures = sum(
        len(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").select("article img"))
        for p in (built_html / f"{d}.html" for d in docnames)
    )
    images = sum(image_count(page) for page in pdf.pages)
    assert figures > 0 and images >= figures, f"{images} images embedded for {figures} figures in the book"


def test_bookmarks_open_each_chapter_on_its_first_page(pdf: PdfReader, texts: PageTexts, built_html: Path) -> None:
    marks = {}

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                marks[_words(item.title)] = pdf.get_destination_page_number(item)

    walk(pdf.outline)
    titles = html_titles(built_html)
    # Each chapter's title is extractable text on the page its bookmark opens.
    for docname, title in titles.items():
        assert title in marks, f"no bookmark for {docname} ({title!r})"
        assert title in texts[marks[title]], f"bookmark {title!r} opens the wrong page"
    contents = texts[marks["Contents"]]
    for title, index in marks.items():
        if title in titles.values():
            assert re.search(re.escape(title) + r"\s*" + str(index + 1) + r"\b", contents), (
                f"contents page does not give page {index + 1} for {title!r}"
            )


def test_front_page_link_reaches_the_same_pdf(pdf: PdfReader, built_html: Path) -> None:
    intro = BeautifulSoup((built_html / f"{toc_docnames()[0]}.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in intro.find_all("a", href=True) if a["href"].endswith(".pdf")]
    assert links, "the front page has no link to the PDF"
    target = (built_html / toc_docnames()[0]).parent / links[0]
    assert target.resolve().read_bytes() == PDF.read_bytes()


def test_toc_parts_and_escaped_front_matter(tmp_path: Path) -> None:
    toc = tmp_path / "_toc.yml"
    toc.write_text(
        "root: intro\nparts:\n  - caption: A & B\n    chapters:\n      - file: one\n"
        "        sections:\n          - file: two\n  - chapters:\n      - file: three\n",
        encoding="utf-8",
    )
    entries = book_pdf.toc_entries(toc)
    assert [(e.docname, e.part) for e in entries] == [
        ("intro", None),
        ("one", "A & B"),
        ("two", "A & B"),
        ("three", None),
    ]
    for entry, pages in zip(entries, (2, 3, 1, 4), strict=True):
        entry.title, entry.pages = f"<{entry.docname}>", pages
    contents = book_pdf.contents_page(entries, 3)
    assert "&lt;one&gt;" in contents and "<one>" not in contents and "A &amp; B" in contents
    assert re.findall(r"<span>(\d+)</span>", contents) == ["3", "5", "8", "9"]
    assert "&lt;script&gt;" in book_pdf.title_page({"title": "<script>", "author": "x"})
