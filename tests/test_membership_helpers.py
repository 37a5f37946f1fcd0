"""Two helpers of the membership chapter: totals stated by outside sources, summed by pick, and the source
line of the region figure, taken from the provenance of the table it draws."""

from __future__ import annotations

import pandas as pd

from baliprocess import membership as m
from baliprocess.corpus import DEFAULT_CORPUS, load_corpus


def test_stated_totals_sum_pairs_and_give_none_when_one_is_missing():
    totals = pd.DataFrame({"source": ["a", "a", "b"], "unit": ["x", "y", "x"], "count": [3, 4, 5]})
    picks = {"ax": [("a", "x")], "sum": [("a", "x"), ("a", "y")], "gap": [("a", "x"), ("b", "y")]}
    assert m.stated_totals(totals, picks) == {"ax": 3, "sum": 7, "gap": None}


def test_region_source_line_comes_from_the_table_provenance():
    corpus = load_corpus(DEFAULT_CORPUS)
    part = m.participation_table(corpus)
    regions = m.region_table(part, m.founding_document(corpus.documents, part))
    ids = regions.attrs["paragraph_ids"]
    assert ids == ["cochairs-2002-p05", "cochairs-2002-p06"]
    assert m.paragraph_span(corpus.paragraphs, ids) == "paragraphs 1-2"
    fig = m.region_figure(regions)
    assert any("cochairs-2002-p05, cochairs-2002-p06" in t.get_text() for t in fig.texts)
    assert m.founding_source(corpus.paragraphs, regions) == "the founding statement (cochairs-2002), paragraphs 1-2"
    assert m.founding_source(corpus.paragraphs, m.region_table(part, None)) is None


def test_founding_sentence_names_the_document_or_says_there_is_none():
    docs = pd.DataFrame({"doc_id": ["a"], "title": ["Co-chairs' statement"], "date": [pd.Timestamp("2002-02-28")]})
    assert m.founding_sentence(docs, "a") == "Here it is “Co-chairs' statement” (28 February 2002)."
    assert m.founding_sentence(docs, None).startswith("This corpus has no such document")


def test_a_statement_long_after_the_first_conference_is_not_called_its_statement():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "title": ["Co-chairs' statement", "Workshop summary", "Report"],
            "date": [pd.Timestamp("2002-02-28"), pd.Timestamp("2010-06-11"), pd.Timestamp("2002-03-31")],
        }
    )
    first = ("First Bali Ministerial Conference", pd.Timestamp("2002-02-28"))
    assert m.founding_sentence(docs, "a", first) == "Here it is “Co-chairs' statement” (28 February 2002)."
    # 31 days after the last day is still the conference's statement; a document of 2010 is not
    assert m.founding_sentence(docs, "c", first) == "Here it is “Report” (31 March 2002)."
    later = m.founding_sentence(docs, "b", first)
    assert later.startswith("Here it is “Workshop summary” (11 June 2010). It is dated after the First Bali")
    assert "(February 2002, the event base's first)" in later and later.endswith("not the founding.")


def test_unresolved_sentence_in_each_case():
    none, one = pd.DataFrame(), pd.DataFrame({"name": ["x"]})
    assert m.unresolved_sentence(none, none).startswith("No list of names was read")
    assert m.unresolved_sentence(none, one) == "Every listed name was resolved."
    assert m.unresolved_sentence(pd.DataFrame({"name": ["x", "y"]}), one).startswith("2 listed names could not")


def _scores(lists_f1: tuple[float, float], counts_f1: tuple[float, float]) -> pd.DataFrame:
    rows = [
        {"task": task, "set": s, "precision": 1.0, "recall": float("nan"), "f1": f1}
        for task, pair in (("lists", lists_f1), ("counts", counts_f1))
        for s, f1 in zip(("first", "second"), pair, strict=True)
    ]
    return pd.DataFrame(rows)


def test_evaluation_words_name_a_drop_of_a_tenth_or_more():
    sets = {"dev": "first", "test": "second"}
    words = m.evaluation_words(_scores((0.9, 0.7), (0.9, 0.85)), sets)
    assert words["dev_lists_f1"] == "0.90" and words["test_lists_f1"] == "0.70"
    assert words["test_counts_recall"] == "not defined" and words["dev_counts_precision"] == "1.00"
    assert list(words)[:3] == ["dev_lists_precision", "dev_lists_recall", "dev_lists_f1"]
    assert words["evaluation_meaning"].startswith("The drop from the first to the second set for list members means")
    both = m.evaluation_words(_scores((0.9, 0.7), (0.5, 0.3)), sets)["evaluation_meaning"]
    assert "for list members and counts means" in both
    assert m.evaluation_words(_scores((0.9, 0.85), (0.9, 0.9)), sets)["evaluation_meaning"].startswith("Both sets")


def test_first_appearance_values_count_unknown_joins_and_never_members():
    first = pd.DataFrame(
        {
            "name": ["Fiji", "Japan", "UNHCR"],
            "first as member": ["d1", "d2", None],
            "join year": [2002, None, None],
        }
    )
    nobody = pd.DataFrame(columns=["doc_id", "role", "kind", "iso3"])
    values = m.first_appearance_values(first, nobody)
    assert values["n_first_rows"] == 3
    assert (values["n_join_unknown"], values["join_unknown_names"]) == (1, "Japan")
    assert (values["n_never_member"], values["never_member_names"]) == (1, "UNHCR")
    assert values["member_list_sentence"] == m.member_list_sentence(
        pd.DataFrame(columns=["doc_id", "role", "kind", "iso3"])
    )
    assert values["first_appearance_sentence"] == (
        "Of the 3 participants in the table, 1 is shown as a member at some point but with its join unknown "
        "(Japan), and 1 is shown as a member of the process by no dated source (UNHCR)."
    )
    more = m.first_appearance_values(pd.concat([first] * 2, ignore_index=True), nobody)
    assert (
        "2 are shown as members at some point but with their join unknown (Japan, Japan)"
        in (more["first_appearance_sentence"])
    )
    assert "2 are shown as members of the process by no dated source" in more["first_appearance_sentence"]
