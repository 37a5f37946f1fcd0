"""A table as CSV text, written the way ``DataFrame.to_csv(index=False, lineterminator="\\n")`` writes it, in
less time for the large tables of the export (text and whole-number columns).

pandas hands each row to Python's ``csv`` writer, which looks at every character of every field; the
export's paragraphs table alone is 70 MB for 10,000 documents. Here each text field is quoted only when it
holds a character that makes the writer quote it (a comma, a double quote or a line feed: with "\\n" as the
line end a carriage return is written as it is), by substring look-ups, and the lines are joined at once. A
table with any other kind of column (floats, whose digits pandas formats its own way; a missing value in a
text column) or with one column (whose empty field the writer quotes) gets None: the caller writes it with
pandas.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["csv_text", "write_csv"]


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


def csv_text(frame: pd.DataFrame) -> str | None:
    """``frame`` as ``frame.to_csv(index=False, lineterminator="\\n")`` writes it, or None when this module does
    not write such a table (see the module's note)."""
    if len(frame.columns) < 2 or not all(isinstance(c, str) for c in frame.columns):
        return None
    columns = []
    for name in frame.columns:
        fields = _column(frame[name])
        if fields is None:
            return None
        columns.append(fields)
    lines = [",".join(_field(c) for c in frame.columns), *map(",".join, zip(*columns, strict=True))]
    return "\n".join(lines) + "\n"


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame`` to ``path`` as ``frame.to_csv(path, index=False, lineterminator="\\n")`` does."""
    text = csv_text(frame)
    if text is None:
        frame.to_csv(path, index=False, lineterminator="\n")
    else:
        with path.open("w", encoding="utf-8", newline="") as stream:
            stream.write(text)
