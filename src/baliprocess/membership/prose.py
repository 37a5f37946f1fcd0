"""Sentences of the membership chapter that say what the corpus in use contains, built from its tables so
that they stay true on any corpus (issue 17): which meeting report states how many countries attended, what
the stated counts of member states range over, and which documents list member states by name."""

from __future__ import annotations

import pandas as pd

from .founding import MEETING_RULE

__all__ = ["meeting_sentence", "member_list_sentence", "stated_sentence"]


def _ids(ids: list[str], limit: int = 5) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _documents(n: int) -> str:
    return "1 document" if n == 1 else f"{n} documents"


def meeting_sentence(
    documents: pd.DataFrame, counts: pd.DataFrame, meeting: str | None, meeting_counts: dict[str, object]
) -> str:
    """The sentence naming the meeting chosen by :data:`~.founding.MEETING_RULE`, or, when there is none,
    what the corpus does state: documents of other types that count the countries attending."""
    if meeting is not None:
        doc = documents.set_index("doc_id").loc[meeting]
        return (
            f"Here it is “{doc['title']}” ({doc['date'].day} {doc['date']:%B %Y}), which states "
            f"{meeting_counts['countries']} countries."
        )
    stated = counts[(counts["subject"] == "attendance") & (counts["unit"] == "countries")]
    others = sorted(set(stated["doc_id"]))
    if not others:
        return "No document of this corpus states, in words the package reads, how many countries attended a meeting."
    verb = "states" if len(others) == 1 else "state"
    return (
        f"No document of this corpus is both a meeting report and states how many countries attended, so the "
        f"rule ({MEETING_RULE}) picks none; {_documents(len(others))} of other types {verb} such a count "
        f"({_ids(others)})."
    )


def stated_sentence(stated: pd.DataFrame, member_states: str, attending: str) -> str:
    """The range of the dated counts of member states (quantity ``member_states``) and, apart, of the counts
    of countries attending one meeting (quantity ``attending``), with how many sources date them."""
    states_q = stated[stated["quantity"] == member_states]
    attend_q = stated[stated["quantity"] == attending]
    if not len(states_q):
        return "No source dates a count of member states, so the growth of membership cannot be read from counts."
    n_sources = states_q["source"].nunique()
    text = (
        f"The counts of member states lie between {states_q['value'].min()} and {states_q['value'].max()} in the "
        f"{n_sources} {'source that dates' if n_sources == 1 else 'sources that date'} them "
        f"({states_q['year'].min()} to {states_q['year'].max()})"
    )
    if states_q["value"].min() == states_q["value"].max():
        text = (
            f"The count of member states is {states_q['value'].min()} in the {n_sources} "
            f"{'source that dates' if n_sources == 1 else 'sources that date'} it "
            f"({states_q['year'].min()} to {states_q['year'].max()})"
        )
    if len(attend_q):
        text += (
            f"; counts of countries attending one meeting lie between {attend_q['value'].min()} and "
            f"{attend_q['value'].max()} ({attend_q['year'].min()} to {attend_q['year'].max()}) and measure something "
            "else: who came, observers possibly included, not who belongs."
        )
    return text + ("" if len(attend_q) else ".")


def member_list_sentence(participation: pd.DataFrame, min_states: int = 10) -> str:
    """Whether a document of the corpus lists member states by name: the documents that list at least
    ``min_states`` states as members, or the sentence that none does."""
    members = participation[(participation["role"] == "member") & (participation["kind"] == "state")]
    per_doc = members.groupby("doc_id")["iso3"].nunique()
    listing = sorted(per_doc[per_doc >= min_states].index)
    if not listing:
        return (
            f"No document of this corpus lists the member states by name (none names {min_states} or more states "
            "as members)."
        )
    most = int(per_doc[listing].max())
    verb = "lists" if len(listing) == 1 else "list"
    return (
        f"{_documents(len(listing))} of this corpus {verb} member states by name ({_ids(listing)}; "
        f"up to {most} states), and the panel below reads them."
    )
