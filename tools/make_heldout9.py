"""Writer of data/eval/heldout9/raw/, the ninth held-out set of raw files (issue 17).

Each document of the set is one YAML file in data/eval/heldout9/texts/, in this project's own words from the
public sources that data/eval/heldout9/README.md lists; the keys and formats are those of the second set, whose
writers (tools/make_heldout2.py) give the texts their formats. ``.venv/bin/python tools/make_heldout9.py [DIR]``
writes the fifteen raw files into DIR (default: the set's raw/ folder), the same bytes on every run.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_heldout2 import write_set  # the second set's writers and command line

#: ``main([DIR])``: write the ninth set's raw files into DIR and return the exit status.
main = functools.partial(write_set, Path(__file__).resolve().parents[1] / "data" / "eval" / "heldout9")

if __name__ == "__main__":
    sys.exit(main())
