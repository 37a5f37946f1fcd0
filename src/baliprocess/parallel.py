"""Spread independent work over the machine's cores, for large corpora only.

Small inputs (every notebook, every test corpus) run serially in the calling process; large ones go to
a pool of forked worker processes. Results always come back in input order, so the output does not
depend on how the work was split.

Garbage collection in a pool: the parent freezes its objects (``gc.freeze``) just before it forks, so that a
worker's collections never walk the corpus and the modules it inherited (nor touch, and so copy, their
pages), and each worker collects its youngest objects once per :data:`GC_YOUNG` allocations instead of
Python's 700 (:func:`fewer_collections` does the same in the calling process, for the command line's export).
The workers make hundreds of thousands of small tuples that live as long as the worker (the readers' caches,
the rows of the tables), and every collection walked them again: measured with ``gc.callbacks`` on 10,000
documents, 4.3 s of the workers' CPU time and 1 s of the parent's, nearly none after. Collection still runs,
so cycles are freed; only less often.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

__all__ = ["GC_YOUNG", "fewer_collections", "parallel_imap_with", "parallel_map", "parallel_map_with", "workers"]

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")


def workers() -> int:
    """Worker processes to use: the cores this process may run on (``BALIPROCESS_WORKERS`` overrides)."""
    env = os.environ.get("BALIPROCESS_WORKERS")
    if env:
        return max(1, int(env))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


#: Allocations between two collections of the youngest generation in a worker process and inside
#: :func:`fewer_collections` (Python's default: 700).
GC_YOUNG = 100_000


def _pool(n: int, parallel: bool) -> bool:
    return parallel and n >= 2 and "fork" in multiprocessing.get_all_start_methods()


def _fewer_collections() -> None:
    """In a worker: collect the youngest generation less often (see the module's note)."""
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG, middle, oldest)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Inside the block, collect the youngest generation once per :data:`GC_YOUNG` allocations, as the workers
    do (see the module's note); the thresholds are restored after it."""
    before = gc.get_threshold()
    gc.set_threshold(GC_YOUNG, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def _frozen() -> Iterator[None]:
    """The parent's objects frozen while its pool forks workers and runs (see the module's note)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def parallel_map(fn: Callable[[T], R], items: Sequence[T], parallel: bool, chunksize: int = 0) -> list[R]:
    """``[fn(x) for x in items]``, in forked worker processes when ``parallel`` (the input is large).

    ``chunksize`` 0 means a quarter of each worker's share; 1 hands out items one at a time.
    """
    n = min(workers(), len(items))
    if not _pool(n, parallel):
        return [fn(x) for x in items]
    chunk = chunksize or max(1, len(items) // (n * 4))
    context = multiprocessing.get_context("fork")
    with _frozen(), ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=_fewer_collections) as pool:
        return list(pool.map(fn, items, chunksize=chunk))


# Set only inside a forked worker, by the pool's initializer, for the life of that worker process.
_WORKER_SHARED: list[Any] = []


def _receive(shared: object) -> None:
    _WORKER_SHARED[:] = [shared]
    _fewer_collections()


def _call_with_shared(task: tuple[Callable[[Any, Any], Any], Any]) -> Any:
    fn, item = task
    return fn(_WORKER_SHARED[0], item)


def parallel_map_with(fn: Callable[[S, T], R], shared: S, items: Sequence[T], parallel: bool) -> list[R]:
    """``[fn(shared, x) for x in items]``, one item per worker at a time when ``parallel``.

    ``shared`` (a large object such as a corpus) goes to each worker once, as the argument of the pool's
    initializer: forked workers inherit it instead of receiving a pickled copy with every item.
    """
    return list(parallel_imap_with(fn, shared, items, parallel))


def parallel_imap_with(fn: Callable[[S, T], R], shared: S, items: Sequence[T], parallel: bool) -> Iterator[R]:
    """:func:`parallel_map_with` as an iterator: each result in input order as soon as it and those before it
    are done, so that the caller can work on the first results while the workers compute the rest."""
    n = min(workers(), len(items))
    if not _pool(n, parallel):
        yield from (fn(shared, x) for x in items)
        return
    with (
        _frozen(),
        ProcessPoolExecutor(
            max_workers=n, mp_context=multiprocessing.get_context("fork"), initializer=_receive, initargs=(shared,)
        ) as pool,
    ):
        yield from pool.map(_call_with_shared, [(fn, x) for x in items], chunksize=1)
