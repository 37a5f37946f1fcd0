"""The record's analysis in one call: load and check, final coding, reliability, shares, tests of change."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .change import (
    ALPHA,
    INTERVAL,
    change_tests,
    corpus_presence,
    final_coding,
    group_shares,
    phase_shares,
    presence,
    unit_shares,
)
from .load import CODES_PATH, MAX_GIST_WORDS, OUTCOMES_PATH, Record, load_record
from .narrative import (
    change_sentence,
    record_facts,
    reliability_facts,
    theme_trajectory,
    top_themes,
    usable_themes,
)
from .reliability import RELIABLE, TENTATIVE, reliability_table

__all__ = ["RecordAnalysis", "analyse", "chapter_facts", "corpus_change_sentence"]


@dataclass(frozen=True)
class RecordAnalysis:
    """Everything the chapter and the export show of the record."""

    record: Record
    final: pd.DataFrame
    wide: pd.DataFrame
    document_shares: pd.DataFrame
    reliability: pd.DataFrame
    usable: list[str]
    phase_shares: pd.DataFrame
    changes: pd.DataFrame


def analyse(keys: Sequence[str], outcomes_path: Path = OUTCOMES_PATH, codes_path: Path = CODES_PATH) -> RecordAnalysis:
    """Run the record's whole analysis for the codebook's theme ``keys``."""
    record = load_record(set(keys), outcomes_path, codes_path)
    final = final_coding(record)
    wide = presence(final, record, keys)
    reliability = reliability_table(record.codes, keys)
    usable = usable_themes(reliability)
    shares = phase_shares(wide, keys)
    return RecordAnalysis(
        record, final, wide, unit_shares(wide, keys), reliability, usable, shares, change_tests(shares, keys, usable)
    )


def chapter_facts(analysis: RecordAnalysis, labels: Mapping[str, str], min_read: float) -> dict[str, object]:
    """Every glued number and phrase of the record's section of the themes chapter."""
    read = int(analysis.record.outcomes["paragraphs_read"].sum())
    return (
        record_facts(analysis.record, analysis.wide, min_read)
        | reliability_facts(analysis.reliability, read, labels)
        | {
            "rec_change_sentence": change_sentence(analysis.changes, labels),
            "rec_n_tested": int((analysis.changes["reading"] != "not tested").sum()),
            "rel_reliable_min": RELIABLE,
            "rel_tentative_min": TENTATIVE,
            "rec_interval": f"{INTERVAL:.0%}",
            "rec_test_level": ALPHA,
            "rec_max_gist_words": MAX_GIST_WORDS,
            "rec_top_themes": top_themes(analysis.phase_shares, labels),
            "rec_return_trajectory": theme_trajectory(
                analysis.phase_shares, analysis.changes, "return_reintegration", labels, analysis.reliability
            ),
        }
    )


def corpus_change_sentence(
    coded: pd.DataFrame,
    paragraphs: pd.DataFrame,
    documents: pd.DataFrame,
    keys: Sequence[str],
    labels: Mapping[str, str],
) -> str:
    """What the tests of change say of the corpus coding between the corpus's first and last year, tested as
    the record's phases are (each theme's share of the documents of a year, Fisher's exact test, Holm's
    correction over the themes: :func:`.narrative.change_sentence`); with a single year, that no change between
    years can be tested."""
    yearly = corpus_presence(coded, paragraphs, documents, keys)
    years = sorted(yearly["year"].unique())
    if len(years) < 2:
        return "With a single year, no change between years can be tested."
    tests = change_tests(
        group_shares(yearly, keys, "year", years, unit="doc_id"),
        keys,
        usable=keys,
        comparisons=[(years[0], years[-1])],
        by="year",
    )
    return change_sentence(tests, labels, {y: str(y) for y in years}, "the first and the last year")
