"""Garbage collection around the worker pools (:mod:`baliprocess.parallel`): workers collect their youngest
objects less often, the parent's objects are frozen only while a pool runs, and :func:`fewer_collections`
restores the thresholds it changed. None of it changes a result."""

from __future__ import annotations

import gc

from baliprocess.parallel import GC_YOUNG, fewer_collections, parallel_map, parallel_map_with


def _young_threshold(_: object) -> int:
    return gc.get_threshold()[0]


def _young_threshold_with(shared: object, item: object) -> tuple[int, object]:
    return gc.get_threshold()[0], shared


def test_workers_collect_less_often(monkeypatch) -> None:
    monkeypatch.setenv("BALIPROCESS_WORKERS", "2")
    before = gc.get_threshold()
    assert parallel_map(_young_threshold, [1, 2, 3, 4], parallel=True) == [GC_YOUNG] * 4
    assert parallel_map_with(_young_threshold_with, "s", [1, 2], parallel=True) == [(GC_YOUNG, "s")] * 2
    assert gc.get_threshold() == before  # the parent's own thresholds are left as they were
    assert gc.get_freeze_count() == 0  # and its objects unfrozen once the pool is done


def test_serial_runs_change_nothing() -> None:
    before = gc.get_threshold()
    assert parallel_map(_young_threshold, [1, 2], parallel=False) == [before[0]] * 2


def test_fewer_collections_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (GC_YOUNG, *before[1:])
    assert gc.get_threshold() == before
    try:
        with fewer_collections():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.get_threshold() == before
