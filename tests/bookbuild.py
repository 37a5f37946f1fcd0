"""Build the whole book on another corpus, in a temporary copy of the project.

The data chapter writes book/_export while it runs, so an in-place build would overwrite the real export;
the copy keeps the working tree untouched. Used by the escaping test and the any-corpus tests.

A build takes most of a minute, so the test modules that need one declare it (``EARLY_BUILD = (name,
make_corpus)``) and ``conftest.pytest_collection_finish`` starts it in the background as soon as the tests
are collected (:func:`start`); the module's fixture then waits for it (:func:`result`). The builds run
while the other tests do, on the machine's second core.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from conftest import REPO

COPIED = ("_config.yml", "_toc.yml", "CITATION.cff", "book", "notebooks", "data")


def build_book(tmp: Path, corpus: Path) -> dict:
    """Export and build the book with ``BALIPROCESS_CORPUS=corpus``; return html path, return code and log."""
    project = tmp / "project"
    for name in COPIED:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(
                src, project / name, ignore=shutil.ignore_patterns("_export", "_generated", ".ipynb_checkpoints")
            )
        else:
            project.mkdir(exist_ok=True)
            shutil.copy2(src, project / name)
    env = {
        **os.environ,
        "BALIPROCESS_CORPUS": str(corpus),
        "PYTHONHASHSEED": "0",
        "JUPYTER_DEFAULT_PROVISIONER_NAME": "baliprocess-encrypted",  # as the Makefile sets it
    }
    # As make book does: the chapters are executed two at a time, then Sphinx reads the executed copies.
    config = project / "_config.yml"
    text = config.read_text(encoding="utf-8")
    assert "  execute_notebooks: force\n" in text, "_config.yml no longer says execute_notebooks: force"
    config.write_text(text.replace("  execute_notebooks: force\n", '  execute_notebooks: "off"\n'), encoding="utf-8")
    bin_dir = Path(sys.executable).parent
    notebooks = sorted(str(p) for p in (project / "notebooks").glob("*.ipynb"))
    steps = [
        [sys.executable, "-m", "baliprocess", "export", "--out", str(project / "book" / "_export")],
        [sys.executable, "-m", "baliprocess.execute", "--jobs", "2", *notebooks],
        [
            str(bin_dir / "jupyter-book"),
            "build",
            "--all",
            "-W",
            "-n",
            "--keep-going",
            str(project),
            "--path-output",
            str(tmp / "out"),
        ],
    ]
    log, returncode = "", 0
    for step in steps:
        run = subprocess.run(step, cwd=project, env=env, capture_output=True, text=True, timeout=1800)
        log += f"$ {' '.join(step)}\n{run.stdout}{run.stderr}"
        returncode = returncode or run.returncode
        if returncode:
            break
    return {"html": tmp / "out" / "_build" / "html", "returncode": returncode, "log": log}


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
