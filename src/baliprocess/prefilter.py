"""Cheap tests of whether a regular expression could match a text at all, made from the pattern itself.

:func:`required_literals` reads a compiled pattern's syntax tree and returns strings one of which every match
holds (such as ``{"attend", "took part", "present"}``); :func:`may_match` tests a text for them with plain
substring look-ups, which cost far less than a scan by a pattern of many alternatives, each starting with
``\\b``; :func:`may_match_each` tests a text against many patterns at once, with one pass of an automaton
(:mod:`baliprocess.literalscan`). The test is conservative: when it says no, the pattern has no match in the
text; when it says yes, the pattern must still be run. A pattern for which no such strings are known always passes.

:func:`narrowed` goes one step further for a pattern that is an alternation of many phrases (the role cues): it
keeps only the alternatives whose strings the text holds, and the pattern made of them finds the same matches
with fewer alternatives to try at each position.

Case: for a pattern that ignores case, strings and text are compared in lower case, with the four letters
outside ASCII that such a pattern matches to an ASCII letter (:data:`ASCII_CASE_TWINS`) read as that letter.
"""

from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from .literalscan import LiteralSet

__all__ = [
    "ASCII_CASE_TWINS",
    "fold",
    "may_match",
    "may_match_each",
    "narrowed",
    "narrowed_each",
    "required_literals",
    "top_level_alternatives",
]

#: The characters outside ASCII that a pattern ignoring case matches to an ASCII letter ("İ", "ı", "ſ" and the
#: Kelvin sign): found by trying every code point (tests/test_speed_gates.py does it again).
ASCII_CASE_TWINS: dict[int, str] = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}

_Literals = frozenset[str] | None


def fold(text: str) -> str:
    """``text`` as a pattern ignoring case sees it, for :func:`may_match`: in lower case, the letters of
    :data:`ASCII_CASE_TWINS` read as their ASCII twins."""
    return text.lower() if text.isascii() else text.translate(ASCII_CASE_TWINS).lower()


def _best(options: list[frozenset[str]]) -> _Literals:
    """The most telling of several sets, each of which every match must meet: the one whose shortest string,
    spaces aside, is longest (fewest false alarms: " to " is in most texts, "attend" is not)."""
    return max(options, key=lambda s: (min(len(x.strip()) for x in s), -len(s))) if options else None


def _of_item(op: str, av: Any, folded: bool) -> _Literals:
    """Strings one of which every match of one node holds, or None."""
    if op == "SUBPATTERN":
        _, add_flags, del_flags, body = av
        return None if add_flags or del_flags else _of_sequence(body, folded)
    if op == "BRANCH":
        sets = [_of_sequence(branch, folded) for branch in av[1]]
        if any(s is None for s in sets):
            return None
        return frozenset().union(*sets)  # type: ignore[arg-type]
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _, body = av
        return _of_sequence(body, folded) if low >= 1 else None
    if op == "ATOMIC_GROUP":
        return _of_sequence(av, folded)
    if op == "IN":
        return _of_class(av, folded)
    return None  # an anchor, a look-around, a back-reference: nothing known


def _of_class(items: Any, folded: bool) -> _Literals:
    """The characters of a class made only of single characters ("[–—]", "[;,]"), in lower case when case is
    ignored; None for a class that is negated or holds a range or a category ("[^a]", "[a-z]", "\\s"), or a
    character outside ASCII when case is ignored (its twins are not worked out)."""
    chars = []
    for op, av in items:
        if str(op) != "LITERAL" or (folded and av >= 128):
            return None
        chars.append(chr(av).lower() if folded else chr(av))
    return frozenset(chars) or None


def _of_sequence(items: Any, folded: bool) -> _Literals:
    """Strings one of which every match of a sequence of nodes holds: its longest run of literal characters
    (ASCII only when case is ignored), or what one of its nodes requires, whichever tells more."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        name = str(op)
        if name == "LITERAL" and (not folded or av < 128):
            run += chr(av)
            continue
        if run:
            options.append(frozenset({run.lower() if folded else run}))
            run = ""
        if name != "LITERAL":
            found = _of_item(name, av, folded)
            if found is not None and all(found):
                options.append(found)
    if run:
        options.append(frozenset({run.lower() if folded else run}))
    return _best(options)


def required_literals(pattern: re.Pattern[str]) -> _Literals:
    """Strings one of which every match of ``pattern`` holds (in lower case when it ignores case), or None
    when none are known. Flags set inside a group ("(?i:...)") make that group tell nothing."""
    tree = _parser.parse(pattern.pattern, pattern.flags)
    folded = bool(tree.state.flags & re.IGNORECASE)
    found = _of_sequence(tree, folded)
    return None if found is None or not all(found) else found


# Pattern id -> (the pattern, its required literals, whether it ignores case): the pattern is kept so that its
# id is not reused. (A compiled pattern's own hash reads its whole program, which costs more than the look-up
# saves; so does testing its flags, an enum, on every call.)
_KNOWN: dict[int, tuple[re.Pattern[str], _Literals, bool]] = {}


def _learn(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], _Literals, bool]:
    known = _KNOWN[id(pattern)] = (pattern, required_literals(pattern), bool(pattern.flags & re.IGNORECASE))
    return known


def may_match(pattern: re.Pattern[str], text: str, folded: str | None = None) -> bool:
    """False only when ``pattern`` has no match in ``text``. ``folded`` is :func:`fold` (``text``), when the
    caller tests one text against several patterns that ignore case."""
    known = _KNOWN.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _learn(pattern)
    _, needed, ignores_case = known
    if needed is None:
        return True
    haystack = (folded if folded is not None else fold(text)) if ignores_case else text
    for s in needed:
        if s in haystack:
            return True
    return False


# id of a tuple of patterns -> (the tuple, the mask of those without known strings, the strings of those that heed
# case and of those that ignore it, each with the mask of the patterns that need it). Kept as in _KNOWN.
_GROUPS: dict[int, tuple[tuple[re.Pattern[str], ...], int, LiteralSet, LiteralSet]] = {}


def _group(patterns: tuple[re.Pattern[str], ...]) -> tuple[tuple[re.Pattern[str], ...], int, LiteralSet, LiteralSet]:
    free = 0
    exact: dict[str, int] = {}
    folded: dict[str, int] = {}
    for i, pattern in enumerate(patterns):
        _, needed, ignores_case = _learn(pattern)
        if needed is None:
            free |= 1 << i
            continue
        owners = folded if ignores_case else exact
        for s in needed:
            owners[s] = owners.get(s, 0) | 1 << i
    known = _GROUPS[id(patterns)] = (patterns, free, LiteralSet(exact), LiteralSet(folded))
    return known


def may_match_each(patterns: tuple[re.Pattern[str], ...], text: str, folded: str | None = None) -> int:
    """A mask whose bit i is set when :func:`may_match` (``patterns[i]``, ``text``) says True: the strings of
    all the patterns are looked for in one pass over ``text`` (and one over its folded form, for the patterns
    that ignore case) of a :class:`~baliprocess.literalscan.LiteralSet`, instead of a search per string and
    pattern. ``folded`` as for :func:`may_match`."""
    known = _GROUPS.get(id(patterns))
    if known is None or known[0] is not patterns:
        known = _group(patterns)
    _, free, exact, ignoring = known
    mask = free | exact.found(text)
    if ignoring.masks:
        mask |= ignoring.found(folded if folded is not None else fold(text))
    return mask


def top_level_alternatives(source: str) -> list[str]:
    """The source of a pattern cut at each "|" that stands outside every group and character class: its
    alternatives, in order (the whole source when it has none). Escapes are skipped, and a "]" right after
    "[" or "[^" is read as a character of the class, as the parser reads it."""
    out: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 1 + source.startswith("^", i + 1)
            i += source.startswith("]", i)
            continue
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    return [*out, source[start:]]


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
# Pattern id -> (the pattern, its top-level alternatives, (string, bit mask of the alternatives that require
# it), the mask of those that require none, whether it ignores case); no alternatives when the pattern cannot
# be cut (see _cut). Kept as in _KNOWN.
_CUT: dict[int, tuple[re.Pattern[str], tuple[str, ...], tuple[tuple[str, int], ...], int, bool]] = {}
# (pattern id, the mask of the alternatives kept) -> the pattern made of them.
_NARROWED: dict[tuple[int, int], re.Pattern[str]] = {}


def _cut(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], tuple[str, ...], tuple[tuple[str, int], ...], int, bool]:
    """The pattern's top-level alternatives and which of them each of their required strings belongs to; no
    alternatives for a pattern whose parts could not stand alone (capturing groups, whose numbers would
    change; verbose mode, whose comments may hold a "|"; flags set for the whole pattern at its start) or that
    has only one."""
    source = pattern.pattern
    parts = top_level_alternatives(source)
    if pattern.groups or pattern.flags & re.VERBOSE or _GLOBAL_FLAGS.search(source) or len(parts) < 2:
        parts = []
    owners: dict[str, int] = {}
    free = 0
    for i, part in enumerate(parts):
        needed = required_literals(re.compile(part, pattern.flags))
        if needed is None:
            free |= 1 << i
        for s in needed or ():
            owners[s] = owners.get(s, 0) | 1 << i
    ignores_case = bool(pattern.flags & re.IGNORECASE)
    known = _CUT[id(pattern)] = (pattern, tuple(parts), tuple(owners.items()), free, ignores_case)
    return known


def narrowed(pattern: re.Pattern[str], text: str, folded: str | None = None) -> re.Pattern[str] | None:
    """``pattern`` with only those of its top-level alternatives that may match ``text`` (each tested as
    :func:`may_match` tests a pattern), or None when none may. An alternative that matches nowhere in the text
    takes no part in any match of the whole, so the narrowed pattern finds the same matches at the same places
    (``finditer`` gives the same spans and words). ``folded`` as for :func:`may_match`."""
    if not may_match(pattern, text, folded):  # the whole pattern's strings first: most texts hold none
        return None
    known = _CUT.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _cut(pattern)
    _, parts, owners, keep, ignores_case = known
    if not parts:
        return pattern
    haystack = (folded if folded is not None else fold(text)) if ignores_case else text
    for s, bits in owners:
        if s in haystack:
            keep |= bits
    return _keeping(pattern, parts, keep)


def _keeping(pattern: re.Pattern[str], parts: tuple[str, ...], keep: int) -> re.Pattern[str] | None:
    """``pattern`` made of the alternatives ``parts`` whose bits ``keep`` sets: itself when all are, None when
    none is."""
    if keep == (1 << len(parts)) - 1:
        return pattern
    if not keep:
        return None
    found = _NARROWED.get((id(pattern), keep))
    if found is None:
        alternatives = [part for i, part in enumerate(parts) if keep >> i & 1]
        found = _NARROWED[(id(pattern), keep)] = re.compile("|".join(alternatives), pattern.flags)
    return found


# Per pattern of a group: the mask of its own required strings (-1: none known), the mask of its alternatives
# that require none, its alternatives (none when it cannot be cut).
_Each = tuple[int, int, tuple[str, ...]]
_NarrowGroup = tuple[tuple[re.Pattern[str], ...], list[_Each], LiteralSet, LiteralSet, list[list[tuple[int, int]]]]
# id of a tuple of patterns -> (the tuple, an _Each per pattern, one LiteralSet per case over every string of
# every pattern and alternative, each string's bit being its index in ``owners``, and ``owners``: per string,
# (pattern index, mask of the alternatives that require it)). Kept as in _KNOWN.
_NARROW_GROUPS: dict[int, _NarrowGroup] = {}


def _narrow_group(patterns: tuple[re.Pattern[str], ...]) -> _NarrowGroup:
    index: dict[tuple[bool, str], int] = {}
    owners: list[list[tuple[int, int]]] = []

    def bit(ignores_case: bool, s: str) -> int:
        if (ignores_case, s) not in index:
            index[(ignores_case, s)] = len(owners)
            owners.append([])
        return index[(ignores_case, s)]

    each: list[_Each] = []
    for i, pattern in enumerate(patterns):
        _, needed, ignores_case = _learn(pattern)
        _, parts, cut_owners, free, _ = _cut(pattern)
        own = -1 if needed is None else sum(1 << bit(ignores_case, s) for s in set(needed))
        for s, alternatives in cut_owners:
            owners[bit(ignores_case, s)].append((i, alternatives))
        each.append((own, free, parts))
    exact = LiteralSet({s: 1 << j for (case, s), j in index.items() if not case})
    folded = LiteralSet({s: 1 << j for (case, s), j in index.items() if case})
    known = _NARROW_GROUPS[id(patterns)] = (patterns, each, exact, folded, owners)
    return known


def narrowed_each(
    patterns: tuple[re.Pattern[str], ...], text: str, folded: str | None = None
) -> list[re.Pattern[str] | None]:
    """``[narrowed(p, text, folded) for p in patterns]``, with every string of every pattern and of each of its
    alternatives looked for in one pass over ``text`` (and one over its folded form) of a
    :class:`~baliprocess.literalscan.LiteralSet`, instead of a substring search per string."""
    known = _NARROW_GROUPS.get(id(patterns))
    if known is None or known[0] is not patterns:
        known = _narrow_group(patterns)
    _, each, exact, ignoring, owners = known
    found = exact.found(text)
    if ignoring.masks:
        found |= ignoring.found(folded if folded is not None else fold(text))
    keep = [free for _, free, _ in each]
    hits = found
    while hits:
        low = hits & -hits
        for i, alternatives in owners[low.bit_length() - 1]:
            keep[i] |= alternatives
        hits ^= low
    return [
        None if own != -1 and not found & own else pattern if not parts else _keeping(pattern, parts, kept)
        for pattern, (own, _, parts), kept in zip(patterns, each, keep, strict=True)
    ]  # the whole pattern's strings first, as narrowed tests them
