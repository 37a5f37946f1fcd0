"""Which document is the founding statement, and which counts one meeting's document states.

Both are decided by rules that the chapter states in its text, never by which list is longest or which count
comes last in the corpus:

* the founding statement is the earliest document of type ``statement`` in which the package reads a list of
  participants or observers (:data:`FOUNDING_RULE`); a corpus without one has no founding statement;
* a meeting's counts are the attendance counts stated in that meeting's own document
  (:func:`meeting_counts`); the meeting is the earliest ``meeting_report`` that states an attendance count
  of countries (:func:`first_counted_meeting`).
"""

from __future__ import annotations

import pandas as pd

__all__ = [
    "FOUNDING_RULE",
    "MEETING_RULE",
    "first_counted_meeting",
    "founding_document",
    "meeting_counts",
]

FOUNDING_RULE = "the earliest document of type statement in which the package reads a list of participants or observers"
MEETING_RULE = "the earliest meeting report that states how many countries attended"


def founding_document(documents: pd.DataFrame, participation: pd.DataFrame) -> str | None:
    """The doc_id chosen by :data:`FOUNDING_RULE` (ties on the date broken by doc_id), or ``None``."""
    listed = participation.loc[participation["role"].isin(["participant", "observer"]), "doc_id"]
    docs = documents[(documents["doc_type"] == "statement") & documents["doc_id"].isin(set(listed))]
    if docs.empty:
        return None
    return str(docs.sort_values(["date", "doc_id"], kind="stable")["doc_id"].iloc[0])


def first_counted_meeting(documents: pd.DataFrame, counts: pd.DataFrame) -> str | None:
    """The doc_id chosen by :data:`MEETING_RULE`: a ``meeting_report`` whose own text states, not as a
    forecast, how many countries attended; ``None`` when no such document exists."""
    stated = counts[
        (counts["subject"] == "attendance") & (counts["unit"] == "countries") & ~counts["prospective"].astype(bool)
    ]
    docs = documents[(documents["doc_type"] == "meeting_report") & documents["doc_id"].isin(set(stated["doc_id"]))]
    if docs.empty:
        return None
    return str(docs.sort_values(["date", "doc_id"], kind="stable")["doc_id"].iloc[0])


def meeting_counts(counts: pd.DataFrame, doc_id: str | None) -> dict[str, object]:
    """The attendance counts that document ``doc_id`` states, by unit (the first of each unit in the
    document), and the paragraph that states the count of countries. Empty when ``doc_id`` is ``None``."""
    if doc_id is None:
        return {}
    own = counts[(counts["doc_id"] == doc_id) & (counts["subject"] == "attendance")]
    out: dict[str, object] = {str(unit): int(group["count"].iloc[0]) for unit, group in own.groupby("unit", sort=True)}
    countries = own[own["unit"] == "countries"]
    if len(countries):
        out["paragraph_id"] = str(countries["paragraph_id"].iloc[0])
    return out
