"""Listed, tested cleaning rules applied to corpus text in code (the files stay unchanged).

Each rule is either ``drop_line`` (a whole line of web boilerplate is removed) or ``replace``
(a regular-expression substitution inside a line, e.g. an OCR slip). Every firing is logged, so the
book can show exactly what was changed and why.

:data:`RULES` apply to every corpus: typographic normalisation (Unicode hyphens, dashes, spaces, curly
quotes, soft hyphens, zero-width characters; :data:`TYPOGRAPHY`, the *general* rules), so that the extractors
see one spelling of each, and the leftovers any saved web page or Markdown file may carry. Rules written for
particular documents (a web site's boilerplate, an OCR slip) live with them, in the corpus folder's
:data:`CLEANING_FILE` (``data/corpus/cleaning.yml`` for the shipped corpus), and apply to that folder's
documents only, after :data:`RULES` (:func:`corpus_rules`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from .problems import Problem

__all__ = ["CLEANING_FILE", "RULES", "TYPOGRAPHY", "Rule", "clean_lines", "corpus_rules"]


@dataclass(frozen=True)
class Rule:
    """One cleaning rule: its name, kind, pattern, replacement and the reason it exists."""

    name: str
    kind: Literal["drop_line", "replace"]
    pattern: re.Pattern[str]
    reason: str
    replacement: str = ""
    hints: tuple[str, ...] = ()  # literal strings, one of which every match contains (a fast pre-check)
    general: bool = False  # typographic normalisation for any corpus, not written from this one


def _rule(
    name: str,
    kind: Literal["drop_line", "replace"],
    pattern: str,
    reason: str,
    replacement: str = "",
    hints: tuple[str, ...] = (),
) -> Rule:
    return Rule(name, kind, re.compile(pattern, re.MULTILINE), reason, replacement, hints)


def _typography(name: str, chars: str, replacement: str, reason: str) -> Rule:
    """A general rule that replaces each of ``chars`` (single code points) by ``replacement``."""
    return Rule(
        name, "replace", re.compile("[" + re.escape(chars) + "]"), reason, replacement, tuple(chars), general=True
    )


#: Typographic normalisation, applied before the corpus-specific replace rules.
TYPOGRAPHY: tuple[Rule, ...] = (
    _typography(
        "unicode-hyphen",
        "\u2010\u2011",
        "-",
        "Unicode hyphen and non-breaking hyphen (U+2010, U+2011) as the ASCII hyphen.",
    ),
    _typography("figure-dash", "\u2012", "\u2013", "Figure dash (U+2012) as the en dash that ranges use."),
    _typography("horizontal-bar", "\u2015", "\u2014", "Horizontal bar (U+2015) as the em dash."),
    _typography(
        "unicode-space",
        "\u00a0\u2007\u2009\u202f",
        " ",
        "No-break, figure, thin and narrow no-break spaces (U+00A0, U+2007, U+2009, U+202F) as a space.",
    ),
    _typography("soft-hyphen", "\u00ad", "", "Soft hyphen (U+00AD): an invisible break point, removed."),
    _typography(
        "zero-width",
        "\u200b\u2060\ufeff",
        "",
        "Zero-width space, word joiner and a stray byte-order mark (U+200B, U+2060, U+FEFF), removed.",
    ),
    _typography(
        "curly-single-quote",
        "\u2018\u2019\u201b\u2032",
        "'",
        "Curly single quotes and the prime (U+2018, U+2019, U+201B, U+2032) as the ASCII apostrophe.",
    ),
    _typography(
        "curly-double-quote",
        "\u201c\u201d\u201e\u201f\u2033",
        '"',
        "Curly double quotes (U+201C-U+201F, U+2033) as the ASCII double quote.",
    ),
)


_TYPOGRAPHIC_CHARS = re.compile("[" + re.escape("".join(h for r in TYPOGRAPHY for h in r.hints)) + "]")

#: The rules for every corpus, in the order they apply: a saved web page's leftovers that any such page may
#: carry, typography, Markdown syntax, two page fields run together. A corpus folder's own rules
#: (:data:`CLEANING_FILE`) apply after these, to its documents only (:func:`corpus_rules`).
RULES: tuple[Rule, ...] = (
    _rule(
        "image-caption",
        "drop_line",
        r"^[a-z0-9]+(?:-[a-z0-9]+)+ Image$",
        "An image's file name left in the page text as its caption.",
        hints=(" Image",),
    ),
    _rule(
        "page-navigation",
        "drop_line",
        r"^On this page$",
        "A web page's table-of-contents widget.",
        hints=("On this page",),
    ),
    *TYPOGRAPHY,
    _rule(
        "markdown-link",
        "replace",
        r"\[([^\]\n]+)\]\((?:https?://[^)\s]+)\)",
        "Markdown link syntax: the link text is kept.",
        r"\1",
        hints=("](http",),
    ),
    _rule(
        "markdown-emphasis",
        "replace",
        r"(?<![\w*])\*([^*\n]+)\*(?![\w*])",
        "Markdown emphasis markers around a title.",
        r"\1",
        hints=("*",),
    ),
    _rule(
        "run-together-label",
        "replace",
        r"(?<=[a-z])(?=Date: )",
        "Two page fields run together ('AustraliaDate:'): a line break is restored.",
        "\n",
        hints=("Date: ",),
    ),
)


def _matching_lines(rule: Rule, whole: str, offsets: list[int], stripped: list[str]) -> set[int]:
    """Indices of the lines where ``rule`` matches. ``whole`` is the lines joined by newlines and
    ``offsets`` where each line starts in it; a rule with hints searches only the lines holding one."""
    if not rule.hints:
        return {i for i, text in enumerate(stripped) if rule.pattern.search(text)}
    candidates = set()
    for hint in rule.hints:
        pos = whole.find(hint)
        while pos != -1:
            candidates.add(bisect.bisect_right(offsets, pos) - 1)
            pos = whole.find(hint, pos + 1)
    return {i for i in candidates if rule.pattern.search(stripped[i])}


def clean_lines(
    lines: list[tuple[int, str]], rules: tuple[Rule, ...] = RULES
) -> tuple[list[tuple[int, str]], list[dict[str, object]]]:
    """Apply ``rules`` to numbered lines; return the cleaned lines and a log of every firing.

    A rule's literal hints are found in the whole text first and its regex runs only on the lines that
    hold one; lines no rule matches are passed through untouched, which keeps cleaning cheap on large
    corpora. A ``drop_line``
    rule removes the line; ``replace`` rules then apply in order. A replacement may insert a line
    break; the new lines keep the source line number.
    """
    stripped = [line.strip() for _, line in lines]
    whole = "\n".join(stripped)
    offsets = list(itertools.accumulate((len(s) + 1 for s in stripped[:-1]), initial=0))
    dropped: dict[int, Rule] = {}
    touched: set[int] = set()
    replaces = []
    typographic = _TYPOGRAPHIC_CHARS.search(whole) is not None  # one pass instead of a find per character
    for rule in rules:
        if rule.general and not typographic:
            continue
        hits = _matching_lines(rule, whole, offsets, stripped)
        if rule.kind == "drop_line":
            for i in hits:
                dropped.setdefault(i, rule)
        elif hits:
            replaces.append(rule)
            touched |= hits
    out: list[tuple[int, str]] = []
    log: list[dict[str, object]] = []
    for i, (number, line) in enumerate(lines):
        if i in dropped:
            log.append({"line": number, "rule": dropped[i].name, "before": stripped[i], "after": ""})
            continue
        if i not in touched:
            out.append((number, line))
            continue
        text = line
        for rule in replaces:
            new, n = rule.pattern.subn(rule.replacement, text)
            if n:
                log.append({"line": number, "rule": rule.name, "before": text.strip(), "after": new.strip()})
                text = new
        out.extend((number, part) for part in text.split("\n"))
    return out, log


#: A corpus folder's own cleaning rules (its documents' boilerplate and slips): a YAML mapping whose ``rules``
#: list holds, per rule, ``name``, ``kind``, ``pattern``, ``reason`` and optionally ``replacement`` and ``hints``.
CLEANING_FILE = "cleaning.yml"
_KEYS = {"name", "kind", "pattern", "reason", "replacement", "hints"}
_REQUIRED = ("name", "kind", "pattern", "reason")


def _rule_problems(entry: object, taken: set[str]) -> list[str]:
    """What is wrong with one entry of a cleaning file's ``rules`` list (nothing when it makes a rule)."""
    if not isinstance(entry, dict):
        return ["is not a mapping of name, kind, pattern, reason"]
    found = [f"lacks {key!r}" for key in _REQUIRED if not isinstance(entry.get(key), str) or not entry[key]]
    found += [f"has an unknown key {key!r}" for key in sorted(set(map(str, entry)) - _KEYS)]
    if entry.get("kind") not in (None, "drop_line", "replace"):
        found.append(f"kind {entry['kind']!r} is neither drop_line nor replace")
    if "replacement" in entry and (entry.get("kind") != "replace" or not isinstance(entry["replacement"], str)):
        found.append("a replacement is a string, and only a replace rule has one")
    hints = entry.get("hints", [])
    if not isinstance(hints, list) or not all(isinstance(h, str) and h for h in hints):
        found.append("hints is a list of non-empty strings")
    if entry.get("name") in taken:
        found.append(f"name {entry['name']!r} is taken by another rule")
    if isinstance(entry.get("pattern"), str):
        try:
            re.compile(entry["pattern"], re.MULTILINE)
        except re.error as exc:
            found.append(f"pattern is no regular expression ({exc})")
    return found


def read_cleaning_file(path: Path) -> tuple[tuple[Rule, ...], list[Problem]]:
    """The rules of one cleaning file, or no rule and a problem per fault (``path:line: rule NAME ...``)."""
    try:
        text = path.read_text(encoding="utf-8")
        data, tree = yaml.safe_load(text), cast(Any, yaml.compose(text))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        return (), [Problem(path, f"not readable as YAML ({str(exc).splitlines()[0]})")]
    entries = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return (), [Problem(path, "is not a mapping with a list 'rules'")]
    lines: list[Any] = next(v.value for k, v in tree.value if k.value == "rules")  # where each rule starts
    rules: list[Rule] = []
    problems: list[Problem] = []
    taken = {r.name for r in RULES}
    for entry, node in zip(entries, lines, strict=True):
        name = entry.get("name") if isinstance(entry, dict) else None
        for message in _rule_problems(entry, taken):
            problems.append(Problem(path, f"rule {name or '(no name)'}: {message}", node.start_mark.line + 1))
        if isinstance(name, str):
            taken.add(name)
        if not problems:
            hints = tuple(entry.get("hints", ()))
            rules.append(
                _rule(
                    entry["name"], entry["kind"], entry["pattern"], entry["reason"], entry.get("replacement", ""), hints
                )
            )
    return (() if problems else tuple(rules)), problems


def corpus_rules(root: Path) -> tuple[tuple[Rule, ...], list[Problem]]:
    """The rules that clean the documents of the corpus folder ``root``: :data:`RULES`, then those of its own
    :data:`CLEANING_FILE` when it has one, in the file's order; and the problems of that file (one each)."""
    path = root / CLEANING_FILE
    if not path.is_file():
        return RULES, []
    own, problems = read_cleaning_file(path)
    return RULES + own, problems
