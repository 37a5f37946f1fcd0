"""Listed, tested cleaning rules applied to corpus text in code (the files stay unchanged).

Each rule is either ``drop_line`` (a whole line of web boilerplate is removed) or ``replace``
(a regular-expression substitution inside a line, e.g. an OCR slip). Every firing is logged, so the
book can show exactly what was changed and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Rule", "RULES", "clean_lines", "rules_table"]


@dataclass(frozen=True)
class Rule:
    """One cleaning rule: its name, kind, pattern, replacement and the reason it exists."""

    name: str
    kind: Literal["drop_line", "replace"]
    pattern: re.Pattern[str]
    reason: str
    replacement: str = ""


def _rule(name: str, kind: Literal["drop_line", "replace"], pattern: str, reason: str,
          replacement: str = "") -> Rule:
    return Rule(name, kind, re.compile(pattern), reason, replacement)


RULES: tuple[Rule, ...] = (
    _rule("site-header", "drop_line",
          r"^(International Information Programs|East Asia-Pacific Issues \| .+)$",
          "Navigation header of the U.S. State Department IIP web site."),
    _rule("site-footer", "drop_line",
          r"^(?:•\s*)?This site is produced and maintained by .+$|^Back To Top$|^blue rule$|^IIP Home \|.*$",
          "Footer of the U.S. State Department IIP web site."),
    _rule("image-caption", "drop_line", r"^[a-z0-9]+(?:-[a-z0-9]+)+ Image$",
          "An image's file name left in the page text as its caption."),
    _rule("page-navigation", "drop_line", r"^On this page$",
          "A web page's table-of-contents widget."),
    _rule("link-only-line", "drop_line", r"^(?:Read|Find out)\b.*\(external link\)$",
          "A line that is only a link to another site."),
    _rule("press-contact", "drop_line", r"^Contact:$|^.+ press sec\.\).*$",
          "Press secretaries' names and telephone numbers under a press release."),
    _rule("external-link-marker", "replace", r"\(external link\)",
          "A web site's marker for links that leave it."),
    _rule("markdown-link", "replace", r"\[([^\]\n]+)\]\((?:https?://[^)\s]+)\)",
          "Markdown link syntax: the link text is kept.", r"\1"),
    _rule("markdown-emphasis", "replace", r"(?<![\w*])\*([^*\n]+)\*(?![\w*])",
          "Markdown emphasis markers around a title.", r"\1"),
    _rule("run-together-label", "replace", r"(?<=[a-z])(?=Date: )",
          "Two page fields run together ('AustraliaDate:'): a line break is restored.", "\n"),
    _rule("ocr-lOM", "replace", r"\blOM\b",
          "OCR slip: lower-case L for capital I in 'IOM'.", "IOM"),
    _rule("ocr-emphasis-ed", "replace", r"\bemphasis ed\b",
          "OCR slip: a space inside 'emphasised'.", "emphasised"),
    _rule("ocr-LTN", "replace", r"\bLTN(?= Conventions)",
          "OCR slip: 'UN' read as 'LTN'.", "UN"),
    _rule("doubled-word", "replace", r"\baddresses addresses\b",
          "A doubled word in the published page.", "addresses"),
)


def clean_lines(lines: list[tuple[int, str]], rules: tuple[Rule, ...] = RULES
                ) -> tuple[list[tuple[int, str]], list[dict[str, object]]]:
    """Apply ``rules`` to numbered lines; return the cleaned lines and a log of every firing.

    A ``replace`` rule may insert a line break; the new lines keep the source line number.
    """
    out: list[tuple[int, str]] = []
    log: list[dict[str, object]] = []
    for number, line in lines:
        stripped = line.strip()
        dropped = next((r for r in rules if r.kind == "drop_line" and r.pattern.search(stripped)), None)
        if dropped is not None:
            log.append({"line": number, "rule": dropped.name, "before": stripped, "after": ""})
            continue
        text = line
        for rule in rules:
            if rule.kind != "replace":
                continue
            new, n = rule.pattern.subn(rule.replacement, text)
            if n:
                log.append({"line": number, "rule": rule.name, "before": text.strip(), "after": new.strip()})
                text = new
        out.extend((number, part) for part in text.split("\n"))
    return out, log


def rules_table(rules: tuple[Rule, ...] = RULES) -> list[dict[str, str]]:
    """The rules as rows (name, kind, pattern, reason) for documentation."""
    return [{"rule": r.name, "kind": r.kind, "pattern": r.pattern.pattern, "reason": r.reason} for r in rules]
