"""Spread independent work over the machine's cores, for large corpora only.

Small inputs (every notebook, every test corpus) run serially in the calling process; large ones go to
a pool of forked worker processes. Results always come back in input
order, so the output does not depend on how the work was split.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

__all__ = ["parallel_map", "workers"]

T = TypeVar("T")
R = TypeVar("R")


def workers() -> int:
    """Worker processes to use: the cores this process may run on (``BALIPROCESS_WORKERS`` overrides)."""
    env = os.environ.get("BALIPROCESS_WORKERS")
    if env:
        return max(1, int(env))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def parallel_map(fn: Callable[[T], R], items: Sequence[T], parallel: bool, chunksize: int = 0) -> list[R]:
    """``[fn(x) for x in items]``, in forked worker processes when ``parallel`` (the input is large).

    ``chunksize`` 0 means a quarter of each worker's share; 1 hands out items one at a time.
    """
    n = min(workers(), len(items))
    if not parallel or n < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(x) for x in items]
    chunk = chunksize or max(1, len(items) // (n * 4))
    with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(fn, items, chunksize=chunk))
