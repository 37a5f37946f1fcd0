"""Research integrity: no hand-typed statistics in prose, every curated row sourced (every figure's source line is
checked on the built book, tests/test_book_html.py)."""

from __future__ import annotations

import csv
import json
import re

import pytest

from baliprocess.corpus import DEFAULT_CORPUS, REPO_ROOT, load_corpus
from baliprocess.datevocab import MONTH_ABBREVIATION_PATTERN, MONTH_NAME_PATTERN

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
PAGES = sorted((REPO_ROOT / "book").glob("*.md"))
MONTHS = f"{MONTH_NAME_PATTERN}|{MONTH_ABBREVIATION_PATTERN}"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAYS = rf"{_DAY}(?:\s*(?:-|–|to)\s*{_DAY})?"
# Spans that may hold digits without being statistics; each is removed before numbers are looked for.
ALLOWED = [
    re.compile(r"\{[\w:-]+\}`[^`]*`"),  # MyST roles: glue, numref, ref, cite, download
    re.compile(r"`[^`]*`"),  # inline code (identifiers, commands)
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"^\([\w-]+\)=\s*$", re.M),  # labels
    re.compile(r"<!--.*?-->", re.S),  # comments
    re.compile(r"\"[^\"]{1,80}\"|“[^”]{1,80}”"),  # short quotations of the sources' words
    re.compile(rf"\b(?:{_DAYS})\s+(?:{MONTHS})\b(?:,?\s+(?:19|20)\d\d)?"),  # 7 August 2018, 26-28 February
    re.compile(rf"\b(?:{MONTHS})\s+{_DAYS}\b(?:,\s*(?:19|20)\d\d)?"),  # February 27-28, 2002
    re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d\b"),  # ISO dates
    re.compile(r"\b(?:19|20)\d\d(?:\s*(?:-|–|to)\s*(?:19|20)?\d\d)?s?\b"),  # years, year ranges, 1990s
    re.compile(r"\b(?:paragraphs?|para\.|¶)\s*\d+(?:\s*(?:-|–|to|and|,)\s*\d+)*", re.I),  # paragraph refs
    re.compile(r"^\s*\d+\.\s", re.M),  # numbered list items
    re.compile(r"\b(?:Chapter|Figure|Table)\s+\d+\b"),  # structural references
    re.compile(r"\b(?:CC BY(?:-[A-Z]+)* \d\.\d|ISO \d{3,5}(?:-\d)?|Python \d\.\d+)"),  # names of licences, standards
]
NUMBER = re.compile(r"(?<![\w.])\d[\d,.]*%?")


def prose_blocks(text: str) -> str:
    """Markdown prose with code blocks removed and directive options dropped (captions kept)."""
    out, fence = [], None
    for line in text.splitlines():
        stripped = line.strip()
        if fence is None and (m := re.match(r"^(`{3,}|:{3,})(\{[\w:-]+\})?", stripped)):
            fence = (m.group(1), bool(m.group(2)))
            continue
        if fence is not None:
            if stripped == fence[0]:
                fence = None
                continue
            if not fence[1] or re.match(r"^:[\w-]+:", stripped):
                continue  # plain code blocks and directive options are not prose
        out.append(line)
    return "\n".join(out)


def typed_numbers(text: str) -> list[str]:
    """Numbers left in prose once every allowed kind of digit-bearing span is removed."""
    prose = prose_blocks(text)
    for pattern in ALLOWED:
        prose = pattern.sub(" ", prose)
    return NUMBER.findall(prose)


def _markdown_sources() -> list[tuple[str, str]]:
    sources = [(str(p.relative_to(REPO_ROOT)), p.read_text(encoding="utf-8")) for p in PAGES]
    for nb in NOTEBOOKS:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        for i, cell in enumerate(cells):
            if cell["cell_type"] == "markdown":
                sources.append((f"{nb.relative_to(REPO_ROOT)} cell {i}", "".join(cell["source"])))
    return sources


@pytest.mark.parametrize("where,text", _markdown_sources(), ids=lambda v: v if len(v) < 60 else None)
def test_no_hand_typed_statistics(where, text):
    assert typed_numbers(text) == [], f"{where}: numbers typed into prose; glue them from computation"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The corpus has 5 documents.", ["5"]),
        ("It grew by 12.5% to 1,234 words.", ["12.5%", "1,234"]),
        ("Held on 7 August 2018 and 26-28 February, and February 27-28, 2002.", []),
        ("In 2002, 2020–2025 and the 1990s; paragraph 17 and paragraphs 18-22.", []),
        ("There were {glue:text}`n_docs` documents ({numref}`fig-x`), see `cochairs-2002-p05`.", []),
        ("1. first item\n2. second item", []),
        ("```{glue:figure} fig\n:name: fig-1\n\nCaption with 3 bars.\n```", ["3"]),
        ("```bash\nmake -j 4\n```", []),
        ('a count, not a list ("attended by 139 delegates"), and 12 more', ["12"]),
        ("Prose under CC BY 4.0, codes from ISO 3166, run on Python 3.11, in 4.0 hours", ["4.0"]),
    ],
)
def test_typed_number_detector(text, expected):
    assert typed_numbers(text) == expected


def _bib_keys() -> set[str]:
    keys: set[str] = set()
    for bib in (REPO_ROOT / "book" / "bib").glob("*.bib"):
        keys |= set(re.findall(r"^@\w+\{([^,\s]+),", bib.read_text(encoding="utf-8"), re.M))
    return keys


CURATED_CSVS = [
    "events.csv",
    "membership.csv",
    "membership_totals.csv",
    "organisations.csv",
    "name_notes.csv",
    "region_overrides.csv",
    "outcomes.csv",
]


@pytest.mark.parametrize("name", CURATED_CSVS)
def test_every_curated_row_resolves_to_a_source(name):
    path = REPO_ROOT / "data" / name
    if not path.exists():
        pytest.fail(f"data/{name} is missing")
    paragraphs = set(load_corpus(DEFAULT_CORPUS).paragraphs["paragraph_id"])
    known = paragraphs | _bib_keys()
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows, f"data/{name} has no rows"
    bad = []
    for number, row in enumerate(rows, start=2):
        tokens = [t for t in re.split(r"[;\s]+", row.get("source", "")) if t]
        if not tokens or any(t not in known for t in tokens):
            bad.append(f"data/{name}:{number}: source {row.get('source')!r}")
    assert bad == []
