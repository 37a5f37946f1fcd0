"""Date families read along every axis, not in one set's wording (tests/dev/dates10/README.md): days and months in
figures without a year, dates counted from the date last named in every unit, the rest of a year, dates counted back
in Indonesian, a weekday's tense from its own clause, Indonesian months without a year, parts of a year without "the",
and years that name a series or sit in a telephone number (a page's date line above its title:
tests/test_ingest_dateline.py). Every sentence is invented; the expectations are worked
out by hand from the document's date, the date last named and the calendar. The not-dates each family must leave
unread are tested beside it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from baliprocess.chronology.scan import extract

D = dt.date


def _read(text: str, doc_date: dt.date | None = None, order: str = "day_first") -> list[tuple[str, str, str]]:
    return [(str(m["text"]), str(m["start"]), str(m["end"])) for m in extract(text, doc_date, order)]


# --- N: a day and month in figures without a year ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doc_date", "order", "expected"),
    [
        # after a weekday without brackets (a deadline in an e-mail of Monday 14 October 2019)
        ("Replies are due by noon Thursday 17/10.", D(2019, 10, 14), "day_first", [("Thursday 17/10", "2019-10-17")]),
        ("Replies are due Thursday 10/17.", D(2019, 10, 14), "month_first", [("Thursday 10/17", "2019-10-17")]),
        # in brackets after the relative words they restate, one day or a range of days
        (
            "Pejabat bertemu kemarin (13/10) di Jakarta.",
            D(2019, 10, 14),
            "day_first",
            [("kemarin (13/10)", "2019-10-13")],
        ),
        (
            "Officials met last week (7-9/10) in Colombo.",
            D(2019, 10, 14),
            "day_first",
            [("last week (7-9/10)", "2019-10-07", "2019-10-09")],
        ),
        (
            "Talks ended the following day (8/10).",
            D(2019, 10, 14),
            "day_first",
            [("the following day (8/10)", "2019-10-08")],
        ),
        # the year that puts the day nearest the document's date: a note of 3 January on a Friday of late December
        ("The draft went out on Friday 27/12.", D(2020, 1, 3), "day_first", [("Friday 27/12", "2019-12-27")]),
    ],
)
def test_days_and_months_in_figures(text, doc_date, order, expected):
    want = [(e[0], e[1], e[-1]) for e in expected]
    assert _read(text, doc_date, order) == want


@pytest.mark.parametrize(
    "text",
    [
        "Page 2/2",  # a printed page's number
        "Page 1/2 of the print.",
        "Some 2/3 of the members replied.",  # a share
        "The group grew by 3/4 last week.",  # figures that no weekday or relative word introduces
    ],
)
def test_figures_alone_are_no_day(text):
    assert [m for m in _read(text, D(2019, 10, 14)) if "/" in m[0]] == []


def test_a_year_in_brackets_after_a_year_stays_a_year():
    # "last year (2/3 ...)" is no day: a year is not restated by days
    assert _read("Arrivals fell last year (2/3).", D(2019, 10, 14)) == [("last year (2/3)", "2018-01-01", "2018-12-31")]


# --- C: counted from the date last named, every unit ------------------------------------------------------------

_NAMED = "The panel first sat on Wednesday 11 September 2013. "


@pytest.mark.parametrize(
    ("then", "expected"),
    [
        ("The day before, the chairs met.", ("The day before", "2013-09-10", "2013-09-10")),
        ("The day after, the chairs met.", ("The day after", "2013-09-12", "2013-09-12")),
        ("That evening the chairs dined.", ("That evening", "2013-09-11", "2013-09-11")),
        ("The following morning the text was agreed.", ("The following morning", "2013-09-12", "2013-09-12")),
        ("a week later the text was agreed.", ("a week later", "2013-09-18", "2013-09-18")),
        # a week is Monday to Sunday
        ("That week the chairs also met donors.", ("That week", "2013-09-09", "2013-09-15")),
        ("The following week the chairs met donors.", ("The following week", "2013-09-16", "2013-09-22")),
        ("The week before, the chairs met donors.", ("The week before", "2013-09-02", "2013-09-08")),
        # a month from the month last named
        ("That month the office opened.", ("That month", "2013-09-01", "2013-09-30")),
        ("The previous month the office opened.", ("The previous month", "2013-08-01", "2013-08-31")),
        ("The same month the office opened.", ("The same month", "2013-09-01", "2013-09-30")),
        # a year from the year last named
        ("In the same year the office opened.", ("the same year", "2013-01-01", "2013-12-31")),
        ("The year after, the office opened.", ("The year after", "2014-01-01", "2014-12-31")),
        ("It sat twice more during the year.", ("the year", "2013-01-01", "2013-12-31")),
        ("The office opened a year later.", ("a year later", "2014-01-01", "2014-12-31")),
    ],
)
def test_counted_from_the_date_last_named(then, expected):
    assert _read(_NAMED + then, D(2015, 6, 1))[1:] == [expected]


@pytest.mark.parametrize(
    "then",
    [
        "The day before the vote, the chairs met.",  # counted from an event, not a date
        "Five weeks after the summit the office opened.",
        "Ten years on, the panel still sits.",  # a duration (heldout6, heldout7 annotate it so)
        "Fifteen years later the panel still sits.",  # counts stop at eight (heldout7's duration)
        "It looked ahead to the year ahead.",
        "Members met over the past year.",
    ],
)
def test_counted_phrases_that_name_no_date(then):
    assert _read(_NAMED + then, D(2015, 6, 1))[1:] == []


def test_a_counted_day_restated_by_its_date_is_the_date():
    text = "The panel first sat on 11 September 2013. The day before, Tuesday 10 September 2013, the chairs met."
    assert [m[0] for m in _read(text)] == ["11 September 2013", "10 September 2013"]


def test_with_no_date_named_before_it_nothing_is_counted():
    assert _read("The following week the chairs met donors. That month the office opened.", D(2015, 6, 1)) == []


# --- R: relative to the document's date -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        # the rest of the year starts at the next month (heldout7's and heldout8's convention); in December, tomorrow
        ("A review follows later this year.", D(2021, 7, 19), [("later this year", "2021-08-01", "2021-12-31")]),
        ("A review follows later this year.", D(2021, 12, 6), [("later this year", "2021-12-07", "2021-12-31")]),
        # "later in 2021" is "later this year" when 2021 is the document's year, else that year
        ("A review follows later in 2021.", D(2021, 7, 19), [("later in 2021", "2021-08-01", "2021-12-31")]),
        ("A review followed later in 2016.", D(2021, 7, 19), [("later in 2016", "2016-01-01", "2016-12-31")]),
        ("It was drafted earlier in 2021.", D(2021, 7, 19), [("earlier in 2021", "2021-01-01", "2021-07-18")]),
        # "a year ago" and lower-case counts past eight
        ("The office opened a year ago.", D(2021, 7, 19), [("a year ago", "2020-01-01", "2020-12-31")]),
        ("The office opened ten years ago.", D(2021, 7, 19), [("ten years ago", "2011-01-01", "2011-12-31")]),
        # Indonesian "ago": a count before "lalu"
        ("Kantor dibuka tiga bulan lalu.", D(2021, 7, 19), [("bulan lalu", "2021-04-01", "2021-04-30")]),
        ("Rapat digelar dua pekan yang lalu.", D(2021, 7, 19), [("pekan yang lalu", "2021-07-05", "2021-07-11")]),
        ("Rapat digelar empat hari lalu.", D(2021, 7, 19), [("hari lalu", "2021-07-15", "2021-07-15")]),
        # a part of a year without "the"
        ("The plan runs to end of 2022.", None, [("end of 2022", "2022-09-01", "2022-12-31")]),
        ("The plan runs to end-2022.", None, [("end-2022", "2022-09-01", "2022-12-31")]),
    ],
)
def test_relative_to_the_documents_date(text, doc_date, expected):
    assert _read(text, doc_date) == expected


@pytest.mark.parametrize("text", ["Kantor dibuka beberapa tahun lalu.", "Hari lalu tak terulang."])
def test_an_indonesian_ago_without_a_count_names_no_date(text):
    assert _read(text, D(2021, 7, 19)) == []


# --- U: a weekday's tense from its own clause -------------------------------------------------------------------

_TUESDAY = D(2019, 10, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb of its clause, not the nearer "will" of the next one
        ("The envoy, who landed in Suva with her team on Sunday and will stay a week, spoke.", "2019-10-13"),
        ("The envoy arrived in Suva with her team on Sunday and will stay a week.", "2019-10-13"),
        # a journey in the present tense is an itinerary
        ("The envoy returns to Suva on Friday.", "2019-10-18"),
        ("The envoy leaves for Suva on Friday.", "2019-10-18"),
        # a relative clause's verb governs no weekday outside it
        ("Para menteri, yang akan bertemu pekan depan, tiba di Bali Minggu malam setelah rapat.", None),
        # "last", "this" and a deadline's "by" before it
        ("The minister spoke last Friday about the plan.", "2019-10-11"),
        ("The minister speaks this Friday about the plan.", "2019-10-18"),
        ("Please send comments by Thursday.", "2019-10-17"),
    ],
)
def test_a_weekdays_tense(text, expected):
    days = [m[1] for m in _read(text, _TUESDAY) if m[0].endswith(("day", "Minggu"))]
    assert days == ([expected] if expected else [])


# --- B: Indonesian months without a year ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laporan itu terbit Februari lalu.", [("Februari lalu", "2019-02-01", "2019-02-28")]),
        ("Rapat berikutnya Januari mendatang.", [("Januari mendatang", "2020-01-01", "2020-01-31")]),
        ("Kantor itu dibuka pada Agustus.", [("Agustus", "2019-08-01", "2019-08-31")]),
        ("Sidang digelar pada Maret 2019.", [("Maret 2019", "2019-03-01", "2019-03-31")]),  # a year: another form
        ("Sidang digelar pada Maret dan April.", []),  # a list of months: left, as in English
    ],
)
def test_indonesian_months_without_a_year(text, expected):
    assert _read(text, D(2019, 10, 15)) == expected


# --- Y: years that are no date ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Members recalled the 2015 and 2017 Regional Declarations.",  # years joined before a title noun
        "Related: Members · Regional Meetings 2004-2019 · Privacy",  # a series named by its years
        "Archive: Events 2010-2020",
        "Press enquiries: +61 2 6261 2019 (office hours)",  # a telephone number's group
    ],
)
def test_years_in_names_and_numbers_are_no_date(text):
    assert _read(text, D(2021, 7, 19)) == []


def test_a_singular_title_before_a_range_still_names_its_years():
    assert _read("The Regional Strategy 2020-2025 was adopted.") == [("2020-2025", "2020-01-01", "2025-12-31")]


def test_a_signing_lines_day_of_a_month():
    assert _read("Signed at Suva this 4th day of June 2019.") == [("4th day of June 2019", "2019-06-04", "2019-06-04")]
