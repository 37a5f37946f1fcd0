"""What ``add`` reads and proposes after sorting the four raw sets' errors into classes (branch ``dates6``): a
page laid out as a table, a dropped ``<h1>``, one date line restored once, a compact ``pubdate``, a saved
page's date line under its heading, a title field that names no word of the heading, an e-mail's subject and a
title wrapped in capitals, more doc_type cues, a printed page's related links, a PDF's masthead. Every document
is invented; the expectations are worked out by hand."""

from __future__ import annotations

import lxml.etree
import lxml.html
import pytest

from baliprocess.corpus import load_corpus
from baliprocess.docdate import from_parts
from baliprocess.ingest.pdftext import pdf_text
from baliprocess.ingest.printed import drop_related_links
from baliprocess.ingest.proposals import (
    heading_over_title_field,
    page_dateline,
    propose_doc_type,
    propose_title,
)
from baliprocess.ingest.readers import metadata_date
from baliprocess.ingest.structure import restore_date_line, restore_heading
from pdffactory import Page, wrap, write_pdf
from test_ingest import add, front_matter

LAYOUT_PAGE = """<html><head><title>Embassy of Fiji in Vienna - News</title></head><body>
<table id="layout"><tr><td id="banner">EMBASSY OF FIJI · VIENNA</td></tr>
<tr><td id="menu"><a href="/">Home</a> :: <a href="/news">News</a></td></tr>
<tr><td id="main"><h2>Delegates back a regional framework in Bali</h2>
<div class="newsdate">07 May, 2011 | Source: Pacific Daily</div>
<p>The regional conference ended on Wednesday with delegates from forty countries backing a framework for
working together against people smuggling, which they described as the main result so far.</p>
<p>The ministers of the two co-chairs told reporters that the road to the framework had been long and that
the answer had to be broad and open to everyone in the region, as the text itself says.</p></td></tr>
<tr><td id="footer">Embassy of Fiji, Main Street 1, Vienna</td></tr></table></body></html>"""


def test_a_page_laid_out_as_a_table_is_read_as_blocks_with_its_heading_and_date_line(tmp_path):
    path = tmp_path / "news.html"
    path.write_text(LAYOUT_PAGE, encoding="utf-8")
    assert add(path, "--to", tmp_path / "c") == 0
    written = next((tmp_path / "c").glob("*.txt"))
    meta = front_matter(written)
    # the title field names the site: the article's heading is the title; its date line dates it
    assert meta["title"] == "Delegates back a regional framework in Bali"
    assert meta["date"] == "2011-05-07"
    assert "tables_note" not in meta
    texts = load_corpus(tmp_path / "c").paragraphs["text"].tolist()
    assert "07 May, 2011 | Source: Pacific Daily" in texts
    assert not any("|" in t and "framework for" in t for t in texts)  # no row glued from heading, date and text


def test_a_table_of_data_stays_rows():
    from baliprocess.ingest.structure import html_blocks

    body = lxml.etree.fromstring(
        "<body><table><row><cell><p>Fiji</p></cell><cell>Member</cell></row>"
        "<row><cell>Japan</cell><cell>Observer</cell></row></table></body>"
    )
    paragraphs, tables = html_blocks(body)
    assert paragraphs == ["Fiji | Member", "Japan | Observer"] and len(tables) == 1


def test_a_dropped_h1_is_put_back_and_a_date_line_is_restored_once():
    tree = lxml.html.fromstring(
        "<html><body><h1>Experts' Workshop on Victim Support (2012)</h1>"
        "<div><span>Location: Suva, Fiji</span> <span>Date: 28 – 30 May 2012</span></div>"
        "<p>Fiji hosted the workshop.</p></body></html>"
    )
    paragraphs = restore_heading(tree, ["Date: 28 – 30 May 2012", "Fiji hosted the workshop."])
    assert paragraphs[0] == "# Experts' Workshop on Victim Support (2012)"
    # the block under the title holds the date line already kept: not added a second time
    assert restore_date_line(tree, paragraphs) == paragraphs
    # a text that opens with a heading keeps it
    assert restore_heading(tree, ["# Other", "x"]) == ["# Other", "x"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20180806143500", from_parts(2018, 8, 6)),
        ("20180806", from_parts(2018, 8, 6)),
        ("201808061435", from_parts(2018, 8, 6)),
        ("20181306", None),
        ("20180832143500", None),
    ],
)
def test_compact_timestamps(value, expected):
    assert metadata_date(value) == expected


def test_page_dateline_reads_only_the_line_under_the_heading():
    assert page_dateline(["Banner", "## Talks end", "07 May, 2011 | Source: Pacific Daily", "Text."]) == (
        from_parts(2011, 5, 7),
        "07 May, 2011",
    )
    assert page_dateline(["## Talks end", "Text of 7 May 2011 about it.", "Related: 8 May 2011"]) is None
    assert page_dateline(["No heading", "7 May 2011"]) is None


def test_titles():
    assert propose_title(["Subject: RSO Bulletin - Save the date: Forum, Suva\n\nDear colleagues,"]) == (
        "RSO Bulletin - Save the date: Forum, Suva",
        "the document's first line",
    )
    wrapped = "JOINT PRESS CONFERENCE AT THE CLOSE OF THE FIFTH\nMINISTERIAL CONFERENCE\nSuva - Friday, 3 May 2013"
    assert propose_title([wrapped])[0] == "JOINT PRESS CONFERENCE AT THE CLOSE OF THE FIFTH MINISTERIAL CONFERENCE"
    # a label in capitals over a line of text, and a capital line over a date, stay one line
    assert propose_title(["NOTE FOR THE FILE\nSecond Regional Conference"])[0] == "NOTE FOR THE FILE"
    assert propose_title(["TALKS IN SUVA\nSUVA, 3 MAY 2013"])[0] == "TALKS IN SUVA"
    heading = ["# Fiji hosts the senior officials", "Text."]
    assert heading_over_title_field("Press Release", heading) == "Fiji hosts the senior officials"
    assert heading_over_title_field("Senior officials meet", heading) is None  # a shared word: the field stays
    assert heading_over_title_field("Press Release", ["Fiji hosts the senior officials", "Text."]) is None


@pytest.mark.parametrize(
    ("title", "opening", "expected"),
    [
        ("Workshop on Victim Support", ["Co-Hosts' Summary", "1. The workshop met."], "statement"),
        ("Co-Hosts Summary", [], "statement"),
        ("JOINT PRESS CONFERENCE", ["Suva - Friday, 3 May 2013", "Transcript, E&OE", "MINISTER: Good."], "other"),
        ("Policy Note 3: From Framework to Practice", [], "other"),
        # a masthead's line of fields: each field is a label
        ("FROM FRAMEWORK TO PRACTICE", ["The Framework, 2011–2014 · Policy note 3 · September 2014", "Text."], "other"),
        # a masthead's "Issue 2" names a periodical (dates9: h2, h6 and h7 annotate such mastheads as newsletters)
        ("THE OFFICE AT WORK", ["Support Office · Issue 2 · April–June 2018", "The group met."], "other"),
        ("THE OFFICE AT WORK", ["Support Office · Issue 2 of the plan · 2018", "The group met."], None),
        # a report about a transcript names no transcript of its own
        ("Talks end", ["The ministers released a transcript of their remarks on Friday."], None),
    ],
)
def test_doc_type_cues(title, opening, expected):
    proposed = propose_doc_type(title, opening, is_web_page=False)
    assert (proposed[0] if proposed else None) == expected


def test_a_printed_pages_related_links_are_dropped_and_logged():
    log: list[dict[str, object]] = []
    paragraphs = ["Body text.", "Related content", "Talks in Suva 21 Feb 2023 Forum opens 29 May 2015", "Footer"]
    assert drop_related_links(paragraphs, log) == ["Body text.", "Footer"]
    assert [e["rule"] for e in log] == ["related-links", "related-links"]
    assert drop_related_links(["Text.", "Related articles: A | B", "End"], []) == ["Text.", "End"]
    assert drop_related_links(["Related parties met in 2015."], []) == ["Related parties met in 2015."]


def test_printed_page_related_links_dropped_by_add(tmp_path):
    stamp = "3/4/15, 10:05 AM"
    said = "The symposium met in Bangkok on 25 March 2015 and gathered experts of the region for two days."
    body = [*wrap(said * 3, 80), "", "Related", "", "Other talks February 18, 2015"]
    pdf = write_pdf(tmp_path / "p.pdf", [Page(header=[stamp], body=body, footer=["https://example.org/talks"])])
    assert add(pdf, "--to", tmp_path / "c", "--date", "2015-04-02", "--title", "Talks") == 0
    texts = load_corpus(tmp_path / "c").paragraphs["text"].tolist()
    assert texts == [" ".join(wrap(said * 3, 80))]


def test_a_masthead_repeated_with_the_title_is_kept_once(tmp_path):
    masthead = "Support Office · Issue 2 · April–June 2018"
    first = Page(
        title=["OFFICE HIGHLIGHTS"], body=[masthead, "", "The working group met in Bangkok.", "It agreed a plan."]
    )
    second = Page(title=["OFFICE HIGHLIGHTS"], body=[masthead, "", "Members reported on their work.", "The end."])
    text = pdf_text(write_pdf(tmp_path / "m.pdf", [first, second]).read_bytes())
    assert text.paragraphs[:2] == ["# OFFICE HIGHLIGHTS", masthead]
    assert sum(p == masthead for p in text.paragraphs) == 1
    assert [(e["page"], e["rule"]) for e in text.log if e["rule"] in ("masthead", "running-header")] == [
        (1, "masthead"),
        (2, "running-header"),
        (2, "running-header"),
    ]


def test_without_the_title_repeating_a_header_stays_dropped(tmp_path):
    header = "Senior Officials' Meeting · May 2024"
    pages = [Page(header=[header], title=["Co-Chairs' Summary"], body=["The meeting opened."])]
    pages.append(Page(header=[header], body=["The meeting closed.", "It will meet again."]))
    text = pdf_text(write_pdf(tmp_path / "h.pdf", pages).read_bytes())
    assert header not in text.paragraphs and all("masthead" != e["rule"] for e in text.log)
