"""Role cues: the words around a list that say in what role its names are listed (participant, observer,
member, expected, co-chair, absent), and how the nearest of them is chosen.

A cue is a *verb* (or a fixed phrase that works like one: "took part", "sat in as observers", "did not
attend", "will attend", "made up of", "co-chaired by", "apologies") or a *noun* ("members", "delegations",
"representatives", "co-chairs"). A verb says what the listed names did; a noun often only names a group
the sentence mentions ("together with the three member organisations"), so a noun counts
:data:`NOUN_PENALTY` words further away than it is. The cue with the smallest such distance wins; ties go to
the earlier role of :data:`ROLE_CUES` (absent before expected before observer ...).

Words that never give a role: "among them", "including" (they point back to the noun before them), a verb in
the simple present ("attend", "take part": a habit, not a meeting), and membership of a body of the
process ("Steering Group member"), which says why a delegation was there, not its role in the list.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..prefilter import fold, narrowed_each

__all__ = [
    "BROADENING_ROLES",
    "GROUP_ACTED",
    "MAX_CUE_DISTANCE",
    "NOUN_PENALTY",
    "QUALIFYING_ROLES",
    "ROLE_CUES",
    "VERB_CUE",
    "Cue",
    "cell_role",
    "cue_matches",
    "cue_role",
    "nearest_cue",
]

_VERB, _NOUN = "verb", "noun"

#: A group that did something at the meeting ("Ten Working Group members spoke on ...", "Fifteen members sent
#: representatives", "the four members shown reported on ..."): the group took part, whatever it is a member of
#: (class L16/K1, written from heldout7; heldout3 and heldout6 have the same form in their counts).
GROUP_ACTED = (
    r"\b(?:members|countries|states|governments|delegations|organi[sz]ations|agencies)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:spoke|reported|presented|briefed|shared|gave|delivered|outlined|described|sent|took the floor|"
    r"updated|exchanged|discussed|made (?:statements|presentations|interventions))\b"
)

# (role, verb pattern, noun pattern): the verbs first, then the nouns, of every role.
_VOCABULARY: tuple[tuple[str, str, str], ...] = (
    (
        "absent",
        r"\bdid not (?:attend|take part|participate|join)\b|\bnot (?:attending|present|represented)\b|"
        r"\b(?:was|were) absent\b|\babsent\b|\bunable to (?:attend|join|take part)\b|"
        r"\bcould not (?:attend|join|take part)\b|\bapologies\b|\bsent (?:their )?regrets\b|"
        r"\bsent no (?:delegation|delegates|representatives?|officials?)\b|\btidak hadir\b|\bdid not\b|"
        r"\bno (?:delegations?|delegates|representatives?|officials?) (?:came|attended|took part|was sent|were sent)\b|"
        r"\bno\b(?=\s*$)",
        r"\babsentees?\b",
    ),
    (
        "expected",
        r"\bexpected\b(?!\s+to\s+(?!attend|participate|take|join|be|send)\w)|\binvit(?:ed|ation)\b|"
        r"\b(?:may|might) (?:(?!not\b)\w+ )?(?:attend|participate|take part|join)\b|"
        r"\bwill (?:\w+ )?(?:attend|participate|take part|join|"
        r"be represented|send)\b|\b(?:are|is) to (?:attend|take part|participate)\b|"
        r"\b(?:due|scheduled|set|planning|plan|plans) to (?:attend|take part|participate|join)\b|"
        r"\bdiharapkan\b|\bakan (?:hadir|menghadiri|berpartisipasi)\b|\bdiundang\b|"
        r"\b(?:rencananya|direncanakan|dijadwalkan)\s+(?:akan\s+)?(?:dihadiri|hadir|menghadiri|diikuti|ikut serta)\b",
        r"\binvitees?\b",
    ),
    (
        "observer",
        r"\bsat in\b|\bsitting in\b|\bobserv(?:ed|ing)\b|"
        r"\b(?:(?:attended|participated|took part|joined|sat|(?:was|were) (?:present|represented))\s+)?"
        r"as (?:an )?observers?\b|"
        r"\bin an? observer (?:capacity|role)\b|\bobserver status\b",
        r"\bobservers?\b|\bpengamat\b",
    ),
    (
        "co_chair",
        r"\bco-?chair(?:ed|ing)\b|\bjoint(?:ly)? chair\w*\b|\bchaired jointly\b|\bjointly presided\b|"
        r"\bpresided jointly\b|\bco-?presided\b|\bjointly (?:led|hosted|convened)\b|\bco-?(?:led|hosted)\b|"
        r"\bshar(?:ed|ing) the chair\b|\bmemimpin bersama\b|\bdipimpin bersama\b|\b(?:di|meng)ketuai bersama\b",
        r"\bco-?chair(?:s|man|men|manship|person)?\b|\bjoint chairmanship\b|\bketua bersama\b",
    ),
    (
        "member",
        r"\bmade up of\b|\bcompris(?:e|es|ed|ing)\b|\bconsists? of\b|\bconsisting of\b|"
        r"\b(?:is|are|was|were|became) (?:now )?(?:an? )?(?:(?!not\b)\w+ )?members?\b|\bkeanggotaan\b|"
        r"\bberanggotakan\b|"
        r"\bbrings? together\b|"
        r"\bmembers?(?: of (?:the )?(?:[A-Z][\w-]*\s+){1,4})?\s*(?:are|were|include|included)\b",
        r"(?<!\bnot )(?<!non-)\bmembers?\b|\bmembership\b|\banggota\b",
    ),
    (
        "participant",
        rf"{GROUP_ACTED}|\battend(?:ed|ing)\b|\b(?:took|taking) part\b|\bparticipat(?:ed|ing)\b|\bpresent\b|"
        r"\brepresented\b|\bgathered\b|\bbrought together\b|\bin attendance\b|\bdihadiri\b|\bhadir\b|"
        r"\bmenghadiri\b|\bikut serta\b|\bmet with\b|\bmeeting with\b|\byes\b(?=\s*$)|"
        r"\bjoined (?:the|this) (?:meeting|session|talks|discussions?|conference|workshop|forum|dialogue)\b",
        r"\battendance\b|\battendees?\b|\bparticipants?\b|\bparticipation\b|\bdelegations?\b|"
        r"\bdelegates?\b|\brepresentatives?\b|\bpeserta\b|\bdelegasi\b",
    ),
)

#: (role, kind, pattern): kind is "verb" or "noun"; in order of precedence when two cues lie equally near.
ROLE_CUES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (role, kind, re.compile(pattern, re.IGNORECASE))
    for role, verbs, nouns in _VOCABULARY
    for kind, pattern in ((_VERB, verbs), (_NOUN, nouns))
)
_CUE_PATTERNS = tuple(pattern for _, _, pattern in ROLE_CUES)
_ORDER = {role: i for i, (role, _, _) in enumerate(_VOCABULARY)}

#: A noun cue counts this many words further from its list than it is (a verb says more than a noun).
NOUN_PENALTY = 4
#: A cue further than this many words (a noun's penalty included) from its list does not govern it ("the
#: role played by the co-chairs, the coordinators, and UNHCR and IOM" does not make UNHCR a co-chair).
MAX_CUE_DISTANCE = 8
#: A verb cue that may govern one name on its own ("Fiji also attended", "Japan sat in as an observer").
VERB_CUE = re.compile(
    r"\b(?:attended|took part|participated|sat in|co-?chaired|co-?hosted|co-?led|jointly (?:led|hosted)|"
    r"as an? observer|shar(?:ed|ing) the chair|did not attend|is (?:now )?an? (?:\w+ )?member|"
    r"joined as|joined the (?:meeting|session|talks|conference|workshop)|"
    r"was present|were present|was represented|(?:was|were) (?:absent|not (?:present|represented))|"
    r"sent no \w+|sent (?:its |their )?(?:apologies|regrets)|did not send|delegation (?:was|were) (?:led|headed)|"
    r"(?:led|headed) (?:the|a|its) \w+ delegation)\b",
    re.IGNORECASE,
)
#: Roles that add to a table's or list's own role rather than replace it: a co-chair in a list of the
#: delegations that attended attended too, and in a list of members is a member too.
BROADENING_ROLES = frozenset({"co_chair"})
#: A role that, in a list of another role, only qualifies it: "Member" beside a delegation in a list of those
#: who attended says in what standing it came (a member that attended), not that the list is of members.
QUALIFYING_ROLES = {"member": "participant"}

# Membership of a body of the process, not of the process ("Steering Group member", "member of the Ad Hoc
# Group"): no cue.
_BODY_MEMBER = re.compile(
    r"\b(?:[A-Z][\w-]*\s+){0,3}(?:Group|Committee|Council|Board|Force|Forum)\s+members?\b|"
    r"\bmembers?\s+of\s+the\s+(?:[A-Z][\w-]*\s+){0,4}(?:Group|Committee|Council|Board|Force|Forum)\b"
)


class Cue(NamedTuple):
    """The cue chosen for a list: its role, its words, its kind and the words between it and the list."""

    role: str
    words: str
    kind: str
    distance: int

    @property
    def score(self) -> int:
        """The words between the cue and its list, plus :data:`NOUN_PENALTY` for a noun."""
        return self.distance + (NOUN_PENALTY if self.kind == _NOUN else 0)


# A word has a letter or digit: a bracket, a dash or a colon standing alone between a cue and its list is no word
# ("the six members of the group (A, B and C)" puts the noun as near as "the six members of the group: A, B").
_WORD = re.compile(r"\S*\w\S*")


def _word_count(text: str) -> int:
    """The words in ``text``: tokens with at least one letter or digit."""
    return len(_WORD.findall(text))


def nearest_cue(text: str, span: tuple[int, int] | None = None) -> Cue | None:
    """The cue of ``text`` nearest to ``span`` (the whole text's end when None), a noun's penalty included;
    cues inside ``span`` (words between the names of the list itself) are skipped. None when there is
    none."""
    at = span or (len(text), len(text))
    best: tuple[int, int, Cue] | None = None
    for role, kind, start, end, words in cue_matches(text):
        if at[0] < at[1] and start >= at[0] and end <= at[1]:
            continue
        between = text[end : at[0]] if end <= at[0] else text[at[1] : start]
        cue = Cue(role, words, kind, _word_count(between))
        cand = (cue.score, _ORDER[role], cue)
        if best is None or cand[:2] < best[:2]:
            best = cand
    return None if best is None else best[2]


@lru_cache(maxsize=65536)
def cue_matches(text: str) -> tuple[tuple[str, str, int, int, str], ...]:
    """Every match of every pattern of :data:`ROLE_CUES` in ``text``, pattern by pattern: (role, kind, start,
    end, words). Read once per text: the names of several lists of one clause are placed against the same
    matches. Each pattern is run with only its phrases whose words the text holds (:func:`narrowed_each`, one
    automaton pass for all the patterns): most cues are absent from a clause, and the rest have one or two
    phrases of their ten or twenty that could be there."""
    return tuple(
        (role, kind, m.start(), m.end(), m.group())
        for (role, kind, _), narrow in zip(ROLE_CUES, narrowed_each(_CUE_PATTERNS, text, fold(text)), strict=True)
        if narrow is not None
        for m in narrow.finditer(text)
    )


def cue_role(text: str, span: tuple[int, int] | None = None) -> tuple[str, str] | None:
    """(role, cue words) of the cue in ``text`` nearest to ``span`` (see :func:`nearest_cue`), or None."""
    found = nearest_cue(text, span)
    return None if found is None else (found.role, found.words)


def cell_role(text: str) -> tuple[str, str] | None:
    """(role, cue words) that a status cell, a heading or a role in brackets gives ("Co-Chair", "Did not
    attend", "Observer", "Absent (apologies sent)"); membership of a body of the process ("Steering Group
    member") gives none."""
    return cue_role(_BODY_MEMBER.sub(" ", text))
