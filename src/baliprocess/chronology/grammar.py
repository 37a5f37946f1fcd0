"""The date grammar: one compiled pattern (:data:`DATE_RE`) for every written form of a date, and the
resolution of a match to an interval ``(start, end, precision, inferred)``.

Dates are intervals, never guesses. A date written without a year takes the year of its document and is
marked ``inferred``; so are relative dates ("tomorrow", "earlier this year"), resolved against the
document date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import numpy as np
import pandas as pd

from ..datevocab import MONTH_ABBREVIATION_PATTERN, MONTH_NAME_PATTERN, MONTH_NUMBERS

__all__ = ["DATE_RE", "MENTION_COLUMNS", "PRECISIONS"]

PRECISIONS = ("day", "month", "season", "year")
MENTION_COLUMNS = ["doc_id", "paragraph_id", "text", "start", "end", "precision", "inferred"]
# Month names are matched capitalised only ("May 2004", never the verb "may"); abbreviations may end in ".".
_MONTH = rf"\b(?:{MONTH_NAME_PATTERN}|(?:{MONTH_ABBREVIATION_PATTERN})\.?)"
_DAY = r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)(?:st|nd|rd|th)?"
_YEAR = r"(?<!\d)(?:19|20)\d\d(?!\d)"
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|and|until)\s+)"
_YEAR_TO = r"(?:\s*[-–—]\s*|\s+to\s+)"
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": -1,
    "final": -1,
}
_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_FORMS = [
    # 28 February - 2 March 2002 / 28 February to 2 March
    (
        "dmdm",
        rf"(?P<dmdm_d1>{_DAY})\s+(?P<dmdm_m1>{_MONTH}){_TO}(?P<dmdm_d2>{_DAY})\s+(?P<dmdm_m2>{_MONTH})"
        rf"(?:,?\s+(?P<dmdm_y>{_YEAR}))?",
    ),
    # February 28 - March 2, 2002
    (
        "mdmd",
        rf"(?P<mdmd_m1>{_MONTH})\s+(?P<mdmd_d1>{_DAY}){_TO}(?P<mdmd_m2>{_MONTH})\s+(?P<mdmd_d2>{_DAY})"
        rf"(?:,?\s+(?P<mdmd_y>{_YEAR}))?",
    ),
    # 26-28 February [2002] / 7 to 8 June 2004 / 07 - 08 June 2004
    ("ddm", rf"(?P<ddm_d1>{_DAY}){_TO}(?P<ddm_d2>{_DAY})\s+(?:of\s+)?(?P<ddm_m>{_MONTH})(?:,?\s+(?P<ddm_y>{_YEAR}))?"),
    # February 27-28, 2002
    ("mdd", rf"(?P<mdd_m>{_MONTH})\s+(?P<mdd_d1>{_DAY}){_TO}(?P<mdd_d2>{_DAY})(?:,?\s+(?P<mdd_y>{_YEAR}))?"),
    # 7 August 2018 / the 22nd of March 2016 / 23 March
    ("dm", rf"(?P<dm_d>{_DAY})\s+(?:of\s+)?(?P<dm_m>{_MONTH})(?:,?\s+(?P<dm_y>{_YEAR}))?"),
    # August 7, 2018 / August 7
    ("md", rf"(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY})\b(?:,?\s+(?P<md_y>{_YEAR}))?"),
    # 2018-08-07
    ("iso", rf"\b(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d)\b"),
    # April 2003 / April, 2003
    ("my", rf"(?P<my_m>{_MONTH}),?\s+(?P<my_y>{_YEAR})\b"),
    # early / mid / late 2004, mid-2004
    ("part", rf"\b(?P<part_p>(?i:early|mid|late))[-\s]+(?P<part_y>{_YEAR})\b"),
    # the second half of 2004 / the first quarter of 2005
    (
        "frac",
        rf"(?:\b(?i:the)\s+)?\b(?P<frac_o>(?i:first|1st|second|2nd|third|3rd|fourth|4th|last|final))\s+"
        rf"(?P<frac_u>(?i:half|quarter))\s+of\s+(?P<frac_y>{_YEAR})\b",
    ),
    # 2020–2025 / 2015-17 / 2020 to 2025
    ("yy", rf"(?<![\d.,/])(?P<yy_y1>{_YEAR}){_YEAR_TO}(?P<yy_y2>{_YEAR}|\d\d)\b(?![-–]\d)"),
    # a bare year: "established in 2002" (not a count such as "2,002" or part of "2002.5")
    ("y", rf"(?<![\d.,$£€-])\b(?P<y_y>{_YEAR})\b(?![.,]\d|%|-\d)"),
    # relative to the document date
    (
        "rel",
        r"\b(?P<rel_p>(?i:earlier\s+this\s+(?:year|month)|later\s+this\s+(?:year|month)|"
        r"(?:this|last|next)\s+(?:year|month|week)|tomorrow|yesterday|today))\b",
    ),
]
# Every form starts at a digit, a capital, or a word beginning as below; the look-ahead gate lets the
# engine reject every other position at once (a tenfold speed-up, same matches).
_GATE = r"(?=\d|\b(?:[A-Z]|the\s|earl|lat|las|mid|fi|fo|sec|thi|nex|yes|tod|tom))"
DATE_RE = re.compile(_GATE + "(?:" + "|".join(f"(?P<{name}>{body})" for name, body in _FORMS) + ")")


def _month(token: str) -> int:
    return MONTH_NUMBERS[token.rstrip(".").lower()]


def _day(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _resolve(m: re.Match[str], doc_date: dt.date | None) -> tuple[dt.date, dt.date, str, bool] | None:
    """The interval ``(start, end, precision, inferred)`` a match means, or None if impossible."""
    g = m.groupdict()
    kind = m.lastgroup
    inferred = False

    def year(key: str) -> int | None:
        nonlocal inferred
        if g[key]:
            return int(g[key])
        if doc_date is None:
            return None
        inferred = True
        return doc_date.year

    try:
        if kind in ("dmdm", "mdmd"):
            y = year(f"{kind}_y")
            if y is None:
                return None
            start = dt.date(y, _month(g[f"{kind}_m1"]), _day(g[f"{kind}_d1"]))
            end = dt.date(y, _month(g[f"{kind}_m2"]), _day(g[f"{kind}_d2"]))
            precision = "day"
        elif kind in ("ddm", "mdd"):
            y = year(f"{kind}_y")
            if y is None:
                return None
            month = _month(g[f"{kind}_m"])
            start = dt.date(y, month, _day(g[f"{kind}_d1"]))
            end = dt.date(y, month, _day(g[f"{kind}_d2"]))
            precision = "day"
        elif kind in ("dm", "md"):
            y = year(f"{kind}_y")
            if y is None:
                return None
            start = end = dt.date(y, _month(g[f"{kind}_m"]), _day(g[f"{kind}_d"]))
            precision = "day"
        elif kind == "iso":
            start = end = dt.date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
            precision = "day"
        elif kind == "my":
            y, month = int(g["my_y"]), _month(g["my_m"])
            start, end, precision = dt.date(y, month, 1), _month_end(y, month), "month"
        elif kind == "part":
            y = int(g["part_y"])
            first, last = _PARTS[g["part_p"].lower()]
            start, end, precision = dt.date(y, first, 1), _month_end(y, last), "season"
        elif kind == "frac":
            y = int(g["frac_y"])
            size = 6 if g["frac_u"].lower() == "half" else 3
            n = _ORDINALS[g["frac_o"].lower()]
            n = 12 // size if n == -1 else n
            if n * size > 12:
                return None
            start, end, precision = dt.date(y, (n - 1) * size + 1, 1), _month_end(y, n * size), "season"
        elif kind == "yy":
            y1, y2 = int(g["yy_y1"]), g["yy_y2"]
            y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
            start, end, precision = dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year"
        elif kind == "y":
            y = int(g["y_y"])
            start, end, precision = dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        else:  # relative
            if doc_date is None:
                return None
            return _relative(g["rel_p"], doc_date)
    except ValueError:  # 30 February, 31 April, ...
        return None
    if end < start:
        return None
    return start, end, precision, inferred


def _relative(phrase: str, d: dt.date) -> tuple[dt.date, dt.date, str, bool]:
    words = phrase.lower().split()
    one_day = dt.timedelta(days=1)
    if words == ["tomorrow"]:
        return d + one_day, d + one_day, "day", True
    if words == ["yesterday"]:
        return d - one_day, d - one_day, "day", True
    if words == ["today"]:
        return d, d, "day", True
    first, unit = words[0], words[-1]
    if unit == "year":
        if first == "earlier":
            return dt.date(d.year, 1, 1), d - one_day, "season", True
        if first == "later":
            return d + one_day, dt.date(d.year, 12, 31), "season", True
        y = d.year + {"this": 0, "last": -1, "next": 1}[first]
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", True
    if unit == "month":
        if first == "earlier":
            return d.replace(day=1), d - one_day, "day", True
        if first == "later":
            return d + one_day, _month_end(d.year, d.month), "day", True
        index = d.year * 12 + d.month - 1 + {"this": 0, "last": -1, "next": 1}[first]
        y, month = divmod(index, 12)
        return dt.date(y, month + 1, 1), _month_end(y, month + 1), "month", True
    # week: Monday to Sunday
    monday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(weeks={"this": 0, "last": -1, "next": 1}[first])
    return monday, monday + dt.timedelta(days=6), "day", True


def _as_date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value  # type: ignore[return-value]
