"""Listed, tested cleaning rules applied to corpus text in code (the files stay unchanged).

Each rule is either ``drop_line`` (a whole line of web boilerplate is removed) or ``replace``
(a regular-expression substitution inside a line, e.g. an OCR slip). Every firing is logged, so the
book can show exactly what was changed and why.

The first replace rules are *general*: typographic normalisation that any corpus needs (Unicode hyphens,
dashes, spaces, curly quotes, soft hyphens, zero-width characters), so that the extractors see one
spelling of each. The others were written from the shipped corpus (its web boilerplate and OCR slips).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["RULES", "TYPOGRAPHY", "Rule", "clean_lines", "rules_table"]


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

RULES: tuple[Rule, ...] = (
    _rule(
        "site-header",
        "drop_line",
        r"^(International Information Programs|East Asia-Pacific Issues \| .+)$",
        "Navigation header of the U.S. State Department IIP web site.",
        hints=("International Information Programs", "Issues | "),
    ),
    _rule(
        "site-footer",
        "drop_line",
        r"^(?:•\s*)?This site is produced and maintained by .+$|^Back To Top$|^blue rule$|^IIP Home \|.*$",
        "Footer of the U.S. State Department IIP web site.",
        hints=("This site is produced", "Back To Top", "blue rule", "IIP Home |"),
    ),
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
    _rule(
        "link-only-line",
        "drop_line",
        r"^(?:Read|Find out)\b.*\(external link\)$",
        "A line that is only a link to another site.",
        hints=("(external link)",),
    ),
    _rule(
        "press-contact",
        "drop_line",
        r"^Contact:$|^.+ press sec\.\).*$",
        "Press secretaries' names and telephone numbers under a press release.",
        hints=("Contact:", "press sec.)"),
    ),
    _rule(
        "external-link-marker",
        "replace",
        r"\(external link\)",
        "A web site's marker for links that leave it.",
        hints=("(external link)",),
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
    _rule("ocr-lOM", "replace", r"\blOM\b", "OCR slip: lower-case L for capital I in 'IOM'.", "IOM", hints=("lOM",)),
    _rule(
        "ocr-emphasis-ed",
        "replace",
        r"\bemphasis ed\b",
        "OCR slip: a space inside 'emphasised'.",
        "emphasised",
        hints=("emphasis ed",),
    ),
    _rule("ocr-LTN", "replace", r"\bLTN(?= Conventions)", "OCR slip: 'UN' read as 'LTN'.", "UN", hints=("LTN",)),
    _rule(
        "doubled-word",
        "replace",
        r"\baddresses addresses\b",
        "A doubled word in the published page.",
        "addresses",
        hints=("addresses addresses",),
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


def rules_table(rules: tuple[Rule, ...] = RULES) -> list[dict[str, str]]:
    """The rules as rows (name, kind, pattern, reason, scope) for documentation; scope is ``general``
    (typography, any corpus) or ``corpus`` (written from the shipped corpus)."""
    return [
        {
            "rule": r.name,
            "kind": r.kind,
            "pattern": r.pattern.pattern,
            "reason": r.reason,
            "scope": "general" if r.general else "corpus",
        }
        for r in rules
    ]
