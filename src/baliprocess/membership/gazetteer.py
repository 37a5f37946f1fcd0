"""Gazetteer: every mention of a state, territory or organisation in a text, found by name before any list
grammar is applied.

The names are country_converter's short and official names (with and without a leading "the"), the
alternative and formal forms of :data:`ALTERNATIVE_FORMS` ("Lao PDR", "DPRK", "Viet Nam", "Türkiye", "Hong
Kong SAR", "the UAE", "the USA", "the Kingdom of Thailand"...), the curated names of ``data/name_notes.csv``
and the names, short names and aliases of ``data/organisations.csv``. A mention is matched on whole words
and must begin with a capital letter (so "turkey" or "chad" in running text are not states).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..rows import each_row
from .forms import ALTERNATIVE_FORMS, DEMONYMS
from .names import _curated, converter
from .sources import _resolved, files_held, load_organisations

__all__ = [
    "ALTERNATIVE_FORMS",
    "Mention",
    "dehyphenate",
    "find_mentions",
    "gazetteer",
    "is_name_list",
    "name_list_mask",
    "with_short_forms",
]


class Mention(NamedTuple):
    """One mention: its character span in the text, the words as written, the resolved key (ISO3 code or an
    organisation's short name) and its kind (state, territory or organisation)."""

    start: int
    end: int
    text: str
    key: str
    kind: str


@lru_cache(maxsize=4)
def gazetteer(data_dir: Path | None = None) -> dict[str, tuple[str, str]]:
    """Case-folded surface form -> (ISO3 code or organisation short name, kind)."""
    from .names import entity_kind

    data_dir = _resolved(data_dir)
    forms: dict[str, tuple[str, str]] = {}
    data = converter().data
    for row in each_row(data[["name_short", "name_official", "ISO3"]], index=False):
        kind = entity_kind(row.ISO3)
        for name in (row.name_short, row.name_official):
            if isinstance(name, str) and name and not name.isdigit():
                for form in {name, name.split(",")[0], re.sub(r"\s*\(.*?\)", "", name)}:
                    forms.setdefault(form.strip().casefold(), (row.ISO3, kind))
    for form, code in ALTERNATIVE_FORMS.items():
        forms[form.casefold()] = (code, entity_kind(code))
    for form, value in list(forms.items()):  # "Republic of Korea" -> "Korea, Republic of", "Korea (Republic of)"
        inverted = re.fullmatch(r"((?:[\w'-]+ ){0,3}[\w'-]+ of) (.+)", form)
        if inverted and value[1] != "organisation":
            forms.setdefault(f"{inverted[2]}, {inverted[1]}", value)
            forms.setdefault(f"{inverted[2]} ({inverted[1]})", value)
    states, _, _ = _curated(data_dir)
    for key, (iso3, name) in states.items():
        forms[key] = (iso3, entity_kind(iso3))
        forms[name.casefold()] = (iso3, entity_kind(iso3))
    for r in each_row(load_organisations(data_dir)):
        for alias in [r.full_name, r.short_name, *r.aliases.split("|")]:
            if alias:
                forms[alias.casefold()] = (r.short_name, "organisation")
    return forms


# A token of a name: a word (with inner full stops, apostrophes or hyphens: "U.S.", "People's",
# "Timor-Leste"), or a comma or bracket, which some names hold ("Korea, Republic of", "Iran (Islamic Republic
# of)"). A name starts at a capital letter that no word character, hyphen or full stop precedes.
_TOKEN = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*\.?|[(),]")
# The pattern leaves out the starts of lower-case ASCII letters (most words, never a capital), so that the loop
# of :func:`_find_mentions` visits capitalised words and other letters only; it still checks ``isupper``.
_START = re.compile(r"(?<![\w'’.-])[^\W\d_a-z]")


def _tokens(form: str) -> tuple[str, ...]:
    return tuple(_clean(t) for t in _TOKEN.findall(form.casefold()))


def _clean(token: str) -> str:
    """A token without a sentence's full stop ("USA." -> "usa"); an abbreviation keeps its own ("u.s.")."""
    return token[:-1] if token.endswith(".") and "." not in token[:-1] else token.replace("’", "'")


@lru_cache(maxsize=4)
def _index(data_dir: Path) -> dict[str, list[tuple[tuple[str, ...], tuple[str, str]]]]:
    """First token -> [(tokens of a form, (key, kind))], longest form first."""
    index: dict[str, list[tuple[tuple[str, ...], tuple[str, str]]]] = {}
    for form, value in gazetteer(data_dir).items():
        tokens = _tokens(form)
        if tokens:
            index.setdefault(tokens[0], []).append((tokens, value))
    for forms in index.values():
        forms.sort(key=lambda f: -len(f[0]))
    return index


@lru_cache(maxsize=4)
def _continued(data_dir: Path) -> dict[str, frozenset[tuple[str, ...]]]:
    """First token -> the beginnings (one token or more) that a longer form of :func:`_index` goes on from: a
    text's next token is worth reading only after words that begin some form."""
    return {
        head: frozenset(tokens[:k] for tokens, _ in forms for k in range(1, len(tokens)))
        for head, forms in _index(data_dir).items()
    }


def find_mentions(text: str, data_dir: Path | None = None) -> list[Mention]:
    """Every mention of a state, territory or organisation in ``text``, longest name first, left to right."""
    return list(_find_mentions(text, _resolved(data_dir)))


@lru_cache(maxsize=65536)
def _find_mentions(text: str, data_dir: Path) -> tuple[Mention, ...]:
    index, continued = _index(data_dir), _continued(data_dir)
    out: list[Mention] = []
    pos = 0
    for start in _START.finditer(text):
        at = start.start()
        if at < pos or not text[at].isupper():
            continue
        first = _TOKEN.match(text, at)
        if first is None:
            continue
        head = _clean(first.group().casefold())
        lead = head if head in index else head.removesuffix("'s")
        if (forms := index.get(lead)) is None:
            if not (head.endswith("an") or head in DEMONYMS):
                continue  # the first test of :func:`_demonym` (most capitalised words are no name at all)
            demonym = _demonym(text, first, index)
            if demonym is not None:
                out.append(demonym)
                pos = demonym.end
            continue
        longest, begins = forms[0][0], continued[lead]
        spans, read = [first], [head]
        # every form's test needs all its words but the last as read: the words so far must begin a form
        while len(spans) < len(longest) and tuple(read) in begins:
            nxt = _TOKEN.search(text, spans[-1].end())
            if nxt is None or text[spans[-1].end() : nxt.start()].strip():
                break
            spans.append(nxt)
            read.append(_clean(nxt.group().casefold()))
        words = tuple(read)
        for tokens, (key, kind) in forms:
            if len(tokens) > len(words) or words[: len(tokens) - 1] != tokens[:-1]:
                continue  # each test below asks this first (a cheap skip of most forms)
            possessive = _is_possessive(words, tokens)
            if possessive or words[: len(tokens)] == tokens:
                end = spans[len(tokens) - 1].end()
                if tokens[0] in _CAPITALS_ONLY and len(tokens) == 1 and not text[at:end].isupper():
                    continue  # "Ri" is a name of a person, "RI" the Republic of Indonesia
                if text[end - 1] == "." and "." not in text[at : end - 1].split()[-1]:
                    end -= 1  # the sentence's full stop is not part of the name
                end -= 2 if possessive else 0
                out.append(Mention(at, end, text[at:end], key, kind))
                pos = end
                break
            if kind == "state" and len(tokens) > 1 and _adjective_of(words, tokens):
                end = spans[len(tokens) - 1].end()
                if _STATE_BODY.match(text, end):  # "the Sri Lankan Navy"
                    out.append(Mention(at, end, text[at:end], key, kind))
                    pos = end
                    break
    return tuple(out)


#: Short forms written in capitals ("RI", "UK", "PNG") that name a state only when so written.
_CAPITALS_ONLY = frozenset(f.casefold() for f in ALTERNATIVE_FORMS if f.isalpha() and f.isupper() and len(f) <= 4)


def _adjective_of(words: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """Whether ``words`` start with the adjective made from the name ``tokens`` ending in "a" ("Sri Lankan")."""
    n = len(tokens)
    return (
        len(words) >= n
        and words[: n - 1] == tokens[:-1]
        and tokens[-1].endswith("a")
        and words[n - 1] == f"{tokens[-1]}n"
    )


# A capitalised word after a state's adjective that makes the two a body of that state ("the Australian Border
# Force", "the Indonesian Foreign Minister"): not "the Indian Ocean". A delegation or a government in lower case
# too ("the Thai delegation": third set's class L5, lists6).
_STATE_BODY = re.compile(
    r"\s+(?:Government|Ministry|Minister|Department|Embassy|Ambassador|Delegation|Mission|Agency|Office|"
    r"Border|Federal|National|Police|Navy|Coast|Immigration|Attorney|Foreign|Home|Permanent|"
    r"delegations?|delegates|government)\b"
)


def _demonym(text: str, first: re.Match[str], index: dict) -> Mention | None:
    """A one-word state adjective before a body of that state (:data:`_STATE_BODY`): made from a name ending in
    "a" by adding "n" ("Australian", "Indonesian", "Malaysian"), or one of :data:`DEMONYMS` ("Thai"); the
    state, as the adjective is written."""
    word = _clean(first.group().casefold())
    if not (word.endswith("an") or word in DEMONYMS) or _STATE_BODY.match(text, first.end()) is None:
        return None
    if word in DEMONYMS:
        return Mention(first.start(), first.end(), first.group(), DEMONYMS[word], "state")
    for tokens, (key, kind) in index.get(word[:-1], []):
        if tokens == (word[:-1],) and kind == "state":
            return Mention(first.start(), first.end(), first.group(), key, kind)
    return None


def _is_possessive(words: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """Whether ``words`` start with the name ``tokens`` in the possessive ("Indonesia's Ministry of Foreign
    Affairs"): the mention is the name without its "'s"."""
    n = len(tokens)
    return len(words) >= n and words[: n - 1] == tokens[:-1] and words[n - 1] == f"{tokens[-1]}'s"


_BROKEN = re.compile(r"(?<=[a-z])-\s+(?=[a-z])")
# What every match of :data:`_BROKEN` holds: a hyphen, then white space. A pattern that starts with a character
# is scanned far faster than one that starts with a look-behind.
_BROKEN_HINT = re.compile(r"-\s")


def dehyphenate(text: str) -> str:
    """Join words broken at a line end ("atten- ded", "New Zeal- and"): a hyphen followed by white space
    between two lower-case letters is never part of a name."""
    return _BROKEN.sub("", text) if _BROKEN_HINT.search(text) else text  # most texts: nothing to join


_BULLET = re.compile(r"^\s*(?:[-•*▪◦‣–—·]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
_NAME_GAP = re.compile(r"^(?:\s|,|;|\band\b|\bdan\b|&|\bthe\b|\bas well as\b|\(|\)|\|)*$", re.IGNORECASE)


_NAME_LIST_MAX = 1500  # characters: a longer paragraph is never only names
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4)
def _name_words(data_dir: Path) -> frozenset[str]:
    """Every run of letters that a text made only of names and gaps may hold (case-folded): those of the
    gazetteer's forms, each also with an "n" added (the adjectives "Australian", "Sri Lankan"), and the words of
    :data:`_NAME_GAP`. A text holding any other word is no list of names, so the mentions need not be found."""
    runs = {r for form in gazetteer(data_dir) for r in _LETTERS.findall(form.casefold())}
    return frozenset(runs | {f"{r}n" for r in runs} | {"and", "dan", "the", "as", "well"})


def name_list_mask(texts: list[str], data_dir: Path | None = None) -> list[bool]:
    """For each text, whether it is only a list of names (:func:`is_name_list`): such a paragraph is
    procedural (who came), not a paragraph of content."""
    with files_held(data_dir) as held:  # the curated files are checked once, not once per text
        return [len(t) <= _NAME_LIST_MAX and _is_name_list(t, held) for t in texts]


def is_name_list(text: str, data_dir: Path | None = None) -> bool:
    """Whether ``text`` is only names of states, territories or organisations (a bullet, commas, "and",
    table cell separators aside): one or more names and nothing else."""
    return _is_name_list(text, _resolved(data_dir))


@lru_cache(maxsize=65536)
def _is_name_list(text: str, data_dir: Path) -> bool:
    body = _BULLET.sub("", dehyphenate(text)).strip().rstrip(".;:")
    words = _name_words(data_dir)  # the first word that no name holds ends the test (prose ends it at once)
    if not body or len(body) > 4000 or not all(w[0] in words for w in _LETTERS.finditer(body.casefold())):
        return False
    mentions = find_mentions(body, data_dir)
    if not mentions:
        return False
    pos = 0
    for m in mentions:
        if not _NAME_GAP.match(body[pos : m.start]):
            return False
        pos = m.end
    return bool(_NAME_GAP.match(body[pos:]))


# A short form in brackets right after its own long form ("the International Organization for Migration (IOM),
# the UN Refugee Agency (UNHCR) and ..."): one mention, which ends after the bracket (class L15, written from
# heldout5's and heldout6's lists of agencies; the bracket split every such list into single names).
_OWN_SHORT_FORM = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")


def with_short_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each bracketed short form after its own long form joined to it."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and m.key and m.key == prev.key and _OWN_SHORT_FORM.fullmatch(text, prev.end, m.start):
            close = _CLOSE.match(text, m.end)
            if close is not None:
                out[-1] = prev._replace(end=close.end())
                continue
        out.append(m)
    return out
