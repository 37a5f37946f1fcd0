"""Which of many fixed strings a text holds, found in one pass over the text.

The readers skip most paragraphs and sentences by cheap tests first: does the text hold one of the twenty nouns
a count is of, one of the words every list's sentence holds, one of the strings a pattern needs
(:mod:`baliprocess.prefilter`)? Asked string by string (``any(s in text for s in strings)``), each test is a
loop in Python with a search of the whole text per string; on 10,000 documents these loops cost seconds.
:class:`LiteralSet` asks all at once: an Aho-Corasick automaton (pyahocorasick, compiled) reads the text once
and reports every string that occurs in it. The answer is the substring test's, exactly: a string is reported
when, and only when, ``string in text`` (``tests/test_literalscan.py`` compares both on generated texts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import ahocorasick

__all__ = ["LiteralSet"]


class LiteralSet:
    """Fixed strings, each with a bit mask (its own bit by default), tested against a text in one pass.

    ``strings`` is an iterable of strings (string i gets the mask ``1 << i`` in order of first appearance) or a
    mapping of each string to a mask of the caller's choosing (the patterns or alternatives it belongs to).
    """

    __slots__ = ("_automaton", "masks")

    def __init__(self, strings: Iterable[str] | Mapping[str, int]) -> None:
        if isinstance(strings, Mapping):
            masks = dict(strings)
        else:
            masks = {}
            for s in strings:
                masks.setdefault(s, 1 << len(masks))
        if "" in masks:
            raise ValueError("an empty string is in every text: test for it without a LiteralSet")
        self.masks: dict[str, int] = masks
        self._automaton: ahocorasick.Automaton | None = None
        if masks:
            automaton = ahocorasick.Automaton()
            for s, mask in masks.items():
                automaton.add_word(s, mask)
            automaton.make_automaton()
            self._automaton = automaton

    def any_in(self, text: str) -> bool:
        """Whether ``text`` holds one of the strings (``any(s in text for s in strings)``); the pass stops at the
        first one found."""
        if self._automaton is None:
            return False
        for _ in self._automaton.iter(text):
            return True
        return False

    def found(self, text: str) -> int:
        """The masks of the strings that ``text`` holds, OR-ed together (0 when it holds none)."""
        if self._automaton is None:
            return 0
        mask = 0
        for _, bits in self._automaton.iter(text):
            mask |= bits
        return mask
