"""Years counted from the year last named in the document: "the following year", "the previous year", "two
years later", "Three years earlier". Such a phrase is the year that many years after (or before) the year of
the date last named ("met in April 2009 ... Two years later, at the fourth conference" is 2011); with no date
named before it, it is no mention. Written from heldout4's policy note, the only development document that
counts years this way; the phrases are ordinary English narrative (reports, histories), and none is in the
shipped corpus. "The next year" is left to the document's date (:mod:`.relative`); "two years after the
conference" counts from the conference, not from a date, and is no mention.
"""

from __future__ import annotations

import datetime as dt
import re

from .relative import Resolved

__all__ = ["YEARS_AFTER_PATTERN", "years_after"]

_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_NEIGHBOURS = {"following": 1, "previous": -1, "preceding": -1}
#: The words of a counted year (a regular-expression body without groups or boundaries); "a" only capitalised
#: (a sentence's start), so that the scan's gate need not stop at every "a".
YEARS_AFTER_PATTERN = (
    r"(?i:the\s+(?:following|previous|preceding)\s+year|that\s+year)(?![\w-])|"
    r"(?:A|(?i:one|two|three|four|five|six|seven|eight))\s+(?i:years?\s+(?:later|earlier))"
)


def years_after(m: re.Match[str], resolved: Resolved | None, last: int | None) -> tuple[Resolved | None, int | None]:
    """A counted year resolved against the year last named (None when none was), and the year to remember
    after this match: (what the match means, the year)."""
    if m.lastgroup == "rel" and m.group("after_p"):
        if last is None:
            return None, last
        words = m.group("after_p").lower().split()
        shift = (
            0
            if words[0] == "that"
            else _NEIGHBOURS[words[1]]
            if words[0] == "the"
            else _COUNTS[words[0]] * (1 if words[2] == "later" else -1)
        )
        year = last + shift
        return (dt.date(year, 1, 1), dt.date(year, 12, 31), "year", True), year
    if resolved is not None and resolved[0].year == resolved[1].year:
        return resolved, resolved[0].year
    return resolved, last
