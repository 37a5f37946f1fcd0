"""The package layout: shared helpers, the leaf schema module, and no book-specific facts in library code."""

from __future__ import annotations

import ast
import math
import re

import pandas as pd
import pytest

from baliprocess import membership as m
from baliprocess.corpus import DEFAULT_CORPUS, REPO_ROOT, load_corpus
from baliprocess.datevocab import MONTH_NAMES, MONTH_NUMBERS
from baliprocess.metrics import precision_recall_f1
from baliprocess.textscan import scan_joined

SRC = REPO_ROOT / "src" / "baliprocess"


def test_scan_joined_maps_hits_to_paragraph_and_offset():
    texts = ["no hit", "ab x ab", "", "ab"]
    matches, rows, offsets = scan_joined(texts, re.compile("ab").finditer, "\x00")
    assert [m.group() for m in matches] == ["ab", "ab", "ab"]
    assert rows.tolist() == [1, 1, 3] and offsets.tolist() == [0, 5, 0]
    assert [len(x) for x in scan_joined([], re.compile("ab").finditer, "\x00")] == [0, 0, 0]


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


def test_schema_is_a_leaf():
    tree = ast.parse((SRC / "schema.py").read_text(encoding="utf-8"))
    relative = [
        n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and (n.level or "baliprocess" in (n.module or ""))
    ]
    assert relative == []


def test_export_imports_its_packages_explicitly():
    assert "importlib" not in (SRC / "export.py").read_text(encoding="utf-8")


def test_no_source_file_is_over_400_lines():
    long = [p.name for p in SRC.rglob("*.py") if len(p.read_text(encoding="utf-8").splitlines()) > 400]
    assert long == []


def test_library_code_names_no_bibliography_key():
    keys = set()
    for bib in (REPO_ROOT / "book" / "bib").glob("*.bib"):
        keys |= set(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", bib.read_text(encoding="utf-8"), re.M))
    assert keys
    found = [
        f"{p.relative_to(SRC)}: {k}" for p in SRC.rglob("*.py") for k in keys if k in p.read_text(encoding="utf-8")
    ]
    assert found == []


def test_stated_totals_sum_pairs_and_give_none_when_one_is_missing():
    totals = pd.DataFrame({"source": ["a", "a", "b"], "unit": ["x", "y", "x"], "count": [3, 4, 5]})
    picks = {"ax": [("a", "x")], "sum": [("a", "x"), ("a", "y")], "gap": [("a", "x"), ("b", "y")]}
    assert m.stated_totals(totals, picks) == {"ax": 3, "sum": 7, "gap": None}


def test_region_source_line_comes_from_the_table_provenance():
    corpus = load_corpus(DEFAULT_CORPUS)
    part = m.participation_table(corpus)
    regions = m.region_table(part, m.founding_document(corpus.documents, part))
    ids = regions.attrs["paragraph_ids"]
    assert ids == ["cochairs-2002-p05", "cochairs-2002-p06"]
    assert m.paragraph_span(corpus.paragraphs, ids) == "paragraphs 1-2"
    fig = m.region_figure(regions)
    assert any("cochairs-2002-p05, cochairs-2002-p06" in t.get_text() for t in fig.texts)
