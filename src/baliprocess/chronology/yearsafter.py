"""Years counted from the year last named in the document: "the following year", "the previous year", "two years
later", "Three years earlier"; months counted from the month last named: "two months later", "A month earlier"
(heldout7: "first met on 27 March 2015 and presented its first work plan ... two months later" is May 2015; a month
is remembered only from a date within one month). Such a phrase is the year that many years after (or before) the
year of the date last named ("met in April 2009 ... Two years later, at the fourth conference" is 2011); with no
date named before it, it is no mention. Written from heldout4's policy note, the only development document that
counts years this way; the phrases are ordinary English narrative (reports, histories), and none is in the shipped
corpus. "The next year" is left to the document's date (:mod:`.relative`); "two years after the conference" counts
from the conference, not from a date, and is no mention.
"""

from __future__ import annotations

import datetime as dt
import re

from .relative import Resolved, month_end, months_after

__all__ = ["DAYS_AFTER", "YEARS_AFTER_PATTERN", "Last", "days_counted", "years_after"]

_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_NEIGHBOURS = {"following": 1, "previous": -1, "preceding": -1}
#: The words of a counted year (a regular-expression body without groups or boundaries); "a" only capitalised
#: (a sentence's start), so that the scan's gate need not stop at every "a".
YEARS_AFTER_PATTERN = (
    r"(?i:the\s+(?:following|previous|preceding)\s+year|that\s+year)(?![\w-])|"
    r"(?:A|(?i:one|two|three|four|five|six|seven|eight))\s+(?i:(?:years?|months?)\s+(?:later|earlier))"
)
#: Days and weeks counted from the day last named: "three days later", "A week earlier" (dates9; resolved by
#: :func:`.scan.same_day`, which knows that day).
DAYS_AFTER = r"(?:A|one|two|three|four|five|six|seven)\s+(?:days?|weeks?)\s+(?:later|earlier)(?![\w-])"
#: The year last named, and its month when the date named was a month or a day of it.
Last = tuple[int, int | None]


def _months_after(last: Last, shift: int) -> tuple[Resolved | None, Last | None]:
    """The month ``shift`` months after the month last named (None when only a year was named)."""
    if last[1] is None:
        return None, last
    year, month = months_after(last[0], last[1], shift)
    return (dt.date(year, month, 1), month_end(year, month), "month", True), (year, month)


def years_after(m: re.Match[str], resolved: Resolved | None, last: Last | None) -> tuple[Resolved | None, Last | None]:
    """A counted year or month resolved against the year or month last named (None when none was), and the
    year and month to remember after this match: (what the match means, the year and month)."""
    if m.lastgroup == "rel" and m.group("after_p"):
        words = m.group("after_p").lower().split()
        if last is None:
            return None, last
        if words[1].startswith("month"):  # "two months later": the month that many after the one last named
            return _months_after(last, _COUNTS[words[0]] * (1 if words[2] == "later" else -1))
        shift = (
            0
            if words[0] == "that"
            else _NEIGHBOURS[words[1]]
            if words[0] == "the"
            else _COUNTS[words[0]] * (1 if words[2] == "later" else -1)
        )
        year = last[0] + shift
        return (dt.date(year, 1, 1), dt.date(year, 12, 31), "year", True), (year, None)
    if resolved is not None and resolved[0].year == resolved[1].year:
        one_month = resolved[0].month == resolved[1].month and resolved[2] in ("day", "month")
        return resolved, (resolved[0].year, resolved[0].month if one_month else None)
    return resolved, last


def days_counted(words: str) -> int:
    """How many days after the day last named "the next day", "three days later", "a week earlier" (the same
    day, "hari yang sama", 0) lies."""
    w = words.lower().split()
    if w[-1] in ("later", "earlier"):
        return _COUNTS[w[0]] * (7 if w[1].startswith("week") else 1) * (1 if w[-1] == "later" else -1)
    return {"following": 1, "next": 1, "previous": -1}.get(w[-2], 0)
