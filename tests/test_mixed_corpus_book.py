"""The book built on a mixed corpus (the shipped documents plus a member list, attendance counts and a meeting
report, tests/mixedcorpus.py) says nothing false about it (issue 17): none of the sentences that were true
only of the shipped corpus appears, and the introduction carries the other-corpus note.

The book is the one tests/test_escaping.py builds (its payload document and a document not in English ride
along with the mixed corpus's): one build serves both files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import bookbuild
from conftest import html_pages
from test_any_corpus import prose
from test_escaping import EARLY_BUILD  # the same build (conftest starts it once)

FALSE_ON_MIXED = (
    "No source found lists the current member states by name",
    "No meeting report in this corpus states how many countries attended",
    "No document of this corpus lists the member states by name",
    "lie between 2 and",
    " 1 documents",
)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    built = bookbuild.result(*EARLY_BUILD)
    html: Path = built["html"]
    if built["returncode"] != 0 or not (html / "index.html").is_file():
        lines = [line for line in built["log"].splitlines() if re.search(r"WARNING|ERROR|Error", line)]
        pytest.fail("the book does not build on the mixed corpus:\n" + "\n".join(lines[:30]))
    return {
        # Sphinx's smart quotes turn ' into ’: compare with straight quotes
        p.relative_to(html).as_posix(): prose(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")).replace(
            "’", "'"
        )
        for p in html_pages(html)
    }


def test_no_sentence_false_for_the_mixed_corpus(pages: dict[str, str]) -> None:
    found = [(name, s) for name, text in pages.items() for s in FALSE_ON_MIXED if s in text]
    assert not found, found


def test_members_listed_by_a_document_are_not_never_members(pages: dict[str, str]) -> None:
    text = pages["notebooks/03_membership.html"]
    assert "1 document of this corpus lists member states by name (zz-members-page;" in text
    shown = r"(?:is shown as a member|are shown as members)"
    never = re.search(shown + r" of the process by no dated source \(([^)]*)\)", text)
    assert never, "the sentence on participants never shown as members is missing"
    assert not {"India", "Sri Lanka", "Hong Kong SAR", "Hong Kong"} & {n.strip() for n in never.group(1).split(",")}


def test_metadata_dates_are_called_what_they_are(pages: dict[str, str]) -> None:
    text = pages["notebooks/01_corpus.html"]
    assert "for 1 the date was proposed from the file's metadata by the add command" in text
    assert "It holds 5 of the 5 documents the book ships with" in text


def test_introduction_has_the_other_corpus_note(pages: dict[str, str]) -> None:
    assert "This book was built on a corpus other than the one it ships with" in pages["index.html"] + pages.get(
        "book/intro.html", ""
    )
