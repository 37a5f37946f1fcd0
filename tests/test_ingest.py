"""``add``: files the tests make themselves (HTML, PDF with and without a text layer, .docx, text, a corrupt
file, an unsupported one) become valid corpus documents, or are refused with one line."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import docx
import numpy as np
import pytest
import yaml
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from pypdf import PdfReader

from baliprocess.cli import main
from baliprocess.corpus import load_corpus, read_document
from baliprocess.ingest import metadata_date, slug
from baliprocess.ingest.pdftext import Lexicon, Line, to_paragraphs
from test_cli import run

FIRST = "The Bali Process brings together more than forty members to address people smuggling across the region."
SECOND = "Ministers met in Bali on 23 March 2016 and adopted a declaration on irregular migration."


def html_page(head: str) -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}</head><body><nav>Home | About | Contact</nav>"
        f"<article><h1>Regional cooperation</h1><p>{FIRST}</p><p>{SECOND}</p></article>"
        "<footer>Copyright 2026</footer></body></html>"
    )


FULL_HEAD = (
    "<title>Regional cooperation on people smuggling | Ministry</title>"
    '<meta property="og:title" content="Regional cooperation on people smuggling">'
    '<meta name="date" content="2016-03-23">'
    '<meta property="og:site_name" content="Ministry of Foreign Affairs">'
    '<link rel="canonical" href="https://example.org/bali-process">'
)


def text_pdf(path: Path, lines: list[str], **metadata: object) -> Path:
    """A one-page PDF whose text matplotlib writes as real text (a text layer pypdf can read)."""
    with PdfPages(path, metadata=metadata) as pdf:
        fig = Figure(figsize=(8.27, 11.69))
        for i, line in enumerate(lines):
            fig.text(0.05, 0.92 - 0.03 * i, line, fontsize=9)
        pdf.savefig(fig)
    return path


def image_pdf(path: Path) -> Path:
    """A PDF holding only a picture, like a scan: no text layer."""
    with PdfPages(path) as pdf:
        fig = Figure(figsize=(4, 4))
        fig.figimage(np.random.default_rng(0).random((80, 80)))
        pdf.savefig(fig)
    return path


def docx_file(path: Path, title: str | None, created: dt.datetime | None, paragraphs: list[str]) -> Path:
    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    if created is not None:
        document.core_properties.created = created
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def add(*args: str | Path) -> int:
    return main(["add", *map(str, args)])


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return tmp_path / "corpus"


def only_file(folder: Path) -> Path:
    (path,) = folder.iterdir()
    return path


# --- each kind of file ------------------------------------------------------------------------------


def test_html_text_and_metadata(inbox, tmp_path, capsys):
    page = inbox / "page.html"
    page.write_text(html_page(FULL_HEAD), encoding="utf-8")
    assert add(page, "--to", tmp_path / "corpus") == 0
    out = tmp_path / "corpus" / "regional-cooperation-on-people-smuggling.txt"
    assert capsys.readouterr().out == f"{page} -> {out}\n"
    meta = front_matter(out)
    assert meta["title"] == "Regional cooperation on people smuggling"
    assert str(meta["date"]) == "2016-03-23"
    assert meta["publisher"] == "Ministry of Foreign Affairs"
    assert meta["url"] == "https://example.org/bali-process"
    assert meta["source_file"] == "page.html"
    assert meta["source_sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()
    body = out.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert f"{FIRST}\n\n{SECOND}\n" in body
    assert "Home | About" not in body and "Copyright" not in body
    corpus = load_corpus(tmp_path / "corpus")
    assert corpus.documents.loc[0, "date_precision"] == "day"
    assert list(corpus.paragraphs["text"])[-2:] == [FIRST, SECOND]


def test_html_month_date_keeps_its_precision(inbox, corpus):
    page = inbox / "page.htm"
    page.write_text(
        html_page('<title>Monthly</title><meta property="article:published_time" content="2016-03">'), encoding="utf-8"
    )
    assert add(page, "--to", corpus) == 0
    assert str(front_matter(only_file(corpus))["date"]) == "2016-03"
    doc = load_corpus(corpus).documents.iloc[0]
    assert (doc["date"], doc["date_end"], doc["date_precision"]) == (
        dt.datetime(2016, 3, 1),
        dt.datetime(2016, 3, 31),
        "month",
    )


def test_html_date_in_the_text_only_is_not_proposed(inbox, corpus, capsys):
    page = inbox / "undated.html"
    page.write_text(
        html_page("<title>Undated page</title>").replace("</article>", "<p>Posted 2016-03-24.</p></article>"),
        encoding="utf-8",
    )
    assert add(page, "--to", corpus) == 0
    out = only_file(corpus)
    assert "date" not in front_matter(out)
    assert capsys.readouterr().err == f"{out}: no date found; pass --date or add date: to the front matter\n"
    missing = f"{out}: missing date in front matter (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    assert [str(p) for p in read_document(out)[1]] == [missing]


def test_pdf_with_text_layer(inbox, corpus):
    lines = [
        "1. Ministers met in Bali on 23 March 2016 to discuss people smuggling and trafficking in",
        "persons across the region and beyond.",
        "2. They agreed to strengthen information sharing.",
    ]
    pdf = text_pdf(
        inbox / "statement.pdf",
        lines,
        Title="Co-Chairs' Statement",
        CreationDate=dt.datetime(2016, 3, 23, 10, 0, tzinfo=dt.UTC),
    )
    assert "information sharing" in PdfReader(pdf).pages[0].extract_text()  # the fixture has a text layer
    assert add(pdf, "--to", corpus) == 0
    out = corpus / "co-chairs-statement.txt"
    meta = front_matter(out)
    assert (meta["title"], str(meta["date"])) == ("Co-Chairs' Statement", "2016-03-23")
    assert "CreationDate" in meta["date_note"]
    paragraphs = load_corpus(corpus).paragraphs["text"].tolist()
    assert paragraphs == [lines[0] + " " + lines[1], lines[2]]


def test_docx(inbox, corpus):
    path = docx_file(
        inbox / "report.docx",
        "Senior Officials Meeting report",
        dt.datetime(2004, 6, 8, 9, 0),
        ["Senior officials met in Brisbane on 7-8 June 2004.", "", "They reviewed the experts groups."],
    )
    assert add(path, "--to", corpus, "--doc-type", "meeting_report") == 0
    out = corpus / "senior-officials-meeting-report.txt"
    meta = front_matter(out)
    assert (meta["title"], str(meta["date"]), meta["doc_type"]) == (
        "Senior Officials Meeting report",
        "2004-06-08",
        "meeting_report",
    )
    assert load_corpus(corpus).paragraphs["text"].tolist() == [
        "Senior officials met in Brisbane on 7-8 June 2004.",
        "They reviewed the experts groups.",
    ]


def test_docx_without_metadata_proposes_nothing(inbox, corpus, capsys):
    path = docx_file(inbox / "Minutes 2004.docx", None, None, ["Minutes of the meeting."])
    assert add(path, "--to", corpus) == 0
    out = corpus / "minutes-2004.txt"
    meta = front_matter(out)
    assert set(meta) == {"doc_type", "doc_type_note", "source_file", "source_sha256"}
    assert meta["doc_type"] == "meeting_report" and "'Minutes of'" in meta["doc_type_note"]
    assert capsys.readouterr().err.splitlines() == [
        f"{out}: no title found; pass --title or add title: to the front matter",
        f"{out}: no date found; pass --date or add date: to the front matter",
    ]


def test_text_and_options_override(inbox, corpus):
    note = inbox / "note.md"
    note.write_text("First line of a note.\r\n\r\nSecond paragraph.\r\n", encoding="utf-8")
    assert (
        add(
            note,
            "--to",
            corpus,
            "--title",
            "A note",
            "--date",
            "2016",
            "--publisher",
            "Me",
            "--url",
            "https://example.org/n",
            "--id",
            "note-2016",
        )
        == 0
    )
    out = corpus / "note-2016.txt"
    meta = front_matter(out)
    assert meta == {
        "id": "note-2016",
        "title": "A note",
        "date": "2016",
        "publisher": "Me",
        "url": "https://example.org/n",
        "source_file": "note.md",
        "source_sha256": hashlib.sha256(note.read_bytes()).hexdigest(),
    }
    assert out.read_text(encoding="utf-8").endswith("---\nFirst line of a note.\n\nSecond paragraph.\n")
    doc = load_corpus(corpus).documents.iloc[0]
    assert (doc["doc_id"], doc["date_precision"], doc["date_end"]) == ("note-2016", "year", dt.datetime(2016, 12, 31))


def test_option_overrides_file_metadata(inbox, tmp_path):
    page = inbox / "page.html"
    page.write_text(html_page(FULL_HEAD), encoding="utf-8")
    assert add(page, "--to", tmp_path, "--date", "2016-04", "--title", "Other") == 0
    meta = front_matter(tmp_path / "other.txt")
    assert (meta["title"], meta["date"], meta["publisher"]) == ("Other", "2016-04", "Ministry of Foreign Affairs")
    assert "date_note" not in meta


# --- refusals, through the command line as a reader runs it -------------------------------------------


def test_bad_files_are_refused_with_one_line_each(inbox, tmp_path):
    good = inbox / "good.txt"
    good.write_text("Some text.\n", encoding="utf-8")
    scan = image_pdf(inbox / "scan.pdf")
    assert PdfReader(scan).pages[0].extract_text().strip() == ""  # the fixture has no text layer
    corrupt = inbox / "corrupt.pdf"
    corrupt.write_bytes(np.random.default_rng(1).bytes(3000))
    broken_docx = inbox / "broken.docx"
    broken_docx.write_bytes(b"PK\x03\x04 not really a zip")
    rtf = inbox / "notes.rtf"
    rtf.write_text("{\\rtf1 x}", encoding="utf-8")
    latin = inbox / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    result = run(
        "add",
        str(scan),
        str(corrupt),
        str(good),
        str(broken_docx),
        str(rtf),
        str(latin),
        str(inbox / "absent.html"),
        "--to",
        str(tmp_path / "corpus"),
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"{scan}: no text layer (scanned?): run OCR first"
    assert lines[1].startswith(f"{corrupt}: cannot be read as a PDF (")
    assert (
        lines[2]
        == f"{tmp_path / 'corpus' / 'good.txt'}: no title found; pass --title or add title: to the front matter"
    )
    assert lines[4].startswith(f"{broken_docx}: cannot be read as a .docx file (")
    assert lines[5] == f"{rtf}: unsupported file type '.rtf' (add reads .html, .htm, .pdf, .docx, .txt, .md)"
    assert lines[6] == f"{latin}: not valid UTF-8 text (byte 0xe9 at offset 3)"
    assert lines[7] == f"{inbox / 'absent.html'}: cannot be read (No such file or directory)"
    assert len(lines) == 8
    assert result.stdout == f"{good} -> {tmp_path / 'corpus' / 'good.txt'}\n"
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["good.txt"]


def test_existing_output_is_kept_unless_forced(inbox, tmp_path):
    page = inbox / "page.html"
    page.write_text(html_page(FULL_HEAD), encoding="utf-8")
    first = tmp_path / "regional-cooperation-on-people-smuggling.txt"
    first.write_text("a hand-made document that holds the name", encoding="utf-8")
    second = tmp_path / "regional-cooperation-on-people-smuggling-2.txt"
    result = run("add", str(page), "--to", str(tmp_path))
    assert (result.returncode, result.stdout) == (0, f"{page} -> {second}\n")
    assert first.read_text(encoding="utf-8") == "a hand-made document that holds the name"
    second.write_text(second.read_text(encoding="utf-8") + "\nEdited by hand\n", encoding="utf-8")
    result = run("add", str(page), "--to", str(tmp_path))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"{page}: already added as {second} (same source_sha256); pass --force to replace it\n"
    assert "Edited by hand" in second.read_text(encoding="utf-8")
    assert add(page, "--to", tmp_path, "--force") == 0
    assert "Edited by hand" not in second.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["inbox", first.name, second.name])


def test_given_id_never_moves_to_another_name(inbox, tmp_path, capsys):
    note = inbox / "n.txt"
    note.write_text("Text.\n", encoding="utf-8")
    (tmp_path / "my-id.txt").write_text("keep me", encoding="utf-8")
    assert add(note, "--to", tmp_path, "--id", "my-id") == 1
    assert capsys.readouterr().err == f"{note}: {tmp_path / 'my-id.txt'} already exists; pass --force to replace it\n"
    assert (tmp_path / "my-id.txt").read_text(encoding="utf-8") == "keep me"


def test_same_title_from_different_files_gets_numbered_names(inbox, tmp_path):
    for name in ("a.txt", "b.txt"):
        (inbox / name).write_text(f"Media release text {name}.\n", encoding="utf-8")
    assert add(inbox / "a.txt", "--to", tmp_path / "c", "--title", "Media release") == 0
    assert add(inbox / "b.txt", "--to", tmp_path / "c", "--title", "Media release") == 0
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["media-release-2.txt", "media-release.txt"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--date", "2016-13"],
            "--date '2016-13' is not a date YYYY, YYYY-MM or YYYY-MM-DD (month must be in 1..12, not 13)",
        ),
        (["--date", "23 March 2016"], "--date '23 March 2016' is not a date YYYY, YYYY-MM or YYYY-MM-DD"),
        (["--url", "example.org"], "--url 'example.org' is not an http(s) address"),
        (["--id", "a b"], "--id 'a b' must be letters, digits, '-', '_' or '.'"),
    ],
)
def test_bad_options_are_refused(inbox, tmp_path, capsys, options, message):
    note = inbox / "n.txt"
    note.write_text("Text.\n", encoding="utf-8")
    assert add(note, "--to", tmp_path / "c", *options) == 1
    assert capsys.readouterr().err == f"baliprocess add: {message}\n"
    assert not (tmp_path / "c").exists()


def test_title_and_id_need_a_single_file(inbox, tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (inbox / name).write_text(f"Text {name}.\n", encoding="utf-8")
    assert add(inbox / "a.txt", inbox / "b.txt", "--to", tmp_path, "--title", "Same") == 1
    assert capsys.readouterr().err == "baliprocess add: --id and --title name one document: pass one FILE with them\n"


def test_every_kind_added_together_validates(inbox, tmp_path):
    (inbox / "page.html").write_text(html_page(FULL_HEAD), encoding="utf-8")
    text_pdf(
        inbox / "s.pdf",
        ["A statement with a text layer."],
        Title="A statement",
        CreationDate=dt.datetime(2018, 8, 7, tzinfo=dt.UTC),
    )
    docx_file(inbox / "r.docx", "A report", dt.datetime(2004, 6, 8), ["A report paragraph."])
    corpus = tmp_path / "corpus"
    assert add(*sorted(inbox.iterdir()), "--to", corpus) == 0
    result = run("validate", str(corpus))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("3 documents, ")


# --- helpers --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-03-23T10:00:00+11:00", ("2016-03-23", "day")),
        ("2016", ("2016", "year")),
        ("2016-03", ("2016-03", "month")),
        ("23 March 2016", ("2016-03-23", "day")),
        ("March 2016", ("2016-03", "month")),
        ("now", None),
        ("yesterday", None),
        ("2016-13", None),
    ],
)
def test_metadata_date(value, expected):
    found = metadata_date(value)
    assert (None if found is None else (str(found), found.precision)) == expected


def test_slug():
    assert slug("Co-Chairs' Statement: Bali, 2002") == "co-chairs-statement-bali-2002"
    assert slug("Déclaration de Bali") == "declaration-de-bali"
    assert slug("!!!") == "document"
    assert len(slug("word " * 40)) <= 60


def test_pdf_lines_join_soft_wraps_and_keep_items_apart():
    lines = [
        "1. A numbered paragraph that is long enough to wrap onto a",
        "second line of the page.",
        "2. The next one, with a hyphen-",
        "ated word.",
        "A closing line.",
    ]
    page = [Line(text, top=800 - 12 * i) for i, text in enumerate(lines)]
    assert to_paragraphs(page, Lexicon(), []) == [
        "1. A numbered paragraph that is long enough to wrap onto a second line of the page.",
        "2. The next one, with a hyphenated word.",  # a dictionary word: the line-end hyphen goes
        "A closing line.",
    ]
