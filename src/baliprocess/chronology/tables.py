"""The chronology package's exported tables: their schemas (``TABLES``) and ``build_tables(corpus)``."""

from __future__ import annotations

import pandas as pd

from ..corpus import Corpus, load_corpus
from ..schema import Field, Table
from .events import EVENT_TYPES, EVENTS_CORPUS, load_events
from .scan import date_mentions

__all__ = ["TABLES", "build_tables"]


def build_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The exported tables of this module, by name (see :data:`TABLES`).

    ``date_mentions`` is extracted from ``corpus``. ``events`` is the curated base, whose corpus sources are
    checked against the corpus it cites (:data:`EVENTS_CORPUS`): ``corpus`` itself when it is that folder,
    else that folder, loaded here (the event base describes the shipped documents, whatever corpus is
    exported)."""
    cited = corpus if corpus.root.resolve() == EVENTS_CORPUS.resolve() else load_corpus(EVENTS_CORPUS)
    return {"date_mentions": date_mentions(corpus), "events": load_events(cited.paragraphs["paragraph_id"])}


TABLES = [
    Table(
        name="date_mentions",
        title="Date mentions in the corpus",
        description="Every date expression in every paragraph, as an interval with its precision; extracted "
        "by baliprocess.chronology with regular expressions.",
        fields=(
            Field("doc_id", "string", "Document id."),
            Field("paragraph_id", "string", "Paragraph the expression stands in."),
            Field("text", "string", "The expression as written in the cleaned paragraph."),
            Field("start", "date", "First day of the interval meant."),
            Field("end", "date", "Last day of the interval meant."),
            Field(
                "precision",
                "string",
                "day, month, season (part of a year), financial_year (1 July to 30 June), year or decade "
                "(a decade or its early, mid or late part).",
            ),
            Field(
                "inferred",
                "boolean",
                "True when part of the date (the year, or the whole of a relative date) comes from the document date.",
            ),
            Field("offset", "integer", "Character offset of the expression in the paragraph text."),
        ),
        primary_key=("paragraph_id", "offset"),
    ),
    Table(
        name="events",
        title="Events of the Bali Process",
        description="Curated event base (data/events.csv): one row per event and source, so that sources "
        "that disagree stay visible.",
        fields=(
            Field("event_id", "string", "Event id; shared by the rows of one event."),
            Field("start", "date", "First day of the event as this source gives it; empty if it gives no date."),
            Field("end", "date", "Last day of the event as this source gives it; empty if it gives no date."),
            Field("precision", "string", "day, month or year: how precisely the source dates the event."),
            Field(
                "event_type",
                "string",
                ", ".join(EVENT_TYPES[:-1]) + " or " + EVENT_TYPES[-1] + ".",
            ),
            Field("name", "string", "Name of the event."),
            Field("city", "string", "City, when the source names one."),
            Field("country", "string", "Country, when the source names one."),
            Field("source", "string", "A corpus paragraph_id or a key of book/bib/events.bib."),
            Field("locator", "string", "Where in the source (e.g. page heading), when one source says two things."),
            Field("n_countries", "integer", "Countries attending, as this source gives it."),
            Field("n_delegates", "integer", "Delegates attending, as this source gives it."),
            Field("n_organisations", "integer", "International organisations attending, as this source gives it."),
            Field("note", "string", "What the source says exactly, and any caveat."),
        ),
        primary_key=("event_id", "source", "locator"),
    ),
]
