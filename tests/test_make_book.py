"""`make book` fails safely on a bad corpus: it prints the validator's one-line problems and one line
more, stops before building anything, and leaves the last good book in _build/html untouched.

(A build that fails later, while executing a notebook, goes through the same swap from _build/.tmp-book;
that path takes a full build and was checked by hand: a one-document corpus fails in chapter 3 and
leaves _build/html as it was.)
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

from conftest import REPO, make_on_corpus


def snapshot(root: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``root`` with its modification time (ns) and content hash."""
    return {
        p.relative_to(root).as_posix(): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_bad_corpus_stops_the_build_with_one_line_per_problem(built_html: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "data" / "corpus", corpus)
    first = sorted(corpus.glob("*.txt"))[0]
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("\ndate: ", "\ndate: not-a-date\nformer_date: ", 1), encoding="utf-8")
    (corpus / "stray.txt").write_text("no front matter\n", encoding="utf-8")
    before = snapshot(built_html)
    run = make_on_corpus("book", corpus, tmp_path, timeout=120)
    validator = subprocess.run(
        [str(REPO / ".venv" / "bin" / "python"), "-m", "baliprocess", "validate", str(corpus)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = validator.stderr.splitlines()
    assert validator.returncode == 1 and len(problems) >= 2, validator.stderr
    lines = [line for line in run.stderr.splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", line)]
    assert run.returncode != 0
    assert lines == [*problems, f"book not built: fix the corpus ({corpus})"], run.stderr
    assert "Traceback" not in run.stdout + run.stderr and "jupyter-book" not in run.stdout
    assert snapshot(built_html) == before, "a failed build changed _build/html"
