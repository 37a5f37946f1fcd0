"""Policy themes: a transparent codebook (``data/themes.yml``), paragraph-level coding, and its validation.

The coder is deliberately simple: a paragraph carries a theme when one of the theme's terms occurs in it
as a whole word. Each term fired is reported, so every coding can be checked by reading. The coder is
scored against a hand-coded gold standard (``data/gold/paragraph_themes.csv``), and TF-IDF shows each
document's distinctive vocabulary independently of the codebook.

One job per module: :mod:`.codebook` (load, check, compile), :mod:`.coder` (code paragraphs),
:mod:`.evaluate` (against the gold), :mod:`.measures` (shares, co-occurrence, TF-IDF, headline numbers),
:mod:`.figures`, :mod:`.tables` (export). Everything public is re-exported here.
"""

from .codebook import (
    CODEBOOK_PATH,
    REQUIRED_THEMES,
    Codebook,
    Theme,
    codebook_table,
    load_codebook,
    term_regex,
)
from .coder import code_corpus, code_paragraphs
from .evaluate import (
    GOLD_PATH,
    disagreements,
    evaluate,
    gold_pairs,
    load_gold,
    theme_examples,
)
from .figures import cooccurrence_figure, shares_figure
from .measures import (
    MAX_DOCUMENT_ROWS,
    TFIDF_MAX_DF,
    analysis_units,
    cooccurrence,
    distinctive_table,
    distinctive_terms,
    emphasis_by_year,
    emphasis_facts,
    emphasis_percent,
    summary,
    theme_shares,
    top_pairs,
)
from .tables import TABLES, build_tables

__all__ = [
    "CODEBOOK_PATH",
    "GOLD_PATH",
    "MAX_DOCUMENT_ROWS",
    "REQUIRED_THEMES",
    "TABLES",
    "TFIDF_MAX_DF",
    "Codebook",
    "Theme",
    "analysis_units",
    "build_tables",
    "code_corpus",
    "code_paragraphs",
    "codebook_table",
    "cooccurrence",
    "cooccurrence_figure",
    "disagreements",
    "distinctive_table",
    "distinctive_terms",
    "emphasis_by_year",
    "emphasis_facts",
    "emphasis_percent",
    "evaluate",
    "gold_pairs",
    "load_codebook",
    "load_gold",
    "shares_figure",
    "summary",
    "term_regex",
    "theme_examples",
    "theme_shares",
    "top_pairs",
]
