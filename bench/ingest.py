"""Time ``python -m baliprocess add`` on generated files, then ``validate`` on the result.

Run with ``.venv/bin/python bench/ingest.py [--n 20]``. The files are made from the shipped corpus's paragraphs
(cycled, so any ``n`` works): a third each PDFs with a text layer (matplotlib; a running header and page numbers on
every page), HTML pages and .docx files, each with a title and a date in its metadata. Prints wall time and peak
memory of each step.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import sys
import tempfile
import textwrap
from pathlib import Path

import docx
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from baliprocess.corpus import load_corpus
from run import measure

LINES_PER_PAGE = 55


def _pdf(path: Path, title: str, day: dt.date, paragraphs: list[str]) -> None:
    lines: list[str] = []
    for text in paragraphs:
        lines += [*textwrap.wrap(text, 95), ""]
    with PdfPages(path, metadata={"Title": title, "CreationDate": dt.datetime.combine(day, dt.time(9), dt.UTC)}) as pdf:
        n_pages = -(-len(lines) // LINES_PER_PAGE)
        for number, first in enumerate(range(0, len(lines), LINES_PER_PAGE), start=1):
            fig = Figure(figsize=(8.27, 11.69))
            fig.text(0.06, 0.975, title[:80], fontsize=7)  # a running header and a page number,
            fig.text(0.46, 0.02, f"Page {number} of {n_pages}", fontsize=7)  # for the PDF rules to drop
            for i, line in enumerate(lines[first : first + LINES_PER_PAGE]):
                fig.text(0.06, 0.95 - 0.016 * i, line, fontsize=8)
            pdf.savefig(fig)


def _html(path: Path, title: str, day: dt.date, paragraphs: list[str]) -> None:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    path.write_text(
        f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title>"
        f'<meta property="article:published_time" content="{day.isoformat()}">'
        '<meta property="og:site_name" content="Bench publisher"></head>'
        f"<body><nav>Home | News</nav><article><h1>{html.escape(title)}</h1>{body}</article>"
        "<footer>Footer text</footer></body></html>",
        encoding="utf-8",
    )


def _docx(path: Path, title: str, day: dt.date, paragraphs: list[str]) -> None:
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.created = dt.datetime.combine(day, dt.time(9))
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)


def make_files(n: int, folder: Path) -> list[Path]:
    """``n`` files, PDF, HTML and .docx in turn, each holding one shipped document's paragraphs."""
    corpus = load_corpus()
    docs = corpus.documents.to_dict("records")
    writers = [(".pdf", _pdf), (".html", _html), (".docx", _docx)]
    paths = []
    for i in range(n):
        doc = docs[i % len(docs)]
        paragraphs = corpus.paragraphs.loc[corpus.paragraphs["doc_id"] == doc["doc_id"], "text"].tolist()
        suffix, write = writers[i % len(writers)]
        path = folder / f"file{i:03d}{suffix}"
        write(path, f"{doc['title']} (copy {i})", doc["date"].date(), [f"Copy {i}.", *paragraphs])
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20, help="number of files to add (default 20)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inbox, out = Path(tmp) / "inbox", Path(tmp) / "corpus"
        inbox.mkdir()
        files = make_files(args.n, inbox)
        kinds = ", ".join(f"{sum(p.suffix == s for p in files)} {s}" for s in (".pdf", ".html", ".docx"))
        results = [
            measure(
                f"add {args.n} files ({kinds})",
                [sys.executable, "-m", "baliprocess", "add", *map(str, files), "--to", str(out)],
            ),
            measure(f"validate the {args.n} documents", [sys.executable, "-m", "baliprocess", "validate", str(out)]),
        ]
    print(f"{'step':<48} {'wall s':>7} {'peak MiB':>9}  status")
    for r in results:
        print(f"{r.step:<48} {r.seconds:7.2f} {r.peak_mib:9.0f}  {r.status} {r.note}")
    return max(r.status for r in results)


if __name__ == "__main__":
    sys.exit(main())
