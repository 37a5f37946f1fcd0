"""Reader-facing views of the membership tables and the chapter's headline numbers."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd

from .panel import ROLES

__all__ = [
    "counts_view",
    "growth_table",
    "paragraph_span",
    "reconcile_2002",
    "region_table",
    "role_kind_table",
    "stated_totals",
    "summary",
    "totals_table",
]


def _conference_doc(participation: pd.DataFrame) -> str | None:
    """The document with the most listed participants and observers (the founding statement here)."""
    listed = participation[participation["role"].isin(["participant", "observer"])]
    if listed.empty:
        return None
    sizes = listed.groupby("doc_id").size()
    return str(sizes.sort_values(ascending=False, kind="stable").index[0])


def role_kind_table(participation: pd.DataFrame, doc_id: str | None = None) -> pd.DataFrame:
    """Counts of listed names by role (rows) and kind (columns) for one document, with totals."""
    doc_id = doc_id or _conference_doc(participation)
    sub = participation[participation["doc_id"] == doc_id]
    table = pd.crosstab(sub["role"], sub["kind"], margins=True, margins_name="total")
    order = [r for r in ROLES if r in table.index] + ["total"]
    cols = [c for c in ("state", "organisation") if c in table.columns] + ["total"]
    table = table.reindex(index=order, columns=cols, fill_value=0)
    table.index.name, table.columns.name = "role", None
    return table


def region_table(participation: pd.DataFrame, doc_id: str | None = None) -> pd.DataFrame:
    """States of one document by UN region (rows) and role (columns); organisations as one extra row."""
    doc_id = doc_id or _conference_doc(participation)
    sub = participation[participation["doc_id"] == doc_id].copy()
    sub["group"] = sub["region"].where(sub["kind"] == "state", "International organisations")
    table = pd.crosstab(sub["group"], sub["role"])
    table = table.reindex(columns=[r for r in ROLES if r in table.columns], fill_value=0)
    table["total"] = table.sum(axis=1)
    states = table.drop(index="International organisations", errors="ignore")
    states = states.sort_values(["total"], ascending=False, kind="stable")
    states = states.loc[sorted(states.index, key=lambda g: (-states.loc[g, "total"], g))]
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


def reconcile_2002(
    participation: pd.DataFrame, counts: pd.DataFrame, window_days: int = 31, not_yet_independent: Sequence[str] = ()
) -> pd.DataFrame:
    """The founding statement's lists against the country counts stated within ``window_days`` of it.

    ``not_yet_independent`` holds words (case ignored) of the names, as written, of listed states that were
    not yet independent at the time; the chapter names them."""
    doc_id = _conference_doc(participation)
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
    if doc_id is not None and not counts.empty:
        date = participation.attrs.get("date")
        conf = counts[(counts["unit"] == "countries") & (counts["subject"] == "attendance")]
        when = pd.to_datetime(conf["as_of"])
        ref = date if date is not None else when[conf["doc_id"] == doc_id].min()
        years = participation.loc[participation["doc_id"] == doc_id, "year"]
        year = int(years.iloc[0]) if len(years) else None
        near = (
            conf[(when.dt.year == year)]
            if ref is None or pd.isna(ref)
            else conf[(when - ref).abs() <= pd.Timedelta(days=window_days)]
        )
        for r in near.itertuples():
            rows.append((f'countries stated: "{r.text}"', int(r.count), r.paragraph_id))
    return pd.DataFrame(rows, columns=["what", "count", "source"]).set_index("what")


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
    both = pd.concat([a, b], ignore_index=True)
    wide = both.pivot_table(
        index=["source", "year", "qualifier"], columns="unit", values="count", aggfunc="first", dropna=False
    ).reset_index()
    wide = wide.dropna(how="all", subset=[c for c in wide.columns if c not in ("source", "year", "qualifier")])
    order = [
        c
        for c in ("member states", "member organisations", "members", "observer states", "observer organisations")
        if c in wide.columns
    ]
    wide = wide[["source", "year", "qualifier", *order]]
    wide["year"] = wide["year"].astype("Int64")
    wide = wide.sort_values(["year", "source"], na_position="last", kind="stable")
    wide.columns.name = None
    return wide.set_index("source").astype({c: "Int64" for c in order})


def growth_table(panel: pd.DataFrame, counts: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """Long table year, series, value: states per status in the panel, and stated country/member totals."""
    per = panel.groupby(["year", "status"]).size().rename("value").reset_index()
    per["series"] = "panel: " + per["status"].str.replace("_", "-")
    stated = counts[
        counts["unit"].isin(["countries", "members"]) & counts["subject"].isin(["attendance", "membership"])
    ]
    s1 = pd.DataFrame(
        {
            "year": pd.to_datetime(stated["as_of"]).dt.year,
            "series": "stated (corpus): " + stated["unit"] + ", " + stated["subject"],
            "value": stated["count"].astype(int),
        }
    )
    t = totals[totals["year"].notna() & totals["unit"].isin(["countries", "members", "member states"])]
    s2 = pd.DataFrame(
        {
            "year": t["year"].astype(int),
            "series": "stated (outside): " + t["unit"] + ", " + t["scope"],
            "value": t["count"].astype(int),
        }
    )
    out = pd.concat([per[["year", "series", "value"]], s1, s2], ignore_index=True)
    out = out.groupby(["year", "series"], as_index=False)["value"].max()
    return out.sort_values(["year", "series"]).reset_index(drop=True)


def summary(participation: pd.DataFrame, counts: pd.DataFrame, panel: pd.DataFrame) -> dict[str, object]:
    """Headline numbers of the corpus tables, for glueing; absent values are ``None``.

    Totals stated by outside sources are picked by :func:`stated_totals`, with the choice of source made by
    the chapter."""
    doc = _conference_doc(participation)
    sub = participation[participation["doc_id"] == doc]
    st, org = sub[sub["kind"] == "state"], sub[sub["kind"] == "organisation"]

    def stated(unit: str, subject: str, pick: str = "first") -> int | None:
        c = counts[(counts["unit"] == unit) & (counts["subject"] == subject)]
        if c.empty:
            return None
        return int(c["count"].iloc[0] if pick == "first" else c["count"].iloc[-1])

    n_listed = int(st["iso3"].nunique())
    press = stated("countries", "attendance", "first")
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
        "press_countries": press,
        "press_gap": (press - n_listed) if press is not None else None,
        "som2_delegates": stated("delegates", "attendance"),
        "som2_countries": stated("countries", "attendance", "last"),
        "som2_orgs": stated("organisations", "attendance"),
        "mfat_members": stated("members", "membership"),
        "untoc_parties": stated("parties", "treaty_parties"),
        "n_counts": len(counts),
        "n_panel_rows": len(panel),
        "n_panel_states": int(panel["iso3"].nunique()),
        "panel_first_year": int(panel["year"].min()) if len(panel) else None,
        "panel_last_year": int(panel["year"].max()) if len(panel) else None,
    }


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
