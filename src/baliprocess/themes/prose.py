"""Sentences of the themes chapter about the corpus in use, in words that agree in number on any corpus
(issue 17): which documents are not in English, how many codings the procedural rule sets aside, how much of
the corpus the hand coding covers, and what the automatic coding gives beside the hand coding."""

from __future__ import annotations

import pandas as pd

__all__ = ["auto_sentence", "coverage_phrase", "not_english_sentence", "rule3_phrase"]


def _counted(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def not_english_sentence(not_english: pd.DataFrame) -> str:
    """Which documents (``doc_id``, ``language``) are not in English, or that none is."""
    if not_english.empty:
        return "This corpus has no document that is not in English."
    listed = ", ".join(f"{d} ({lang})" for d, lang in zip(not_english["doc_id"], not_english["language"], strict=True))
    return f"This corpus has {_counted(len(not_english), 'document')} not in English: {listed}."


def rule3_phrase(n_codings: int, n_lines: int) -> str:
    """How many codings the procedural rule sets aside, on how many lines of the corpus."""
    if n_codings == 0:
        return "none in this corpus"
    return f"{_counted(n_codings, 'coding')} on {_counted(n_lines, 'line')} of this corpus"


def coverage_phrase(n_covered: int, n_paragraphs: int, n_content: int) -> str:
    """How many of the corpus's paragraphs the hand coding covers: of all ``n_paragraphs`` (headings
    included, as the coverage is counted), or, when it covers none, "none of" the ``n_content`` paragraphs of
    content that chapter 1 counts (so that no heading count appears beside chapter 1's)."""
    if n_covered == 0:
        return f"none of the {_counted(n_content, 'paragraph')}"
    return f"{n_covered} of the {_counted(n_paragraphs, 'paragraph')}"


def auto_sentence(has_hand: bool, n_themed: int, share: float, top_theme: str) -> str:
    """The automatic coding's figures beside the hand coding's, or, when the automatic coding is the one
    measured (no hand coding covers the corpus), that there is nothing to set beside them."""
    if not has_hand:
        return "There is no hand coding of this corpus to set beside these figures."
    return (
        f"The automatic coding themes {_counted(n_themed, 'paragraph')} ({share:.0%}); its most frequent theme is "
        f"{top_theme}."
    )
