"""The record's analysis in one call: load and check, final coding, reliability, shares, tests of change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .change import change_tests, final_coding, phase_shares, presence, unit_shares
from .load import CODES_PATH, OUTCOMES_PATH, Record, load_record
from .narrative import usable_themes
from .reliability import reliability_table

__all__ = ["RecordAnalysis", "analyse"]


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
