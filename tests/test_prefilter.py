"""The cheap pre-test of a pattern (:mod:`baliprocess.prefilter`) never says "no match" of a text that the
pattern matches: on hand-made patterns with hand-derived strings, on every pattern the extractors gate, over
the development texts, and over generated texts in any case; a pattern narrowed to the alternatives a text
may hold finds the same matches there as the whole pattern."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baliprocess.membership.cues import ROLE_CUES
from baliprocess.membership.lists import LIST_PATTERNS
from baliprocess.prefilter import (
    ASCII_CASE_TWINS,
    fold,
    may_match,
    narrowed,
    required_literals,
    top_level_alternatives,
)
from examplecount import examples
from test_speed_gates import dev_texts

GATED = [p for _, _, p in ROLE_CUES] + [p for _, p in LIST_PATTERNS]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bdid not (?:attend|join)\b", {"did not "}),
        (r"(?:ab|cd)+e?", {"ab", "cd"}),
        (r"x*y?", None),
        (r"(?i:Sat) in", {" in"}),  # a group with its own flags tells nothing
        (r"\bco-?chair(?:ed|ing)\b", {"chair"}),
        (r"attend(?:ed|ing)|present", {"attend", "present"}),
        (r"(?<=by )\w+", None),
        (r"[Oo]bservers", {"bservers"}),
        (r"\s[–—]\s", {"–", "—"}),  # a class of single characters tells its characters
        (r",\s+but\b|\s[–—]\s|;", {"but", "–", "—", ";"}),
        (r"[^ab]", None),
        (r"[a-c]", None),
        (r"[\w;]", None),
    ],
)
def test_required_literals_by_hand(pattern: str, expected: set[str] | None) -> None:
    found = required_literals(re.compile(pattern))
    assert (None if found is None else set(found)) == expected


def test_ignoring_case_reads_lower_case() -> None:
    pattern = re.compile(r"\bAttended BY\b", re.IGNORECASE)
    assert required_literals(pattern) == {"attended by"}
    assert may_match(pattern, "ATTENDED by")
    assert not may_match(pattern, "attended, by")


def test_a_class_ignoring_case_reads_lower_case_and_ascii_only() -> None:
    assert required_literals(re.compile("[AB]", re.IGNORECASE)) == {"a", "b"}
    assert required_literals(re.compile("[AÉ]", re.IGNORECASE)) is None  # "É"'s twins are not worked out
    assert may_match(re.compile("x[AB]", re.IGNORECASE), "XB") and not may_match(re.compile("[AB]", re.IGNORECASE), "c")


def test_the_case_twins_are_every_letter_outside_ascii_that_matches_one_inside() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    outside = "".join(map(chr, range(128, sys.maxunicode + 1)))  # one scan, not a match call a character
    twins = {ord(m.group()): m.group().lower() for m in letter.finditer(outside)}
    assert set(twins) == set(ASCII_CASE_TWINS)
    assert all(re.fullmatch(ASCII_CASE_TWINS[c], chr(c), re.IGNORECASE) for c in twins)
    assert fold("ſent Kİt") == "sent kit"


def test_every_gated_pattern_is_told_something() -> None:
    """The patterns of the cues and the list grammar all yield strings (else their gate would do nothing)."""
    assert [p.pattern[:40] for p in GATED if required_literals(p) is None] == []


def test_no_match_in_the_development_texts_is_refused() -> None:
    matched = 0
    for text in dev_texts():
        for pattern in GATED:
            for m in pattern.finditer(text):
                matched += 1
                assert may_match(pattern, text) and may_match(pattern, m.group()), (pattern.pattern, m.group())
    assert matched > 100


_PIECES = [*sorted({s for p in GATED for s in required_literals(p) or ()}), "ſ", "K", "İ", "ı", " ", ",", "by "]


@examples(300)
@given(st.lists(st.sampled_from(_PIECES).map(lambda s: s.upper() if len(s) % 3 == 0 else s), max_size=12))
def test_no_match_in_generated_texts_is_refused(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for pattern in GATED:
        assert pattern.search(text) is None or may_match(pattern, text), pattern.pattern


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\bab\b|c(?:d|e)|f", [r"\bab\b", "c(?:d|e)", "f"]),
        (r"[|]x|\|y", ["[|]x", r"\|y"]),  # a "|" in a class or escaped cuts nothing
        (r"[]|]a|[^]|(]b|c", ["[]|]a", "[^]|(]b", "c"]),  # a "]" first in a class is one of its characters
        (r"(?<=\()a|b\)", [r"(?<=\()a", r"b\)"]),
        ("abc", ["abc"]),
    ],
)
def test_top_level_alternatives_by_hand(source: str, expected: list[str]) -> None:
    assert top_level_alternatives(source) == expected
    assert "|".join(expected) == source


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def test_narrowing_keeps_the_alternatives_the_text_may_hold() -> None:
    absent = next(p for role, kind, p in ROLE_CUES if (role, kind) == ("absent", "verb"))
    text = "Fiji did not attend, and Tonga sent its apologies"
    kept = narrowed(absent, text)
    assert kept is not None and kept is not absent and len(kept.pattern) < len(absent.pattern) / 2
    assert _spans(kept, text) == _spans(absent, text) == [(5, 19), (40, 49)]
    assert narrowed(absent, "Fiji attended") is None
    grouped = re.compile(r"(a)b|cd")  # its group numbers would change: used whole when it may match
    assert narrowed(grouped, "xcd") is grouped and narrowed(grouped, "xyz") is None


def test_narrowed_cues_find_the_same_matches_in_the_development_texts() -> None:
    narrower = 0
    for text in dev_texts():
        for _, _, pattern in ROLE_CUES:
            kept = narrowed(pattern, text)
            narrower += kept is not None and kept is not pattern
            assert _spans(kept, text) == _spans(pattern, text), (pattern.pattern[:40], text[:80])
    assert narrower > 100


@examples(300)
@given(st.lists(st.sampled_from(_PIECES).map(lambda s: s.upper() if len(s) % 3 == 0 else s), max_size=12))
def test_narrowed_cues_find_the_same_matches_in_generated_texts(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for _, _, pattern in ROLE_CUES:
        assert _spans(narrowed(pattern, text), text) == _spans(pattern, text), pattern.pattern[:40]
