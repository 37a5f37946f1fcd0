"""Spread independent work over the machine's cores, for large corpora only.

Small inputs (every notebook, every test corpus) run serially in the calling process; large ones go to
a pool of forked worker processes. Results always come back in input order, so the output does not
depend on how the work was split.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

__all__ = ["parallel_imap_with", "parallel_map", "parallel_map_with", "workers"]

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")


def workers() -> int:
    """Worker processes to use: the cores this process may run on (``BALIPROCESS_WORKERS`` overrides)."""
    env = os.environ.get("BALIPROCESS_WORKERS")
    if env:
        return max(1, int(env))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _pool(n: int, parallel: bool) -> bool:
    return parallel and n >= 2 and "fork" in multiprocessing.get_all_start_methods()


def parallel_map(fn: Callable[[T], R], items: Sequence[T], parallel: bool, chunksize: int = 0) -> list[R]:
    """``[fn(x) for x in items]``, in forked worker processes when ``parallel`` (the input is large).

    ``chunksize`` 0 means a quarter of each worker's share; 1 hands out items one at a time.
    """
    n = min(workers(), len(items))
    if not _pool(n, parallel):
        return [fn(x) for x in items]
    chunk = chunksize or max(1, len(items) // (n * 4))
    with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(fn, items, chunksize=chunk))


# Set only inside a forked worker, by the pool's initializer, for the life of that worker process.
_WORKER_SHARED: list[Any] = []


def _receive(shared: object) -> None:
    _WORKER_SHARED[:] = [shared]


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
    with ProcessPoolExecutor(
        max_workers=n, mp_context=multiprocessing.get_context("fork"), initializer=_receive, initargs=(shared,)
    ) as pool:
        yield from pool.map(_call_with_shared, [(fn, x) for x in items], chunksize=1)
