"""Out-of-sample evaluation: run the extractors on an annotated document set and score them.

An annotated set is a folder ``data/eval/<set>/`` holding ``corpus/`` (documents in the corpus format)
and hand-written answer files: ``dates.csv`` (doc_id, text, start, end, precision), ``lists.csv``
(doc_id, role, name, code, kind), ``counts.csv`` (doc_id, text, value, unit, measure), ``themes.csv``
(doc_id, paragraph_start, themes, is_heading) and ``documents.csv`` (doc_id, language, coded). The
development set (``dev``) may be read while writing the extractors; the evaluation set (``test``) is
scored once, when they are final.

Each task is scored on the keys the issue names: dates on doc_id and interval (start, end); list members
on doc_id, role and code (ISO3, or an organisation's short name); counts on doc_id, value and measure
(attendance or membership); themes per paragraph (located by the first words of its text), pooled
(micro) and averaged over themes (macro); language per document, the positive class being "not coded"
(not English). :func:`in_sample` scores the shipped corpus against its own gold lists (dates, themes), keyed like
the sets' scores; the chapters show the two side by side: :func:`theme_scores` scores a theme coder on the
shipped corpus and both sets, one row per set, and :func:`date_scores` the date extractor likewise.

This module is the evaluation layer: it imports the analysis packages (:mod:`.chronology`,
:mod:`.membership`, :mod:`.themes`) and none of them imports it (``tests/test_layers.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import chronology, membership, themes
from .cleaning import TYPOGRAPHY
from .corpus import DEFAULT_CORPUS, REPO_ROOT, Corpus, load_corpus
from .metrics import Score, prf_row

__all__ = [
    "DATE_SETS",
    "EVAL_DIR",
    "SCORE_COLUMNS",
    "SETS",
    "TASKS",
    "AnnotatedSet",
    "DateScores",
    "date_scores",
    "evaluate_corpus",
    "evaluate_set",
    "in_sample",
    "load_set",
    "locate_paragraphs",
    "score_counts",
    "score_dates",
    "score_language",
    "score_lists",
    "score_themes",
    "theme_scores",
]

EVAL_DIR = REPO_ROOT / "data" / "eval"
TASKS = ("dates", "lists", "counts", "themes (micro)", "themes (macro)", "language")
SCORE_COLUMNS = ["task", "gold", "predicted", "correct", "precision", "recall", "f1"]
_GOLD_FILES = ("dates", "lists", "counts", "themes", "documents")


@dataclass(frozen=True)
class AnnotatedSet:
    """A loaded annotated set: its corpus and its answer tables (all columns as strings)."""

    name: str
    corpus: Corpus
    gold: dict[str, pd.DataFrame]


def load_set(name: str, root: Path = EVAL_DIR) -> AnnotatedSet:
    """Load ``root/<name>/corpus`` and its answer files (a missing file is an error, not an empty task)."""
    folder = root / name
    gold = {key: pd.read_csv(folder / f"{key}.csv", dtype=str, keep_default_na=False) for key in _GOLD_FILES}
    return AnnotatedSet(name, load_corpus(folder / "corpus"), gold)


def _day(value: str | pd.Timestamp) -> str:
    """A date column's value (a Timestamp, or the gold CSV's ISO string) as YYYY-MM-DD."""
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def score_dates(mentions: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Date mentions matched on (doc_id, start, end) within the gold's documents."""
    docs = set(gold["doc_id"])
    mentions = mentions[mentions["doc_id"].isin(docs)]
    predicted = zip(mentions["doc_id"], map(_day, mentions["start"]), map(_day, mentions["end"]), strict=True)
    truth = zip(gold["doc_id"], map(_day, gold["start"]), map(_day, gold["end"]), strict=True)
    return prf_row("dates", predicted, truth)


def _unresolved_key(name: str) -> str:
    return "unresolved: " + " ".join(_normalise(name).split()).removeprefix("the ").casefold()


def score_lists(participation: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """List members matched on (doc_id, role, code): ISO3 for states and territories, short name for
    organisations. A name the gold marks ``unresolved`` (a misspelling, an unknown body) is right when the
    extractor reports it as unresolved (``participation_table(..., keep_unresolved=True)``, ``how``
    column) under the same role. Each key counts once per document."""
    unresolved = participation.get("how", pd.Series("", index=participation.index)) == "unresolved"
    codes = [
        _unresolved_key(raw) if unres else (iso3 or name)
        for raw, iso3, name, unres in zip(
            participation["name_raw"], participation["iso3"], participation["name"], unresolved, strict=True
        )
    ]
    predicted = set(zip(participation["doc_id"], participation["role"], codes, strict=True))
    gold_codes = [
        _unresolved_key(name) if kind == "unresolved" else code
        for name, code, kind in zip(gold["name"], gold["code"], gold["kind"], strict=True)
    ]
    truth = set(zip(gold["doc_id"], gold["role"], gold_codes, strict=True))
    return prf_row("lists", predicted, truth)


def score_counts(counts: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Stated counts matched on (doc_id, value, measure), measure being attendance or membership."""
    counts = counts[counts["doc_id"].isin(set(gold["doc_id"]))]
    predicted = zip(counts["doc_id"], counts["count"].astype(int), counts["subject"], strict=True)
    truth = zip(gold["doc_id"], gold["value"].astype(int), gold["measure"], strict=True)
    return prf_row("counts", predicted, truth)


def _normalise(text: str) -> str:
    """Text as the corpus tables hold it: typography normalised, Markdown heading marks and extra
    whitespace removed."""
    for rule in TYPOGRAPHY:
        text = rule.pattern.sub(rule.replacement, text)
    return re.sub(r"^#{1,6}\s+", "", " ".join(text.split()))


def locate_paragraphs(paragraphs: pd.DataFrame, themes_gold: pd.DataFrame) -> pd.Series:
    """The paragraph_id of each gold row: the first paragraph of its document whose text begins with the
    row's ``paragraph_start`` (normalised like the corpus); empty when none does."""
    by_doc = {
        doc: list(zip(group["paragraph_id"], map(_normalise, group["text"]), strict=True))
        for doc, group in paragraphs.groupby("doc_id", sort=False)
    }
    found = []
    for doc, start in zip(themes_gold["doc_id"], themes_gold["paragraph_start"], strict=True):
        key = _normalise(start)
        found.append(next((pid for pid, text in by_doc.get(doc, []) if text.startswith(key)), ""))
    return pd.Series(found, index=themes_gold.index, name="paragraph_id")


def _theme_set(value: str) -> set[str]:
    return {t.strip() for t in re.split(r"[;,|]", value) if t.strip()}


def score_themes(coded: pd.DataFrame, paragraphs: pd.DataFrame, gold: pd.DataFrame) -> list[Score]:
    """Themes per gold paragraph: the micro row pools every (paragraph, theme) decision; the macro row
    averages precision, recall and F1 over the themes that the gold or the coder uses. A gold paragraph
    that cannot be located counts its themes as missed."""
    ids = locate_paragraphs(paragraphs, gold)
    truth = {
        (pid or f"unlocated-{i}", t)
        for i, (pid, themes) in enumerate(zip(ids, gold["themes"], strict=True))
        for t in _theme_set(themes)
    }
    located = set(ids) - {""}
    predicted = {(p, t) for p, t in zip(coded["paragraph_id"], coded["theme"], strict=True) if p in located}
    rows = [prf_row("themes (micro)", predicted, truth)]
    per_theme = [
        prf_row(theme, {k for k in predicted if k[1] == theme}, {k for k in truth if k[1] == theme})
        for theme in sorted({t for _, t in predicted | truth})
    ]
    frame = pd.DataFrame(per_theme)
    mean = {k: float(frame[k].fillna(0).mean()) if len(frame) else float("nan") for k in ("precision", "recall", "f1")}
    rows.append(
        {
            "task": "themes (macro)",
            "gold": len(truth),
            "predicted": len(predicted),
            "correct": rows[0]["correct"],
            "precision": mean["precision"],
            "recall": mean["recall"],
            "f1": mean["f1"],
        }
    )
    return rows


def score_language(documents: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Documents reported as not coded (not English), against the gold's ``coded`` column."""
    predicted = documents.loc[documents["language"] != "en", "doc_id"]
    truth = gold.loc[gold["coded"].str.lower() == "false", "doc_id"]
    return prf_row("language", predicted, truth)


def evaluate_corpus(corpus: Corpus, gold: dict[str, pd.DataFrame], tasks: Iterable[str] = TASKS) -> pd.DataFrame:
    """Run the extractors of ``tasks`` on ``corpus`` and score each task for which ``gold`` has a table."""
    tasks = set(tasks)
    rows: list[Score] = []
    if "dates" in gold and "dates" in tasks:
        rows.append(score_dates(chronology.date_mentions(corpus), gold["dates"]))
    if "lists" in gold and "lists" in tasks:
        rows.append(score_lists(membership.participation_table(corpus, keep_unresolved=True), gold["lists"]))
    if "counts" in gold and "counts" in tasks:
        rows.append(score_counts(membership.counts_table(corpus), gold["counts"]))
    if "themes" in gold and tasks & {"themes (micro)", "themes (macro)"}:
        rows += score_themes(themes.code_corpus(corpus), corpus.paragraphs, gold["themes"])
    if "documents" in gold and "language" in tasks:
        rows.append(score_language(corpus.documents, gold["documents"]))
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def evaluate_set(name: str, root: Path = EVAL_DIR, tasks: Iterable[str] = TASKS) -> pd.DataFrame:
    """Scores of ``tasks`` (default: every task) on the annotated set ``name`` (``dev`` or ``test``)."""
    annotated = load_set(name, root)
    return evaluate_corpus(annotated.corpus, annotated.gold, tasks)


def in_sample(corpus: Corpus | None = None) -> pd.DataFrame:
    """Scores on the shipped corpus against its own gold lists (dates and themes; the shipped corpus has
    no gold list of list members or counts), keyed like the out-of-sample scores."""
    corpus = corpus if corpus is not None else load_corpus(DEFAULT_CORPUS)
    dates_gold = chronology.load_gold()
    theme_gold = themes.load_gold()
    rows = [
        score_dates(chronology.date_mentions(corpus), dates_gold),
        *score_themes(themes.code_corpus(corpus), corpus.paragraphs, _as_set_rows(theme_gold, corpus.paragraphs)),
    ]
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


#: The sets the theme coder is scored on (:func:`theme_scores`), with what each one is to the coder.
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


def theme_scores(
    coder: Callable[[Corpus], pd.DataFrame],
    shipped: Corpus,
    gold: pd.DataFrame,
    root: Path | None = None,
) -> pd.DataFrame:
    """The theme coder's scores on the shipped corpus against its hand coding (in-sample) and on the annotated
    sets ``dev`` and ``test``: one row per set (:data:`SETS`) with documents, documents reported as not in
    English (not coded), paragraph–theme pairs in the reading and in the coder's output, micro precision,
    recall and F1, and macro F1. ``coder`` maps a corpus to its coding (the themes chapter passes its own,
    with the procedural rule applied: :func:`baliprocess.themes.corpus_coding`)."""
    rows = []
    for name, meaning in SETS.items():
        if name == "in-sample":
            corpus, answers = shipped, _as_set_rows(gold, shipped.paragraphs)
        else:
            annotated = load_set(name, root if root is not None else EVAL_DIR)
            corpus, answers = annotated.corpus, annotated.gold["themes"]
        micro, macro = score_themes(coder(corpus), corpus.paragraphs, answers)
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


#: The sets the date extractor is scored on in the chronology chapter: glue key -> the set's label.
DATE_SETS = {"in": "shipped corpus (in-sample)", "dev": "development set", "test": "held-out test set"}


@dataclass(frozen=True)
class DateScores:
    """The date extractor scored on each set of :data:`DATE_SETS` (:func:`date_scores`)."""

    rows: dict[str, dict[str, Any]]  # glue key -> documents and the scores (:func:`prf_row`, without task)
    heldout_errors: pd.DataFrame  # chronology.date_errors on the held-out test set

    def table(self) -> pd.DataFrame:
        """One row per set, by label (index ``set``)."""
        frame = pd.DataFrame.from_dict({DATE_SETS[k]: row for k, row in self.rows.items()}, orient="index")
        return frame.rename_axis("set")

    def glue_values(self) -> dict[str, object]:
        """``dates_<key>_<measure>`` for every set, then the held-out set's extra readings and the step one
        date makes in its recall."""
        values = {f"dates_{key}_{k}": v for key, row in self.rows.items() for k, v in row.items()}
        test = self.rows["test"]
        return values | {"dates_test_extra": test["predicted"] - test["correct"], "dates_test_step": 1 / test["gold"]}


def date_scores(shipped: Corpus, gold: pd.DataFrame, root: Path = EVAL_DIR) -> DateScores:
    """Date mentions of the shipped corpus scored against its gold list (in-sample), and of the development
    and held-out test sets against theirs, with the held-out set's errors."""
    rows, errors = {}, pd.DataFrame()
    for key in DATE_SETS:
        corpus, answers = (shipped, gold) if key == "in" else _dates_set(key, root)
        found = chronology.date_mentions(corpus)
        row = score_dates(found, answers)
        rows[key] = {"documents": answers["doc_id"].nunique(), **{k: v for k, v in row.items() if k != "task"}}
        if key == "test":
            errors = chronology.date_errors(found, answers)
    return DateScores(rows, errors)


def _dates_set(name: str, root: Path) -> tuple[Corpus, pd.DataFrame]:
    annotated = load_set(name, root)
    return annotated.corpus, annotated.gold["dates"]
