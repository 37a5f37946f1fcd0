"""Validation of the coder against the hand-coded gold standard (``data/gold/paragraph_themes.csv``):
precision, recall and F1 per theme, the disagreements, one example paragraph per theme, and the scores
on the shipped corpus beside those on the development and held-out sets (:func:`out_of_sample`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..corpus import REPO_ROOT, Corpus
from ..metrics import precision_recall_f1

__all__ = [
    "GOLD_PATH",
    "SETS",
    "disagreements",
    "evaluate",
    "gold_pairs",
    "load_gold",
    "out_of_sample",
    "theme_examples",
]

GOLD_PATH = REPO_ROOT / "data" / "gold" / "paragraph_themes.csv"


def load_gold(path: str | Path | None = None) -> pd.DataFrame:
    """The hand-coded gold standard: one row per (paragraph, theme); empty theme = no theme."""
    return pd.read_csv(path if path is not None else GOLD_PATH, dtype=str, keep_default_na=False)


def gold_pairs(gold: pd.DataFrame) -> pd.DataFrame:
    """The gold's (paragraph_id, theme) pairs, without the empty rows of paragraphs with no theme."""
    return gold.loc[gold["theme"] != "", ["paragraph_id", "theme"]].drop_duplicates()


def evaluate(coded: pd.DataFrame, gold: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Precision, recall and F1 of the coder per theme, on the gold's paragraphs only, with macro and micro rows.

    F1 is 0 when a theme has no true positive; the macro row averages the themes' precision, recall and
    F1 over the themes the gold or the coder uses; the micro row pools every (paragraph, theme) decision.
    """
    in_gold = set(gold["paragraph_id"])
    predicted = coded.loc[coded["paragraph_id"].isin(in_gold), ["paragraph_id", "theme"]].drop_duplicates()
    truth = gold_pairs(gold)
    both = predicted.merge(truth, on=["paragraph_id", "theme"])
    counts = (
        pd.DataFrame(
            {
                "gold": truth["theme"].value_counts(),
                "coded": predicted["theme"].value_counts(),
                "tp": both["theme"].value_counts(),
            }
        )
        .reindex(keys)
        .fillna(0)
        .astype(int)
    )
    rows = []
    for key, r in counts.iterrows():
        p, rec, f1 = precision_recall_f1(r.tp, r.coded, r.gold)
        rows.append(
            {
                "theme": key,
                "gold": r.gold,
                "coded": r.coded,
                "tp": r.tp,
                "fp": r.coded - r.tp,
                "fn": r.gold - r.tp,
                "precision": p,
                "recall": rec,
                "f1": f1,
            }
        )
    table = pd.DataFrame(rows)
    used = table[(table["gold"] + table["coded"]) > 0]
    macro = {
        "theme": "macro average",
        **used[["gold", "coded", "tp", "fp", "fn"]].sum().to_dict(),
        **used[["precision", "recall", "f1"]].mean().to_dict(),
    }
    tp, g, c = int(used["tp"].sum()), int(used["gold"].sum()), int(used["coded"].sum())
    micro = {
        "theme": "micro average",
        "gold": g,
        "coded": c,
        "tp": tp,
        "fp": c - tp,
        "fn": g - tp,
        **dict(zip(("precision", "recall", "f1"), precision_recall_f1(tp, c, g), strict=True)),
    }
    out = pd.concat([table, pd.DataFrame([macro, micro])], ignore_index=True)
    return out.astype({k: int for k in ("gold", "coded", "tp", "fp", "fn")}).set_index("theme")


def theme_examples(
    coded: pd.DataFrame, paragraphs: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame, keys: list[str]
) -> pd.DataFrame:
    """One example paragraph per theme: the coded paragraph with most distinct terms fired (ties: earliest
    document, then position), with the terms and whether the gold agrees (yes, no, or not in gold)."""
    dates = documents.set_index("doc_id")["date"]
    frame = coded.merge(paragraphs[["paragraph_id", "position", "text"]], on="paragraph_id")
    frame["n_terms"] = frame["matched"].str.count("; ") + 1
    frame["date"] = frame["doc_id"].map(dates)
    frame = frame.sort_values(["theme", "n_terms", "date", "position"], ascending=[True, False, True, True])
    best = frame.drop_duplicates("theme").set_index("theme").reindex([k for k in keys if k in set(frame["theme"])])
    truth = set(map(tuple, gold_pairs(gold).to_numpy()))
    in_gold = set(gold["paragraph_id"])
    agree = [
        "yes" if (p, t) in truth else "no" if p in in_gold else "not in gold"
        for p, t in zip(best["paragraph_id"], best.index, strict=True)
    ]
    return pd.DataFrame(
        {
            "paragraph_id": best["paragraph_id"],
            "terms fired": best["matched"],
            "gold agrees": agree,
            "text": best["text"],
        },
        index=best.index,
    )


def disagreements(coded: pd.DataFrame, gold: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Every (paragraph, theme) on which coder and gold differ, on the gold's paragraphs: ``coder only``
    (a false positive, with the terms that fired) or ``gold only`` (a false negative)."""
    in_gold = coded[coded["paragraph_id"].isin(set(gold["paragraph_id"]))]
    merged = in_gold.merge(gold_pairs(gold), on=["paragraph_id", "theme"], how="outer", indicator=True)
    merged = merged[merged["_merge"] != "both"]
    position = {p: i for i, p in enumerate(dict.fromkeys(gold["paragraph_id"]))}
    out = pd.DataFrame(
        {
            "theme": merged["theme"],
            "paragraph_id": merged["paragraph_id"],
            "disagreement": merged["_merge"].map({"left_only": "coder only", "right_only": "gold only"}).astype(str),
            "terms fired": merged["matched"].fillna(""),
        }
    )
    out = out.assign(_t=out["theme"].map(keys.index), _p=out["paragraph_id"].map(position))
    return out.sort_values(["_t", "disagreement", "_p"]).drop(columns=["_t", "_p"]).reset_index(drop=True)


#: The evaluation sets of the chapter, with what each one is to the coder.
SETS = {
    "in-sample": "the shipped corpus: the codebook and its terms were written from these paragraphs",
    "dev": "development set: read while the matcher was improved",
    "test": "held-out test set: never used to tune the matcher",
}


def _as_set_rows(gold: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The hand coding in the annotated sets' shape (doc_id, paragraph_start, themes): the shipped gold
    names its paragraphs by id, so a paragraph's "start" is its whole text."""
    text = paragraphs.set_index("paragraph_id")["text"]
    joined = gold.groupby(["doc_id", "paragraph_id"], sort=False)["theme"].agg(lambda t: ";".join(x for x in t if x))
    rows = joined.reset_index()
    return pd.DataFrame(
        {
            "doc_id": rows["doc_id"],
            "paragraph_start": rows["paragraph_id"].map(text).fillna(""),
            "themes": rows["theme"],
        }
    )


def out_of_sample(
    coder: Callable[[Corpus], pd.DataFrame],
    shipped: Corpus,
    gold: pd.DataFrame,
    root: Path | None = None,
) -> pd.DataFrame:
    """The coder's scores on the shipped corpus against its hand coding (in-sample) and on the annotated sets
    ``dev`` and ``test`` (:mod:`baliprocess.evaluation`): one row per set (:data:`SETS`) with documents,
    documents reported as not in English (not coded), paragraph–theme pairs in the reading and in the
    coder's output, micro precision, recall and F1, and macro F1. ``coder`` maps a corpus to its coding."""
    from .. import evaluation as ev

    rows = []
    for name, meaning in SETS.items():
        if name == "in-sample":
            corpus, answers = shipped, _as_set_rows(gold, shipped.paragraphs)
        else:
            annotated = ev.load_set(name, root if root is not None else ev.EVAL_DIR)
            corpus, answers = annotated.corpus, annotated.gold["themes"]
        micro, macro = ev.score_themes(coder(corpus), corpus.paragraphs, answers)
        rows.append(
            {
                "set": name,
                "what it is": meaning,
                "documents": len(corpus.documents),
                "not in English": int((corpus.documents["language"] != "en").sum()),
                "pairs (reading)": int(micro["gold"]),
                "pairs (coder)": int(micro["predicted"]),
                "precision": float(micro["precision"]),
                "recall": float(micro["recall"]),
                "F1": float(micro["f1"]),
                "macro F1": float(macro["f1"]),
            }
        )
    return pd.DataFrame(rows)
