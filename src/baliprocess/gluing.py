"""Glue computed values into the book's prose: the chapter layer's one call for a dict of headline numbers."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["glue_all"]


def glue_all(values: Mapping[str, object]) -> None:
    """``glue(name, value, display=False)`` for every item, in order (myst-nb; run inside a notebook)."""
    from myst_nb import glue  # the book's toolchain; only notebooks call this

    for name, value in values.items():
        glue(name, value, display=False)
