"""Policy themes: a transparent codebook (``data/themes.yml``), paragraph-level coding, and its validation.

The coder is deliberately simple: a paragraph carries a theme when one of the theme's terms occurs in it
as a whole word. Each term fired is reported, so every coding can be checked by reading. The coder is
scored against a hand-coded gold standard (``data/gold/paragraph_themes.csv``), and TF-IDF shows each
document's distinctive vocabulary independently of the codebook.

One job per module: :mod:`.codebook` (load, check, compile), :mod:`.coder` (code paragraphs),
:mod:`.evaluate` (against the gold, in sample; the development and held-out sets are scored by
:func:`baliprocess.evaluation.theme_scores`, which imports this package), :mod:`.measures`
(which coding measures the themes, shares, co-occurrence, TF-IDF, headline numbers, the comparison of the hand
and the automatic coding), :mod:`.figures`, :mod:`.tables` (export). Everything public is re-exported here.

Where the hand coding covers every paragraph of the corpus in use it is the measurement and the term coder is
checked against it (:func:`.measures.coding_for_analysis`); elsewhere the term coder is the measurement.
"""

from typing import TYPE_CHECKING

from ..lazy import lazy_names
from .chapter import (
    CorpusCoding,
    chapter_facts,
    comparison_view,
    corpus_coding,
    plural,
    rule3_view,
    scores_view,
)
from .codebook import (
    CODEBOOK_PATH,
    NONE,
    REQUIRED_THEMES,
    RULES_GROUP,
    Codebook,
    Theme,
    codebook_table,
    codebook_view,
    load_codebook,
    term_regex,
)
from .coder import code_corpus, code_paragraphs, content_paragraphs
from .evaluate import (
    GOLD_PATH,
    disagreements,
    evaluate,
    gold_pairs,
    load_gold,
    theme_examples,
)
from .measures import (
    AUTO,
    HAND,
    MAX_DOCUMENT_ROWS,
    MAX_HEADING_WORDS,
    TFIDF_MAX_DF,
    Coding,
    analysis_units,
    apply_rule3,
    coding_for_analysis,
    coding_summary,
    compare_codings,
    comparison_facts,
    cooccurrence,
    distinctive_table,
    distinctive_terms,
    emphasis_by_year,
    emphasis_facts,
    emphasis_percent,
    hand_coding,
    heading_like,
    one_paragraph,
    theme_shares,
    top_pairs,
    validation_summary,
)
from .prose import auto_sentence, coverage_phrase, not_english_sentence, rule3_phrase
from .tables import BUILD_PARTS, TABLES, build_tables

if TYPE_CHECKING:
    from .figures import (
        CODING_SOURCES,
        chosen_shares_figure,
        codings_comparison_figure,
        comparison_figure,
        cooccurrence_figure,
        shares_figure,
        text_colour,
    )

#: The figure functions are imported on first use (:mod:`baliprocess.lazy`): matplotlib is not needed to
#: load and check the codebook (``validate``).
__getattr__ = lazy_names(
    __name__,
    dict.fromkeys(
        (
            "CODING_SOURCES",
            "chosen_shares_figure",
            "codings_comparison_figure",
            "comparison_figure",
            "cooccurrence_figure",
            "shares_figure",
            "text_colour",
        ),
        ".figures",
    ),
)

__all__ = [
    "AUTO",
    "BUILD_PARTS",
    "CODEBOOK_PATH",
    "CODING_SOURCES",
    "GOLD_PATH",
    "HAND",
    "MAX_DOCUMENT_ROWS",
    "MAX_HEADING_WORDS",
    "NONE",
    "REQUIRED_THEMES",
    "RULES_GROUP",
    "TABLES",
    "TFIDF_MAX_DF",
    "Codebook",
    "Coding",
    "CorpusCoding",
    "Theme",
    "analysis_units",
    "apply_rule3",
    "auto_sentence",
    "build_tables",
    "chapter_facts",
    "chosen_shares_figure",
    "code_corpus",
    "code_paragraphs",
    "codebook_table",
    "codebook_view",
    "coding_for_analysis",
    "coding_summary",
    "codings_comparison_figure",
    "compare_codings",
    "comparison_facts",
    "comparison_figure",
    "comparison_view",
    "content_paragraphs",
    "cooccurrence",
    "cooccurrence_figure",
    "corpus_coding",
    "coverage_phrase",
    "disagreements",
    "distinctive_table",
    "distinctive_terms",
    "emphasis_by_year",
    "emphasis_facts",
    "emphasis_percent",
    "evaluate",
    "gold_pairs",
    "hand_coding",
    "heading_like",
    "load_codebook",
    "load_gold",
    "not_english_sentence",
    "one_paragraph",
    "plural",
    "rule3_phrase",
    "rule3_view",
    "scores_view",
    "shares_figure",
    "term_regex",
    "text_colour",
    "theme_examples",
    "theme_shares",
    "top_pairs",
    "validation_summary",
]
