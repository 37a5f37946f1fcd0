"""The export's CSV writer (:mod:`baliprocess.csvtext`) writes what pandas' ``to_csv`` writes, byte for byte,
for the tables it takes (text and whole-number columns), and leaves every other table to pandas."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baliprocess.csvtext import csv_text, write_csv
from examplecount import examples


def pandas_text(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")


_TEXT = st.text(alphabet=st.sampled_from(["a", "É", " ", ",", '"', "\n", "\r", "\t", "\u2028", "'", ";"]), max_size=8)
_WHOLE = st.one_of(st.none(), st.integers(-(10**12), 10**12))


@examples(300)
@given(
    st.integers(0, 6).flatmap(
        lambda n: st.tuples(*(st.lists(s, min_size=n, max_size=n) for s in (_TEXT, _WHOLE, _TEXT)))
    )
)
def test_same_text_as_pandas(columns: tuple[list[str], list[int | None], list[str]]) -> None:
    text, whole, more = columns
    frame = pd.DataFrame(
        {"text": pd.Series(text, dtype=object), "n": pd.array(whole, dtype="Int64"), 'say "hi", b': more}
    )
    ours = csv_text(frame)
    assert ours == pandas_text(frame) or (ours is None and frame.empty)  # an empty list makes a float column


def test_quotes_what_the_csv_writer_quotes() -> None:
    frame = pd.DataFrame({"a": ["x,y", 'say "no"', "two\nlines", "cr\rkept", ""], "b": ["", "", "", "", ""]})
    assert csv_text(frame) == pandas_text(frame) == 'a,b\n"x,y",\n"say ""no""",\n"two\nlines",\ncr\rkept,\n,\n'
    numbers = pd.DataFrame({"year": [2002, 2024], "n": pd.array([None, 3], dtype="Int64")})
    assert csv_text(numbers) == pandas_text(numbers) == "year,n\n2002,\n2024,3\n"


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame({"a": ["x"], "share": [0.1]}),  # pandas formats floats its own way
        pd.DataFrame({"a": ["x", None], "b": ["y", "z"]}),  # a missing text
        pd.DataFrame({"a": [""]}),  # one column: its empty field is quoted
    ],
)
def test_leaves_other_tables_to_pandas(frame: pd.DataFrame, tmp_path) -> None:
    assert csv_text(frame) is None
    write_csv(frame, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_bytes() == pandas_text(frame).encode("utf-8")


def test_writes_the_file_as_pandas_does(tmp_path) -> None:
    frame = pd.DataFrame({"a": ["é\r", "b"], "b": ["c", "d,e"]})
    write_csv(frame, tmp_path / "ours.csv")
    frame.to_csv(tmp_path / "pandas.csv", index=False, lineterminator="\n")
    assert (tmp_path / "ours.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()


@examples(100)
@given(rows=st.lists(st.tuples(_TEXT, _WHOLE), max_size=12), chunk=st.integers(1, 5))
def test_rows_at_a_time_give_the_same_bytes(rows: list[tuple[str, int | None]], chunk: int, tmp_path_factory) -> None:
    """write_csv writes a few rows at a time (CHUNK_ROWS in the export): the file is the one pandas writes, a
    missing value in a later chunk's text column included (the whole table goes to pandas then)."""
    frame = pd.DataFrame(
        {"t": pd.Series([r[0] for r in rows], dtype=object), "n": pd.array([r[1] for r in rows], dtype="Int64")}
    )
    path = tmp_path_factory.mktemp("chunks") / "t.csv"
    write_csv(frame, path, rows=chunk)
    assert path.read_bytes() == pandas_text(frame).encode("utf-8")
    if len(frame) > chunk:
        gap = frame.assign(t=[*frame["t"].iloc[:-1], None])
        write_csv(gap, path, rows=chunk)
        assert path.read_bytes() == pandas_text(gap).encode("utf-8")
