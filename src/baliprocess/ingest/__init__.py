"""``add``: turn a researcher's files into corpus documents (front matter + text, see data/corpus/README.md).

Text comes from maintained extractors: trafilatura for ``.html``/``.htm`` (the page's main text), pypdf for
``.pdf`` (the text layer), python-docx for ``.docx`` (its paragraphs); ``.txt`` and ``.md`` are taken as they
are. Title, date, publisher and URL are proposed only from the file's own metadata and never made up; the
command line's options override them, and a required value that is still missing is left out, so that
``validate`` reports it. The original file's name and SHA-256 checksum go into the front matter.

A file that cannot be converted is refused with one line ``path: what is wrong``; the others still are.
"""

from __future__ import annotations

from .command import LOG_DIR, OUTPUT_SUFFIX, Options, add_file, output_path, render, run_add, slug
from .readers import SUFFIXES, Extracted, IngestError, extract, metadata_date, pdf_paragraphs

__all__ = [
    "LOG_DIR",
    "OUTPUT_SUFFIX",
    "SUFFIXES",
    "Extracted",
    "IngestError",
    "Options",
    "add_file",
    "extract",
    "metadata_date",
    "output_path",
    "pdf_paragraphs",
    "render",
    "run_add",
    "slug",
]
