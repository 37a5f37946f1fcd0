"""The record of outcome documents: checking, reliability, shares, intervals and tests of change."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from baliprocess import record
from baliprocess.record import load as record_load
from baliprocess.record.figures import ROW_PITCH

KEYS = ("law_enforcement", "victim_protection", "refugee_protection")
HEADER_O = "outcome_id,date,meeting,doc_type,title,url,access_url,source,paragraphs,paragraphs_read,note\n"
HEADER_C = "outcome_id,paragraph,theme,coder,gist\n"


def write(tmp_path, outcomes: str, codes: str):
    o, c = tmp_path / "outcomes.csv", tmp_path / "outcome_codes.csv"
    o.write_text(HEADER_O + outcomes, encoding="utf-8")
    c.write_text(HEADER_C + codes, encoding="utf-8")
    return o, c


def problems(tmp_path, outcomes: str, codes: str) -> list[str]:
    o, c = write(tmp_path, outcomes, codes)
    result, found = record.check_record(set(KEYS), o, c)
    assert (result is None) == bool(found)
    return [str(p) for p in found]


GOOD_O = "a-2002,2002-02-28,First,co_chairs_statement,T,https://x.org/a,,key-a,3,2,\n"
GOOD_C = "a-2002,1,law_enforcement,first,Police cooperation on networks.\na-2002,2,none,first,Venue and dates.\n"


def test_a_good_record_loads(tmp_path):
    o, c = write(tmp_path, GOOD_O, GOOD_C)
    loaded = record.load_record(set(KEYS), o, c)
    assert loaded.outcomes.loc[0, "paragraphs_read"] == 2
    assert loaded.codes["paragraph"].tolist() == [1, 2]


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ("a-2002,1,lawenforcement,first,x\na-2002,2,none,first,y\n", "outcome_codes.csv:2: theme 'lawenforcement'"),
        ("a-2002,4,none,first,x\na-2002,2,none,first,y\n", "outcome_codes.csv:2: paragraph 4 is above the 3"),
        ("a-2002,1,none,first," + "word " * 26 + "\na-2002,2,none,first,y\n", "outcome_codes.csv:2: gist of 26"),
        ("b-2003,1,none,first,x\n" + GOOD_C, "outcome_codes.csv:2: outcome_id 'b-2003' has no row"),
        (GOOD_C + "a-2002,3,none,first,z\n", "outcome_codes.csv:4: paragraph 3 of a-2002 is coded beyond"),
        ("a-2002,1,none,first,x\n", "outcomes.csv:2: a-2002: 2 paragraphs read but 1 coded"),
        (GOOD_C + "a-2002,1,none,first,x\n", "outcome_codes.csv:4: paragraph 1 of a-2002 is coded 'none' and"),
        (GOOD_C + "a-2002,1,none,third,x\n", "outcome_codes.csv:4: coder 'third'"),
    ],
)
def test_each_bad_code_is_one_line_with_its_place(tmp_path, codes, expected):
    found = problems(tmp_path, GOOD_O, codes)
    assert any(p.startswith(str(tmp_path / expected.split(":")[0])) for p in found)
    assert any(expected.split(":", 1)[1] in p for p in found), found


def test_bad_outcome_rows_are_reported(tmp_path):
    rows = (
        "a-2002,2002-13-01,F,co_chairs_statement,T,ftp://x,,k,3,4,\na-2002,2003-01-01,F,speech,T,https://x.org,,,0,0,\n"
    )
    found = "\n".join(problems(tmp_path, rows, ""))
    for part in (
        "outcomes.csv:2: date '2002-13-01'",
        "outcomes.csv:2: url 'ftp://x'",
        "outcomes.csv:2: paragraphs_read 4 is more",
        "outcomes.csv:3: outcome_id 'a-2002' appears twice",
        "outcomes.csv:3: doc_type 'speech'",
        "outcomes.csv:3: paragraphs '0'",
    ):
        assert part in found


def test_missing_columns_and_unreadable_files(tmp_path):
    (tmp_path / "outcomes.csv").write_text("outcome_id,date\n", encoding="utf-8")
    found = record.check_record(set(KEYS), tmp_path / "outcomes.csv", tmp_path / "nothing.csv")[1]
    text = "\n".join(map(str, found))
    assert "outcomes.csv:1: missing columns meeting" in text
    assert "nothing.csv: cannot be read" in text


def test_alpha_matches_krippendorffs_worked_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: 4 observers, 12 units,
    # nominal alpha 0.743 (the krippendorff package on PyPI gives 0.7434210526 for the same data).
    n = None
    observers = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
        [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
    ]
    units = [list(u) for u in zip(*observers, strict=True)]
    assert record.krippendorff_alpha(units) == pytest.approx(0.7434210526, abs=1e-9)


def test_alpha_by_hand_for_two_coders():
    # Units (yes,yes) (no,no) (yes,no) (no,no): coincidences n_yes=3, n_no=5, n=8, one disagreement each
    # way: alpha = 1 - (n-1) * 2 / (n^2 - 3^2 - 5^2) = 1 - 14/30.
    units = [[True, True], [False, False], [True, False], [False, False]]
    assert record.krippendorff_alpha(units) == pytest.approx(1 - 14 / 30)
    assert record.krippendorff_alpha([[True, True], [True, True]]) != record.krippendorff_alpha(units)
    assert math.isnan(record.krippendorff_alpha([[True, True], [True, True]]))
    assert math.isnan(record.krippendorff_alpha([[True], [False]]))


@pytest.mark.parametrize(
    ("alpha", "reading"),
    [(0.9, "reliable"), (0.8, "reliable"), (0.7, "tentative"), (0.5, "not reliable"), (float("nan"), "not assessable")],
)
def test_standard(alpha, reading):
    assert record.standard(alpha) == reading


def codes_frame(rows):
    return pd.DataFrame(rows, columns=["outcome_id", "paragraph", "theme", "coder", "gist"]).assign(gist="g")


def test_reliability_table_counts_double_coded_paragraphs_only():
    codes = codes_frame(
        [
            ("a", 1, "law_enforcement", "first", ""),
            ("a", 1, "law_enforcement", "second", ""),
            ("a", 2, "none", "first", ""),
            ("a", 2, "victim_protection", "second", ""),
            ("a", 3, "victim_protection", "first", ""),  # coded once only: not in the sample
        ]
    )
    table = record.reliability_table(codes, KEYS)
    assert table.loc["overall", "paragraphs"] == 2
    assert table.loc["law_enforcement", ["first", "second"]].tolist() == [1, 1]
    assert table.loc["victim_protection", ["first", "second"]].tolist() == [0, 1]
    assert table.loc["law_enforcement", "alpha"] == pytest.approx(1.0)
    assert table.loc["refugee_protection", "reading"] == "not assessable"
    assert table.loc["overall", "agreement"] == pytest.approx(5 / 6)


def test_final_coding_replaces_settled_paragraphs():
    rec = record.Record(
        pd.DataFrame(),
        codes_frame(
            [
                ("a", 1, "law_enforcement", "first", ""),
                ("a", 1, "victim_protection", "second", ""),
                ("a", 1, "victim_protection", "final", ""),
                ("a", 2, "none", "first", ""),
            ]
        ),
    )
    final = record.final_coding(rec)
    assert final.values.tolist() == [["a", 1, "victim_protection"], ["a", 2, "none"]]


def test_holm_by_hand():
    adjusted = record.holm([0.01, 0.04, float("nan"), 0.03])
    # three tests: 0.01*3=0.03; 0.03*2=0.06; max(0.06, 0.04*1)=0.06
    assert adjusted[0] == pytest.approx(0.03)
    assert adjusted[3] == pytest.approx(0.06)
    assert adjusted[1] == pytest.approx(0.06)
    assert math.isnan(adjusted[2])


def phase_record(n_before: int, hits_before: int, n_after: int, hits_after: int) -> record.Record:
    outcomes = pd.DataFrame({"outcome_id": ["old", "new"], "date": pd.to_datetime(["2002-02-28", "2023-02-10"])})
    rows = [
        ("old", i, "law_enforcement" if i <= hits_before else "victim_protection", "first", "")
        for i in range(1, n_before + 1)
    ]
    rows += [
        ("new", i, "law_enforcement" if i <= hits_after else "victim_protection", "first", "")
        for i in range(1, n_after + 1)
    ]
    return record.Record(outcomes, codes_frame(rows))


def test_a_large_change_is_a_rise_and_a_small_one_is_not():
    rec = phase_record(20, 2, 20, 18)
    wide = record.presence(record.final_coding(rec), rec, KEYS)
    shares = record.phase_shares(wide, KEYS)
    row = shares.set_index(["phase", "theme"]).loc[("renewal", "law_enforcement")]
    assert (row["share"], row["with_theme"], row["paragraphs"]) == (0.9, 18, 20)
    assert row["low"] <= 0.9 <= row["high"] and row["high"] - row["low"] > 0
    tests = record.change_tests(shares, KEYS, usable=KEYS).set_index("theme")
    assert tests.loc["law_enforcement", "reading"] == "rose"
    assert tests.loc["victim_protection", "reading"] == "fell"
    assert tests.loc["refugee_protection", "reading"] == "no detectable change"
    small = record.change_tests(
        record.phase_shares(
            record.presence(record.final_coding(phase_record(20, 8, 20, 11)), phase_record(20, 8, 20, 11), KEYS), KEYS
        ),
        KEYS,
        KEYS,
    )
    assert set(small["reading"]) == {"no detectable change"}
    untested = record.change_tests(shares, KEYS, usable=["victim_protection"]).set_index("theme")
    assert untested.loc["law_enforcement", "reading"] == "not tested"


def test_bootstrap_is_deterministic():
    rec = phase_record(12, 5, 9, 4)
    wide = record.presence(record.final_coding(rec), rec, KEYS)
    pd.testing.assert_frame_equal(record.phase_shares(wide, KEYS), record.phase_shares(wide, KEYS))


def test_change_sentence_names_only_surviving_changes():
    labels = {"law_enforcement": "Law enforcement", "victim_protection": "Victims"}
    rec = phase_record(20, 2, 20, 18)
    tests = record.change_tests(
        record.phase_shares(record.presence(record.final_coding(rec), rec, KEYS), KEYS),
        KEYS,
        usable=["law_enforcement"],
    )
    sentence = record.change_sentence(tests, labels)
    assert "Law enforcement rose from 10% to 90% between founding and renewal" in sentence
    assert "Victims" not in sentence
    assert sentence.endswith("No other tested change can be told from chance.")
    none = record.change_sentence(tests.assign(reading="no detectable change"), labels)
    assert "no detectable change" in none and "rose" not in none
    assert "No theme is reliable enough" in record.change_sentence(tests.assign(reading="not tested"), labels)


def test_corpus_change_compares_the_first_and_the_last_year():
    paragraphs = pd.DataFrame({"doc_id": ["a"] * 8 + ["b"] * 8, "paragraph_id": [f"p{i}" for i in range(16)]})
    documents = pd.DataFrame({"doc_id": ["a", "b"], "date": pd.to_datetime(["2002-02-28", "2020-06-01"])})
    coded = pd.DataFrame({"paragraph_id": paragraphs["paragraph_id"], "theme": ["t1"] * 8 + ["t2"] * 8})
    labels = {"t1": "Theme one", "t2": "Theme two"}
    sentence = record.corpus_change_sentence(coded, paragraphs, documents, ["t1", "t2"], labels)
    assert sentence.startswith("Of the 2 tests of change between the first and the last year, 2 changes survive")
    assert "Theme one fell from 100% to 0% between 2002 and 2020" in sentence
    assert "Theme two rose from 0% to 100% between 2002 and 2020" in sentence
    one_year = record.corpus_change_sentence(coded[:8], paragraphs[:8], documents[:1], ["t1", "t2"], labels)
    assert one_year == "With a single year, no change between years can be tested."


def test_phases_cover_every_year_from_2002():
    assert [record.phase_of(y) for y in (2002, 2008, 2009, 2015, 2016, 2022, 2023, 2030)] == [
        "founding",
        "founding",
        "revival",
        "revival",
        "crisis",
        "crisis",
        "renewal",
        "renewal",
    ]
    with pytest.raises(ValueError):
        record.phase_of(2001)


@pytest.fixture(scope="module")
def shipped() -> tuple[record.RecordAnalysis, list[str]]:
    """The shipped record analysed (a bootstrap of every phase: read once for the tests that need it) and
    the codebook's keys."""
    keys = __import__("baliprocess.themes", fromlist=["load_codebook"]).load_codebook().keys
    return record.analyse(keys), keys


def test_shipped_record_is_valid_and_meets_its_own_rules(shipped):
    analysis, keys = shipped
    out = analysis.record.outcomes
    assert (out["paragraphs_read"] <= out["paragraphs"]).all()
    assert set(analysis.final["theme"]) <= set(keys) | {"none"}
    assert np.isfinite(analysis.phase_shares["share"]).all()
    assert record_load.MAX_GIST_WORDS == 25


def test_trajectory_and_top_themes_in_words():
    labels = {"law_enforcement": "Law enforcement", "victim_protection": "Victims"}
    rec = phase_record(20, 2, 20, 18)
    shares = record.phase_shares(record.presence(record.final_coding(rec), rec, KEYS), KEYS)
    tests = record.change_tests(shares, KEYS, usable=KEYS)
    assert record.theme_trajectory(shares, tests, "law_enforcement", labels) == (
        "Law enforcement: 10% (founding) and 90% (renewal) of substantive paragraphs; a rise that survives the test"
    )
    untested = tests.assign(reading="not tested")
    rel = pd.DataFrame({"reading": ["not reliable", "not assessable"]}, index=["victim_protection", "law_enforcement"])
    assert record.theme_trajectory(shares, untested, "victim_protection", labels, rel).endswith(
        "not tested, its coding not being reliable enough"
    )
    assert record.theme_trajectory(shares, untested, "law_enforcement", labels, rel).endswith(
        "its reliability could not be measured"
    )
    assert record.theme_trajectory(shares, untested, "law_enforcement", labels).endswith("; not tested")
    # pooled over both phases: law enforcement 20 of 40, victims 20 of 40, refugees 0
    assert record.top_themes(shares, labels, n=2) == "Law enforcement (50%) and Victims (50%)"


def test_join_words():
    assert record.join_words([]) == "none"
    assert record.join_words(["a"]) == "a"
    assert record.join_words(["a", "b", "c"]) == "a, b and c"


def test_corpus_years_compare_like_phases():
    docs = pd.DataFrame({"doc_id": ["d1", "d2"], "date": pd.to_datetime(["2002-01-01", "2024-01-01"])})
    paras = pd.DataFrame({"doc_id": ["d1"] * 10 + ["d2"] * 10, "paragraph_id": [f"p{i}" for i in range(20)]})
    coded = pd.DataFrame({"paragraph_id": [f"p{i}" for i in range(10, 20)], "theme": "law_enforcement"})
    wide = record.corpus_presence(coded, paras, docs, KEYS)
    assert wide["year"].tolist() == [2002] * 10 + [2024] * 10
    assert wide["law_enforcement"].tolist() == [0] * 10 + [1] * 10
    shares = record.group_shares(wide, KEYS, "year", [2002, 2024], unit="doc_id")
    tests = record.change_tests(shares, KEYS, KEYS, comparisons=[(2002, 2024)], by="year").set_index("theme")
    assert tests.loc["law_enforcement", "reading"] == "rose"
    sentence = record.change_sentence(
        tests.reset_index(), {}, {2002: "2002", 2024: "2024"}, "the first and the last year"
    )
    assert "law_enforcement rose from 0% to 100% between 2002 and 2024" in sentence


def test_record_heatmap_prints_its_labels_legibly(shipped):
    """The shipped record's map: a row per document, rows far enough apart for their 9-pt labels, and low
    enough that the printed book, which gives a figure at most 150 mm of height (tools/book_pdf.py), keeps
    those labels at 6 pt or more (at a 0.3 in row pitch they came out under 5 pt)."""
    analysis = shipped[0]
    fig = record.record_heatmap(analysis.document_shares, analysis.record.outcomes, {}, "test")
    labels = fig.axes[0].get_yticklabels()
    assert len(labels) == len(analysis.document_shares) > 20
    assert {t.get_fontsize() for t in labels} == {9} and ROW_PITCH * 72 >= 9 * 1.3
    printed_scale = min(1.0, (150 / 25.4) / fig.get_figheight())
    assert 9 * printed_scale >= 6
