"""Policy themes: a transparent codebook (``data/themes.yml``), paragraph-level coding, and its validation.

The coder is deliberately simple: a paragraph carries a theme when one of the theme's terms occurs in it
as a whole word. Each term fired is reported, so every coding can be checked by reading. The coder is
scored against a hand-coded gold standard (``data/gold/paragraph_themes.csv``), and TF-IDF shows each
document's distinctive vocabulary independently of the codebook.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import combinations, groupby
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
import yaml
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.image import AxesImage

from . import plotting
from .corpus import REPO_ROOT, Corpus
from .schema import Field, Table

__all__ = [
    "CODEBOOK_PATH", "GOLD_PATH", "REQUIRED_THEMES", "MAX_DOCUMENT_ROWS", "TFIDF_MAX_DF", "Theme", "Codebook",
    "load_codebook", "term_regex",
    "code_paragraphs", "codebook_table", "load_gold", "gold_pairs", "evaluate", "disagreements",
    "analysis_units", "theme_shares", "emphasis_by_year", "emphasis_percent", "emphasis_facts", "cooccurrence", "top_pairs",
    "distinctive_terms", "distinctive_table", "theme_examples", "summary", "shares_figure",
    "cooccurrence_figure", "TABLES", "build_tables",
]

CODEBOOK_PATH = REPO_ROOT / "data" / "themes.yml"
GOLD_PATH = REPO_ROOT / "data" / "gold" / "paragraph_themes.csv"
REQUIRED_THEMES = (
    "information_sharing", "law_enforcement", "border_management", "identity_documents",
    "public_awareness", "return_reintegration", "legislation", "victim_protection", "root_causes",
    "refugee_protection", "capacity_building", "private_sector",
)
#: Up to this many documents the chapter's views show one row per document, beyond it one per year.
MAX_DOCUMENT_ROWS = 20
#: TF-IDF leaves out words found in more than this share of the units: they distinguish nothing.
TFIDF_MAX_DF = 0.8

_INFLECTIONS = "(?:s|es|d|ed|ing)?"
_WORD_GAP = r"[\s\-/]+"
_TERM_WORDS = re.compile(r"[\s\-]+")
_BLANK, _DIAGONAL = "#f2f2f2", "#d9d9d9"  # heatmap cells with nothing; the co-occurrence diagonal
_SEPARATOR = "\x00"  # joins paragraphs: neither a word character nor a gap, so no match can span two


@dataclass(frozen=True)
class Theme:
    """One codebook entry."""

    key: str
    label: str
    definition: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Codebook:
    """The themes in codebook order, and one compiled pattern holding every term as a named group."""

    themes: tuple[Theme, ...]
    pattern: re.Pattern[str]
    term_theme: tuple[tuple[str, str], ...]  # (term, theme key) for group t0, t1, ...

    @property
    def keys(self) -> list[str]:
        """Theme keys in codebook order."""
        return [t.key for t in self.themes]


def term_regex(term: str) -> str:
    """The regular expression of one codebook term (whole words; ``*`` any ending, else inflections)."""
    words = _words(term)
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + _INFLECTIONS for w in words]
    return r"(?<!\w)" + _WORD_GAP.join(parts) + r"(?!\w)"


def _term_sample(term: str) -> str:
    return " ".join(w.rstrip("*") for w in _words(term))


def _check_overlaps(term_theme: list[tuple[str, str]]) -> None:
    """Refuse a term that matches inside another term's own words: one of the two would go unreported."""
    compiled = [(term, re.compile(term_regex(term))) for term, _ in term_theme]
    clashes = [f"{a!r} matches inside {b!r}" for (a, ra), (b, _) in
               ((x, y) for x in compiled for y in compiled if x[0] != y[0]) if ra.search(_term_sample(b))]
    if clashes:
        raise ValueError("codebook terms overlap: " + "; ".join(sorted(clashes)))


def _parse(data: dict) -> tuple[Theme, ...]:
    themes = []
    for entry in data["themes"]:
        missing = {"key", "label", "definition", "include", "exclude", "terms"} - set(entry)
        if missing:
            raise ValueError(f"theme {entry.get('key')!r} lacks {sorted(missing)}")
        themes.append(Theme(entry["key"], entry["label"], " ".join(entry["definition"].split()),
                            tuple(entry["include"]), tuple(entry["exclude"]), tuple(entry["terms"])))
    keys = [t.key for t in themes]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate theme keys")
    if set(REQUIRED_THEMES) - set(keys):
        raise ValueError(f"codebook lacks themes {sorted(set(REQUIRED_THEMES) - set(keys))}")
    return tuple(themes)


def _words(term: str) -> list[str]:
    words = [w for w in _TERM_WORDS.split(term.strip().lower()) if w]
    if not words:
        raise ValueError("empty term")
    return words


def _trie(items: list[tuple[str, str, int]], depth: int = 0) -> str:
    """Alternation of ``(literal, rest, index)`` items factored on their literal prefixes, each ``rest`` in a
    named group ``t<index>``. Python's regex engine tries a flat alternation of many terms at every position;
    the trie lets it reject a position after a character or two (about 30 times faster here)."""
    branches: dict[str, list[tuple[str, str, int]]] = {}
    for item in items:
        if len(item[0]) > depth:
            branches.setdefault(item[0][depth], []).append(item)
    alternatives = [re.escape(ch) + _trie(group, depth + 1) for ch, group in sorted(branches.items())]
    alternatives += [f"(?P<t{i}>{rest})" for literal, rest, i in items if len(literal) == depth]
    return "(?:" + "|".join(alternatives) + ")"


def _combined_pattern(terms: list[str]) -> re.Pattern[str]:
    """One pattern for every term, for lower-cased text; the named group ``t<i>`` that matched is term i."""
    items = []
    for i, term in enumerate(terms):
        literal = _words(term)[0].rstrip("*")
        body = term_regex(term)[len(r"(?<!\w)"):-len(r"(?!\w)")]
        items.append((literal, body[len(re.escape(literal)):], i))
    return re.compile(r"(?<!\w)" + _trie(items) + r"(?!\w)")


@functools.lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int) -> Codebook:
    themes = _parse(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
    term_theme = [(term, t.key) for t in themes for term in t.terms]
    _check_overlaps(term_theme)
    return Codebook(themes, _combined_pattern([term for term, _ in term_theme]), tuple(term_theme))


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read and check the codebook; compiled once per file version (module-level cache)."""
    p = Path(path) if path is not None else CODEBOOK_PATH
    return _load(str(p.resolve()), p.stat().st_mtime_ns)


def code_paragraphs(paragraphs: pd.DataFrame, codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per (paragraph, theme) the terms find: doc_id, paragraph_id, theme, matched.

    ``matched`` lists the codebook terms that fired, in codebook order, joined by "; ". Rows follow the
    paragraphs' order, then the codebook's theme order.
    """
    cb = codebook if codebook is not None else load_codebook()
    columns = ["doc_id", "paragraph_id", "theme", "matched"]
    texts = [t.lower() for t in paragraphs["text"].astype(str)]
    if not texts:
        return pd.DataFrame(columns=columns)
    starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
    hits = [(m.start(), int(m.lastgroup[1:])) for m in cb.pattern.finditer(_SEPARATOR.join(texts))]
    if not hits:
        return pd.DataFrame(columns=columns)
    positions, term_idx = zip(*hits)
    rows = np.searchsorted(starts, np.array(positions), side="right") - 1
    theme_order = {k: i for i, k in enumerate(cb.keys)}
    term_rank = [theme_order[theme] for _, theme in cb.term_theme]
    ordered = sorted({(int(r), term_rank[i], i) for r, i in zip(rows, term_idx)})
    records = []
    for (row, _), group in groupby(ordered, key=lambda x: x[:2]):
        idx = [i for *_, i in group]
        records.append((row, cb.term_theme[idx[0]][1], "; ".join(cb.term_theme[i][0] for i in idx)))
    out_rows = np.array([r[0] for r in records])
    return pd.DataFrame({"doc_id": paragraphs["doc_id"].to_numpy()[out_rows],
                         "paragraph_id": paragraphs["paragraph_id"].to_numpy()[out_rows],
                         "theme": [r[1] for r in records], "matched": [r[2] for r in records]})


def codebook_table(codebook: Codebook | None = None) -> pd.DataFrame:
    """The codebook for reading, one row per theme and part (label, definition, includes, excludes, terms),
    so that long definitions read as text in a narrow page."""
    cb = codebook if codebook is not None else load_codebook()
    rows = []
    for t in cb.themes:
        parts = {"label": t.label, "definition": t.definition, "includes": "; ".join(t.include),
                 "excludes": "; ".join(t.exclude) or "(none)", "terms": ", ".join(t.terms)}
        rows += [(t.key, part, text) for part, text in parts.items()]
    return pd.DataFrame(rows, columns=["theme", "part", "text"]).set_index(["theme", "part"])


def load_gold(path: str | Path | None = None) -> pd.DataFrame:
    """The hand-coded gold standard: one row per (paragraph, theme); empty theme = no theme."""
    return pd.read_csv(path if path is not None else GOLD_PATH, dtype=str, keep_default_na=False)


def gold_pairs(gold: pd.DataFrame) -> pd.DataFrame:
    """The gold's (paragraph_id, theme) pairs, without the empty rows of paragraphs with no theme."""
    return gold.loc[gold["theme"] != "", ["paragraph_id", "theme"]].drop_duplicates()


def _ratio(num: int, den: int) -> float:
    return num / den if den else float("nan")


def evaluate(coded: pd.DataFrame, gold: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Precision, recall and F1 of the coder per theme, on the gold's paragraphs only, with macro and micro rows.

    F1 is 0 when a theme has no true positive; the macro row averages the themes' precision, recall and
    F1 over the themes the gold or the coder uses; the micro row pools every (paragraph, theme) decision.
    """
    in_gold = set(gold["paragraph_id"])
    predicted = coded.loc[coded["paragraph_id"].isin(in_gold), ["paragraph_id", "theme"]].drop_duplicates()
    truth = gold_pairs(gold)
    both = predicted.merge(truth, on=["paragraph_id", "theme"])
    counts = pd.DataFrame({
        "gold": truth["theme"].value_counts(), "coded": predicted["theme"].value_counts(),
        "tp": both["theme"].value_counts()}).reindex(keys).fillna(0).astype(int)
    rows = []
    for key, r in counts.iterrows():
        p, rec = _ratio(r.tp, r.coded), _ratio(r.tp, r.gold)
        f1 = 2 * r.tp / (r.gold + r.coded) if r.gold + r.coded else float("nan")
        rows.append({"theme": key, "gold": r.gold, "coded": r.coded, "tp": r.tp, "fp": r.coded - r.tp,
                     "fn": r.gold - r.tp, "precision": p, "recall": rec, "f1": f1})
    table = pd.DataFrame(rows)
    used = table[(table["gold"] + table["coded"]) > 0]
    macro = {"theme": "macro average", **used[["gold", "coded", "tp", "fp", "fn"]].sum().to_dict(),
             **used[["precision", "recall", "f1"]].mean().to_dict()}
    tp, g, c = int(used["tp"].sum()), int(used["gold"].sum()), int(used["coded"].sum())
    micro = {"theme": "micro average", "gold": g, "coded": c, "tp": tp, "fp": c - tp, "fn": g - tp,
             "precision": _ratio(tp, c), "recall": _ratio(tp, g), "f1": _ratio(2 * tp, g + c)}
    out = pd.concat([table, pd.DataFrame([macro, micro])], ignore_index=True)
    return out.astype({k: int for k in ("gold", "coded", "tp", "fp", "fn")}).set_index("theme")


def analysis_units(documents: pd.DataFrame) -> pd.Series:
    """The row label of each document in the chapter's views: ``date doc_id``, or its year when the
    corpus has more than :data:`MAX_DOCUMENT_ROWS` documents. Indexed by doc_id; labels sort by date."""
    docs = documents.sort_values(["date", "doc_id"])
    if len(docs) > MAX_DOCUMENT_ROWS:
        labels = docs["date"].dt.year.astype(str)
    else:
        labels = docs["date"].dt.strftime("%Y-%m-%d") + " " + docs["doc_id"]
    return pd.Series(labels.to_numpy(), index=pd.Index(docs["doc_id"], name="doc_id"), name="unit")


def theme_shares(coded: pd.DataFrame, paragraphs: pd.DataFrame, units: pd.Series,
                 keys: list[str]) -> pd.DataFrame:
    """Share of each unit's paragraphs that carry each theme (units in date order, themes in codebook order)."""
    n_paragraphs = paragraphs["doc_id"].map(units).value_counts()
    counts = (coded.assign(unit=coded["doc_id"].map(units))
              .groupby(["unit", "theme"])["paragraph_id"].nunique().unstack(fill_value=0))
    order = list(dict.fromkeys(units.to_numpy()))
    counts = counts.reindex(index=order, columns=keys, fill_value=0)
    shares = counts.div(n_paragraphs.reindex(order), axis=0)
    shares.index.name, shares.columns.name = "unit", "theme"
    return shares


def emphasis_by_year(coded: pd.DataFrame, paragraphs: pd.DataFrame, documents: pd.DataFrame,
                     keys: list[str]) -> pd.DataFrame:
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
    from sklearn.feature_extraction.text import TfidfVectorizer  # slow to import; only this needs it

    text = paragraphs.assign(unit=paragraphs["doc_id"].map(units)).groupby("unit", sort=False)["text"]
    order = list(dict.fromkeys(units.to_numpy()))
    pooled = text.agg(" ".join).reindex(order).fillna("")
    vectorizer = TfidfVectorizer(stop_words="english", token_pattern=r"(?u)\b[^\W\d_]{3,}\b",
                                 sublinear_tf=True, max_df=TFIDF_MAX_DF if len(order) > 1 else 1.0)
    matrix = vectorizer.fit_transform(pooled.to_numpy()).toarray()
    vocab = vectorizer.get_feature_names_out()
    rows = []
    for unit, scores in zip(order, matrix):
        ranked = sorted((-round(float(s), 10), t) for s, t in zip(scores, vocab) if s > 0)[:n]  # ties: by term
        rows += [{"unit": unit, "rank": i + 1, "term": t, "score": round(-s, 4)} for i, (s, t) in enumerate(ranked)]
    return pd.DataFrame(rows, columns=["unit", "rank", "term", "score"])


def distinctive_table(terms: pd.DataFrame) -> pd.DataFrame:
    """The distinctive terms as one row per unit: the terms, highest first, comma-separated."""
    out = terms.groupby("unit", sort=False)["term"].agg(", ".join).to_frame("distinctive terms (TF-IDF)")
    return out


def theme_examples(coded: pd.DataFrame, paragraphs: pd.DataFrame, documents: pd.DataFrame,
                   gold: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
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
    agree = ["yes" if (p, t) in truth else "no" if p in in_gold else "not in gold"
             for p, t in zip(best["paragraph_id"], best.index)]
    return pd.DataFrame({"paragraph_id": best["paragraph_id"], "terms fired": best["matched"],
                         "gold agrees": agree, "text": best["text"]}, index=best.index)


def disagreements(coded: pd.DataFrame, gold: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Every (paragraph, theme) on which coder and gold differ, on the gold's paragraphs: ``coder only``
    (a false positive, with the terms that fired) or ``gold only`` (a false negative)."""
    in_gold = coded[coded["paragraph_id"].isin(set(gold["paragraph_id"]))]
    merged = in_gold.merge(gold_pairs(gold), on=["paragraph_id", "theme"], how="outer", indicator=True)
    merged = merged[merged["_merge"] != "both"]
    position = {p: i for i, p in enumerate(dict.fromkeys(gold["paragraph_id"]))}
    out = pd.DataFrame({
        "theme": merged["theme"],
        "paragraph_id": merged["paragraph_id"],
        "disagreement": merged["_merge"].map({"left_only": "coder only", "right_only": "gold only"}).astype(str),
        "terms fired": merged["matched"].fillna(""),
    })
    out = out.assign(_t=out["theme"].map(keys.index), _p=out["paragraph_id"].map(position))
    return out.sort_values(["_t", "disagreement", "_p"]).drop(columns=["_t", "_p"]).reset_index(drop=True)


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
        "first_year": first, "last_year": last, "n_years": len(years),
        "n_new_themes": len(new), "new_themes": ", ".join(labels[k] for k in new) or "none",
        "n_dropped_themes": len(dropped), "dropped_themes": ", ".join(labels[k] for k in dropped) or "none",
        "rise_theme": labels[rise], "rise_from": float(emphasis.loc[rise, first]),
        "rise_to": float(emphasis.loc[rise, last]),
        "fall_theme": labels[fall], "fall_from": float(emphasis.loc[fall, first]),
        "fall_to": float(emphasis.loc[fall, last]),
    }


def summary(coded: pd.DataFrame, paragraphs: pd.DataFrame, evaluation: pd.DataFrame, pairs: pd.DataFrame,
            gold: pd.DataFrame, labels: dict[str, str]) -> dict[str, object]:
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
        "macro_f1": float(macro["f1"]), "macro_precision": float(macro["precision"]),
        "macro_recall": float(macro["recall"]), "micro_f1": float(micro["f1"]),
        "n_fp": int(micro["fp"]), "n_fn": int(micro["fn"]),
        "best_theme": labels[per_theme["f1"].idxmax()], "best_f1": float(per_theme["f1"].max()),
        "worst_theme": labels[per_theme["f1"].idxmin()], "worst_f1": float(per_theme["f1"].min()),
        "worst_fp": int(per_theme.loc[per_theme["f1"].idxmin(), "fp"]),
        "top_pair_a": labels[pairs.iloc[0]["theme_a"]] if len(pairs) else "none",
        "top_pair_b": labels[pairs.iloc[0]["theme_b"]] if len(pairs) else "none",
        "top_pair_n": int(pairs.iloc[0]["paragraphs"]) if len(pairs) else 0,
    }


def _heatmap(ax: Axes, values: np.ndarray, fmt: str, vmax: float) -> AxesImage:
    """Draw ``values`` (NaN and 0 left blank) in the book's sequential map, each cell labelled with ``fmt``."""
    shown = np.where(values > 0, values, np.nan)
    cmap = mpl.colormaps[plotting.SEQUENTIAL_CMAP].with_extremes(bad=_BLANK)
    image = ax.imshow(shown, cmap=cmap, vmin=0, vmax=max(vmax, 1e-9), aspect="auto")
    if shown.size <= 400:
        for (i, j), v in np.ndenumerate(shown):
            if np.isfinite(v):
                ax.text(j, i, format(v, fmt), ha="center", va="center", fontsize=8,
                        color="black" if v > 0.6 * vmax else "white")
    ax.grid(False)
    return image


def shares_figure(shares: pd.DataFrame, labels: dict[str, str]) -> Figure:
    """Heatmap: share of each unit's paragraphs (columns, by date) that carry each theme (rows)."""
    n_units, n_themes = shares.shape
    fig, ax = plotting.new_figure(max(7.5, 4.5 + 0.8 * n_units), 2.4 + 0.38 * n_themes)
    values = shares.to_numpy(dtype=float).T
    image = _heatmap(ax, values, ".0%", float(np.nanmax(values, initial=0)))
    ax.set_yticks(range(n_themes), [labels.get(k, k) for k in shares.columns])
    ax.xaxis.tick_top()
    ax.set_xticks(range(n_units), list(shares.index), rotation=30, ha="left", rotation_mode="anchor",
                  fontsize=9)
    ax.spines[["left", "bottom"]].set_visible(False)
    fig.colorbar(image, ax=ax, label="share of paragraphs", format=lambda v, _: f"{v:.0%}", shrink=0.8)
    plotting.add_source(fig, "paragraph_themes.csv (terms of data/themes.yml), paragraphs.csv; "
                             "blank: no paragraph.")
    return fig


def cooccurrence_figure(matrix: pd.DataFrame, labels: dict[str, str]) -> Figure:
    """Heatmap of theme pairs (lower triangle, coloured) with the paragraphs per theme on a grey diagonal."""
    values = matrix.to_numpy(dtype=float)
    n = len(matrix)
    below = np.where(np.tril(np.ones((n, n), dtype=bool), k=-1), values, np.nan)
    fig, ax = plotting.new_figure(8.0, 7.0)
    image = _heatmap(ax, below, ".0f", float(np.nanmax(below, initial=0)))
    ax.imshow(np.where(np.eye(n, dtype=bool), 1.0, np.nan), cmap=ListedColormap([_DIAGONAL]), aspect="auto")
    for i, v in enumerate(np.diag(values)):
        ax.text(i, i, f"{v:.0f}", ha="center", va="center", fontsize=8, fontweight="bold")
    names = [labels.get(k, k) for k in matrix.index]
    ax.set_xticks(range(n), names, rotation=45, ha="right")
    ax.set_yticks(range(n), names)
    ax.spines[["left", "bottom"]].set_visible(False)
    fig.colorbar(image, ax=ax, label="paragraphs with both themes", shrink=0.7)
    plotting.add_source(fig, "paragraph_themes.csv; grey diagonal: paragraphs with the theme; blank: none.")
    return fig


def build_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The exported tables of this module, by name (see :data:`TABLES`)."""
    return {"paragraph_themes": code_paragraphs(corpus.paragraphs)}


TABLES = [
    Table(
        name="paragraph_themes",
        title="Policy themes of each paragraph",
        description=("One row per (paragraph, theme) found by the terms of the codebook data/themes.yml; "
                     "paragraphs with no theme have no row."),
        fields=(
            Field("doc_id", "string", "Document id."),
            Field("paragraph_id", "string", "Paragraph id (see paragraphs.csv)."),
            Field("theme", "string", "Theme key of the codebook data/themes.yml."),
            Field("matched", "string", "The codebook terms that fired, in codebook order, joined by '; '."),
        ),
        primary_key=("paragraph_id", "theme"),
        sources=("data/themes.yml",),
    ),
]
