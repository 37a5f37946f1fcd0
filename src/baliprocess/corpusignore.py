"""The corpus folder's ignore file (``.baliprocessignore``): files in the folder that are not documents.

Ignored files are never dropped in silence: ``validate`` says how many each pattern matched.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem

__all__ = ["IGNORE_FILE", "IgnoreRule", "ignored_files", "read_ignore_file"]

IGNORE_FILE = ".baliprocessignore"


@dataclass(frozen=True)
class IgnoreRule:
    """One pattern of an ignore file and the line it is on; a trailing ``/`` matches folders only."""

    pattern: str
    line: int

    def matches(self, entry: Path) -> bool:
        """Whether the folder entry ``entry`` is ignored by this rule (its name matched as a glob)."""
        glob = self.pattern.strip("/")
        if self.pattern.endswith("/") and not entry.is_dir():
            return False
        return fnmatch.fnmatchcase(entry.name, glob)


def read_ignore_file(root: Path) -> tuple[list[IgnoreRule], list[Problem]]:
    """The patterns of ``root/.baliprocessignore`` (none when it is absent) and any problem in it.

    One glob pattern per line, matched against file names (``*``, ``?``, ``[abc]``); blank lines and
    lines starting with ``#`` are skipped; a trailing ``/`` makes a pattern match folders only; a leading
    ``/`` is allowed and changes nothing (the corpus is one flat folder). Negation (``!``) is refused.
    """
    path = root / IGNORE_FILE
    if not path.is_file():
        return [], []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(path, f"cannot be read as UTF-8 text ({getattr(exc, 'strerror', None) or exc})")]
    rules, problems = [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        pattern = raw.strip()
        if not pattern or pattern.startswith("#"):
            continue
        if pattern.startswith("!"):
            problems.append(Problem(path, f"negated pattern {pattern!r} is not supported", number))
        elif "/" in pattern.strip("/"):
            problems.append(
                Problem(
                    path,
                    f"pattern {pattern!r} names a path; the corpus is one flat folder, "
                    "so patterns match file names only",
                    number,
                )
            )
        else:
            rules.append(IgnoreRule(pattern.lstrip("/"), number))
    return rules, problems


def ignored_files(root: Path, rules: list[IgnoreRule]) -> dict[str, list[str]]:
    """Pattern -> sorted names of the entries of ``root`` it ignores (first matching pattern wins)."""
    out: dict[str, list[str]] = {rule.pattern: [] for rule in rules}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):  # one folder: by name is by path, and cheaper
        rule = next((r for r in rules if r.matches(entry)), None)
        if rule is not None:
            out[rule.pattern].append(entry.name)
    return out
