"""The Makefile: reading it does nothing; `make book` on a bad corpus stops with the validator's lines and
touches no build output; `make test` on another corpus refuses in one line before building anything. The
corpora here have a space in their path, which every recipe must keep whole."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from conftest import REPO
from corpusfactory import good_corpus, write
from test_cli import run

#: What a book build writes into _build (tools/build_book.py).
BOOK_OUTPUTS = ("html", "jupyter_execute", "executed", "book.log", "book-inputs.txt", "book-failed.log", ".tmp-src")


def make(*args: str, cwd: Path = REPO, corpus: Path | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("BALIPROCESS_CORPUS", "MAKEFLAGS", "MAKELEVEL")}
    if corpus is not None:
        env["BALIPROCESS_CORPUS"] = str(corpus)
    return subprocess.run(
        ["make", "--no-print-directory", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout
    )


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``root`` (or ``root`` itself) with its modification time and size."""
    paths = [root, *root.rglob("*")] if root.is_dir() else [root]
    return {p.as_posix(): (p.stat().st_mtime_ns, p.stat().st_size) for p in paths if p.exists()}


def book_outputs() -> dict[str, tuple[int, int]]:
    return {k: v for name in BOOK_OUTPUTS for k, v in snapshot(REPO / "_build" / name).items()}


def make_errors(stderr: str) -> list[str]:
    """stderr without make's own "make: *** ..." lines."""
    return [line for line in stderr.splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", line)]


def test_reading_the_makefile_writes_nothing(tmp_path: Path) -> None:
    """`make help` in a copy of the project's layout (the Makefile, empty source folders) lists the targets
    and leaves every file and folder as it was (the Makefile once wrote _build/.corpus-path and ran find over
    the sources whenever it was read)."""
    shutil.copy2(REPO / "Makefile", tmp_path / "Makefile")
    for folder in ("book", "notebooks", "src", "data/corpus", "_build"):
        (tmp_path / folder).mkdir(parents=True)
    before = snapshot(tmp_path)
    listed = make("help", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    targets = [line.split("\t")[0] for line in listed.stdout.splitlines()]
    assert {"book", "test", "unit", "check-corpus", "help"} <= set(targets), listed.stdout
    assert snapshot(tmp_path) == before


def test_a_relative_corpus_path_with_a_space_reaches_the_recipes_whole() -> None:
    """The notebooks run in notebooks/, so the Makefile makes BALIPROCESS_CORPUS absolute (and an absolute
    one stays as it is), keeping a space inside the path."""
    show = ["--eval", 'show: ; @printf "%s|%s\\n" "$$BALIPROCESS_CORPUS" "$(CORPUS)"', "show"]
    assert make(*show, corpus=Path("my corpus")).stdout == f"{REPO}/my corpus|my corpus\n"
    assert make(*show, corpus=Path("/tmp/a b")).stdout == "/tmp/a b|/tmp/a b\n"


def test_bad_corpus_stops_the_book_with_one_line_per_problem(tmp_path: Path) -> None:
    corpus = good_corpus(tmp_path / "bad corpus", 2)
    write(corpus, "date.md", '---\ntitle: "x"\ndate: 2002-02-30\n---\nBody.\n')
    write(corpus, "stray.txt", "no front matter\n")
    before = book_outputs()
    book = make("book", corpus=corpus)
    validator = run("validate", str(corpus))  # what the validator says (test_cli.run: main in process)
    problems = validator.stderr.splitlines()
    assert validator.returncode == 1 and len(problems) == 2, validator.stderr
    assert book.returncode != 0
    assert make_errors(book.stderr) == [*problems, f"book not built: fix the corpus ({corpus})"], book.stderr
    assert "Traceback" not in book.stdout + book.stderr and "jupyter-book" not in book.stdout
    assert book_outputs() == before, "a refused build changed _build"


def test_make_test_refuses_another_corpus_in_one_line(tmp_path: Path) -> None:
    """The committed notebooks are the regression reference of the shipped corpus: comparing them with a
    book built on another corpus would only produce failures, so `make test` refuses before it builds."""
    corpus = good_corpus(tmp_path / "other corpus", 2)
    before = book_outputs()
    guard = make("test", corpus=corpus)
    lines = [line for line in guard.stderr.splitlines() if line.strip()]
    assert guard.returncode != 0
    assert len(lines) == 1, guard.stderr
    assert f"{corpus} is not the shipped corpus" in lines[0] and "make check-corpus" in lines[0]
    assert "pytest" not in guard.stdout and "jupyter-book" not in guard.stdout
    assert book_outputs() == before
