"""The cleaning rules: each rule on an example, the rules written for the shipped documents applying to
their folder alone (data/corpus/cleaning.yml), and a folder's cleaning file read with one line per fault."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from baliprocess.cleaning import CLEANING_FILE, RULES, clean_lines, corpus_rules
from baliprocess.corpus import DEFAULT_CORPUS, CorpusError, load_corpus
from corpusfactory import front, good_corpus, write

#: The rules that clean the shipped documents: every corpus's, then those of data/corpus/cleaning.yml.
SHIPPED_RULES, _ = corpus_rules(DEFAULT_CORPUS)

RULE_EXAMPLES = {
    "site-header": ("International Information Programs", None),
    "site-footer": ("  • This site is produced and maintained by the U.S. Department of State's Office", None),
    "image-caption": ("brisbane-city-skyline-min Image", None),
    "page-navigation": ("On this page", None),
    "link-only-line": ("Read the Palermo Convention(external link)", None),
    "press-contact": ("John Tulloch (Phil Goff’s press sec.) 04 471 9794", None),
    "external-link-marker": ("The Strategy(external link) provides", "The Strategy provides"),
    "markdown-link": ("found here: [www.x.net](http://www.x.net)", "found here: www.x.net"),
    "markdown-emphasis": ("the Seventh *Bali Process* (Bali Process)", "the Seventh Bali Process (Bali Process)"),
    "run-together-label": (
        "Location: Brisbane, AustraliaDate: 07 June",
        "Location: Brisbane, Australia\nDate: 07 June",
    ),
    "ocr-lOM": ("the offer of lOM and UNHCR", "the offer of IOM and UNHCR"),
    "ocr-emphasis-ed": ("Ministers emphasis ed that", "Ministers emphasised that"),
    "ocr-LTN": ("relevant LTN Conventions", "relevant UN Conventions"),
    "doubled-word": ("a forum that addresses addresses people", "a forum that addresses people"),
    "unicode-hyphen": ("information\u2011sharing and co\u2010chaired", "information-sharing and co-chaired"),
    "figure-dash": ("2020\u20122025", "2020\u20132025"),
    "horizontal-bar": ("the Process \u2015 since 2002", "the Process \u2014 since 2002"),
    "unicode-space": ("30\u00a0March and 1\u202fApril", "30 March and 1 April"),
    "soft-hyphen": ("traf\u00adficking in persons", "trafficking in persons"),
    "zero-width": ("Bali\u200bProcess", "BaliProcess"),
    "curly-single-quote": ("the Co-Chairs\u2019 statement", "the Co-Chairs' statement"),
    "curly-double-quote": ("\u201cAustralia and Indonesia co-chaired\u201d", '"Australia and Indonesia co-chaired"'),
}


def test_every_rule_has_an_example():
    assert set(RULE_EXAMPLES) == {r.name for r in SHIPPED_RULES}


@pytest.mark.parametrize("name", sorted(RULE_EXAMPLES))
def test_cleaning_rule(name):
    before, after = RULE_EXAMPLES[name]
    lines, log = clean_lines([(7, before)], SHIPPED_RULES)
    assert [entry["rule"] for entry in log] == [name]
    assert log[0]["line"] == 7
    if after is None:
        assert lines == []
    else:
        assert "\n".join(text for _, text in lines) == after


@pytest.mark.parametrize(
    "text",
    [
        "Information Programs of the UN",
        "Read this (external links)",
        "This emphasis edits nothing",
        "Contact: John",
        "lOMbok",
    ],
)
def test_rules_leave_ordinary_text_alone(text):
    lines, log = clean_lines([(1, text)], SHIPPED_RULES)
    assert log == [] and lines == [(1, text)]


@pytest.mark.parametrize("name", sorted(RULE_EXAMPLES))
def test_rule_hints_are_in_every_example(name):
    rule = next(r for r in SHIPPED_RULES if r.name == name)
    assert rule.hints and any(h in RULE_EXAMPLES[name][0] for h in rule.hints)


def test_hints_do_not_change_what_is_cleaned():
    plain = tuple(dataclasses.replace(r, hints=()) for r in SHIPPED_RULES)
    for path in sorted(DEFAULT_CORPUS.glob("*.txt")):
        lines = list(enumerate(path.read_text(encoding="utf-8").split("\n"), start=1))
        assert clean_lines(lines, SHIPPED_RULES) == clean_lines(lines, plain), path.name


def test_the_shipped_corpus_has_rules_of_its_own_and_each_fires_on_it():
    own = SHIPPED_RULES[len(RULES) :]
    assert SHIPPED_RULES[: len(RULES)] == RULES and own and corpus_rules(DEFAULT_CORPUS)[1] == []
    fired = set(load_corpus(DEFAULT_CORPUS).cleaning_log["rule"])
    assert fired >= {r.name for r in own} and fired <= {r.name for r in SHIPPED_RULES}


def test_rules_written_for_the_shipped_documents_apply_to_their_folder_alone(tmp_path: Path):
    body = "The offer of lOM was noted.\n\nInternational Information Programs\n"
    (tmp_path / "mine").mkdir()
    write(tmp_path / "mine", "a.md", front(title="A", date="2019-05-02") + body)
    mine = load_corpus(tmp_path / "mine")
    assert mine.rules == RULES and mine.paragraphs["text"].tolist() == [
        "The offer of lOM was noted.",
        "International Information Programs",
    ]
    shutil.copy2(DEFAULT_CORPUS / CLEANING_FILE, tmp_path / "mine" / CLEANING_FILE)  # as a reader copying them
    fixed = load_corpus(tmp_path / "mine")
    assert fixed.rules == SHIPPED_RULES and fixed.paragraphs["text"].tolist() == ["The offer of IOM was noted."]
    assert fixed.cleaning_log["rule"].tolist() == ["ocr-lOM", "site-header"]


def test_a_folder_rule_is_applied_after_every_corpus_rule(tmp_path: Path):
    """A rule that looks for a non-breaking hyphen finds none: the corpus-wide typography has replaced it."""
    good_corpus(tmp_path, 1)
    rule = 'rules:\n  - {name: nb-hyphen, kind: replace, pattern: "co\\u2011chair", replacement: chairs, reason: r}\n'
    write(tmp_path, CLEANING_FILE, rule)
    rules, problems = corpus_rules(tmp_path)
    assert problems == [] and [r.name for r in rules] == [*(r.name for r in RULES), "nb-hyphen"]
    lines, log = clean_lines([(1, "The co\u2011chair spoke.")], rules)
    assert lines == [(1, "The co-chair spoke.")] and [e["rule"] for e in log] == ["unicode-hyphen"]
    alone, _ = clean_lines([(1, "The co\u2011chair spoke.")], rules[len(RULES) :])
    assert alone == [(1, "The chairs spoke.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "rules:\n  - name: x\n",
            ["2: rule x: lacks 'kind'", "2: rule x: lacks 'pattern'", "2: rule x: lacks 'reason'"],
        ),
        (
            "rules:\n  - {name: a, kind: drop, pattern: 'x', reason: r}\n"
            "  - {name: a, kind: replace, pattern: '(', reason: r}\n",
            [
                "2: rule a: kind 'drop' is neither drop_line nor replace",
                "3: rule a: name 'a' is taken by another rule",
                "3: rule a: pattern is no regular expression (missing ), unterminated subpattern at position 0)",
            ],
        ),
        (
            "rules:\n  - {name: curly-double-quote, kind: drop_line, pattern: x, reason: r, hints: x, why: y}\n",
            [
                "2: rule curly-double-quote: has an unknown key 'why'",
                "2: rule curly-double-quote: hints is a list of non-empty strings",
                "2: rule curly-double-quote: name 'curly-double-quote' is taken by another rule",
            ],
        ),
        (
            "rules:\n  - {name: b, kind: drop_line, pattern: x, reason: r, replacement: y}\n",
            ["2: rule b: a replacement is a string, and only a replace rule has one"],
        ),
        ("- just a list\n", [" is not a mapping with a list 'rules'"]),
        ("rules: [\n", None),
    ],
)
def test_each_fault_of_a_cleaning_file_is_one_line(tmp_path: Path, text: str, expected: list[str] | None):
    good_corpus(tmp_path, 1)
    write(tmp_path, CLEANING_FILE, text)
    with pytest.raises(CorpusError) as caught:
        load_corpus(tmp_path)
    lines = [str(p) for p in caught.value.problems]
    if expected is None:
        assert len(lines) == 1 and lines[0].startswith(f"{tmp_path / CLEANING_FILE}: not readable as YAML")
    else:
        assert lines == [f"{tmp_path / CLEANING_FILE}:{e}" for e in expected]
