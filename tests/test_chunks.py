"""Work split by runs of documents (baliprocess.chunks): the runs cover the corpus in order, and the
participation built run by run and combined is the participation of the whole corpus."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from baliprocess.chunks import concat_in_order, corpus_chunks
from baliprocess.corpus import Corpus, load_corpus
from baliprocess.membership.tables import _participation_tables
from mixedcorpus import mixed_corpus


def _corpus(sizes: list[int]) -> Corpus:
    """Documents d0, d1, ... with ``sizes[i]`` paragraphs each."""
    ids = [f"d{i}" for i in range(len(sizes))]
    paragraphs = pd.DataFrame(
        {
            "doc_id": [d for d, n in zip(ids, sizes, strict=True) for _ in range(n)],
            "text": [f"{d} p{k}" for d, n in zip(ids, sizes, strict=True) for k in range(n)],
        }
    )
    log = pd.DataFrame({"doc_id": ["d1"], "rule": ["x"]})
    return Corpus(Path("."), pd.DataFrame({"doc_id": ids}), paragraphs, log, {d: {"id": d} for d in ids})


@pytest.mark.parametrize(
    ("sizes", "n", "expected"),
    [
        ([1, 1, 1, 1], 2, [["d0", "d1"], ["d2", "d3"]]),  # 2 of 4 paragraphs in each
        ([6, 1, 1, 1, 1], 2, [["d0"], ["d1", "d2", "d3", "d4"]]),  # the first run holds 6 of 10 already
        ([1, 1, 1], 5, [["d0"], ["d1"], ["d2"]]),  # never more runs than documents
        ([3, 0, 3], 2, [["d0"], ["d1", "d2"]]),  # a run ends once it holds its share; an empty document is kept
        ([2, 2], 1, [["d0", "d1"]]),
    ],
)
def test_runs_of_documents(sizes, n, expected):
    chunks = corpus_chunks(_corpus(sizes), n)
    assert [c.documents["doc_id"].tolist() for c in chunks] == expected
    for chunk, ids in zip(chunks, expected, strict=True):
        assert sorted(set(chunk.paragraphs["doc_id"])) == sorted(d for d in ids if sizes[int(d[1:])])
        assert list(chunk.meta) == ids
        assert chunk.cleaning_log["doc_id"].tolist() == (["d1"] if "d1" in ids else [])


def test_concat_keeps_order_and_skips_empty_pieces():
    a = pd.DataFrame({"x": [1, 2]}, index=[5, 6])
    empty = pd.DataFrame({"x": pd.Series([], dtype=object)})
    b = pd.DataFrame({"x": [3]})
    out = concat_in_order([a, empty, b])
    assert out["x"].tolist() == [1, 2, 3] and out.index.tolist() == [0, 1, 2]
    assert out["x"].dtype == "int64"  # the empty piece's object column does not change the type
    assert concat_in_order([empty, empty]).empty


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Corpus:
    return load_corpus(mixed_corpus(tmp_path_factory.mktemp("mixed") / "corpus"))


@pytest.mark.parametrize("n", [2, 3, 8])
def test_participation_by_runs_equals_whole(mixed, n):
    whole = _participation_tables(mixed)
    pieces = [_participation_tables.build(c) for c in corpus_chunks(mixed, n)]
    assert 1 < len(pieces) <= n  # at most n runs, fewer when a long document holds more than its share
    by_runs = _participation_tables.combine(pieces)
    assert list(by_runs) == list(whole) == ["participation", "unresolved_names", "membership_panel"]
    assert len(whole["participation"]) > 0
    for name, table in whole.items():
        pd.testing.assert_frame_equal(by_runs[name], table, check_exact=True)
