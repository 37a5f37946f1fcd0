"""The data package: every table exported, described, valid and deterministic."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from frictionless import Package, validate

from baliprocess.corpus import DEFAULT_CORPUS, load_corpus
from baliprocess.export import FIELD_TYPES, Field, all_tables, write_export


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export")
    write_export(out, load_corpus(DEFAULT_CORPUS))
    return out


def test_datapackage_validates(exported):
    report = validate(str(exported / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_booleans_are_written_as_true_and_false(exported):
    with (exported / "date_mentions.csv").open(encoding="utf-8") as stream:
        inferred = [row["inferred"] for row in csv.DictReader(stream)]
    assert inferred.count("true") == 4 and set(inferred) == {"true", "false"}


def test_every_table_is_described_with_matching_header(exported):
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: r for r in package["resources"]}
    assert set(described) == {f"{t.name}.csv" for t in all_tables()}
    for path, resource in described.items():
        with (exported / path).open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        assert header == [fld["name"] for fld in resource["schema"]["fields"]], path
        assert all(fld["description"] and fld["type"] in FIELD_TYPES for fld in resource["schema"]["fields"])
        assert resource["description"] and resource["title"]


def test_package_loads_with_frictionless(exported):
    package = Package(str(exported / "datapackage.json"))
    rows = package.get_resource("documents").read_rows()
    assert next(r["doc_id"] for r in rows) == "goff-dalziel-2002"
    assert str(rows[0]["date"]) == "2002-02-25"


def test_export_is_deterministic(exported, tmp_path):
    write_export(tmp_path, load_corpus(DEFAULT_CORPUS))
    for path in sorted(exported.iterdir()):
        assert path.read_bytes() == (tmp_path / path.name).read_bytes(), path.name


def test_table_names_are_unique():
    names = [t.name for t in all_tables()]
    assert len(names) == len(set(names))


def test_unknown_field_type_is_rejected():
    with pytest.raises(ValueError, match="unknown type"):
        Field("x", "text", "bad")


def test_parallel_export_equals_serial(exported, tmp_path, monkeypatch):
    from baliprocess import corpus as corpus_mod
    from baliprocess import export

    # the module's export is serial: the shipped corpus is below both thresholds for working in parallel
    assert len(load_corpus(DEFAULT_CORPUS).paragraphs) < export.PARALLEL_MIN_PARAGRAPHS
    assert len(list(DEFAULT_CORPUS.glob("*.*"))) < corpus_mod.PARALLEL_MIN_FILES
    serial = exported
    monkeypatch.setenv("BALIPROCESS_WORKERS", "2")
    monkeypatch.setattr(corpus_mod, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(export, "PARALLEL_MIN_PARAGRAPHS", 1)
    forked = tmp_path / "parallel"
    write_export(forked, load_corpus(DEFAULT_CORPUS))
    for path in sorted(serial.iterdir()):
        assert path.read_bytes() == (forked / path.name).read_bytes(), path.name


@pytest.mark.end_to_end  # a fresh Python exporting the shipped corpus (4 s): make test runs it, make unit does not
def test_export_imports_no_plotting_library(tmp_path):
    """The export draws nothing: matplotlib (about a second of start-up before any work can be shared out) is
    imported only when a figure function is first used, and the figures stay importable by name."""
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from baliprocess.export import write_export; "
        f"write_export(Path({str(tmp_path / 'out')!r})); print('matplotlib' in sys.modules); "
        "from baliprocess.chronology import timeline_figure; from baliprocess.membership import growth_figure; "
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]
