"""Chapter 1's tables and figure, checked on the data behind them (nbval does not compare images)."""

from __future__ import annotations

import pytest

from baliprocess import overview
from baliprocess.corpus import DEFAULT_CORPUS, load_corpus


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(DEFAULT_CORPUS)


def test_summary_figures(corpus):
    s = overview.summary(corpus, publishers={"n_nz_documents": "New Zealand"})
    assert (s["n_documents"], s["n_paragraphs"]) == (5, 111)
    assert (s["first_year"], s["last_year"], s["n_inferred_dates"], s["n_nz_documents"]) == (2002, 2024, 3, 3)
    assert s["longest_year"] == 2002 and s["longest_words"] == corpus.documents["n_words"].max()
    assert s["longest_share"] == pytest.approx(s["longest_words"] / s["n_words"])
    assert s["n_rule_firings"] == len(corpus.cleaning_log)
    assert s["n_lines_dropped"] + s["n_lines_changed"] <= s["n_rule_firings"]


def test_words_figure_draws_one_bar_per_document_in_date_order(corpus):
    fig = overview.words_figure(corpus.documents)
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    ordered = corpus.documents.sort_values("date")
    assert sorted(widths) == sorted(ordered["n_words"].tolist())
    ticks = dict(zip(ax.get_yticks(), labels, strict=True))
    assert ticks[max(ticks)] == "goff-dalziel-2002 (2002-02-25)"  # the oldest at the top
    assert any(t.get_text().startswith("Source:") for t in fig.texts)


def test_cleaning_summary_counts_every_firing(corpus):
    table = overview.cleaning_summary(corpus)
    counts = table.drop(columns=["kind", "reason"])
    assert counts.to_numpy().sum() == len(corpus.cleaning_log)
    assert counts.loc["site-footer", "cochairs-2002"] == 4
    assert counts.loc["ocr-emphasis-ed", "cochairs-2002"] == 2


def test_documents_table_and_paragraph_sample(corpus):
    table = overview.documents_table(corpus.documents)
    assert list(table.columns) == ["title", "date", "publisher", "type", "paragraphs", "words"]
    sample = overview.paragraph_sample(corpus.paragraphs, "cochairs-2002", 6)
    assert list(sample.index)[-1] == "cochairs-2002-p06" and sample.loc["cochairs-2002-p05", "label"] == "1"
    notes = overview.date_notes(corpus.documents)
    assert sorted(notes.index) == ["cochairs-2002", "mfat-smuggling-page", "som2-brisbane-2004"]
