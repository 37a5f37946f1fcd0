"""The codebook (``data/themes.yml``): themes with definitions and terms, checked on loading, and one
compiled pattern that holds every term (factored as a trie so that the engine rejects most positions at once).

A term matches in ways that survive ordinary paraphrase:

* each word matches every form that simplemma gives the same lemma (:mod:`baliprocess.lemmas`): "share"
  matches shares, shared and sharing; a word ending in ``*`` matches any word that begins with it;
* a two-word term whose first word is a ``*`` stem (a verb and its object) also matches with up to
  :data:`WINDOW` words between its two words ("exchange of information and intelligence" for "exchang*
  intelligence"; a word between may be possessive: "strengthen States' capacity"), and a two-word term
  whose second word is no stem also matches turned round with "of"
  ("sharing of information" for "information sharing");
* a theme's ``unless`` phrases (optional) are matched like terms and, where one matches, the theme's terms
  inside it do not fire ("must not be returned" is no return); where a phrase and a term begin at the same
  word, the phrase is tried first. An ``unless`` phrase may itself be a term of another theme, which then
  fires instead;
* a word of a term that ends in a comma matches only with the comma after it ("people smuggling,
  trafficking": the process's title phrase).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from ..corpus import REPO_ROOT
from ..lemmas import word_forms

__all__ = [
    "CODEBOOK_PATH",
    "NONE",
    "REQUIRED_THEMES",
    "RULES_GROUP",
    "WINDOW",
    "Codebook",
    "Theme",
    "codebook_table",
    "codebook_view",
    "load_codebook",
    "term_regex",
]

CODEBOOK_PATH = REPO_ROOT / "data" / "themes.yml"
REQUIRED_THEMES = (
    "people_smuggling",
    "trafficking_in_persons",
    "search_rescue",
    "crisis_preparedness",
    "refugee_protection",
    "victim_protection",
    "forced_labour",
    "private_sector",
    "technology_crime",
    "responsibility_sharing",
    "durable_solutions",
    "root_causes",
    "return_reintegration",
    "legal_migration",
    "information_sharing",
    "law_enforcement",
    "border_management",
    "public_awareness",
    "capacity_building",
    "legislation",
    "regional_cooperation",
)
#: The code of a paragraph that was read and carries no theme (``data/outcome_codes.csv``); never a theme key.
NONE = "none"
#: Words that may stand between the two words of a two-word term.
WINDOW = 3
_WORD_GAP = r"[\s\-/]+"
_TERM_WORDS = re.compile(r"[\s\-]+")
_OF = r"of(?:[\s]+(?:the|such|all|relevant|their))?"
_POSSESSIVE = r"(?:['\u2019]\w*)?"  # a word between may be possessive: "strengthen States' capacity"
#: libyaml's safe loader where PyYAML was built with it (as in :mod:`baliprocess.corpus`): the same data,
#: about 15 times faster on the codebook than the pure-Python loader.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Theme:
    """One codebook entry."""

    key: str
    label: str
    definition: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    terms: tuple[str, ...]
    unless: tuple[str, ...] = ()
    example: str = ""


@dataclass(frozen=True)
class Codebook:
    """The themes in codebook order, and one compiled pattern holding every term as a named group."""

    themes: tuple[Theme, ...]
    pattern: re.Pattern[str]
    term_theme: tuple[tuple[str, str], ...]  # (term, theme key) for group t0_*, t1_*, ...; "" for a blocker
    windowed: frozenset[int] = frozenset()  # the two-word terms, whose match may hold other words
    none: Theme | None = None  # the codebook's entry for :data:`NONE` (definition and rules, no terms)
    rules: tuple[str, ...] = ()  # the general rules for every theme, in order (rule 1 first)

    @property
    def keys(self) -> list[str]:
        """Theme keys in codebook order."""
        return [t.key for t in self.themes]

    @property
    def labels(self) -> dict[str, str]:
        """Label of every code: the themes' in codebook order, then that of :data:`NONE` (if the codebook has
        a ``none`` entry)."""
        return {t.key: t.label for t in self.themes} | ({NONE: self.none.label} if self.none is not None else {})

    @property
    def codes(self) -> list[str]:
        """Every code a hand coder may give a paragraph read: the theme keys in codebook order, then
        :data:`NONE`."""
        return [*self.keys, NONE]


def _word_regex(word: str) -> tuple[str, str]:
    """``(literal prefix, rest)`` of the pattern of one term word: its lemma forms, or a ``*`` prefix; a comma
    that ends the word must follow it in the text."""
    if word.endswith(","):
        prefix, rest = _word_regex(word[:-1])
        return prefix, rest + ","
    if word.endswith("*"):
        return word[:-1], r"\w*"
    forms = word_forms(word)
    prefix = forms[0]
    for form in forms[1:]:
        while not form.startswith(prefix):
            prefix = prefix[:-1]
    rest = "|".join(re.escape(f[len(prefix) :]) for f in forms)
    return prefix, f"(?:{rest})"


def _variants(term: str) -> list[tuple[str, str]]:
    """The ways a term is written, each as ``(literal prefix, rest of the pattern)``: the words in order and,
    for a two-word term, "Y of X" (unless Y is a ``*`` stem). When the first of two words is a ``*`` stem (a
    verb and its object: "exchang* information") up to :data:`WINDOW` words may stand between them."""
    raw = _words(term)
    words = [_word_regex(w) for w in raw]
    full = [re.escape(p) + r for p, r in words]
    if len(words) != 2:
        return [(words[0][0], words[0][1] + "".join(_WORD_GAP + w for w in full[1:]))]
    between = rf"(?:{_WORD_GAP}\w+{_POSSESSIVE}){{0,{WINDOW}}}?{_WORD_GAP}" if raw[0].endswith("*") else _WORD_GAP
    variants = [(words[0][0], words[0][1] + between + full[1])]
    if not raw[1].endswith("*") and not raw[0].endswith(","):
        variants.append((words[1][0], words[1][1] + _WORD_GAP + _OF + _WORD_GAP + full[0]))
    return variants


def term_regex(term: str) -> str:
    """The regular expression of one codebook term (whole words; see the module docstring)."""
    body = "|".join(re.escape(p) + r for p, r in _variants(term))
    return rf"(?<!\w)(?:{body})(?!\w)"


def _term_sample(term: str) -> str:
    return " ".join(w.replace("*", "") for w in _words(term))


def _check_overlaps(term_theme: list[tuple[str, str]], unless: dict[str, set[str]]) -> None:
    """Refuse a term that matches inside another term's own words: one of the two would go unreported.
    A term may lie inside an ``unless`` phrase of its own theme: that is what the phrase is for."""
    compiled = [(term, theme, re.compile(term_regex(term))) for term, theme in term_theme]
    samples = {term: _term_sample(term) for term, _ in term_theme}  # once per term, not once per pair
    clashes = [
        f"{a!r} matches inside {b!r}"
        for (a, theme, ra), (b, _, _) in ((x, y) for x in compiled for y in compiled if x[0] != y[0])
        if ra.search(samples[b]) and b not in unless.get(theme, set())
    ]
    if clashes:
        raise ValueError("codebook terms overlap: " + "; ".join(sorted(clashes)))


def _entry(entry: dict, fields: set[str]) -> Theme:
    missing = fields - set(entry)
    if missing:
        raise ValueError(f"theme {entry.get('key')!r} lacks {sorted(missing)}")
    return Theme(
        entry.get("key", NONE),
        entry["label"],
        " ".join(entry["definition"].split()),
        tuple(entry["include"]),
        tuple(entry["exclude"]),
        tuple(entry.get("terms", ())),
        tuple(entry.get("unless", ())),
        " ".join(str(entry.get("example", "")).split()),
    )


def _rules(data: dict) -> tuple[str, ...]:
    """The general rules (optional top-level ``rules``: a list of texts), each on one line."""
    rules = data.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, str) and r.strip() for r in rules):
        raise ValueError("'rules' is a list of texts, one per general rule")
    return tuple(" ".join(r.split()) for r in rules)


def _parse(data: dict) -> tuple[tuple[Theme, ...], Theme | None]:
    """The themes, and the entry for :data:`NONE` (optional: a top-level ``none`` block without terms)."""
    themes = tuple(
        _entry(entry, {"key", "label", "definition", "include", "exclude", "example", "terms"})
        for entry in data["themes"]
    )
    keys = [t.key for t in themes]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate theme keys")
    if NONE in keys:
        raise ValueError(f"{NONE!r} is the code of no theme, not a theme key")
    if set(REQUIRED_THEMES) - set(keys):
        raise ValueError(f"codebook lacks themes {sorted(set(REQUIRED_THEMES) - set(keys))}")
    none = data.get(NONE)
    if none is not None and "terms" in none:
        raise ValueError(f"{NONE!r} has no terms: the coder gives it to a paragraph where no term fires")
    return themes, (_entry(none, {"label", "definition", "include", "exclude", "example"}) if none else None)


def _words(term: str) -> list[str]:
    words = [w for w in _TERM_WORDS.split(term.strip().lower()) if w]
    if not words:
        raise ValueError("empty term")
    return words


def _trie(items: list[tuple[str, str, str]], depth: int = 0) -> str:
    """Alternation of ``(literal, rest, index)`` items factored on their literal prefixes, each ``rest`` in a
    named group ``t<index>``. Python's regex engine tries a flat alternation of many terms at every position;
    the trie lets it reject a position after a character or two (about 30 times faster here)."""
    branches: dict[str, list[tuple[str, str, str]]] = {}
    for item in items:
        if len(item[0]) > depth:
            branches.setdefault(item[0][depth], []).append(item)
    alternatives = [re.escape(ch) + _trie(group, depth + 1) for ch, group in sorted(branches.items())]
    # The longest pattern first among those that end here: an ``unless`` phrase that begins with one of its
    # theme's terms ("smuggling and trafficking" for "smuggl*") is tried before the term.
    ending = sorted((item for item in items if len(item[0]) == depth), key=lambda item: -len(item[1]))
    alternatives += [f"(?P<t{i}>{rest})" for _, rest, i in ending]
    return "(?:" + "|".join(alternatives) + ")"


def _combined_pattern(terms: list[str]) -> re.Pattern[str]:
    """One pattern for every term, for lower-cased text; the named group ``t<i>_<k>`` that matched is
    variant k of term i."""
    items = [
        (literal, rest, f"{i}_{k}") for i, term in enumerate(terms) for k, (literal, rest) in enumerate(_variants(term))
    ]
    return re.compile(r"(?<!\w)" + _trie(items) + r"(?!\w)")


@functools.lru_cache(maxsize=8)
def _load(path: str, mtime_ns: int) -> Codebook:
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_SafeLoader)
    themes, none = _parse(data)
    term_theme = [(term, t.key) for t in themes for term in t.terms]
    terms = {term for term, _ in term_theme}
    blockers = dict.fromkeys(phrase for t in themes for phrase in t.unless if phrase not in terms)
    term_theme += [(phrase, "") for phrase in blockers]
    _check_overlaps(term_theme, {t.key: set(t.unless) for t in themes})
    windowed = frozenset(
        i for i, (term, _) in enumerate(term_theme) if len(w := _words(term)) == 2 and w[0].endswith("*")
    )
    pattern = _combined_pattern([term for term, _ in term_theme])
    return Codebook(themes, pattern, tuple(term_theme), windowed, none, _rules(data))


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read and check the codebook; compiled once per file version (module-level cache)."""
    p = Path(path) if path is not None else CODEBOOK_PATH
    return _load(str(p.resolve()), p.stat().st_mtime_ns)


def codebook_table(codebook: Codebook | None = None, include_none: bool = False) -> pd.DataFrame:
    """The codebook for reading, one row per theme and part (label, definition, includes, excludes, example,
    terms), so that long definitions read as text in a narrow page; with ``include_none`` the entry for
    :data:`NONE` comes last, without terms (its label is in :attr:`Codebook.labels`)."""
    cb = codebook if codebook is not None else load_codebook()
    rows = []
    for t in (*cb.themes, *([cb.none] if include_none and cb.none is not None else [])):
        parts = {
            "label": t.label,
            "definition": t.definition,
            "includes": "; ".join(t.include),
            "excludes": "; ".join(t.exclude) or "(none)",
            "example": t.example,
            **({"terms": ", ".join(t.terms)} if t.key != NONE else {}),
            **({"unless": ", ".join(t.unless)} if t.unless else {}),
        }
        rows += [(t.key, part, text) for part, text in parts.items()]
    return pd.DataFrame(rows, columns=["theme", "part", "text"]).set_index(["theme", "part"])


#: The group under which :func:`codebook_view` lists the general rules, before the themes.
RULES_GROUP = "General rules (every theme)"


def codebook_view(codebook: Codebook | None = None) -> pd.DataFrame:
    """The codebook as a reader meets it (the chapter's table): the general rules first, numbered as the themes'
    entries cite them ("rule 2"), then each theme and the entry for no theme under its label, each part a row,
    and every theme key in the texts ("border_management") replaced by that theme's label."""
    cb = codebook if codebook is not None else load_codebook()
    labels = cb.labels
    keys = re.compile(r"\b(" + "|".join(sorted(map(re.escape, labels), key=len, reverse=True)) + r")\b")

    def readable(text: str) -> str:
        return keys.sub(lambda m: labels[m.group()] if "_" in m.group() else m.group(), text)

    table = codebook_table(cb, include_none=True).reset_index()
    table = table[table["part"] != "label"]
    themes = table.assign(theme=table["theme"].map(labels), text=table["text"].map(readable))
    rules = pd.DataFrame(
        {"theme": RULES_GROUP, "part": [f"rule {i}" for i in range(1, len(cb.rules) + 1)], "text": cb.rules}
    )
    return pd.concat([rules.assign(text=rules["text"].map(readable)), themes], ignore_index=True)
