"""Table schemas: :class:`Field` and :class:`Table` describe an exported CSV and its Frictionless schema.

A leaf module: it imports nothing of the package, so every analysis package can declare its ``TABLES``
here and :mod:`baliprocess.export` can import the packages without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FIELD_TYPES", "Field", "Table"]

#: The Frictionless field types an exported column may have.
FIELD_TYPES = ("string", "integer", "number", "boolean", "date", "year")


@dataclass(frozen=True)
class Field:
    """One column: its name, Frictionless type and what it holds."""

    name: str
    type: str
    description: str

    def __post_init__(self) -> None:
        if self.type not in FIELD_TYPES:
            raise ValueError(f"field {self.name}: unknown type {self.type!r}")


@dataclass(frozen=True)
class Table:
    """An exported table: file stem, title, description, columns, primary key and outside sources.

    The frame itself is built by the ``build_tables(corpus)`` function of the package that declares it.
    """

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
