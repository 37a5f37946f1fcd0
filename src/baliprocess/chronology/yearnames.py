"""When a bare year is no date mention: it is part of a name, or it is a count.

* A year inside the title of a document, law or event: before a title noun ("the 2030 Agenda", "2018
  Ministerial Declaration", "2023 Adelaide Strategy"), after one ("Strategy 2014", "Migration Act 1958",
  "Act of 1999", "Forum (2019)", "Strategy for Cooperation: 2014 and Beyond"), or after a law's number
  ("Law No. 21 of 2007", "Undang-Undang Nomor 21 Tahun 2007").
* A year between a determiner and a capitalised name: "the 2018 Nusa Dua Forum", "its 2016 Annual Report"
  (a premodifier that names one thing; "in 2018 Indonesia hosted" has no determiner and stays a date).
* A number of things that looks like a year: a quantifier before it and a noun after it ("some 2000
  workers", "about 1500 fishermen", "sekitar 2000 orang").

A range of years after a title ("Strategy 2020–2025") is not handled here: it is read as the span the
document covers, as the shipped corpus' gold reads it.
"""

from __future__ import annotations

import re

from ..datevocab import MONTH_NAME_PATTERN
from .weekdays import WEEKDAY_PATTERN

__all__ = ["TITLE_WORDS", "year_is_no_date"]

#: Nouns that head the title of a document, a law or an event.
TITLE_WORDS = (
    r"(?:Agenda|Strategy|Vision|Roadmap|Road Map|Framework|Action Plan|Plan of Action|Work Plan|Workplan|"
    r"Programme|Declaration|Communiqu[eé]|Statement|Convention|Protocol|Act|Forum|Summit|Conference|Meeting|"
    r"Dialogue|Report|Review|Initiative)"
)
_AFTER = re.compile(rf"^\s+(?:[A-Z][\w'’-]*\s+){{0,3}}{TITLE_WORDS}\b")
_BEFORE = re.compile(
    rf"\b{TITLE_WORDS}(?:\s+(?:for|of|on)(?:\s+[A-Z][\w'’-]*){{1,3}}\s*:|\s+of)?(?:\s+|\s*\(\s*)$"
    r"|\b(?:No\.?|Nos\.|Number|Nomor|Nomer)\s*\d+\s*(?:,\s*)?(?:of|[Tt]ahun)\s+$"
)
_DETERMINER = re.compile(r"(?:\b(?:the|The|its|Its|their|Their|this|This)|\w['’]s)\s+$")
_NAME_AFTER = re.compile(rf"^\s+(?!(?:{MONTH_NAME_PATTERN}|{WEEKDAY_PATTERN})\b)[A-Z]")
_QUANTIFIER = re.compile(
    r"\b(?i:some|about|around|nearly|almost|approximately|roughly|over|more\s+than|fewer\s+than|less\s+than|"
    r"at\s+least|up\s+to|an\s+estimated|sekitar|lebih\s+dari|hampir|kurang\s+dari)\s+$"
)
_NOUN_AFTER = re.compile(
    r"^\s+(?!(?:the|a|an|and|or|to|when|as|in|on|at|for|with|by|from|of|onwards?|until|through|was|were|"
    r"is|had|has|saw|brought|dan|hingga|sampai)\b)[a-z]"
)


# The word just before the year decides which of the patterns above can hold (searching them all on every
# year would slow the scan): a title noun or "(" for _BEFORE, a determiner, a quantifier.
_LAST_WORD = re.compile(r"([\w'’.]+|\(|:)\s+$|\($")
_TITLE_ENDS = frozenset(
    "agenda strategy vision roadmap map framework plan action workplan programme declaration communique "
    "communiqué statement convention protocol act forum summit conference meeting dialogue report review "
    "initiative of tahun (".split()
)
_QUANTIFIER_ENDS = frozenset(
    "some about around nearly almost approximately roughly over than least to estimated sekitar dari hampir".split()
)


def year_is_no_date(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` names a document, law or event, or counts things."""
    after = text[end : end + 60]
    if _AFTER.match(after):
        return True
    before = text[max(0, start - 60) : start]
    last = _LAST_WORD.search(before[-24:])
    word = (last.group(1) or "(") if last else ""
    lowered = word.lower()
    if lowered in _TITLE_ENDS or word == ":":
        return _BEFORE.search(before) is not None
    if word.endswith(("'s", "’s")) or lowered in ("the", "its", "their", "this"):
        return _DETERMINER.search(before) is not None and _NAME_AFTER.match(after) is not None
    if lowered in _QUANTIFIER_ENDS:
        return _QUANTIFIER.search(before) is not None and _NOUN_AFTER.match(after) is not None
    return False
