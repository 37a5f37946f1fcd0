"""How to cite and rerun the book (book/_ext/book_citation.py) and the redirect page (screen_fixes.py):
the pure parts, without a build."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import book_extension

book_citation = book_extension("book_citation")
screen_fixes = book_extension("screen_fixes")

CFF = """cff-version: 1.2.0
title: "A <book> & more"
authors:
  - name: "The Team"
  - given-names: Ada
    family-names: Lovelace
version: 1.2.3
date-released: "2026-01-02"
license: MIT
"""


def test_citation_outside_git_uses_date_released(tmp_path: Path) -> None:
    cff = tmp_path / "CITATION.cff"
    cff.write_text(CFF, encoding="utf-8")
    assert book_citation.find_cff(tmp_path / "deeper" / "still") == cff
    cite = book_citation.load_citation(cff, book_citation.git_commit(tmp_path))
    assert (cite.title, cite.authors, cite.version, cite.date, cite.commit, cite.url) == (
        "A <book> & more",
        ("The Team", "Ada Lovelace"),
        "1.2.3",
        "2026-01-02",
        None,
        None,
    )
    assert cite.label == "1.2.3"
    bib = cite.bibtex()
    assert bib.startswith("@software{baliprocessbook,\n") and "year = {2026}" in bib and "month = {1}" in bib
    assert "author = {{The Team} and {Ada Lovelace}}" in bib and "url" not in bib
    assert cite.apa() == "The Team, Ada Lovelace. (2026). A <book> & more (Version 1.2.3) [Computer software]."
    assert book_citation.NO_URL in book_citation.clone_commands(None)


def test_citation_in_git_names_the_commit_and_its_date(tmp_path: Path) -> None:
    cff = tmp_path / "CITATION.cff"
    cff.write_text(CFF + 'repository-code: "https://example.org/team/book"\n', encoding="utf-8")
    env = {
        "GIT_AUTHOR_DATE": "2026-03-04T05:06:07Z",
        "GIT_COMMITTER_DATE": "2026-03-04T05:06:07Z",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
    }
    for command in (["init", "-q"], ["add", "CITATION.cff"], ["commit", "-q", "-m", "x"]):
        subprocess.run(["git", "-C", str(tmp_path), *command], check=True, env=env)
    commit = book_citation.git_commit(tmp_path)
    assert commit is not None and commit[1] == "2026-03-04"
    cite = book_citation.load_citation(cff, commit)
    assert cite.label == f"1.2.3, commit {commit[0]}" and cite.date == "2026-03-04"
    assert "url = {https://example.org/team/book}" in cite.bibtex()
    assert cite.apa().endswith("[Computer software]. https://example.org/team/book")
    assert book_citation.clone_commands(cite.url).startswith("git clone https://example.org/team/book ")


def test_redirect_page_has_language_title_and_escaped_link() -> None:
    page = screen_fixes.redirect_page("book/intro.html?a=1&b=2", "Title <x>")
    assert '<html lang="en">' in page and "<title>Title &lt;x&gt;</title>" in page
    assert 'content="0; url=book/intro.html?a=1&amp;b=2"' in page and '<a href="book/intro.html?a=1&amp;b=2">' in page
