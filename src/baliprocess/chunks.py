"""Work that reads each document on its own, split by documents so that several processes share it.

A :class:`ChunkedPart` is a group of exported tables whose slow step reads each document apart from the
others (the participation: a list is found in one paragraph, or in the paragraphs of one document): its
``build`` runs on a share of the documents (:func:`corpus_chunks`: every n-th, so that each share holds
documents of every kind and costs about as much), in worker processes for a large corpus; :func:`merge_pieces`
puts the rows back in document order and ``finish`` derives the tables. The export on one core builds the same
tables by ``finish(build(corpus))``; a test checks that both give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from .corpus import Corpus

__all__ = ["ChunkedPart", "corpus_chunk", "corpus_chunks", "merge_pieces"]


@dataclass(frozen=True)
class ChunkedPart:
    """``build`` (a corpus -> rows with a ``doc_id`` column, each document's rows together and in the order of
    the documents table) and ``finish`` (the rows of the whole corpus -> tables by name). Calling it builds the
    tables from a whole corpus in one piece."""

    build: Callable[[Corpus], pd.DataFrame]
    finish: Callable[[pd.DataFrame], dict[str, pd.DataFrame]]

    def __call__(self, corpus: Corpus) -> dict[str, pd.DataFrame]:
        return self.finish(self.build(corpus))


def corpus_chunks(corpus: Corpus, n: int) -> list[Corpus]:
    """``corpus`` shared out into at most ``n`` corpora: chunk k holds documents k, k + n, k + 2n... of the
    documents table (in that order), with their paragraphs, cleaning log and metadata."""
    n = min(n, len(corpus.documents))
    return [corpus] if n <= 1 else [corpus_chunk(corpus, n, k) for k in range(n)]


def corpus_chunk(corpus: Corpus, n: int, k: int) -> Corpus:
    """Chunk ``k`` of :func:`corpus_chunks` (``corpus``, ``n``) alone (``n`` at most the number of documents, and
    more than one), for a worker that builds one share."""
    docs = corpus.documents
    ids = docs["doc_id"].iloc[k::n]
    keep = set(ids)
    return replace(
        corpus,
        documents=docs.iloc[k::n].reset_index(drop=True),
        paragraphs=corpus.paragraphs[corpus.paragraphs["doc_id"].isin(keep)].reset_index(drop=True),
        cleaning_log=corpus.cleaning_log[corpus.cleaning_log["doc_id"].isin(keep)].reset_index(drop=True),
        meta={d: corpus.meta[d] for d in ids if d in corpus.meta},
    )


def merge_pieces(pieces: list[pd.DataFrame], doc_order: Sequence[str]) -> pd.DataFrame:
    """The rows of ``pieces`` in the order of ``doc_order`` (each document's rows kept together, in their
    order), renumbered from 0. Empty pieces are left out (their columns may carry other types), unless every
    piece is empty."""
    full = [f for f in pieces if len(f)]
    if not full:
        return pieces[0].reset_index(drop=True)
    rows = pd.concat(full, ignore_index=True) if len(full) > 1 else full[0].reset_index(drop=True)
    rank = {d: i for i, d in enumerate(doc_order)}
    order = np.argsort(np.fromiter((rank[d] for d in rows["doc_id"]), dtype=np.int64, count=len(rows)), kind="stable")
    return rows.take(order).reset_index(drop=True)
