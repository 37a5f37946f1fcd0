"""The record's exported tables: their schemas (``TABLES``) and ``build_tables(corpus)``.

The record is curated data, the same whatever corpus the book is built on; ``corpus`` is accepted only so
that the exporter can treat every package alike.
"""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus
from ..schema import Field, Table
from ..themes.codebook import load_codebook
from .analysis import analyse

__all__ = ["TABLES", "build_tables"]


def build_tables(corpus: Corpus | None = None) -> dict[str, pd.DataFrame]:
    """The exported tables of the record, by name (see :data:`TABLES`)."""
    result = analyse(load_codebook().keys)
    return {
        "outcomes": result.record.outcomes,
        "outcome_codes": result.record.codes,
        "record_phase_shares": result.phase_shares,
        "record_changes": result.changes,
        "record_reliability": result.reliability.reset_index(),
    }


_SOURCES = ("data/outcomes.csv", "data/outcome_codes.csv", "data/themes.yml")
_THEME = Field("theme", "string", "Theme key of the codebook data/themes.yml.")

TABLES = [
    Table(
        name="outcomes",
        title="Outcome documents of the Bali Process (the record)",
        description="One row per outcome document: co-chairs' statements of the ministerial conferences, "
        "declarations, strategies, and statements of senior officials' and Ad Hoc Group meetings, with how many "
        "of its numbered paragraphs were read.",
        fields=(
            Field("outcome_id", "string", "Id of the document."),
            Field("date", "date", "Date of the meeting that adopted or issued it."),
            Field("meeting", "string", "The meeting, as the document names it."),
            Field(
                "doc_type",
                "string",
                "co_chairs_statement, declaration, strategy, senior_officials_statement, ad_hoc_group_statement, "
                "or web_account (the process's website account of a meeting, read where its adopted text was not found "
                "or only its opening could be read).",
            ),
            Field("title", "string", "Title of the document."),
            Field("url", "string", "The document's official copy where one was found, else the best public copy."),
            Field("access_url", "string", "The copy actually read, when it is not the url (a mirror)."),
            Field(
                "source",
                "string",
                "Bibliography key of the copy read (book/bib), or of the document that attests an unread one.",
            ),
            Field(
                "paragraphs", "integer", "Paragraphs of the original (empty: the copy ended before the document did)."
            ),
            Field("paragraphs_read", "integer", "Paragraphs read and coded (the rest were not accessible)."),
            Field("note", "string", "How the paragraphs were numbered and what could not be read."),
        ),
        primary_key=("outcome_id",),
        sources=_SOURCES[:1],
    ),
    Table(
        name="outcome_codes",
        title="Hand coding of the record's paragraphs",
        description="One row per (document, paragraph, theme, coder): 'first' coded every paragraph read, "
        "'second' an independent sample stratified by year, 'final' settles the paragraphs on which they "
        "disagreed. Theme 'none': read, no theme. The gist says in our own words what the paragraph does.",
        fields=(
            Field("outcome_id", "string", "Document (outcomes.csv)."),
            Field("paragraph", "integer", "Paragraph number as in the original."),
            _THEME,
            Field("coder", "string", "first, second or final."),
            Field("gist", "string", "What the paragraph does, in at most 25 words of our own."),
        ),
        primary_key=("outcome_id", "paragraph", "theme", "coder"),
        sources=_SOURCES[1:],
    ),
    Table(
        name="record_phase_shares",
        title="Theme shares per phase of the process, with 95% intervals",
        description="Share of each phase's substantive paragraphs (final coding) that carry each theme, with a "
        "percentile bootstrap interval resampling paragraphs within documents.",
        fields=(
            Field("phase", "string", "founding, revival, crisis or renewal."),
            _THEME,
            Field("documents", "integer", "Documents of the phase."),
            Field("paragraphs", "integer", "Substantive paragraphs of the phase."),
            Field("with_theme", "integer", "Of them, those that carry the theme."),
            Field("share", "number", "with_theme / paragraphs."),
            Field("low", "number", "Lower end of the 95% bootstrap interval."),
            Field("high", "number", "Upper end of the 95% bootstrap interval."),
        ),
        primary_key=("phase", "theme"),
        sources=_SOURCES,
    ),
    Table(
        name="record_changes",
        title="Tests of change between phases",
        description="Fisher's exact test of each theme's share between two phases, Holm-adjusted over the themes "
        "tested in each comparison; themes below the tentative reliability standard are not tested.",
        fields=(
            Field("before", "string", "Earlier phase."),
            Field("after", "string", "Later phase."),
            _THEME,
            Field("share_before", "number", "Share in the earlier phase."),
            Field("share_after", "number", "Share in the later phase."),
            Field("change", "number", "share_after - share_before."),
            Field("p", "number", "Two-sided p-value of Fisher's exact test (empty: not tested)."),
            Field("p_holm", "number", "Holm-adjusted p-value."),
            Field("reading", "string", "rose, fell, no detectable change, or not tested."),
        ),
        primary_key=("before", "after", "theme"),
        sources=_SOURCES,
    ),
    Table(
        name="record_reliability",
        title="Reliability of the hand coding (Krippendorff's alpha)",
        description="Per theme and overall, on the paragraphs coded by both coders: how many, how often each "
        "coder gave the theme, the share of agreeing decisions, nominal alpha and its reading.",
        fields=(
            Field("theme", "string", "Theme key, or 'overall' (every theme's decisions pooled)."),
            Field("paragraphs", "integer", "Paragraphs coded by both coders."),
            Field("first", "integer", "Paragraphs the first coder gave the theme."),
            Field("second", "integer", "Paragraphs the second coder gave the theme."),
            Field("alpha", "number", "Krippendorff's alpha, nominal (empty: not assessable)."),
            Field("agreement", "number", "Share of decisions on which the coders agree."),
            Field("reading", "string", "reliable (>= 0.8), tentative (>= 0.667), not reliable, not assessable."),
        ),
        primary_key=("theme",),
        sources=_SOURCES[1:],
    ),
]
