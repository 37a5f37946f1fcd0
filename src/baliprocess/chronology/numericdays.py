"""A day and a month written in figures without a year: after a weekday, in brackets or not ("Selasa (14/4)",
"Minggu malam (5/8)", "Friday (25/03)", "by COB Friday 9/12"), or in brackets after the relative words it restates
("last week (23-24/04)", "kemarin (5/8)", "the following day (7/8)"), a single day or a range of days of one month.
The grammar places :data:`NUMERIC_DAY` in those two places (its ``wd`` and ``rel`` forms); the figures are read in
the document's order (day first unless its front matter says ``month_first``), and the year is the one that puts
the day nearest the document's date (a note of 2 January that names "Rabu (28/12)" means the December before).

Written from the family's instances across the development sets (tests/dev/dates10): eleven such days without a
year in five sets (heldout2, heldout4, heldout6, heldout7, heldout8), every one annotated as a date; nine stood in
brackets after a weekday, the form read before, and heldout8 wrote the two others ("Friday 9/12", "last week
(23-24/04)"). Figures alone are never read as a day: "1/2" and "2/2" are the page numbers of printed pages
(heldout5, heldout8 annotate them as not-dates), "2/3" may be a share, and a year or a month is not restated by
days ("last year (2/3)").
"""

from __future__ import annotations

import datetime as dt
import re

from .relative import Resolved

__all__ = ["NUMERIC_DAY", "numeric_day"]

_N = r"(?:0?[1-9]|[12]\d|3[01])"
#: A day (or a range of days) and a month, and perhaps a year, in figures (a regular-expression body without
#: groups): "14/4", "23-24/04", "25.03", "9/12/2022".
NUMERIC_DAY = rf"{_N}(?:[-–]{_N}(?=[/.]))?[/.-]{_N}(?:[/.-](?:19|20)\d\d)?(?![\d/.-]?\d)"
_PARSE = re.compile(r"(\d+)(?:[-–](\d+))?[/.-](\d+)(?:[/.-](\d{4}))?")


def _nearest(doc_date: dt.date, month: int, day: int) -> dt.date:
    """The date of ``day`` and ``month`` nearest ``doc_date`` (in its year, the year before or the year after)."""
    found = []
    for year in (doc_date.year - 1, doc_date.year, doc_date.year + 1):
        try:
            found.append(dt.date(year, month, day))
        except ValueError:  # 29 February
            continue
    if not found:
        raise ValueError(f"no day {day} in month {month}")
    return min(found, key=lambda d: abs((d - doc_date).days))


def numeric_day(text: str, doc_date: dt.date | None, day_first: bool = True) -> Resolved | None:
    """The day or days ``text`` (a match of :data:`NUMERIC_DAY`) names, in the document's order of figures;
    without a year, the one nearest the document's date (None without a document date or for an impossible day;
    a range of days is read day first only)."""
    parsed = _PARSE.match(text)
    if parsed is None:
        return None
    a, a2, b, year = parsed.groups()
    if a2 and not day_first:
        return None
    day, month = (int(a), int(b)) if day_first else (int(b), int(a))
    try:
        if year:
            start = dt.date(int(year), month, day)
        elif doc_date is None:
            return None
        else:
            start = _nearest(doc_date, month, day)
        end = start.replace(day=int(a2)) if a2 else start
    except ValueError:
        return None
    return (start, end, "day", not year) if end >= start else None
