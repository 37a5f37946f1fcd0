"""``add`` proposes ``other`` for a note for the file or a memo and for a newsletter named in the title, with the
cue in the note; a headline whose verb is "highlights" names no newsletter; a short running header that the PDF
rules removed may name the kind ("Chair's Statement"). Titles and headers written for these tests."""

from __future__ import annotations

from baliprocess.ingest.proposals import propose_doc_type

BODY = ["Officials compared how their registers record people who arrive by sea."]


def test_a_note_for_the_file_or_a_memo_is_other():
    assert propose_doc_type("NOTE TO FILE", BODY, is_web_page=False) == (
        "other",
        "the title, which says 'NOTE TO FILE' (a note, filed as other)",
    )
    assert propose_doc_type("Memorandum on the Colombo workshop", BODY, False)[0] == "other"  # type: ignore[index]


def test_a_newsletter_named_in_the_title_is_other():
    assert propose_doc_type("Border Data Highlights", BODY, False) == (
        "other",
        "the title, which says 'Highlights' (a newsletter, filed as other)",
    )
    assert propose_doc_type("Regional Bulletin: Issue 4", BODY, False)[0] == "other"  # type: ignore[index]


def test_a_headline_that_highlights_something_names_no_document():
    assert propose_doc_type("Minister Highlights the Risks at Sea", BODY, False) is None


def test_a_short_running_header_may_name_the_documents_kind():
    headers = ["REGIONAL WORKSHOP ON BORDER DATA (3rd)", "Chair's Statement", "Chair's Statement"]
    assert propose_doc_type("Third Regional Workshop on Border Data", BODY, False, headers=headers) == (
        "statement",
        "a running header, which says 'Statement' (a statement)",
    )
    # a long header is running text of the page, not a label
    long_header = ["Officials said the statement would be published after the third regional workshop ended"]
    assert propose_doc_type("Third Regional Workshop on Border Data", BODY, False, headers=long_header) is None
