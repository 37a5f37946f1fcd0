"""Tests for the curated event base of baliprocess.chronology (validation, disagreements, timeline)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from baliprocess import chronology as ch
from baliprocess.corpus import DEFAULT_CORPUS, Corpus, load_corpus

D = dt.date


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(DEFAULT_CORPUS)


@pytest.fixture(scope="module")
def events(corpus) -> pd.DataFrame:
    return ch.load_events(corpus.paragraphs["paragraph_id"])


# ---- the event base -----------------------------------------------------------------------------------


def test_events_load_and_validate(events, corpus):
    assert list(events.columns) == ch.EVENT_COLUMNS
    keys = ch.bib_keys()
    assert set(events["source"]) <= keys | set(corpus.paragraphs["paragraph_id"])
    dated = events.dropna(subset=["start"])
    assert (dated["start"] <= dated["end"]).all()
    conferences = events[events["event_type"] == "ministerial_conference"]["event_id"].unique()
    assert len(conferences) == 8


def _raw() -> pd.DataFrame:
    return pd.read_csv(ch.EVENTS_CSV, dtype=str, keep_default_na=False)


@pytest.mark.parametrize(
    "column, value, message",
    [
        ("source", "nowhere-2002-p99", "neither a corpus paragraph"),
        ("start", "2002-02-30", "unparsable date"),
        ("end", "2001-01-01", "after end"),
        ("event_type", "party", "unknown event_type"),
        ("precision", "week", "unknown precision"),
        ("n_countries", "about 50", "whole number"),
    ],
)
def test_validation_catches_each_fault(corpus, column, value, message):
    raw = _raw()
    raw.loc[0, column] = value
    problems = ch.validate_events(raw, corpus.paragraphs["paragraph_id"], ch.bib_keys())
    assert any(message in p for p in problems), problems


def test_validation_catches_undated_events_and_duplicates(corpus):
    raw = _raw()
    raw = pd.concat([raw, raw.iloc[[0]]], ignore_index=True)
    raw.loc[raw["event_id"] == "rso-2012", ["start", "end", "precision"]] = ""
    problems = ch.validate_events(raw, corpus.paragraphs["paragraph_id"], ch.bib_keys())
    assert "event rso-2012: no row gives a date" in problems
    assert any(p.startswith("duplicate") for p in problems)


def test_load_events_raises_with_every_problem(tmp_path, corpus):
    raw = _raw()
    raw.loc[0, "source"] = "nowhere"
    raw.loc[1, "start"] = "yesterday"
    path = tmp_path / "events.csv"
    raw.to_csv(path, index=False)
    with pytest.raises(ch.EventsError) as err:
        ch.load_events(corpus.paragraphs["paragraph_id"], path)
    assert len(err.value.problems) == 2


def test_the_2002_disagreement_is_derived_not_typed(events):
    gaps = ch.discrepancies(events)
    first = gaps[(gaps["event_id"] == "bmc1-2002") & (gaps["field"] == "start")]
    assert first["value"].tolist() == ["2002-02-26", "2002-02-27"]
    assert "cochairs-2002-p05 (paragraph 1)" in first["sources"].iloc[0]
    assert first["sources"].iloc[1] == "cochairs-2002-p02 (heading)"
    # end dates agree, month-only sources do not count as disagreeing
    assert gaps[(gaps["event_id"] == "bmc1-2002") & (gaps["field"] == "end")].empty
    assert gaps[gaps["event_id"] == "som2-2004"].empty


def test_discrepancies_by_hand():
    ev = pd.DataFrame(
        {
            "event_id": ["e", "e", "e", "f"],
            "name": ["E"] * 3 + ["F"],
            "source": ["a", "b", "c", "a"],
            "locator": ["", "", "x", ""],
            "precision": ["day", "day", "month", "day"],
            "start": pd.to_datetime(["2002-02-26", "2002-02-27", "2002-02-01", "2005-01-01"]),
            "end": pd.to_datetime(["2002-02-28", "2002-02-28", "2002-02-28", "2005-01-01"]),
            "n_countries": pd.array([56, pd.NA, 36, 5], dtype="Int64"),
            "n_delegates": pd.array([pd.NA] * 4, dtype="Int64"),
            "n_organisations": pd.array([pd.NA] * 4, dtype="Int64"),
        }
    )
    gaps = ch.discrepancies(ev)
    assert gaps[["field", "value", "sources"]].values.tolist() == [
        ["start", "2002-02-26", "a"],
        ["start", "2002-02-27", "b"],
        ["n_countries", "36", "c (x)"],
        ["n_countries", "56", "a"],
    ]
    forecast = ev.assign(note=["Expected, not counted: before the meeting", "", "", ""])
    assert ch.discrepancies(forecast)["value"].tolist()[-1] == "56 (expected)"  # a forecast is marked


def test_timeline_dates_each_event_by_its_most_precise_sources(events):
    timeline = ch.event_timeline(events).set_index("event_id")
    assert timeline.loc["bmc1-2002", ["start", "end"]].tolist() == [
        pd.Timestamp("2002-02-26"),
        pd.Timestamp("2002-02-28"),
    ]
    assert timeline.loc["bmc1-2002", "n_sources"] == 7 and timeline.loc["bmc1-2002", "dates_disagree"]
    assert timeline.loc["bmc3-2009", ["start", "end", "precision"]].tolist() == [
        pd.Timestamp("2009-04-14"),
        pd.Timestamp("2009-04-15"),
        "day",
    ]
    assert not timeline.loc["som2-2004", "dates_disagree"]
    assert timeline.loc["rso-2012", "precision"] == "year"
    assert timeline["start"].is_monotonic_increasing


def test_events_table_keeps_one_row_per_source(events):
    table = ch.events_table(events)
    assert len(table) == len(events)
    assert table.index[0] == "pacific-solution-2001"  # a context event (known to the year) opens the base
    first = table.loc["bmc1-2002"]
    assert first["source"].tolist()[:3] == ["som2-brisbane-2004-p07", "bp-first-conference", "cochairs-2002-p05"]
    assert first["source"].tolist()[-1] == "goff-dalziel-2002-p02"  # undated rows last


def test_first_event_of_a_type_by_start_then_id():
    timeline = pd.DataFrame(
        {
            "event_id": ["b", "a", "c", "d"],
            "name": ["Second", "First", "Officials", "Undated"],
            "event_type": [
                "ministerial_conference",
                "ministerial_conference",
                "senior_officials_meeting",
                "ministerial_conference",
            ],
            "start": pd.to_datetime(["2003-04-28", "2002-02-26", "2001-01-01", None]),
            "end": pd.to_datetime(["2003-04-30", "2002-02-28", "2001-01-02", None]),
        }
    )
    assert ch.first_event(timeline, "ministerial_conference") == ("First", pd.Timestamp("2002-02-28"))
    assert ch.first_event(timeline, "steering_group") is None
