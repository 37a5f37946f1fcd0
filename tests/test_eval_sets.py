"""The hand-annotated evaluation sets in data/eval/{dev,test} are well-formed.

Each set is a corpus folder plus CSV files of expected dates, list members, counts and themes (see
data/eval/README.md). These tests check the annotations against the documents, not against any
extractor: every annotation names a document of its own set, every quoted text stands verbatim in that
document's body, every theme key is in the codebook, every paragraph of a coded document is coded
exactly once, and both corpora pass ``python -m baliprocess validate``. The checker is also run on
damaged copies of a set to show that it reports what is wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from baliprocess import cli
from baliprocess.corpus import REPO_ROOT, discover, read_document

EVAL = REPO_ROOT / "data" / "eval"
SETS = ("dev", "test")
CODEBOOK = yaml.safe_load((REPO_ROOT / "data" / "themes.yml").read_text(encoding="utf-8"))
THEME_KEYS = {theme["key"] for theme in CODEBOOK["themes"]}

HEADERS = {
    "dates.csv": ["doc_id", "text", "start", "end", "precision", "note"],
    "not_dates.csv": ["doc_id", "text", "why"],
    "lists.csv": ["doc_id", "role", "name", "code", "kind", "note"],
    "counts.csv": ["doc_id", "text", "value", "unit", "measure", "note"],
    "themes.csv": ["doc_id", "paragraph_start", "themes", "is_heading", "note"],
    "documents.csv": ["doc_id", "language", "coded", "note"],
}
PRECISIONS = {"day", "month", "season", "year", "decade", "span"}
ROLES = {"co_chair", "participant", "observer", "member", "expected", "absent"}  # last two: issue 17
KINDS = {"state", "territory", "organisation", "unresolved"}
TERRITORIES = {"HKG", "MAC"}
UNITS = {"countries", "states", "delegates", "delegations", "organisations", "members"}
MEASURES = {"attendance", "membership"}  # every set has both
MORE_MEASURES = {"observers", "expected"}  # issue 17: observers counted as such, people expected or invited


def bodies(corpus: Path) -> dict[str, str]:
    """doc_id -> body text of every document in a corpus folder."""
    files, problems = discover(corpus)
    assert not problems, problems
    out = {}
    for path in files:
        doc, found = read_document(path)
        assert doc is not None, found
        out[doc.doc_id] = doc.body
    return out


def paragraphs(body: str) -> list[str]:
    """The annotation unit: blocks of text separated by blank lines (a hard-wrapped block is one paragraph)."""
    return [block.strip("\n") for block in re.split(r"\n[ \t]*\n", body) if block.strip()]


def read_rows(path: Path, problems: list[str]) -> list[dict[str, str]]:
    if not path.is_file():
        problems.append(f"{path.name}: missing")
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != HEADERS[path.name]:
            problems.append(f"{path.name}: header {reader.fieldnames} is not {HEADERS[path.name]}")
        return list(reader)


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_set(root: Path) -> list[str]:
    """Every problem in one evaluation set (a folder holding corpus/ and the CSV files)."""
    problems: list[str] = []
    docs = bodies(root / "corpus")
    tables = {name: read_rows(root / name, problems) for name in HEADERS}

    for name, rows in tables.items():
        for number, row in enumerate(rows, start=2):
            if row["doc_id"] not in docs:
                problems.append(f"{name}:{number}: unknown doc_id {row['doc_id']!r}")

    for name in ("dates.csv", "not_dates.csv", "counts.csv"):
        for number, row in enumerate(tables[name], start=2):
            if row["doc_id"] in docs and row["text"] not in docs[row["doc_id"]]:
                problems.append(f"{name}:{number}: text {row['text']!r} is not in {row['doc_id']}")

    for number, row in enumerate(tables["dates.csv"], start=2):
        start, end = _iso(row["start"]), _iso(row["end"])
        if start is None or end is None or start > end:
            problems.append(f"dates.csv:{number}: bad interval {row['start']!r}..{row['end']!r}")
        if row["precision"] not in PRECISIONS:
            problems.append(f"dates.csv:{number}: precision {row['precision']!r}")

    for number, row in enumerate(tables["lists.csv"], start=2):
        if row["role"] not in ROLES or row["kind"] not in KINDS:
            problems.append(f"lists.csv:{number}: role {row['role']!r} or kind {row['kind']!r} unknown")
        if row["doc_id"] in docs and row["name"] not in docs[row["doc_id"]]:
            problems.append(f"lists.csv:{number}: name {row['name']!r} is not in {row['doc_id']}")
        code, kind = row["code"], row["kind"]
        if kind == "unresolved" and code:
            problems.append(f"lists.csv:{number}: an unresolved name has code {code!r}")
        if kind == "state" and not re.fullmatch(r"[A-Z]{3}", code):
            problems.append(f"lists.csv:{number}: state code {code!r} is not ISO alpha-3")
        if (kind == "territory") != (code in TERRITORIES):
            problems.append(f"lists.csv:{number}: code {code!r} and kind {kind!r} disagree")
        if kind == "organisation" and (not code or code in TERRITORIES):
            problems.append(f"lists.csv:{number}: organisation without a short name")

    for number, row in enumerate(tables["counts.csv"], start=2):
        if not row["value"].isdigit():
            problems.append(f"counts.csv:{number}: value {row['value']!r} is not a whole number")
        if row["unit"] not in UNITS or row["measure"] not in MEASURES | MORE_MEASURES:
            problems.append(f"counts.csv:{number}: unit {row['unit']!r} or measure {row['measure']!r} unknown")

    documents = {row["doc_id"]: row for row in tables["documents.csv"]}
    if set(documents) != set(docs):
        problems.append(f"documents.csv: lists {sorted(documents)} but the corpus holds {sorted(docs)}")
    coded = {doc_id for doc_id, row in documents.items() if row["coded"] == "true"}
    for doc_id, row in documents.items():
        if row["coded"] not in ("true", "false") or (row["coded"] == "true") != (row["language"] == "en"):
            problems.append(f"documents.csv: {doc_id} language {row['language']!r} coded {row['coded']!r}")

    rows_by_doc: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for number, row in enumerate(tables["themes.csv"], start=2):
        rows_by_doc.setdefault(row["doc_id"], []).append((number, row))
        keys = [k for k in row["themes"].split(";") if k]
        if unknown := sorted(set(keys) - THEME_KEYS):
            problems.append(f"themes.csv:{number}: theme keys not in themes.yml: {unknown}")
        if row["is_heading"] not in ("true", "false") or (row["is_heading"] == "true" and keys):
            problems.append(f"themes.csv:{number}: is_heading {row['is_heading']!r} with themes {keys}")
    for doc_id in docs:
        paras = paragraphs(docs[doc_id])
        rows = rows_by_doc.get(doc_id, [])
        if doc_id not in coded:
            if rows:
                problems.append(f"themes.csv: {doc_id} is not coded but has {len(rows)} rows")
            continue
        hits = [0] * len(paras)
        for number, row in rows:
            found = [i for i, p in enumerate(paras) if p.startswith(row["paragraph_start"])]
            if len(found) != 1 or len(row["paragraph_start"]) < 10:
                problems.append(
                    f"themes.csv:{number}: paragraph_start {row['paragraph_start']!r} "
                    f"starts {len(found)} paragraphs of {doc_id}"
                )
                continue
            hits[found[0]] += 1
            if (row["is_heading"] == "true") != paras[found[0]].startswith("#"):
                problems.append(f"themes.csv:{number}: is_heading disagrees with the Markdown of the paragraph")
        for paragraph, n in zip(paras, hits, strict=True):
            if n != 1:
                problems.append(f"themes.csv: paragraph {paragraph[:40]!r} of {doc_id} has {n} rows")
    return problems


@pytest.mark.parametrize("name", SETS)
def test_set_is_well_formed(name):
    assert check_set(EVAL / name) == []


@pytest.mark.parametrize("name", SETS)
def test_corpus_passes_validate(name, capsys):
    assert cli.main(["validate", str(EVAL / name / "corpus")]) == 0
    assert "12 documents" in capsys.readouterr().out


def test_sets_are_separate():
    dev, test = bodies(EVAL / "dev" / "corpus"), bodies(EVAL / "test" / "corpus")
    assert not set(dev) & set(test)
    assert not {" ".join(b.split()) for b in dev.values()} & {" ".join(b.split()) for b in test.values()}


def test_every_set_covers_the_phenomena():
    for name in SETS:
        root = EVAL / name
        with (root / "dates.csv").open(encoding="utf-8", newline="") as handle:
            dates = list(csv.DictReader(handle))
        with (root / "lists.csv").open(encoding="utf-8", newline="") as handle:
            kinds = {row["kind"] for row in csv.DictReader(handle)}
        with (root / "counts.csv").open(encoding="utf-8", newline="") as handle:
            measures = {row["measure"] for row in csv.DictReader(handle)}
        assert {row["precision"] for row in dates} == PRECISIONS, name
        assert any("\n" in row["text"] for row in dates), f"{name}: no date split by a hard line break"
        assert kinds == KINDS, name
        assert MEASURES <= measures <= MEASURES | MORE_MEASURES, name
        assert any("month_first" in p.read_text(encoding="utf-8") for p in (root / "corpus").iterdir()), name


def _damaged(tmp_path: Path, name: str, old: str, new: str) -> Path:
    copy = tmp_path / "set"
    shutil.copytree(EVAL / "dev", copy)
    path = copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        ("dates.csv", "the 23rd of March 2016", "the 23rd of Mar 2016", "is not in dev-press-2016"),
        ("dates.csv", "2016-06-01,2016-08-31", "2016-09-01,2016-08-31", "bad interval"),
        ("counts.csv", "41 countries,41", "41 nations,41", "is not in dev-press-2016"),
        ("lists.csv", "Macao SAR,MAC,territory", "Macao SAR,MAC,state", "disagree"),
        ("lists.csv", "dev-som-2019,participant,Nepal", "dev-som-2091,participant,Nepal", "unknown doc_id"),
        ("themes.csv", "legal_migration", "legal_migrations", "not in themes.yml"),
        (
            "themes.csv",
            "dev-som-2019,Officials agreed that the working groups",
            "dev-som-2019,Officials agreed that the workin groups",
            "has 0 rows",
        ),
        (
            "documents.csv",
            "dev-siaran-pers-2016,id,false",
            "dev-siaran-pers-2016,id,true",
            "language 'id' coded 'true'",
        ),
    ],
)
def test_checker_reports_damage(tmp_path, name, old, new, expected):
    problems = check_set(_damaged(tmp_path, name, old, new))
    assert any(expected in p for p in problems), problems
