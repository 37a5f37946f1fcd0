"""The bibliography: one entry per source, labels that tell sources apart, every citation resolvable, every
entry used, and in the built book the same label in the text as on the references page."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from pybtex.database import BibliographyData, Entry, Person, parse_file

from baliprocess.corpus import REPO_ROOT
from test_integrity import CURATED_CSVS

BIB_DIR = REPO_ROOT / "book" / "bib"
BIB_FILES = sorted(BIB_DIR.glob("*.bib"))
CITE = re.compile(r"\{cite(?::\w+)?\}`([^`]+)`")


def _labels_module():
    spec = importlib.util.spec_from_file_location("bib_labels", REPO_ROOT / "book" / "_ext" / "bib_labels.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


bib_labels = _labels_module()


def _entries() -> dict[str, tuple[Path, Entry]]:
    entries: dict[str, tuple[Path, Entry]] = {}
    for path in BIB_FILES:
        for key, entry in parse_file(path).entries.items():
            entries[key] = (path, entry)
    return entries


def _raw_keys() -> list[str]:
    """Every entry key as written, duplicates included (pybtex would reject or merge them)."""
    return [k for p in BIB_FILES for k in re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", p.read_text("utf-8"), re.M)]


def normalise_url(url: str) -> str:
    """The address without scheme, "www.", "m." and trailing slash: two spellings of one page compare equal."""
    parts = urlsplit(url.strip())
    host = re.sub(r"^(?:www|m)\.", "", parts.netloc.lower())
    return host + parts.path.rstrip("/") + (f"?{parts.query}" if parts.query else "")


def _prose_sources() -> list[tuple[str, str]]:
    sources = [(str(p.relative_to(REPO_ROOT)), p.read_text("utf-8")) for p in sorted((REPO_ROOT / "book").glob("*.md"))]
    for nb in sorted((REPO_ROOT / "notebooks").glob("*.ipynb")):
        for i, cell in enumerate(json.loads(nb.read_text("utf-8"))["cells"]):
            if cell["cell_type"] == "markdown":
                sources.append((f"{nb.relative_to(REPO_ROOT)} cell {i}", "".join(cell["source"])))
    return sources


def cited_keys() -> dict[str, str]:
    """Every key cited with a {cite} role in the book's prose, with where it is first cited."""
    cited: dict[str, str] = {}
    for where, text in _prose_sources():
        for group in CITE.findall(text):
            for key in (k.strip() for k in group.split(",")):
                cited.setdefault(key, where)
    return cited


def curated_source_keys() -> set[str]:
    """Keys named in the source column of the curated CSVs (a cell may name several, ';'-separated)."""
    import csv

    keys: set[str] = set()
    for name in CURATED_CSVS:
        path = REPO_ROOT / "data" / name
        if path.exists():
            with path.open(encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    keys |= {t for t in re.split(r"[;\s]+", row.get("source", "")) if t}
    return keys


def test_keys_are_unique_across_files():
    assert [k for k, n in Counter(_raw_keys()).items() if n > 1] == []


def test_no_two_entries_share_an_address_or_doi():
    seen: dict[str, str] = {}
    clashes = []
    for key, (_, entry) in _entries().items():
        ids = {"doi:" + entry.fields["doi"].lower()} if "doi" in entry.fields else set()
        if "url" in entry.fields:
            url = entry.fields["url"]
            doi = re.match(r"https?://(?:dx\.)?doi\.org/(.+)", url)
            ids.add("doi:" + doi.group(1).lower() if doi else normalise_url(url))
        for ident in ids:
            if ident in seen:
                clashes.append(f"{seen[ident]} and {key}: {ident}")
            seen[ident] = key
    assert clashes == []


@pytest.mark.parametrize(
    "a,b", [("https://www.x.org/a/", "http://x.org/a"), ("https://m.vietnamnet.vn/en/p", "https://vietnamnet.vn/en/p/")]
)
def test_url_normaliser_treats_spellings_of_one_page_alike(a, b):
    assert normalise_url(a) == normalise_url(b)


def _entry(key: str, author: str, year: str | None, title: str) -> Entry:
    fields = {"title": title, **({"year": year} if year else {})}
    return Entry("misc", fields=fields, persons={"author": [Person(author)]})


def test_labels_add_letters_only_where_two_entries_would_read_the_same():
    entries = [
        _entry("a", "{Bali Process}", "2017", "First"),
        _entry("b", "{Bali Process}", "2017", "Second"),
        _entry("c", "{Bali Process}", "2018", "Third"),
        _entry("d", "{Bali Process}", None, "Fourth"),
        _entry("e", "{Bali Process}", None, "Fifth"),
        _entry("f", "Kneebone, Susan", "2014", "Sixth"),
    ]
    assert bib_labels.author_year_labels(entries) == [
        "Bali Process, 2017a",
        "Bali Process, 2017b",
        "Bali Process, 2018",
        "Bali Process, n.d.-a",
        "Bali Process, n.d.-b",
        "Kneebone, 2014",
    ]


def test_labels_name_two_authors_and_shorten_three():
    two = Entry(
        "article",
        fields={"title": "t", "year": "2012"},
        persons={"author": [Person("Douglas, Joseph H."), Person("Schloenhardt, Andreas")]},
    )
    three = Entry(
        "article",
        fields={"title": "t", "year": "2016"},
        persons={"author": [Person("McLeod, Travers"), Person("Hughes, Peter"), Person("Wong, Steven")]},
    )
    assert bib_labels.author_year_labels([two, three]) == ["Douglas and Schloenhardt, 2012", "McLeod et al., 2016"]


def test_no_two_entries_render_the_same_label():
    style = bib_labels.AuthorYearStyle()
    data = BibliographyData({k: e for k, (_, e) in _entries().items()})
    labels = bib_labels.author_year_labels(style.sort(data.entries.values()))
    assert [label for label, n in Counter(labels).items() if n > 1] == []


def test_every_cited_key_exists():
    known = set(_entries())
    assert {k: where for k, where in cited_keys().items() if k not in known} == {}


def test_every_entry_is_cited_in_the_text_or_sources_a_curated_row():
    unused = set(_entries()) - set(cited_keys()) - curated_source_keys()
    assert sorted(unused) == [], "cite these entries where they bear on a claim, or remove them"


def test_titles_keep_proper_nouns_from_the_styles_lower_casing():
    """A title that names the Bali Process, a country or a named body must brace the name."""
    names = ["Bali", "Australia", "Indonesia", "New Zealand", "Thailand", "Ad Hoc Group", "Andaman"]
    bare = []
    for key, (_, entry) in _entries().items():
        title = entry.fields.get("title", "")
        unbraced = re.sub(r"\{[^{}]*\}", "", re.sub(r"^\{(.*)\}$", "", title))
        bare += [f"{key}: {name}" for name in names if re.search(rf"\b{name}\b", unbraced)]
    assert bare == []


def test_references_page_labels_match_the_in_text_citations(built_html: Path):
    """Each in-text citation's text is the label of the entry it links to on the references page."""
    refs = BeautifulSoup((built_html / "book" / "references.html").read_text("utf-8"), "html.parser")
    label_of = {
        div["id"]: div.find("span", class_="label").get_text().strip("[]")
        for div in refs.find_all("div", class_="citation")
    }
    labels = list(label_of.values())
    assert labels and len(set(labels)) == len(labels)
    mismatched, n_citations = [], 0
    for page in sorted(built_html.rglob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for a in soup.find_all("a", href=re.compile(r"references\.html#")):
            if a.find_parent(class_="citation") or a.find(class_="std-ref") or "cite-ref" in a.get("class", []):
                continue  # the references page itself, {ref} links to it, and keys in tables (present.cite_anchor)
            n_citations += 1
            target = a["href"].split("#", 1)[1]
            if label_of.get(target) != a.get_text():
                mismatched.append(f"{page.name}: {a.get_text()!r} -> {label_of.get(target)!r}")
    assert n_citations > 0 and mismatched == []
