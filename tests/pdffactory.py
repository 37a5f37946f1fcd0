"""PDFs made in the tests with reportlab: real text layers set in DejaVu Sans (matplotlib's bundled font, so
that ligature code points have glyphs), with page furniture placed like a printed document's."""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "DejaVuSans"
WIDTH, HEIGHT = A4
MARGIN = 60

pdfmetrics.registerFont(TTFont(FONT, str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf")))


@dataclass
class Page:
    """What one page holds: header and footer lines, a title, and body lines in one or two columns."""

    body: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)  # a second column
    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    size: float = 10
    leading: float = 13


def write_pdf(path: Path, pages: list[Page], created: dt.datetime | None = None, title: str | None = None) -> Path:
    """Write ``pages``; two columns are drawn line by line across the page (left, right, left, ...), the
    order in which some typesetters write them, so that only a reader that looks at positions gets the
    columns right. ``created`` and ``title`` go into the document information."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in pages:
        c.setFont(FONT, 8)
        for i, line in enumerate(page.header):
            c.drawString(MARGIN, HEIGHT - 30 - 10 * i, line)
        for i, line in enumerate(page.footer):
            c.drawString(MARGIN, 30 + 10 * (len(page.footer) - 1 - i), line)
        y = HEIGHT - 80
        c.setFont(FONT, 18)
        for line in page.title:
            c.drawString(MARGIN, y, line)
            y -= 24
        if page.title:
            y -= 10
        c.setFont(FONT, page.size)
        for i in range(max(len(page.body), len(page.right))):
            for x, lines in ((MARGIN, page.body), (WIDTH / 2 + 10, page.right)):
                if i < len(lines) and lines[i]:
                    c.drawString(x, y - i * page.leading, lines[i])
        c.showPage()
    c.save()
    if created is not None or title is not None:
        writer = PdfWriter(clone_from=path)
        writer.add_metadata(
            {"/CreationDate": created.strftime("D:%Y%m%d%H%M%S+00'00'")}
            if created
            else {} | ({"/Title": title} if title else {})
        )
        writer.write(path)
    return path


def wrap(text: str, width: int) -> list[str]:
    """Lines of ``text`` at ``width`` characters, as a typesetter would break them (no hyphenation)."""
    return textwrap.wrap(text, width)
