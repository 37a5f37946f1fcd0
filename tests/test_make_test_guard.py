"""`make test` on another corpus refuses in one line, before it builds or runs anything: the committed
notebooks are the regression reference of the shipped corpus, and comparing them with a book built on
another corpus would only produce failures (and the advice to re-execute them on the wrong corpus)."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, make_on_corpus


def test_make_test_refuses_another_corpus_in_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "data" / "corpus", corpus)
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    run = make_on_corpus("test", corpus, tmp_path)
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert run.returncode != 0
    assert len(lines) == 1, run.stderr
    assert "is not the shipped corpus" in lines[0] and "make check-corpus" in lines[0]
    assert "pytest" not in run.stdout and "jupyter-book" not in run.stdout
