"""The state-year panel of status, from corpus listings and the curated ``data/membership.csv``."""

from __future__ import annotations

import pandas as pd

from ..rows import each_row
from .sources import GROUP_BODY

__all__ = ["GROUP_STATUS", "PANEL_STATUSES", "ROLES", "STATUS_RANK", "membership_panel", "status_words"]

ROLES = ("co_chair", "participant", "observer", "member")
#: The panel's status for a state-year whose only evidence is a meeting of the Ad Hoc Group (a curated row
#: whose ``body`` is ``ad_hoc_group``): present at the group, which is no status in the process itself.
GROUP_STATUS = "ad_hoc_group"
#: When a state has several statuses in one year, the strongest is kept (a co-chair is also a member); any
#: status in the process ranks above presence at the Ad Hoc Group.
STATUS_RANK = {"co_chair": 4, "member": 3, "participant": 2, "observer": 1, GROUP_STATUS: 0}
#: The panel's statuses, strongest first (the order of the growth figure's legend).
PANEL_STATUSES = ("co_chair", "member", "participant", "observer", GROUP_STATUS)


def status_words(status: str, at_group: bool) -> str:
    """A status as a reader reads it: ``co-chair``, ``observer``; one at a meeting of the Ad Hoc Group says so
    (``observer at the Ad Hoc Group``), since it is no status in the process."""
    return status.replace("_", "-") + (" at the Ad Hoc Group" if at_group else "")


def membership_panel(participation: pd.DataFrame, membership: pd.DataFrame) -> pd.DataFrame:
    """State-year status from the corpus and the curated list; years without evidence stay absent.

    Evidence: a corpus listing gives its role in the document's year; a curated row gives its status in its
    ``as_of`` year and, when it has a sourced ``joined`` year, in every year from ``joined`` to ``as_of``. A
    curated row about the Ad Hoc Group (``body`` ``ad_hoc_group``), whatever its status there, gives only
    :data:`GROUP_STATUS`, the weakest status, so that any source about the process for the same state-year
    wins. Where a corpus listing and a curated row cover the same state-year, the corpus listing (a document
    of that year) wins over the curated row; among what remains the strongest status in :data:`STATUS_RANK`
    wins. ``basis`` names the sources behind the status kept.
    """
    ev = [
        pd.DataFrame(
            {
                "iso3": s["iso3"],
                "year": s["year"].astype(int),
                "status": s["role"],
                "basis": s["paragraph_id"],
                "tier": 1,
            }
        )
        for s in [
            participation[
                (participation["kind"] == "state")
                & participation["year"].notna()
                & participation["role"].isin(list(STATUS_RANK))  # expected or absent is no status
            ]
        ]
    ]
    states = membership[(membership["kind"] == "state") & (membership["iso3"] != "")]
    for r in each_row(states):
        if pd.notna(r.as_of):
            first = int(r.joined) if pd.notna(r.joined) else int(r.as_of)
            years = range(first, int(r.as_of) + 1)
        elif pd.notna(r.joined):
            years = range(int(r.joined), int(r.joined) + 1)
        else:
            continue
        status = GROUP_STATUS if r.body == GROUP_BODY else r.status
        ev.append(pd.DataFrame({"iso3": r.iso3, "year": list(years), "status": status, "basis": r.source, "tier": 0}))
    allev = pd.concat(ev, ignore_index=True)
    allev = allev[allev["tier"] == allev.groupby(["iso3", "year"])["tier"].transform("max")]
    allev["rank"] = allev["status"].map(STATUS_RANK)
    best = allev.groupby(["iso3", "year"])["rank"].transform("max")
    top = allev[allev["rank"] == best]
    basis = top.groupby(["iso3", "year"])["basis"].agg(lambda b: ";".join(sorted(set(b))))
    status = top.groupby(["iso3", "year"])["status"].first()
    out = pd.concat([status, basis], axis=1).reset_index()
    out["year"] = out["year"].astype(int)
    return out.sort_values(["iso3", "year"]).reset_index(drop=True)
