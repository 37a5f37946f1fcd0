"""The independent second review of the curated facts (``data/review_second.csv``), summed up for the prose.

Each row is one item (a data row, a bibliography entry or a sentence) that a reviewer who did not write it
re-read in its source: ``confirmed``, ``corrected``, ``disputed`` (sources disagree; both kept) or
``not_reachable`` (no stored copy found; the item rests on the first review).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .corpus import REPO_ROOT

__all__ = ["OUTCOMES", "REVIEW_PATH", "load_second_review", "review_sentence"]

REVIEW_PATH = REPO_ROOT / "data" / "review_second.csv"
OUTCOMES = ("confirmed", "corrected", "disputed", "not_reachable")
_WORDS = {
    "confirmed": "confirmed",
    "corrected": "corrected",
    "disputed": "found disputed between sources (both kept)",
    "not_reachable": "could not be re-read (no stored copy found)",
}


def load_second_review(path: Path = REVIEW_PATH) -> pd.DataFrame:
    """The review's rows; raises ``ValueError`` naming the line of an unknown outcome."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    bad = frame.index[~frame["outcome"].isin(OUTCOMES)]
    if len(bad):
        line = int(bad[0]) + 2
        raise ValueError(f"{path}:{line}: outcome {frame.at[bad[0], 'outcome']!r} is not one of {', '.join(OUTCOMES)}")
    return frame


def review_sentence(review: pd.DataFrame) -> str:
    """How many items the second review re-read, and what became of them, in one sentence."""
    counts = review["outcome"].value_counts()
    parts = [f"{int(counts[o])} {_WORDS[o]}" for o in OUTCOMES if counts.get(o, 0)]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return (
        f"A second reviewer who wrote none of them re-read the sources of {len(review)} added or changed "
        f"items (data rows, bibliography entries and sentences): {listed}."
    )
