"""Chapter 1's tables and figure, checked on the data behind them (nbval does not compare images)."""

from __future__ import annotations

import pytest

from baliprocess import overview, plotting
from baliprocess.corpus import DEFAULT_CORPUS, load_corpus
from figurecheck import legends_clear_of_axes


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(DEFAULT_CORPUS)


def test_summary_figures(corpus):
    s = overview.chapter_facts(corpus, publishers={"n_nz_documents": "New Zealand"})
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
    # told apart without colour: each document type its own hatching, and the legend never over a bar
    hatches = {p.get_hatch() or "" for p in ax.patches}
    assert len(hatches) == corpus.documents["doc_type"].nunique()
    assert legends_clear_of_axes(fig)


def test_cleaning_summary_counts_every_firing(corpus):
    table = overview.cleaning_summary(corpus)
    assert table["fired"].sum() == len(corpus.cleaning_log)
    assert table.loc["site-footer", ["fired", "documents"]].tolist() == [4, 1]
    by_doc = overview.cleaning_by_document(corpus).set_index(["doc_id", "rule"])["fired"]
    assert by_doc.sum() == len(corpus.cleaning_log) and (by_doc > 0).all()
    assert by_doc["cochairs-2002", "site-footer"] == 4 and by_doc["cochairs-2002", "ocr-emphasis-ed"] == 2
    assert by_doc.groupby("rule").size().to_dict() == table.loc[table["documents"] > 0, "documents"].to_dict()


def test_documents_table_and_paragraph_sample(corpus):
    table = overview.documents_table(corpus.documents)
    assert list(table.columns) == ["title", "date", "type", "language", "paragraphs", "words"]
    assert overview.sample_document(corpus.documents, corpus.paragraphs) == "cochairs-2002"  # numbers its paragraphs
    sample = overview.paragraph_sample(corpus.paragraphs, "cochairs-2002", 6)
    assert list(sample.index)[-1] == "cochairs-2002-p06" and sample.loc["cochairs-2002-p05", "label"] == "1"
    notes = overview.provenance_table(corpus.documents)["how the date was found"]
    inferred = notes[notes != "stated in the source"]
    assert sorted(inferred.index) == ["cochairs-2002", "mfat-smuggling-page", "som2-brisbane-2004"]


def _doc(folder, name, date, doc_type, words):
    body = " ".join(("the officials met and agreed to work on it together".split() * words)[:words])
    (folder / f"{name}.md").write_text(f"---\ntitle: {name} title\ndate: {date}\ndoc_type: {doc_type}\n---\n{body}\n")


def test_longest_document_is_named_whatever_its_type_and_dates_keep_their_precision(tmp_path):
    _doc(tmp_path, "short-statement", "2019-06-30", "statement", 10)
    _doc(tmp_path, "long-report", "2016-03", "meeting_report", 40)
    _doc(tmp_path, "yearly-note", "2016", "other", 5)
    corpus = load_corpus(tmp_path)
    s = overview.chapter_facts(corpus)
    assert (s["longest_title"], s["longest_type"], s["longest_date"]) == (
        "long-report title",
        "meeting report",
        "2016-03",
    )
    assert s["longest_ratio"] == pytest.approx(4.0) and s["n_inexact_dates"] == 2
    assert s["type_counts"] == "1 meeting report, 1 other document and 1 statement"
    assert (s["documents_counted"], s["date_span"]) == ("3 documents", "between 2016 and 2019")
    dates = overview.documents_table(corpus.documents)["date"].to_dict()
    assert dates == {"yearly-note": "2016", "long-report": "2016-03", "short-statement": "2019-06-30"}
    labels = [t.get_text() for t in overview.words_figure(corpus.documents).axes[0].get_yticklabels()]
    assert "yearly-note (2016)" in labels and "long-report (2016-03)" in labels


def test_summary_of_a_one_document_corpus_has_no_missing_value(tmp_path):
    _doc(tmp_path, "lone", "2019-06-30", "other", 30)
    s = overview.chapter_facts(load_corpus(tmp_path), publishers={"n_nz": "New Zealand"})
    assert all(v is not None and v == v for v in s.values())  # no None, no NaN
    assert (s["longest_share"], s["longest_ratio"], s["n_nz"], s["type_counts"]) == (1.0, 0.0, 0, "1 other document")
    assert (s["n_not_english"], s["not_english_phrase"]) == (0, "no document is")
    assert (s["documents_counted"], s["date_span"]) == ("1 document", "in 2019")


def test_a_document_type_looks_the_same_in_every_figure(corpus):
    """Chapter 1's words per document and chapter 2's mentions per year give each type one colour and hatching."""
    from matplotlib.colors import to_hex

    from baliprocess import chronology as ch

    def styles(fig):
        legend = fig.legends[0]
        return {
            t.get_text(): (to_hex(h.get_facecolor()), h.get_hatch() or "")
            for t, h in zip(legend.texts, legend.legend_handles, strict=True)
        }

    words = styles(overview.words_figure(corpus.documents))
    years = styles(ch.mention_years_figure(ch.mention_years(ch.date_mentions(corpus), corpus.documents)))
    shared = set(words) & set(years)
    assert len(shared) >= 2 and all(words[t] == years[t] for t in shared), (words, years)
    assert len({words[t] for t in words}) == len(words)  # every type its own look
    assert [t for t in words if t in shared] == [t for t in years if t in shared]  # and one order of the legends
    assert plotting.doc_type_order(["zine", "other", "statement", "blog"]) == ["statement", "other", "blog", "zine"]
