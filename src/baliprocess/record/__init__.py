"""The record: the process's outcome documents, 2002 onwards, hand-coded paragraph by paragraph.

Curated data (``data/outcomes.csv``, ``data/outcome_codes.csv``), the same on any corpus. One job per module:
:mod:`.load` (read and check, every problem one line), :mod:`.reliability` (Krippendorff's alpha),
:mod:`.change` (final coding, shares, bootstrap intervals, tests of change between phases), :mod:`.narrative`
(the chapter's sentences), :mod:`.analysis` (all of it in one call, and the facts the chapter glues),
:mod:`.figures`, :mod:`.tables` (export).
"""

from typing import TYPE_CHECKING

from ..lazy import lazy_names
from .analysis import RecordAnalysis, analyse, chapter_facts, corpus_change_sentence
from .change import (
    ALPHA,
    BOOTSTRAP_REPS,
    COMPARISONS,
    PHASES,
    Phase,
    change_tests,
    corpus_presence,
    final_coding,
    group_shares,
    holm,
    phase_of,
    phase_shares,
    presence,
    unit_shares,
)
from .load import (
    CODERS,
    CODES_PATH,
    MAX_GIST_WORDS,
    OUTCOME_DOC_TYPES,
    OUTCOMES_PATH,
    Record,
    RecordError,
    check_record,
    load_record,
)
from .narrative import (
    change_sentence,
    join_words,
    record_facts,
    reliability_facts,
    theme_trajectory,
    top_themes,
    usable_themes,
)
from .reliability import RELIABLE, TENTATIVE, double_coded, krippendorff_alpha, reliability_table, standard
from .tables import TABLES, build_tables
from .views import DOC_KIND_LABELS, changes_view, outcomes_view, phase_view

if TYPE_CHECKING:
    from .figures import record_heatmap

#: The figure is imported on first use (:mod:`baliprocess.lazy`): checking the record (``validate``) draws
#: nothing and skips matplotlib.
__getattr__ = lazy_names(__name__, {"record_heatmap": ".figures"})

__all__ = [
    "ALPHA",
    "BOOTSTRAP_REPS",
    "CODERS",
    "CODES_PATH",
    "COMPARISONS",
    "DOC_KIND_LABELS",
    "MAX_GIST_WORDS",
    "OUTCOMES_PATH",
    "OUTCOME_DOC_TYPES",
    "PHASES",
    "RELIABLE",
    "TABLES",
    "TENTATIVE",
    "Phase",
    "Record",
    "RecordAnalysis",
    "RecordError",
    "analyse",
    "build_tables",
    "change_sentence",
    "change_tests",
    "changes_view",
    "chapter_facts",
    "check_record",
    "corpus_change_sentence",
    "corpus_presence",
    "double_coded",
    "final_coding",
    "group_shares",
    "holm",
    "join_words",
    "krippendorff_alpha",
    "load_record",
    "outcomes_view",
    "phase_of",
    "phase_shares",
    "phase_view",
    "presence",
    "record_facts",
    "record_heatmap",
    "reliability_facts",
    "reliability_table",
    "standard",
    "theme_trajectory",
    "top_themes",
    "unit_shares",
    "usable_themes",
]
