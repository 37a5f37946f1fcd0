"""Rules of the package's layout: the schema module is a leaf, every analysis package's tables are
exported, no module grows past 400 lines, and library code names no bibliography entry (which source
supports which number is said in the chapters)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re

import baliprocess
from baliprocess import export
from baliprocess.corpus import REPO_ROOT

SRC = REPO_ROOT / "src" / "baliprocess"


def test_schema_is_a_leaf():
    tree = ast.parse((SRC / "schema.py").read_text(encoding="utf-8"))
    relative = [
        n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and (n.level or "baliprocess" in (n.module or ""))
    ]
    assert relative == []


def test_every_package_with_tables_is_exported_once():
    """A module or package of baliprocess that declares ``TABLES`` is one of the export's packages, and every
    table name is written once."""
    declaring = []
    for info in pkgutil.iter_modules(baliprocess.__path__):
        if info.name == "__main__":  # runs the command line when imported
            continue
        module = importlib.import_module(f"baliprocess.{info.name}")
        if hasattr(module, "TABLES"):
            declaring.append(module)
    assert declaring and sorted(m.__name__ for m in declaring) == sorted(m.__name__ for m in export.TABLE_PACKAGES)
    names = [t.name for t in export.all_tables()]
    assert len(names) == len(set(names)) == sum(len(m.TABLES) for m in declaring)


def test_no_source_file_is_over_400_lines():
    long = [p.name for p in SRC.rglob("*.py") if len(p.read_text(encoding="utf-8").splitlines()) > 400]
    assert long == []


def test_library_code_names_no_bibliography_key():
    keys = set()
    for bib in (REPO_ROOT / "book" / "bib").glob("*.bib"):
        keys |= set(re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", bib.read_text(encoding="utf-8"), re.M))
    assert keys
    texts = {p: p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")}  # each file read once, not once a key
    found = [f"{p.relative_to(SRC)}: {k}" for p, text in texts.items() for k in keys if k in text]
    assert found == []
