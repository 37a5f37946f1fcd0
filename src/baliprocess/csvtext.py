"""A table as CSV text, written the way ``DataFrame.to_csv(index=False, lineterminator="\\n")`` writes it, in
less time for the large tables of the export (text and whole-number columns).

pandas hands each row to Python's ``csv`` writer, which looks at every character of every field; the
export's paragraphs table alone is 70 MB for 10,000 documents. Here each text field is quoted only when it
holds a character that makes the writer quote it (a comma, a double quote or a line feed: with "\\n" as the
line end a carriage return is written as it is), by substring look-ups, and the lines are joined at once. A
table with any other kind of column (floats, whose digits pandas formats its own way; a missing value in a
text column) or with one column (whose empty field the writer quotes) gets None: the caller writes it with
pandas.

:func:`write_csv` writes the text :data:`CHUNK_ROWS` rows at a time: the lines of the whole paragraphs table,
their joined text and its encoded bytes held at once made the export's peak memory (877 MB on 10,000
documents; 618 MB in chunks). Each field is written as it would be in the whole, so the bytes are the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd

__all__ = ["CHUNK_ROWS", "csv_text", "write_csv"]

#: Rows of a table turned into text at a time by :func:`write_csv`.
CHUNK_ROWS = 20_000


def _field(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if "," in value or '"' in value or "\n" in value else value


def _column(series: pd.Series) -> list[str] | None:
    """The column's fields as written, or None for a kind of column this module leaves to pandas."""
    if series.dtype == object:
        values = series.tolist()
        if not all(type(v) is str for v in values):
            return None
        whole = "".join(values)  # most columns (ids, codes) hold no character to quote: one look for all
        if "," not in whole and '"' not in whole and "\n" not in whole:
            return values
        return [_field(v) for v in values]
    if str(series.dtype) in ("Int64", "int64"):
        return ["" if v is pd.NA else str(v) for v in series.astype(object).tolist()]
    return None


def _pieces(frame: pd.DataFrame, rows: int) -> Iterator[str] | None:
    """The CSV text of ``frame`` in pieces (the header, then ``rows`` rows at a time), or None when this module
    does not write such a table (see the module's note): every column is checked before the first piece."""
    if len(frame.columns) < 2 or not all(isinstance(c, str) for c in frame.columns):
        return None
    for name in frame.columns:
        series = frame[name]
        if series.dtype == object and not all(type(v) is str for v in series.tolist()):
            return None
        if series.dtype != object and str(series.dtype) not in ("Int64", "int64"):
            return None
    return _texts(frame, rows)


def _texts(frame: pd.DataFrame, rows: int) -> Iterator[str]:
    yield ",".join(_field(c) for c in frame.columns) + "\n"
    for start in range(0, len(frame), rows):
        part = frame.iloc[start : start + rows]
        columns = []
        for name in frame.columns:
            fields = _column(part[name])
            assert fields is not None  # every column was checked by _pieces
            columns.append(fields)
        yield "\n".join(map(",".join, zip(*columns, strict=True))) + "\n"


def csv_text(frame: pd.DataFrame) -> str | None:
    """``frame`` as ``frame.to_csv(index=False, lineterminator="\\n")`` writes it, or None when this module does
    not write such a table (see the module's note)."""
    pieces = _pieces(frame, max(len(frame), 1))
    return None if pieces is None else "".join(pieces)


def write_csv(frame: pd.DataFrame, path: Path, rows: int = CHUNK_ROWS) -> None:
    """Write ``frame`` to ``path`` as ``frame.to_csv(path, index=False, lineterminator="\\n")`` does, ``rows``
    rows at a time (see the module's note)."""
    pieces = _pieces(frame, rows)
    if pieces is None:
        frame.to_csv(path, index=False, lineterminator="\n")
    else:
        with path.open("w", encoding="utf-8", newline="") as stream:
            stream.writelines(pieces)
