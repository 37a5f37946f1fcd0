"""Agreement with a gold standard: precision, recall and F1 from counts.

Used by the evaluation of the date extractor (:mod:`baliprocess.chronology.evaluate`) and of the theme
coder (:mod:`baliprocess.themes.evaluate`).
"""

from __future__ import annotations

__all__ = ["precision_recall_f1", "ratio"]


def ratio(num: float, den: float) -> float:
    """``num / den``, or NaN when ``den`` is 0 (undefined, not zero)."""
    return num / den if den else float("nan")


def precision_recall_f1(correct: float, predicted: float, gold: float) -> tuple[float, float, float]:
    """Precision ``correct/predicted``, recall ``correct/gold`` and F1 ``2·correct/(predicted+gold)``.

    Precision (recall) is NaN when nothing was predicted (nothing is in the gold); F1 is 0 when there are
    predictions or gold items but none correct, and NaN only when there are neither.
    """
    return ratio(correct, predicted), ratio(correct, gold), ratio(2 * correct, predicted + gold)
