"""Numbered references resolved without unpickling the target's document once for each reference.

Sphinx 7.4 resolves each ``:numref:`` (the book's "Table 3.2" and "Figure 4.1" links) by asking the environment
for the target document's doctree (``env.get_doctree``) to find the numbered node in it, and ``get_doctree``
unpickles the saved doctree at every call. The chapters' doctrees are large (their tables and figures): in a
profile of the book's Sphinx build (December 2026) the 81 numbered references took 2.6 of its 19 profiled
seconds, 2.3 of them unpickling.

The numbered-reference resolver only reads the doctree it is given (it looks the node up by its id and asks the
environment for its number), and no doctree changes once the documents are read. So during that resolver's
calls only, this extension answers ``get_doctree`` from one unpickled copy per document
(:class:`ReadOnlyDoctrees`), kept until the documents are read again. Every other caller still gets a fresh
copy, as the writer needs (it resolves each page's references in its copy). The links, and so the book, are
the same.

Works around: Sphinx unpickling a doctree at every ``get_doctree`` call while it resolves references.
Upstream: sphinx-doc/sphinx#12883 (open; its pull request #12882, which cached unpickled doctrees for every
caller, was closed).
Can go when: Sphinx keeps unpickled doctrees for reference resolution.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from sphinx.domains.std import StandardDomain


class ReadOnlyDoctrees:
    """One unpickled doctree per document, for callers that only read them; :meth:`clear` when documents
    are read again."""

    def __init__(self) -> None:
        self.kept: dict[str, Any] = {}

    def get(self, env: Any, docname: str) -> Any:
        if docname not in self.kept:
            self.kept[docname] = type(env).get_doctree(env, docname)
        return self.kept[docname]

    def clear(self, *_args: Any) -> None:
        self.kept.clear()


def reading_from(doctrees: ReadOnlyDoctrees, resolve: Callable[..., Any]) -> Callable[..., Any]:
    """``resolve`` (a domain method taking ``env`` after ``self``) with the environment's ``get_doctree``
    answered from ``doctrees`` while it runs; a method already made by this one is returned as it is."""
    if getattr(resolve, "_reads_kept_doctrees", False):
        return resolve

    @functools.wraps(resolve)
    def resolved(self: Any, env: Any, *args: Any, **kwargs: Any) -> Any:
        env.get_doctree = functools.partial(doctrees.get, env)
        try:
            return resolve(self, env, *args, **kwargs)
        finally:
            del env.get_doctree  # the class's own method again

    resolved._reads_kept_doctrees = True  # type: ignore[attr-defined]
    return resolved


#: The doctrees kept, one set for the process (the resolver is patched once, however many builds set it up).
DOCTREES = ReadOnlyDoctrees()


def setup(app: Any) -> dict[str, bool]:
    resolve = StandardDomain._resolve_numref_xref
    StandardDomain._resolve_numref_xref = reading_from(DOCTREES, resolve)  # type: ignore[method-assign]
    app.connect("env-before-read-docs", DOCTREES.clear)
    app.connect("build-finished", DOCTREES.clear)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
