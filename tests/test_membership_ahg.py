"""A status at a meeting of the Ad Hoc Group is not a status in the Bali Process: the ``body`` column of
``data/membership.csv``, the panel's own ``ad_hoc_group`` status and the first-appearance table."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from baliprocess import membership as m
from baliprocess.corpus import load_corpus

NO_LISTINGS = pd.DataFrame(
    {
        "doc_id": pd.Series([], dtype=str),
        "paragraph_id": pd.Series([], dtype=str),
        "name": pd.Series([], dtype=str),
        "iso3": pd.Series([], dtype=str),
        "kind": pd.Series([], dtype=str),
        "role": pd.Series([], dtype=str),
        "year": pd.array([], dtype="Int64"),
    }
)


def curated(*rows: tuple[str, str, str, int, str]) -> pd.DataFrame:
    """Curated rows (iso3, status, body, as_of, source) for one state each."""
    return pd.DataFrame(
        {
            "name": [f"State {r[0]}" for r in rows],
            "iso3": [r[0] for r in rows],
            "kind": "state",
            "status": [r[1] for r in rows],
            "body": [r[2] for r in rows],
            "as_of": pd.array([r[3] for r in rows], dtype="Int64"),
            "joined": pd.array([pd.NA] * len(rows), dtype="Int64"),
            "source": [r[4] for r in rows],
            "note": "",
        }
    )


@pytest.fixture(scope="module")
def part():
    return m.participation_table(load_corpus())


def test_every_curated_row_names_its_body():
    mem = m.load_membership()
    assert set(mem["body"]) == set(m.BODIES)
    # each Ad Hoc Group source is the group's on every row, and no other source is
    group_sources = set(mem.loc[mem["body"] == "ad_hoc_group", "source"])
    assert group_sources == {
        "bp-second-ahg",
        "ahg-workshop-2010",
        "mem-bp-fourth-ahg-2011",
        "mem-bp-fifth-ahg-2011",
        "bp-ninth-ahg",
        "bp-twelfth-ahg",
    }
    assert not set(mem.loc[mem["body"] == "process", "source"]) & group_sources


@pytest.mark.parametrize("value", ["Process", "ahg", ""])
def test_an_unknown_body_is_one_line_naming_the_row(tmp_path: Path, value: str):
    shutil.copy(m.DATA_DIR / "membership.csv", tmp_path / "membership.csv")
    lines = (tmp_path / "membership.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    name, iso3, kind, status, _body, rest = lines[2].split(",", 5)
    lines[2] = ",".join([name, iso3, kind, status, value, rest])
    (tmp_path / "membership.csv").write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ValueError) as err:
        m.load_membership(tmp_path)
    message = str(err.value)
    assert "\n" not in message and "line 3" in message and name in message and "ad_hoc_group" in message


def test_every_row_with_an_unknown_body_is_reported_at_once(tmp_path: Path):
    shutil.copy(m.DATA_DIR / "membership.csv", tmp_path / "membership.csv")
    lines = (tmp_path / "membership.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    names = []
    for index, value in ((2, "ahg"), (5, "")):
        name, iso3, kind, status, _body, rest = lines[index].split(",", 5)
        lines[index] = ",".join([name, iso3, kind, status, value, rest])
        names.append(name)
    (tmp_path / "membership.csv").write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ValueError) as err:
        m.load_membership(tmp_path)
    reported = str(err.value).splitlines()
    assert len(reported) == 2
    assert "line 3" in reported[0] and names[0] in reported[0] and "'ahg'" in reported[0]
    assert "line 6" in reported[1] and names[1] in reported[1] and "''" in reported[1]


def test_a_missing_body_column_is_an_error(tmp_path: Path):
    m.load_membership().drop(columns="body").to_csv(tmp_path / "membership.csv", index=False)
    with pytest.raises(ValueError, match="no column 'body'"):
        m.load_membership(tmp_path)


def test_usa_is_no_process_member_in_2011(part):
    panel = m.membership_panel(part, m.load_membership()).set_index(["iso3", "year"])
    # a new member of the Ad Hoc Group in October 2011 (mem-bp-fifth-ahg-2011), of the process from 2013
    assert panel.loc[("USA", 2011), "status"] == "ad_hoc_group"
    assert panel.loc[("USA", 2013), "status"] == "member"
    assert panel.loc[("USA", 2015), "status"] == "ad_hoc_group"  # present at the group, not a demotion
    assert panel.loc[("PHL", 2011), "status"] == "ad_hoc_group"
    # a process source for the same state-year outweighs the group's list (Viet Nam, member since 2002)
    assert panel.loc[("VNM", 2011), "status"] == "member"
    assert panel.loc[("VNM", 2011), "basis"] == "mem-vietnamnet-2019"


def test_a_group_only_year_has_the_group_status_and_a_process_source_wins():
    mem = curated(
        ("AAA", "member", "ad_hoc_group", 2011, "ahg-a"),  # a "new member" of the group only
        ("BBB", "member", "ad_hoc_group", 2011, "ahg-a"),
        ("BBB", "observer", "process", 2011, "som-b"),  # the weakest process status still wins
        ("CCC", "participant", "ad_hoc_group", 2015, "ahg-c"),
        ("CCC", "member", "process", 2013, "som-c"),
    )
    got = list(m.membership_panel(NO_LISTINGS, mem).itertuples(index=False, name=None))
    assert got == [
        ("AAA", 2011, "ad_hoc_group", "ahg-a"),
        ("BBB", 2011, "observer", "som-b"),
        ("CCC", 2013, "member", "som-c"),
        ("CCC", 2015, "ad_hoc_group", "ahg-c"),
    ]
    assert m.STATUS_RANK["ad_hoc_group"] < min(v for k, v in m.STATUS_RANK.items() if k != "ad_hoc_group")


def test_first_appearances_take_no_process_status_from_the_group():
    mem = curated(
        ("AAA", "observer", "ad_hoc_group", 2009, "ahg-a"),
        ("AAA", "member", "ad_hoc_group", 2011, "ahg-b"),
        ("BBB", "observer", "process", 2010, "som-a"),
        ("BBB", "member", "ad_hoc_group", 2010, "ahg-c"),
        ("BBB", "member", "process", 2013, "som-b"),
    )
    fa = m.first_appearances(NO_LISTINGS, mem, None).set_index("name")
    a, b = fa.loc["State AAA"], fa.loc["State BBB"]
    assert (a["first seen"], a["first as"], a["first source"]) == (2009, "observer at the Ad Hoc Group", "ahg-a")
    assert pd.isna(a["last as observer"]) and pd.isna(a["first as member"]) and a["member source"] == ""
    # in the same year a process source is the first appearance, before the group's
    assert (b["first seen"], b["first as"], b["first source"]) == (2010, "observer", "som-a")
    assert (b["last as observer"], b["first as member"], b["member source"]) == (2010, 2013, "som-b")


def test_the_growth_figure_draws_the_group_status_apart():
    counts = pd.DataFrame({"year": [2011, 2011, 2013], "status": ["ad_hoc_group", "member", "member"], "states": 1})
    fig = m.growth_figure(counts, m.stated_series(m.counts_table(load_corpus()).iloc[0:0], m.load_totals()))
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels[0] == "member" and "Ad Hoc Group" in labels[-1] and "no\nstatus in the process" in labels[-1]
    hatches = [m.figures.HATCHES[s] for s in m.PANEL_STATUSES]
    assert len(set(hatches)) == len(hatches)
