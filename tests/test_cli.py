"""The command line: ``main(argv)`` called in process (so coverage sees it), with its standard output, error
and exit status as a reader gets them; one test runs ``python -m baliprocess`` itself."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass

from baliprocess.cli import main
from baliprocess.corpus import DEFAULT_CORPUS, ENV_VAR, load_corpus
from corpusfactory import front, good_corpus, write


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str, env: dict[str, str] | None = None) -> Run:
    """``main(args)`` in process, with ``BALIPROCESS_CORPUS`` unset unless ``env`` sets it (the environment
    is put back afterwards): its exit status, standard output and standard error."""
    saved = {key: os.environ.get(key) for key in {ENV_VAR, *(env or {})}}
    os.environ.pop(ENV_VAR, None)
    os.environ.update(env or {})
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(args))
            except SystemExit as exc:  # argparse on a usage error
                status = exc.code if isinstance(exc.code, int) else 1
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return Run(status, out.getvalue(), err.getvalue())


def test_python_m_baliprocess_runs_the_same_main(tmp_path):
    """``python -m baliprocess`` prints what ``main`` prints in process, byte for byte. The command is
    ``fingerprint``, the one that imports least (0.5 s, against 1.7 s for ``validate``, which the walkthrough
    runs through the installed ``baliprocess`` program and the tests here run in process)."""
    good_corpus(tmp_path, 3)
    result = subprocess.run(
        [sys.executable, "-m", "baliprocess", "fingerprint", str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == run("fingerprint", str(tmp_path)).stdout
    assert result.stdout.endswith(f" other {tmp_path}\n")


def test_validate_real_corpus():
    c = load_corpus(DEFAULT_CORPUS)
    result = run("validate", str(DEFAULT_CORPUS))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{len(c.documents)} documents, {len(c.paragraphs)} paragraphs\n"


def test_validate_reports_every_problem_without_traceback(tmp_path):
    good_corpus(tmp_path)
    write(tmp_path, "empty.md", "")
    write(tmp_path, "date.md", '---\ntitle: "x"\ndate: 2002-02-30\n---\nBody.\n')
    write(tmp_path, "bin.txt", b"\x00\x01\x02")
    result = run("validate", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines == [
        f"{tmp_path / 'bin.txt'}: binary file (contains NUL bytes), not UTF-8 text",
        f"{tmp_path / 'date.md'}:3: impossible date '2002-02-30' (day is out of range for month)",
        f"{tmp_path / 'empty.md'}: empty file",
    ]


def test_validate_uses_environment_variable(tmp_path):
    good_corpus(tmp_path, 3)
    result = run("validate", env={"BALIPROCESS_CORPUS": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("3 documents, ")


def test_validate_missing_folder(tmp_path):
    result = run("validate", str(tmp_path / "absent"))
    assert result.returncode == 1
    assert result.stderr == f"{tmp_path / 'absent'}: no such corpus directory\n"


def test_export_writes_tables_and_package(tmp_path):
    """The command's wiring, on a small corpus (test_export checks the shipped corpus's export whole)."""
    corpus, out = good_corpus(tmp_path / "corpus", 3), tmp_path / "out"
    result = run("export", "--corpus", str(corpus), "--out", str(out))
    assert result.returncode == 0, result.stderr
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["path"] for r in package["resources"]}
    assert {"documents.csv", "paragraphs.csv"} <= names
    assert names | {"datapackage.json"} == {p.name for p in out.iterdir()}
    with (out / "paragraphs.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(load_corpus(corpus).paragraphs) > 3
    assert {row["doc_id"] for row in rows} == {"doc0", "doc1", "doc2"}
    assert list(rows[0])[:4] == ["doc_id", "paragraph_id", "position", "label"]


def test_export_bad_corpus_fails_cleanly(tmp_path):
    write(tmp_path, "a.md", front(title="") + "Body.\n")
    result = run("export", "--corpus", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr == f"{tmp_path / 'a.md'}: missing title in front matter\n"
    assert not (tmp_path / "out").exists()


def test_export_requires_out():
    result = run("export")
    assert result.returncode == 2 and "--out" in result.stderr and "Traceback" not in result.stderr


def test_validate_names_what_the_ignore_file_skipped(tmp_path):
    good_corpus(tmp_path, 2)
    write(tmp_path, ".baliprocessignore", "# originals\n*.pdf\n*.docx\n")
    write(tmp_path, "a.pdf", b"%PDF-1.4")
    write(tmp_path, "b.pdf", b"%PDF-1.4")
    result = run("validate", str(tmp_path))
    assert result.returncode == 0, result.stderr
    ignore = tmp_path / ".baliprocessignore"
    assert result.stdout.splitlines()[1:] == [
        f"ignored 2 files matching '*.pdf' ({ignore})",
        f"ignored 0 files matching '*.docx' ({ignore})",
    ]


def test_add_then_validate_reports_what_is_missing(tmp_path):
    source = write(tmp_path, "note.txt", "A note without metadata.\n")
    result = run("add", str(source), "--to", str(tmp_path / "corpus"))
    out = tmp_path / "corpus" / "note.txt"
    assert (result.returncode, result.stdout) == (0, f"{source} -> {out}\n")
    assert result.stderr.splitlines() == [
        f"{out}: no title found; pass --title or add title: to the front matter",
        f"{out}: no date found; pass --date or add date: to the front matter",
    ]
    result = run("validate", str(tmp_path / "corpus"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{out}: missing title in front matter",
        f"{out}: missing date in front matter (expected YYYY, YYYY-MM or YYYY-MM-DD)",
    ]


def test_fingerprint_tells_the_shipped_corpus_from_another(tmp_path):
    shipped = run("fingerprint", str(DEFAULT_CORPUS))
    assert shipped.returncode == 0 and shipped.stdout.split()[1] == "shipped", shipped.stderr
    good_corpus(tmp_path)
    other = run("fingerprint", str(tmp_path))
    assert other.returncode == 0 and other.stdout.split()[1] == "other"
    refused = run("fingerprint", "--require-shipped", str(tmp_path))
    assert refused.returncode == 1 and refused.stdout == ""
    assert len(refused.stderr.splitlines()) == 1 and "not the shipped corpus" in refused.stderr
    assert "Traceback" not in refused.stderr
