"""The language of each document: English documents are theme-coded, others are reported as not coded.

Two steps, so that an all-English corpus never pays for the model: a document whose opening words are
dense in English function words ("the", "of", "and", ...) is English by that count alone; any other
document is classified by ``py3langid`` (a maintained fork of langid.py that ships its own model, loaded
once per process on first use). ``language_method`` records which step decided.
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["ENGLISH_SHARE", "MIN_WORDS", "SAMPLE_CHARS", "detect_language", "english_share"]

#: How much of a document's text is read to decide its language.
SAMPLE_CHARS = 1000
#: English prose has about a fifth of its words among :data:`_ENGLISH_WORDS`; other languages almost none.
ENGLISH_SHARE = 0.12
#: Below this many words the function-word count is not trusted on its own.
MIN_WORDS = 3
_ENGLISH_WORDS = frozenset(
    "the of and to in for on with by is are was were that this be as at from its their which has have will".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def english_share(text: str) -> tuple[float, int]:
    """Share of the words of ``text`` that are English function words, and the number of words."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0, 0
    return sum(map(_ENGLISH_WORDS.__contains__, words)) / len(words), len(words)


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:  # py3langid ships no types
    """py3langid's identifier with normalised probabilities (the model ships with the package)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, str]:
    """``(language, method)`` of a document: an ISO 639-1 code (``und`` when there are no words) and
    ``function-words`` or ``py3langid``, whichever decided."""
    sample = text[:SAMPLE_CHARS]
    share, n_words = english_share(sample)
    if n_words == 0:
        return "und", "function-words"
    if share >= ENGLISH_SHARE and n_words >= MIN_WORDS:
        return "en", "function-words"
    language, _ = _identifier().classify(sample)
    return str(language), "py3langid"
