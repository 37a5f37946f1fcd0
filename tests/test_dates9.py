"""Date forms completed from context that the raw sets keep missing (tests/dev/dates9/README.md): parts and weeks
of a month, a day of the month alone, the document's day and year in other words, months and days counted from
the date last named, year-first numeric dates, and a page's update stamp on a line of its own. Every sentence is
invented; the expectations are worked out by hand from the document's date, the weekday and the sentence's tense.
The not-dates of each family (ordinals before a noun, a day that fits no weekday, footers) are tested beside it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from baliprocess import chronology as ch
from baliprocess.chronology.scan import extract


def _intervals(text: str, doc_date: dt.date | None) -> list[tuple[str, str, str]]:
    return [(str(m["text"]), str(m["start"]), str(m["end"])) for m in extract(text, doc_date)]


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        # thirds of a month, with a year: early 1st-10th, mid 11th-20th, late 21st-end (February 2024 has 29 days)
        ("Talks resumed in early June 2021.", None, [("early June 2021", "2021-06-01", "2021-06-10")]),
        ("The visit was put off to mid-September 2019.", None, [("mid-September 2019", "2019-09-11", "2019-09-20")]),
        ("Officials met in late February 2024.", None, [("late February 2024", "2024-02-21", "2024-02-29")]),
        ("By the end of April 2022 the report was out.", None, [("the end of April 2022", "2022-04-21", "2022-04-30")]),
        # without a year: "last" the one before the document's month, else the bare month's rule
        (
            "The plan was adopted late last November.",
            dt.date(2020, 3, 5),
            [("late last November", "2019-11-21", "2019-11-30")],
        ),
        ("A workshop follows in early May.", dt.date(2020, 3, 5), [("early May", "2020-05-01", "2020-05-10")]),
        # the document's month and its neighbours, in English and Indonesian
        (
            "Menteri akan tiba pertengahan bulan depan.",
            dt.date(2016, 12, 2),
            [("pertengahan bulan depan", "2017-01-11", "2017-01-20")],
        ),
        (
            "A reply is due at the end of this month.",
            dt.date(2018, 9, 4),
            [("the end of this month", "2018-09-21", "2018-09-30")],
        ),
        # weeks of a month: "the last week of May" is no longer the document's last week
        (
            "It opens in the first week of March 2025.",
            None,
            [("the first week of March 2025", "2025-03-01", "2025-03-07")],
        ),
        (
            "The survey closed in the last week of May.",
            dt.date(2019, 6, 14),
            [("the last week of May", "2019-05-25", "2019-05-31")],
        ),
        # a part of a month before a day is no part: "late" is left, the day is read
        ("Voting closed late March 3.", dt.date(2020, 4, 1), [("March 3", "2020-03-03", "2020-03-03")]),
    ],
)
def test_parts_and_weeks_of_a_month(text, doc_date, expected):
    assert _intervals(text, doc_date) == expected


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        # past tense, a day before the document's: the document's month
        (
            "The steering group met on the 9th, in Colombo.",
            dt.date(2022, 7, 20),
            [("the 9th", "2022-07-09", "2022-07-09")],
        ),
        # past tense, a day after the document's: the month before
        (
            "The forum closed on the 27th with a statement.",
            dt.date(2022, 7, 3),
            [("the 27th", "2022-06-27", "2022-06-27")],
        ),
        # looking ahead, a day before the document's: the month after
        ("Delegates will gather on the 2nd.", dt.date(2022, 7, 20), [("the 2nd", "2022-08-02", "2022-08-02")]),
        # a deadline is never in the month before, whatever verb is near
        ("Members are asked to reply by the 30th.", dt.date(2021, 4, 12), [("the 30th", "2021-04-30", "2021-04-30")]),
        # a weekday picks the month: 1 March 2024 is a Friday, 1 February 2024 a Thursday
        ("See you on Friday the 1st.", dt.date(2024, 2, 26), [("Friday the 1st", "2024-03-01", "2024-03-01")]),
        # a weekday that fits none of the three months: no mention
        ("See you on Sunday the 1st.", dt.date(2024, 2, 26), []),
        # "earlier this month, on the 4th" is one mention, the day
        (
            "He recalled talks earlier this month, on the 4th.",
            dt.date(2019, 9, 18),
            [("the 4th", "2019-09-04", "2019-09-04")],
        ),
        # a 31st in a month without one: no mention (past tense, after the 12th: April, which has 30 days)
        ("The group met on the 31st.", dt.date(2021, 5, 12), []),
    ],
)
def test_a_day_of_the_month_alone(text, doc_date, expected):
    assert _intervals(text, doc_date) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It was raised at the 16th meeting of the group.",
        "Thailand chaired the 6th Ministerial Conference.",
        "The office is on the 5th floor.",
        "Second, on the 3rd point, members agreed.",
        "It ranked the 12th of the states surveyed.",
    ],
)
def test_an_ordinal_before_a_word_is_no_day(text):
    assert _intervals(text, dt.date(2022, 7, 20)) == []


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        (
            "As I said this morning, the talks went well.",
            dt.date(2015, 3, 24),
            [("this morning", "2015-03-24", "2015-03-24")],
        ),
        ("The ministers dine together tonight.", dt.date(2015, 3, 24), [("tonight", "2015-03-24", "2015-03-24")]),
        ("Talks ran late last night.", dt.date(2015, 3, 24), [("last night", "2015-03-23", "2015-03-23")]),
        # halves and quarters of the document's year, or of the year named relative to it
        (
            "A review is planned for the first half of the year.",
            dt.date(2015, 3, 24),
            [("the first half of the year", "2015-01-01", "2015-06-30")],
        ),
        (
            "Funds arrive in the last quarter of next year.",
            dt.date(2015, 3, 24),
            [("the last quarter of next year", "2016-10-01", "2016-12-31")],
        ),
        # "later in the year" is "later this year": from the month after the document's to the year's end (dates10)
        (
            "A report follows later in the year.",
            dt.date(2015, 3, 24),
            [("later in the year", "2015-04-01", "2015-12-31")],
        ),
        (
            "It was agreed earlier in the week.",
            dt.date(2015, 3, 26),
            [("earlier in the week", "2015-03-23", "2015-03-25")],
        ),
        # days and weeks ago: a day, a Monday-to-Sunday week
        ("The boat landed three days ago.", dt.date(2015, 3, 24), [("three days ago", "2015-03-21", "2015-03-21")]),
        ("Two weeks ago the office opened.", dt.date(2015, 3, 24), [("Two weeks ago", "2015-03-09", "2015-03-15")]),
    ],
)
def test_the_documents_day_and_year_in_other_words(text, doc_date, expected):
    assert _intervals(text, doc_date) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # months counted from the month last named; none from a year alone
        (
            "The office opened in September 2016 and hired its first staff three months later.",
            [("September 2016", "2016-09-01", "2016-09-30"), ("three months later", "2016-12-01", "2016-12-31")],
        ),
        ("It was set up in 2016; four months later it met.", [("2016", "2016-01-01", "2016-12-31")]),
        (
            "On 10 May 2012 the talks opened. A month earlier, officials had met.",
            [("10 May 2012", "2012-05-10", "2012-05-10"), ("A month earlier", "2012-04-01", "2012-04-30")],
        ),
        # days and weeks counted from the day last named
        (
            "The boat was found on 2 June 2015. Two days later it sank. A week later the search ended.",
            [
                ("2 June 2015", "2015-06-02", "2015-06-02"),
                ("Two days later", "2015-06-04", "2015-06-04"),
                ("A week later", "2015-06-09", "2015-06-09"),
            ],
        ),
        (
            "The talks closed on 5 June 2015; the previous day was spent on drafts.",
            [("5 June 2015", "2015-06-05", "2015-06-05"), ("the previous day", "2015-06-04", "2015-06-04")],
        ),
    ],
)
def test_counted_from_the_date_last_named(text, expected):
    assert _intervals(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Filed 2021/03/09 by the office.", [("2021/03/09", "2021-03-09", "2021-03-09")]),
        ("Filed 2021.03.09 by the office.", [("2021.03.09", "2021-03-09", "2021-03-09")]),
        ("The event ran 2024-11-28 to 2024-11-30.", [("2024-11-28 to 2024-11-30", "2024-11-28", "2024-11-30")]),
        # a separator that changes, a month past 12, a version number or a grant number: no date
        ("Ref. 2021/03.09", []),
        ("Version 2021.13.01", []),
        ("release 2021.03.09.2", []),
        ("grant no. 2016/1187", []),
    ],
)
def test_year_first_numeric_dates(text, expected):
    assert _intervals(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a line of its own under the heading: the page's date line, a mention
        ("Working Group page\nLast updated: 2023-05-02\nThe group met.", [("2023-05-02", "2023-05-02", "2023-05-02")]),
        # trailing a paragraph, as a footer joined to it: no mention
        ("The group met in Bali. Last updated: 2 May 2023", []),
    ],
)
def test_an_update_stamp_on_its_own_line_is_a_mention(text, expected):
    assert _intervals(text, None) == expected


@pytest.mark.parametrize(
    "text",
    ["Members reviewed the Forward Work Plan for 2019-2021.", "Forward Work Plan: 2019-2021 (draft)"],
)
def test_a_work_plan_named_with_for_or_a_colon_is_no_span(text):
    assert [m for m in _intervals(text, None) if m[0] == "2019-2021"] == []


def test_the_windowed_scan_finds_the_new_forms_as_a_full_scan_does():
    filler = " ".join(["text"] * 30)
    phrases = [
        "Wednesday the 16th.",
        "on the 3rd,",
        "the beginning of the month",
        "pertengahan bulan ini",
        "late last October",
        "this evening",
        "tonight",
        "last night",
        "Three days later",
        "the second half of the year",
        "2021/03/09",
    ]
    text = f" {filler} ".join(phrases)
    assert [m.span() for m in ch.scan(text)] == [m.span() for m in ch.DATE_RE.finditer(text)]
    assert len(ch.scan(text)) == len(phrases)


def test_add_reads_a_day_first_numeric_dateline_but_no_print_stamp():
    from baliprocess.ingest.proposals import dateline, text_dates

    assert dateline(["# A NOTE ON THE OFFICE", "Note no. 2020-07 · 09/10/2020", "1. The office opened."])[0].start == (
        dt.date(2020, 10, 9)
    )
    assert text_dates(["12.05.2019"]) == [(dt.date(2019, 5, 12), dt.date(2019, 5, 12), "12.05.2019")]
    # a date followed by a time is a browser's print stamp; a 13th month is no date
    assert text_dates(["05/11/2026, 10:41", "05/11/2026 10.41", "14/13/2019"]) == []


def test_add_takes_an_e_mails_subject_as_its_title_and_files_it_as_other():
    from baliprocess.ingest.proposals import propose_doc_type, propose_title

    mail = ["From: Office <office@example.org>\nTo: Members\nSubject: Notes from the Suva talks", "Dear all,"]
    assert propose_title(mail) == ("Notes from the Suva talks", "the e-mail's subject line")
    assert propose_doc_type("Notes from the Suva talks", mail, is_web_page=False)[0] == "other"
    # one "Subject:" line alone is the first line's rule, a "From:" line without an address no header
    assert propose_title(["Subject: Suva talks", "Text."])[0] == "Suva talks"
    assert propose_doc_type("Talks", ["From: the minister's desk", "Text."], is_web_page=False) is None


def test_add_files_a_policy_briefing_and_an_issue_of_a_periodical_as_other():
    from baliprocess.ingest.proposals import propose_doc_type

    assert propose_doc_type("Research Policy Briefing", ["Text."], is_web_page=False)[0] == "other"
    assert propose_doc_type("A new office", ["The office · Issue 3 · May 2019"], False)[0] == "other"
    assert propose_doc_type("A new office", ["The Issue 3 of the talks was open."], False) is None
