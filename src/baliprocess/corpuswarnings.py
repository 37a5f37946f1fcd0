"""Warnings that ``validate`` prints without failing: things a reader should look at, not faults.

- a front-matter date more than a year after every date the document's text mentions (a file's creation
  or print date taken for the document's own);
- a note written by ``add`` (``Proposed by add: <value>, from ...``) whose value is no longer the front
  matter's, so that the note would mislead.

Each is one line ``path: warning: what to check``.
"""

from __future__ import annotations

import pandas as pd

from .corpus import Corpus
from .ingest.proposals import YEAR, stale_notes

__all__ = ["corpus_warnings"]


def _late_dates(corpus: Corpus) -> dict[str, str]:
    """doc_id -> warning for documents dated more than a year after every date their text mentions."""
    from .chronology.scan import date_mentions

    mentions = date_mentions(corpus)
    stated = mentions[~mentions["inferred"]]
    if stated.empty:
        return {}
    latest = stated.groupby("doc_id")["end"].max()
    docs = corpus.documents.set_index("doc_id")
    out = {}
    for doc_id, last in latest.items():
        date = docs.loc[doc_id, "date"]
        if date > last + pd.Timedelta(YEAR):
            out[doc_id] = (
                f"date {docs.loc[doc_id, 'date'].date()} is more than a year after every date the text mentions "
                f"(the latest is {last.date()}): is it the file's creation or print date?"
            )
    return out


def corpus_warnings(corpus: Corpus) -> list[str]:
    """Every warning for the loaded corpus, one line each, in the documents' order."""
    late = _late_dates(corpus)
    lines = []
    for row in corpus.documents.itertuples(index=False):
        path = corpus.root / row.file
        if row.doc_id in late:
            lines.append(f"{path}: warning: {late[row.doc_id]}")
        lines.extend(f"{path}: warning: {message}" for message in stale_notes(corpus.meta.get(row.doc_id, {})))
    return lines
