"""Which corpus is the book built on?

Commentary in the chapters that describes particular documents ("the statement of 2002 lists ...") is true
only for the corpus it was written about. That corpus is recognised by a fingerprint of its files, never by
a count of documents: :func:`fingerprint` hashes every document file's name and bytes, and those of the
folder's cleaning rules (:data:`RULE_FILES`), which change the text the commentary describes; :func:`is_shipped`
compares the result with the fingerprint recorded in ``data/shipped_corpus.sha256``.

Leaf module: it imports nothing of the package, so the Sphinx extension that sets the ``shipped_corpus``
tag can use it before any notebook runs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "RULE_FILES",
    "SHIPPED_FINGERPRINT_FILE",
    "corpus_fingerprint",
    "fingerprint",
    "is_shipped",
    "shipped_fingerprint",
]

#: The recorded fingerprint of the corpus that ships with the book (``data/corpus``).
SHIPPED_FINGERPRINT_FILE = Path(__file__).resolve().parents[2] / "data" / "shipped_corpus.sha256"


def fingerprint(files: Iterable[Path]) -> str:
    """SHA-256 over the sorted (file name, SHA-256 of the file's bytes) pairs of the document files."""
    digest = hashlib.sha256()
    for path in sorted(Path(f) for f in files):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).hexdigest().encode("ascii") + b"\n")
    return digest.hexdigest()


#: Files of a corpus folder that are no document but change its text: the cleaning rules written for its
#: documents (``cleaning.CLEANING_FILE``, a name the tests check against this one).
RULE_FILES = ("cleaning.yml",)


def corpus_fingerprint(root: Path, file_names: Iterable[str]) -> str:
    """The fingerprint of a loaded corpus, from its folder and the file names of its documents, with the
    folder's :data:`RULE_FILES` that exist."""
    root = Path(root)
    rules = [name for name in RULE_FILES if (root / name).is_file()]
    return fingerprint(root / name for name in [*file_names, *rules])


def shipped_fingerprint(path: Path = SHIPPED_FINGERPRINT_FILE) -> str:
    """The recorded fingerprint of the shipped corpus (first word of the file)."""
    return path.read_text(encoding="utf-8").split()[0]


def is_shipped(root: Path, file_names: Iterable[str], recorded: Path = SHIPPED_FINGERPRINT_FILE) -> bool:
    """True when the corpus's files are exactly those the book's commentary was written about."""
    return corpus_fingerprint(root, file_names) == shipped_fingerprint(recorded)
