"""The themes chapter's corpus coding and its sentences, computed by the package (not in the notebook)."""

from __future__ import annotations

import pandas as pd
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


def test_scores_view_names_the_sets_and_what_each_is_to_the_coder():
    scores = pd.DataFrame(
        {"set": ["in-sample", "dev", "test"], "what it is": ["long"] * 3, "documents": [5, 6, 7], "F1": [0.9, 0.8, 0.7]}
    )
    view = themes.scores_view(scores)
    assert view["set"].tolist() == ["in sample", "development", "held-out test"]
    assert view["what it is"].tolist() == ["written from it", "tuned on it", "never tuned on"]
    assert view.columns.tolist() == ["set", "what it is", "docs", "F1"]


def test_rule3_view_shows_each_set_aside_coding_with_its_text():
    rule3 = pd.DataFrame({"paragraph_id": ["p2", "p1"], "theme": ["police", "visas"], "matched": ["police", "visa"]})
    paragraphs = pd.DataFrame({"paragraph_id": ["p1", "p2", "p3"], "text": ["Visas.", "Police.", "Other."]})
    view = themes.rule3_view(rule3, paragraphs, {"police": "Policing", "visas": "Visas"})
    assert view.columns.tolist() == ["paragraph_id", "text", "theme", "terms fired"]
    assert view.values.tolist() == [["p2", "Police.", "Policing", "police"], ["p1", "Visas.", "Visas", "visa"]]
