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

from ..corpus import _ID_RE
from ..docdate import FORMS, DateFormError, DateValueError, DocDate, parse_doc_date
from .readers import URL_RE, IngestError, extract, one_line

OUTPUT_SUFFIX = ".txt"

__all__ = ["OUTPUT_SUFFIX", "Options", "add_file", "output_path", "render", "run_add", "slug"]

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


def _recorded_sha256(path: Path) -> str | None:
    try:
        match = _SHA_LINE.search(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None
    return match.group(1) if match else None


def output_path(to: Path, stem: str, sha256: str, fixed: bool = False, force: bool = False) -> Path:
    """Where a document goes: ``to/<stem>.txt``, never overwriting without ``force``.

    A file added before from the same bytes (same ``source_sha256``) is refused unless ``force``
    replaces it. Another document already holding the name (two reports titled "Media release") leaves it
    alone and takes ``<stem>-2.txt``, ``<stem>-3.txt``, ...; with ``fixed`` (an ``--id`` was given) the
    name cannot move, so an existing file is refused unless ``force``.
    """
    first = to / f"{stem}{OUTPUT_SUFFIX}"
    if fixed:
        if first.exists() and not force:
            raise IngestError(f"{first} already exists; pass --force to replace it")
        return first
    number = 1
    while True:
        candidate = first if number == 1 else to / f"{stem}-{number}{OUTPUT_SUFFIX}"
        if not candidate.exists():
            return candidate
        if _recorded_sha256(candidate) == sha256:
            if force:
                return candidate
            raise IngestError(f"already added as {candidate} (same source_sha256); pass --force to replace it")
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


def add_file(path: Path, to: Path, options: Options, force: bool = False) -> tuple[Path, list[str]]:
    """Convert ``path`` into a document in folder ``to``; return the file written and notes for the user
    (values still missing, parts not converted). Raises :class:`IngestError`."""
    data, found = extract(path)
    title = options.title or found.title
    date, date_source = (options.date, None) if options.date else (found.date, found.date_source)
    meta: dict[str, str] = {}
    if options.doc_id:
        meta["id"] = options.doc_id
    if title:
        meta["title"] = title
    if date is not None:
        meta["date"] = str(date)
        if date_source:
            meta["date_note"] = f"Proposed by add from {date_source}; check it against the document."
    for key, value in (
        ("publisher", options.publisher or found.publisher),
        ("doc_type", options.doc_type),
        ("url", options.url or found.url),
    ):
        if value:
            meta[key] = value
    meta["source_file"] = path.name
    meta["source_sha256"] = hashlib.sha256(data).hexdigest()
    out = output_path(
        to, slug(options.doc_id or title or path.stem), meta["source_sha256"], fixed=bool(options.doc_id), force=force
    )
    to.mkdir(parents=True, exist_ok=True)
    out.write_text(render(meta, found.paragraphs), encoding="utf-8")
    notes = [f"{path}: {note}" for note in found.notes]
    if not title:
        notes.append(f"{out}: no title found; pass --title or add title: to the front matter")
    if date is None:
        notes.append(f"{out}: no date found; pass --date or add date: to the front matter")
    return out, notes


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
    for path in args.files:
        try:
            out, notes = add_file(path, args.to, options, args.force)
        except IngestError as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            status = 1
            continue
        except OSError as exc:
            print(f"{getattr(exc, 'filename', None) or path}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        print(f"{path} -> {out}")
        for note in notes:
            print(note, file=sys.stderr)
    return status
