"""The cheap tests that let the extractors skip work ("could this text hold a list of names at all?") never
reject a text that the full reading would accept: checked on every paragraph and line of the development
texts and on generated lists of names, in any case, with the gaps and bullets such lists hold."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baliprocess.membership import clauses as c
from baliprocess.membership.cues import ROLE_CUES
from baliprocess.membership.sources import _resolved
from baliprocess.prefilter import may_match
from examplecount import examples

# The module (the package exports a function of the same name).
g = importlib.import_module("baliprocess.membership.gazetteer")
ROOT = Path(__file__).resolve().parents[1]
DEV_FOLDERS = [
    ROOT / "data" / "corpus",
    ROOT / "data" / "eval" / "dev" / "corpus",
    *sorted((ROOT / "tests" / "dev").glob("*/corpus")),
]


def dev_texts() -> list[str]:
    """Every paragraph and every line of the development texts."""
    out: set[str] = set()
    for folder in DEV_FOLDERS:
        for path in sorted(folder.glob("*")):
            if path.suffix in {".md", ".txt"} and path.name != "README.md":
                text = path.read_text(encoding="utf-8")
                out.update(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())
                out.update(line.strip() for line in text.splitlines() if line.strip())
    return sorted(out)


def names_only(text: str) -> bool:
    """The full reading of :func:`gazetteer.is_name_list`, without the gate: the mentions, then the gaps."""
    data_dir = _resolved(None)
    body = g._BULLET.sub("", g.dehyphenate(text)).strip().rstrip(".;:")
    mentions = g.find_mentions(body, data_dir) if body and len(body) <= 4000 else []
    if not mentions:
        return False
    gaps = [body[a.end : b.start] for a, b in zip([g.Mention(0, 0, "", "", ""), *mentions], mentions, strict=False)]
    return all(g._NAME_GAP.match(gap) for gap in [*gaps, body[mentions[-1].end :]])


def test_the_full_reading_accepts_plain_lists() -> None:
    """The reference itself works: a list of names is one, a sentence is not (so the checks below can fail)."""
    assert names_only("- Fiji, the Republic of Korea and Viet Nam")
    assert names_only("UNHCR; IOM | UNODC")
    assert not names_only("Fiji and Tonga attended the meeting")


def test_the_name_list_gate_keeps_every_development_list() -> None:
    texts = dev_texts()
    accepted = [t for t in texts if names_only(t)]
    assert accepted, "the development texts hold lists of names"
    data_dir = _resolved(None)
    assert [t for t in texts if g._is_name_list(t, data_dir) != names_only(t)] == []


_FORMS = sorted(g.gazetteer())
_GAPS = [", ", " and ", "; ", " & ", ", as well as the ", " (", ") ", " | ", " AND THE ", ",\n", " dan "]
_CASES = [str, str.upper, str.lower, str.title]


@st.composite
def name_lists(draw: st.DrawFn) -> str:
    """A bullet (or none), then names of the gazetteer in any case (some with an "n" or "'s" added, as an
    adjective or a possessive), joined by list gaps, with now and then a word that is no name."""
    parts = [draw(st.sampled_from(["", "- ", "• ", "3. ", "(b) ", "the "]))]
    for k in range(draw(st.integers(1, 5))):
        if k:
            parts.append(draw(st.sampled_from(_GAPS)))
        name = draw(st.sampled_from(_CASES))(draw(st.sampled_from(_FORMS)))
        parts.append(name + draw(st.sampled_from(["", "", "", "n", "'s", ".", " Government", " meeting"])))
    return "".join(parts) + draw(st.sampled_from(["", ".", ";", " and others"]))


@examples(200)
@given(name_lists())
def test_the_name_list_gate_keeps_every_generated_list(text: str) -> None:
    assert g._is_name_list(text, _resolved(None)) == names_only(text)


@pytest.mark.parametrize("text", ["Fiji", "the Republic of Korea", "Sri Lankan", "Lao PDR, Türkiye and the UAE"])
def test_the_gate_knows_every_word_of_a_name(text: str) -> None:
    assert g._name_words(_resolved(None)).issuperset(g._LETTERS.findall(text.casefold()))


_ANY_START = re.compile(r"(?<![\w'’.-])[^\W\d_]")  # every start of a word, the pattern the loop once took


@examples(300)
@given(st.text(alphabet=st.sampled_from("aZz ÉéİıſK'’.-_9,(Ǆǅǆ\n"), max_size=40) | st.sampled_from(dev_texts()))
def test_the_mention_starts_hold_every_capital(text: str) -> None:
    """The starts the gazetteer visits hold every start of a word in capitals (it skips lower-case ones)."""
    every = {m.start() for m in _ANY_START.finditer(text) if text[m.start()].isupper()}
    assert every <= {m.start() for m in g._START.finditer(text)}


def partner_without_gate(before: str) -> bool:
    """Whether any verb cue of ``before`` has a partner gap after it (:func:`clauses.partner_cue`'s loop)."""
    return any(
        c._PARTNER_GAP.fullmatch(before[m.end() :])
        for _, kind, pattern in ROLE_CUES
        if kind == "verb"
        for m in pattern.finditer(before)
    )


_BEFORES = sorted({t[: m.start()] for t in dev_texts() for m in re.finditer(r"\b[A-Z]", t) if m.start()})


def test_the_partner_gate_keeps_every_partner_of_the_development_texts() -> None:
    found = [b for b in _BEFORES if partner_without_gate(b)]
    assert found, "the development texts hold names after a verb and 'by' or 'with'"
    assert all(c.partner_cue(b) is not None for b in found)


@examples(300)
@given(st.lists(st.sampled_from(["co-hosted", "attended", "the meeting", "BY", "With", "wİth", "the", " ", "\n", ","])))
def test_the_partner_gate_keeps_every_generated_partner(words: list[str]) -> None:
    before = " ".join(words)
    assert partner_without_gate(before) == (c.partner_cue(before) is not None)


def has_break_hint(text: str) -> bool:
    return may_match(c._CLAUSE_BREAK, text)


def test_the_clause_break_gate_keeps_every_break_of_the_development_texts() -> None:
    broken = [t for t in dev_texts() if c._CLAUSE_BREAK.search(t)]
    assert len(broken) > 10 and all(has_break_hint(t) for t in broken)


@examples(300)
@given(st.lists(st.sampled_from(["while", "But", "whereas", "although", "though", "–", "—", ";", ",", " ", "x"])))
def test_the_clause_break_gate_keeps_every_generated_break(words: list[str]) -> None:
    for text in (" ".join(words), "".join(words)):
        assert c._CLAUSE_BREAK.search(text) is None or has_break_hint(text)
