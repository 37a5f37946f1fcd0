"""A day of the month written alone: "met on the 16th", "confirm by the 28th", "Friday the 26th", "earlier this month,
on the 13th". The writer has named the month elsewhere (the document's date line, the meeting's dates); the day is
completed from the document's date, as a weekday alone is (:mod:`.weekdays`): the document's month, or the month
before when the day lies after the document's day in a sentence in the past tense ("met on the 16th" in a page of
the 4th), or the month after when it lies before it in a sentence that looks ahead ("will meet on the 3rd" in a
letter of the 20th). A day after "by", "until" or "before" is a deadline, never in the month before ("are asked to
confirm by the 28th" in a note of the 14th). A weekday written with it decides between those months instead ("Friday
the 26th": the nearest of them whose 26th is a Friday; none, no mention).

Written from heldout7 (four of its fifteen missed dates); no other development set or the shipped corpus writes a
day this way. Only an ordinal after "on", "by", "until", "from", "since", "before", "after" or a weekday is read,
and only when no word follows it but a conjunction or preposition: "the 16th meeting", "the 6th Ministerial
Conference", "on the 5th floor" are ordinals, "the 22nd of March" is read by the day forms of the grammar.
"""

from __future__ import annotations

import datetime as dt
import re

from .relative import Resolved, months_after
from .weekdays import _FUTURE, _PAST, WEEKDAY_PATTERN, _nearest_cue, _sentence_around, weekday_number

__all__ = ["DAY_ALONE_PATTERN", "resolve_day_alone"]

_AFTER = r"(?:and|at|in|when|as|with|for|to|so|while|but|or|after|before|dan|di)"
#: The words of a day of the month alone (a regular-expression body; its groups are named ``da_``).
DAY_ALONE_PATTERN = (
    rf"(?:(?P<da_w>{WEEKDAY_PATTERN}),?\s+|"
    r"(?=the\s+\d)(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bfrom\s)|(?<=\bsince\s)|(?<=\bbefore\s)|"
    r"(?<=\bafter\s)))(?i:the)\s+(?P<da_d>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?![\w'’-])"
    rf"(?=\s*(?:[.,;:)!?]|$)|\s+{_AFTER}\b)"
)


def _month(doc_date: dt.date, shift: int, day: int) -> dt.date | None:
    """``day`` of the month ``shift`` months after the document's (None if that month has no such day)."""
    year, month = months_after(doc_date.year, doc_date.month, shift)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_day_alone(m: re.Match[str], doc_date: dt.date | None) -> Resolved | None:
    """The day ``m`` names, in the month the document's date, the weekday or the sentence's tense gives."""
    if doc_date is None:
        return None
    day = int(m.group("da_d"))
    if m.group("da_w"):
        target = weekday_number(m.group("da_w"))
        fits = [d for d in (_month(doc_date, s, day) for s in (0, -1, 1)) if d is not None and d.weekday() == target]
        found = fits[0] if fits else None
    else:
        sentence, at = _sentence_around(m)
        future, past = _nearest_cue(_FUTURE, sentence, at), _nearest_cue(_PAST, sentence, at)
        ahead = future is not None and (past is None or future < past)
        deadline = m.string[: m.start()].rstrip().endswith((" by", " until", " before"))
        behind = not deadline and past is not None and (future is None or past < future)
        shift = (day < doc_date.day and ahead) - (day > doc_date.day and behind)
        found = _month(doc_date, shift, day)
    return (found, found, "day", True) if found is not None else None
