"""tools/build_book.py, the one recipe of the book, without building one: the configuration it gives
Sphinx, the record of inputs that decides whether to rebuild, and what it leaves alone when it refuses."""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from corpusfactory import good_corpus, write

_SPEC = importlib.util.spec_from_file_location("build_book", REPO / "tools" / "build_book.py")
build_book = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(build_book)


def test_build_config_turns_execution_off_and_keeps_the_rest() -> None:
    text = (REPO / "_config.yml").read_text(encoding="utf-8")
    original, built = yaml.safe_load(text), yaml.safe_load(build_book.build_config(text))
    assert original["execute"]["execute_notebooks"] == "force"  # what jupyter-book alone would do
    assert built["execute"].pop("execute_notebooks") == "off"
    original["execute"].pop("execute_notebooks")
    assert built == original


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A stand-in repository: the inputs the record lists, a few files each."""
    root = tmp_path / "repo"
    for name in ("book", "notebooks", "src/pkg", "src/pkg/__pycache__", "data", "tools", ".venv"):
        (root / name).mkdir(parents=True)
    for name in ("_config.yml", "_toc.yml", "book/intro.md", "notebooks/01.ipynb", "src/pkg/a.py", "data/x.csv"):
        (root / name).write_text(name, encoding="utf-8")
    (root / "src/pkg/__pycache__/a.cpython-311.pyc").write_bytes(b"\0")
    (root / "tools/build_book.py").write_text("recipe", encoding="utf-8")
    (root / ".venv/.installed").write_text("", encoding="utf-8")
    return root


def test_inputs_record_changes_with_every_input_and_nothing_else(tmp_path: Path, project: Path) -> None:
    corpus = good_corpus(tmp_path / "my corpus", 2)
    record = build_book.inputs_record(corpus, project)
    assert record.splitlines()[:2] == [f"corpus {corpus}", "commit "]  # not a git checkout: no commit
    listed = [line.split(" ", 2)[2] for line in record.splitlines()[2:]]
    assert listed == [
        "doc0.md",
        "doc1.md",
        "_config.yml",
        "_toc.yml",
        "book/intro.md",
        "notebooks/01.ipynb",
        "src/pkg/a.py",
        "data/x.csv",
        "tools/build_book.py",
        ".venv/.installed",
    ]
    assert build_book.inputs_record(corpus, project) == record
    (project / "src/pkg/__pycache__/b.pyc").write_bytes(b"\0")
    assert build_book.inputs_record(corpus, project) == record, "compiled files are not inputs"
    write(corpus, "doc1.md", (corpus / "doc1.md").read_text(encoding="utf-8") + "More.\n")
    assert build_book.inputs_record(corpus, project) != record
    changed = build_book.inputs_record(corpus, project)
    other = shutil.copytree(corpus, tmp_path / "other")  # the same files (times kept) in another folder
    assert build_book.inputs_record(other, project).splitlines()[1:] == changed.splitlines()[1:]
    assert build_book.inputs_record(other, project) != changed


def test_same_inputs_as_the_last_good_build_build_nothing(tmp_path: Path, capsys) -> None:
    corpus = good_corpus(tmp_path / "my corpus", 2)
    out = tmp_path / "out"
    (out / "html").mkdir(parents=True)
    (out / "html" / "index.html").write_text("the last good book", encoding="utf-8")
    (out / "book-inputs.txt").write_text(build_book.inputs_record(corpus), encoding="utf-8")
    assert build_book.build(corpus, out) == 0
    assert capsys.readouterr().out.startswith(f"book up to date: {out / 'html' / 'index.html'}")
    assert sorted(p.name for p in out.rglob("*")) == ["book-inputs.txt", "html", "index.html"]


def test_a_bad_corpus_is_refused_before_anything_is_written(tmp_path: Path, capsys) -> None:
    corpus = good_corpus(tmp_path / "bad corpus", 2)
    write(corpus, "stray.txt", "no front matter\n")
    out = tmp_path / "out"
    (out / "html").mkdir(parents=True)
    (out / "html" / "index.html").write_text("the last good book", encoding="utf-8")
    before = {p: (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else b"") for p in out.rglob("*")}
    relative = os.path.relpath(corpus)
    assert build_book.build(Path(relative), out) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"book not built: fix the corpus ({corpus})"  # the path made absolute
    assert len(err) == 2 and err[0].startswith(f"{corpus / 'stray.txt'}:")
    assert {p: (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else b"") for p in out.rglob("*")} == before


@pytest.mark.parametrize("extension", sorted((REPO / "book" / "_ext").glob("*.py")), ids=lambda p: p.name)
def test_every_local_extension_says_what_it_works_around_and_when_it_can_go(extension: Path) -> None:
    doc = ast.get_docstring(ast.parse(extension.read_text(encoding="utf-8"))) or ""
    assert "Works around" in doc, f"{extension.name}: the docstring does not say what it works around"
    assert "Can go when" in doc or "It stays" in doc, f"{extension.name}: the docstring does not say when it can go"
    if "Can go when" in doc:  # a workaround names its upstream report, or says that none was found
        assert "Upstream" in doc or "issue" in doc, f"{extension.name}: the docstring names no upstream report"
