"""Committed notebooks are exactly what re-execution produces, and carry no volatile metadata."""

from __future__ import annotations

import difflib
import json
import os
import re
from pathlib import Path

import nbformat
import pytest

from baliprocess.execute import execute_notebook
from conftest import NOTEBOOKS, REPO

# ISO timestamps as nbclient/papermill write them (e.g. 2026-01-02T03:04:05.678Z).
TIMESTAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}")
VOLATILE_KEYS = ("execution", "papermill", "ExecuteTime", "collapsed", "scrolled")

ids = [nb.name for nb in NOTEBOOKS]


def _outputs_signature(cell: dict) -> list[str]:
    return [f"{o['output_type']}:{','.join(sorted(o.get('data', {})))}" for o in cell.get("outputs", [])]


def diff_summary(expected: Path, actual: Path, max_lines: int = 40) -> str:
    """Which cells differ and how (output types, then the first lines of a text diff)."""
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (expected, actual))
    lines: list[str] = []
    if old.get("metadata") != new.get("metadata"):
        lines.append(f"notebook metadata: {old.get('metadata')} != {new.get('metadata')}")
    if len(old["cells"]) != len(new["cells"]):
        lines.append(f"cell count: committed {len(old['cells'])}, re-executed {len(new['cells'])}")
    for index, (a, b) in enumerate(zip(old["cells"], new["cells"], strict=False)):
        if a == b:
            continue
        what = [key for key in sorted(set(a) | set(b)) if a.get(key) != b.get(key)]
        lines.append(f"cell {index} ({a['cell_type']}) differs in {what}")
        if _outputs_signature(a) != _outputs_signature(b):
            lines.append(f"  outputs committed:   {_outputs_signature(a)}")
            lines.append(f"  outputs re-executed: {_outputs_signature(b)}")
    text = difflib.unified_diff(
        expected.read_text(encoding="utf-8").splitlines(),
        actual.read_text(encoding="utf-8").splitlines(),
        "committed",
        "re-executed",
        n=1,
        lineterm="",
    )
    lines.extend(line[:200] for line in list(text)[:max_lines])
    backend = os.environ.get("MPLBACKEND", "")
    if backend and "inline" not in backend:
        lines.append(f"note: MPLBACKEND={backend} is set; the kernel then shows figures as text, not PNG")
    return "\n".join(lines)


def built_execution(notebook: Path) -> Path | None:
    """The copy of ``notebook`` that ``make book`` executed for the book in _build/html (_build/executed/),
    when the book was built on the shipped corpus after the notebook last changed; else None, and the test
    executes the notebook itself. Either way the committed file is compared with a fresh execution:
    make book re-executes every chapter whenever any input of the book (src/, data/, the notebooks)
    changes."""
    copy = REPO / "_build" / "executed" / notebook.name
    index = REPO / "_build" / "html" / "book" / "intro.html"
    if not (copy.is_file() and index.is_file()) or copy.stat().st_mtime < notebook.stat().st_mtime:
        return None
    shipped = '<meta name="baliprocess-corpus" content="shipped"' in index.read_text(encoding="utf-8")
    return copy if shipped else None


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=ids)
def test_reexecution_is_byte_identical(notebook: Path, tmp_path: Path) -> None:
    executed = built_execution(notebook) or execute_notebook(notebook, tmp_path / notebook.name)
    if executed.read_bytes() != notebook.read_bytes():
        pytest.fail(
            f"{notebook.relative_to(REPO)} changes when re-executed "
            f"(run make execute and commit):\n{diff_summary(notebook, executed)}",
            pytrace=False,
        )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=ids)
def test_committed_notebook_has_outputs_and_no_timestamps(notebook: Path) -> None:
    text = notebook.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    problems = []
    code = [c for c in nb.cells if c.cell_type == "code"]
    if not code:
        problems.append("no code cells")
    problems += [
        f"cell {i} was never executed"
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and c.source.strip() and c.execution_count is None
    ]
    if code and not any(c.outputs for c in code):
        problems.append("no cell has any output (committed unexecuted?)")
    problems += [
        f"cell {i} has an error output"
        for i, c in enumerate(nb.cells)
        if any(o.output_type == "error" for o in c.get("outputs", []))
    ]
    problems += [
        f"cell {i} metadata holds volatile key {k!r}"
        for i, c in enumerate(nb.cells)
        for k in VOLATILE_KEYS
        if k in c.metadata
    ]
    problems += [f"notebook metadata holds {k!r}" for k in nb.metadata if k not in ("kernelspec", "language_info")]
    metadata_json = json.dumps([nb.metadata] + [c.metadata for c in nb.cells])
    problems += [f"timestamp in metadata: {m}" for m in TIMESTAMP_RE.findall(metadata_json)]
    assert not problems, f"{notebook.relative_to(REPO)}: " + "; ".join(problems)
