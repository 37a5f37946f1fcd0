"""Sentences of the membership chapter that say what the corpus in use contains, built from its tables so
that they stay true on any corpus (issue 17): which meeting report states how many countries attended, what
the dated counts of each quantity range over, and which documents list member states by name."""

from __future__ import annotations

import pandas as pd

from .founding import MEETING_RULE
from .growth import ATTENDANCE, INVITED, MEMBER_STATES, MEMBERS_ATTENDING, range_sentence
from .views import score_words

__all__ = [
    "FOUNDING_GRACE",
    "evaluation_words",
    "first_appearance_values",
    "founding_sentence",
    "meeting_sentence",
    "member_list_sentence",
    "stated_ranges",
    "stated_sentence",
    "unresolved_sentence",
]


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
        f"No meeting report of this corpus states how many countries attended, so the "
        f"rule ({MEETING_RULE}) picks none; {_documents(len(others))} of other types {verb} such a count "
        f"({_ids(others)})."
    )


#: The clauses of :func:`stated_sentence`, in its order: glue key -> (quantity, what its numbers count).
_STATED_RANGES = {
    "ms_range": (MEMBER_STATES, "member states"),
    "att_all_range": (ATTENDANCE, "countries in all at one meeting"),
    "att_members_range": (MEMBERS_ATTENDING, "member or participating states at one meeting, observers apart"),
    "invited_range": (INVITED, "countries invited to one meeting"),
}


def stated_ranges(stated: pd.DataFrame) -> dict[str, str]:
    """One clause per quantity (:func:`~.growth.range_sentence`), each range computed from the dated rows of
    :func:`~.growth.stated_series` of that quantity alone, keyed for the chapter's glue; "" for a quantity no
    row holds. The quantities are never one series, so no clause spans two."""
    return {key: range_sentence(stated, quantity, what) for key, (quantity, what) in _STATED_RANGES.items()}


def stated_sentence(stated: pd.DataFrame) -> str:
    """The clauses of :func:`stated_ranges` in one sentence, or, when no row is dated, that the growth of
    membership cannot be read from counts."""
    parts = [clause for clause in stated_ranges(stated).values() if clause]
    if not parts:
        return "No source dates a count, so the growth of membership cannot be read from counts."
    return "The dated counts give " + "; ".join(parts) + ". Each range is computed from the rows of its own quantity."


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
        f"up to {most} states), and the state-year panel reads them."
    )


#: How long after the first ministerial conference ended a document may be dated and still be its statement.
FOUNDING_GRACE = pd.Timedelta(days=31)


def founding_sentence(
    documents: pd.DataFrame, founding: str | None, first_conference: tuple[str, pd.Timestamp] | None = None
) -> str:
    """Which document of the corpus is the founding statement (:func:`~.founding.founding_document`), by title
    and date, or that the corpus has none. With ``first_conference`` (its name and last day, from the event
    base), a document dated more than :data:`FOUNDING_GRACE` after it is said to be no founding statement,
    only the corpus's earliest statement with a list: a reader's corpus may not reach back to the founding."""
    if founding is None:
        return "This corpus has no such document, so the table and the figure of this section are empty."
    doc = documents.set_index("doc_id").loc[founding]
    sentence = f"Here it is “{doc['title']}” ({doc['date'].day} {doc['date']:%B %Y})."
    if first_conference is not None and doc["date"] > first_conference[1] + FOUNDING_GRACE:
        name, end = first_conference
        sentence += (
            f" It is dated after the {name} ({end:%B %Y}, the event base's first), so it is not that conference's"
            " statement but the earliest statement of this corpus with a list: the sections below describe the"
            " meeting it records, not the founding."
        )
    return sentence


def unresolved_sentence(unresolved: pd.DataFrame, participation: pd.DataFrame) -> str:
    """Whether every listed name was resolved, and how many were not."""
    if unresolved.empty and participation.empty:
        return "No list of names was read in this corpus, so no name is left unresolved."
    if unresolved.empty:
        return "Every listed name was resolved."
    if len(unresolved) == 1:
        return "1 listed name could not be resolved; the table below lists it."
    return f"{len(unresolved)} listed names could not be resolved; the table below lists them."


def evaluation_words(
    scores: pd.DataFrame, sets: dict[str, str], tasks: tuple[str, ...] = ("lists", "counts")
) -> dict[str, str]:
    """The scores of :func:`~.views.evaluation_view` as words (``<set key>_<task>_<measure>``, for ``sets`` given
    as {key: set name}, the first set first), and ``evaluation_meaning``: what a drop of F1 by 0.1 or more from
    the first set to the second says, or, without such a drop, that both scores are in-sample."""
    words = {
        f"{short}_{task}_{measure}": text
        for task in tasks
        for short, set_name in sets.items()
        for measure, text in score_words(scores, task, set_name).items()
    }
    first, second = list(sets.values())[:2]
    f1 = scores.set_index(["task", "set"])["f1"].fillna(0.0)
    worse = [t.replace("lists", "list members") for t in tasks if f1[(t, first)] - f1[(t, second)] >= 0.1]
    words["evaluation_meaning"] = (
        f"The drop from the first to the second set for {' and '.join(worse)} means that the rules fit the "
        "wordings they were written from better than others: on a reader's own documents expect missed names "
        "or counts, and check the lists against the paragraphs the tables cite."
        if worse
        else "Both sets were read while the rules were written, so these scores are in-sample: on a reader's own "
        "documents, whose wordings may differ, check the lists against the paragraphs the tables cite."
    )
    return words


def first_appearance_values(first: pd.DataFrame, participation: pd.DataFrame) -> dict[str, object]:
    """Numbers and names of :func:`~.growth.first_appearances` for the prose: rows, participants listed
    as members whose joining year is unknown, participants never listed as members, and the sentence on which
    documents list member states (:func:`member_list_sentence`)."""
    unknown = first[first["first as member"].notna() & first["join year"].isna()]
    never = first[first["first as member"].isna()]
    unknown_names = ", ".join(unknown["name"]) if len(unknown) else "none"
    never_names = ", ".join(never["name"]) if len(never) else "none"
    return {
        "n_first_rows": len(first),
        "n_join_unknown": len(unknown),
        "join_unknown_names": unknown_names,
        "n_never_member": len(never),
        "never_member_names": never_names,
        "member_list_sentence": member_list_sentence(participation),
        "first_appearance_sentence": _first_appearance_sentence(
            len(first), (len(unknown), unknown_names), (len(never), never_names)
        ),
    }


def _first_appearance_sentence(rows: int, unknown: tuple[int, str], never: tuple[int, str]) -> str:
    """The table's participants whose join is unknown and those no dated source shows as members (each a count
    and its names), each verb and noun agreeing with its number (``1 is``, ``2 are``)."""

    def shown(n: int) -> str:
        return f"{n} is shown as a member" if n == 1 else f"{n} are shown as members"

    their = "its" if unknown[0] == 1 else "their"
    return (
        f"Of the {rows} participant{'' if rows == 1 else 's'} in the table, {shown(unknown[0])} at some point but "
        f"with {their} join unknown ({unknown[1]}), and {shown(never[0])} of the process by no dated source "
        f"({never[1]})."
    )
