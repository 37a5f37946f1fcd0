"""The shortcuts that make the export faster give what the definitions they replace give: each is compared with
the old definition on hand-picked texts and on generated ones."""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baliprocess.membership import counts, cues, runs
from baliprocess.membership import lists as ls
from baliprocess.membership.context import context_entries
from baliprocess.membership.counts import extract_counts
from baliprocess.membership.sources import _resolved
from examplecount import examples
from test_speed_gates import dev_texts

# The module (the package exports a function of the same name).
g = importlib.import_module("baliprocess.membership.gazetteer")

# Pieces that make abbreviations, list words and cues likely in generated texts.
_PIECES = (
    "U.S.|U.K|Dr.|Mr. |Mrs.|Ms.|Prof.|Hon.|A. |R.M. |Fiji.|Mr|x.| |, |. |and |attended|co-chaired|Co-Chair|"
    "observers|members |ATTEND|particip|hadir|dihadiri|chairmanship|took part|took  part|İ|K|as observers|"
    "did not attend|were present"
).split("|")
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=12).map("".join)


def _old_mask(text: str) -> str:
    return ls._ABBREVIATION.sub(lambda m: m.group().replace(".", ls._MASKED_DOT), text)


def test_mask_abbreviations_by_hand() -> None:
    m = ls._MASKED_DOT
    assert ls._mask_abbreviations("the U.S. and Dr. Lee met") == f"the U{m}S{m} and Dr{m} Lee met"
    assert ls._mask_abbreviations("Marty M. Natalegawa") == f"Marty M{m} Natalegawa"
    assert ls._mask_abbreviations("Fiji attended. Tonga did not.") == "Fiji attended. Tonga did not."


@examples(400)
@given(_TEXTS)
def test_mask_abbreviations_is_the_old_substitution(text: str) -> None:
    assert ls._mask_abbreviations(text) == _old_mask(text)


def _old_may_hold_lists(texts: list[str]) -> list[int]:
    return [i for i, t in enumerate(texts) if ls._TRIGGER.search(t.lower())]


def test_may_hold_lists_by_hand() -> None:
    texts = ["Fiji attended.", "No word here.", "The Co-Chairs met.", "Fiji attended.", "Dihadiri oleh", "chai"]
    assert ls.may_hold_lists(texts) == [0, 2, 3, 4]
    assert "chair" in ls._TRIGGER_CORE and "co-chair" not in ls._TRIGGER_CORE


@examples(300)
@given(st.lists(_TEXTS, max_size=6))
def test_may_hold_lists_is_the_old_scan(texts: list[str]) -> None:
    assert ls.may_hold_lists(texts) == _old_may_hold_lists(texts)


def _old_nearest_cue(text: str, span: tuple[int, int] | None = None) -> cues.Cue | None:
    at = span or (len(text), len(text))
    best = None
    for role, kind, pattern in cues.ROLE_CUES:
        for m in pattern.finditer(text):
            if at[0] < at[1] and m.start() >= at[0] and m.end() <= at[1]:
                continue
            between = text[m.end() : at[0]] if m.end() <= at[0] else text[at[1] : m.start()]
            cue = cues.Cue(role, m.group(), kind, cues._word_count(between))
            cand = (cue.score, cues._ORDER[role], cue)
            if best is None or cand[:2] < best[:2]:
                best = cand
    return None if best is None else best[2]


def test_cue_matches_by_hand() -> None:
    text = "Fiji and Tonga attended as observers"
    found = cues.cue_matches(text)
    assert ("observer", "verb", 15, 36, "attended as observers") in found
    assert ("participant", "verb", 15, 23, "attended") in found
    assert cues.nearest_cue(text, (0, 14)) == cues.Cue("observer", "attended as observers", "verb", 0)
    assert cues.cue_matches("Fiji and Tonga") == ()


@examples(300)
@given(_TEXTS, st.integers(0, 40), st.integers(0, 40))
def test_nearest_cue_is_the_old_search(text: str, a: int, b: int) -> None:
    span = (min(a, b, len(text)), min(max(a, b), len(text)))
    assert cues.nearest_cue(text, span) == _old_nearest_cue(text, span)
    assert cues.nearest_cue(text) == _old_nearest_cue(text)


def test_trigger_words_are_literal() -> None:
    assert all(re.escape(w).replace("\\ ", " ").replace("\\-", "-") == w for w in ls._TRIGGER_WORDS)


def _old_dehyphenate(text: str) -> str:
    return g._BROKEN.sub("", text) if "-" in text else text


def test_dehyphenate_by_hand() -> None:
    assert g.dehyphenate("atten- ded by New Zeal-\nand") == "attended by New Zealand"
    assert g.dehyphenate("Timor-Leste and co-chairs - a list") == "Timor-Leste and co-chairs - a list"


@examples(300)
@given(st.lists(st.sampled_from(["-", " ", "\n", "a", "Z", "-\t", "x- y", "- "]), max_size=12).map("".join))
def test_dehyphenate_is_the_old_join(text: str) -> None:
    assert g.dehyphenate(text) == _old_dehyphenate(text)


def test_sentences_read_once_by_hand() -> None:
    entries = runs.paragraph_entries("The meeting opened. Fiji and Tonga attended as observers.")
    assert [(e.mention.key, e.role, e.cue) for e in entries] == [
        ("FJI", "observer", "attended as observers"),
        ("TON", "observer", "attended as observers"),
    ]
    data = _resolved(None)
    assert runs._read_sentence("Fiji attended.", data) is runs._read_sentence("Fiji attended.", data)


def test_sentences_read_once_give_the_old_entries() -> None:
    """Every development paragraph: the entries from the sentences read once are those read afresh."""
    data = _resolved(None)
    fresh = runs._read_sentence.__wrapped__
    for text in dev_texts():
        read = [fresh(s, data) for s in runs._sentences(g.dehyphenate(text))]
        assert runs.paragraph_entries(text) == context_entries(read), text


def _old_find_cued_lists(text: str) -> tuple[tuple[str, str, str], ...]:
    """The list grammar as it read a whole paragraph before its sentences were read once each (commit e4d1fcc)."""
    found: list[tuple[int, str, str, str]] = []
    offset = 0
    for sentence in ls._SENTENCE_END.split(ls._mask_abbreviations(ls._LABEL.sub("", text))):
        if "Working Group" in sentence and "co-chair" in sentence.lower():
            offset += len(sentence) + 1
            continue
        taken: list[tuple[int, int]] = []
        for role, pattern in ls.LIST_PATTERNS:
            for m in pattern.finditer(sentence):
                span, lst = m.span("list"), m.group("list")
                if (
                    any(s < span[1] and span[0] < e for s, e in taken)
                    or ls._COUNT_START.match(lst)
                    or extract_counts(lst)
                ):
                    continue
                taken.append(span)
                whole = m.group(0)
                cue = (whole[: span[0] - m.start()] + "…" + whole[span[1] - m.start() :]).strip()
                found.append(
                    (offset + span[0], role, lst.replace(ls._MASKED_DOT, "."), cue.replace(ls._MASKED_DOT, "."))
                )
        offset += len(sentence) + 1
    return tuple((role, lst, cue) for _, role, lst, cue in sorted(found, key=lambda t: t[0]))


def test_lists_by_sentence_by_hand() -> None:
    text = (
        "The meeting was attended by Fiji, Tonga and Samoa. It was co-chaired by Indonesia and Australia. "
        "The Working Group was co-chaired by Fiji and Tonga."
    )
    assert ls._find_cued_lists(text) == (
        ("participant", "Fiji, Tonga and Samoa", "attended by …"),
        ("co_chair", "Indonesia and Australia", "co-chaired by …"),
    )


def test_counts_by_sentence_by_hand() -> None:
    text = "Some 45 countries attended the meeting. The Bali Process has 49 members: 45 states and four organisations."
    found = [(c["count"], c["unit"], c["subject"], c["text"]) for c in extract_counts(text)]
    assert found == [
        (45, "countries", "attendance", "Some 45 countries"),
        (49, "members", "membership", "49 members"),
        (45, "states", "membership", "45 states"),
        (4, "organisations", "membership", "four organisations"),
    ]
    changed = extract_counts(text)
    changed[0]["count"] = 0  # a caller's change leaves what the next caller gets
    assert extract_counts(text)[0]["count"] == 45


def test_sentences_read_once_give_the_old_lists_and_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every development paragraph: lists and counts from the sentences read once are those read afresh."""
    texts = dev_texts()
    cached = [extract_counts(text) for text in texts]
    assert [extract_counts(text) for text in texts] == cached  # the second time from the cache
    for text in texts:
        assert ls._find_cued_lists(text) == _old_find_cued_lists(text), text
    monkeypatch.setattr(counts, "_sentence_counts", counts._sentence_counts.__wrapped__)
    assert [extract_counts(text) for text in texts] == cached
    assert any(cached)


class _Everything:
    """A set that holds every beginning: the mention finder then reads as many tokens as the longest form has,
    as it did before it stopped at words that begin no form."""

    def __contains__(self, item: object) -> bool:
        return True


def test_mentions_read_only_the_tokens_a_form_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _resolved(None)
    texts = [
        *dev_texts(),
        "The Republic of Korea's delegation, the Kingdom of Thailand and The Sri Lankan Navy attended.",
        "Indonesia's Ministry of Foreign Affairs and the United Kingdom of Great Britain and Northern Ireland",
        "The United States, the United Arab Emirates and the UAE; Korea, Republic of, and Iran (Islamic Republic of)",
    ]
    assert g._continued(data)["republic"] >= {("republic",), ("republic", "of")}
    found = [g._find_mentions.__wrapped__(t, data) for t in texts]
    monkeypatch.setattr(g, "_continued", lambda data_dir: {k: _Everything() for k in g._index(data_dir)})
    assert [g._find_mentions.__wrapped__(t, data) for t in texts] == found
    assert [m.key for m in found[-3]] == ["KOR", "THA", "LKA"]
