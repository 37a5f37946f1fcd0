"""Lists found from their names (issue 17): the gazetteer, runs of names with their cue, bullet lines and
tables, counts of the right kind, weekdays and years naming documents, bare name lists as procedural."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from baliprocess.chronology.scan import extract, weekday_problems
from baliprocess.membership.counts import extract_counts
from baliprocess.membership.gazetteer import dehyphenate, find_mentions, is_name_list
from baliprocess.membership.runs import block_entries, sentence_entries
from baliprocess.themes import content_paragraphs


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the Kingdom of Thailand", "THA"),
        ("the Islamic Republic of Pakistan", "PAK"),
        ("Lao PDR", "LAO"),
        ("DPRK", "PRK"),
        ("Viet Nam", "VNM"),
        ("Türkiye", "TUR"),
        ("Hong Kong SAR", "HKG"),
        ("Macau SAR", "MAC"),
        ("the UAE", "ARE"),
        ("the USA", "USA"),
        ("Korea, Republic of", "KOR"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("the International Organization for Migration", "IOM"),
    ],
)
def test_gazetteer_marks_formal_and_alternative_forms(text, key):
    mentions = find_mentions(f"Present were {text} and others.")
    assert [m.key for m in mentions] == [key]


def test_lower_case_words_are_no_states():
    assert find_mentions("a turkey and a chad of paper") == []


def _roles(text):
    return [(e.mention.key, e.role) for e in sentence_entries(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Taking part were Fiji, Tonga and Samoa.",
            [("FJI", "participant"), ("TON", "participant"), ("WSM", "participant")],
        ),
        ("Japan and Canada sat in as observers.", [("JPN", "observer"), ("CAN", "observer")]),
        (
            "The group is made up of Australia, Indonesia and UNHCR.",
            [("AUS", "member"), ("IDN", "member"), ("UNHCR", "member")],
        ),
        ("Several bodies took part, among them IOM and UNODC.", [("IOM", "participant"), ("UNODC", "participant")]),
        ("Myanmar and Nepal did not attend.", [("MMR", "absent"), ("NPL", "absent")]),
        ("Bhutan and Nepal will attend for the first time.", [("BTN", "expected"), ("NPL", "expected")]),
        ("Fiji also attended.", [("FJI", "participant")]),
        ("Australia and New Zealand funded a study of migration.", []),
    ],
)
def test_role_comes_from_the_cue(text, expected):
    assert _roles(text) == expected


def test_hyphenated_names_are_joined():
    assert dehyphenate("New Zeal- and atten- ded, Timor-Leste") == "New Zealand attended, Timor-Leste"
    assert _roles("Delegations of New Zeal- and and Fiji atten- ded.") == [
        ("NZL", "participant"),
        ("FJI", "participant"),
    ]


def test_an_unknown_name_inside_a_run_is_kept_unresolved():
    entries = list(sentence_entries("Those attending were Malaysia, Camboda, Fiji and INTERPOL."))
    assert [(e.mention.text, e.mention.key) for e in entries][1] == ("Camboda", "")


def test_bullets_take_the_role_of_the_line_before():
    texts = ["Delegations from the following attended:", "- Fiji", "- Tonga (observer)", "The meeting closed."]
    got = [(i, e.mention.key, e.role, e.row) for i, e in block_entries(texts)]
    assert got == [(1, "FJI", "participant", 1), (2, "TON", "observer", 2)]


def test_table_role_column():
    texts = ["Country | Status", "Fiji | Member", "Canada | Observer", "Sri Lanka | Did not attend"]
    got = [(e.mention.key, e.role, e.source, e.row) for _, e in block_entries(texts)]
    assert got == [("FJI", "member", "table", 1), ("CAN", "observer", "table", 2), ("LKA", "absent", "table", 3)]


def test_table_without_role_column_takes_the_header():
    texts = ["Observers | Head of delegation", "Japan | Counsellor", "Canada | Director"]
    assert [(e.mention.key, e.role) for _, e in block_entries(texts)] == [("JPN", "observer"), ("CAN", "observer")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eighteen ministers met in Bali.", [(18, "attendance", "")]),
        ("Forty business leaders attended.", [(40, "attendance", "")]),
        ("Some 41 countries are expected to attend.", [(41, "expected", "some")]),
        ("Around four international organisations sat in as observers.", [(4, "observers", "around")]),
        ("Six observer states attended.", [(6, "observers", "")]),
        ("Table 2 lists the participating countries.", []),
        ("As paragraph 3 notes, the two countries co-chaired.", []),
        ("It paid $20 for 12 delegates who attended.", [(12, "attendance", "")]),
        ("Close to 110 delegates joined the call.", [(110, "attendance", "close to")]),
        ("A hundred delegates attended.", [(100, "attendance", "")]),
        ("the 49-member Bali Process", [(49, "membership", "")]),
        (
            "Pertemuan dihadiri oleh sekitar 130 delegasi dari dua puluh tujuh negara.",
            [(130, "attendance", "around"), (27, "attendance", "")],
        ),
        ("Proses Bali memiliki 45 negara anggota.", [(45, "membership", "")]),
    ],
)
def test_counts_of_the_right_kind(text, expected):
    assert [(c["count"], c["subject"], c["qualifier"]) for c in extract_counts(text)] == expected


def test_weekday_resolved_in_the_documents_week():
    friday = dt.date(2012, 9, 14)
    past = extract("Ministers met on Wednesday.", friday)
    assert [(m["text"], m["start"]) for m in past] == [("Wednesday", dt.date(2012, 9, 12))]
    future = extract("They will meet again on Monday.", friday)
    assert [m["start"] for m in future] == [dt.date(2012, 9, 17)]
    assert extract("Monday is a holiday.", friday) == []
    assert weekday_problems("Monday is a holiday.", friday) == [
        ("Monday", "the text does not place it before or after the document date")
    ]
    assert weekday_problems("They met on Monday.", None) == [("Monday", "the document has no date")]


def test_a_year_naming_a_document_is_no_date():
    text = "The 2030 Agenda, the 2023 Adelaide Strategy and Strategy 2014 frame the Strategy 2020–2025 of 2012."
    assert [m["text"] for m in extract(text, dt.date(2012, 1, 1))] == ["2020–2025", "2012"]


def test_bare_name_lists_are_procedural():
    assert is_name_list("- New Zealand") and is_name_list("Afghanistan, Australia and Bangladesh")
    assert not is_name_list("Australia funded the workshop.")
    paragraphs = pd.DataFrame(
        {
            "doc_id": ["d"] * 3,
            "paragraph_id": ["d-p01", "d-p02", "d-p03"],
            "kind": ["paragraph"] * 3,
            "text": ["Afghanistan", "Bangladesh, Bhutan and Fiji", "Ministers discussed border security."],
        }
    )
    assert content_paragraphs(paragraphs)["paragraph_id"].tolist() == ["d-p03"]
