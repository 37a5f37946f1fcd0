"""Helpers for a reproducible research book on the Bali Process.

Modules: :mod:`corpus` (load and validate), :mod:`cleaning` (listed text-cleaning rules),
:mod:`export` (tidy CSVs and a Frictionless data package), :mod:`plotting` (the book's figure style).
"""

__version__ = "0.1.0"
