"""Lists, names and counts in documents beyond the shipped corpus (issue 12), one test per example."""

from __future__ import annotations

import pytest

from baliprocess import membership as m
from baliprocess.corpus import load_corpus
from corpusfactory import front


def listed(text: str) -> list[tuple[str, str, str]]:
    """(role, code, kind) of every name listed in a paragraph; code is ISO3 or an organisation's short name."""
    out = []
    for role, lst in m.find_lists(text):
        names = m.resolve_names(m.split_list(lst))
        out += [(role, r.iso3 or r.name, r.kind) for r in names.itertuples()]
    return out


def test_observers_from_also_attended():
    assert listed("3. Observers from Canada, the U.K. and Switzerland also attended.") == [
        ("observer", "CAN", "state"),
        ("observer", "GBR", "state"),
        ("observer", "CHE", "state"),
    ]


def test_observers_among_them_with_an_acronym_in_brackets():
    text = (
        "A number of other States and agencies take part as observers, among them Canada, Germany and the "
        "International Centre for Migration Policy Development (ICMPD)."
    )
    assert listed(text) == [
        ("observer", "CAN", "state"),
        ("observer", "DEU", "state"),
        ("observer", "ICMPD", "organisation"),
    ]


def test_abbreviation_with_full_stops_does_not_end_the_list():
    codes = [code for _, code, _ in listed("The Conference was attended by Cambodia, the U.S., Lao PDR and Thailand.")]
    assert codes == ["KHM", "USA", "LAO", "THA"]


@pytest.mark.parametrize("name, code", [("Korea, Republic of", "KOR"), ("Iran, Islamic Republic of", "IRN")])
def test_inverted_names_keep_their_comma(name, code):
    codes = [c for _, c, _ in listed(f"The meeting was attended by Nepal, {name}, Fiji and Thailand.")]
    assert codes == ["NPL", code, "FJI", "THA"]


def test_non_ascii_name():
    assert listed("Its members include Australia, Türkiye and Myanmar.") == [
        ("member", "AUS", "state"),
        ("member", "TUR", "state"),
        ("member", "MMR", "state"),
    ]


def test_non_breaking_hyphen_in_co_chaired(tmp_path):
    body = "The Group met in Colombo, co\u2011chaired by Indonesia and Australia.\n"
    (tmp_path / "a.md").write_text(front() + body, encoding="utf-8")
    table = m.participation_table(load_corpus(tmp_path))
    assert list(zip(table["role"], table["iso3"], strict=True)) == [("co_chair", "IDN"), ("co_chair", "AUS")]


@pytest.mark.parametrize(
    "text",
    [
        "It was co-chaired by the Foreign Minister of Indonesia and the Foreign Minister of Australia.",
        "Officials met under the joint chairmanship of Indonesia and Australia.",
        "The Mechanism was co-chaired by Indonesia and Australia and attended by Fiji.",
    ],
)
def test_co_chair_wordings(text):
    assert [(r, c) for r, c, _ in listed(text) if r == "co_chair"] == [("co_chair", "IDN"), ("co_chair", "AUS")]


def test_territories_are_not_states():
    assert listed("Participants included Hong Kong SAR, Macao SAR and Nepal.") == [
        ("participant", "HKG", "territory"),
        ("participant", "MAC", "territory"),
        ("participant", "NPL", "state"),
    ]


def test_organisations_inside_a_state_list_are_kept_apart():
    text = "The Conference was attended by Afghanistan, Sri Lanka, UNHCR, IOM and Thailand, together with UNODC."
    assert listed(text) == [
        ("participant", "AFG", "state"),
        ("participant", "LKA", "state"),
        ("participant", "UNHCR", "organisation"),
        ("participant", "IOM", "organisation"),
        ("participant", "THA", "state"),
        ("participant", "UNODC", "organisation"),
    ]


def test_one_canonical_name_per_code():
    names = m.resolve_names(["Republic of Korea", "Korea, Republic of", "South Korea"])
    assert set(names["iso3"]) == {"KOR"} and names["name"].nunique() == 1


def test_unresolved_names_are_exported_not_dropped(tmp_path):
    body = "Delegations from Thailand, Phlippines, the Oceanic Border Alliance and Malaysia attended.\n"
    (tmp_path / "a.md").write_text(front() + body, encoding="utf-8")
    tables = m.build_tables(load_corpus(tmp_path))
    assert tables["unresolved_names"]["name_raw"].tolist() == ["Phlippines", "Oceanic Border Alliance"]
    assert tables["participation"]["iso3"].tolist() == ["THA", "MYS"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Some 120 delegates from 25 member states took part in the meeting.",
            [(120, "attendance"), (25, "attendance")],
        ),
        ("The conference was attended by 41 countries.", [(41, "attendance")]),
        ("Delegates from 30 countries participated in the workshop.", [(30, "attendance")]),
        ("New Zealand is a member of the Bali Process, which has 49 members.", [(49, "membership")]),
        ("The Process has 49 members, comprising 45 member states.", [(49, "membership"), (45, "membership")]),
        ("The membership of 45 states was confirmed.", [(45, "membership")]),
        ("Some 90 delegates representing 33 members took part.", [(90, "attendance"), (33, "attendance")]),
    ],
)
def test_count_subject_from_the_verb(sentence, expected):
    assert [(c["count"], c["subject"]) for c in m.extract_counts(sentence)] == expected
