"""The sentences that say what the corpus contains, built by package functions from the corpus in use
(issue 17): tested here on a mixed corpus without building the book."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from baliprocess import membership, overview
from baliprocess.corpus import DEFAULT_CORPUS, load_corpus
from baliprocess.membership.growth import ATTENDANCE, MEMBER_STATES
from mixedcorpus import mixed_corpus


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    corpus = load_corpus(mixed_corpus(tmp_path_factory.mktemp("mixed") / "corpus"))
    participation = membership.participation_table(corpus)
    counts = membership.counts_table(corpus)
    return corpus, participation, counts


def test_member_list_found_and_said(mixed):
    _, participation, _ = mixed
    members = participation[(participation["doc_id"] == "zz-members-page") & (participation["role"] == "member")]
    assert {"IND", "LKA", "HKG", "VNM", "LAO", "TUR", "ARE", "USA"} <= set(members["iso3"])
    sentence = membership.member_list_sentence(participation)
    assert sentence.startswith("1 document of this corpus lists member states by name (zz-members-page;")
    assert "No document" in membership.member_list_sentence(participation.iloc[0:0])


def test_hong_kong_is_a_territory_and_no_state_member(mixed):
    _, participation, _ = mixed
    hk = participation[participation["iso3"] == "HKG"]
    assert set(hk["kind"]) == {"territory"}


def test_meeting_sentence_names_the_report(mixed):
    corpus, _, counts = mixed
    report = corpus.documents[corpus.documents["doc_id"] == "zz-meeting-report"]
    meeting = membership.first_counted_meeting(report, counts)
    assert meeting == "zz-meeting-report"
    text = membership.meeting_sentence(corpus.documents, counts, meeting, membership.meeting_counts(counts, meeting))
    assert text.endswith("which states 31 countries.")
    others = membership.meeting_sentence(corpus.documents, counts, None, {})
    assert (
        others.startswith("No meeting report of this corpus states how many countries attended")
        and "zz-press-release" in others
    )


def test_the_two_countries_is_no_count(mixed):
    _, _, counts = mixed
    assert 2 not in set(counts.loc[counts["doc_id"] == "zz-press-release", "count"])
    stated = membership.stated_series(counts, membership.load_totals())
    assert not [clause for clause in membership.stated_ranges(stated).values() if clause.startswith("2 ")]


def test_stated_sentence_gives_each_quantity_its_own_range_and_agrees_in_number():
    stated = pd.DataFrame(
        {
            "quantity": [MEMBER_STATES, ATTENDANCE, ATTENDANCE],
            "value": [45, 40, 48],
            "source": ["a", "b", "c"],
            "year": [2019, 2016, 2023],
        }
    )
    ranges = membership.stated_ranges(stated)
    assert ranges == {
        "ms_range": "45 member states (2019, 1 count from 1 source)",
        "att_all_range": "40 to 48 countries in all at one meeting (2016 to 2023, 2 counts from 2 sources)",
        "att_members_range": "",
        "invited_range": "",
    }
    assert membership.stated_sentence(stated) == (
        f"The dated counts give {ranges['ms_range']}; {ranges['att_all_range']}. Each range is computed from the "
        "rows of its own quantity."
    )
    assert membership.stated_sentence(stated.iloc[0:0]).startswith("No source dates a count")


def test_metadata_dates_are_not_called_inferred(mixed):
    corpus, _, _ = mixed
    text = overview.date_sources_sentence(corpus.documents["date_note"])
    shipped = (load_corpus(DEFAULT_CORPUS).documents["date_note"] != "").sum()
    assert text.startswith(f"For {shipped} of them the date is not stated in the document and was inferred, and")
    assert text.endswith("for 1 the date was proposed from the file's metadata by the add command")
    only_meta = overview.date_sources_sentence(pd.Series(["Proposed by add from PDF metadata", ""]))
    assert only_meta == "For 1 it was proposed from the file's metadata by the add command"


def test_mixing_sentence_counts_the_shipped_documents(mixed):
    corpus, _, _ = mixed
    shipped = load_corpus(DEFAULT_CORPUS).documents["doc_id"]
    text = overview.mixing_sentence(corpus.documents["doc_id"], shipped)
    assert text.startswith(f"It holds {len(shipped)} of the {len(shipped)} documents the book ships with")
    assert "and 3 other documents" in text
    assert "none of the" in overview.mixing_sentence(pd.Series(["x"]), shipped)


def test_summary_says_documents_in_the_right_number(tmp_path: Path):
    assert overview.counted(1, "document") == "1 document"
    assert overview.counted(2, "date expression") == "2 date expressions"
