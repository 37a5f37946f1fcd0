"""Reliability of the hand coding: Krippendorff's alpha for nominal data, per theme and overall.

Alpha compares the disagreement observed between coders with the disagreement expected by chance from how
often each value is used (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"): 1 is perfect
agreement, 0 agreement at chance level. Each theme is a yes/no decision per paragraph coded by both coders;
"overall" pools every theme's decisions. The usual reading: at least 0.8 reliable, 0.667 to 0.8 tentative,
below 0.667 not to be used for findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence

import numpy as np
import pandas as pd

from ..rows import each_row

__all__ = [
    "RELIABLE",
    "TENTATIVE",
    "double_coded",
    "krippendorff_alpha",
    "reliability_table",
    "standard",
]

RELIABLE = 0.8
TENTATIVE = 0.667


def krippendorff_alpha(units: Sequence[Sequence[Hashable | None]]) -> float:
    """Nominal alpha of ``units``: one sequence of values per unit, one value per coder (None: not coded).

    Units with fewer than two values are not pairable and are left out; NaN when fewer than two pairable
    values remain or every pairable value is the same (no variation, so chance agreement is total).
    """
    coincidence: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)  # weights are fractions
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidence[(a, b)] += 1 / (m - 1)
    n_c: defaultdict[Hashable, float] = defaultdict(float)
    for (a, _), weight in coincidence.items():
        n_c[a] += weight
    n = sum(n_c.values())
    if n < 2 or len(n_c) < 2:
        return float("nan")
    observed = sum(w for (a, b), w in coincidence.items() if a != b)
    expected_pairs = n * n - sum(v * v for v in n_c.values())  # sum over c != k of n_c * n_k
    return float(1 - (n - 1) * observed / expected_pairs)


def standard(alpha: float) -> str:
    """The usual reading of an alpha: reliable, tentative, not reliable, or not assessable (NaN)."""
    if np.isnan(alpha):
        return "not assessable"
    if alpha >= RELIABLE:
        return "reliable"
    return "tentative" if alpha >= TENTATIVE else "not reliable"


def double_coded(codes: pd.DataFrame) -> pd.DataFrame:
    """The paragraphs coded by both the first and the second coder: outcome_id, paragraph."""
    by = codes.groupby("coder")[["outcome_id", "paragraph"]]
    keys = [set(map(tuple, frame.drop_duplicates().to_numpy())) for coder, frame in by if coder in ("first", "second")]
    both = sorted(keys[0] & keys[1]) if len(keys) == 2 else []
    return pd.DataFrame(both, columns=["outcome_id", "paragraph"])


def _decisions(codes: pd.DataFrame, units: pd.DataFrame, key: str) -> list[list[bool]]:
    """For each doubly coded paragraph, whether the first and the second coder gave it theme ``key``."""
    out = []
    for coder in ("first", "second"):
        mine = codes[(codes["coder"] == coder) & (codes["theme"] == key)]
        has = set(zip(mine["outcome_id"], mine["paragraph"], strict=True))
        out.append([(o, p) in has for o, p in each_row(units, index=False)])
    return [list(pair) for pair in zip(*out, strict=True)]


def reliability_table(codes: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Per theme and overall: doubly coded paragraphs, codings by each coder, agreement, alpha, its reading.

    Indexed by theme key, with a last row ``overall`` that pools every theme's yes/no decisions.
    """
    units = double_coded(codes)
    rows, pooled = [], []
    for key in keys:
        decisions = _decisions(codes, units, key)
        pooled += decisions
        first = sum(a for a, _ in decisions)
        second = sum(b for _, b in decisions)
        agree = sum(a == b for a, b in decisions)
        alpha = krippendorff_alpha(decisions)
        rows.append((key, len(decisions), first, second, agree, alpha))
    agree_all = sum(a == b for a, b in pooled)
    rows.append(
        ("overall", len(units), sum(r[2] for r in rows), sum(r[3] for r in rows), agree_all, krippendorff_alpha(pooled))
    )
    table = pd.DataFrame(rows, columns=["theme", "paragraphs", "first", "second", "agree", "alpha"])
    table["agreement"] = table["agree"] / (table["paragraphs"] * np.where(table["theme"] == "overall", len(keys), 1))
    table.loc[table["paragraphs"] == 0, "agreement"] = np.nan
    table["reading"] = table["alpha"].map(standard)
    return table.drop(columns="agree").set_index("theme")
