"""Write the raw files of the third held-out evaluation set, data/eval/heldout3/raw/ (issue 17).

The texts live in data/eval/heldout3/texts/*.yml, one file per document, written in this project's own
words from the public sources listed in data/eval/heldout3/README.md. The formats and the keys of a text
file are those of the second set (see tools/make_heldout2.py, whose writers this script reuses). Run once:
``.venv/bin/python tools/make_heldout3.py [DIR]`` (needs reportlab and python-docx). Deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_heldout2 import write_set  # the second set's writers

ROOT = Path(__file__).resolve().parents[1] / "data" / "eval" / "heldout3"


def main(argv: list[str] | None = None) -> int:
    """``make_heldout3.py [DIR]``: write the raw files into DIR (default: data/eval/heldout3/raw)."""
    return write_set(ROOT, argv)


if __name__ == "__main__":
    sys.exit(main())
