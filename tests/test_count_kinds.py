"""Counts of the right kind (issue 17, item 4): the kind from the counted noun and its words as well as the
verb, in English and Indonesian; one count per number; a definite few counted only when the names follow.
Expectations written by hand from each sentence."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from baliprocess import heldout, membership
from baliprocess.corpus import load_corpus
from baliprocess.membership.countsid import indonesian_counts, indonesian_kind, parse_indonesian_number

DEV = Path(__file__).parent / "dev" / "counts2"


def _counts(text: str) -> list[tuple[int, str, str]]:
    return [(c["count"], c["subject"], c["qualifier"]) for c in membership.extract_counts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number with a unit among its modifiers is one count, not two
        ("Twenty-two countries sent delegations to the meeting.", [(22, "attendance", "")]),
        # people from N countries came to a meeting
        ("Senior officials from fourteen countries met online.", [(14, "attendance", "")]),
        ("Ministers from thirteen countries of origin endorsed the declaration.", [(13, "attendance", "")]),
        # a standing body that brings countries together: membership, with the hedge kept
        (
            "The Bali Process brings together 45 countries and around four international organisations.",
            [(45, "membership", ""), (4, "membership", "around")],
        ),
        # the noun says observer
        ("Seven observer states attended the workshop.", [(7, "observers", "")]),
        # a definite few: a reference, unless the names follow at once
        ("The two countries agreed to meet again.", []),
        ("Taking part were the three member organisations UNHCR, IOM and UNODC.", [(3, "attendance", "")]),
        # labels and money are not counts
        ("Table 3 countries attended; paragraph 4 delegates spoke.", []),
        ("The costs came to $20 million for 30 delegates who attended.", [(30, "attendance", "")]),
    ],
)
def test_english_count_kinds(text, expected):
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("sentence", "after", "kind"),
    [
        ("Konferensi dihadiri oleh 44 negara anggota.", " anggota.", "attendance"),
        ("Bali Process memiliki 45 negara anggota.", " anggota.", "membership"),
        ("Hadir pula 12 negara peninjau.", " peninjau.", "observers"),
        ("Tiga organisasi internasional hadir sebagai pengamat.", " hadir sebagai", "observers"),
        ("Panitia memperkirakan pertemuan akan diikuti oleh 25 negara.", ".", "expected"),
        ("Ada 30 negara di kawasan ini.", " di kawasan", "other"),
    ],
)
def test_indonesian_kind(sentence, after, kind):
    assert indonesian_kind(sentence, "countries", after) == kind


def test_indonesian_counts_in_one_paragraph():
    text = "Konferensi dihadiri oleh lebih dari 90 peserta dari sembilan belas negara, serta 5 negara peninjau."
    got = [(c["count"], c["unit"], c["subject"], c["qualifier"]) for c in indonesian_counts(text)]
    assert got == [
        (90, "participants", "attendance", "more than"),
        (19, "countries", "attendance", ""),
        (5, "countries", "observers", ""),
    ]
    assert [parse_indonesian_number(w) for w in ("dua puluh tujuh", "sebelas", "dua belas", "seratus")] == [
        27,
        11,
        12,
        100,
    ]


def test_new_development_documents_are_read_in_full():
    gold = pd.read_csv(DEV / "counts.csv", dtype=str, keep_default_na=False)
    counts = membership.counts_table(load_corpus(DEV / "corpus"))
    scores = {row["measure"]: row["value"] for row in heldout.score_count_kinds(counts, gold)}
    assert scores["counts recall"] >= 0.85 and scores["count kind accuracy"] >= 0.85, scores
    assert scores["counts precision"] >= 0.85, scores
    keys = zip(counts["doc_id"], counts["count"].astype(int), strict=True)
    got = dict(zip(keys, counts["qualifier"], strict=True))
    rows = zip(gold["doc_id"], gold["value"].astype(int), gold["qualifier"], gold["text"], strict=True)
    wrong = [text for doc, value, qualifier, text in rows if got.get((doc, value)) != qualifier]
    assert wrong == []
