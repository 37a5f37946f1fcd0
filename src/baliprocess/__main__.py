"""``python -m baliprocess``: validate or export the corpus (see :mod:`baliprocess.cli`)."""

import sys

from .cli import main

sys.exit(main())
