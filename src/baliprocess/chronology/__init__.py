"""Chronology: date expressions found in the corpus, the curated event base, and their views.

Dates are intervals, never guesses: every mention has a ``start`` and an ``end`` date and a precision
(day, month, season or year); see :mod:`.grammar`. The extractor is a single compiled regular expression run
once over all paragraphs joined together (:mod:`.scan`). ``dateparser`` is used only as an evaluation
baseline (:mod:`.evaluate`), never in the export.

One job per module: :mod:`.grammar` (the pattern and what a match means), :mod:`.scan` (finding mentions),
:mod:`.relative` (dates relative to the document's), :mod:`.yearnames` (years that are no date), :mod:`.weekdays`,
:mod:`.evaluate` (gold list, scores, baseline), :mod:`.events` (the curated event base), :mod:`.views`,
:mod:`.figures`, :mod:`.tables` (export). Everything public is re-exported here.
"""

from typing import TYPE_CHECKING

from ..lazy import lazy_names
from .evaluate import (
    GOLD_CSV,
    dateparser_mentions,
    durations_phrase,
    evaluation_table,
    load_gold,
    score,
    unmatched,
)
from .events import (
    EVENT_COLUMNS,
    EVENT_TYPES,
    EVENTS_BIB,
    EVENTS_CORPUS,
    EVENTS_CSV,
    EventsError,
    attendance,
    bib_keys,
    discrepancies,
    event_timeline,
    events_table,
    first_event,
    load_events,
    validate_events,
)
from .grammar import DATE_RE, MENTION_COLUMNS, PRECISIONS
from .scan import date_mentions, extract, scan
from .tables import TABLES, build_tables
from .views import (
    chapter_facts,
    conference_intervals,
    date_errors,
    discrepancy_rows,
    inferred_sentence,
    mention_kinds_phrase,
    mention_peak,
    mention_years,
    split_sources,
)

if TYPE_CHECKING:
    from .figures import mention_years_figure, timeline_figure

#: The figures are imported on first use (:mod:`baliprocess.lazy`): the export and ``validate`` draw nothing
#: and skip matplotlib.
__getattr__ = lazy_names(__name__, {"mention_years_figure": ".figures", "timeline_figure": ".figures"})

__all__ = [
    "DATE_RE",
    "EVENTS_BIB",
    "EVENTS_CORPUS",
    "EVENTS_CSV",
    "EVENT_COLUMNS",
    "EVENT_TYPES",
    "GOLD_CSV",
    "MENTION_COLUMNS",
    "PRECISIONS",
    "TABLES",
    "EventsError",
    "attendance",
    "bib_keys",
    "build_tables",
    "chapter_facts",
    "conference_intervals",
    "date_errors",
    "date_mentions",
    "dateparser_mentions",
    "discrepancies",
    "discrepancy_rows",
    "durations_phrase",
    "evaluation_table",
    "event_timeline",
    "events_table",
    "extract",
    "first_event",
    "inferred_sentence",
    "load_events",
    "load_gold",
    "mention_kinds_phrase",
    "mention_peak",
    "mention_years",
    "mention_years_figure",
    "scan",
    "score",
    "split_sources",
    "timeline_figure",
    "unmatched",
    "validate_events",
]
