"""Scan many paragraphs with one compiled pattern: join them, scan the joined text once, and map every hit
back to its paragraph and its offset there (a few array look-ups instead of one scan per paragraph).

Used by the date extractor (:mod:`baliprocess.chronology.scan`) and the theme coder
(:mod:`baliprocess.themes.coder`). The separator must be text no match can span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import numpy as np

__all__ = ["scan_joined"]

T = TypeVar("T")


def _match(m: re.Match[str]) -> re.Match[str]:
    return m


def scan_joined(
    texts: Sequence[str],
    find: Callable[[str], Iterable[re.Match[str]]],
    separator: str,
    keep: Callable[[re.Match[str]], T] = _match,  # type: ignore[assignment]
) -> tuple[list[T], np.ndarray, np.ndarray]:
    """Run ``find`` over ``texts`` joined by ``separator``.

    Returns ``keep(match)`` for every match in order of position (by default the match itself; keep less
    when there are many: a match of a pattern with many groups is large), the index in ``texts`` of each
    match, and each match's character offset within its text.
    """
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths + len(separator))[:-1])) if len(texts) else lengths
    kept: list[T] = []
    found: list[int] = []
    for m in find(separator.join(texts)):
        found.append(m.start())
        kept.append(keep(m))
    positions = np.array(found, dtype=np.int64)
    rows = np.searchsorted(starts, positions, side="right") - 1
    return kept, rows, positions - starts[rows]
