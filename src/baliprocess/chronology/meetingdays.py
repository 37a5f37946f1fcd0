"""Days of a meeting named by their order: "the first day", "on the second day", "the last day", "day two",
"hari pertama" (the first day), "hari kedua" (the second day). Such a phrase counts the days of the span of days
last named in the document ("2-3 May 2024 ... met on the first day"); with no span of days named before it,
or a count beyond the span's last day, it is no mention. "The first day of the month" (or of a year or week)
is no day of a meeting, and one restated by its date ("the first day, Tuesday 26 February") is left to the
date."""

from __future__ import annotations

import datetime as dt
import re

from .relative import Resolved

__all__ = ["NTH_DAY_PATTERN", "meeting_day"]

_ENGLISH = {"first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1}
_INDONESIAN = {"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "terakhir": -1}
# "day two", "day 3" (not "from day one": from the start)
_NUMBERED = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
_ORDER = {**_ENGLISH, **_INDONESIAN, **_NUMBERED}
_EN, _ID, _COUNTED = "|".join(_ENGLISH), "|".join(_INDONESIAN), "|".join(_NUMBERED)
# An ordinal day restated by its date ("on the first day, Tuesday 26 February") is that date's mention only.
_RESTATED = r"(?!,?\s+(?:[A-Z][a-z]+,?\s+)?\d)"
#: The words of an ordinal day (a regular-expression body without groups or boundaries).
NTH_DAY_PATTERN = (
    rf"(?i:the\s+(?:{_EN})\s+day(?!s|\s+of\s+(?:the|each|every|a|its)\s+(?:year|month|week))|"
    rf"(?<!from\s)day\s+(?:{_COUNTED})(?![\w-])|"
    rf"hari\s+(?:{_ID})(?!\s+(?:bulan|tahun|minggu|pekan)))"
    rf"{_RESTATED}"
)
Span = tuple[dt.date, dt.date]


def meeting_day(m: re.Match[str], resolved: Resolved | None, span: Span | None) -> tuple[Resolved | None, Span | None]:
    """An ordinal day resolved against the span of days last named (None when there is none or the count
    runs past it), and the span to remember after this match: (what the match means, the span)."""
    if m.lastgroup == "rel" and m.group("nth_p") and not m.group("rel_n"):  # "hari kedua (7/8)": the bracket's day
        if span is None:
            return None, span
        words = m.group("nth_p").lower().split()  # "the second day", "hari kedua", "day two"
        n = _ORDER[words[1] if words[0] != "day" else words[-1]]
        day = span[1] if n == -1 else span[0] + dt.timedelta(days=n - 1)
        return ((day, day, "day", True) if day <= span[1] else None), span
    if resolved is not None and resolved[2] == "day" and resolved[0] < resolved[1]:
        return resolved, (resolved[0], resolved[1])
    return resolved, span
