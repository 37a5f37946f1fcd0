"""How long each test file took on its last run, kept in pytest's cache (``.pytest_cache``), so that the next
run can share the files out evenly among processes.

* ``make unit`` runs one pytest per core, each on its own share of the files (tests/unitrun.py), so that
  each process imports and collects only its files: pytest-xdist's workers each collect every file, which
  cost about 3 s of CPU more on the unit tests (two workers' 9.5 s against two halves' 6.3 s).
* Under pytest-xdist (``make test``) the files are handed out in the order tests/conftest.py gives, each to
  the process that is nearly done: slowest first, the classic fix (LPT) for pytest-xdist's own order, most
  tests first, which put a file of one test of three seconds (the README walkthrough) last while the other
  process idled. On the unit tests' times that brings the finish of the busier process from 16.3 s to
  14.9 s (of 29.8 s; ideal 14.9).

Each run records the files it ran (a run of part of a file, ``-k``, records that part: the next whole run
puts it right). Without a record (a fresh clone, ``-p no:cacheprovider``) the files are weighed by their size
in bytes, under pytest-xdist as in tests/shards.py: on the times of a fresh ``make test`` size ranks the
files better than their number of tests does (Spearman 0.52 against 0.21: a test parametrised over every
chapter is many cheap tests), and it puts the build files' heaviest, the payload book's browser visit
(tests/test_escaping.py, 18 s), first of the files that run last, not last. Only the timing changes: which
tests run, and what they check, does not.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

#: The cache key of one file's seconds: ``KEY/tests/test_x.py.json`` (not ending in ``.py``, so that no
#: tool takes it for Python), its tests' setup, call and teardown summed.
KEY = "baliprocess/file-seconds"
#: Where pytest's cache keeps that key, below the repository (pytest's default ``cache_dir``).
RECORD = Path(".pytest_cache") / "v" / KEY


def recorded(root: Path, paths: list[str]) -> dict[str, float]:
    """The recorded seconds of each of ``paths`` (relative to the repository ``root``) that has a record."""
    found = {}
    for path in paths:
        with_record = root / RECORD / f"{path}.json"
        if with_record.is_file():
            found[path] = float(json.loads(with_record.read_text(encoding="utf-8")))
    return found


class FileTimer:
    """Sums the duration of every test report by file (in pytest-xdist's main process the workers'
    reports arrive here too) and records each file's sum when the session ends (one cache entry per file,
    so that processes running other files side by side never overwrite each other's)."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.seconds: Counter[str] = Counter()

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.seconds[report.nodeid.split("::")[0]] += report.duration

    def pytest_sessionfinish(self) -> None:
        cache = getattr(self.config, "cache", None)
        if cache is not None:
            for path, seconds in self.seconds.items():
                cache.set(f"{KEY}/{path}.json", round(seconds, 3))


def weights(root: Path, counts: dict[str, float]) -> dict[str, float]:
    """Each file's weight: its recorded seconds, or, when none of the files has a record, ``counts`` (a
    stand-in such as its size in bytes). A file new since the record weighs as much as the heaviest, so
    that it cannot end a run alone."""
    known = recorded(root, list(counts))
    if not known:
        return dict(counts)
    heaviest = max(known.values())
    return {path: known.get(path, heaviest) for path in counts}


def file_weights(root: Path, items: list[pytest.Item]) -> dict[str, float]:
    """The weight of each file of ``items`` (paths relative to the repository ``root``): its recorded
    seconds, or its size in bytes when no file has a record (:func:`weights`)."""
    paths = {item.nodeid.split("::")[0] for item in items}
    return weights(root, {path: float((root / path).stat().st_size) for path in paths})


def run_order(weight: dict[str, float], first: set[str], last: set[str]) -> list[str]:
    """The files in the order pytest-xdist hands them out under ``make test`` (each to the process that is
    nearly done): those of ``first``, the others heaviest first (LPT), and those of ``last`` (they read a
    build begun at collection) at the end, heaviest first; but the lightest of the others, as many as it
    takes to weigh as much as the heaviest of ``last``, come after it, so that the other process runs them
    while one runs it. Put last of all, the payload book's browser visit (tests/test_escaping.py, 18-25 s)
    ran alone while the other process idled."""
    ahead = sorted((p for p in weight if p not in last), key=lambda p: (p not in first, -weight[p], p))
    late = sorted((p for p in weight if p in last), key=lambda p: (-weight[p], p))
    fillers: list[str] = []
    while late and ahead and ahead[-1] not in first and sum(weight[p] for p in fillers) < weight[late[0]]:
        fillers.insert(0, ahead.pop())
    return ahead + late[:1] + fillers + late[1:]


def shares(weight: dict[str, float], n: int) -> list[list[str]]:
    """``n`` lists of the files, heaviest first to the lightest-loaded list (LPT), each list sorted."""
    loads = [0.0] * n
    lists: list[list[str]] = [[] for _ in range(n)]
    for path in sorted(weight, key=lambda p: (-weight[p], p)):
        lightest = loads.index(min(loads))
        loads[lightest] += weight[path]
        lists[lightest].append(path)
    return [sorted(files) for files in lists if files]
