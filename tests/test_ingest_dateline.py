"""``add`` on a web page: the date line and a labelled date field that the main-text extractor dropped are put
back (:func:`baliprocess.ingest.structure.restore_date_line`), on pages written for these tests."""

from __future__ import annotations

import lxml.html

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
