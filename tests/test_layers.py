"""The package's layers and the chapters' thinness, read from the source.

* No import cycle among the package's modules, nor among its subpackages (a subpackage or top-level module
  counted as one node), counting every ``import`` and ``from ... import`` anywhere in a module, including
  those inside functions, which a cycle can hide behind.
* The evaluation layer (``evaluation``, ``heldout``, ``rawsets``) imports the analysis packages, and no
  analysis package imports it, directly or through another module; ``present`` reaches none of them; the
  schema module is a leaf.
* No notebook code cell has more than 25 lines of code (blank and comment lines not counted): logic and
  prose-building live in tested package functions; chapters call them and glue.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from baliprocess.corpus import REPO_ROOT

SRC = REPO_ROOT / "src"
PACKAGE = "baliprocess"
MAX_CELL_LINES = 25


def package_modules(src: Path = SRC, package: str = PACKAGE) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name, for its ``__init__.py``)."""
    modules = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imported_modules(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package modules that module ``name`` imports anywhere in its body.

    ``from a import b`` imports module ``a.b`` when that is a module, else (a name defined in ``a``) module
    ``a``; relative imports are resolved against the module's package. Imports of outside modules are left
    out, and so is the implicit import of a module's own parent packages.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.add(submodule if submodule in modules else source)
    return {m for m in found if m in modules and m != name}


def import_graph(src: Path = SRC, package: str = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package modules it imports."""
    modules = package_modules(src, package)
    return {name: imported_modules(name, path, modules) for name, path in modules.items()}


def unit_of(module: str, package: str = PACKAGE) -> str:
    """The subpackage or top-level module a module belongs to (``baliprocess.themes.coder`` -> ``themes``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else package


def subpackage_graph(graph: dict[str, set[str]], package: str = PACKAGE) -> dict[str, set[str]]:
    """The graph with each subpackage (and each top-level module) as one node; edges within one are dropped."""
    units: dict[str, set[str]] = {}
    for module, targets in graph.items():
        units.setdefault(unit_of(module, package), set()).update(unit_of(t, package) for t in targets)
    return {unit: targets - {unit} for unit, targets in units.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph as a path that ends where it starts (``[a, b, a]``), or ``[]`` if none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_find_cycle_on_hand_made_graphs():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) == []
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"b"}}) == ["b", "b"]
    assert find_cycle({"a": {"b", "c"}, "b": {"d"}, "c": {"d"}, "d": set()}) == []


def test_import_graph_sees_imports_inside_functions(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from .leaf import f\n")
    (pkg / "sub" / "leaf.py").write_text("def f():\n    from pkg import top\n    return top\n")
    (pkg / "top.py").write_text("import os\nfrom pkg.sub import leaf\nfrom . import sub\n")
    graph = import_graph(tmp_path, "pkg")
    assert graph == {
        "pkg": set(),
        "pkg.sub": {"pkg.sub.leaf"},
        "pkg.sub.leaf": {"pkg.top"},
        "pkg.top": {"pkg.sub.leaf", "pkg.sub"},
    }
    assert find_cycle(graph) == ["pkg.sub", "pkg.sub.leaf", "pkg.top", "pkg.sub"]
    assert subpackage_graph(graph, "pkg") == {"pkg": set(), "sub": {"top"}, "top": {"sub"}}


@pytest.fixture(scope="module")
def package_graph() -> dict[str, set[str]]:
    """The package's import graph, read once for the tests below (none of them changes it)."""
    return import_graph()


def test_the_package_graph_is_read_from_the_source(package_graph):
    graph = package_graph
    assert "baliprocess.corpus" in graph["baliprocess.overview"]
    assert graph["baliprocess.schema"] == set()


@pytest.mark.parametrize("level", ["module", "subpackage"])
def test_no_import_cycle(level, package_graph):
    graph = package_graph
    if level == "subpackage":
        graph = subpackage_graph(graph)
    cycle = find_cycle(graph)
    assert not cycle, f"import cycle among {level}s: " + " -> ".join(cycle)


#: The analysis packages, and the evaluation layer that scores them (extractors on annotated and raw sets).
ANALYSES = ("overview", "chronology", "membership", "themes", "record")
EVALUATION_LAYER = ("evaluation", "heldout", "rawsets")


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every node ``start`` imports, directly or through others."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        for target in graph.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_reachable_on_a_hand_made_graph():
    assert reachable({"a": {"b"}, "b": {"c"}, "c": set(), "d": {"a"}}, "a") == {"b", "c"}


def test_the_evaluation_layer_depends_on_the_analyses_never_the_reverse(package_graph):
    units = subpackage_graph(package_graph)
    assert {"chronology", "membership", "themes"} <= reachable(units, "evaluation")
    wrong = {a: sorted(reachable(units, a) & set(EVALUATION_LAYER)) for a in ANALYSES}
    assert {a: found for a, found in wrong.items() if found} == {}


def test_present_reaches_no_analysis_nor_the_corpus(package_graph):
    """present (tables and links for the chapters) only shows what it is given: through no import, however
    indirect, does it reach an analysis package, the export or the corpus loader."""
    reached = {unit_of(m) for m in reachable(package_graph, "baliprocess.present")}
    assert reached & {*ANALYSES, "export", "corpus"} == set()


def code_lines(source: str) -> int:
    """Lines of a code cell that are neither blank nor comments."""
    return sum(1 for line in source.splitlines() if line.strip() and not line.strip().startswith("#"))


def test_code_lines():
    assert code_lines("# a comment\n\nx = 1\n  # indented comment\ny = 2  # trailing\n") == 2


@pytest.mark.parametrize("notebook", sorted((REPO_ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_no_code_cell_over_25_lines(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    long = [
        f"{notebook.name}: code cell {i} ({cell.get('id', '?')}) has {n} lines"
        for i, cell in enumerate(cells)
        if cell["cell_type"] == "code" and (n := code_lines("".join(cell["source"]))) > MAX_CELL_LINES
    ]
    assert long == []
