"""The raw sets as the chapters show them (issue 17): every set scored with :mod:`baliprocess.heldout`, side by
side in one table whose goals are judged on the last (unseen) set, and their figures as glue values, each set
under its own prefix (``hd_``, ``h2_`` to ``h8_`` the earlier sets, development data now, each scored once
before its errors were read; ``ho_`` the last, held out), and the development sets' figures read together
(``rawdev_``: "0.99, 1.00, 0.97, 1.00, 0.90 and 0.94")."""

from __future__ import annotations

import math
import re
from pathlib import Path
from statistics import NormalDist

import pandas as pd

from . import heldout, rawcache
from .numberwords import NUMBER_WORDS
from .record.narrative import join_words
from .rows import each_row

__all__ = [
    "DEVELOPMENT_SETS",
    "LEVEL",
    "RAW_SETS",
    "compact",
    "dev_values",
    "glue_values",
    "goals_verdict",
    "raw_sets_view",
    "set_words",
    "side_by_side",
    "uncertain_goals_sentence",
    "wilson",
]

#: The raw sets the chapters show, by column label: (glue prefix, folder). The last is the unseen one.
RAW_SETS: dict[str, tuple[str, Path]] = {
    "first raw set (development)": ("hd_", heldout.HELDOUT_DIR),
    "second raw set (development)": ("h2_", heldout.RAW_SET_DIRS["heldout2"]),
    "third raw set (development)": ("h3_", heldout.RAW_SET_DIRS["heldout3"]),
    "fourth raw set (development)": ("h4_", heldout.RAW_SET_DIRS["heldout4"]),
    "fifth raw set (development)": ("h5_", heldout.RAW_SET_DIRS["heldout5"]),
    "sixth raw set (development)": ("h6_", heldout.RAW_SET_DIRS["heldout6"]),
    "seventh raw set (development)": ("h7_", heldout.RAW_SET_DIRS["heldout7"]),
    "eighth raw set (development)": ("h8_", heldout.RAW_SET_DIRS["heldout8"]),
    "ninth raw set (held out)": ("ho_", heldout.RAW_SET_DIRS["heldout9"]),
}

#: The folder names of the development sets (every raw set but the last): the only ones the error listers
#: (tools/date_misses.py, tools/list_misses.py) open.
DEVELOPMENT_SETS = frozenset(root.name for _prefix, root in list(RAW_SETS.values())[:-1])

#: The coverage of the intervals the chapters give for the unseen set's shares.
LEVEL = 0.95


def wilson(k: int, n: int, level: float = LEVEL) -> tuple[float, float] | None:
    """The Wilson score interval of a share of ``k`` in ``n`` at coverage ``level``; ``None`` for ``n == 0``.
    It stays inside 0-1 and is not empty at 0 of n or n of n, where the normal interval is."""
    if n <= 0:
        return None
    z = NormalDist().inv_cdf(0.5 + level / 2)
    share, z2 = k / n, z * z
    centre = (share + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _span(interval: tuple[float, float]) -> str:
    """An interval as the chapters write it: two decimals joined by an en dash."""
    return f"{interval[0]:.2f}–{interval[1]:.2f}"


def glue_values(scores: pd.DataFrame, prefix: str = "ho_", intervals: bool = True) -> dict[str, object]:
    """The held-out scores the chapters glue, by name: ``<prefix><measure words joined by _>`` (a share as a
    number, ``..._of`` as "n of m" and, with ``intervals``, for a share of its items ``..._ci`` as its Wilson
    interval at :data:`LEVEL` (``<prefix>ci_level``), two decimals joined by an en dash), and the goals met
    and missed in words."""
    out: dict[str, object] = {}
    for row in each_row(scores, index=False):
        key = prefix + re.sub(r"[^a-z0-9]+", "_", row.measure.lower()).strip("_")
        out[key] = float(row.value)
        k, n = int(row.numerator), int(row.denominator)
        out[f"{key}_of"] = f"{k} of {n}"
        share = intervals and 0 <= k <= n and math.isclose(float(row.value), k / max(n, 1))
        interval = wilson(k, n) if share else None
        if interval is not None:
            out[f"{key}_ci"] = _span(interval)
    if intervals:
        out[f"{prefix}ci_level"] = LEVEL
        out[f"{prefix}goals_sentence"] = uncertain_goals_sentence(scores)
    goals = scores[scores["goal"] != ""]
    met = goals.loc[goals["meets_goal"].fillna(False).astype(bool), "measure"].tolist()
    missed = goals.loc[~goals["meets_goal"].fillna(False).astype(bool), "measure"].tolist()
    out[f"{prefix}goals_met"] = join_words(met)
    out[f"{prefix}goals_missed"] = join_words(missed)
    if intervals:
        out[f"{prefix}goals_verdict"] = goals_verdict(met, missed)
    return out


def goals_verdict(met: list[str], missed: list[str]) -> str:
    """What a set does against its goals, as the clause after "the last set": both lists when both hold goals,
    else "meets every one of them" or "misses every one of them" with the goals named."""
    if met and missed:
        return f"meets them for {join_words(met)}, and misses them for {join_words(missed)}"
    if met:
        return f"meets every one of them: {join_words(met)}"
    return f"misses every one of them: {join_words(missed)}" if missed else "has no goals to meet"


def uncertain_goals_sentence(scores: pd.DataFrame, level: float = LEVEL) -> str:
    """Which of the goals a set meets (a share at least its threshold, :data:`heldout.GOALS`) it meets only
    by its point estimate: the Wilson interval at ``level`` reaches below the threshold, so the set's few
    items do not show that the goal holds beyond these documents."""
    met = scores[scores["meets_goal"].fillna(False).astype(bool) & scores["measure"].isin(heldout.GOALS)]
    shares = [row for row in each_row(met, index=False) if heldout.GOALS[row.measure][0] == ">="]
    if not shares:
        return "No share meets its goal, so none is met only by its point estimate."
    short = []
    for row in shares:
        interval = wilson(int(row.numerator), int(row.denominator), level)
        if interval is not None and interval[0] < heldout.GOALS[row.measure][1]:
            short.append(f"{row.measure} ({_span(interval)})")
    if not short:
        return "For every share that meets its goal, the whole interval lies at or above the goal."
    if len(short) == 1:
        return (
            f"The interval of {short[0]} reaches below its goal: these documents meet it, but so few items do"
            " not show that other documents would."
        )
    return (
        f"The intervals of {join_words(short)} reach below their goals: these documents meet them, but so few"
        " items do not show that other documents would."
    )


def dev_values(values: dict[str, object], prefixes: list[str], into: str = "rawdev_") -> dict[str, object]:
    """The figures of several sets read together, one key per measure (``into`` + the measure's words): a
    share to two decimals ("0.99, 1.00 and 0.97", in the order of ``prefixes``), an "n of m" as it is
    ("130 of 138, 80 of 82 and 71 of 82"). Only measures every set has are joined; goals and intervals are
    not."""
    if not prefixes:
        return {}
    out: dict[str, object] = {}
    for key in values:
        if not key.startswith(prefixes[0]) or key.endswith(("goals_met", "goals_missed", "_ci")):
            continue
        measure = key[len(prefixes[0]) :]
        found = [values.get(prefix + measure) for prefix in prefixes]
        if any(value is None for value in found):
            continue
        out[into + measure] = join_words([f"{v:.2f}" if isinstance(v, float) else str(v) for v in found])
    return out


def side_by_side(scores_by_set: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per measure, a value and an "n of m" column per set (in the order given), the goal, and
    whether the *last* set meets it: the set the goals are judged on is the one nobody tuned on."""
    columns: dict[str, pd.Series] = {}
    for label, scores in scores_by_set.items():
        frame = scores.set_index("measure")
        columns[label] = frame["value"]
        columns[f"{label}: n of m"] = (
            frame["numerator"].astype(int).astype(str) + " of " + frame["denominator"].astype(int).astype(str)
        )
    last = list(scores_by_set.values())[-1].set_index("measure")
    table = pd.DataFrame(columns)
    table["goal"] = last["goal"]
    table["meets goal"] = last["meets_goal"].astype(object).where(last["goal"] != "", "")
    return table.reindex(last.index).rename_axis("measure").reset_index()


#: Set counts written out up to twelve; none for no set.
_CARDINALS = ("none", *NUMBER_WORDS[1:13])


def set_words(labels: list[str]) -> dict[str, object]:
    """How the prose names the sets without a number typed into it: how many there are (``raw_n_sets``, in
    words up to twelve), how many are development data (``rawdev_n_sets``, all but the last) and the
    unseen set's ordinal, the first word of its label (``ho_ordinal``: "sixth" for "sixth raw set (held
    out)")."""

    def words(n: int) -> str:
        return _CARDINALS[n] if n < len(_CARDINALS) else str(n)

    return {
        "raw_n_sets": words(len(labels)),
        "rawdev_n_sets": words(max(len(labels) - 1, 0)),
        "ho_ordinal": labels[-1].split()[0] if labels else "",
    }


def raw_sets_view(
    sets: dict[str, tuple[str, Path]] | None = None,
) -> tuple[pd.DataFrame, dict[str, object]]:
    """Score every raw set once (default :data:`RAW_SETS`) and return the :func:`side_by_side` table (the
    goals judged on the last set) and the glue values of all sets, each under its own prefix; intervals only
    for the last set, the one whose figures estimate what a reader's documents would give; and the words that
    name the sets (:func:`set_words`). A set's scores are read from :mod:`baliprocess.rawcache` when nothing
    they depend on has changed since they were computed."""
    sets = RAW_SETS if sets is None else sets
    tables = rawcache.scores([root for _prefix, root in sets.values()], lambda root: heldout.evaluate_raw_set(root))
    scores = dict(zip(sets, tables, strict=True))
    values: dict[str, object] = {}
    for label, (prefix, _root) in sets.items():
        values.update(glue_values(scores[label], prefix, intervals=label == list(sets)[-1]))
    values.update(dev_values(values, [prefix for prefix, _root in list(sets.values())[:-1]]))
    values.update(set_words(list(sets)))
    return compact(side_by_side(scores), list(sets)), values


def compact(table: pd.DataFrame, labels: list[str]) -> pd.DataFrame:
    """One column per set instead of two: a rate as "0.942 (130 of 138)", a count (its value is its
    numerator) as "8 of 35", so that the sets sit side by side on a narrow screen; the last (unseen) set
    comes first, with its goal and whether it meets it, then the development sets in their order."""
    out = table[["measure"]].copy()
    for label in labels:
        of = table[f"{label}: n of m"]
        count = table[label] == of.str.split(" of ").str[0].astype(float)
        out[label] = of.where(count, table[label].map("{:.3f}".format) + " (" + of + ")")
    # The unseen set, its goal and the verdict first, so that they are on a narrow screen's first view; the goal
    # and the verdict in a reader's words ("≥ 0.9", "yes"), not Python's (">= 0.9", "True").
    goal = table["goal"].str.replace(">=", "≥", regex=False).str.replace("<=", "≤", regex=False)
    verdict = table["meets goal"].map(lambda met: met if isinstance(met, str) else ("yes" if met else "no"))
    out = out.assign(goal=goal, **{"meets goal": verdict})
    return out[["measure", labels[-1], "goal", "meets goal", *labels[:-1]]]
