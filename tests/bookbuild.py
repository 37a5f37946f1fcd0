"""Build the whole book on another corpus, with the recipe ``make book`` runs (tools/build_book.py), into its
own folder under ``_build/test-books`` (the book in _build/html and its records are never touched). Used by
the escaping test, the mixed-corpus test (which share one build) and the any-corpus tests.

A build takes most of a minute, so the test modules that need one declare it (``EARLY_BUILD = (name,
make_corpus)``); modules that declare the same name share one build. On one process,
``conftest.pytest_collection_finish`` starts each build in the background as soon as the tests are
collected (:func:`start`) and the module's fixture waits for it (:func:`result`): the builds run while the
other tests do, on the machine's second core. Under pytest-xdist each worker begins the builds its
collected modules declare in a background thread when collection ends (:func:`start_shared`); the first to
take a build's file lock makes it, in the folder the main process made for the run (:func:`share_builds`),
and the other waits for the lock, then reads the outcome the first saved. The files that read a build run
last on their worker (conftest), so the workers run the other files while the builds are made.

The builds are kept between runs in ``_build/test-books/NAME`` (``make clean`` removes them), and the
recipe's own check (the inputs of the last good build: the corpus's files, every file the book reads, the
commit) decides whether a build is made again, as for ``make book``: a corpus made the same (the files
of the same bytes keep their times, :func:`sync_corpus`) on an unchanged book is not built twice.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from conftest import REPO

BUILD_SCRIPT = REPO / "tools" / "build_book.py"
#: The folder the main process makes for the builds that pytest-xdist's workers share (:func:`share_builds`).
SHARED_ENV = "BALIPROCESS_TEST_BOOKBUILDS"
#: Where the builds are kept between runs, one folder per name (its corpus, its output, a lock).
KEPT = REPO / "_build" / "test-books"


def build_book(tmp: Path, corpus: Path) -> dict:
    """Build the book on ``corpus`` into ``tmp/out``; return the html folder, the exit status and the log
    (the script's own output, then the full log of the build)."""
    out = tmp / "out"
    # One kernel runs the chapters one after another: the two books are built at once, beside the browser
    # passes, so a second kernel per book (its start and imports, about 3 s of CPU) would only add work.
    run = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--corpus", str(corpus), "--out", str(out), "--jobs", "1"],
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


def sync_corpus(fresh: Path, kept: Path) -> Path:
    """Make ``kept`` hold the files of ``fresh``: a file of other bytes is copied, a file of the same bytes
    is left as it is (its time too, so the build's inputs record does not change), a file not in ``fresh``
    is removed."""
    files = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
    for old in [p for p in kept.rglob("*") if p.is_file()]:
        if old.relative_to(kept) not in files:
            old.unlink()
    for name in files:
        new, old = fresh / name, kept / name
        if not old.is_file() or old.read_bytes() != new.read_bytes():
            old.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(new, old)
    return kept


def kept_build(name: str, make_corpus: Callable[[Path], Path]) -> dict:
    """The book on ``make_corpus(folder)`` in ``KEPT/name``, built unless its last good build had the same
    inputs (tools/build_book.py decides); one process at a time (a lock in the folder)."""
    folder = KEPT / name
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "lock").open("w") as lock, tempfile.TemporaryDirectory(prefix=f"corpus-{name}-") as fresh:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        corpus = sync_corpus(make_corpus(Path(fresh) / "corpus"), folder / "corpus")
        return build_book(folder, corpus)


_BUILDS: dict[str, Future] = {}
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="bookbuild")


def start(name: str, make_corpus: Callable[[Path], Path]) -> None:
    """Start building the book on ``make_corpus(folder)`` in the background (once per name)."""
    if name not in _BUILDS:
        _BUILDS[name] = _POOL.submit(kept_build, name, make_corpus)


def start_shared(name: str, make_corpus: Callable[[Path], Path]) -> None:
    """Under pytest-xdist: begin the build all workers share (:func:`shared_build`) in the background of
    this worker (once per name), so that the worker runs other files meanwhile instead of waiting in the
    test that first asks for it. Both workers call this; the file lock lets one build and the other wait
    in its background thread, then read the outcome."""
    shared = os.environ.get(SHARED_ENV)
    if name not in _BUILDS and shared:
        _BUILDS[name] = _POOL.submit(shared_build, Path(shared) / name, make_corpus)


def result(name: str, make_corpus: Callable[[Path], Path]) -> dict:
    """The build of the book on ``make_corpus(folder)``: under pytest-xdist the one all workers share
    (:func:`shared_build`, begun by :func:`start_shared` or now), else the one :func:`start` began
    (started now if it was not)."""
    shared = os.environ.get(SHARED_ENV)
    if os.environ.get("PYTEST_XDIST_WORKER") and shared:
        if name in _BUILDS:
            return _BUILDS[name].result()
        return shared_build(Path(shared) / name, make_corpus)
    start(name, make_corpus)
    return _BUILDS[name].result()


def wait_all() -> None:
    """Wait for every build this process began (a worker must not leave a build half made on exit)."""
    for future in _BUILDS.values():
        future.exception()


def share_builds() -> Path:
    """Make the folder for the builds of this test run and name it in the environment, which pytest-xdist's
    workers inherit (the main process calls this before it starts them); the caller removes it."""
    folder = Path(tempfile.mkdtemp(prefix="bookbuilds-"))
    os.environ[SHARED_ENV] = str(folder)
    return folder


def shared_build(folder: Path, make_corpus: Callable[[Path], Path]) -> dict:
    """The build in ``folder``, made by the first process to take the folder's lock; a process that asks
    while it is being made waits for the lock, then reads the outcome saved in ``result.json``."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = folder / "result.json"
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not saved.is_file():
            built = kept_build(folder.name, make_corpus)
            saved.write_text(json.dumps({**built, "html": str(built["html"])}), encoding="utf-8")
    outcome = json.loads(saved.read_text(encoding="utf-8"))
    return {**outcome, "html": Path(outcome["html"])}
