"""Load and validate the corpus: one document per file, YAML front matter, text split into paragraphs.

Every problem in a corpus is collected, never only the first: :func:`load_corpus` raises
:class:`CorpusError` holding one :class:`Problem` per fault (``path: what is wrong``).

A document's ``date`` may be a day, a month or a year (:mod:`baliprocess.docdate`); the documents table's
``date`` column holds the interval's first day, and ``date_end``/``date_precision`` say how much is known.
Files matching a pattern of the folder's ``.baliprocessignore`` are not documents; :attr:`Corpus.ignored`
records which pattern skipped which files, so that none is skipped in silence. The folder's ``cleaning.yml``
(:data:`~.cleaning.CLEANING_FILE`) is no document either: it holds the cleaning rules written for its documents.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .cleaning import CLEANING_FILE, RULES, Rule, clean_lines, corpus_rules
from .corpusignore import IGNORE_FILE, IgnoreRule, ignored_files, read_ignore_file
from .datevocab import DATE_ORDERS
from .docdate import FORMS, DateFormError, DateValueError, parse_doc_date
from .language import detect_language
from .paragraphs import HEADING_RE, NUMBERED_RE, split_paragraphs
from .parallel import parallel_map
from .problems import CorpusError, Problem

if TYPE_CHECKING:
    import pandas as pd
    from pandas.api.typing import NaTType

__all__ = [
    "DOC_TYPES",
    "ENV_VAR",
    "IGNORE_FILE",
    "Corpus",
    "CorpusError",
    "Document",
    "IgnoreRule",
    "Problem",
    "corpus_dir",
    "count_words",
    "discover",
    "ignored_files",
    "load_corpus",
    "read_document",
    "read_ignore_file",
    "split_paragraphs",
]

ENV_VAR = "BALIPROCESS_CORPUS"
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO_ROOT / "data" / "corpus"
DOC_TYPES = ("press_release", "statement", "meeting_report", "web_page", "other")
DOCUMENT_SUFFIXES = (".md", ".txt")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# A token of no letter or digit ("-", "..."), with the white space before it: counted in " " + text, so that
# the scan may start at white space (which Python's engine skips to quickly) rather than at a look-behind.
_NON_WORD_TOKEN = re.compile(r"\s[^\w\s]+(?!\S)")


@dataclass(frozen=True)
class Document:
    """A parsed corpus file: its metadata, its body and the file line where the body starts."""

    doc_id: str
    path: Path
    meta: dict[str, Any]
    body: str
    body_line: int
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str = "day"


@dataclass
class Corpus:
    """The loaded corpus as tables: documents, paragraphs and the log of cleaning rules applied."""

    root: Path
    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    cleaning_log: pd.DataFrame
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: ``.baliprocessignore`` pattern -> names of the files and folders it kept out of the corpus.
    ignored: dict[str, list[str]] = field(default_factory=dict)
    #: The cleaning rules applied, in order (:func:`~.cleaning.corpus_rules`: every corpus's, then the folder's).
    rules: tuple[Rule, ...] = RULES


def corpus_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The corpus folder: ``path`` if given, else ``$BALIPROCESS_CORPUS``, else ``data/corpus``."""
    if path is not None:
        return Path(path)
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else DEFAULT_CORPUS


def discover(root: Path) -> tuple[list[Path], list[Problem]]:
    """Every document file in ``root`` (``*.md``/``*.txt`` except README.md, dotfiles and ignored files; the
    folder's cleaning rules, :data:`~.cleaning.CLEANING_FILE`, are no document either).

    Anything else in the folder is reported, so that no file is silently skipped; files matched by
    ``.baliprocessignore`` are listed by :func:`ignored_files`.
    """
    if not root.is_dir():
        return [], [Problem(root, "no such corpus directory")]
    files: list[Path] = []
    rules, problems = read_ignore_file(root)
    ignored = {name for names in ignored_files(root, rules).values() for name in names}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):  # one folder: by name is by path, and cheaper
        if entry.name.startswith(".") or entry.name in ("README.md", CLEANING_FILE) or entry.name in ignored:
            continue
        if entry.is_dir():
            problems.append(Problem(entry, "is a directory; the corpus is one flat folder of .md/.txt files"))
        elif entry.suffix.lower() in DOCUMENT_SUFFIXES:
            files.append(entry)
        else:
            problems.append(
                Problem(entry, f"not a corpus document (only {', '.join(DOCUMENT_SUFFIXES)} files are read)")
            )
    if not files and not problems:
        problems.append(Problem(root, "no documents found (expected .md or .txt files)"))
    return files, problems


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: far faster


class _StringDateLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """A safe YAML loader that leaves dates as strings, so impossible dates can be reported."""


_StringDateLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _key_line(front: list[str], key: str, offset: int) -> int | None:
    for i, line in enumerate(front):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return offset + i
    return None


def _check_meta(path: Path, meta: dict[str, Any], front: list[str]) -> list[Problem]:
    problems: list[Problem] = []

    def line(key: str) -> int | None:
        return _key_line(front, key, 2)

    title = meta.get("title")
    if title is None or (isinstance(title, str) and not title.strip()):
        problems.append(Problem(path, "missing title in front matter"))
    elif not isinstance(title, str):
        problems.append(Problem(path, f"title must be a string, not {type(title).__name__}", line("title")))
    date = meta.get("date")
    if date is None or (isinstance(date, str) and not date.strip()):
        problems.append(Problem(path, f"missing date in front matter (expected {FORMS})"))
    else:
        try:
            parse_doc_date(date)
        except DateFormError:
            problems.append(Problem(path, f"date {date!r} is not an ISO date {FORMS}", line("date")))
        except DateValueError as exc:
            problems.append(Problem(path, f"impossible date {date!r} ({exc})", line("date")))
    doc_id = meta.get("id")
    if doc_id is not None and (not isinstance(doc_id, str) or not _ID_RE.match(doc_id)):
        problems.append(Problem(path, f"id {doc_id!r} must be letters, digits, '-', '_' or '.'", line("id")))
    doc_type = meta.get("doc_type")
    if doc_type is not None and doc_type not in DOC_TYPES:
        problems.append(Problem(path, f"doc_type {doc_type!r} is not one of {', '.join(DOC_TYPES)}", line("doc_type")))
    url = meta.get("url")
    if url is not None and (not isinstance(url, str) or not re.match(r"^https?://\S+$", url)):
        problems.append(Problem(path, f"url {url!r} is not an http(s) address", line("url")))
    order = meta.get("date_order")
    if order is not None and order not in DATE_ORDERS:
        problems.append(
            Problem(path, f"date_order {order!r} is not one of {', '.join(DATE_ORDERS)}", line("date_order"))
        )
    return problems


def read_document(path: Path) -> tuple[Document | None, list[Problem]]:
    """Parse one file; return the document (or None) and every problem found in it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(path, f"cannot be read ({exc.strerror})")]
    if not raw.strip():
        return None, [Problem(path, "empty file")]
    if b"\x00" in raw:
        return None, [Problem(path, "binary file (contains NUL bytes), not UTF-8 text")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(path, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})", line)]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].strip() != "---":
        return None, [Problem(path, "no YAML front matter (the first line must be '---')", 1)]
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return None, [Problem(path, "front matter is not closed (no second '---' line)", 1)]
    front = lines[1:close]
    try:
        meta = yaml.load("\n".join(front), Loader=_StringDateLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [
            Problem(path, f"front matter is not valid YAML ({reason})", mark.line + 2 if mark is not None else None)
        ]
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return None, [Problem(path, "front matter must be a mapping of keys to values", 2)]
    problems = _check_meta(path, meta, front)
    body_lines = lines[close + 1 :]
    body = "\n".join(body_lines)
    if not body.strip():
        problems.append(Problem(path, "empty body (no text after the front matter)"))
    if problems:
        return None, problems
    doc_id = str(meta.get("id") or path.stem)
    date = parse_doc_date(meta["date"])
    return Document(doc_id, path, meta, body, close + 2, date.start, date.end, date.precision), []


def count_words(text: str) -> int:
    """Number of words: whitespace-separated tokens that hold at least one letter or digit."""
    return len(text.split()) - len(_NON_WORD_TOKEN.findall(" " + text))


def _paragraph_label(text: str) -> str:
    match = NUMBERED_RE.match(text)
    return match.group(1) if match else ""


#: Corpora with at least this many files are read by several processes (see :mod:`baliprocess.parallel`).
PARALLEL_MIN_FILES = 400


@dataclass
class _Parsed:
    """One file as a worker reads it: the document (its body dropped, already split), a digest of its body for
    the duplicate check, its paragraphs as the columns of the paragraphs table (:data:`_PARAGRAPH_COLUMNS`
    but ``doc_id``), its cleaning log, language and counts. Everything per document is done here, in the
    worker, so the parent only stacks the columns."""

    doc: Document
    body_key: bytes
    columns: tuple[list[Any], ...]
    log: list[dict[str, object]]
    language: str
    n_paragraphs: int
    n_words: int


_PARAGRAPH_COLUMNS = ("doc_id", "paragraph_id", "position", "label", "kind", "line", "text")


def _parse(path: Path, rules: tuple[Rule, ...] = RULES) -> tuple[_Parsed | None, list[Problem]]:
    """Read, check, clean (with ``rules``), split one file and detect its language (in a worker process for
    large corpora)."""
    doc, problems = read_document(path)
    if doc is None:
        return None, problems
    numbered = [(doc.body_line + i, line) for i, line in enumerate(doc.body.split("\n"))]
    cleaned, log = clean_lines(numbered, rules)
    paragraphs = split_paragraphs(cleaned)
    language, _ = detect_language(" ".join(text for _, text in paragraphs if not HEADING_RE.match(text)))
    n = len(paragraphs)
    width = max(2, len(str(n)))
    labels, kinds, lines, texts = [], [], [], []
    for line, text in paragraphs:
        heading = HEADING_RE.match(text)
        lines.append(line)
        labels.append(_paragraph_label(text))
        kinds.append("heading" if heading else "paragraph")
        texts.append(text[heading.end() :] if heading else text)
    columns = (
        [f"{doc.doc_id}-p{position:0{width}d}" for position in range(1, n + 1)],
        list(range(1, n + 1)),
        labels,
        kinds,
        lines,
        texts,
    )
    return _Parsed(
        replace(doc, body=""),
        hashlib.sha256(" ".join(doc.body.split()).encode("utf-8")).digest(),
        columns,
        log,
        language,
        kinds.count("paragraph"),
        count_words("\n".join(text for _, text in paragraphs)),
    ), problems


def load_corpus(path: str | os.PathLike[str] | None = None) -> Corpus:
    """Read, validate, clean and split every document in the corpus folder.

    Raises :class:`CorpusError` listing every problem in every file.
    """
    root = corpus_dir(path)
    files, problems = discover(root)
    ignored = ignored_files(root, read_ignore_file(root)[0]) if root.is_dir() else {}
    rules, rule_problems = corpus_rules(root)
    problems.extend(rule_problems)
    parsed = []
    for one, found in parallel_map(partial(_parse, rules=rules), files, len(files) >= PARALLEL_MIN_FILES):
        problems.extend(found)
        if one is not None:
            parsed.append(one)
    seen_ids: dict[str, Path] = {}
    seen_bodies: dict[bytes, Path] = {}
    for one in parsed:
        doc = one.doc
        if doc.doc_id in seen_ids:
            problems.append(Problem(doc.path, f"duplicate id {doc.doc_id!r} (also used by {seen_ids[doc.doc_id]})"))
        else:
            seen_ids[doc.doc_id] = doc.path
        if one.body_key in seen_bodies:
            problems.append(Problem(doc.path, f"same body text as {seen_bodies[one.body_key]} (duplicate document)"))
        else:
            seen_bodies[one.body_key] = doc.path
    if problems:
        raise CorpusError(problems)
    corpus = _tabulate(root, parsed)
    corpus.ignored, corpus.rules = ignored, rules
    return corpus


def _timestamp(day: dt.date | None) -> pd.Timestamp | NaTType:
    """A document's date as a Timestamp; a document without one gets NaT (what ``pd.Timestamp(None)`` gives)."""
    import pandas as pd  # here, not at the top: the commands that never tabulate (fingerprint, add) skip it

    return pd.NaT if day is None else pd.Timestamp(day)


def _tabulate(root: Path, parsed: list[_Parsed]) -> Corpus:
    import pandas as pd  # see _timestamp

    doc_rows, log_rows = [], []
    for one in parsed:
        doc = one.doc
        for entry in one.log:
            log_rows.append({"doc_id": doc.doc_id, **entry})
        meta = doc.meta
        doc_rows.append(
            {
                "doc_id": doc.doc_id,
                "title": meta["title"].strip(),
                "date": _timestamp(doc.date_start),
                "publisher": meta.get("publisher", ""),
                "doc_type": meta.get("doc_type", "other"),
                "url": meta.get("url", ""),
                "n_paragraphs": one.n_paragraphs,
                "n_words": one.n_words,
                "date_note": meta.get("date_note", ""),
                "language": one.language,
                "file": doc.path.name,
                "date_end": _timestamp(doc.date_end),
                "date_precision": doc.date_precision,
            }
        )
    documents = pd.DataFrame(doc_rows).sort_values(["date", "doc_id"], kind="stable")
    # The paragraphs are stacked in the documents' order (each document's in their own order), so the
    # paragraph table needs no sort of its own.
    columns: dict[str, list[object]] = {k: [] for k in _PARAGRAPH_COLUMNS}
    stacked = [columns[k] for k in _PARAGRAPH_COLUMNS[1:]]
    for i in documents.index.tolist():
        one = parsed[i]
        columns["doc_id"].extend([one.doc.doc_id] * len(one.columns[0]))
        for column, values in zip(stacked, one.columns, strict=True):
            column.extend(values)
    cleaning_log = pd.DataFrame(log_rows, columns=["doc_id", "line", "rule", "before", "after"])
    return Corpus(
        root,
        documents.reset_index(drop=True),
        pd.DataFrame(columns),
        cleaning_log,
        {one.doc.doc_id: one.doc.meta for one in parsed},
    )
