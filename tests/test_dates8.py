"""Date forms the unseen raw sets kept missing (tests/dev/dates8/README.md): a month named without a year or day
("held in July", "last April", written from heldout6 and found in heldout3 and heldout5 too) and "that year"
(the year last named, heldout6). Every sentence is invented; the expectations are worked out by hand from the
document's date and the sentence's tense."""

from __future__ import annotations

import datetime as dt

import pytest

from baliprocess.chronology.scan import extract


def _intervals(text: str, doc_date: dt.date) -> list[tuple[str, str]]:
    return [(str(m["start"]), str(m["end"])) for m in extract(text, doc_date)]


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        # past tense, a month before the document's: the document's year (heldout6, heldout3)
        ("A first planning meeting was held in July.", dt.date(2023, 10, 20), [("2023-07-01", "2023-07-31")]),
        # a month before the document's in a sentence looking ahead: next year's (heldout6)
        (
            "They will report when the group meets again in January.",
            dt.date(2023, 10, 20),
            [("2024-01-01", "2024-01-31")],
        ),
        # "last April" in February: the April of the year before (heldout6)
        ("It builds on the first meeting, in Manila last April.", dt.date(2019, 2, 18), [("2018-04-01", "2018-04-30")]),
        # a later month with a past participle but "will": still the document's year (heldout6)
        ("The guide will be finalised at the meeting in July.", dt.date(2019, 2, 18), [("2019-07-01", "2019-07-31")]),
        # a present tense looking ahead (heldout5): the document's year
        ("The group reports when it meets in June.", dt.date(2003, 4, 30), [("2003-06-01", "2003-06-30")]),
        # a later month in the past tense, nothing looking ahead: last year's
        ("The officials met in November to plan it.", dt.date(2019, 3, 10), [("2018-11-01", "2018-11-30")]),
        # "next January" in January: a year on
        ("The review is due next January.", dt.date(2019, 1, 15), [("2020-01-01", "2020-01-31")]),
        # "since March" in March: that same month
        ("Talks have gone on since March.", dt.date(2020, 3, 30), [("2020-03-01", "2020-03-31")]),
    ],
)
def test_a_month_without_a_year_takes_it_from_the_document_and_the_tense(text, doc_date, expected):
    assert _intervals(text, doc_date) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range or a list of months is left to the other forms: only "April 2016" is read
        ("The talks were held in March and April 2016.", [("2016-04-01", "2016-04-30")]),
        ("Meetings in June, July and August 2016 followed.", [("2016-08-01", "2016-08-31")]),
        # a month with its year or day is the ordinary form, read once
        ("It met in May 2016.", [("2016-05-01", "2016-05-31")]),
        ("It met in May last year.", [("2017-05-01", "2017-05-31")]),
        # a name that is no month, the verb, and a month after another word
        ("As noted in May's report, members may meet.", []),
        ("The March meeting was short.", []),
    ],
)
def test_a_month_in_a_longer_form_or_no_month_is_not_read_alone(text, expected):
    assert _intervals(text, dt.date(2018, 6, 1)) == expected


def test_that_year_is_the_year_last_named():
    text = "In 2013 she became Leader and, after the change of government that year, left the post."
    assert _intervals(text, dt.date(2024, 8, 14)) == [("2013-01-01", "2013-12-31")] * 2
    # with no year named before it, "that year" is no mention
    assert _intervals("The plan was adopted that year.", dt.date(2024, 8, 14)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day after the day last named, not after the document's date (heldout6)
        (
            "Officials met on 9 March 2011 and prepared recommendations for the meeting the following day.",
            [("2011-03-09", "2011-03-09"), ("2011-03-10", "2011-03-10")],
        ),
        (
            "The talks closed on 4 May 2015; the next day the ministers left.",
            [("2015-05-04", "2015-05-04"), ("2015-05-05", "2015-05-05")],
        ),
        # restated by its date (heldout3, heldout4): the date is the one mention
        (
            "The forum met on 26 March 2015, before the meeting held the following day, 27 March 2015.",
            [("2015-03-26", "2015-03-26"), ("2015-03-27", "2015-03-27")],
        ),
        # "the same day" and its Indonesian form stay the day last named
        ("Rapat digelar 5 Mei 2015 dan pada hari yang sama menteri tiba.", [("2015-05-05", "2015-05-05")] * 2),
        # no day named before it: no mention
        ("The ministers arrived the following day.", []),
    ],
)
def test_the_following_day_counts_from_the_day_last_named(text, expected):
    assert _intervals(text, dt.date(2020, 1, 1)) == expected
