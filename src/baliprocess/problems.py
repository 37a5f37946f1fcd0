"""Problems found in input files: one line each, ``path: what is wrong`` (or ``path:line: ...``).

Leaf module: imports nothing of the package, so every reader of input (the corpus, its ignore file) can
report in the same form.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["CorpusError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One fault in one file, printed as ``path: message`` or ``path:line: message``."""

    path: Path
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class CorpusError(Exception):
    """Raised with every problem found in a corpus."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
