"""Tests of the theme codebook, the coder, its validation and the chapter's data functions.

Expected values were checked by reading the paragraphs concerned (cleaned text) against the codebook.
"""

from __future__ import annotations

import copy
import functools
import itertools
import math
import re

import pandas as pd
import pytest
import yaml

from baliprocess import evaluation, plotting
from baliprocess import themes as th
from baliprocess.corpus import REPO_ROOT, load_corpus
from baliprocess.export import TABLE_PACKAGES
from figurecheck import legends_clear_of_axes

#: The macro-F1 the coder reaches against the gold (0.875 with the issue-18 codebook, before the held-out
#: run); the test fails below it.
MACRO_F1_FLOOR = 0.87


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def codebook():
    return th.load_codebook()


@pytest.fixture(scope="module")
def coded(corpus):
    return th.code_corpus(corpus)


@pytest.fixture(scope="module")
def gold():
    return th.load_gold()


def _paras(*texts: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": "d", "paragraph_id": [f"d-p{i + 1:02d}" for i in range(len(texts))], "text": list(texts)}
    )


def _pairs(frame: pd.DataFrame, paragraph_id: str) -> list[tuple[str, str]]:
    rows = frame[frame["paragraph_id"] == paragraph_id]
    return list(zip(rows["theme"], rows["matched"], strict=True))


# --- term patterns -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "term, text, hit",
    [
        ("prosecut*", "Prosecution of offenders", True),
        ("prosecut*", "prosecuting", True),
        ("visa", "border and visa systems", True),
        ("visa", "visas", True),
        ("visa", "visibility", False),
        ("return", "can be returned to their countries", True),
        ("return", "returnees", False),
        ("regular migration", "irregular migration", False),
        ("regular migration", "regular  migration", True),
        ("law enforcement", "law-enforcement agencies", True),
        ("public awareness", "people trafficking/public awareness campaign", True),
        ("business", "businesses", True),
        ("cause", "because", False),
    ],
)
def test_term_regex_whole_words_and_inflections(term, text, hit):
    assert bool(re.search(th.term_regex(term), text.lower())) is hit


def test_codebook_has_required_themes_and_fields(codebook):
    assert set(th.REQUIRED_THEMES) <= set(codebook.keys)
    assert len(codebook.keys) == len(set(codebook.keys))
    for theme in codebook.themes:
        assert theme.label and theme.definition and theme.terms


@functools.cache
def _shipped_codebook_data() -> dict:
    return yaml.load(th.CODEBOOK_PATH.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def codebook_data() -> dict:
    """The shipped codebook as YAML data, a fresh copy for a test to change (read once: libyaml when
    available, as the package reads it)."""
    return copy.deepcopy(_shipped_codebook_data())


def write_yaml(path, data: dict) -> None:
    path.write_text(yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper)), encoding="utf-8")


def test_codebook_rejects_overlapping_terms(tmp_path):
    data = codebook_data()
    data["themes"][1]["terms"].append("intelligence")  # would match inside "intelligence sharing"
    path = tmp_path / "themes.yml"
    write_yaml(path, data)
    with pytest.raises(ValueError, match="'intelligence' matches inside 'intelligence sharing'"):
        th.load_codebook(path)


def test_codebook_keys_are_those_of_the_record(codebook):
    """Issue 18: the keys are fixed (hand coders of the record use them); ``none`` is a code, not a theme."""
    assert codebook.keys == list(th.REQUIRED_THEMES)
    assert codebook.codes == [*th.REQUIRED_THEMES, th.NONE]
    assert codebook.none is not None and codebook.none.definition and not codebook.none.terms
    for theme in codebook.themes:
        assert theme.example and theme.include and theme.exclude
    table = th.codebook_table(codebook)
    assert table.loc[("search_rescue", "example"), "text"] == codebook.themes[2].example
    assert "none" not in table.index.get_level_values("theme")
    with_none = th.codebook_table(codebook, include_none=True)
    assert ("none", "definition") in with_none.index and ("none", "terms") not in with_none.index
    assert list(codebook.labels) == codebook.codes and codebook.labels["none"] == "No theme"


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["themes"][0].pop("example"), r"'people_smuggling' lacks \['example'\]"),
        (lambda d: d["themes"][0].update(key="none"), "'none' is the code of no theme"),
        (lambda d: d["none"].update(terms=["thanks"]), "'none' has no terms"),
        (lambda d: d["themes"].pop(2), r"codebook lacks themes \['search_rescue'\]"),
        (lambda d: d.update(rules=["a rule", ""]), "'rules' is a list of texts"),
        (lambda d: d.update(rules="one rule"), "'rules' is a list of texts"),
    ],
)
def test_codebook_refuses_a_bad_entry(tmp_path, change, message):
    data = codebook_data()
    change(data)
    path = tmp_path / "themes.yml"
    write_yaml(path, data)
    with pytest.raises(ValueError, match=message):
        th.load_codebook(path)


def test_term_word_with_a_comma_needs_the_comma():
    pattern = th.term_regex("people smuggling, trafficking")
    assert re.search(pattern, "on people smuggling, trafficking in persons")
    assert not re.search(pattern, "on people smuggling trafficking")


def test_the_codebook_as_read_starts_with_its_numbered_rules_and_names_themes_by_label(codebook):
    """Every "(rule N)" a theme's entry cites is a rule the table lists, and no theme key is left in its texts."""
    view = th.codebook_view(codebook)
    rules = view[view["theme"] == th.RULES_GROUP]
    assert list(rules.index) == list(range(len(codebook.rules))) and len(codebook.rules) == 7
    assert rules["part"].tolist() == [f"rule {i}" for i in range(1, 8)]
    cited = {int(n) for text in view["text"] for n in re.findall(r"\brule (\d+)", text)}
    assert cited and cited <= set(range(1, len(codebook.rules) + 1))
    keys = [k for k in codebook.labels if "_" in k]
    assert not [t for t in view["text"] if any(re.search(rf"\b{k}\b", t) for k in keys)]
    assert set(view["theme"]) == {th.RULES_GROUP, *codebook.labels.values()}


def test_codebook_is_compiled_once(codebook):
    assert th.load_codebook() is codebook


# --- coding ----------------------------------------------------------------------------------------


def test_code_small_frame_exactly(codebook):
    frame = _paras(
        "Ministers agreed to strengthen law-enforcement cooperation and intelligence sharing.",
        "Venue and date of the meeting.",
        "Visas, PASSPORTS and the Return of irregular migrants.",
        "The irregular migration of returnees.",
    )
    out = th.code_paragraphs(frame, codebook)
    assert list(out.columns) == ["doc_id", "paragraph_id", "theme", "matched"]
    assert list(zip(out["paragraph_id"], out["theme"], out["matched"], strict=True)) == [
        ("d-p01", "information_sharing", "intelligence sharing"),
        ("d-p01", "law_enforcement", "enforcement"),  # cooperation in general codes nothing (rule 6)
        ("d-p03", "return_reintegration", "return"),
        ("d-p03", "border_management", "visa; passport"),  # identity documents are border management
    ]


def test_code_empty_and_themeless(codebook):
    assert th.code_paragraphs(_paras(), codebook).empty
    assert th.code_paragraphs(_paras("Thanks to the host."), codebook).empty


def test_code_corpus_paragraphs_read_by_hand(coded):
    # Bullet of paragraph 17: "developing more effective information and intelligence sharing arrangements ..."
    assert _pairs(coded, "cochairs-2002-p22") == [("information_sharing", "intelligence sharing")]
    # 2004 report: a focus on trafficking in persons, law enforcement and border control issues, lost and
    # stolen passports, capacity building and training programs, legislation; "regional law enforcement
    # cooperation" is cooperation in one area (law enforcement), not the process's own institutions.
    assert _pairs(coded, "som2-brisbane-2004-p13") == [
        ("trafficking_in_persons", "trafficking"),
        ("law_enforcement", "enforcement"),
        ("border_management", "border control; passport"),
        ("capacity_building", "capacity building; train*"),
        ("legislation", "legislat*"),
    ]
    assert _pairs(coded, "cochairs-2002-p38") == []  # thanks to the host


def test_coded_rows_are_unique_and_ordered(coded, corpus, codebook):
    assert not coded.duplicated(["paragraph_id", "theme"]).any()
    position = dict(zip(corpus.paragraphs["paragraph_id"], range(len(corpus.paragraphs)), strict=True))
    order = list(zip(coded["paragraph_id"].map(position), coded["theme"].map(codebook.keys.index), strict=True))
    assert order == sorted(order)


def test_export_table_registered(corpus, coded):
    assert th in TABLE_PACKAGES
    (table,) = th.TABLES
    assert table.name == "paragraph_themes"
    pd.testing.assert_frame_equal(th.build_tables(corpus)["paragraph_themes"], coded)


def test_coder_codes_copies_alike():
    # The coder's output on many copies is the copies of its output (speed: make bench, not a test).
    paragraphs = load_corpus().paragraphs
    big = pd.concat([paragraphs] * 50, ignore_index=True)
    assert len(th.code_paragraphs(big)) == 50 * len(th.code_paragraphs(paragraphs))


# --- gold and validation ---------------------------------------------------------------------------


def test_gold_covers_every_paragraph_once(gold, corpus, codebook):
    assert list(gold.columns) == ["doc_id", "paragraph_id", "theme", "note"]
    assert set(gold["paragraph_id"]) == set(corpus.paragraphs["paragraph_id"])
    assert set(gold["theme"]) - {""} <= set(codebook.keys)
    assert not gold.duplicated(["paragraph_id", "theme"]).any()
    empty = gold[gold["theme"] == ""]
    assert not gold[gold["paragraph_id"].isin(empty["paragraph_id"])].duplicated("paragraph_id").any()
    doc_of = dict(zip(corpus.paragraphs["paragraph_id"], corpus.paragraphs["doc_id"], strict=True))
    assert (gold["paragraph_id"].map(doc_of) == gold["doc_id"]).all()


def test_evaluate_small_example():
    gold = pd.DataFrame({"doc_id": "d", "paragraph_id": ["A", "A", "B", "C"], "theme": ["x", "y", "", "x"], "note": ""})
    coded = pd.DataFrame(
        {"doc_id": "d", "paragraph_id": ["A", "B", "C", "D"], "theme": ["x", "x", "x", "y"], "matched": "t"}
    )
    ev = th.evaluate(coded, gold, ["x", "y"])
    assert ev.loc["x", ["gold", "coded", "tp", "fp", "fn"]].tolist() == [2, 3, 2, 1, 0]
    assert ev.loc["x", "precision"] == pytest.approx(2 / 3)
    assert ev.loc["x", "recall"] == 1.0 and ev.loc["x", "f1"] == pytest.approx(0.8)
    # D is not in the gold, so its y is not counted: y has no coding, no true positive.
    assert ev.loc["y", ["gold", "coded", "tp"]].tolist() == [1, 0, 0]
    assert math.isnan(ev.loc["y", "precision"]) and ev.loc["y", "recall"] == 0 and ev.loc["y", "f1"] == 0
    assert ev.loc["macro average", "f1"] == pytest.approx(0.4)
    assert ev.loc["macro average", "recall"] == pytest.approx(0.5)
    assert ev.loc["micro average", "f1"] == pytest.approx(2 / 3)


def test_macro_f1_does_not_drop(coded, gold, codebook):
    ev = th.evaluate(coded, gold, codebook.keys)
    assert ev.loc["macro average", "f1"] >= MACRO_F1_FLOOR


def test_evaluation_ignores_paragraphs_outside_gold(corpus, coded, gold, codebook):
    extra = _paras("Intelligence sharing, visas, passports, refugees and business supply chains.")
    bigger = pd.concat([corpus.paragraphs[["doc_id", "paragraph_id", "text"]], extra], ignore_index=True)
    pd.testing.assert_frame_equal(
        th.evaluate(th.code_paragraphs(bigger), gold, codebook.keys),
        th.evaluate(th.code_paragraphs(corpus.paragraphs), gold, codebook.keys),
    )


# --- chapter data functions ------------------------------------------------------------------------


def test_analysis_units_by_document_then_by_year(corpus):
    units = th.analysis_units(corpus.documents)
    assert units["cochairs-2002"] == "2002-02-28 cochairs-2002"
    assert list(units.index) == [
        "goff-dalziel-2002",
        "cochairs-2002",
        "som2-brisbane-2004",
        "lees-galloway-2018",
        "mfat-smuggling-page",
    ]
    many = pd.DataFrame(
        {
            "doc_id": [f"x{i:02d}" for i in range(21)],
            "date": pd.to_datetime([f"{2000 + i % 3}-01-01" for i in range(21)]),
        }
    )
    assert set(th.analysis_units(many)) == {"2000", "2001", "2002"}


def test_theme_shares_read_by_hand(coded, corpus, codebook):
    units = th.analysis_units(corpus.documents)
    shares = th.theme_shares(coded, corpus.paragraphs, units, codebook.keys)
    assert list(shares.columns) == codebook.keys
    # Lees-Galloway 2018: business or private sector in p01, p02, p05, p06, p07, p08 of 10 paragraphs.
    assert shares.loc["2018-08-07 lees-galloway-2018", "private_sector"] == pytest.approx(0.6)
    # Goff-Dalziel 2002: a regional strategy (p08) and the working parties to be set up (p12) of 12; the
    # cooperating of p03, p07 and p09 is cooperation in general, no longer coded.
    assert shares.loc["2002-02-25 goff-dalziel-2002", "regional_cooperation"] == pytest.approx(2 / 12)
    assert shares.loc["2002-02-25 goff-dalziel-2002", "border_management"] == 0


def test_emphasis_by_year(coded, corpus, codebook):
    em = th.emphasis_by_year(coded, corpus.paragraphs, corpus.documents, codebook.keys)
    assert list(em.columns) == ["2002", "2004", "2018", "2024", "first_year"]
    assert em.loc["private_sector", "first_year"] == "2018"
    assert em.loc["private_sector", "2002"] == 0
    # 2002 pools 12 + 38 paragraphs; 2 + 1 of them name the process's own machinery (the regional strategy
    # and the working parties of the release, the follow-up mechanism of the statement).
    assert em.loc["regional_cooperation", "2002"] == pytest.approx(3 / 50)


def test_cooccurrence_and_top_pairs_small():
    coded = pd.DataFrame({"paragraph_id": ["A", "A", "B", "B", "B", "C"], "theme": ["x", "y", "x", "y", "z", "x"]})
    m = th.cooccurrence(coded, ["x", "y", "z", "w"])
    assert m.loc["x"].tolist() == [3, 2, 1, 0]
    assert m.loc["z", "y"] == 1 and m.loc["w", "w"] == 0
    pairs = th.top_pairs(m, 2)
    assert pairs.values.tolist() == [["x", "y", 2], ["x", "z", 1]]


def test_distinctive_terms_deterministic_ties_by_term():
    paragraphs = pd.DataFrame(
        {"doc_id": ["a", "a", "b"], "paragraph_id": ["a1", "a2", "b1"], "text": ["zebra yak", "the cat", "cat dog"]}
    )
    units = pd.Series({"a": "A", "b": "B"})
    terms = th.distinctive_terms(paragraphs, units, n=3)
    # "cat" is in both units (left out); zebra and yak tie in A and are ordered by term.
    assert terms.values.tolist() == [
        ["A", 1, "yak", pytest.approx(0.7071)],
        ["A", 2, "zebra", pytest.approx(0.7071)],
        ["B", 1, "dog", 1.0],
    ]
    assert th.distinctive_table(terms).iloc[:, 0].tolist() == ["yak, zebra", "dog"]


def test_theme_examples(coded, corpus, gold, codebook):
    ex = th.theme_examples(coded, corpus.paragraphs, corpus.documents, gold, codebook.keys)
    # No paragraph of the shipped corpus names rescue at sea or technology-facilitated crime: 19 themes.
    assert list(ex.index) == [k for k in codebook.keys if k not in ("search_rescue", "technology_crime")]
    # Only the 2004 paragraph on the website and databases fires two information-sharing terms.
    assert ex.loc["information_sharing", "paragraph_id"] == "som2-brisbane-2004-p11"
    assert ex.loc["information_sharing", "terms fired"] == "intelligence sharing; database"
    assert ex.loc["information_sharing", "gold agrees"] == "yes"


def test_figures_carry_a_source(coded, corpus, codebook):
    units = th.analysis_units(corpus.documents)
    labels = {t.key: t.label for t in codebook.themes}
    em = th.emphasis_by_year(coded, corpus.paragraphs, corpus.documents, codebook.keys)
    for fig in (
        th.shares_figure(th.theme_shares(coded, corpus.paragraphs, units, codebook.keys), labels, "hand"),
        th.cooccurrence_figure(th.cooccurrence(coded, codebook.keys), labels, "hand"),
        th.comparison_figure(th.compare_codings(em, em), labels, "hand and auto"),
    ):
        assert any(t.get_text().startswith("Source: hand") for t in fig.texts)


def test_the_chapter_figures_name_the_coding_they_draw_on(coded, corpus, codebook):
    """Chapter 4's figures: the shares of the coding it reads, and the comparison of the two codings, or of the
    automatic coding with itself when the corpus has no hand coding, each with the source line that says so."""
    from types import SimpleNamespace

    labels = {t.key: t.label for t in codebook.themes}
    em = th.emphasis_by_year(coded, corpus.paragraphs, corpus.documents, codebook.keys)
    shares = th.theme_shares(coded, corpus.paragraphs, th.analysis_units(corpus.documents), codebook.keys)

    def source(fig):
        return next(t.get_text() for t in fig.texts if t.get_text().startswith("Source: "))

    for name, has_hand in ((th.HAND, True), (th.AUTO, False)):
        c = SimpleNamespace(
            chosen=SimpleNamespace(name=name),
            shares=shares,
            emphasis=em,
            comparison=th.compare_codings(em, em) if has_hand else None,
        )
        assert th.CODING_SOURCES[name] in source(th.chosen_shares_figure(c, labels))
        compared = source(th.codings_comparison_figure(c, labels))
        assert ("hand coding" in compared and "automatic coding" in compared) == has_hand
        assert ("automatic coding only" in compared) != has_hand


def test_comparison_figure_tells_codings_apart_without_colour(coded, corpus, codebook):
    labels = {t.key: t.label for t in codebook.themes}
    em = th.emphasis_by_year(coded, corpus.paragraphs, corpus.documents, codebook.keys)
    other = em.assign(**{"2024": em["2024"][::-1].to_numpy()})
    source = f"{th.CODING_SOURCES[th.HAND]}, {th.CODING_SOURCES[th.AUTO]}"  # the chapter's, as long as it is
    fig = th.comparison_figure(th.compare_codings(em, other), labels, source)
    markers = {
        c.get_label(): c.get_paths()[0].vertices.shape[0]
        for c in fig.axes[0].collections
        if c.get_label() in ("hand coding", "automatic coding")
    }
    assert len(set(markers.values())) == 2  # a circle and a square: different shapes
    assert any("(uncertain)" in t.get_text() for t in fig.axes[0].get_yticklabels())
    assert fig.legends and not fig.axes[0].get_legend()  # legend outside the axes
    assert legends_clear_of_axes(fig)  # and clear of the source line


def test_heatmap_labels_contrast_with_their_cell():
    import matplotlib as mpl

    cmap = mpl.colormaps[plotting.SEQUENTIAL_CMAP]
    assert th.text_colour(cmap, 0.0) == "black"  # pale yellow: a small share
    assert th.text_colour(cmap, 1.0) == "white"  # dark blue: a large share


def test_heatmaps_are_darker_for_more():
    """More is darker (more ink), in colour and in greyscale: the map's luminance falls as the value rises."""
    import matplotlib as mpl

    cmap = mpl.colormaps[plotting.SEQUENTIAL_CMAP]
    luminance = [0.2126 * r + 0.7152 * g + 0.0722 * b for r, g, b, _ in (cmap(x / 10) for x in range(11))]
    assert all(a > b for a, b in itertools.pairwise(luminance))


def test_disagreements_small_and_real(coded, gold, codebook):
    small_gold = pd.DataFrame(
        {"doc_id": "d", "paragraph_id": ["A", "A", "B", "C"], "theme": ["x", "y", "", "x"], "note": ""}
    )
    small_coded = pd.DataFrame(
        {
            "doc_id": "d",
            "paragraph_id": ["A", "B", "C", "D"],
            "theme": ["x", "x", "x", "y"],
            "matched": ["t1", "t2", "t3", "t4"],
        }
    )
    out = th.disagreements(small_coded, small_gold, ["x", "y"])
    assert out.values.tolist() == [["x", "B", "coder only", "t2"], ["y", "A", "gold only", ""]]
    real = th.disagreements(coded, gold, codebook.keys)
    ev = th.evaluate(coded, gold, codebook.keys)
    assert (real["disagreement"] == "coder only").sum() == ev.loc["micro average", "fp"]
    assert (real["disagreement"] == "gold only").sum() == ev.loc["micro average", "fn"]
    # Paragraph 1 names the "Assistant United Nations High Commissioner for Refugees" in its attendance list,
    # a procedural sentence that code_corpus leaves out: no longer a disagreement.
    assert "cochairs-2002-p05" not in set(real["paragraph_id"])
    assert ["victim_protection", "mfat-smuggling-page-p03", "coder only", "victim"] in real.values.tolist()


def test_emphasis_facts_read_by_hand(coded, corpus, codebook):
    labels = {t.key: t.label for t in codebook.themes}
    em = th.emphasis_by_year(coded, corpus.paragraphs, corpus.documents, codebook.keys)
    facts = th.emphasis_facts(em, labels)
    assert (facts["first_year"], facts["last_year"], facts["n_years"]) == ("2002", "2024", 4)
    # The 2018 release brings planning and preparedness (p05), supply chains and slavery (p06, p09) and business.
    assert facts["new_themes"] == (
        "Crisis preparedness and response, Forced labour and modern slavery, Private sector engagement"
    )
    # Trafficking singled out: two 2002 paragraphs of 50 (victims of traffickers, p13; those susceptible to
    # trafficking, p25) against five of the 34 MFAT paragraphs (the definition p03, UN-ACT p15, the plan's
    # heading p24 and name p25, and p26); the pairs "smuggling and trafficking" are blocked (rule 4).
    assert facts["rise_theme"] == "Trafficking in persons (target)"
    assert (facts["rise_from"], facts["rise_to"]) == (pytest.approx(2 / 50), pytest.approx(5 / 34))
    # Return: three 2002 paragraphs against none in 2024.
    assert facts["fall_theme"] == "Return and reintegration"
    assert (facts["fall_from"], facts["fall_to"]) == (pytest.approx(3 / 50), pytest.approx(0))


def test_emphasis_percent():
    em = pd.DataFrame(
        {"2002": [0.344, 0.0], "2018": [0.2, 0.6], "first_year": ["2002", "2018"]},
        index=pd.Index(["a", "b"], name="theme"),
    )
    out = th.emphasis_percent(em)
    assert out.values.tolist() == [[34, 20, "2002"], [0, 60, "2018"]]
    assert list(out.columns) == ["2002 (%)", "2018 (%)", "first_year"]


def test_chapter_pipeline_on_a_bigger_corpus(tmp_path, gold, codebook):
    """More documents than MAX_DOCUMENT_ROWS: views switch to years, the gold evaluation is unchanged."""
    from corpusfactory import front, write

    folder = tmp_path / "corpus"
    folder.mkdir()
    for src in sorted(REPO_ROOT.joinpath("data", "corpus").glob("*.txt")):
        write(folder, src.name, src.read_text(encoding="utf-8"))
    write(folder, "cleaning.yml", REPO_ROOT.joinpath("data", "corpus", "cleaning.yml").read_text(encoding="utf-8"))
    for i in range(th.MAX_DOCUMENT_ROWS):
        write(
            folder,
            f"extra{i:02d}.md",
            front(title=f"Extra {i}", date=f"{2005 + i % 10}-03-01")
            + f"Officials discussed border control and visas, note {i}.\n\nBusiness and supply chains.\n",
        )
    big = load_corpus(folder)
    keys = codebook.keys
    labels = {t.key: t.label for t in codebook.themes}
    coded = th.code_paragraphs(big.paragraphs)
    units = th.analysis_units(big.documents)
    shares = th.theme_shares(coded, big.paragraphs, units, keys)
    assert list(shares.index)[:3] == ["2002", "2004", "2005"]
    assert shares.loc["2005", "border_management"] == pytest.approx(0.5)  # 2 of the year's 4 paragraphs
    pd.testing.assert_frame_equal(
        th.evaluate(coded, gold, keys), th.evaluate(th.code_paragraphs(load_corpus().paragraphs), gold, keys)
    )
    em = th.emphasis_by_year(coded, big.paragraphs, big.documents, keys)
    assert th.emphasis_facts(em, labels)["last_year"] == "2024"
    assert set(th.distinctive_terms(big.paragraphs, units)["unit"]) == set(units)


# --- which coding measures the themes (issue 11: the hand coding where it covers the corpus) ----------------


def test_coding_for_analysis_hand_when_it_covers_every_paragraph(corpus, coded, gold):
    chosen = th.coding_for_analysis(corpus.paragraphs, coded, gold)
    assert chosen.name == th.HAND
    assert chosen.n_covered == chosen.n_paragraphs == len(corpus.paragraphs)
    assert set(zip(chosen.coded["paragraph_id"], chosen.coded["theme"], strict=True)) == set(
        map(tuple, th.gold_pairs(gold).to_numpy())
    )
    # one paragraph the gold does not know: the automatic coding, and the count says how far the gold reaches
    extra = pd.concat([corpus.paragraphs, _paras("Borders and visas.")], ignore_index=True)
    partial = th.coding_for_analysis(extra, coded, gold)
    assert partial.name == th.AUTO
    assert (partial.n_covered, partial.n_paragraphs) == (len(corpus.paragraphs), len(corpus.paragraphs) + 1)
    assert partial.coded.equals(coded.reset_index(drop=True))
    # no paragraph at all: nothing is covered, so the hand coding is not used
    assert th.coding_for_analysis(corpus.paragraphs.iloc[:0], coded.iloc[:0], gold).name == th.AUTO


def test_hand_coding_keeps_corpus_order_and_drops_unknown_paragraphs():
    paragraphs = _paras("first", "second")
    gold = pd.DataFrame(
        {
            "doc_id": "d",
            "paragraph_id": ["d-p02", "d-p01", "d-p01", "x-p01"],
            "theme": ["b", "a", "", "a"],
            "note": "",
        }
    )
    out = th.hand_coding(gold, paragraphs)
    assert out.values.tolist() == [["d", "d-p01", "a", ""], ["d", "d-p02", "b", ""]]


def test_rule3_bare_headings_get_no_theme(corpus, coded):
    # "Mass arrivals" is a heading of the MFAT page; the terms code it as border management.
    assert ("border_management", "mass arrival") in _pairs(coded, "mfat-smuggling-page-p17")
    kept, removed = th.apply_rule3(coded, corpus.paragraphs)
    assert "mfat-smuggling-page-p17" in set(removed["paragraph_id"])
    assert "mfat-smuggling-page-p17" not in set(kept["paragraph_id"])
    assert len(kept) + len(removed) == len(coded)
    # every line read as a heading is one the hand coding gives no theme (rule 3)
    gold = th.load_gold()
    headings = set(corpus.paragraphs.loc[th.heading_like(corpus.paragraphs), "paragraph_id"])
    assert headings and not headings & set(th.gold_pairs(gold)["paragraph_id"])
    frame = _paras(
        "Border management", "Border management is discussed.", "- border checks", "a b c d e f g h i j k l m"
    )
    assert th.heading_like(frame).tolist() == [True, False, False, False]
    marked = frame.assign(kind=["paragraph", "heading", "paragraph", "paragraph"])
    assert th.heading_like(marked).tolist() == [True, True, False, False]


def _emphasis(first: list[float], last: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"2002": first, "2024": last, "first_year": "2002"}, index=pd.Index(["a", "b", "c"], name="theme")
    )


def test_compare_codings_sign_and_rank():
    hand = _emphasis([0.1, 0.2, 0.3], [0.4, 0.1, 0.3])  # a +0.3 (1), b -0.1 (3), c 0 (2)
    auto = _emphasis([0.1, 0.2, 0.3], [0.2, 0.3, 0.3])  # a +0.1 (1), b +0.1 (1), c 0 (3)
    out = th.compare_codings(hand, auto)
    assert out["rank (hand)"].tolist() == [1, 3, 2]
    assert out["rank (automatic)"].tolist() == [1, 1, 3]
    assert out["direction (hand)"].tolist() == ["rise", "fall", "none"]
    assert out["same direction"].tolist() == [True, False, True]
    assert out["same rank"].tolist() == [True, False, False]
    assert out["reading"].tolist() == ["robust", "uncertain", "uncertain"]
    facts = th.comparison_facts(out, {"a": "A", "b": "B", "c": "C"})
    assert facts["cmp_robust_rises"] == "A" and facts["cmp_robust_falls"] == "none"
    assert facts["cmp_uncertain"] == "B, C"
    assert facts["cmp_direction_only"] == "C"  # no change under both, but ranked differently
    assert (facts["cmp_rise_agrees"], facts["cmp_fall_agrees"]) == ("robust", "uncertain")
    assert (facts["cmp_rise_auto"], facts["cmp_fall_auto"]) == ("A", "C")  # ties: the first theme
    # a change smaller than min_change is no change: b's -0.1 and +0.1 then agree in direction
    small = th.compare_codings(hand, auto, min_change=0.2)
    assert small["direction (hand)"].tolist() == ["rise", "none", "none"]
    assert small["same direction"].tolist() == [False, True, True]
    none = th.comparison_facts(None, {"a": "A"})
    assert none["cmp_available"] == "no" and all(v not in ("", None) for v in none.values())


def test_headline_rise_and_fall_differ_between_codings(corpus, coded, gold, codebook):
    """Issue 11: on the hand coding the largest rise and fall are not those of the terms; neither is robust."""
    labels = {t.key: t.label for t in codebook.themes}
    auto, _ = th.apply_rule3(th.code_corpus(corpus), corpus.paragraphs)
    hand = th.coding_for_analysis(corpus.paragraphs, auto, gold).coded
    em_hand = th.emphasis_by_year(hand, corpus.paragraphs, corpus.documents, codebook.keys)
    em_auto = th.emphasis_by_year(auto, corpus.paragraphs, corpus.documents, codebook.keys)
    facts_hand = th.emphasis_facts(em_hand, labels)
    # Law enforcement: four of the 50 paragraphs of 2002 against five of the 34 of the MFAT page (by reading).
    assert facts_hand["rise_theme"] == "Law enforcement and prosecution"
    assert (facts_hand["rise_from"], facts_hand["rise_to"]) == (pytest.approx(4 / 50), pytest.approx(5 / 34))
    # The process's own institutions: five 2002 paragraphs (strategy, working parties, follow-up) to none.
    assert facts_hand["fall_theme"] == "Building the process's institutions"
    assert th.emphasis_facts(em_auto, labels)["rise_theme"] != facts_hand["rise_theme"]
    step = th.one_paragraph(corpus.paragraphs, corpus.documents)
    assert step == pytest.approx(1 / 50)  # 2002 has 50 paragraphs, 2024 has 34
    comparison = th.compare_codings(em_hand, em_auto, min_change=step)
    facts = th.comparison_facts(comparison, labels)
    assert (facts["cmp_rise_agrees"], facts["cmp_fall_agrees"]) == ("uncertain", "uncertain")
    assert comparison.loc["private_sector", "reading"] == "robust"  # new in 2018 under both codings
    assert facts["cmp_n_robust"] + facts["cmp_n_uncertain"] == len(codebook.keys)


def test_emphasis_facts_one_year_has_no_rise_or_fall():
    em = pd.DataFrame({"2016": [0.5, 0.0], "first_year": ["2016", ""]}, index=pd.Index(["a", "b"], name="theme"))
    facts = th.emphasis_facts(em, {"a": "A", "b": "B"})
    assert (facts["rise_theme"], facts["fall_theme"], facts["new_themes"]) == ("none", "none", "none")
    assert facts["n_dropped_themes"] == 0


def test_summaries_have_no_empty_values(codebook):
    labels = {t.key: t.label for t in codebook.themes}
    empty = pd.DataFrame(columns=["doc_id", "paragraph_id", "theme", "matched"])
    s = th.coding_summary(
        empty, _paras("Thanks to the hosts."), th.top_pairs(th.cooccurrence(empty, codebook.keys)), labels
    )
    assert (s["top_theme"], s["top_pair_a"], s["share_themed"], s["n_unthemed"]) == ("none", "none", 0.0, 1)
    for value in s.values():
        assert value is not None and not (isinstance(value, float) and math.isnan(value))


def test_validation_summary_matches_evaluation(coded, gold, codebook):
    labels = {t.key: t.label for t in codebook.themes}
    ev = th.evaluate(coded, gold, codebook.keys)
    s = th.validation_summary(ev, gold, labels)
    assert s["macro_f1"] == pytest.approx(ev.loc["macro average", "f1"])
    assert s["n_fp"] == ev.loc["micro average", "fp"] and s["gold_paragraphs"] == 111
    assert s["worst_f1"] <= s["macro_f1"] <= s["best_f1"]


def test_theme_scores_rows(corpus, gold):
    out = evaluation.theme_scores(th.code_corpus, corpus, gold)
    assert out["set"].tolist() == list(evaluation.SETS)
    inside = out.set_index("set").loc["in-sample"]
    assert inside["pairs (reading)"] == len(th.gold_pairs(gold)) and inside["documents"] == 5
    # each set has one document not in English, which is reported and not coded
    assert out.set_index("set").loc[["dev", "test"], "not in English"].tolist() == [1, 1]
    assert out[["precision", "recall", "F1", "macro F1"]].apply(lambda c: c.between(0, 1)).all().all()


def _glued(notebook: str) -> dict[str, str]:
    """The text/plain of every value a committed notebook glues, by name."""
    import json

    cells = json.loads((REPO_ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    return {
        o["metadata"]["scrapbook"]["name"]: o["data"].get("application/papermill.record/text/plain", "")
        for c in cells
        if c["cell_type"] == "code"
        for o in c.get("outputs", [])
        if "scrapbook" in o.get("metadata", {})
    }


def test_chapter_findings_come_from_the_coding_it_names(corpus, gold, codebook):
    """Issue 11: the chapter names the hand coding on the shipped corpus, and its headline change is that
    coding's, with the automatic coding's disagreement glued as uncertain."""
    glued = _glued("04_themes.ipynb")
    assert glued["coding_label"] == repr(th.HAND)
    labels = {t.key: t.label for t in codebook.themes}
    auto, _ = th.apply_rule3(th.code_corpus(corpus), corpus.paragraphs)
    hand = th.hand_coding(gold, corpus.paragraphs)
    facts = th.emphasis_facts(th.emphasis_by_year(hand, corpus.paragraphs, corpus.documents, codebook.keys), labels)
    assert glued["emph_rise_theme"] == repr(facts["rise_theme"])
    assert glued["emph_fall_theme"] == repr(facts["fall_theme"])
    step = th.one_paragraph(corpus.paragraphs[corpus.paragraphs["kind"] == "paragraph"], corpus.documents)
    hand_emph = th.emphasis_by_year(
        hand, corpus.paragraphs[corpus.paragraphs["kind"] == "paragraph"], corpus.documents, codebook.keys
    )
    auto_emph = th.emphasis_by_year(
        auto, corpus.paragraphs[corpus.paragraphs["kind"] == "paragraph"], corpus.documents, codebook.keys
    )
    expected = th.comparison_facts(th.compare_codings(hand_emph, auto_emph, min_change=step), labels)
    assert glued["cmp_rise_agrees"] == repr(expected["cmp_rise_agrees"])
    assert glued["n_rule3"] == str(len(th.apply_rule3(th.code_corpus(corpus), corpus.paragraphs)[1]))
    assert len(auto) < len(th.code_corpus(corpus))
