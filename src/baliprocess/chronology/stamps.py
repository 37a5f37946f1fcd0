"""A page's modification stamp ("Date modified 29 Nov 2022", "Last updated: 3 May 2020", "Diperbarui 5 Juni"):
when the page was edited, not what it tells (heldout3's printed page; heldout4's page has it as a field)."""

from __future__ import annotations

import re

__all__ = ["modified_stamp"]

_MODIFIED = re.compile(
    r"(?:\b(?i:date|last)\s+(?i:modified|updated)|\b(?:Modified|Updated|Diperbarui))\s*(?i:on)?\s*:?\s*$"
)


def modified_stamp(m: re.Match[str]) -> bool:
    """Whether the date matched by ``m`` follows a page's modification stamp."""
    at = m.start()
    if m.string[at - 2 : at] not in ("d ", "i ", ": ", "n ", "d:"):  # the stamp's last letters, cheaply first
        return False
    before = m.string[max(0, at - 24) : at]
    return ("odified" in before or "pdated" in before or "iperbarui" in before) and _MODIFIED.search(before) is not None
