"""Theme shares over the record, with their uncertainty, and tests of change between the process's phases.

The final coding is the first coder's, except for paragraphs on which the two coders disagreed and that were
settled (coder ``final``): there the settled codes replace the first coder's. The unit is a paragraph read; a
theme's share is the share of a group's *substantive* paragraphs (those carrying at least one theme) that
carry it, so that procedural paragraphs (venue, attendance, thanks), which documents have in very different
numbers, do not dilute every share.

Intervals: a percentile bootstrap that resamples paragraphs within each document (each document keeps its
number of substantive paragraphs). Documents are not resampled, because a phase holds few of them (two in
the last); the intervals therefore show the uncertainty of what the documents' paragraphs say, not of which
documents a phase happened to produce. Changes between phases are tested with Fisher's exact test on the
paragraph counts and corrected for the number of themes tested (Holm's step-down method).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd

from ..themes.codebook import NONE
from .load import Record

__all__ = [
    "ALPHA",
    "BOOTSTRAP_REPS",
    "BOOTSTRAP_SEED",
    "COMPARISONS",
    "INTERVAL",
    "PHASES",
    "Phase",
    "change_tests",
    "corpus_presence",
    "final_coding",
    "group_shares",
    "holm",
    "phase_of",
    "phase_shares",
    "presence",
    "unit_shares",
]

#: Family-wise error rate of the tests, after Holm's correction.
ALPHA = 0.05
BOOTSTRAP_REPS = 2000
#: Coverage of the bootstrap intervals.
INTERVAL = 0.95
BOOTSTRAP_SEED = 20021


@dataclass(frozen=True)
class Phase:
    """A phase of the process: a key, a label and the years it spans (each runs until the next begins)."""

    key: str
    label: str
    first_year: int
    last_year: int


#: The phases by the ministerial conferences that open them (2002, 2009, 2016, 2023).
PHASES: tuple[Phase, ...] = (
    Phase("founding", "Founding (2002 to 2008)", 2002, 2008),
    Phase("revival", "Revival (2009 to 2015)", 2009, 2015),
    Phase("crisis", "Crisis response (2016 to 2022)", 2016, 2022),
    Phase("renewal", "Renewal (2023 on)", 2023, 9999),
)
#: The changes tested: each phase against the one before, and the first against the last.
COMPARISONS: tuple[tuple[str, str], ...] = (
    ("founding", "revival"),
    ("revival", "crisis"),
    ("crisis", "renewal"),
    ("founding", "renewal"),
)


def phase_of(year: int) -> str:
    """The key of the phase that holds ``year``."""
    for phase in PHASES:
        if phase.first_year <= year <= phase.last_year:
            return phase.key
    raise ValueError(f"year {year} is before the first phase")


def final_coding(record: Record) -> pd.DataFrame:
    """outcome_id, paragraph, theme of the final coding (settled codes replace the first coder's)."""
    codes = record.codes
    settled = codes[codes["coder"] == "final"]
    first = codes[codes["coder"] == "first"]
    replaced = first.set_index(["outcome_id", "paragraph"]).index.isin(
        settled.set_index(["outcome_id", "paragraph"]).index
    )
    final = pd.concat([first[~replaced], settled], ignore_index=True)
    return final[["outcome_id", "paragraph", "theme"]].sort_values(
        ["outcome_id", "paragraph", "theme"], ignore_index=True
    )


def presence(coding: pd.DataFrame, record: Record, keys: Sequence[str]) -> pd.DataFrame:
    """One row per substantive paragraph read (outcome_id, paragraph, phase, year) and a 0/1 column per theme."""
    themed = coding[coding["theme"] != NONE]
    wide = (
        pd.crosstab([themed["outcome_id"], themed["paragraph"]], themed["theme"])
        .clip(upper=1)
        .reindex(columns=list(keys), fill_value=0)
        .reset_index()
    )
    years = record.outcomes.set_index("outcome_id")["date"].dt.year
    wide.insert(2, "year", wide["outcome_id"].map(years).astype(int))
    wide.insert(3, "phase", wide["year"].map(phase_of))
    return wide


def corpus_presence(
    coded: pd.DataFrame, paragraphs: pd.DataFrame, documents: pd.DataFrame, keys: Sequence[str]
) -> pd.DataFrame:
    """The corpus coding in the record's form: one row per paragraph of ``paragraphs`` (doc_id, paragraph_id,
    year) and a 0/1 column per theme, so that its years can be compared with :func:`change_tests`."""
    onehot = pd.crosstab(coded["paragraph_id"], coded["theme"]).clip(upper=1).reindex(columns=list(keys), fill_value=0)
    years = documents.set_index("doc_id")["date"].dt.year
    frame = paragraphs[["doc_id", "paragraph_id"]].reset_index(drop=True)
    frame["year"] = frame["doc_id"].map(years).astype(int)
    return frame.join(onehot.reindex(frame["paragraph_id"]).fillna(0).astype(int).reset_index(drop=True))


def unit_shares(wide: pd.DataFrame, keys: Sequence[str], by: str = "outcome_id") -> pd.DataFrame:
    """Share of each group's substantive paragraphs carrying each theme (rows: groups; columns: themes)."""
    return wide.groupby(by, sort=False)[list(keys)].mean()


def _bootstrap(wide: pd.DataFrame, keys: Sequence[str], unit: str, rng: np.random.Generator) -> np.ndarray:
    """BOOTSTRAP_REPS shares per theme (reps x themes), resampling paragraphs within each document."""
    values = wide[list(keys)].to_numpy(dtype=float)
    groups = [np.flatnonzero(wide[unit].to_numpy() == o) for o in pd.unique(wide[unit])]
    total = np.zeros((BOOTSTRAP_REPS, len(keys)))
    for rows in groups:
        picks = rng.integers(0, len(rows), size=(BOOTSTRAP_REPS, len(rows)))
        total += values[rows][picks].sum(axis=1)
    return total / len(wide)


def group_shares(
    wide: pd.DataFrame, keys: Sequence[str], by: str, order: Sequence[object], unit: str = "outcome_id"
) -> pd.DataFrame:
    """Per group (values of column ``by``, in ``order``) and theme: documents, paragraphs, paragraphs with the
    theme, share and 95% bootstrap interval (paragraphs resampled within each document, column ``unit``)."""
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    rows = []
    for group in order:
        part = wide[wide[by] == group]
        if part.empty:
            continue
        draws = _bootstrap(part, keys, unit, rng)
        low, high = np.percentile(draws, [50 * (1 - INTERVAL), 50 * (1 + INTERVAL)], axis=0)
        for i, key in enumerate(keys):
            rows.append(
                (
                    group,
                    key,
                    part[unit].nunique(),
                    len(part),
                    int(part[key].sum()),
                    float(part[key].mean()),
                    float(low[i]),
                    float(high[i]),
                )
            )
    return pd.DataFrame(rows, columns=[by, "theme", "documents", "paragraphs", "with_theme", "share", "low", "high"])


def phase_shares(wide: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Per phase and theme: documents, paragraphs, paragraphs with the theme, share, 95% bootstrap interval."""
    return group_shares(wide, keys, "phase", [p.key for p in PHASES])


def holm(p_values: Sequence[float]) -> np.ndarray:
    """Holm's step-down adjusted p-values (NaN stays NaN and is not counted as a test)."""
    p = np.asarray(p_values, dtype=float)
    out = np.full_like(p, np.nan)
    tested = np.flatnonzero(~np.isnan(p))
    order = tested[np.argsort(p[tested], kind="stable")]
    m, running = len(order), 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[index]))
        out[index] = running
    return out


def _row(indexed: pd.DataFrame, group: str | int, key: str) -> pd.Series:
    """The row of one (group, theme) pair: a Series, since the pairs are unique (pandas-stubs types a
    full-key ``.loc`` as a scalar)."""
    return cast(pd.Series, indexed.loc[(group, key)])


def change_tests(
    shares: pd.DataFrame,
    keys: Sequence[str],
    usable: Sequence[str],
    comparisons: Sequence[tuple[str | int, str | int]] = COMPARISONS,
    by: str = "phase",
) -> pd.DataFrame:
    """Every comparison of groups (default: :data:`COMPARISONS` of phases) for every theme: shares, change,
    Fisher's exact p and the Holm-adjusted p.

    Only the themes in ``usable`` (reliable enough to support findings) are tested; the others get no p-value
    and the reading "not tested". Holm's correction runs over the themes tested within each comparison. A
    change is a rise or a fall only when its adjusted p-value is below :data:`ALPHA`.
    """
    # scipy.stats takes half a second to import, and only this function needs it: imported here, so that
    # the command line (validate, add, fingerprint) starts without it.
    from scipy.stats import fisher_exact

    indexed = shares.set_index([by, "theme"])
    present = set(shares[by])
    rows = []
    for before, after in comparisons:
        if before not in present or after not in present:
            continue
        block = []
        for key in keys:
            a, b = _row(indexed, before, key), _row(indexed, after, key)
            table = [
                [b["with_theme"], b["paragraphs"] - b["with_theme"]],
                [a["with_theme"], a["paragraphs"] - a["with_theme"]],
            ]
            p = float(fisher_exact(table).pvalue) if key in usable else float("nan")
            block.append([before, after, key, a["share"], b["share"], b["share"] - a["share"], p])
        adjusted = holm([r[-1] for r in block])
        for row, p_adj in zip(block, adjusted, strict=True):
            if np.isnan(p_adj):
                reading = "not tested"
            elif p_adj < ALPHA:
                reading = "rose" if row[5] > 0 else "fell"
            else:
                reading = "no detectable change"
            rows.append([*row, float(p_adj), reading])
    return pd.DataFrame(
        rows, columns=["before", "after", "theme", "share_before", "share_after", "change", "p", "p_holm", "reading"]
    )
