"""The book builds on a reader's corpus and says nothing false about it.

One build, on a corpus of a single English document that has no lists of participants, no stated counts
and no date in its text: the smallest corpus a reader can bring. It must build with warnings as errors;
no ``None``, ``nan`` or empty value may reach the prose; every chapter must open with the note that the
commentary is generic; and no sentence written for the shipped corpus (inside ``{only} shipped_corpus``)
may appear.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

import bookbuild
from conftest import html_pages, source_of, toc_docnames, toc_notebooks

ONE_DOCUMENT = """---
id: lone-note
title: A note on regional cooperation
date: 2019-06-30
publisher: Test publisher
doc_type: other
---
Officials of several governments met to talk about how their agencies could work together against
organised crime that moves people across borders.

They agreed to keep talking and to report back to their ministers.
"""
EMPTY_VALUES = re.compile(r"(?<![\w-])(None|nan|NaN|NaT|<NA>|inf)(?![\w-])")
SHIPPED_BLOCK = re.compile(r"^```\{only\} shipped_corpus\n(.*?)^```", re.MULTILINE | re.DOTALL)


def lone_corpus(corpus: Path) -> Path:
    """A corpus of the one document above, in ``corpus``."""
    corpus.mkdir()
    (corpus / "lone-note.md").write_text(ONE_DOCUMENT, encoding="utf-8")
    return corpus


EARLY_BUILD = ("lone", lone_corpus)  # started when the tests are collected (conftest)


@pytest.fixture(scope="module")
def lone_book() -> dict:
    return bookbuild.result(*EARLY_BUILD)


@pytest.fixture(scope="module")
def lone_pages(lone_book: dict) -> dict[str, BeautifulSoup]:
    html: Path = lone_book["html"]
    if lone_book["returncode"] != 0 or not (html / "index.html").is_file():
        problems = [line for line in lone_book["log"].splitlines() if re.search(r"WARNING|ERROR|Error", line)]
        pytest.fail(
            "the book does not build on a one-document corpus:\n"
            + "\n".join(problems[:30] or lone_book["log"].splitlines()[-40:])
        )
    return {
        p.relative_to(html).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in html_pages(html)
    }


def prose(page: BeautifulSoup) -> str:
    """The reader-facing text of a page: the article without code cells' input."""
    article = page.select_one("article") or page
    for hidden in article.select("div.cell_input, div.highlight, pre, script, style"):
        hidden.decompose()
    return " ".join(article.get_text(" ").split())


def shipped_only_sentences(docname: str) -> list[str]:
    """Plain-text runs (at least six words, no markup) from the {only} shipped_corpus blocks of a source."""
    source = source_of(docname)
    text = source.read_text(encoding="utf-8")
    if source.suffix == ".ipynb":
        text = "\n".join(c.source for c in nbformat.reads(text, as_version=4).cells if c.cell_type == "markdown")
    runs = []
    for block in SHIPPED_BLOCK.findall(text):
        for run in re.split(r"\{[^}]*\}`[^`]*`|`[^`]*`|\([^)]*\)|[*\[\]]|\n\s*\n", block):
            words = run.split()
            if len(words) >= 6:
                runs.append(" ".join(words))
    return runs


def test_one_document_corpus_builds_without_warnings(lone_book: dict) -> None:
    warnings = [line for line in lone_book["log"].splitlines() if re.search(r"WARNING|ERROR|Traceback", line)]
    assert lone_book["returncode"] == 0 and not warnings, "\n".join(warnings[:30])


@pytest.mark.parametrize("docname", toc_docnames())
def test_no_empty_value_reaches_the_prose(docname: str, lone_pages: dict[str, BeautifulSoup]) -> None:
    found = EMPTY_VALUES.findall(prose(lone_pages[f"{docname}.html"]))
    assert not found, f"{docname}: {found[:10]} in the prose of a one-document book"


@pytest.mark.parametrize("docname", toc_notebooks())
def test_every_chapter_says_its_commentary_is_generic(docname: str, lone_pages: dict[str, BeautifulSoup]) -> None:
    assert lone_pages[f"{docname}.html"].select(".corpus-note"), f"{docname}: no corpus note on another corpus"


@pytest.mark.parametrize("docname", toc_docnames())
def test_no_sentence_written_for_the_shipped_corpus(docname: str, lone_pages: dict[str, BeautifulSoup]) -> None:
    text = prose(lone_pages[f"{docname}.html"])
    leaked = [s for s in shipped_only_sentences(docname) if s in text]
    assert not leaked, f"{docname}: shipped-corpus commentary shown on another corpus: {leaked[:3]}"


def test_shipped_only_sentences_are_found() -> None:
    # The leak test above proves nothing if the helper finds no sentence to look for.
    assert shipped_only_sentences("notebooks/01_corpus")


def test_a_corpus_made_again_the_same_keeps_its_files_times(tmp_path: Path) -> None:
    # The kept build is made again only if an input changed: a file of the same bytes must keep its time.
    fresh, kept = tmp_path / "fresh", tmp_path / "kept"
    fresh.mkdir()
    (fresh / "same.md").write_text("same", encoding="utf-8")
    (fresh / "changed.md").write_text("new", encoding="utf-8")
    bookbuild.sync_corpus(fresh, kept)
    (fresh / "changed.md").write_text("newer", encoding="utf-8")
    (kept / "gone.md").write_text("not in the corpus any more", encoding="utf-8")
    same_time = (kept / "same.md").stat().st_mtime_ns - 10**9
    os.utime(kept / "same.md", ns=(same_time, same_time))
    assert bookbuild.sync_corpus(fresh, kept) == kept
    assert sorted(p.name for p in kept.iterdir()) == ["changed.md", "same.md"]
    assert (kept / "changed.md").read_text(encoding="utf-8") == "newer"
    assert (kept / "same.md").stat().st_mtime_ns == same_time
