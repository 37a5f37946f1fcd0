"""The themes package's exported table: its schema (``TABLES``) and ``build_tables(corpus)``."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus
from ..schema import Field, Table
from .codebook import REQUIRED_THEMES
from .coder import code_corpus

__all__ = ["TABLES", "build_tables"]


def build_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The exported tables of this module, by name (see :data:`TABLES`)."""
    return {"paragraph_themes": code_corpus(corpus)}


TABLES = [
    Table(
        name="paragraph_themes",
        title="Policy themes of each paragraph",
        description=(
            "One row per (paragraph, theme) found by the terms of the codebook data/themes.yml; "
            "paragraphs with no theme have no row. Headings and the paragraphs of documents not in English "
            "(documents.csv, language) are not coded."
        ),
        fields=(
            Field("doc_id", "string", "Document id."),
            Field("paragraph_id", "string", "Paragraph id (see paragraphs.csv)."),
            Field(
                "theme",
                "string",
                "Theme key of the codebook data/themes.yml, one of: " + ", ".join(REQUIRED_THEMES) + ".",
            ),
            Field(
                "matched",
                "string",
                "The codebook terms that fired (matched by lemma, within a short window, or as 'Y of X'), in "
                "codebook order, joined by '; '.",
            ),
        ),
        primary_key=("paragraph_id", "theme"),
        sources=("data/themes.yml",),
    ),
]
