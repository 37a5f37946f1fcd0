"""The second review's summary sentence."""

from __future__ import annotations

import pandas as pd
import pytest

from baliprocess import review


def test_sentence_counts_each_outcome():
    rows = pd.DataFrame({"outcome": ["confirmed", "confirmed", "corrected", "not_reachable"]})
    assert review.review_sentence(rows) == (
        "A second reviewer who wrote none of them re-read the sources of 4 added or changed items (data rows, "
        "bibliography entries and sentences): 2 confirmed, 1 corrected and 1 could not be re-read "
        "(no stored copy found)."
    )


def test_unknown_outcome_is_one_line_with_its_place(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("item,file,source,outcome,note\na,b,c,confirmed,\nd,e,f,maybe,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"r\.csv:3: outcome 'maybe'"):
        review.load_second_review(path)


def test_shipped_review_loads():
    frame = review.load_second_review()
    assert len(frame) > 0 and set(frame["outcome"]) <= set(review.OUTCOMES)
