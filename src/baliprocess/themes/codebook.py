"""The codebook (``data/themes.yml``): themes with definitions and terms, checked on loading, and one
compiled pattern that holds every term (factored as a trie so that the engine rejects most positions at once).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from ..corpus import REPO_ROOT

__all__ = ["CODEBOOK_PATH", "REQUIRED_THEMES", "Codebook", "Theme", "codebook_table", "load_codebook", "term_regex"]

CODEBOOK_PATH = REPO_ROOT / "data" / "themes.yml"
REQUIRED_THEMES = (
    "information_sharing",
    "law_enforcement",
    "border_management",
    "identity_documents",
    "public_awareness",
    "return_reintegration",
    "legislation",
    "victim_protection",
    "root_causes",
    "refugee_protection",
    "capacity_building",
    "private_sector",
)
_INFLECTIONS = "(?:s|es|d|ed|ing)?"
_WORD_GAP = r"[\s\-/]+"
_TERM_WORDS = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class Theme:
    """One codebook entry."""

    key: str
    label: str
    definition: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Codebook:
    """The themes in codebook order, and one compiled pattern holding every term as a named group."""

    themes: tuple[Theme, ...]
    pattern: re.Pattern[str]
    term_theme: tuple[tuple[str, str], ...]  # (term, theme key) for group t0, t1, ...

    @property
    def keys(self) -> list[str]:
        """Theme keys in codebook order."""
        return [t.key for t in self.themes]


def term_regex(term: str) -> str:
    """The regular expression of one codebook term (whole words; ``*`` any ending, else inflections)."""
    words = _words(term)
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + _INFLECTIONS for w in words]
    return r"(?<!\w)" + _WORD_GAP.join(parts) + r"(?!\w)"


def _term_sample(term: str) -> str:
    return " ".join(w.rstrip("*") for w in _words(term))


def _check_overlaps(term_theme: list[tuple[str, str]]) -> None:
    """Refuse a term that matches inside another term's own words: one of the two would go unreported."""
    compiled = [(term, re.compile(term_regex(term))) for term, _ in term_theme]
    clashes = [
        f"{a!r} matches inside {b!r}"
        for (a, ra), (b, _) in ((x, y) for x in compiled for y in compiled if x[0] != y[0])
        if ra.search(_term_sample(b))
    ]
    if clashes:
        raise ValueError("codebook terms overlap: " + "; ".join(sorted(clashes)))


def _parse(data: dict) -> tuple[Theme, ...]:
    themes = []
    for entry in data["themes"]:
        missing = {"key", "label", "definition", "include", "exclude", "terms"} - set(entry)
        if missing:
            raise ValueError(f"theme {entry.get('key')!r} lacks {sorted(missing)}")
        themes.append(
            Theme(
                entry["key"],
                entry["label"],
                " ".join(entry["definition"].split()),
                tuple(entry["include"]),
                tuple(entry["exclude"]),
                tuple(entry["terms"]),
            )
        )
    keys = [t.key for t in themes]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate theme keys")
    if set(REQUIRED_THEMES) - set(keys):
        raise ValueError(f"codebook lacks themes {sorted(set(REQUIRED_THEMES) - set(keys))}")
    return tuple(themes)


def _words(term: str) -> list[str]:
    words = [w for w in _TERM_WORDS.split(term.strip().lower()) if w]
    if not words:
        raise ValueError("empty term")
    return words


def _trie(items: list[tuple[str, str, int]], depth: int = 0) -> str:
    """Alternation of ``(literal, rest, index)`` items factored on their literal prefixes, each ``rest`` in a
    named group ``t<index>``. Python's regex engine tries a flat alternation of many terms at every position;
    the trie lets it reject a position after a character or two (about 30 times faster here)."""
    branches: dict[str, list[tuple[str, str, int]]] = {}
    for item in items:
        if len(item[0]) > depth:
            branches.setdefault(item[0][depth], []).append(item)
    alternatives = [re.escape(ch) + _trie(group, depth + 1) for ch, group in sorted(branches.items())]
    alternatives += [f"(?P<t{i}>{rest})" for literal, rest, i in items if len(literal) == depth]
    return "(?:" + "|".join(alternatives) + ")"


def _combined_pattern(terms: list[str]) -> re.Pattern[str]:
    """One pattern for every term, for lower-cased text; the named group ``t<i>`` that matched is term i."""
    items = []
    for i, term in enumerate(terms):
        literal = _words(term)[0].rstrip("*")
        body = term_regex(term)[len(r"(?<!\w)") : -len(r"(?!\w)")]
        items.append((literal, body[len(re.escape(literal)) :], i))
    return re.compile(r"(?<!\w)" + _trie(items) + r"(?!\w)")


@functools.lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int) -> Codebook:
    themes = _parse(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
    term_theme = [(term, t.key) for t in themes for term in t.terms]
    _check_overlaps(term_theme)
    return Codebook(themes, _combined_pattern([term for term, _ in term_theme]), tuple(term_theme))


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read and check the codebook; compiled once per file version (module-level cache)."""
    p = Path(path) if path is not None else CODEBOOK_PATH
    return _load(str(p.resolve()), p.stat().st_mtime_ns)


def codebook_table(codebook: Codebook | None = None) -> pd.DataFrame:
    """The codebook for reading, one row per theme and part (label, definition, includes, excludes, terms),
    so that long definitions read as text in a narrow page."""
    cb = codebook if codebook is not None else load_codebook()
    rows = []
    for t in cb.themes:
        parts = {
            "label": t.label,
            "definition": t.definition,
            "includes": "; ".join(t.include),
            "excludes": "; ".join(t.exclude) or "(none)",
            "terms": ", ".join(t.terms),
        }
        rows += [(t.key, part, text) for part, text in parts.items()]
    return pd.DataFrame(rows, columns=["theme", "part", "text"]).set_index(["theme", "part"])
