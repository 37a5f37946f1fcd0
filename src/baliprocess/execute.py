"""Execute notebooks and normalise them so that re-execution gives byte-identical files.

``python -m baliprocess.execute [--out DIR] [--jobs N] NOTEBOOK...`` runs each notebook top to bottom in
its own folder (so relative paths behave as in Jupyter), drops timing metadata, numbers the cells 1..n and
writes a stable JSON layout. Without ``--out`` the notebooks are rewritten in place. With ``--jobs N``,
N kernels run at a time, each taking the next notebook in the order given when it is done with one (the
chapters do not depend on each other); ``make book`` uses this to execute the chapters before Sphinx reads
them.

A kernel runs one notebook after another (:func:`execute_notebooks`): each notebook after the first starts
with the kernel's names cleared (IPython's ``%reset -f``, as in a fresh kernel) and with every warning able to
show again. What the kernel imported stays loaded, and so do the package's caches, which hold only what
their files give and are read again when a file changes: starting a kernel and importing pandas,
matplotlib, scikit-learn and the package cost about 3 s of CPU a notebook, and the five chapters took 36 s
of CPU in a kernel each against 19 s in one, with the same bytes written. That a notebook gives the same
outputs after others as in a kernel of its own is what ``make test``'s nbval checks: it runs each chapter
in a new kernel and compares it with the committed copy, which ``make execute`` writes from one kernel.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import nbformat
from jupyter_core.utils import ensure_async, run_sync
from nbclient import NotebookClient

__all__ = ["execute_notebook", "execute_notebooks", "main", "normalise"]

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
_KEEP_CELL_METADATA = ("tags", "editable", "slideshow", "mystnb", "jupyter")


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop volatile metadata (timings, kernel versions) and renumber executions 1..n."""
    nb.metadata = nbformat.from_dict({"kernelspec": KERNELSPEC, "language_info": {"name": "python"}})
    count = 0
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index:03d}"
        cell.metadata = nbformat.from_dict({k: v for k, v in cell.metadata.items() if k in _KEEP_CELL_METADATA})
        if cell.cell_type != "code":
            continue
        count += 1
        cell.execution_count = count
        for output in cell.get("outputs", []):
            if "execution_count" in output:
                output.execution_count = count
    return nb


#: How many kernels are started for one notebook when one dies before its first reply.
KERNEL_STARTS = 3
#: What jupyter_client raises for such a kernel. Kernels started at the same time (two books built side by
#: side, each process picking free ports on its own) can pick the same port, and one finds it taken between the
#: pick and its bind ("Address already in use"): it dies before running anything, so another is started.
_DIED_AT_START = "Kernel died before replying to kernel_info"
#: Run in a kernel before each notebook but its first, never shown: no name of the notebook before is left
#: (``%reset -f``), and Python's record of the warnings already shown is cleared (setting the filters again
#: marks it stale), so that a notebook shows the warnings it would show in a kernel of its own.
RESET = (
    "get_ipython().run_line_magic('reset', '-f')\n"
    "import warnings\n"
    "_filters = warnings.filters[:]\n"
    "warnings.resetwarnings()\n"
    "warnings.filters[:] = _filters\n"
    "del warnings, _filters"
)


def _client(nb: nbformat.NotebookNode, path: Path, km: Any, timeout: int) -> NotebookClient:
    """A client for ``nb`` (read from ``path``), on the kernel ``km`` is running (``None``: a new kernel),
    that clears the kernel first when it is not new."""
    client = NotebookClient(
        nb,
        km=km,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    if km is not None:

        async def reset(**_notebook: object) -> None:
            assert client.kc is not None
            reply = await client.async_wait_for_reply(client.kc.execute(RESET, silent=True, store_history=False))
            if reply is None or reply["content"]["status"] != "ok":
                raise RuntimeError(f"{path}: the kernel could not be cleared before the notebook")

        client.on_notebook_start = reset
    return client


def _run(path: Path, out: Path | None, km: Any, timeout: int) -> Any:
    """Execute ``path`` on ``km``'s kernel (``None``: start one; a kernel that dies before its first reply
    is replaced, up to :data:`KERNEL_STARTS` kernels, each time with one line on standard error; any other
    failure is raised at once), write it normalised to ``out`` (default: in place), and return the kernel's
    manager, still running."""
    for start in range(1, KERNEL_STARTS + 1):
        nb = nbformat.read(path, as_version=4)
        client = _client(nb, path, km, timeout)
        try:
            client.execute(cleanup_kc=False)
            break
        except BaseException as exc:
            _stop(client)
            died_at_start = isinstance(exc, RuntimeError) and _DIED_AT_START in str(exc)
            if km is not None or not died_at_start or start == KERNEL_STARTS:
                raise
            print(f"{path}: the kernel died before its first reply; starting another", file=sys.stderr)
    if client.kc is not None:
        client.kc.stop_channels()
    target = out if out is not None else path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nbformat.writes(normalise(nb)) + "\n", encoding="utf-8")
    return client.km


async def _shut_down(km: Any) -> None:
    """Shut the kernel of ``km`` down, if there is one and it is alive (``km`` is asynchronous or not)."""
    if km is not None and await ensure_async(km.is_alive()):
        await ensure_async(km.shutdown_kernel(now=True))


def _stop(client: NotebookClient) -> None:
    """Close ``client``'s channels and shut its kernel down, if it has them."""
    if client.kc is not None:
        client.kc.stop_channels()
    run_sync(_shut_down)(client.km)


@contextmanager
def _hash_seed() -> Iterator[None]:
    """``PYTHONHASHSEED=0`` for the kernels started inside (sets iterate in the same order every run)."""
    before = os.environ.get("PYTHONHASHSEED")
    os.environ["PYTHONHASHSEED"] = "0"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PYTHONHASHSEED", None)
        else:
            os.environ["PYTHONHASHSEED"] = before


def _one_kernel(todo: Callable[[], tuple[Path, Path | None] | None], timeout: int) -> None:
    """Execute the notebooks ``todo`` hands out, until it hands out ``None``, one after another in one
    kernel, shut down at the end."""
    km: Any = None
    try:
        while (job := todo()) is not None:
            used, km = km, None  # a kernel whose notebook failed is shut down by _run
            km = _run(*job, used, timeout)
    finally:
        run_sync(_shut_down)(km)


def execute_notebooks(
    paths: Sequence[Path], outs: Sequence[Path | None], jobs: int = 1, timeout: int = 600
) -> list[Path]:
    """Execute ``paths`` in ``jobs`` kernels at a time, each kernel taking the next notebook in the order
    given when it is done with one, each notebook cleared of the one before (:data:`RESET`); write each
    normalised to its ``outs`` entry (``None``: in place). Returns the paths written, in the order given;
    the first failure is raised once every kernel has stopped."""
    queue = list(zip(paths, outs, strict=True))[::-1]
    lock = threading.Lock()
    failed: list[BaseException] = []

    def todo() -> tuple[Path, Path | None] | None:
        with lock:
            return queue.pop() if queue and not failed else None

    def work() -> None:
        try:
            _one_kernel(todo, timeout)
        except BaseException as exc:  # raised again below, in the caller's thread
            with lock:
                failed.append(exc)

    with _hash_seed():
        threads = [threading.Thread(target=work) for _ in range(max(1, min(jobs, len(paths))))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    if failed:
        raise failed[0]
    return [out if out is not None else path for path, out in zip(paths, outs, strict=True)]


def execute_notebook(path: Path, out: Path | None = None, timeout: int = 600) -> Path:
    """Execute ``path`` in a kernel of its own and write the normalised result to ``out`` (default: in
    place)."""
    return execute_notebooks([path], [out], timeout=timeout)[0]


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(prog="python -m baliprocess.execute", description=__doc__)
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, help="write executed copies here instead of in place")
    parser.add_argument("--jobs", type=int, default=1, help="kernels at a time (default 1)")
    args = parser.parse_args(argv)
    targets = [args.out / nb.name if args.out else None for nb in args.notebooks]
    done = execute_notebooks(args.notebooks, targets, jobs=args.jobs)
    for nb, target in zip(args.notebooks, done, strict=True):
        print(f"executed {nb} -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
