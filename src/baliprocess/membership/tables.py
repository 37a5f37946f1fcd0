"""The membership package's exported tables: their schemas (``TABLES``) and ``build_tables(corpus)``."""

from __future__ import annotations

import pandas as pd

from ..chunks import ChunkedPart
from ..corpus import Corpus
from ..schema import Field, Table
from .counts import counts_table
from .panel import membership_panel
from .participation import participation_table
from .sources import files_held, load_membership

__all__ = ["BUILD_PARTS", "TABLES", "UNRESOLVED_COLUMNS", "build_tables"]

UNRESOLVED_COLUMNS = ["doc_id", "paragraph_id", "name_raw", "role"]


def _participation_rows(corpus: Corpus) -> pd.DataFrame:
    """The participation with the names that resolve to nothing (``how``): each document's rows read from
    that document alone, so the rows of shares of the documents, put in order, are those of the whole."""
    with files_held():
        return participation_table(corpus, keep_unresolved=True)


def _participation_finished(full: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The participation, the names that resolve to nothing (from the same pass) and the panel (which reuses
    the participation)."""
    unresolved = full["how"] == "unresolved"
    participation = full[~unresolved].drop(columns="how").reset_index(drop=True)
    with files_held():
        return {
            "participation": participation,
            "unresolved_names": full.loc[unresolved, UNRESOLVED_COLUMNS].reset_index(drop=True),
            "membership_panel": membership_panel(participation, load_membership()),
        }


#: The participation, built on shares of the documents (side by side on a large corpus: it takes longest).
_participation_tables = ChunkedPart(_participation_rows, _participation_finished)


def _counts_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The stated counts, which need nothing of the participation."""
    with files_held():
        return {"membership_counts": counts_table(corpus)}


#: The tables in groups that need nothing of each other: the export builds each group in a worker process of
#: its own for a large corpus, and the participation (which alone takes as long as the other packages
#: together) in several, each on a run of documents (:class:`~baliprocess.chunks.ChunkedPart`).
BUILD_PARTS = (_participation_tables, _counts_tables)


def build_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The exported tables of this module, by name (see :data:`TABLES`): every group of :data:`BUILD_PARTS`."""
    return {name: table for part in BUILD_PARTS for name, table in part(corpus).items()}


TABLES = [
    Table(
        name="participation",
        title="Participants, observers, co-chairs and members named in the corpus",
        description="One row per name in a list of participants, observers, co-chairs or members that a corpus "
        "paragraph gives; states standardised to ISO3 and UN region, organisations to a short name.",
        fields=(
            Field("doc_id", "string", "Document id."),
            Field("paragraph_id", "string", "Paragraph that lists the name."),
            Field("name_raw", "string", "The name as written (list punctuation and a leading 'the' removed)."),
            Field(
                "name",
                "string",
                "Canonical name, one per ISO3 code in every table: the curated name (data/name_notes.csv) or "
                "country_converter's short name; an organisation's short name.",
            ),
            Field("iso3", "string", "ISO 3166 alpha-3 code for states and territories; empty for organisations."),
            Field(
                "kind",
                "string",
                "state (a UN member state), territory (another entity with an ISO3 code, such as Hong Kong SAR) "
                "or organisation.",
            ),
            Field(
                "role",
                "string",
                "participant, co_chair, observer, member, expected or absent, from the cue around the list.",
            ),
            Field("source", "string", "Where the list is: sentence, bullets (bullet lines or bare names) or table."),
            Field("row", "integer", "The bullet line or table row (1-based; 0 in a sentence)."),
            Field("cue", "string", "The words that gave the role (a verb, a heading, a role column)."),
            Field("region", "string", "UN region (country_converter UNregion) for states and territories."),
        ),
        primary_key=("paragraph_id", "role", "kind", "iso3", "name"),
    ),
    Table(
        name="unresolved_names",
        title="Listed names that could not be resolved",
        description="Every name in a list of participants, observers, co-chairs or members that neither the "
        "curated tables nor country_converter resolves (a misspelling, an unknown body): reported here, "
        "never dropped in silence.",
        fields=(
            Field("doc_id", "string", "Document id."),
            Field("paragraph_id", "string", "Paragraph that lists the name."),
            Field("name_raw", "string", "The name as written (list punctuation and a leading 'the' removed)."),
            Field("role", "string", "participant, co_chair, observer or member, from the list's wording."),
        ),
        primary_key=("paragraph_id", "role", "name_raw"),
    ),
    Table(
        name="membership_counts",
        title="Counts of attendance and membership stated in the corpus",
        description="Every count of countries, delegates, organisations, members or treaty parties stated in a "
        "corpus paragraph, numbers in digits or words.",
        fields=(
            Field("doc_id", "string", "Document id."),
            Field("paragraph_id", "string", "Paragraph stating the count."),
            Field("as_of", "date", "The date the paragraph gives, else the document date."),
            Field("as_of_basis", "string", "paragraph (a date in the sentence) or document."),
            Field("count", "integer", "The number."),
            Field("unit", "string", "What is counted: countries, delegates, organisations, members, parties..."),
            Field("noun", "string", "The counted noun with its modifiers as written."),
            Field(
                "subject",
                "string",
                "attendance, observers, expected (announced, invited), membership or treaty_parties, from the "
                "counted noun and the sentence's wording.",
            ),
            Field("qualifier", "string", "A hedge written before the number (more than, over...), else empty."),
            Field("prospective", "boolean", "True when the sentence speaks of the future (will be, to be held)."),
            Field("text", "string", "The words as written."),
        ),
        primary_key=("paragraph_id", "text"),
    ),
    Table(
        name="membership_panel",
        title="State-year status in the Bali Process",
        description="One row per state and year with evidence: a corpus listing or a sourced row of "
        "data/membership.csv. Years without evidence are absent, not non-membership. A row of membership.csv "
        "about a meeting of the Ad Hoc Group gives only the status ad_hoc_group, never a status in the process.",
        fields=(
            Field("iso3", "string", "ISO 3166 alpha-3 code."),
            Field("year", "year", "Year."),
            Field(
                "status",
                "string",
                "co_chair, member, participant or observer in the process (the strongest that year), or "
                "ad_hoc_group: shown that year only at a meeting of the Ad Hoc Group, which is no status in the "
                "process.",
            ),
            Field("basis", "string", "Paragraph ids or bibliography keys behind the status, ';'-separated."),
        ),
        primary_key=("iso3", "year"),
    ),
]
