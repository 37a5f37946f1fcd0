"""Export every derived table as a tidy CSV, described by one Frictionless ``datapackage.json``.

Each analysis package (:mod:`overview`, :mod:`membership`, :mod:`chronology`, :mod:`themes`) declares its
tables in ``TABLES`` (:class:`~baliprocess.schema.Table`) and builds them all at once with
``build_tables(corpus)``; :data:`TABLE_PACKAGES` lists them in export order. For a large corpus each
package builds and writes its tables in a worker process of its own, with the corpus handed over explicitly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pandas as pd

from . import chronology, membership, overview, record, themes
from .chunks import ChunkedPart, corpus_chunk, merge_pieces
from .corpus import Corpus, load_corpus
from .csvtext import write_csv
from .parallel import parallel_imap_with, parallel_map_with, workers
from .schema import FIELD_TYPES, Field, Table

__all__ = [
    "FIELD_TYPES",
    "TABLE_PACKAGES",
    "Field",
    "Table",
    "all_tables",
    "build_tables",
    "data_dictionary",
    "downloads_markdown",
    "write_export",
]

#: The packages whose tables are exported, in order.
TABLE_PACKAGES: tuple[ModuleType, ...] = (overview, membership, chronology, themes, record)

#: Corpora with at least this many paragraphs have their tables built by several processes at once.
PARALLEL_MIN_PARAGRAPHS = 20_000


def all_tables() -> list[Table]:
    """Every exported table, in export order."""
    return [t for package in TABLE_PACKAGES for t in package.TABLES]


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


def _build_package(corpus: Corpus, index: int) -> list[pd.DataFrame]:
    """The tables of package ``index`` of :data:`TABLE_PACKAGES`, as they will be written."""
    package = TABLE_PACKAGES[index]
    built = package.build_tables(corpus)
    return [_to_csv_frame(built[t.name], t) for t in package.TABLES]


def _parts(index: int) -> tuple[Callable[[Corpus], dict[str, pd.DataFrame]], ...]:
    """The groups of tables of package ``index`` that can be built apart (``BUILD_PARTS``), else the whole."""
    package = TABLE_PACKAGES[index]
    return getattr(package, "BUILD_PARTS", (package.build_tables,))


#: Packages whose whole parts go to the workers first, the slowest first (the stated counts), then the shares of
#: the documents (each share of every :class:`~baliprocess.chunks.ChunkedPart`: the participation and the theme
#: coding), then the rest in export order. The order changes no output, only how the work is shared.
_SLOW_FIRST = (membership,)

#: Shares of the documents per worker that a :class:`~baliprocess.chunks.ChunkedPart` is built in.
CHUNKS_PER_WORKER = 2

#: One piece of work: ((package index, part), ...), the share of the documents or -1 for the whole corpus, the
#: number of shares, the folder. A whole part is one (package, part); a share names every
#: :class:`ChunkedPart`, built one after the other in one process, in export order: the theme coder reads
#: again the sentences the list reader of the participation has just read, and finds them in its caches.
_Task = tuple[tuple[tuple[int, int], ...], int, int, Path]


def _write_tasks(out: Path, chunks: int = 1) -> list[_Task]:
    """Every part of every package, the :class:`ChunkedPart` parts built in ``chunks`` shares of the documents
    (when ``chunks`` > 1), share k of all of them in one task; in the order of :data:`_SLOW_FIRST`."""
    whole: list[_Task] = []
    chunked: list[tuple[int, int]] = []
    for i in range(len(TABLE_PACKAGES)):
        for k, part in enumerate(_parts(i)):
            if isinstance(part, ChunkedPart) and chunks > 1:
                chunked.append((i, k))
            else:
                whole.append((((i, k),), -1, 1, out))
    shares: list[_Task] = [(tuple(chunked), c, chunks, out) for c in range(chunks)] if chunked else []
    first = [t for t in whole if TABLE_PACKAGES[t[0][0][0]] in _SLOW_FIRST]
    first.sort(key=lambda t: _SLOW_FIRST.index(TABLE_PACKAGES[t[0][0][0]]))  # stable: export order within
    return first + shares + [t for t in whole if t not in first]


def _write_frames(index: int, built: dict[str, pd.DataFrame], out: Path) -> list[str]:
    written = []
    for table in TABLE_PACKAGES[index].TABLES:
        if table.name in built:
            write_csv(_to_csv_frame(built[table.name], table), out / f"{table.name}.csv")
            written.append(table.name)
    return written


def _write_package(corpus: Corpus, task: _Task) -> list[str] | list[pd.DataFrame | None]:
    """Build and write the tables of one part of one package and return their names; for one share of the
    documents, return the rows that each :class:`ChunkedPart` of the task builds on it (the parent merges
    the pieces), or None for each when there are fewer documents than shares."""
    parts, chunk, chunks, out = task
    if chunk < 0:
        ((index, part),) = parts
        return _write_frames(index, _parts(index)[part](corpus), out)
    n = min(chunks, len(corpus.documents))  # as corpus_chunks shares them out
    built: list[pd.DataFrame | None] = []
    if chunk >= n:
        return built + [None] * len(parts)
    share = corpus_chunk(corpus, n, chunk) if n > 1 else corpus
    for index, part in parts:
        build = _parts(index)[part]
        assert isinstance(build, ChunkedPart)
        built.append(build.build(share))
    return built


def _parallel(corpus: Corpus) -> bool:
    return len(corpus.paragraphs) >= PARALLEL_MIN_PARAGRAPHS


def build_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """Build every exported table from ``corpus``, as it will be written.

    For a large corpus each package's tables are built in a worker process of their own, so packages run
    side by side; the result is the same as a serial build.
    """
    indices = list(range(len(TABLE_PACKAGES)))
    built = parallel_map_with(_build_package, corpus, indices, _parallel(corpus))
    return {
        t.name: frame
        for package, frames in zip(TABLE_PACKAGES, built, strict=True)
        for t, frame in zip(package.TABLES, frames, strict=True)
    }


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
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "title": "Creative Commons Attribution 4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
            }
        ],
        "resources": resources,
    }


def write_export(out: Path, corpus: Corpus | None = None) -> list[Path]:
    """Write every table as ``<name>.csv`` plus ``datapackage.json`` into ``out``; return the paths."""
    corpus = corpus if corpus is not None else load_corpus()
    out.mkdir(parents=True, exist_ok=True)
    # Each package (or each part of one) builds and writes its own tables (side by side for a large corpus).
    parallel = _parallel(corpus)
    tasks = _write_tasks(out, workers() * CHUNKS_PER_WORKER if parallel else 1)
    pieces: dict[tuple[int, int], list[pd.DataFrame]] = {}
    shares = sum(1 for _, chunk, _, _ in tasks if chunk >= 0)
    written: list[list[str]] = []
    # The results come in task order as they are done: the parts built in shares are finished and written as
    # soon as the last share is in, while the workers build the tables after it.
    results = parallel_imap_with(_write_package, corpus, tasks, parallel)
    for (parts, chunk, _, _), result in zip(tasks, results, strict=True):
        if chunk < 0:
            written.append(result)  # type: ignore[arg-type]
            continue
        for (index, part), piece in zip(parts, result, strict=True):
            found = pieces.setdefault((index, part), [])
            if piece is not None:
                found.append(piece)  # type: ignore[arg-type]
        shares -= 1
        if shares == 0:
            order = corpus.documents["doc_id"].tolist()
            for (index, part), found in pieces.items():
                finish = _parts(index)[part].finish  # type: ignore[attr-defined]
                written.append(_write_frames(index, finish(merge_pieces(found, order)), out))
    tables = all_tables()
    missing = sorted({t.name for t in tables} - {name for names in written for name in names})
    if missing:
        raise ValueError(f"tables not built by any part of their package: {missing}")
    package = out / "datapackage.json"
    package.write_text(json.dumps(_descriptor(tables), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [out / f"{t.name}.csv" for t in tables] + [package]


def data_dictionary(tables: list[Table] | None = None) -> pd.DataFrame:
    """Every exported column: table, column, type and description (the data page's reference)."""
    rows = [
        {"table": f"{t.name}.csv", "column": f.name, "type": f.type, "description": f.description}
        for t in (tables if tables is not None else all_tables())
        for f in t.fields
    ]
    return pd.DataFrame(rows, columns=["table", "column", "type", "description"])


def downloads_markdown(export_dir: str, tables: list[Table] | None = None) -> str:
    """MyST markdown: one section per table with its description and a download link.

    ``export_dir`` is the folder holding the exported files, relative to the page that shows this.
    """
    parts = []
    for t in tables if tables is not None else all_tables():
        parts.append(
            f"### {t.title}\n\n{t.description}\n\n"
            f"{{download}}`{t.name}.csv <{export_dir}/{t.name}.csv>` "
            f"({len(t.fields)} columns: {', '.join(f'`{f.name}`' for f in t.fields)})\n"
        )
    parts.append(
        f"### Data package\n\n{{download}}`datapackage.json <{export_dir}/datapackage.json>` describes "
        "every file above with its column types, in the Frictionless Data Package format.\n"
    )
    return "\n".join(parts)
