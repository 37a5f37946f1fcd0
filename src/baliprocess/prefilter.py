"""Cheap tests of whether a regular expression could match a text at all, made from the pattern itself.

:func:`required_literals` reads a compiled pattern's syntax tree and returns strings one of which every match
holds (such as ``{"attend", "took part", "present"}``); :func:`may_match` tests a text for them with plain
substring look-ups, which cost far less than a scan by a pattern of many alternatives, each starting with
``\\b``. The test is conservative: when it says no, the pattern has no match in the text; when it says yes, the
pattern must still be run. A pattern for which no such strings are known always passes.

Case: for a pattern that ignores case, strings and text are compared in lower case, with the four letters
outside ASCII that such a pattern matches to an ASCII letter (:data:`ASCII_CASE_TWINS`) read as that letter.
"""

from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["ASCII_CASE_TWINS", "fold", "may_match", "required_literals"]

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
    return None  # a class, an anchor, a look-around, a back-reference: nothing known


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
