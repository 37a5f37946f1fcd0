"""Scan many paragraphs with one compiled pattern: join them, scan the joined text once, and map every hit
back to its paragraph and its offset there (a few array look-ups instead of one scan per paragraph).

Used by the date extractor (:mod:`baliprocess.chronology.scan`) and the theme coder
(:mod:`baliprocess.themes.coder`). The separator must be text no match can span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np

__all__ = ["scan_joined"]


def scan_joined(
    texts: Sequence[str], find: Callable[[str], Iterable[re.Match[str]]], separator: str
) -> tuple[list[re.Match[str]], np.ndarray, np.ndarray]:
    """Run ``find`` over ``texts`` joined by ``separator``.

    Returns the matches in order of position, the index in ``texts`` of each match, and each match's
    character offset within its text.
    """
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths + len(separator))[:-1])) if len(texts) else lengths
    matches = list(find(separator.join(texts)))
    positions = np.fromiter((m.start() for m in matches), dtype=np.int64, count=len(matches))
    rows = np.searchsorted(starts, positions, side="right") - 1
    return matches, rows, positions - starts[rows]
