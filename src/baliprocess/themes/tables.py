"""The themes package's exported table: its schema (``TABLES``) and ``build_tables(corpus)``."""

from __future__ import annotations

import pandas as pd

from ..chunks import ChunkedPart
from ..corpus import Corpus
from ..schema import Field, Table
from .codebook import REQUIRED_THEMES
from .coder import code_corpus

__all__ = ["BUILD_PARTS", "TABLES", "build_tables"]


def _themes_finished(full: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {"paragraph_themes": full}


#: The coding, built on shares of the documents (it codes each paragraph on its own). The export builds each
#: share in the process that builds the same share of the participation, right after it: the coder sets aside
#: the sentences that list who attended, and the list reader has just read those sentences and keeps what it
#: read (see :func:`baliprocess.membership.lists.may_hold_lists`).
BUILD_PARTS = (ChunkedPart(code_corpus, _themes_finished),)


def build_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The exported tables of this module, by name (see :data:`TABLES`)."""
    return BUILD_PARTS[0](corpus)


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
