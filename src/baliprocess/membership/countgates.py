"""The words of a stated count (its nouns, its numbers in words) and the cheap tests that let
:mod:`.counts` skip a paragraph, a sentence or a window that cannot state one: each says no only where the
full reading finds nothing (``tests/test_count_gates.py`` compares them with what they replaced)."""

from __future__ import annotations

import re

from ..literalscan import LiteralSet
from ..numberwords import NUMBER_WORDS
from ..prefilter import may_match
from .countsid import ID_UNITS

_UNITS = {
    "countries": "countries",
    "states": "states",
    "delegates": "delegates",
    "delegations": "delegations",
    "organisations": "organisations",
    "organizations": "organisations",
    "members": "members",
    "parties": "parties",
    "participants": "participants",
    "observers": "observers",
    "actors": "actors",
    "governments": "governments",
    "economies": "economies",
    "nations": "countries",
    "agencies": "organisations",
    "ministers": "ministers",
    "officials": "officials",
    "leaders": "leaders",
    "representatives": "participants",
}
_ONES = NUMBER_WORDS
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_NUMBER = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[1:10])}))?|"
    rf"(?:{'|'.join(sorted(_ONES, key=len, reverse=True))}))"
)
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset(_ONES) | frozenset(_TENS) | {"hundred"}


# A number word standing as a whole word of letters (a maximal run of a-z), in one scan.
_NUMBER_WORD = re.compile(rf"(?<![a-z])(?:{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})(?![a-z])")


def _may_hold_number(window: str) -> bool:
    """Cheap pre-check for :data:`_COUNT_RE`: a digit or a number word occurs in ``window`` (a maximal run of
    the letters a-z in ``window.lower()`` is one of :data:`_NUMBER_WORDS`)."""
    return bool(_DIGIT.search(window)) or _NUMBER_WORD.search(window.lower()) is not None


_UNIT_HINT = re.compile(rf"\b(?:{'|'.join(_UNITS)})\b", re.IGNORECASE)
# The same on a text of ASCII in lower case, where ignoring case changes nothing: a case-sensitive scan of the
# lowered text finds the same spans, in half the time.
_UNIT_HINT_LOWER = re.compile(rf"\b(?:{'|'.join(_UNITS)})\b")


def _unit_hits(sentence: str) -> list[re.Match[str]]:
    """The matches of :data:`_UNIT_HINT` in ``sentence`` (only their spans are read)."""
    if sentence.isascii():
        low = sentence.lower()
        return list(_UNIT_HINT_LOWER.finditer(low)) if may_match(_UNIT_HINT_LOWER, low) else []
    return list(_UNIT_HINT.finditer(sentence)) if may_match(_UNIT_HINT, sentence) else []


_COUNTED_NOUNS = (*_UNITS, "-member", *ID_UNITS)
_COUNTED_NOUN_SET = LiteralSet(_COUNTED_NOUNS)


def _names_counted_noun(text: str) -> bool:
    """Whether ``text`` in lower case holds one of the nouns a count is of (else it states no count): one pass
    of :class:`~baliprocess.literalscan.LiteralSet` instead of a search per noun."""
    return _COUNTED_NOUN_SET.any_in(text.lower())
