"""Rows of a DataFrame for the loops that read them field by field.

pandas-stubs types a row's fields as the union of every scalar pandas can hold (string, bytes, date,
timedelta, complex ...), since a column's dtype is known only at run time. The tables read here have fixed,
validated columns, so :func:`each_row` types the fields as ``Any`` and the code that reads a field says what it
expects; the rows themselves are exactly ``DataFrame.itertuples``'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd


def each_row(frame: pd.DataFrame, index: bool = True) -> Iterator[Any]:
    """``frame.itertuples(index=index)``, with fields typed ``Any`` (see the module docstring)."""
    return frame.itertuples(index=index)
