"""General mechanisms added after sorting the fifth raw set's errors into classes (tests/dev/rules7/README.md):
a state named right before "delegation"; "&" joining two days; a work plan's range of years as its name; a
web page's date line counted in words, not separators; Indonesian names of states and Indonesian count words
("pihak", "pejabat", "mengundang", "menjadi anggota", "44 dari 47"); "joined the meeting" as attendance and a
vague quantity closing a count's phrase. Every sentence is invented; the expectations are worked out by hand."""

from __future__ import annotations

import datetime as dt

import lxml.html
import pytest

from baliprocess.chronology.scan import extract
from baliprocess.ingest.structure import restore_date_line
from baliprocess.membership.counts import extract_counts
from baliprocess.membership.countsid import indonesian_counts
from baliprocess.membership.runs import block_entries, sentence_entries


def _roles(text: str) -> list[tuple[str, str]]:
    return [(e.mention.key, e.role) for e in sentence_entries(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state named, or by its adjective, right before "delegation" sent one (class L5)
        ("The Thai delegation thanked its hosts.", [("THA", "participant")]),
        ("In Lima the New Zealand delegation is grateful for the welcome.", [("NZL", "participant")]),
        # no determiner before the name: a name that merely precedes the noun is no cue
        ("Peru delegation sizes were discussed.", []),
        # Indonesian names of states (Maldives, South Korea, Norway)
        (
            "Delegasi Maladewa, Korea Selatan dan Norwegia hadir dalam pertemuan itu.",
            [("MDV", "participant"), ("KOR", "participant"), ("NOR", "participant")],
        ),
    ],
)
def test_list_roles(text, expected):
    assert _roles(text) == expected


def _dates(text: str, on: dt.date = dt.date(2019, 6, 1)) -> list[tuple[str, dt.date, dt.date]]:
    return [(m["text"], m["start"], m["end"]) for m in extract(text, on)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "&" joins two days like "and": the interval from the first to the last
        ("Date: 4 & 6 March 2019", [("4 & 6 March 2019", dt.date(2019, 3, 4), dt.date(2019, 3, 6))]),
        ("Q&A on 3 May", [("3 May", dt.date(2019, 5, 3), dt.date(2019, 5, 3))]),
        # a work plan's or action plan's period is its name
        ("Members agreed the Forward Work Plan 2018-20.", []),
        ("the Regional Plan of Action 2010-2015 ended", []),
        # a strategy's span and a range standing alone stay dates (the shipped corpus reads them so)
        ("the Strategy 2020–2025 sets out", [("2020–2025", dt.date(2020, 1, 1), dt.date(2025, 12, 31))]),
        ("from 2016-18 onwards", [("2016-18", dt.date(2016, 1, 1), dt.date(2018, 12, 31))]),
        # a span counted back from the document's date (1 June 2019): the year or the month
        ("Three years ago the forum began.", [("Three years ago", dt.date(2016, 1, 1), dt.date(2016, 12, 31))]),
        ("it met fourteen months ago", [("fourteen months ago", dt.date(2018, 4, 1), dt.date(2018, 4, 30))]),
        ("Some 3 months ago", [("3 months ago", dt.date(2019, 3, 1), dt.date(2019, 3, 31))]),
        # a duration is no span back ("three years of talks")
        ("after three years of talks", []),
    ],
)
def test_dates(text, expected):
    assert _dates(text) == expected


def test_a_date_line_with_separators_is_short():
    """Eleven words and three "·": restored under the heading (counted with the dots, fourteen "words" and longer
    than a date line's twelve, it was dropped)."""
    page = lxml.html.fromstring(
        "<html><body><main><h1>A post</h1><p>By the staff writer · Lima · 2 May 2019 · 4 min read</p>"
        "<p>Text of the post.</p></main></body></html>"
    )
    assert restore_date_line(page, ["# A post", "Text of the post."]) == [
        "# A post",
        "By the staff writer · Lima · 2 May 2019 · 4 min read",
        "Text of the post.",
    ]


def _kinds(counts: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(c["count"], c["subject"]) for c in counts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "pihak" (parties) with "beranggotakan" (has as members)
        ("Forum itu beranggotakan tujuh pihak.", [(7, "membership")]),
        # "pejabat" (officials) scheduled to attend
        ("Sebanyak 12 pejabat dijadwalkan hadir.", [(12, "expected")]),
        # "mengundang" (invites): expected
        ("Kemlu mengundang lima organisasi internasional.", [(5, "expected")]),
        # "menjadi anggota" (became members)
        ("Sejak itu 9 negara menjadi anggota forum.", [(9, "membership")]),
        # a part of a whole: the part takes the sentence's kind, the member states after "dari" are membership
        ("Sebanyak 30 dari 40 negara anggota akan hadir.", [(30, "expected"), (40, "membership")]),
        # "dari" meaning "from": one count, of those who came
        ("Pertemuan dihadiri wakil dari 25 negara anggota.", [(25, "attendance")]),
    ],
)
def test_indonesian_counts(text, expected):
    assert _kinds(indonesian_counts(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # joining a meeting is attending it; joining a forum is membership
        ("Nine members of the network joined the meeting online.", [(9, "attendance")]),
        ("Nine states joined the forum in 2009.", [(9, "membership")]),
        # "and a number of observers" is the next item, not a word about the count before it
        (
            "The forum unites 30 states, two international organisations and a number of observers.",
            [(30, "membership"), (2, "membership")],
        ),
    ],
)
def test_english_count_kinds(text, expected):
    assert _kinds(extract_counts(text)) == expected


def test_a_table_of_facts_gives_the_roles_its_labels_name():
    """A two-column table of label and value, no column of names: a row labelled with a role gives its names
    that role; rows labelled otherwise give nothing (class L12)."""
    texts = [
        "Type | Regional forum on labour migration (Asia and the Pacific)",
        "Co-Chairs | Chile and Peru",
        "Observers | 12 States and two organisations: UNHCR and ILO",
        "Secretariat | Bangkok, hosted by Thailand",
    ]
    got = [(i, e.mention.key, e.role) for i, e in block_entries(texts)]
    assert got == [(1, "CHL", "co_chair"), (1, "PER", "co_chair"), (2, "UNHCR", "observer"), (2, "ILO", "observer")]


def test_a_table_with_a_column_of_names_is_read_as_before():
    texts = ["Delegation | Capacity", "Fiji | Member", "Japan | Observer"]
    assert [(e.mention.key, e.role) for _, e in block_entries(texts)] == [("FJI", "participant"), ("JPN", "observer")]
