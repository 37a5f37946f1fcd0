"""Date forms that documents beyond the shipped corpus use (issue 12), one test per example."""

from __future__ import annotations

import datetime as dt

import pytest

from baliprocess.chronology import date_mentions, extract
from baliprocess.corpus import CorpusError, load_corpus
from corpusfactory import front

D = dt.date
DOC = D(2016, 3, 24)


def spans(text: str, order: str = "day_first") -> list[tuple[str, dt.date, dt.date, str]]:
    return [(m["text"], m["start"], m["end"], m["precision"]) for m in extract(text, DOC, order)]


@pytest.mark.parametrize(
    "text",
    [
        "3 Marshall Islands delegates",
        "2 Mayors attended",
        "the Declaration",
        "the March for Freedom",
        "May Lim said it may be so",
    ],
)
def test_month_names_match_whole_words_only(text):
    assert spans(text) == []


def test_numeric_date_day_first_by_default():
    assert spans("Colombo, 28/02/2013") == [("28/02/2013", D(2013, 2, 28), D(2013, 2, 28), "day")]
    assert spans("on 01/08/2018") == [("01/08/2018", D(2018, 8, 1), D(2018, 8, 1), "day")]


def test_numeric_date_month_first_when_the_document_says_so():
    assert spans("on 04/05/2016", "month_first") == [("04/05/2016", D(2016, 4, 5), D(2016, 4, 5), "day")]


def test_numeric_date_impossible_in_its_order_is_not_recognised_at_all():
    assert spans("held on 03/14/2016") == []  # no 14th month, and no partial reading of the year


def test_front_matter_date_order(tmp_path):
    (tmp_path / "us.md").write_text(front(date_order="month_first") + "Held on 03/14/2016.\n", encoding="utf-8")
    (tmp_path / "au.md").write_text(front() + "Held on 28/02/2013.\n", encoding="utf-8")
    mentions = date_mentions(load_corpus(tmp_path)).set_index("doc_id")
    assert mentions.loc["us", "start"] == dt.datetime(2016, 3, 14)
    assert mentions.loc["au", "start"] == dt.datetime(2013, 2, 28)


def test_bad_date_order_is_reported(tmp_path):
    (tmp_path / "x.md").write_text(front(date_order="year_first") + "Body.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="date_order 'year_first' is not one of day_first, month_first"):
        load_corpus(tmp_path)


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("between June and August 2016", D(2016, 6, 1), D(2016, 8, 31)),
        ("from November 2016 to February 2017", D(2016, 11, 1), D(2017, 2, 28)),
        ("from 30 March to 1 April 2009", D(2009, 3, 30), D(2009, 4, 1)),
        ("30 December 2008 to 2 January 2009", D(2008, 12, 30), D(2009, 1, 2)),
        ("between 2015 and 2017", D(2015, 1, 1), D(2017, 12, 31)),
    ],
)
def test_spans_across_months_and_years(text, start, end):
    ((_, s, e, _),) = spans(text)
    assert (s, e) == (start, end)


@pytest.mark.parametrize(
    "text, written, year",
    [
        ("in 2012/13 it funded", "2012/13", 2012),
        ("Since 2012-13 it has", "2012-13", 2012),
        ("projects of 2018-19", "2018-19", 2018),
    ],
)
def test_financial_years(text, written, year):
    assert spans(text) == [(written, D(year, 7, 1), D(year + 1, 6, 30), "financial_year")]


def test_year_ranges_stay_ranges():
    assert spans("2015-17") == [("2015-17", D(2015, 1, 1), D(2017, 12, 31), "year")]
    assert spans("2020–2025") == [("2020–2025", D(2020, 1, 1), D(2025, 12, 31), "year")]


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("the 1990s", D(1990, 1, 1), D(1999, 12, 31)),
        ("the 2000s", D(2000, 1, 1), D(2009, 12, 31)),
        ("the early 2000s", D(2000, 1, 1), D(2003, 12, 31)),
        ("the mid-2010s", D(2014, 1, 1), D(2016, 12, 31)),
        ("the late 1990s", D(1997, 1, 1), D(1999, 12, 31)),
    ],
)
def test_decades_and_their_parts(text, start, end):
    ((_, s, e, precision),) = spans(text)
    assert (s, e, precision) == (start, end, "decade")


@pytest.mark.parametrize("text", ["the 23rd of March 2016", "March 23rd, 2016", "23 March 2016"])
def test_ordinal_forms(text):
    ((_, s, e, _),) = spans(text)
    assert s == e == D(2016, 3, 23)


def test_indonesian_month_names():
    assert spans("pada 23 Maret 2016") == [("23 Maret 2016", D(2016, 3, 23), D(2016, 3, 23), "day")]
    assert spans("Sejak Februari 2002") == [("Februari 2002", D(2002, 2, 1), D(2002, 2, 28), "month")]


def test_today_at_present_is_no_day_but_today_in_a_release_is():
    assert spans("Today the Bali Process has 49 members.") == []
    assert spans("The Minister today welcomed the report.") == [("today", DOC, DOC, "day")]
