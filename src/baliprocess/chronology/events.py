"""The curated event base (``data/events.csv``): validation, loading, and where its sources disagree."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import cast

import pandas as pd

from ..corpus import DEFAULT_CORPUS, REPO_ROOT
from .grammar import PRECISIONS

__all__ = [
    "EVENTS_BIB",
    "EVENTS_CORPUS",
    "EVENTS_CSV",
    "EVENT_COLUMNS",
    "EVENT_TYPES",
    "EventsError",
    "attendance",
    "bib_keys",
    "discrepancies",
    "event_timeline",
    "events_table",
    "first_event",
    "load_events",
    "validate_events",
]

EVENT_TYPES = (
    "ministerial_conference",
    "senior_officials_meeting",
    "steering_group",
    "ad_hoc_group",
    "working_group",
    "forum",
    "consultation_mechanism",
    "review",
    "framework",
    "institution",
    "declaration",
    "strategy",
    "guidance",  # policy guides and recommendations the process produced or welcomed
    "context",  # not a Bali Process event: the setting it responds to (e.g. the Tampa affair), cited like the rest
)
EVENTS_CSV = REPO_ROOT / "data" / "events.csv"
EVENTS_BIB = REPO_ROOT / "book" / "bib" / "events.bib"
#: The corpus whose paragraphs the sources of ``data/events.csv`` cite.
EVENTS_CORPUS = DEFAULT_CORPUS
EVENT_COLUMNS = [
    "event_id",
    "start",
    "end",
    "precision",
    "event_type",
    "name",
    "city",
    "country",
    "source",
    "locator",
    "n_countries",
    "n_delegates",
    "n_organisations",
    "note",
]
_COUNT_COLUMNS = ["n_countries", "n_delegates", "n_organisations"]


class EventsError(ValueError):
    """``data/events.csv`` failed validation; ``problems`` lists every fault found."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def bib_keys(path: Path = EVENTS_BIB) -> set[str]:
    """The entry keys of a bibtex file."""
    return set(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", path.read_text(encoding="utf-8"), flags=re.M))


def validate_events(events: pd.DataFrame, paragraph_ids: Iterable[str], keys: Iterable[str]) -> list[str]:
    """Every problem in a raw (all-string) events table: missing columns, unknown types, unparsable or
    reversed dates, bad counts, duplicate rows, undated events, and sources that are neither a corpus
    paragraph nor a bib key. A row may leave both dates empty when its source gives none (it then
    carries attendance only), but every event needs at least one dated row."""
    missing = [c for c in EVENT_COLUMNS if c not in events.columns]
    if missing:
        return [f"missing columns {missing}"]
    known = set(paragraph_ids) | set(keys)
    problems = []
    for i, row in events.iterrows():
        where = f"row {cast(int, i) + 2} ({row['event_id'] or '?'})"  # the CSV's default RangeIndex
        for col in ("event_id", "name", "source"):
            if not row[col]:
                problems.append(f"{where}: empty {col}")
        if row["event_type"] not in EVENT_TYPES:
            problems.append(f"{where}: unknown event_type {row['event_type']!r}")
        if row["source"] and row["source"] not in known:
            problems.append(f"{where}: source {row['source']!r} is neither a corpus paragraph nor a key in events.bib")
        for col in _COUNT_COLUMNS:
            if row[col] and not row[col].isdigit():
                problems.append(f"{where}: {col} {row[col]!r} is not a whole number")
        if not (row["start"] or row["end"] or row["precision"]):
            continue
        if row["precision"] not in PRECISIONS:
            problems.append(f"{where}: unknown precision {row['precision']!r}")
        try:
            start, end = dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["end"])
            if start > end:
                problems.append(f"{where}: start {start} after end {end}")
        except ValueError:
            problems.append(f"{where}: unparsable date {row['start']!r} / {row['end']!r}")
    duplicated = events[events.duplicated(["event_id", "source", "locator"], keep=False)]
    problems += [
        f"duplicate (event_id, source, locator) {k}"
        for k in sorted(set(zip(duplicated["event_id"], duplicated["source"], duplicated["locator"], strict=True)))
    ]
    dated = set(events.loc[events["start"] != "", "event_id"])
    problems += [f"event {e}: no row gives a date" for e in sorted(set(events["event_id"]) - dated)]
    return problems


def load_events(paragraph_ids: Iterable[str], path: Path = EVENTS_CSV, bib: Path = EVENTS_BIB) -> pd.DataFrame:
    """The curated event base, validated (see :func:`validate_events`); raises :class:`EventsError`.

    ``paragraph_ids`` are the corpus paragraphs a source may cite: those of the corpus the file was written
    against (:data:`EVENTS_CORPUS` for ``data/events.csv``), given by the caller."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    problems = validate_events(raw, paragraph_ids, bib_keys(bib))
    if problems:
        raise EventsError(problems)
    events = raw[EVENT_COLUMNS].copy()
    events["start"] = pd.to_datetime(events["start"])
    events["end"] = pd.to_datetime(events["end"])
    for col in _COUNT_COLUMNS:
        events[col] = pd.to_numeric(events[col].replace("", None)).astype("Int64")
    return events


def discrepancies(events: pd.DataFrame) -> pd.DataFrame:
    """Where sources disagree about one event: one row per (event, field, value) with the sources that
    give that value. Dates are compared among the rows of the event's finest precision (a source that
    gives only "April 2003" does not contradict one that gives "28-30 April 2003"); attendance counts
    among all rows that give them, a count announced before the meeting (its note starts "Expected") marked
    "(expected)", so that a forecast is never read as a count. Place names are not compared ("Nusa Dua" lies in
    "Bali")."""
    rows = []
    for event_id, group in events.groupby("event_id", sort=True):
        finest = _finest(group)
        for field in ("start", "end", *_COUNT_COLUMNS):
            pool = finest if field in ("start", "end") else group
            given = pool[pool[field].notna() & (pool[field].astype(str) != "")]
            values = given[field].dt.strftime("%Y-%m-%d") if field in ("start", "end") else _counted(given, field)
            if values.nunique() < 2:
                continue
            for value, sub in given.groupby(values, sort=True):
                cited = sorted(
                    f"{s} ({loc})" if loc else s for s, loc in zip(sub["source"], sub["locator"], strict=True)
                )
                rows.append(
                    {
                        "event_id": event_id,
                        "name": group["name"].iloc[0],
                        "field": field,
                        "value": value,
                        "sources": "; ".join(cited),
                    }
                )
    return pd.DataFrame(rows, columns=["event_id", "name", "field", "value", "sources"])


def _counted(rows: pd.DataFrame, field: str) -> pd.Series:
    """The values of a count column as text, each announced before its meeting marked "(expected)"."""
    notes = rows["note"].fillna("").astype(str) if "note" in rows else pd.Series("", index=rows.index)
    return rows[field].astype(str) + notes.str.startswith("Expected").map({True: " (expected)", False: ""})


def _finest(group: pd.DataFrame) -> pd.DataFrame:
    """The dated rows of one event that date it most precisely."""
    rank = {p: i for i, p in enumerate(PRECISIONS)}
    dated = group[group["start"].notna()]
    ranks = dated["precision"].map(rank)
    return dated[ranks == ranks.min()]


def attendance(events: pd.DataFrame, event_id: str, field: str) -> tuple[int, int]:
    """The smallest and largest value of an attendance count that the sources give for one event."""
    values = events.loc[events["event_id"] == event_id, field].dropna()
    return int(values.min()), int(values.max())


def event_timeline(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event for the timeline, dated by its most precise sources: the earliest start and
    latest end they give, the number of sources in all, and whether the most precise ones disagree."""
    rows = []
    for event_id, group in events.groupby("event_id", sort=False):
        finest = _finest(group)
        rows.append(
            {
                "event_id": event_id,
                "name": group["name"].iloc[0],
                "event_type": group["event_type"].iloc[0],
                "start": finest["start"].min(),
                "end": finest["end"].max(),
                "precision": finest["precision"].iloc[0],
                "n_sources": group["source"].nunique(),
                "dates_disagree": bool(finest["start"].nunique() > 1 or finest["end"].nunique() > 1),
            }
        )
    timeline = pd.DataFrame(rows)
    return timeline.sort_values(["start", "event_id"], kind="stable").reset_index(drop=True)


def first_event(timeline: pd.DataFrame, event_type: str) -> tuple[str, pd.Timestamp] | None:
    """The earliest event of ``event_type`` in an :func:`event_timeline` (by start, then id): its name and
    last day; ``None`` when the timeline has no dated event of that type."""
    dated = timeline[(timeline["event_type"] == event_type) & timeline["start"].notna()]
    if dated.empty:
        return None
    row = dated.sort_values(["start", "event_id"], kind="stable").iloc[0]
    return str(row["name"]), pd.Timestamp(row["end"])


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    """The events as a reader-facing table, one row per (event, source), oldest event first."""
    first = events.groupby("event_id")["start"].transform("min")
    table = events.assign(_first=first).sort_values(
        ["_first", "event_id", "start", "source", "locator"], kind="stable", na_position="last"
    )
    place = (table["city"] + ", " + table["country"]).str.strip(", ")
    return pd.DataFrame(
        {
            "event": table["name"].to_numpy(),
            "type": table["event_type"].str.replace("_", " ").to_numpy(),
            "start": table["start"].dt.strftime("%Y-%m-%d").fillna("").to_numpy(),
            "end": table["end"].dt.strftime("%Y-%m-%d").fillna("").to_numpy(),
            "place": place.to_numpy(),
            "source": table["source"].to_numpy(),
            "where in source": table["locator"].to_numpy(),
        },
        index=pd.Index(table["event_id"], name="event_id"),
    )
