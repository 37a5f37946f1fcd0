"""Warnings that ``validate`` prints without failing: things a reader should look at, not faults.

- a front-matter date more than a year after every date the document's text mentions (a file's creation
  or print date taken for the document's own);
- a note written by ``add`` (``Proposed by add: <value>, from ...``) whose value is no longer the front
  matter's, so that the note would mislead.

Each is one line ``path: warning: what to check``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .corpus import Corpus
from .ingest.proposals import YEAR, stale_notes, text_dates

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["corpus_warnings"]


def _late_dates(corpus: Corpus) -> dict[str, str]:
    """doc_id -> warning for documents dated more than a year after every date (with a month) that their
    text mentions (:func:`baliprocess.ingest.proposals.text_dates`)."""
    out: dict[str, str] = {}
    texts = corpus.paragraphs.groupby("doc_id", sort=False)["text"]
    documents = corpus.documents
    doc_id: str
    date: pd.Timestamp
    for doc_id, date in zip(documents["doc_id"], documents["date"], strict=True):
        if doc_id not in texts.groups:
            continue
        mentioned = text_dates(texts.get_group(doc_id))
        if not mentioned:
            continue
        latest = max(end for _, end, _ in mentioned)
        if date.date() > latest + YEAR:
            out[doc_id] = (
                f"date {date.date()} is more than a year after every date the text mentions "
                f"(the latest is {latest}): is it the file's creation or print date?"
            )
    return out


def corpus_warnings(corpus: Corpus) -> list[str]:
    """Every warning for the loaded corpus, one line each, in the documents' order."""
    late = _late_dates(corpus)
    lines = []
    doc_id: str
    file: str
    for doc_id, file in zip(corpus.documents["doc_id"], corpus.documents["file"], strict=True):
        path = corpus.root / file
        if doc_id in late:
            lines.append(f"{path}: warning: {late[doc_id]}")
        lines.extend(f"{path}: warning: {message}" for message in stale_notes(corpus.meta.get(doc_id, {})))
    return lines
