"""List the item-level list and count errors of development sets: list entities missed and read that no gold
row holds (by the harness's keys: doc_id and code), entities found in another role, counts missed or read
that no gold row holds (doc_id, value), and counts of the wrong kind, each with the paragraph it came from.

    .venv/bin/python tools/list_misses.py data/eval/heldout7 [data/eval/heldout6 ...] [--keep DIR] [--scores]

Raw sets are converted as ``heldout.evaluate_raw_set`` converts them (``heldout.add_raw_set``: ``add``, then
the gold metadata); with ``--keep DIR`` the converted corpus of each set is kept in ``DIR/<set>`` and
used again on the next run (for work on the extractors only: delete it after a change to ``add``).
``--scores`` prints the harness's list and count figures instead of the errors.
Only for development data: never point it at a set still held out.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd

from baliprocess import heldout, membership, rawsets
from baliprocess.corpus import Corpus, load_corpus


def converted(root: Path, keep: Path | None) -> Corpus:
    """The raw set in ``root`` as a corpus with the gold metadata (kept in ``keep`` and reused when given)."""
    if keep is not None and (keep / "corpus").is_dir():
        return load_corpus(keep / "corpus")
    gold = heldout.load_raw_gold(root)
    with tempfile.TemporaryDirectory(prefix="list-misses-") as tmp:
        base = keep or Path(tmp)
        heldout.add_raw_set(root, gold["documents"], base)
        return load_corpus(base / "corpus")


def _short(text: str, width: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def list_errors(name: str, corpus: Corpus, gold: pd.DataFrame) -> list[str]:
    """Entities missed and false (doc, code), and entities found in another role than the gold's."""
    part = membership.participation_table(corpus, keep_unresolved=True)
    keys = heldout._participation_keys(part)
    found: dict[tuple[str, str], set[str]] = {}
    for d, r, c in keys:
        found.setdefault((d, c), set()).add(r)
    truth: dict[tuple[str, str], set[str]] = {}
    names = {}
    for d, r, c, n in zip(gold["doc_id"], gold["role"], gold["code"], gold["name"], strict=True):
        truth.setdefault((d, c), set()).add(r)
        names[(d, c)] = n
    texts = corpus.paragraphs.set_index("paragraph_id")["text"]
    where = {}
    for row in part.itertuples():
        code = f"unresolved: {row.name_raw}" if row.how == "unresolved" else (row.iso3 or row.name)
        where.setdefault((row.doc_id, code), (row.paragraph_id, row.source, row.cue, row.name_raw))
    lines = [f"{name}: lists gold {len(truth)}, read {len(found)}, right {len(set(truth) & set(found))}"]
    for key in sorted(set(truth) - set(found)):
        lines.append(f"  LMISS {key[0]} {key[1]} ({'/'.join(sorted(truth[key]))}) {names[key]!r}")
    for key in sorted(set(found) - set(truth)):
        pid, source, cue, raw = where.get(key, ("", "", "", ""))
        lines.append(f"  LFALSE {key[0]} {key[1]} ({'/'.join(sorted(found[key]))}) {raw!r} [{source}; {cue!r}]")
        lines.append(f"      {pid}: {_short(texts.get(pid, ''))}")
    for key in sorted(set(truth) & set(found)):
        if truth[key] - found[key]:
            pid, source, cue, _ = where[key]
            lines.append(
                f"  ROLE  {key[0]} {key[1]} gold {sorted(truth[key])} read {sorted(found[key])} [{source}; {cue!r}]"
            )
            lines.append(f"      {pid}: {_short(texts.get(pid, ''))}")
    return lines


def count_errors(name: str, corpus: Corpus, gold: pd.DataFrame) -> list[str]:
    """Counts missed and false (doc, value, as a multiset) and matched counts of another kind."""
    counts = membership.counts_table(corpus)
    counts = counts[counts["doc_id"].isin(set(gold["doc_id"]))]
    kinds = heldout.predicted_count_kind(counts)
    texts = corpus.paragraphs.set_index("paragraph_id")["text"]
    pred: dict[tuple[str, float], list[tuple[str, str]]] = {}
    for doc, value, kind, pid in zip(counts["doc_id"], counts["count"], kinds, counts["paragraph_id"], strict=True):
        pred.setdefault((doc, float(value)), []).append((kind, pid))
    true: dict[tuple[str, float], list[tuple[str, str]]] = {}
    for doc, value, kind, unit in zip(gold["doc_id"], gold["value"], gold["kind"], gold["unit"], strict=True):
        true.setdefault((doc, float(value)), []).append((kind, unit))
    lines = [f"{name}: counts gold {len(gold)}, read {len(counts)}"]
    for key in sorted(set(true) | set(pred)):
        want, got = true.get(key, []), pred.get(key, [])
        for kind, unit in want[len(got) :]:
            lines.append(f"  CMISS {key[0]} {key[1]:g} {unit} ({kind})")
        for kind, pid in got[len(want) :]:
            lines.append(f"  CFALSE {key[0]} {key[1]:g} ({kind}) {pid}: {_short(texts.get(pid, ''))}")
        wrong = Counter(k for k, _ in want) - Counter(k for k, _ in got)
        for kind in wrong.elements():
            if len(got) >= 1:
                read = ", ".join(f"{k} {p}" for k, p in got)
                lines.append(f"  KIND  {key[0]} {key[1]:g} gold {kind} read {read}")
                lines.append(f"      {_short(texts.get(got[0][1], ''))}")
    return lines


def scores(corpus: Corpus, gold: dict[str, pd.DataFrame]) -> list[dict[str, object]]:
    """The harness's list and count figures on a converted set."""
    part = membership.participation_table(corpus, keep_unresolved=True)
    counts = membership.counts_table(corpus)
    return [*heldout.score_list_entities(part, gold["lists"]), *heldout.score_count_kinds(counts, gold["counts"])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path, help="raw development sets")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) each converted corpus under this folder")
    parser.add_argument("--scores", action="store_true", help="print the figures, not the errors")
    args = parser.parse_args(argv)
    for root in args.sets:
        if root.name not in rawsets.DEVELOPMENT_SETS:
            print(f"{root.name} is not a development set", file=sys.stderr)
            return 1
    for root in args.sets:
        gold = heldout.load_raw_gold(root)
        corpus = converted(root, args.keep / root.name if args.keep else None)
        if args.scores:
            for row in scores(corpus, gold):
                print(f"{root.name}\t{row['measure']}\t{row['value']:.3f}\t{row['numerator']}/{row['denominator']}")
            continue
        print("\n".join(list_errors(root.name, corpus, gold["lists"])))
        print("\n".join(count_errors(root.name, corpus, gold["counts"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
