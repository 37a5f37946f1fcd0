"""Warnings that ``validate`` prints without failing: things a reader should look at, not faults.

- a front-matter date more than a year after every date the document's text mentions (a file's creation
  or print date taken for the document's own);
- a note written by ``add`` (``Proposed by add: <value>, from ...``) whose value is no longer the front
  matter's, so that the note would mislead.

Each is one line ``path: warning: what to check``.
"""

from __future__ import annotations

from .corpus import Corpus
from .ingest.proposals import YEAR, stale_notes, text_dates

__all__ = ["corpus_warnings"]


def _late_dates(corpus: Corpus) -> dict[str, str]:
    """doc_id -> warning for documents dated more than a year after every date (with a month) that their
    text mentions (:func:`baliprocess.ingest.proposals.text_dates`)."""
    out = {}
    texts = corpus.paragraphs.groupby("doc_id", sort=False)["text"]
    for row in corpus.documents.itertuples(index=False):
        if row.doc_id not in texts.groups:
            continue
        mentioned = text_dates(texts.get_group(row.doc_id))
        if not mentioned:
            continue
        latest = max(end for _, end, _ in mentioned)
        if row.date.date() > latest + YEAR:
            out[row.doc_id] = (
                f"date {row.date.date()} is more than a year after every date the text mentions "
                f"(the latest is {latest}): is it the file's creation or print date?"
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
