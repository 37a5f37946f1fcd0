"""``add``: Word and HTML tables and lists kept as paragraphs, metadata proposed with notes (web-page date
fields, creation dates checked against the text, title, doc_type), ``--force`` replacing the document made
from the same original, and ``validate``'s warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from baliprocess.corpus import load_corpus
from baliprocess.ingest import slug
from baliprocess.ingest.proposals import propose_doc_type, propose_title, stale_notes
from test_ingest import add, front_matter

BODY = "The Bali Process brings together more than forty members to address people smuggling across the region."


def only(folder: Path) -> Path:
    (path,) = folder.glob("*.txt")
    return path


def delegations_docx(path: Path, merged: bool = False, created: dt.datetime | None = None) -> Path:
    document = docx.Document()
    if created is not None:
        document.core_properties.created = created
    document.add_heading("Report of the Senior Officials Meeting", level=1)
    document.add_paragraph("Senior officials met in Brisbane on 7-8 June 2018. Taking part were:")
    table = document.add_table(rows=4, cols=2)
    for r, (country, status) in enumerate(
        [("Country", "Status"), ("Thailand", "Member"), ("Japan", "Observer"), ("Canada", "Observer")]
    ):
        table.cell(r, 0).text, table.cell(r, 1).text = country, status
    if merged:
        table.cell(2, 1).merge(table.cell(3, 1)).text = "Observer"
    document.add_paragraph("Viet Nam", style="List Bullet")
    document.add_paragraph("Lao PDR", style="List Bullet")
    document.save(path)
    return path


def test_word_table_rows_and_list_items_become_paragraphs(tmp_path):
    path = delegations_docx(tmp_path / "report.docx")
    assert add(path, "--to", tmp_path / "c", "--date", "2018-06") == 0
    out = only(tmp_path / "c")
    meta = front_matter(out)
    assert meta["title"] == "Report of the Senior Officials Meeting"
    assert meta["title_note"].startswith("Proposed by add: Report of the Senior Officials Meeting, from the document's")
    assert meta["tables_note"] == (
        "add converted 1 table (4 rows): one paragraph per row, the header row first, cells separated by '|'."
    )
    assert meta["doc_type"] == "meeting_report"
    paragraphs = load_corpus(tmp_path / "c").paragraphs
    assert paragraphs["text"].tolist()[1:] == [
        "Senior officials met in Brisbane on 7-8 June 2018. Taking part were:",
        "Country | Status",
        "Thailand | Member",
        "Japan | Observer",
        "Canada | Observer",
        "• Viet Nam",
        "• Lao PDR",
    ]
    assert paragraphs["kind"].tolist()[0] == "heading"


def test_word_table_with_merged_cells_is_written_and_reported(tmp_path, capsys):
    merged = delegations_docx(tmp_path / "merged.docx", merged=True)
    other = tmp_path / "note.txt"
    other.write_text("Another document\n\nIts text.\n", encoding="utf-8")
    assert add(merged, other, "--to", tmp_path / "c", "--date", "2018") == 1
    err = capsys.readouterr().err.splitlines()
    problems = [line for line in err if line.startswith(f"{merged}:")]
    assert problems == [
        f"{merged}: table 1 has merged cells (table 1 row 4 column 2 repeats the cell above): text spanning rows "
        "is repeated in each row, text spanning columns written once; check the rows"
    ]
    texts = load_corpus(tmp_path / "c").paragraphs["text"].tolist()
    assert "Japan | Observer" in texts and "Canada | Observer" in texts
    assert (
        "Merged cells: table 1 row 4 column 2 repeats the cell above."
        in front_matter(tmp_path / "c" / "report-of-the-senior-officials-meeting.txt")["tables_note"]
    )
    assert (tmp_path / "c" / "another-document.txt").exists()


def page(head: str, body: str) -> str:
    nav = "<nav><a href='/'>Home</a> | <a href='/a'>About</a></nav>"
    return f"<html><head>{head}</head><body>{nav}{body}</body></html>"


ARTICLE = (
    "<article><h1>Ministerial Conference</h1><p>{body}</p><h2>Participants</h2>"
    "<ul><li>Australia</li><li>Indonesia</li><li>New Zealand</li></ul>"
    "<table><tr><th>Country</th><th>Status</th></tr><tr><td>Thailand</td><td>Member</td></tr>"
    "<tr><td>Japan</td><td>Observer</td></tr></table><p>{body}</p></article>"
)


def test_html_table_and_list_survive(tmp_path):
    path = tmp_path / "p.html"
    path.write_text(page("<title>Conference</title>", ARTICLE.format(body=BODY)), encoding="utf-8")
    assert add(path, "--to", tmp_path / "c", "--date", "2016") == 0
    texts = load_corpus(tmp_path / "c").paragraphs["text"].tolist()
    assert texts == [
        "Ministerial Conference",
        BODY,
        "Participants",
        "• Australia",
        "• Indonesia",
        "• New Zealand",
        "Country | Status",
        "Thailand | Member",
        "Japan | Observer",
        BODY,
    ]
    meta = front_matter(only(tmp_path / "c"))
    assert meta["tables_note"].startswith("add converted 1 table (3 rows)")
    assert meta["doc_type"] == "web_page" and "saved web page" in meta["doc_type_note"]


def test_html_line_breaks_end_lines_and_inline_markup_does_not(tmp_path):
    path = tmp_path / "p.html"
    body = f"<article><p>Bali, Indonesia<br>23 March 2016</p><p>{BODY.replace('people', '<b>people</b>')}</p></article>"
    path.write_text(page("<title>T</title>", body), encoding="utf-8")
    assert add(path, "--to", tmp_path / "c", "--date", "2016") == 0
    assert load_corpus(tmp_path / "c").paragraphs["text"].tolist() == ["Bali, Indonesia", "23 March 2016", BODY]


def test_html_merged_cells_and_an_all_boilerplate_page(tmp_path, capsys):
    merged = tmp_path / "m.html"
    merged.write_text(
        page("<title>M</title>", ARTICLE.format(body=BODY).replace("<td>Japan</td>", "<td rowspan='2'>Japan</td>")),
        encoding="utf-8",
    )
    menus = tmp_path / "menus.html"
    menus.write_text(page("<title>Menu</title>", ""), encoding="utf-8")
    assert add(merged, menus, "--to", tmp_path / "c", "--date", "2016") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"{merged}: table 1 has merged cells (colspan/rowspan): each cell was written once, so a row may hold "
        "fewer cells than the header; check the rows"
    )
    assert err[1] == f"{menus}: no main text found: the page holds only menus, links or other boilerplate"
    assert len(err) == 2
    assert [p.name for p in (tmp_path / "c").glob("*.txt")] == ["ministerial-conference.txt"]


@pytest.mark.parametrize(
    ("head", "body_extra", "where"),
    [
        ('<meta property="article:published_time" content="2016-03-23T10:00:00+11:00">', "", "article:published_time"),
        ('<meta name="DC.date.issued" content="2016-03-23">', "", "DC.date.issued"),
        ('<meta itemprop="datePublished" content="2016-03-23">', "", "datePublished"),
        ("", '<span itemprop="datePublished">2016-03-23</span>', "itemprop=datePublished"),
        ('<script type="application/ld+json">{"datePublished": "2016-03-23"}</script>', "", "JSON-LD"),
        ("", '<p>Posted <time datetime="2016-03-23">23 March</time></p>', "<time datetime>"),
    ],
)
def test_web_page_publication_dates(tmp_path, head, body_extra, where):
    path = tmp_path / "p.html"
    path.write_text(page(f"<title>T</title>{head}", ARTICLE.format(body=BODY) + body_extra), encoding="utf-8")
    assert add(path, "--to", tmp_path / "c") == 0
    meta = front_matter(only(tmp_path / "c"))
    assert str(meta["date"]) == "2016-03-23"
    assert meta["date_note"].startswith("Proposed by add: 2016-03-23, from the page's") and where in meta["date_note"]


def test_word_template_date_years_before_the_text_is_not_proposed(tmp_path, capsys):
    path = delegations_docx(tmp_path / "r.docx", created=dt.datetime(2013, 5, 1, 9, 0))
    assert add(path, "--to", tmp_path / "c") == 0
    out = only(tmp_path / "c")
    assert "date" not in front_matter(out)
    assert capsys.readouterr().err.splitlines() == [
        f"{out}: the .docx file's core property 'created' 2013-05-01 is more than a year before the earliest date "
        "the text mentions (2018-06-07), so it is not the document's date; pass --date",
        f"{out}: no date found; pass --date or add date: to the front matter",
    ]


def test_title_from_first_line_and_doc_types():
    assert propose_title(["Joint Statement of the Co-Chairs", "Text."]) == (
        "Joint Statement of the Co-Chairs",
        "the document's first line",
    )
    assert propose_title(["A first sentence that ends.", "x"]) is None
    assert propose_title(["Text", "## Heading"]) == ("Heading", "the document's first heading")
    assert propose_title(["# A Markdown title\nits first paragraph\n\nmore"]) == (
        "A Markdown title",
        "the document's first heading",
    )
    assert propose_title(["Bali Process statement\nhard-wrapped text of a\nfile."])[0] == "Bali Process statement"
    cases = {
        "Media release: ministers meet": "press_release",
        "Bali Declaration on People Smuggling": "statement",
        "Co-Chairs' Statement": "statement",
        "Report of the Fifth Senior Officials Meeting": "meeting_report",
    }
    for title, expected in cases.items():
        assert propose_doc_type(title, [], False)[0] == expected
    news = propose_doc_type("Ministers meet in Bali", ["By Jane Doe", "Ministers told reporters ..."], False)
    assert news == ("other", "the opening text, which says 'By Jane Doe' (a news report, filed as other)")
    assert news[0] == "other" and "a news report, filed as other" in news[1]
    assert propose_doc_type("Untyped", ["Nothing to go by."], False) is None
    assert propose_doc_type("Untyped", ["Ministers welcomed the report of the office."], False) is None
    assert propose_doc_type("Untyped", ["Minutes of the meeting"], False)[0] == "meeting_report"
    assert propose_doc_type(None, ["Bali Process\nMedia Release\nMinisters met."], False)[0] == "press_release"


def test_force_replaces_the_document_made_from_the_same_original(tmp_path, capsys):
    note = tmp_path / "n.txt"
    note.write_text("Media release\n\nMinisters met.\n", encoding="utf-8")
    assert add(note, "--to", tmp_path / "c") == 0
    first = only(tmp_path / "c")
    assert add(note, "--to", tmp_path / "c", "--title", "A new title") == 1  # same checksum, no --force
    assert add(note, "--to", tmp_path / "c", "--title", "A new title", "--force") == 0
    assert only(tmp_path / "c") == first and front_matter(first)["title"] == "A new title"
    note.write_text("Media release\n\nMinisters met again.\n", encoding="utf-8")  # the same file, edited
    assert add(note, "--to", tmp_path / "c") == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"{note}: already added as {first} (same source_file, other bytes: an edited original, or another file of "
        "that name); pass --force to replace it (or rename the file if it is another document)"
    )
    assert add(note, "--to", tmp_path / "c", "--force") == 0
    assert only(tmp_path / "c") == first and "again" in first.read_text(encoding="utf-8")


def test_slug_is_cut_at_a_word_boundary():
    title = "Co-Chairs' Statement of the Sixth Regional Ministerial Conference on People Smuggling, Trafficking"
    cut = slug(title)
    assert len(cut) <= 60 and title.lower().replace("'", "").replace(",", "").replace(" ", "-").startswith(cut + "-")


def test_stale_notes():
    meta = {"date": "2016-04-01", "date_note": "Proposed by add: 2016-03-23, from x; check it.", "title": "T"}
    assert stale_notes(meta) == [
        "date_note says add proposed date '2016-03-23' but the front matter has '2016-04-01': update or remove the note"
    ]
    assert stale_notes({**meta, "date": "2016-03-23"}) == []
    assert stale_notes({"date": "2016", "date_note": "Inferred by hand."}) == []


def test_validate_warns_but_passes(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "late.txt").write_text(
        "---\ntitle: Late\ndate: 2026-01-05\ndoc_type: statement\n"
        "doc_type_note: 'Proposed by add: press_release, from the title; check it against the document.'\n"
        "---\nMinisters met on 23 March 2016.\n",
        encoding="utf-8",
    )
    fine = "---\ntitle: Fine\ndate: 2016-03-24\n---\nMet on 23 March 2016.\n"
    (corpus / "fine.txt").write_text(fine, encoding="utf-8")
    from test_cli import run

    result = run("validate", str(corpus))
    assert (result.returncode, result.stdout) == (0, "2 documents, 2 paragraphs\n")
    assert result.stderr.splitlines() == [
        f"{corpus / 'late.txt'}: warning: date 2026-01-05 is more than a year after every date the text mentions "
        "(the latest is 2016-03-23): is it the file's creation or print date?",
        f"{corpus / 'late.txt'}: warning: doc_type_note says add proposed doc_type 'press_release' but the front "
        "matter has 'statement': update or remove the note",
    ]
