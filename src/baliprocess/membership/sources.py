"""The curated inputs of the membership analysis: CSV files in ``data/`` (organisations, membership,
outside totals, region overrides), read as strings with typed columns where needed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..corpus import REPO_ROOT

__all__ = [
    "BODIES",
    "DATA_DIR",
    "GROUP_BODY",
    "PROCESS_BODY",
    "files_held",
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


#: The body a row of ``membership.csv`` speaks of: the Bali Process itself, or its Ad Hoc Group (a status at
#: the group's meetings is not a status in the process).
PROCESS_BODY, GROUP_BODY = "process", "ad_hoc_group"
BODIES = (PROCESS_BODY, GROUP_BODY)


def load_membership(data_dir: Path | None = None) -> pd.DataFrame:
    """``membership.csv`` with ``as_of`` and ``joined`` as nullable integers. Every row names its ``body``
    (:data:`BODIES`); a missing column is an error of one line, and rows with another value are one error
    with a line for each, naming its row (every such row at once, not only the first)."""
    df = _read_csv("membership.csv", data_dir)
    path = (data_dir or DATA_DIR) / "membership.csv"
    if "body" not in df.columns:
        raise ValueError(f"{path}: no column 'body' ({' or '.join(BODIES)} on every row)")
    bad = [
        f"{path}: line {line} ({name}): body {body!r} is not {' or '.join(BODIES)}"
        for line, (name, body) in enumerate(zip(df["name"], df["body"], strict=True), start=2)
        if body not in BODIES
    ]
    if bad:
        raise ValueError("\n".join(bad))
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
def _absolute(data_dir: Path | None) -> Path:
    return (data_dir or DATA_DIR).resolve()


#: The curated files whose contents the membership caches keep (names.py, lists.py, gazetteer.py).
CACHED_FILES = ("name_notes.csv", "organisations.csv")
_SEEN: dict[Path, tuple[tuple[int, int], ...]] = {}
#: Folders whose files are checked once for the whole of a table build (see :func:`files_held`).
_HELD: dict[Path, int] = {}


def _stamp(data_dir: Path) -> tuple[tuple[int, int], ...]:
    """(modification time, size) of each of ``CACHED_FILES`` in ``data_dir``; (-1, -1) for a missing one
    (reading it then fails with pandas' own message, as before)."""
    stamps = []
    for name in CACHED_FILES:
        try:
            stat = (data_dir / name).stat()
        except FileNotFoundError:
            stamps.append((-1, -1))
        else:
            stamps.append((stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


def _resolved(data_dir: Path | None) -> Path:
    """The data folder as an absolute path; every public function of the package passes through here.

    When a file of ``CACHED_FILES`` changed (modification time or size) since this folder was last seen,
    every cache of the membership package is emptied first, so that a CSV edited after it was read (say,
    in a ``make lab`` kernel) is read again."""
    path = _absolute(data_dir)
    if _HELD.get(path):
        return path
    stamp = _stamp(path)
    if _SEEN.setdefault(path, stamp) != stamp:
        _SEEN[path] = stamp
        for name, module in list(sys.modules.items()):
            if name.startswith(f"{__package__}."):
                for value in list(vars(module).values()):
                    if callable(getattr(value, "cache_clear", None)):
                        value.cache_clear()
    return path


@contextmanager
def files_held(data_dir: Path | None = None) -> Iterator[Path]:
    """Check the curated files of ``data_dir`` for changes once, then not again until the block ends: a table
    build resolves names tens of thousands of times, and two file-system calls each cost seconds on a large
    corpus. A file edited while the block runs is read again by the next call after it."""
    path = _resolved(data_dir)
    _HELD[path] = _HELD.get(path, 0) + 1
    try:
        yield path
    finally:
        _HELD[path] -= 1
