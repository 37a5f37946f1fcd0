"""What the coding shows: theme shares per document or year, co-occurrence, distinctive TF-IDF terms,
and the chapter's headline numbers.
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd

from .evaluate import gold_pairs

__all__ = [
    "MAX_DOCUMENT_ROWS",
    "TFIDF_MAX_DF",
    "analysis_units",
    "cooccurrence",
    "distinctive_table",
    "distinctive_terms",
    "emphasis_by_year",
    "emphasis_facts",
    "emphasis_percent",
    "summary",
    "theme_shares",
    "top_pairs",
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
    """Share of each unit's paragraphs that carry each theme (units in date order, themes in codebook order)."""
    if "kind" in paragraphs:  # headings are not paragraphs of content
        paragraphs = paragraphs[paragraphs["kind"] == "paragraph"]
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
    of the first year absent from the last, and the largest rise and fall of a share."""
    years = [c for c in emphasis.columns if c != "first_year"]
    first, last = years[0], years[-1]
    new = emphasis.index[emphasis["first_year"].isin(years[1:])]
    dropped = emphasis.index[(emphasis[first] > 0) & (emphasis[last] == 0)]
    change = emphasis[last] - emphasis[first]
    rise, fall = change.idxmax(), change.idxmin()
    return {
        "first_year": first,
        "last_year": last,
        "n_years": len(years),
        "n_new_themes": len(new),
        "new_themes": ", ".join(labels[k] for k in new) or "none",
        "n_dropped_themes": len(dropped),
        "dropped_themes": ", ".join(labels[k] for k in dropped) or "none",
        "rise_theme": labels[rise],
        "rise_from": float(emphasis.loc[rise, first]),
        "rise_to": float(emphasis.loc[rise, last]),
        "fall_theme": labels[fall],
        "fall_from": float(emphasis.loc[fall, first]),
        "fall_to": float(emphasis.loc[fall, last]),
    }


def summary(
    coded: pd.DataFrame,
    paragraphs: pd.DataFrame,
    evaluation: pd.DataFrame,
    pairs: pd.DataFrame,
    gold: pd.DataFrame,
    labels: dict[str, str],
) -> dict[str, object]:
    """The chapter's headline figures, for glueing into prose (themes given by their labels)."""
    keys = list(labels)
    per_theme = evaluation.loc[[k for k in keys if k in evaluation.index]].dropna(subset=["f1"])
    per_paragraph = coded.groupby("paragraph_id").size()
    counts = coded["theme"].value_counts().reindex(keys, fill_value=0)
    themed = int(coded["paragraph_id"].nunique())
    macro, micro = evaluation.loc["macro average"], evaluation.loc["micro average"]
    return {
        "n_themes": len(keys),
        "n_paragraphs": len(paragraphs),
        "n_coded_rows": len(coded),
        "n_themed": themed,
        "share_themed": themed / len(paragraphs) if len(paragraphs) else float("nan"),
        "n_unthemed": len(paragraphs) - themed,
        "n_multi": int((per_paragraph > 1).sum()),
        "max_per_paragraph": int(per_paragraph.max()) if len(per_paragraph) else 0,
        "top_theme": labels[counts.idxmax()],
        "top_theme_n": int(counts.max()),
        "gold_paragraphs": int(gold["paragraph_id"].nunique()),
        "gold_pairs": len(gold_pairs(gold)),
        "gold_themed": int(gold_pairs(gold)["paragraph_id"].nunique()),
        "macro_f1": float(macro["f1"]),
        "macro_precision": float(macro["precision"]),
        "macro_recall": float(macro["recall"]),
        "micro_f1": float(micro["f1"]),
        "n_fp": int(micro["fp"]),
        "n_fn": int(micro["fn"]),
        "best_theme": labels[per_theme["f1"].idxmax()],
        "best_f1": float(per_theme["f1"].max()),
        "worst_theme": labels[per_theme["f1"].idxmin()],
        "worst_f1": float(per_theme["f1"].min()),
        "worst_fp": int(per_theme.loc[per_theme["f1"].idxmin(), "fp"]),
        "top_pair_a": labels[pairs.iloc[0]["theme_a"]] if len(pairs) else "none",
        "top_pair_b": labels[pairs.iloc[0]["theme_b"]] if len(pairs) else "none",
        "top_pair_n": int(pairs.iloc[0]["paragraphs"]) if len(pairs) else 0,
    }
