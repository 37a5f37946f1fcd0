"""Work that reads each document on its own, split by documents so that several processes share it.

A :class:`ChunkedPart` is a group of exported tables whose slow step reads each document apart from the
others (the participation: a list is found in one paragraph, or in the paragraphs of one document): its
``build`` runs on runs of consecutive documents (:func:`corpus_chunks`), in worker processes for a large
corpus, and its ``combine`` joins the pieces in document order and derives the rest. The export on one
core builds the same tables by ``combine([build(corpus)])``; a test checks that both give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

import pandas as pd

from .corpus import Corpus

__all__ = ["ChunkedPart", "concat_in_order", "corpus_chunks"]


@dataclass(frozen=True)
class ChunkedPart:
    """``build`` (a corpus of consecutive documents -> pieces) and ``combine`` (the pieces of every run, in
    document order -> tables by name). Calling it builds the tables from a whole corpus in one piece."""

    build: Callable[[Corpus], Any]
    combine: Callable[[list[Any]], dict[str, pd.DataFrame]]

    def __call__(self, corpus: Corpus) -> dict[str, pd.DataFrame]:
        return self.combine([self.build(corpus)])


def corpus_chunks(corpus: Corpus, n: int) -> list[Corpus]:
    """``corpus`` cut into at most ``n`` corpora of consecutive documents (in the documents table's order),
    of about equal numbers of paragraphs; each keeps its documents' paragraphs, cleaning log and metadata."""
    docs = corpus.documents
    if n <= 1 or len(docs) <= 1:
        return [corpus]
    sizes = corpus.paragraphs.groupby("doc_id", sort=False).size().reindex(docs["doc_id"], fill_value=0).to_numpy()
    total = int(sizes.sum())
    bounds, running = [0], 0
    for i, size in enumerate(sizes[:-1], start=1):
        running += int(size)
        if running * n >= total * len(bounds) and len(bounds) < n:
            bounds.append(i)
    bounds.append(len(docs))
    chunks = []
    for lo, hi in pairwise(bounds):  # bounds rise strictly: no run is empty
        ids = set(docs["doc_id"].iloc[lo:hi])
        chunks.append(
            replace(
                corpus,
                documents=docs.iloc[lo:hi].reset_index(drop=True),
                paragraphs=corpus.paragraphs[corpus.paragraphs["doc_id"].isin(ids)].reset_index(drop=True),
                cleaning_log=corpus.cleaning_log[corpus.cleaning_log["doc_id"].isin(ids)].reset_index(drop=True),
                meta={d: corpus.meta[d] for d in docs["doc_id"].iloc[lo:hi] if d in corpus.meta},
            )
        )
    return chunks


def concat_in_order(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The rows of ``frames`` one after the other, renumbered from 0. Empty pieces are left out (their
    columns may carry other types), unless every piece is empty."""
    full = [f for f in frames if len(f)]
    if not full:
        return frames[0].reset_index(drop=True)
    if len(full) == 1:
        return full[0].reset_index(drop=True)
    return pd.concat(full, ignore_index=True)
