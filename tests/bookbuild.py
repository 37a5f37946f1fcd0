"""Build the whole book on another corpus, in a temporary copy of the project.

The data chapter writes book/_export while it runs, so an in-place build would overwrite the real export;
the copy keeps the working tree untouched. Used by the escaping test and the any-corpus tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

COPIED = ("_config.yml", "_toc.yml", "book", "notebooks", "data")


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
    env = {**os.environ, "BALIPROCESS_CORPUS": str(corpus), "PYTHONHASHSEED": "0"}
    bin_dir = Path(sys.executable).parent
    steps = [
        [sys.executable, "-m", "baliprocess", "export", "--out", str(project / "book" / "_export")],
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
    return {"html": tmp / "out" / "_build" / "html", "returncode": returncode, "log": log}
