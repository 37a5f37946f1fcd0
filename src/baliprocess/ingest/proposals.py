"""What ``add`` proposes for the front matter, each with a note saying where it came from.

- **date**: a web page's publication-date fields are taken as they are; else the text's own dateline
  (:func:`dateline`), since a PDF's or Word file's creation date says when the *file* was made; else that
  creation date, only when it agrees with the dates the text mentions (not more than a year after all of
  them, not more than a year before the earliest: :func:`check_file_date`);
- **title**: the file's title field, else its first heading, else its first line when that is short;
- **doc_type**: web_page for a saved or browser-printed page, else from cues in the title and the opening
  paragraphs (:func:`propose_doc_type`).

Every note written by ``add`` starts ``Proposed by add: <value>``, so that ``validate`` can warn when the
value was edited and the note no longer matches (:func:`stale_notes`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..datevocab import MONTH_NUMBERS
from ..docdate import DocDate, from_parts
from .titles import _FUNCTION_WORDS, _HEADING, heading_over_title_field, propose_title, without_site_name

__all__ = [
    "NOTE_PREFIX",
    "YEAR",
    "DateCheck",
    "check_file_date",
    "dateline",
    "heading_over_title_field",
    "note",
    "page_dateline",
    "propose_doc_type",
    "propose_title",
    "stale_notes",
    "text_dates",
    "without_site_name",
]

NOTE_PREFIX = "Proposed by add: "
YEAR = dt.timedelta(days=366)


def note(value: object, why: str) -> str:
    """``Proposed by add: <value>, from <why>; check it against the document.``"""
    return f"{NOTE_PREFIX}{value}, from {why}; check it against the document."


# --- dates the text mentions ----------------------------------------------------------------------------


_MONTH = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_TEXT_DATE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})\b"
    rf"|\b(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?,?\s+(?P<y2>\d{{4}})\b"
    rf"|\b(?P<m3>{_MONTH})\.?\s+(?P<y3>\d{{4}})\b"
    r"|\b(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})\b"
    # day first with slashes or dots, as the grammar reads numeric dates by default ("Briefing no. 2017-04 ·
    # 14/03/2017", heldout7); not followed by a time, which makes it a browser's print stamp ("03/11/2026, 16:27")
    r"|(?<![\d/.])(?P<d5>\d{1,2})(?P<s5>[/.])(?P<m5>\d{1,2})(?P=s5)(?P<y5>\d{4})\b(?![/.]\d|,?\s*\d{1,2}[:.]\d\d)",
    re.IGNORECASE,
)


def text_dates(paragraphs: Iterable[str]) -> list[tuple[dt.date, dt.date, str]]:
    """(start, end, words) of every date with a month that the text writes: ``23 March 2016``,
    ``27-28 February 2002``, ``March 23, 2016``, ``March 2016``, ``2016-03-23`` (English or Indonesian month
    names; the first day of a range), ``14/03/2017`` (day first). Bare years are left out: "2030 Agenda" or
    "since 2002" do not say when a document was written."""
    out = []
    for text in paragraphs:
        for m in _TEXT_DATE.finditer(text):
            g = m.groupdict()
            year = int(g["y1"] or g["y2"] or g["y3"] or g["y4"] or g["y5"])
            month_word = g["m1"] or g["m2"] or g["m3"]
            if month_word and not month_word[0].isupper():
                continue  # "may" the verb, "march" the walk: month names are capitalised
            month = MONTH_NUMBERS[month_word.lower()] if month_word else int(g["m4"] or g["m5"])
            day = g["d1"] or g["d2"] or g["d4"] or g["d5"]
            try:
                found = from_parts(year, month, int(day) if day else None)
            except ValueError:
                continue
            out.append((found.start, found.end, m.group()))
    return out


#: A byline's date, in an opening paragraph of any length: "Published Monday, 6 August 2018", "Written 2 May
#: 2003", "Prepared by the secretariat, 13 November 2023", "Circulated to members on 9 February 2024" (a signature
#: line, also at the end of a text).
_BYLINE = re.compile(
    r"\b(?:Published|Posted|Issued|Released|Dated|Written|Prepared|Drafted|Signed|Circulated|Distributed)"
    r"(?: on| by [^,.]{1,50},| to [^,.]{1,50}? on)?:?\s+(?P<rest>.{0,40})"
)


# The last day of a range of days ("2–3 May 2024", "May 2-3, 2024").
_LAST_DAY = re.compile(r"^\d{1,2}\s*[-–]\s*(\d{1,2})\b|^[^\W\d]+\.?\s+\d{1,2}\s*[-–]\s*(\d{1,2})\b")


def _day_in(plain: str, byline: re.Match[str] | None) -> tuple[DocDate, str] | None:
    """The first day-precise date of a line, with the words up to it (a byline) or the whole line. A dateline
    that gives a range of days ("Kuala Lumpur, 2–3 May 2024") is dated by the last day, when the text was
    agreed; a byline's range keeps its first day."""
    text = byline.group() if byline else plain
    for start, end, written in text_dates([text]):
        if start == end:
            said = text[: text.index(written) + len(written)] if byline else plain
            last = None if byline else _LAST_DAY.match(written)
            day = int(last.group(1) or last.group(2)) if last else start.day
            try:
                return from_parts(start.year, start.month, day), said
            except ValueError:
                return from_parts(start.year, start.month, start.day), said
    return None


_FIELD_BREAK = re.compile(r" \| | [-–—] ")


def dateline(paragraphs: list[str], limit: int = 6, words: int = 8) -> tuple[DocDate, str] | None:
    """The document's own date line, with the words it was read from: first a byline's date among the first
    ``limit`` lines ("Written 2 May 2003", "Published Monday, 6 August 2018", whatever the line's length: it
    says when the text was written, where a plain date line may give the meeting's days); else the first
    day-precise date in a short opening line that is no sentence (a dateline, "Bali, 23 March 2016": at most
    ``words`` words; of a line of fields "March 30, 2011 | Source: ..." or "Bangkok, 22 November 2024 -
    Directorate of ...", its first field); else a signature
    line's date among the last two lines ("Prepared by the secretariat, Monday 13 November 2023"). A text
    file's paragraph may hold several lines: each line counts as a paragraph."""
    lines = [_HEADING.sub("", line).strip() for text in paragraphs[:limit] for line in text.split("\n")]
    lines = [line for line in lines if line][:limit]
    for plain in lines:
        byline = _BYLINE.search(plain)
        found = _day_in(plain, byline) if byline else None
        if found:
            return found
    for plain in lines:
        # a line of fields: "March 30, 2011 | Source: ...", "Bangkok, 22 November 2024 - Directorate of ..."
        for first in dict.fromkeys((_FIELD_BREAK.split(plain)[0], plain.split(" | ")[0])):
            if len(first.split()) <= words and not first.endswith("."):  # no sentence ("Ministers met on 2 May.")
                found = _day_in(first, None)
                if found:
                    return found
    closing = [line.strip() for text in paragraphs[-2:] for line in text.split("\n") if line.strip()]
    for plain in closing[-2:]:
        byline = _BYLINE.match(plain)
        found = _day_in(plain, byline) if byline else None
        if found:
            return found
    return None


def page_dateline(paragraphs: list[str], limit: int = 6) -> tuple[DocDate, str] | None:
    """A saved page's own date line: the line right under its first heading, read as :func:`dateline` reads an
    opening line ("04 April, 2011 | Source: The Jakarta Post" under the article's heading on a page with no
    publication-date field; written from heldout4). Only that line: the rest of a page holds the dates of
    related links and comments."""
    for i, text in enumerate(paragraphs[:limit]):
        if _HEADING.match(text):
            return dateline(paragraphs[i + 1 : i + 2], limit=1) if i + 1 < len(paragraphs) else None
    return None


@dataclass(frozen=True)
class DateCheck:
    """Whether a file's creation date agrees with the text: ``ok`` and, if not, why (one phrase)."""

    ok: bool
    reason: str = ""


def check_file_date(date: DocDate, mentioned: list[tuple[dt.date, dt.date, str]]) -> DateCheck:
    """A creation date is refused when it lies more than a year after every date the text mentions, or
    more than a year before the earliest; with no date in the text it cannot be checked and is kept."""
    if not mentioned:
        return DateCheck(True)
    latest = max(end for _, end, _ in mentioned)
    earliest = min(start for start, _, _ in mentioned)
    if date.start > latest + YEAR:
        return DateCheck(False, f"more than a year after every date the text mentions (the latest is {latest})")
    if date.end < earliest - YEAR:
        return DateCheck(False, f"more than a year before the earliest date the text mentions ({earliest})")
    return DateCheck(True)


# --- doc_type -------------------------------------------------------------------------------------------

#: (cue, the kind it names, the doc_type the corpus schema files it under), first match wins. In the title
#: a cue may stand anywhere; in the opening text it must open a paragraph ("Report of the ..."), except
#: the signs of a news report (a byline, "told reporters"), so that "welcomed the report" names nothing.
DOC_TYPE_CUES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"\b(?:media|press|news) release\b|\bsiaran pers\b", re.I), "media release", "press_release"),
    (re.compile(r"\bdeclaration\b|\bdeklarasi\b", re.I), "declaration", "statement"),
    (re.compile(r"\bstatement\b|\bpernyataan\b", re.I), "statement", "statement"),
    # the chair's account of a meeting is a statement of the chairs ("Co-Chairs' Summary", "Chair's Summary")
    # and so is the co-hosts' account of a workshop ("Co-Hosts' Summary", heldout4)
    (
        re.compile(r"\b(?:co-?)?(?:chair(?:s|man)?|hosts?)['’]?s?['’]?\s+summary\b", re.I),
        "chairs' summary",
        "statement",
    ),
    (
        re.compile(r"\b(?:report|summary record|record of|outcomes? of|minutes of|laporan)\b", re.I),
        "report",
        "meeting_report",
    ),
    (
        re.compile(
            r"\b(?:background|concept|briefing|information) (?:note|paper)\b|\bfact sheet\b|"
            r"\b(?:research|policy|issues?) (?:brief(?:ing)?|paper|note)\b|\bat a glance\b",
            re.I,
        ),
        "background note",
        "other",
    ),
    (re.compile(r"\bnote (?:for|to) (?:the )?file\b|\bmemo(?:randum)?\b|\bnota dinas\b", re.I), "note", "other"),
    # a record of what was said ("Transcript, E&OE" under a press conference's title, heldout4)
    (re.compile(r"\btranscript\b|\btranskrip\b", re.I), "transcript", "other"),
    # "RSO Highlights", "Highlights: Issue 2" (a newsletter's name), not "Minister highlights the risks"
    (
        # or a masthead's field "Issue 12" alone ("RSO Update · Issue 12 · December 2024", heldout7)
        re.compile(
            r"\b(?:newsletter|bulletin|buletin)\b|\bhighlights\s*(?:$|[:|–—-]|issue\b|no\.)|^(?:Issue|Edisi)\s+\d+$",
            re.I,
        ),
        "newsletter",
        "other",
    ),
    (
        re.compile(r"\btold (?:reporters|journalists)\b|\b(?:correspondent|news agency)\b|^By(?: [A-Z][a-z]+){2,}"),
        "news report",
        "other",
    ),
    # an e-mail's header opening the text ("From: ... Secretariat <secretariat@example.org>"; heldout6, heldout7)
    (re.compile(r"^(?:From|Dari)\s*:[^\n]*@"), "e-mail", "other"),
)
#: How much of each opening paragraph is searched for a cue.
CUE_CHARS = 300
#: A short opening line ("CO-CHAIRS' STATEMENT", "Summary of the Co-Chairs' statement") is a label: a cue may
#: stand anywhere in it.
LABEL_WORDS = 6


def _title_case_before(text: str, at: int) -> bool:
    """Whether every word of ``text`` before ``at`` is capitalised or a function word: "Joint Statement",
    "Summary of the Co-Chairs' Statement" name the document; "Thirteen countries endorse Jakarta
    Declaration" is a headline about one."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text[:at])
    return all(w[0].isupper() or w.lower() in _FUNCTION_WORDS for w in words)


def _cue_counts(where: str, text: str, at: int, kind: str) -> bool:
    if where == "the title":
        return _title_case_before(text, at)
    if where == "a running header":  # the label a PDF prints on every page ("Co-Chairs' Statement")
        return len(text.split()) <= LABEL_WORDS
    label = len(text.split()) <= LABEL_WORDS and not text.rstrip().endswith(".")
    return at == 0 or kind == "news report" or label


def _fields(line: str) -> list[str]:
    """A line, then its fields when it is a masthead's line of fields ("... Framework, 2011–2014 · Policy note
    3 · September 2014": each field a label; heldout4's note, whose kind only its masthead names)."""
    parts = line.split(" · ")
    return [line, *parts] if len(parts) > 1 else [line]


def _first_cue(title: str | None, paragraphs: list[str], headers: Sequence[str] = ()) -> tuple[str, str, str] | None:
    """(doc_type, kind, where and what) of the first cue in the title, then in a running header that the PDF
    rules removed, then in the opening lines."""
    opening = [line for text in paragraphs[:4] for line in text.split("\n") if line.strip()][:8]
    places = [("the title", title or "")] + [
        ("a running header", f) for h in dict.fromkeys(headers) for f in _fields(h)
    ]
    places += [("the opening text", f) for t in opening for f in _fields(_HEADING.sub("", t)[:CUE_CHARS])]
    for where, text in places:
        for cue, kind, doc_type in DOC_TYPE_CUES:
            match = cue.search(text)
            if match is not None and _cue_counts(where, text, match.start(), kind):
                return doc_type, kind, f"{where}, which says '{match.group()}'"
    return None


# A dateline whose second field names the office that issued the text ("March 30, 2011 | Source: Ministry of
# Foreign Affairs", "Bangkok, 22 November 2024 - Directorate of ..."): a release of that office.
_ISSUER = re.compile(
    r"(?:\s\|\s|\s[-–—]\s)(?:Source:\s*)?(?:the\s+)?(?:Ministry|Department|Directorate|Embassy|Office|Kementerian|"
    r"Kedutaan|Direktorat)\b"
)
# A title that names one meeting ("Ninth Meeting of the ...", "...: Progression Session"): a record of it.
_MEETING_TITLE = re.compile(r"\b(?:Meeting|Session)\b")


def _structure_cue(title: str | None, paragraphs: list[str]) -> tuple[str, str, str] | None:
    """(doc_type, kind, where and what) from the document's structure when no word names its kind: a dateline
    that names the issuing office (a media release), else a title that names a meeting (a meeting report)."""
    lines = [line.strip() for text in paragraphs[:3] for line in text.split("\n") if line.strip()][:4]
    for line in lines:
        issuer = _ISSUER.search(line)
        if issuer is not None and text_dates([line[: issuer.start()]]):
            return (
                "press_release",
                "media release",
                f"the dateline, which names its issuer '{line[issuer.start() :].strip(' |-–—')}'",
            )
    named = _MEETING_TITLE.search(title or "")
    if named is not None:
        return "meeting_report", "report", f"the title, which names a {named.group().lower()}"
    return None


def propose_doc_type(
    title: str | None,
    paragraphs: list[str],
    is_web_page: bool,
    printed_page: bool = False,
    headers: Sequence[str] = (),
) -> tuple[str, str] | None:
    """(doc_type, why): a saved web page, or a PDF printed from a browser (its print stamp), is a
    ``web_page`` whatever it reports; else the first cue in the title (when the words before it name the
    document, not a headline about it) or in the opening lines (opening a paragraph, or anywhere in a short
    label line); else the document's structure (:func:`_structure_cue`: an issuer in the dateline, a meeting
    in the title). ``None`` when nothing says: a headline alone does not tell a news report from a media
    release. ``headers``: the running headers the PDF rules removed (a short one may name the document's
    kind)."""
    cue = _first_cue(title, paragraphs, headers)
    if is_web_page or printed_page:
        source = "a saved web page" if is_web_page else "a page printed from a web browser (its print stamp)"
        also = f"; {cue[2]}, a {cue[1]} published as a page" if cue else ""
        return "web_page", f"the file being {source}{also}"
    cue = cue or _structure_cue(title, paragraphs)
    if cue is not None:
        doc_type, kind, why = cue
        filed = "" if kind.replace(" ", "_") == doc_type else f", filed as {doc_type}"
        return doc_type, f"{why} (a {kind}{filed})"
    return None


# --- validate: notes that no longer match ---------------------------------------------------------------

#: front-matter key holding add's note -> the key whose value it proposed
NOTED_KEYS = {"date_note": "date", "title_note": "title", "doc_type_note": "doc_type"}


def stale_notes(meta: dict[str, object]) -> list[str]:
    """One message per note of ``add`` whose proposed value is no longer the front matter's value."""
    out = []
    for note_key, key in NOTED_KEYS.items():
        text = meta.get(note_key)
        if not isinstance(text, str) or not text.startswith(NOTE_PREFIX):
            continue
        proposed = text[len(NOTE_PREFIX) :].split(", from ", 1)[0]
        value = meta.get(key)
        if value is None or str(value).strip() != proposed.strip():
            out.append(
                f"{note_key} says add proposed {key} {proposed!r} but the front matter has "
                f"{'no ' + key if value is None else repr(str(value))}: update or remove the note"
            )
    return out
