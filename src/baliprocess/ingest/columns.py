"""A PDF page's lines in reading order: column by column, each line whole (issue 17, helper ``pagebreaks9``).

pdfminer.six groups characters into line fragments and fragments into text boxes, then orders the boxes by a
heuristic. Two failures of that order garbled the two-column sheets of the development sets (heldout3's and
heldout6's lists, family P1 of ``tests/dev/lists8``; heldout4, heldout5 and heldout7 had the same): a
justified line whose word gaps are wide is cut into fragments that land in other boxes, out of order
("4 Member the Organisations, the International latter being"), and a right column's box is read before the
left column's ("... over 25–26" then the page's first right-column line). Here a page's fragments are:

- split by a **gutter**, a vertical band that no text line of the body crosses, when at least
  :data:`MIN_COLUMN_LINES` fragments lie on each side, side by side (their heights overlap) and each side's
  lines are text lines (:data:`MIN_COLUMN_CHARS` characters or more on the median line), not a table's cells;
- read column by column: lines that cross the gutter (a title, a full-width heading, a footer) cut the page
  into bands, read from the top; within a band the left column top to bottom, then the right one;
- joined on a line: fragments on one baseline with a gap of at most :data:`MERGE_GAP` type sizes are one line.

At a page or column break a paragraph goes on (:func:`break_ends_paragraph`) unless the line before the break
ends a sentence (``.``, ``!``, ``?``) or is a short line left at a column's foot (a heading: "Secondments",
"About the working group", "New resources" in heldout2, heldout3, heldout5 and heldout6 were read into the
next column's first paragraph) and the next line does not start in lower case; a comma, colon or semicolon
before the break continues the sentence, and so the list, on the next page.

A column may hold two columns itself (a page in three). A page or column without a gutter is read from the top
down when the fragments on each baseline make one line (a justified line in pieces); else (a running header's
halves far apart on their baseline) it keeps pdfminer's order, only neighbouring fragments on a baseline joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["Fragment", "break_ends_paragraph", "find_gutter", "join_fragments", "reading_order"]

#: Fragments on each side of a gutter for a page to be read as two columns (a column may end a document
#: after two lines); fewer fragments cross the gutter than lie on either side.
MIN_COLUMN_LINES = 2
#: The median line on each side (its fragments joined) holds at least this many characters (a table's cells
#: hold fewer).
MIN_COLUMN_CHARS = 25
#: The narrowest gutter (points) and where its left edge may lie (share of the page's width).
MIN_GUTTER = 8.0
GUTTER_RANGE = (0.3, 0.7)
#: Fragments on one baseline are one line when the gap between them is at most this many type sizes
#: (a justified line's widest word space; a running header's left and right halves lie much further apart).
MERGE_GAP = 2.0
#: A line at a column's foot shorter than this share of the page's widest line, without a comma, colon or
#: semicolon or an open word (``_GOES_ON``) at its end, is a heading (a body line there runs the column's full width).
SHORT_LINE = 0.6

_FULL_STOP = re.compile(r"[.!?][\"”’)\]]*$")
#: A line ending in a comma, colon or semicolon, or in a word that cannot end a heading (a conjunction, an
#: article, a preposition; English and Indonesian), goes on after a break however short it is.
_GOES_ON = re.compile(
    r"(?:[,:;]|\b(?:and|or|the|of|for|from|with|to|in|a|an|by|dan|atau|dari|dengan|di|ke|yang))$", re.I
)


@dataclass(frozen=True)
class Fragment:
    """A line or a piece of one as pdfminer reads it: text, type size, left and right edge, top and bottom."""

    text: str
    size: float
    x0: float
    x1: float
    top: float
    bottom: float


def _median(values: list[int]) -> int:
    return sorted(values)[len(values) // 2]


def _is_column(side: list[Fragment]) -> bool:
    lines = join_fragments(_top_down(side))
    return len(lines) >= MIN_COLUMN_LINES and _median([len(f.text) for f in lines]) >= MIN_COLUMN_CHARS


def find_gutter(fragments: list[Fragment], x_lo: float, x_hi: float) -> float | None:
    """The x of the gutter (its left edge) of the fragments lying between ``x_lo`` and ``x_hi``, or None for
    one column. Of the candidate left edges (the right ends of fragments in :data:`GUTTER_RANGE` of that
    width), the one crossed by the fewest fragments."""
    best: tuple[int, float] | None = None
    low, high = (x_lo + share * (x_hi - x_lo) for share in GUTTER_RANGE)
    for x in sorted({f.x1 for f in fragments if low <= f.x1 <= high}):
        left = [f for f in fragments if f.x1 <= x]
        right = [f for f in fragments if f.x0 >= x + MIN_GUTTER]
        crossing = len(fragments) - len(left) - len(right)
        if crossing >= min(len(left), len(right)) or not (_is_column(left) and _is_column(right)):
            continue  # most lines run across (one column with a few short lines), or a table's cells
        if min(f.bottom for f in left) > max(f.top for f in right) or min(f.bottom for f in right) > max(
            f.top for f in left
        ):
            continue  # one above the other: not side by side
        if best is None or crossing < best[0]:
            best = (crossing, x)
    return None if best is None else best[1]


def _same_line(a: Fragment, b: Fragment) -> bool:
    size = max(a.size, b.size)
    return abs(a.bottom - b.bottom) <= 0.3 * size and -1.0 <= b.x0 - a.x1 <= MERGE_GAP * size


def join_fragments(fragments: list[Fragment]) -> list[Fragment]:
    """Consecutive fragments on one baseline, close together, as one line (text joined by a space, the
    first fragment's size)."""
    lines: list[Fragment] = []
    for f in fragments:
        if lines and _same_line(lines[-1], f):
            a = lines[-1]
            lines[-1] = Fragment(f"{a.text} {f.text}", a.size, a.x0, f.x1, max(a.top, f.top), a.bottom)
        else:
            lines.append(f)
    return lines


def _top_down(fragments: list[Fragment]) -> list[Fragment]:
    return sorted(fragments, key=lambda f: (-round(f.bottom, 0), f.x0))


def _one_line_per_baseline(fragments: list[Fragment]) -> bool:
    """Whether the fragments on each baseline lie close enough together to be one line (no gutter, no
    running header's far halves), so that reading them from the top down cannot mix two columns."""
    ordered = _top_down(fragments)
    return all(not (abs(a.bottom - b.bottom) <= 0.3 * a.size) or _same_line(a, b) for a, b in pairwise(ordered))


def reading_order(fragments: list[Fragment], x_lo: float, x_hi: float) -> list[Fragment]:
    """The lines of ``fragments`` (in pdfminer's order, lying between ``x_lo`` and ``x_hi``) in reading order:
    see the module's docstring. A column may itself hold two (a page in three columns)."""
    gutter = find_gutter(fragments, x_lo, x_hi)
    if gutter is None:
        return join_fragments(_top_down(fragments) if _one_line_per_baseline(fragments) else fragments)
    left = [f for f in fragments if f.x1 <= gutter]
    right = [f for f in fragments if f.x0 >= gutter + MIN_GUTTER]
    spans = _top_down([f for f in fragments if f.x1 > gutter and f.x0 < gutter + MIN_GUTTER])

    def band(f: Fragment) -> int:
        return sum(s.bottom > f.top for s in spans)

    ordered: list[Fragment] = []
    for k in range(len(spans) + 1):
        ordered += reading_order([f for f in left if band(f) == k], x_lo, gutter)
        ordered += reading_order([f for f in right if band(f) == k], gutter + MIN_GUTTER, x_hi)
        ordered += spans[k : k + 1]
    return ordered


def break_ends_paragraph(previous: str, line: str, full: float) -> bool:
    """Whether ``line``, the first after a page or column break, starts a new paragraph after ``previous``,
    the last line before it (``full``: the widest line of ``previous``'s page, in characters)."""
    if line[:1].islower():
        return False
    if _FULL_STOP.search(previous):
        return True
    return len(previous) < SHORT_LINE * full and not _GOES_ON.search(previous)
