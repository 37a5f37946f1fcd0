"""Build the whole book on another corpus into a temporary folder, with the recipe ``make book`` runs
(tools/build_book.py): the working tree and its _build are never touched. Used by the escaping test and
the any-corpus tests.

A build takes most of a minute, so the test modules that need one declare it (``EARLY_BUILD = (name,
make_corpus)``) and ``conftest.pytest_collection_finish`` starts it in the background as soon as the tests
are collected (:func:`start`); the module's fixture then waits for it (:func:`result`). The builds run
while the other tests do, on the machine's second core.
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from conftest import REPO

BUILD_SCRIPT = REPO / "tools" / "build_book.py"


def build_book(tmp: Path, corpus: Path) -> dict:
    """Build the book on ``corpus`` into ``tmp/out``; return the html folder, the exit status and the log
    (the script's own output, then the full log of the build)."""
    out = tmp / "out"
    run = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--corpus", str(corpus), "--out", str(out), "--jobs", "2"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    logs = [
        p.read_text(encoding="utf-8", errors="replace")
        for p in (out / "book.log", out / "book-failed.log")
        if p.is_file()
    ]
    log = run.stdout + run.stderr + "".join(logs)
    return {"html": out / "html", "returncode": run.returncode, "log": log}


_BUILDS: dict[str, Future] = {}
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="bookbuild")


def start(name: str, make_corpus: Callable[[Path], Path]) -> None:
    """Start building the book on ``make_corpus(folder)`` in the background (once per name)."""
    if name in _BUILDS:
        return
    tmp = Path(tempfile.mkdtemp(prefix=f"bookbuild-{name}-"))
    atexit.register(shutil.rmtree, tmp, True)
    corpus = make_corpus(tmp / "corpus")
    _BUILDS[name] = _POOL.submit(build_book, tmp, corpus)


def result(name: str, make_corpus: Callable[[Path], Path]) -> dict:
    """The build started by :func:`start` (started now if it was not)."""
    start(name, make_corpus)
    return _BUILDS[name].result()
