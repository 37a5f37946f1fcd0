"""The curated inputs of the membership analysis: CSV files in ``data/`` (organisations, membership,
outside totals, region overrides), read as strings with typed columns where needed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..corpus import REPO_ROOT

__all__ = [
    "DATA_DIR",
    "load_membership",
    "load_organisations",
    "load_region_overrides",
    "load_totals",
    "successor_names",
]

DATA_DIR = REPO_ROOT / "data"


def _read_csv(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    return pd.read_csv((data_dir or DATA_DIR) / name, dtype=str, keep_default_na=False, encoding="utf-8")


def load_organisations(data_dir: Path | None = None) -> pd.DataFrame:
    """``organisations.csv``: short_name, full_name, kind, aliases ('|'-separated), source, successor (the
    later short name of a renamed body, else empty), note."""
    return _read_csv("organisations.csv", data_dir)


def successor_names(organisations: pd.DataFrame) -> dict[str, str]:
    """Earlier short name → later short name, for the organisations that were renamed."""
    named = organisations[organisations["successor"] != ""]
    return dict(zip(named["short_name"], named["successor"], strict=True))


def load_membership(data_dir: Path | None = None) -> pd.DataFrame:
    """``membership.csv`` with ``as_of`` and ``joined`` as nullable integers."""
    df = _read_csv("membership.csv", data_dir)
    for col in ("as_of", "joined"):
        df[col] = pd.to_numeric(df[col].replace("", None), errors="raise").astype("Int64")
    return df


def load_totals(data_dir: Path | None = None) -> pd.DataFrame:
    """``membership_totals.csv``: totals stated by outside sources, with ``year`` and ``count`` as integers."""
    df = _read_csv("membership_totals.csv", data_dir)
    df["year"] = pd.to_numeric(df["year"].replace("", None)).astype("Int64")
    df["count"] = pd.to_numeric(df["count"]).astype("Int64")
    return df


def load_region_overrides(data_dir: Path | None = None) -> pd.DataFrame:
    """``region_overrides.csv``: iso3, region, source, note (UN M49 regions where country_converter differs)."""
    return _read_csv("region_overrides.csv", data_dir)


@lru_cache(maxsize=8)
def _resolved(data_dir: Path | None) -> Path:
    return (data_dir or DATA_DIR).resolve()
