"""Build the book: the one recipe that ``make book`` and the tests (tests/bookbuild.py) both run.

``python tools/build_book.py [--corpus DIR] [--out DIR] [--jobs N]`` (defaults: ``BALIPROCESS_CORPUS`` or
data/corpus, ``_build``, 2):

1. If ``OUT/html/index.html`` exists and the book's inputs are those of the build that made it (the list
   in ``OUT/book-inputs.txt``: the corpus folder's path, and the path, size and modification time of every
   file under it, under book/, notebooks/, src/ and data/, of _config.yml, _toc.yml, this script and the
   venv's install stamp), say so and stop: nothing to do.
2. Validate the corpus; on a problem print the validator's lines (``path: what is wrong``) and one line
   more, and stop before anything is written.
3. Copy the book's sources into ``OUT/.tmp-src``, its ``_config.yml`` with ``execute_notebooks: "off"``
   (the repository's file is never edited), execute the chapters there in ``N`` kernels, each taking the next
   chapter, largest file first (they do not depend on each other; jupyter-book would run each in a kernel of
   its own, one after another; the largest take longest, and one started last would run alone at the end),
   then ``jupyter-book build --all -W -n --keep-going`` reads
   the executed copies into ``OUT/.tmp-book``.
4. A failed build prints its error lines and the path of its full log (``OUT/book-failed.log``) and leaves
   the last good book in place. Only a successful one replaces ``OUT/html``, ``OUT/jupyter_execute``,
   ``OUT/book.log`` (its full log) and ``OUT/executed`` (the executed chapters, which the reproducibility
   test compares with the committed ones), then records its inputs.

Every path may contain spaces. The kernels get the environment the Makefile gives them
(``PYTHONHASHSEED=0``, the encrypted kernel provisioner), and ``BALIPROCESS_CORPUS`` as an absolute path,
because the chapters run in their own folder.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SOURCES = ("_config.yml", "_toc.yml", "CITATION.cff", "book", "notebooks")  # what jupyter-book reads
# What the book depends on.
INPUTS = (*SOURCES, "src", "data", "tools/build_book.py", ".venv/.installed")
SKIPPED = shutil.ignore_patterns("_export", "__pycache__", "*.pyc", ".ipynb_checkpoints")
NOT_BUILT = "book not built"
ERROR_LINE = re.compile(r"^[A-Za-z_.]*(Error|Exception)\b|WARNING|ERROR")


def _files(path: Path) -> Iterator[Path]:
    if path.is_file():
        yield path
        return
    for root, dirs, names in os.walk(path):
        ignored = SKIPPED(root, [*dirs, *names])
        dirs[:] = sorted(d for d in dirs if d not in ignored)
        yield from (Path(root) / n for n in sorted(names) if n not in ignored)


def _head(repo: Path) -> str:
    """The git commit checked out in ``repo`` (empty outside a git checkout)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
        )
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def inputs_record(corpus: Path, repo: Path = REPO) -> str:
    """The book's inputs as text: the corpus folder, then one line ``size mtime_ns path`` per input file.

    Two builds whose records are equal read the same files (as far as make would ever tell)."""
    lines = [f"corpus {corpus}", f"commit {_head(repo)}"]  # every footer names the commit it was built from
    for root, base in [(corpus, corpus), *((repo / name, repo) for name in INPUTS)]:
        for path in _files(root):
            stat = path.stat()
            lines.append(f"{stat.st_size} {stat.st_mtime_ns} {path.relative_to(base).as_posix()}")
    return "\n".join(lines) + "\n"


def _say(message: str) -> None:
    print(message, flush=True)


def _fail(message: str) -> int:
    print(f"{NOT_BUILT}: {message}", file=sys.stderr, flush=True)
    return 1


def build_config(text: str) -> str:
    """The build copy's _config.yml: the book's own, with execution left to this script."""
    config = yaml.safe_load(text)
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=120)


def _environment(corpus: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    return {
        **os.environ,
        "BALIPROCESS_CORPUS": str(corpus),
        "PYTHONHASHSEED": "0",
        # ipykernel 7's warning about unencrypted kernels: src/baliprocess/kernel_provisioner.py
        "JUPYTER_DEFAULT_PROVISIONER_NAME": "baliprocess-encrypted",
        "PATH": os.pathsep.join([bin_dir, os.environ.get("PATH", "")]),
    }


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def _replace(target: Path, new: Path) -> None:
    """Put ``new`` where ``target`` is (the old ``target`` goes once ``new`` is in place); no ``new``, no target."""
    if not new.exists():
        _remove(target)
        return
    old = target.with_name(f".old-{target.name}")
    _remove(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    _remove(old)


def build(corpus: Path, out: Path, jobs: int = 2, repo: Path = REPO) -> int:
    """Build the book on ``corpus`` into ``out`` (see the module docstring); the exit status."""
    corpus = Path(os.path.abspath(corpus))
    record, index = out / "book-inputs.txt", out / "html" / "index.html"
    if index.is_file() and record.is_file() and record.read_text(encoding="utf-8") == inputs_record(corpus, repo):
        _say(f"book up to date: {index} (no input has changed since it was built)")
        return 0
    from baliprocess.cli import main as baliprocess_cli  # imported only when a build is needed

    with contextlib.redirect_stdout(io.StringIO()):  # the summary line; problems go to stderr
        valid = baliprocess_cli(["validate", str(corpus)]) == 0
    if not valid:
        return _fail(f"fix the corpus ({corpus})")
    inputs = inputs_record(corpus, repo)  # before the build: a file changed meanwhile makes the next one rebuild
    work = Path(os.path.abspath(out))  # the commands run in the build copy: absolute paths
    src, tmp, failed_log = work / ".tmp-src", work / ".tmp-book", out / "book-failed.log"
    for stale in (src, tmp, failed_log):
        _remove(stale)
    src.mkdir(parents=True)
    for name in SOURCES:
        if (repo / name).is_dir():
            shutil.copytree(repo / name, src / name, ignore=SKIPPED)
        else:
            shutil.copy2(repo / name, src / name)
    (src / "_config.yml").write_text(build_config((repo / "_config.yml").read_text(encoding="utf-8")), "utf-8")
    # Largest first (the chapters with most output take longest), so that no long chapter starts last.
    notebooks = [str(p) for p in sorted((src / "notebooks").glob("*.ipynb"), key=lambda p: (-p.stat().st_size, p.name))]
    steps = [
        [sys.executable, "-m", "baliprocess.execute", "--jobs", str(jobs), *notebooks],
        [
            str(Path(sys.executable).parent / "jupyter-book"),
            "build",
            "--all",
            "--warningiserror",
            "--nitpick",
            "--keep-going",
            "--path-output",
            str(tmp),
            str(src),
        ],
    ]
    _say(f"execute the chapters ({jobs} kernels), then jupyter-book build --all -W -n (log: {out / 'book.log'})")
    tmp.mkdir()
    log = tmp / "book.log"
    status = 0
    with log.open("w", encoding="utf-8") as stream:
        for step in steps:
            stream.write(f"$ {' '.join(step)}\n")
            stream.flush()
            run = subprocess.run(step, cwd=src, env=_environment(corpus), stdout=stream, stderr=subprocess.STDOUT)
            status = run.returncode
            if status != 0:
                break
    if status != 0:
        log.rename(failed_log)
        lines = failed_log.read_text(encoding="utf-8", errors="replace").splitlines()
        sys.stderr.write("".join(f"{line}\n" for line in [x for x in lines if ERROR_LINE.search(x)][-8:]))
        return _fail(f"the previous {out / 'html'} is unchanged; full log in {failed_log}")
    _replace(out / "html", tmp / "_build" / "html")
    _replace(out / "jupyter_execute", tmp / "_build" / "jupyter_execute")
    _replace(out / "book.log", log)
    _replace(out / "executed", src / "notebooks")
    shutil.rmtree(src)
    shutil.rmtree(tmp)
    index.touch()  # newer than its log and the executed chapters: the tests read its time as the build's
    record.write_text(inputs, encoding="utf-8")
    _say(f"book built: {index}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(prog="tools/build_book.py", description=__doc__.split("\n\n")[0])
    default_corpus = os.environ.get("BALIPROCESS_CORPUS") or str(REPO / "data" / "corpus")
    parser.add_argument("--corpus", type=Path, default=Path(default_corpus), help="the corpus folder")
    parser.add_argument("--out", type=Path, default=REPO / "_build", help="where html/ and the logs go")
    parser.add_argument("--jobs", type=int, default=2, help="chapters executed at a time (default 2)")
    args = parser.parse_args(argv)
    return build(args.corpus, args.out, args.jobs)


if __name__ == "__main__":
    sys.exit(main())
