"""Chapter 2's views and figures on any corpus: no mentions, one conference, sources split for linking."""

from __future__ import annotations

import pandas as pd
import pytest

from baliprocess import chronology as ch
from figurecheck import legends_clear_of_axes


def _timeline(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_type": [r[0] for r in rows],
            "start": pd.to_datetime([r[1] for r in rows]),
            "end": pd.to_datetime([r[2] for r in rows]),
            "dates_disagree": [False] * len(rows),
        }
    )


EMPTY_YEARS = pd.DataFrame({"year": pd.Series(dtype=int), "doc_type": pd.Series(dtype=str), "mentions": []})


def test_mention_peak_on_no_mentions_is_a_true_sentence():
    peak = ch.mention_peak(EMPTY_YEARS)
    assert (peak["top_year"], peak["top_year_mentions"]) == (0, 0)
    assert peak["mention_span_clause"] == "no document of this corpus dates anything in its text"


def test_mention_peak_counts_and_breaks_ties_by_the_earliest_year():
    years = pd.DataFrame(
        {
            "year": [2002, 2002, 2004, 2010],
            "doc_type": ["statement", "other", "other", "other"],
            "mentions": [1, 2, 3, 1],
        }
    )
    peak = ch.mention_peak(years)
    assert (peak["top_year"], peak["top_year_mentions"]) == (2002, 3)
    assert "the years 2002 to 2010" in peak["mention_span_clause"]
    one = ch.mention_peak(years.iloc[[3]])
    assert one["mention_span_clause"] == "they touch the year 2010, most often 2010 (1 mention)"


def test_conference_intervals():
    timeline = _timeline(
        ("ministerial_conference", "2002-02-26", "2002-02-28"),
        ("ministerial_conference", "2003-04-29", "2003-04-30"),
        ("ministerial_conference", "2009-04-14", "2009-04-15"),
        ("ministerial_conference", "2011-03-30", "2011-03-30"),
        ("context", "2001-08-01", "2001-08-31"),
    )
    out = ch.conference_intervals(timeline)
    assert (out["longest_gap_from"], out["longest_gap_to"], out["last_gap_from"], out["last_gap_to"]) == (
        2003,
        2009,
        2009,
        2011,
    )
    assert out["longest_gap_years"] == pytest.approx(5.96, abs=0.01)
    assert (out["n_context_events"], out["n_process_events"]) == (1, 4)
    lone = ch.conference_intervals(timeline.iloc[[0]])
    assert (lone["longest_gap_from"], lone["last_gap_years"]) == (0, 0.0)


def test_split_sources_and_discrepancy_rows():
    gaps = pd.DataFrame(
        {
            "event_id": ["e1", "e1"],
            "name": ["An event", "An event"],
            "field": ["start", "start"],
            "value": ["2002-02-26", "2002-02-27"],
            "sources": ["key-a (page heading); doc-2002-p05 (paragraph 1); key-b", "doc-2002-p02 (heading)"],
        }
    )
    rows = ch.split_sources(ch.discrepancy_rows(gaps))
    assert list(rows.columns) == ["event", "field", "value", "source", "corpus paragraph", "where in source"]
    assert rows["source"].tolist() == ["key-a", "", "key-b", ""]
    assert rows["corpus paragraph"].tolist() == ["", "doc-2002-p05", "", "doc-2002-p02"]
    assert rows["where in source"].tolist() == ["page heading", "paragraph 1", "", "heading"]


def test_figures_keep_legends_off_the_data_and_draw_on_an_empty_corpus():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "doc_type": ["statement", "other"],
            "date": pd.to_datetime(["2016-01-01", "2019-06-30"]),
            "date_end": pd.to_datetime(["2016-12-31", "2019-06-30"]),
        }
    )
    timeline = _timeline(("ministerial_conference", "2016-03-23", "2016-03-23"), ("forum", "2017-08-01", "2017-08-31"))
    assert legends_clear_of_axes(ch.timeline_figure(timeline.assign(dates_disagree=[True, False]), docs))
    years = pd.DataFrame(
        {"year": [2016, 2016, 2019], "doc_type": ["statement", "other", "other"], "mentions": [2, 1, 4]}
    )
    fig = ch.mention_years_figure(years)
    assert legends_clear_of_axes(fig)
    assert len({p.get_hatch() or "" for p in fig.axes[0].patches}) == 2  # told apart without colour
    empty = ch.mention_years_figure(EMPTY_YEARS)
    assert any("no date mentions" in t.get_text() for t in empty.axes[0].texts) and not empty.legends


def test_date_errors_list_extra_readings_and_missed_dates_as_the_scores_count_them():
    def frame(rows):
        return pd.DataFrame(rows, columns=["doc_id", "text", "start", "end"])

    gold = frame(
        [
            ("d", "between late 2018\nand early 2019", "2018-09-01", "2019-04-30"),
            ("d", "2016", "2016-01-01", "2016-12-31"),
        ]
    )
    found = frame(
        [
            ("d", "late 2018", "2018-09-01", "2018-12-31"),
            ("d", "2016", "2016-01-01", "2016-12-31"),
            ("other", "2000", "2000-01-01", "2000-12-31"),  # not a gold document: not scored
        ]
    )
    errors = ch.date_errors(found, gold)
    assert errors.to_dict("records") == [
        {
            "doc_id": "d",
            "error": "missed",
            "text": "between late 2018 and early 2019",
            "start": "2018-09-01",
            "end": "2019-04-30",
        },
        {
            "doc_id": "d",
            "error": "read, not in the gold",
            "text": "late 2018",
            "start": "2018-09-01",
            "end": "2018-12-31",
        },
    ]
