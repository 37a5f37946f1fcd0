"""A document's date as its front matter states it: a day, a month or a year, carried as an interval.

``date: 2016-03-23`` is known to the day, ``date: 2016-03`` to the month and ``date: 2016`` to the year.
:func:`parse_doc_date` turns any of these (as YAML gives them: an ``int``, a ``str`` or a
:class:`datetime.date`) into a :class:`DocDate`: the first and last day the date can mean and its
precision. Nothing is filled in: a month-precision date never becomes the first of the month except as the
interval's start, and its precision says so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["FORMS", "DateFormError", "DateValueError", "DocDate", "from_parts", "parse_doc_date"]

FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"
_FORM_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateFormError(ValueError):
    """The value is not written as a year, a year-month or a year-month-day."""


class DateValueError(ValueError):
    """The value has the right form but names no real calendar date (month 13, 30 February)."""


@dataclass(frozen=True)
class DocDate:
    """A date as an interval: ``start`` and ``end`` (both inclusive) and the ``precision``."""

    start: dt.date
    end: dt.date
    precision: str

    def __str__(self) -> str:
        """The date written back at its own precision (``2016``, ``2016-03`` or ``2016-03-23``)."""
        width = {"year": 4, "month": 7, "day": 10}[self.precision]
        return self.start.isoformat()[:width]


def from_parts(year: int, month: int | None = None, day: int | None = None) -> DocDate:
    """The interval of a year, a month or a day; raises :class:`DateValueError` for an impossible one."""
    if month is None:
        return DocDate(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    if not 1 <= month <= 12:
        raise DateValueError(f"month must be in 1..12, not {month}")
    if day is None:
        return DocDate(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month")
    try:
        day_date = dt.date(year, month, day)
    except ValueError as exc:
        raise DateValueError(str(exc)) from None
    return DocDate(day_date, day_date, "day")


def parse_doc_date(value: object) -> DocDate:
    """Read a front-matter date: ``2016`` (int or str), ``"2016-03"``, ``"2016-03-23"`` or a ``date``.

    Raises :class:`DateFormError` when the value has another form (a datetime, ``25 February 2002``, a
    bool) and :class:`DateValueError` when it names an impossible date (``2016-13``, ``2002-02-30``).
    """
    if isinstance(value, dt.datetime):
        raise DateFormError(f"a date with a time of day is not one of {FORMS}")
    if isinstance(value, dt.date):
        return DocDate(value, value, "day")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise DateFormError(f"a {type(value).__name__} is not one of {FORMS}")
    match = _FORM_RE.match(value.strip())
    if match is None:
        raise DateFormError(f"not one of {FORMS}")
    year, month, day = (int(g) if g else None for g in match.groups())
    if year == 0:
        raise DateValueError("year must be in 1..9999, not 0")
    return from_parts(year, month, day)  # type: ignore[arg-type]  # year is never None here
