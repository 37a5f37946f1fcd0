"""Two helpers of the membership chapter: totals stated by outside sources, summed by pick, and the source
line of the region figure, taken from the provenance of the table it draws."""

from __future__ import annotations

import pandas as pd

from baliprocess import membership as m
from baliprocess.corpus import DEFAULT_CORPUS, load_corpus


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
