"""``add``: turn a researcher's files into corpus documents (front matter + text, see data/corpus/README.md).

Text comes from maintained extractors: trafilatura for ``.html``/``.htm`` (the page's main text), pypdf for
``.pdf`` (the text layer), python-docx for ``.docx`` (its paragraphs); ``.txt`` and ``.md`` are taken as they
are. Title, date, publisher and URL are proposed only from the file's own metadata and never made up; the
command line's options override them, and a required value that is still missing is left out, so that
``validate`` reports it. The original file's name and SHA-256 checksum go into the front matter.

A file that cannot be converted is refused with one line ``path: what is wrong``; the others still are.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import logging
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .corpus import _ID_RE
from .docdate import FORMS, DateFormError, DateValueError, DocDate, from_parts, parse_doc_date

__all__ = ["SUFFIXES", "Extracted", "IngestError", "Options", "add_file", "extract", "metadata_date", "pdf_paragraphs",
           "render", "run_add", "slug"]

OUTPUT_SUFFIX = ".txt"
_URL_RE = re.compile(r"^https?://\S+$")


class IngestError(Exception):
    """A file that cannot be turned into a document; the message is one line."""


@dataclass
class Extracted:
    """What a file yields: its paragraphs and the metadata it states, with where the date came from."""

    paragraphs: list[str]
    title: str | None = None
    date: DocDate | None = None
    date_source: str | None = None
    publisher: str | None = None
    url: str | None = None
    notes: list[str] = field(default_factory=list)


def _one_line(value: object) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _http(url: object) -> str | None:
    text = _one_line(url)
    return text if text and _URL_RE.match(text) else None


# --- dates in metadata ----------------------------------------------------------------------------------

_ISO_PREFIX = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ]\S*)?$")
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def metadata_date(value: str) -> DocDate | None:
    """A date stated in a metadata field, at the precision it states; None when there is none.

    ISO forms (``2016``, ``2016-03``, ``2016-03-23``, ``2016-03-23T10:00:00+11:00``) are read directly;
    other wordings (``23 March 2016``) by dateparser, whose period says whether a day, a month or only a
    year is given. A value without a four-digit year (``now``, ``yesterday``) is never read as a date.
    """
    text = value.strip()
    iso = _ISO_PREFIX.match(text)
    if iso:
        try:
            return parse_doc_date(iso.group(1))
        except ValueError:
            return None
    if not _HAS_YEAR.search(text):
        return None
    from dateparser.date import DateDataParser

    data = DateDataParser(settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False}
                          ).get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj
    if data.period == "year":
        return from_parts(d.year)
    if data.period == "month":
        return from_parts(d.year, d.month)
    return from_parts(d.year, d.month, d.day)


def _from_datetime(value: object) -> DocDate | None:
    return from_parts(value.year, value.month, value.day) if isinstance(value, dt.date) else None


# --- HTML -----------------------------------------------------------------------------------------------

_DATE_META = re.compile(r"date|published|issued|created", re.IGNORECASE)
_NOT_PUBLICATION = re.compile(r"modif|updat|expir|revis", re.IGNORECASE)


def _json_ld_dates(obj: object) -> Iterator[tuple[str, str]]:
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key in ("datePublished", "dateCreated") and isinstance(value, str):
                yield key, value
            else:
                yield from _json_ld_dates(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from _json_ld_dates(item)


def _html_date_candidates(tree) -> Iterator[tuple[str, str]]:
    """(where, value) for every publication-date field in the page's metadata, most specific first."""
    found: list[tuple[int, str, str]] = []
    for meta in tree.xpath("//meta[@content]"):
        name = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv") or ""
        if _DATE_META.search(name) and not _NOT_PUBLICATION.search(name):
            rank = 0 if re.search("published|issued", name, re.IGNORECASE) else 1
            found.append((rank, f"<meta {name}>", meta.get("content")))
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for key, value in _json_ld_dates(data):
            found.append((0 if key == "datePublished" else 1, f"JSON-LD {key}", value))
    for _, where, value in sorted(found, key=lambda item: item[0]):
        yield where, value


def _from_html(data: bytes) -> Extracted:
    import trafilatura

    tree = trafilatura.load_html(data)
    if tree is None:
        raise IngestError("cannot be read as HTML")
    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=True)
    text = getattr(doc, "text", None) or ""
    paragraphs = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    out = Extracted(paragraphs, title=_one_line(getattr(doc, "title", None)),
                    publisher=_one_line(getattr(doc, "sitename", None)), url=_http(getattr(doc, "url", None)))
    # trafilatura's own date (htmldate) may be guessed from the text or complete a month with a day, so
    # the date is read here from the metadata fields alone, at the precision they state.
    for where, value in _html_date_candidates(tree):
        date = metadata_date(value)
        if date is not None:
            out.date, out.date_source = date, f"the page's metadata ({where} {value.strip()!r})"
            break
    return out


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Silence a library's log messages: what matters reaches the user as one line from this module."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


# --- PDF ------------------------------------------------------------------------------------------------

_ITEM_START = re.compile(r"^(?:\d{1,3}[.)]\s|[•·▪◦*-]\s)")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")


def pdf_paragraphs(page_text: str) -> list[str]:
    """Paragraphs of one page's extracted text: blank lines, numbered or bulleted lines, and a short line
    that ends a sentence end a paragraph; other line breaks are soft wraps and become spaces (a word split
    by a hyphen at the end of a line keeps its hyphen)."""
    lines = [" ".join(line.split()) for line in page_text.splitlines()]
    full = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current = previous = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        ends_short = bool(_SENTENCE_END.search(previous)) and len(previous) < 0.8 * full
        if current and (_ITEM_START.match(line) or ends_short):
            paragraphs.append(current)
            current = ""
        if not current:
            current = line
        elif current.endswith("-") and line[:1].islower():
            current += line
        else:
            current += " " + line
        previous = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _from_pdf(data: bytes) -> Extracted:
    with _quiet("pypdf"):
        return _read_pdf(data)


def _read_pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("the PDF is encrypted: save an unencrypted copy first")
        texts = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of error on a damaged file
        raise IngestError(f"cannot be read as a PDF ({type(exc).__name__}: {_one_line(exc) or 'no detail'})"
                          ) from None
    if not any(t.strip() for t in texts):
        raise IngestError("no text layer (scanned?): run OCR first")
    out = Extracted([p for t in texts for p in pdf_paragraphs(t)])
    empty = [str(i) for i, t in enumerate(texts, start=1) if not t.strip()]
    if empty:
        out.notes.append(f"page(s) {', '.join(empty)} have no text layer and are missing: run OCR on them")
    try:
        info = reader.metadata
        out.title = _one_line(info.title) if info else None
        created = info.creation_date if info else None
    except Exception:  # noqa: BLE001 - a malformed info dictionary only means no metadata
        created = None
    out.date = _from_datetime(created)
    if out.date is not None:
        out.date_source = ("the PDF's CreationDate (when the file was made, which may be later than the "
                           "document's own date)")
    return out


# --- DOCX, text -----------------------------------------------------------------------------------------

#: python-docx's bundled template carries this creation time; a file made from it states no real date.
_PYTHON_DOCX_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)


def _from_docx(data: bytes) -> Extracted:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [" ".join(p.text.split()) for p in document.paragraphs if p.text.strip()]
        props = document.core_properties
        title, created = props.title, props.created
        n_tables = len(document.tables)
    except Exception as exc:  # noqa: BLE001 - zip, XML and package errors all mean "not a readable .docx"
        raise IngestError(f"cannot be read as a .docx file ({type(exc).__name__}: {_one_line(exc) or 'no detail'})"
                          ) from None
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=dt.UTC)
    out = Extracted(paragraphs, title=_one_line(title))
    if created is not None and created != _PYTHON_DOCX_TEMPLATE_CREATED:
        out.date = _from_datetime(created)
        out.date_source = ("the .docx file's core property 'created' (when the file was made, which may be "
                           "later than the document's own date)")
    if n_tables:
        out.notes.append(f"{n_tables} table(s) not converted (only paragraphs are read): add their text by hand")
    return out


def _from_text(data: bytes) -> Extracted:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if "\x00" in text:
        raise IngestError("binary file (contains NUL bytes), not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.lstrip().startswith("---\n"):
        raise IngestError("already has front matter: copy it into the corpus folder as it is")
    return Extracted([text.strip("\n")] if text.strip() else [])


SUFFIXES: dict[str, Callable[[bytes], Extracted]] = {
    ".html": _from_html, ".htm": _from_html, ".pdf": _from_pdf, ".docx": _from_docx,
    ".txt": _from_text, ".md": _from_text,
}


def extract(path: Path) -> tuple[bytes, Extracted]:
    """The file's bytes and what they yield; raises :class:`IngestError` with a one-line reason."""
    reader = SUFFIXES.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"unsupported file type {path.suffix or '(no suffix)'!r} "
                          f"(add reads {', '.join(SUFFIXES)})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise IngestError("empty file")
    found = reader(data)
    if not any(p.strip() for p in found.paragraphs):
        raise IngestError("no text found in the file")
    return data, found


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
    for key, value in (("publisher", options.publisher or found.publisher), ("doc_type", options.doc_type),
                       ("url", options.url or found.url)):
        if value:
            meta[key] = value
    meta["source_file"] = path.name
    meta["source_sha256"] = hashlib.sha256(data).hexdigest()
    out = output_path(to, slug(options.doc_id or title or path.stem), meta["source_sha256"],
                      fixed=bool(options.doc_id), force=force)
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
    if args.url is not None and not _URL_RE.match(args.url):
        raise IngestError(f"--url {args.url!r} is not an http(s) address")
    if args.doc_id is not None and not _ID_RE.match(args.doc_id):
        raise IngestError(f"--id {args.doc_id!r} must be letters, digits, '-', '_' or '.'")
    return Options(_one_line(args.title), date, _one_line(args.publisher), args.url, args.doc_type, args.doc_id)


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
