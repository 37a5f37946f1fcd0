"""The themes chapter's corpus coding and its sentences, computed by the package (not in the notebook)."""

from __future__ import annotations

import pytest

from baliprocess import evaluation, themes
from baliprocess.corpus import DEFAULT_CORPUS, load_corpus
from corpusfactory import front, write


@pytest.fixture(scope="module")
def shipped():
    return load_corpus(DEFAULT_CORPUS)


def test_one_document_corpus_reads_right(tmp_path, shipped):
    write(tmp_path, "one.md", front(title="One", date="2019-05-02") + "Police agencies will share information.\n")
    corpus = load_corpus(tmp_path)
    cc = themes.corpus_coding(
        corpus, themes.load_codebook(), themes.load_gold(), shipped=lambda: shipped, score_sets=evaluation.theme_scores
    )
    facts = cc.facts
    assert facts["corpus_size"] == "1 document (1 paragraph)"
    assert facts["coding_label"] == themes.AUTO and not cc.has_hand
    assert facts["emph_change_sentence"].startswith("The corpus covers a single year (2019)")
    assert facts["validation_scope"] == "the shipped corpus"
    assert facts["top_theme_agrees"] == "there is no hand coding to compare with"
    assert themes.comparison_view(cc.comparison).index.tolist() == ["not available: no hand coding of this corpus"]


def test_shipped_corpus_uses_the_hand_coding(shipped):
    cc = themes.corpus_coding(
        shipped, themes.load_codebook(), themes.load_gold(), shipped=lambda: shipped, score_sets=evaluation.theme_scores
    )
    assert cc.has_hand and cc.facts["coding_label"] == themes.HAND
    assert cc.facts["n_covered"] == cc.facts["n_paragraphs_all"] == len(shipped.paragraphs)
    view = themes.comparison_view(cc.comparison)
    assert next(iter(view.columns)) == "hand: change (points)"
    assert set(cc.scores["set"]) == {"in-sample", "dev", "test"}


@pytest.mark.parametrize(("n", "expected"), [(0, "0 themes"), (1, "1 theme"), (2, "2 themes")])
def test_plural(n, expected):
    assert themes.plural(n, "theme") == expected
