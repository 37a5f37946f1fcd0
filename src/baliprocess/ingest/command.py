"""The ``add`` command: write a corpus document (front matter + paragraphs) for each file it can read.

Options given on the command line override what the file states; a required value still missing is left
out so that ``validate`` reports it. A file that cannot be converted is refused with one line.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..corpus import _ID_RE, DEFAULT_CORPUS
from ..docdate import FORMS, DateFormError, DateValueError, DocDate, parse_doc_date
from .pdftext import Lexicon
from .proposals import (
    check_file_date,
    dateline,
    heading_over_title_field,
    note,
    page_dateline,
    propose_doc_type,
    propose_title,
    text_dates,
    without_site_name,
)
from .readers import JUNK_TITLE, URL_RE, Extracted, IngestError, extract, one_line
from .structure import table_note

OUTPUT_SUFFIX = ".txt"
#: The folder (a dotfile, so not a document) inside the corpus where ``add`` keeps each PDF's rule log.
LOG_DIR = ".baliprocess-add"

__all__ = [
    "LOG_DIR",
    "OUTPUT_SUFFIX",
    "Options",
    "add_file",
    "corpus_lexicon",
    "made_from",
    "output_path",
    "render",
    "run_add",
    "slug",
]

# --- output ---------------------------------------------------------------------------------------------


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe id: ASCII letters and digits joined by ``-`` (``Ministers' Statement`` ->
    ``ministers-statement``); ``document`` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", ""))
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}" if out else word[:limit]
    return out or "document"


def render(meta: dict[str, str], paragraphs: list[str]) -> str:
    """A corpus file: YAML front matter (keys in the given order) and paragraphs separated by blank lines."""
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100_000, default_flow_style=False)
    return "---\n" + front + "---\n" + "\n\n".join(p.strip("\n") for p in paragraphs) + "\n"


_SHA_LINE = re.compile(r"^source_sha256:\s*['\"]?([0-9a-f]{64})", re.MULTILINE)
_FILE_LINE = re.compile(r"^source_file:\s*(.+?)\s*$", re.MULTILINE)


def _recorded(path: Path) -> tuple[str | None, str | None]:
    """(source_sha256, source_file) recorded in a document's front matter."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            text = handle.read(16_384)  # the front matter, not the whole document
    except OSError:
        return None, None
    front = text.split("\n---", 1)[0] if text.startswith("---") else ""
    sha, name = _SHA_LINE.search(front), _FILE_LINE.search(front)
    return (sha.group(1) if sha else None), (yaml.safe_load(name.group(1)) if name else None)


def made_from(to: Path, sha256: str, name: str) -> tuple[Path, str] | None:
    """The document in ``to`` made from the same original: (path, how it matched), matched by its
    checksum first, then by the original's file name."""
    if not to.is_dir():
        return None
    by_name = None
    for candidate in sorted(to.glob(f"*{OUTPUT_SUFFIX}")):
        sha, source = _recorded(candidate)
        if sha == sha256:
            return candidate, "same source_sha256"
        if by_name is None and source == name:
            by_name = candidate
    return (
        (by_name, "same source_file, other bytes: an edited original, or another file of that name")
        if by_name
        else None
    )


def output_path(
    to: Path, stem: str, sha256: str, fixed: bool = False, force: bool = False, name: str | None = None
) -> Path:
    """Where a document goes: ``to/<stem>.txt``, never overwriting without ``force``.

    A document made from the same original (same ``source_sha256``, or same ``source_file`` name) is
    refused unless ``force`` replaces it, in its place. Another document already holding the name (two
    reports titled "Media release") is left alone and the new one takes ``<stem>-2.txt``, ``<stem>-3.txt``,
    ...; with ``fixed`` (an ``--id`` was given) the name cannot move, so an existing file is refused unless
    ``force``.
    """
    first = to / f"{stem}{OUTPUT_SUFFIX}"
    previous = made_from(to, sha256, name or "")
    if previous is not None and not force:
        path, how = previous
        hint = "" if how.startswith("same source_sha256") else " (or rename the file if it is another document)"
        raise IngestError(f"already added as {path} ({how}); pass --force to replace it{hint}")
    if fixed:
        if first.exists() and not force:
            raise IngestError(f"{first} already exists; pass --force to replace it")
        return first
    if previous is not None:
        return previous[0]
    number = 1
    while True:
        candidate = first if number == 1 else to / f"{stem}-{number}{OUTPUT_SUFFIX}"
        if not candidate.exists():
            return candidate
        number += 1


@dataclass(frozen=True)
class Options:
    """Values given on the command line, each overriding what the file states."""

    title: str | None = None
    date: DocDate | None = None
    publisher: str | None = None
    url: str | None = None
    doc_type: str | None = None
    doc_id: str | None = None


def _propose_date(found: Extracted, options: Options) -> tuple[DocDate | None, str | None, str | None]:
    """(date, its note, a line for the user when a file's date was not proposed)."""
    if options.date:
        return options.date, None, None
    if found.date is not None and found.date_source is not None and found.date_kind != "file":
        return found.date, note(found.date, found.date_source), None  # a web page's publication date
    # A saved page's text holds dates of related links and comments: only its own fields date it.
    line = page_dateline(found.paragraphs) if found.is_web_page else dateline(found.paragraphs)
    if found.date is None or found.date_source is None:  # the readers set both together
        return (line[0], note(line[0], f"the dateline '{line[1]}'"), None) if line else (None, None, None)
    # A file's creation date says when the file was made: the text's own dateline comes first.
    where = found.date_source.split(" (", 1)[0]
    check = check_file_date(found.date, text_dates(found.paragraphs))
    if line is not None:
        date, words = line
        if date == found.date:
            return date, note(date, f"the dateline '{words}' ({where} is the same day)"), None
        why = f"{where} {found.date} is {check.reason}" if not check.ok else f"{where} says {found.date}"
        return date, note(date, f"the dateline '{words}' ({why}, so it is not the document's date)"), None
    if check.ok:
        return found.date, note(found.date, found.date_source), None
    return None, None, f"{where} {found.date} is {check.reason}, so it is not the document's date; pass --date"


def _cleaning_note(log: list[dict[str, object]], log_file: str) -> str:
    """The front matter's ``cleaning_note``: how often each PDF rule fired, and where the full log is."""
    counts: dict[str, int] = {}
    for entry in log:
        counts[str(entry["rule"])] = counts.get(str(entry["rule"]), 0) + 1
    listed = ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items()))
    return f"add cleaned the PDF's text with the listed PDF rules ({listed}); every change in {log_file}."


def _write_log(to: Path, out: Path, log: list[dict[str, object]]) -> str:
    folder = to / LOG_DIR
    folder.mkdir(exist_ok=True)
    target = folder / f"{out.stem}.tsv"
    rows = ["page\trule\tbefore\tafter"]
    rows += ["\t".join(" ".join(str(e[k]).split()) for k in ("page", "rule", "before", "after")) for e in log]
    target.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return f"{LOG_DIR}/{target.name}"


def add_file(
    path: Path, to: Path, options: Options, force: bool = False, lexicon: Lexicon | None = None
) -> tuple[Path, list[str], list[str]]:
    """Convert ``path`` into a document in folder ``to``; return the file written, notes for the user
    (values still missing, parts not converted) and problems (the document is written but needs a look:
    merged cells, a page of boilerplate). Raises :class:`IngestError`."""
    data, found = extract(path, lexicon)
    meta: dict[str, str] = {}
    if options.doc_id:
        meta["id"] = options.doc_id
    title, title_note = options.title, None
    if not title and found.title and not JUNK_TITLE.match(found.title):
        title, title_note = found.title, note(found.title, found.title_source or "the file's metadata")
        page = without_site_name(title, found.paragraphs)
        heading = heading_over_title_field(title, found.paragraphs)
        if heading:
            title, title_note = (
                heading,
                note(
                    heading,
                    f"the document's first heading ({found.title_source or 'the title field'} names no word of it)",
                ),
            )
        if page:
            title, title_note = (
                page,
                note(page, f"{found.title_source or 'the file metadata'}, without the site's name"),
            )
    if not title:
        proposed = propose_title(found.paragraphs)
        if proposed:
            title, title_note = proposed[0], note(proposed[0], proposed[1])
    if title:
        meta["title"] = title
        if title_note:
            meta["title_note"] = title_note
    date, date_note, date_refused = _propose_date(found, options)
    if date is not None:
        meta["date"] = str(date)
        if date_note:
            meta["date_note"] = date_note
    publisher = options.publisher or found.publisher
    if publisher:
        meta["publisher"] = publisher
    doc_type = options.doc_type
    if not doc_type:
        printed = any(entry["rule"] == "print-stamp" for entry in found.log)
        headers = [str(entry["before"]) for entry in found.log if entry["rule"] == "running-header"]
        proposed = propose_doc_type(title, found.paragraphs, found.is_web_page, printed, headers)
        if proposed:
            doc_type = proposed[0]
            meta["doc_type"], meta["doc_type_note"] = doc_type, note(doc_type, proposed[1])
    else:
        meta["doc_type"] = doc_type
    url = options.url or found.url
    if url:
        meta["url"] = url
    tables = table_note(found.tables)
    if tables:
        meta["tables_note"] = tables
    sha256 = hashlib.sha256(data).hexdigest()
    stem = slug(options.doc_id or title or path.stem)
    out = output_path(to, stem, sha256, fixed=bool(options.doc_id), force=force, name=path.name)
    to.mkdir(parents=True, exist_ok=True)
    if found.log:
        meta["cleaning_note"] = _cleaning_note(found.log, _write_log(to, out, found.log))
    meta["source_file"], meta["source_sha256"] = path.name, sha256
    out.write_text(render(meta, found.paragraphs), encoding="utf-8")
    notes = [f"{path}: {n}" for n in found.notes]
    if not title:
        notes.append(f"{out}: no title found; pass --title or add title: to the front matter")
    if date_refused:
        notes.append(f"{out}: {date_refused}")
    if date is None:
        notes.append(f"{out}: no date found; pass --date or add date: to the front matter")
    return out, notes, [f"{path}: {p}" for p in found.problems]


#: The project's table of organisations: their names and acronyms ("UNHCR", "South-East") join the lexicon.
ORGANISATIONS_CSV = DEFAULT_CORPUS.parent / "organisations.csv"


def corpus_lexicon(to: Path, limit: int = 2000) -> Lexicon:
    """The words of the documents already in ``to`` (at most ``limit`` files) and of the project's table of
    organisations, for PDF line-end hyphens."""
    lexicon = Lexicon()
    if ORGANISATIONS_CSV.is_file():
        lexicon.add_text(ORGANISATIONS_CSV.read_text(encoding="utf-8").replace("|", " ").replace(",", " "))
    if to.is_dir():
        for path in sorted(to.glob(f"*{OUTPUT_SUFFIX}"))[:limit]:
            try:
                lexicon.add_text(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                continue
    return lexicon


def _options(args: argparse.Namespace) -> Options:
    """The command line's values, checked; raises :class:`IngestError` naming the bad option."""
    if len(args.files) > 1 and (args.doc_id or args.title):
        raise IngestError("--id and --title name one document: pass one FILE with them")
    date = None
    if args.date is not None:
        try:
            date = parse_doc_date(args.date)
        except DateFormError:
            raise IngestError(f"--date {args.date!r} is not a date {FORMS}") from None
        except DateValueError as exc:
            raise IngestError(f"--date {args.date!r} is not a date {FORMS} ({exc})") from None
    if args.url is not None and not URL_RE.match(args.url):
        raise IngestError(f"--url {args.url!r} is not an http(s) address")
    if args.doc_id is not None and not _ID_RE.match(args.doc_id):
        raise IngestError(f"--id {args.doc_id!r} must be letters, digits, '-', '_' or '.'")
    return Options(one_line(args.title), date, one_line(args.publisher), args.url, args.doc_type, args.doc_id)


def run_add(args: argparse.Namespace) -> int:
    """``add FILE... --to DIR``: convert every file, one line per file written or refused; exit 1 if any
    was refused."""
    try:
        options = _options(args)
    except IngestError as exc:
        print(f"baliprocess add: {exc}", file=sys.stderr)
        return 1
    status = 0
    lexicon = corpus_lexicon(args.to) if any(p.suffix.lower() == ".pdf" for p in args.files) else None
    for path in args.files:
        try:
            out, notes, problems = add_file(path, args.to, options, args.force, lexicon)
        except IngestError as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            status = 1
            continue
        except OSError as exc:
            print(f"{getattr(exc, 'filename', None) or path}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        print(f"{path} -> {out}")
        for line in notes + problems:
            print(line, file=sys.stderr)
        status = 1 if problems else status
    return status
