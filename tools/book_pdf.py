"""The PDF edition: every page of the built HTML book, in _toc.yml order, printed by Debian's Chromium.

``make pdf`` runs ``python tools/book_pdf.py _build/html _build/pdf/bali-process-book.pdf``. Offline: the
pages are opened as local files and any request that is not a local file is aborted. Each page is printed
with the theme's print styles (no sidebars, no header), the pages are merged with pypdf behind a generated
title page and contents page (HTML printed the same way), with one bookmark per part and chapter and a
page number at the foot of every page after the title page.
"""

from __future__ import annotations

import argparse
import html
import io
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from pypdf import PdfReader, PdfWriter

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
PAGE = {
    "format": "A4",
    "print_background": True,
    "margin": {"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"},
}
FRONT_CSS = """
body { font-family: "DejaVu Sans", sans-serif; color: #222; }
.title { margin-top: 35%; text-align: center; }
.title h1 { font-size: 26pt; margin-bottom: 0.4em; }
.title p { font-size: 13pt; margin: 0.3em; }
.contents h1 { font-size: 20pt; }
.contents p.part { font-weight: bold; margin: 1.1em 0 0.3em; }
.contents p.entry { display: flex; margin: 0.25em 0 0.25em 1.2em; }
.contents p.entry span.dots { flex: 1; border-bottom: 1px dotted #888; margin: 0 0.4em 0.3em; }
"""


@dataclass
class Entry:
    """One page of the book: its toc docname, the part it belongs to, and (once printed) title and PDF."""

    docname: str
    part: str | None
    title: str = ""
    pdf: bytes = b""
    pages: int = 0


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


def _page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _offline(route) -> None:
    if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
        route.continue_()
    else:
        route.abort()


def print_pages(browser, html_root: Path, entries: list[Entry]) -> None:
    """Print each built page to PDF (fills ``title``, ``pdf`` and ``pages`` of every entry)."""
    context = browser.new_context()
    page = context.new_page()
    page.route("**/*", _offline)
    page.emulate_media(media="print")
    for entry in entries:
        source = html_root / f"{entry.docname}.html"
        if not source.is_file():
            raise FileNotFoundError(f"{source}: _toc.yml lists {entry.docname!r} but the book has no such page")
        page.goto(source.resolve().as_uri(), wait_until="load", timeout=60_000)
        heading = page.locator("article h1").first
        entry.title = " ".join(heading.inner_text().replace("#", "").split())
        entry.pdf = page.pdf(**PAGE)
        entry.pages = _page_count(entry.pdf)
    context.close()


def _render(browser, body: str) -> bytes:
    page = browser.new_page()
    page.route("**/*", _offline)
    page.set_content(
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><style>{FRONT_CSS}</style>"
        f"</head><body>{body}</body></html>"
    )
    pdf = page.pdf(**PAGE)
    page.close()
    return pdf


def title_page(config: dict) -> str:
    """The title page: the book's title, author and year from _config.yml (escaped)."""
    return (
        "<div class='title'>"
        f"<h1>{html.escape(str(config.get('title', '')))}</h1>"
        f"<p>{html.escape(str(config.get('author', '')))}</p>"
        f"<p>{html.escape(str(config.get('copyright', '')))}</p></div>"
    )


def contents_page(entries: list[Entry], first_page: int) -> str:
    """The contents: parts and chapter titles with the page each starts on (pages counted from 1)."""
    rows, part, number = ["<div class='contents'><h1>Contents</h1>"], None, first_page
    for entry in entries:
        if entry.part != part and entry.part is not None:
            rows.append(f"<p class='part'>{html.escape(entry.part)}</p>")
        part = entry.part
        rows.append(
            f"<p class='entry'><span>{html.escape(entry.title)}</span><span class='dots'></span>"
            f"<span>{number}</span></p>"
        )
        number += entry.pages
    return "".join(rows) + "</div>"


def page_numbers(browser, first: int, count: int) -> PdfReader:
    """``count`` blank A4 pages numbered ``first``, ``first + 1``, ... at the foot, to stamp onto the book's
    pages (Chromium numbers each printed document from 1, so its own footer cannot count across pages)."""
    sheets = "".join(f"<div class='sheet'><span>{n}</span></div>" for n in range(first, first + count))
    page = browser.new_page()
    page.set_content(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><style>"
        "@page { size: A4; margin: 0 } body { margin: 0 }"
        ".sheet { position: relative; height: 297mm; break-after: page; overflow: hidden }"
        ".sheet span { position: absolute; bottom: 9mm; width: 100%; text-align: center;"
        " font: 9pt 'DejaVu Sans', sans-serif; color: #444 }"
        f"</style></head><body>{sheets}</body></html>"
    )
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    page.close()
    return PdfReader(io.BytesIO(pdf))


def build_pdf(
    html_root: Path,
    out: Path,
    toc: Path = REPO / "_toc.yml",
    config: Path = REPO / "_config.yml",
    executable: str = CHROMIUM,
) -> int:
    """Print the book in ``html_root`` to one PDF at ``out``; return its number of pages."""
    from playwright.sync_api import sync_playwright

    entries = toc_entries(toc)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            print_pages(browser, html_root, entries)
            front = _render(browser, title_page(settings))
            front_pages = _page_count(front)
            contents = _render(browser, contents_page(entries, front_pages + 1))
            for _ in range(3):  # the contents' own length moves every chapter's first page
                start = front_pages + _page_count(contents) + 1
                again = _render(browser, contents_page(entries, start))
                if _page_count(again) == _page_count(contents):
                    contents = again
                    break
                contents = again
            total = front_pages + _page_count(contents) + sum(e.pages for e in entries)
            numbers = page_numbers(browser, front_pages + 1, total - front_pages)
        finally:
            browser.close()

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front)), import_outline=False)
    start = len(writer.pages)
    writer.append(PdfReader(io.BytesIO(contents)), import_outline=False)
    writer.add_outline_item(title="Contents", page_number=start)
    parts: dict[str, object] = {}
    for entry in entries:
        start = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(entry.pdf)), import_outline=False)
        parent = None
        if entry.part is not None:
            if entry.part not in parts:
                parts[entry.part] = writer.add_outline_item(title=entry.part, page_number=start)
            parent = parts[entry.part]
        writer.add_outline_item(title=entry.title, page_number=start, parent=parent)
    for index, number_page in enumerate(numbers.pages, start=front_pages):
        writer.pages[index].merge_page(number_page)
    writer.add_metadata({"/Title": str(settings.get("title", "")), "/Author": str(settings.get("author", ""))})
    writer.page_mode = "/UseOutlines"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp.pdf")
    with tmp.open("wb") as handle:
        writer.write(handle)
    tmp.replace(out)
    return total


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
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({pages} pages) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
