"""Build the whole book on another corpus into a temporary folder, with the recipe ``make book`` runs
(tools/build_book.py): the working tree and its _build are never touched. Used by the escaping test, the
mixed-corpus test (which share one build) and the any-corpus tests.

A build takes most of a minute, so the test modules that need one declare it (``EARLY_BUILD = (name,
make_corpus)``); modules that declare the same name share one build. On one process,
``conftest.pytest_collection_finish`` starts each build in the background as soon as the tests are
collected (:func:`start`) and the module's fixture waits for it (:func:`result`): the builds run while the
other tests do, on the machine's second core. Under pytest-xdist each worker begins the builds its
collected modules declare in a background thread when collection ends (:func:`start_shared`); the first to
take a build's file lock makes it, in the folder the main process made for the run (:func:`share_builds`),
and the other waits for the lock, then reads the outcome the first saved. The files that read a build run
last on their worker (conftest), so the workers run the other files while the builds are made.
"""

from __future__ import annotations

import atexit
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
            built = build_book(folder, make_corpus(folder / "corpus"))
            saved.write_text(json.dumps({**built, "html": str(built["html"])}), encoding="utf-8")
    outcome = json.loads(saved.read_text(encoding="utf-8"))
    return {**outcome, "html": Path(outcome["html"])}
