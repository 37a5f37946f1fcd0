"""The corpus reader page and the links to it, in the built book (_build/html, from `make book`).

Every paragraph of the corpus in use has its anchor on the reader page, with its id shown and its text
whole; every {para} citation in the sources is a link on the built page, and every link into the reader
page (from prose or from a show_table table) lands on an existing paragraph. Tables marked interactive are
enhanced in Chromium from the locally served itables bundle, with nothing fetched from elsewhere.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from baliprocess.corpus import load_corpus
from baliprocess.present import READER_PAGE, REFERENCES_PAGE, cite_id, show_table
from conftest import REPO, html_pages, serve, source_of, toc_docnames, visit

PARA_ROLE_RE = re.compile(r"\{para\}`([^`]+)`")
READER_HTML = f"{READER_PAGE}.html"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def reader(built_html: Path) -> BeautifulSoup:
    path = built_html / READER_HTML
    assert path.is_file(), f"no reader page {READER_HTML} in the build"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_reader_page_is_in_the_toc() -> None:
    assert READER_PAGE in toc_docnames()


def test_every_paragraph_has_its_anchor_label_and_whole_text(reader: BeautifulSoup, corpus) -> None:
    problems = []
    for row in corpus.paragraphs.itertuples(index=False):
        element = reader.find(id=row.paragraph_id)
        if element is None:
            problems.append(f"{row.paragraph_id}: no anchor")
            continue
        label = element.find("a", class_="para-id")
        if label is None or label.get_text() != row.paragraph_id or label.get("href") != f"#{row.paragraph_id}":
            problems.append(f"{row.paragraph_id}: no visible self-link label with the id")
        if element.get_text() != f"{row.paragraph_id} {row.text}":
            problems.append(f"{row.paragraph_id}: text differs from the corpus: {element.get_text()[:80]!r}")
    assert not problems, f"{len(problems)} of {len(corpus.paragraphs)} paragraphs:\n" + "\n".join(problems[:20])
    shown = reader.find_all(class_="corpus-paragraph")
    assert len(shown) == len(corpus.paragraphs), "the page shows paragraphs that are not in the corpus"


def test_every_document_has_its_metadata_and_source(reader: BeautifulSoup, corpus) -> None:
    problems = []
    for doc in corpus.documents.itertuples(index=False):
        section = reader.find("section", id=f"doc-{doc.doc_id}")
        if section is None:
            problems.append(f"{doc.doc_id}: no section")
            continue
        text = section.get_text(" ", strip=True)
        heading = section.find("h2")
        if heading is None or "".join(heading.find_all(string=True, recursive=False)) != doc.title:
            problems.append(f"{doc.doc_id}: heading is not the title")
        for value in (doc.date.date().isoformat(), doc.publisher, doc.doc_type, doc.date_note):
            if str(value) not in text:
                problems.append(f"{doc.doc_id}: {value!r} not shown")
        if doc.url and not section.find("a", href=doc.url):
            problems.append(f"{doc.doc_id}: no link to its source {doc.url}")
    assert not problems, "\n".join(problems)


def para_roles(docname: str) -> list[str]:
    """The paragraph ids cited with {para} in a page's source (markdown cells of a notebook)."""
    source = source_of(docname)
    text = source.read_text(encoding="utf-8")
    if source.suffix == ".ipynb":
        text = "\n".join(c.source for c in nbformat.reads(text, as_version=4).cells if c.cell_type == "markdown")
    return PARA_ROLE_RE.findall(text)


def reader_links(page: BeautifulSoup, page_path: Path, built: Path) -> list[str]:
    """The fragment of every link on ``page`` that points into the reader page."""
    found = []
    for a in page.find_all("a", href=True):
        parts = urlsplit(a["href"])
        if parts.scheme or not parts.path:
            continue
        if (page_path.parent / unquote(parts.path)).resolve() == (built / READER_HTML).resolve():
            found.append(unquote(parts.fragment))
    return found


def test_every_para_citation_is_a_link_and_every_link_lands(built_html: Path, reader: BeautifulSoup) -> None:
    anchors = {p["id"] for p in reader.find_all(class_="corpus-paragraph")}
    problems, n_roles, n_links = [], 0, 0
    for docname in toc_docnames():
        path = built_html / f"{docname}.html"
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cited = para_roles(docname)
        n_roles += len(cited)
        linked = [a.get_text() for span in page.find_all("span", class_="para-ref") for a in span.find_all("a")]
        if sorted(linked) != sorted(cited):
            problems.append(f"{docname}: {{para}} cites {sorted(cited)} but links {sorted(linked)}")
        for fragment in reader_links(page, path, built_html):
            n_links += 1
            if fragment and fragment not in anchors and not fragment.startswith("doc-") and docname != READER_PAGE:
                problems.append(f"{docname}: link to #{fragment}, which is no paragraph of the reader page")
    assert not problems, "\n".join(problems)
    assert n_roles > 0 and n_links >= n_roles, f"{n_roles} {{para}} roles, {n_links} links: the check saw nothing"


def test_bibliography_entries_have_stable_ids(built_html: Path) -> None:
    """present.cite_link relies on bibtex_cite_id = "cite-{key}" (the bibliography lists every entry)."""
    page = BeautifulSoup((built_html / f"{REFERENCES_PAGE}.html").read_text(encoding="utf-8"), "html.parser")
    ids = {el["id"] for el in page.find_all(class_="citation")}
    bib = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "book" / "bib").glob("*.bib")))
    keys = re.findall(r"^@\w+\{([^,\s]+),", bib, re.MULTILINE)
    assert keys, "no bibliography keys found"
    missing = sorted(k for k in keys if cite_id(k) not in ids)
    assert not missing, f"no entry id cite-<key> for {missing}"


def test_reader_page_passes_no_markup_through(reader: BeautifulSoup) -> None:
    """Corpus text becomes text nodes only (tests/test_escaping.py builds the same page with a payload)."""
    sections = reader.find_all("section", class_="corpus-document")
    assert sections
    allowed = {"section", "h2", "a", "p", "dl", "dt", "dd", "code", "span"}
    found = sorted({el.name for s in sections for el in s.find_all(True)} - allowed)
    assert not found, f"unexpected elements in the corpus sections: {found}"


def test_long_tables_become_interactive_offline(built_html: Path, tmp_path: Path, chromium) -> None:
    """A show_table table of 40 rows, with the book's tables.js and itables bundle, in headless Chromium."""
    shutil.copytree(
        built_html / "_static",
        tmp_path / "_static",
        ignore=shutil.ignore_patterns("*.png", "*.svg", "*.woff*", "vendor", "webpack-macros.html"),
    )
    df = pd.DataFrame({"n": range(40), "name": [f"row {i} <script>h5xss()</script>" for i in range(40)]})
    table = show_table(df, caption="Forty rows")
    (tmp_path / "t.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
        '<script defer src="_static/tables.js"></script></head><body>'
        f"{table.html}</body></html>",
        encoding="utf-8",
    )
    grouped = show_table(df.assign(decade=[f"{n // 10}0s" for n in df["n"]]), caption="Grouped", group="decade")
    (tmp_path / "g.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>g</title>'
        '<script defer src="_static/tables.js"></script></head><body>'
        f"{grouped.html}</body></html>",
        encoding="utf-8",
    )
    static = BeautifulSoup(table.html, "html.parser")
    assert len(static.find("tbody").find_all("tr")) == 40, "without JavaScript the table must be whole"
    enhanced = (
        "!(document.querySelector('.dt-search input') && document.querySelectorAll('tbody tr').length === 15"
        " && document.querySelector('.dt-paging'))"
    )
    printed = "!(document.querySelectorAll('tbody tr').length === 40 && !document.querySelector('.dt-search'))"
    with serve(tmp_path) as base_url:
        problems = visit(chromium, base_url, "t.html", probe=enhanced)
        problems += visit(chromium, base_url, "t.html?print", probe=printed)
        problems += visit(
            chromium,
            base_url,
            "t.html",
            probe="(() => { window.dispatchEvent(new Event('beforeprint'));"
            " return document.querySelectorAll('tbody tr').length !== 40; })()",
        )
        problems += visit(
            chromium,
            base_url,
            "g.html",
            probe="[...document.querySelectorAll('tr.dtrg-group')].map(r => r.textContent).join() !== '00s,10s'",
        )
    assert not problems, "\n".join(problems)
    assert html_pages(tmp_path) == [tmp_path / "g.html", tmp_path / "t.html"]


def sphinx_project(tmp_path: Path, prose: str) -> Path:
    """A minimal Sphinx project with the book's corpus_reader extension, a reader page and one prose page."""
    (tmp_path / "book").mkdir(parents=True)
    (tmp_path / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(REPO / 'book' / '_ext')!r})\n"
        "extensions = ['myst_parser', 'corpus_reader']\n"
        "exclude_patterns = ['_build']\n",
        encoding="utf-8",
    )
    (tmp_path / "index.md").write_text("# Index\n\n```{toctree}\nbook/corpus\nbook/prose\n```\n", encoding="utf-8")
    (tmp_path / "book" / "corpus.md").write_text("# Corpus\n\n```{corpus-reader}\n```\n", encoding="utf-8")
    (tmp_path / "book" / "prose.md").write_text(f"# Prose\n\n{prose}\n", encoding="utf-8")
    return tmp_path


def sphinx_build(project: Path, corpus: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "BALIPROCESS_CORPUS"}
    if corpus is not None:
        env["BALIPROCESS_CORPUS"] = str(corpus)
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(project), str(project / "_build")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_para_role_fails_the_build_on_an_unknown_id_naming_it(tmp_path: Path) -> None:
    """(Known ids are checked as links in the built book, above.)"""
    bad = sphinx_build(sphinx_project(tmp_path / "bad", "See {para}`cochairs-2002-p05` and {para}`cochairs-2002-p99`."))
    assert bad.returncode != 0
    assert "no paragraph 'cochairs-2002-p99' in the corpus in use" in bad.stderr
    assert "prose.md:3" in bad.stderr
    assert "cochairs-2002-p05'" not in bad.stderr


def test_para_role_on_another_corpus_shows_unknown_ids_unlinked(tmp_path: Path) -> None:
    """The prose cites the shipped corpus; a reader's own corpus still builds (the id is not a link)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "data" / "corpus", corpus)
    left_out = [p for p in corpus.glob("*.txt") if "\nid: mfat-smuggling-page\n" in p.read_text(encoding="utf-8")]
    assert len(left_out) == 1, "the shipped corpus changed: pick another document to leave out"
    left_out[0].unlink()
    project = sphinx_project(tmp_path / "own", "See {para}`mfat-smuggling-page-p13` and {para}`cochairs-2002-p05`.")
    run = sphinx_build(project, corpus)
    assert run.returncode == 0, run.stderr
    page = BeautifulSoup((project / "_build" / "book" / "prose.html").read_text(encoding="utf-8"), "html.parser")
    spans = page.find_all("span", class_="para-ref")
    assert [s.get_text() for s in spans] == ["mfat-smuggling-page-p13", "cochairs-2002-p05"]
    assert spans[0].find("a") is None and spans[1].find("a") is not None
