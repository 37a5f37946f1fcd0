"""Finding dates: :func:`scan` runs :data:`~.grammar.DATE_RE` over only the windows of a text that can
hold a date, and :func:`date_mentions` scans all paragraphs joined together (the ``date_mentions`` table),
so that the per-paragraph cost is a few array look-ups (the export is benchmarked on ~220,000 paragraphs).
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from ..corpus import Corpus
from ..datevocab import INDONESIAN_MONTH_NAMES, MONTH_NAMES
from ..textscan import scan_joined
from .grammar import DATE_RE, MENTION_COLUMNS, _as_date, _resolve
from .weekdays import resolve_weekday

__all__ = ["date_mentions", "extract", "scan", "weekday_problems"]


def extract(
    text: str, doc_date: dt.date | pd.Timestamp | None = None, date_order: str = "day_first"
) -> list[dict[str, object]]:
    """Every date expression in ``text``: its words, start and end dates, precision and inferred flag.
    ``date_order`` (``day_first`` or ``month_first``) is how the text writes numeric dates."""
    doc_date = _as_date(doc_date)
    out = []
    for m in scan(text):
        resolved = _resolve(m, doc_date, date_order != "month_first")
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


_SEPARATOR = "\n\x00\n"
_WHITESPACE_RUN = re.compile(r"\s\s")
_YEAR_TRIGGER = re.compile(r"(?:19|20)\d\d")
# Jan, Feb, ... Dec, and the Indonesian Mei, Agu, Okt, Des
_MONTH_TRIGGER = re.compile("|".join(sorted({name[:3] for name in MONTH_NAMES + INDONESIAN_MONTH_NAMES})))
# "day": Monday ... Sunday; then the Indonesian relative words (year, month, week, day, yesterday, tomorrow,
# before "minggu": Sunday) and the other Indonesian weekdays
_KEYWORDS = ("year", "month", "week", "tomorrow", "today", "yesterday", "day")
# (these only at the start of a word: "sharing" holds no "hari")
_WORD_START_KEYWORDS = (
    *("tahun", "bulan", "minggu", "hari", "kemarin", "besok"),
    *("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum’at", "sabtu"),
)
# Every form contains a four-digit year, a month name or (relative forms) ends in a keyword. How far a
# match can reach from its trigger: left of a year "September 30 - October 2, " or "the fourth quarter
# of "; either side of a month "26th until 28th of "; left of a keyword "earlier this ", left of "year"
# "the beginning of next ".
_YEAR_SPAN, _MONTH_SPAN, _KEYWORD_SPAN = (35, 10), (24, 24), (20, 40)
_KEYWORD_LEFT = {"year": 30}


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged spans of ``text`` around every year-like number, month name and relative keyword: the
    only places a date expression can be. Scanning them gives exactly the matches of scanning the whole
    text (see the tests), at a fraction of the cost."""
    spans = [(m.start() - _YEAR_SPAN[0], m.end() + _YEAR_SPAN[1]) for m in _YEAR_TRIGGER.finditer(text)]
    spans += [(m.start() - _MONTH_SPAN[0], m.end() + _MONTH_SPAN[1]) for m in _MONTH_TRIGGER.finditer(text)]
    # keywords are looked for in the lower-cased text (one search each, whatever their case) when lowering
    # keeps every offset; otherwise as written, capitalised and in capitals
    lowered = text.lower()
    same_offsets = len(lowered) == len(text)
    for word in (*_KEYWORDS, *_WORD_START_KEYWORDS):
        left = _KEYWORD_LEFT.get(word, _KEYWORD_SPAN[0])
        anywhere = word in _KEYWORDS
        for variant, haystack in (
            [(word, lowered)] if same_offsets else [(v, text) for v in (word, word.capitalize(), word.upper())]
        ):
            i = haystack.find(variant)
            while i >= 0:
                if anywhere or i == 0 or not haystack[i - 1].isalpha():
                    spans.append((i - left, i + len(word) + _KEYWORD_SPAN[1]))
                i = haystack.find(variant, i + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        start, end = max(start, 0), min(end, len(text))
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def scan(text: str) -> list[re.Match[str]]:
    """The matches of :data:`DATE_RE` in ``text``, found by scanning only the windows that can hold
    one (the same matches as ``DATE_RE.finditer(text)``, several times faster on ordinary prose). The
    windows' reach is measured in characters of prose with single spaces, so a text with a run of
    whitespace (which a range such as "2002  to    07" may span) is scanned whole."""
    if _WHITESPACE_RUN.search(text):
        return list(DATE_RE.finditer(text))
    matches: list[re.Match[str]] = []
    for start, end in _windows(text):
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


def date_mentions(corpus: Corpus) -> pd.DataFrame:
    """One row per date expression in every paragraph, in corpus order (the exported table)."""
    paragraphs = corpus.paragraphs
    dates = corpus.documents.set_index("doc_id")["date"]
    doc_dates = {doc_id: _as_date(d) for doc_id, d in dates.items()}
    day_first = {doc_id: meta.get("date_order", "day_first") != "month_first" for doc_id, meta in corpus.meta.items()}
    doc_of_row = paragraphs["doc_id"].to_numpy()
    matches: list[re.Match[str]]
    matches, match_rows, offsets = scan_joined(paragraphs["text"].tolist(), scan, _SEPARATOR)
    rows_index: list[int] = []
    records: list[tuple[str, dt.date, dt.date, str, bool, int]] = []
    for m, row, offset in zip(matches, match_rows.tolist(), offsets.tolist(), strict=True):
        doc_id = doc_of_row[row]
        resolved = _resolve(m, doc_dates[doc_id], day_first.get(doc_id, True))
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
