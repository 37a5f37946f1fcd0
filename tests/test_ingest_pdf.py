"""PDF text that reads like the original: each rule of ``baliprocess.ingest.pdftext`` on PDFs made here
(reportlab, tests/pdffactory.py): reading order of two columns (measured against pypdf), ligatures,
running headers, page numbers, print stamps, line-end hyphens, title/dateline/body, and the bad cases."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from pypdf import PdfReader

from baliprocess.corpus import load_corpus
from baliprocess.ingest import LOG_DIR
from baliprocess.ingest.command import corpus_lexicon
from baliprocess.ingest.pdftext import (
    Lexicon,
    Line,
    dehyphenate,
    edge_lines_to_drop,
    join_lines,
    normalise_ligatures,
    pdf_text,
)
from pdffactory import Page, wrap, write_pdf
from test_ingest import add, front_matter

LEFT = (
    "Alpha column: the Bali Process brings together more than forty members to address people smuggling "
    "and trafficking in persons across the region through practical cooperation and shared information. "
)
RIGHT = (
    "Beta column: ministers welcomed the report of the Regional Support Office and agreed to strengthen "
    "the exchange of information among the members and observers of the process in the coming year. "
)


def column_switches(words: list[str]) -> int:
    """How often the reading jumps between the columns (words found in only one of them): 1 when in order."""
    left_only, right_only = set(LEFT.split()) - set(RIGHT.split()), set(RIGHT.split()) - set(LEFT.split())
    sides = ["L" if w in left_only else "R" for w in words if w in left_only or w in right_only]
    return sum(a != b for a, b in itertools.pairwise(sides))


def test_two_columns_read_in_order_where_pypdf_interleaves(tmp_path):
    left, right = wrap(LEFT * 2, 42), wrap(RIGHT * 2, 42)
    pdf = write_pdf(tmp_path / "two.pdf", [Page(body=left, right=right)])
    ours = pdf_text(pdf.read_bytes()).paragraphs
    pypdf_words = PdfReader(pdf).pages[0].extract_text().split()
    ours_words = " ".join(ours).split()
    # measured: pypdf follows the content stream, which runs across both columns line by line
    assert column_switches(pypdf_words) >= 2 * len(left) - 2
    assert column_switches(ours_words) == 1
    assert ours == [" ".join(left), " ".join(right)]


def test_ligatures_become_letters_and_are_logged(tmp_path):
    assert normalise_ligatures("ﬁrst ﬂow ﬀ ﬃ ﬄ") == "first flow ff ffi ffl"
    pdf = write_pdf(tmp_path / "lig.pdf", [Page(body=["The ﬁrst ofﬁcial meeting was held in Bali."])])
    text = pdf_text(pdf.read_bytes())
    assert text.paragraphs == ["The first official meeting was held in Bali."]
    assert [(e["rule"], e["after"]) for e in text.log] == [("ligature", "The first official meeting was held in Bali.")]


PAGE_TEXTS = [LEFT, RIGHT, LEFT.replace("Alpha column", "Gamma page"), RIGHT.replace("Beta column", "Delta page")]


def furnished(n: int, header: list[str], footer: list[str]) -> list[Page]:
    """``n`` pages of different text, each with the header and footer lines (``{i}`` page, ``{n}`` pages)."""
    return [
        Page(
            body=wrap(PAGE_TEXTS[i % len(PAGE_TEXTS)], 80),
            header=[h.format(i=i + 1, n=n) for h in header],
            footer=[f.format(i=i + 1, n=n) for f in footer],
        )
        for i in range(n)
    ]


@pytest.mark.parametrize(
    ("header", "footer", "rules"),
    [
        (["Bali Process Ministerial Conference 2016"], ["Page {i} of {n}"], {"running-header", "page-number"}),
        (["Co-Chairs' Statement, page {i}"], ["- {i} -"], {"running-header", "page-number"}),
        (
            ["23/03/2016, 10:15 Co-Chairs' Statement | Bali Process"],
            ["file:///C:/Users/me/Downloads/statement.html {i}/{n}"],
            {"print-stamp"},
        ),
        (["3/23/16, 10:15 AM"], ["https://www.baliprocess.net/statement {i}/{n}"], {"print-stamp"}),
    ],
)
def test_page_furniture_is_dropped(tmp_path, header, footer, rules):
    pdf = write_pdf(tmp_path / "f.pdf", furnished(3, header, footer))
    text = pdf_text(pdf.read_bytes())
    joined = " ".join(text.paragraphs)
    assert "Page" not in joined and "file:" not in joined and "https" not in joined and "10:15" not in joined
    assert "Conference 2016" not in joined and " - 2 - " not in joined
    assert text.paragraphs == [p.strip() for p in PAGE_TEXTS[:3]]
    assert {e["rule"] for e in text.log} == rules
    assert sum(e["rule"] in rules for e in text.log) == 3 * (len(header) + len(footer))


def test_a_bare_number_is_a_page_number_only_near_the_pages_own():
    pages = [[Line("Members attending", top=800, page=1), Line("45", top=40, page=1)]]
    pages.append([Line("Observers", top=800, page=2), Line("2", top=40, page=2)])
    assert edge_lines_to_drop(pages) == {(1, 1): "page-number"}


def test_a_line_once_at_a_page_edge_is_not_a_running_header():
    pages = [
        [Line("A one-off opening line", top=800, page=1), Line("Body text.", top=700, page=1)],
        [Line("Another first line", top=800, page=2), Line("More body text.", top=700, page=2)],
    ]
    assert edge_lines_to_drop(pages) == {}


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        ("atten", "ded", "line-end-hyphen"),  # the dictionary knows "attended"
        ("Afgh", "anistan", "line-end-hyphen"),
        ("Timor", "Leste", "real-hyphen"),  # "TimorLeste" is no word
        ("Asia", "Pacific", "real-hyphen"),
        ("co", "chaired", "real-hyphen"),  # a hyphenating prefix, though "cochaired" is in the dictionary
        ("UN", "HCR", "real-hyphen"),  # unknown unless the texts write UNHCR
    ],
)
def test_dehyphenate_with_the_dictionary(first, second, rule):
    assert dehyphenate(first, second, Lexicon()) == rule


def test_the_texts_own_spelling_decides_first():
    lexicon = Lexicon(["UNHCR and IOM attended.", "Co-operation with New Zealand; cooperation"])
    assert dehyphenate("UN", "HCR", lexicon) == "line-end-hyphen"
    assert dehyphenate("Zeal", "and", lexicon) == "line-end-hyphen"
    assert dehyphenate("co", "operation", lexicon) == "real-hyphen"  # written hyphenated inside a line
    log: list[dict[str, object]] = []
    assert join_lines("Delegates from UN-", "HCR attended", lexicon, log) == "Delegates from UNHCR attended"
    assert join_lines("the Asia-", "Pacific region", lexicon, log) == "the Asia-Pacific region"
    assert [(e["rule"], e["before"], e["after"]) for e in log] == [
        ("line-end-hyphen", "UN- / HCR", "UNHCR"),
        ("real-hyphen", "Asia- / Pacific", "Asia-Pacific"),
    ]


def test_hyphenated_pdf_lines_read_as_words(tmp_path):
    body = [
        "Delegations from New Zealand, Timor-Leste and Afghanistan were atten-",
        "ded by senior officials. The meeting was co-",
        "chaired by Indonesia and Australia, and delegates from New Zeal-",
        "and and Timor-",
        "Leste spoke for the Asia-",
        "Pacific region.",
    ]
    text = pdf_text(write_pdf(tmp_path / "h.pdf", [Page(body=body)]).read_bytes())
    assert text.paragraphs == [
        "Delegations from New Zealand, Timor-Leste and Afghanistan were attended by senior officials. The meeting "
        "was co-chaired by Indonesia and Australia, and delegates from New Zealand and Timor-Leste spoke for the "
        "Asia-Pacific region."
    ]


def test_title_dateline_and_body_are_apart(tmp_path):
    body = ["Bali, 23 March 2016", *wrap(LEFT, 80), "", *wrap(RIGHT, 80)]
    pdf = write_pdf(tmp_path / "t.pdf", [Page(title=["Co-Chairs' Statement"], body=body)])
    text = pdf_text(pdf.read_bytes())
    assert text.title == "Co-Chairs' Statement"
    assert text.paragraphs == ["# Co-Chairs' Statement", "Bali, 23 March 2016", LEFT.strip(), RIGHT.strip()]


def test_print_date_is_not_proposed_for_an_older_statement(tmp_path, capsys):
    body = ["Bali, 23 March 2016", *wrap(LEFT, 80)]
    pdf = write_pdf(
        tmp_path / "s.pdf", [Page(title=["Co-Chairs' Statement"], body=body)], created=dt.datetime(2026, 1, 5)
    )
    assert add(pdf, "--to", tmp_path / "c") == 0
    out = tmp_path / "c" / "co-chairs-statement.txt"
    meta = front_matter(out)
    assert str(meta["date"]) == "2016-03-23"
    assert meta["date_note"].startswith("Proposed by add: 2016-03-23, from the dateline 'Bali, 23 March 2016' (")
    assert "CreationDate 2026-01-05 is more than a year after every date the text mentions" in meta["date_note"]
    assert meta["title_note"] == (
        "Proposed by add: Co-Chairs' Statement, from the largest type on the PDF's first page; "
        "check it against the document."
    )
    assert meta["doc_type"] == "statement"
    log = (tmp_path / "c" / LOG_DIR / "co-chairs-statement.tsv").read_text(encoding="utf-8").splitlines()
    assert log[0] == "page\trule\tbefore\tafter" and log[1].startswith("1\ttitle\t")
    assert "title 1" in meta["cleaning_note"]
    assert load_corpus(tmp_path / "c").paragraphs["text"].tolist()[:2] == [
        "Co-Chairs' Statement",
        "Bali, 23 March 2016",
    ]


def test_creation_date_that_agrees_with_the_text_is_proposed_with_its_source(tmp_path):
    pdf = write_pdf(
        tmp_path / "s.pdf", [Page(body=["Ministers met on 23 March 2016."])], created=dt.datetime(2016, 3, 24)
    )
    assert add(pdf, "--to", tmp_path / "c", "--title", "Statement") == 0
    meta = front_matter(tmp_path / "c" / "statement.txt")
    assert (str(meta["date"]), meta["date_note"].split(" (")[0]) == (
        "2016-03-24",
        "Proposed by add: 2016-03-24, from the PDF's CreationDate",
    )


def test_boilerplate_page_and_boilerplate_file(tmp_path, capsys):
    pages = furnished(2, ["Bali Process"], ["Page {i} of {n}"])
    pages.append(Page(header=["Bali Process"], footer=["Page 3 of 3"]))
    good = write_pdf(tmp_path / "good.pdf", pages)
    only = write_pdf(tmp_path / "only.pdf", [Page(header=["Bali Process"], footer=[f"Page {i} of 2"]) for i in (1, 2)])
    assert add(good, only, "--to", tmp_path / "c", "--date", "2016") == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{good}: page(s) 3 hold only running headers, page numbers or print stamps: nothing kept" in err
    assert f"{only}: only running headers, page numbers or print stamps: no text left to add" in err
    assert [p.name for p in (tmp_path / "c").glob("*.txt")] == ["good.txt"]


def test_title_repeated_as_a_running_header_stays_the_title(tmp_path):
    pages = furnished(3, ["Co-Chairs' Statement"], ["Page {i} of {n}"])
    pages[0].title, pages[0].header = ["Co-Chairs' Statement"], []
    text = pdf_text(write_pdf(tmp_path / "t.pdf", pages).read_bytes())
    assert text.paragraphs[0] == "# Co-Chairs' Statement"
    assert [e["page"] for e in text.log if e["rule"] == "running-header"] == [2, 3]


def test_a_hyphen_between_digits_stays_unspaced():
    assert join_lines("in the years 2002-", "2003 ministers", Lexicon(), []) == "in the years 2002-2003 ministers"


def test_the_corpus_lexicon_holds_the_folder_and_the_organisations(tmp_path):
    (tmp_path / "doc.txt").write_text("---\ntitle: T\n---\nDelegates from Kiribati and Tuvalu.\n", encoding="utf-8")
    lexicon = corpus_lexicon(tmp_path)
    assert {"kiribati", "tuvalu", "unhcr", "iom"} <= lexicon.words
    assert dehyphenate("Kiri", "bati", lexicon) == "line-end-hyphen"
    assert dehyphenate("UN", "HCR", lexicon) == "line-end-hyphen"
