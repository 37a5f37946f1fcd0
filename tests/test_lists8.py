"""Classes of list and count errors pooled over the development raw sets (tests/dev/lists8/README.md): invented
sentences in other words than the sets', expectations derived by hand. Each positive case failed before the
change named; the negative controls must keep passing."""

from __future__ import annotations

import pytest

from baliprocess.membership import extract_counts, find_lists, split_list
from baliprocess.membership.clauses import governing_clause
from baliprocess.membership.gazetteer import Mention, with_short_forms
from baliprocess.membership.runs import sentence_entries


def _roles(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in sentence_entries(text):
        out.setdefault(e.mention.key, set()).add(e.role)
    return out


def _kinds(text: str) -> dict[int, str]:
    return {c["count"]: "expected" if c["prospective"] else c["subject"] for c in extract_counts(text)}


# L15: a short form in brackets after its own long form keeps a list of agencies one run.
def test_short_forms_in_brackets_keep_a_list_of_agencies_together():
    text = (
        "Staff of the International Organization for Migration (IOM), the United Nations Office on Drugs and "
        "Crime (UNODC) and the International Labour Organization (ILO) attended the workshop in Suva."
    )
    assert _roles(text) == {"IOM": {"participant"}, "UNODC": {"participant"}, "ILO": {"participant"}}


def test_a_short_form_joins_only_its_own_long_form():
    text = "Fiji (IOM) and Samoa"
    fiji = Mention(0, 4, "Fiji", "FJI", "state")
    iom = Mention(6, 9, "IOM", "IOM", "organisation")
    assert with_short_forms(text, [fiji, iom]) == [fiji, iom]
    text = "the Fiji (Fiji) team"
    long, short = Mention(4, 8, "Fiji", "FJI", "state"), Mention(10, 14, "Fiji", "FJI", "state")
    assert with_short_forms(text, [long, short]) == [long._replace(end=15)]


# L13: a run set off by a dash right after a group names that group.
def test_a_run_after_a_dash_takes_the_group_before_it():
    text = (
        "The forum unites forty states and three member agencies – the International Organization for "
        "Migration, the United Nations Office on Drugs and Crime and the International Labour Organization – "
        "and a dozen observers."
    )
    assert _roles(text) == {"IOM": {"member"}, "UNODC": {"member"}, "ILO": {"member"}}


def test_the_clause_reaches_back_over_an_opening_dash_only():
    sentence = "Rain fell all week; the talks – Fiji and Tonga chaired them – ran late"
    span = [sentence.index("Fiji"), sentence.index(" chaired")]
    assert governing_clause(sentence, span)[1] == sentence.index(";")  # back to the break before the dash
    sentence = "Rain fell all week; the talks – held at the request of Fiji and Tonga – ran late"
    span = [sentence.index("Fiji"), sentence.index(" – ran")]
    assert governing_clause(sentence, span)[1] == sentence.index(" – held")  # the dash opens no run
    assert _roles("The session ran for two days – Fiji, Samoa and Tonga hosted receptions in the evenings.") == {}


# L16/K1: a group that did something at the meeting took part; its count is of attendance.
def test_a_group_that_spoke_at_the_meeting_took_part():
    text = (
        "Six Ad Hoc Group members presented their national plans on the second morning: Fiji, Samoa, Tonga, "
        "Nauru, Palau and Tuvalu."
    )
    assert set(_roles(text)) == {"FJI", "WSM", "TON", "NRU", "PLW", "TUV"}
    assert {r for roles in _roles(text).values() for r in roles} == {"participant"}
    assert _kinds(text) == {6: "attendance"}


def test_states_that_reported_news_are_no_participants():
    assert _roles("Thailand and Malaysia reported new arrivals by sea in March.") == {}
    assert _kinds("The process has 49 members, and Fiji reported on its plan.") == {49: "membership"}


# K2: representatives "of" N countries came; an item of a series shares the count's kind.
def test_representatives_of_counted_states_and_the_series_after_them_attended():
    text = "Officials of 23 countries and two agencies sat down together in Colombo."
    assert _kinds(text) == {23: "attendance", 2: "attendance"}


def test_an_observer_count_does_not_pass_its_kind_along_a_series():
    assert _kinds("Twelve observer countries and five agencies were present too.") == {12: "observers", 5: "attendance"}


# K3: "member countries and observers" counts both together, not observers.
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("In all 90 people took part, from 31 member countries and observers.", "attendance"),
        ("In all 90 people took part, from 31 observer countries.", "observers"),
    ],
)
def test_member_countries_and_observers_are_not_a_count_of_observers(text, kind):
    assert _kinds(text)[31] == kind


# R1: "present as observers" is the observers' phrase, not a participant's; Indonesian "diketuai bersama".
def test_states_present_as_observers_are_observers():
    text = "Fiji and the United Kingdom were present as observers."
    assert find_lists(text) == []  # the grammar leaves it to the run reader, which reads the whole phrase
    assert _roles(text) == {"FJI": {"observer"}, "GBR": {"observer"}}
    assert find_lists("Fiji and Tonga were present.") == [("participant", "Fiji and Tonga")]


def test_indonesian_chaired_jointly_by():
    text = "Pertemuan itu diketuai bersama oleh Selandia Baru dan Fiji di Suva."
    assert _roles(text) == {"NZL": {"co_chair"}, "FJI": {"co_chair"}}


# R2: "the two <Title> Co-Chairs" names a pair through its officials; "two business co-chairs" does not.
def test_two_titled_co_chairs_named_through_their_officials():
    text = (
        "The talks ran under the two Senior Official Co-Chairs, Ms Ana Lee, Fiji's envoy for migration, "
        "and Mr Tomas Reyes, Director of Consular Affairs of Samoa."
    )
    assert _roles(text) == {"FJI": {"co_chair"}, "WSM": {"co_chair"}}
    assert _roles("Two business co-chairs, one from Fiji and one from Samoa, were named.") == {}


# L15 in the list grammar: a name with "and" stays whole before its short form.
def test_a_name_with_and_stays_whole_before_its_short_form():
    assert split_list("Fiji and the United Nations Office on Drugs and Crime (UNODC)") == [
        "Fiji",
        "United Nations Office on Drugs and Crime (UNODC)",
    ]


# K4: numbers in words past a hundred; "drew" and "attracted" before a count of those who came; Indonesian
# "lembaga" (institutions) counted as organisations.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A hundred and five delegates signed in on the first day.", {105: "attendance"}),
        ("The seminar drew twelve countries to Nadi.", {12: "attendance"}),
        ("Last year's round attracted 17 states.", {17: "attendance"}),
    ],
)
def test_counts_past_a_hundred_and_after_drew(text, expected):
    assert _kinds(text) == expected


def test_indonesian_institutions_are_counted():
    counts = extract_counts("Tuan rumah akan mengundang 30 negara dan 6 lembaga.")
    assert [(c["count"], c["unit"], c["subject"]) for c in counts] == [
        (30, "countries", "expected"),
        (6, "organisations", "expected"),
    ]


# L14: "plus" (Indonesian "ditambah") continues a list.
def test_plus_continues_a_list():
    text = "The working group is made up of Fiji, Samoa and Tonga, plus IOM and UNHCR."
    assert set(_roles(text)) == {"FJI", "WSM", "TON", "IOM", "UNHCR"}
    assert {r for roles in _roles(text).values() for r in roles} == {"member"}
