"""Membership over time, with its quantities kept apart, and when each participant first appears.

Three different quantities are stated by the corpus and by outside sources, and they are never one series:
attendance (countries at one meeting, or expected at it), member states (or "countries and territories", as
some sources write) and members including organisations (:data:`QUANTITIES`, :func:`stated_series`). The
state-year panel is a fourth thing: states for which a dated source shows a status (:func:`panel_counts`).

:func:`first_appearances` narrows, for every participant that the founding statement does not list as a
participant or co-chair, the first year a dated source shows it, the last year it is shown as an observer and
the first year it is shown as a member; a join year is "known" only where a source states it. A status at a
meeting of the Ad Hoc Group (a curated row whose ``body`` is ``ad_hoc_group``) can give the first year seen,
labelled as the group's, but never the years as observer or member, which are statuses in the process.
"""

from __future__ import annotations

import pandas as pd

from .names import resolve_names
from .panel import STATUS_RANK, status_words
from .sources import GROUP_BODY, PROCESS_BODY

__all__ = [
    "ATTENDANCE",
    "EXPECTED",
    "INVITED",
    "MEMBERS",
    "MEMBERS_ATTENDING",
    "MEMBER_STATES",
    "QUANTITIES",
    "first_appearances",
    "panel_counts",
    "quantity_of",
    "range_sentence",
    "stated_series",
]

ATTENDANCE = "countries attending one meeting"
MEMBERS_ATTENDING = "member or participating states attending one meeting (observers apart)"
EXPECTED = "countries expected at one meeting (announced beforehand)"
INVITED = "countries invited to one meeting"
MEMBER_STATES = "member states (or countries and territories)"
MEMBERS = "members, organisations included"
QUANTITIES = (ATTENDANCE, MEMBERS_ATTENDING, EXPECTED, INVITED, MEMBER_STATES, MEMBERS)
_MEMBER_STATE_UNITS = ("member states", "member countries", "member countries and territories")
_ATTENDING_MEMBER_UNITS = ("member states", "member countries", "participating countries")


def quantity_of(scope: str, unit: str, prospective: bool = False) -> str | None:
    """Which of :data:`QUANTITIES` a stated count measures (``None`` for delegates, organisations alone,
    observers and anything else that is not drawn). At a meeting, "countries" is every country counted
    (observers possibly included, the source does not say), while "member countries" or "participating
    countries" leave the observers out; an invitation is a quantity of its own; a count announced before a
    meeting (scope "expected") is a forecast."""
    expected = prospective or scope == "expected"
    if scope in ("attendance", "expected") and unit == "countries":
        return EXPECTED if expected else ATTENDANCE
    if scope in ("attendance", "expected") and unit in _ATTENDING_MEMBER_UNITS:
        return EXPECTED if expected else MEMBERS_ATTENDING
    if scope == "invitation" and unit in ("members", "countries"):
        return INVITED
    if scope == "membership" and (unit in _MEMBER_STATE_UNITS or unit == "countries"):
        return MEMBER_STATES
    if scope == "membership" and unit == "members":
        return MEMBERS
    return None


def _dated_by(quantity: str) -> str:
    """What the year of a stated count is: a meeting's counts are dated by the meeting they count, a
    membership total by the year its source speaks of."""
    if quantity in (ATTENDANCE, MEMBERS_ATTENDING, EXPECTED, INVITED):
        return "the meeting counted"
    return "the source's date"


def stated_series(counts: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """Dated counts of each quantity: year, quantity, value, qualifier, source (a paragraph id for the
    corpus, a bibliography key for outside sources). Undated outside totals are left out (they have no
    year to be drawn at); a count that the corpus and the curated totals both hold is kept once."""
    corpus = pd.DataFrame(
        {
            "year": pd.to_datetime(counts["as_of"]).dt.year,
            "quantity": [
                quantity_of(s, u, bool(p))
                for s, u, p in zip(counts["subject"], counts["unit"], counts["prospective"], strict=True)
            ],
            "value": counts["count"],
            "qualifier": counts["qualifier"],
            "source": counts["paragraph_id"],
        }
    )
    dated = totals[totals["year"].notna()]
    outside = pd.DataFrame(
        {
            "year": dated["year"],
            "quantity": [quantity_of(s, u) for s, u in zip(dated["scope"], dated["unit"], strict=True)],
            "value": dated["count"],
            "qualifier": dated["qualifier"],
            "source": dated["source"],
        }
    )
    frames = [f.dropna(subset=["quantity"]) for f in (corpus, outside)]
    frames = [f for f in frames if len(f)] or [corpus.iloc[0:0]]
    out = pd.concat(frames, ignore_index=True)
    out = out.astype({"year": int, "value": int}).drop_duplicates(["year", "quantity", "value", "source"])
    order = {q: i for i, q in enumerate(QUANTITIES)}
    out = out.assign(_o=out["quantity"].map(order)).sort_values(["_o", "year", "value", "source"], kind="stable")
    out["dated_by"] = [_dated_by(q) for q in out["quantity"]]
    columns = ["quantity", "year", "value", "qualifier", "source", "dated_by"]
    return out.drop(columns="_o").reset_index(drop=True)[columns]


def range_sentence(stated: pd.DataFrame, quantity: str, what: str) -> str:
    """One clause that states the range of one quantity from its rows, with the years and the number of
    sources: "32 to 48 member or participating states (2003 to 2023, 6 counts from 6 sources)". ``what``
    names the quantity in the clause; an empty string when no row holds the quantity."""
    rows = stated[stated["quantity"] == quantity]
    if rows.empty:
        return ""
    low, high = int(rows["value"].min()), int(rows["value"].max())
    span = f"{low}" if low == high else f"{low} to {high}"
    years = sorted(set(rows["year"].astype(int)))
    when = f"{years[0]}" if len(years) == 1 else f"{years[0]} to {years[-1]}"
    n, n_src = len(rows), rows["source"].nunique()
    counts = f"{n} count{'s' if n != 1 else ''} from {n_src} source{'s' if n_src != 1 else ''}"
    return f"{span} {what} ({when}, {counts})"


def panel_counts(panel: pd.DataFrame) -> pd.DataFrame:
    """States per year and status in the state-year panel (year, status, states)."""
    if panel.empty:
        return pd.DataFrame({"year": [], "status": [], "states": []}).astype({"year": int, "states": int})
    return panel.groupby(["year", "status"]).size().rename("states").reset_index()


def _short_names(curated: pd.DataFrame) -> list[str]:
    """Curated names, each organisation under the canonical short name the corpus listings resolve to."""
    if not len(curated):
        return []
    resolved = resolve_names(sorted(set(curated["name"])))
    short = dict(zip(resolved["name_raw"], resolved["name"], strict=True))
    pairs = zip(curated["name"], curated["kind"], strict=True)
    return [short.get(n, n) if k == "organisation" else n for n, k in pairs]


def _evidence(participation: pd.DataFrame, curated: pd.DataFrame) -> pd.DataFrame:
    """One row per (participant, year, status, source, body) from corpus listings (the process) and dated
    curated rows (their ``body``: the process or the Ad Hoc Group)."""
    listed = participation[
        participation["year"].notna() & participation["role"].isin(["co_chair", "member", "participant", "observer"])
    ]
    a = pd.DataFrame(
        {
            "name": listed["name"],
            "iso3": listed["iso3"],
            "kind": listed["kind"],
            "year": listed["year"].astype(int),
            "status": listed["role"],
            "source": listed["paragraph_id"],
            "body": PROCESS_BODY,
        }
    )
    dated = curated[curated["as_of"].notna()]
    b = pd.DataFrame(
        {
            "name": _short_names(dated),
            "iso3": dated["iso3"].tolist(),
            "kind": dated["kind"].tolist(),
            "year": dated["as_of"].astype(int).tolist(),
            "status": dated["status"].tolist(),
            "source": dated["source"].tolist(),
            "body": dated["body"].tolist(),
        }
    )
    ev = pd.concat([f for f in (a, b) if len(f)] or [a], ignore_index=True)
    ev["key"] = ev["iso3"].where(ev["iso3"] != "", ev["name"])
    return ev


def first_appearances(
    participation: pd.DataFrame,
    curated: pd.DataFrame,
    founding_doc: str | None,
    successors: dict[str, str] | None = None,
) -> pd.DataFrame:
    """For each participant that the founding statement does not list as participant or co-chair and that a
    dated source shows after the founding year: kind, first year and status (a status at the Ad Hoc Group's
    meetings says so: "observer at the Ad Hoc Group"), last year as observer of the process, first year as
    member (or co-chair) of the process and its source, and whether its join is known (only a sourced
    ``joined`` year in the curated list makes it known). Sorted by first year, then name.

    ``successors`` maps an organisation's earlier name to its later one (e.g. ``{"UNODCCP": "UNODC"}``, from
    the ``successor`` column of ``data/organisations.csv``): the earlier name's appearances count as the later
    organisation's, so that a body renamed after the founding conference is not shown as a newcomer."""
    ev = _evidence(participation, curated)
    if successors:
        renamed = ev["key"].map(successors)
        ev["key"] = renamed.fillna(ev["key"])
        pairs = zip(ev["name"], ev["kind"], strict=True)
        ev["name"] = [successors.get(n, n) if k == "organisation" else n for n, k in pairs]
    founding = participation[participation["doc_id"] == founding_doc]
    founders = set(founding.loc[founding["role"].isin(["participant", "co_chair"]), "name"])
    founders |= set(founding.loc[founding["role"].isin(["participant", "co_chair"]), "iso3"]) - {""}
    founding_year = int(founding["year"].iloc[0]) if len(founding) else None
    joined = curated[curated["joined"].notna()]
    # keyed as the evidence is: a state by its code, an organisation by its short name (UNODC, not its full name)
    known = {(i or n): int(j) for i, n, j in zip(joined["iso3"], _short_names(joined), joined["joined"], strict=True)}
    ev["rank"] = ev["status"].map(STATUS_RANK).fillna(0)
    ev["at_group"] = ev["body"] == GROUP_BODY
    rows = []
    for key, group in ev.groupby("key", sort=False):
        if key in founders or (founding_year is not None and group["year"].max() <= founding_year):
            continue
        order = ["year", "at_group", "rank", "source"]
        group = group.sort_values(order, ascending=[True, True, False, True], kind="stable")
        first = group.iloc[0]
        process = group[~group["at_group"]]  # the years as member and as observer are the process's only
        members = process[process["status"].isin(["member", "co_chair"])]
        member_year = int(members["year"].iloc[0]) if len(members) else None
        observed = process[process["status"] == "observer"]
        if member_year is not None:
            observed = observed[observed["year"] <= member_year]
        rows.append(
            {
                "name": first["name"],
                "kind": first["kind"],
                "first seen": int(first["year"]),
                "first as": status_words(str(first["status"]), bool(first["at_group"])),
                "first source": first["source"],
                "last as observer": int(observed["year"].max()) if len(observed) else None,
                "first as member": member_year,
                "member source": members["source"].iloc[0] if len(members) else "",
                "join year": known.get(str(key)),
            }
        )
    columns = [
        "name",
        "kind",
        "first seen",
        "first as",
        "first source",
        "last as observer",
        "first as member",
        "member source",
        "join year",
    ]
    out = pd.DataFrame(rows, columns=columns)
    for col in ("first seen", "last as observer", "first as member", "join year"):
        out[col] = out[col].astype("Int64")
    return out.sort_values(["first seen", "name"], kind="stable").reset_index(drop=True)
