"""What the coding shows: theme shares per document or year, co-occurrence, distinctive TF-IDF terms,
and the chapter's headline numbers; and which coding measures the themes (the hand coding where it covers
the corpus, else the terms'), with a comparison of the two that marks a change as robust or uncertain.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from .coder import content_paragraphs
from .evaluate import gold_pairs

__all__ = [
    "AUTO",
    "HAND",
    "MAX_DOCUMENT_ROWS",
    "MAX_HEADING_WORDS",
    "TFIDF_MAX_DF",
    "Coding",
    "analysis_units",
    "apply_rule3",
    "coding_for_analysis",
    "coding_summary",
    "compare_codings",
    "comparison_facts",
    "cooccurrence",
    "distinctive_table",
    "distinctive_terms",
    "emphasis_by_year",
    "emphasis_facts",
    "emphasis_percent",
    "hand_coding",
    "heading_like",
    "one_paragraph",
    "theme_shares",
    "top_pairs",
    "validation_summary",
]

#: Up to this many documents the chapter's views show one row per document, beyond it one per year.
MAX_DOCUMENT_ROWS = 20
#: TF-IDF leaves out words found in more than this share of the units: they distinguish nothing.
TFIDF_MAX_DF = 0.8


def analysis_units(documents: pd.DataFrame) -> pd.Series:
    """The row label of each document in the chapter's views: ``date doc_id``, or its year when the
    corpus has more than :data:`MAX_DOCUMENT_ROWS` documents. Indexed by doc_id; labels sort by date."""
    docs = documents.sort_values(["date", "doc_id"])
    if len(docs) > MAX_DOCUMENT_ROWS:
        labels = docs["date"].dt.year.astype(str)
    else:
        labels = docs["date"].dt.strftime("%Y-%m-%d") + " " + docs["doc_id"]
    return pd.Series(labels.to_numpy(), index=pd.Index(docs["doc_id"], name="doc_id"), name="unit")


def theme_shares(coded: pd.DataFrame, paragraphs: pd.DataFrame, units: pd.Series, keys: list[str]) -> pd.DataFrame:
    """Share of each unit's paragraphs of content (:func:`content_paragraphs`) that carry each theme (units
    in date order, themes in codebook order)."""
    paragraphs = content_paragraphs(paragraphs)
    n_paragraphs = paragraphs["doc_id"].map(units).value_counts()
    counts = (
        coded.assign(unit=coded["doc_id"].map(units))
        .groupby(["unit", "theme"])["paragraph_id"]
        .nunique()
        .unstack(fill_value=0)
    )
    order = list(dict.fromkeys(units.to_numpy()))
    counts = counts.reindex(index=order, columns=keys, fill_value=0)
    shares = counts.div(n_paragraphs.reindex(order), axis=0)
    shares.index.name, shares.columns.name = "unit", "theme"
    return shares


def emphasis_by_year(
    coded: pd.DataFrame, paragraphs: pd.DataFrame, documents: pd.DataFrame, keys: list[str]
) -> pd.DataFrame:
    """Per theme: share of each year's paragraphs that carry it, and the first year it is coded."""
    years = pd.Series(documents["date"].dt.year.astype(str).to_numpy(), index=documents["doc_id"])
    shares = theme_shares(coded, paragraphs, years, keys).sort_index().T
    first = shares.apply(lambda row: next((y for y, v in row.items() if v > 0), ""), axis=1)
    shares.columns.name = None
    return shares.assign(first_year=first)


def cooccurrence(coded: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Theme × theme: number of paragraphs coded with both (the diagonal: with the theme)."""
    onehot = (pd.crosstab(coded["paragraph_id"], coded["theme"]) > 0).astype(int)
    onehot = onehot.reindex(columns=keys, fill_value=0)
    matrix = onehot.T @ onehot
    matrix.index.name, matrix.columns.name = "theme", "theme"
    return matrix


def top_pairs(matrix: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The ``n`` theme pairs that share most paragraphs (ties by codebook order), with that count."""
    keys = list(matrix.index)
    pairs = [(a, b, int(matrix.loc[a, b])) for a, b in combinations(keys, 2) if matrix.loc[a, b] > 0]
    ranked = sorted(pairs, key=lambda x: (-x[2], keys.index(x[0]), keys.index(x[1])))[:n]
    return pd.DataFrame(ranked, columns=["theme_a", "theme_b", "paragraphs"])


def distinctive_terms(paragraphs: pd.DataFrame, units: pd.Series, n: int = 8) -> pd.DataFrame:
    """The ``n`` highest TF-IDF words of each unit's pooled text: unit, rank, term, score.

    English stop words removed, words of three or more letters, sublinear term frequency; words found in
    more than :data:`TFIDF_MAX_DF` of the units (with five documents: in all of them) are left out, as they
    distinguish nothing. The vocabulary is sorted by scikit-learn and ties are broken by term, so the result is
    deterministic.
    """
    from sklearn.feature_extraction.text import (
        TfidfVectorizer,  # slow to import; only this needs it
    )

    text = paragraphs.assign(unit=paragraphs["doc_id"].map(units)).groupby("unit", sort=False)["text"]
    order = list(dict.fromkeys(units.to_numpy()))
    pooled = text.agg(" ".join).reindex(order).fillna("")
    vectorizer = TfidfVectorizer(
        stop_words="english",
        token_pattern=r"(?u)\b[^\W\d_]{3,}\b",
        sublinear_tf=True,
        max_df=TFIDF_MAX_DF if len(order) > 1 else 1.0,
    )
    matrix = vectorizer.fit_transform(pooled.to_numpy()).toarray()
    vocab = vectorizer.get_feature_names_out()
    rows = []
    for unit, scores in zip(order, matrix, strict=True):
        ranked = sorted((-round(float(s), 10), t) for s, t in zip(scores, vocab, strict=True) if s > 0)[
            :n
        ]  # ties: by term
        rows += [{"unit": unit, "rank": i + 1, "term": t, "score": round(-s, 4)} for i, (s, t) in enumerate(ranked)]
    return pd.DataFrame(rows, columns=["unit", "rank", "term", "score"])


def distinctive_table(terms: pd.DataFrame) -> pd.DataFrame:
    """The distinctive terms as one row per unit: the terms, highest first, comma-separated."""
    out = terms.groupby("unit", sort=False)["term"].agg(", ".join).to_frame("distinctive terms (TF-IDF)")
    return out


def emphasis_percent(emphasis: pd.DataFrame) -> pd.DataFrame:
    """The emphasis table for reading: each year's shares as whole percentages, and the first year."""
    years = [c for c in emphasis.columns if c != "first_year"]
    out = (emphasis[years].astype(float) * 100).round().astype(int)
    out.columns = [f"{y} (%)" for y in years]
    return out.assign(first_year=emphasis["first_year"])


def emphasis_facts(emphasis: pd.DataFrame, labels: dict[str, str]) -> dict[str, object]:
    """How theme shares differ between the first and the last year: themes that appear only later, themes
    of the first year absent from the last, and the largest rise and fall of a share ("none" when no share
    rises or falls, as with a single year)."""
    years = [c for c in emphasis.columns if c != "first_year"]
    first, last = years[0], years[-1]
    new = emphasis.index[emphasis["first_year"].isin(years[1:])]
    dropped: Collection[str] = emphasis.index[(emphasis[first] > 0) & (emphasis[last] == 0)] if len(years) > 1 else []
    change = (emphasis[last] - emphasis[first]).astype(float).round(12)
    rise = str(change.idxmax()) if change.max() > 0 else None
    fall = str(change.idxmin()) if change.min() < 0 else None

    def share(key: str | None, year: str) -> float:
        return float(emphasis[year].loc[key]) if key is not None else 0.0

    return {
        "first_year": first,
        "last_year": last,
        "n_years": len(years),
        "n_new_themes": len(new),
        "new_themes": _names(new, labels),
        "n_dropped_themes": len(dropped),
        "dropped_themes": _names(dropped, labels),
        "rise_theme": labels[rise] if rise is not None else "none",
        "rise_from": share(rise, first),
        "rise_to": share(rise, last),
        "fall_theme": labels[fall] if fall is not None else "none",
        "fall_from": share(fall, first),
        "fall_to": share(fall, last),
    }


def coding_summary(
    coded: pd.DataFrame, paragraphs: pd.DataFrame, pairs: pd.DataFrame, labels: dict[str, str]
) -> dict[str, object]:
    """Headline figures of one coding, for glueing into prose (themes given by their labels; "none" where a
    corpus has no coded paragraph or no pair)."""
    keys = list(labels)
    per_paragraph = coded.groupby("paragraph_id").size()
    counts = coded["theme"].value_counts().reindex(keys, fill_value=0)
    themed = int(coded["paragraph_id"].nunique())
    n = len(paragraphs)
    return {
        "n_themes": len(keys),
        "n_paragraphs": n,
        "n_coded_rows": len(coded),
        "n_themed": themed,
        "share_themed": themed / n if n else 0.0,
        "n_unthemed": n - themed,
        "n_multi": int((per_paragraph > 1).sum()),
        "max_per_paragraph": int(per_paragraph.max()) if len(per_paragraph) else 0,
        "top_theme": labels[str(counts.idxmax())] if counts.max() > 0 else "none",
        "top_theme_n": int(counts.max()) if len(counts) else 0,
        "top_pair_a": labels[pairs.iloc[0]["theme_a"]] if len(pairs) else "none",
        "top_pair_b": labels[pairs.iloc[0]["theme_b"]] if len(pairs) else "none",
        "top_pair_n": int(pairs.iloc[0]["paragraphs"]) if len(pairs) else 0,
    }


def validation_summary(evaluation: pd.DataFrame, gold: pd.DataFrame, labels: dict[str, str]) -> dict[str, object]:
    """Headline figures of the coder against the hand coding (see :func:`.evaluate.evaluate`); a theme with
    no F1 (used by neither side) is left out of best and worst."""
    keys = list(labels)
    per_theme = evaluation.loc[[k for k in keys if k in evaluation.index]].dropna(subset=["f1"])
    per_theme = per_theme[(per_theme["gold"] + per_theme["coded"]) > 0]
    macro, micro = evaluation.loc["macro average"], evaluation.loc["micro average"]
    pairs = gold_pairs(gold)
    worst = str(per_theme["f1"].idxmin()) if len(per_theme) else None
    return {
        "gold_paragraphs": int(gold["paragraph_id"].nunique()),
        "gold_pairs": len(pairs),
        "gold_themed": int(pairs["paragraph_id"].nunique()),
        "macro_f1": float(macro["f1"]),
        "macro_precision": float(macro["precision"]),
        "macro_recall": float(macro["recall"]),
        "micro_f1": float(micro["f1"]),
        "n_fp": int(micro["fp"]),
        "n_fn": int(micro["fn"]),
        "best_theme": labels[str(per_theme["f1"].idxmax())] if worst is not None else "none",
        "best_f1": float(per_theme["f1"].max()) if worst is not None else 0.0,
        "worst_theme": labels[worst] if worst is not None else "none",
        "worst_f1": float(per_theme["f1"].loc[worst]) if worst is not None else 0.0,
        "worst_fp": int(per_theme["fp"].loc[worst]) if worst is not None else 0,
    }


# --- which coding measures the themes --------------------------------------------------------------------

#: The two codings the chapter compares: the hand coding (the reading of every paragraph) and the terms'.
HAND, AUTO = "hand coding", "automatic coding"
#: A line of at most this many words, starting with a capital and ending without punctuation, reads as a
#: bare heading ("Mass arrivals"); the codebook's rule 3 gives headings no theme.
MAX_HEADING_WORDS = 12
_CLOSING = re.compile(r"[.;:!?,]\W*$")


@dataclass(frozen=True)
class Coding:
    """The coding a chapter analyses: its (paragraph, theme) rows and which coding it is (:data:`HAND` or
    :data:`AUTO`), with the number of the corpus's paragraphs the hand coding covers."""

    coded: pd.DataFrame
    name: str
    n_covered: int
    n_paragraphs: int


def hand_coding(gold: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The hand coding in the coder's shape (doc_id, paragraph_id, theme, matched = ""), on the corpus's
    paragraphs only, in the corpus's paragraph order then the gold's theme order."""
    order = {p: i for i, p in enumerate(paragraphs["paragraph_id"])}
    pairs = gold_pairs(gold)
    pairs = pairs[pairs["paragraph_id"].isin(order)]
    doc = paragraphs.set_index("paragraph_id")["doc_id"]
    out = pairs.assign(doc_id=pairs["paragraph_id"].map(doc), matched="", _o=pairs["paragraph_id"].map(order))
    out = out.sort_values("_o", kind="stable")
    return out[["doc_id", "paragraph_id", "theme", "matched"]].reset_index(drop=True)


def heading_like(paragraphs: pd.DataFrame) -> pd.Series:
    """Whether each paragraph is a heading: marked as one (``kind``), or a bare line of at most
    :data:`MAX_HEADING_WORDS` words that starts with a capital and ends without punctuation."""
    text = paragraphs["text"].astype(str)
    bare = (text.str.split().str.len() <= MAX_HEADING_WORDS) & text.str[:1].str.isupper() & ~text.str.contains(_CLOSING)
    marked = paragraphs["kind"].eq("heading") if "kind" in paragraphs else False
    return (bare | marked).rename("heading")


def apply_rule3(coded: pd.DataFrame, paragraphs: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The codebook's rule 3 (headings get no theme) applied to a coding: ``(kept, removed)`` rows, the
    removed ones being codings of paragraphs that :func:`heading_like` reads as headings."""
    headings = set(paragraphs.loc[heading_like(paragraphs), "paragraph_id"])
    on_heading = coded["paragraph_id"].isin(headings)
    return coded[~on_heading].reset_index(drop=True), coded[on_heading].reset_index(drop=True)


def coding_for_analysis(paragraphs: pd.DataFrame, coded: pd.DataFrame, gold: pd.DataFrame) -> Coding:
    """The hand coding when it covers every paragraph of the corpus in use (same ids in the same
    documents), else the automatic coding ``coded``; :attr:`Coding.name` says which."""
    covered = set(zip(gold["doc_id"], gold["paragraph_id"], strict=True))
    in_gold = [(d, p) in covered for d, p in zip(paragraphs["doc_id"], paragraphs["paragraph_id"], strict=True)]
    n_covered, n = sum(in_gold), len(paragraphs)
    if n and n_covered == n:
        return Coding(hand_coding(gold, paragraphs), HAND, n_covered, n)
    return Coding(coded.reset_index(drop=True), AUTO, n_covered, n)


def one_paragraph(emphasis_paragraphs: pd.DataFrame, documents: pd.DataFrame) -> float:
    """The share one paragraph makes in the first or the last year, whichever has more paragraphs of content:
    a change of a theme's share smaller than this is no change (a single paragraph moves it further)."""
    emphasis_paragraphs = content_paragraphs(emphasis_paragraphs)
    years = documents.set_index("doc_id")["date"].dt.year
    per_year = emphasis_paragraphs["doc_id"].map(years).value_counts()
    if per_year.empty:
        return 0.0
    ends = per_year.reindex([per_year.index.min(), per_year.index.max()]).fillna(0)
    return 1 / float(ends.max()) if ends.max() else 0.0


def _direction(change: pd.Series, min_change: float) -> pd.Series:
    return pd.Series(
        np.where(change >= max(min_change, 1e-12), "rise", np.where(change <= -max(min_change, 1e-12), "fall", "none")),
        index=change.index,
    )


def compare_codings(emphasis_hand: pd.DataFrame, emphasis_auto: pd.DataFrame, min_change: float = 0.0) -> pd.DataFrame:
    """Per theme, the change of its share between the first and the last year under each coding, its direction
    (rise, fall, or none when smaller than ``min_change``), the rank of the change (1 = largest rise; ties share
    the best rank), and whether direction and rank agree. A change whose direction or rank differs between the
    codings is ``uncertain``, else ``robust``."""
    years = [c for c in emphasis_hand.columns if c != "first_year"]
    first, last = years[0], years[-1]
    auto = emphasis_auto.reindex(index=emphasis_hand.index, columns=emphasis_hand.columns)
    change_h = (emphasis_hand[last] - emphasis_hand[first]).astype(float).round(12)
    change_a = (auto[last] - auto[first]).astype(float).fillna(0).round(12)
    rank_h = change_h.rank(ascending=False, method="min").astype(int)
    rank_a = change_a.rank(ascending=False, method="min").astype(int)
    direction_h, direction_a = _direction(change_h, min_change), _direction(change_a, min_change)
    same_sign = direction_h == direction_a
    same_rank = rank_h == rank_a
    out = pd.DataFrame(
        {
            "change (hand)": change_h,
            "change (automatic)": change_a,
            "direction (hand)": direction_h,
            "direction (automatic)": direction_a,
            "rank (hand)": rank_h,
            "rank (automatic)": rank_a,
            "same direction": same_sign,
            "same rank": same_rank,
            "reading": np.where(same_sign & same_rank, "robust", "uncertain"),
        }
    )
    out.index.name = "theme"
    return out


def _names(keys: Iterable[str], labels: dict[str, str]) -> str:
    return ", ".join(labels[k] for k in keys) or "none"


def comparison_facts(comparison: pd.DataFrame | None, labels: dict[str, str]) -> dict[str, object]:
    """What the two codings agree on, for the prose: the robust rises and falls, the uncertain themes, and
    whether the largest rise and fall are the same theme. Without a comparison (no hand coding of the
    corpus) every value says so, so no empty value reaches a sentence."""
    if comparison is None or comparison.empty:
        na = "not available (no hand coding of this corpus)"
        return {
            "cmp_available": "no",
            "cmp_n_robust": 0,
            "cmp_n_uncertain": 0,
            "cmp_robust_rises": na,
            "cmp_robust_falls": na,
            "cmp_robust_flat": na,
            "cmp_uncertain": na,
            "cmp_direction_only": na,
            "cmp_rise_auto": na,
            "cmp_fall_auto": na,
            "cmp_rise_agrees": na,
            "cmp_fall_agrees": na,
        }
    robust = comparison[comparison["reading"] == "robust"]
    direction = robust["direction (hand)"]
    top = str(comparison["rank (hand)"].idxmin()), str(comparison["rank (hand)"].idxmax())
    rise_a = str(comparison["change (automatic)"].idxmax())
    fall_a = str(comparison["change (automatic)"].idxmin())

    def verdict(key: str) -> str:
        return "robust" if comparison.loc[key, "reading"] == "robust" else "uncertain"

    return {
        "cmp_available": "yes",
        "cmp_n_robust": len(robust),
        "cmp_n_uncertain": int((comparison["reading"] == "uncertain").sum()),
        "cmp_robust_rises": _names(direction.index[direction == "rise"], labels),
        "cmp_robust_falls": _names(direction.index[direction == "fall"], labels),
        "cmp_robust_flat": _names(direction.index[direction == "none"], labels),
        "cmp_uncertain": _names(comparison.index[comparison["reading"] == "uncertain"], labels),
        "cmp_direction_only": _names(comparison.index[comparison["same direction"] & ~comparison["same rank"]], labels),
        "cmp_rise_auto": labels[rise_a],
        "cmp_fall_auto": labels[fall_a],
        "cmp_rise_agrees": verdict(top[0]),
        "cmp_fall_agrees": verdict(top[1]),
    }
