"""Roles that a list's own clause does not give but its sentence or its neighbour sentence does (issue 17,
branch ``lists6``: the entities-first reader of :mod:`.runs` marks every name and groups the names into runs;
this module gives a role to the runs that no cue of their clause reaches).

* **Co-chairs named through their officials** ("co-chaired by Mrs A, Deputy Director-General ..., for Thailand,
  and Ms B for Australia"; "two co-chairs: Mr A ... in Indonesia's Ministry ..., and Ms B for Australia";
  "Indonesia's Foreign Minister ..., who shared the chair with ..., Foreign Minister of Australia"): a sentence
  with a co-chair verb, or a co-chair noun that names a pair ("two co-chairs:", "as co-chairs", "ketua
  bersama"), that names exactly two states and no other entity gives both the co-chair role. Co-chairs come in
  pairs; two states, each beside an official, are the pair. Plain "chaired" makes co-chairs of two states
  written as one run next to it ("Australia and Indonesia chaired it"). Written from the fourth set (four
  documents) and the third set's class L4 (two); the second set's README names the same rule.
* **A sentence that continues the one before** through a pronoun: "Some eighty officials took part. They came
  from A, B and C" (the names take the verb of the sentence before, which names nobody), and "Ms A of Indonesia
  and Ms B of Australia arrived. Both will act as co-chairs" ("Keduanya akan bertindak sebagai ketua
  bersama": the names of the sentence before take the cue of the sentence that has only a pronoun). The
  predicate after the pronoun must be one that says where a group came from or what it held ("came from",
  "were from", "represented", "included"), so that "They discussed trafficking from Myanmar" gives nothing.
  Written from the fourth set; the second set has "participants came from" after a sentence of co-chairs.
* **An apposition after a run** ("Indonesia and Australia, the two co-chairs, together with New Zealand and
  IOM"): the noun describes the run before it (which takes that role as well as the verb's) and is no cue of
  the run after it. Written from the fourth set; general by design (an apposition names what stands before
  it).

A run that nothing reaches stays without a role (role "": :func:`.runs.paragraph_entries`), never a
participant by default: "countries of origin such as Afghanistan, Iran and Myanmar" names no list.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .cues import ROLE_CUES, cell_role, nearest_cue
from .gazetteer import Mention

__all__ = ["Entry", "SentenceRuns", "apposition_role", "context_entries", "without_apposition"]


class Entry(NamedTuple):
    """One listed name: the mention, its role, the cue that gave the role, and where the list was."""

    mention: Mention
    role: str
    cue: str
    source: str
    row: int


class SentenceRuns(NamedTuple):
    """One sentence as the run reader left it: its mentions, the entries whose clause gave a role, and the
    runs no cue reached."""

    sentence: str
    mentions: list[Mention]
    roled: list[Entry]
    unroled: list[list[Mention]]


_CO_CHAIR_VERB = next(p for role, kind, p in ROLE_CUES if role == "co_chair" and kind == "verb")
# A co-chair noun that names a pair, or that says what the names are ("the two co-chairs:", "as co-chairs").
_PAIR_NOUN = re.compile(
    r"\b(?:two|both|as|sebagai)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’]*\s+){0,2}?(?:joint\s+)?co-?chairs?\b|\bco-?chairs?\s*:|"
    r"\bketua bersama\b",
    re.IGNORECASE,
)
# Plain "chaired", which makes co-chairs only of two states written as one run beside it.
_CHAIRED_AFTER = re.compile(r"^\s+(?:(?:jointly|also|together)\s+)?chaired\b")
_CHAIRED_BEFORE = re.compile(r"\bchaired\s+by\s+(?:the\s+)?$")
# A sentence that continues the one before: a pronoun, then a predicate of where the group came from.
_CONTINUES = re.compile(
    r"^\W*(?:They|These|Those|Mereka)\s+(?:all\s+|also\s+)?(?:came from|were from|represented|included|"
    r"berasal dari)\b"
)
# A sentence whose subject is a pronoun for the names of the sentence before ("Both will act as co-chairs").
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:Both|They|Keduanya|Mereka)\b")
# A state after a preposition of topic or place is no co-chair ("the session on Myanmar", "arrived in Bali from
# Thailand" aside), unless it owns the office next to it ("in Indonesia's Ministry of Foreign Affairs").
_TOPIC = re.compile(r"\b(?:on|about|to|into|across|through|towards|against|at|in|near|within|di|ke)\s+(?:the\s+)?$")
_OWN = re.compile(r"^['’]s\b")
_APPOSITION = re.compile(
    r"^\s*,\s+(?:the|both)\s+(?:two\s+|joint\s+)?(?P<noun>co-?chairs?|observers?)\b[^,;.]{0,40}(?:,|$)",
    re.IGNORECASE,
)
_APPOSITION_BEFORE = re.compile(
    r"(?P<aside>,\s+(?:the|both)\s+(?:two\s+|joint\s+)?(?:co-?chairs?|observers?)\b[^,;.]{0,40},)"
    r"\s+(?:together with|along with|as well as|and|with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def apposition_role(after: str) -> tuple[str, str] | None:
    """(role, noun) of an apposition right after a run ("…, the two co-chairs, together with"), or None."""
    found = _APPOSITION.match(after)
    return None if found is None else cell_role(found["noun"])


def without_apposition(clause: str, start: int) -> str:
    """``clause`` with the apposition that describes the run before the one at ``start`` blanked out (same
    length), so that its noun is no cue of the run at ``start``."""
    found = _APPOSITION_BEFORE.search(clause[:start])
    if found is None:
        return clause
    a, b = found.span("aside")
    return clause[:a] + " " * (b - a) + clause[b:]


def _co_chairs(sentence: SentenceRuns, names: list[Mention], runs: list[list[Mention]]) -> list[Entry]:
    """Both states of a sentence that names exactly two entities, both states, and has a co-chair cue."""
    if len({m.key for m in names}) != 2 or any(m.kind != "state" for m in names):
        return []
    if any(_TOPIC.search(sentence.sentence[: m.start]) and not _OWN.match(sentence.sentence[m.end :]) for m in names):
        return []  # "co-chaired the session on Myanmar": a topic or a place, not one of the pair
    other = {e.mention.key for e in sentence.roled if e.role not in ("co_chair", "participant", "member")}
    if other:
        return []  # one of the two has another role here ("co-chaired by A; B attended as an observer")
    text = sentence.sentence
    cue = _CO_CHAIR_VERB.search(text) or _PAIR_NOUN.search(text)
    if cue is None:
        pair = next((r for r in runs if len({m.key for m in r}) == 2), None)
        if pair is None or not (
            _CHAIRED_AFTER.match(text[pair[-1].end :]) or _CHAIRED_BEFORE.search(text[: pair[0].start])
        ):
            return []
        return [Entry(m, "co_chair", "chaired", "sentence", 0) for m in pair]
    return [Entry(m, "co_chair", cue.group(), "sentence", 0) for m in names]


def context_entries(read: list[SentenceRuns]) -> list[Entry]:
    """The entries of a paragraph's sentences: those of their own clauses, those the rules of this module
    add, and the runs of two or more names still without a role (role "")."""
    out: list[Entry] = []
    placed: set[tuple[int, int]] = set()  # (sentence, mention start) given a role by a rule here
    added: list[list[Entry]] = [[] for _ in read]
    for k, s in enumerate(read):
        prev = read[k - 1] if k else None
        if s.mentions:
            added[k] += _co_chairs(s, s.mentions, s.unroled)
        elif prev is not None and prev.mentions and _PRONOUN_SUBJECT.match(s.sentence):
            added[k - 1] += _from_next(prev, s)
        if prev is not None and not prev.mentions and _CONTINUES.match(s.sentence):
            cue = nearest_cue(prev.sentence)
            if cue is not None and cue.kind == "verb":
                added[k] += [Entry(m, cue.role, cue.words, "sentence", 0) for r in s.unroled for m in r]
    for k, s in enumerate(read):
        known = {(e.mention.start, e.role) for e in s.roled}
        out += s.roled + [e for e in added[k] if (e.mention.start, e.role) not in known]
        placed |= {(k, e.mention.start) for e in added[k]}
    for k, s in enumerate(read):
        for run in s.unroled:
            if len(run) > 1 and not any((k, m.start) in placed for m in run):
                out += [Entry(m, "", "", "sentence", 0) for m in run]
    return out


def _from_next(prev: SentenceRuns, s: SentenceRuns) -> list[Entry]:
    """The names of ``prev`` with the role of the next sentence ``s``, whose subject is a pronoun for them."""
    names = [m for r in prev.unroled for m in r]
    if len({m.key for m in names}) < 2:
        return []
    co_chairs = _co_chairs(prev._replace(sentence=s.sentence), names, [])
    if co_chairs:
        return co_chairs
    cue = nearest_cue(s.sentence, (0, 0))
    if cue is None or cue.kind != "verb" or cue.role == "co_chair":
        return []
    return [Entry(m, cue.role, cue.words, "sentence", 0) for m in names]
