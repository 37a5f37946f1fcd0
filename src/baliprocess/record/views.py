"""Reader-facing views of the record: the documents with their coverage, and shares by phase with intervals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from .change import PHASES
from .load import DOC_KINDS

__all__ = ["DOC_KIND_LABELS", "changes_view", "outcomes_view", "phase_view"]

#: A table's name for each kind of outcome document (from :data:`.load.DOC_KINDS`).
DOC_KIND_LABELS = {key: kind.label for key, kind in DOC_KINDS.items()}
_PHASE_NAMES = {p.key: p.label for p in PHASES}


def outcomes_view(outcomes: pd.DataFrame) -> pd.DataFrame:
    """One row per document: date, kind, meeting, paragraphs read of the total ('?' unknown), id, source key."""
    total = outcomes["paragraphs"].astype("string").fillna("?")
    return pd.DataFrame(
        {
            "date": outcomes["date"].dt.strftime("%Y-%m-%d"),
            "kind": outcomes["doc_type"].map(DOC_KIND_LABELS),
            "meeting": outcomes["meeting"],
            "read": outcomes["paragraphs_read"].astype(str) + " of " + total,
            "id": outcomes["outcome_id"],
            "source": outcomes["source"],
            "note": outcomes["note"],
        }
    )


def phase_view(shares: pd.DataFrame, labels: Mapping[str, str], keys: Sequence[str]) -> pd.DataFrame:
    """Themes (rows) by phase (columns): share with its 95% interval, as '23% (15–31)'."""
    cells = shares.assign(
        cell=lambda t: [
            f"{s:.0%} ({lo * 100:.0f}–{hi * 100:.0f})"
            for s, lo, hi in zip(t["share"], t["low"], t["high"], strict=True)
        ]
    )
    wide = cells.pivot(index="theme", columns="phase", values="cell")
    order = [p.key for p in PHASES if p.key in wide.columns]
    wide = wide.reindex(index=[k for k in keys if k in wide.index], columns=order)
    wide.columns = [_PHASE_NAMES[c] for c in wide.columns]
    wide.index = [labels.get(k, k) for k in wide.index]
    wide.index.name = "theme"
    return wide


def changes_view(changes: pd.DataFrame, labels: Mapping[str, str], reliability: pd.DataFrame) -> pd.DataFrame:
    """Every test of change: comparison, theme, shares, change in points, p, Holm-adjusted p, reading, alpha."""
    names = {p.key: p.label.split(" (")[0] for p in PHASES}
    return pd.DataFrame(
        {
            "comparison": changes["before"].map(names) + " → " + changes["after"].map(names),
            "theme": changes["theme"].map(lambda k: labels.get(k, k)),
            "before": changes["share_before"],
            "after": changes["share_after"],
            "change (points)": changes["change"] * 100,
            "p": changes["p"],
            "p (Holm)": changes["p_holm"],
            "reading": changes["reading"],
            "coding": changes["theme"].map(reliability["reading"]),
        }
    )
