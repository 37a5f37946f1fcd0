"""`make test` on another corpus refuses in one line, before it builds or runs anything: the committed
notebooks are the regression reference of the shipped corpus, and comparing them with a book built on
another corpus would only produce failures (and the advice to re-execute them on the wrong corpus)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import REPO

STAMP = REPO / "_build" / ".corpus-path"


def test_make_test_refuses_another_corpus_in_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "data" / "corpus", corpus)
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    saved = tmp_path / "stamp"
    if STAMP.is_file():
        shutil.copy2(STAMP, saved)
    try:
        run = subprocess.run(
            ["make", "--no-print-directory", "test"],
            cwd=REPO,
            capture_output=True,
            text=True,
            env={**os.environ, "BALIPROCESS_CORPUS": str(corpus), "MAKEFLAGS": ""},
            timeout=300,
        )
    finally:
        if saved.is_file():
            shutil.copy2(saved, STAMP)  # the Makefile records the corpus in use; put the real one back
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert run.returncode != 0
    assert len(lines) == 1, run.stderr
    assert "is not the shipped corpus" in lines[0] and "make check-corpus" in lines[0]
    assert "pytest" not in run.stdout and "jupyter-book" not in run.stdout
