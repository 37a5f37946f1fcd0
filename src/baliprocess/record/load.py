"""The record of the process's outcome documents and their hand coding, read and checked.

``data/outcomes.csv`` holds one row per outcome document (co-chairs' statements, declarations, strategies,
senior officials' statements, and the process's own website accounts of meetings whose adopted text could not
be found or could be read only in its opening) with how many of its numbered paragraphs exist and how many were read;
``data/outcome_codes.csv`` one row per (document, paragraph, theme, coder) with a gist in our own words.
Every problem is reported as ``path:LINE: what is wrong`` (line 1 is the header), all of them at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..corpus import REPO_ROOT
from ..problems import CorpusError, Problem
from ..rows import each_row
from ..themes.codebook import NONE  # the code of a paragraph that was read and carries no theme

__all__ = [
    "CODERS",
    "CODES_PATH",
    "DOC_KINDS",
    "MAX_GIST_WORDS",
    "OUTCOMES_PATH",
    "OUTCOME_DOC_TYPES",
    "Record",
    "RecordError",
    "check_record",
    "load_record",
]

OUTCOMES_PATH = REPO_ROOT / "data" / "outcomes.csv"
CODES_PATH = REPO_ROOT / "data" / "outcome_codes.csv"
OUTCOME_COLUMNS = (
    "outcome_id",
    "date",
    "meeting",
    "doc_type",
    "title",
    "url",
    "access_url",
    "source",
    "paragraphs",
    "paragraphs_read",
    "note",
)
CODE_COLUMNS = ("outcome_id", "paragraph", "theme", "coder", "gist")


@dataclass(frozen=True)
class DocKind:
    """How the book names one kind of outcome document: in tables, in figure labels and in a sentence."""

    label: str
    short: str
    phrase: str


#: The kinds of outcome document (``doc_type`` in ``data/outcomes.csv``) and their names: the one table the
#: record's tables (``outcomes_view``), figures (``record_heatmap``) and prose (``record_facts``) read.
DOC_KINDS = {
    "co_chairs_statement": DocKind("co-chairs' statement", "co-chairs", "the co-chairs' statement"),
    "declaration": DocKind("declaration", "declaration", "the declaration"),
    "strategy": DocKind("strategy", "strategy", "the strategy"),
    "senior_officials_statement": DocKind("senior officials", "officials", "the statement"),
    "ad_hoc_group_statement": DocKind("Ad Hoc Group", "Ad Hoc Group", "the statement"),
    "web_account": DocKind("website account", "web account", "the website account"),
}
OUTCOME_DOC_TYPES = tuple(DOC_KINDS)
#: ``first`` codes every paragraph read; ``second`` codes a sample independently; ``final`` settles a
#: paragraph on which the two disagreed (where present it replaces the first coding of that paragraph).
CODERS = ("first", "second", "final")
MAX_GIST_WORDS = 25


class RecordError(CorpusError):
    """Raised with every problem found in the record or its coding."""


@dataclass(frozen=True)
class Record:
    """The outcome documents and every code of every coder, as checked tables."""

    outcomes: pd.DataFrame
    codes: pd.DataFrame


def _read(path: Path, columns: tuple[str, ...], problems: list[Problem]) -> pd.DataFrame | None:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        problems.append(Problem(path, f"cannot be read ({exc.__class__.__name__}: {exc})"))
        return None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        problems.append(Problem(path, f"missing columns {', '.join(missing)}", 1))
        return None
    frame["line"] = range(2, len(frame) + 2)
    return frame


def _whole(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None


def _check_outcomes(frame: pd.DataFrame, path: Path, problems: list[Problem]) -> None:
    seen: set[str] = set()
    for row in each_row(frame, index=False):

        def bad(message: str, line: int = row.line) -> None:
            problems.append(Problem(path, message, line))

        if not row.outcome_id:
            bad("empty outcome_id")
        elif row.outcome_id in seen:
            bad(f"outcome_id {row.outcome_id!r} appears twice")
        seen.add(row.outcome_id)
        try:
            dt.date.fromisoformat(row.date)
        except ValueError:
            bad(f"date {row.date!r} is not an ISO date (YYYY-MM-DD)")
        if not row.source.strip():
            bad("empty source (a bibliography key: the document's entry, or the document that attests it)")
        if row.doc_type not in OUTCOME_DOC_TYPES:
            bad(f"doc_type {row.doc_type!r} is not one of {', '.join(OUTCOME_DOC_TYPES)}")
        for column in ("url", "access_url"):
            value = getattr(row, column)
            needed = column == "url" and row.paragraphs_read.strip() not in ("", "0")
            if (value or needed) and not value.startswith(("https://", "http://")):
                bad(f"{column} {value!r} is not an http(s) address (a document read needs its url)")
        total, read = _whole(row.paragraphs), _whole(row.paragraphs_read)
        if row.paragraphs.strip() and (total is None or total < 1):
            bad(f"paragraphs {row.paragraphs!r} is not a whole number of at least 1 (empty: total not known)")
        if read is None:
            bad(f"paragraphs_read {row.paragraphs_read!r} is not a whole number")
        elif total is not None and read > total:
            bad(f"paragraphs_read {read} is more than the document's {total} paragraphs")


def _check_codes(
    codes: pd.DataFrame, outcomes: pd.DataFrame, themes: set[str], paths: tuple[Path, Path], problems: list[Problem]
) -> None:
    outcomes_path, path = paths
    known = outcomes.set_index("outcome_id")
    counted: dict[tuple[str, str], set[int]] = {}
    seen: set[tuple[str, int, str, str]] = set()
    for row in each_row(codes, index=False):

        def bad(message: str, line: int = row.line) -> None:
            problems.append(Problem(path, message, line))

        number = _whole(row.paragraph)
        if row.outcome_id not in known.index:
            bad(f"outcome_id {row.outcome_id!r} has no row in {OUTCOMES_PATH.name}")
        if number is None or number < 1:
            bad(f"paragraph {row.paragraph!r} is not a paragraph number (1, 2, ...)")
        if row.theme != NONE and row.theme not in themes:
            bad(f"theme {row.theme!r} is not a codebook key (nor {NONE!r})")
        if row.coder not in CODERS:
            bad(f"coder {row.coder!r} is not one of {', '.join(CODERS)}")
        words = len(row.gist.split())
        if words == 0:
            bad("empty gist")
        elif words > MAX_GIST_WORDS:
            bad(f"gist of {words} words (at most {MAX_GIST_WORDS})")
        if number is None or row.outcome_id not in known.index:
            continue
        key = (row.outcome_id, number, row.theme, row.coder)
        if key in seen:
            bad(f"paragraph {number} of {row.outcome_id} coded {row.theme!r} twice by the {row.coder} coder")
        seen.add(key)
        total = _whole(str(known["paragraphs"].at[row.outcome_id]))  # read as text (dtype=str)
        if total is not None and number > total:
            bad(f"paragraph {number} is above the {total} paragraphs of {row.outcome_id}")
        read = _whole(str(known["paragraphs_read"].at[row.outcome_id]))
        paragraphs = counted.setdefault((row.outcome_id, row.coder), set())
        if number not in paragraphs and read is not None and len(paragraphs) >= read and row.coder == "first":
            bad(f"paragraph {number} of {row.outcome_id} is coded beyond its paragraphs_read ({read})")
            continue
        paragraphs.add(number)
    for row in each_row(outcomes, index=False):
        read = _whole(row.paragraphs_read)
        coded = len(counted.get((row.outcome_id, "first"), ()))
        if read is not None and coded < read:
            problems.append(
                Problem(
                    outcomes_path,
                    f"{row.outcome_id}: {read} paragraphs read but {coded} coded by the first "
                    f"coder (every paragraph read is coded, {NONE!r} if it carries no theme)",
                    row.line,
                )
            )
    _check_none_alone(codes, path, problems)


def _check_none_alone(codes: pd.DataFrame, path: Path, problems: list[Problem]) -> None:
    themed = codes[codes["theme"] != NONE].groupby(["outcome_id", "paragraph", "coder"]).size()
    for row in each_row(codes[codes["theme"] == NONE], index=False):
        if (row.outcome_id, row.paragraph, row.coder) in themed.index:
            problems.append(
                Problem(
                    path,
                    f"paragraph {row.paragraph} of {row.outcome_id} is coded {NONE!r} and a theme "
                    f"by the {row.coder} coder",
                    row.line,
                )
            )


def check_record(
    themes: set[str], outcomes_path: Path = OUTCOMES_PATH, codes_path: Path = CODES_PATH
) -> tuple[Record | None, list[Problem]]:
    """Read and check the record and its coding against the codebook's theme keys; return both and problems."""
    problems: list[Problem] = []
    outcomes = _read(outcomes_path, OUTCOME_COLUMNS, problems)
    codes = _read(codes_path, CODE_COLUMNS, problems)
    if outcomes is None or codes is None:
        return None, problems
    _check_outcomes(outcomes, outcomes_path, problems)
    _check_codes(codes, outcomes, themes, (outcomes_path, codes_path), problems)
    if problems:
        return None, problems
    outcomes = outcomes.drop(columns="line").assign(
        date=lambda t: pd.to_datetime(t["date"]),
        paragraphs=lambda t: pd.to_numeric(t["paragraphs"].replace("", None)).astype("Int64"),
        paragraphs_read=lambda t: t["paragraphs_read"].astype(int),
    )
    codes = codes.drop(columns="line").assign(paragraph=lambda t: t["paragraph"].astype(int))
    return Record(outcomes.sort_values(["date", "outcome_id"], ignore_index=True), codes), []


def load_record(themes: set[str], outcomes_path: Path = OUTCOMES_PATH, codes_path: Path = CODES_PATH) -> Record:
    """The checked record; raises :class:`RecordError` with every problem."""
    record, problems = check_record(themes, outcomes_path, codes_path)
    if record is None:
        raise RecordError(problems)
    return record
