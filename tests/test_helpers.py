"""The small shared modules: one pattern over many paragraphs (textscan), precision/recall/F1 (metrics) and
the month vocabulary (datevocab)."""

from __future__ import annotations

import math
import re

import pytest

from baliprocess.datevocab import MONTH_NAMES, MONTH_NUMBERS
from baliprocess.metrics import precision_recall_f1
from baliprocess.textscan import scan_joined


def test_scan_joined_maps_hits_to_paragraph_and_offset():
    texts = ["no hit", "ab x ab", "", "ab"]
    matches, rows, offsets = scan_joined(texts, re.compile("ab").finditer, "\x00")
    assert [m.group() for m in matches] == ["ab", "ab", "ab"]
    assert rows.tolist() == [1, 1, 3] and offsets.tolist() == [0, 5, 0]
    assert [len(x) for x in scan_joined([], re.compile("ab").finditer, "\x00")] == [0, 0, 0]


@pytest.mark.parametrize(
    "texts",
    [
        ["ab cd", "x", "ab cd", "cd ab ab", "x", "ab cd", ""],
        ["same", "same", "same"],
        ["none here", "none here"],
        ["ab", "cd", "ab"],
        [],
    ],
)
def test_scan_joined_dedupe_gives_the_same_hits(texts):
    find = re.compile("ab|cd").finditer
    plain = scan_joined(texts, find, "\x00", keep=lambda m: m.group())
    once = scan_joined(texts, find, "\x00", keep=lambda m: m.group(), dedupe=True)
    assert once[0] == plain[0]
    assert once[1].tolist() == plain[1].tolist() and once[2].tolist() == plain[2].tolist()


@pytest.mark.parametrize(
    ("counts", "expected"),
    [((2, 4, 5), (0.5, 0.4, 4 / 9)), ((0, 3, 2), (0.0, 0.0, 0.0)), ((0, 0, 2), (math.nan, 0.0, 0.0))],
)
def test_precision_recall_f1(counts, expected):
    got = precision_recall_f1(*counts)
    for g, e in zip(got, expected, strict=True):
        assert (math.isnan(g) and math.isnan(e)) or g == pytest.approx(e)
    assert all(math.isnan(v) for v in precision_recall_f1(0, 0, 0))


def test_month_vocabulary():
    assert len(MONTH_NAMES) == 12
    assert MONTH_NUMBERS["may"] == 5 and MONTH_NUMBERS["sept"] == MONTH_NUMBERS["sep"] == 9
    assert MONTH_NUMBERS["mar"] == 3 and MONTH_NUMBERS["jun"] == 6 and MONTH_NUMBERS["jul"] == 7
