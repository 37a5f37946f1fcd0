"""pybtex's plugin look-ups read the installed packages' entry points once per build, not at every citation.

pybtex 0.26.1 finds a plugin (a formatting, label or referencing style) through ``pybtex.plugin.entry_points``,
importlib's entry-point query, every time it is asked, and sphinxcontrib-bibtex 2.7 asks for its styles each
time it resolves a citation or formats an entry. Each query reads the metadata of every distribution in the
environment (about 200 in the book's venv): in a profile of the book's build (December 2026) the 201 queries
took 5.8 of its 23 profiled seconds, and a clean build spent about a third of its Sphinx time on them.

The entry points cannot change while Sphinx runs, so this extension answers each distinct query (its group and
name) from the first answer. Plugins that pybtex registers at run time (``register_plugin``, as
``bib_labels`` does) are looked up by pybtex before the entry points and are not affected. The answers, and so
the book, are the same: :func:`cached_lookup` returns exactly what the query it wraps returns.

Works around: pybtex 0.26.1 querying the entry points at every plugin look-up. Upstream: no pybtex report was
found; the same cost was fixed in Pygments by caching its entry-point query (pygments/pygments#2979).
Can go when: pybtex caches its entry-point look-ups.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pybtex.plugin


def cached_lookup(query: Callable[..., Any]) -> Callable[..., tuple[Any, ...]]:
    """``query`` (an entry-point query called with keywords) answering each distinct set of keywords once, as a
    tuple of what it yields; a function already made by this one is returned as it is."""
    if getattr(query, "_answers_once", False):
        return query

    @functools.cache
    def answer(**keywords: str) -> tuple[Any, ...]:
        return tuple(query(**keywords))

    def lookup(**keywords: str) -> tuple[Any, ...]:
        return answer(**keywords)

    lookup._answers_once = True  # type: ignore[attr-defined]
    return lookup


def setup(app: Any) -> dict[str, bool]:
    pybtex.plugin.entry_points = cached_lookup(pybtex.plugin.entry_points)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
