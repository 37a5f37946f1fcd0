"""The corpus fingerprint recognises the shipped corpus, and only it."""

from __future__ import annotations

import shutil
from pathlib import Path

from baliprocess.corpus import DEFAULT_CORPUS, load_corpus
from baliprocess.fingerprint import SHIPPED_FINGERPRINT_FILE, corpus_fingerprint, is_shipped, shipped_fingerprint


def _files(root: Path) -> list[str]:
    return list(load_corpus(root).documents["file"])


def test_recorded_fingerprint_is_the_shipped_corpus() -> None:
    # Fails when a shipped corpus file changes without data/shipped_corpus.sha256 being updated (and the
    # commentary re-read against the changed file).
    assert is_shipped(DEFAULT_CORPUS, _files(DEFAULT_CORPUS))
    assert len(shipped_fingerprint(SHIPPED_FINGERPRINT_FILE)) == 64


def test_any_change_makes_another_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS, corpus)
    files = _files(corpus)
    assert is_shipped(corpus, files)
    first = corpus / files[0]
    first.write_bytes(first.read_bytes() + b"\n")
    assert not is_shipped(corpus, files)
    first.unlink()
    assert not is_shipped(corpus, files[1:])


def test_fingerprint_ignores_folder_and_order(tmp_path: Path) -> None:
    corpus = tmp_path / "elsewhere"
    shutil.copytree(DEFAULT_CORPUS, corpus)
    files = _files(corpus)
    assert corpus_fingerprint(corpus, reversed(files)) == corpus_fingerprint(DEFAULT_CORPUS, files)


def test_the_corpus_s_cleaning_rules_are_part_of_it(tmp_path: Path) -> None:
    """A changed or removed cleaning.yml changes the text the commentary describes: another corpus."""
    from baliprocess.cleaning import CLEANING_FILE
    from baliprocess.fingerprint import RULE_FILES

    assert RULE_FILES == (CLEANING_FILE,)
    corpus = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS, corpus)
    files = _files(corpus)
    rules = corpus / CLEANING_FILE
    assert rules.is_file() and is_shipped(corpus, files)
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a note\n", encoding="utf-8")
    assert not is_shipped(corpus, files)
    rules.unlink()
    assert not is_shipped(corpus, files)
