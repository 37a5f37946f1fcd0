"""The membership caches follow their files: a curated CSV edited after it was read (in a `make lab` kernel,
say) is read again, because each file's modification time and size are part of the cache key."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from baliprocess import membership as m
from baliprocess.membership.names import canonical_names
from baliprocess.membership.sources import CACHED_FILES, DATA_DIR


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    for name in (*CACHED_FILES, "region_overrides.csv"):
        shutil.copy2(DATA_DIR / name, tmp_path / name)
    return tmp_path


def append(path: Path, row: str) -> None:
    stat = path.stat()
    with path.open("a", encoding="utf-8") as f:
        f.write(row + "\n")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the same time: the size alone must tell


def test_an_edited_name_list_is_read_again(data_dir: Path) -> None:
    assert m.resolve_names(["Atlantis"], data_dir)["how"].tolist() == ["unresolved"]
    append(data_dir / "name_notes.csv", "Atlantis,FJI,Fiji,test,a name added while the kernel runs")
    resolved = m.resolve_names(["Atlantis"], data_dir)
    assert resolved[["iso3", "how"]].values.tolist() == [["FJI", "name_notes.csv"]]


def test_an_edited_organisation_list_is_read_again(data_dir: Path) -> None:
    text = "Fiji, the Atlantic Union and Tonga"
    assert m.resolve_names(["Atlantic Union"], data_dir)["how"].tolist() == ["unresolved"]
    before = m.split_list(text, data_dir)
    append(data_dir / "organisations.csv", "AU-X,Atlantic Union,regional_organisation,,test,,")
    assert m.resolve_names(["Atlantic Union"], data_dir)[["name", "how"]].values.tolist() == [
        ["AU-X", "organisations.csv"]
    ]
    assert m.split_list(text, data_dir) == before == ["Fiji", "Atlantic Union", "Tonga"]
    assert [(x.text, x.key) for x in m.find_mentions(text, data_dir)][1] == ("Atlantic Union", "AU-X")
    append(data_dir / "organisations.csv", '"Fiji, Tonga Commission",FTC,regional_organisation,,test,,')
    assert m.split_list("Fiji, Tonga Commission and Samoa", data_dir) == ["Fiji, Tonga Commission", "Samoa"]


def test_canonical_names_follow_the_file(data_dir: Path) -> None:
    assert canonical_names(data_dir)["FJI"] == "Fiji"
    append(data_dir / "name_notes.csv", "Fiji Islands,FJI,Republic of Fiji,test,a curated name")
    assert canonical_names(data_dir)["FJI"] == "Republic of Fiji"


def test_a_table_build_checks_the_files_once_and_the_next_call_sees_an_edit(data_dir: Path) -> None:
    from baliprocess.membership.sources import files_held

    assert m.resolve_names(["Atlantis"], data_dir)["how"].tolist() == ["unresolved"]
    with files_held(data_dir):
        append(data_dir / "name_notes.csv", "Atlantis,FJI,Fiji,test,a name added during a table build")
        assert m.resolve_names(["Atlantis"], data_dir)["how"].tolist() == ["unresolved"]  # held: not checked
    assert m.resolve_names(["Atlantis"], data_dir)["how"].tolist() == ["name_notes.csv"]
