"""The cheap tests that let the stated-count reader (and the word count) skip work never change what they
read: each gate against the reading it replaces, on generated text (words of counts in any case, digits, the
letters outside ASCII that a pattern ignoring case reads as ASCII ones) and on every paragraph and line of the
development texts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baliprocess import prefilter
from baliprocess.corpus import count_words
from baliprocess.membership import countgates as g
from baliprocess.membership import counts as m
from baliprocess.membership.countsid import ID_UNITS
from examplecount import examples
from test_speed_gates import dev_texts

_WORDS = [*g._UNITS, *g._NUMBER_WORDS, *ID_UNITS, "-member", "member", "statement", "often", "tenth", "one-third"]
_WORDS += ["attended by", "has", "the", "and", "more than", "49", "2002", "1,200", "Mr.", "(", ")"]
_PIECES = st.one_of(
    st.sampled_from(_WORDS).map(lambda w: w.upper() if len(w) % 3 == 0 else w.title() if len(w) % 3 == 1 else w),
    st.sampled_from([" ", " ", ", ", ". ", "; ", ": ", "-", "\n", "ſ", "İ", "\u212a", "é", "ß", "x", "s"]),
)
TEXTS = st.lists(_PIECES, max_size=40).map("".join)


def _split_reading(window: str) -> bool:
    """The number pre-check as it was: a digit, or a word of letters split out of the lowered text."""
    return bool(re.search(r"\d", window)) or not g._NUMBER_WORDS.isdisjoint(re.split(r"[^a-z]+", window.lower()))


def _ungated(text: str, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    with monkeypatch.context() as patch:
        patch.setattr(m, "may_match", lambda *_args, **_kw: True)
        patch.setattr(m, "_unit_hits", lambda sentence: list(g._UNIT_HINT.finditer(sentence)))
        return m.extract_counts(text)


def _same(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert prefilter.fold(text) == text.translate(prefilter.ASCII_CASE_TWINS).lower()
    assert g._may_hold_number(text) == _split_reading(text)
    assert [h.span() for h in g._unit_hits(text)] == [h.span() for h in g._UNIT_HINT.finditer(text)]
    assert m.extract_counts(text) == _ungated(text, monkeypatch), text


def test_the_gates_by_hand() -> None:
    assert g._may_hold_number("Forty-five states") and g._may_hold_number("delegates from 3")
    assert not g._may_hold_number("often attended by someone") and not g._may_hold_number("tenth")
    assert [h.span() for h in g._unit_hits("ſtates and COUNTRIES, statesmen")] == [(0, 6), (11, 20)]
    assert [h.span() for h in g._unit_hits("States and COUNTRIES, statesmen")] == [(0, 6), (11, 20)]


@examples(400)
@given(TEXTS)
def test_the_gates_change_nothing_on_generated_text(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _same(text, monkeypatch)


def test_the_gates_change_nothing_on_the_development_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = dev_texts()
    assert len(texts) > 500
    for text in texts:
        _same(text, monkeypatch)


@given(TEXTS)
def test_the_paragraph_hint_is_the_pattern_it_replaces(text: str) -> None:
    pattern = re.compile("|".join([*g._UNITS, "-member", *ID_UNITS]))  # as it was, on the lowered text
    assert g._names_counted_noun(text) == (pattern.search(text.lower()) is not None)


_TOKENS = st.lists(
    st.sampled_from(["word", "Ünïcode", "42", "_", "-", "...", "–", "(a)", "—", "é", " ", "  ", "\n", "\t", "\u00a0"]),
    max_size=30,
).map("".join)


@given(_TOKENS)
def test_word_count_is_the_tokens_holding_a_letter_or_digit(text: str) -> None:
    """count_words against its definition and against the pattern it replaced (a look-behind at every
    position): tokens split at white space, less those without a word character."""
    assert count_words(text) == sum(1 for token in text.split() if re.search(r"\w", token))
    assert count_words(text) == len(text.split()) - len(re.findall(r"(?<!\S)[^\w\s]+(?!\S)", text))
