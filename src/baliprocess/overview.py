"""The corpus at a glance: its exported tables (documents, paragraphs) and the views of chapter 1."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd

from .corpus import Corpus
from .schema import Field, Table

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "TABLES",
    "build_tables",
    "chapter_facts",
    "cleaning_by_document",
    "cleaning_phrase",
    "cleaning_summary",
    "counted",
    "date_label",
    "date_sources_sentence",
    "documents_table",
    "inexact_dates_phrase",
    "paragraph_sample",
    "paragraphs_table",
    "provenance_table",
    "sample_document",
    "type_counts_text",
    "words_figure",
]

DOC_TYPE_LABELS = {
    "press_release": "press release",
    "statement": "statement",
    "meeting_report": "meeting report",
    "web_page": "web page",
    "other": "other",
}
_PRECISION_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}


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
            Field(
                "date",
                "date",
                "First day of the document date in the front matter (see date_precision; date_note when inferred).",
            ),
            Field("publisher", "string", "Who published this copy of the document."),
            Field("doc_type", "string", "press_release, statement, meeting_report, web_page or other."),
            Field("url", "string", "Where the document was published; empty when no real address is known."),
            Field(
                "n_paragraphs", "integer", "Paragraphs of content after cleaning and splitting (headings not counted)."
            ),
            Field("n_words", "integer", "Words in the cleaned paragraphs."),
            Field("date_end", "date", "Last day the date can mean: the same day, or the month's or year's last day."),
            Field("date_precision", "string", "How much of the date is known: day, month or year."),
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


def chapter_facts(corpus: Corpus, publishers: Mapping[str, str] | None = None) -> dict[str, object]:
    """The corpus's headline figures, for glueing into prose (every value defined on any corpus).

    ``publishers`` maps a name to words of a publisher: the number of documents whose publisher contains
    them is given under that name (the chapter chooses which publishers it speaks of). The longest document
    is named by its title, type and date, whatever its type; ``longest_ratio`` is how many times longer it
    is than the next longest (0.0 when the corpus has one document)."""
    docs = corpus.documents
    by_length = docs.sort_values(["n_words", "date", "doc_id"], ascending=[False, True, True], kind="stable")
    longest = by_length.iloc[0]
    runner_up = int(by_length["n_words"].iloc[1]) if len(by_length) > 1 else 0
    log = corpus.cleaning_log
    dropped = log[log["after"] == ""]
    changed = log[log["after"] != ""]
    total_words = int(docs["n_words"].sum())
    n_not_english = int((docs["language"] != "en").sum()) if "language" in docs.columns else 0
    return {
        "n_documents": len(docs),
        "documents_counted": counted(len(docs), "document"),
        "n_paragraphs": int((corpus.paragraphs["kind"] == "paragraph").sum()),
        "n_words": total_words,
        "first_year": int(docs["date"].dt.year.min()),
        "last_year": int(docs["date_end"].dt.year.max()),
        "date_span": _year_span(int(docs["date"].dt.year.min()), int(docs["date_end"].dt.year.max())),
        "n_inferred_dates": int((docs["date_note"] != "").sum()),
        "date_sources_sentence": date_sources_sentence(docs["date_note"]),
        "n_inexact_dates": int((docs["date_precision"] != "day").sum()),
        "inexact_dates_phrase": inexact_dates_phrase(int((docs["date_precision"] != "day").sum())),
        "type_counts": type_counts_text(docs),
        "n_not_english": n_not_english,
        "not_english_phrase": "no document is"
        if n_not_english == 0
        else f"{n_not_english} document is"
        if n_not_english == 1
        else f"{n_not_english} documents are",
        **{
            name: int(docs["publisher"].str.contains(words, regex=False).sum())
            for name, words in (publishers or {}).items()
        },
        "longest_title": str(longest["title"]),
        "longest_type": DOC_TYPE_LABELS.get(longest["doc_type"], str(longest["doc_type"])),
        "longest_date": date_label(longest["date"], longest["date_precision"]),
        "longest_year": int(longest["date"].year),
        "longest_words": int(longest["n_words"]),
        "longest_share": float(longest["n_words"] / total_words) if total_words else 0.0,
        "longest_ratio": float(longest["n_words"] / runner_up) if runner_up else 0.0,
        "n_rule_firings": len(log),
        "n_lines_dropped": len(dropped),
        "n_lines_changed": int(changed[["doc_id", "line"]].drop_duplicates().shape[0]),
        "cleaning_phrase": cleaning_phrase(
            len(log), len(dropped), int(changed[["doc_id", "line"]].drop_duplicates().shape[0])
        ),
    }


#: A ``date_note`` that says the date came from the file's metadata (written by ``add``), not from the text.
METADATA_NOTE = re.compile(r"^Proposed by add\b|\bmetadata\b|\bcreation date\b", re.IGNORECASE)
#: A note of ``add`` whose date was read from the document's own dateline (``from the dateline '...'``).
DATELINE_NOTE = re.compile(r"^Proposed by add\b.*?, from the dateline\b")


def date_sources_sentence(notes: pd.Series) -> str:
    """Where the documents' dates come from, for prose: how many were inferred (a ``date_note`` written by
    hand), how many were proposed from a file's metadata by ``add`` (a note saying so) and how many ``add``
    read from the document's own dateline; metadata and dateline dates are never called inferred."""
    notes = notes.fillna("").astype(str)
    dateline = notes.map(lambda n: bool(DATELINE_NOTE.search(n)))
    metadata = notes.map(lambda n: bool(METADATA_NOTE.search(n))) & ~dateline
    inferred = int(((notes != "") & ~metadata & ~dateline).sum())
    n_meta, n_line = int(metadata.sum()), int(dateline.sum())
    parts = []
    if inferred:
        parts.append(f"for {inferred} of them the date is not stated in the document and was inferred")
    if n_meta:
        parts.append(
            f"for {n_meta} {'it was' if n_meta == 1 else 'they were'} proposed from the file's metadata by the "
            "add command"
            if not inferred
            else f"for {n_meta} the date was proposed from the file's metadata by the add command"
        )
    if n_line:
        parts.append(f"for {n_line} the add command read it from the document's own dateline")
    if not parts:
        return "Every document states its date, or its front matter gives it without a note"
    text = ", and ".join(parts)
    return text[0].upper() + text[1:]


def inexact_dates_phrase(n: int) -> str:
    """How many document dates are known only to the month or the year, as the end of a sentence of chapter 1
    (after a semicolon): "none is known ...", "1 is known ...", "3 are known ..."."""
    if n == 0:
        return "none is known only to the month or the year"
    verb = "is" if n == 1 else "are"
    return f"{n} {verb} known only to the month or the year, and {verb} shown that way rather than as a day"


def cleaning_phrase(firings: int, dropped: int, changed: int) -> str:
    """What the cleaning rules did, for prose: "fired 53 times across the corpus, removing 16 lines and
    changing 34 others"; none, one or many of each in words that agree."""
    if firings == 0:
        return "fired nowhere in the corpus: no line was removed or changed"
    times = "once" if firings == 1 else f"{firings} times"
    lines = "no line" if dropped == 0 else counted(dropped, "line")
    others = "none" if changed == 0 else f"{changed} {'other' if changed == 1 else 'others'}"
    return f"fired {times} across the corpus, removing {lines} and changing {others}"


def mixing_sentence(doc_ids: pd.Series, shipped_ids: pd.Series) -> str:
    """What a corpus other than the shipped one holds of the shipped documents, and so what the book keeps
    of the commentary written for them: only what is computed."""
    ours, shipped = set(doc_ids), set(shipped_ids)
    kept = sorted(ours & shipped)
    others = len(ours - shipped)
    if not kept:
        return (
            f"It holds none of the {counted(len(shipped), 'document')} the book ships with, so every sentence "
            "written about those documents is left out; what is shown is computed from this corpus."
        )
    verb = "is" if len(kept) == 1 else "are"
    return (
        f"It holds {len(kept)} of the {counted(len(shipped), 'document')} the book ships with ({', '.join(kept)}) "
        f"and {counted(others, 'other document')}; the commentary written for the shipped corpus alone is left "
        f"out, because the other documents could make it false, while every number, table and figure is computed "
        f"from all {len(ours)}, and citations of the shipped paragraphs, which {verb} in the corpus, still link."
    )


def counted(n: int, noun: str) -> str:
    """``n`` and ``noun`` in the right number for prose: "1 document", "5 documents"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _year_span(first: int, last: int) -> str:
    return f"in {first}" if first == last else f"between {first} and {last}"


def type_counts_text(docs: pd.DataFrame) -> str:
    """How many documents of each type, most frequent first, as words for prose ("2 press releases, 1 statement")."""
    counts = docs["doc_type"].map(lambda t: DOC_TYPE_LABELS.get(t, str(t))).value_counts()
    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
    parts = [f"{n} {_type_noun(str(label), n)}" for label, n in counts.items()]
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] if parts else "no documents"


def _type_noun(label: str, n: int) -> str:
    """A document type's label as a counted noun: "statement(s)", and "other document(s)" for the type
    ``other`` (not "7 others")."""
    noun = "other document" if label == DOC_TYPE_LABELS["other"] else label
    return noun if n == 1 else f"{noun}s"


def date_label(start: pd.Timestamp, precision: str) -> str:
    """A document date written to the precision it is known at: ``2016``, ``2016-03`` or ``2016-03-23``."""
    return start.strftime(_PRECISION_FORMATS.get(precision, "%Y-%m-%d"))


def _date_labels(docs: pd.DataFrame) -> list[str]:
    return [date_label(d, p) for d, p in zip(docs["date"], docs["date_precision"], strict=True)]


def documents_table(docs: pd.DataFrame) -> pd.DataFrame:
    """The documents as a reader-facing table: title, date (to its precision: a year stays a year), type,
    language (when the corpus has it), paragraphs and words. Who published each and how an inferred date was
    inferred are in :func:`provenance_table`."""
    columns = {
        "doc_id": docs["doc_id"],
        "title": docs["title"],
        "date": _date_labels(docs),
        "type": docs["doc_type"].map(lambda t: DOC_TYPE_LABELS.get(t, str(t))),
    }
    if "language" in docs.columns:
        columns["language"] = docs["language"]
    columns |= {"paragraphs": docs["n_paragraphs"], "words": docs["n_words"]}
    return pd.DataFrame(columns).set_index("doc_id")


def provenance_table(docs: pd.DataFrame) -> pd.DataFrame:
    """Each document's publisher and, when the document does not state its date, how the date was inferred."""
    return pd.DataFrame(
        {
            "publisher": docs["publisher"].to_numpy(),
            "how the date was found": [
                note or "stated in the source" for note in docs["date_note"].fillna("").astype(str)
            ],
        },
        index=pd.Index(docs["doc_id"], name="doc_id"),
    )


def words_figure(docs: pd.DataFrame) -> Figure:
    """Horizontal bars: words per document, oldest at the top, coloured and hatched by document type (the
    legend sits below the axes, so it never covers a bar)."""
    import matplotlib.patches as mpl_patches  # here: the export and validate draw nothing

    from . import plotting

    fig, ax = plotting.new_figure(7.5, 0.45 * len(docs) + 1.9)
    ordered = docs.sort_values(["date", "doc_id"], kind="stable").reset_index(drop=True)
    labels = [f"{d} ({when})" for d, when in zip(ordered["doc_id"], _date_labels(ordered), strict=True)]
    y = list(range(len(ordered)))[::-1]
    for row, (doc_type, words) in zip(y, zip(ordered["doc_type"], ordered["n_words"], strict=True), strict=True):
        ax.barh(
            row,
            words,
            **plotting.doc_type_style(doc_type),
            edgecolor="#222222",
            linewidth=0.6,
            height=0.6,
        )
    ax.set_yticks(y, labels)
    ax.set_xlabel("Words after cleaning")
    ax.grid(axis="y", visible=False)
    handles = [
        mpl_patches.Patch(
            facecolor=(style := plotting.doc_type_style(t))["color"],
            hatch=style["hatch"],
            edgecolor="#222222",
            linewidth=0.6,
            label=label,
        )
        for t, label in DOC_TYPE_LABELS.items()
        if t in set(ordered["doc_type"])
    ]
    fig.legend(handles=handles, frameon=False, loc="outside upper center", ncols=min(len(handles), 5), fontsize=9)
    plotting.add_source(fig, "corpus documents (documents.csv), words counted by baliprocess.")
    return fig


def cleaning_summary(corpus: Corpus) -> pd.DataFrame:
    """Each cleaning rule (in the order they apply), its kind and reason, how often it fired and in how many
    documents (:func:`cleaning_by_document` says which)."""
    log = corpus.cleaning_log
    fired = log["rule"].value_counts()
    documents = log.groupby("rule")["doc_id"].nunique()
    order = [r.name for r in corpus.rules]
    return pd.DataFrame(
        {
            "kind": [r.kind for r in corpus.rules],
            "reason": [r.reason for r in corpus.rules],
            "fired": [int(fired.get(r, 0)) for r in order],
            "documents": [int(documents.get(r, 0)) for r in order],
        },
        index=pd.Index(order, name="rule"),
    )


def cleaning_by_document(corpus: Corpus) -> pd.DataFrame:
    """How often each rule fired in each document: one row per document and rule that fired, documents in
    corpus order and rules in the order they apply. Columns: doc_id, rule, fired."""
    log = corpus.cleaning_log
    rank = {r.name: i for i, r in enumerate(corpus.rules)}
    doc_rank = {d: i for i, d in enumerate(corpus.documents["doc_id"])}
    counts = log.groupby(["doc_id", "rule"]).size().rename("fired").reset_index()
    counts = counts.assign(_d=counts["doc_id"].map(doc_rank), _r=counts["rule"].map(rank))
    return counts.sort_values(["_d", "_r"]).drop(columns=["_d", "_r"]).reset_index(drop=True)


def sample_document(docs: pd.DataFrame, paragraphs: pd.DataFrame) -> str:
    """The document whose paragraphs best show the splitting: the one with most paragraphs numbered by the
    document itself (``label``), ties and unnumbered corpora going to the longest, then the oldest."""
    numbered = paragraphs.loc[paragraphs["label"] != "", "doc_id"].value_counts()
    ranked = docs.assign(_numbered=docs["doc_id"].map(numbered).fillna(0)).sort_values(
        ["_numbered", "n_words", "date", "doc_id"], ascending=[False, False, True, True], kind="stable"
    )
    return str(ranked["doc_id"].iloc[0])


def paragraph_sample(paragraphs: pd.DataFrame, doc_id: str, n: int) -> pd.DataFrame:
    """The first ``n`` paragraphs of a document: id, label and text."""
    rows = paragraphs[paragraphs["doc_id"] == doc_id].head(n)
    return rows[["paragraph_id", "label", "text"]].set_index("paragraph_id")
