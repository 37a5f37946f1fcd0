"""Run ``make unit``: one pytest per share of the test files (tests/shards.py), each forked from one Python
that has already imported the modules every share needs.

Each share used to start a Python of its own, and each imported pandas, matplotlib, scipy.stats, dateparser
and the package again: about 4 s of CPU twice over. Forked from one parent, the shares start with those
modules in memory, and with the models third-party packages ship loaded (:func:`load_shipped_models`). Only
those are shared, never a cache of the repository's files (a loaded codebook, a corpus): each
pytest starts its session, collects its own files and runs them as a pytest of its own would. Each share's
report is printed when all are done, in order; the status is 1 if any share failed. Property tests draw
hypothesis's default of 100 examples here, the number they name under ``make test`` (tests/examplecount.py).

Usage: ``python tests/unitrun.py N [pytest options --] tests/test_a.py ...`` (from the repository).
"""

from __future__ import annotations

import importlib
import os
import shlex
import sys
import tempfile
from pathlib import Path

from filetimes import shares, weights

#: Modules the test files of both shares import (whichever files a share holds), heaviest first. Not
#: hypothesis: pytest loads its plugin itself, and would warn that it cannot rewrite it.
SHARED_IMPORTS = (
    "pytest",
    "pandas",
    "matplotlib.pyplot",
    "scipy.stats",
    "dateparser",
    "simplemma",
    "trafilatura",
    "baliprocess.corpus",
    "baliprocess.chronology",
    "baliprocess.membership",
    "baliprocess.themes",
    "baliprocess.record",
    "baliprocess.export",
)
#: Set to ``1`` in the processes of ``make unit`` (read by tests/examplecount.py).
UNIT_VARIABLE = "BALIPROCESS_UNIT_RUN"


def load_shipped_models() -> None:
    """Load the models and tables that third-party packages ship and read on their first call (about 1 s
    of CPU, which each share paid again): py3langid's language model, simplemma's English dictionary,
    country_converter's table, dateparser's English. No file of the repository is read, so
    a test sees what it would see in a pytest of its own after any earlier test had made such a call."""
    import simplemma
    from dateparser.date import DateDataParser

    from baliprocess.language import _identifier
    from baliprocess.membership.names import converter

    _identifier()
    converter()
    simplemma.lemmatize("attended", lang="en")
    DateDataParser().get_date_data("6 August 2014")


def split_args(argv: list[str]) -> tuple[int, list[str], list[str]]:
    """``N``, the pytest options (before ``--``, if there is one) and the test files."""
    n, rest = int(argv[0]), argv[1:]
    if "--" in rest:
        cut = rest.index("--")
        return n, rest[:cut], rest[cut + 1 :]
    return n, [], rest


class OnlyShare:
    """A pytest plugin that collects only a share's files from the folders that hold them. Given the files
    themselves, pytest scans their folder again for each and makes a node of every file there (80 files, 30
    times a share: about 0.3 s of CPU); given the folder, it scans it once. Same tests, same order."""

    def __init__(self, files: list[str]) -> None:
        self.files = {Path(f).resolve() for f in files}
        self.folders = {folder for f in self.files for folder in f.parents}

    def folders_to_give(self) -> list[str]:
        """The folders to give pytest: those that hold the share's files."""
        return sorted({str(f.parent) for f in self.files})

    def pytest_ignore_collect(self, collection_path: Path) -> bool | None:
        """Leave out every file that is not the share's and every folder that holds none of them."""
        path = collection_path.resolve()
        return None if path in self.files or path in self.folders else True


def run_share(options: list[str], files: list[str], log: Path) -> int:
    """In a forked child: run pytest on ``files`` with its output in ``log``; the child's exit status."""
    import pytest

    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    share = OnlyShare(files)
    return int(pytest.main([*options, *share.folders_to_give()], plugins=[share]))


def main(argv: list[str]) -> int:
    n, options, paths = split_args(argv)
    sizes = {path: float(Path(path).stat().st_size) for path in paths}
    lists = shares(weights(Path.cwd(), sizes), n)
    if not lists:
        print("unitrun: no test files given", file=sys.stderr)
        return 1
    os.environ[UNIT_VARIABLE] = "1"
    for name in SHARED_IMPORTS:
        importlib.import_module(name)
    load_shipped_models()
    logs = Path(tempfile.mkdtemp(prefix="unitrun-"))
    pids = []
    for i, files in enumerate(lists):
        print(f"{sys.executable} -m pytest {shlex.join(options)} ({len(files)} files)", flush=True)
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child never returns: its status is pytest's
            status = 3
            try:
                status = run_share(options, files, logs / str(i))
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
        pids.append(pid)
    failed = False
    for i, pid in enumerate(pids):
        _, wait_status = os.waitpid(pid, 0)
        failed |= os.waitstatus_to_exitcode(wait_status) != 0
        print((logs / str(i)).read_text(encoding="utf-8", errors="replace"), end="", flush=True)
        (logs / str(i)).unlink()
    logs.rmdir()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
