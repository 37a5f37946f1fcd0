"""Tests for baliprocess.membership. Expected numbers were counted by hand from the corpus text."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from baliprocess import membership as m
from baliprocess.corpus import REPO_ROOT, load_corpus
from baliprocess.export import build_tables
from corpusfactory import front, write


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def part(corpus):
    return m.participation_table(corpus)


@pytest.fixture(scope="module")
def counts(corpus):
    return m.counts_table(corpus)


# --- the 2002 lists, counted by reading cochairs-2002-p05 and -p06 ---------------------------------------
# p05 names 36 states after "attended by" (Afghanistan ... Vanuatu and Vietnam) plus the co-chairs Indonesia
# and Australia, and two organisations (IOM, UNHCR) after "as well as". p06 names 15 observer states (Austria
# ... the United Kingdom and the United States) and 12 observer organisations (ASEAN Secretariat ... UNODCCP).


def test_2002_participating_states(part):
    p05 = part[(part["paragraph_id"] == "cochairs-2002-p05") & (part["kind"] == "state")]
    assert (p05["role"] == "participant").sum() == 36
    assert sorted(p05.loc[p05["role"] == "co_chair", "iso3"]) == ["AUS", "IDN"]
    assert p05["iso3"].nunique() == 38
    assert {"AFG", "VUT", "VNM", "TLS", "TUR"} <= set(p05["iso3"])


def test_2002_participating_organisations(part):
    p05 = part[(part["paragraph_id"] == "cochairs-2002-p05") & (part["kind"] == "organisation")]
    assert sorted(p05["name"]) == ["IOM", "UNHCR"]
    assert set(p05["iso3"]) == {""}


def test_2002_observers(part):
    p06 = part[part["paragraph_id"] == "cochairs-2002-p06"]
    assert set(p06["role"]) == {"observer"}
    states = p06[p06["kind"] == "state"]
    orgs = p06[p06["kind"] == "organisation"]
    assert len(states) == 15
    assert len(orgs) == 12
    # "United Kingdom of Great Britain and the United States of America" is two observers, not one.
    assert {"GBR", "USA"} <= set(states["iso3"])
    assert set(orgs["name"]) == {
        "ASEAN Secretariat",
        "PIF Secretariat",
        "EU",
        "UNDP",
        "World Bank",
        "ADB",
        "IGC",
        "INTERPOL",
        "ICRC",
        "IFRC",
        "ILO",
        "UNODCCP",
    }


def test_names_have_no_leading_the_or_stray_space(part):
    assert not part["name_raw"].str.match(r"(?i)^(the|and)\s").any()
    assert (part["name_raw"] == part["name_raw"].str.strip()).all()
    assert "Pacific Islands Forum Secretariat" in set(part["name_raw"])


def test_nothing_listed_is_left_unresolved(corpus):
    assert m.unresolved_items(corpus).empty


def test_korea_north_and_south_get_different_codes():
    res = m.resolve_names(["Republic of Korea", "Democratic Republic of Korea"]).set_index("name_raw")
    assert res.loc["Republic of Korea", "iso3"] == "KOR"
    assert res.loc["Democratic Republic of Korea", "iso3"] == "PRK"


def test_untaet_is_timor_leste():
    res = m.resolve_names(["UNTAET/East Timor"]).iloc[0]
    assert (res["iso3"], res["region"], res["how"]) == ("TLS", "South-eastern Asia", "name_notes.csv")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vanuatu and Vietnam", ["Vanuatu", "Vietnam"]),
        ("Trinidad and Tobago, Fiji", ["Trinidad and Tobago", "Fiji"]),
        ("Bosnia and Herzegovina and Fiji", ["Bosnia and Herzegovina", "Fiji"]),  # the longest one-name run
        (
            "the United Nations Office of Drug Control and Crime Prevention, the World Bank",
            ["United Nations Office of Drug Control and Crime Prevention", "World Bank"],
        ),
        (
            "Intergovernmental Consultations on Migration, Asylum and Refugees, Nepal",
            ["Intergovernmental Consultations on Migration, Asylum and Refugees", "Nepal"],
        ),
        ("2. Austria,  Belgium ,the Netherlands", ["Austria", "Belgium", "Netherlands"]),
    ],
)
def test_split_list(text, expected):
    assert m.split_list(text) == expected


def test_find_lists_generic_wordings():
    text = (
        "Participating countries included Fiji, Nepal and Samoa. Canada and Norway attended as observers. "
        "The Working Group, co-chaired by Malaysia and New Zealand, met."
    )
    assert m.find_lists(text) == [("participant", "Fiji, Nepal and Samoa"), ("observer", "Canada and Norway")]


def test_count_sentence_is_not_a_list():
    assert m.find_lists("The meeting was attended by 139 delegates representing 47 countries.") == []


# --- counts ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "value"),
    [("56", 56), ("nine", 9), ("forty-five", 45), ("twelve", 12), ("1,200", 1200), ("Forty five", 45)],
)
def test_parse_number(word, value):
    assert m.parse_number(word) == value


def test_parse_number_rejects_non_numbers():
    with pytest.raises(ValueError):
        m.parse_number("ninety-ten")


def test_counts_in_the_corpus(counts):
    got = list(zip(counts["paragraph_id"], counts["count"], counts["unit"], counts["subject"], strict=True))
    assert got == [
        ("goff-dalziel-2002-p02", 56, "countries", "expected"),  # "will be attended by": announced (issue 17)
        ("som2-brisbane-2004-p06", 139, "delegates", "attendance"),
        ("som2-brisbane-2004-p06", 47, "countries", "attendance"),
        ("som2-brisbane-2004-p06", 9, "organisations", "attendance"),
        ("mfat-smuggling-page-p06", 183, "parties", "treaty_parties"),
        ("mfat-smuggling-page-p13", 49, "members", "membership"),
    ]
    nine = counts[counts["count"] == 9].iloc[0]
    assert nine["text"] == "nine international and regional organisations"
    assert counts.loc[counts["count"] == 56, "prospective"].item()
    assert not counts.loc[counts["count"] == 47, "prospective"].item()
    assert set(counts["as_of_basis"]) == {"document"}


def test_counts_words_qualifiers_and_event_dates():
    rows = m.extract_counts(
        "On 5 March 2013 more than forty-five countries and twelve observers met in 2004 "
        "rooms. It will be attended by 300 delegates."
    )
    assert [(r["count"], r["unit"], r["qualifier"], r["prospective"]) for r in rows] == [
        (45, "countries", "more than", False),
        (12, "observers", "", False),
        (300, "delegates", "", True),
    ]
    assert rows[0]["event_date"] == pd.Timestamp("2013-03-05")
    assert pd.isna(rows[2]["event_date"])


def test_a_year_is_not_a_count():
    assert m.extract_counts("In 2002 countries met.") == []


# --- panel and views -------------------------------------------------------------------------------------


def test_panel_rules():
    part = pd.DataFrame(
        {
            "doc_id": "d",
            "paragraph_id": ["d-p01", "d-p01", "d-p02"],
            "iso3": ["AAA", "BBB", "AAA"],
            "kind": "state",
            "role": ["participant", "observer", "member"],
            "year": pd.array([2002, 2002, 2010], dtype="Int64"),
        }
    )
    mem = pd.DataFrame(
        {
            "name": ["A", "B", "C"],
            "iso3": ["AAA", "BBB", ""],
            "kind": ["state", "state", "organisation"],
            "status": ["member", "member", "member"],
            "body": "process",
            "as_of": pd.array([2004, 2003, 2019], dtype="Int64"),
            "joined": pd.array([2002, pd.NA, pd.NA], dtype="Int64"),
            "source": ["k1", "k2", "k3"],
        }
    )
    panel = m.membership_panel(part, mem)
    got = list(panel.itertuples(index=False, name=None))
    assert got == [
        ("AAA", 2002, "participant", "d-p01"),
        ("AAA", 2003, "member", "k1"),
        ("AAA", 2004, "member", "k1"),
        ("AAA", 2010, "member", "d-p02"),
        ("BBB", 2002, "observer", "d-p01"),
        ("BBB", 2003, "member", "k2"),
    ]


def test_real_panel_2002(part):
    panel = m.membership_panel(part, m.load_membership())
    y2002 = panel[panel["year"] == 2002]["status"].value_counts().to_dict()
    assert y2002 == {"participant": 36, "observer": 15, "co_chair": 2}
    assert not panel.duplicated(["iso3", "year"]).any()
    assert panel.loc[(panel["iso3"] == "VNM") & (panel["year"] == 2003), "status"].item() == "member"
    # the Maldives: observer at the Ad Hoc Group in Perth (2009), then present at its meetings, which give no
    # status in the process; absent years are unknown, not filled
    assert panel[(panel["iso3"] == "MDV")]["year"].tolist() == [2009, 2010, 2011, 2017]
    assert set(panel.loc[panel["iso3"] == "MDV", "status"]) == {"ad_hoc_group"}
    assert "HKG" not in set(panel["iso3"])  # a territory is never a state-year


def test_role_kind_and_region_tables(part):
    rk = m.role_kind_table(part, "cochairs-2002")
    assert rk.loc["participant", "state"] == 36 and rk.loc["observer", "organisation"] == 12
    assert rk.loc["total", "total"] == 67
    reg = m.region_table(part, "cochairs-2002")
    assert reg.loc["South-eastern Asia", "total"] == 11  # BRN KHM LAO MYS MMR PHL SGP THA TLS VNM + IDN
    assert reg.loc["International organisations", "total"] == 14
    assert reg["total"].sum() == 67
    assert reg.index[-1] == "International organisations"


def test_reconciliation_founding(corpus, part, counts):
    date = corpus.documents.set_index("doc_id").loc["cochairs-2002", "date"]
    rec = m.reconcile_founding(part, counts, "cochairs-2002", date, not_yet_independent=["UNTAET"])["count"]
    assert rec["states listed in all"] == 53
    assert rec['countries stated: "56 countries"'] == 56
    assert rec["of the co-chairs and participants: not yet independent"] == 1
    assert m.reconcile_founding(part, counts, None, None).empty


def test_founding_document_is_chosen_by_the_stated_rule(corpus, part):
    assert m.founding_document(corpus.documents, part) == "cochairs-2002"
    # a later statement with longer lists does not displace the earliest statement whose lists are read
    later = part[part["doc_id"] == "cochairs-2002"].assign(doc_id="later", year=2016)
    longer = pd.concat([part, later, later], ignore_index=True)
    docs = pd.concat(
        [
            corpus.documents,
            pd.DataFrame({"doc_id": ["later"], "doc_type": ["statement"], "date": [pd.Timestamp("2016-03-23")]}),
        ],
        ignore_index=True,
    )
    assert m.founding_document(docs, longer) == "cochairs-2002"
    # lists in a document that is not a statement do not make it the founding statement
    assert m.founding_document(corpus.documents.assign(doc_type="press_release"), part) is None


def test_meeting_counts_come_from_that_meetings_document(corpus, counts):
    meeting = m.first_counted_meeting(corpus.documents, counts)
    assert meeting == "som2-brisbane-2004"
    got = m.meeting_counts(counts, meeting)
    assert (got["countries"], got["delegates"], got["organisations"]) == (47, 139, 9)
    assert got["paragraph_id"] == "som2-brisbane-2004-p06"
    # a later document's count of countries is not the meeting's
    extra = pd.concat([counts, counts.iloc[[2]].assign(doc_id="later", count=99, paragraph_id="later-p01")])
    assert m.meeting_counts(extra, meeting)["countries"] == 47
    assert m.meeting_counts(counts, None) == {}


def test_stated_series_keeps_quantities_apart(counts):
    s = m.stated_series(counts, m.load_totals())
    by = s.groupby("quantity")["source"].apply(set)
    assert "goff-dalziel-2002-p02" in by["countries expected at one meeting (announced beforehand)"]
    assert "dfat-bishop-2016" in by["countries attending one meeting"]
    assert "dfat-bishop-2016" not in by["member states (or countries and territories)"]
    assert "mem-iom-weblog-2016" in by["member states (or countries and territories)"]
    assert set(s.loc[s["quantity"] == "members, organisations included", "value"]) == {49}
    assert m.quantity_of("attendance", "delegates") is None
    assert m.quantity_of("membership", "member organisations") is None
    assert not s.duplicated(["year", "quantity", "value", "source"]).any()


def test_first_appearances_narrow_joins(part):
    fa = m.first_appearances(part, m.load_membership(), "cochairs-2002").set_index("name")
    usa = fa.loc["United States"]
    # an observer of the Ad Hoc Group in March 2011 and a new member of the group in October 2011: neither is a
    # status in the process, whose membership senior officials welcomed on 1 April 2013 (bp-fifth-som-2013)
    assert (usa["first seen"], usa["first as"], usa["last as observer"], usa["first as member"]) == (
        2002,
        "observer",
        2002,
        2013,
    )
    assert usa["member source"] == "bp-fifth-som-2013" and usa["join year"] == 2013
    # first seen at the group's Perth meeting (2009), labelled so; no dated source gives a process status
    mdv = fa.loc["Maldives"]
    assert (mdv["first seen"], mdv["first as"]) == (2009, "observer at the Ad Hoc Group")
    assert pd.isna(mdv["last as observer"]) and pd.isna(mdv["first as member"])
    assert fa.loc["Hong Kong SAR", "kind"] == "territory" and pd.isna(fa.loc["Hong Kong SAR", "first as member"])
    # founding participants are not listed: their join is the founding conference
    assert "Viet Nam" not in fa.index and "IOM" not in fa.index
    assert fa["first seen"].is_monotonic_increasing


@pytest.mark.filterwarnings("error")
def test_views_on_a_corpus_without_lists(tmp_path: Path):
    write(tmp_path, "a.md", front(title="Note", date="2019-06-30") + "Officials met and agreed to meet again.\n")
    c = load_corpus(tmp_path)
    part, counts = m.participation_table(c), m.counts_table(c)
    doc = m.founding_document(c.documents, part)
    assert doc is None
    assert m.role_kind_table(part, doc).empty and m.region_table(part, doc).empty
    panel = m.membership_panel(part, m.load_membership())
    values = m.for_prose(m.chapter_facts(part, counts, panel, doc, m.meeting_counts(counts, None)))
    m.stated_series(counts, m.load_totals())
    m.totals_table(counts, m.load_totals())
    m.first_appearances(part, m.load_membership(), doc)
    assert values["press_countries"] == "not available" and values["som2_countries"] == "not available"
    assert all(v is not None for v in values.values())
    m.region_figure(m.region_table(part, doc))
    m.growth_figure(m.panel_counts(panel.iloc[0:0]), m.stated_series(counts, m.load_totals().iloc[0:0]))


def test_curated_files_are_sourced():
    mem = m.load_membership()
    # one entry per source: a source shared with another chapter (e.g. a press conference) is in that chapter's bib
    bib = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO_ROOT / "book" / "bib").glob("*.bib")))
    paragraph_ids = set(load_corpus().paragraphs["paragraph_id"])
    for source in set(mem["source"]) | set(m.load_totals()["source"]) | set(m.load_organisations()["source"]):
        assert source in paragraph_ids or f"{{{source}," in bib, source


def test_bigger_corpus_finds_new_lists(tmp_path: Path):
    write(
        tmp_path,
        "a.md",
        front(title="Meeting", date="2009-04-15")
        + "The conference was attended by Maldives, the United Arab Emirates and Tonga, as well as the "
        "International Organization for Migration.\n\nThe meeting was attended by forty delegates.\n",
    )
    c = load_corpus(tmp_path)
    part = m.participation_table(c)
    assert list(zip(part["name"], part["kind"], strict=True)) == [
        ("Maldives", "state"),
        ("United Arab Emirates", "state"),
        ("Tonga", "state"),
        ("IOM", "organisation"),
    ]
    assert m.counts_table(c)["count"].tolist() == [40]
    tables = build_tables(c)
    assert len(tables["membership_panel"]) > 0


def test_region_overrides_follow_un_m49():
    from baliprocess.membership import resolve_names

    regions = resolve_names(["Nauru", "Kiribati", "Palau", "Samoa"]).set_index("name_raw")["region"]
    assert regions.to_dict() == {
        "Nauru": "Micronesia",
        "Kiribati": "Micronesia",
        "Palau": "Micronesia",
        "Samoa": "Polynesia",
    }


def test_territories_are_never_counted_as_states(tmp_path: Path):
    write(
        tmp_path,
        "a.md",
        front(title="Statement", date="2013-04-02", doc_type="statement")
        + "The conference was attended by Thailand, Hong Kong SAR and Malaysia, as well as the International "
        "Organization for Migration.\n",
    )
    c = load_corpus(tmp_path)
    part = m.participation_table(c)
    doc = m.founding_document(c.documents, part)
    assert doc is not None
    rk = m.role_kind_table(part, doc)
    assert (rk.loc["participant", "state"], rk.loc["participant", "territory"]) == (2, 1)
    values = m.chapter_facts(part, m.counts_table(c), m.membership_panel(part, m.load_membership().iloc[0:0]), doc, {})
    assert values["n_listed_states"] == 2 and values["n_participant_states"] == 2
    panel = m.membership_panel(part, m.load_membership().iloc[0:0])
    assert set(panel["iso3"]) == {"THA", "MYS"}


def test_curated_view_says_what_each_source_shows():
    view = m.curated_view(m.load_membership())
    assert list(view.columns) == ["name", "kind", "shows", "source", "note"]
    assert view.loc[0, "shows"] == "co-chair in 2024; joined 2002"
    assert "co-chair, undated" in set(view["shows"])
    assert len(view) == len(m.load_membership())


def test_attendance_invitation_and_membership_are_different_quantities():
    assert m.quantity_of("attendance", "countries") == "countries attending one meeting"
    members_attending = m.quantity_of("attendance", "member countries")
    assert (
        members_attending
        == m.quantity_of("attendance", "participating countries")
        != m.quantity_of("attendance", "countries")
    )
    assert m.quantity_of("invitation", "members") == "countries invited to one meeting"
    assert m.quantity_of("attendance", "observer states") is None
    assert m.quantity_of("membership", "member countries") == "member states (or countries and territories)"


def test_range_sentence_is_computed_from_the_rows():
    stated = pd.DataFrame(
        {
            "quantity": ["a", "a", "a", "b"],
            "year": [2003, 2016, 2023, 2016],
            "value": [32, 44, 36, 54],
            "source": ["x", "y", "y", "z"],
        }
    )
    expected = "32 to 44 member states (2003 to 2023, 3 counts from 2 sources)"
    assert m.range_sentence(stated, "a", "member states") == expected
    assert m.range_sentence(stated, "b", "countries") == "54 countries (2016, 1 count from 1 source)"
    assert m.range_sentence(stated, "c", "anything") == ""


def test_stated_series_dates_meetings_and_totals_differently(counts):
    s = m.stated_series(counts, m.load_totals())
    meetings = s[s["quantity"].str.contains("meeting")]
    assert set(meetings["dated_by"]) == {"the meeting counted"}
    assert set(s.loc[s["quantity"] == "members, organisations included", "dated_by"]) == {"the source's date"}
    # 2016: all countries (54), member countries attending (44) and countries invited (48) are three quantities
    y2016 = s[s["year"] == 2016].groupby("quantity")["value"].apply(set)
    assert 54 in y2016["countries attending one meeting"]
    assert 44 in y2016["member or participating states attending one meeting (observers apart)"]
    assert 48 in y2016["countries invited to one meeting"]


def test_member_list_keeps_territories_apart_from_states():
    curated = pd.DataFrame(
        {
            "name": ["Thailand", "Hong Kong SAR", "IOM", "Canada", "Fiji"],
            "iso3": ["THA", "HKG", "", "CAN", "FJI"],
            "kind": ["state", "territory", "organisation", "state", "state"],
            "status": ["member", "member", "member", "observer", "member"],
            "source": ["list", "list", "list", "list", "other"],
        }
    )
    totals = pd.DataFrame({"source": ["list"], "unit": ["member states"], "count": [3]})
    table = m.member_list(curated, "list")
    values = m.member_list_values(table, totals, "list")
    assert (values["list_member_states"], values["list_member_territories"], values["list_member_orgs"]) == (1, 1, 1)
    assert values["list_member_states_and_territories"] == 2 and values["list_stated_member_states"] == 3
    assert values["list_observer_states"] == 1 and values["list_territory_names"] == "Hong Kong SAR"
    assert values["list_stated_observer_states"] is None
    assert m.member_list(curated, "nowhere").empty


def test_official_list_in_the_curated_data():
    listed = m.member_list(m.load_membership(), "iom-bp-members")
    values = m.member_list_values(listed, m.load_totals(), "iom-bp-members")
    territories = set(values["list_territory_names"].split(", "))
    assert {"Hong Kong SAR", "Macao SAR"} <= territories
    assert values["list_member_states_and_territories"] <= values["list_stated_member_states"]


def test_renamed_organisation_is_not_a_newcomer(part):
    successors = m.successor_names(m.load_organisations())
    assert successors == {"UNODCCP": "UNODC"}
    fa = m.first_appearances(part, m.load_membership(), "cochairs-2002", successors).set_index("name")
    assert fa.loc["UNODC", "first seen"] == 2002 and fa.loc["UNODC", "first as"] == "observer"
    # a curated join year reaches an organisation under its short name (bp-fifth-som-2013 row)
    assert fa.loc["UNODC", "join year"] == 2013
    assert "UNODCCP" not in fa.index
    without = m.first_appearances(part, m.load_membership(), "cochairs-2002").set_index("name")
    assert without.loc["UNODC", "first seen"] > 2002
