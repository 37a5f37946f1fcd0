"""Rules of the package's layout (its import graph is tests/test_layers.py's): every analysis package's tables are
exported, no module grows past 400 lines, library code names no bibliography entry (which source
supports which number is said in the chapters), every outside module it imports is declared in
``pyproject.toml``, and the README's layout names every module and tool."""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import pkgutil
import re
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import baliprocess
from baliprocess import export
from baliprocess.corpus import REPO_ROOT

SRC = REPO_ROOT / "src" / "baliprocess"


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


#: Modules imported only inside a notebook kernel (figures as SVG, glue), which the ``book`` extra provides.
KERNEL_ONLY = {"IPython", "matplotlib_inline", "myst_nb"}


def _distribution_name(requirement: str) -> str:
    """The normalised project name of a requirement string (``"pdfminer.six>=2026"`` -> ``pdfminer-six``)."""
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement).group()).lower()


def imported_outside_modules(src: Path = SRC) -> set[str]:
    """The top-level names of the modules outside the standard library that the package imports anywhere,
    inside functions too (an import there runs as surely as one at the top, only later)."""
    found = set()
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "baliprocess"}


def test_every_imported_module_is_a_declared_dependency():
    """``pip install .`` must give every module the package imports: a module that arrives only as another
    package's dependency (scipy through scikit-learn) can leave with it."""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_distribution_name(r) for r in project["dependencies"]}
    book = {_distribution_name(r) for r in project["optional-dependencies"]["book"]}
    providers = importlib.metadata.packages_distributions()
    modules = imported_outside_modules()
    assert {"pandas", "dateparser", "scipy"} <= modules  # the scan sees imports inside functions too
    missing = [
        f"{module} ({', '.join(providers.get(module, ['not installed']))})"
        for module in sorted(modules)
        if not {_distribution_name(d) for d in providers.get(module, [])}
        & (book if module in KERNEL_ONLY else declared)
    ]
    assert missing == []


def layout_block(readme: str) -> str:
    """The code block of the README's Layout section."""
    return readme.split("\n## Layout\n", 1)[1].split("```\n", 2)[1]


def layout_entry(block: str, name: str) -> str:
    """One entry of the layout's package listing (``chronology/``): its line and the lines indented under it."""
    lines = block.splitlines()
    start = next(i for i, line in enumerate(lines) if line.split()[:1] == [name])
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" " * 32)), len(lines))
    return "\n".join(lines[start:end])


def layout_gaps(block: str, src: Path, tools: Path) -> list[str]:
    """The package's modules, its subpackages' modules (named in their own entry) and the tools that the layout
    does not name; a tool may be named by a pattern (``make_heldout*.py``)."""
    words = set(re.findall(r"[\w.*]+", block))
    gaps = [p.name for p in sorted(src.glob("*.py")) if p.name != "__init__.py" and p.name not in words]
    for package in sorted(p for p in src.iterdir() if (p / "__init__.py").is_file()):
        if f"{package.name}/" not in block:
            gaps.append(f"{package.name}/")
            continue
        entry = set(re.findall(r"\w+", layout_entry(block, f"{package.name}/")))
        gaps += [f"{package.name}/{m.name}" for m in sorted(package.glob("*.py")) if m.stem not in entry | {"__init__"}]
    return gaps + [t.name for t in sorted(tools.glob("*.py")) if not any(fnmatch(t.name, w) for w in words)]


def test_layout_gaps_on_a_hand_made_tree(tmp_path: Path) -> None:
    for path in ("pkg/a.py", "pkg/b.py", "pkg/sub/__init__.py", "pkg/sub/x.py", "pkg/sub/y.py", "tools/make_1.py"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("", encoding="utf-8")
    block = "  a.py   one\n  sub/   holds x\n                                and more\n  c/     y\ntools/ make_*.py\n"
    assert layout_gaps(block, tmp_path / "pkg", tmp_path / "tools") == ["b.py", "sub/y.py"]


def test_the_readme_layout_names_every_module_and_tool():
    block = layout_block((REPO_ROOT / "README.md").read_text(encoding="utf-8"))
    assert layout_gaps(block, SRC, REPO_ROOT / "tools") == []
