"""The date grammar: one compiled pattern (:data:`DATE_RE`) for every written form of a date, and the
resolution of a match to an interval ``(start, end, precision, inferred)``.

Dates are intervals, never guesses. A date written without a year takes the year of its document and is
marked ``inferred``; so are relative dates ("tomorrow", "earlier this year"), resolved against the
document date. Month names match as whole words only ("3 Marshall Islands" and "2 Mayors" are no dates),
in English or Indonesian ("23 Maret 2016"). Numeric dates ("28/02/2013") are read in the document's
``date_order`` (front matter ``day_first``, the default, or ``month_first``); one that is impossible in
that order is not recognised at all (no part of it, not even its year, becomes a mention). Spans run
across months and years ("between June and August 2016", "30 December 2008 to 2 January 2009"),
"2012/13" and "2012-13" are financial years (1 July to 30 June, :data:`FINANCIAL_YEAR_START`), and
decades and their parts ("the 1990s", "the early 2000s") are intervals of years. A weekday may stand before
a day ("from Monday 11 to Wednesday 13 March") or before a bracketed day and month ("Selasa (14/4)"); parts of
years make ranges ("between late 2017 and early 2018"); months and parts of years may be relative to the
document's year ("June last year", "pertengahan tahun ini": :mod:`.relative`). A year that names a document,
law or event, or counts things, is no mention (:mod:`.yearnames`); "the same day" is the day last named
(:func:`.scan.same_day`); "the second day" is a day of the meeting last named (:mod:`.meetingdays`); "two years
later" counts from the year last named (:mod:`.yearsafter`).
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from ..datevocab import (
    DATE_ORDERS,
    FOREIGN_MONTH_PATTERN,
    MONTH_ABBREVIATION_PATTERN,
    MONTH_CAPITALS_PATTERN,
    MONTH_NAME_PATTERN,
    MONTH_NUMBERS,
    by_first_letter,
)
from .baremonths import BARE_MONTH_PATTERN, resolve_bare_month
from .meetingdays import NTH_DAY_PATTERN
from .monthdays import DAY_ALONE_PATTERN, resolve_day_alone
from .monthparts import MONTH_PART_PATTERN, resolve_month_part
from .numericdays import NUMERIC_DAY, numeric_day
from .relative import ORDINALS, PART_WORDS, RELATIVE_PATTERN, SHIFTS, fraction, month_end, resolve_relative
from .stamps import modified_stamp
from .weekdays import WEEKDAY_PATTERN, resolve_weekday
from .yearnames import after_copyright, after_plan, year_is_no_date
from .yearsafter import DAYS_AFTER, YEARS_AFTER_PATTERN

__all__ = ["DATE_ORDERS", "DATE_RE", "FINANCIAL_YEAR_START", "MENTION_COLUMNS", "PRECISIONS"]

#: From finest to coarsest.
PRECISIONS = ("day", "month", "season", "financial_year", "year", "decade")
#: First month of a financial year written "2012/13" (Australia's, 1 July to 30 June).
FINANCIAL_YEAR_START = 7
MENTION_COLUMNS = ["doc_id", "paragraph_id", "text", "start", "end", "precision", "inferred"]
# Month names are matched capitalised or in capitals only ("May 2004", "MAY 2004", never the verb "may") and as
# whole words ("Mayors", "Marshall", "Declaration" are none); abbreviations may end in ".".
_MONTH_WORDS = "|".join((MONTH_NAME_PATTERN, FOREIGN_MONTH_PATTERN, MONTH_CAPITALS_PATTERN)).split("|")
_MONTH = (
    rf"\b(?:(?:{by_first_letter(_MONTH_WORDS)})(?![\w-])|"
    rf"(?:{by_first_letter(MONTH_ABBREVIATION_PATTERN.split('|'))})(?![\w-])\.?)"
)
_DAY = r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)(?:st|nd|rd|th)?"
_YEAR = r"(?<!\d)(?:19|20)\d\d(?!\d)"
# "to", "and", "until", and the Indonesian "hingga", "sampai (dengan)", "s.d." (until), "dan" (and); "&" is "and"
# ("21 & 23 September 2021" on an event page's date line, heldout5; tests/test_rules7.py)
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|and|until|hingga|sampai(?:\s+dengan)?|s\.d\.|dan|&)\s+)"
_YEAR_TO = r"(?:\s*[-–—]\s*|\s+to\s+)"
_ORDINALS = ORDINALS | {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_MONTH_TO = r"(?:\s*[-–—]\s*|\s+(?:to|until|through)\s+)"
_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_NUMERIC = r"(?:0?[1-9]|[12]\d|3[01])"
_WEEKDAYS = WEEKDAY_PATTERN
# A weekday before a day of a range: "from Monday 11 to Wednesday 13 March"
_WD = rf"(?:\b(?:{_WEEKDAYS}),?\s+(?:the\s+)?)?"
_PART = r"(?i:early|mid|late)"
# Weekdays restated by their dates: "from Monday to Thursday this week, 18-21 November" is one mention (the
# dates); neither weekday nor "this week" is another.
_RESTATED_WEEK = rf"(?:\s+(?:to|until|and|-|–)\s+(?:{_WEEKDAYS}))?(?:\s+(?:this|last|next)\s+week)?,?\s+(?:the\s+)?\d"
_FORMS = [
    # 28 February - 2 March 2002 / 28 February to 2 March / 30 December 2008 to 2 January 2009
    (
        "dmdm",
        rf"(?P<dmdm_d1>{_DAY})\s+(?:of\s+)?(?P<dmdm_m1>{_MONTH})(?:,?\s+(?P<dmdm_y1>{_YEAR}))?{_TO}"
        rf"{_WD}(?P<dmdm_d2>{_DAY})\s+(?:of\s+)?(?P<dmdm_m2>{_MONTH})(?:,?\s+(?P<dmdm_y>{_YEAR}))?",
    ),
    # February 28 - March 2, 2002 / December 30, 2008 - January 2, 2009
    (
        "mdmd",
        rf"(?P<mdmd_m1>{_MONTH})\s+(?P<mdmd_d1>{_DAY})(?:,?\s+(?P<mdmd_y1>{_YEAR}))?{_TO}"
        rf"(?P<mdmd_m2>{_MONTH})\s+(?P<mdmd_d2>{_DAY})(?:,?\s+(?P<mdmd_y>{_YEAR}))?",
    ),
    # 26-28 February [2002] / 7 to 8 June 2004 / 07 - 08 June 2004
    (
        "ddm",
        rf"(?P<ddm_d1>{_DAY}){_TO}{_WD}(?P<ddm_d2>{_DAY})\s+(?:of\s+)?(?P<ddm_m>{_MONTH})(?:,?\s+(?P<ddm_y>{_YEAR}))?",
    ),
    # February 27-28, 2002
    ("mdd", rf"(?P<mdd_m>{_MONTH})\s+(?P<mdd_d1>{_DAY}){_TO}(?P<mdd_d2>{_DAY})(?:,?\s+(?P<mdd_y>{_YEAR}))?"),
    # 7 August 2018 / the 22nd of March 2016 / 23 March / this 3rd day of May 2019 (an instrument's signing line)
    ("dm", rf"(?P<dm_d>{_DAY})\s+(?:(?:day\s+)?of\s+)?(?P<dm_m>{_MONTH})(?:,?\s+(?P<dm_y>{_YEAR}))?"),
    # August 7, 2018 / August 7
    ("md", rf"(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY})\b(?:,?\s+(?P<md_y>{_YEAR}))?"),
    # 2018-08-07
    # 2018-08-07, 2018/08/07, 2018.08.07 (year first); 2024-11-28 to 2024-11-30 (one span: dates9, as every range)
    (
        "iso",
        rf"\b(?P<iso_y>{_YEAR})(?P<iso_s>[-/.])(?P<iso_m>0[1-9]|1[0-2])(?P=iso_s)(?P<iso_d>[0-3]\d)\b(?![.]\d)"
        rf"(?:{_YEAR_TO}(?P<iso_y2>{_YEAR})(?P=iso_s)(?P<iso_m2>0[1-9]|1[0-2])(?P=iso_s)(?P<iso_d2>[0-3]\d)\b)?",
    ),
    # 28/02/2013, 28.02.2013, 28-02-2013 (day first) or 03/14/2016 (month first): the document's order
    (
        "num",
        rf"(?<![\d/.-])(?P<num_a>{_NUMERIC})(?P<num_s>[/.-])(?P<num_b>{_NUMERIC})(?P=num_s)"
        rf"(?P<num_y>{_YEAR})(?![\d/]|\.\d)",
    ),
    # between June and August 2016 / between November 2016 and February 2017
    (
        "mmb",
        rf"\b(?i:between)\s+(?P<mmb_m1>{_MONTH})(?:,?\s+(?P<mmb_y1>{_YEAR}))?\s+and\s+"
        rf"(?P<mmb_m2>{_MONTH}),?\s+(?P<mmb_y>{_YEAR})\b",
    ),
    # June to August 2016 / November 2016 - February 2017
    ("mm", rf"(?P<mm_m1>{_MONTH})(?:,?\s+(?P<mm_y1>{_YEAR}))?{_MONTH_TO}(?P<mm_m2>{_MONTH}),?\s+(?P<mm_y>{_YEAR})\b"),
    # April 2003 / April, 2003; June last year / February of next year / Maret tahun lalu (March last year)
    (
        "my",
        rf"(?P<my_m>{_MONTH})(?:,?\s+(?P<my_y>{_YEAR})|\s+(?:of\s+)?(?P<my_r>(?i:last|this|next))\s+year|"
        rf"\s+tahun\s+(?P<my_i>lalu|ini|depan))\b",
    ),
    # the 1990s / the early 2000s / mid-2010s
    ("dec", r"\b(?:(?P<dec_p>(?i:early|mid|late))[-\s]+)?(?P<dec_y>(?:19|20)\d0)'?s\b"),
    # early / mid / late 2004, mid-2004; late 2017 to early 2018
    (
        "part",
        rf"\b(?P<part_p>{_PART})[-\s]+(?P<part_y>{_YEAR})\b(?:{_YEAR_TO}(?P<part_p2>{_PART})[-\s]+(?P<part_y2>{_YEAR})\b)?",
    ),
    # the end of 2022 / the middle of 2015 / late in 2015 / early in 2016: a part of a year in words; "end of 2019",
    # "by end-2019" (dates10: without "the", as the months' parts are read)
    (
        "pof",
        rf"\b(?:(?:(?i:the)\s+)?(?P<pof_w>(?i:start|beginning|middle|end))(?:\s+of\s+|-(?=\d))|"
        rf"(?P<pof_p>(?i:early|late))\s+in\s+)(?P<pof_y>{_YEAR})\b",
    ),
    # the second half of 2004 / the first quarter of 2005 / Q3 2019 / H1 2020
    (
        "frac",
        rf"(?:(?:\b(?i:the)\s+)?\b(?P<frac_o>(?i:first|1st|second|2nd|third|3rd|fourth|4th|last|final))\s+"
        rf"(?P<frac_u>(?i:half|quarter))\s+of\s+|\b(?P<frac_q>[QH])(?P<frac_n>[1-4])\s+)(?P<frac_y>{_YEAR})\b",
    ),
    # between 2015 and 2017 / between late 2017 and early 2018
    (
        "yyb",
        rf"\b(?i:between)\s+(?:(?P<yyb_p1>{_PART})[-\s]+)?(?P<yyb_y1>{_YEAR})\s+and\s+"
        rf"(?:(?P<yyb_p2>{_PART})[-\s]+)?(?P<yyb_y2>{_YEAR})\b",
    ),
    # 2020–2025 / 2015-17 / 2020 to 2025 (years); 2012/13, 2012-13 (a financial year)
    ("yy", rf"(?<![\d.,/])(?P<yy_y1>{_YEAR})(?P<yy_s>{_YEAR_TO}|/)(?P<yy_y2>{_YEAR}|\d\d)\b(?![-–/]\d)"),
    # a bare year: "established in 2002" (not a count such as "2,002", part of "2002.5" or of a telephone number's
    # groups, "+63 2 8230 1999": heldout8)
    ("y", rf"(?<![\d.,$£€/-])(?<!\d\s)\b(?P<y_y>{_YEAR})\b(?![.,/]\d|%|-\d)"),
    ("pm", MONTH_PART_PATTERN),  # "mid-October 2017", "late last October", "akhir bulan ini" (.monthparts)
    ("da", DAY_ALONE_PATTERN),  # "on the 16th", "Friday the 26th": a day of the month alone (.monthdays)
    # relative to the document date (before the weekdays: "minggu lalu" is last week, not a Sunday); the day
    # last named, "on the same day", "pada hari yang sama" (resolved by the scan, which knows it)
    (
        "rel",
        r"\b(?P<rel_p>"
        rf"{RELATIVE_PATTERN}|(?P<same_p>{DAYS_AFTER})|"
        rf"(?P<nth_p>{NTH_DAY_PATTERN})|(?P<after_p>{YEARS_AFTER_PATTERN}))\b"
        rf"(?:\s*\((?P<rel_n>{NUMERIC_DAY})\))?",  # "last week (23-24/04)": restated by its days (.numericdays)
    ),
    # a weekday with its day and month in figures: "Selasa (14/4)", "Minggu malam (5/8)", "Friday 9/12" (.numericdays);
    # a weekday alone: "on Monday" (not "Monday, 12 March", which the day forms read, nor "the Friday before,
    # 8 March", a weekday restated by its date)
    (
        "wd",
        rf"\b(?=[MTWFSRKJ])(?P<wd_d>{_WEEKDAYS})(?:(?:\s+(?:pagi|siang|sore|malam|morning|afternoon|evening|night))?\s*"
        rf"\((?P<wd_n>{NUMERIC_DAY})\)|\s+(?P<wd_s>{_NUMERIC}(?:[-–]{_NUMERIC})?/{_NUMERIC})(?![\d/]|\.\d)|"
        rf"(?![\w'’])(?!(?:\s+(?:before|after|earlier|later|previous|following|prior))?,?\s+"
        rf"(?:the\s+)?\d|,?\s+(?:{MONTH_NAME_PATTERN})\b|\s+(?:morning|afternoon|evening)\b(?=,?\s+\d)|"
        rf"{_RESTATED_WEEK}))",
    ),
    ("bm", BARE_MONTH_PATTERN),  # "held in July", "last April": the document's date gives the year
]
# Every form starts at a digit, a capital or a word beginning as below: the gate rejects other places at once.
_GATE = (
    r"(?=\d|\b(?:[A-Z]|the\s|end[\s-]|earl|lat|las|mid|fi|fo|sec|th[ai]|nex|yes|tod|tom|betw|"
    r"ton|tahun|bulan|minggu|pekan|hari|kemarin|besok|awal|pertengahan|akhir|day\s|one\s|two\s|thr|six\s|sev|eig|"
    r"ten\s|nine\s|ele|twe|a\s(?=(?:year|month|week|day)s?\s+(?:ago|later|earlier))))"
)
DATE_RE = re.compile(_GATE + "(?:" + "|".join(f"(?P<{name}>{body})" for name, body in _FORMS) + ")")


def _month(token: str) -> int:
    return MONTH_NUMBERS[token.rstrip(".").lower()]


def _day(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _number(g: dict[str, str | None], key: str) -> int:
    """The number a group of the match holds. A group that did not take part in the match raises ValueError,
    which ``_resolve`` reads as "not a date", as it does for any impossible date (``int(None)`` would raise
    TypeError and escape it)."""
    value = g.get(key)
    if value is None:
        raise ValueError(f"group {key} did not match")
    return int(value)


def _year_before(g: dict[str, str | None], kind: str, y: int, m1: int, m2: int) -> int:
    """The first year of a span whose first part may lack its year: before a year end it is the year before."""
    first = g.get(f"{kind}_y1")
    if first:
        return int(first)
    return y - 1 if m1 > m2 else y


def _numeric(g: dict[str, str | None], day_first: bool) -> tuple[dt.date, dt.date, str]:
    a, b = _number(g, "num_a"), _number(g, "num_b")
    day, month = (a, b) if day_first else (b, a)
    start = dt.date(_number(g, "num_y"), month, day)  # ValueError if impossible
    return start, start, "day"


def _years(g: dict[str, str | None]) -> tuple[dt.date, dt.date, str] | None:
    """A range of years, or a financial year ("2012/13", "2012-13": the second year follows the first)."""
    y1, raw = _number(g, "yy_y1"), g["yy_y2"] or ""
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    slash = (g["yy_s"] or "").strip() == "/"
    if y2 == y1 + 1 and (slash or len(raw) == 2):
        start = dt.date(y1, FINANCIAL_YEAR_START, 1)
        return start, dt.date(y2, FINANCIAL_YEAR_START, 1) - dt.timedelta(days=1), "financial_year"
    if slash:
        return None
    return dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year"


def _decade(g: dict[str, str | None]) -> tuple[dt.date, dt.date, str]:
    y = _number(g, "dec_y")
    part = g["dec_p"]
    first, last = _DECADE_PARTS[part.lower()] if part else (0, 9)
    return dt.date(y + first, 1, 1), dt.date(y + last, 12, 31), "decade"


def _resolve(
    m: re.Match[str], doc_date: dt.date | None, day_first: bool = True
) -> tuple[dt.date, dt.date, str, bool] | None:
    """The interval ``(start, end, precision, inferred)`` a match means, or None if it is impossible or not
    a date (or a page's modification stamp). ``day_first`` is the order of the document's numeric dates."""
    if modified_stamp(m):
        return None
    g = m.groupdict()
    kind = m.lastgroup or ""
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
            m1, m2 = _month(g[f"{kind}_m1"]), _month(g[f"{kind}_m2"])
            start = dt.date(_year_before(g, kind, y, m1, m2), m1, _day(g[f"{kind}_d1"]))
            end = dt.date(y, m2, _day(g[f"{kind}_d2"]))
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
            if g["iso_y2"]:
                end = dt.date(int(g["iso_y2"]), _number(g, "iso_m2"), _number(g, "iso_d2"))
            precision = "day"
        elif kind == "num":
            start, end, precision = _numeric(g, day_first)
        elif kind in ("mm", "mmb"):
            y = int(g[f"{kind}_y"])
            m1, m2 = _month(g[f"{kind}_m1"]), _month(g[f"{kind}_m2"])
            start, end, precision = dt.date(_year_before(g, kind, y, m1, m2), m1, 1), month_end(y, m2), "month"
        elif kind == "wd" and (g["wd_n"] or g["wd_s"]):
            return numeric_day(g["wd_n"] or g["wd_s"] or "", doc_date, day_first)
        elif kind == "my":
            month = _month(g["my_m"])
            if not g["my_y"]:  # June last year, Maret tahun lalu
                if doc_date is None:
                    return None
                y = doc_date.year + SHIFTS[(g["my_r"] or g["my_i"] or "").lower()]
                return dt.date(y, month, 1), month_end(y, month), "month", True
            y = int(g["my_y"])
            start, end, precision = dt.date(y, month, 1), month_end(y, month), "month"
        elif kind == "dec":
            start, end, precision = _decade(g)
        elif kind == "part":
            y, y2 = int(g["part_y"]), int(g["part_y2"] or g["part_y"])
            first, last = _PARTS[g["part_p"].lower()][0], _PARTS[(g["part_p2"] or g["part_p"]).lower()][1]
            start, end, precision = dt.date(y, first, 1), month_end(y2, last), "season"
        elif kind == "pof":
            y = int(g["pof_y"])
            first, last = _PARTS[PART_WORDS[(g["pof_w"] or g["pof_p"] or "").lower()]]
            start, end, precision = dt.date(y, first, 1), month_end(y, last), "season"
        elif kind == "frac":
            unit = "half" if (g["frac_u"] or "").lower() == "half" or g["frac_q"] == "H" else "quarter"
            n = int(g["frac_n"]) if g["frac_q"] else _ORDINALS[g["frac_o"].lower()]
            start, end, precision, _ = fraction(n, unit, int(g["frac_y"]))  # ValueError past the year's end
        elif kind == "yyb":
            first = _PARTS[g["yyb_p1"].lower()][0] if g["yyb_p1"] else 1
            last = _PARTS[g["yyb_p2"].lower()][1] if g["yyb_p2"] else 12
            precision = "season" if g["yyb_p1"] or g["yyb_p2"] else "year"
            start, end = dt.date(int(g["yyb_y1"]), first, 1), month_end(int(g["yyb_y2"]), last)
        elif kind == "yy":
            years = None if after_copyright(m.string, m.start()) or after_plan(m.string, m.start()) else _years(g)
            if years is None:
                return None
            start, end, precision = years
        elif kind in _CONTEXT:
            return _CONTEXT[kind](m, doc_date)
        elif kind == "y":
            if year_is_no_date(m.string, m.start(), m.end()):
                return None
            y = int(g["y_y"])
            start, end, precision = dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        else:  # relative; "the same day" is the day last named (see scan.same_day)
            if g["rel_n"] and not _YEAR_OR_MONTH.search(g["rel_p"]):
                return numeric_day(g["rel_n"], doc_date, day_first)  # a day or a week restated by its days
            return resolve_relative(m, doc_date)
    except ValueError:  # 30 February, 31 April, a 14th month ...
        return None
    if end < start:
        return None
    return start, end, precision, inferred


# A year or a month is not restated by days in brackets ("last year (2/3)" is no day).
_YEAR_OR_MONTH = re.compile(r"(?i:year|month|tahun|bulan|ago)$")
# Forms completed from the document's date, each by its module.
_CONTEXT = {
    "wd": lambda m, d: resolve_weekday(m, d)[0],
    "bm": resolve_bare_month,
    "pm": resolve_month_part,
    "da": resolve_day_alone,
}


def _as_date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"not a date: {value!r}")
