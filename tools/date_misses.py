"""List the item-level date errors of development sets: the gold mentions missed and the mentions read that
no gold row holds (by the harness's own keys: doc_id, first day, last day), with the text the grammar read.

    .venv/bin/python tools/date_misses.py data/eval/heldout6 [data/eval/heldout5 ...] [--dev dev test]

Raw sets are converted by ``add`` as ``heldout.evaluate_raw_set`` does (``add_raw_files`` then
``_with_gold_metadata``); annotated sets (``data/eval/dev``, ``data/eval/test``) are read as they are.
Only for development data: never point it at a set still held out.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd

from baliprocess import chronology, evaluation, heldout, rawsets
from baliprocess.corpus import load_corpus

# The raw sets scored once and opened since; any other set (the unseen one, any newer) is refused unread.
DEVELOPMENT = rawsets.DEVELOPMENT_SETS


def _not_dates_read(mentions: pd.DataFrame, not_dates: pd.DataFrame) -> list[str]:
    """The annotated not-dates a mention's words overlap, as ``heldout.score_not_dates`` counts them."""
    words = heldout._words
    by_doc = mentions.groupby("doc_id")["text"].apply(list).to_dict()
    lines = []
    for doc, text in zip(not_dates["doc_id"], not_dates["text"], strict=True):
        hits = [m for m in by_doc.get(doc, []) if words(m) and (words(m) in words(text) or words(text) in words(m))]
        lines += [f"  NOT   {doc}  {text!r} read as {hits[0]!r}"] if hits else []
    return lines


def _errors(name: str, mentions: pd.DataFrame, gold: pd.DataFrame, not_dates: pd.DataFrame | None = None) -> list[str]:
    """The scorer's multisets of (doc_id, first day, last day): each key counts as often as it occurs; then the
    not-dates read, when the set annotates them."""
    mentions = mentions[mentions["doc_id"].isin(set(gold["doc_id"]))]
    day = heldout._day

    def keyed(frame: pd.DataFrame) -> tuple[Counter, dict]:
        keys = [(d, day(s), day(e)) for d, s, e in zip(frame.doc_id, frame.start, frame.end, strict=True)]
        return Counter(keys), dict(zip(keys, frame.text, strict=True))

    (pred, pred_text), (true, true_text) = keyed(mentions), keyed(gold)
    right = sum((pred & true).values())
    lines = [f"{name}: gold {sum(true.values())}, read {sum(pred.values())}, right {right}"]
    lines += [f"  MISS  {k[0]} {k[1]}..{k[2]}  {true_text[k]!r}" for k in sorted((true - pred).elements())]
    lines += [f"  FALSE {k[0]} {k[1]}..{k[2]}  {pred_text[k]!r}" for k in sorted((pred - true).elements())]
    return lines + (_not_dates_read(mentions, not_dates) if not_dates is not None else [])


def raw_set(root: Path, keep: Path | None = None) -> list[str]:
    """The errors of one raw set, its converted corpus kept in ``keep`` when given."""
    gold = heldout.load_raw_gold(root)
    with tempfile.TemporaryDirectory(prefix="date-misses-") as tmp:
        base = keep or Path(tmp)
        heldout.add_raw_set(root, gold["documents"], base)
        mentions = chronology.date_mentions(load_corpus(base / "corpus"))
    return _errors(root.name, mentions, gold["dates"], gold["not_dates"])


def annotated_set(name: str) -> list[str]:
    """The errors of an annotated set of ``data/eval`` (dev, test)."""
    data = evaluation.load_set(name)
    return _errors(name, chronology.date_mentions(data.corpus), data.gold["dates"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="raw development sets")
    parser.add_argument("--dev", nargs="*", default=[], help="annotated sets of data/eval (dev, test)")
    parser.add_argument("--keep", type=Path, help="keep each converted corpus under this folder")
    args = parser.parse_args(argv)
    for root in args.sets:
        if root.name not in DEVELOPMENT:
            print(f"{root.name} is not a development set", file=sys.stderr)
            return 1
        print("\n".join(raw_set(root, args.keep / root.name if args.keep else None)))
    for name in args.dev:
        print("\n".join(annotated_set(name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
