"""The raw sets' scores kept between runs (issue 21), so that a checkout converts and scores each raw set once
for as long as nothing they depend on changes.

Chapters 2 and 3 both show the raw sets (:func:`baliprocess.rawsets.raw_sets_view`), and ``make test``
executes the chapters four times (the book, nbval, and the two books the tests build on other corpora):
each time every raw set went through ``add`` (PDF, HTML and Word conversion) and the extractors again, most
of a book's execution time. The scores of a set depend only on the set's own files, the package's code, the
data files, the installed packages and Python, so each set's scores are kept in ``_build/rawsets``
(``BALIPROCESS_RAWSET_CACHE`` names another folder, or ``off``) under a key that is a hash of all of those
(:func:`set_key`): a change to any byte of any of them gives another key, and the set is scored afresh.
The corpus in use (``BALIPROCESS_CORPUS``) is not in the key: a raw set is added into a folder of its own
and scored there, whatever the corpus.

The entries are the score tables pickled as :func:`baliprocess.heldout.evaluate_raw_set` returned them, so a
table read back is the one computed (values, types and missing values alike). Two processes that need the
same set at once (the two chapters executed side by side) do not both score it: the first takes the set's
lock and scores it, the other scores the next set meanwhile and reads the first's entry afterwards.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd

from .corpus import REPO_ROOT

__all__ = ["CACHE_DIR", "ENV_VAR", "cache_dir", "code_key", "scores", "set_key"]

#: Where the entries are kept unless ``BALIPROCESS_RAWSET_CACHE`` says otherwise (``make clean`` removes it).
CACHE_DIR = REPO_ROOT / "_build" / "rawsets"
ENV_VAR = "BALIPROCESS_RAWSET_CACHE"
PACKAGE = Path(__file__).resolve().parent
DATA = REPO_ROOT / "data"
#: Folders and files never read as code or data: Python's compiled copies, Jupyter's checkpoints.
_SKIPPED_DIRS = frozenset({"__pycache__", ".ipynb_checkpoints"})


def cache_dir() -> Path | None:
    """The folder of the entries: ``$BALIPROCESS_RAWSET_CACHE``, else :data:`CACHE_DIR`; ``None`` for ``off``."""
    env = os.environ.get(ENV_VAR, "")
    if env == "off":
        return None
    return Path(env) if env else CACHE_DIR


def _files(root: Path, skip: Callable[[Path], bool] = lambda _p: False) -> Iterator[Path]:
    """Every file under ``root`` in a fixed order, without compiled Python and the folders ``skip`` names."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not skip(Path(folder, d)))
        yield from (Path(folder, n) for n in sorted(names) if not n.endswith(".pyc"))


def _digest(root: Path, skip: Callable[[Path], bool] = lambda _p: False) -> bytes:
    """A hash of every file under ``root``: its path (relative to ``root``) and the hash of its bytes."""
    h = hashlib.sha256()
    for path in _files(root, skip):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.digest()


def code_key(package: Path = PACKAGE, data: Path = DATA) -> str:
    """A hash of everything a raw set's scores depend on besides its own files: the package's files, the data
    files (every raw set's folder left out), Python's version, the installed distributions and their
    versions, and ``PYTHONHASHSEED``."""

    def raw_set_folder(path: Path) -> bool:  # data/eval/heldout, heldout2, ...: each is in its own set's key
        return path.parent == data / "eval" and path.name.startswith("heldout")

    h = hashlib.sha256(b"package\0" + _digest(package) + b"data\0" + _digest(data, skip=raw_set_folder))
    h.update(f"\0python\0{sys.version}\0{os.environ.get('PYTHONHASHSEED', '')}".encode())
    h.update("\0".join(["", "distributions", *_distributions()]).encode())
    return h.hexdigest()


def _distributions() -> list[str]:
    """The installed distributions with their versions, as the folders of their metadata on the import path
    name them (``pandas-2.3.3.dist-info``): reading every distribution's metadata took 0.2 s."""
    found = []
    for entry in sys.path:
        folder = Path(entry or ".")
        if folder.is_dir():
            found += [f"{folder}/{info.name}" for info in sorted(folder.glob("*.dist-info"))]
    return found


def set_key(root: Path, code: str) -> str:
    """The key of the raw set in ``root``: a hash of ``code`` (:func:`code_key`) and every file of the set."""
    return hashlib.sha256(code.encode() + b"\0set\0" + _digest(root)).hexdigest()[:32]


def _is_raw_set(root: Path) -> bool:
    return (root / "raw").is_dir()


def _read(entry: Path) -> pd.DataFrame | None:
    try:
        with entry.open("rb") as stream:
            table = pickle.load(stream)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
        return None
    return table if isinstance(table, pd.DataFrame) else None


def _write(folder: Path, name: str, entry: Path, table: pd.DataFrame) -> None:
    """Write ``entry`` whole or not at all (a reader never sees half a file); remove the set's older entries."""
    with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", suffix=".tmp", delete=False) as stream:
        pickle.dump(table, stream, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(stream.name, entry)
    for old in folder.glob(f"{name}-*.pkl"):
        if old != entry:
            old.unlink(missing_ok=True)


def _score(root: Path, entry: Path, compute: Callable[[Path], pd.DataFrame], wait: bool) -> pd.DataFrame | None:
    """The set's scores: read from ``entry``, or computed under the set's lock and written there; ``None`` if
    another process holds the lock and ``wait`` is false. A folder that cannot be written costs the keeping,
    never the scores: they are computed and returned."""
    folder = entry.parent
    try:
        lock = (folder / f"{root.name}.lock").open("w")
    except OSError:
        return compute(root)
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            return None
        table = _read(entry)  # written by the process that held the lock
        if table is None:
            table = compute(root)
            try:
                _write(folder, root.name, entry, table)
            except OSError:
                pass
        return table


def scores(roots: list[Path], compute: Callable[[Path], pd.DataFrame]) -> list[pd.DataFrame]:
    """``[compute(root) for root in roots]`` (``compute`` scores one raw set), each read from the cache when
    an entry has the set's key, else computed and kept. A folder that is not a raw set (no ``raw/``), or no
    cache folder (``off``, or one that cannot be made), is computed every time, in order."""
    folder = cache_dir()
    try:
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = None
    if folder is None or not any(_is_raw_set(root) for root in roots):
        return [compute(root) for root in roots]
    code = code_key()
    found: dict[int, pd.DataFrame] = {}
    entries: dict[int, Path] = {}
    for i, root in enumerate(roots):
        if not _is_raw_set(root):
            found[i] = compute(root)
            continue
        entries[i] = folder / f"{root.name}-{set_key(root, code)}.pkl"
        table = _read(entries[i])
        if table is None:
            table = _score(root, entries[i], compute, wait=False)
        if table is not None:
            found[i] = table
    for i, entry in entries.items():  # the sets another process was scoring: its entries, once it is done
        if i not in found:
            table = _score(roots[i], entry, compute, wait=True)
            assert table is not None  # a waiting lock always returns a table
            found[i] = table
    return [found[i] for i in range(len(roots))]
