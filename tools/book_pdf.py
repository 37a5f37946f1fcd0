"""The PDF edition: the built HTML book, in _toc.yml order, as one document printed by Debian's Chromium.

``make pdf`` runs ``python tools/book_pdf.py _build/html _build/pdf/bali-process-book.pdf``.

The article of every page is put into one HTML document behind a title page and a contents page, so that
every link inside the book (citations, paragraph links, cross-references, the contents) becomes a link to
a named destination in the same PDF: each page's ids are prefixed with the page's name, and each
``page.html#id`` becomes ``#page--id``. Links to files that are not pages (data downloads, the PDF
itself) become plain text; links to other sites stay. Nothing of the machine that built it is in the
PDF: resources are read from file:// URLs but only their content is embedded, and the dates in the
metadata are the git commit's (or none).

Chromium prints it tagged (a structure tree for screen readers), with the page number at the foot of
every page; the book's print styles (book/_static/custom.css) drop code toggles and shrink tables to the
page, and any table still wider than the page after that is printed stacked (one block per row, each
value after its column's name). Tables folded on screen (``details.table-dropdown``) are printed unfolded.
Page breaks fall only before the contents and each chapter; figures are kept whole and scaled so that
keeping one whole never leaves most of a page empty (tests/test_pdf.py measures it). The chapters'
first pages are read back from the printed PDF to fill the contents page, which is then printed again.
Offline: any request that is not a local file is aborted.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import logging
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from bs4 import BeautifulSoup, Tag
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
]
MARGIN = {"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"}
# The width Chromium lays the text out in: A4 (210 mm) less the side margins, in CSS pixels (96 per inch).
PRINT_WIDTH_PX = round((210 - 32) / 25.4 * 96)
FOOTER = (
    "<div style=\"width:100%;text-align:center;font:9pt 'DejaVu Sans',sans-serif;color:#444\">"
    "<span class='pageNumber'></span></div>"
)
PAGE = {
    "format": "A4",
    "print_background": True,
    "margin": MARGIN,
    "tagged": True,
    "display_header_footer": True,
    "header_template": "<span></span>",
    "footer_template": FOOTER,
}
BOOK_CSS = """
body { margin: 0; }
.bd-main .bd-content { margin-left: 0; }
article.bd-article figure { margin-left: 0; margin-right: 0; }
section.pdf-chapter, section.pdf-contents { break-before: page; }
.pdf-title { text-align: center; padding-top: 30%; }
.pdf-title h1 { font-size: 26pt; margin-bottom: 0.4em; }
.pdf-title p { font-size: 13pt; margin: 0.3em; }
.pdf-contents p.part { font-weight: bold; margin: 1.1em 0 0.3em; }
.pdf-contents p.entry { display: flex; margin: 0.25em 0 0.25em 1.2em; }
.pdf-contents p.entry a { color: inherit; text-decoration: none; }
.pdf-contents p.entry span.dots { flex: 1; border-bottom: 1px dotted #888; margin: 0 0.4em 0.3em; }
p.pdf-part { font-size: 0.95em; font-weight: 600; color: #333; margin: 0 0 0.3em; }
/* A table still wider than the page: one block per row, each value after its column's name. */
table.pdf-stacked, table.pdf-stacked tbody, table.pdf-stacked tr, table.pdf-stacked td,
table.pdf-stacked tbody th { display: block; width: 100% !important; }
table.pdf-stacked thead { display: none; }
table.pdf-stacked tr { border-top: 1px solid #999; padding: 0.2rem 0; break-inside: avoid; }
table.pdf-stacked td, table.pdf-stacked tbody th { border: none !important; padding: 0.05rem 0.25rem !important;
  text-align: left !important; white-space: normal !important; }
table.pdf-stacked [data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
table.pdf-stacked caption { display: block; }
table.pdf-stacked td:empty { display: none; }
/* Page breaks only before the contents and each chapter: a figure is kept whole on one page, so it is made
   small enough never to leave more than the bottom 70% of the page before it empty (its image at most 55%
   of the page's text height, the caption below it). Tables break between rows (custom.css: tr). */
article.bd-article figure img { max-height: 150mm; width: auto; max-width: 100%; object-fit: contain; }
article.bd-article figure { break-inside: avoid; }
article.bd-article figure.glued-table, article.bd-article .table-wrapper { break-inside: auto; }
/* The theme's print styles keep each table whole, which left most of a page empty before a table. */
article.bd-article table { break-inside: auto !important; }
details.table-dropdown > summary { display: none; }
/* Words stay whole in table cells (custom.css lets print break them anywhere, which squeezed short columns
   to a letter a line): a table that no longer fits is stacked instead (MEASURE_JS). */
table.bp-table th, table.bp-table td { overflow-wrap: break-word !important; }
"""
# Reads, in the laid-out document, the tables wider than the text column; stacks them when asked.
MEASURE_JS = """(stack) => {
  const article = document.querySelector("article.bd-article");
  const style = getComputedStyle(article);
  const box = article.getBoundingClientRect();
  const left = box.left + parseFloat(style.paddingLeft), right = box.right - parseFloat(style.paddingRight);
  const wide = [];
  document.querySelectorAll("article.bd-article table").forEach((table) => {
    const edge = table.getBoundingClientRect();
    if (edge.right > right + 1 || edge.left < left - 1) {
      const figure = table.closest("[id]");
      wide.push({id: figure ? figure.id : "", width: Math.round(edge.width), column: Math.round(right - left)});
      if (stack) table.classList.add("pdf-stacked");
    }
  });
  return wide;
}"""
# What the printed book leaves out: the theme's print-only copies, code toggles, scripts, buttons, and what speaks
# to a reader of the web pages only (.bp-screen-only: the link to this very PDF on the front page).
SKIP = (
    "a.headerlink",
    "#jb-print-docs-body",
    "#jb-print-toc",
    "details.hide",
    "script",
    "noscript",
    "button",
    ".bp-screen-only",
)
EXTERNAL = ("http", "https", "mailto")


@dataclass
class Entry:
    """One page of the book: its toc docname, the part it belongs to, and (once read) its title."""

    docname: str
    part: str | None
    title: str = ""

    @property
    def anchor(self) -> str:
        return slug(self.docname)


def slug(docname: str) -> str:
    """The id of a page's start in the one-document book (``notebooks/01_corpus`` -> ``notebooks-01_corpus``)."""
    return docname.replace("/", "-")


def toc_entries(toc: Path) -> list[Entry]:
    """The book's pages in reading order, each with its part caption (None for the root page)."""
    data = yaml.safe_load(toc.read_text(encoding="utf-8"))
    entries = [Entry(data["root"], None)]

    def walk(node: dict, part: str | None) -> None:
        for chapter in node.get("chapters", []) + node.get("sections", []):
            entries.append(Entry(chapter["file"], part))
            walk(chapter, part)

    for part in data.get("parts", []):
        walk(part, part.get("caption"))
    walk(data, None)
    return entries


def _words(text: str) -> str:
    return " ".join(text.split())


def label_cells(table: Tag) -> None:
    """Give every body cell a ``data-label``: the text of its column's last header cell (rowspans and
    colspans followed), for the stacked print layout."""
    head = table.find("thead")
    names: list[str] = []
    if head is not None:
        for cell in head.find_all("tr")[-1].find_all(["th", "td"]):
            names += [_words(cell.get_text(" "))] * int(cell.get("colspan", 1) or 1)
    taken: dict[tuple[int, int], bool] = {}
    body_rows = [row for row in table.find_all("tr") if row.find_parent("thead") is None]
    for r, row in enumerate(body_rows):
        c = 0
        for cell in row.find_all(["th", "td"], recursive=False):
            while taken.get((r, c)):
                c += 1
            span, down = int(cell.get("colspan", 1) or 1), int(cell.get("rowspan", 1) or 1)
            for dr in range(down):
                for dc in range(span):
                    taken[(r + dr, c + dc)] = True
            if c < len(names) and names[c]:
                cell["data-label"] = names[c]
            c += span


def rewrite_links(article: Tag, page: Path, html_root: Path, anchors: dict[str, str]) -> None:
    """Links inside the book become ``#page--id``; links to files that are not pages become plain text."""
    prefix = slug(page.relative_to(html_root).with_suffix("").as_posix())
    for element in article.find_all(id=True):
        element["id"] = f"{prefix}--{element['id']}"
    for link in article.find_all("a", href=True):
        href = link["href"]
        parts = urlsplit(href)
        if parts.scheme in EXTERNAL:
            continue
        if not parts.scheme and not parts.path:
            link["href"] = f"#{prefix}--{unquote(parts.fragment)}" if parts.fragment else f"#{prefix}"
            continue
        target = (page.parent / unquote(parts.path)).resolve()
        try:
            name = target.relative_to(html_root.resolve()).with_suffix("").as_posix()
        except ValueError:
            name = ""
        if not parts.scheme and target.suffix == ".html" and name in anchors:
            link["href"] = f"#{anchors[name]}--{unquote(parts.fragment)}" if parts.fragment else f"#{anchors[name]}"
        else:
            link.name = "span"  # a download, an image, a page outside the book: its words, no dead link
            for attribute in ("href", "download", "target", "rel", "title"):
                link.attrs.pop(attribute, None)


def absolute_sources(element: Tag, page: Path) -> None:
    """Images and style sheets by absolute file URL: the one document lives elsewhere than the pages."""
    for tag, attribute in (("img", "src"), ("link", "href"), ("source", "src")):
        for node in [element, *element.find_all(tag)] if element.name == tag else element.find_all(tag):
            value = node.get(attribute)
            if value and not urlsplit(value).scheme:
                node[attribute] = (page.parent / unquote(urlsplit(value).path)).resolve().as_uri()


def chapter_section(html_root: Path, entry: Entry, anchors: dict[str, str]) -> str:
    """One page's article as a section of the one-document book; fills ``entry.title``."""
    source = html_root / f"{entry.docname}.html"
    if not source.is_file():
        raise FileNotFoundError(f"{source}: _toc.yml lists {entry.docname!r} but the book has no such page")
    soup = BeautifulSoup(source.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article")
    for selector in SKIP:
        for node in article.select(selector):
            node.decompose()
    for folded in article.select("details.table-dropdown"):  # a long table folded on screen: printed whole
        folded["open"] = ""
    heading = article.find("h1")
    entry.title = _words(heading.get_text(" ")) if heading else entry.docname
    for table in article.find_all("table"):
        label_cells(table)
    rewrite_links(article, source, html_root, anchors)
    absolute_sources(article, source)
    part = f"<p class='pdf-part'>{html.escape(entry.part)}</p>" if entry.part else ""
    return f"<section class='pdf-chapter' id='{entry.anchor}'>{part}{article.decode_contents()}</section>"


def title_page(config: dict) -> str:
    """The title page: the book's title, author and year from _config.yml (escaped)."""
    return (
        "<div class='title pdf-title'>"
        f"<h1>{html.escape(str(config.get('title', '')))}</h1>"
        f"<p>{html.escape(str(config.get('author', '')))}</p>"
        f"<p>{html.escape(str(config.get('copyright', '')))}</p></div>"
    )


def contents_page(entries: list[Entry], numbers: dict[str, int]) -> str:
    """The contents: parts and chapter titles, each a link to its chapter, with the page it starts on
    (``numbers``, by docname; 0 is printed as a placeholder of the same width before the pages are known)."""
    rows, part = ["<section class='pdf-contents contents'><h1 id='pdf-contents'>Contents</h1>"], None
    for entry in entries:
        if entry.part != part and entry.part is not None:
            rows.append(f"<p class='part'>{html.escape(entry.part)}</p>")
        part = entry.part
        number = numbers.get(entry.docname, 0) or "000"
        rows.append(
            f"<p class='entry'><a href='#{entry.anchor}'>{html.escape(entry.title)}</a><span class='dots'></span>"
            f"<span>{number}</span></p>"
        )
    return "".join(rows) + "</section>"


def book_document(html_root: Path, config: dict, entries: list[Entry], numbers: dict[str, int]) -> str:
    """The whole book as one HTML document, styled by the first page's style sheets."""
    anchors = {entry.docname: entry.anchor for entry in entries}
    chapters = [chapter_section(html_root, entry, anchors) for entry in entries]
    first = html_root / f"{entries[0].docname}.html"
    head = BeautifulSoup(first.read_text(encoding="utf-8"), "html.parser").head
    sheets = head.find_all("link", rel="stylesheet")
    for sheet in sheets:
        absolute_sources(sheet, first)
    title = html.escape(str(config.get("title", "")))
    return (
        f"<!DOCTYPE html><html lang='en' data-theme='light'><head><meta charset='utf-8'><title>{title}</title>"
        + "".join(str(s) for s in sheets)
        + f"<style>{BOOK_CSS}</style></head><body><div class='bd-main'><div class='bd-content'>"
        "<div class='bd-article-container'><article class='bd-article'>"
        + title_page(config)
        + contents_page(entries, numbers)
        + "".join(chapters)
        + "</article></div></div></div></body></html>"
    )


def _offline(route) -> None:
    if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
        route.continue_()
    else:
        route.abort()


def print_document(browser, document: str) -> tuple[bytes, list[dict], list[dict]]:
    """Print the one-document book: the PDF, the tables that were stacked, and any still too wide."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.html"
        path.write_text(document, encoding="utf-8")
        page = browser.new_page(viewport={"width": PRINT_WIDTH_PX, "height": 1100})
        page.route("**/*", _offline)
        page.emulate_media(media="print")
        page.goto(path.as_uri(), wait_until="load", timeout=120_000)
        page.evaluate("document.fonts.ready.then(() => true)")  # every font in before anything is measured
        stacked = page.evaluate(MEASURE_JS, True)
        still = page.evaluate(MEASURE_JS, False)
        pdf = page.pdf(**PAGE)
        page.close()
    return pdf, stacked, still


def chapter_pages(pdf: bytes, entries: list[Entry]) -> dict[str, int]:
    """The page (from 1) each chapter starts on, from the named destination at its start."""
    reader = PdfReader(io.BytesIO(pdf))
    destinations = reader.named_destinations
    pages = {}
    for entry in entries:
        destination = destinations.get(f"/{entry.anchor}", destinations.get(entry.anchor))
        if destination is None:
            raise RuntimeError(f"{entry.docname}: no destination #{entry.anchor} in the printed PDF")
        pages[entry.docname] = reader.get_destination_page_number(destination) + 1
    return pages


def print_book(browser, html_root: Path, config: dict, entries: list[Entry]):
    """Print until the contents page gives the pages the chapters start on (twice: placeholders of the
    numbers' width first, so the second printing moves nothing)."""
    numbers: dict[str, int] = {}
    for _ in range(3):
        pdf, stacked, still = print_document(browser, book_document(html_root, config, entries, numbers))
        printed = chapter_pages(pdf, entries)
        if printed == numbers:
            return pdf, stacked, still, numbers
        numbers = printed
    raise RuntimeError("the chapters' first pages did not settle after three printings")


def renumber_structure_ids(writer: PdfWriter) -> None:
    """Number the structure elements' /ID in reading order (``e000001``, ...), with the table headers that
    name them (/Headers) and the /IDTree that indexes them: Chromium numbers them after its accessibility
    nodes, whose count varies from one printing to the next, which made the bytes vary."""
    root = writer._root_object.get("/StructTreeRoot")
    if root is None:
        return
    root = root.get_object()
    elements, renamed, seen = [], {}, set()
    stack = [root.get("/K")]
    while stack:  # depth first, children in order: the reading order of the tags
        node = stack.pop()
        if node is None or isinstance(node, int):
            continue
        reference = node if hasattr(node, "idnum") else None
        if reference is not None:
            if reference.idnum in seen:
                continue
            seen.add(reference.idnum)
        node = node.get_object()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict) and node.get("/Type", "/StructElem") == "/StructElem":
            if "/ID" in node and reference is not None:
                renamed[str(node["/ID"])] = f"e{len(renamed) + 1:06d}"
                elements.append((node, reference))
            stack.append(node.get("/K"))
    for node, _ in elements:
        node[NameObject("/ID")] = TextStringObject(renamed[str(node["/ID"])])
    for number in seen:
        node = writer.get_object(number)
        attributes = node.get("/A") if isinstance(node, dict) else None
        for attribute in attributes if isinstance(attributes, list) else [attributes]:
            attribute = attribute.get_object() if attribute is not None else None
            if isinstance(attribute, dict) and "/Headers" in attribute:
                attribute[NameObject("/Headers")] = ArrayObject(
                    TextStringObject(renamed.get(str(h), str(h))) for h in attribute["/Headers"]
                )
    old_trees = [root.get("/IDTree")]
    while old_trees:  # emptied, not only unlinked: pypdf writes unlinked objects all the same
        tree = old_trees.pop()
        tree = tree.get_object() if tree is not None else None
        if isinstance(tree, dict):
            old_trees.extend(tree.get("/Kids", []))
            tree.clear()
    names = ArrayObject()
    for node, reference in elements:
        names.extend([node["/ID"], reference])
    root[NameObject("/IDTree")] = writer._add_object(DictionaryObject({NameObject("/Names"): names}))


def finish(pdf: bytes, entries: list[Entry], numbers: dict[str, int], config: dict) -> bytes:
    """Bookmarks per part and chapter, the book's title and author, and no date or random file id: the
    same book gives the same bytes."""
    # pypdf notes that Chromium's trailer counts fewer objects than the file holds; the objects are read
    # all the same, so the note is not shown.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    contents = PdfReader(io.BytesIO(pdf)).named_destinations.get("/pdf-contents")
    writer._root_object.pop(NameObject("/Outlines"), None)
    if contents is not None:
        writer.add_outline_item(title="Contents", page_number=writer.get_destination_page_number(contents))
    else:
        writer.add_outline_item(title="Contents", page_number=1)
    parts: dict[str, object] = {}
    for entry in entries:
        start = numbers[entry.docname] - 1
        parent = None
        if entry.part is not None:
            if entry.part not in parts:
                parts[entry.part] = writer.add_outline_item(title=entry.part, page_number=start)
            parent = parts[entry.part]
        writer.add_outline_item(title=entry.title, page_number=start, parent=parent)
    renumber_structure_ids(writer)
    writer.metadata = None
    writer.add_metadata(
        {
            "/Title": str(config.get("title", "")),
            "/Author": str(config.get("author", "")),
            "/Creator": "tools/book_pdf.py (Chromium)",
        }
    )
    writer._ID = None
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build_pdf(
    html_root: Path,
    out: Path,
    toc: Path = REPO / "_toc.yml",
    config: Path = REPO / "_config.yml",
    executable: str = CHROMIUM,
    browser=None,
) -> int:
    """Print the book in ``html_root`` to one PDF at ``out``; return its number of pages. The tables that
    were stacked, and any still wider than the page, are written next to it (``<out>.layout.json``).
    ``browser``: a Playwright Chromium already running (the tests'); otherwise ``executable`` is started."""
    entries = toc_entries(toc)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            started = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                pdf, stacked, still, numbers = print_book(started, html_root, settings, entries)
            finally:
                started.close()
    else:
        pdf, stacked, still, numbers = print_book(browser, html_root, settings, entries)
    final = finish(pdf, entries, numbers, settings)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp.pdf")
    tmp.write_bytes(final)
    tmp.replace(out)
    layout = {"stacked": stacked, "too_wide": still}
    out.with_suffix(".layout.json").write_text(json.dumps(layout, indent=1) + "\n", encoding="utf-8")
    for table in still:
        print(
            f"{out}: table {table['id'] or '?'} is {table['width']} px wide on a {table['column']} px page",
            file=sys.stderr,
        )
    return len(PdfReader(io.BytesIO(final)).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="the built book (_build/html)")
    parser.add_argument("out", type=Path, help="the PDF to write")
    parser.add_argument("--chromium", default=CHROMIUM, help=f"Chromium executable (default {CHROMIUM})")
    args = parser.parse_args(argv)
    if not Path(args.chromium).is_file():
        print(
            f"{args.chromium}: no Chromium here; install Debian's package (apt-get install -y chromium)",
            file=sys.stderr,
        )
        return 1
    started = time.perf_counter()
    try:
        pages = build_pdf(args.html, args.out, executable=args.chromium)
    except (FileNotFoundError, RuntimeError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({pages} pages) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
