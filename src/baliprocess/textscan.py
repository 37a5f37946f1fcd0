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
    dedupe: bool = False,
) -> tuple[list[T], np.ndarray, np.ndarray]:
    """Run ``find`` over ``texts`` joined by ``separator``.

    Returns ``keep(match)`` for every match in order of position (by default the match itself; keep less
    when there are many: a match of a pattern with many groups is large), the index in ``texts`` of each
    match, and each match's character offset within its text.

    With ``dedupe`` each distinct text is scanned once and its hits are repeated for every copy of it (the
    same result when ``find`` reads each text on its own, as it must; a kept value is then shared by the
    copies, so keep plain values, not match objects).
    """
    if dedupe:
        return _scan_distinct(texts, find, separator, keep)
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


def _scan_distinct(
    texts: Sequence[str],
    find: Callable[[str], Iterable[re.Match[str]]],
    separator: str,
    keep: Callable[[re.Match[str]], T],
) -> tuple[list[T], np.ndarray, np.ndarray]:
    """:func:`scan_joined` scanning each distinct text once (see its ``dedupe``)."""
    first: dict[str, int] = {}
    codes = np.fromiter((first.setdefault(t, len(first)) for t in texts), dtype=np.int64, count=len(texts))
    if len(first) == len(texts):
        return scan_joined(texts, find, separator, keep)
    kept, rows, offsets = scan_joined(list(first), find, separator, keep)
    order = np.argsort(rows, kind="stable")  # hits grouped by distinct text, in order of position within it
    bounds = np.searchsorted(rows[order], np.arange(len(first) + 1), side="left")
    counts = (bounds[1:] - bounds[:-1])[codes]
    out_rows = np.repeat(np.arange(len(texts), dtype=np.int64), counts)
    starts = np.repeat(bounds[:-1][codes], counts)
    within = np.arange(len(out_rows), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    hits = order[starts + within]
    return [kept[h] for h in hits.tolist()], out_rows, offsets[hits]
