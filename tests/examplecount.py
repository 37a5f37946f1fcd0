"""How many examples a property test draws: the number the test names under pytest and ``make test``,
hypothesis's default of 100 under ``make unit`` (tests/unitrun.py sets ``UNIT_VARIABLE``), the quick inner
loop. The property tests that name a number compare a shortcut with the definition it replaces, and most
of their time is hypothesis drawing examples (about 7 of make unit's 30 s of CPU at 200-400 each);
``make test`` still draws them all, and the failures either finds are kept in ``.hypothesis`` and drawn
first by both."""

from __future__ import annotations

import os

from hypothesis import settings

from unitrun import UNIT_VARIABLE

#: The examples each property test draws under ``make unit`` (hypothesis's default).
UNIT_EXAMPLES = 100


def examples(n: int) -> settings:
    """Hypothesis settings for a property test of ``n`` examples, no more than :data:`UNIT_EXAMPLES` under
    ``make unit``; no deadline, since the machine is shared and a slow example is no failure."""
    quick = os.environ.get(UNIT_VARIABLE) == "1"
    return settings(max_examples=min(n, UNIT_EXAMPLES) if quick else n, deadline=None)
