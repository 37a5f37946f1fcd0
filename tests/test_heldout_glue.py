"""How the raw held-out scores reach the chapters: glue names, the side-by-side table and the view that
scores both raw sets (baliprocess.rawsets). Tested on hand-made frames; no raw set is scored here."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from baliprocess import heldout as ho
from baliprocess import rawsets as rs


def test_glue_values_name_each_measure_and_the_goals():
    scores = pd.DataFrame(
        {
            "measure": ["list entities recall", "counts precision"],
            "value": [0.5, 1.0],
            "numerator": [1, 2],
            "denominator": [2, 2],
            "goal": [">= 0.9", ""],
            "meets_goal": pd.array([False, pd.NA], dtype="boolean"),
        }
    )
    values = rs.glue_values(scores)
    assert values["ho_list_entities_recall"] == 0.5
    assert values["ho_list_entities_recall_of"] == "1 of 2"
    assert values["ho_counts_precision_of"] == "2 of 2"
    assert values["ho_goals_missed"] == "list entities recall" and values["ho_goals_met"] == "none"
    # 1 of 2: centre (0.5 + 1.9208) / 2.9208 = 0.5, half 1.96 * sqrt(0.125 + 0.2401) / 2.9208 = 0.4055
    assert values["ho_list_entities_recall_ci"] == "0.09\u20130.91"
    assert values["ho_counts_precision_ci"] == "0.34\u20131.00"
    assert values["ho_ci_level"] == rs.LEVEL == 0.95


def test_wilson_intervals_by_hand_and_where_the_normal_interval_fails():
    # z = 1.95996 at 95%; 5 of 10: centre 0.5, half 1.96 * sqrt(0.025 + 0.009604) / 1.38416 = 0.26341
    low, high = rs.wilson(5, 10)
    assert abs(low - 0.2366) < 1e-4 and abs(high - 0.7634) < 1e-4
    low, high = rs.wilson(0, 10)  # 0 of n: not the empty interval [0, 0]; upper z^2 / (n + z^2)
    assert abs(low) < 1e-12 and abs(high - 3.8415 / 13.8415) < 1e-4
    low, high = rs.wilson(10, 10)  # n of n, mirrored
    assert abs(high - 1) < 1e-12 and abs(low - 10 / 13.8415) < 1e-4
    low, high = rs.wilson(5, 10, level=0.5)  # z = 0.67449: half 0.67449 * sqrt(0.025 + 0.001137) / 1.04549
    assert abs(high - 0.5 - 0.10430) < 1e-4
    assert rs.wilson(0, 0) is None


def test_a_count_that_is_not_a_share_gets_no_interval():
    scores = pd.DataFrame(
        {
            "measure": ["files converted by add", "not-dates read as dates"],
            "value": [12.0, 2.0],
            "numerator": [12, 2],
            "denominator": [12, 44],
            "goal": ["", ""],
            "meets_goal": pd.array([pd.NA, pd.NA], dtype="boolean"),
        }
    )
    values = rs.glue_values(scores)
    assert "ho_files_converted_by_add_ci" not in values and "ho_not_dates_read_as_dates_ci" not in values


def test_goals_read_as_a_list_in_words():
    scores = pd.DataFrame(
        {
            "measure": ["a recall", "b recall", "c recall"],
            "value": [0.5, 0.6, 0.7],
            "numerator": [1, 3, 7],
            "denominator": [2, 5, 10],
            "goal": [">= 0.9"] * 3,
            "meets_goal": pd.array([False, False, False], dtype="boolean"),
        }
    )
    assert rs.glue_values(scores)["ho_goals_missed"] == "a recall, b recall and c recall"


def test_glue_values_take_a_prefix_for_a_second_set():
    scores = pd.DataFrame(
        {
            "measure": ["counts recall"],
            "value": [0.9],
            "numerator": [9],
            "denominator": [10],
            "goal": [">= 0.85"],
            "meets_goal": pd.array([True], dtype="boolean"),
        }
    )
    values = rs.glue_values(scores, prefix="hd_")
    assert values == {
        "hd_counts_recall": 0.9,
        "hd_counts_recall_of": "9 of 10",
        "hd_counts_recall_ci": "0.60\u20130.98",  # centre 1.09208 / 1.38416, half 1.96 * 0.13640 / 1.38416
        "hd_ci_level": 0.95,
        "hd_goals_sentence": "The interval of counts recall (0.60\u20130.98) reaches below its goal: these documents"
        " meet it, but so few items do not show that other documents would.",
        "hd_goals_met": "counts recall",
        "hd_goals_missed": "none",
        "hd_goals_verdict": "meets every one of them: counts recall",
    }


def test_side_by_side_judges_the_goal_on_the_last_set_only():
    def scores(value, numerator, meets):
        return pd.DataFrame(
            {
                "measure": ["list role accuracy", "files converted by add"],
                "value": [value, 1.0],
                "numerator": [numerator, 4],
                "denominator": [10, 4],
                "goal": [">= 0.85", ""],
                "meets_goal": pd.array([meets, pd.NA], dtype="boolean"),
            }
        )

    table = rs.side_by_side({"development": scores(0.9, 9, True), "held-out": scores(0.5, 5, False)})
    assert list(table.columns) == [
        "measure",
        "development",
        "development: n of m",
        "held-out",
        "held-out: n of m",
        "goal",
        "meets goal",
    ]
    role = table.set_index("measure").loc["list role accuracy"]
    assert role["development"] == 0.9 and role["held-out: n of m"] == "5 of 10"
    assert str(role["meets goal"]) == "False"  # judged on the last set, where 0.5 < 0.85
    assert table.set_index("measure").loc["files converted by add", "meets goal"] == ""


def _one_measure(value: float, numerator: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "measure": ["date mentions recall"],
            "value": [value],
            "numerator": [numerator],
            "denominator": [10],
            "goal": [">= 0.95"],
            "meets_goal": pd.array([value >= 0.95], dtype="boolean"),
        }
    )


def test_raw_sets_view_scores_each_set_once_and_glues_each_under_its_prefix(monkeypatch):
    seen: list[Path] = []

    def fake(root: Path) -> pd.DataFrame:
        seen.append(root)
        return _one_measure(1.0, 10) if root == Path("dev") else _one_measure(0.8, 8)

    monkeypatch.setattr(ho, "evaluate_raw_set", fake)
    sets = {"first (development)": ("hd_", Path("dev")), "second (held out)": ("ho_", Path("new"))}
    table, values = rs.raw_sets_view(sets)
    assert seen == [Path("dev"), Path("new")]
    assert values["hd_date_mentions_recall"] == 1.0 and values["ho_date_mentions_recall_of"] == "8 of 10"
    assert values["ho_goals_missed"] == "date mentions recall" and values["hd_goals_met"] == "date mentions recall"
    assert "ho_date_mentions_recall_ci" in values and "hd_date_mentions_recall_ci" not in values, (
        "intervals for the unseen set only"
    )
    row = table.set_index("measure").loc["date mentions recall"]
    assert row["first (development)"] == "1.000 (10 of 10)" and row["second (held out)"] == "0.800 (8 of 10)"
    assert list(table.columns) == ["measure", "second (held out)", "goal", "meets goal", "first (development)"], (
        "the unseen set and its verdict come first, on a narrow screen's first view"
    )
    assert row["meets goal"] == "no" and row["goal"] == "≥ 0.95"


def test_compact_writes_a_count_as_n_of_m_and_a_rate_with_its_counts():
    table = pd.DataFrame(
        {
            "measure": ["files converted by add", "counts recall"],
            "a": [13.0, 0.75],
            "a: n of m": ["13 of 14", "3 of 4"],
            "goal": ["", ">= 0.85"],
            "meets goal": ["", False],
        }
    )
    out = rs.compact(table, ["a"])
    assert list(out.columns) == ["measure", "a", "goal", "meets goal"]
    assert out["a"].tolist() == ["13 of 14", "0.750 (3 of 4)"]
    assert out["goal"].tolist() == ["", "≥ 0.85"] and out["meets goal"].tolist() == ["", "no"]
    met = rs.compact(table.assign(goal=["", "<= 0"], **{"meets goal": ["", True]}), ["a"])
    assert met["goal"].tolist() == ["", "≤ 0"] and met["meets goal"].tolist() == ["", "yes"]


def test_the_default_view_judges_the_newest_raw_set_and_keeps_the_others_as_development():
    assert list(rs.RAW_SETS.values()) == [
        ("hd_", ho.HELDOUT_DIR),
        ("h2_", ho.RAW_SET_DIRS["heldout2"]),
        ("h3_", ho.RAW_SET_DIRS["heldout3"]),
        ("h4_", ho.RAW_SET_DIRS["heldout4"]),
        ("h5_", ho.RAW_SET_DIRS["heldout5"]),
        ("h6_", ho.RAW_SET_DIRS["heldout6"]),
        ("h7_", ho.RAW_SET_DIRS["heldout7"]),
        ("h8_", ho.RAW_SET_DIRS["heldout8"]),
        ("ho_", ho.RAW_SET_DIRS["heldout9"]),
    ]
    assert all("development" in label for label in list(rs.RAW_SETS)[:-1]), "only the last set is unseen"
    assert "heldout8" in rs.DEVELOPMENT_SETS and "heldout9" not in rs.DEVELOPMENT_SETS, "the error listers' sets"


def test_dev_values_read_the_development_sets_together_in_their_order():
    values = {
        "hd_counts_recall": 1.0,
        "hd_counts_recall_of": "10 of 10",
        "h2_counts_recall": 0.9375,
        "h2_counts_recall_of": "15 of 16",
        "h3_counts_recall": 0.5,
        "h3_counts_recall_of": "1 of 2",
        "hd_only_here": 0.25,
        "hd_goals_met": "counts recall",
        "h2_goals_met": "none",
        "h3_goals_met": "none",
    }
    out = rs.dev_values(values, ["hd_", "h2_", "h3_"])
    assert out == {
        "rawdev_counts_recall": "1.00, 0.94 and 0.50",
        "rawdev_counts_recall_of": "10 of 10, 15 of 16 and 1 of 2",
    }, "a measure one set lacks, and the goals, are left out"
    assert rs.dev_values(values, ["h2_", "hd_"], into="x_")["x_counts_recall"] == "0.94 and 1.00"
    assert rs.dev_values(values, []) == {}


def test_set_words_name_the_sets_in_words_from_their_labels():
    labels = ["first raw set (development)", "second raw set (development)", "third raw set (held out)"]
    assert rs.set_words(labels) == {"raw_n_sets": "three", "rawdev_n_sets": "two", "ho_ordinal": "third"}
    assert rs.set_words(["only (held out)"])["rawdev_n_sets"] == "none"
    assert rs.set_words([f"set{i}" for i in range(14)])["raw_n_sets"] == "14"


def _goals(rows: list[tuple[str, int, int, bool]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "measure": [r[0] for r in rows],
            "value": [r[1] / r[2] for r in rows],
            "numerator": [r[1] for r in rows],
            "denominator": [r[2] for r in rows],
            "goal": [">= x"] * len(rows),
            "meets_goal": pd.array([r[3] for r in rows], dtype="boolean"),
        }
    )


def test_a_goal_met_only_by_the_point_estimate_is_named_with_its_interval():
    # 23 of 25 = 0.92 meets >= 0.85, but its interval starts at 0.75; 9 of 10 (0.60-0.98) misses 0.9 anyway
    scores = _goals([("counts recall", 23, 25, True), ("list entities recall", 9, 10, False)])
    assert rs.uncertain_goals_sentence(scores) == (
        "The interval of counts recall (0.75\u20130.98) reaches below its goal: these documents meet it, but so"
        " few items do not show that other documents would."
    )
    # 500 of 500 meets >= 0.9 with an interval from 0.99: nothing to name
    assert rs.uncertain_goals_sentence(_goals([("list entities recall", 500, 500, True)])).startswith(
        "For every share that meets its goal"
    )
    two = _goals([("counts recall", 23, 25, True), ("count kind accuracy", 21, 23, True)])
    assert rs.uncertain_goals_sentence(two).startswith(
        "The intervals of counts recall (0.75\u20130.98) and count kind accuracy (0.73\u20130.98) reach below"
    )
    assert rs.uncertain_goals_sentence(_goals([("counts recall", 1, 10, False)])).startswith("No share meets")


def test_goals_verdict_names_both_lists_only_when_both_hold_goals():
    assert rs.goals_verdict(["a", "b"], ["c"]) == "meets them for a and b, and misses them for c"
    assert rs.goals_verdict(["a", "b"], []) == "meets every one of them: a and b"
    assert rs.goals_verdict([], ["c"]) == "misses every one of them: c"
    assert rs.goals_verdict([], []) == "has no goals to meet"
