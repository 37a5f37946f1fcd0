"""Weekdays alone and years that name a document (issue 17, item 6): the verb nearest the weekday sets
whether it lies before or after the document's date; a year inside a document's title, subtitle included, is
not a date. Dates below worked out by hand on a calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from baliprocess import chronology, evaluation, heldout
from baliprocess.chronology.scan import extract, weekday_problems
from baliprocess.corpus import load_corpus

DEV = Path(__file__).parent / "dev" / "counts2"
MONDAY = dt.date(2018, 8, 6)


def _days(text: str, doc_date: dt.date) -> list[tuple[str, dt.date]]:
    return [(m["text"], m["start"]) for m in extract(text, doc_date)]


def test_a_present_tense_until_looks_ahead_even_after_a_past_participle():
    text = "The two-day meeting, co-chaired by Indonesia and Australia, runs until Tuesday."
    assert _days(text, MONDAY) == [("Tuesday", dt.date(2018, 8, 7))]
    assert _days("The talks continue until Friday.", MONDAY) == [("Friday", dt.date(2018, 8, 10))]


def test_the_nearest_verb_decides():
    # "met" is next to the weekday: the Thursday before; "will" is next to it: the Thursday after
    assert _days("Officials met on Thursday and will report later.", MONDAY) == [("Thursday", dt.date(2018, 8, 2))]
    assert _days("Having agreed the text, they will sign it on Thursday.", MONDAY) == [
        ("Thursday", dt.date(2018, 8, 9))
    ]


def test_a_weekday_without_tense_is_left_with_its_reason():
    assert weekday_problems("Thursday is set aside for visits.", MONDAY) == [
        ("Thursday", "the text does not place it before or after the document date")
    ]


def test_a_year_in_a_title_or_subtitle_is_not_a_date():
    text = "They endorsed the Strategy for Cooperation: 2014 and Beyond and the Regional Strategy 2018."
    assert _days(text, MONDAY) == []
    # a year that is not part of a title still is one
    assert _days("The Strategy for Cooperation was adopted in 2014.", MONDAY) == [("2014", dt.date(2014, 1, 1))]


def test_new_development_documents():
    corpus = load_corpus(DEV / "corpus")
    mentions = chronology.date_mentions(corpus)
    gold = pd.read_csv(DEV / "dates.csv", dtype=str, keep_default_na=False)
    row = evaluation.score_dates(mentions, gold)
    assert row["recall"] == 1.0 and row["precision"] >= 0.9, row
    not_dates = pd.read_csv(DEV / "not_dates.csv", dtype=str, keep_default_na=False)
    # "the 2022 Ministerial Conference" names a meeting and still dates it: the one not-date read
    assert heldout.score_not_dates(mentions, not_dates)["numerator"] <= 1
