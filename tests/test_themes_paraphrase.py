"""The theme coder on paraphrases (issue 12): lemmas, two-word windows, "Y of X", exceptions, headings
and documents not in English. Each example is coded with the shipped codebook."""

from __future__ import annotations

import pandas as pd
import pytest

from baliprocess import themes as th
from baliprocess.cleaning import clean_lines
from baliprocess.corpus import load_corpus
from corpusfactory import front


def _code(text: str) -> dict[str, str]:
    """Theme -> matched terms for one paragraph, after the cleaning rules (as the corpus loader does)."""
    (_, cleaned), *_ = clean_lines([(1, text)])[0]
    frame = pd.DataFrame({"doc_id": ["d"], "paragraph_id": ["d-p01"], "text": [cleaned]})
    coded = th.code_paragraphs(frame)
    return dict(zip(coded["theme"], coded["matched"], strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "Ministers agreed that the sharing of information between agencies must become routine.",
        "Officials agreed to deepen the exchange of information and intelligence on smuggling syndicates.",
        "Officials agreed that exchanging data on suspicious travel should become routine.",
        "The Office provides tools for information\u2011sharing among members.",
        "Our agencies will share intelli\u00adgence on the vessels involved.",
        "Participants recommended regular intelligence exchanges between inspectors.",
    ],
)
def test_ways_of_saying_information_sharing(text):
    assert "information_sharing" in _code(text)


def test_must_not_be_returned_is_refugee_protection_not_return():
    coded = _code("Persons in need of protection must not be returned to places where their lives are at risk.")
    assert coded.get("refugee_protection") == "not be return"
    assert "return_reintegration" not in coded


def test_return_still_codes_return():
    assert _code("Officials discussed the voluntary return of people found not to need protection.") == {
        "return_reintegration": "return"
    }


def test_window_keeps_another_theme_inside_it():
    coded = _code("Ministers called for the exchange of visa information.")
    assert coded == {"information_sharing": "exchang* information", "border_management": "visa"}


def test_lemma_forms_match_but_other_words_do_not():
    assert _code("States should protect their borders.") == {"border_management": "protect* border"}
    assert _code("Visa systems and returnees.") == {"border_management": "visa"}


def test_headings_and_documents_not_in_english_are_not_coded(tmp_path):
    english = "# Information sharing\n\nMinisters agreed on the sharing of information.\n"
    indonesian = (
        "Para Menteri sepakat untuk memperkuat pertukaran informasi dan kerja sama penegakan hukum "
        "dalam memberantas penyelundupan manusia di kawasan.\n"
    )
    (tmp_path / "en.md").write_text(front() + english, encoding="utf-8")
    (tmp_path / "id.md").write_text(front() + indonesian, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    coded = th.code_corpus(corpus)
    assert coded["paragraph_id"].tolist() == ["en-p02"]
    assert coded["matched"].tolist() == ["information sharing"]
    assert corpus.documents.set_index("doc_id").loc["id", "language"] != "en"


def test_a_negated_term_does_not_fire():
    assert _code("Officials noted that the Group had not been asked to consider visa policy.") == {}
    assert _code("Migrants who do not have refugee status can be returned.") == {"return_reintegration": "return"}


def test_not_only_negates_nothing():
    assert _code("They agreed not only on visa policy.") == {"border_management": "visa"}


# --- the two crime targets (codebook rule 4, issue 18) ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ministers met under the Bali Process on People Smuggling, Trafficking in Persons and Related "
        "Transnational Crime.",
        "Members will combat people smuggling and trafficking in persons.",
        "Police will disrupt smuggling and trafficking networks.",
        "Traffickers and smugglers exploit the same routes.",
        "Smugglers/traffickers were arrested.",
        "Arms smuggling and drug trafficking remain a concern.",
    ],
)
def test_the_two_crimes_named_together_code_neither_target(text):
    coded = _code(text)
    assert "people_smuggling" not in coded and "trafficking_in_persons" not in coded


def test_one_crime_singled_out_codes_its_target():
    assert _code("Police will disrupt people smuggling networks.") == {
        "people_smuggling": "smuggl*",
        "law_enforcement": "disrupt*",
    }
    assert _code("States will shelter the victims of traffickers.") == {
        "trafficking_in_persons": "trafficker*",
        "victim_protection": "victim",
    }


def test_pair_blocks_only_its_own_words():
    # the pair is blocked; a crime singled out later in the paragraph still fires
    coded = _code("Smuggling and trafficking grew. Ministers agreed to prosecute people smugglers.")
    assert coded == {"people_smuggling": "smuggl*", "law_enforcement": "prosecut*"}


def test_window_word_may_be_possessive():
    for apostrophe in ("'", "\u2019"):
        coded = _code(f"They will strengthen States{apostrophe} capacity to respond.")
        assert coded == {"capacity_building": "strengthen* capacit*"}


def test_resettlement_and_hosting_are_not_refugee_protection():
    assert _code("Resettlement countries may source their refugee quotas from the camps.") == {
        "durable_solutions": "resettle*; refugee quota"
    }
    assert _code("Ministers will relieve countries hosting refugees.") == {"responsibility_sharing": "host refugee"}
