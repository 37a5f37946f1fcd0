"""List grammar: find the lists of participants, observers, co-chairs and members in a paragraph by their
wording ("attended by ...", "... attended as observers", "Observers from ... also attended", "co-chaired
by ...", "under the joint chairmanship of ...", "Its members include ..."), never by paragraph id, split them
into names and build the ``participation`` table (and the names that resolve to nothing, which are
exported too).

Abbreviations with full stops ("the U.S.") neither end a sentence nor a list; an inverted name ("Korea,
Republic of") keeps its comma; "as well as" and "together with" separate items like commas; an official's
title ("the Foreign Minister of Indonesia") is read as the state.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..literalscan import LiteralSet
from ..prefilter import fold, may_match_each
from .counts import _SENTENCE_END, extract_counts
from .gazetteer import find_mentions, gazetteer
from .names import _canonical_names, _curated, _norm, converter, resolve_names
from .sources import _resolved

__all__ = [
    "LIST_PATTERNS",
    "find_lists",
    "may_hold_lists",
    "split_list",
    "without_list_sentences",
]

_COUNT_START = re.compile(
    r"^\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|some|over|more)\b)", re.IGNORECASE
)
# Words one of which every list's sentence holds, in lower case (a fast first pass).
_TRIGGER_WORDS = (
    "attend|particip|co-chair|chairmanship|member|observ|present|delegat|took part|taking part|sat in|"
    "made up of|among them|absent|apologies|invit|expected|compris|consist|chair|presid|brought together|"
    "sent no|due to|"
    "memimpin|dipimpin|dihadiri|hadir|peserta|anggota|pengamat|ketua bersama"
).split("|")
_TRIGGER = re.compile("|".join(map(re.escape, _TRIGGER_WORDS)))
# The trigger words that hold no other ("chair" is in "co-chair"): a text holds one of these when it holds any.
_TRIGGER_CORE = tuple(w for w in _TRIGGER_WORDS if not any(o != w and o in w for o in _TRIGGER_WORDS))
_TRIGGER_SET = LiteralSet(_TRIGGER_CORE)  # all of them in one pass over a text
# A list ends at the end of its sentence or where another clause begins.
# ("co-chaired by Indonesia and Australia, runs until Tuesday", "..., while business co-chairs ...").
_LIST_END = (
    r"(?=,?\s+(?:and\s+|dan\s+)?(?:was\s+|were\s+)?(?:attended|with the participation|together with|dihadiri)\b|"
    r",\s+(?!(?:and|the|dan|as well as|together with|along with)\b)[a-z]|[.;]|$)"
)
# Full stops that end neither a sentence nor a list: "U.S.", an initial ("Marty M. Natalegawa"), an honorific.
_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.){2,}|(?<![\w.])[A-Z]\.(?=\s+[A-Z])|\b(?:Hon|Dr|Mr|Mrs|Ms|Prof)\.")
# What every match of :data:`_ABBREVIATION` holds: a capital, at most three lower-case letters, a full stop ("U.",
# "Mrs."). A pattern that starts with a character class is scanned far faster than one that starts with "\b".
_ABBREVIATION_HINT = re.compile(r"[A-Z][a-z]{0,3}\.")
# A person named in a list ("Dr R.M. Marty M. Natalegawa, Minister for Foreign Affairs of Indonesia"): the
# state follows in the title, the person is no name of a state or an organisation.
# A pronoun ("co-chaired by them ever since") names nobody either.
_PERSON = re.compile(
    r"^(?:H\.\s?E\.|Hon\b|Dr\b|Mr\b|Mrs\b|Ms\b|Prof\b|Sir\b|Dame\b|(?:them|they|it|both)\b)|\bMP$", re.IGNORECASE
)
_MASKED_DOT = "\x01"
_CAPITAL = re.compile(r"[A-Z]")
# "Korea, Republic of": a comma followed by words that end in "of" and then the end of the item
_INVERTED = re.compile(r",(\s+(?:[A-Z][\w'-]*\s+){1,4}of)(?=\s*(?:,|\band\b|[.;\x01]|$))")
_TITLE = re.compile(
    r"^(?:the\s+)?(?:heads?\s+of\s+(?:the\s+)?(?:regional\s+)?offices?\s+of\s+|"
    r"(?:(?:Foreign|Prime)\s+)?(?:Ministers?|Governments?|Delegations?|representatives?)"
    r"(?:\s+for\s+Foreign\s+Affairs)?\s+(?:of|from)\s+)",
    re.IGNORECASE,
)
#: (role, pattern with a ``list`` group). Each pattern is tried on each sentence.
LIST_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("participant", re.compile(r"\battended by (?P<list>[^.;]+)")),
    (
        "participant",
        re.compile(r"\bparticipating (?:countries|states|governments) included (?P<list>[^.;]+)", re.IGNORECASE),
    ),
    (
        "participant",
        re.compile(
            r"\bIn attendance were (?:representatives (?:from|of) )?(?P<list>[^.;]+?)"
            r"(?=\s+as well as representatives|[.;]|$)"
        ),
    ),
    ("participant", re.compile(r"\bwith the participation of (?P<list>[^.;]+)")),
    ("participant", re.compile(r"\bParticipants (?:included|came from) (?P<list>[^.;]+)")),
    (
        "participant",
        re.compile(
            r"\b(?:Delegations|Representatives|Delegates) (?:from|of) (?P<list>[^.;]+?),? (?:also )?"
            r"(?:attended|took part|participated)\b(?! as observers?)"
        ),
    ),
    (
        "participant",
        re.compile(r"(?:^|[.;] )(?P<list>[A-Z][^.;]+?) (?:was|were) (?:also )?present\b(?! as observers?)"),
    ),
    (
        "observer",
        re.compile(r"\bObservers (?:from|included) (?P<list>[^.;]+?)(?:,? (?:also )?(?:attended|took part)\b|[.;]|$)"),
    ),
    ("observer", re.compile(r"\bas observers,? (?:among them|including|namely) (?P<list>[^.;]+)")),
    ("observer", re.compile(r"^(?P<list>[^.;]+?),?\s+(?:also\s+)?attended as observers\b")),
    ("observer", re.compile(r"\b(?P<list>[A-Z][^.;]+?)\s+attended as observers\b")),
    (
        "co_chair",
        re.compile(
            r"\b(?:Foreign |Prime )?(?:Ministers?|Governments?|Co-Chairs?) of "
            r"(?P<list>[A-Z][\w ]*? and [A-Z][\w ]*?),? (?:had the honour to )?co-chair"
        ),
    ),
    (
        "co_chair",
        re.compile(
            r"(?:^|[.;] |[“\"])(?P<list>[A-Z][A-Za-z ]*? and [A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*)"
            r" co-chaired\b"
        ),
    ),
    (
        "co_chair",
        re.compile(rf"\bco-chaired by (?:the (?:Governments|Foreign Ministers) of )?(?P<list>[^.;]+?){_LIST_END}"),
    ),
    ("co_chair", re.compile(rf"\b(?:joint |co-)chairmanship of (?P<list>[^.;]+?){_LIST_END}")),
    ("member", re.compile(r"\b(?:Its|The|Our) members (?:include|are) (?P<list>[^.;]+)")),
    # Indonesian: "X dan Y (kembali) memimpin bersama", "dipimpin bersama oleh", "dihadiri oleh"
    (
        "co_chair",
        re.compile(r"(?:^|[.;] )(?P<list>[A-Z][\w ]*? dan [A-Z]\w*(?: [A-Z]\w*)*) (?:kembali )?memimpin bersama\b"),
    ),
    ("co_chair", re.compile(rf"\bdipimpin bersama oleh (?P<list>[^.;]+?){_LIST_END}")),
    ("participant", re.compile(r"\bdihadiri oleh (?P<list>[^.;]+)")),
    (
        "member",
        re.compile(
            r"(?P<list>[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*) is (?:proud to be |now )?an? "
            r"(?:active |full )?member of the Bali Process\b(?! Steering| Ad Hoc| Working)"
        ),
    ),
)
_PATTERNS = tuple(pattern for _, pattern in LIST_PATTERNS)
_NOT_NAMES = frozenset({"following", "the following", "those listed below", "others"})
_LABEL = re.compile(r"^\s*\d{1,3}\.\s+")


def _mask_abbreviations(text: str) -> str:
    """Hide the full stops of abbreviations ("U.S.") so that they end neither a sentence nor a list."""
    if _ABBREVIATION_HINT.search(text) is None:  # a cheap test first: most texts hold no abbreviation
        return text
    return _ABBREVIATION.sub(lambda m: m.group().replace(".", _MASKED_DOT), text)


def _protect(text: str, aliases: list[tuple[str, str]]) -> str:
    """Hide commas inside curated organisation names so that list splitting keeps them whole."""
    for alias, _ in aliases:
        if "," in alias:
            text = re.sub(re.escape(alias), lambda m: m.group(0).replace(",", "\x00"), text, flags=re.IGNORECASE)
    return text


_ARTICLE_OR_SHORT_FORM = re.compile(r"^the\s+|\s*\([^()]*\)$", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _is_one_name(text: str, data_dir: Path) -> bool:
    """Whether "A and B" is one name: a curated state or organisation name, or a state whose own name has an
    "and" ("Trinidad and Tobago", "Bosnia and Herzegovina") none of whose parts names another entity."""
    states, aliases, _ = _curated(data_dir)
    text = _ARTICLE_OR_SHORT_FORM.sub("", text)  # "the Office on Drugs and Crime (UNODC)" (class L15)
    key = _norm(text)
    if key in states or any(key == alias for alias, _ in aliases):
        return True
    code = resolve_names([text], data_dir)["iso3"].iloc[0]
    if code not in _and_states():
        return False
    parts = resolve_names(re.split(r"\s+and\s+", text), data_dir)
    return bool(parts["iso3"].isin([code, ""]).all())


@lru_cache(maxsize=65536)
def _split_and(item: str, data_dir: Path) -> tuple[str, ...]:
    """Split a list item at "and" into names: the longest runs that are one name (see :func:`_is_one_name`)
    stay whole, every other part stands alone. An unknown body next to a state ("Oceanic Border Alliance and
    Malaysia") is thus kept apart (as an unresolved name) rather than swallowed; an item none of whose parts
    resolves stays whole."""
    pieces = re.split(r"\s+and\s+", item)
    if len(pieces) == 1 or _is_one_name(item, data_dir):
        return (item,)
    groups: list[str] = []
    i = 0
    while i < len(pieces):
        j = next((j for j in range(len(pieces), i + 1, -1) if _is_one_name(" and ".join(pieces[i:j]), data_dir)), i + 1)
        groups.append(" and ".join(pieces[i:j]))
        i = j
    if len(groups) == 1 or (resolve_names(groups, data_dir)["kind"] == "").all():
        return (item,)
    return tuple(groups)


@lru_cache(maxsize=1)
def _and_states() -> frozenset[str]:
    """ISO3 codes of the states and territories whose own name holds an "and" ("Trinidad and Tobago")."""
    data = converter().data
    has_and = data["name_short"].str.contains(r"\band\b|&") | data["name_official"].str.contains(r"\band\b|&")
    return frozenset(data.loc[has_and, "ISO3"])


@lru_cache(maxsize=4)
def _comma_names(data_dir: Path) -> re.Pattern[str]:
    """The gazetteer's names that hold a comma ("Hong Kong, China"), as one pattern."""
    forms = sorted((f for f in gazetteer(data_dir) if "," in f), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(f) for f in forms)})(?!\w)", re.IGNORECASE)


def split_list(text: str, data_dir: Path | None = None) -> list[str]:
    """Split a written list into names: commas, "as well as", a final "and"; "the" and whitespace go.

    A name containing "and" stays whole unless its parts are distinct known states or organisations
    ("Vanuatu and Vietnam" splits, "Trinidad and Tobago" does not).
    """
    return list(_split_list(_resolved(data_dir), text))


@lru_cache(maxsize=65536)
def _split_list(data_dir: Path, text: str) -> tuple[str, ...]:
    _, aliases, _ = _curated(data_dir)
    text = _protect(_mask_abbreviations(_LABEL.sub("", text)), aliases)
    text = _INVERTED.sub(lambda m: "\x00" + m.group(1), text)  # "Korea, Republic of" stays one name
    text = _comma_names(data_dir).sub(lambda m: m.group().replace(",", "\x00"), text)  # "Hong Kong, China"
    text = re.sub(r"\s+dan\s+", " and ", text)  # Indonesian lists
    items: list[str] = []
    for segment in re.split(r",?\s+(?:as well as|together with|along with)\s+", text):
        closed = False  # a list ends with its "and": what a comma adds after it is an aside
        for part in re.split(r"\s*,\s*", segment):
            part = re.sub(r"\s+", " ", part.replace("\x00", ",")).strip(" .;:")
            last = re.match(r"and\s", part, flags=re.IGNORECASE) is not None
            part = re.sub(r"^(?:and|the)\s+", "", part, flags=re.IGNORECASE)
            part = _TITLE.sub("", re.sub(r"^the\s+", "", part, flags=re.IGNORECASE))
            if not part:
                continue
            names = _split_and(part.replace(_MASKED_DOT, "."), data_dir)
            if closed and (resolve_names(list(names), data_dir)["kind"] == "").all():
                continue  # "of Indonesia and Australia, Jane Roe and John Doe": the ministers' names
            closed = closed or last or len(names) > 1
            items.extend(p.strip() for p in names)
    out = (_TITLE.sub("", re.sub(r"^the\s+", "", i, flags=re.IGNORECASE)) for i in items if i and not _PERSON.search(i))
    out = (_official(i, data_dir) for i in out)
    # "Delegations from the following attended:"; an item without a capital letter describes, it names nobody
    # ("the two ministers", "kedua menteri")
    return tuple(i for i in out if i and i.casefold() not in _NOT_NAMES and _CAPITAL.search(i))


# An official named by office ("Menteri Luar Negeri RI Retno L.P. Marsudi", "Deputy Director-General of the
# Department of International Organizations"): third and fourth sets (lists6), the second set's README too.
_OFFICE = re.compile(
    r"^(?:(?:Deputy|Vice|Assistant|Acting|Senior|Under|Chief|Permanent|Executive|Foreign|Prime)\s+)*"
    r"(?:Director|Minister|Menteri|Ambassador|Duta Besar|Secretary|Head|Counsellor|Commissioner|Consul)\b"
)


def _official(item: str, data_dir: Path) -> str:
    """An item that names an official by office and resolves to nothing: the one state or organisation named in
    it ("Menteri Luar Negeri RI Retno Marsudi" -> "Indonesia"), or "" when none is (an office alone names no
    delegation); any other item unchanged."""
    if not _OFFICE.match(item) or resolve_names([item], data_dir)["kind"].iloc[0]:
        return item  # no office, or one the names resolve ("Director-General of the IOM")
    named = {m.key: m for m in find_mentions(item, data_dir)}
    if len(named) != 1:
        return "" if not named else item
    m = next(iter(named.values()))  # a state by the name every table uses ("RI" is no name resolve_names knows)
    return m.key if m.kind == "organisation" else str(_canonical_names(data_dir).get(m.key, m.text))


def find_lists(text: str) -> list[tuple[str, str]]:
    """Every (role, list text) found in a paragraph, in order of appearance."""
    return [(role, lst) for role, lst, _ in _find_cued_lists(text)]


def _find_lists(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((role, lst) for role, lst, _ in _find_cued_lists(text))


@lru_cache(maxsize=65536)
def _find_cued_lists(text: str) -> tuple[tuple[str, str, str], ...]:
    """(role, list text, cue): the cue is the pattern's match with the list replaced by "…"."""
    found: list[tuple[int, str, str, str]] = []
    body = _mask_abbreviations(_LABEL.sub("", text))
    offset = 0
    for sentence in _SENTENCE_END.split(body):
        found += [(offset + at, role, lst, cue) for at, role, lst, cue in _sentence_lists(sentence)]
        offset += len(sentence) + 1
    return tuple((role, lst, cue) for _, role, lst, cue in sorted(found, key=lambda t: t[0]))


@lru_cache(maxsize=65536)
def _sentence_lists(sentence: str) -> tuple[tuple[int, str, str, str], ...]:
    """(where the list starts in ``sentence``, role, list text, cue) of the lists of one sentence (its
    abbreviations masked), pattern by pattern: read once per sentence text."""
    if "Working Group" in sentence and "co-chair" in sentence.lower():
        return ()
    found: list[tuple[int, str, str, str]] = []
    taken: list[tuple[int, int]] = []
    possible = may_match_each(_PATTERNS, sentence, fold(sentence))  # a cheap test first: most cannot match
    for i, (role, pattern) in enumerate(LIST_PATTERNS):
        if not possible >> i & 1:
            continue
        for m in pattern.finditer(sentence):
            span = m.span("list")
            lst = m.group("list")
            if any(s < span[1] and span[0] < e for s, e in taken) or _COUNT_START.match(lst) or extract_counts(lst):
                continue
            taken.append(span)
            whole = m.group(0)
            cue = (whole[: span[0] - m.start()] + "…" + whole[span[1] - m.start() :]).strip()
            found.append((span[0], role, lst.replace(_MASKED_DOT, "."), cue.replace(_MASKED_DOT, ".")))
    return tuple(found)


def may_hold_lists(texts: list[str]) -> list[int]:
    """Indices of the ``texts`` that hold a word every list's sentence holds (:data:`_TRIGGER`), tested by
    substring look-ups, which cost less than a scan by the pattern. Each text's answer is kept
    (:func:`_holds_trigger`): the theme coder asks again about the paragraphs the participation has just
    asked about, in the same process (the export builds both on one share of the documents)."""
    return [i for i, text in enumerate(texts) if _holds_trigger(text)]


@lru_cache(maxsize=1 << 17)
def _holds_trigger(text: str) -> bool:
    return _TRIGGER_SET.any_in(text.lower())


def without_list_sentences(text: str) -> str:
    """``text`` without its sentences that list participants, observers or co-chairs: what is left once the
    procedural part of a paragraph (who came, who chaired) is set aside. A sentence that names members is
    kept: it often says what the membership is for ("a member of ..., a regional forum that ...")."""
    body = _mask_abbreviations(text)
    kept = [
        s
        for s in _SENTENCE_END.split(body)
        if not any(role != "member" for role, _ in _find_lists(s.replace(_MASKED_DOT, ".")))
    ]
    return " ".join(kept).replace(_MASKED_DOT, ".")
