"""Reader-facing views of the chronology: mentions per calendar year and the chapter's headline numbers."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["mention_years", "summary"]


def mention_years(mentions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """How many date mentions cover each calendar year, by document type: a mention counts once for
    every year its interval touches (so "2020–2025" counts in six years). Columns: year, doc_type,
    mentions; only years and types with at least one mention."""
    if mentions.empty:
        return pd.DataFrame(
            {"year": pd.Series(dtype=int), "doc_type": pd.Series(dtype=str), "mentions": pd.Series(dtype=int)}
        )
    first = mentions["start"].dt.year.to_numpy()
    last = mentions["end"].dt.year.to_numpy()
    span = last - first + 1
    years = np.repeat(first, span) + (np.arange(span.sum()) - np.repeat(np.cumsum(span) - span, span))
    types = mentions["doc_id"].map(documents.set_index("doc_id")["doc_type"]).to_numpy()
    exploded = pd.DataFrame({"year": years, "doc_type": np.repeat(types, span)})
    counts = exploded.groupby(["year", "doc_type"]).size().rename("mentions").reset_index()
    return counts.sort_values(["year", "doc_type"]).reset_index(drop=True)


def summary(
    mentions: pd.DataFrame, events: pd.DataFrame, timeline: pd.DataFrame, gaps: pd.DataFrame
) -> dict[str, object]:
    """The chapter's headline figures, for glueing into prose."""
    conferences = timeline[timeline["event_type"] == "ministerial_conference"]
    by_precision = mentions["precision"].value_counts()
    return {
        "n_mentions": len(mentions),
        "n_mention_docs": int(mentions["doc_id"].nunique()),
        "n_inferred": int(mentions["inferred"].sum()),
        "n_day": int(by_precision.get("day", 0)),
        "n_month": int(by_precision.get("month", 0)),
        "n_season": int(by_precision.get("season", 0)),
        "n_year": int(by_precision.get("year", 0)),
        "first_mentioned_year": int(mentions["start"].dt.year.min()) if len(mentions) else 0,
        "last_mentioned_year": int(mentions["end"].dt.year.max()) if len(mentions) else 0,
        "n_events": len(timeline),
        "n_event_rows": len(events),
        "n_event_sources": int(events["source"].nunique()),
        "n_corpus_sourced": int(events["source"].str.match(r".+-p\d+$").sum()),
        "n_conferences": len(conferences),
        "first_conference_year": int(conferences["start"].dt.year.min()),
        "last_conference_year": int(conferences["start"].dt.year.max()),
        "n_disputed_events": int(gaps["event_id"].nunique()),
        "n_disputed_fields": int(gaps[["event_id", "field"]].drop_duplicates().shape[0]),
    }
