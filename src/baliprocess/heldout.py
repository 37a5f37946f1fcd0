"""Held-out evaluation from raw files: ``add`` them into a temporary corpus, extract, and score (issue 17).

A raw held-out set is a folder (``data/eval/heldout/``) holding ``raw/`` (files as a new user brings them:
``.html``, ``.pdf``, ``.docx``, ``.txt``) and hand-written answer files, keyed by ``doc_id`` (the raw
file's stem):

* ``documents.csv``: source_file, language, title, title_accept (``|``-separated acceptable titles),
  date (the date ``add`` should propose), doc_type, trap_date and trap_kind (a date in the file's metadata
  or boilerplate that is *not* the document's: ``print``, ``template``, ``modified``, ``file``);
* ``lists.csv``: role (co_chair, participant, observer, member, expected, absent), name, code, kind;
* ``counts.csv``: value, unit, measure, kind (attendance, membership, observers, expected), qualifier;
* ``dates.csv``: start, end, precision; ``not_dates.csv``: text that is not a date.

:func:`evaluate_raw_set` runs the package's own ``add`` command on every raw file into a temporary folder,
scores what ``add`` proposed (title, date, doc_type and whether a print or template date was proposed
without a ``date_note``), then sets each document's id, title and date to the gold values (so that errors
in the metadata are not counted again in the text), loads the corpus and scores the extractors as they
are at the time of the run (``chronology.date_mentions``, ``membership.participation_table``,
``membership.counts_table``). Only aggregate figures come out: the set stays unseen.

Run it with ``.venv/bin/python -m baliprocess.heldout`` (``--set DIR`` for another set).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import yaml

if TYPE_CHECKING:
    from pandas.api.typing import NAType

from .evaluation import EVAL_DIR, _day
from .metrics import prf_row
from .rows import each_row

__all__ = [
    "GOALS",
    "HELDOUT_DIR",
    "MEASURE_COLUMNS",
    "RAW_SET_DIRS",
    "add_raw_files",
    "add_raw_set",
    "evaluate_raw_set",
    "front_matter",
    "load_raw_gold",
    "main",
    "predicted_count_kind",
    "score_count_kinds",
    "score_list_entities",
    "score_metadata",
    "score_not_dates",
]

#: The raw sets by folder name, in the order they were written (issue 17): each after the one before had been
#: scored once on its unseen documents and then used for development; the last is the one still unseen.
RAW_SET_DIRS: dict[str, Path] = {name: EVAL_DIR / name for name in ["heldout", *(f"heldout{i}" for i in range(2, 10))]}
#: The first raw set, the default of the functions that read one.
HELDOUT_DIR = RAW_SET_DIRS["heldout"]
MEASURE_COLUMNS = ["measure", "value", "numerator", "denominator", "goal", "meets_goal"]
_GOLD_FILES = ("documents", "lists", "counts", "dates", "not_dates")
#: The issue's goals on unseen documents: (comparison, threshold).
GOALS: dict[str, tuple[str, float]] = {
    "list entities precision": (">=", 0.9),
    "list entities recall": (">=", 0.9),
    "list role accuracy": (">=", 0.85),
    "counts recall": (">=", 0.85),
    "count kind accuracy": (">=", 0.85),
    "date mentions recall": (">=", 0.95),
    "print or template date proposed without a note": ("<=", 0),
}
_TRAPS_WITHOUT_NOTE = ("print", "template")


def load_raw_gold(root: Path = HELDOUT_DIR) -> dict[str, pd.DataFrame]:
    """The answer files of a raw set, all columns as strings (a missing file is an error)."""
    return {key: pd.read_csv(root / f"{key}.csv", dtype=str, keep_default_na=False) for key in _GOLD_FILES}


def front_matter(text: str) -> tuple[dict, str]:
    """The YAML front matter of a corpus file and its body; ``({}, text)`` when there is none."""
    match = re.match(r"---\n(.*?\n)---\n", text, re.DOTALL)
    if not match:
        return {}, text
    meta = yaml.safe_load(match.group(1)) or {}
    return (meta if isinstance(meta, dict) else {}), text[match.end() :]


def add_raw_files(files: Iterable[Path], to: Path) -> tuple[pd.DataFrame, str]:
    """Run the command line's ``add FILE... --to DIR`` in this process; return one row per document written
    (source_file, path, and the title, date, date_note and doc_type ``add`` proposed) and the messages it
    printed."""
    from .cli import main as cli_main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        cli_main(["add", *map(str, files), "--to", str(to)])
    rows = []
    for path in sorted(to.glob("*")) if to.exists() else []:
        if not path.is_file():
            continue
        meta, _ = front_matter(path.read_text(encoding="utf-8"))
        rows.append(
            {
                "source_file": str(meta.get("source_file", "")),
                "path": path,
                **{key: str(meta.get(key, "") or "") for key in ("title", "date", "date_note", "doc_type")},
            }
        )
    columns = ["source_file", "path", "title", "date", "date_note", "doc_type"]
    return pd.DataFrame(rows, columns=columns), out.getvalue() + err.getvalue()


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _rate(measure: str, numerator: float, denominator: float) -> dict[str, object]:
    value = numerator / denominator if denominator else float("nan")
    return {"measure": measure, "value": value, "numerator": numerator, "denominator": denominator}


def _count(measure: str, n: int, out_of: int) -> dict[str, object]:
    return {"measure": measure, "value": n, "numerator": n, "denominator": out_of}


def score_metadata(proposed: pd.DataFrame, documents: pd.DataFrame) -> list[dict[str, object]]:
    """What ``add`` proposed against the gold: dates proposed right (exactly the gold's date), print or
    template dates proposed at all and without a ``date_note``, titles right (any of ``title_accept``,
    compared on their words), doc_type right. A file ``add`` did not convert counts as wrong."""
    by_source = proposed.drop_duplicates("source_file").set_index("source_file")
    dates_right = titles_right = types_right = trap_any = trap_silent = 0
    n_traps = 0
    for doc in each_row(documents):
        got = by_source.loc[doc.source_file] if doc.source_file in by_source.index else None
        date = got["date"] if got is not None else ""
        dates_right += date == doc.date
        accepted = {_words(t) for t in (doc.title_accept or doc.title).split("|")}
        titles_right += got is not None and _words(got["title"]) in accepted
        types_right += got is not None and got["doc_type"] == doc.doc_type
        if doc.trap_kind in _TRAPS_WITHOUT_NOTE:
            n_traps += 1
            hit = bool(date) and doc.trap_date.startswith(date)
            trap_any += hit
            trap_silent += hit and not (got is not None and got["date_note"].strip())
    n = len(documents)
    return [
        _rate("metadata dates proposed right", dates_right, n),
        _count("print or template date proposed", trap_any, n_traps),
        _count("print or template date proposed without a note", trap_silent, n_traps),
        _rate("titles proposed right", titles_right, n),
        _rate("doc_type proposed right", types_right, n),
    ]


def _participation_keys(participation: pd.DataFrame) -> set[tuple[str, str, str]]:
    """(doc_id, role, code) of the extractor's list entries: ISO3, else the organisation's short name;
    a name reported as unresolved keeps its own text, so that it never matches a code."""
    how = participation.get("how", pd.Series("", index=participation.index)).fillna("")
    keys = set()
    for doc, role, iso3, name, raw, h in zip(
        participation["doc_id"],
        participation["role"],
        participation["iso3"].fillna(""),
        participation["name"].fillna(""),
        participation["name_raw"].fillna(""),
        how,
        strict=True,
    ):
        code = f"unresolved: {raw}" if h == "unresolved" else (iso3 or name)
        keys.add((doc, role, code))
    return keys


def score_list_entities(participation: pd.DataFrame, gold: pd.DataFrame) -> list[dict[str, object]]:
    """List entities matched on (doc_id, code) whatever the role (precision and recall); role accuracy: of
    the gold (doc_id, code, role) entries whose entity was found, the share found with that role; and the
    strict (doc_id, role, code) precision and recall."""
    predicted = _participation_keys(participation)
    truth = set(zip(gold["doc_id"], gold["role"], gold["code"], strict=True))
    entities = prf_row("list entities", {(d, c) for d, _, c in predicted}, {(d, c) for d, _, c in truth})
    found = {(d, c) for d, _, c in predicted}
    reachable = [key for key in truth if (key[0], key[2]) in found]
    strict = prf_row("list entries (doc, role, code)", predicted, truth)
    return [
        _rate("list entities precision", entities["correct"], entities["predicted"]),
        _rate("list entities recall", entities["correct"], entities["gold"]),
        _rate("list role accuracy", sum(key in predicted for key in reachable), len(reachable)),
        _rate("list entries precision", strict["correct"], strict["predicted"]),
        _rate("list entries recall", strict["correct"], strict["gold"]),
    ]


def predicted_count_kind(counts: pd.DataFrame) -> pd.Series:
    """The kind of each extracted count: the table's ``kind`` column when it has one; otherwise
    ``expected`` for a prospective count, ``observers`` for a subject naming observers, else the subject
    (attendance or membership)."""
    if "kind" in counts.columns:
        return counts["kind"].fillna("").astype(str)
    subject = counts.get("subject", pd.Series("", index=counts.index)).fillna("").astype(str)
    prospective = counts.get("prospective", pd.Series(False, index=counts.index)).fillna(False).astype(bool)
    kind = subject.where(~subject.str.contains("observer"), "observers")
    return kind.where(~prospective, "expected")


def score_count_kinds(counts: pd.DataFrame, gold: pd.DataFrame) -> list[dict[str, object]]:
    """Counts matched on (doc_id, value), each occurrence once (precision and recall); kind accuracy: within
    each (doc_id, value), the matched counts whose kind agrees (multiset), over all matched counts."""
    counts = counts[counts["doc_id"].isin(set(gold["doc_id"]))]
    values = pd.to_numeric(counts["count"], errors="coerce")
    pred_kinds = predicted_count_kind(counts)
    pred: dict[tuple[str, float], Counter] = {}
    for doc, value, kind in zip(counts["doc_id"], values, pred_kinds, strict=True):
        pred.setdefault((doc, float(value)), Counter())[kind] += 1
    true: dict[tuple[str, float], Counter] = {}
    for doc, value, kind in zip(gold["doc_id"], gold["value"].astype(float), gold["kind"], strict=True):
        true.setdefault((doc, value), Counter())[kind] += 1
    matched = kind_right = 0
    for key, kinds in true.items():
        got = pred.get(key, Counter())
        matched += min(sum(kinds.values()), sum(got.values()))
        kind_right += sum((kinds & got).values())
    n_pred, n_gold = sum(sum(c.values()) for c in pred.values()), len(gold)
    return [
        _rate("counts precision", matched, n_pred),
        _rate("counts recall", matched, n_gold),
        _rate("count kind accuracy", kind_right, matched),
    ]


def score_not_dates(mentions: pd.DataFrame, not_dates: pd.DataFrame) -> dict[str, object]:
    """How many annotated non-dates were read as date mentions (a mention whose words overlap them)."""
    hits = 0
    by_doc = mentions.groupby("doc_id")["text"].apply(lambda t: [_words(x) for x in t]).to_dict()
    for doc, text in zip(not_dates["doc_id"], not_dates["text"], strict=True):
        words = _words(text)
        hits += any(m and (m in words or words in m) for m in by_doc.get(doc, []))
    return _count("not-dates read as dates", hits, len(not_dates))


def _with_gold_metadata(proposed: pd.DataFrame, documents: pd.DataFrame, to: Path) -> None:
    """Copy each converted document to ``to/<doc_id>.txt`` with the gold id, title and date (add's other
    front-matter keys kept, a ``doc_type`` outside the corpus vocabulary dropped)."""
    from .corpus import DOC_TYPES

    to.mkdir(parents=True, exist_ok=True)
    gold = documents.set_index("source_file")
    for row in each_row(proposed):
        if row.source_file not in gold.index:
            continue
        meta, body = front_matter(Path(row.path).read_text(encoding="utf-8"))
        doc = gold.loc[row.source_file]
        meta.pop("date_note", None)
        meta.update({"id": doc["doc_id"], "title": doc["title"], "date": doc["date"]})
        if meta.get("doc_type") not in DOC_TYPES:
            meta.pop("doc_type", None)
        head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100_000)
        (to / f"{doc['doc_id']}.txt").write_text(f"---\n{head}---\n{body}", encoding="utf-8")


def add_raw_set(root: Path, documents: pd.DataFrame, base: Path) -> pd.DataFrame:
    """Add the raw set's files (``root/raw``, as its gold ``documents`` list them) into ``base/added`` and copy
    them with the gold metadata into ``base/corpus`` (:func:`_with_gold_metadata`); return add's proposals."""
    files = [root / "raw" / name for name in documents["source_file"]]
    proposed, _messages = add_raw_files(files, base / "added")
    _with_gold_metadata(proposed, documents, base / "corpus")
    return proposed


def _goal_columns(scores: pd.DataFrame) -> pd.DataFrame:
    goal: list[str] = []
    meets: list[bool | NAType] = []
    for measure, value in zip(scores["measure"], scores["value"], strict=True):
        if measure not in GOALS:
            goal.append("")
            meets.append(pd.NA)
            continue
        op, threshold = GOALS[measure]
        goal.append(f"{op} {threshold:g}")
        meets.append(bool(value >= threshold) if op == ">=" else bool(value <= threshold))
    return scores.assign(goal=goal, meets_goal=pd.array(meets, dtype="boolean"))[MEASURE_COLUMNS]


def evaluate_raw_set(root: Path = HELDOUT_DIR, workdir: Path | None = None) -> pd.DataFrame:
    """Aggregate scores of ``add`` and the extractors on the raw set in ``root`` (columns
    :data:`MEASURE_COLUMNS`): the files are added into a temporary folder (or ``workdir``), nothing in
    ``root`` is written."""
    from . import chronology, membership
    from .corpus import load_corpus

    gold = load_raw_gold(root)
    documents = gold["documents"]
    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
        base = Path(workdir) if workdir is not None else Path(tmp)
        proposed = add_raw_set(root, documents, base)
        rows = score_metadata(proposed, documents)
        converted = proposed["source_file"].isin(documents["source_file"]).sum()
        rows.append(_count("files converted by add", converted, len(documents)))
        corpus = load_corpus(base / "corpus")
        mentions = chronology.date_mentions(corpus)
        participation = membership.participation_table(corpus, keep_unresolved=True)
        counts = membership.counts_table(corpus)
    dates = prf_row("dates", *_date_keys(mentions, gold["dates"]))
    rows += [
        _rate("date mentions precision", dates["correct"], dates["predicted"]),
        _rate("date mentions recall", dates["correct"], dates["gold"]),
        score_not_dates(mentions, gold["not_dates"]),
        *score_list_entities(participation, gold["lists"]),
        *score_count_kinds(counts, gold["counts"]),
    ]
    return _goal_columns(pd.DataFrame(rows))


def _date_keys(mentions: pd.DataFrame, gold: pd.DataFrame) -> tuple[list, list]:
    mentions = mentions[mentions["doc_id"].isin(set(gold["doc_id"]))]
    predicted = list(zip(mentions["doc_id"], map(_day, mentions["start"]), map(_day, mentions["end"]), strict=True))
    truth = list(zip(gold["doc_id"], map(_day, gold["start"]), map(_day, gold["end"]), strict=True))
    return predicted, truth


def main(argv: list[str] | None = None) -> int:
    """``python -m baliprocess.heldout [--set DIR] [--out CSV]``: print the aggregate scores (no per-item
    errors, so that the set stays unseen)."""
    parser = argparse.ArgumentParser(prog="python -m baliprocess.heldout", description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=HELDOUT_DIR, help="raw set folder (default: data/eval/heldout)")
    parser.add_argument("--out", type=Path, help="also write the scores as CSV")
    args = parser.parse_args(argv)
    missing = [f"{args.set / f'{key}.csv'}" for key in _GOLD_FILES if not (args.set / f"{key}.csv").is_file()]
    if missing or not (args.set / "raw").is_dir():
        for path in missing or [str(args.set / "raw")]:
            needs = ", ".join(f"{key}.csv" for key in _GOLD_FILES)
            print(f"{path}: missing (a raw set needs raw/ and {needs})", file=sys.stderr)
        return 1
    scores = evaluate_raw_set(args.set)
    if args.out:
        scores.to_csv(args.out, index=False)
    with pd.option_context("display.width", 200, "display.max_columns", 10):
        print(scores.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
