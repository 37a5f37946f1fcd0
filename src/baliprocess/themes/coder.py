"""The coder: a paragraph carries a theme when one of the theme's terms occurs in it as a whole word;
every term that fired is reported, so each coding can be checked by reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby

import numpy as np
import pandas as pd

from ..corpus import Corpus
from ..textscan import scan_joined
from .codebook import Codebook, load_codebook

__all__ = ["NEGATION_WORDS", "code_corpus", "code_paragraphs"]

_SEPARATOR = "\x00"  # joins paragraphs: neither a word character nor a gap, so no match can span two
_FIRST_WORD = re.compile(r"\w+")
#: A term is negated when "not", "never", "nor" or "no" stands this many words or fewer before it, in the
#: same clause ("had not been asked to consider visa policy"); "not only" negates nothing.
NEGATION_WORDS = 5
_NEGATION = re.compile(
    rf"\b(?:not|never|nor|no)\b(?!\s+only\b)(?:[^\w,.;:\x00]+\w+){{0,{NEGATION_WORDS - 1}}}[^\w,.;:\x00]+$"
)


def _negated(text: str, start: int) -> bool:
    """Whether the term starting at ``start`` of ``text`` is negated (see :data:`NEGATION_WORDS`)."""
    return _NEGATION.search(text, max(0, start - 60), start) is not None


def _term_index(match: re.Match[str]) -> int:
    return int(match.lastgroup[1:].split("_")[0])  # type: ignore[index]  # group t<i>_<k> is term i


def _finditer(cb: Codebook, text: str) -> Iterator[re.Match[str]]:
    """Every match of the codebook's pattern in ``text`` that is not negated, and the matches inside a two-word
    term's match (its window may hold another theme's term: "exchange of police information" holds "police")."""
    todo = list(cb.pattern.finditer(text))
    while todo:
        match = todo.pop()
        if _negated(text, match.start()):
            continue
        yield match
        if _term_index(match) in cb.windowed and match.group().count(" ") > 1:
            first = _FIRST_WORD.match(text, match.start())
            todo.extend(cb.pattern.finditer(text, first.end() if first else match.end(), match.end()))


def code_paragraphs(paragraphs: pd.DataFrame, codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per (paragraph, theme) the terms find: doc_id, paragraph_id, theme, matched.

    ``matched`` lists the codebook terms that fired, in codebook order, joined by "; ". Rows follow the
    paragraphs' order, then the codebook's theme order.
    """
    cb = codebook if codebook is not None else load_codebook()
    columns = ["doc_id", "paragraph_id", "theme", "matched"]
    texts = [t.lower() for t in paragraphs["text"].astype(str)]
    if not texts:
        return pd.DataFrame(columns=columns)
    # Keep only the term of each hit: a match object of this pattern is large.
    term_idx, rows, _ = scan_joined(texts, lambda text: _finditer(cb, text), _SEPARATOR, keep=_term_index)
    if not term_idx:
        return pd.DataFrame(columns=columns)
    theme_order = {k: i for i, k in enumerate(cb.keys)}
    term_rank = [theme_order.get(theme, -1) for _, theme in cb.term_theme]  # -1: an unless phrase, no theme
    ordered = sorted({(int(r), term_rank[i], i) for r, i in zip(rows, term_idx, strict=True) if term_rank[i] >= 0})
    if not ordered:
        return pd.DataFrame(columns=columns)
    records = []
    for (row, _), group in groupby(ordered, key=lambda x: x[:2]):
        idx = [i for *_, i in group]
        records.append((row, cb.term_theme[idx[0]][1], "; ".join(cb.term_theme[i][0] for i in idx)))
    out_rows = np.array([r[0] for r in records])
    return pd.DataFrame(
        {
            "doc_id": paragraphs["doc_id"].to_numpy()[out_rows],
            "paragraph_id": paragraphs["paragraph_id"].to_numpy()[out_rows],
            "theme": [r[1] for r in records],
            "matched": [r[2] for r in records],
        }
    )


def code_corpus(corpus: Corpus, codebook: Codebook | None = None) -> pd.DataFrame:
    """:func:`code_paragraphs` on the paragraphs a corpus codes: paragraphs of content (not headings) of
    documents in English (``documents.language``); other documents are reported as not coded there."""
    paragraphs = corpus.paragraphs
    english = corpus.documents.loc[corpus.documents["language"] == "en", "doc_id"]
    keep = paragraphs["doc_id"].isin(set(english)) & (paragraphs["kind"] == "paragraph")
    coded = code_paragraphs(paragraphs[keep], codebook)
    return coded.reset_index(drop=True)
