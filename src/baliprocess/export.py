"""Export every derived table as a tidy CSV, described by one Frictionless ``datapackage.json``.

Each analysis module declares its tables in a module-level ``TABLES`` list of :class:`Table`;
:data:`TABLE_MODULES` names the modules whose tables are exported, in order.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar
from pathlib import Path

import pandas as pd

from .corpus import Corpus, load_corpus
from .parallel import parallel_map

__all__ = ["Field", "Table", "TABLE_MODULES", "FIELD_TYPES", "all_tables", "build_tables", "write_export",
           "data_dictionary", "downloads_markdown"]

FIELD_TYPES = ("string", "integer", "number", "boolean", "date", "year")

TABLE_MODULES: tuple[str, ...] = ("baliprocess.overview", "baliprocess.membership", "baliprocess.chronology",
                                  "baliprocess.themes")


@dataclass(frozen=True)
class Field:
    """One column: its name, Frictionless type and what it holds."""

    name: str
    type: str
    description: str

    def __post_init__(self) -> None:
        if self.type not in FIELD_TYPES:
            raise ValueError(f"field {self.name}: unknown type {self.type!r}")


@dataclass(frozen=True)
class Table:
    """An exported table: file stem, title, description, columns and how to build it."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    build: Callable[[Corpus], pd.DataFrame]
    primary_key: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default_factory=tuple)


def all_tables() -> list[Table]:
    """Every table declared by the modules in :data:`TABLE_MODULES`."""
    return [t for group in _module_tables() for t in group]


def _to_csv_frame(df: pd.DataFrame, table: Table) -> pd.DataFrame:
    names = [f.name for f in table.fields]
    missing = [n for n in names if n not in df.columns]
    if missing:
        raise ValueError(f"table {table.name}: built frame lacks columns {missing}")
    out = df[names].copy()
    for f in table.fields:
        col = out[f.name]
        if f.type == "date":
            out[f.name] = pd.to_datetime(col).dt.strftime("%Y-%m-%d").where(col.notna(), "")
        elif f.type == "boolean":
            out[f.name] = col.map({True: "true", False: "false"}).fillna("")
        elif f.type == "integer":
            out[f.name] = col.astype("Int64")
    return out


T = TypeVar("T")
R = TypeVar("R")

#: Corpora with at least this many paragraphs have their tables built by several processes at once.
PARALLEL_MIN_PARAGRAPHS = 20_000
_CORPUS: list[Corpus] = []  # the corpus being exported, inherited by forked workers


def _module_tables() -> list[list[Table]]:
    """The tables grouped by the module that declares them (a module's tables may share work)."""
    return [list(importlib.import_module(name).TABLES) for name in TABLE_MODULES]


def _build_module(index: int) -> list[pd.DataFrame]:
    return [_to_csv_frame(t.build(_CORPUS[0]), t) for t in _module_tables()[index]]


def _map_modules(corpus: Corpus, fn: Callable[[T], R], tasks: list[T]) -> list[R]:
    """Run ``fn`` over one task per module with ``corpus`` in reach; in worker processes when it is large."""
    _CORPUS[:] = [corpus]
    try:
        return parallel_map(fn, tasks, len(corpus.paragraphs) >= PARALLEL_MIN_PARAGRAPHS, chunksize=1)
    finally:
        _CORPUS.clear()


def _write_module(task: tuple[int, Path]) -> None:
    index, out = task
    for table, frame in zip(_module_tables()[index], _build_module(index)):
        frame.to_csv(out / f"{table.name}.csv", index=False, lineterminator="\n")


def build_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """Build every exported table from ``corpus``, as it will be written.

    For a large corpus each module's tables are built in a worker process of their own, so modules run
    side by side; the result is the same as a serial build.
    """
    groups = _module_tables()
    built = _map_modules(corpus, _build_module, list(range(len(groups))))
    return {t.name: frame for tables, frames in zip(groups, built) for t, frame in zip(tables, frames)}


def _descriptor(tables: list[Table]) -> dict[str, object]:
    resources = []
    for t in tables:
        schema: dict[str, object] = {
            "fields": [{"name": f.name, "type": f.type, "description": f.description} for f in t.fields],
            "missingValues": [""],
        }
        if t.primary_key:
            schema["primaryKey"] = list(t.primary_key)
        resource: dict[str, object] = {
            "name": t.name.replace("_", "-"),
            "path": f"{t.name}.csv",
            "title": t.title,
            "description": t.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "profile": "tabular-data-resource",
            "schema": schema,
        }
        if t.sources:
            resource["sources"] = [{"title": s} for s in t.sources]
        resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": "bali-process-book",
        "title": "The Bali Process: derived tables of a reproducible research book",
        "description": "Tables derived from the book's corpus and curated data by the baliprocess package.",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }


def write_export(out: Path, corpus: Corpus | None = None) -> list[Path]:
    """Write every table as ``<name>.csv`` plus ``datapackage.json`` into ``out``; return the paths."""
    corpus = corpus if corpus is not None else load_corpus()
    out.mkdir(parents=True, exist_ok=True)
    groups = _module_tables()
    # Each module builds and writes its own tables (side by side for a large corpus).
    _map_modules(corpus, _write_module, [(i, out) for i in range(len(groups))])
    tables = [t for group in groups for t in group]
    package = out / "datapackage.json"
    package.write_text(json.dumps(_descriptor(tables), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [out / f"{t.name}.csv" for t in tables] + [package]


def data_dictionary(tables: list[Table] | None = None) -> pd.DataFrame:
    """Every exported column: table, column, type and description (the data page's reference)."""
    rows = [{"table": f"{t.name}.csv", "column": f.name, "type": f.type, "description": f.description}
            for t in (tables if tables is not None else all_tables()) for f in t.fields]
    return pd.DataFrame(rows, columns=["table", "column", "type", "description"])


def downloads_markdown(export_dir: str, tables: list[Table] | None = None) -> str:
    """MyST markdown: one section per table with its description and a download link.

    ``export_dir`` is the folder holding the exported files, relative to the page that shows this.
    """
    parts = []
    for t in tables if tables is not None else all_tables():
        parts.append(f"### {t.title}\n\n{t.description}\n\n"
                     f"{{download}}`{t.name}.csv <{export_dir}/{t.name}.csv>` "
                     f"({len(t.fields)} columns: {', '.join(f'`{f.name}`' for f in t.fields)})\n")
    parts.append(f"### Data package\n\n{{download}}`datapackage.json <{export_dir}/datapackage.json>` describes "
                 "every file above with its column types, in the Frictionless Data Package format.\n")
    return "\n".join(parts)
