"""Lists found from their names: a run of gazetteer mentions in a sentence, a run of bullet lines or bare-name
paragraphs, or a column of a table (rows written as paragraphs whose cells are separated by " | "), each with
the role that the cue around it gives (:mod:`.cues`): the sentence's verb and nouns, a heading or an
introducing paragraph, a "status"/"role" column, or a role in brackets after a name ("Japan (observer)").

Every entry records where it came from (``source``: sentence, bullets or table; ``row``: the bullet line or
table row, 1-based) and its ``cue`` (the words that gave the role).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .clauses import (
    OWN_ROLE,
    SECONDARY,
    agent,
    governing_clause,
    observers_among,
    of_a_group,
    partner_cue,
    picked_out,
    without_aside,
)
from .context import Entry, SentenceRuns, apposition_role, context_entries, without_apposition
from .cues import (
    BROADENING_ROLES,
    MAX_CUE_DISTANCE,
    QUALIFYING_ROLES,
    VERB_CUE,
    cell_role,
    nearest_cue,
)
from .gazetteer import Mention, dehyphenate, find_mentions, with_short_forms
from .sources import _resolved

__all__ = ["Entry", "block_entries", "sentence_entries"]

# Membership of a body of the process, not of the process ("a member of the Bali Process Steering Group").
_OTHER_BODY = re.compile(
    r"^\s+(?:is|are)\s+(?:\w+\s+){0,3}members?\s+of\s+the\s+(?:Bali\s+Process\s+)?(?:Steering|Ad\s+Hoc|Working)"
)
# What may stand between two names of one list. This pattern and the three below are each tried on the
# whole gap between two names, as a span of the text (:func:`_joins`), so that a pattern may also look at what
# comes just before the gap (:data:`_NAMED_GAP`).
_GAP = re.compile(
    r"(?:\s|,|;|&|\band\b|\b(?:or|nor)\b|\bdan\b|\bserta\b|\b(?:plus|ditambah)\b|\bas well as\b|"
    r"\b(?:together |along )?with\b|\bthe\b|"
    r"\b(?:Governments?|Delegations?|Representatives?) (?:of|from)\b|\([^()]{0,40}\))*",
    re.IGNORECASE,
)
# A group named between two parts of one list ("..., as well as four international organisations: UNHCR").
_GROUP_GAP = re.compile(
    r"\s*,?\s*(?:and|as well as|together with|along with|plus)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:organi[sz]ations|agencies|countries|states|bodies|territories)\s*:?\s*(?:the\s+)?",
    re.IGNORECASE,
)
# A state's office or agency stands for the state in a list ("Indonesia's Ministry of Foreign Affairs and
# Australia's Department of Home Affairs co-chaired"): a possessive, then only capitalised words (and "of", "for",
# "the", "on"), then list punctuation.
_AGENCY_GAP = re.compile(
    r"['’]s(?:\s+(?:[A-Z][\w'’-]*|of|for|the|on))+\s*(?:,|;|\band\b|\bas well as\b|\s)*(?:the\s+)?"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[“\"A-Z])")
# A full stop that ends no sentence: an initial ("Marty M. Natalegawa", "Retno L.P. Marsudi": third set, lists6),
# an honorific ("the Hon. Kevin").
_NO_END = re.compile(r"(?:(?:(?<![\w.])|(?<=[A-Z]\.))[A-Z]|\b(?:Hon|Dr|Mr|Mrs|Ms|Prof|St))\.$")
_ITEM_ROLE = re.compile(r"^\s*\(([^()]{1,40})\)")
_BULLET = re.compile(r"^\s*(?:#{1,6}\s+)?(?:[-•*▪◦‣–—·]|\(?\d{1,3}[.)]|\(?[a-z][.)])?\s*")


# An unknown name between two known ones ("Malaysia, Camboda, Fiji"): one to six capitalised words.
_UNKNOWN_ITEM = re.compile(
    r"^(?P<pre>\s*[,;]\s*(?:the\s+)?)(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of|for|on|the|[A-Z][\w'’.-]*)){0,6})"
    r"(?P<post>\s*(?:[,;]|\band\b|\bas well as\b)\s*(?:the\s+)?)$"
)


# A long form the gazetteer does not know before the acronym it knows, between two such names ("(UNHCR),
# Organisasi Internasional untuk Migrasi (IOM) dan ..."): the names of an Indonesian list with English acronyms
# (fourth set, lists6), or of any list whose long forms are not curated. The gap follows one closing bracket:
# the previous name's own, when its short form was joined to its long form ("... Refugees (UNHCR)", read by
# the look-behind), or else the gap's first character ("(UNHCR" then "), ...").
_NAMED_GAP = re.compile(r"(?:(?<=\))|(?<!\))\))\s*(?:,|;|\band\b|\bdan\b|\bserta\b)\s*(?:the\s+)?[A-Z][^()]{0,80}\(\s*")
_JOINING_GAPS = (_GAP, _GROUP_GAP, _AGENCY_GAP, _NAMED_GAP)


def _joins(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, the gap between two names, keeps them in one list: one of
    :data:`_JOINING_GAPS` matches the whole span."""
    return any(gap.fullmatch(text, start, end) for gap in _JOINING_GAPS)


def _runs(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions grouped into runs: neighbours separated only by list punctuation, "and", "as well as"...; an
    unknown name between two known ones joins the run as a mention without a key (reported unresolved)."""
    runs: list[list[Mention]] = []
    for m in mentions:
        gap_start = runs[-1][-1].end if runs else 0
        gap = text[gap_start : m.start]
        unknown = _UNKNOWN_ITEM.match(gap) if runs else None
        if runs and _joins(text, gap_start, m.start):
            runs[-1].append(m)
        elif unknown:
            at = gap_start + unknown.start("name")
            runs[-1].append(Mention(at, at + len(unknown["name"]), unknown["name"], "", ""))
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _item_role(text: str, m: Mention) -> tuple[str, str] | None:
    """A role written in brackets right after one name: "Japan (observer)"."""
    after = _ITEM_ROLE.match(text[m.end :])
    return cell_role(after.group(1)) if after else None


def _sentences(text: str) -> list[str]:
    """The sentences of ``text``: split after a full stop, "!" or "?" followed by a capital, but not after an
    initial or an honorific."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if not _NO_END.search(text[max(0, m.start() - 6) : m.start()]):
            out.append(text[start : m.start()])
            start = m.end()
    return [*out, text[start:]]


# "took part ... as a member": the name came and is a member, so it has both roles (an observer that came
# "as an observer" is an observer only).
_AS_MEMBER = re.compile(r"\bas (?:an? )?(?:full )?members?\b(?! of (?:the )?(?:[A-Z]\w+ )*(?:Group|Committee))")


def sentence_entries(text: str, data_dir: Path | None = None) -> Iterator[Entry]:
    """Entries of the lists written in the sentences of one paragraph: runs of two or more names with a cue
    in their clause, a single name governed by a verb cue next to it ("Fiji also attended"), and the names
    whose own clause gives no role but whose sentence or neighbour does (:mod:`.context`: co-chairs named
    through their officials, "They came from ...")."""
    yield from (e for e in paragraph_entries(text, data_dir) if e.role)


def paragraph_entries(text: str, data_dir: Path | None = None) -> list[Entry]:
    """:func:`sentence_entries` with the runs of two or more names no cue reaches, as entries of role ""
    (a list whose role the text does not say: "countries of origin such as A, B and C")."""
    held = _resolved(data_dir)
    return context_entries([_read_sentence(sentence, held) for sentence in _sentences(dehyphenate(text))])


@lru_cache(maxsize=65536)
def _read_sentence(sentence: str, data_dir: Path) -> SentenceRuns:
    """One sentence as the run reader leaves it: its mentions, the entries of the runs a cue of their clause
    reaches, and the runs none reaches. It reads the sentence alone, so a sentence met again (a document's
    standard wording) is read once; the result is shared, and no reader changes it."""
    mentions = with_short_forms(sentence, find_mentions(sentence, data_dir))
    roled: list[Entry] = []
    unroled: list[list[Mention]] = []
    for run in _runs(sentence, mentions) if mentions else ():
        entries = _run_entries(sentence, run)
        if entries is None:
            unroled.append(run)
        else:
            roled.extend(entries)
    return SentenceRuns(sentence, mentions, roled, unroled)


def _run_entries(sentence: str, run: list[Mention]) -> list[Entry] | None:
    """The entries of one run from the cue of its clause; None when no cue reaches it ([] when one does but
    a rule rejects the run, e.g. a single name without a verb of its own)."""
    clause, offset = governing_clause(sentence, [run[0].start, run[-1].end])
    span = (run[0].start - offset, run[-1].end - offset)
    full, clause = clause, without_aside(clause, span[1])
    own = OWN_ROLE.match(clause[span[1] :])
    if own is not None and len(run) > 1:  # the phrase is the last name's: the others take the clause's cue
        span = (span[0], span[1] + own.end())
    partner = partner_cue(clause[: span[0]]) if len(run) == 1 else None
    near = partner or nearest_cue(without_apposition(clause, span[0]), span)
    if clause != full and (near is None or near.score > MAX_CUE_DISTANCE):
        near = nearest_cue(full, span)  # the aside is the only cue: it says what the names are
    if near is None or (near.score > MAX_CUE_DISTANCE and not of_a_group(clause[: span[0]], near)):
        return None
    if _OTHER_BODY.match(clause[span[1] :]):
        return []
    found = observers_among(clause[: span[0]]) if near.role == "participant" else None
    found = found or (near.role, near.words)
    alone_ok = picked_out(clause[: span[0]], near.kind) or own or partner or _own_delegation(clause, span)
    if len(run) == 1 and not alone_ok:
        around = clause[max(0, span[0] - 40) : span[1] + 60]
        if not VERB_CUE.search(around) or (
            SECONDARY.search(clause[: span[0]]) and not agent(near.words, clause[: span[0]])
        ):
            return []
    out: list[Entry] = []
    apposed = apposition_role(full[span[1] :])  # the aside rule took it out of clause
    for m in run:
        last = own is not None and m is run[-1]
        role, cue = _item_role(sentence, m) or (cell_role(own.group()) if last and own else None) or found
        out.append(Entry(m, role, cue, "sentence", 0))
        if role == "participant" and (standing := _AS_MEMBER.search(clause[span[1] :])):
            out.append(Entry(m, "member", standing.group(), "sentence", 0))
        if apposed is not None and apposed[0] != role:
            out.append(Entry(m, *apposed, "sentence", 0))
    return out


# "the New Zealand delegation is grateful", "the Thai delegation offered": a state named (or by its adjective)
# right before "delegation" sent one (class L5, written from heldout5's speech; the same in heldout3's "the Thai
# delegation" and tests/dev/rules5's documents).
_DELEGATION_AFTER = re.compile(r"\s+delegation\b(?!s)")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|its|our|their|his|her)\s+$", re.IGNORECASE)


def _own_delegation(clause: str, span: tuple[int, int]) -> bool:
    """Whether the single name at ``span`` stands before "delegation" after a determiner ("the Thai delegation")."""
    return bool(_DELEGATION_AFTER.match(clause, span[1]) and _DETERMINER_BEFORE.search(clause[: span[0]]))


def _cells(text: str) -> list[str] | None:
    """The cells of a table row written as one paragraph ("A | B | C"), or None."""
    if " | " not in text and not text.startswith("|"):
        return None
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    return None if all(re.fullmatch(r":?-{3,}:?", c) for c in cells if c) else cells


_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z]{3,}\b")
# Lower-case words of four letters or more that a list of names may hold: list words, words inside names,
# and a role in brackets.
_LIST_WORDS = frozenset(
    "with well together along serta observer observers member members expected absent invited present "
    "from have part collectivity".split()
)


def _only_names(text: str, data_dir: Path | None) -> tuple[list[Mention], str] | None:
    return _only_names_cached(text, _resolved(data_dir))


@lru_cache(maxsize=65536)
def _only_names_cached(text: str, data_dir: Path) -> tuple[list[Mention], str] | None:
    """(mentions, text without its bullet) when ``text`` is only names (list punctuation and a bracketed
    role aside), else None."""
    body = _BULLET.sub("", text, count=1).strip().rstrip(".;:,")
    if len(body) >= 4000 or any(w[0] not in _LIST_WORDS for w in _LOWER_WORD.finditer(body)):
        return None  # a word in lower case that no list of names holds: prose, not a list
    mentions = _without_abbreviations(body, find_mentions(body, data_dir))
    if not mentions:
        return None
    gaps = [body[: mentions[0].start], body[mentions[-1].end :]]
    gaps += [body[a.end : b.start] for a, b in itertools.pairwise(mentions)]
    return (mentions, body) if all(_GAP.fullmatch(g) for g in gaps) else None


def _without_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without a short form in brackets after its own long form ("... for Migration (IOM)")."""
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.key and m.key == kept[-1].key and re.fullmatch(r"\s*\(\s*", text[kept[-1].end : m.start]):
            if text[m.end :].lstrip().startswith(")"):
                continue
        kept.append(m)
    return kept


def _names_at(texts: list[str], i: int, data_dir: Path | None) -> tuple[tuple[list[Mention], str] | None, int]:
    """(:func:`_only_names` of paragraph ``i``, paragraphs it takes): a paragraph ending in no punctuation
    is joined with the next when only the two together are names ("..., Papua New" / "Guinea, Fiji")."""
    if i >= len(texts):
        return None, 1
    named = _only_names(texts[i], data_dir)
    if named is not None or i + 1 >= len(texts) or re.search(r"[.:;!?|]\s*$", texts[i]):
        return named, 1
    if not texts[i + 1][:1].isupper():
        return None, 1
    joined = _only_names(f"{texts[i]} {texts[i + 1]}", data_dir)
    return (joined, 2) if joined is not None else (None, 1)


def _context_cue(texts: list[str], before: int) -> tuple[str, str] | None:
    """The cue of the nearest of the two paragraphs before index ``before`` that has one (a heading or an
    introducing sentence such as "Delegations from the following attended:")."""
    for i in range(before - 1, max(-1, before - 3), -1):
        found = cell_role(texts[i])
        if found is not None:
            return found
    return None


def block_entries(texts: list[str], data_dir: Path | None = None) -> Iterator[tuple[int, Entry]]:
    """(paragraph index, entry) for the lists that a run of paragraphs makes: bullet lines or paragraphs that
    are only names (the role from the heading or sentence before them, or a role in brackets after a name),
    and tables (rows with " | " cells; the first row is the header; the role from a status/role column, the
    name column's header, or the paragraph before the table)."""
    texts = [dehyphenate(t) for t in texts]
    i = 0
    while i < len(texts):
        if _cells(texts[i]) is not None:
            j = i + 1
            while j < len(texts) and (_cells(texts[j]) is not None or _is_rule(texts[j])):
                if j + 1 < len(texts) and _is_rule(texts[j + 1]) and not _is_rule(texts[j]):
                    break  # the header of the next Markdown table
                j += 1
            yield from _table_entries(texts, i, j, data_dir)
            i = j
            continue
        named, width = _names_at(texts, i, data_dir)
        if named is None:
            i += 1
            continue
        context = _context_cue(texts, i)
        row = 0
        while named is not None:
            mentions, body = named
            row += 1
            for m in mentions:
                for role, cue in _roles(_item_role(body, m), context):
                    yield i, Entry(m, role, cue, "bullets", row)
            i += width
            named, width = _names_at(texts, i, data_dir)


_ROLE_HEADER = re.compile(r"\b(?:status|role|capacity|participation|attend\w*|present|type)\b", re.IGNORECASE)


def _roles(own: tuple[str, str] | None, general: tuple[str, str] | None) -> list[tuple[str, str]]:
    """The (role, cue) pairs of one listed name: its own role (a status cell, a role in brackets) else the
    list's; a co-chair keeps the list's role too (:data:`.cues.BROADENING_ROLES`); in a list of those who
    attended, "Member" only says in what standing a delegation came (:data:`.cues.QUALIFYING_ROLES`)."""
    if own is None:
        return [] if general is None else [general]
    if general is not None and QUALIFYING_ROLES.get(own[0]) == general[0]:
        return [general]
    if own[0] in BROADENING_ROLES and general is not None and general[0] != own[0]:
        return [own, general]
    return [own]


def _is_rule(text: str) -> bool:
    """Whether ``text`` is the rule under a Markdown table's header ("| --- | :---: |")."""
    return bool(re.fullmatch(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*", text.strip()))


def _is_role_column(header: list[str], body: list[list[str]], c: int) -> bool:
    """Whether column ``c`` says each row's role: its header says so ("Status", "Capacity"), or, whatever its
    header ("Standing at the session"), most of its cells are roles ("Member", "Observer", "Co-Chair")."""
    if c < len(header) and _ROLE_HEADER.search(header[c]):
        return True
    cells = [r[c] for r in body if c < len(r) and r[c].strip()]
    return bool(cells) and sum(cell_role(cell) is not None for cell in cells) * 2 > len(body)


def _table_entries(texts: list[str], first: int, stop: int, data_dir: Path | None) -> Iterator[tuple[int, Entry]]:
    kept = [k for k in range(first, stop) if not _is_rule(texts[k])]
    rows = [_cells(texts[k]) or [] for k in kept]
    header, body = rows[0], rows[1:]
    if not body:
        return
    width = max(len(r) for r in rows)
    name_cols = [
        c
        for c in range(width)
        if sum(bool(r[c:] and _only_names(r[c], data_dir)) for r in body) * 2 >= len(body)
        and not _ROLE_HEADER.search(header[c] if c < len(header) else "")
    ]
    if width == 2 and not name_cols:
        yield from _fact_rows(rows, kept, data_dir)
        return
    role_cols = [c for c in range(width) if c not in name_cols and _is_role_column(header, body, c)]
    before = _context_cue(texts, first)
    for c in name_cols:
        general = (cell_role(header[c]) if c < len(header) else None) or before
        for n, r in enumerate(body, start=1):
            named = _only_names(r[c], data_dir) if c < len(r) else None
            if named is None:
                continue
            mentions, cell = named
            status = next((found for k in role_cols if k < len(r) and (found := cell_role(r[k]))), None)
            for m in mentions:
                for role, cue in _roles(_item_role(cell, m) or status, general):
                    yield kept[n], Entry(m, role, cue, "table", n)


def _fact_rows(rows: list[list[str]], kept: list[int], data_dir: Path | None) -> Iterator[tuple[int, Entry]]:
    """A table of facts, one label and its value a row, no header ("Co-Chairs | Indonesia and Australia",
    "Members | 45 States and four international organizations: IOM, UNHCR, UNODC and ILO"): the names in the
    value of a row whose label is a role take that role. Written from heldout5's profile page; no other
    development set has such a table (tests/dev/rules7/README.md, class L12)."""
    for k, row in enumerate(rows):
        label = row[0] if len(row) == 2 and len(row[0].split()) <= 3 else ""
        found = cell_role(label) if label else None
        if found is None:
            continue
        for m in find_mentions(row[1], data_dir):
            yield kept[k], Entry(m, found[0], found[1], "table", k)
