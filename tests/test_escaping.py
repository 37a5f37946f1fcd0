"""Corpus text is shown escaped: a document carrying HTML/script payloads ends up as text, never as markup.

One book is built for the whole module (:func:`bookbuild.build_book`), with BALIPROCESS_CORPUS pointing at
the mixed corpus (tests/mixedcorpus.py: the real corpus and three more documents) plus one payload document;
tests/test_mixed_corpus_book.py reads the same build. The payload document is valid
and uses words the chapters pick up (a date, a cooperation area, member names), so it reaches the tables.
Every payload calls h5xss(), which does not exist: if any of it ran in the browser, it would raise
"h5xss is not defined".
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

import bookbuild
from conftest import REPO, Tab, html_pages, is_redirect, serve, source_of, toc_docnames, visit
from mixedcorpus import mixed_corpus

TOKEN = "h5xss"
PAYLOAD_DOC = """---
id: zz-escaping-payload
title: '<script>h5xss(1)</script><img src=x onerror=h5xss(2)> Payload & "quotes"'
date: 2018-08-07
publisher: '<b onmouseover="h5xss(3)">Payload publisher</b>'
doc_type: press_release
url: 'https://example.org/x"><script>h5xss(4)</script>'
---
1. On 7 August 2018 the Bali Process ministers agreed on information sharing <script>h5xss(5)</script> to counter people smuggling and trafficking in persons.

2. The meeting was attended by Fiji and Samoa <img src=x onerror="h5xss(6)"> together with Australia and Indonesia as co-chairs.

- Areas of cooperation: information sharing, law enforcement cooperation and border management <iframe src="javascript:h5xss(7)"></iframe>.

The Regional Support Office <a href="javascript:h5xss(8)">h5xss link</a> **h5xssbold** [h5xssmd](javascript:h5xss(9)) {glue:text}`n_documents` $h5xss^2$.
"""
NOT_ENGLISH_FILE = "dev07_siaran_pers_id.md"
NOT_ENGLISH_ID = "dev-siaran-pers-2016"
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "srcdoc", "xlink:href")


def payload_corpus(corpus: Path) -> Path:
    """The mixed corpus plus the payload document, in ``corpus``."""
    mixed_corpus(corpus)
    (corpus / "zz-escaping-payload.txt").write_text(PAYLOAD_DOC, encoding="utf-8")
    # A document not in English (from the development set) rides along: the themes chapter must report it as
    # not coded, by id and language, rather than give it no theme in silence.
    shutil.copy2(REPO / "data" / "eval" / "dev" / "corpus" / NOT_ENGLISH_FILE, corpus / NOT_ENGLISH_FILE)
    return corpus


# Started when the tests are collected (conftest); tests/test_mixed_corpus_book.py reads the same build.
EARLY_BUILD = ("adversarial", payload_corpus)


@pytest.fixture(scope="module")
def payload_book() -> dict:
    """The book built on the corpus plus the payload document."""
    return bookbuild.result(*EARLY_BUILD)


@pytest.fixture(scope="module")
def payload_pages(payload_book: dict) -> dict[str, BeautifulSoup]:
    html = payload_book["html"]
    if not (html / "index.html").is_file():
        pytest.fail("the payload book produced no HTML:\n" + payload_book["log"][-4000:])
    return {
        p.relative_to(html).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in html_pages(html)
    }


def test_payload_book_builds_without_warnings(payload_book: dict) -> None:
    warnings = [line for line in payload_book["log"].splitlines() if re.search(r"WARNING|ERROR|Traceback", line)]
    assert payload_book["returncode"] == 0, (
        "the book does not build on a corpus with one more (valid) document:\n"
        + "\n".join(warnings[:30] or payload_book["log"].splitlines()[-40:])
    )


def live_payload(page: BeautifulSoup) -> list[str]:
    """Every payload that became markup: a script, an event handler, a javascript: URL, parsed markdown."""
    found = [f"<script> element running {el.string!r}" for el in page.find_all("script") if TOKEN in (el.string or "")]
    for el in page.find_all(True):
        for name, value in el.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if TOKEN not in value:
                continue
            if name.lower().startswith("on"):
                found.append(f"<{el.name} {name}={value!r}> event handler")
            elif name.lower() in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                found.append(f"<{el.name} {name}={value!r}> javascript URL")
    for el in page.find_all(["img", "b", "strong", "a"]):
        text = el.get_text(strip=True)
        if (
            (el.name == "img" and el.get("src") == "x")
            or (el.name in ("b", "strong") and (TOKEN in text or text == "Payload publisher"))
            or (el.name == "a" and text in (f"{TOKEN} link", f"{TOKEN}md"))
        ):
            found.append(f"<{el.name}> element made from payload text {text!r}")
    return found


def test_payload_is_never_live_markup(payload_pages: dict[str, BeautifulSoup]) -> None:
    problems = [f"{name}: {p}" for name, page in payload_pages.items() for p in live_payload(page)]
    assert not problems, "corpus text became live HTML:\n" + "\n".join(problems)


def test_payload_reaches_the_book_as_escaped_text(payload_pages: dict[str, BeautifulSoup]) -> None:
    shown = sorted(name for name, page in payload_pages.items() if f"<script>{TOKEN}(1)" in page.get_text())
    assert shown, "the payload title is shown on no page, so the escaping checks above prove nothing"
    body = sorted(name for name, page in payload_pages.items() if TOKEN in page.get_text() and name not in shown)
    print(f"payload title shown as text on {shown}; other payload text on {body}")


def test_checks_recognise_live_payload() -> None:
    live = BeautifulSoup(
        '<p><script>h5xss(5)</script><img src="x" onerror="h5xss(6)"/>'
        '<a href="javascript:h5xss(9)">h5xssmd</a><strong>h5xssbold</strong>'
        '<iframe src="javascript:h5xss(7)"></iframe></p>',
        "html.parser",
    )
    escaped = BeautifulSoup(
        "<td>&lt;script&gt;h5xss(1)&lt;/script&gt;&lt;img src=x onerror=h5xss(2)&gt;</td>"
        '<a title="&lt;b onmouseover=h5xss(3)&gt;" href="https://example.org/">ok</a>',
        "html.parser",
    )
    assert len(live_payload(live)) == 7
    assert live_payload(escaped) == []


def test_payload_never_runs_in_a_browser(payload_book: dict, payload_pages: dict, chromium) -> None:
    problems = []
    html = payload_book["html"]
    with serve(html) as base_url:
        tab = Tab(chromium, base_url)
        try:
            for name in payload_pages:
                seen = visit(chromium, base_url, name) if is_redirect(html / name) else tab.visit(name)
                problems += [f"{name}: {p}" for p in seen if TOKEN in p]
        finally:
            tab.close()
    assert not problems, "payload ran in the browser:\n" + "\n".join(problems)


@pytest.mark.parametrize("docname", toc_docnames())
def test_chapters_never_paste_markdown_from_data(docname: str) -> None:
    """{glue:md} would parse glued text (which may hold corpus text) as markdown; {glue:text} escapes it."""
    source = source_of(docname)
    text = source.read_text(encoding="utf-8")
    if source.suffix == ".ipynb":
        nb = nbformat.reads(text, as_version=4)
        text = "\n".join(c.source for c in nb.cells)
    assert not re.search(r"\{glue:md\}", text), f"{source.name} uses {{glue:md}}; use {{glue:text}}"
    assert "escape=False" not in text, f"{source.name} renders a table with escape=False"


def test_reader_page_shows_every_payload_paragraph_as_text(payload_pages: dict[str, BeautifulSoup]) -> None:
    """The corpus reader (book/_ext/corpus_reader.py) prints the payload's title, metadata and paragraphs."""
    from baliprocess.present import READER_PAGE

    page = payload_pages[f"{READER_PAGE}.html"]
    section = page.find("section", id="doc-zz-escaping-payload")
    assert section is not None, "the payload document is missing from the reader page"
    text = section.get_text()
    for shown in (
        '<script>h5xss(1)</script><img src=x onerror=h5xss(2)> Payload & "quotes"',
        '<b onmouseover="h5xss(3)">Payload publisher</b>',
        "<script>h5xss(5)</script>",
        '<img src=x onerror="h5xss(6)">',
        '<iframe src="javascript:h5xss(7)"></iframe>',
        "[h5xssmd](javascript:h5xss(9)) {glue:text}`n_documents` $h5xss^2$",
    ):
        assert shown in text, f"{shown!r} is not shown as text on the reader page"
    assert section.find("a", href='https://example.org/x"><script>h5xss(4)</script>') is not None
    assert not live_payload(section)


def test_a_document_not_in_english_is_reported_as_not_coded(payload_pages: dict[str, BeautifulSoup]) -> None:
    text = " ".join(payload_pages["notebooks/04_themes.html"].get_text(" ").split())
    assert f"{NOT_ENGLISH_ID} (id)" in text, "the themes chapter does not name the Indonesian document as not coded"
