"""The book's extension that answers pybtex's entry-point queries once (book/_ext/plugin_lookups.py) gives the
answers the query it wraps gives, and asks that query once per distinct question."""

from __future__ import annotations

from collections.abc import Iterator

import pybtex.plugin

from conftest import book_extension

plugin_lookups = book_extension("plugin_lookups")


def test_the_cached_query_answers_as_pybtex_s_own() -> None:
    query = pybtex.plugin.entry_points
    cached = plugin_lookups.cached_lookup(query)
    for group, name in [("pybtex.style.formatting", "plain"), ("pybtex.style.labels", "alpha"), ("pybtex.x", "none")]:
        assert [e.value for e in cached(group=group, name=name)] == [e.value for e in query(group=group, name=name)]
    assert [e.value for e in cached(group="pybtex.style.formatting", name="plain")]  # the query finds something


def test_each_distinct_question_reaches_the_query_once() -> None:
    asked: list[dict[str, str]] = []

    def query(**keywords: str) -> Iterator[str]:
        asked.append(keywords)
        yield from keywords.values()

    cached = plugin_lookups.cached_lookup(query)
    answers = [cached(group="a", name="b"), cached(group="a", name="b"), cached(group="a", name="c")]
    assert answers == [("a", "b"), ("a", "b"), ("a", "c")]
    assert asked == [{"group": "a", "name": "b"}, {"group": "a", "name": "c"}]
    assert plugin_lookups.cached_lookup(cached) is cached  # set up twice, wrapped once
