"""Tables and links for reading: whole, escaped, accessible HTML tables, and links to cited paragraphs/sources.

Nothing here reads the corpus or imports an analysis module; the book's Sphinx extension
(``book/_ext/corpus_reader.py``) uses the same page names, so a link made here and an anchor made there agree.

- :func:`para_link` / :func:`cite_link`: relative URL from a book page to a corpus paragraph on the reader
  page, or to a bibliography entry on the references page (whose ids are ``cite-<key>``, set by
  ``bibtex_cite_id`` in ``_config.yml``).
- :func:`show_table`: a :class:`Table` whose ``text/html`` is one static ``<table>`` (never truncated, every cell
  escaped, one header row, an accessible name, inside a keyboard-focusable scroll region) and whose
  ``text/plain`` is the same cells as plain text. Long tables are marked ``bp-interactive``: the book's
  ``_static/tables.js`` then adds search, sort and paging with DataTables from the locally served itables
  bundle; without JavaScript the static table is still whole. No random ids, so output is byte-identical
  from run to run.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

__all__ = [
    "INTERACTIVE_MIN_ROWS",
    "LINK_KINDS",
    "PARA_ID_RE",
    "READER_PAGE",
    "REFERENCES_PAGE",
    "Table",
    "cite_anchor",
    "cite_id",
    "cite_link",
    "para_anchor",
    "para_link",
    "show_table",
]

#: Sphinx docnames (paths without suffix, from the project root) of the corpus reader and the bibliography.
READER_PAGE = "book/corpus"
REFERENCES_PAGE = "book/references"
#: Tables with more rows than this are made interactive (search, sort, page) in the HTML book.
INTERACTIVE_MIN_ROWS = 15
#: What a linked column holds: paragraph ids, bibliography keys, either (``source``), or running text in
#: which paragraph ids are linked (``text``).
LINK_KINDS = ("paragraph", "citation", "source", "text")
#: A paragraph id as the corpus makes them: ``<document id>-p<two or more digits>``.
PARA_ID_RE = re.compile(r"(?<![\w.-])([A-Za-z0-9][A-Za-z0-9_.-]*-p\d{2,})(?![\w-])")
_TOKEN_SPLIT_RE = re.compile(r"([;,]?\s+|[;,])")
_NO_SPACE_MAX = 40
#: A text column with a cell longer than this many characters holds prose (class ``bp-long``).
_LONG_TEXT = 80


def _relative(target_page: str, from_page: str) -> str:
    """URL of ``target_page``'s HTML file relative to the page ``from_page`` (a docname, or a folder ending in /)."""
    return posixpath.relpath(f"{target_page}.html", posixpath.dirname(from_page) or ".")


def para_link(pid: str, from_page: str = "notebooks/") -> str:
    """Relative URL of paragraph ``pid`` on the reader page, seen from ``from_page``.

    ``from_page`` is the docname of the page the link appears on (``"notebooks/02_chronology"``) or its
    folder with a trailing slash (``"notebooks/"``, the default: every chapter notebook lives there).
    """
    return f"{_relative(READER_PAGE, from_page)}#{pid}"


def para_anchor(pid: str, from_page: str = "notebooks/") -> str:
    """HTML link to paragraph ``pid`` with the id as its (escaped) text."""
    href = html.escape(para_link(pid, from_page), quote=True)
    return f'<a class="reference internal para-ref" href="{href}"><code>{html.escape(pid)}</code></a>'


def cite_id(key: str) -> str:
    """The HTML id sphinxcontrib-bibtex gives entry ``key`` with ``bibtex_cite_id = "cite-{key}"``.

    docutils normalises the id (``docutils.nodes.make_id``): lower case ASCII, runs of other characters become
    one hyphen, no leading digit or hyphen and no trailing hyphen. Reimplemented here (tested against
    docutils) so that the package does not import docutils at run time.
    """
    text = unicodedata.normalize("NFKD", f"cite-{key}").encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return re.sub(r"^[^a-z]+|-+$", "", text)


def cite_link(key: str, from_page: str = "notebooks/") -> str:
    """Relative URL of bibliography entry ``key`` on the references page, seen from ``from_page``."""
    return f"{_relative(REFERENCES_PAGE, from_page)}#{cite_id(key)}"


def cite_anchor(key: str, from_page: str = "notebooks/") -> str:
    """HTML link to bibliography entry ``key`` with the key as its (escaped) text."""
    href = html.escape(cite_link(key, from_page), quote=True)
    return f'<a class="reference internal cite-ref" href="{href}">{html.escape(key)}</a>'


def _link_tokens(value: str, kind: str, from_page: str) -> str:
    """Escaped ``value`` with its keys linked; separators (``;``, ``,``, spaces) kept as they are."""
    if kind == "text":
        escaped = html.escape(value)
        return PARA_ID_RE.sub(lambda m: para_anchor(m.group(1), from_page), escaped)
    parts = []
    for token in _TOKEN_SPLIT_RE.split(value):
        if not token or _TOKEN_SPLIT_RE.fullmatch(token):
            parts.append(html.escape(token))
        elif kind in ("paragraph", "source") and PARA_ID_RE.fullmatch(token):
            parts.append(para_anchor(token, from_page))
        elif kind in ("citation", "source"):
            parts.append(cite_anchor(token, from_page))
        else:
            parts.append(html.escape(token))
    return "".join(parts)


def _is_missing(value: Any) -> bool:
    """Whether a cell of any type is missing (NaN, None, NA, NaT); False for what pandas cannot judge."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value: object, fmt: str | Callable[[object], str] | None) -> str:
    """One cell as text: missing values empty, dates as ISO dates, floats with two decimals unless ``fmt``
    (whole-number float columns, such as counts with blanks, are shown without decimals)."""
    if _is_missing(value):
        return ""
    if callable(fmt):
        return str(fmt(value))
    if isinstance(fmt, str):
        return fmt.format(value)
    if isinstance(value, pd.Timestamp):
        return value.isoformat() if (value.hour, value.minute, value.second) != (0, 0, 0) else value.date().isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


@dataclass(frozen=True)
class Table:
    """A table ready to show: ``_repr_html_`` for the book and Jupyter, ``repr`` for ``text/plain``."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def _column_class(series: pd.Series, cells: list[str], nowrap: bool | None) -> str:
    """``num`` for numbers (right-aligned, never broken), ``nowrap`` for dates and codes, else ``text``, with
    ``long`` added for prose (a cell longer than :data:`_LONG_TEXT` characters)."""
    if pd.api.types.is_bool_dtype(series):
        return "bp-nowrap"
    if pd.api.types.is_numeric_dtype(series):
        return "bp-num"
    if nowrap is None:  # dates and codes: every value a short token without spaces
        nowrap = pd.api.types.is_datetime64_any_dtype(series) or all(
            len(c) <= _NO_SPACE_MAX and not any(ch.isspace() for ch in c) for c in cells
        )
    if nowrap:
        return "bp-nowrap"
    # prose (a definition, a gist): on a phone this column keeps a readable measure and the others narrow
    return "bp-text bp-long" if max(map(len, cells), default=0) > _LONG_TEXT else "bp-text"


def _runs(values: list[str]) -> dict[int, int]:
    """Start row -> length of each run of equal consecutive values."""
    runs: dict[int, int] = {}
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            runs[start] = i - start
            start = i
    return runs


def _flat_frame(df: pd.DataFrame, index: bool | None) -> pd.DataFrame:
    """The frame with a meaningful index turned into named columns, and one level of column names."""
    keep_index = index if index is not None else not isinstance(df.index, pd.RangeIndex)
    frame = df.reset_index() if keep_index else df.reset_index(drop=True)
    if isinstance(frame.columns, pd.MultiIndex):
        frame.columns = [" / ".join(str(p) for p in parts if str(p)) for parts in frame.columns]
    names = [str(c).strip() for c in frame.columns]
    if any(not n for n in names):
        raise ValueError(f"every column needs a name (an empty header cell is not accessible): {names}")
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise ValueError(f"column names must be unique: {duplicated}")
    frame.columns = names
    return frame


def _whole_floats(series: pd.Series) -> bool:
    """A float column that only holds whole numbers (integers that pandas made floats to allow blanks)."""
    values = series.dropna()
    return pd.api.types.is_float_dtype(series) and len(values) > 0 and bool((values == values.round()).all())


def show_table(
    df: pd.DataFrame,
    *,
    caption: str | None = None,
    label: str | None = None,
    links: Mapping[str, str] | None = None,
    nowrap: Iterable[str] = (),
    wrap: Iterable[str] = (),
    formats: Mapping[str, str | Callable[[object], str]] | None = None,
    index: bool | None = None,
    interactive: bool | None = None,
    group: str | None = None,
    from_page: str = "notebooks/",
    empty: str = "none",
) -> Table:
    """Render ``df`` as a whole, escaped, accessible table.

    caption: shown above the table as its ``<caption>`` (and its accessible name). label: accessible name
    only, for tables whose caption is shown by the page around them (``glued-table``). One of the two is
    required. links: column -> one of :data:`LINK_KINDS`. nowrap / wrap: columns forced to never break /
    to wrap (otherwise numbers, dates and space-free codes never break). formats: column -> format string
    (``"{:.1%}"``) or function. index: keep the index as a column (default: when it is not a RangeIndex).
    interactive: search/sort/page in the HTML book (default: more than :data:`INTERACTIVE_MIN_ROWS` rows).
    group: a column whose repeated values are shown once per run of consecutive rows, as the first column
    (static tables: one row header spanning the run; interactive ones: a DataTables group row, and the
    value on every row when JavaScript is off).
    from_page: docname (or folder/) of the page showing the table, for relative links.
    empty: what the one row of a table without rows says (under the header, across every column), so that a
    reader sees the table is empty on purpose rather than a header left without its rows.
    """
    name = caption or label
    if not name or not name.strip():
        raise ValueError("a table needs a caption or a label: its accessible name")
    links = dict(links or {})
    formats = dict(formats or {})
    frame = _flat_frame(df, index)
    if group is not None:
        if group not in frame.columns:
            raise ValueError(f"no such column {group!r} to group by; the table has {list(frame.columns)}")
        frame = frame[[group, *(c for c in frame.columns if c != group)]]
    unknown = sorted((set(links) | set(formats) | set(nowrap) | set(wrap)) - set(frame.columns))
    if unknown:
        raise ValueError(f"no such column(s) {unknown}; the table has {list(frame.columns)}")
    bad = sorted(f"{c}={k!r}" for c, k in links.items() if k not in LINK_KINDS)
    if bad:
        raise ValueError(f"unknown link kind(s) {bad}; use one of {LINK_KINDS}")
    forced = {**{c: True for c in nowrap}, **{c: False for c in wrap}}
    for column in frame.columns:
        if column not in formats and _whole_floats(frame[column]):
            formats[column] = "{:.0f}"
    plain = {c: [_plain(v, formats.get(c)) for v in frame[c]] for c in frame.columns}
    classes = {c: _column_class(frame[c], plain[c], forced.get(c)) for c in frame.columns}
    if interactive is None:
        interactive = len(frame) > INTERACTIVE_MIN_ROWS

    def cell(column: str, text: str) -> str:
        return _link_tokens(text, links[column], from_page) if column in links else html.escape(text)

    head = "".join(f'<th scope="col" class="{classes[c]}">{html.escape(c)}</th>' for c in frame.columns)
    runs = _runs(plain[group]) if group is not None and not interactive else {}

    def row(i: int) -> str:
        cells = []
        for c in frame.columns:
            if c == group and runs:
                if i in runs and plain[c][i]:
                    cells.append(
                        f'<th scope="rowgroup" rowspan="{runs[i]}" class="{classes[c]}">{cell(c, plain[c][i])}</th>'
                    )
                elif i in runs:  # a run of blanks: no empty header cell
                    cells.append(f'<td rowspan="{runs[i]}" class="{classes[c]}"></td>')
            else:
                cells.append(f'<td class="{classes[c]}">{cell(c, plain[c][i])}</td>')
        return "<tr>" + "".join(cells) + "</tr>"

    body = "\n".join(row(i) for i in range(len(frame)))
    if not len(frame):
        body = f'<tr><td colspan="{max(len(frame.columns), 1)}" class="bp-text bp-empty">{html.escape(empty)}</td></tr>'
        interactive = False
    table_classes = "bp-table" + (" bp-interactive" if interactive else "")
    attrs = f' data-page-length="{INTERACTIVE_MIN_ROWS}"' if interactive else ""
    if interactive and group is not None:
        attrs += ' data-group-column="0"'
    if not caption:
        attrs += f' aria-label="{html.escape(name, quote=True)}"'
    caption_html = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    markup = (
        f'<div class="table-wrapper" tabindex="0" role="region" aria-label="{html.escape(name, quote=True)}">'
        f'<table class="{table_classes}"{attrs}>{caption_html}\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}\n</tbody></table></div>"
    )
    text_frame = pd.DataFrame(plain, columns=list(frame.columns))
    text = text_frame.to_string(index=False) if len(frame) else f"({empty}) {', '.join(frame.columns)}"
    return Table(markup, f"{name}\n{text}")
