"""What ``add`` proposes (issue 17, item 5): the text's dateline before a file's creation date, a byline's
date, a text file's dateline on its own line; a doc_type from a title that names the document (not a
headline about one), from a short label line, and web_page for a page printed from a browser. Every value
expected here is read off the made-up file by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from baliprocess.docdate import from_parts
from baliprocess.ingest.proposals import dateline, propose_doc_type
from pdffactory import Page, wrap, write_pdf
from test_ingest import add, front_matter

BODY = ["1. Ministers met in Bali and agreed to share information on people smuggling."]


def test_dateline_comes_before_a_creation_date_a_day_later(tmp_path):
    pdf = write_pdf(
        tmp_path / "s.pdf",
        [Page(title=["Co-Chairs' Statement"], body=["Canberra, 6 August 2014", *BODY])],
        created=dt.datetime(2014, 8, 7),
    )
    assert add(pdf, "--to", tmp_path / "c") == 0
    meta = front_matter(tmp_path / "c" / "co-chairs-statement.txt")
    assert str(meta["date"]) == "2014-08-06"
    assert meta["date_note"].startswith("Proposed by add: 2014-08-06, from the dateline 'Canberra, 6 August 2014'")
    assert "CreationDate says 2014-08-07" in meta["date_note"]


def test_a_print_date_is_refused_and_the_byline_dated_page_is_a_web_page(tmp_path):
    pages = [
        Page(
            header=["8/6/26, 10:15 AM Conference goes ahead | News"],
            footer=["https://news.example.org/conference 1/2"],
            title=["Conference goes ahead despite quake"],
            body=["Nusa Dua | Published Monday, 6 August 2018 Share this article: Facebook | Twitter", *BODY],
        ),
        Page(
            header=["8/6/26, 10:15 AM Conference goes ahead | News"],
            footer=["https://news.example.org/conference 2/2"],
            body=["2. The meeting closes on Tuesday."],
        ),
    ]
    pdf = write_pdf(tmp_path / "p.pdf", pages, created=dt.datetime(2026, 8, 6))
    assert add(pdf, "--to", tmp_path / "c") == 0
    meta = front_matter(tmp_path / "c" / "conference-goes-ahead-despite-quake.txt")
    assert str(meta["date"]) == "2018-08-06"
    assert "more than a year after every date the text mentions" in meta["date_note"]
    assert meta["doc_type"] == "web_page"
    assert "printed from a web browser" in meta["doc_type_note"]


def test_a_text_file_dateline_on_its_second_line(tmp_path):
    txt = tmp_path / "t.txt"
    txt.write_text(
        "TASK FORCE ON PLANNING\nInaugural meeting, Bangkok, 27 January 2017\nSummary of the Co-Chairs' statement\n"
        "\nThe Task Force met for the first time in Bangkok.\n",
        encoding="utf-8",
    )
    assert add(txt, "--to", tmp_path / "c") == 0
    meta = front_matter(tmp_path / "c" / "task-force-on-planning.txt")
    assert str(meta["date"]) == "2017-01-27"
    assert meta["doc_type"] == "statement"  # from the short label line


def test_a_sentence_is_no_dateline():
    assert dateline(["Ministers met on 23 March 2016."]) is None
    assert dateline(["Bali | Posted on 24 March 2016 in News, Events and other sections of the site"]) == (
        from_parts(2016, 3, 24),
        "Posted on 24 March 2016",
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Joint Statement by the Foreign Ministers", "statement"),
        ("Summary of the Co-Chairs' Statement", "statement"),
        ("The Bali Declaration on People Smuggling", "statement"),
        ("Thirteen countries endorse Jakarta Declaration on irregular movement", None),  # a headline about one
    ],
)
def test_a_title_cue_names_the_document_not_a_headline(title, expected):
    got = propose_doc_type(title, [], False)
    assert (got[0] if got else None) == expected


def test_a_short_label_line_and_a_saved_page():
    assert propose_doc_type("MEETING", ["Canberra, 6 August 2014", "CO-CHAIRS' STATEMENT"], False)[0] == "statement"
    assert propose_doc_type("MEETING", ["Ministers welcomed the statement."], False) is None
    note = propose_doc_type("The Ad Hoc Group", ["Background note for the Fifth Conference, Bali, 2013"], False)
    assert note == ("other", "the opening text, which says 'Background note' (a background note, filed as other)")
    page = propose_doc_type("Bali Process keenam hasilkan Deklarasi Bali", ["Siaran Pers"], True)
    assert page is not None and page[0] == "web_page" and "a media release published as a page" in page[1]


def test_a_title_block_repeated_on_every_page_is_kept_once_and_ends_at_its_dateline(tmp_path):
    head = ["SIXTH MINISTERIAL CONFERENCE", "Co-Chairs' Statement", "Bali, 23 March 2016"]
    text = wrap(" ".join(["Ministers met in Bali and agreed to share information on people smuggling."] * 6), 80)
    pages = [Page(title=head, body=text), Page(title=head, body=text)]
    pdf = write_pdf(tmp_path / "t.pdf", pages, created=dt.datetime(2016, 3, 23))
    assert add(pdf, "--to", tmp_path / "c") == 0
    out = tmp_path / "c" / "sixth-ministerial-conference-co-chairs-statement.txt"
    meta = front_matter(out)
    assert meta["title"] == "SIXTH MINISTERIAL CONFERENCE Co-Chairs' Statement"
    assert (str(meta["date"]), meta["doc_type"]) == ("2016-03-23", "statement")
    body = out.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert body.count("SIXTH MINISTERIAL CONFERENCE") == 1 and body.count("Bali, 23 March 2016") == 1


def test_an_articles_date_line_dropped_by_the_extractor_is_put_back(tmp_path):
    page = tmp_path / "p.html"
    said = [
        "Ministers and senior officials met in Adelaide from 8 to 10 February 2023 to review regional cooperation.",
        "The conference was co-chaired by the foreign ministers of Australia and Indonesia, as in earlier years.",
        "Representatives of member states and international organisations took part in the three days of talks.",
        "Ministers endorsed a new strategy for cooperation and asked officials to report on it at the next meeting.",
    ]
    paragraphs = "\n".join(f"<p>{text}</p>" for text in said)
    page.write_text(
        "<!DOCTYPE html><html><head><title>Conference</title></head><body>\n<nav><ul><li>Home</li><li>About</li>"
        "</ul></nav>\n<main><article>\n<h1>Conference</h1>\n"
        '<p class="meta">Adelaide · <time datetime="2023-02-10">10 February 2023</time></p>\n'
        f"{paragraphs}\n</article></main>\n<footer><p>Page last updated 14 March 2024</p></footer></body></html>",
        encoding="utf-8",
    )
    assert add(page, "--to", tmp_path / "c") == 0
    body = (tmp_path / "c" / "conference.txt").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert body.split("\n\n")[:3] == ["# Conference", "Adelaide · 10 February 2023", said[0]]
