"""The corpus at a glance: its exported tables (documents, paragraphs) and the views of chapter 1."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.patches as mpl_patches
import pandas as pd
from matplotlib.figure import Figure

from . import plotting
from .cleaning import RULES
from .corpus import Corpus
from .schema import Field, Table

__all__ = [
    "TABLES",
    "build_tables",
    "cleaning_summary",
    "date_notes",
    "documents_table",
    "paragraph_sample",
    "paragraphs_table",
    "summary",
    "words_figure",
]

DOC_TYPE_LABELS = {
    "press_release": "press release",
    "statement": "statement",
    "meeting_report": "meeting report",
    "web_page": "web page",
    "other": "other",
}


def paragraphs_table(corpus: Corpus) -> pd.DataFrame:
    """One row per paragraph, in document order."""
    return corpus.paragraphs


TABLES = [
    Table(
        name="documents",
        title="Corpus documents",
        description="One row per corpus document, from its front matter and its cleaned text.",
        fields=(
            Field("doc_id", "string", "Document id (front matter `id`, else the file stem)."),
            Field("title", "string", "Title from the front matter."),
            Field("date", "date", "Document date from the front matter (see date_note when inferred)."),
            Field("publisher", "string", "Who published this copy of the document."),
            Field("doc_type", "string", "press_release, statement, meeting_report, web_page or other."),
            Field("url", "string", "Where the document was published; empty when no real address is known."),
            Field(
                "n_paragraphs", "integer", "Paragraphs of content after cleaning and splitting (headings not counted)."
            ),
            Field("n_words", "integer", "Words in the cleaned paragraphs."),
            Field("date_note", "string", "How an inferred date was inferred; empty when the source states it."),
            Field(
                "language",
                "string",
                "ISO 639-1 code of the document's language (baliprocess.language); "
                "documents not in English ('en') are not theme-coded.",
            ),
            Field("file", "string", "File name in the corpus folder."),
        ),
        primary_key=("doc_id",),
    ),
    Table(
        name="paragraphs",
        title="Corpus paragraphs",
        description="One row per paragraph; numbered paragraphs and bullet items are paragraphs of their own.",
        fields=(
            Field("doc_id", "string", "Document id."),
            Field("paragraph_id", "string", "Stable id `<doc_id>-pNN`, NN the position."),
            Field("position", "integer", "1-based position of the paragraph in its document."),
            Field("label", "string", "The document's own paragraph number, when it numbers paragraphs."),
            Field(
                "kind",
                "string",
                "paragraph, or heading for a Markdown heading (its '#' marks removed): "
                "headings are not theme-coded and not counted as paragraphs of content.",
            ),
            Field("line", "integer", "Line of the corpus file where the paragraph starts."),
            Field("text", "string", "Paragraph text after the cleaning rules."),
        ),
        primary_key=("paragraph_id",),
    ),
]


def build_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The exported tables of this module, by name (see :data:`TABLES`)."""
    return {"documents": corpus.documents, "paragraphs": paragraphs_table(corpus)}


def summary(corpus: Corpus, publishers: Mapping[str, str] | None = None) -> dict[str, object]:
    """The corpus's headline figures, for glueing into prose.

    ``publishers`` maps a name to words of a publisher: the number of documents whose publisher contains
    them is given under that name (the chapter chooses which publishers it speaks of)."""
    docs = corpus.documents
    longest = docs.loc[docs["n_words"].idxmax()]
    log = corpus.cleaning_log
    dropped = log[log["after"] == ""]
    changed = log[log["after"] != ""]
    return {
        "n_documents": len(docs),
        "n_paragraphs": int((corpus.paragraphs["kind"] == "paragraph").sum()),
        "n_words": int(docs["n_words"].sum()),
        "first_year": int(docs["date"].dt.year.min()),
        "last_year": int(docs["date"].dt.year.max()),
        "n_inferred_dates": int((docs["date_note"] != "").sum()),
        **{
            name: int(docs["publisher"].str.contains(words, regex=False).sum())
            for name, words in (publishers or {}).items()
        },
        "longest_year": int(longest["date"].year),
        "longest_words": int(longest["n_words"]),
        "longest_share": float(longest["n_words"] / docs["n_words"].sum()),
        "n_rule_firings": len(log),
        "n_lines_dropped": len(dropped),
        "n_lines_changed": int(changed[["doc_id", "line"]].drop_duplicates().shape[0]),
    }


def documents_table(docs: pd.DataFrame) -> pd.DataFrame:
    """The documents as a reader-facing table (title, date, publisher, type, paragraphs, words)."""
    return pd.DataFrame(
        {
            "doc_id": docs["doc_id"],
            "title": docs["title"],
            "date": docs["date"].dt.strftime("%Y-%m-%d"),
            "publisher": docs["publisher"],
            "type": docs["doc_type"].map(DOC_TYPE_LABELS),
            "paragraphs": docs["n_paragraphs"],
            "words": docs["n_words"],
        }
    ).set_index("doc_id")


def date_notes(docs: pd.DataFrame) -> pd.DataFrame:
    """Documents whose date is inferred, with how it was inferred."""
    inferred = docs[docs["date_note"] != ""]
    return pd.DataFrame(
        {
            "date used": inferred["date"].dt.strftime("%Y-%m-%d").to_numpy(),
            "how it was inferred": inferred["date_note"].to_numpy(),
        },
        index=pd.Index(inferred["doc_id"], name="doc_id"),
    )


def words_figure(docs: pd.DataFrame) -> Figure:
    """Horizontal bars: words per document, oldest at the top, coloured by document type."""
    fig, ax = plotting.new_figure(7.5, 0.45 * len(docs) + 1.4)
    colours = plotting.colour_map(list(DOC_TYPE_LABELS))
    ordered = docs.sort_values(["date", "doc_id"], kind="stable").reset_index(drop=True)
    labels = ordered["doc_id"] + " (" + ordered["date"].dt.strftime("%Y-%m-%d") + ")"
    y = range(len(ordered))[::-1]
    ax.barh(list(y), ordered["n_words"], color=ordered["doc_type"].map(colours).tolist(), height=0.6)
    ax.set_yticks(list(y), labels)
    ax.set_xlabel("Words after cleaning")
    ax.grid(axis="y", visible=False)
    handles = [
        mpl_patches.Patch(color=colours[t], label=DOC_TYPE_LABELS[t])
        for t in DOC_TYPE_LABELS
        if t in set(ordered["doc_type"])
    ]
    ax.legend(handles=handles, frameon=False, loc="lower right")
    plotting.add_source(fig, "corpus documents (documents.csv), words counted by baliprocess.")
    return fig


def cleaning_summary(corpus: Corpus) -> pd.DataFrame:
    """Each cleaning rule, its reason, and how often it fired per document."""
    log = corpus.cleaning_log
    counts = (
        log.groupby(["rule", "doc_id"]).size().unstack(fill_value=0)
        if len(log)
        else pd.DataFrame(index=pd.Index([], name="rule"))
    )
    order = [r.name for r in RULES]
    table = pd.DataFrame(
        {"kind": [r.kind for r in RULES], "reason": [r.reason for r in RULES]}, index=pd.Index(order, name="rule")
    )
    counts = counts.reindex(order, fill_value=0)
    counts.columns.name = None
    return table.join(counts).fillna(0).astype({c: int for c in counts.columns})


def paragraph_sample(paragraphs: pd.DataFrame, doc_id: str, n: int) -> pd.DataFrame:
    """The first ``n`` paragraphs of a document: id, label and text."""
    rows = paragraphs[paragraphs["doc_id"] == doc_id].head(n)
    return rows[["paragraph_id", "label", "text"]].set_index("paragraph_id")
