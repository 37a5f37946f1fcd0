"""Reader-facing views of the membership tables and the chapter's headline numbers."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd
from pandas.api.typing import NAType

from ..rows import each_row
from .growth import MEMBER_STATES, MEMBERS, quantity_of
from .panel import GROUP_STATUS, ROLES, status_words
from .sources import GROUP_BODY

__all__ = [
    "attendance_table",
    "chapter_facts",
    "counts_view",
    "curated_view",
    "evaluation_view",
    "for_prose",
    "founding_source",
    "member_list",
    "member_list_values",
    "paragraph_span",
    "reconcile_founding",
    "region_table",
    "role_kind_table",
    "score_words",
    "stated_totals",
    "totals_table",
]


def role_kind_table(participation: pd.DataFrame, doc_id: str | None) -> pd.DataFrame:
    """Counts of listed names by role (rows) and kind (columns) for one document, with totals; no rows when
    ``doc_id`` is ``None`` or lists nothing."""
    sub = participation[participation["doc_id"] == doc_id]
    if sub.empty:
        empty = pd.DataFrame(columns=["state", "territory", "organisation", "total"], dtype=int)
        empty.index.name = "role"
        return empty
    table = pd.crosstab(sub["role"], sub["kind"], margins=True, margins_name="total")
    order = [r for r in ROLES if r in table.index] + ["total"]
    cols = [c for c in ("state", "territory", "organisation") if c in table.columns] + ["total"]
    table = table.reindex(index=order, columns=cols, fill_value=0)
    table.index.name, table.columns.name = "role", None
    return table


def region_table(participation: pd.DataFrame, doc_id: str | None) -> pd.DataFrame:
    """States (and territories) of one document by UN region (rows) and role (columns); organisations as
    one extra row. No rows when ``doc_id`` is ``None`` or lists nothing."""
    sub = participation[participation["doc_id"] == doc_id].copy()
    if sub.empty:
        empty = pd.DataFrame(columns=["total"], dtype=int)
        empty.index.name = "group"
        empty.attrs = {"doc_id": doc_id, "paragraph_ids": []}
        return empty
    sub["group"] = sub["region"].where(sub["kind"] != "organisation", "International organisations")
    table = pd.crosstab(sub["group"], sub["role"])
    table = table.reindex(columns=[r for r in ROLES if r in table.columns], fill_value=0)
    table["total"] = table.sum(axis=1)
    states = table.drop(index="International organisations", errors="ignore")
    states = states.sort_values(["total"], ascending=False, kind="stable")
    states = states.loc[sorted(states.index, key=lambda g: (-states["total"].loc[g], g))]
    if "International organisations" in table.index:
        states = pd.concat([states, table.loc[["International organisations"]]])
    states.index.name, states.columns.name = "group", None
    states.attrs = {"doc_id": doc_id, "paragraph_ids": sorted(sub["paragraph_id"].unique())}  # provenance
    return states


def paragraph_span(paragraphs: pd.DataFrame, paragraph_ids: Sequence[str]) -> str:
    """How a reader finds these paragraphs: "paragraphs 1-2" by the document's own numbers when it numbers
    them consecutively, else the paragraph ids."""
    labels = paragraphs.set_index("paragraph_id").loc[list(paragraph_ids), "label"].astype(str).tolist()
    if labels and all(lab.isdigit() for lab in labels):
        numbers = sorted(int(lab) for lab in labels)
        if numbers == list(range(numbers[0], numbers[-1] + 1)):
            return f"paragraph {numbers[0]}" if len(numbers) == 1 else f"paragraphs {numbers[0]}-{numbers[-1]}"
    return ("paragraph " if len(paragraph_ids) == 1 else "paragraphs ") + ", ".join(paragraph_ids)


def founding_source(paragraphs: pd.DataFrame, regions: pd.DataFrame) -> str | None:
    """The founding statement's paragraphs that a :func:`region_table` was built from, as the region figure's
    source line names them ("the founding statement (ID), paragraphs 1-2"), or ``None`` without a founding
    statement (the figure then names the paragraph ids it records)."""
    doc_id = regions.attrs.get("doc_id")
    if doc_id is None:
        return None
    return f"the founding statement ({doc_id}), {paragraph_span(paragraphs, regions.attrs['paragraph_ids'])}"


def reconcile_founding(
    participation: pd.DataFrame,
    counts: pd.DataFrame,
    doc_id: str | None,
    doc_date: pd.Timestamp | None,
    window_days: int = 31,
    not_yet_independent: Sequence[str] = (),
) -> pd.DataFrame:
    """The founding statement's lists against the counts of countries at its meeting stated within
    ``window_days`` of its date (``doc_date``), by any document. No rows when ``doc_id`` is ``None``.

    ``not_yet_independent`` holds words (case ignored) of the names, as written, of listed states that were
    not yet independent at the time; the chapter names them."""
    columns = ["what", "count", "source"]
    if doc_id is None:
        return pd.DataFrame(columns=columns).set_index("what")
    sub = participation[participation["doc_id"] == doc_id]
    st = sub[sub["kind"] == "state"]
    org = sub[sub["kind"] == "organisation"]
    pattern = "|".join(re.escape(w) for w in not_yet_independent)
    non_state = st["name_raw"].str.contains(pattern, case=False) if pattern else pd.Series(False, index=st.index)
    rows = [
        ("states listed as co-chairs", int((st["role"] == "co_chair").sum()), doc_id),
        ("states listed as participants", int((st["role"] == "participant").sum()), doc_id),
        ("of the co-chairs and participants: not yet independent", int(non_state.sum()), doc_id),
        ("states listed as observers", int((st["role"] == "observer").sum()), doc_id),
        ("states listed in all", int(st["iso3"].nunique()), doc_id),
        ("organisations listed in all", int(org["name"].nunique()), doc_id),
    ]
    if doc_date is not None and not pd.isna(doc_date):
        conf = counts[(counts["unit"] == "countries") & counts["subject"].isin(["attendance", "expected"])]
        near = conf[(pd.to_datetime(conf["as_of"]) - doc_date).abs() <= pd.Timedelta(days=window_days)]
        for r in each_row(near):
            rows.append((f'countries stated: "{r.text}"', int(r.count), r.paragraph_id))
    return pd.DataFrame(rows, columns=columns).set_index("what")


def counts_view(counts: pd.DataFrame) -> pd.DataFrame:
    """The stated counts as a reader-facing table."""
    view = counts.assign(as_of=pd.to_datetime(counts["as_of"]).dt.strftime("%Y-%m-%d"))
    return view[["paragraph_id", "as_of", "count", "unit", "subject", "prospective", "text"]].set_index("paragraph_id")


def totals_table(counts: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """Membership totals from the corpus and from outside sources, one row per source and year."""
    corpus_rows = counts[counts["subject"] == "membership"]
    a = pd.DataFrame(
        {
            "year": pd.to_datetime(corpus_rows["as_of"]).dt.year.astype("Int64"),
            "source": corpus_rows["paragraph_id"],
            "qualifier": corpus_rows["qualifier"],
            "unit": corpus_rows["unit"],
            "count": corpus_rows["count"].astype("Int64"),
        }
    )
    m = totals[totals["scope"] == "membership"]
    b = m[["year", "source", "qualifier", "unit", "count"]]
    both = pd.concat([f for f in (a, b) if len(f)] or [a], ignore_index=True)
    # one column per quantity: "member countries" and "countries and territories" are counts of member states
    both["unit"] = [quantity_of("membership", u) or u for u in both["unit"]]
    wide = both.pivot_table(
        index=["source", "year", "qualifier"], columns="unit", values="count", aggfunc="first", dropna=False
    ).reset_index()
    wide = wide.dropna(how="all", subset=[c for c in wide.columns if c not in ("source", "year", "qualifier")])
    order = [
        c
        for c in (MEMBER_STATES, "member organisations", MEMBERS, "observer states", "observer organisations")
        if c in wide.columns
    ]
    wide = wide[["source", "year", "qualifier", *order]]
    wide["year"] = wide["year"].astype("Int64")
    wide = wide.sort_values(["year", "source"], na_position="last", kind="stable")
    wide.columns.name = None
    return wide.set_index("source").astype({c: "Int64" for c in order})


def chapter_facts(
    participation: pd.DataFrame,
    counts: pd.DataFrame,
    panel: pd.DataFrame,
    doc_id: str | None,
    meeting: Mapping[str, object],
    doc_date: pd.Timestamp | None = None,
    window_days: int = 31,
) -> dict[str, object]:
    """Headline numbers of the corpus tables, for glueing; absent values are ``None`` (see :func:`for_prose`).

    ``doc_id`` is the founding statement (:func:`~.founding.founding_document`); ``meeting`` holds the
    counts that one meeting's own document states (:func:`~.founding.meeting_counts`); ``press_countries`` is
    the first forecast count of countries stated within ``window_days`` of ``doc_date``. Totals stated by
    outside sources are picked by :func:`stated_totals`, with the choice of source made by the chapter."""
    sub = participation[participation["doc_id"] == doc_id]
    st, org = sub[sub["kind"] == "state"], sub[sub["kind"] == "organisation"]

    def stated(unit: str, subject: str) -> int | None:
        c = counts[(counts["unit"] == unit) & (counts["subject"] == subject)]
        return int(c["count"].iloc[0]) if len(c) else None

    n_listed = int(st["iso3"].nunique())
    press = counts[(counts["unit"] == "countries") & (counts["subject"] == "expected")]
    if doc_date is not None and not pd.isna(doc_date):
        press = press[(pd.to_datetime(press["as_of"]) - doc_date).abs() <= pd.Timedelta(days=window_days)]
    press_countries = int(press["count"].iloc[0]) if len(press) and doc_id is not None and doc_date else None

    def meeting_value(unit: str) -> int | None:
        value = meeting.get(unit)
        return int(value) if isinstance(value, int) else None

    return {
        "n_participant_states": int((st["role"] == "participant").sum()),
        "n_cochair_states": int((st["role"] == "co_chair").sum()),
        "n_participating_states": int(st[st["role"].isin(["participant", "co_chair"])]["iso3"].nunique()),
        "n_observer_states": int((st["role"] == "observer").sum()),
        "n_participant_orgs": int((org["role"] == "participant").sum()),
        "n_observer_orgs": int((org["role"] == "observer").sum()),
        "n_listed_states": n_listed,
        "n_listed_orgs": int(org["name"].nunique()),
        "n_regions": int(st["region"].nunique()),
        "press_countries": press_countries,
        "press_gap": (press_countries - n_listed) if press_countries is not None else None,
        "som2_delegates": meeting_value("delegates"),
        "som2_countries": meeting_value("countries"),
        "som2_orgs": meeting_value("organisations"),
        "mfat_members": stated("members", "membership"),
        "untoc_parties": stated("parties", "treaty_parties"),
        "n_counts": len(counts),
        "n_panel_rows": len(panel),
        "n_panel_states": int(panel["iso3"].nunique()),
        "n_panel_group_only": int((panel["status"] == GROUP_STATUS).sum()),
        "panel_first_year": int(panel["year"].min()) if len(panel) else None,
        "panel_last_year": int(panel["year"].max()) if len(panel) else None,
    }


def for_prose(values: Mapping[str, object], missing: str = "not available") -> dict[str, object]:
    """``values`` with every ``None`` or NaN replaced by ``missing``, so that no empty value reaches a
    sentence (glue keys are resolved on any corpus, even inside blocks that are not shown)."""
    return {k: missing if v is None or (isinstance(v, float) and pd.isna(v)) else v for k, v in values.items()}


def stated_totals(totals: pd.DataFrame, picks: Mapping[str, Sequence[tuple[str, str]]]) -> dict[str, int | None]:
    """For each name in ``picks``, the total that outside sources state for its ``(source, unit)`` pairs,
    summed when there are several (``None`` when any of them is absent from ``totals``)."""

    def one(source: str, unit: str) -> int | None:
        t = totals[(totals["source"] == source) & (totals["unit"] == unit)]
        return int(t["count"].iloc[0]) if len(t) else None

    out: dict[str, int | None] = {}
    for name, pairs in picks.items():
        values = [one(source, unit) for source, unit in pairs]
        out[name] = None if any(v is None for v in values) else sum(v for v in values if v is not None)
    return out


def evaluation_view(scores: Mapping[str, pd.DataFrame], tasks: Sequence[str] = ("lists", "counts")) -> pd.DataFrame:
    """Scores of ``tasks`` on each evaluation set (``{set name: evaluation table}``), one row per task and
    set: gold, predicted and correct items, precision, recall and F1."""
    frames = [s[s["task"].isin(tasks)].assign(set=name) for name, s in scores.items()]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["task", "set"])
    order = {t: i for i, t in enumerate(tasks)}
    out = out.assign(_o=out["task"].map(order)).sort_values(["_o"], kind="stable").drop(columns="_o")
    return out[["task", "set", "gold", "predicted", "correct", "precision", "recall", "f1"]].reset_index(drop=True)


def score_words(scores: pd.DataFrame, task: str, set_name: str) -> dict[str, str]:
    """Precision, recall and F1 of one task on one set as two-decimal text ("not defined" where a score
    has no value, e.g. precision when nothing was predicted), for prose."""
    row = scores[(scores["task"] == task) & (scores["set"] == set_name)]

    def word(col: str) -> str:
        value = row[col].iloc[0] if len(row) else float("nan")
        return "not defined" if pd.isna(value) else f"{float(value):.2f}"

    return {col: word(col) for col in ("precision", "recall", "f1")}


def curated_view(curated: pd.DataFrame) -> pd.DataFrame:
    """The curated membership rows for reading: name, kind, what the source shows ("member in 2013",
    "participant at the Ad Hoc Group in 2011", "co-chair, undated", "...; joined 2002"), source and note; fewer
    columns, so that the notes can be read."""

    def shows(status: str, body: str, as_of: int | NAType, joined: int | NAType) -> str:  # Int64: as_of, joined
        text = status_words(status, body == GROUP_BODY)
        text += f" in {int(as_of)}" if not isinstance(as_of, NAType) else ", undated"
        return text + (f"; joined {int(joined)}" if not isinstance(joined, NAType) else "")

    columns = zip(curated["status"], curated["body"], curated["as_of"], curated["joined"], strict=True)
    evidence = [shows(*row) for row in columns]
    out = curated[["name", "kind"]].assign(shows=evidence, source=curated["source"], note=curated["note"])
    return out.reset_index(drop=True)


_LIST_UNITS = {
    ("state", "member"): "member states",
    ("organisation", "member"): "member organisations",
    ("state", "observer"): "observer states",
    ("organisation", "observer"): "observer organisations",
}


def member_list(curated: pd.DataFrame, source: str) -> pd.DataFrame:
    """One source's list of members and observers from ``data/membership.csv``: for each kind (state,
    territory, organisation) and status, the names the source lists, how many, and the total the same source
    states for that group in ``data/membership_totals.csv`` when it gives one (a territory listed among the
    "member states" is counted under its own kind). Columns: kind, status, listed, names."""
    rows = curated[curated["source"] == source]
    if rows.empty:
        return pd.DataFrame(columns=["kind", "status", "listed", "names"]).astype({"listed": int})
    kinds = ("state", "territory", "organisation")
    out = (
        rows.groupby(["kind", "status"], sort=False)["name"]
        .agg(listed="size", names=lambda n: ", ".join(sorted(n)))
        .reset_index()
    )
    out["_k"] = out["kind"].map({k: i for i, k in enumerate(kinds)})
    out["_s"] = out["status"].map({"member": 0, "observer": 1}).fillna(2)
    return out.sort_values(["_s", "_k"], kind="stable").drop(columns=["_k", "_s"]).reset_index(drop=True)


def member_list_values(members: pd.DataFrame, totals: pd.DataFrame, source: str) -> dict[str, object]:
    """Headline numbers of :func:`member_list` for the prose: listed member states, territories and
    organisations, listed observer states, the territories' names, and the totals the same source states as
    headings (``None`` when it states none)."""

    def listed(kind: str, status: str) -> int:
        hit = members[(members["kind"] == kind) & (members["status"] == status)]
        return int(hit["listed"].iloc[0]) if len(hit) else 0

    def stated(unit: str) -> int | None:
        hit = totals[(totals["source"] == source) & (totals["unit"] == unit)]
        return int(hit["count"].iloc[0]) if len(hit) else None

    territories = members[(members["kind"] == "territory") & (members["status"] == "member")]
    n_states, n_terr = listed("state", "member"), listed("territory", "member")
    return {
        "list_member_states": n_states,
        "list_member_territories": n_terr,
        "list_member_states_and_territories": n_states + n_terr,
        "list_member_orgs": listed("organisation", "member"),
        "list_observer_states": listed("state", "observer"),
        "list_territory_names": territories["names"].iloc[0] if len(territories) else "none",
        "list_stated_member_states": stated("member states"),
        "list_stated_member_orgs": stated("member organisations"),
        "list_stated_observer_states": stated("observer states"),
    }


#: Columns of :func:`attendance_table`: (scope, units) -> column, one quantity per column.
ATTENDANCE_COLUMNS = (
    (("attendance", ("countries",)), "all countries (kind not stated)"),
    (("attendance", ("member countries", "member states", "participating countries")), "members attending"),
    (("attendance", ("observer states",)), "observer states attending"),
    (("invitation", ("members", "countries")), "countries invited"),
    (("invitation", ("other countries",)), "other countries invited"),
)


def attendance_table(totals: pd.DataFrame) -> pd.DataFrame:
    """Counts of countries at (or invited to) one meeting from ``data/membership_totals.csv``, one row per
    source and year and one column per quantity, so that all countries, members attending, observers and
    invitations are never one number. Delegates and organisations are left out."""
    cols = []
    for (scope, units), column in ATTENDANCE_COLUMNS:
        hit = totals[(totals["scope"] == scope) & totals["unit"].isin(units)]
        cols.append(hit.assign(column=column)[["source", "year", "column", "count"]])
    rows = pd.concat(cols, ignore_index=True)
    if rows.empty:
        return pd.DataFrame(columns=["source", "year", *[c for _, c in ATTENDANCE_COLUMNS]]).set_index("source")
    wide = rows.pivot_table(index=["source", "year"], columns="column", values="count", aggfunc="first").reset_index()
    order = [c for _, c in ATTENDANCE_COLUMNS if c in wide.columns]
    wide = wide[["source", "year", *order]].sort_values(["year", "source"], kind="stable")
    wide.columns.name = None
    return wide.set_index("source").astype({"year": "Int64", **{c: "Int64" for c in order}})
