"""English lemmas and inflected forms of codebook words, decided by simplemma (which ships its dictionary).

The theme coder does not lemmatise every token of the corpus (the export reads hundreds of thousands of
paragraphs); it turns each codebook word into the set of surface forms that share its lemma, once per
word, and matches those forms. Candidate forms are the regular English inflections of the word and of its
lemma (plural and third person ``-s``/``-es``/``-ies``, past ``-ed``/``-d``/``-ied``, ``-ing`` with a
dropped ``e`` or a doubled consonant); a candidate is kept only when simplemma gives it the same lemma, so
the word list is simplemma's decision, not a suffix rule's. Results are cached per word.
"""

from __future__ import annotations

import functools

__all__ = ["LANGUAGE", "candidate_forms", "lemma", "word_forms"]

LANGUAGE = "en"
_VOWELS = "aeiou"


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """simplemma's lemma of a lower-case English word (the word itself when simplemma knows nothing)."""
    import simplemma

    return simplemma.lemmatize(word, lang=LANGUAGE).lower()


def candidate_forms(word: str) -> set[str]:
    """Regular English inflections of ``word`` (a superset: :func:`word_forms` keeps the right ones)."""
    out = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        out |= {word[:-1] + "ing", word[:-1] + "ed"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS and word[-3] not in _VOWELS:
        out |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            out |= {stem, stem + "e"}
    return out


@functools.lru_cache(maxsize=4096)
def word_forms(word: str) -> tuple[str, ...]:
    """Every candidate form of ``word`` or of its lemma that simplemma maps to the same lemma, sorted
    (longest first, so that an alternation of them prefers the longest)."""
    word = word.lower()
    target = lemma(word)
    candidates = candidate_forms(word) | candidate_forms(target)
    kept = {form for form in candidates if lemma(form) == target} | {word}
    return tuple(sorted(kept, key=lambda f: (-len(f), f)))
