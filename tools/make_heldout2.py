"""Write the raw files of the second held-out evaluation set, data/eval/heldout2/raw/ (issue 17).

The texts live in data/eval/heldout2/texts/*.yml, one file per document, written in this project's own
words from the public sources listed in data/eval/heldout2/README.md. This script only gives them the
formats a new user brings: saved web pages (written out as they are stored), PDFs (running headers, page
numbers and hyphenated line breaks as written; two columns; a browser print with its stamp), Word files
(headings, paragraphs, tables) and hard-wrapped text. Run once: ``.venv/bin/python tools/make_heldout2.py
[DIR]`` (needs reportlab and python-docx, see requirements.txt). The output is deterministic. The later sets
(heldout3 onwards) keep the same keys and are written by the same command with their folder's name:
``.venv/bin/python tools/make_heldout2.py --set heldout5 [DIR]``.

A text file's keys: ``file`` (the raw file's name), ``format`` (html, txt, pdf, pdf_columns, docx) and
``created`` (ISO date-time of the PDF's CreationDate or the Word file's ``created`` property), then

* html, txt: ``text``, written as it is;
* pdf: ``pages`` (lists of pre-broken lines; ``**`` starts a bold line, an empty string is a gap),
  optional ``header_left``/``header_right``/``footer`` (``{page}`` and ``{pages}`` are filled in) and
  ``stamp`` (a browser's print stamp: ``top_left``, ``top_right``, ``bottom_left``, ``bottom_right``);
* pdf_columns: ``heading`` (centred lines drawn on every page) and ``paragraphs`` (flowed in two columns);
* docx: ``blocks``, each ``{h: text}`` (Heading 1), ``{p: text}`` or ``{table: [header, row, ...]}``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_heldout import add_table, save_fixed  # the first set's Word helpers

ROOT = Path(__file__).resolve().parents[1] / "data" / "eval" / "heldout2"
TEXTS = ROOT / "texts"
OUT = ROOT / "raw"


def _fix_timestamp(doc, created: dt.datetime) -> None:
    """Give a reportlab document a fixed creation date (UTC), so that its bytes do not change."""
    ts = doc._timeStamp
    ts.YMDhms = (created.year, created.month, created.day, created.hour, created.minute, created.second)
    ts.dhh, ts.dmm = 0, 0


def _fill(template: str, page: int, pages: int) -> str:
    return template.replace("{page}", str(page)).replace("{pages}", str(pages))


def lines_pdf(path: Path, spec: dict, created: dt.datetime) -> None:
    """One A4 page per list of lines, with the running header, footer and print stamp of ``spec``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(spec.get("pdf_title", ""))
    c.setAuthor("")
    _fix_timestamp(c._doc, created)
    pages = spec["pages"]
    n = len(pages)
    stamp = spec.get("stamp")
    for i, lines in enumerate(pages, start=1):
        if stamp:
            c.setFont("Helvetica", 8)
            c.drawString(28, h - 18, _fill(stamp["top_left"], i, n))
            c.drawRightString(w - 28, h - 18, _fill(stamp["top_right"], i, n))
            c.drawString(28, 16, _fill(stamp["bottom_left"], i, n))
            c.drawRightString(w - 28, 16, _fill(stamp["bottom_right"], i, n))
        c.setFont("Helvetica", 8)
        if spec.get("header_left"):
            c.drawString(72, h - 42, _fill(spec["header_left"], i, n))
        if spec.get("header_right"):
            c.drawRightString(w - 72, h - 42, _fill(spec["header_right"], i, n))
        if spec.get("footer"):
            c.setFont("Helvetica", 9)
            c.drawRightString(w - 72, 42, _fill(spec["footer"], i, n))
        y = h - 84
        for line in lines:
            bold = line.startswith("**")
            c.setFont("Helvetica-Bold" if bold else "Times-Roman", 12 if bold else 11)
            c.drawString(72, y, line.removeprefix("**"))
            y -= 16 if line else 9
        c.showPage()
    c.save()


def columns_pdf(path: Path, spec: dict, created: dt.datetime) -> None:
    """Paragraphs flowed through two columns per page, under a heading drawn on every page."""
    import reportlab.pdfbase.pdfdoc as pdfdoc
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

    w, h = A4
    doc = BaseDocTemplate(str(path), pagesize=A4, title=spec.get("pdf_title", ""), author="", invariant=1)
    top = h - 150
    col = (w - 130) / 2
    height = spec.get("column_height", 300)
    frames = [Frame(55, top - height, col, height, id="left"), Frame(75 + col, top - height, col, height, id="right")]

    def draw_heading(canv, _doc):
        y = h - 62
        for k, line in enumerate(spec["heading"]):
            canv.setFont("Helvetica-Bold" if k == 0 else "Helvetica", 14 if k == 0 else 10)
            canv.drawCentredString(w / 2, y, line)
            y -= 20

    doc.addPageTemplates([PageTemplate(id="two", frames=frames, onPage=draw_heading)])
    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=10, leading=13, alignment=4)
    head = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=10.5, leading=14)
    story = []
    for p in spec["paragraphs"]:
        story += [Paragraph(p.removeprefix("**"), head if p.startswith("**") else body), Spacer(1, 6)]
    original = pdfdoc.PDFDocument.__init__

    def init(self, *a, **k):
        original(self, *a, **k)
        _fix_timestamp(self, created)

    pdfdoc.PDFDocument.__init__ = init
    try:
        doc.build(story)
    finally:
        pdfdoc.PDFDocument.__init__ = original


def docx_file(path: Path, spec: dict, created: dt.datetime) -> None:
    """A Word file of headings, paragraphs and tables, with fixed core properties (see save_fixed)."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.created = created
    props.modified = dt.datetime.fromisoformat(spec["modified"]) if spec.get("modified") else created
    props.last_printed = created
    props.title = spec.get("docx_title", "")
    props.author = ""
    props.last_modified_by = ""
    props.revision = 1
    for block in spec["blocks"]:
        if "h" in block:
            document.add_heading(block["h"], level=1)
        elif "p" in block:
            document.add_paragraph(block["p"])
        else:
            header, *rows = block["table"]
            add_table(document, header, rows)
    save_fixed(document, path)


def load_specs(texts: Path = TEXTS) -> list[dict]:
    """The documents' specifications, in file-name order."""
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(texts.glob("*.yml"))]


def write(spec: dict, out: Path) -> Path:
    """Write one raw file from its specification; return its path."""
    path = out / spec["file"]
    created = dt.datetime.fromisoformat(spec["created"]) if spec.get("created") else None
    if spec["format"] in ("html", "txt"):
        path.write_bytes(spec["text"].encode("utf-8"))
    elif spec["format"] == "pdf":
        lines_pdf(path, spec, created)
    elif spec["format"] == "pdf_columns":
        columns_pdf(path, spec, created)
    elif spec["format"] == "docx":
        docx_file(path, spec, created.replace(tzinfo=dt.UTC))
    else:
        raise ValueError(f"{spec['file']}: unknown format {spec['format']!r}")
    return path


def write_set(root: Path, argv: list[str] | None = None) -> int:
    """Write the raw files of the set in ``root`` (its ``texts/*.yml``) into the folder named by ``argv``
    (default: ``root/raw``)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else root / "raw"
    out.mkdir(parents=True, exist_ok=True)
    written = [write(spec, out) for spec in load_specs(root / "texts")]
    print(f"wrote {len(written)} files to {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """``make_heldout2.py [--set NAME] [DIR]``: write the raw files of data/eval/NAME (default: heldout2) into DIR
    (default: the set's raw/ folder). A set must have a texts/ folder; the first set has its own writer."""
    args = list(sys.argv[1:] if argv is None else argv)
    root = ROOT
    if args[:1] == ["--set"]:
        if len(args) < 2:
            print("make_heldout2.py: --set needs a set's folder name (heldout2, heldout3, ...)", file=sys.stderr)
            return 1
        root, args = ROOT.parent / args[1], args[2:]
        if not (root / "texts").is_dir():
            print(f"{root / 'texts'}: no such folder: not a set written from texts", file=sys.stderr)
            return 1
    return write_set(root, args)


if __name__ == "__main__":
    sys.exit(main())
