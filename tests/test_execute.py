"""baliprocess.execute: a kernel that dies before its first reply is replaced; any other failure is raised."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from baliprocess import execute


def notebook(tmp_path: Path) -> Path:
    path = tmp_path / "n.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), path)
    return path


def fake_client(failures: list[str]):
    """A NotebookClient whose first ``len(failures)`` runs raise RuntimeError(those texts); later runs succeed."""

    class Client:
        starts = 0

        def __init__(self, nb, **options) -> None:
            self.nb = nb

        def execute(self) -> None:
            Client.starts += 1
            if Client.starts <= len(failures):
                raise RuntimeError(failures[Client.starts - 1])

    return Client


def test_a_kernel_that_dies_at_start_is_replaced(tmp_path, monkeypatch, capsys):
    client = fake_client([execute._DIED_AT_START])
    monkeypatch.setattr(execute, "NotebookClient", client)
    path = notebook(tmp_path)
    assert execute.execute_notebook(path, tmp_path / "out.ipynb") == tmp_path / "out.ipynb"
    assert client.starts == 2
    assert capsys.readouterr().err == f"{path}: the kernel died before its first reply; starting another\n"


def test_kernels_are_started_a_limited_number_of_times(tmp_path, monkeypatch):
    client = fake_client([execute._DIED_AT_START] * execute.KERNEL_STARTS)
    monkeypatch.setattr(execute, "NotebookClient", client)
    with pytest.raises(RuntimeError, match="died before replying"):
        execute.execute_notebook(notebook(tmp_path))
    assert client.starts == execute.KERNEL_STARTS


def test_any_other_failure_is_raised_at_once(tmp_path, monkeypatch):
    client = fake_client(["something else"])
    monkeypatch.setattr(execute, "NotebookClient", client)
    with pytest.raises(RuntimeError, match="something else"):
        execute.execute_notebook(notebook(tmp_path))
    assert client.starts == 1
