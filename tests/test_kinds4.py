"""List roles and count kinds on wording found by the kinds4 development documents (issue 17): "sharing the
chair", an aside between a list and its verb ("which are not members", "one of the founders"), a name after
"as did", names picked out of a group a verb governs ("brings together ..., among them"), "or" inside a list,
"no delegation came from", officials who "joined the meeting", and standing observers that "take part as
observers"; and three causes left by the second raw set: a state's adjective before one of its bodies ("the
Australian Border Force"), the partner of "co-hosted the meeting with", people's names in apposition after
a list of states, an Indonesian count of some of a group ("26 di antaranya"), and an observer after a lone
"together with". Expectations worked out by hand from invented sentences; tests/dev/kinds4/README.md gives the
documents' scores before and after, and tests/test_roles_kinds.py scores them."""

from __future__ import annotations

import pytest

from baliprocess import membership
from baliprocess.membership.countsid import indonesian_counts
from baliprocess.membership.gazetteer import find_mentions
from baliprocess.membership.lists import split_list
from baliprocess.membership.runs import sentence_entries


def _roles(text: str) -> list[tuple[str, str]]:
    return [(e.mention.key, e.role) for e in sentence_entries(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks opened in Suva, with Fiji and Japan sharing the chair.", [("FJI", "co_chair"), ("JPN", "co_chair")]),
        # an aside that denies membership neither makes members nor hides the verb after it
        (
            "Chile and Peru, which are not members of the forum, sat in as observers.",
            [("CHL", "observer"), ("PER", "observer")],
        ),
        ("Nauru, one of the smallest members, was not represented this year.", [("NRU", "absent")]),
        (
            "Delegates welcomed Niue, the newest state to join the forum, which took part for the first time.",
            [("NIU", "participant")],
        ),
        # "the" before a name is no aside: the name is one more item of the list
        (
            "Fiji, the Philippines and Tonga, the three hosts, took part.",
            [("FJI", "participant"), ("PHL", "participant"), ("TON", "participant")],
        ),
        (
            "Tonga and Samoa, both of which arrived late, took part in the second session.",
            [("TON", "participant"), ("WSM", "participant")],
        ),
        # a trailing clause is no aside: its verb still gives the role
        (
            "No delegation came from Chile or Peru, both of which had sent apologies.",
            [("CHL", "absent"), ("PER", "absent")],
        ),
        (
            "Kenya and Ghana followed the debate as observers, as did the ILO.",
            [("KEN", "observer"), ("GHA", "observer"), ("ILO", "observer")],
        ),
        (
            "Officials from Chile and Peru joined the meeting on its second day.",
            [("CHL", "participant"), ("PER", "participant")],
        ),
        (
            "The network brings together thirty countries and five agencies, among them UNHCR.",
            [("UNHCR", "member")],
        ),
    ],
)
def test_role_from_the_sentence(text: str, expected: list[tuple[str, str]]) -> None:
    assert _roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chile, which hosted the talks last year, said little.",  # an aside, but no role after it
        "Fiji is one of the countries, among them Peru, that spoke.",  # no verb cue before the group
        "Canada and Chile are not members.",  # a denied membership is no member cue
    ],
)
def test_no_role_without_a_cue(text: str) -> None:
    assert _roles(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "About 20 countries and 6 agencies take part as observers.",
            [(20, "observers", "about"), (6, "observers", "")],
        ),
        ("Nine organisations attend as observers.", [(9, "observers", "")]),
    ],
)
def test_standing_observers_in_the_present(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert [(c["count"], c["subject"], c["qualifier"]) for c in membership.extract_counts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks were co-chaired by the Malaysian Home Ministry and the Sri Lankan Navy.", ["MYS", "LKA"]),
        ("Fishing in the Indian Ocean fell.", []),  # an adjective of a sea, no body of a state
        ("The Malaysian delegate spoke after her Indonesian colleague.", []),  # lower-case: people, not bodies
    ],
)
def test_a_state_adjective_before_one_of_its_bodies(text: str, expected: list[str]) -> None:
    assert [m.key for m in find_mentions(text)] == expected


def test_the_adjective_stands_for_its_state_in_a_list() -> None:
    text = "The session was jointly led by Fiji's Ministry of Justice and the Malaysian Immigration Department."
    assert _roles(text) == [("FJI", "co_chair"), ("MYS", "co_chair")]


def test_the_partner_of_a_cue_with_a_noun_between() -> None:
    # "meeting with" is nearer, but the name is the partner of "co-hosted"
    text = "Chile's minister Ana Soto, who co-hosted the meeting with Peru's Luis Vega, spoke first."
    assert _roles(text) == [("CHL", "co_chair"), ("PER", "co_chair")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the ministers of Chile and Peru, Ana Soto and Luis Vega", ["Chile", "Peru"]),
        ("Chile, Peru and Fiji, Ana Soto", ["Chile", "Peru", "Fiji"]),
        ("Chile, Peru and Fiji", ["Chile", "Peru", "Fiji"]),
        ("Chile and Peru, Fiji and Tonga", ["Chile", "Peru", "Fiji", "Tonga"]),  # names of states still count
    ],
)
def test_people_in_apposition_after_a_list_are_no_items(text: str, expected: list[str]) -> None:
    assert split_list(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rapat diikuti 90 delegasi; 12 di antaranya setingkat menteri.",
            [(90, "delegations", "attendance"), (12, "ministers", "attendance")],
        ),
        (
            "Forum diikuti 30 negara, lima di antaranya negara anggota baru.",
            [(30, "countries", "attendance"), (5, "countries", "attendance")],
        ),
        ("Sebanyak 12 di antaranya sudah pulang.", []),  # no noun after the partitive: nothing counted
    ],
)
def test_an_indonesian_count_of_some_of_a_group(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert [(c["count"], c["unit"], c["subject"]) for c in indonesian_counts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile attended as an observer, together with the ILO.", [("CHL", "observer"), ("ILO", "observer")]),
        ("Nine states took part, together with Chile as an observer.", [("CHL", "observer")]),
        (
            "The talks were attended by Fiji and Tonga, along with Chile as an observer.",
            [("FJI", "participant"), ("TON", "participant"), ("CHL", "observer")],
        ),
        ("The survey was paid for with help from Chile.", []),  # "with" after no cue
    ],
)
def test_a_name_after_together_with(text: str, expected: list[tuple[str, str]]) -> None:
    assert _roles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nauru took part for the first time as a full member.", [("NRU", "participant"), ("NRU", "member")]),
        ("Fiji and Tonga took part as members of the Working Group.", [("FJI", "participant"), ("TON", "participant")]),
    ],
)
def test_taking_part_as_a_member_gives_both_roles(text: str, expected: list[tuple[str, str]]) -> None:
    assert _roles(text) == expected
