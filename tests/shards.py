"""Share test files out among N processes, as ``make unit`` does (tests/unitrun.py): prints N lines, each
the files one pytest process runs, so that their recorded times are as even as they can be
(tests/filetimes.py).

Usage: ``python tests/shards.py N tests/test_a.py tests/test_b.py ...`` (paths relative to the repository,
which is the working directory). A file without a record weighs its size in bytes when no file has one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from filetimes import shares, weights


def main(argv: list[str]) -> int:
    n, paths = int(argv[0]), argv[1:]
    sizes = {path: float(Path(path).stat().st_size) for path in paths}
    for files in shares(weights(Path.cwd(), sizes), n):
        print(" ".join(files))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
