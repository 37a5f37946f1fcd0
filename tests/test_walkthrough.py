"""The README's walkthrough, run as written from a fresh shell: no activated environment, only ``PATH`` and
``HOME`` set. Steps 0 (``make venv``, a no-op once the environment is built), 1 (``add``) and 3
(``validate``) run; step 2 is the reader's editor and step 4 the book build that other tests cover."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TEXT = (
    "Ministers of the Bali Process met to review regional cooperation against people smuggling and "
    "trafficking in persons, and agreed to strengthen the sharing of information among members."
)


def walkthrough() -> list[str]:
    """The commands of the README's walkthrough block (comments stripped), in order."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Your own documents", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]


@pytest.mark.end_to_end  # three fresh shells and two PDFs (2 s): make test runs it, make unit does not
def test_readme_walkthrough_from_a_fresh_shell(tmp_path):
    from pdffactory import Page, wrap, write_pdf  # here: reportlab is imported only when the walkthrough runs

    steps = walkthrough()
    assert steps[0] == "make venv" and steps[1].startswith(".venv/bin/baliprocess add ~/pdfs/*.pdf")
    assert steps[3] == ".venv/bin/baliprocess validate ~/mycorpus" and "make book" in steps[4]
    (tmp_path / "pdfs").mkdir()
    for i, year in enumerate((2016, 2018)):
        write_pdf(
            tmp_path / "pdfs" / f"statement-{year}.pdf",
            [Page(title=[f"Co-Chairs' Statement {i + 1}"], body=[f"Bali, 23 March {year}", *wrap(TEXT, 80)])],
            created=dt.datetime(2026, 1, 5),  # the day it was printed: refused, the dateline proposed
        )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    results = [
        subprocess.run(["bash", "-c", step], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
        for step in (steps[0], steps[1], steps[3])
    ]
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert results[1].stdout.count(f" -> {tmp_path}/mycorpus/") == 2
    assert results[2].stdout.startswith("2 documents, ")
    assert results[2].stderr == ""


def test_commands_in_the_docs_work_from_a_fresh_shell():
    """Every command the README, the corpus and evaluation READMEs and the book's pages write runs the
    environment's own program (``.venv/bin/baliprocess`` or ``.venv/bin/python -m``), never a bare
    ``python -m baliprocess`` that needs an activated environment."""
    pages = [REPO / "README.md", REPO / "data" / "corpus" / "README.md", REPO / "data" / "eval" / "README.md"]
    pages += sorted((REPO / "book").glob("*.md"))
    bare = re.compile(r"(?<!\.venv/bin/)python -m baliprocess\b")
    found = []
    for page in pages:
        lines = page.read_text(encoding="utf-8").splitlines()
        found += [f"{page.relative_to(REPO)}:{n}" for n, line in enumerate(lines, 1) if bare.search(line)]
    for notebook in sorted((REPO / "notebooks").glob("*.ipynb")):  # the chapters' prose, as the reader sees it
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        prose = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
        found += [
            f"{notebook.relative_to(REPO)}: markdown cell {i}" for i, text in enumerate(prose) if bare.search(text)
        ]
    assert found == []
