"""Chronology: date expressions found in the corpus, the curated event base, and their views.

Dates are intervals, never guesses: every mention has a ``start`` and an ``end`` date and a precision
(day, month, season or year). A date written without a year takes the year of its document and is marked
``inferred``; so are relative dates ("tomorrow", "earlier this year"), resolved against the document date.

The extractor is a single compiled regular expression run once over all paragraphs joined together, so
that the per-paragraph cost is a few array look-ups (the export is benchmarked on ~220,000 paragraphs).
``dateparser`` is used only as an evaluation baseline (:func:`dateparser_mentions`), never in the export.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from . import plotting
from .corpus import DEFAULT_CORPUS, REPO_ROOT, Corpus, load_corpus
from .schema import Field, Table

__all__ = [
    "TABLES", "build_tables", "PRECISIONS", "EVENTS_CORPUS", "EVENT_TYPES", "EVENTS_CSV", "EVENTS_BIB", "GOLD_CSV",
    "extract", "scan", "date_mentions", "load_gold", "score", "evaluation_table", "dateparser_mentions",
    "unmatched", "attendance", "load_events", "validate_events", "bib_keys", "discrepancies", "event_timeline", "events_table",
    "mention_years", "timeline_figure", "mention_years_figure", "summary", "EventsError",
]

PRECISIONS = ("day", "month", "season", "year")
EVENT_TYPES = ("ministerial_conference", "senior_officials_meeting", "ad_hoc_group", "working_group",
               "forum", "consultation_mechanism", "framework", "institution", "declaration", "strategy")
EVENTS_CSV = REPO_ROOT / "data" / "events.csv"
EVENTS_BIB = REPO_ROOT / "book" / "bib" / "events.bib"
#: The corpus whose paragraphs the sources of ``data/events.csv`` cite.
EVENTS_CORPUS = DEFAULT_CORPUS
GOLD_CSV = REPO_ROOT / "data" / "gold" / "date_mentions.csv"
MENTION_COLUMNS = ["doc_id", "paragraph_id", "text", "start", "end", "precision", "inferred"]

# --------------------------------------------------------------------------------------------------
# The pattern
# --------------------------------------------------------------------------------------------------

_MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12}
_MONTHS = {**_MONTH_NAMES, **_MONTH_ABBR}
# Month names are matched capitalised only ("May 2004", never the verb "may"); abbreviations may end in ".".
_MONTH = r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_DAY = r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?!\d)(?:st|nd|rd|th)?"
_YEAR = r"(?<!\d)(?:19|20)\d\d(?!\d)"
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|and|until)\s+)"
_YEAR_TO = r"(?:\s*[-–—]\s*|\s+to\s+)"
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "last": -1, "final": -1}
_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}

_FORMS = [
    # 28 February - 2 March 2002 / 28 February to 2 March
    ("dmdm", rf"(?P<dmdm_d1>{_DAY})\s+(?P<dmdm_m1>{_MONTH}){_TO}(?P<dmdm_d2>{_DAY})\s+(?P<dmdm_m2>{_MONTH})"
             rf"(?:,?\s+(?P<dmdm_y>{_YEAR}))?"),
    # February 28 - March 2, 2002
    ("mdmd", rf"(?P<mdmd_m1>{_MONTH})\s+(?P<mdmd_d1>{_DAY}){_TO}(?P<mdmd_m2>{_MONTH})\s+(?P<mdmd_d2>{_DAY})"
             rf"(?:,?\s+(?P<mdmd_y>{_YEAR}))?"),
    # 26-28 February [2002] / 7 to 8 June 2004 / 07 - 08 June 2004
    ("ddm", rf"(?P<ddm_d1>{_DAY}){_TO}(?P<ddm_d2>{_DAY})\s+(?:of\s+)?(?P<ddm_m>{_MONTH})(?:,?\s+(?P<ddm_y>{_YEAR}))?"),
    # February 27-28, 2002
    ("mdd", rf"(?P<mdd_m>{_MONTH})\s+(?P<mdd_d1>{_DAY}){_TO}(?P<mdd_d2>{_DAY})(?:,?\s+(?P<mdd_y>{_YEAR}))?"),
    # 7 August 2018 / the 22nd of March 2016 / 23 March
    ("dm", rf"(?P<dm_d>{_DAY})\s+(?:of\s+)?(?P<dm_m>{_MONTH})(?:,?\s+(?P<dm_y>{_YEAR}))?"),
    # August 7, 2018 / August 7
    ("md", rf"(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY})\b(?:,?\s+(?P<md_y>{_YEAR}))?"),
    # 2018-08-07
    ("iso", rf"\b(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d)\b"),
    # April 2003 / April, 2003
    ("my", rf"(?P<my_m>{_MONTH}),?\s+(?P<my_y>{_YEAR})\b"),
    # early / mid / late 2004, mid-2004
    ("part", rf"\b(?P<part_p>(?i:early|mid|late))[-\s]+(?P<part_y>{_YEAR})\b"),
    # the second half of 2004 / the first quarter of 2005
    ("frac", rf"(?:\b(?i:the)\s+)?\b(?P<frac_o>(?i:first|1st|second|2nd|third|3rd|fourth|4th|last|final))\s+"
             rf"(?P<frac_u>(?i:half|quarter))\s+of\s+(?P<frac_y>{_YEAR})\b"),
    # 2020–2025 / 2015-17 / 2020 to 2025
    ("yy", rf"(?<![\d.,/])(?P<yy_y1>{_YEAR}){_YEAR_TO}(?P<yy_y2>{_YEAR}|\d\d)\b(?![-–]\d)"),
    # a bare year: "established in 2002" (not a count such as "2,002" or part of "2002.5")
    ("y", rf"(?<![\d.,$£€-])\b(?P<y_y>{_YEAR})\b(?![.,]\d|%|-\d)"),
    # relative to the document date
    ("rel", r"\b(?P<rel_p>(?i:earlier\s+this\s+(?:year|month)|later\s+this\s+(?:year|month)|"
            r"(?:this|last|next)\s+(?:year|month|week)|tomorrow|yesterday|today))\b"),
]
# Every form starts at a digit, a capital, or a word beginning as below; the look-ahead gate lets the
# engine reject every other position at once (a tenfold speed-up, same matches).
_GATE = r"(?=\d|\b(?:[A-Z]|the\s|earl|lat|las|mid|fi|fo|sec|thi|nex|yes|tod|tom))"
DATE_RE = re.compile(_GATE + "(?:" + "|".join(f"(?P<{name}>{body})" for name, body in _FORMS) + ")")


def _month(token: str) -> int:
    return _MONTHS[token.rstrip(".").lower()]


def _day(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _resolve(m: re.Match[str], doc_date: dt.date | None) -> tuple[dt.date, dt.date, str, bool] | None:
    """The interval ``(start, end, precision, inferred)`` a match means, or None if impossible."""
    g = m.groupdict()
    kind = m.lastgroup
    inferred = False

    def year(key: str) -> int | None:
        nonlocal inferred
        if g[key]:
            return int(g[key])
        if doc_date is None:
            return None
        inferred = True
        return doc_date.year

    try:
        if kind in ("dmdm", "mdmd"):
            y = year(f"{kind}_y")
            if y is None:
                return None
            start = dt.date(y, _month(g[f"{kind}_m1"]), _day(g[f"{kind}_d1"]))
            end = dt.date(y, _month(g[f"{kind}_m2"]), _day(g[f"{kind}_d2"]))
            precision = "day"
        elif kind in ("ddm", "mdd"):
            y = year(f"{kind}_y")
            if y is None:
                return None
            month = _month(g[f"{kind}_m"])
            start = dt.date(y, month, _day(g[f"{kind}_d1"]))
            end = dt.date(y, month, _day(g[f"{kind}_d2"]))
            precision = "day"
        elif kind in ("dm", "md"):
            y = year(f"{kind}_y")
            if y is None:
                return None
            start = end = dt.date(y, _month(g[f"{kind}_m"]), _day(g[f"{kind}_d"]))
            precision = "day"
        elif kind == "iso":
            start = end = dt.date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
            precision = "day"
        elif kind == "my":
            y, month = int(g["my_y"]), _month(g["my_m"])
            start, end, precision = dt.date(y, month, 1), _month_end(y, month), "month"
        elif kind == "part":
            y = int(g["part_y"])
            first, last = _PARTS[g["part_p"].lower()]
            start, end, precision = dt.date(y, first, 1), _month_end(y, last), "season"
        elif kind == "frac":
            y = int(g["frac_y"])
            size = 6 if g["frac_u"].lower() == "half" else 3
            n = _ORDINALS[g["frac_o"].lower()]
            n = 12 // size if n == -1 else n
            if n * size > 12:
                return None
            start, end, precision = dt.date(y, (n - 1) * size + 1, 1), _month_end(y, n * size), "season"
        elif kind == "yy":
            y1, y2 = int(g["yy_y1"]), g["yy_y2"]
            y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
            start, end, precision = dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year"
        elif kind == "y":
            y = int(g["y_y"])
            start, end, precision = dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
        else:  # relative
            if doc_date is None:
                return None
            return _relative(g["rel_p"], doc_date)
    except ValueError:  # 30 February, 31 April, ...
        return None
    if end < start:
        return None
    return start, end, precision, inferred


def _relative(phrase: str, d: dt.date) -> tuple[dt.date, dt.date, str, bool]:
    words = phrase.lower().split()
    one_day = dt.timedelta(days=1)
    if words == ["tomorrow"]:
        return d + one_day, d + one_day, "day", True
    if words == ["yesterday"]:
        return d - one_day, d - one_day, "day", True
    if words == ["today"]:
        return d, d, "day", True
    first, unit = words[0], words[-1]
    if unit == "year":
        if first == "earlier":
            return dt.date(d.year, 1, 1), d - one_day, "season", True
        if first == "later":
            return d + one_day, dt.date(d.year, 12, 31), "season", True
        y = d.year + {"this": 0, "last": -1, "next": 1}[first]
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", True
    if unit == "month":
        if first == "earlier":
            return d.replace(day=1), d - one_day, "day", True
        if first == "later":
            return d + one_day, _month_end(d.year, d.month), "day", True
        index = d.year * 12 + d.month - 1 + {"this": 0, "last": -1, "next": 1}[first]
        y, month = divmod(index, 12)
        return dt.date(y, month + 1, 1), _month_end(y, month + 1), "month", True
    # week: Monday to Sunday
    monday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(weeks={"this": 0, "last": -1, "next": 1}[first])
    return monday, monday + dt.timedelta(days=6), "day", True


def extract(text: str, doc_date: dt.date | pd.Timestamp | None = None) -> list[dict[str, object]]:
    """Every date expression in ``text``: its words, start and end dates, precision and inferred flag."""
    doc_date = _as_date(doc_date)
    out = []
    for m in scan(text):
        resolved = _resolve(m, doc_date)
        if resolved is not None:
            start, end, precision, inferred = resolved
            out.append({"text": m.group(), "start": start, "end": end, "precision": precision,
                        "inferred": inferred, "offset": m.start()})
    return out


def _as_date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value  # type: ignore[return-value]


_SEPARATOR = "\n\x00\n"
_YEAR_TRIGGER = re.compile(r"(?:19|20)\d\d")
_MONTH_TRIGGER = re.compile(r"(?:Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec)")
_KEYWORDS = ("year", "month", "week", "tomorrow", "today", "yesterday")
# Every form contains a four-digit year, a month name or (relative forms) ends in a keyword. How far a
# match can reach from its trigger: left of a year "September 30 - October 2, " or "the fourth quarter
# of "; either side of a month "26th until 28th of "; left of a keyword "earlier this ".
_YEAR_SPAN, _MONTH_SPAN, _KEYWORD_SPAN = (35, 10), (24, 24), (20, 2)


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged spans of ``text`` around every year-like number, month name and relative keyword: the
    only places a date expression can be. Scanning them gives exactly the matches of scanning the whole
    text (see the tests), at a fraction of the cost."""
    spans = [(m.start() - _YEAR_SPAN[0], m.end() + _YEAR_SPAN[1]) for m in _YEAR_TRIGGER.finditer(text)]
    spans += [(m.start() - _MONTH_SPAN[0], m.end() + _MONTH_SPAN[1]) for m in _MONTH_TRIGGER.finditer(text)]
    for word in _KEYWORDS:
        for variant in (word, word.capitalize(), word.upper()):
            i = text.find(variant)
            while i >= 0:
                spans.append((i - _KEYWORD_SPAN[0], i + len(word) + _KEYWORD_SPAN[1]))
                i = text.find(variant, i + 1)
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
    one (the same matches as ``DATE_RE.finditer(text)``, several times faster on ordinary prose)."""
    matches: list[re.Match[str]] = []
    for start, end in _windows(text):
        # a match cannot begin inside the previous one
        pos = max(start, matches[-1].end()) if matches else start
        matches.extend(DATE_RE.finditer(text, pos, end))
    return matches


def date_mentions(corpus: Corpus) -> pd.DataFrame:
    """One row per date expression in every paragraph, in corpus order (the exported table)."""
    paragraphs = corpus.paragraphs
    dates = corpus.documents.set_index("doc_id")["date"]
    texts = paragraphs["text"].tolist()
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths + len(_SEPARATOR))[:-1])) if len(texts) else lengths
    joined = _SEPARATOR.join(texts)
    doc_dates = {doc_id: _as_date(d) for doc_id, d in dates.items()}
    doc_of_row = paragraphs["doc_id"].to_numpy()
    matches = scan(joined)
    match_rows = np.searchsorted(starts, [m.start() for m in matches], side="right") - 1
    rows_index, records = [], []
    for m, row in zip(matches, match_rows.tolist()):
        resolved = _resolve(m, doc_dates[doc_of_row[row]])
        if resolved is None:
            continue
        rows_index.append(row)
        records.append((m.group(), *resolved, m.start() - int(starts[row])))
    frame = pd.DataFrame.from_records(records, columns=["text", "start", "end", "precision", "inferred", "offset"])
    frame.insert(0, "paragraph_id", paragraphs["paragraph_id"].to_numpy()[rows_index])
    frame.insert(0, "doc_id", paragraphs["doc_id"].to_numpy()[rows_index])
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    frame["inferred"] = frame["inferred"].astype(bool)
    return frame[MENTION_COLUMNS + ["offset"]].reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# Evaluation against the gold list
# --------------------------------------------------------------------------------------------------

def load_gold(path: Path = GOLD_CSV) -> pd.DataFrame:
    """The hand-made gold list of date mentions (``data/gold/date_mentions.csv``)."""
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    gold["start"] = pd.to_datetime(gold["start"])
    gold["end"] = pd.to_datetime(gold["end"])
    gold["inferred"] = gold["inferred"].map({"true": True, "false": False})
    return gold


def _counted(frame: pd.DataFrame, keys: list[str]) -> pd.Series:
    return frame.groupby(keys).size() if len(frame) else pd.Series(dtype=int)


def score(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Precision and recall of ``predicted`` against ``gold``, matching exactly on paragraph and text,
    and separately on paragraph and interval (start, end). Duplicates count as often as they occur."""
    predicted = predicted[predicted["doc_id"].isin(set(gold["doc_id"]))]
    rows = []
    for match, keys in (("text", ["paragraph_id", "text"]), ("interval", ["paragraph_id", "start", "end"])):
        p, g = _counted(predicted, keys), _counted(gold, keys)
        both = pd.concat([p.rename("p"), g.rename("g")], axis=1).fillna(0)
        tp = int(np.minimum(both["p"], both["g"]).sum())
        n_pred, n_gold = int(both["p"].sum()), int(both["g"].sum())
        precision = tp / n_pred if n_pred else float("nan")
        recall = tp / n_gold if n_gold else float("nan")
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append({"match": match, "predicted": n_pred, "gold": n_gold, "correct": tp,
                     "precision": precision, "recall": recall, "f1": f1})
    return pd.DataFrame(rows)


def unmatched(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """The predictions (within the gold's documents) whose paragraph and text match no gold mention."""
    predicted = predicted[predicted["doc_id"].isin(set(gold["doc_id"]))]
    keys = set(zip(gold["paragraph_id"], gold["text"]))
    hit = [(p, t) in keys for p, t in zip(predicted["paragraph_id"], predicted["text"])]
    out = predicted.loc[~pd.Series(hit, index=predicted.index), ["paragraph_id", "text", "start", "end"]]
    return out.assign(start=out["start"].dt.strftime("%Y-%m-%d"), end=out["end"].dt.strftime("%Y-%m-%d")) \
        .set_index("paragraph_id")


def dateparser_mentions(paragraphs: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The baseline: ``dateparser.search.search_dates`` on each paragraph, with the document date as
    ``RELATIVE_BASE``. Each hit becomes the interval of the period dateparser reports for it
    (day, month or year). Slow: for evaluation only, never in the export."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    dates = documents.set_index("doc_id")["date"]
    records = []
    for row in paragraphs.itertuples(index=False):
        base = pd.Timestamp(dates[row.doc_id]).to_pydatetime()
        settings = {"RELATIVE_BASE": base, "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
        hits = search_dates(row.text, languages=["en"], settings=settings) or []
        parser = DateDataParser(languages=["en"], settings=settings)
        for text, when in hits:
            period = parser.get_date_data(text).period or "day"
            day = when.date()
            if period == "year":
                start, end, precision = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year"
            elif period == "month":
                start, end, precision = day.replace(day=1), _month_end(day.year, day.month), "month"
            else:
                start = end = day
                precision = "day"
            records.append((row.doc_id, row.paragraph_id, text, start, end, precision))
    frame = pd.DataFrame.from_records(records, columns=MENTION_COLUMNS[:-1])
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    return frame


def evaluation_table(scores: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per (system, match kind) from :func:`score` results keyed by system name."""
    frames = [s.assign(system=name) for name, s in scores.items()]
    table = pd.concat(frames, ignore_index=True)
    return table.set_index(["system", "match"])[["predicted", "gold", "correct", "precision", "recall", "f1"]]


# --------------------------------------------------------------------------------------------------
# The event base
# --------------------------------------------------------------------------------------------------

EVENT_COLUMNS = ["event_id", "start", "end", "precision", "event_type", "name", "city", "country", "source",
                 "locator", "n_countries", "n_delegates", "n_organisations", "note"]
_COUNT_COLUMNS = ["n_countries", "n_delegates", "n_organisations"]


class EventsError(ValueError):
    """``data/events.csv`` failed validation; ``problems`` lists every fault found."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def bib_keys(path: Path = EVENTS_BIB) -> set[str]:
    """The entry keys of a bibtex file."""
    return set(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", path.read_text(encoding="utf-8"), flags=re.M))


def validate_events(events: pd.DataFrame, paragraph_ids: Iterable[str], keys: Iterable[str]) -> list[str]:
    """Every problem in a raw (all-string) events table: missing columns, unknown types, unparsable or
    reversed dates, bad counts, duplicate rows, undated events, and sources that are neither a corpus
    paragraph nor a bib key. A row may leave both dates empty when its source gives none (it then
    carries attendance only), but every event needs at least one dated row."""
    missing = [c for c in EVENT_COLUMNS if c not in events.columns]
    if missing:
        return [f"missing columns {missing}"]
    known = set(paragraph_ids) | set(keys)
    problems = []
    for i, row in events.iterrows():
        where = f"row {i + 2} ({row['event_id'] or '?'})"
        for col in ("event_id", "name", "source"):
            if not row[col]:
                problems.append(f"{where}: empty {col}")
        if row["event_type"] not in EVENT_TYPES:
            problems.append(f"{where}: unknown event_type {row['event_type']!r}")
        if row["source"] and row["source"] not in known:
            problems.append(f"{where}: source {row['source']!r} is neither a corpus paragraph nor a key in events.bib")
        for col in _COUNT_COLUMNS:
            if row[col] and not row[col].isdigit():
                problems.append(f"{where}: {col} {row[col]!r} is not a whole number")
        if not (row["start"] or row["end"] or row["precision"]):
            continue
        if row["precision"] not in PRECISIONS:
            problems.append(f"{where}: unknown precision {row['precision']!r}")
        try:
            start, end = dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["end"])
            if start > end:
                problems.append(f"{where}: start {start} after end {end}")
        except ValueError:
            problems.append(f"{where}: unparsable date {row['start']!r} / {row['end']!r}")
    duplicated = events[events.duplicated(["event_id", "source", "locator"], keep=False)]
    problems += [f"duplicate (event_id, source, locator) {k}"
                 for k in sorted(set(zip(duplicated["event_id"], duplicated["source"], duplicated["locator"])))]
    dated = set(events.loc[events["start"] != "", "event_id"])
    problems += [f"event {e}: no row gives a date" for e in sorted(set(events["event_id"]) - dated)]
    return problems


def load_events(paragraph_ids: Iterable[str], path: Path = EVENTS_CSV, bib: Path = EVENTS_BIB) -> pd.DataFrame:
    """The curated event base, validated (see :func:`validate_events`); raises :class:`EventsError`.

    ``paragraph_ids`` are the corpus paragraphs a source may cite: those of the corpus the file was written
    against (:data:`EVENTS_CORPUS` for ``data/events.csv``), given by the caller."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    problems = validate_events(raw, paragraph_ids, bib_keys(bib))
    if problems:
        raise EventsError(problems)
    events = raw[EVENT_COLUMNS].copy()
    events["start"] = pd.to_datetime(events["start"])
    events["end"] = pd.to_datetime(events["end"])
    for col in _COUNT_COLUMNS:
        events[col] = pd.to_numeric(events[col].replace("", None)).astype("Int64")
    return events


def discrepancies(events: pd.DataFrame) -> pd.DataFrame:
    """Where sources disagree about one event: one row per (event, field, value) with the sources that
    give that value. Dates are compared among the rows of the event's finest precision (a source that
    gives only "April 2003" does not contradict one that gives "28-30 April 2003"); attendance counts
    among all rows that give them. Place names are not compared ("Nusa Dua" lies in "Bali")."""
    rows = []
    for event_id, group in events.groupby("event_id", sort=True):
        finest = _finest(group)
        for field in ("start", "end", *_COUNT_COLUMNS):
            pool = finest if field in ("start", "end") else group
            given = pool[pool[field].notna() & (pool[field].astype(str) != "")]
            values = given[field].dt.strftime("%Y-%m-%d") if field in ("start", "end") else given[field].astype(str)
            if values.nunique() < 2:
                continue
            for value, sub in given.groupby(values, sort=True):
                cited = sorted(f"{s} ({loc})" if loc else s for s, loc in zip(sub["source"], sub["locator"]))
                rows.append({"event_id": event_id, "name": group["name"].iloc[0], "field": field,
                             "value": value, "sources": "; ".join(cited)})
    return pd.DataFrame(rows, columns=["event_id", "name", "field", "value", "sources"])


def _finest(group: pd.DataFrame) -> pd.DataFrame:
    """The dated rows of one event that date it most precisely."""
    rank = {p: i for i, p in enumerate(PRECISIONS)}
    dated = group[group["start"].notna()]
    ranks = dated["precision"].map(rank)
    return dated[ranks == ranks.min()]


def attendance(events: pd.DataFrame, event_id: str, field: str) -> tuple[int, int]:
    """The smallest and largest value of an attendance count that the sources give for one event."""
    values = events.loc[events["event_id"] == event_id, field].dropna()
    return int(values.min()), int(values.max())


def event_timeline(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event for the timeline, dated by its most precise sources: the earliest start and
    latest end they give, the number of sources in all, and whether the most precise ones disagree."""
    rows = []
    for event_id, group in events.groupby("event_id", sort=False):
        finest = _finest(group)
        rows.append({"event_id": event_id, "name": group["name"].iloc[0],
                     "event_type": group["event_type"].iloc[0], "start": finest["start"].min(),
                     "end": finest["end"].max(), "precision": finest["precision"].iloc[0],
                     "n_sources": group["source"].nunique(),
                     "dates_disagree": bool(finest["start"].nunique() > 1 or finest["end"].nunique() > 1)})
    timeline = pd.DataFrame(rows)
    return timeline.sort_values(["start", "event_id"], kind="stable").reset_index(drop=True)


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    """The events as a reader-facing table, one row per (event, source), oldest event first."""
    first = events.groupby("event_id")["start"].transform("min")
    table = events.assign(_first=first).sort_values(["_first", "event_id", "start", "source", "locator"],
                                                    kind="stable", na_position="last")
    place = (table["city"] + ", " + table["country"]).str.strip(", ")
    return pd.DataFrame({
        "event": table["name"].to_numpy(),
        "type": table["event_type"].str.replace("_", " ").to_numpy(),
        "start": table["start"].dt.strftime("%Y-%m-%d").fillna("").to_numpy(),
        "end": table["end"].dt.strftime("%Y-%m-%d").fillna("").to_numpy(),
        "place": place.to_numpy(),
        "source": table["source"].to_numpy(),
        "where in source": table["locator"].to_numpy(),
    }, index=pd.Index(table["event_id"], name="event_id"))


def build_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The exported tables of this module, by name (see :data:`TABLES`).

    ``date_mentions`` is extracted from ``corpus``. ``events`` is the curated base, whose corpus sources are
    checked against the corpus it cites (:data:`EVENTS_CORPUS`): ``corpus`` itself when it is that folder,
    else that folder, loaded here (the event base describes the shipped documents, whatever corpus is
    exported)."""
    cited = corpus if corpus.root.resolve() == EVENTS_CORPUS.resolve() else load_corpus(EVENTS_CORPUS)
    return {"date_mentions": date_mentions(corpus), "events": load_events(cited.paragraphs["paragraph_id"])}


def mention_years(mentions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """How many date mentions cover each calendar year, by document type: a mention counts once for
    every year its interval touches (so "2020–2025" counts in six years). Columns: year, doc_type,
    mentions; only years and types with at least one mention."""
    if mentions.empty:
        return pd.DataFrame({"year": pd.Series(dtype=int), "doc_type": pd.Series(dtype=str),
                             "mentions": pd.Series(dtype=int)})
    first = mentions["start"].dt.year.to_numpy()
    last = mentions["end"].dt.year.to_numpy()
    span = last - first + 1
    years = np.repeat(first, span) + (np.arange(span.sum()) - np.repeat(np.cumsum(span) - span, span))
    types = mentions["doc_id"].map(documents.set_index("doc_id")["doc_type"]).to_numpy()
    exploded = pd.DataFrame({"year": years, "doc_type": np.repeat(types, span)})
    counts = exploded.groupby(["year", "doc_type"]).size().rename("mentions").reset_index()
    return counts.sort_values(["year", "doc_type"]).reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------------

def timeline_figure(timeline: pd.DataFrame, documents: pd.DataFrame) -> Figure:
    """Events by type over time (one row per type, bars for multi-day spans), with the corpus
    documents marked on a row of their own."""
    types = [t for t in EVENT_TYPES if t in set(timeline["event_type"])]
    rows = types + ["corpus document"]
    colours = {**plotting.colour_map(types), "corpus document": "#555555"}
    fig, ax = plotting.new_figure(7.5, 0.4 * len(rows) + 1.6)
    for y, event_type in enumerate(rows[:-1]):
        group = timeline[timeline["event_type"] == event_type]
        mid = group["start"] + (group["end"] - group["start"]) / 2
        long = (group["end"] - group["start"]).dt.days > 40
        ax.scatter(mid[~long], [y] * int((~long).sum()), marker="o", s=36, color=colours[event_type], zorder=3)
        for _, row in group[long].iterrows():
            ax.plot([row["start"], row["end"]], [y, y], lw=6, solid_capstyle="butt",
                    color=colours[event_type], alpha=0.8, zorder=2)
        disagree = group[group["dates_disagree"]]
        ax.scatter(disagree["start"] + (disagree["end"] - disagree["start"]) / 2, [y] * len(disagree),
                   marker="o", s=110, facecolors="none", edgecolors="#000000", lw=1, zorder=4)
    ax.scatter(documents["date"], [len(rows) - 1] * len(documents), marker="v", s=48,
               color=colours["corpus document"], zorder=3)
    ax.set_yticks(range(len(rows)), [r.replace("_", " ") for r in rows])
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlabel("Date")
    ax.grid(axis="y", alpha=0)
    ax.scatter([], [], marker="o", s=110, facecolors="none", edgecolors="#000000", label="sources disagree on the dates")
    ax.legend(frameon=False, loc="lower right", fontsize=9)
    plotting.add_source(fig, "data/events.csv (sources in its source column) and the corpus documents' dates.")
    return fig


def mention_years_figure(years: pd.DataFrame) -> Figure:
    """Stacked bars: date mentions per calendar year, coloured by the type of document that makes them."""
    fig, ax = plotting.new_figure(7.5, 3.4)
    wide = years.pivot_table(index="year", columns="doc_type", values="mentions", aggfunc="sum", fill_value=0)
    if len(wide):
        wide = wide.reindex(range(int(wide.index.min()), int(wide.index.max()) + 1), fill_value=0)
    colours = plotting.colour_map(sorted(wide.columns))
    bottom = np.zeros(len(wide))
    for doc_type in sorted(wide.columns):
        ax.bar(wide.index, wide[doc_type], bottom=bottom, width=0.8, color=colours[doc_type],
               label=doc_type.replace("_", " "))
        bottom += wide[doc_type].to_numpy()
    ax.set_xlabel("Calendar year the mention refers to")
    ax.set_ylabel("Date mentions")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, loc="upper right", title="document type", fontsize=9)
    plotting.add_source(fig, "date_mentions.csv, extracted from the corpus by baliprocess.chronology.")
    return fig


# --------------------------------------------------------------------------------------------------
# Headline numbers
# --------------------------------------------------------------------------------------------------

def summary(mentions: pd.DataFrame, events: pd.DataFrame, timeline: pd.DataFrame,
            gaps: pd.DataFrame) -> dict[str, object]:
    """The chapter's headline figures, for glueing into prose."""
    conferences = timeline[timeline["event_type"] == "ministerial_conference"]
    by_precision = mentions["precision"].value_counts()
    return {
        "n_mentions": len(mentions),
        "n_mention_docs": int(mentions["doc_id"].nunique()),
        "n_inferred": int(mentions["inferred"].sum()),
        "n_day": int(by_precision.get("day", 0)),
        "n_month": int(by_precision.get("month", 0)),
        "n_season": int(by_precision.get("season", 0)),
        "n_year": int(by_precision.get("year", 0)),
        "first_mentioned_year": int(mentions["start"].dt.year.min()) if len(mentions) else 0,
        "last_mentioned_year": int(mentions["end"].dt.year.max()) if len(mentions) else 0,
        "n_events": len(timeline),
        "n_event_rows": len(events),
        "n_event_sources": int(events["source"].nunique()),
        "n_corpus_sourced": int(events["source"].str.match(r".+-p\d+$").sum()),
        "n_conferences": len(conferences),
        "first_conference_year": int(conferences["start"].dt.year.min()),
        "last_conference_year": int(conferences["start"].dt.year.max()),
        "n_disputed_events": int(gaps["event_id"].nunique()),
        "n_disputed_fields": int(gaps[["event_id", "field"]].drop_duplicates().shape[0]),
    }


TABLES = [
    Table(
        name="date_mentions",
        title="Date mentions in the corpus",
        description="Every date expression in every paragraph, as an interval with its precision; extracted "
                    "by baliprocess.chronology with regular expressions.",
        fields=(
            Field("doc_id", "string", "Document id."),
            Field("paragraph_id", "string", "Paragraph the expression stands in."),
            Field("text", "string", "The expression as written in the cleaned paragraph."),
            Field("start", "date", "First day of the interval meant."),
            Field("end", "date", "Last day of the interval meant."),
            Field("precision", "string", "day, month, season (part of a year) or year."),
            Field("inferred", "boolean", "True when part of the date (the year, or the whole of a relative "
                                         "date) comes from the document date."),
            Field("offset", "integer", "Character offset of the expression in the paragraph text."),
        ),
        primary_key=("paragraph_id", "offset"),
    ),
    Table(
        name="events",
        title="Events of the Bali Process",
        description="Curated event base (data/events.csv): one row per event and source, so that sources "
                    "that disagree stay visible.",
        fields=(
            Field("event_id", "string", "Event id; shared by the rows of one event."),
            Field("start", "date", "First day of the event as this source gives it; empty if it gives no date."),
            Field("end", "date", "Last day of the event as this source gives it; empty if it gives no date."),
            Field("precision", "string", "day, month or year: how precisely the source dates the event."),
            Field("event_type", "string", "ministerial_conference, senior_officials_meeting, ad_hoc_group, "
                                          "working_group, forum, consultation_mechanism, framework, "
                                          "institution, declaration or strategy."),
            Field("name", "string", "Name of the event."),
            Field("city", "string", "City, when the source names one."),
            Field("country", "string", "Country, when the source names one."),
            Field("source", "string", "A corpus paragraph_id or a key of book/bib/events.bib."),
            Field("locator", "string", "Where in the source (e.g. page heading), when one source says two things."),
            Field("n_countries", "integer", "Countries attending, as this source gives it."),
            Field("n_delegates", "integer", "Delegates attending, as this source gives it."),
            Field("n_organisations", "integer", "International organisations attending, as this source gives it."),
            Field("note", "string", "What the source says exactly, and any caveat."),
        ),
        primary_key=("event_id", "source", "locator"),
    ),
]
