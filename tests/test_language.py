"""Language identification of documents (baliprocess.language)."""

from __future__ import annotations

import pytest

from baliprocess.language import detect_language, english_share

INDONESIAN = (
    "Para Menteri bertemu di Bali pada 23 Maret 2016 untuk membahas penyelundupan manusia, "
    "perdagangan orang dan kejahatan lintas negara yang terkait. Para Menteri sepakat untuk "
    "memperkuat kerja sama regional dalam pertukaran informasi."
)
FRENCH = (
    "Les ministres se sont réunis à Bali le 23 mars 2016 pour examiner le trafic de migrants et la "
    "traite des personnes, et ont convenu de renforcer la coopération régionale."
)
ENGLISH = (
    "Ministers met in Bali on 23 March 2016 to discuss people smuggling, trafficking in persons and "
    "related transnational crime, and agreed to strengthen regional cooperation."
)


def test_english_is_decided_by_function_words():
    assert detect_language(ENGLISH) == ("en", "function-words")


@pytest.mark.parametrize(("text", "language"), [(INDONESIAN, {"id", "ms"}), (FRENCH, {"fr"})])
def test_other_languages_go_to_py3langid(text, language):
    found, method = detect_language(text)
    assert method == "py3langid"
    assert found in language


def test_no_words_is_undetermined():
    assert detect_language("2016 — 2017 … 42") == ("und", "function-words")


def test_english_share_counts_function_words():
    share, n = english_share("the Bali Process and the region")
    assert n == 6 and share == pytest.approx(3 / 6)


def test_loaded_corpus_has_a_language_column(tmp_path):
    from baliprocess.corpus import load_corpus
    from corpusfactory import front

    (tmp_path / "en.md").write_text(front() + ENGLISH + "\n", encoding="utf-8")
    (tmp_path / "id.md").write_text(front() + INDONESIAN + "\n", encoding="utf-8")
    docs = load_corpus(tmp_path).documents.set_index("doc_id")
    assert docs.loc["en", "language"] == "en"
    assert docs.loc["id", "language"] in {"id", "ms"}
