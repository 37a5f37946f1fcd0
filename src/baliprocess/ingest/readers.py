"""Readers: the text and metadata of HTML, PDF, ``.docx`` and text files, through maintained extractors.

trafilatura for ``.html``/``.htm`` (the page's main text, its headings, lists and tables; the date only from
the page's publication-date fields), pdfminer.six for ``.pdf`` (the text layer in reading order, cleaned by
:mod:`.pdftext`; pypdf for the document information), python-docx for ``.docx`` (paragraphs, headings,
lists and tables in order); ``.txt`` and ``.md`` are taken as they are. Nothing is made up: a value a file
does not state stays ``None``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..docdate import DocDate, from_parts, parse_doc_date
from .pdftext import Lexicon, pdf_text
from .printed import drop_related_links
from .structure import Table, docx_blocks, html_blocks, restore_date_line, restore_heading

__all__ = [
    "JUNK_TITLE",
    "SUFFIXES",
    "URL_RE",
    "Extracted",
    "IngestError",
    "extract",
    "metadata_date",
    "one_line",
]

URL_RE = re.compile(r"^https?://\S+$")
#: A title field that names a file or a template, not the document ("Microsoft Word - doc1.docx").
JUNK_TITLE = re.compile(r"^(?:microsoft word - .*|untitled.*|.*\.(?:docx?|pdf|html?))$", re.IGNORECASE)


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
    #: "publication" (a page's publication-date field) or "file" (when the file was made: checked
    #: against the dates the text mentions before it is proposed)
    date_kind: str = "publication"
    title_source: str | None = None
    tables: list[Table] = field(default_factory=list)
    #: problems that leave the document written but need a look (merged cells, a page of boilerplate)
    problems: list[str] = field(default_factory=list)
    #: every PDF rule that fired: page, rule, before, after
    log: list[dict[str, object]] = field(default_factory=list)
    is_web_page: bool = False


def one_line(value: object) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _http(url: object) -> str | None:
    text = one_line(url)
    return text if text and URL_RE.match(text) else None


# --- dates in metadata ----------------------------------------------------------------------------------

_ISO_PREFIX = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ]\S*)?$")
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# A compact timestamp, as news sites' "pubdate" fields write it: 20180806 or 20180806143500 (heldout4).
_COMPACT = re.compile(r"^((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d)(?:\d{4}|\d{6})?$")


def metadata_date(value: str) -> DocDate | None:
    """A date stated in a metadata field, at the precision it states; None when there is none.

    ISO forms (``2016``, ``2016-03``, ``2016-03-23``, ``2016-03-23T10:00:00+11:00``) and compact timestamps
    (``20160323``, ``20160323100000``) are read directly;
    other wordings (``23 March 2016``) by dateparser, whose period says whether a day, a month or only a
    year is given. A value without a four-digit year (``now``, ``yesterday``) is never read as a date.
    """
    text = value.strip()
    compact = _COMPACT.match(text)
    if compact:
        try:
            return from_parts(*map(int, compact.groups()))
        except ValueError:
            return None
    iso = _ISO_PREFIX.match(text)
    if iso:
        try:
            return parse_doc_date(iso.group(1))
        except ValueError:
            return None
    if not _HAS_YEAR.search(text):
        return None
    from dateparser.date import DateDataParser

    data = DateDataParser(settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False}).get_date_data(text)
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
    """(where, value) for every publication-date field of the page, most specific first: ``<meta>``
    fields (``article:published_time``, ``DC.date.issued``, ``itemprop=datePublished``, ...), JSON-LD
    ``datePublished``, an element with ``itemprop="datePublished"``, then the first ``<time datetime>``."""
    found: list[tuple[int, str, str]] = []
    for meta in tree.xpath("//meta[@content]"):
        name = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv") or ""
        if _DATE_META.search(name) and not _NOT_PUBLICATION.search(name):
            rank = 0 if re.search("published|issued|pubdate", name, re.IGNORECASE) else 1
            found.append((rank, f"<meta {name}>", meta.get("content")))
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for key, value in _json_ld_dates(data):
            found.append((0 if key == "datePublished" else 1, f"JSON-LD {key}", value))
    for element in tree.xpath("//*[not(self::meta)][@itemprop='datePublished']"):
        value = element.get("datetime") or element.get("content") or element.text_content()
        found.append((0, f"<{element.tag} itemprop=datePublished>", value))
    for element in tree.xpath("//time[@datetime]")[:1]:
        found.append((2, "<time datetime>", element.get("datetime")))
    for _, where, value in sorted(found, key=lambda item: item[0]):
        yield where, value


_MERGED_CELL = ".//*[(self::td or self::th) and ((@colspan and @colspan!='1') or (@rowspan and @rowspan!='1'))]"


def _from_html(data: bytes) -> Extracted:
    import trafilatura

    tree = trafilatura.load_html(data)
    if tree is None:
        raise IngestError("cannot be read as HTML")
    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=True)
    body = getattr(doc, "body", None)
    if body is not None:
        paragraphs, tables = html_blocks(body)
    else:
        text = getattr(doc, "text", None) or ""
        paragraphs, tables = [" ".join(line.split()) for line in text.splitlines() if line.strip()], []
    if not paragraphs:
        raise IngestError("no main text found: the page holds only menus, links or other boilerplate")
    out = Extracted(
        restore_date_line(tree, restore_heading(tree, paragraphs)),
        title=one_line(getattr(doc, "title", None)),
        publisher=one_line(getattr(doc, "sitename", None)),
        url=_http(getattr(doc, "url", None)),
        tables=tables,
        is_web_page=True,
    )
    if out.title:
        out.title_source = "the page's title field"
    for number, table in enumerate(tree.xpath("//table"), start=1):
        if table.xpath(_MERGED_CELL):
            out.problems.append(
                f"table {number} has merged cells (colspan/rowspan): each cell was written once, so a row may "
                "hold fewer cells than the header; check the rows"
            )
    # trafilatura's own date (htmldate) may be guessed from the text or complete a month with a day, so
    # the date is read here from the publication-date fields alone, at the precision they state.
    for where, value in _html_date_candidates(tree):
        date = metadata_date(value or "")
        if date is not None:
            out.date, out.date_source = date, f"the page's {where} field ({value.strip()!r})"
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


def _from_pdf(data: bytes, lexicon: Lexicon | None = None) -> Extracted:
    with _quiet("pypdf"), _quiet("pdfminer"):
        return _read_pdf(data, lexicon)


def _read_pdf(data: bytes, lexicon: Lexicon | None) -> Extracted:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("the PDF is encrypted: save an unencrypted copy first")
        n_pages = len(reader.pages)
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(f"cannot be read as a PDF ({type(exc).__name__}: {one_line(exc) or 'no detail'})") from None
    try:
        text = pdf_text(data, lexicon)
    except Exception as exc:
        raise IngestError(f"cannot be read as a PDF ({type(exc).__name__}: {one_line(exc) or 'no detail'})") from None
    if not text.paragraphs:
        if text.boilerplate_pages:
            raise IngestError("only running headers, page numbers or print stamps: no text left to add")
        raise IngestError("no text layer (scanned?): run OCR first")
    printed = any(entry["rule"] == "print-stamp" for entry in text.log)
    paragraphs = drop_related_links(text.paragraphs, text.log) if printed else text.paragraphs
    out = Extracted(paragraphs, log=text.log)
    empty = [str(p) for p in text.empty_pages if p <= n_pages]
    if empty:
        out.notes.append(f"page(s) {', '.join(empty)} have no text layer and are missing: run OCR on them")
    if text.boilerplate_pages:
        pages = ", ".join(map(str, text.boilerplate_pages))
        out.problems.append(f"page(s) {pages} hold only running headers, page numbers or print stamps: nothing kept")
    try:
        info = reader.metadata
        stated = one_line(info.title) if info else None
        created = info.creation_date if info else None
    except Exception:
        stated, created = None, None
    if stated and not JUNK_TITLE.match(stated):
        out.title, out.title_source = stated, "the PDF's Title field"
    elif text.title:
        out.title, out.title_source = text.title, "the largest type on the PDF's first page"
    out.date = _from_datetime(created)
    if out.date is not None:
        out.date_kind = "file"
        out.date_source = "the PDF's CreationDate (when the file was made, which may be later than the document)"
    return out


# --- DOCX, text -----------------------------------------------------------------------------------------

#: python-docx's bundled template carries this creation time; a file made from it states no real date.
_PYTHON_DOCX_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)


def _from_docx(data: bytes) -> Extracted:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs, tables = docx_blocks(document)
        props = document.core_properties
        title, created = props.title, props.created
    except Exception as exc:
        raise IngestError(
            f"cannot be read as a .docx file ({type(exc).__name__}: {one_line(exc) or 'no detail'})"
        ) from None
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=dt.UTC)
    out = Extracted(paragraphs, title=one_line(title), tables=tables)
    if out.title:
        out.title_source = "the .docx file's core property 'title'"
    if created is not None and created != _PYTHON_DOCX_TEMPLATE_CREATED:
        out.date = _from_datetime(created)
        out.date_kind = "file"
        out.date_source = (
            "the .docx file's core property 'created' (when the file was made, which may be later than the document)"
        )
    for number, table in enumerate(tables, start=1):
        if table.merged:
            out.problems.append(
                f"table {number} has merged cells ({table.merged[0]}{' ...' if len(table.merged) > 1 else ''}): "
                "text spanning rows is repeated in each row, text spanning columns written once; check the rows"
            )
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
    ".html": _from_html,
    ".htm": _from_html,
    ".pdf": _from_pdf,
    ".docx": _from_docx,
    ".txt": _from_text,
    ".md": _from_text,
}


def extract(path: Path, lexicon: Lexicon | None = None) -> tuple[bytes, Extracted]:
    """The file's bytes and what they yield; raises :class:`IngestError` with a one-line reason. A PDF's
    line-end hyphens are decided with ``lexicon`` (the corpus folder's words) besides the dictionary."""
    reader = SUFFIXES.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"unsupported file type {path.suffix or '(no suffix)'!r} (add reads {', '.join(SUFFIXES)})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise IngestError("empty file")
    found = _from_pdf(data, lexicon) if reader is _from_pdf else reader(data)
    if not any(p.strip() for p in found.paragraphs):
        raise IngestError("no text found in the file")
    return data, found
