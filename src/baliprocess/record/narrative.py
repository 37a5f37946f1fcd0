"""Sentences and headline numbers of the record's section of the themes chapter, computed from the tables.

The chapter glues what these functions return; nothing in them knows a result in advance.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..rows import each_row
from .change import ALPHA, PHASES
from .load import DOC_KINDS, Record

__all__ = [
    "change_sentence",
    "join_words",
    "record_facts",
    "reliability_facts",
    "theme_trajectory",
    "top_themes",
    "usable_themes",
]


def join_words(items: Sequence[str], empty: str = "none") -> str:
    """'a', 'a and b', 'a, b and c'; ``empty`` for none."""
    items = list(items)
    if not items:
        return empty
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def record_facts(record: Record, wide: pd.DataFrame, min_read: float) -> dict[str, object]:
    """The record's size and coverage: documents by kind, years, paragraphs known, read and coded."""
    out = record.outcomes
    kinds = out["doc_type"].value_counts()
    read = out[out["paragraphs_read"] > 0]
    known = read[read["paragraphs"].notna()]
    whole = known[known["paragraphs_read"] >= min_read * known["paragraphs"]]
    unread = [
        f"{DOC_KINDS[r.doc_type].phrase} of the {r.meeting.split(',')[0]} ({r.date:%Y})"
        for r in each_row(out[out["paragraphs_read"] == 0], index=False)
    ]
    conferences = read.loc[read["doc_type"] == "co_chairs_statement", "meeting"]
    return {
        "rec_n_documents": _count(len(out), "outcome document"),
        "rec_n_read_documents": _count(len(read), "document"),
        "rec_first_year": f"{read['date'].min():%Y}",
        "rec_last_year": f"{read['date'].max():%Y}",
        "rec_kinds": join_words(
            [
                _count(int(kinds.get("co_chairs_statement", 0)), "co-chairs' statement"),
                _count(int(kinds.get("declaration", 0)), "declaration"),
                _count(int(kinds.get("strategy", 0)), "strategy", "strategies"),
                _count(
                    int(kinds.get("senior_officials_statement", 0) + kinds.get("ad_hoc_group_statement", 0)),
                    "statement of senior officials or the Ad Hoc Group",
                    "statements of senior officials or the Ad Hoc Group",
                ),
                _count(
                    int(kinds.get("web_account", 0)),
                    "website account of a meeting, read where its adopted text was not found or only its "
                    "opening could be read",
                    "website accounts of meetings, read where their adopted text was not found or only its "
                    "opening could be read",
                ),
            ]
        ),
        "rec_n_conferences": _count(conferences.nunique(), "meeting"),
        "rec_read": int(out["paragraphs_read"].sum()),
        "rec_n_known": _count(len(known), "document"),
        "rec_share_known": float(known["paragraphs_read"].sum() / known["paragraphs"].sum()) if len(known) else 0.0,
        "rec_n_whole": _count(len(whole), "document"),
        "rec_n_partial_unknown": _count(len(read) - len(known), "document"),
        "rec_substantive": len(wide),
        "rec_min_read": float(min_read),
        "rec_n_unread": _count(len(unread), "document"),
        "rec_unread": join_words(unread, empty="none"),
    }


def usable_themes(reliability: pd.DataFrame) -> list[str]:
    """Themes whose alpha meets the tentative standard or better (they may carry findings)."""
    table = reliability.drop(index="overall", errors="ignore")
    return table.index[table["reading"].isin(["reliable", "tentative"])].tolist()


def reliability_facts(reliability: pd.DataFrame, read: int, labels: Mapping[str, str]) -> dict[str, object]:
    """Sample size, overall alpha and its reading, and the themes at each standard."""
    overall = reliability.loc["overall"]
    table = reliability.drop(index="overall")

    def named(reading: str) -> str:
        return join_words([labels.get(k, k) for k in table.index[table["reading"] == reading]])

    alpha = float(overall["alpha"])
    return {
        "rel_paragraphs": int(overall["paragraphs"]),
        "rel_share": float(overall["paragraphs"] / read) if read else float("nan"),
        "rel_alpha": "not assessable" if np.isnan(alpha) else f"{alpha:.2f}",
        "rel_reading": str(overall["reading"]),
        "rel_reliable": named("reliable"),
        "rel_tentative": named("tentative"),
        "rel_not_reliable": named("not reliable"),
        "rel_not_assessable": named("not assessable"),
        "rel_n_usable": _count(len(usable_themes(reliability)), "theme"),
    }


def change_sentence(
    tests: pd.DataFrame, labels: Mapping[str, str], names: Mapping[object, str] | None = None, between: str = "phases"
) -> str:
    """What the tests of change say, in words: the changes that survive correction, or that none does.

    ``names`` gives each group a name in the sentence (default: the phases' short names); ``between`` says what
    the groups are ("phases", "the first and the last year").
    """
    names = names or {p.key: p.label.split(" (")[0].lower() for p in PHASES}
    tested = tests[tests["reading"] != "not tested"]
    if tested.empty:
        return "No theme is reliable enough to be tested for change, so no change can be told from chance."
    found = tested[tested["reading"].isin(["rose", "fell"])]
    n_tests = _count(len(tested), "test")
    if found.empty:
        return (
            f"None of the {n_tests} of change between {between} survives the correction for the number of themes "
            f"tested (Holm, family-wise {ALPHA:.0%}): no detectable change."
        )
    parts = [
        f"{labels.get(r.theme, r.theme)} {r.reading} from {r.share_before:.0%} to {r.share_after:.0%} between "
        f"{names.get(r.before, r.before)} and {names.get(r.after, r.after)} (adjusted p = {r.p_holm:.3f})"
        for r in each_row(found, index=False)
    ]
    return (
        f"Of the {n_tests} of change between {between}, {_count(len(found), 'change')} "
        f"{'survives' if len(found) == 1 else 'survive'} the correction for the number of themes tested "
        f"(Holm, family-wise {ALPHA:.0%}): {join_words(parts)}. No other tested change can be told from chance."
    )


def theme_trajectory(
    shares: pd.DataFrame,
    changes: pd.DataFrame,
    key: str,
    labels: Mapping[str, str],
    reliability: pd.DataFrame | None = None,
) -> str:
    """One theme across the phases: its share in each, and what the test from the first to the last phase says
    (or why it was not tested: its reliability, from ``reliability``, is too low or could not be measured)."""
    rows = shares[shares["theme"] == key].set_index("phase")
    parts = [f"{rows.at[p.key, 'share']:.0%} ({p.label.split(' (')[0].lower()})" for p in PHASES if p.key in rows.index]
    first_last = changes[
        (changes["theme"] == key) & (changes["before"] == PHASES[0].key) & (changes["after"] == PHASES[-1].key)
    ]
    reading = first_last["reading"].iloc[0] if len(first_last) else "not tested"
    standing = reliability["reading"].get(key, "") if reliability is not None else ""
    why_not = {
        "not assessable": "not tested, because the second coder's sample held none of its paragraphs, so its "
        "reliability could not be measured",
        "not reliable": "not tested, its coding not being reliable enough",
    }.get(standing, "not tested")
    verdict = {
        "rose": "a rise that survives the test",
        "fell": "a fall that survives the test",
        "no detectable change": "no detectable change from the first phase to the last",
        "not tested": why_not,
    }[reading]
    return f"{labels.get(key, key)}: {join_words(parts)} of substantive paragraphs; {verdict}"


def top_themes(shares: pd.DataFrame, labels: Mapping[str, str], n: int = 3) -> str:
    """The ``n`` themes with the largest share of all substantive paragraphs of the record, with their shares."""
    pooled = shares.assign(hits=shares["with_theme"]).groupby("theme", sort=False)[["hits", "paragraphs"]].sum()
    pooled["share"] = pooled["hits"] / pooled["paragraphs"]
    best = pooled.sort_values(["share"], ascending=False, kind="stable").head(n)
    return join_words([f"{labels.get(str(k), k)} ({v:.0%})" for k, v in best["share"].items()])
