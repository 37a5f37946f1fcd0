"""baliprocess.execute: notebooks run one after another in a kernel, each cleared of the one before; N kernels
at a time; a kernel that dies before its first reply is replaced; any other failure is raised."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import ClassVar

import nbformat
import pytest

from baliprocess import execute


def notebook(tmp_path: Path, name: str = "n", *sources: str) -> Path:
    path = tmp_path / f"{name}.ipynb"
    cells = [nbformat.v4.new_code_cell(s) for s in sources or ("1 + 1",)]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


class Kernel:
    """A stand-in kernel manager: alive until shut down."""

    def __init__(self) -> None:
        self.alive, self.shutdowns = True, 0

    def is_alive(self) -> bool:
        return self.alive

    def shutdown_kernel(self, now: bool = False) -> None:
        self.alive, self.shutdowns = False, self.shutdowns + 1


def fake_client(failures: list[str], together: threading.Barrier | None = None):
    """A NotebookClient whose first ``len(failures)`` runs raise RuntimeError(those texts), each with a new
    kernel that it leaves running; later runs succeed. Records each run's notebook, kernel, and whether it
    was to clear the kernel first. With ``together``, each new kernel's first run waits at that barrier,
    so that the kernels run at once, as real ones do while a notebook runs."""

    class Client:
        starts = 0
        runs: ClassVar[list[tuple[str, Kernel, bool]]] = []

        def __init__(self, nb, km=None, **options) -> None:
            self.nb, self.km, self.kc = nb, km, None
            self.on_notebook_start = None

        def execute(self, cleanup_kc: bool = True) -> None:
            assert cleanup_kc is False  # the kernel is kept for the next notebook
            Client.starts += 1
            cleared = self.on_notebook_start is not None
            if self.km is None:
                self.km = Kernel()
                if together is not None:
                    together.wait(timeout=10)
            Client.runs.append((self.nb.cells[0].source, self.km, cleared))
            if Client.starts <= len(failures):
                raise RuntimeError(failures[Client.starts - 1])

    return Client


def test_a_kernel_that_dies_at_start_is_replaced(tmp_path, monkeypatch, capsys):
    client = fake_client([execute._DIED_AT_START])
    monkeypatch.setattr(execute, "NotebookClient", client)
    path = notebook(tmp_path)
    assert execute.execute_notebook(path, tmp_path / "out.ipynb") == tmp_path / "out.ipynb"
    assert client.starts == 2
    first, second = client.runs[0][1], client.runs[1][1]
    assert first is not second and first.shutdowns == 1 and second.shutdowns == 1
    assert capsys.readouterr().err == f"{path}: the kernel died before its first reply; starting another\n"


def test_kernels_are_started_a_limited_number_of_times(tmp_path, monkeypatch):
    client = fake_client([execute._DIED_AT_START] * execute.KERNEL_STARTS)
    monkeypatch.setattr(execute, "NotebookClient", client)
    with pytest.raises(RuntimeError, match="died before replying"):
        execute.execute_notebook(notebook(tmp_path))
    assert client.starts == execute.KERNEL_STARTS
    assert all(kernel.shutdowns == 1 for _, kernel, _ in client.runs)


def test_any_other_failure_is_raised_at_once(tmp_path, monkeypatch):
    client = fake_client(["something else"])
    monkeypatch.setattr(execute, "NotebookClient", client)
    with pytest.raises(RuntimeError, match="something else"):
        execute.execute_notebook(notebook(tmp_path))
    assert client.starts == 1 and client.runs[0][1].shutdowns == 1


def test_notebooks_share_one_kernel_each_after_the_first_cleared(tmp_path, monkeypatch):
    client = fake_client([])
    monkeypatch.setattr(execute, "NotebookClient", client)
    paths = [notebook(tmp_path, f"n{i}", f"{i}") for i in range(3)]
    outs = [tmp_path / "out" / p.name for p in paths]
    assert execute.execute_notebooks(paths, outs) == outs
    assert [(source, cleared) for source, _, cleared in client.runs] == [("0", False), ("1", True), ("2", True)]
    kernels = {id(kernel): kernel for _, kernel, _ in client.runs}
    assert len(kernels) == 1 and next(iter(kernels.values())).shutdowns == 1
    assert all(out.is_file() for out in outs)


def test_each_of_two_kernels_takes_the_next_notebook(tmp_path, monkeypatch):
    client = fake_client([], together=threading.Barrier(2))
    monkeypatch.setattr(execute, "NotebookClient", client)
    paths = [notebook(tmp_path, f"n{i}", f"{i}") for i in range(5)]
    assert execute.execute_notebooks(paths, [None] * 5, jobs=2) == paths
    assert sorted(source for source, _, _ in client.runs) == ["0", "1", "2", "3", "4"]
    kernels = {id(kernel): kernel for _, kernel, _ in client.runs}
    assert len(kernels) == 2 and all(kernel.shutdowns == 1 for kernel in kernels.values())
    assert sum(not cleared for _, _, cleared in client.runs) == 2  # each kernel's first notebook only


def test_after_a_failure_no_notebook_starts_and_it_is_raised(tmp_path, monkeypatch):
    client = fake_client(["a cell failed"])
    monkeypatch.setattr(execute, "NotebookClient", client)
    paths = [notebook(tmp_path, f"n{i}", f"{i}") for i in range(4)]
    threads = threading.active_count()
    with pytest.raises(RuntimeError, match="a cell failed"):
        execute.execute_notebooks(paths, [None] * 4)
    assert [source for source, _, _ in client.runs] == ["0"]
    assert client.runs[0][1].shutdowns == 1 and threading.active_count() == threads


@pytest.mark.end_to_end
def test_a_notebook_after_another_sees_none_of_its_names_and_shows_its_warnings(tmp_path):
    # a module's warning (the package's, a library's) is recorded in that module, which the kernel keeps
    (tmp_path / "warner.py").write_text("import warnings\n\ndef warn():\n    warnings.warn('shown each time')\n")
    warn = "import warner\nwarner.warn()"
    first = notebook(tmp_path, "first", "x = 1", warn)
    second = notebook(tmp_path, "second", "print('x' in dir(), 'warnings' in dir())", warn)
    after = execute.execute_notebooks(
        [first, second], [tmp_path / "a" / "first.ipynb", tmp_path / "a" / "second.ipynb"]
    )
    alone = execute.execute_notebook(second, tmp_path / "b" / "second.ipynb")
    shared = nbformat.read(after[1], 4)
    assert shared.cells[0].outputs[0].text == "False False\n"
    assert "shown each time" in shared.cells[1].outputs[0].text
    kernel_file = re.compile(r"ipykernel_\d+")  # the kernel's process id, another in each kernel
    assert kernel_file.sub("", after[1].read_text()) == kernel_file.sub("", alone.read_text())
