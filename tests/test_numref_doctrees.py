"""The book's extension that lets numbered references read each target document once per build
(book/_ext/numref_doctrees.py): the resolver it wraps gets the same answers, each document is unpickled once
until the documents are read again, and every other caller of ``get_doctree`` still gets a fresh copy."""

from __future__ import annotations

import pytest

from conftest import book_extension

numref_doctrees = book_extension("numref_doctrees")


class Env:
    """A stand-in build environment whose ``get_doctree`` makes a new copy at each call, as Sphinx's does."""

    def __init__(self) -> None:
        self.unpickled: list[str] = []

    def get_doctree(self, docname: str) -> dict:
        self.unpickled.append(docname)
        return {"doc": docname, "copy": len(self.unpickled)}


class Domain:
    def resolve(self, env, target: str, fail: bool = False) -> dict:
        """Reads the target's doctree twice, as a resolver that looks a node up and then numbers it might."""
        first, second = env.get_doctree(target), env.get_doctree(target)
        if fail:
            raise ValueError(target)
        assert first is second
        return first


def test_each_document_is_unpickled_once_while_the_resolver_runs() -> None:
    doctrees = numref_doctrees.ReadOnlyDoctrees()
    resolve = numref_doctrees.reading_from(doctrees, Domain.resolve)
    env = Env()
    a1, b, a2 = (resolve(Domain(), env, t) for t in ("a", "b", "a"))
    assert a1 is a2 and a1["doc"] == "a" and b["doc"] == "b"
    assert env.unpickled == ["a", "b"]
    assert env.get_doctree("a") is not a1  # any other caller: a fresh copy
    doctrees.clear()  # the documents are read again
    assert resolve(Domain(), env, "a") is not a1


def test_the_environment_gets_its_own_method_back_even_after_a_failure() -> None:
    resolve = numref_doctrees.reading_from(numref_doctrees.ReadOnlyDoctrees(), Domain.resolve)
    env = Env()
    with pytest.raises(ValueError, match="a"):
        resolve(Domain(), env, "a", fail=True)
    assert "get_doctree" not in vars(env)
    assert env.get_doctree("a")["copy"] == 2


def test_a_resolver_is_wrapped_once() -> None:
    doctrees = numref_doctrees.ReadOnlyDoctrees()
    once = numref_doctrees.reading_from(doctrees, Domain.resolve)
    assert numref_doctrees.reading_from(doctrees, once) is once
