"""English number words from zero to nineteen, in order (``NUMBER_WORDS[n]`` is ``n`` written out): the one
list that stated counts (:mod:`baliprocess.membership.countgates`), spans counted back in dates
(:mod:`baliprocess.chronology.relative`) and the raw sets' prose (:mod:`baliprocess.rawsets`) read and write
numbers with. Imports nothing of the package."""

from __future__ import annotations

__all__ = ["NUMBER_WORDS"]

NUMBER_WORDS: tuple[str, ...] = tuple(
    (
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen"
    ).split()
)
