"""One pass of an automaton (:mod:`baliprocess.literalscan`) says what the substring tests it replaces say: which
of many strings a text holds, on generated texts and strings (overlapping, nested, repeated, outside ASCII) and
on the development texts; :func:`~baliprocess.prefilter.may_match_each` agrees with :func:`may_match` and
:func:`~baliprocess.prefilter.narrowed_each` with :func:`narrowed`, pattern by pattern."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baliprocess.literalscan import LiteralSet
from baliprocess.membership.countgates import _COUNTED_NOUNS, _names_counted_noun
from baliprocess.membership.cues import ROLE_CUES
from baliprocess.membership.lists import _TRIGGER_CORE, _TRIGGER_WORDS, LIST_PATTERNS, _holds_trigger
from baliprocess.prefilter import fold, may_match, may_match_each, narrowed, narrowed_each
from examplecount import examples
from test_speed_gates import dev_texts

# A small alphabet, so that generated strings often occur in generated texts, overlapping and nested.
_CHARS = st.sampled_from(["a", "b", "ab", "I", "ı", "é", " ", "\n", "-"]).map(str)
_TEXT = st.lists(_CHARS, max_size=30).map("".join)
_STRING = st.lists(_CHARS, min_size=1, max_size=4).map("".join)


@examples(300)
@given(strings=st.lists(_STRING, max_size=8), text=_TEXT)
def test_found_is_the_substring_test(strings: list[str], text: str) -> None:
    literals = LiteralSet(strings)
    distinct = list(dict.fromkeys(strings))
    expected = sum(1 << i for i, s in enumerate(distinct) if s in text)
    assert literals.found(text) == expected
    assert literals.any_in(text) == any(s in text for s in strings)


@examples(200)
@given(masks=st.dictionaries(_STRING, st.integers(1, 255), max_size=6), text=_TEXT)
def test_masks_of_the_callers_choosing(masks: dict[str, int], text: str) -> None:
    found = 0
    for s, mask in masks.items():
        found |= mask if s in text else 0
    assert LiteralSet(masks).found(text) == found


def test_no_strings_and_the_empty_string() -> None:
    assert LiteralSet([]).found("anything") == 0
    assert not LiteralSet([]).any_in("anything")
    with pytest.raises(ValueError, match="empty string"):
        LiteralSet(["a", ""])


_PATTERNS = tuple(p for _, p in LIST_PATTERNS) + tuple(p for _, _, p in ROLE_CUES) + (re.compile(r"\d+"),)


# Words of the role cues' alternatives, in several cases: texts of them hold some alternatives of a pattern only.
_CUE_WORDS = [
    w
    for phrase in ("attended by", "co-chaired", "JOINTLY LED", "as observers", "members include", "took part", "Hadir")
    for w in (*phrase.split(), phrase.upper())
] + ["İnvited", "the", "was", "not", "Kelvin"]


def _each(text: str) -> int:
    return sum(1 << i for i, p in enumerate(_PATTERNS) if may_match(p, text))


@examples(200)
@given(text=st.text(alphabet=st.sampled_from(list("attendedobserversco-chairİıK ,.ATTEND")), max_size=60))
def test_may_match_each_is_may_match_pattern_by_pattern(text: str) -> None:
    assert may_match_each(_PATTERNS, text) == may_match_each(_PATTERNS, text, fold(text)) == _each(text)
    assert narrowed_each(_PATTERNS, text) == [narrowed(p, text) for p in _PATTERNS]


@examples(200)
@given(words=st.lists(st.sampled_from(_CUE_WORDS), max_size=8))
def test_narrowed_each_on_cue_words(words: list[str]) -> None:
    text = " ".join(words)
    assert narrowed_each(_PATTERNS, text, fold(text)) == [narrowed(p, text) for p in _PATTERNS]


def test_the_gates_on_the_development_texts() -> None:
    for text in dev_texts():
        assert may_match_each(_PATTERNS, text) == _each(text)
        assert narrowed_each(_PATTERNS, text) == [narrowed(p, text) for p in _PATTERNS]
        assert _names_counted_noun(text) == any(noun in text.lower() for noun in _COUNTED_NOUNS)
        assert _holds_trigger(text) == any(w in text.lower() for w in _TRIGGER_WORDS)
    assert set(_TRIGGER_CORE) <= set(_TRIGGER_WORDS)
