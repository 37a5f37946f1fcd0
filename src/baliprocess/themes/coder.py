"""The coder: a paragraph carries a theme when one of the theme's terms occurs in it as a whole word;
every term that fired is reported, so each coding can be checked by reading.
"""

from __future__ import annotations

import functools
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
    window = text[max(0, start - 60) : start]
    if "no" not in window and "never" not in window:  # cheap test first: most terms stand far from any
        return False
    return _NEGATION.search(window) is not None


@functools.lru_cache(maxsize=8)
def _group_terms(pattern: re.Pattern[str]) -> dict[str, int]:
    """Group name ``t<i>_<k>`` -> term index i, for every group of a codebook pattern."""
    return {name: int(name[1:].split("_")[0]) for name in pattern.groupindex}


def _finditer(cb: Codebook, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """Every match of the codebook's pattern in ``text`` that is not negated, and the matches inside a two-word
    term's match (its window may hold another theme's term: "exchange of police information" holds "police")."""
    terms = _group_terms(cb.pattern)
    windowed = cb.windowed
    for match in cb.pattern.finditer(text, pos, len(text) if endpos is None else endpos):
        start = match.start()
        if _negated(text, start):
            continue
        yield match
        if terms[match.lastgroup] in windowed and match.group().count(" ") > 1:  # type: ignore[index]
            first = _FIRST_WORD.match(text, start)
            yield from _finditer(cb, text, first.end() if first else match.end(), match.end())


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
    terms = _group_terms(cb.pattern)
    term_idx, rows, _ = scan_joined(
        texts,
        lambda text: _finditer(cb, text),
        _SEPARATOR,
        keep=lambda m: terms[m.lastgroup],  # type: ignore[index]
        dedupe=True,  # a paragraph repeated word for word (boilerplate) is scanned once
    )
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


def content_paragraphs(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The paragraphs of content: not headings (``kind``), and not a bare list of names of states or
    organisations (a bullet line "- Fiji", a line "Afghanistan, Australia and Bangladesh"), which is
    procedural: it says who came, not what was discussed."""
    from ..membership.gazetteer import name_list_mask

    if "kind" in paragraphs:
        paragraphs = paragraphs[paragraphs["kind"] == "paragraph"]
    if "text" not in paragraphs:
        return paragraphs
    texts = paragraphs["text"].astype(str).tolist()
    distinct = list(dict.fromkeys(texts))  # a paragraph repeated word for word is judged once
    listed = dict(zip(distinct, name_list_mask(distinct), strict=True))
    return paragraphs[~np.array([listed[t] for t in texts], dtype=bool)]


def code_corpus(corpus: Corpus, codebook: Codebook | None = None) -> pd.DataFrame:
    """:func:`code_paragraphs` on the paragraphs a corpus codes: paragraphs of content (not headings) of
    documents in English (``documents.language``); other documents are reported as not coded there. The
    sentences that list who attended, observed or co-chaired are procedural (codebook rule 3) and are left
    out of the coding ("The Ad Hoc Group met ..., attended by ..." names no theme)."""
    from ..membership.lists import may_hold_lists, without_list_sentences

    paragraphs = corpus.paragraphs
    english = corpus.documents.loc[corpus.documents["language"] == "en", "doc_id"]
    keep = paragraphs["doc_id"].isin(set(english)) & (paragraphs["kind"] == "paragraph")
    content = content_paragraphs(paragraphs.loc[keep, ["doc_id", "paragraph_id", "text"]]).reset_index(drop=True)
    rows = may_hold_lists(content["text"].tolist())
    texts = content["text"].to_numpy(dtype=object)
    trimmed: dict[str, str] = {}  # a paragraph repeated word for word is trimmed once
    texts[rows] = [
        trimmed[t] if t in trimmed else trimmed.setdefault(t, without_list_sentences(t)) for t in texts[rows]
    ]
    return code_paragraphs(content.assign(text=texts), codebook).reset_index(drop=True)
