"""The coder: a paragraph carries a theme when one of the theme's terms occurs in it as a whole word;
every term that fired is reported, so each coding can be checked by reading.
"""

from __future__ import annotations

from itertools import groupby

import numpy as np
import pandas as pd

from ..textscan import scan_joined
from .codebook import Codebook, load_codebook

__all__ = ["code_paragraphs"]

_SEPARATOR = "\x00"  # joins paragraphs: neither a word character nor a gap, so no match can span two


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
    # Keep only the term of each hit (group t<i> is term i): a match object of this pattern is large.
    term_idx, rows, _ = scan_joined(texts, cb.pattern.finditer, _SEPARATOR, keep=lambda m: int(m.lastgroup[1:]))
    if not term_idx:
        return pd.DataFrame(columns=columns)
    theme_order = {k: i for i, k in enumerate(cb.keys)}
    term_rank = [theme_order[theme] for _, theme in cb.term_theme]
    ordered = sorted({(int(r), term_rank[i], i) for r, i in zip(rows, term_idx, strict=True)})
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
