"""Author-year labels that tell sources apart: "Bali Process, 2017a" and "Bali Process, 2017b".

sphinxcontrib-bibtex's ``author_year`` reference style prints the author and the ``year`` field, so two
pages of one author and year read the same in the text, and its bibliography numbers the entries [1], [2]
... which match nothing the reader saw in the text. This extension registers

* a pybtex label style that labels each entry "Author, Year" and adds a letter (2017a, 2017b; n.d.-a,
  n.d.-b) to every label that would otherwise be shared, in the order of the bibliography;
* a pybtex formatting style ``authoryear`` (the ``plain`` style, sorted by author, year and title, with
  those labels), used by the references page;
* a reference style ``author_year_label`` that prints that same label in the text, in round brackets.

So the in-text citation and the label of the entry on the references page are one string by construction.
:func:`author_year_labels` is pure and is also used by the tests.

Works around: sphinxcontrib-bibtex 2.7 (no year letters for one author's works of one year; numbered
bibliography under author-year citations). Upstream: no report of the missing letters was found; asked for
other labels, the maintainer points to a pybtex plugin of one's own (mcmtroffaes/sphinxcontrib-bibtex#174),
which is what this is. Can go when: sphinxcontrib-bibtex gives author-year labels with year letters, in the
text and on the references page alike.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.richtext import Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle

FORMATTING_STYLE = "authoryear"
REFERENCE_STYLE = "author_year_label"
NO_DATE = "n.d."


@cache
def _plain(latex: str) -> str:
    """A name or field as the reader sees it: braces dropped, LaTeX accents resolved.

    What ``Text.render_as("text")`` gives, with the plain-text backend named once: ``render_as`` looks the
    backend up among the installed packages' entry points on every call (some 40 ms each, so seconds for
    one pass over the bibliography, which pybtex sorts and labels again for every page that cites). The
    result is cached: labels and sort keys ask for the same few hundred strings again and again."""
    return Text.from_latex(latex).render(PlainTextBackend())


def author_part(entry) -> str:
    """The author part of a label: one name, "A and B", or "A et al."; the title when there is no author."""
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_plain(" ".join([*p.prelast_names, *p.last_names])) for p in persons]
    if not names:
        return _plain(entry.fields.get("title", "Anonymous"))
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


def author_year_labels(entries: Iterable) -> list[str]:
    """One label per entry, in the order given: "Author, Year", with a letter added to each label that
    more than one entry would share (2017a, 2017b, ...; undated entries n.d.-a, n.d.-b, ...)."""
    entries = list(entries)
    bases = [(author_part(e), _plain(e.fields.get("year", "")) or NO_DATE) for e in entries]
    shared = Counter(bases)
    seen: defaultdict[tuple[str, str], int] = defaultdict(int)
    labels = []
    for author, year in bases:
        suffix = ""
        if shared[(author, year)] > 1:
            letter = chr(ord("a") + seen[(author, year)])
            seen[(author, year)] += 1
            suffix = f"-{letter}" if year == NO_DATE else letter
        labels.append(f"{author}, {year}{suffix}")
    return labels


class AuthorYearTitleSorting(BaseSortingStyle):
    """Sort by the author part of the label as the reader sees it (corporate authors among persons),
    then year, then title, so that the letters a, b, ... follow the order of the references page."""

    def sorting_key(self, entry) -> tuple[str, str, str]:
        return (
            author_part(entry).casefold(),
            _plain(entry.fields.get("year", "")),
            _plain(entry.fields.get("title", "")).casefold(),
        )


class AuthorYearLabelStyle(BaseLabelStyle):
    """pybtex label style: :func:`author_year_labels` over the sorted bibliography."""

    def format_labels(self, sorted_entries: Iterable) -> Iterator[str]:
        yield from author_year_labels(sorted_entries)


class AuthorYearStyle(PlainStyle):
    """The ``plain`` entry format, sorted by author, year and title, labelled "Author, Year[a]"."""

    default_label_style = AuthorYearLabelStyle
    default_sorting_style = AuthorYearTitleSorting


def _round_brackets() -> BracketStyle:
    """(A, 2017a; B, 2018): labels hold a comma, so several citations are separated by semicolons."""
    return BracketStyle(left="(", right=")", sep="; ", sep2="; ", last_sep="; ")


@dataclass
class AuthorYearLabelReferenceStyle(LabelReferenceStyle):
    """In-text citations print the entry's label in round brackets: (Bali Process, 2017a)."""

    bracket_parenthetical: BracketStyle = field(default_factory=_round_brackets)
    bracket_textual: BracketStyle = field(default_factory=_round_brackets)
    bracket_label: BracketStyle = field(default_factory=_round_brackets)


def register() -> None:
    """Make both styles known to pybtex (idempotent)."""
    pybtex.plugin.register_plugin("pybtex.style.formatting", FORMATTING_STYLE, AuthorYearStyle, force=True)
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", REFERENCE_STYLE, AuthorYearLabelReferenceStyle, force=True
    )


def setup(app: Sphinx) -> dict[str, bool]:
    register()
    return {"parallel_read_safe": True, "parallel_write_safe": True}
