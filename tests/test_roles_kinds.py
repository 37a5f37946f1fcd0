"""List roles and count kinds on wording the earlier rules missed (issue 17, helper roles3): a role column known
by its cells, "Member" in a list of those who attended, a list continued by "with", co-chairs who "jointly
hosted" or "shared the chair", a single absent name, "expected to" do something else, "may attend", names
picked out of a group of observers, Indonesian plans; counts summarised after a colon, people who "came from",
a standing body in the present tense, "belong to", "set to", "planned for", "has since grown to", observers
who "watched ... as observers", an observer word that belongs to the next count, and an Indonesian clause.
Expectations worked out by hand from invented sentences; tests/dev/roles3/README.md says when each development
document was written."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from baliprocess import heldout, membership
from baliprocess.corpus import load_corpus
from baliprocess.membership.countsid import indonesian_counts, indonesian_kind
from baliprocess.membership.gazetteer import find_mentions
from baliprocess.membership.lists import split_list
from baliprocess.membership.runs import block_entries, sentence_entries

DEV = Path(__file__).parent / "dev" / "roles3"


def _roles(text: str) -> list[tuple[str, str]]:
    return [(e.mention.key, e.role) for e in sentence_entries(text)]


def _table(rows: list[str]) -> list[tuple[str, str]]:
    return sorted((e.mention.key, e.role) for _, e in block_entries(rows))


def test_member_in_a_table_of_delegations_is_a_participant():
    rows = ["Delegation | Status", "Chile | Member", "Peru | Observer", "Bolivia | Member"]
    assert _table(rows) == [("BOL", "participant"), ("CHL", "participant"), ("PER", "observer")]


def test_member_in_a_table_of_members_stays_a_member():
    rows = ["Country | Status", "Chile | Member", "Peru | Observer"]
    assert _table(rows) == [("CHL", "member"), ("PER", "observer")]


def test_a_column_of_roles_is_read_whatever_its_header():
    rows = ["Delegation | Standing at the talks", "Chile | Co-Chair", "Peru | Member", "Bolivia | Observer"]
    assert _table(rows) == [("BOL", "observer"), ("CHL", "co_chair"), ("CHL", "participant"), ("PER", "participant")]


def test_a_column_of_other_words_gives_no_role():
    rows = ["Delegation | Led by", "Chile | Deputy Minister", "Peru | Ambassador"]
    assert _table(rows) == [("CHL", "participant"), ("PER", "participant")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "with" continues the list; the summary after the colon only describes it
        (
            "Present were Chile and Peru, with UNHCR: two member states and one member agency.",
            [("CHL", "participant"), ("PER", "participant"), ("UNHCR", "participant")],
        ),
        ("The talks were jointly hosted by Fiji and Samoa.", [("FJI", "co_chair"), ("WSM", "co_chair")]),
        ("Ghana and Kenya shared the chair this year.", [("GHA", "co_chair"), ("KEN", "co_chair")]),
        ("Tonga was not represented.", [("TON", "absent")]),
        ("Samoa sent its apologies.", [("WSM", "absent")]),
        (
            "Sidang berikutnya direncanakan dihadiri Malaysia dan Thailand.",
            [("MYS", "expected"), ("THA", "expected")],
        ),
        ("Tonga did not send a delegation.", [("TON", "absent")]),
        # "expected to" another act than attending gives no role; "may attend" looks ahead
        ("Chile and Peru are expected to chair two panels.", []),
        ("Chile and Peru may attend the second round.", [("CHL", "expected"), ("PER", "expected")]),
        # names picked out of a group of observers that attended are observers
        (
            "Envoys of six observer states attended, among them Chile and Peru.",
            [("CHL", "observer"), ("PER", "observer")],
        ),
        ("Envoys of six states attended, among them Chile and Peru.", [("CHL", "participant"), ("PER", "participant")]),
        # a state's office stands for the state in a list; the possessive is not part of the name
        (
            "Ghana's Ministry of the Interior and Kenya's Office of the Attorney-General co-chaired the session.",
            [("GHA", "co_chair"), ("KEN", "co_chair")],
        ),
        ("Ghana's Ministry of the Interior funded a study of Kenya and Chile.", []),
        # one name after "by" or "with" counts when the cue itself governs it
        ("The workshop was co-chaired by Ghana.", [("GHA", "co_chair")]),
        (
            "Kenya co-hosted the forum with Ghana's Ministry of Labour.",
            [("KEN", "co_chair"), ("GHA", "co_chair")],
        ),
        ("Research funded by Japan was shown to the delegates who attended.", []),
    ],
)
def test_role_from_the_sentence(text, expected):
    assert _roles(text) == expected


def _counts(text: str) -> list[tuple[int, str, str]]:
    return [(c["count"], c["subject"], c["qualifier"]) for c in membership.extract_counts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a break-down after the colon counts those who came; "observer" belongs to the last count only
        (
            "Nineteen delegations registered: twelve member countries and three observer states.",
            [(19, "attendance", ""), (12, "attendance", ""), (3, "observers", "")],
        ),
        ("Around 80 participants came from 14 countries.", [(80, "attendance", "around"), (14, "attendance", "")]),
        # a standing body in the present tense: membership, although people "from" the countries are named
        ("The Council links ministers from 20 countries.", [(20, "membership", "")]),
        ("The ministers who met in May came from 20 countries.", [(20, "attendance", "")]),
        ("Twelve states belong to the network.", [(12, "membership", "")]),
        ("Nine countries are set to take part in the drill.", [(9, "expected", "")]),
        (
            "Delegates from 22 countries arrived, though the hosts had planned for 25 countries.",
            [(22, "attendance", ""), (25, "expected", "")],
        ),
        (
            "Six countries and two agencies watched the talks as observers.",
            [(6, "observers", ""), (2, "observers", "")],
        ),
        ("The network has since grown to 31 members.", [(31, "membership", "")]),
        # a break-down: a definite few and a closing "one ..." are items of it; alone, neither is a count
        (
            "Twelve delegations attended: nine member states, the two member agencies and one observer state.",
            [(12, "attendance", ""), (9, "attendance", ""), (2, "attendance", ""), (1, "observers", "")],
        ),
        ("The two agencies signed a new arrangement.", []),
        ("Ten countries attended, and one state sent regrets.", [(10, "attendance", "")]),
        # "may attend" near its own count only: the people who registered did come
        (
            "Some 90 delegates registered for the summit, which up to 25 countries may attend.",
            [(90, "attendance", "some"), (25, "expected", "up to")],
        ),
    ],
)
def test_english_count_kinds(text, expected):
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("sentence", "after", "kind"),
    [
        ("Pertemuan direncanakan dihadiri 20 negara.", ".", "expected"),
        (
            "Enam negara hadir sebagai pengamat, sedangkan 3 organisasi internasional ikut serta.",
            " ikut serta.",
            "attendance",
        ),
        (
            "Enam negara hadir sebagai pengamat, sedangkan 3 organisasi internasional ikut serta.",
            " hadir sebagai",
            "observers",
        ),
        ("Sebanyak 8 negara ambil bagian dalam latihan itu.", " ambil bagian", "attendance"),
    ],
)
def test_indonesian_kind_in_its_clause(sentence, after, kind):
    assert indonesian_kind(sentence, "countries", after) == kind


def test_a_possessive_name_is_found_without_its_ending():
    assert [(m.text, m.key) for m in find_mentions("Papua New Guinea’s envoy met Chile's.")] == [
        ("Papua New Guinea", "PNG"),
        ("Chile", "CHL"),
    ]


def test_indonesian_observers_in_one_clause_of_two():
    text = "Lima negara hadir sebagai pengamat, serta 2 organisasi internasional mengikuti rapat."
    assert [(c["count"], c["subject"]) for c in indonesian_counts(text)] == [(5, "observers"), (2, "attendance")]


@pytest.mark.parametrize("name", ["roles3", "kinds4"])
def test_the_development_documents_meet_the_goals(name):
    dev = DEV.parent / name  # kinds4: the documents of tests/test_kinds4.py
    corpus = load_corpus(dev / "corpus")
    lists = pd.read_csv(dev / "lists.csv", dtype=str, keep_default_na=False)
    counts = pd.read_csv(dev / "counts.csv", dtype=str, keep_default_na=False)
    rows = heldout.score_list_entities(membership.participation_table(corpus, keep_unresolved=True), lists)
    rows += heldout.score_count_kinds(membership.counts_table(corpus), counts)
    got = {row["measure"]: row["value"] for row in rows}
    assert got["list role accuracy"] >= 0.9 and got["count kind accuracy"] >= 0.9, got
    assert min(got[f"list entities {m}"] for m in ("precision", "recall")) >= 0.9, got
    assert min(got[f"counts {m}"] for m in ("precision", "recall")) >= 0.9, got


def test_an_item_without_a_capital_names_nobody():
    assert split_list("the two envoys and Chile") == ["Chile"]
    assert split_list("kedua duta besar serta tiga pejabat") == []
    assert split_list("Chlie and Peru") == ["Chlie", "Peru"]  # a misspelt name is still reported
