"""A clean build log: the saved log of the current `make book` holds no warning, and the kernels that the
Makefile starts (through baliprocess.kernel_provisioner) use encrypted transport, so ipykernel 7 does not
warn about plain TCP."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO

BOOK_LOG = REPO / "_build" / "book.log"
WARNING = re.compile(r"\bwarn(ing)?s?\b", re.IGNORECASE)  # not "suppress_warnings=[]" in myst's config dump
KERNEL_PROBE = """
import json, nbformat
from jupyter_client import KernelManager
from nbclient import NotebookClient
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
client = NotebookClient(nb)
client.execute()
assert nb.cells[0].outputs[0]["text"] == "42\\n", nb.cells[0].outputs
km = KernelManager()
km.start_kernel()
try:
    print(json.dumps({"curve": km.curve_publickey is not None, "transport": km.transport}))
finally:
    km.shutdown_kernel(now=True)
"""


def warning_lines(text: str) -> list[str]:
    """The lines of a log that mention a warning (any case)."""
    return [line for line in text.splitlines() if WARNING.search(line)]


def test_warning_pattern() -> None:
    assert warning_lines("ok\n[IPKernelApp] WARNING | Kernel is running over TCP\nWarning: x\n2 warnings.") == [
        "[IPKernelApp] WARNING | Kernel is running over TCP",
        "Warning: x",
        "2 warnings.",
    ]
    assert warning_lines("MdParserConfig(suppress_warnings=[])\nbuild succeeded.") == []


def test_saved_book_log_has_no_warnings(built_html: Path) -> None:
    assert BOOK_LOG.is_file(), f"{BOOK_LOG.relative_to(REPO)} is missing: run make book"
    index = built_html / "index.html"
    assert BOOK_LOG.stat().st_mtime <= index.stat().st_mtime, "book.log is from a later (failed) build"
    text = BOOK_LOG.read_text(encoding="utf-8", errors="replace")
    assert "build succeeded" in text, f"{BOOK_LOG.name} is not the log of a successful build"
    found = warning_lines(text)
    assert not found, f"{len(found)} warning lines in {BOOK_LOG.name}:\n" + "\n".join(found[:20])


def _probe(provisioner: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "JUPYTER_DEFAULT_PROVISIONER_NAME"}
    if provisioner:
        env["JUPYTER_DEFAULT_PROVISIONER_NAME"] = provisioner
    return subprocess.run(
        [sys.executable, "-c", KERNEL_PROBE], env=env, capture_output=True, text=True, timeout=120, cwd=REPO
    )


def test_project_kernels_are_encrypted_and_quiet() -> None:
    run = _probe("baliprocess-encrypted")
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == '{"curve": true, "transport": "tcp"}'
    assert not warning_lines(run.stderr), run.stderr


def test_plain_kernels_still_warn() -> None:
    """Without the provisioner, ipykernel's warning shows: the test above can fail."""
    run = _probe(None)
    assert run.returncode == 0, run.stderr[-2000:]
    assert '"curve": false' in run.stdout
    assert any("without encryption" in line for line in warning_lines(run.stderr)), run.stderr
