"""``add``: on a web page, the date line and a labelled date field that the main-text extractor dropped are put
back (:func:`baliprocess.ingest.structure.restore_date_line`); in a text, a byline's date ("Written ...") comes
before a plain date line, a line of fields may start with the date, and a signature line at the end dates a
text without a dateline (:func:`baliprocess.ingest.proposals.dateline`). Pages and texts written for these
tests."""

from __future__ import annotations

import datetime as dt

import lxml.html
import pytest

from baliprocess.ingest.proposals import dateline
from baliprocess.ingest.structure import restore_date_line


def _tree(body: str):
    return lxml.html.fromstring(f"<html><body>{body}</body></html>")


def test_a_time_on_a_page_without_article_completes_the_line_the_extractor_cut():
    tree = _tree(
        '<nav><time datetime="2020-01-01">1 Januari 2020</time></nav>'
        '<h1>Rapat teknis</h1><p class="byline">Makassar, <time datetime="2019-07-10">Rabu, 10 Juli 2019</time></p>'
        "<p>Rapat teknis digelar di Makassar.</p>"
    )
    paragraphs = ["# Rapat teknis", "Makassar,", "Rapat teknis digelar di Makassar."]
    assert restore_date_line(tree, paragraphs) == [
        "# Rapat teknis",
        "Makassar, Rabu, 10 Juli 2019",
        "Rapat teknis digelar di Makassar.",
    ]


def test_a_labelled_date_field_of_the_main_text_is_put_back_after_the_heading():
    tree = _tree(
        "<main><h1>Workshop on victim referral</h1>"
        "<div class='meta'>Venue: Colombo | Date: 4–6 March 2019</div>"
        "<p>Officials met in Colombo to compare referral systems.</p></main>"
        "<footer><div>Date: 1 January 2024</div></footer>"
    )
    paragraphs = ["# Workshop on victim referral", "Officials met in Colombo to compare referral systems."]
    assert restore_date_line(tree, paragraphs) == [
        "# Workshop on victim referral",
        "Venue: Colombo | Date: 4–6 March 2019",
        "Officials met in Colombo to compare referral systems.",
    ]


def test_a_date_line_already_kept_changes_nothing():
    tree = _tree("<main><h1>Note</h1><div>Date: 4 March 2019</div><p>Text of the note.</p></main>")
    paragraphs = ["# Note", "Date: 4 March 2019", "Text of the note."]
    assert restore_date_line(tree, paragraphs) == paragraphs


def _line(paragraphs: list[str]) -> tuple[dt.date, str] | None:
    found = dateline(paragraphs)
    return (found[0].start, found[1]) if found else None


def test_a_written_line_says_when_a_note_was_written_not_the_meetings_days():
    paragraphs = ["MEMO", "Regional workshop on border data", "Colombo, 4-6 March 2019", "Written 11 March 2019"]
    assert _line([*paragraphs, "1. The workshop met in Colombo."]) == (dt.date(2019, 3, 11), "Written 11 March 2019")


def test_the_first_field_of_a_line_of_fields_may_be_the_dateline():
    paragraphs = ["Consular briefing in Suva", "June 4, 2019 | Source: Ministry of Home Affairs", "Officials met."]
    assert _line(paragraphs) == (dt.date(2019, 6, 4), "June 4, 2019")


def test_a_signature_line_at_the_end_dates_a_text_without_a_dateline():
    paragraphs = [
        "# Summary of the annual meeting",
        "Members reviewed the year's work and agreed on three priorities for the next cycle of activities.",
        "Drafted by the meeting's rapporteur, Friday 8 November 2019.",
    ]
    assert _line(paragraphs) == (dt.date(2019, 11, 8), "Drafted by the meeting's rapporteur, Friday 8 November 2019")
    # a date inside an ordinary closing sentence is no signature
    assert _line([*paragraphs[:2], "The next meeting opens on 8 November 2020."]) is None


# A page may set its date line above its title (heldout8's RSO page; tests/dev/dates10).
@pytest.mark.parametrize(
    ("before_title", "restored"),
    [
        ("<p class='meta'>09 May 2022 | News</p>", ["09 May 2022 | News"]),
        ("<p class='crumbs'>You are here: News</p>", []),  # no date
        ("<header><span>Suva, Monday 9 May 2022</span></header>", []),  # a header's clock
    ],
)
def test_a_dated_line_above_the_title_is_put_back(before_title, restored):
    tree = _tree(f"<main>{before_title}<h1>Border talks end</h1><p>Officials met.</p></main>")
    assert restore_date_line(tree, ["# Border talks end", "Officials met."]) == [
        "# Border talks end",
        *restored,
        "Officials met.",
    ]
