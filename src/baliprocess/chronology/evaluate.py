"""Evaluation of the date extractor against the hand-made gold list, and the ``dateparser`` baseline
(used only here, never in the export).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus import REPO_ROOT
from ..metrics import precision_recall_f1
from ..numberwords import NUMBER_WORDS
from ..rows import each_row
from .grammar import MENTION_COLUMNS
from .relative import month_end

__all__ = [
    "GOLD_CSV",
    "dateparser_mentions",
    "durations_phrase",
    "evaluation_table",
    "load_gold",
    "score",
    "unmatched",
]

GOLD_CSV = REPO_ROOT / "data" / "gold" / "date_mentions.csv"


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
        precision, recall, f1 = precision_recall_f1(tp, n_pred, n_gold)
        rows.append(
            {
                "match": match,
                "predicted": n_pred,
                "gold": n_gold,
                "correct": tp,
                "precision": precision,
                "recall": recall,
                "f1": f1,
            }
        )
    return pd.DataFrame(rows)


def unmatched(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """The predictions (within the gold's documents) whose paragraph and text match no gold mention."""
    predicted = predicted[predicted["doc_id"].isin(set(gold["doc_id"]))]
    keys = set(zip(gold["paragraph_id"], gold["text"], strict=True))
    hit = [(p, t) in keys for p, t in zip(predicted["paragraph_id"], predicted["text"], strict=True)]
    out = predicted.loc[~pd.Series(hit, index=predicted.index), ["paragraph_id", "text", "start", "end"]]
    return out.assign(start=out["start"].dt.strftime("%Y-%m-%d"), end=out["end"].dt.strftime("%Y-%m-%d")).set_index(
        "paragraph_id"
    )


# A span of time rather than a date: "two years", "12-month", "six months".
_DURATION = re.compile(rf"(?:\d+|{'|'.join(NUMBER_WORDS)})[ -](?:year|month|week|day)s?", re.IGNORECASE)


def durations_phrase(misses: pd.DataFrame, none: str = "none in this corpus") -> str:
    """The texts among ``misses`` (:func:`unmatched`) that are spans of time read as dates ("two years"),
    each in double quotes, joined by commas; ``none`` when there are none."""
    return ", ".join(f'"{t}"' for t in misses["text"] if _DURATION.fullmatch(t)) or none


def dateparser_mentions(paragraphs: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The baseline: ``dateparser.search.search_dates`` on each paragraph, with the document date as
    ``RELATIVE_BASE``. Each hit becomes the interval of the period dateparser reports for it
    (day, month or year). Slow: for evaluation only, never in the export."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    dates = documents.set_index("doc_id")["date"]
    records = []
    for row in each_row(paragraphs, index=False):
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
                start, end, precision = day.replace(day=1), month_end(day.year, day.month), "month"
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
