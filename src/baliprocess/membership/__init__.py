"""Who took part in the Bali Process, who joined, and how the stated counts disagree.

Three exported tables (:mod:`.tables`):

* ``participation``: every state or organisation that a corpus paragraph lists as participant, observer,
  co-chair or member, standardised to ISO3 and UN region (states) or a canonical short name (organisations);
* ``membership_counts``: every count of attendance or membership stated in the corpus, digits or words;
* ``membership_panel``: a state-year panel of status, derived from the corpus and ``data/membership.csv``.

One job per module: :mod:`.sources` (curated CSVs), :mod:`.names` (name resolution), :mod:`.lists` (list
grammar and the participation table), :mod:`.counts` (stated counts), :mod:`.panel` (state-year panel),
:mod:`.founding` (which document is the founding statement, one meeting's counts), :mod:`.growth`
(quantities over time kept apart, first appearances), :mod:`.views` (chapter views and headline numbers),
:mod:`.figures`, :mod:`.tables` (export). Everything
public is re-exported here, so ``from baliprocess import membership; membership.counts_table(...)`` works.
"""

from typing import TYPE_CHECKING

from ..lazy import lazy_names
from .counts import counts_table, extract_counts, parse_number
from .founding import FOUNDING_RULE, MEETING_RULE, first_counted_meeting, founding_document, meeting_counts
from .gazetteer import find_mentions, gazetteer, is_name_list
from .growth import QUANTITIES, first_appearances, panel_counts, quantity_of, range_sentence, stated_series
from .lists import LIST_PATTERNS, find_lists, split_list
from .names import resolve_names
from .panel import GROUP_STATUS, PANEL_STATUSES, ROLES, STATUS_RANK, membership_panel
from .participation import participation_table, unresolved_items
from .prose import (
    evaluation_words,
    first_appearance_values,
    founding_sentence,
    meeting_sentence,
    member_list_sentence,
    stated_ranges,
    stated_sentence,
    unresolved_sentence,
)
from .sources import (
    BODIES,
    DATA_DIR,
    load_membership,
    load_organisations,
    load_region_overrides,
    load_totals,
    successor_names,
)
from .tables import BUILD_PARTS, TABLES, build_tables
from .views import (
    attendance_table,
    chapter_facts,
    counts_view,
    curated_view,
    evaluation_view,
    for_prose,
    founding_source,
    member_list,
    member_list_values,
    paragraph_span,
    reconcile_founding,
    region_table,
    role_kind_table,
    score_words,
    stated_totals,
    totals_table,
)

if TYPE_CHECKING:
    from .figures import growth_figure, region_figure

#: The figures are imported on first use (:mod:`baliprocess.lazy`): the export and ``validate`` draw nothing
#: and skip matplotlib.
__getattr__ = lazy_names(__name__, {"growth_figure": ".figures", "region_figure": ".figures"})

__all__ = [
    "BODIES",
    "BUILD_PARTS",
    "DATA_DIR",
    "FOUNDING_RULE",
    "GROUP_STATUS",
    "LIST_PATTERNS",
    "MEETING_RULE",
    "PANEL_STATUSES",
    "QUANTITIES",
    "ROLES",
    "STATUS_RANK",
    "TABLES",
    "attendance_table",
    "build_tables",
    "chapter_facts",
    "counts_table",
    "counts_view",
    "curated_view",
    "evaluation_view",
    "evaluation_words",
    "extract_counts",
    "find_lists",
    "find_mentions",
    "first_appearance_values",
    "first_appearances",
    "first_counted_meeting",
    "for_prose",
    "founding_document",
    "founding_sentence",
    "founding_source",
    "gazetteer",
    "growth_figure",
    "is_name_list",
    "load_membership",
    "load_organisations",
    "load_region_overrides",
    "load_totals",
    "meeting_counts",
    "meeting_sentence",
    "member_list",
    "member_list_sentence",
    "member_list_values",
    "membership_panel",
    "panel_counts",
    "paragraph_span",
    "parse_number",
    "participation_table",
    "quantity_of",
    "range_sentence",
    "reconcile_founding",
    "region_figure",
    "region_table",
    "resolve_names",
    "role_kind_table",
    "score_words",
    "split_list",
    "stated_ranges",
    "stated_sentence",
    "stated_series",
    "stated_totals",
    "successor_names",
    "totals_table",
    "unresolved_items",
    "unresolved_sentence",
]
