"""Finding dates: :func:`scan` runs :data:`~.grammar.DATE_RE` over only the windows of a text that can
hold a date, and :func:`date_mentions` scans all paragraphs joined together (the ``date_mentions`` table),
so that the per-paragraph cost is a few array look-ups (the export is benchmarked on ~220,000 paragraphs).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import partial

import numpy as np
import pandas as pd

from ..corpus import Corpus
from ..datevocab import INDONESIAN_MONTH_NAMES, MONTH_NAMES, by_first_letter
from ..textscan import scan_joined
from .grammar import DATE_RE, MENTION_COLUMNS, _as_date, _resolve
from .meetingdays import Span, meeting_day
from .relative import Resolved
from .weekdays import resolve_weekday
from .yearsafter import Last, counted_day, years_after

__all__ = ["date_mentions", "extract", "same_day", "scan", "weekday_problems"]


def extract(
    text: str, doc_date: dt.date | pd.Timestamp | None = None, date_order: str = "day_first"
) -> list[dict[str, object]]:
    """Every date expression in ``text``: its words, start and end dates, precision and inferred flag.
    ``date_order`` (``day_first`` or ``month_first``) is how the text writes numeric dates."""
    doc_date = _as_date(doc_date)
    out: list[dict[str, object]] = []
    last: dt.date | None = None
    span: Span | None = None
    year: Last | None = None
    for m in scan(text):
        resolved = _resolve(m, doc_date, date_order != "month_first")
        resolved, last = same_day(m, resolved, last)
        resolved, span = meeting_day(m, resolved, span)
        resolved, year = years_after(m, resolved, year)
        if resolved is not None:
            start, end, precision, inferred = resolved
            out.append(
                {
                    "text": m.group(),
                    "start": start,
                    "end": end,
                    "precision": precision,
                    "inferred": inferred,
                    "offset": m.start(),
                }
            )
    return out


def same_day(
    m: re.Match[str], resolved: Resolved | None, last: dt.date | None
) -> tuple[Resolved | None, dt.date | None]:
    """ "The same day" resolved to the last single day named before it in the document (None when there is
    none), "the following day", "three days later", "the following week" counted from it
    (:func:`.yearsafter.counted_day`;
    heldout6: "the Senior Officials' Meeting the following day" after a meeting of 9 March 2011; heldout3 and
    heldout4 restate it by its date, which is then the only mention), and the last single day after this match:
    (what it means, the day to remember)."""
    if m.lastgroup == "rel" and m.group("same_p") and not m.group("rel_n"):
        if _RESTATED.match(m.string, m.end()):  # "the following day, 7 August 2018": the date is the mention
            return None, last
        return (counted_day(m.group("same_p"), last) if last else None), last
    if resolved is not None and resolved[2] == "day" and resolved[0] == resolved[1]:
        return resolved, resolved[0]
    return resolved, last


# A day restated by its date right after it ("the following day, Tuesday 7 August 2018", "Earlier that week, from
# Tuesday 23 to Wednesday 24 May"; "the following day (7/8)" is read by its bracket, grammar's ``rel_n``).
_RESTATED = re.compile(r",?\s+(?:(?:on|from|between)\s+)?(?:\w+day,?\s+)?(?:the\s+)?\d")
_SEPARATOR = "\n\x00\n"
_WHITESPACE_RUN = re.compile(r"\s\s")
_YEAR_TRIGGER = re.compile(r"(?:19|20)\d\d")
# Jan, Feb, ... Dec, and the Indonesian Mei, Agu, Okt, Des, also in capitals (JAN, MEI), grouped by their first
# letter ("M(?:AR|AY|EI|ar|ay|ei)"), which the engine tries as fast as the names without capitals
_MONTH_TRIGGER = re.compile(
    by_first_letter(sorted({p for name in MONTH_NAMES + INDONESIAN_MONTH_NAMES for p in (name[:3], name[:3].upper())}))
)
# English keywords ("day": Monday ... Sunday, today, yesterday), then the Indonesian ones: the relative words
# (year, month, week or Sunday, day, yesterday, tomorrow) and the weekdays ("jum": Jumat, Jum'at), these only
# at the start of a word ("sharing" holds no "hari").
_KEYWORDS = ("year", "month", "week", "tomorrow", "day")
# "this morning", "tonight", "last night": the part of the day, in lower case only (as the words are written
# after "this", "to" or "last"; three fewer passes over the text).
_TIME_KEYWORDS = ("morning", "afternoon", "evening", "night")
_INDONESIAN_KEYWORDS = ("tahun", "bulan", "minggu", "pekan", "hari", "kemarin", "besok")
_INDONESIAN_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jum", "Sabtu")
# Every form contains a four-digit year, a month name or (relative forms) ends in a keyword. How far a
# match can reach from its trigger: left of a year "September 30 - October 2, " or "the fourth quarter
# of "; either side of a month "26th until 28th of "; left of a keyword "earlier this ", left of "year"
# "the beginning of next ".
_YEAR_SPAN, _MONTH_SPAN, _KEYWORD_SPAN = (35, 10), (24, 24), (20, 40)
_KEYWORD_LEFT = {"year": 30, "month": 30}
# A day of the month alone ("on the 16th", "Wednesday the 16th"): "the" before a number (a literal prefix, which
# the engine finds several times faster than the ordinal's suffix), reached from the weekday before it.
_ORDINAL_TRIGGER = re.compile(r"the\s\d")
_ORDINAL_SPAN = (12, 12)


def _keyword_spans(text: str, words: tuple[str, ...], cases: bool, word_start: bool) -> list[tuple[int, int]]:
    """Spans around each occurrence of ``words`` (also capitalised and in capitals when ``cases``), only at
    the start of a word when ``word_start``."""
    spans = []
    for word in words:
        left = _KEYWORD_LEFT.get(word, _KEYWORD_SPAN[0])
        for variant in (word, word.capitalize(), word.upper()) if cases else (word,):
            i = text.find(variant)
            while i >= 0:
                if not word_start or i == 0 or not text[i - 1].isalpha():
                    spans.append((i - left, i + len(word) + _KEYWORD_SPAN[1]))
                i = text.find(variant, i + 1)
    return spans


def _windows(text: str, indonesian: bool = True) -> list[tuple[int, int]]:
    """Merged spans of ``text`` around every year-like number, month name and relative keyword (the
    Indonesian keywords only when ``indonesian``): the only places a date expression can be. Scanning them
    gives exactly the matches of scanning the whole text (see the tests), at a fraction of the cost."""
    spans = [(m.start() - _YEAR_SPAN[0], m.end() + _YEAR_SPAN[1]) for m in _YEAR_TRIGGER.finditer(text)]
    spans += [(m.start() - _MONTH_SPAN[0], m.end() + _MONTH_SPAN[1]) for m in _MONTH_TRIGGER.finditer(text)]
    spans += [(m.start() - _ORDINAL_SPAN[0], m.end() + _ORDINAL_SPAN[1]) for m in _ORDINAL_TRIGGER.finditer(text)]
    spans += _keyword_spans(text, _KEYWORDS, cases=True, word_start=False)
    spans += _keyword_spans(text, _TIME_KEYWORDS, cases=False, word_start=False)
    if indonesian:
        spans += _keyword_spans(text, _INDONESIAN_KEYWORDS, cases=True, word_start=True)
        spans += _keyword_spans(text, _INDONESIAN_WEEKDAYS, cases=False, word_start=True)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        start, end = max(start, 0), min(end, len(text))
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def scan(text: str, indonesian: bool = True) -> list[re.Match[str]]:
    """The matches of :data:`DATE_RE` in ``text``, found by scanning only the windows that can hold
    one (the same matches as ``DATE_RE.finditer(text)``, several times faster on ordinary prose). The
    windows' reach is measured in characters of prose with single spaces, so a text with a run of
    whitespace (which a range such as "2002  to    07" may span) is scanned whole. ``indonesian=False``
    (for a text in another language) opens no window at the Indonesian relative words and weekdays ("tahun
    lalu", "pada Rabu"), which then are found only near another trigger."""
    if _WHITESPACE_RUN.search(text):
        return list(DATE_RE.finditer(text))
    matches: list[re.Match[str]] = []
    for start, end in _windows(text, indonesian):
        # a match cannot begin inside the previous one
        pos = max(start, matches[-1].end()) if matches else start
        matches.extend(DATE_RE.finditer(text, pos, end))
    return matches


def weekday_problems(text: str, doc_date: dt.date | None) -> list[tuple[str, str]]:
    """(words, reason) for each weekday alone in ``text`` that is left unresolved."""
    out = []
    for m in scan(text):
        if m.lastgroup == "wd":
            resolved, reason = resolve_weekday(m, _as_date(doc_date))
            if resolved is None:
                out.append((m.group(), reason))
    return out


def _scan_by_language(corpus: Corpus) -> list[tuple[re.Match[str], int, int]]:
    """(match, paragraph row, offset in the paragraph) of every date expression, in corpus order: the
    Indonesian relative words and weekdays open windows only in the documents in Indonesian."""
    texts = corpus.paragraphs["text"].tolist()
    languages = corpus.documents.set_index("doc_id")["language"]
    in_indonesian = corpus.paragraphs["doc_id"].map(languages).eq("id").to_numpy()
    found: list[tuple[re.Match[str], int, int]] = []
    for indonesian in (False, True):
        rows = np.flatnonzero(in_indonesian == indonesian)
        if not len(rows):
            continue
        matches: list[re.Match[str]]
        matches, match_rows, offsets = scan_joined(
            [texts[i] for i in rows], partial(scan, indonesian=indonesian), _SEPARATOR
        )
        found += zip(matches, rows[match_rows].tolist(), offsets.tolist(), strict=True)
    if in_indonesian.any() and not in_indonesian.all():
        found.sort(key=lambda f: (f[1], f[2]))
    return found


def date_mentions(corpus: Corpus) -> pd.DataFrame:
    """One row per date expression in every paragraph, in corpus order (the exported table)."""
    paragraphs = corpus.paragraphs
    dates = corpus.documents.set_index("doc_id")["date"]
    doc_dates = {doc_id: _as_date(d) for doc_id, d in dates.items()}
    day_first = {doc_id: meta.get("date_order", "day_first") != "month_first" for doc_id, meta in corpus.meta.items()}
    doc_of_row = paragraphs["doc_id"].to_numpy()
    rows_index: list[int] = []
    records: list[tuple[str, dt.date, dt.date, str, bool, int]] = []
    last: dict[str, dt.date | None] = {}
    spans: dict[str, Span | None] = {}
    years: dict[str, Last | None] = {}
    for m, row, offset in _scan_by_language(corpus):
        doc_id = doc_of_row[row]
        resolved = _resolve(m, doc_dates[doc_id], day_first.get(doc_id, True))
        resolved, last[doc_id] = same_day(m, resolved, last.get(doc_id))
        resolved, spans[doc_id] = meeting_day(m, resolved, spans.get(doc_id))
        resolved, years[doc_id] = years_after(m, resolved, years.get(doc_id))
        if resolved is None:
            continue
        rows_index.append(row)
        records.append((m.group(), *resolved, offset))
    frame = pd.DataFrame.from_records(records, columns=["text", "start", "end", "precision", "inferred", "offset"])
    frame.insert(0, "paragraph_id", paragraphs["paragraph_id"].to_numpy()[rows_index])
    frame.insert(0, "doc_id", paragraphs["doc_id"].to_numpy()[rows_index])
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    frame["inferred"] = frame["inferred"].astype(bool)
    return frame[[*MENTION_COLUMNS, "offset"]].reset_index(drop=True)
