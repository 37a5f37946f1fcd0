"""The raw sets' scores kept between runs (baliprocess.rawcache): a set is scored again whenever any byte it
depends on changes, a kept table is the table computed, and two processes share the work.

Only tiny sets made here (tests/test_heldout.py's) are scored: no file of data/eval is read."""

from __future__ import annotations

import fcntl
import shutil
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from baliprocess import heldout as ho
from baliprocess import rawcache
from test_heldout import _tiny_set


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(rawcache.ENV_VAR, str(folder))
    return folder


def _table(value: float) -> pd.DataFrame:
    """A score table of the types evaluate_raw_set returns (a missing value and a boolean with NA among them)."""
    frame = pd.DataFrame(
        [
            {"measure": "date mentions recall", "value": value, "numerator": 3, "denominator": 4},
            {"measure": "list role accuracy", "value": float("nan"), "numerator": 0, "denominator": 0},
            {"measure": "files converted by add", "value": 2, "numerator": 2, "denominator": 2},
        ]
    )
    return ho._goal_columns(frame)


class Counting:
    """A stand-in for evaluate_raw_set that records the sets it scores."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, root: Path) -> pd.DataFrame:
        self.seen.append(root.name)
        return _table(len(self.seen) / 10)


def test_a_set_is_scored_once_and_read_back_as_computed(tmp_path: Path, cache: Path) -> None:
    roots = [_tiny_set(tmp_path / "one"), _tiny_set(tmp_path / "two")]
    compute = Counting()
    first = rawcache.scores(roots, compute)
    again = rawcache.scores(roots, compute)
    assert compute.seen == ["one", "two"]
    for a, b in zip(first, again, strict=True):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert str(again[0]["meets_goal"].dtype) == "boolean" and again[0]["meets_goal"].isna().sum() == 1
    assert again[0]["value"].isna().sum() == 1
    assert sorted(p.name.split("-")[0] for p in cache.glob("*.pkl")) == ["one", "two"]


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "raw" / "t-page.html").write_bytes((root / "raw" / "t-page.html").read_bytes() + b" "),
        lambda root: (root / "raw" / "t-meeting.txt").write_bytes(b"X" + (root / "raw" / "t-meeting.txt").read_bytes()),
        lambda root: (root / "dates.csv").write_text((root / "dates.csv").read_text() + "\n", encoding="utf-8"),
        lambda root: (root / "raw" / "new.txt").write_text("one file more\n", encoding="utf-8"),
        lambda root: (root / "raw" / "t-page.html").rename(root / "raw" / "t-page2.html"),
    ],
    ids=["raw-html-byte", "raw-text-byte", "answer-file", "file-added", "file-renamed"],
)
def test_a_changed_set_is_scored_again_and_its_old_entry_goes(tmp_path: Path, cache: Path, change) -> None:
    root = _tiny_set(tmp_path / "set")
    compute = Counting()
    before = rawcache.scores([root], compute)[0]
    change(root)
    after = rawcache.scores([root], compute)[0]
    assert compute.seen == ["set", "set"]
    assert after.loc[0, "value"] != before.loc[0, "value"]
    assert len(list(cache.glob("set-*.pkl"))) == 1, "the old entry is removed"
    rawcache.scores([root], compute)
    assert compute.seen == ["set", "set"], "the new entry is read"


def test_the_code_key_changes_with_any_byte_of_the_package_or_the_data(tmp_path: Path) -> None:
    package, data = tmp_path / "baliprocess", tmp_path / "data"
    (package / "ingest").mkdir(parents=True)
    (package / "ingest" / "pdftext.py").write_text("RULES = 1\n", encoding="utf-8")
    (data / "eval" / "heldout3" / "raw").mkdir(parents=True)
    (data / "organisations.csv").write_text("name\nUNHCR\n", encoding="utf-8")
    key = rawcache.code_key(package, data)
    assert rawcache.code_key(package, data) == key

    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    (data / "eval" / "heldout3" / "raw" / "a.txt").write_text("a set's own file\n", encoding="utf-8")
    assert rawcache.code_key(package, data) == key, "compiled files and the raw sets' folders are not code"

    (package / "ingest" / "pdftext.py").write_text("RULES = 2\n", encoding="utf-8")
    changed_code = rawcache.code_key(package, data)
    (data / "organisations.csv").write_text("name\nUNHCR\nIOM\n", encoding="utf-8")
    changed_data = rawcache.code_key(package, data)
    assert len({key, changed_code, changed_data}) == 3


def test_changed_code_scores_every_set_again(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _tiny_set(tmp_path / "set")
    compute = Counting()
    rawcache.scores([root], compute)
    monkeypatch.setattr(rawcache, "code_key", lambda: "another version of the package")
    rawcache.scores([root], compute)
    assert compute.seen == ["set", "set"]


def test_off_and_folders_that_are_no_raw_set_are_computed_every_time(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, plain = _tiny_set(tmp_path / "set"), tmp_path / "plain"
    compute = Counting()
    rawcache.scores([plain, root, plain], compute)
    rawcache.scores([plain, root], compute)
    assert compute.seen == ["plain", "set", "plain", "plain"]
    monkeypatch.setenv(rawcache.ENV_VAR, "off")
    rawcache.scores([root], compute)
    assert compute.seen[-1] == "set" and not (tmp_path / "off").exists()


def test_a_set_another_process_is_scoring_is_read_from_its_entry(tmp_path: Path, cache: Path) -> None:
    busy, free = _tiny_set(tmp_path / "busy"), _tiny_set(tmp_path / "free")
    cache.mkdir()
    entry = cache / f"busy-{rawcache.set_key(busy, rawcache.code_key())}.pkl"
    theirs = _table(0.5)
    with (cache / "busy.lock").open("w") as lock:  # another open file: flock treats it as another process
        fcntl.flock(lock, fcntl.LOCK_EX)

        def finish() -> None:
            time.sleep(0.3)
            rawcache._write(cache, "busy", entry, theirs)
            fcntl.flock(lock, fcntl.LOCK_UN)

        other = threading.Thread(target=finish)
        other.start()
        compute = Counting()
        got = rawcache.scores([busy, free], compute)
        other.join()
    assert compute.seen == ["free"], "the busy set is left to the process scoring it"
    pd.testing.assert_frame_equal(got[0], theirs, check_exact=True)


@pytest.mark.end_to_end
def test_kept_scores_of_a_real_set_equal_its_scores_computed_afresh(tmp_path: Path, cache: Path) -> None:
    root = _tiny_set(tmp_path / "set")
    fresh = ho.evaluate_raw_set(root)
    kept = rawcache.scores([root], ho.evaluate_raw_set)[0]
    read = rawcache.scores([root], lambda _root: pytest.fail("scored again"))[0]
    copy = shutil.copytree(root, tmp_path / "copy" / "set")
    (copy / "raw" / "t-meeting.txt").write_bytes((copy / "raw" / "t-meeting.txt").read_bytes().replace(b"30", b"31"))
    changed = rawcache.scores([copy], ho.evaluate_raw_set)[0]
    for table in (kept, read):
        pd.testing.assert_frame_equal(table, fresh, check_exact=True)
    assert not changed.equals(fresh), "the changed copy is scored: its date no longer matches the answer"


def test_a_folder_that_cannot_be_written_costs_the_keeping_not_the_scores(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tiny_set(tmp_path / "set")

    def refuse(*_args: object) -> None:
        raise PermissionError("read-only folder")

    monkeypatch.setattr(rawcache, "_write", refuse)
    compute = Counting()
    got = rawcache.scores([root], compute)
    rawcache.scores([root], compute)
    assert compute.seen == ["set", "set"] and got[0].loc[0, "value"] == 0.1
