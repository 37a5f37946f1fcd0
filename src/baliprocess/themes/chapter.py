"""Everything the themes chapter shows of the corpus coding, computed in one call, and its sentences.

The chapter (``notebooks/04_themes.ipynb``) calls :func:`corpus_coding` and glues :attr:`CorpusCoding.facts`;
the phrases that depend on results are built here, where unit tests reach them, not in the notebook.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

import pandas as pd

from ..corpus import Corpus
from .codebook import WINDOW, Codebook
from .coder import NEGATION_WORDS, code_corpus, content_paragraphs
from .evaluate import evaluate
from .measures import (
    HAND,
    MAX_DOCUMENT_ROWS,
    MAX_HEADING_WORDS,
    TFIDF_MAX_DF,
    Coding,
    analysis_units,
    apply_rule3,
    coding_for_analysis,
    coding_summary,
    compare_codings,
    comparison_facts,
    cooccurrence,
    emphasis_by_year,
    emphasis_facts,
    one_paragraph,
    theme_shares,
    top_pairs,
    validation_summary,
)
from .prose import auto_sentence, coverage_phrase, not_english_sentence, rule3_phrase

__all__ = ["CorpusCoding", "chapter_facts", "comparison_view", "corpus_coding", "plural", "rule3_view", "scores_view"]

#: Distinctive words shown per document.
N_DISTINCTIVE = 8


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 document', '2 documents'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


@dataclass
class CorpusCoding:
    """The corpus's two codings and every table the chapter derives from them."""

    codebook: Codebook
    labels: dict[str, str]
    auto: pd.DataFrame
    rule3: pd.DataFrame
    chosen: Coding
    docs_a: pd.DataFrame
    paras_a: pd.DataFrame
    has_hand: bool
    shipped_auto: pd.DataFrame
    evaluation: pd.DataFrame
    scores: pd.DataFrame
    matrix: pd.DataFrame
    matrix_auto: pd.DataFrame
    emphasis: pd.DataFrame
    emphasis_auto: pd.DataFrame
    comparison: pd.DataFrame | None
    shares: pd.DataFrame
    shares_auto: pd.DataFrame
    step: float
    facts: dict[str, object] = field(default_factory=dict)

    @property
    def coded(self) -> pd.DataFrame:
        """The coding that measures the themes (hand where it covers the corpus, else automatic)."""
        return self.chosen.coded


def _automatic(codebook: Codebook) -> Callable[[Corpus], pd.DataFrame]:
    def run(c: Corpus) -> pd.DataFrame:
        return apply_rule3(code_corpus(c, codebook), c.paragraphs)[0]

    return run


#: Scores a coder (a function from a corpus to its coding) on the shipped corpus, given its hand coding, and on
#: the evaluation sets: :func:`baliprocess.evaluation.theme_scores`, which depends on this package.
SetScorer = Callable[[Callable[[Corpus], pd.DataFrame], Corpus, pd.DataFrame], pd.DataFrame]


def corpus_coding(
    corpus: Corpus, codebook: Codebook, gold: pd.DataFrame, shipped: Callable[[], Corpus], score_sets: SetScorer
) -> CorpusCoding:
    """Code ``corpus`` both ways and derive the chapter's tables and facts.

    ``shipped`` loads the shipped corpus, whose every paragraph was coded by hand: the terms are scored there
    when the hand coding does not cover ``corpus``. ``score_sets`` scores the automatic coder by set
    (pass :func:`baliprocess.evaluation.theme_scores`; it is a parameter so that the themes package does not
    import the evaluation layer, which imports it).
    """
    keys, labels = list(codebook.keys), {t.key: t.label for t in codebook.themes}
    docs, paragraphs = corpus.documents, corpus.paragraphs
    auto, rule3 = apply_rule3(code_corpus(corpus, codebook), paragraphs)
    chosen = coding_for_analysis(paragraphs, auto, gold)
    # The units of analysis: paragraphs of content (not headings, not bare lists of names) of the documents coded
    # (in English).
    english = set(docs.loc[docs["language"] == "en", "doc_id"]) or set(docs["doc_id"])
    docs_a = docs[docs["doc_id"].isin(english)]
    paras_a = content_paragraphs(paragraphs[paragraphs["doc_id"].isin(english)])
    has_hand = chosen.name == HAND
    reference = corpus if has_hand else shipped()
    automatic = _automatic(codebook)
    shipped_auto = auto if has_hand else automatic(reference)
    emphasis = emphasis_by_year(chosen.coded, paras_a, docs_a, keys)
    emphasis_auto = emphasis_by_year(auto, paras_a, docs_a, keys)
    step = one_paragraph(paras_a, docs_a)
    units = analysis_units(docs_a)
    result = CorpusCoding(
        codebook=codebook,
        labels=labels,
        auto=auto,
        rule3=rule3,
        chosen=chosen,
        docs_a=docs_a,
        paras_a=paras_a,
        has_hand=has_hand,
        shipped_auto=shipped_auto,
        evaluation=evaluate(shipped_auto, gold, keys),
        scores=score_sets(automatic, reference, gold),
        matrix=cooccurrence(chosen.coded, keys),
        matrix_auto=cooccurrence(auto, keys),
        emphasis=emphasis,
        emphasis_auto=emphasis_auto,
        comparison=compare_codings(emphasis, emphasis_auto, min_change=step) if has_hand else None,
        shares=theme_shares(chosen.coded, paras_a, units, keys),
        shares_auto=theme_shares(auto, paras_a, units, keys),
        step=step,
    )
    result.facts = chapter_facts(result, corpus, gold)
    return result


def _agrees(has_hand: bool, same: bool, instead: str) -> str:
    if not has_hand:
        return "there is no hand coding to compare with"
    return "the automatic coding agrees" if same else f"the automatic coding has {instead} instead"


def chapter_facts(c: CorpusCoding, corpus: Corpus, gold: pd.DataFrame) -> dict[str, object]:
    """The chapter's headline numbers and phrases, by glue name."""
    labels, docs, paragraphs = c.labels, corpus.documents, corpus.paragraphs
    facts = coding_summary(c.coded, c.paras_a, top_pairs(c.matrix), labels)
    auto = coding_summary(c.auto, c.paras_a, top_pairs(c.matrix_auto), labels)
    for k in ("n_themed", "share_themed", "top_theme", "top_theme_n", "top_pair_a", "top_pair_b", "top_pair_n"):
        facts[f"{k}_auto"] = auto[k]
    facts |= validation_summary(c.evaluation, gold, labels)
    emph = emphasis_facts(c.emphasis, labels)
    facts |= {f"emph_{k}": v for k, v in emph.items()}
    facts |= comparison_facts(c.comparison, labels)
    not_english = docs[docs["language"] != "en"]
    n_content = int((paragraphs["kind"] == "paragraph").sum()) if "kind" in paragraphs else len(paragraphs)
    n_pair = cast(int, facts["top_pair_n"])  # coding_summary's counts are ints
    same_pair = {facts["top_pair_a"], facts["top_pair_b"]} == {auto["top_pair_a"], auto["top_pair_b"]}
    facts |= {
        "coding_label": c.chosen.name,
        "corpus_size": f"{plural(len(docs), 'document')} ({plural(n_content, 'paragraph')})",
        "top_theme_phrase": (
            f"{facts['top_theme']}, in {plural(cast(int, facts['top_theme_n']), 'paragraph')}"
            if facts["top_theme_n"]
            else "none: no paragraph carries a theme"
        ),
        "top_theme_auto_phrase": (
            f"{auto['top_theme']} ({plural(cast(int, auto['top_theme_n']), 'paragraph')})"
            if auto["top_theme_n"]
            else "no theme"
        ),
        "top_pair_phrase": (
            f"{facts['top_pair_a']} with {facts['top_pair_b']}, in {plural(n_pair, 'paragraph')}"
            if facts["top_pair_n"]
            else "none: no paragraph carries two themes"
        ),
        "emph_change_sentence": _change_sentence(emph),
        "n_documents": len(docs),
        "n_covered": c.chosen.n_covered,
        "n_paragraphs_all": c.chosen.n_paragraphs,
        "coverage_phrase": coverage_phrase(c.chosen.n_covered, c.chosen.n_paragraphs, n_content),
        "validation_scope": "this corpus" if c.has_hand else "the shipped corpus",
        "top_theme_agrees": _agrees(c.has_hand, facts["top_theme"] == auto["top_theme"], str(auto["top_theme"])),
        "top_pair_agrees": (
            "there is no hand coding to compare with"
            if not c.has_hand
            else "the automatic coding finds the same pair"
            if same_pair
            else f"the automatic coding has {auto['top_pair_a']} with {auto['top_pair_b']}"
        ),
        "n_rule3": len(c.rule3),
        "n_rule3_paragraphs": c.rule3["paragraph_id"].nunique(),
        "rule3_phrase": rule3_phrase(len(c.rule3), c.rule3["paragraph_id"].nunique()),
        "not_english_sentence": not_english_sentence(not_english),
        "max_heading_words": MAX_HEADING_WORDS,
        "window": WINDOW,
        "negation_words": NEGATION_WORDS,
        "n_not_english": len(not_english),
        "not_english": ", ".join(
            f"{d} ({lang})" for d, lang in zip(not_english["doc_id"], not_english["language"], strict=True)
        )
        or "none",
        "one_paragraph": c.step,
        "shares_max_diff": float((c.shares - c.shares_auto).abs().to_numpy().max()) if len(c.shares) else 0.0,
        "tfidf_max_df": TFIDF_MAX_DF,
        "n_distinctive": N_DISTINCTIVE,
        "max_document_rows": MAX_DOCUMENT_ROWS,
    }
    n_auto, share_auto = cast(int, auto["n_themed"]), cast(float, auto["share_themed"])
    facts["auto_sentence"] = auto_sentence(c.has_hand, n_auto, share_auto, str(facts["top_theme_auto_phrase"]))
    by_set = c.scores.set_index("set")
    for name in c.scores["set"]:
        stem = name.replace("-", "_")
        for col, key in (("F1", "f1"), ("precision", "p"), ("recall", "r"), ("macro F1", "macro_f1")):
            facts[f"{stem}_{key}"] = float(by_set.loc[name, col])
        facts[f"{stem}_n_docs"] = int(by_set.loc[name, "documents"])
        facts[f"{stem}_not_english"] = int(by_set.loc[name, "not in English"])
    return facts


def _change_sentence(emph: dict[str, object]) -> str:
    """Which themes appear only after the first year and which of the first year are absent from the last."""
    if int(emph["n_years"]) <= 1:  # type: ignore[call-overload]
        return f"The corpus covers a single year ({emph['first_year']}), so no theme can rise or fall between years."
    new, dropped = int(emph["n_new_themes"]), int(emph["n_dropped_themes"])  # type: ignore[call-overload]
    return (
        f"Between {emph['first_year']} and {emph['last_year']}, {plural(new, 'theme')} "
        f"{'appears' if new == 1 else 'appear'} only after the first year ({emph['new_themes']}), and "
        f"{plural(dropped, 'theme')} of the first year {'is' if dropped == 1 else 'are'} absent from the last "
        f"({emph['dropped_themes']})."
    )


def comparison_view(comparison: pd.DataFrame | None) -> pd.DataFrame:
    """The comparison of the two codings as the chapter shows it: change and rank under each, and the reading
    with what differs; a one-row note when the corpus has no hand coding."""
    if comparison is None:
        return pd.DataFrame({"theme": ["not available: no hand coding of this corpus"]}).set_index("theme")
    why = (
        comparison["same direction"]
        .map({True: "", False: "direction differs"})
        .str.cat(comparison["same rank"].map({True: "", False: "rank differs"}), sep="; ")
        .str.strip("; ")
    )
    return pd.DataFrame(
        {
            "hand: change (points)": comparison["change (hand)"] * 100,
            "hand: rank": comparison["rank (hand)"],
            "automatic: change (points)": comparison["change (automatic)"] * 100,
            "automatic: rank": comparison["rank (automatic)"],
            "reading": comparison["reading"].str.cat(why.where(why == "", " (" + why + ")"), sep=""),
        }
    )


def rule3_view(rule3: pd.DataFrame, paragraphs: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The codings the procedural rule set aside (:func:`~.measures.apply_rule3`) as the chapter shows them:
    paragraph, its text, the theme by its label and the terms that fired."""
    shown = rule3.merge(paragraphs[["paragraph_id", "text"]], on="paragraph_id")
    return (
        shown[["paragraph_id", "text", "theme", "matched"]]
        .rename(columns={"matched": "terms fired"})
        .assign(theme=lambda t: t["theme"].map(labels))
    )


#: The sets of :func:`baliprocess.evaluation.theme_scores` as the chapter names them: set -> (name, what the set
#: is to the coder, in three words).
_SET_NAMES = {
    "in-sample": ("in sample", "written from it"),
    "dev": ("development", "tuned on it"),
    "test": ("held-out test", "never tuned on"),
}
_SCORE_COLUMNS = {
    "documents": "docs",
    "not in English": "not English",
    "pairs (reading)": "pairs read",
    "pairs (coder)": "pairs coded",
}


def scores_view(scores: pd.DataFrame) -> pd.DataFrame:
    """The coder's scores by set (:func:`baliprocess.evaluation.theme_scores`) as the chapter's table shows
    them: each set by a short name, what it is to the coder in three words, and shorter column names."""
    return scores.assign(
        set=scores["set"].map({key: name for key, (name, _) in _SET_NAMES.items()}),
        **{"what it is": scores["set"].map({key: what for key, (_, what) in _SET_NAMES.items()})},
    ).rename(columns=_SCORE_COLUMNS)
