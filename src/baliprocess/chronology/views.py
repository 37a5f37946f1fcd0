"""Reader-facing views of the chronology: mentions per calendar year and the chapter's headline numbers."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import numpy as np
import pandas as pd

from ..rows import each_row

__all__ = [
    "chapter_facts",
    "conference_intervals",
    "date_errors",
    "discrepancy_rows",
    "mention_peak",
    "mention_years",
    "split_sources",
]


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


_PARAGRAPH_ID = re.compile(r".+-p\d+$")
_SOURCE_WITH_PLACE = re.compile(r"^(?P<source>\S+)(?: \((?P<where>.*)\))?$")


def split_sources(table: pd.DataFrame) -> pd.DataFrame:
    """A table with a ``source`` column (the event table, :func:`discrepancy_rows`) with that column split
    in two: ``source`` keeps bibliography keys, ``corpus paragraph`` the paragraph ids, so that each can be
    linked to its own page (and paragraph ids left unlinked on a corpus that does not hold them). The new
    column follows ``source``."""
    is_paragraph = table["source"].str.match(_PARAGRAPH_ID)
    out = table.assign(
        **{
            "corpus paragraph": table["source"].where(is_paragraph, ""),
            "source": table["source"].mask(is_paragraph, ""),
        }
    )
    columns = [c for c in out.columns if c != "corpus paragraph"]
    columns.insert(columns.index("source") + 1, "corpus paragraph")
    return out[columns]


def discrepancy_rows(gaps: pd.DataFrame) -> pd.DataFrame:
    """The disagreements (:func:`~.events.discrepancies`: one row per event, field and value, its sources
    joined as ``key (place); key``) with one row per source: event, field, value, source (a bibliography key
    or a corpus paragraph id) and the place in the source."""
    rows = []
    for gap in each_row(gaps, index=False):
        for part in str(gap.sources).split("; "):
            match = _SOURCE_WITH_PLACE.match(part.strip())
            source, where = (match["source"], match["where"] or "") if match else (part.strip(), "")
            rows.append(
                {"event": gap.name, "field": gap.field, "value": gap.value, "source": source, "where in source": where}
            )
    return pd.DataFrame(rows, columns=["event", "field", "value", "source", "where in source"])


def date_errors(mentions: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Where extracted dates and a gold list of dates differ, keyed as the scores are (document and interval;
    a key counts as often as it occurs): each extra reading (``read, not in the gold``) and each gold date
    not read (``missed``), with its words. Columns: doc_id, error, text, start, end (ISO days)."""
    mentions = mentions[mentions["doc_id"].isin(set(gold["doc_id"]))]

    def keyed(frame: pd.DataFrame) -> list[tuple[tuple[str, str, str], str]]:
        starts = pd.to_datetime(frame["start"]).dt.strftime("%Y-%m-%d")
        ends = pd.to_datetime(frame["end"]).dt.strftime("%Y-%m-%d")
        texts = [" ".join(str(t).split()) for t in frame["text"]]
        return list(zip(zip(frame["doc_id"], starts, ends, strict=True), texts, strict=True))

    predicted, truth = keyed(mentions), keyed(gold)
    left = {
        "read, not in the gold": Counter(k for k, _ in predicted) - Counter(k for k, _ in truth),
        "missed": Counter(k for k, _ in truth) - Counter(k for k, _ in predicted),
    }
    rows = []
    for error, items in (("read, not in the gold", predicted), ("missed", truth)):
        for key, text in items:
            if left[error][key] > 0:
                left[error][key] -= 1
                rows.append({"doc_id": key[0], "error": error, "text": text, "start": key[1], "end": key[2]})
    columns = ["doc_id", "error", "text", "start", "end"]
    return (
        pd.DataFrame(rows, columns=columns)
        .sort_values(["doc_id", "start", "error"], kind="stable")
        .reset_index(drop=True)
    )


def mention_peak(years: pd.DataFrame) -> dict[str, object]:
    """The year mentioned most (earliest of ties) and how often, from :func:`mention_years`, and a clause
    for the prose (``mention_span_clause``) that is true on any corpus, also when no document dates anything."""
    if years.empty:
        return {
            "top_year": 0,
            "top_year_mentions": 0,
            "mention_span_clause": "no document of this corpus dates anything in its text",
        }
    per_year = years.groupby("year")["mentions"].sum()
    top = int(per_year.idxmax())
    first, last, n = int(per_year.index.min()), int(per_year.index.max()), int(per_year.max())
    span = f"the year {first}" if first == last else f"the years {first} to {last}"
    return {
        "top_year": top,
        "top_year_mentions": n,
        "mention_span_clause": f"they touch {span}, most often {top} ({n} mention{'' if n == 1 else 's'})",
    }


def conference_intervals(timeline: pd.DataFrame) -> dict[str, object]:
    """The longest and the latest interval between consecutive ministerial conferences of the event base:
    ``longest_gap_from``/``_to`` (years) and ``longest_gap_years``, the same for ``last_gap``; zeros when the
    base holds fewer than two conferences. Also how many events are the process's own and how many
    ``context``."""
    starts = timeline.loc[timeline["event_type"] == "ministerial_conference", "start"].sort_values().tolist()
    pairs = [(a, b, (b - a).days / 365.25) for a, b in itertools.pairwise(starts)]
    out: dict[str, object] = {}
    none = (None, None, 0.0)
    for key, (a, b, years_between) in {
        "longest_gap": max(pairs, key=lambda p: p[2], default=none),
        "last_gap": pairs[-1] if pairs else none,
    }.items():
        out[f"{key}_from"] = int(a.year) if a is not None else 0
        out[f"{key}_to"] = int(b.year) if b is not None else 0
        out[f"{key}_years"] = float(years_between)
    return {
        **out,
        "n_context_events": int((timeline["event_type"] == "context").sum()),
        "n_process_events": int((timeline["event_type"] != "context").sum()),
    }


def chapter_facts(
    mentions: pd.DataFrame, events: pd.DataFrame, timeline: pd.DataFrame, gaps: pd.DataFrame
) -> dict[str, object]:
    """The chapter's headline figures, for glueing into prose."""
    conferences = timeline[timeline["event_type"] == "ministerial_conference"]
    by_precision = mentions["precision"].value_counts()
    facts: dict[str, object] = {
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
        "first_conference_year": int(conferences["start"].dt.year.min()) if len(conferences) else 0,
        "last_conference_year": int(conferences["start"].dt.year.max()) if len(conferences) else 0,
        "n_disputed_events": int(gaps["event_id"].nunique()),
        "n_disputed_fields": int(gaps[["event_id", "field"]].drop_duplicates().shape[0]),
    }
    facts["mention_kinds_phrase"] = mention_kinds_phrase(facts)
    facts["inferred_sentence"] = inferred_sentence(int(mentions["inferred"].sum()))
    return facts


#: What a mention of each precision names, in the singular and the plural, in the order the chapter lists them.
_KINDS = (
    ("n_day", "names a day or a range of days", "name days or ranges of days"),
    ("n_month", "names a month", "name months"),
    ("n_season", "names a part of a year (such as “late 2004”)", "name a part of a year (such as “late 2004”)"),
    ("n_year", "names a year or a range of years", "name years or ranges of years"),
)


def mention_kinds_phrase(facts: dict[str, object]) -> str:
    """How many mentions name days, months, parts of years and years (:func:`chapter_facts`' counts), the
    kinds with no mention left out and each verb agreeing with its count: "6 name days or ranges of days,
    1 names a month and 5 name years or ranges of years"."""
    parts = [
        f"{n} {one if n == 1 else many}"
        for key, one, many in _KINDS
        if (n := int(facts[key])) > 0  # type: ignore[call-overload]
    ]
    if not parts:
        return "none names a day, a month or a year"
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1]


def inferred_sentence(n_inferred: int) -> str:
    """How many mentions need the document's own date to be read, as a sentence."""
    if n_inferred == 0:
        return "Not one of them needs the document's own date to be read."
    verb = "needs" if n_inferred == 1 else "need"
    return f"{n_inferred} of them {verb} the document's own date to be read."
