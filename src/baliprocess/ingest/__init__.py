"""``add``: turn a researcher's files into corpus documents (front matter + text, see data/corpus/README.md).

Text comes from maintained extractors: trafilatura for ``.html``/``.htm`` (the page's main text, headings,
lists and tables), pdfminer.six for ``.pdf`` (the text layer in reading order, cleaned by the listed rules
of :mod:`.pdftext`), python-docx for ``.docx`` (paragraphs, headings, lists and tables); ``.txt`` and ``.md``
are taken as they are. Tables and lists keep their structure (:mod:`.structure`). Title, date, doc_type,
publisher and URL are proposed only from what the file states, each with a note saying where it came from
(:mod:`.proposals`), and never made up; the command line's options override them, and a required value that
is still missing is left out, so that ``validate`` reports it. The original file's name and SHA-256
checksum go into the front matter.

A file that cannot be converted is refused with one line ``path: what is wrong``; the others still are.
"""

from __future__ import annotations

from .command import LOG_DIR, OUTPUT_SUFFIX, Options, add_file, output_path, render, run_add, slug
from .readers import SUFFIXES, Extracted, IngestError, extract, metadata_date

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
    "render",
    "run_add",
    "slug",
]
