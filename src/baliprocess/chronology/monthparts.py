"""Parts of a month: "mid-October 2017", "late last October", "early March", "the end of May 2016", "the end of
this month", "akhir bulan ini" (the end of this month), "awal Maret 2016" (early March 2016). A part of a month
is a third of it, as a part of a year is a third of the year (:mod:`.relative`): early the 1st to the 10th, mid
the 11th to the 20th, late the 21st to the month's end. A week of a month is seven days: "the first week of
March" its 1st to 7th, "the last week of May" its last seven (read before as "last week", the document's week).

Written from heldout7 (four of its fifteen missed dates, each read before as the whole month or as "bulan ini"),
the first development set whose documents place a date within a month this way; no other development set or the
shipped corpus has the form. A month without a year takes it as a bare month does (:func:`.baremonths.month_year`:
"late last October" is the October before the document's month); "this month", "next month", "last month",
"bulan ini", "bulan depan", "bulan lalu" are the document's month or its neighbours. Everything is marked
``inferred`` unless a year is written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..datevocab import INDONESIAN_MONTH_NAMES, MONTH_NAME_PATTERN, MONTH_NUMBERS
from .baremonths import month_year
from .relative import ORDINALS, PART_WORDS, Resolved, months_after

__all__ = ["MONTH_PART_PATTERN", "resolve_month_part"]

_MONTHS = "|".join(dict.fromkeys([*MONTH_NAME_PATTERN.split("|"), *INDONESIAN_MONTH_NAMES]))
_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_SHIFTS = {"this": 0, "the": 0, "ini": 0, "next": 1, "depan": 1, "last": -1, "lalu": -1}
#: The words of a part of a month (a regular-expression body; its groups are named ``pm_``).
MONTH_PART_PATTERN = (
    r"(?:(?P<pm_p>(?i:early|mid|late))[-\s]+|(?:(?i:the)\s+)?(?P<pm_w>(?i:start|beginning|middle|end))\s+of\s+|"
    r"(?i:the)\s+(?P<pm_k>(?i:first|second|third|fourth|last|final))\s+week\s+of\s+|(?P<pm_i>(?i:awal|pertengahan|akhir))\s+)"
    rf"(?:(?P<pm_r>(?i:last|next))\s+)?(?:(?P<pm_m>{_MONTHS})\b(?![\w'’-])(?:,?\s+(?P<pm_y>(?:19|20)\d\d)\b|(?![,\s]*\d))|"
    r"(?P<pm_u>(?i:the|this|next|last))\s+month\b|bulan\s+(?P<pm_b>ini|lalu|depan)\b)"
)


def _days(m: re.Match[str], length: int) -> tuple[int, int]:
    """The first and last day of the part of a month of ``length`` days that ``m`` names."""
    if m.group("pm_k"):
        # the first week is the 1st to 7th, ... the fourth the 22nd to 28th, the last (-1) the last seven days
        week = ORDINALS[m.group("pm_k").lower()]
        return (length - 6, length) if week == -1 else (7 * week - 6, 7 * week)
    first, last = _THIRDS[PART_WORDS[(m.group("pm_p") or m.group("pm_w") or m.group("pm_i")).lower()]]
    return first, min(last, length)


def resolve_month_part(m: re.Match[str], doc_date: dt.date | None) -> Resolved | None:
    """The days of the part of a month ``m`` names (None when its month needs a document date there is none
    of)."""
    if m.group("pm_m") and m.group("pm_y"):
        year, month, inferred = int(m.group("pm_y")), MONTH_NUMBERS[m.group("pm_m").lower()], False
    elif doc_date is None:
        return None
    elif m.group("pm_m"):
        month, inferred = MONTH_NUMBERS[m.group("pm_m").lower()], True
        year = month_year(m, month, (m.group("pm_r") or "").lower(), doc_date)
    else:
        shift = _SHIFTS[(m.group("pm_u") or m.group("pm_b")).lower()]
        (year, month), inferred = months_after(doc_date.year, doc_date.month, shift), True
    first, last = _days(m, calendar.monthrange(year, month)[1])
    return dt.date(year, month, first), dt.date(year, month, last), "day", inferred
