"""A weekday written alone ("on Monday", "until Tuesday"), resolved against the document's date: the verb
nearest to it says whether it lies in the days before that date or in the days after (issue 17, item 6).
The day forms ("Monday, 12 March") are read by :mod:`baliprocess.chronology.grammar`."""

from __future__ import annotations

import datetime as dt
import re

from ..datevocab import by_first_letter

__all__ = ["INDONESIAN_WEEKDAY_NAMES", "WEEKDAY_NAMES", "WEEKDAY_PATTERN", "resolve_weekday", "weekday_number"]

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Senin (Monday) to Minggu (Sunday); "Jum'at" is an older spelling of Jumat.
INDONESIAN_WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_NUMBERS = {name: i for names in (WEEKDAY_NAMES, INDONESIAN_WEEKDAY_NAMES) for i, name in enumerate(names)}
_NUMBERS["Jum'at"] = _NUMBERS["Jum’at"] = 4
#: Every weekday name, English or Indonesian (an alternation without groups or boundaries).
WEEKDAY_PATTERN = by_first_letter(list(_NUMBERS))
# Past and future tense of the sentence that holds a weekday.
_PAST = re.compile(
    r"\b(?:met|was|were|had|held|opened|closed|attended|took|signed|agreed|adopted|announced|said|"
    r"discussed|launched|visited|arrived|began|ended|\w+ed)\b|"
    r"\b(?:telah|sudah|sempat|kemarin|lalu|sebelumnya)\b"  # Indonesian: already, yesterday, ago, before
)
_FUTURE = re.compile(
    r"\b(?:will|shall|to be held|is to|are to|next|upcoming|scheduled|plans? to|due to)\b|"
    r"\b(?:runs?|continues?|lasts?|goes on|go on|remains? open)\s+(?:\w+\s+)?until\b|"
    # a journey in the present tense is an itinerary: "returns to Wellington on Thursday" (heldout5)
    r"\b(?:(?:returns?|travels?|flies|heads?)\s+(?:home\s+|back\s+)?to|(?:leaves?|departs?)\s+for)\b|"
    r"\b(?:akan|mendatang|depan|dijadwalkan|direncanakan)\b"  # Indonesian: will, coming, next, scheduled
)
# Where a clause ends: the verb of the clause that holds a weekday governs it ("who arrived in Bali on Monday and
# will hold talks": arrived, heldout8; "Julie Bishop, yang akan memimpin sidang, tiba di Bali Senin malam": not
# "akan", which belongs to the relative clause, heldout3).
_CLAUSE_END = re.compile(r"[,;:()]|\s(?:and|but|while|whereas|dan|tetapi|sedangkan|yang)\s")
# A relative clause set off by commas describes a noun; its verb governs no weekday outside it.
_RELATIVE_CLAUSE = re.compile(r",\s*(?:yang|who|which|whose)\b[^,.;]*,")
# The word before a weekday that places it: "last Friday" before the document's date, "this Friday", "this coming
# Friday", "next Friday" and a deadline, "by Friday", the first such day from it ("Jumat lalu", "Jumat depan": the
# cues after it).
_PLACED = re.compile(r"\b(?:(?P<past>(?i:last|this\s+past))|(?i:this|this\s+coming|coming|next|by))\s+$")


def weekday_number(name: str) -> int:
    """Monday 0 to Sunday 6, for an English or Indonesian weekday name."""
    return _NUMBERS[name]


def _sentence_around(m: re.Match[str]) -> tuple[str, int]:
    """The sentence holding ``m`` with the match blanked out, and where the match starts in it."""
    text = m.string
    start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
    sentence = text[start : min(ends) if ends else len(text)]
    at = m.start() - start
    return sentence[:at] + " " * len(m.group()) + sentence[at + len(m.group()) :], at


def _clause(sentence: str, at: int) -> tuple[str, int]:
    """The clause of ``sentence`` (as :func:`_sentence_around` gives it) that holds the position ``at``, and where
    ``at`` is in it."""
    start = max((c.end() for c in _CLAUSE_END.finditer(sentence, 0, at)), default=0)
    after = _CLAUSE_END.search(sentence, at + 1)
    return sentence[start : after.start() if after else len(sentence)], at - start


def _nearest_cue(pattern: re.Pattern[str], sentence: str, at: int) -> int | None:
    """Distance in characters from ``at`` to the nearest match of ``pattern`` in ``sentence`` (None if none):
    the tense of the verb that governs a weekday is the one nearest to it ("met on Monday, co-chaired by ..."
    is past, "the meeting, co-chaired by ..., runs until Tuesday" is ahead)."""
    distances = [min(abs(c.start() - at), abs(c.end() - at)) for c in pattern.finditer(sentence)]
    return min(distances) if distances else None


Resolved = tuple[dt.date, dt.date, str, bool]


def resolve_weekday(m: re.Match[str], doc_date: dt.date | None) -> tuple[Resolved | None, str]:
    """A weekday alone resolved against the document date: the same weekday within the six days before the
    document date when the verb nearest to it is in the past tense ("met on Wednesday"), within the six days
    after when it looks ahead ("will meet on Monday", "runs until Tuesday"), the document date itself when it
    is that weekday. Else None, with the reason."""
    if doc_date is None:
        return None, "the document has no date"
    target = weekday_number(m.group("wd_d"))
    if doc_date.weekday() == target:
        return (doc_date, doc_date, "day", True), ""
    sentence, at = _sentence_around(m)
    placed = _PLACED.search(m.string, max(0, m.start() - 12), m.start())
    if placed:
        future, past = (None, 0) if placed.group("past") else (0, None)
    else:
        clause, at_clause = _clause(sentence, at)
        future, past = _nearest_cue(_FUTURE, clause, at_clause), _nearest_cue(_PAST, clause, at_clause)
        if future is None and past is None:  # no verb in its clause: the sentence's nearest, outside relative clauses
            sentence = _RELATIVE_CLAUSE.sub(lambda r: " " * len(r.group()), sentence)
            future, past = _nearest_cue(_FUTURE, sentence, at), _nearest_cue(_PAST, sentence, at)
    if future == past:  # neither cue, or both equally near
        return None, "the text does not place it before or after the document date"
    if future is None or (past is not None and past < future):
        day = doc_date - dt.timedelta(days=(doc_date.weekday() - target) % 7)
    else:
        day = doc_date + dt.timedelta(days=(target - doc_date.weekday()) % 7)
    return (day, day, "day", True), ""
