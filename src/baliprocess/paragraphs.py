"""Split a document's cleaned lines into paragraphs (:func:`split_paragraphs`).

Blank lines end a paragraph; numbered paragraphs, bullet items and Markdown headings start one; soft-wrapped
lines are joined, and a block hard-wrapped at a fixed width (text copied from a PDF) is re-flowed.
"""

from __future__ import annotations

import itertools
import re

__all__ = [
    "BULLET_RE",
    "HEADING_RE",
    "NUMBERED_RE",
    "WRAP_MAX_WIDTH",
    "WRAP_MIN_LINES",
    "WRAP_MIN_WIDTH",
    "WRAP_SHARE",
    "split_paragraphs",
]

NUMBERED_RE = re.compile(r"^(\d{1,3})\.\s+\S")
BULLET_RE = re.compile(r"^(?:[•·▪◦*]|-(?=\s))\s*\S")
HEADING_RE = re.compile(r"^#{1,6}\s+(?=\S)")
#: A block is hard-wrapped (a PDF copy) when it has WRAP_MIN_LINES lines or more, its widest line has WRAP_MIN_WIDTH
#: to WRAP_MAX_WIDTH characters, two thirds of its lines (but the last) reach WRAP_SHARE of that width, and most
#: of those end no sentence (one line per paragraph gives wider, more varied lines ending in a full stop).
WRAP_MIN_LINES, WRAP_MIN_WIDTH, WRAP_MAX_WIDTH, WRAP_SHARE = 3, 40, 120, 0.8
_SENTENCE_END = (".", "!", "?", ":", ";", '."', ".'", '?"', '!"')


def _starts_item(line: str) -> bool:
    """Whether ``line`` starts a paragraph of its own: a numbered paragraph, a bullet item, a heading or a
    Markdown table row ("| Fiji | Member |")."""
    return bool(NUMBERED_RE.match(line) or BULLET_RE.match(line) or HEADING_RE.match(line) or line.startswith("|"))


#: Words that end no sentence and no heading (prepositions, articles, conjunctions; English and Indonesian): a
#: line ending in one runs on ("... closed on" / "Wednesday 13 March.", "from 26 to" / "28 February").
_OPEN_END = frozenset(
    "on in at of to from by for with the a an and or between until since during than "
    "pada di ke dari dan yang oleh hingga sampai untuk sejak antara".split()
)


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` is a soft-wrapped continuation of ``previous`` within one block: it begins in lower
    case, or the previous line ends in a comma or in a word that ends no sentence."""
    if _starts_item(line) or HEADING_RE.match(previous):
        return False
    return line[:1].islower() or previous.endswith(",") or previous.rsplit(" ", 1)[-1] in _OPEN_END


def _wrap_width(block: list[str]) -> int | None:
    """The fixed width a block of lines was hard-wrapped at, or None if it does not look wrapped."""
    if len(block) < WRAP_MIN_LINES:
        return None
    width = max(len(line) for line in block)
    body = block[:-1]
    long = [line for line in body if len(line) >= WRAP_SHARE * width]
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH or 3 * len(long) < 2 * len(body):
        return None
    open_ended = sum(1 for line in long if not line.endswith(_SENTENCE_END))
    return width if 2 * open_ended > len(long) else None


def _blocks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines (whitespace collapsed), split at blank lines."""
    collapsed = [(number, " ".join(raw.split())) for number, raw in lines]
    return [list(run) for filled, run in itertools.groupby(collapsed, key=lambda t: bool(t[1])) if filled]


def split_paragraphs(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Group numbered lines into paragraphs; return (first line number, text) pairs.

    Blank lines end a paragraph. Inside a block a numbered paragraph ("17. ..."), a bullet item or a
    Markdown table row starts a new paragraph, a Markdown heading ("## ...") is a paragraph of its own, a line that
    begins in lower case (or follows a comma, or a preposition, article or conjunction: "held on" / "Monday")
    continues the previous one, and any other line break also
    starts a new paragraph. A hard-wrapped block (see :func:`_wrap_width`) is re-flowed instead: a line
    continues the previous one whenever that one reached the wrap width. Only whitespace is changed:
    the words come out complete and in order.
    """
    paragraphs: list[tuple[int, list[str]]] = []
    for block in _blocks(lines):
        width = _wrap_width([line for _, line in block])
        previous = ""
        for number, line in block:
            wrapped = (
                width is not None
                and len(previous) >= WRAP_SHARE * width
                and not _starts_item(line)
                and not HEADING_RE.match(previous)
            )
            if previous and (wrapped or _continues(previous, line)):
                paragraphs[-1][1].append(line)
            else:
                paragraphs.append((number, [line]))
            previous = line
    return [(number, " ".join(parts)) for number, parts in paragraphs]
