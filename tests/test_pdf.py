"""The PDF edition (``make pdf``, run by ``make test`` before the tests): one file with every toc page in
order, a title page and contents, bookmarks that open each chapter, the figures embedded and the text
extractable. Inspects the PDF that ``make pdf`` wrote from the current build; it does not rebuild it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
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
    """The text of every page, whitespace collapsed, and the height (in points from the foot of the page) of
    its lowest word of text, read once for the whole file by poppler's ``pdftotext`` (pypdf took 25 s for what
    poppler reads in a second; on every third page the two agree on the lowest line within 6 points, and on
    which pages the emptiness check measures). A word belongs to the page's body if its middle is above the
    bottom margin (the page number sits in the margin)."""

    def __init__(self, path: Path) -> None:
        self.path, self.cache, self.lowest_of = path, {}, {}

    def __getitem__(self, index: int) -> str:
        if not self.cache:
            self._read()
        return self.cache[index]

    def lowest(self, index: int) -> float | None:
        """The height of page ``index``'s lowest word of body text (None for a page without any)."""
        if not self.cache:
            self._read()
        return self.lowest_of[index]

    def _read(self) -> None:
        def poppler(*options: str) -> str:
            return subprocess.run(
                ["pdftotext", *options, str(self.path), "-"], capture_output=True, text=True, check=True
            ).stdout

        # -raw keeps the order in which the page draws its text (a table's wrapped headings stay whole).
        for index, text in enumerate(poppler("-raw").split("\f")[:-1]):
            self.cache[index] = _words(text)
        pages = re.finditer(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', poppler("-bbox"), re.S)
        for index, page in enumerate(pages):
            height = float(page.group(1))
            boxes = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">', page.group(2))
            body = [height - float(bottom) for top, bottom in boxes if height - (float(top) + float(bottom)) / 2 > FOOT]
            self.lowest_of[index] = min(body) if body else None


MM = 72 / 25.4
#: The text area of a page, in points from its foot: above the bottom margin (the page number sits in it),
#: below the top margin (book_pdf.MARGIN).
FOOT = float(book_pdf.MARGIN["bottom"].removesuffix("mm")) * MM
HEAD = float(book_pdf.MARGIN["top"].removesuffix("mm")) * MM
MOST_EMPTY = 0.70


def ink_bottom(path: Path, index: int) -> float | None:
    """The height of the lowest thing printed in page ``index``'s text area (text, drawing or image), read
    by pdfminer; the page's background (a rectangle over nearly all of the text area) does not count."""
    from pdfminer.high_level import extract_pages

    page = next(iter(extract_pages(path, page_numbers=[index], laparams=None)))
    area = page.height - HEAD - FOOT
    bottoms = [
        item.y0
        for item in page
        if item.y1 > FOOT and not (item.height > 0.9 * area and item.width > 0.9 * (page.width - 2 * HEAD))
    ]
    return max(min(bottoms), FOOT) if bottoms else None


def emptiness(path: Path, index: int, height: float) -> float:
    """The share of page ``index``'s text area left empty below its last printed thing (1.0: a blank page)."""
    bottom = ink_bottom(path, index)
    area = height - HEAD - FOOT
    return 1.0 if bottom is None else (bottom - FOOT) / area


@pytest.fixture(scope="module")
def texts(pdf: PdfReader) -> PageTexts:
    return PageTexts(PDF)


def structure_figures(pdf: PdfReader) -> list[str]:
    """The alternative texts of the /Figure elements in the PDF's structure tree (tagged PDF)."""
    found: list[str] = []
    stack = [pdf.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            if node.get("/S") == "/Figure" and "/Alt" in node:
                found.append(str(node["/Alt"]))
            if "/K" in node:
                stack.append(node["/K"])
    return found


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
    alts = [
        _words(img.get("alt", ""))
        for d in docnames
        for img in BeautifulSoup((built_html / f"{d}.html").read_text(encoding="utf-8"), "html.parser").select(
            "article figure img"
        )
    ]
    # Figures are SVG, printed as vector drawings: each is a tagged /Figure carrying the image's alt text.
    tagged = {_words(alt) for alt in structure_figures(pdf)}
    assert alts and not [a for a in alts if a not in tagged], f"figures missing from the PDF: {set(alts) - tagged}"


def test_pdf_is_tagged_and_its_links_stay_inside_it(pdf: PdfReader) -> None:
    assert bool(pdf.trailer["/Root"].get("/MarkInfo", {}).get("/Marked")), "the PDF is not tagged"
    assert "/StructTreeRoot" in pdf.trailer["/Root"]
    names = set(pdf.named_destinations)
    inside, outside, dangling = 0, [], []
    for number, page in enumerate(pdf.pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if "/Dest" in annotation:
                inside += 1
                if str(annotation["/Dest"]) not in names:
                    dangling.append(f"page {number}: {annotation['/Dest']}")
            uri = str(annotation.get("/A", {}).get("/URI", ""))
            if uri and not uri.startswith(("http://", "https://", "mailto:")):
                outside.append(f"page {number}: {uri}")
    assert not outside, f"links out of the PDF to local files: {outside[:5]}"
    assert not dangling, f"internal links to no destination: {dangling[:5]}"
    assert inside > 100, f"only {inside} internal links: citations and cross-references should be internal"
    assert b"file:" not in PDF.read_bytes()


def test_no_code_toggle_and_every_table_fits(pdf: PdfReader, texts: PageTexts, built_html: Path) -> None:
    # Chromium prints "fi" and "fl" as ligatures: NFKC gives back the letters.
    whole = unicodedata.normalize("NFKC", " ".join(texts[i] for i in range(len(pdf.pages))))
    assert "Show code cell" not in whole and "Hide code cell" not in whole
    assert "download the PDF edition" not in whole  # the web pages' link to this PDF (.bp-screen-only)
    layout = json.loads(PDF.with_suffix(".layout.json").read_text(encoding="utf-8"))
    assert layout["too_wide"] == [], f"tables wider than the page: {layout['too_wide']}"
    missing = []
    for docname in toc_docnames():
        page = BeautifulSoup((built_html / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
        for head in page.select("article table thead th"):
            name = _words(head.get_text(" "))
            if name and name not in whole:
                missing.append(f"{docname}: column {name!r}")
    assert not missing, f"table columns not in the PDF's text: {missing[:10]}"


def test_no_page_is_mostly_empty_but_a_chapters_last(pdf: PdfReader, texts: PageTexts) -> None:
    """Page breaks only before the contents and each chapter: every other page is filled at least 30% of the
    way down (a figure kept whole may push itself to the next page, never more). The text's lowest line
    picks the pages to look at; pdfminer then measures them with their drawings and images."""
    entries = book_pdf.toc_entries(REPO / "_toc.yml")
    starts = set(book_pdf.chapter_pages(PDF.read_bytes(), entries).values())
    contents = next(item for item in pdf.outline if not isinstance(item, list) and item.title == "Contents")
    starts.add(pdf.get_destination_page_number(contents) + 1)
    last_pages = {start - 1 for start in starts} | {len(pdf.pages)}  # numbered from 1
    empty = []
    for index in range(len(pdf.pages)):
        if index + 1 in last_pages:
            continue
        height = float(pdf.pages[index].mediabox.height)
        lowest = texts.lowest(index)
        if lowest is not None and (lowest - FOOT) / (height - HEAD - FOOT) <= MOST_EMPTY:
            continue
        share = emptiness(PDF, index, height)
        if share > MOST_EMPTY:
            empty.append(f"page {index + 1}: {share:.0%} empty")
    assert not empty, f"pages mostly empty though no chapter ends there: {empty}"


def test_emptiness_reads_a_page_as_printed(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "pages.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawString(60, 780, "a line at the top only")
    page.drawString(290, 20, "7")  # a page number in the bottom margin: not content
    page.showPage()
    page.rect(60, 300, 400, 400, fill=1)  # a drawing down to 300 pt: more than half full
    page.showPage()
    page.showPage()
    page.save()
    height = A4[1]
    shares = [emptiness(path, i, height) for i in range(3)]
    assert shares[0] > 0.9 and 0.3 < shares[1] < 0.4 and shares[2] == 1.0, shares


def test_same_pdf_from_another_checkout_path(built_html: Path, tmp_path: Path, chromium) -> None:
    """No path of the machine in the bytes: printed from the book copied elsewhere, the pages come out the
    same. Printed are the front page and the chapters whose links lead out of the book most (the data
    chapter's downloads, the references' addresses), not the whole book: a whole printing takes 15-30 s,
    and the next test searches every page of the book's own PDF for the checkout's path."""
    toc = tmp_path / "_toc.yml"
    chapters = [{"file": name} for name in ("notebooks/05_data", "book/references")]
    toc.write_text(yaml.safe_dump({"format": "jb-book", "root": toc_docnames()[0], "chapters": chapters}), "utf-8")
    copy = tmp_path / "elsewhere" / "html"
    shutil.copytree(built_html, copy, ignore=shutil.ignore_patterns("*.pdf"))
    here, there = tmp_path / "here" / "book.pdf", tmp_path / "there" / "book.pdf"
    assert book_pdf.build_pdf(built_html, here, toc=toc, browser=chromium) > 3
    book_pdf.build_pdf(copy, there, toc=toc, browser=chromium)
    assert there.read_bytes() == here.read_bytes(), "the PDF depends on where the book was built"


def test_no_checkout_path_anywhere_in_the_pdf(pdf: PdfReader, texts: PageTexts) -> None:
    """The checkout's path is in no object, no decompressed stream and no page's text of the whole PDF."""
    path = str(REPO)
    found = [f"page {i + 1}" for i in range(len(pdf.pages)) if path in texts[i]]
    for number in range(1, int(pdf.trailer["/Size"])):
        item = pdf.get_object(number)
        data = item.get_data() if hasattr(item, "get_data") else str(item).encode()
        if path.encode() in data:
            found.append(f"object {number}")
    assert not found, f"{path} is in {found[:5]}"


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
    for entry in entries:
        entry.title = f"<{entry.docname}>"
    contents = book_pdf.contents_page(entries, {"intro": 3, "one": 5, "two": 8, "three": 9})
    assert "&lt;one&gt;" in contents and "<one>" not in contents and "A &amp; B" in contents
    assert re.findall(r"<span>(\d+)</span>", contents) == ["3", "5", "8", "9"]
    assert re.findall(r"href='#([^']+)'", contents) == ["intro", "one", "two", "three"]
    assert "&lt;script&gt;" in book_pdf.title_page({"title": "<script>", "author": "x"})


def test_links_become_internal_or_plain_text(tmp_path: Path) -> None:
    root = tmp_path / "html"
    (root / "book").mkdir(parents=True)
    page = root / "book" / "a.html"
    article = BeautifulSoup(
        '<article><h1 id="top">A</h1><a href="#top">self</a> <a href="b.html#x">other</a> '
        '<a href="b.html">chapter</a> <a href="../_downloads/d.csv" download>data.csv</a> '
        '<a href="https://example.org/">web</a> <a href="../genindex.html">index</a></article>',
        "html.parser",
    ).article
    book_pdf.rewrite_links(article, page, root, {"book/a": "book-a", "book/b": "book-b"})
    hrefs = [a["href"] for a in article.find_all("a")]
    assert hrefs == ["#book-a--top", "#book-b--x", "#book-b", "https://example.org/"]
    assert article.h1["id"] == "book-a--top"
    assert [s.get_text() for s in article.find_all("span")] == ["data.csv", "index"]


def test_stacked_cells_are_labelled_by_their_column() -> None:
    table = BeautifulSoup(
        "<table><thead><tr><th>theme</th><th>part</th><th>text</th></tr></thead><tbody>"
        "<tr><th rowspan='2'>T</th><td>definition</td><td>d</td></tr><tr><td>includes</td><td>i</td></tr>"
        "</tbody></table>",
        "html.parser",
    ).table
    book_pdf.label_cells(table)
    labels = [(c.get_text(), c.get("data-label")) for c in table.tbody.find_all(["th", "td"])]
    assert labels == [("T", "theme"), ("definition", "part"), ("d", "text"), ("includes", "part"), ("i", "text")]
