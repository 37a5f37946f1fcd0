"""Helpers for a reproducible research book on the Bali Process.

Data flow one way: the corpus and curated data -> these modules -> the notebooks (chapters) -> the book.

* Corpus: :mod:`.corpus` (load and validate), :mod:`.cleaning` (listed text-cleaning rules).
* Analysis packages, one per question, each with ``TABLES`` and ``build_tables(corpus)``:
  :mod:`.overview` (the corpus at a glance), :mod:`.chronology` (dates and events), :mod:`.membership`
  (participants, counts, panel), :mod:`.themes` (codebook, coder, evaluation).
* Shared helpers: :mod:`.schema` (table schemas; a leaf), :mod:`.textscan` (one pattern over many
  paragraphs), :mod:`.metrics` (precision, recall, F1), :mod:`.datevocab` (month names),
  :mod:`.plotting` (the book's figure style), :mod:`.parallel` (worker processes for large corpora),
  :mod:`.gluing` (glue a dict of values into the prose).
* Output and tools: :mod:`.export` (tidy CSVs and a Frictionless data package), :mod:`.cli`
  (``python -m baliprocess``), :mod:`.execute` (normalised notebook execution).

Library code holds no facts about one book: which bibliography entry supports which headline number, or
which document a figure speaks of, is said in the notebooks.
"""

__version__ = "0.1.0"
