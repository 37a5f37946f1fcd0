"""Work split by shares of the documents (baliprocess.chunks): the shares cover the corpus, and the
participation and the theme coding built share by share and merged are those of the whole corpus."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from baliprocess.chunks import corpus_chunks, merge_pieces
from baliprocess.corpus import Corpus, load_corpus
from baliprocess.membership.tables import _participation_tables
from baliprocess.themes.tables import BUILD_PARTS as THEME_PARTS
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
        ([1, 1, 1, 1, 1], 2, [["d0", "d2", "d4"], ["d1", "d3"]]),  # every n-th document
        ([1, 1, 1], 5, [["d0"], ["d1"], ["d2"]]),  # never more shares than documents
        ([3, 0, 3], 2, [["d0", "d2"], ["d1"]]),  # a document without paragraphs is kept
        ([2, 2], 1, [["d0", "d1"]]),
    ],
)
def test_shares_of_the_documents(sizes, n, expected):
    chunks = corpus_chunks(_corpus(sizes), n)
    assert [c.documents["doc_id"].tolist() for c in chunks] == expected
    for chunk, ids in zip(chunks, expected, strict=True):
        assert chunk.paragraphs["doc_id"].tolist() == [d for d in ids for _ in range(sizes[int(d[1:])])]
        assert list(chunk.meta) == ids
        assert chunk.cleaning_log["doc_id"].tolist() == (["d1"] if "d1" in ids else [])


def test_merge_puts_rows_in_document_order_and_skips_empty_pieces():
    a = pd.DataFrame({"doc_id": ["d0", "d0", "d2"], "x": [1, 2, 5]}, index=[5, 6, 7])
    empty = pd.DataFrame({"doc_id": pd.Series([], dtype=object), "x": pd.Series([], dtype=object)})
    b = pd.DataFrame({"doc_id": ["d1", "d3", "d3"], "x": [3, 6, 7]})
    out = merge_pieces([a, empty, b], ["d0", "d1", "d2", "d3"])
    assert out["x"].tolist() == [1, 2, 3, 5, 6, 7] and out.index.tolist() == list(range(6))
    assert out["x"].dtype == "int64"  # the empty piece's object column does not change the type
    assert merge_pieces([empty, empty], ["d0"]).empty


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Corpus:
    return load_corpus(mixed_corpus(tmp_path_factory.mktemp("mixed") / "corpus"))


@pytest.fixture(scope="module")
def whole(mixed) -> dict[str, pd.DataFrame]:
    """The participation tables of the whole mixed corpus, built once for every number of shares (read only)."""
    return _participation_tables(mixed)


@pytest.mark.parametrize("n", [2, 3, 8])
def test_participation_by_shares_equals_whole(mixed, whole, n):
    pieces = [_participation_tables.build(c) for c in corpus_chunks(mixed, n)]
    assert len(pieces) == n
    by_shares = _participation_tables.finish(merge_pieces(pieces, mixed.documents["doc_id"].tolist()))
    assert list(by_shares) == list(whole) == ["participation", "unresolved_names", "membership_panel"]
    assert len(whole["participation"]) > 0
    for name, table in whole.items():
        pd.testing.assert_frame_equal(by_shares[name], table, check_exact=True)


@pytest.mark.parametrize("n", [2, 3])
def test_theme_coding_by_shares_equals_whole(mixed, n):
    (coding,) = THEME_PARTS
    whole_coding = coding(mixed)["paragraph_themes"]
    pieces = [coding.build(c) for c in corpus_chunks(mixed, n)]
    assert len(pieces) == n and all(len(p) > 0 for p in pieces)  # every share codes some paragraph
    by_shares = coding.finish(merge_pieces(pieces, mixed.documents["doc_id"].tolist()))
    assert list(by_shares) == ["paragraph_themes"] and len(whole_coding) > len(pieces[0])
    pd.testing.assert_frame_equal(by_shares["paragraph_themes"], whole_coding, check_exact=True)
