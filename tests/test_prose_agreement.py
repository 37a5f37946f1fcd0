"""Sentences about the corpus in use that must read right for none, one or many (issue 17's last clause:
no sentence false or ungrammatical for the corpus in use); expectations written by hand."""

from __future__ import annotations

import pandas as pd

from baliprocess import chronology, membership, overview, themes


def test_inexact_dates_phrase_for_none_one_and_many():
    assert overview.inexact_dates_phrase(0) == "none is known only to the month or the year"
    assert overview.inexact_dates_phrase(1) == (
        "1 is known only to the month or the year, and is shown that way rather than as a day"
    )
    assert overview.inexact_dates_phrase(3) == (
        "3 are known only to the month or the year, and are shown that way rather than as a day"
    )


def test_cleaning_phrase_keeps_the_shipped_wording_and_agrees_in_number():
    assert (
        overview.cleaning_phrase(53, 16, 34)
        == "fired 53 times across the corpus, removing 16 lines and changing 34 others"
    )
    assert (
        overview.cleaning_phrase(2, 0, 2) == "fired 2 times across the corpus, removing no line and changing 2 others"
    )
    assert overview.cleaning_phrase(1, 1, 0) == "fired once across the corpus, removing 1 line and changing none"
    assert overview.cleaning_phrase(0, 0, 0) == "fired nowhere in the corpus: no line was removed or changed"


def test_type_other_is_counted_as_other_documents():
    docs = pd.DataFrame({"doc_id": list("abcd"), "doc_type": ["other", "other", "web_page", "statement"]})
    assert overview.type_counts_text(docs) == "2 other documents, 1 statement and 1 web page"
    assert overview.type_counts_text(docs.iloc[[0]]) == "1 other document"


def test_dateline_dates_of_add_are_neither_metadata_nor_inferred():
    notes = pd.Series(
        [
            "Proposed by add: 2003-04-30, from the dateline 'Nusa Dua, Bali, Wednesday 30 April 2003'; check it.",
            "Proposed by add: 2014-09-12, from the PDF's CreationDate (when the file was made); check it.",
            "Proposed by add: 2012-06-04, from the page's <meta article:published_time> field; check it.",
            "",
        ]
    )
    assert overview.date_sources_sentence(notes) == (
        "For 2 they were proposed from the file's metadata by the add command, and for 1 the add command read it "
        "from the document's own dateline"
    )
    hand = pd.Series(["Closing day of the conference.", notes[0]])
    assert overview.date_sources_sentence(hand) == (
        "For 1 of them the date is not stated in the document and was inferred, and for 1 the add command read it "
        "from the document's own dateline"
    )


def test_one_unresolved_name_is_one_name():
    one = pd.DataFrame({"name": ["x"]})
    assert membership.unresolved_sentence(one, one) == "1 listed name could not be resolved; the table below lists it."


def test_meeting_sentence_without_a_counting_report_is_grammatical():
    docs = pd.DataFrame({"doc_id": ["a"]})
    counts = pd.DataFrame({"doc_id": ["a"], "subject": ["attendance"], "unit": ["countries"]})
    assert membership.meeting_sentence(docs, counts, None, {}).startswith(
        "No meeting report of this corpus states how many countries attended, so the rule ("
    )


def test_not_english_sentence_for_none_one_and_two():
    none = pd.DataFrame({"doc_id": [], "language": []})
    assert themes.not_english_sentence(none) == "This corpus has no document that is not in English."
    one = pd.DataFrame({"doc_id": ["gempa"], "language": ["id"]})
    assert themes.not_english_sentence(one) == "This corpus has 1 document not in English: gempa (id)."
    two = pd.DataFrame({"doc_id": ["a", "b"], "language": ["id", "fr"]})
    assert themes.not_english_sentence(two) == "This corpus has 2 documents not in English: a (id), b (fr)."


def test_rule3_phrase_and_coverage_phrase():
    assert themes.rule3_phrase(3, 2) == "3 codings on 2 lines of this corpus"
    assert themes.rule3_phrase(1, 1) == "1 coding on 1 line of this corpus"
    assert themes.rule3_phrase(0, 0) == "none in this corpus"
    assert themes.coverage_phrase(111, 111, 111) == "111 of the 111 paragraphs"
    assert themes.coverage_phrase(0, 321, 290) == "none of the 290 paragraphs"
    assert themes.coverage_phrase(5, 321, 290) == "5 of the 321 paragraphs"


def test_auto_sentence_only_sets_figures_beside_a_hand_coding():
    text = themes.auto_sentence(True, 61, 0.5545, "Law enforcement and prosecution (16 paragraphs)")
    assert text == (
        "The automatic coding themes 61 paragraphs (55%); its most frequent theme is Law enforcement and "
        "prosecution (16 paragraphs)."
    )
    assert (
        themes.auto_sentence(False, 87, 0.32, "x")
        == "There is no hand coding of this corpus to set beside these figures."
    )


def test_mention_kinds_keep_the_shipped_wording_and_leave_out_kinds_with_none():
    shipped = {"n_day": 6, "n_month": 2, "n_season": 3, "n_year": 5}
    assert chronology.mention_kinds_phrase(shipped) == (
        "6 name days or ranges of days, 2 name months, 3 name a part of a year (such as “late 2004”) and 5 name "
        "years or ranges of years"
    )
    small = {"n_day": 9, "n_month": 0, "n_season": 0, "n_year": 2}
    assert chronology.mention_kinds_phrase(small) == "9 name days or ranges of days and 2 name years or ranges of years"
    one = {"n_day": 0, "n_month": 1, "n_season": 0, "n_year": 0}
    assert chronology.mention_kinds_phrase(one) == "1 names a month"
    assert chronology.mention_kinds_phrase(dict.fromkeys(shipped, 0)) == "none names a day, a month or a year"


def test_inferred_sentence_agrees_in_number():
    assert chronology.inferred_sentence(4) == "4 of them need the document's own date to be read."
    assert chronology.inferred_sentence(1) == "1 of them needs the document's own date to be read."
    assert chronology.inferred_sentence(0) == "Not one of them needs the document's own date to be read."
