"""Stated counts: every number of countries, delegates, organisations, members or treaty parties a
paragraph states, in digits or words, with its subject, qualifier and date (the ``membership_counts`` table).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pandas as pd
from pandas.api.typing import NaTType

from ..corpus import Corpus
from ..datevocab import MONTH_NAME_PATTERN
from ..prefilter import fold, may_match
from ..rows import each_row
from .countgates import (
    _ONES,
    _TENS,
    _UNIT_HINT,
    _UNITS,
    _WORD_NUMBER,
    _may_hold_number,
    _names_counted_noun,
    _unit_hits,
)
from .countsid import ID_HINT, indonesian_counts
from .countsid import SENTENCE_END as _SENTENCE_END
from .cues import GROUP_ACTED

__all__ = ["counts_table", "extract_counts", "parse_number"]

#: Hedges kept in the ``qualifier`` column.
QUALIFIERS = (
    r"more than|well over|just over|over|at least|some|about|around|approximately|roughly|nearly|almost|"
    r"close to|up to|in excess of|a total of|fewer than|less than|just under|under"
)
# A number that is a label, not a count ("Table 2 lists the countries", "paragraph 3", "Annex 1"), an amount
# of money ("$20 million", "AUD 5", "Rp 3"), or a definite reference to a few named entities ("the two
# countries", "both co-chairing countries"): written just before the number.
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\b(?:table|tables|paragraphs?|para|paras|annex(?:es)?|figure|fig|section|chapter|article|item|no|"
    r"number|appendix|page|pages|point|recommendation|resolution|step|phase|option|group)\.?|"
    r"[$€£¥]|\b(?:aud|usd|us\$|a\$|idr|rp|eur|nzd))\s*$",
    re.IGNORECASE,
)
_DEFINITE_FEW = re.compile(r"\b(?:the|these|those|both|its|their|our)\s+$", re.IGNORECASE)
# ... unless the names follow at once ("the three member organisations UNHCR, IOM and UNODC"): then the number
# introduces them and is a count.
_NAMES_FOLLOW = re.compile(r"^(?::\s*|\s+)[A-Z]")
_COUNT_RE = re.compile(
    rf"(?:(?P<qual>{QUALIFIERS})\s+)?"
    rf"\b(?!(?:1[89]|20)\d\d\b)(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|"
    rf"(?:a |one )?hundred(?: and {_WORD_NUMBER})?|{_WORD_NUMBER})\s+"
    rf"(?P<mods>(?:(?!(?:{_WORD_NUMBER}|more|over|than|{'|'.join(_UNITS)})\b)[a-z][a-z-]*\s+){{0,4}}?)"
    rf"(?P<unit>{'|'.join(_UNITS)})$",
    re.IGNORECASE,
)
_WINDOW_WORDS = 10  # qualifier (2 words) + number (2: "twenty five") + modifiers (4), with room to spare
_DAY_DATE = re.compile(rf"\b(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+({MONTH_NAME_PATTERN})\s+(\d{{4}})\b")


def parse_number(text: str) -> int:
    """'56' -> 56, '1,200' -> 1200, 'nine' -> 9, 'forty-five' -> 45."""
    t = text.strip().lower()
    if (hundred := re.fullmatch(r"(?:a |one )?hundred(?: and (.+))?", t)) is not None:
        return 100 + (parse_number(hundred.group(1)) if hundred.group(1) else 0)  # "one hundred and thirty-nine"
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    parts = re.split(r"[- ]", t)
    if len(parts) == 1 and parts[0] in _ONES:
        return _ONES.index(parts[0])
    if parts[0] in _TENS and (len(parts) == 1 or (len(parts) == 2 and parts[1] in _ONES[1:10])):
        return _TENS[parts[0]] + (_ONES.index(parts[1]) if len(parts) == 2 else 0)
    raise ValueError(f"not a number: {text!r}")


# The verb that governs the count, written just before it: "has 49 members", "attended by 41 countries".
_MEMBERSHIP_BEFORE = re.compile(
    r"\b(?:has|have|had|counts|counted|comprises|comprising|comprised|numbers|numbered|totals|grew to|rose to|"
    r"membership of|(?:has |have )?(?:since |now )?(?:grown|risen|increased|expanded) to|reached)\s+(?:now\s+)?$"
)
# "attended by 41 countries"; people "from 13 countries" (officials, delegates, ministers) came to a meeting.
_ATTENDANCE_BEFORE = re.compile(
    r"\b(?:attended by|participation of|presence of|(?:delegates|delegations?|officials|ministers|representatives|"
    r"participants|leaders) (?:(?:came|come|travelled|traveled|flew) )?(?:from|of)|drew|attracted)\s+$"
)
# A standing body described in the present tense ("The Forum brings together ministers from 45 countries",
# "links officials from 32 countries"): the verb before the count, in its clause, makes it membership even
# when people "from" the countries are named.
_STANDING_BEFORE = re.compile(
    r"\b(?:brings together|unites|links|connects|comprises|includes|consists of|is made up of)\b[^,;:.]*$"
)
# "joined the meeting" (the sessions, the talks) is attending it, "joined" alone membership (heldout5, rules7).
_A_MEETING = r"the (?:meeting|session|talks|conference|workshop)s?\b"
# Cues elsewhere in the sentence; the one nearest the count decides.
_ATTENDANCE_CUE = re.compile(
    r"\b(?:took|take|taking|takes) part\b|\battend(?:ed|ing|s)?\b|\bparticipat(?:ed|ing|es)\b|"
    r"\b(?:was|were) (?:also )?present\b|\bin attendance\b|\bgathered\b|\bbrought together\b|\bmet\b|\bconvened\b|"
    r"\bcame together\b|\b(?:was|were) represented\b|\bendorsed?\b|\badopted\b|\bpresent (?:were|was)\b|"
    rf"\bthose present\b|\bregistered\b|\bcame (?:to|from)\b|\bjoined {_A_MEETING}"
)
_MEMBERSHIP_CUE = re.compile(
    r"\bis (?:now |proud to be )?an? (?:\w+ )?member\b|\bare (?:now )?members\b|\bmembers? (?:include|are)\b|"
    rf"\bmembership\b|\bcompris(?:es|ing|ed)\b|\bjoined\b(?! {_A_MEETING})|"
    r"\bbrings together\b|\bunites\b|\bbelongs? to\b"
)


# People invited or expected: a count of those expected, not of attendance.
_INVITED_CUE = re.compile(
    r"\binvit(?:ed|ation)\b|\bexpected\b|\bwill (?:\w+ )?(?:attend|take part|participate|join)\b|"
    r"\bplanned for\b|\b(?:are|is) (?:set|due|scheduled|planning) to\b|"
    r"\b(?:may|might) (?:(?!not\b)\w+ )?(?:attend|take part|participate|join)\b"
)
# "... attended as observers", "sat in as observers", "take part as observers" (standing observers): the counted
# entities are observers.
_OBSERVER_NEAR = re.compile(
    r"^[^.]*?\b(?:attend(?:ed|s)?|t(?:ook|akes?) part|participat(?:ed|es?)|joined|sat in|sits? in|"
    r"(?:were|are) present) as observers?\b|"
    r"^[^.,;:]*?\b(?:\w+ed|sat)\b[^.,;:]{0,40}?\bas observers\b"
)


def _nearest(pattern: re.Pattern[str], sentence: str, at: int) -> int | None:
    """Distance in characters from ``at`` to the nearest match of ``pattern`` in ``sentence``."""
    distances = [min(abs(m.start() - at), abs(m.end() - at)) for m in pattern.finditer(sentence)]
    return min(distances) if distances else None


# Where the words that follow a count stop describing it: a comma, or "and" before the next number or a
# vague one ("three international organizations and a number of observers": heldout5, rules7).
_NEXT_COUNT = re.compile(
    rf",|\b(?:and|as well as)\s+(?:(?:{QUALIFIERS})\s+)?(?:\d|(?:{_WORD_NUMBER})\b|a number of\b|several\b)",
    re.IGNORECASE,
)


_COLON = re.compile(r"\s*:")
# "member and observer states" counts members and observers together: the observer word does not make it a
# count of observers.
_MIXED = re.compile(
    r"\bmembers?(?:\s+(?:countries|states))?\s+(?:and|or|&)\s+observers?\b|\bobservers?\s+(?:and|or|&)\s+members?\b"
)
# The counted group did something at the meeting ("Ten members spoke on ...": class K1, cues.GROUP_ACTED).
_ACTED_AFTER = re.compile(rf"^[^,;:.]{{0,50}}?{GROUP_ACTED}")


def _own_phrase(after: str) -> str:
    """The words after a count up to a comma or the next count ("two member agencies and three observer states"
    keeps "two member agencies"): an "observer" there qualifies this count."""
    return _NEXT_COUNT.split(after, maxsplit=1)[0]


def _subject(sentence: str, unit: str, at: int | None = None) -> str:
    """What a count in ``sentence`` (starting at character ``at``) counts: treaty_parties, membership,
    attendance or other. The verb decides, not the noun: "27 member states ... took part" is attendance,
    "has 49 members" and "comprising 45 member states" are membership. A verb just before the count wins;
    else the nearest attendance or membership cue in the sentence; else the words of the sentence."""
    s = sentence.lower()
    own = _MIXED.sub(" ", _own_phrase(s[at : at + 60])) if at is not None else ""
    if re.search(r"\bobserv", own) or unit == "observers":
        return "observers"
    if at is not None and _OBSERVER_NEAR.search(s[at : at + 120].split(";")[0]):
        return "observers"
    if unit == "parties" or re.search(r"\bpart(?:y|ies) to\b|convention|protocol", s):
        return "treaty_parties"
    if at is not None:
        before = s[max(0, at - 40) : at]
        if _MEMBERSHIP_BEFORE.search(before) or _STANDING_BEFORE.search(s[:at]):
            return "membership"
        if _ATTENDANCE_BEFORE.search(before) or _ACTED_AFTER.search(s[at:]):
            return "attendance"
        near_a, near_m = _nearest(_ATTENDANCE_CUE, s, at), _nearest(_MEMBERSHIP_CUE, s, at)
        near_i = _nearest(_INVITED_CUE, s, at)
        if near_i is not None and all(d is None or near_i <= d for d in (near_a, near_m)):
            return "expected"
        if near_a is not None and (near_m is None or near_a < near_m):
            return "attendance"
        if near_m is not None:
            return "membership"
    if re.search(r"\bdelegations\b|\bdelegates\b|\bparticipants\b", s) or not re.search(r"\bmember", s):
        return "attendance" if re.search(r"attend|represent|particip|delegat|observer", s) else "other"
    return "membership"


def extract_counts(text: str) -> list[dict[str, Any]]:
    """Counts stated in one paragraph: count, unit, noun, subject, qualifier, prospective, text, event_date."""
    out: list[dict[str, object]] = []
    folded = fold(text)
    indonesian = may_match(ID_HINT, text, folded) and ID_HINT.search(text) is not None
    if not _may_hold_number(text) and not indonesian:
        return out
    if not may_match(_UNIT_HINT, text, folded) and "-member" not in text:
        return out + (indonesian_counts(text) if indonesian else [])  # no sentence holds a counted noun
    for sentence in _SENTENCE_END.split(text):
        out.extend(dict(count) for count in _sentence_counts(sentence))
    return out + (indonesian_counts(text) if indonesian else [])


@lru_cache(maxsize=65536)
def _sentence_counts(sentence: str) -> tuple[dict[str, Any], ...]:
    """The counts :func:`extract_counts` finds in one sentence, which it reads alone: read once per sentence
    text (a document's standard wording recurs); the caller takes copies."""
    out: list[dict[str, Any]] = []
    for adjective in _MEMBER_ADJECTIVE.finditer(sentence) if "-member" in sentence else ():  # "the 49-member"
        out.append(
            {
                "count": parse_number(adjective.group("num")),
                "unit": "members",
                "noun": "member",
                "subject": "membership",
                "qualifier": "",
                "prospective": False,
                "text": adjective.group(0),
                "event_date": pd.NaT,
            }
        )
    hits = _unit_hits(sentence)
    if not hits:
        return tuple(out)
    event: pd.Timestamp | NaTType | None = None  # the sentence's own date, looked up only when a count is found
    last_end: int | None = None  # where the sentence's previous count ended
    total: tuple[int, str] | None = None  # a count followed by a colon: (where the colon is, its kind)
    for hit in hits:
        # The count sits in the few words before its noun (qualifier, number, up to four modifiers):
        # match only the last _WINDOW_WORDS words, ending at the noun.
        start = hit.start()
        for _ in range(_WINDOW_WORDS):
            start = sentence.rfind(" ", 0, start - 1) if start > 0 else -1
            if start < 0:
                break
        window = sentence[start + 1 : hit.end()]
        if not _may_hold_number(window):
            continue  # cheap pre-check: no digit or number word, so no count
        m = _COUNT_RE.search(window)
        if m is None:
            continue
        if event is None:
            dates = _DAY_DATE.findall(sentence)
            event = pd.Timestamp(f"{dates[-1][2]}-{dates[-1][1]}-{dates[-1][0]}") if dates else pd.NaT
        num = m.group("num")  # the pattern skips years such as "2002 countries"
        before = sentence[: start + 1 + m.start("num")]
        if m.group("qual") is None and (
            _NOT_A_COUNT_BEFORE.search(before)
            or (
                _DEFINITE_FEW.search(before)
                and parse_number(num) <= 3
                and not _NAMES_FOLLOW.match(sentence[hit.end() : hit.end() + 3])
                and not _in_series(sentence, last_end, len(before))
            )
        ):
            continue
        noun = m.group("unit").lower()
        qualifier_or_number = m.start("qual") if m.group("qual") else m.start("num")
        subject = _subject(sentence, _UNITS[noun], start + 1 + qualifier_or_number)
        at = start + 1 + qualifier_or_number
        if total is not None and subject != "observers" and ";" not in sentence[total[0] : at]:
            subject = total[1]  # an item of the break-down after a colon: the total's kind ("had 17 members: ...")
        elif out and "observers" not in (subject, out[-1]["subject"]) and _in_series(sentence, last_end, len(before)):
            subject = out[-1]["subject"]  # "representatives of 37 governments and four organisations" (class K2)
        unit = "members" if noun == "actors" and subject == "membership" else _UNITS[noun]
        if subject == "membership" and unit in _PEOPLE:
            subject = "attendance"  # people are counted at a meeting, never as members ("110 delegates joined")
        if "observer" in _MIXED.sub(" ", m.group("mods").lower()):
            subject = "observers"
        prospective = bool(_PROSPECTIVE.search(sentence))
        if subject == "attendance" and prospective:
            subject = "expected"  # "will be attended by 56 countries", "some 41 countries ... will attend"
        out.append(
            {
                "count": parse_number(num),
                "unit": unit,
                "noun": (m.group("mods") + noun).strip(),
                "subject": subject,
                "qualifier": (m.group("qual") or "").lower(),
                "prospective": prospective,
                "text": m.group(0).strip(),
                "event_date": event,
            }
        )
        last_end = start + 1 + m.end()
        colon = _COLON.match(sentence, last_end)
        if colon is not None and total is None:
            total = (colon.end(), subject)
        one = _SERIES_ONE.match(sentence, last_end)
        if one is not None:  # "..., two agencies and one observer state": the last item of a break-down
            plural = _SINGULAR[one.group("unit").lower()]
            kind = _subject(sentence, plural, one.start("num"))
            kind = "observers" if "observer" in one.group("mods").lower() else kind
            kind = "attendance" if kind == "membership" and plural in _PEOPLE else kind
            kind = "expected" if kind == "attendance" and prospective else kind
            one_text = one.group(0).strip(" ,;")
            one_text = one_text[one_text.lower().index(one.group("num").lower()) :]
            out.append({**out[-1], "count": 1, "unit": plural, "noun": (one.group("mods") + one.group("unit")).strip()})
            out[-1].update(subject=kind, qualifier="", text=one_text)
            last_end = one.end()
    return tuple(out)


# "the three member organisations" after another count of the same sentence ("fourteen member states, the three
# member organisations and ..."): an item of a break-down, not a reference to a known few.
_SERIES_GAP = re.compile(r"[\s,;]*(?:and\s+)?(?:the|its|their)?\s*")


def _in_series(sentence: str, last_end: int | None, number_at: int) -> bool:
    """Whether the number at ``number_at`` follows the sentence's previous count with only list punctuation,
    "and" and an article between them."""
    return last_end is not None and _SERIES_GAP.fullmatch(sentence, last_end, number_at) is not None


#: Singular nouns a break-down may end with ("and one observer state"), with the unit they are counted in.
_SINGULAR = {
    "country": "countries",
    "state": "states",
    "organisation": "organisations",
    "organization": "organisations",
    "agency": "organisations",
    "delegation": "delegations",
}
_SERIES_ONE = re.compile(
    rf"[\s,;]*(?:(?:and|with|plus|together with|along with)\s+)?(?P<num>one|1)\s+"
    rf"(?P<mods>(?:[a-z-]+\s+){{0,2}}?)(?P<unit>{'|'.join(_SINGULAR)})\b",
    re.IGNORECASE,
)


_PEOPLE = frozenset({"delegates", "delegations", "participants", "ministers", "officials", "leaders"})
_PROSPECTIVE = re.compile(
    r"\bwill be\b|\bto be held\b|\bexpected\b|\binvited\b|\bwill (?:\w+ )?(?:attend|take part|participate|join)\b|"
    r"\b(?:are|is) (?:set|due|scheduled) to (?:attend|take part|participate|join)\b"
)
_MEMBER_ADJECTIVE = re.compile(rf"\b(?P<num>\d{{1,3}}|{_WORD_NUMBER})-member\b(?! states?\b)", re.IGNORECASE)


def counts_table(corpus: Corpus) -> pd.DataFrame:
    """Every stated count of attendance, membership or treaty parties, one row per count."""
    paras = corpus.paragraphs
    paras = paras[[_names_counted_noun(t) for t in paras["text"]]]
    dates = corpus.documents.set_index("doc_id")["date"]
    rows = []
    found: dict[str, list[dict[str, Any]]] = {}  # a paragraph repeated word for word is read once
    for p in each_row(paras):
        if p.text not in found:
            found[p.text] = extract_counts(p.text)
        for i, c in enumerate(found[p.text]):
            from_text = pd.notna(c["event_date"])
            rows.append(
                {
                    "doc_id": p.doc_id,
                    "paragraph_id": p.paragraph_id,
                    "position": p.position,
                    "n": i,
                    "as_of": c["event_date"] if from_text else dates[p.doc_id],
                    "as_of_basis": "paragraph" if from_text else "document",
                    **{k: v for k, v in c.items() if k != "event_date"},
                }
            )
    cols = [
        "doc_id",
        "paragraph_id",
        "as_of",
        "as_of_basis",
        "count",
        "unit",
        "noun",
        "subject",
        "qualifier",
        "prospective",
        "text",
    ]
    if not rows:
        return pd.DataFrame(columns=cols)
    df = pd.DataFrame(rows)
    df = df[df["subject"] != "other"]
    df = df.sort_values(["as_of", "doc_id", "position", "n"], kind="stable")
    return df[cols].reset_index(drop=True)
