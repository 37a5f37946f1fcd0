"""Date forms added for issue 17 (items 5-6, branch dates3), one test per rule, on sentences written for these
tests: weekdays inside ranges and before a bracketed day/month, a weekday restated by its date, months and
parts of years relative to the document's year (English and Indonesian), ranges of parts of years,
Indonesian range words, Indonesian weekdays alone; and years that are no date (names of documents, laws and
events, counts). Intervals worked out by hand on a calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from baliprocess import chronology, evaluation, heldout
from baliprocess.chronology import DATE_RE, extract, scan
from baliprocess.corpus import load_corpus, split_paragraphs
from corpusfactory import front
from examplecount import examples

D = dt.date
WEDNESDAY = D(2021, 6, 9)
DEV = Path(__file__).parent / "dev" / "dates3"


def found(text: str, doc_date: dt.date = WEDNESDAY, order: str = "day_first") -> list[tuple[str, dt.date, dt.date]]:
    return [(m["text"], m["start"], m["end"]) for m in extract(text, doc_date, order)]


def test_a_weekday_may_stand_before_each_day_of_a_range():
    assert found("The audit ran from Tuesday 3 to Thursday 5 June.") == [
        ("3 to Thursday 5 June", D(2021, 6, 3), D(2021, 6, 5))
    ]
    assert found("It lasted from 30 December 2020 to Saturday 2 January 2021.") == [
        ("30 December 2020 to Saturday 2 January 2021", D(2020, 12, 30), D(2021, 1, 2))
    ]


def test_a_month_relative_to_the_documents_year():
    assert found("The survey began in October last year.") == [("October last year", D(2020, 10, 1), D(2020, 10, 31))]
    assert found("It closes in February of next year.") == [("February of next year", D(2022, 2, 1), D(2022, 2, 28))]
    assert found("Survei dimulai pada Maret tahun depan.") == [("Maret tahun depan", D(2022, 3, 1), D(2022, 3, 31))]


def test_a_part_of_a_year_relative_to_the_documents_year():
    assert found("Talks stalled late last year.") == [("late last year", D(2020, 9, 1), D(2020, 12, 31))]
    assert found("A draft is due by the middle of next year.") == [
        ("the middle of next year", D(2022, 5, 1), D(2022, 8, 31))
    ]
    assert found("A review follows at the beginning of next year.") == [
        ("the beginning of next year", D(2022, 1, 1), D(2022, 4, 30))
    ]
    assert found("Rapat digelar pada awal tahun ini.") == [("awal tahun ini", D(2021, 1, 1), D(2021, 4, 30))]


def test_earlier_and_later_this_week():
    assert found("Ministers spoke earlier this week and will meet again later this week.") == [
        ("earlier this week", D(2021, 6, 7), D(2021, 6, 8)),
        ("later this week", D(2021, 6, 10), D(2021, 6, 13)),
    ]


def test_indonesian_relative_words():
    text = "Tim tiba kemarin, rapat dibuka hari ini dan ditutup besok. Laporan bulan lalu dan tahun lalu dibahas."
    assert found(text) == [
        ("kemarin", D(2021, 6, 8), D(2021, 6, 8)),
        ("hari ini", WEDNESDAY, WEDNESDAY),
        ("besok", D(2021, 6, 10), D(2021, 6, 10)),
        ("bulan lalu", D(2021, 5, 1), D(2021, 5, 31)),
        ("tahun lalu", D(2020, 1, 1), D(2020, 12, 31)),
    ]
    assert found("Draf dibahas pekan lalu.") == [("pekan lalu", D(2021, 5, 31), D(2021, 6, 6))]  # Monday to Sunday
    # a number before it makes it "ago": two years back, not last year (dates10 reads it as "two years ago" is read)
    assert found("Kantor itu dibuka dua tahun lalu.") == [("tahun lalu", D(2019, 1, 1), D(2019, 12, 31))]
    assert found("Kantor itu dibuka beberapa tahun lalu.") == []  # some years ago: no year


def test_a_weekday_with_a_bracketed_day_and_month():
    assert found("Para menteri bertemu pada Kamis (3/6).") == [("Kamis (3/6)", D(2021, 6, 3), D(2021, 6, 3))]
    assert found("A storm hit on Saturday night (05/06).") == [("Saturday night (05/06)", D(2021, 6, 5), D(2021, 6, 5))]
    assert found("Jakarta, Senin (7/6/2021)") == [("Senin (7/6/2021)", D(2021, 6, 7), D(2021, 6, 7))]
    assert found("Signed on Monday (06/07).", order="month_first") == [("Monday (06/07)", D(2021, 6, 7), D(2021, 6, 7))]


def test_an_indonesian_weekday_alone_takes_its_tense_from_the_nearest_cue():
    assert found("Tim itu telah tiba pada Senin.") == [("Senin", D(2021, 6, 7), D(2021, 6, 7))]
    assert found("Laporan akan diserahkan pada Jumat.") == [("Jumat", D(2021, 6, 11), D(2021, 6, 11))]
    assert found("Sidang dibuka pada Rabu.") == [("Rabu", WEDNESDAY, WEDNESDAY)]  # the document's own weekday


def test_a_weekday_restated_by_its_date_is_one_mention():
    assert found("The draft was circulated the Monday before, 7 June 2021, to all members.") == [
        ("7 June 2021", D(2021, 6, 7), D(2021, 6, 7))
    ]


def test_the_same_day_is_the_day_last_named():
    text = "Officials met on Tuesday 8 June 2021. On the same day, the working group opened its registry."
    assert found(text) == [
        ("8 June 2021", D(2021, 6, 8), D(2021, 6, 8)),
        ("On the same day", D(2021, 6, 8), D(2021, 6, 8)),
    ]
    assert found("Pada hari yang sama, tim teknis bertemu.") == []  # no day named before it


def test_the_same_day_in_a_corpus_follows_its_document(tmp_path):
    (tmp_path / "a.md").write_text(front(date="2021-06-09") + "Talks opened on 7 June 2021.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(front(date="2021-06-09") + "On the same day, nothing else.\n", encoding="utf-8")
    mentions = chronology.date_mentions(load_corpus(tmp_path))
    assert mentions["text"].tolist() == ["7 June 2021"]  # b names no day before "the same day"


def test_a_range_of_parts_of_years():
    assert found("Arrivals rose between mid 2019 and late 2020.") == [
        ("between mid 2019 and late 2020", D(2019, 5, 1), D(2020, 12, 31))
    ]
    assert found("The pilot ran from early 2016 to mid-2017.") == [
        ("early 2016 to mid-2017", D(2016, 1, 1), D(2017, 8, 31))
    ]


def test_quarters_and_halves_written_short():
    assert found("Arrivals peaked in Q3 2019 and fell in H1 2020.") == [
        ("Q3 2019", D(2019, 7, 1), D(2019, 9, 30)),
        ("H1 2020", D(2020, 1, 1), D(2020, 6, 30)),
    ]


def test_indonesian_words_join_a_range_of_days():
    assert found("Pelatihan berlangsung 3 hingga 5 Maret 2020.") == [
        ("3 hingga 5 Maret 2020", D(2020, 3, 3), D(2020, 3, 5))
    ]
    assert found("Kunjungan dijadwalkan 10 sampai 12 Juni.") == [("10 sampai 12 Juni", D(2021, 6, 10), D(2021, 6, 12))]


def test_a_year_in_the_name_of_a_document_law_or_event_is_no_date():
    text = (
        "Members recalled the 2019 Colombo Declaration, the Protection Act 2008, the Customs Act of 1999, "
        "Decree No. 7 of 2012, Peraturan Nomor 5 Tahun 2010, the Youth Summit (2015), its 2017 Annual Report "
        "the 2016 Jakarta Regional Dialogue and the 2018 Bali Process Government and Business Forum."
    )
    assert found(text) == []


def test_a_year_after_a_preposition_or_before_a_clause_or_a_plain_noun_stays_a_date():
    assert found("In 2019 Indonesia hosted the talks, and the Act was amended in 2008.") == [
        ("2019", D(2019, 1, 1), D(2019, 12, 31)),
        ("2008", D(2008, 1, 1), D(2008, 12, 31)),
    ]
    assert found("Since 2017 Members of the Forum have met twice.") == [("2017", D(2017, 1, 1), D(2017, 12, 31))]
    assert found("Officials recalled the 2015 Andaman Sea crisis.") == [("2015", D(2015, 1, 1), D(2015, 12, 31))]


def test_a_count_that_looks_like_a_year_is_no_date():
    assert found("Some 2000 volunteers and about 1500 fishers took part.") == []
    # a quantifier alone does not make a count: "around 2000, the route changed" is a year
    assert found("Around 2000, the route changed.") == [("2000", D(2000, 1, 1), D(2000, 12, 31))]


_TOKENS = [
    *("3", "14", "2019", "(3/6)", "(14/4/2019)", "Senin", "Rabu", "Minggu", "Friday", "Tuesday", "malam"),
    *("tahun", "bulan", "minggu", "lalu", "ini", "depan", "awal", "pertengahan", "akhir", "hari", "kemarin"),
    *("late", "early", "mid", "the", "middle", "end", "of", "next", "last", "year", "between", "and", " to "),
    *("hingga", "before", ",", "June", "Maret", "Act", "Forum", "some", "workers", "\n", "x" * 30),
    *("On", "same", "day", "pada", "yang", "sama", "Pada"),
]


@examples(300)
@given(st.lists(st.sampled_from(_TOKENS), max_size=40))
def test_windowed_scan_still_equals_full_scan_with_the_new_forms(tokens):
    text = " ".join(tokens)
    assert [m.span() for m in scan(text)] == [m.span() for m in DATE_RE.finditer(text)]


def test_new_development_documents_written_before_the_rules():
    corpus = load_corpus(DEV / "corpus")
    mentions = chronology.date_mentions(corpus)
    gold = pd.read_csv(DEV / "dates.csv", dtype=str, keep_default_na=False)
    row = evaluation.score_dates(mentions, gold)
    # before the rules: P/R 0.421/0.421 (and a weekday whose sentence was cut at a line wrap, "... on" /
    # "Wednesday.", left no verb to place it)
    assert row["recall"] == 1.0 and row["precision"] >= 0.94, row
    not_dates = pd.read_csv(DEV / "not_dates.csv", dtype=str, keep_default_na=False)
    assert heldout.score_not_dates(mentions, not_dates)["numerator"] == 0


def test_indonesian_words_open_windows_only_when_asked():
    text = "Rapat digelar pada Rabu."
    assert [m.group() for m in scan(text)] == ["Rabu"]
    assert scan(text, indonesian=False) == []  # a text in another language: no window at "Rabu"


def test_a_line_ending_in_a_preposition_runs_on_so_a_date_is_not_cut():
    lines = ["The review closed on", "Friday 4 June 2021.", "Talks ran from 26 to", "28 May.", "Next steps", "Dates"]
    assert split_paragraphs(list(enumerate(lines, start=1))) == [
        (1, "The review closed on Friday 4 June 2021."),
        (3, "Talks ran from 26 to 28 May."),
        (5, "Next steps"),  # a line ending in any other word still ends its paragraph
        (6, "Dates"),
    ]
