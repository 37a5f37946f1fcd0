"""Agreement with a gold standard: precision, recall and F1 from counts.

Used by the evaluation of the date extractor (:mod:`baliprocess.chronology.evaluate`) and of the theme
coder (:mod:`baliprocess.themes.evaluate`), and by :mod:`baliprocess.evaluation` (:func:`prf_row`, one row of
scores per task).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from typing import TypedDict

__all__ = ["Score", "precision_recall_f1", "prf_row", "ratio"]


def ratio(num: float, den: float) -> float:
    """``num / den``, or NaN when ``den`` is 0 (undefined, not zero)."""
    return num / den if den else float("nan")


def precision_recall_f1(correct: float, predicted: float, gold: float) -> tuple[float, float, float]:
    """Precision ``correct/predicted``, recall ``correct/gold`` and F1 ``2·correct/(predicted+gold)``.

    Precision (recall) is NaN when nothing was predicted (nothing is in the gold); F1 is 0 when there are
    predictions or gold items but none correct, and NaN only when there are neither.
    """
    return ratio(correct, predicted), ratio(correct, gold), ratio(2 * correct, predicted + gold)


class Score(TypedDict):
    """One row of scores: the task, the counts and the three rates (:func:`prf_row`)."""

    task: str
    gold: int
    predicted: int
    correct: int
    precision: float
    recall: float
    f1: float


def prf_row(task: str, predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> Score:
    """Precision, recall and F1 of ``predicted`` keys against ``gold`` keys; a key counts as often as it
    occurs on each side (multiset intersection)."""
    p, g = Counter(predicted), Counter(gold)
    correct = sum((p & g).values())
    n_pred, n_gold = sum(p.values()), sum(g.values())
    precision, recall, f1 = precision_recall_f1(correct, n_pred, n_gold)
    return {
        "task": task,
        "gold": n_gold,
        "predicted": n_pred,
        "correct": correct,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }
