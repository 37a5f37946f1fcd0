"""Execute notebooks and normalise them so that re-execution gives byte-identical files.

``python -m baliprocess.execute [--out DIR] [--jobs N] NOTEBOOK...`` runs each notebook top to bottom in
its own folder (so relative paths behave as in Jupyter), drops timing metadata, numbers the cells 1..n and
writes a stable JSON layout. Without ``--out`` the notebooks are rewritten in place. With ``--jobs N``,
N notebooks run at a time, each in its own process and kernel (the chapters do not depend on each other);
``make book`` uses this to execute the chapters before Sphinx reads them.
"""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

__all__ = ["execute_notebook", "main", "normalise"]

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
#: What jupyter_client raises for such a kernel. With two notebooks run at a time, each process picks free
#: ports for its kernel on its own, and a kernel can find its port taken by the other's between the pick and
#: its bind ("Address already in use"): it dies before running anything, so another is started.
_DIED_AT_START = "Kernel died before replying to kernel_info"


def execute_notebook(path: Path, out: Path | None = None, timeout: int = 600) -> Path:
    """Execute ``path`` and write the normalised result to ``out`` (default: in place). A kernel that dies
    before its first reply is replaced, up to :data:`KERNEL_STARTS` kernels in all, each time with one line
    on standard error; any other failure is raised at once."""
    env_before = os.environ.get("PYTHONHASHSEED")
    os.environ["PYTHONHASHSEED"] = "0"
    try:
        for start in range(1, KERNEL_STARTS + 1):
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(
                nb,
                timeout=timeout,
                kernel_name="python3",
                record_timing=False,
                resources={"metadata": {"path": str(path.parent.resolve())}},
            )
            try:
                client.execute()
                break
            except RuntimeError as exc:
                if _DIED_AT_START not in str(exc) or start == KERNEL_STARTS:
                    raise
                print(f"{path}: the kernel died before its first reply; starting another", file=sys.stderr)
    finally:
        if env_before is None:
            os.environ.pop("PYTHONHASHSEED", None)
        else:
            os.environ["PYTHONHASHSEED"] = env_before
    target = out if out is not None else path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nbformat.writes(normalise(nb)) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(prog="python -m baliprocess.execute", description=__doc__)
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, help="write executed copies here instead of in place")
    parser.add_argument("--jobs", type=int, default=1, help="notebooks executed at a time (default 1)")
    args = parser.parse_args(argv)
    targets = [args.out / nb.name if args.out else None for nb in args.notebooks]
    if args.jobs > 1 and len(args.notebooks) > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            done = list(pool.map(execute_notebook, args.notebooks, targets))
    else:
        done = [execute_notebook(nb, target) for nb, target in zip(args.notebooks, targets, strict=True)]
    for nb, target in zip(args.notebooks, done, strict=True):
        print(f"executed {nb} -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
