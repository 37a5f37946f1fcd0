"""A list cut by a page or column break, and a two-column page read column by column (issue 17, helper
``pagebreaks9``; family P1 of tests/dev/lists8, from heldout3 and heldout6). PDFs made here with reportlab:
a justified two-column sheet like the development sets' (its lines cut into fragments by pdfminer), a list
continued on the next page under a running header, and the columns module's rules on hand-made fragments."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

from baliprocess.ingest.columns import Fragment, break_ends_paragraph, find_gutter, join_fragments, reading_order
from baliprocess.ingest.pdftext import layout_lines, pdf_text
from pdffactory import FONT, Page, wrap, write_pdf

LIST = (
    "Delegations from Afghanistan, Australia, Bangladesh, Indonesia, Malaysia, the Maldives, Myanmar, New "
    "Zealand, Pakistan, Sri Lanka and Thailand attended, together with the Office of the United Nations High "
    "Commissioner for Refugees and the International Organization for Migration."
)
OPENING = (
    "The Co-Chairs hosted the meeting of senior officials in Sydney on a Wednesday in October. Officials "
    "reviewed the work of the year, heard reports from the working groups and agreed on the next steps of "
    "the regional framework for the protection of people on the move."
)
CLOSING = "Participants agreed to meet again in the new year."


def two_column_sheet(path: Path, height: float) -> Path:
    """A sheet like heldout3's and heldout6's: a heading in bold, then justified paragraphs flowed through two
    columns ``height`` points tall, so that LIST runs from the foot of the left column into the right one."""
    w, h = A4
    col = (w - 130) / 2
    frames = [Frame(55, h - 150 - height, col, height), Frame(75 + col, h - 150 - height, col, height)]
    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1)
    doc.addPageTemplates([PageTemplate(frames=frames)])
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13, alignment=TA_JUSTIFY)
    story = []
    for text in (OPENING, LIST, CLOSING):
        story += [Paragraph(text, body), Spacer(1, 10)]
    doc.build(story)
    return path


@pytest.mark.parametrize("height", [150, 100])
def test_a_list_cut_by_a_column_or_page_break_is_one_paragraph(tmp_path, height):
    pdf = two_column_sheet(tmp_path / "two.pdf", height)
    lines = [line for page in layout_lines(pdf.read_bytes()) for line in page]
    start = next(line for line in lines if "Delegations" in line.text)
    end = next(line for line in lines if "Migration." in line.text)
    # the precondition: the list runs from the foot of a column into the next column (150) or page (100)
    assert (end.page, end.top > start.top) == ((1, True) if height == 150 else (2, True))
    assert pdf_text(pdf.read_bytes()).paragraphs == [OPENING, LIST, CLOSING]


def test_a_list_cut_by_a_page_break_under_running_lines_is_one_paragraph(tmp_path):
    header, opening, items = ["Bali Process Bulletin · Issue 4"], wrap(OPENING, 80), wrap(LIST, 80)
    assert items[0].endswith(", the")  # the break falls between "the" and its name, as on heldout6
    pages = [
        Page(body=[*opening, "", *items[:1]], header=header, footer=["Page 1 of 2"]),
        Page(body=[*items[1:], "", CLOSING], header=header, footer=["Page 2 of 2"]),
    ]
    text = pdf_text(write_pdf(tmp_path / "pages.pdf", pages).read_bytes())
    assert text.paragraphs == [OPENING, LIST, CLOSING]
    assert sorted({str(entry["rule"]) for entry in text.log}) == ["page-number", "running-header"]


def test_a_heading_at_a_page_foot_stands_alone_and_a_colon_carries_the_list_over(tmp_path):
    header, opening = ["Bali Process Bulletin · Issue 4"], wrap(OPENING, 80)
    cue = "Senior officials of the following members of the process took part in the meeting:"
    names = LIST.removeprefix("Delegations from ")
    pages = [
        Page(body=[*opening, "", "Who took part"], header=header, footer=["Page 1 of 3"]),
        Page(body=[*wrap(CLOSING, 80), "", cue], header=header, footer=["Page 2 of 3"]),
        Page(body=wrap(names, 80), header=header, footer=["Page 3 of 3"]),
    ]
    paragraphs = pdf_text(write_pdf(tmp_path / "foot.pdf", pages).read_bytes()).paragraphs
    # main read "Who took part Participants agreed ..." as one paragraph and cut the list from its cue
    assert paragraphs == [OPENING, "Who took part", CLOSING, f"{cue} {names}"]


def frag(text: str, x0: float, top: float, width: float | None = None) -> Fragment:
    return Fragment(text, 10.0, x0, x0 + (width if width is not None else 5 * len(text)), top, top - 10)


def test_two_columns_read_column_by_column_with_fragments_joined():
    # pdfminer's order as on heldout3's sheet: a right column's piece first, a justified line in pieces
    fragments = [
        frag("THE SHEET AT A GLANCE", 150, 790),
        frag("the", 381, 690, 14),
        frag("Organisations,", 314, 690, 60),
        frag("latter being the International", 402, 690, 132),
        frag("Organization for Migration and the ILO.", 314, 677, 220),
        frag("The RSO works for the whole membership:", 61, 690, 221),
        frag("45 Member States and 4 Member", 61, 677, 221),
    ]
    assert find_gutter(fragments, 0, 595) == 282
    assert [f.text for f in reading_order(fragments, 0, 595)] == [
        "THE SHEET AT A GLANCE",
        "The RSO works for the whole membership:",
        "45 Member States and 4 Member",
        "Organisations, the latter being the International",
        "Organization for Migration and the ILO.",
    ]


def test_one_column_and_a_table_are_not_columns():
    line = "A line of one column that runs across the whole width of the page."
    body = [frag(line, 61, 700 - 13 * i, 470) for i in range(6)]
    header = [frag("Bali Process Bulletin", 61, 800), frag("Page 1 of 2 of the Bulletin here", 400, 800)]
    assert find_gutter(body + header, 0, 595) is None
    table = [frag(name, 61, 700 - 13 * i) for i, name in enumerate(["Australia", "Fiji", "Indonesia"])]
    table += [frag(role, 320, 700 - 13 * i) for i, role in enumerate(["Co-chair", "Member", "Co-chair"])]
    assert find_gutter(table, 0, 595) is None
    # a running header's halves lie far apart on their baseline: two lines, not one
    assert len(join_fragments(header)) == 2


def test_what_a_break_continues():
    full = 60
    assert not break_ends_paragraph("Delegations from Australia, Fiji and New", "Zealand attended.", full)
    assert not break_ends_paragraph("The following states took part:", "Australia, Fiji and Nauru.", full)
    assert not break_ends_paragraph("took part as observers. Its work is", "continued in the next issue.", full)
    assert break_ends_paragraph("took part as observers, as in past years.", "The meeting agreed on", full)
    assert break_ends_paragraph("Secondments", "Officials of member states can join", full)
    assert not break_ends_paragraph("Fiji, Nauru and the", "Philippines attended.", full)  # short, yet open
    assert not break_ends_paragraph("About the working group", "set up in 2013, it reports every year.", full)
